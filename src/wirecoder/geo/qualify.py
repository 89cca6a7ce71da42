"""Qualifier chains against the gazetteer: the areas named after a place restrict which place it is.

"Dorsk, Gadabay" in a story about Azerbaijan is not a Dorsk of India; "Njiapanda village (Lubero, Nord-Kivu)"
is in Nord-Kivu whatever namesake a gazetteer holds abroad; "Ostrin, Donetsk" is in Donetsk oblast, not a
namesake of another oblast. For every chain that ``geo/chains.py`` reads in the text, each name's candidates are
cut to those held by a candidate of the next known name (and that one's to those holding one), by admin codes
for countries and first-level areas, by distance for districts and towns (``holds``). A name whose candidates
all lie outside the areas that follow it in brackets or after "in" is a namesake: the gazetteer lacks the place,
and the name is placed within the chain's most specific known area (``place_within_chains``) at ACLED's
geo-precision 2 beside a town or district, 3 in a province or country. After a comma the same holds only when
the next name is an area and the first a small place (under NAMESAKE_POPULATION): "Ganja, Mingachevir" stays a
list of two towns.

The chain also makes its names toponyms that recognition missed (spaCy tags "Goma (Goma" as an organisation
and "Udawa" as nothing): a chain's first name is a place when a known area follows it in brackets, or when the
words before it call it one ("in X, Y", "the village of X", "near X").
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..article import Place
from ..lexicon import load_lexicon
from .countries import COUNTRY_CODES
from .lexicon import words
from .chains import Chain, ChainReader, Link, chain_lexicon
from .context import placed_at
from .names import name_skeleton
from .recognize import Toponym
from .points import distance_km
from .store import Entry, NameKind
from .wording import PEOPLE_ADJECTIVE, hint_of_word, own_place_name

from .holding import (BIG_TOWN_HOLD_KM, BIG_TOWN_POPULATION, DISTRICT_CODES, NAMESAKE_POPULATION,
                      by_the_province, holds)

AMBIGUOUS_COUNTRIES = 3  # a qualifier naming areas in this many countries proves no namesake
STRONG_JOINS = chain_lexicon().words("strong_join")  # "(", "in", "near", "of"
PLACE_JOINS = words("qualifier_prepositions")  # "in", "near": the chain tells where a place is
CITY_PART_REACH_CHARS = 400  # how far back in the text the town of a neighbourhood is looked for
PERSON_LABELS = frozenset({"PERSON", "NORP"})


@dataclass(frozen=True)
class ChainedToponyms:
    """Toponyms with the chains' names added and their candidates restricted; ``hosts`` maps the index of a
    toponym to the indices of the areas after it in its chain, narrowest first (where an unknown name goes)."""

    toponyms: list[Toponym]
    hosts: dict[int, tuple[int, ...]]


class Qualifier:
    """Reads the qualifier chains of a text and weighs them against the gazetteer (``lookup``: every place a
    name as written can be)."""

    def __init__(self, *, lookup: Callable[[str], tuple[Entry, ...]],
                 exact_lookup: Callable[[str], tuple[Entry, ...]] | None = None,
                 spelled: Callable[[str, tuple[Entry, ...]], tuple[Entry, ...]] | None = None,
                 organisation: Callable[[str], bool] | None = None):
        self.reader = ChainReader()
        self.organisation = organisation  # is a name a group's rather than a place's
        self.lookup = lookup
        self.exact_lookup = exact_lookup or lookup
        self.spelled = spelled  # a name the gazetteer holds under another spelling in the areas given
        lex = chain_lexicon()
        self.area_kinds = lex.words("area_kinds")
        self.city_parts = lex.words("city_parts")
        self.facility_words = load_lexicon("place_names").words("facility_word")

    def apply(self, text: str, found: Sequence[Toponym], *,
              entities: Sequence[tuple[int, int, str]] | Callable[[], Sequence[tuple[int, int, str]]] = (),
              owners: Callable[[int], frozenset[str]] | None = None) -> ChainedToponyms:
        """``found``: the toponyms recognition took, in text order; ``entities``: spaCy's (start, end, label), or a
        function that gives them (called only when a chain needs them); ``owners``: the countries a possessive
        before the name starting at an offset gives ("Colombia's Catatumbo region"), none when there is none."""
        labels = _Labels(entities, owners=owners)
        by_span = {(t.start, t.end): t for t in found}
        added: list[Toponym] = []
        chain_of: list[tuple[tuple[int, int], tuple[tuple[int, int], ...]]] = []
        for chain in self.reader.find(text):
            chain = self._before_groups(chain)
            if chain is None:
                continue
            links = self._weigh(chain, labels, by_span)
            if not links:
                continue
            spans = [(t.start, t.end) for t in links]
            added.extend(links)
            for i, span in enumerate(spans[:-1]):
                chain_of.append((span, tuple(spans[i + 1:])))
        merged = _merge(found, added) if added else list(found)
        index = {(t.start, t.end): i for i, t in enumerate(merged)}
        hosts = {index[span]: tuple(index[h] for h in after if h in index)
                 for span, after in chain_of if span in index}
        self._city_parts(text, merged, hosts)
        return ChainedToponyms(merged, hosts)

    def _before_groups(self, chain: Chain) -> Chain | None:
        """The chain up to its first group name ("raid Mujahideen (Taliban) positions"; "Logar," Taliban
        spokesman), or after it when it opens the chain ("the Donbass People's Militia in Zhabichevo"): a group is
        neither a place nor the area that holds one."""
        if self.organisation is None:
            return chain
        cut = next((i for i, link in enumerate(chain.links) if self.organisation(link.text)), None)
        if cut is None:
            return chain
        if cut > 0:
            return replace(chain, links=chain.links[:cut], joins=chain.joins[:cut - 1])
        if len(chain.links) < 2:
            return None
        # "the positions of the Donbass People's Militia in Zhabichevo": the group's place is still one
        return replace(chain, links=chain.links[1:], joins=chain.joins[1:], cued=chain.joins[0] in PLACE_JOINS,
                       named_place=False)

    def _city_parts(self, text: str, toponyms: list[Toponym], hosts: dict[int, tuple[int, ...]]) -> None:
        """ "In Sao Goncalo, Rio de Janeiro, police raided the Santa Luzia neighborhood": a neighbourhood lies by
        the town named before it, not at a namesake town afar; with no candidate there, it is placed at the
        town. Changes ``toponyms`` and ``hosts`` in place."""
        for i, t in enumerate(toponyms):
            following = text[t.end:t.end + 24].split()
            if not following or following[0].strip(".,;:").casefold() not in self.city_parts or i in hosts:
                continue
            before = [j for j in range(i - 1, -1, -1) if t.start - toponyms[j].end <= CITY_PART_REACH_CHARS
                      and any(e.feature_class == "P" for e in toponyms[j].entries)]
            # the town, not the state named after its capital ("in Sao Goncalo, Rio de Janeiro, ...")
            city = next((j for j in before if not any(e.feature_code in COUNTRY_CODES or e.feature_code == "ADM1"
                                                      for e in toponyms[j].entries)), before[0] if before else None)
            if city is None:
                continue
            towns = [e for e in toponyms[city].entries if e.feature_class == "P"]
            near = tuple(e for e in t.entries if e.lat is not None and any(
                distance_km(c.lat, c.lon, e.lat, e.lon) <= BIG_TOWN_HOLD_KM for c in towns))
            if near != t.entries:
                toponyms[i] = replace(t, entries=near)
            if not near:
                hosts[i] = (city,)

    def _weigh(self, chain: Chain, labels: _Labels, by_span: dict) -> list[Toponym]:
        """The chain's names as toponyms, candidates restricted; [] when the chain says nothing of places."""
        links = list(chain.links)
        if len(links) > 1 and (self._nationality_word(links[0].text) or labels.get(
                (links[0].start, links[0].end)) == PEOPLE_ADJECTIVE and not own_place_name(self.lookup(links[0].text))):
            # "the northern Nigerian city of Kano": the kind word, and the nationality (or faith) before it, are Kano's
            return self._weigh(Chain(tuple(links[1:]), tuple(chain.joins[1:]), True), labels, by_span)
        entries = [self._entries(link) or _recognized(link, by_span) for link in links]
        if len(links) > 1 and chain.joins[0] in PLACE_JOINS and any(e.feature_code in COUNTRY_CODES
                                                                          for e in entries[0]):
            return self._after_head(chain, labels, by_span)  # "the Govt of Somalia near Gaduud village (X, Y)"
        initials = [i > 0 and _initials(link.text) for i, link in enumerate(links)]
        if not any(es for es, short in zip(entries[1:], initials[1:]) if not short):
            entries = [es if not short else () for es, short in zip(entries, initials)]  # "(X, KL)": no evidence
        loose = [short or (bool(es) and not self.exact_lookup(link.text))
                 for link, es, short in zip(links, entries, initials)]
        if len(links) > 1:
            for i in range(1, len(links)):
                entries[i] = entries[i] + self._province_named_like(links[i].text, entries[i])
            entries = [labels.owned(link.start, es) for link, es in zip(links, entries)]
            for i in range(len(links) - 1):  # a name none of whose places the area after it holds: another spelling?
                areas = next((es for es in entries[i + 1:] if es), ())
                if self.spelled is not None and not initials[i] and not any(holds(a, e) for a in areas
                                                                            for e in entries[i]):
                    entries[i] = self.spelled(links[i].text, areas) or entries[i]
            if not entries[0]:
                entries[0] = self._leading_name(links[0], entries[1:])
            entries, cut = _consistent(entries, chain.joins, loose)
            links, entries = links[:cut], entries[:cut]
        if len(links) < 2 or not any(entries[1:]):  # no known area holds the name: no chain
            return self._named_place(chain, by_span) if chain.named_place else []
        head = links[0]
        uncued_person = not chain.cued and labels.get((head.start, head.end)) in PERSON_LABELS \
            and len(head.text.split()) >= 2
        if uncued_person or not (chain.cued or chain.joins[0] == "(" or entries[0]):
            # "Ahmed Ali (Hodeidah)": a person and where he is from; "a hospital in Akure (Akure South LGA, Ondo)":
            # the chain of the place after "in"
            return self._after_head(chain, labels, by_span) if chain.joins[0] in PLACE_JOINS else []
        toponyms = [_toponym(link, es, by_span) for link, es in zip(links, entries)]
        if head.kind is None and toponyms[0].hint is None and not any(e.feature_code in COUNTRY_CODES
                                                                       for e in entries[1]) and \
                any(e.feature_class == "P" for e in entries[0]):
            toponyms[0] = replace(toponyms[0], hint="settlement")  # "Coquimbo (Coquimbo)": the town of the area
        # an area no gazetteer knows ("(Kurnool, AP)") only situates the place: it is no place of the text's own
        return [t for i, t in enumerate(toponyms) if i == 0 or t.entries or (t.start, t.end) in by_span]

    def _after_head(self, chain: Chain, labels: _Labels, by_span: dict) -> list[Toponym]:
        """The chain that begins after the first name and its "in" or "near"."""
        rest = Chain(tuple(chain.links[1:]), tuple(chain.joins[1:]), True, chain.joins[0] == "near")
        return self._weigh(rest, labels, by_span)

    def _nationality_word(self, text: str) -> bool:
        """Whether the name is only a nationality word to the gazetteer ("Nigerian", "Ukrainian")."""
        found = self.lookup(text)
        return bool(found) and all(e.kind == NameKind.DEMONYM for e in found)

    def _named_place(self, chain: Chain, by_span: dict) -> list[Toponym]:
        """ "the village of X", "near X": a place whether or not a gazetteer knows it (not a nationality word:
        "near Syrian positions")."""
        link = chain.links[0]
        if (link.start, link.end) in by_span or (link.start, link.outer_end) in by_span or \
                self._nationality_word(link.text):
            return []
        return [_toponym(link, self._entries(link) or _recognized(link, by_span), by_span)]

    def _entries(self, link: Link) -> tuple[Entry, ...]:
        """The places a name of a chain can be; of the kind its kind word says when there are such ("Badah town":
        towns; "Chikun LGA", "Howrah district": areas)."""
        found = tuple(e for e in self.lookup(link.text) if e.kind != NameKind.DEMONYM and e.lat is not None)
        hint = None
        if link.kind is not None:
            hint = "area" if link.kind in self.area_kinds else hint_of_word(link.kind)
        if hint == "area":
            return tuple(e for e in found if e.feature_class == "A" and e.feature_code not in COUNTRY_CODES) or found
        if hint == "settlement":  # a town, or the district named after it ("Bagram city": Bagram district)
            return tuple(e for e in found if e.feature_class == "P" or e.feature_code in DISTRICT_CODES) or found
        return found

    def _province_named_like(self, text: str, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        """ "Quamishli city (Al-Hasakeh)": an area of a chain known only as a town whose province bears its name,
        spelt otherwise (Al-Hasakah governorate), is that province too."""
        if any(e.feature_code == "ADM1" for e in entries):
            return ()
        skeleton = name_skeleton(text)
        return tuple(dict.fromkeys(p for e in entries if e.feature_class == "P" and e.admin1
                                   and name_skeleton(e.admin1) == skeleton for p in self.lookup(e.admin1)
                                   if p.feature_code == "ADM1" and p.country == e.country
                                   and p.admin1_code == e.admin1_code))

    def _leading_name(self, head: Link, outer: Sequence[tuple[Entry, ...]]) -> tuple[Entry, ...]:
        """ "Uitenhage Provincial Hospital (Nelson Mandela Bay, Eastern Cape)": a name no gazetteer knows that opens
        with a place the chain's areas hold is at that place."""
        words = head.text.split()
        building = words[-1].casefold() in self.facility_words  # a building's: a town's former name will do
        areas = next((es for es in outer if es), ())
        for k in range(len(words) - 1, 0, -1):
            held = tuple(e for e in self._entries(Link(head.start, head.start, " ".join(words[:k])))
                         if e.feature_class == "P" and (e.kind == NameKind.PRIMARY or building and e.kind ==
                                                         NameKind.ALTERNATE) and any(holds(a, e) for a in areas))
            if held:
                return held
        return ()


def _consistent(entries: list[tuple[Entry, ...]], joins: Sequence[str],
                loose: Sequence[bool]) -> tuple[list[tuple[Entry, ...]], int]:
    """Each known name's candidates cut to those the next known name can hold, and that one's to those holding
    one; a name no candidate of the next can hold is a namesake (dropped) when the join says it lies there, and
    otherwise ends the chain (a list of peers). A name known only by a looser form ("Lower Shabelle" as "Shabelle")
    makes no namesake. Returns the entries and how many names the chain keeps."""
    out = list(entries)
    cut = len(out)
    # a country inside a chain ("Al Jabaliyah area in western Yemen (At Tuhayat, Al Hudaydah)") holds everything of
    # its own and situates nothing more: the names around it are weighed against each other
    known = [i for i, es in enumerate(out) if es and (i == len(out) - 1 or i == 0
                                                      or not all(e.feature_code in COUNTRY_CODES for e in es))]
    for a, b in list(zip(known, known[1:]))[:0:-1]:  # outer qualifiers first narrow the ones before them
        out[a] = tuple(e for e in out[a] if any(holds(o, e) for o in out[b])) or out[a]  # ("Merida, Merida state")
    for a, b in zip(known, known[1:]):
        if b >= cut:
            break
        pairs = [(o, e) for o in out[b] for e in out[a] if holds(o, e)]
        areas = [(o, e) for o, e in pairs if o.feature_class == "A" and o.place_id != e.place_id]
        # a qualifier is an area when it can be one ("Benito Juarez, Nuevo Leon": the state, not a namesake town
        # beside a namesake; "Santa Ana (Santa Ana)": the town of the department of its name)
        if not areas and any(o.feature_class == "A" and o.feature_code not in COUNTRY_CODES
                             and o.kind == NameKind.PRIMARY for o in out[b]):
            pairs = []  # only a namesake town beside a namesake fits: the area named holds none of the places
        pairs = areas or pairs
        inner = tuple(dict.fromkeys(e for _, e in pairs))
        outer = tuple(dict.fromkeys(o for o, _ in pairs))
        if not inner and not loose[b]:
            inner, outer = by_the_province(out[a], out[b])
        if inner:
            out[a], out[b] = inner, outer
        elif not loose[b] and _namesake(out[a], out[b], joins[b - 1]):
            out[a] = ()
        else:
            cut = b
    for a, b in zip(reversed(known), list(reversed(known))[1:]):  # outer to inner, once the outer are cut
        if a < cut and out[a] and out[b]:
            out[b] = tuple(e for e in out[b] if any(holds(o, e) for o in out[a])) or out[b]
    return out, cut


def _namesake(inner: tuple[Entry, ...], outer: tuple[Entry, ...], join: str) -> bool:
    """Whether a name none of whose places lies in the area after it is a namesake the gazetteer holds elsewhere
    (so the place itself is missing): always after "of" ("the Islamabad area of X district"); after brackets or
    "in" or "near" unless it can be a country (or, after "in" or "near", a province), or, except after "in", a
    capital or a city of BIG_TOWN_POPULATION of the next name's country ("Panama City (Bella Vista)"); after a
    comma when the next
    name is a city of BIG_TOWN_POPULATION and the first names only small places in its country and no big town
    abroad ("San Cristobal, Bogota"),
    when the next name is
    an area and the first names only small places (under NAMESAKE_POPULATION) in its country ("Ostrin, Donetsk",
    "La Mesk, Lambayeque"), or when the next name is a town and the first names only small places, all in other
    countries ("La Candelaria, Bogota")."""
    if len({o.country for o in outer}) >= AMBIGUOUS_COUNTRIES:
        return False  # "Lilongwe (Central)", "Vellor (Vellor, Southern)": a name of areas in many countries
    if join == "of":
        return True
    countries = {o.country for o in outer}
    if any(e.feature_code in COUNTRY_CODES for e in inner) or (join != "in" and any(
            (e.feature_code == "PPLC" or e.population >= BIG_TOWN_POPULATION) and e.feature_class == "P"
            and e.kind == NameKind.PRIMARY and e.country in countries for e in inner)):
        return False  # a country, a capital or a city is named for itself ("Panama City (Bella Vista)": a part
        # of it follows), but not with a qualifier of another country ("San Juan, Lagunillas" in Venezuela) or
        # said to lie in an area that holds none of its namesakes ("Mansura in Raqqa province")
    if join == "(":  # a province in brackets lies in no other: "Anosy (Ambalavao, Haute Matsiatra)" is a quarter
        return True
    if any(e.feature_code == "ADM1" and e.country in countries for e in inner):
        return False  # a province of the qualifier's country ("in Diyala near Baghdad"); one abroad is a namesake
    if join in STRONG_JOINS:
        return True
    local = [e for e in inner if e.country in countries]
    if all(e.population < NAMESAKE_POPULATION for e in local) and all(
            e.population < BIG_TOWN_POPULATION and e.feature_code != "PPLC" for e in inner
            if e.kind == NameKind.PRIMARY) and any(
            o.feature_class == "P" and o.population >= BIG_TOWN_POPULATION for o in outer):
        return True  # "San Cristobal, Bogota": a part of the city, not a town of that name abroad
    if any(o.feature_code == "ADM1" and o.kind == NameKind.PRIMARY for o in outer) and not any(
            e.feature_code == "ADM1" for e in inner):
        return True  # "Benito Juarez, Nuevo Leon": a town or district named with a state lies in it, whatever
        # bigger namesakes the country has elsewhere (a state is no peer in a list of towns)
    if any(o.feature_class == "A" and o.feature_code not in COUNTRY_CODES for o in outer):
        # "Ostrin, Donetsk", "La Mesk, Lambayeque": the small places of the name in the area's country lie
        # elsewhere (a big one abroad is another place again), so this one is missing
        return all(e.population < NAMESAKE_POPULATION for e in local)
    return not local and all(e.population < NAMESAKE_POPULATION for e in inner)


class _Labels:
    """What a chain may ask of its text beyond its names: spaCy's entity labels by span, read only when a chain
    asks (most articles never do: ``doc.ents`` is not free), and the country a possessive gives a name."""

    def __init__(self, entities: Sequence[tuple[int, int, str]] | Callable[[], Sequence[tuple[int, int, str]]], *,
                 owners: Callable[[int], frozenset[str]] | None = None):
        self._entities = entities
        self._owners = owners
        self._by_span: dict[tuple[int, int], str] | None = None

    def owned(self, start: int, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        """A name a country owns by a possessive ("in Colombia's Catatumbo region") is one of its places there: a
        namesake abroad (Venezuela's Catatumbo municipio) is not it, and with none there the name is one the
        gazetteer lacks, which situates nothing."""
        countries = self._owners(start) if self._owners is not None else frozenset()
        return tuple(e for e in entries if e.country in countries) if countries else entries

    def get(self, span: tuple[int, int]) -> str | None:
        if self._by_span is None:
            entities = self._entities() if callable(self._entities) else self._entities
            self._by_span = {(s, e): label for s, e, label in entities}
        return self._by_span.get(span)


def _initials(text: str) -> bool:
    """ "KL", "TN", "J&K": initials name an area only beside another known name of the chain (they stand for many)."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def _recognized(link: Link, by_span: dict) -> tuple[Entry, ...]:
    """The places recognition found for a name the gazetteer lacks as written (another spelling of a town of the
    article's country: article_context.respell_in_named_countries)."""
    known = by_span.get((link.start, link.end))
    return known.entries if known is not None else ()


def _toponym(link: Link, entries: tuple[Entry, ...], by_span: dict) -> Toponym:
    known = by_span.get((link.start, link.end)) or by_span.get((link.start, link.outer_end))
    if known is not None:  # recognition's span stays ("Saydabad district"), with the chain's candidates
        hint = known.hint or (hint_of_word(link.kind) if link.kind else None)
        return replace(known, entries=entries, hint=hint, area_word=known.area_word or link.kind)
    return Toponym(link.start, link.end, link.text, entries, hint_of_word(link.kind) if link.kind else None,
                   "CHAIN", link.kind)


def _merge(found: Sequence[Toponym], added: Sequence[Toponym]) -> list[Toponym]:
    """The chains' toponyms replace what recognition found over the same words; the rest stays."""
    taken = [(t.start, t.end) for t in added]
    kept = [t for t in found if not any(s < t.end and t.start < e for s, e in taken)]
    unique = {(t.start, t.end): t for t in added}
    return sorted(kept + list(unique.values()), key=lambda t: (t.start, t.end))


def place_within_chains(places: Sequence[Place], hosts: dict[int, tuple[int, ...]]) -> list[Place]:
    """Each place the gazetteer lacks (no point) placed within the most specific known area of its chain; it keeps
    its own text as its name, and ``within`` gives the area's span."""
    out = list(places)
    for i, after in sorted(hosts.items()):
        if out[i].lat is not None:
            continue
        known = [out[h] for h in after if out[h].lat is not None]
        # the chain's narrowest known area; a country only when nothing else is known ("in western Yemen (X, Y)")
        host = next((p for p in known if p.feature_code not in COUNTRY_CODES), known[0] if known else None)
        if host is not None:
            out[i] = placed_at(out[i], host)
    return out
