"""The geoparser: the gazetteer, recognition and resolution behind one object that a process builds once."""
from __future__ import annotations

import pathlib
import re
from collections.abc import Sequence
from dataclasses import replace

from ..article import Place, Span
from ..errors import WirecoderError
from ..taxonomy.actor_lexicon import load_actor_lexicon
from .build import ensure_gazetteer
from .article_context import implied_countries
from .context import place_unknown_by_context, village_not_a_city
from .cues import apposition_after, based_after, cue_before, cue_owner, dateline_at, shared_head_after
from .chains import CHAIN_WORDS_FILE
from .lexicon import geo_lexicon, words
from .names import name_key, name_skeleton, written_as_abbreviation, written_variants
from .paths import default_gazetteer_path
from .area_lists import lists_of_areas
from .holding import DISTRICT_CODES, districts_told, own_district, owned_by_towns, spelled_within
from .qualify import Qualifier, place_within_chains
from .entry_tests import not_a_town_by_another_name, with_areas_of_the_bare_name
from .recognize import AREA_WORDS, SETTLEMENT_WORDS, Recognizer, Toponym
from .wording import PEOPLE_ADJECTIVE, hint_of_word, people_adjective, word_after
from .points import contains, distance_km
from .resolve import Mention, Ranked, RankWeights, Resolver
from .store import Entry, Gazetteer, NameKind

SEAT_AREA_CODES = frozenset({"ADM1", "ADM2", "ADM3", "ADM4", "ADM5"})  # GeoNames feature codes, not words
SEAT_KM = 250.0  # an area's point may be its province's (districts placed by their province): seats lie far
_DIRECTION_WORDS = tuple(f"{w} " for w in sorted(words("direction_prefixes")))
DISTRICT_WORDS = words("district_words")
REGION_WORDS = words("first_level_words")  # "the Timbuktu region": the words of a province after its capital's name
_ARTICLES = words("name_articles")


def geo_precision(entry: Entry | None, *, area_word: str | None = None) -> int:
    """ACLED's geo-precision: 1 a town, village or point; 2 a district (ADM2/ADM3, or an area the text calls a
    district); 3 a province, region or vaguer."""
    if entry is None:
        return 3
    if entry.feature_class == "A" and entry.feature_code != "PCLI" and area_word in DISTRICT_WORDS:
        return 2
    if entry.feature_class in ("P", "S"):
        return 1
    if entry.feature_code in ("ADM2", "ADM3", "ADM4", "ADM5", "PPLX"):
        return 2
    if entry.feature_class == "T" and entry.feature_code not in ("MTS", "DSRT", "PEN", "UPLD"):
        return 2
    return 3


class Geoparser:
    """Finds and resolves the toponyms of an article; holds only a read-only gazetteer connection."""

    def __init__(self, *, gazetteer_path: pathlib.Path | None = None, weights: RankWeights | None = None,
                 organisation_names: frozenset[str] | None = None):
        path = pathlib.Path(gazetteer_path) if gazetteer_path is not None else default_gazetteer_path()
        if gazetteer_path is not None and not path.is_file():  # a path given by hand is never built silently
            raise WirecoderError("W020", f"there is no gazetteer at {path}",
                                 fix=f"check the path (a typo?); to build one there, run `wirecoder gazetteer build "
                                     f"--out {path}`")
        ensure_gazetteer(path)
        self.gazetteer = Gazetteer(path)
        # groups' names (name_key) and acronyms: no places unless a sizeable place is so named (actor_groups.tsv)
        if organisation_names is None:
            organisation_names = organisation_names_of(load_actor_lexicon())
        self.recognizer = Recognizer(gazetteer=self.gazetteer, organisation_names=organisation_names)
        self.resolver = Resolver(weights=weights, neighbours=self.gazetteer.neighbours(),
                                 borrowed_point=self.gazetteer.borrowed_point, district_of=self.gazetteer.admin2_of)
        self.qualifier = Qualifier(lookup=self.candidates, exact_lookup=self.written_as,
                                   spelled=lambda text, areas: spelled_within(text, areas, self.gazetteer.by_skeleton),
                                   organisation=self._names_a_group if organisation_names else None)

    def _names_a_group(self, text: str) -> bool:
        """A chain's name that is a group's (its places looked up only then: chains are read in every article)."""
        return self.recognizer.is_group_name(text) and self.recognizer.names_a_group(text, self.candidates(text))

    def written_as(self, text: str) -> tuple[Entry, ...]:
        """The places a name is, as written, in another writing of it ("Ar-Raqqa" for "Raqqa", "Zolote-5" for
        Zolote) or without its area word ("Marjayoun District"): not a looser form ("Shabelle" for "Lower Shabelle")."""
        words = name_key(text).split()
        bare = [" ".join(words[:-1])] if len(words) >= 2 and words[-1] in AREA_WORDS | SETTLEMENT_WORDS else []
        for variant in (text, *written_variants(text), *bare):
            entries = self.gazetteer.lookup(variant)
            if entries:
                return entries
        return ()

    def candidates(self, text: str) -> tuple[Entry, ...]:
        """Every place a toponym as written could be, trying the forms news wraps names in."""
        for variant in (text, *_variants(text)):
            entries = self.gazetteer.lookup(variant)
            if not written_as_abbreviation(variant):
                entries = _without_abbreviations(entries)
            if entries:
                return with_areas_of_the_bare_name(self.gazetteer, variant, entries)
        return ()

    def toponyms(self, doc) -> list[Toponym]:
        return [self._in_owner_country(doc.text, _named_feature(doc.text, t)) for t in self.recognizer.find(doc)]

    def _in_owner_country(self, text: str, toponym: Toponym) -> Toponym:
        """A toponym a country owns by a possessive ("in Colombia's Catatumbo region") keeps only its candidates in
        that country: a namesake abroad (Venezuela's Catatumbo municipio) is not it, and a name with none there is
        one the gazetteer lacks, placed by its context."""
        countries = self._owner_countries(text, toponym.start) if toponym.entries else frozenset()
        if not countries:
            return toponym
        return replace(toponym, entries=tuple(e for e in toponym.entries if e.country in countries))

    def _owner_countries(self, text: str, start: int) -> frozenset[str]:
        """The country a possessive right before ``start`` names ("Colombia's "); none for a town's ("Kano's Sabon
        Gari") or with no possessive."""
        owner = _POSSESSIVE_COUNTRY.search(text, max(0, start - 40), start)
        if owner is None:
            return frozenset()
        return frozenset(e.country for e in self.gazetteer.lookup(owner.group(1)) if e.feature_code == "PCLI")

    def places_in_doc(self, doc, *, text: str, outlet_country: str | None = None,
                      implied: frozenset[str] = frozenset()) -> list[Place]:
        """Every toponym of a Doc (offsets into ``text``) resolved, in order; ``implied``: countries it implies."""
        chained = self.qualifier.apply(text, self.toponyms(doc),
                                       entities=lambda: [(e.start_char, e.end_char, PEOPLE_ADJECTIVE if
                                                          people_adjective(doc, e.start, e.end, e.label_) else
                                                          e.label_) for e in doc.ents],
                                       owners=lambda start: self._owner_countries(text, start))
        found = owned_by_towns(text, chained.toponyms)
        containers = _containers(text, [(t.start, t.end) for t in found], [t.entries for t in found])
        hints = _qualifiers_are_areas([t.hint for t in found], [t.entries for t in found], containers)
        hints = lists_of_areas(text, [(t.start, t.end) for t in found], [t.entries for t in found], hints)
        containers = [c or self._owner(text, t.start) for t, c in zip(found, containers)]
        ranked = self.resolver.rank([Mention(t.text, t.entries, h, c) for t, h, c in zip(found, hints, containers)],
                                    outlet_country=outlet_country,
                                    implied=implied_countries(doc, self.gazetteer.lookup) | implied)
        ranked = [self._region_of_its_capital(r, word_after(text, t.end)) for t, r in zip(found, ranked)]
        places = [village_not_a_city(self._with_seat(to_place(Span(t.start, t.end, text[t.start:t.end]), r,
                  area_word=t.area_word), r.entry), r.entry, text) for t, r in zip(found, ranked)]
        places = districts_told(places, [r.entry for r in ranked], chained.hosts)
        return place_unknown_by_context(place_within_chains(places, chained.hosts), text,
                                        opening_city=self.opening_city)

    def _region_of_its_capital(self, ranked: Ranked, word: str | None) -> Ranked:
        """ "The Timbuktu region": a town told with a first-level area's word after it, when it is the largest town
        of its first-level area (most often its capital) and no area of its name was read, names that area (the
        gazetteer knows the region as "Tombouctou" only)."""
        town = ranked.entry
        if town is None or town.feature_class != "P" or word not in REGION_WORDS or not town.admin1_code \
                or not town.admin1:
            return ranked
        largest = self.gazetteer.largest_town(town.country, town.admin1_code)
        if largest is None or largest.place_id != town.place_id:
            return ranked
        region = next((e for e in self.gazetteer.lookup(town.admin1) if e.feature_code == "ADM1"
                       and e.country == town.country and e.admin1_code == town.admin1_code and e.lat is not None), None)
        return Ranked(region, ranked.candidates) if region is not None else ranked

    def opening_city(self, place: Place) -> Place | None:
        """The big city whose name opens a name the gazetteer lacks ("Aleppo Central Prison", "Kabul University",
        "Baghdad-Karkh"): the capital or a town of SUBURB_CITY_POPULATION people or more whose name (as written or
        spelled another way) the first words are, in a name of capitalised words (not "San Juan de los Llanos")."""
        parts = list(_NAME_WORD.finditer(place.span.text))
        if len(parts) < 2 or any(not p.group()[:1].isupper() and not p.group()[:1].isdigit() for p in parts):
            return None  # "San Juan de los Llanos", "Jabal al Sheikh": a name of its own, joined by small words
        if parts[-1].group().title() in NATURAL_FEATURE_WORDS:
            return None  # "Oldport Bay": a feature named after a town may lie far from it
        for n in range(len(parts) - 1, 0, -1):
            head = place.span.text[:parts[n - 1].end()]
            cities = [e for e in self.gazetteer.lookup(head) if e.feature_class == "P" and e.lat is not None
                      and (e.kind == NameKind.PRIMARY or e.kind == NameKind.ALTERNATE
                           and name_skeleton(e.name) == name_skeleton(head))  # its name, not a code ("SAN")
                      and (e.feature_code == "PPLC" or e.population >= SUBURB_CITY_POPULATION)]
            if cities:
                city = max(cities, key=lambda e: e.population)
                span = Span(place.span.start, place.span.start + len(head), head)
                return to_place(span, Ranked(city, tuple(cities)))
        return None

    def _with_seat(self, place: Place, entry: Entry | None) -> Place:
        """An area with its seat; a district that has no point of its own (the gazetteer placed it at its
        province's) takes its seat's point outright, for the places named within it too."""
        if entry is not None:  # the district it lies in, as the gazetteer knows it
            place = replace(place, admin2=self.gazetteer.admin2_of(entry))
        seat = self.seat_of(entry) if entry is not None else None
        if seat is None:  # a town: the district of its own name it is the seat of, if any
            return replace(place, district=own_district(entry, self.gazetteer.lookup, told=place.span.text)) \
                if entry is not None else place
        if self.gazetteer.borrowed_point(entry):
            return replace(place, lat=seat.lat, lon=seat.lon, seat=(seat.lat, seat.lon))
        # a province's event is coded at its capital; a district with a point of its own keeps it (its seat may lie
        # at its edge, beside another district's town: Jamshoro by Hyderabad)
        return replace(place, seat=(seat.lat, seat.lon)) if entry.feature_code == "ADM1" else place

    def seat_of(self, area: Entry) -> Entry | None:
        """The seat of a district or province: the town of the area's own name (its area word dropped: "Ras al-Ayn
        District", "Hajjah" governorate) in the same country and first-level area, within SEAT_KM of the area's
        point; the most populous when several. A province whose seat bears another name: its most populous town,
        most often its capital (the gazetteer's towns carry no capital codes). None for other places."""
        if area.feature_class != "A" or area.feature_code not in SEAT_AREA_CODES or area.lat is None:
            return None
        words = [w for w in name_key(area.name).split() if w not in AREA_WORDS]
        if not words:
            return None
        towns = [e for e in self.gazetteer.lookup(" ".join(words))
                 if e.feature_class == "P" and e.country == area.country and e.lat is not None
                 and e.kind != NameKind.DEMONYM
                 and (not area.admin1_code or not e.admin1_code or e.admin1_code == area.admin1_code)
                 and distance_km(area.lat, area.lon, e.lat, e.lon) <= SEAT_KM]
        if towns:
            return max(towns, key=lambda e: e.population)
        if area.feature_code == "ADM1" and area.admin1_code and area.country:
            return self.gazetteer.largest_town(area.country, area.admin1_code)  # most often the capital
        return None

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]], *,
                      outlet_country: str | None = None) -> list[Place]:
        """Resolve exactly the given toponym spans, one place per span, in the order given."""
        order = sorted(range(len(spans)), key=lambda i: spans[i])  # context is read in text order
        in_text = [spans[i] for i in order]
        candidates = [self._span_candidates(text, start, end) for start, end in in_text]
        containers = _containers(text, in_text, candidates)
        hints = _qualifiers_are_areas([_hint(text, start, end) for start, end in in_text], candidates, containers)
        hints = lists_of_areas(text, in_text, candidates, hints)
        containers = [c or self._owner(text, start) for (start, _), c in zip(in_text, containers)]
        items = [Mention(text[start:end], cands, hint, container)
                 for (start, end), cands, hint, container in zip(in_text, candidates, hints, containers)]
        ranked = self.resolver.rank(items, outlet_country=outlet_country)
        placed = place_unknown_by_context([to_place(Span(start, end, text[start:end]), result,
                                                    area_word=word_after(text, end))
                                           for (start, end), result in zip(in_text, ranked)], text,
                                          opening_city=self.opening_city)
        places: list[Place | None] = [None] * len(spans)
        for i, place in zip(order, placed):
            places[i] = place
        return places  # type: ignore[return-value]  # every slot is filled

    def _span_candidates(self, text: str, start: int, end: int) -> tuple[Entry, ...]:
        """The candidates of a given span; a lone direction word sharing the head of a name coordinated after it
        ("Eastern" in "Eastern and Southern Europe") takes those of the whole name it stands for, when known."""
        head = shared_head_after(text, start, end)
        whole = self.candidates(f"{text[start:end]} {head}") if head else ()
        return whole or self.candidates(text[start:end])

    def _owner(self, text: str, start: int) -> tuple[Entry, ...]:
        """The countries and first-level areas that qualify a kind-of-place word before a toponym: "the Yemeni
        capital Sanaa" (Yemen), "the Hunan city of Yueyang" (Hunan); or the big city of a suburb ("the Cincinnati
        suburb of West Chester")."""
        owner = cue_owner(text, start)
        if owner is None:
            return ()
        entries = self.gazetteer.lookup(owner)
        areas = tuple(e for e in entries if e.feature_code in ("PCLI", "ADM1"))
        if areas or not _suburb_before(text, start):
            return areas
        # "the Cincinnati suburb of West Chester": a suburb lies beside its big city
        return tuple(e for e in entries if e.feature_class == "P" and e.population >= SUBURB_CITY_POPULATION)

    def close(self) -> None:
        self.gazetteer.close()


_POSSESSIVE_COUNTRY = re.compile(r"\b([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})['’]s\s+$")


def to_place(span: Span, ranked: Ranked, *, area_word: str | None = None) -> Place:
    e = ranked.entry
    if e is None:
        return Place(span=span, name=span.text, geonameid=None, lat=None, lon=None, country=None, admin1=None,
                     feature_class=None, feature_code=None, geo_precision=3)
    return Place(span=span, name=e.name, geonameid=e.geonameid, lat=e.lat, lon=e.lon, country=e.country,
                 admin1=e.admin1, feature_class=e.feature_class, feature_code=e.feature_code,
                 geo_precision=geo_precision(e, area_word=area_word))


def _without_abbreviations(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    return tuple(e for e in entries if e.kind != NameKind.ABBREVIATION)


def _variants(text: str) -> list[str]:
    """Shorter forms to try when a toponym as written is unknown: no possessive, no direction word, no area word."""
    out = written_variants(text)
    base = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            out.append(base)
    lowered = base.casefold()
    for word in _DIRECTION_WORDS:
        if lowered.startswith(word):
            out.append(base[len(word):])
    key = name_key(base)
    words = key.split()
    if len(words) >= 2 and words[0] in _ARTICLES:  # "Al-Minya" -> "Minya"
        out.append(" ".join(words[1:]))
    if len(words) >= 2 and words[-1] in AREA_WORDS | SETTLEMENT_WORDS:
        out.append(" ".join(words[:-1]))
    if len(words) >= 3 and words[0] in AREA_WORDS | SETTLEMENT_WORDS and words[1] == "of":
        out.append(" ".join(words[2:]))
    return out


# "Monroe County in northeast Missouri", "the town of Qatraneh in the Karak district": "in" and the area that holds it
_IN_AREA = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:" + "|".join(sorted(words("qualifier_directions"), key=len, reverse=True))
                      + r")\s+)?")


def _containers(text: str, spans: Sequence[tuple[int, int]],
                candidates: Sequence[tuple[Entry, ...]]) -> list[tuple[Entry, ...]]:
    """For each toponym, the countries and first-level areas that the toponym right after it, past a comma or "in",
    can be ("Paris, Texas", "Ganja, Azerbaijan", "Monroe County in northeast Missouri"): news qualifies a town by
    the area that holds it this way."""
    out: list[tuple[Entry, ...]] = []
    for i, (_, end) in enumerate(spans):
        area: tuple[Entry, ...] = ()
        gap = text[end:spans[i + 1][0]] if i + 1 < len(spans) else ""
        if i + 1 < len(spans) and (gap.strip() == "," and len(gap) <= 3 or _IN_AREA.fullmatch(gap)):
            area = tuple(e for e in candidates[i + 1] if e.feature_code in ("PCLI", "ADM1"))
        out.append(area)
    return out


def _qualifiers_are_areas(hints: Sequence[str | None], candidates: Sequence[tuple[Entry, ...]],
                          containers: Sequence[tuple[Entry, ...]]) -> list[str | None]:
    """The qualifier of "Buffalo, New York" is the state, not the city: a toponym that can hold the one before
    it is read as an area (when the words around it say nothing else). In a list ("Ganja, Mingachevir") the
    next name holds none of the places the one before could be, and keeps its own reading."""
    out = list(hints)
    for i, container in enumerate(containers):
        if container and i + 1 < len(out) and out[i + 1] is None and any(
                contains(area, entry) for area in container for entry in candidates[i]):
            out[i + 1] = "area"
    return out


SUBURB_CITY_POPULATION = 100_000
NATURAL_FEATURE_WORDS = geo_lexicon(CHAIN_WORDS_FILE).words("natural_feature_words")
SITE_WORDS = geo_lexicon(CHAIN_WORDS_FILE).words("site_words")


def _named_feature(text: str, toponym: Toponym) -> Toponym:
    after = text[toponym.end:toponym.end + 20].split(maxsplit=1)
    word = after[0].strip(".,;:!?)'\"") if after else ""
    entries = not_a_town_by_another_name(toponym.entries, word, NATURAL_FEATURE_WORDS)
    if word.casefold() in SITE_WORDS:  # "Makoni shopping centre": the site's name, not Makoni District's
        entries = tuple(e for e in entries if e.kind == NameKind.PRIMARY or e.feature_code not in DISTRICT_CODES)
    return toponym if entries == toponym.entries else replace(toponym, entries=entries)


_NAME_WORD = re.compile(r"[^\s\-–]+")
_SUBURB_BEFORE = re.compile(r"\bsuburbs?\s+(?:of\s+)?$", re.IGNORECASE)


def _suburb_before(text: str, start: int) -> bool:
    return _SUBURB_BEFORE.search(text, max(0, start - 12), start) is not None


def _hint(text: str, start: int, end: int) -> str | None:
    """What the words around a given span say it is: the word after it, a dateline (a city), the word before it."""
    after = _hint_after(text, end)
    if after is not None:
        return after
    if dateline_at(text, start, end) or based_after(text, end):
        return "city"
    return cue_before(text, start) or apposition_after(text, start, end)


def _hint_after(text: str, end: int) -> str | None:
    following = text[end:end + 24].split()
    word = following[0].strip(".,;:").casefold() if following else ""
    if len(following) > 1 and following[1].casefold() == "of":
        return None  # "the Hunan city of Yueyang": the word is about the next name
    return hint_of_word(word)


def organisation_names_of(lexicon) -> frozenset[str]:
    """The names of an actor lexicon's groups, folded with name_key, and their acronyms as written ("M23")."""
    return frozenset(name_key(n) for n in lexicon.group_names()) | lexicon.group_acronyms()
