"""When two reports are one incident: hard conditions that must all hold, and a score of how much they agree.

Two reports are compatible when they are of one event-type family (docs/incidents.md), of one country, their
date windows overlap, their places are the same or one lies within the other, their actors do not
contradict, and they come from different articles (the coder already decided that two events of one article
are two events). Among compatible reports, the score (agreement on sub-type, place, day, named actors and
figures) must reach ``min_score``, so that vague reports (a country, a week) need more agreement than two
reports of the same town and day.
"""
from __future__ import annotations

from types import MappingProxyType

from ..geo.lexicon import words
from ..geo.names import name_skeleton
from ..geo.points import distance_km
from ..taxonomy.kinds import ActorKind
from .features import (COUNTRY, DISTRICT, NEAR, POINT, REGION, ActorKey, PlaceKey, Report, normalise, read_pairs,
                       read_table)
from .options import MergeRules

STRATEGIC = "Strategic developments"
CROWD = "Demonstrations"
REMOTE = "Explosions/Remote violence"
ARTICLES = words("arabic_articles")
# armed groups a state raised or armed to fight beside its forces (state_auxiliaries.tsv), by their state
AUXILIARIES = MappingProxyType({normalise(name): country for name, country in read_pairs("state_auxiliaries.tsv")})
SAME_PLACE = {POINT: 3, NEAR: 3, DISTRICT: 2, REGION: 1, COUNTRY: 0}
MIN_SPELLED = 4  # letters (a skeleton's consonants) a name needs before two spellings of it count as one


class Matcher:
    """Scores pairs of reports under one set of rules. Symmetric: score(a, b) == score(b, a)."""

    def __init__(self, *, rules: MergeRules):
        self.rules = rules
        self.distinct = frozenset(read_table("distinct_acts.tsv"))
        self.alike = frozenset(frozenset(pair) for pair in read_pairs("told_alike.tsv"))

    def score(self, a: Report, b: Report, *, one_article: bool = False) -> int | None:
        """The agreement of two compatible reports, or None when they cannot be one incident. Two reports of one
        article are never compatible, unless ``one_article``: whether they could tell one act were they apart."""
        return self.enough(self.agreement(a, b, one_article=one_article))

    def enough(self, total: int | None) -> int | None:
        """An agreement that reaches the rules' ``min_score``; else None."""
        return total if total is not None and total >= self.rules.min_score else None

    def agreement(self, a: Report, b: Report, *, one_article: bool = False) -> int | None:
        """How much two reports agree, under ``min_score`` too; None when something they tell contradicts."""
        if a.key > b.key:
            a, b = b, a
        if (not a.mergeable or not b.mergeable or (a.document == b.document and not one_article)
                or a.country != b.country
                or (a.outlet_day and a.outlet_day == b.outlet_day and not one_article)
                or max(a.lo, b.lo) > min(a.hi, b.hi)  # type: ignore[type-var]  (mergeable: both dated)
                or (a.day_known and b.day_known and not _one_within(a, b))
                or _hours_apart(a, b, self.rules.hours_apart)):
            return None
        kind = type_score(a, b, distinct=self.distinct, alike=self.alike)
        if kind is None or _gun_and_explosive(a, b):
            return None
        place = place_score(a.place, b.place, self.rules)  # type: ignore[arg-type]  (mergeable: both placed)
        if place is None or (a.document == b.document and place < SAME_PLACE[POINT]):
            return None  # one article's two reports tell one act only at one spot (a drone strike and shelling)
        actors = actors_score(a, b)
        if actors is None:
            return None
        # one day, the same (also a day carried from a sentence before), or two known days that meet (a night)
        day = 1 if a.lo == b.lo == a.hi == b.hi or (a.day_known and b.day_known) else 0
        figures = _tolls_agree(a.fatalities, b.fatalities, self.rules.toll_ratio)
        levels = (a.place.level, b.place.level)  # type: ignore[union-attr]
        if COUNTRY in levels and (kind < 2 or actors < 2 or not day or not figures):
            return None  # placed no finer than the country: the sub-type, a named party, the day and the toll agree
        return kind + place + actors + day + figures


def _tolls_agree(a: int | None, b: int | None, ratio: float) -> int:
    """1 when both reports give a toll and the larger is at most ``ratio`` times the smaller: reports of one act give
    the toll as each knew it (the police's five dead, the hospital's eight after more died); 0 otherwise."""
    return 1 if a and b and ratio * min(a, b) >= max(a, b) else 0


def _gun_and_explosive(a: Report, b: Report) -> bool:
    """A report of an act done with guns and a report of shelling, an air strike or a bomb: two acts (the sniper's
    victim and the shelling's in one city on one morning), whatever else agrees."""
    return a.event_type != b.event_type and any(
        x.firearm and y.event_type == REMOTE for x, y in ((a, b), (b, a)))


def _one_within(a: Report, b: Report) -> bool:
    """Two known days agree when one lies within the other: a night (Saturday and the Sunday it reaches into) holds
    the Sunday of "early on Sunday", but two nights a day apart (Friday's and Saturday's) are two nights."""
    return (a.lo <= b.lo and b.hi <= a.hi) or (b.lo <= a.lo and a.hi <= b.hi)  # type: ignore[operator]


def _hours_apart(a: Report, b: Report, gap: int) -> bool:
    """Whether the parts of the day the two reports tell lie at least ``gap`` hours apart: the morning's sit-in
    and the night's riot in one town are two acts; the afternoon and the night ("late on Saturday"), or the
    night and the next day's small hours, meet."""
    if a.hours is None or b.hours is None:
        return False
    return max(a.hours[0], b.hours[0]) - min(a.hours[1], b.hours[1]) >= gap


def type_score(a: Report, b: Report, *, distinct: frozenset[str] = frozenset(),
               alike: frozenset[frozenset[str]] = frozenset()) -> int | None:
    """2 the same sub-type, 1 sub-types of one group (sub_type_groups.tsv) or a pair reports give in each other's
    place across two event types (``alike``: told_alike.tsv, an armed clash and an attack, or, across two families,
    an armed clash and mob violence), 0 two event types of one family; None across families otherwise, for two
    sub-types of one event type in different groups (a mortar attack and a car bomb are two events; the sub-types
    of strategic developments are unrelated acts), and across event types when one is an act that reports tell
    only as itself (``distinct``: distinct_acts.tsv, an abduction)."""
    if not a.family or not b.family:
        return None
    if a.family != b.family:
        return 1 if frozenset((a.sub_event_type, b.sub_event_type)) in alike else None
    if a.sub_event_type == b.sub_event_type:
        return 2
    if a.sub_type_group == b.sub_type_group or frozenset((a.sub_event_type, b.sub_event_type)) in alike:
        return 1
    if a.event_type == b.event_type or a.family == STRATEGIC or {a.sub_event_type, b.sub_event_type} & distinct:
        return None
    return 0


def km(a: PlaceKey, b: PlaceKey) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _within(d: float | None, limit: float) -> bool:
    return d is not None and d <= limit


def _is_area(place: PlaceKey) -> bool:
    """A known administrative area or region: it can contain other places. Everything else (a town, a point
    near a town, a named place the gazetteer lacks) is a spot."""
    return place.known and place.level >= DISTRICT


def place_score(a: PlaceKey, b: PlaceKey, rules: MergeRules) -> int | None:
    """3 the same town or spot, 2 a spot within a district or beside a town (or the same district), 1 within a
    region (or the same region), 0 within the country; None for different places. Two reports that name only
    the same region or country do not tell the same spot: they agree no more than a spot within it."""
    if (a.geonameid is not None and a.geonameid == b.geonameid) or (a.name and a.name == b.name):
        if a.geonameid is not None and a.geonameid == b.geonameid and min(a.level, b.level) == POINT \
                and max(a.level, b.level) > NEAR:  # a town told at it once, once standing for its region ("Gombe")
            return SAME_PLACE[DISTRICT]  # agrees as a town within a district, more than a town within a region
        return SAME_PLACE[max(a.level, b.level) if _is_area(a) or _is_area(b) else POINT]
    d = km(a, b)
    if not _is_area(a) and not _is_area(b):
        return _spots(a, b, d, rules)
    if _is_area(a) and _is_area(b):
        small, large = (a, b) if a.level <= b.level else (b, a)
        if small.level == large.level:  # two districts or two regions of different names
            if large.level == REGION and (a.admin1 or a.name) == (b.admin1 or b.name):
                return 1  # one region, told once by its name and once by the town that stands for it ("Jos")
            return 3 if large.level == DISTRICT and _within(d, rules.point_km) else None
    else:
        small, large = (b, a) if _is_area(a) else (a, b)
    return _contains(large, small, d, rules)


def _spots(a: PlaceKey, b: PlaceKey, d: float | None, rules: MergeRules) -> int | None:
    if a.known and b.known:
        if a.level == POINT and b.level == POINT:
            if _within(d, rules.point_km):
                return 3
            if (a.city or b.city) and a.admin1 == b.admin1 and _within(d, rules.city_km):
                return 2  # "in Izmir" and "in Bornova", a district of the city: the city holds it
            # the seat of a district may stand for the district ("in Salvatierra"), which holds the village the
            # other report puts in it ("Urireo, Salvatierra municipality"); two villages of a district are two spots
            return 2 if _within(d, rules.district_km) and any(
                seat.district and _names_one_area(seat.district, seat.name) and other.district == seat.district
                for seat, other in ((a, b), (b, a))) else None
        return 2 if _within(d, rules.near_km) else None  # "near X" reaches about 25 km
    # a named place the gazetteer lacks carries the point of the town it was placed beside, but may be a village
    # beside it as well as a street in it: differently named, it is not the same spot as the town, unless the text
    # puts it in the town ("the Al-Rawdah district of Taiz city"): a part of the town, as a spot within a district
    for part, town in ((a, b), (b, a)):  # the town itself, not a place named after it ("Donetsk Airport")
        if not part.known and part.within and town.known and part.within in (town.name, town.told):
            return 2  # by the gazetteer's name or by the words another text gives it ("Bogura", for "Bogra")
    if not (a.known and b.known) and a.admin1 and a.admin1 == b.admin1 and _spelled_alike(a.name, b.name):
        return 3  # one place spelled two ways ("Hajeen", "Hajin"), one of them a spelling the gazetteer lacks
    return None


def _spelled_alike(a: str, b: str) -> bool:
    """Two romanisations of one name: equal once an Arabic article ("al", "el") is set aside and the spellings
    romanisations trade are folded (FOLDS: "ee" and "i", "ou" and "u", "e" and "a", "sh" and "s", "nb" and "mb", a
    final "h" after a vowel, doubled letters): "hajeen" and "hajin", "aden yabaal" and "adan yabal", "al diwaniyah"
    and "diwaniya", "bashurhat" and "basurhat", "janbako" and "jambako"; or with the same consonants in the same order
    (their skeleton: "inzegane" and "inezgane"). Short names, which many places share, never count."""
    first, second = _folded(a), _folded(b)
    if len(first.replace(" ", "")) >= MIN_SPELLED and first == second:
        return True
    skeleton = name_skeleton(a)
    return len(skeleton.replace(" ", "")) >= MIN_SPELLED and skeleton == name_skeleton(b)


FOLDS = (("ee", "i"), ("ou", "u"), ("oo", "u"), ("aa", "a"), ("e", "a"), ("o", "u"), ("y", "i"), ("q", "k"),
         ("sh", "s"), ("nb", "mb"), ("np", "mp"))


def _folded(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    out = []
    for word in words:
        if len(word) > 3 and word.endswith("h") and word[-2] in "aeiouy":
            word = word[:-1]
        for written, said in FOLDS:
            word = word.replace(written, said)
        out.append("".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1]))
    return " ".join(out)


def _contains(area: PlaceKey, spot: PlaceKey, d: float | None, rules: MergeRules) -> int | None:
    if area.level == COUNTRY:
        return 0
    if area.level == REGION:
        region = area.admin1 or area.name
        if spot.admin1 and region:
            return 1 if spot.admin1 in (area.admin1, area.name) else None
        return 1 if _within(d, rules.region_km) else None
    if spot.admin2 and spot.admin2 == area.admin2 and not (
            spot.district and not _names_one_area(spot.district, area.name)):
        # the gazetteer puts the town in the district, however far its point lies ("Tirua", "Arauco"), and whatever
        # region each was filed under when regions were redrawn (Basilan's towns in the Muslim Mindanao region,
        # the province itself under Zamboanga Peninsula)
        return 2
    if spot.admin1 and area.admin1 and spot.admin1 != area.admin1:
        return None
    if spot.known and spot.district and not _names_one_area(spot.district, area.name):
        return None  # Kankara, the seat of Kankara LGA, is not in Malumfashi LGA, however near its point
    if not spot.known and spot.within:  # the text says which area the place lies in: this district or not
        if any(_names_one_area(spot.within, name) for name in (area.name, area.told) if name):
            return 2
        # "Janbako in Zamfara state" and "Maradun LGA": the region named holds the district, no more is told
        return 1 if area.admin1 and _names_one_area(spot.within, area.admin1) else None
    if spot.level >= REGION and not spot.known:
        return None  # a named place somewhere in a region may lie outside this district
    return 2 if _within(d, rules.district_km) else None


def _names_one_area(told: str, name: str) -> bool:
    """Whether an area's name as a text gives it ("jos north lga") and a gazetteer's name ("jos north") are one:
    the words of one begin the other's."""
    a, b = told.split(), name.split()
    return bool(a) and bool(b) and (a[:len(b)] == b or b[:len(a)] == a)


def actors_score(a: Report, b: Report) -> int | None:
    """2 for each named party both reports name; None when they name different parties in one role. The two
    sides of a battle may be told in either order. What a crowd turned on varies with what each report tells
    of it (the police who fired, the shops it burned, the man whose death set it off), and whom a strike or a
    shelling hit is what its sides dispute most (the army's "terrorist positions" are the residents' homes): the
    targets of two crowd events, or of two remote attacks, never contradict, they only agree or not."""
    target = _actor_pair(a.actor2, b.actor2)
    if target is None and (a.family == b.family == CROWD or a.event_type == b.event_type == REMOTE):
        target = 0
    straight = _pair_sum(_actor_pair(a.actor1, b.actor1), target)
    if a.event_type == "Battles" and b.event_type == "Battles":
        swapped = _pair_sum(_actor_pair(a.actor1, b.actor2), _actor_pair(a.actor2, b.actor1))
        if swapped is not None and (straight is None or swapped > straight):
            return swapped
    return straight


def _pair_sum(first: int | None, second: int | None) -> int | None:
    return None if first is None or second is None else first + second


def _actor_pair(x: ActorKey | None, y: ActorKey | None) -> int | None:
    if x is None or y is None:
        return 0
    if x.kind_class and y.kind_class and x.kind_class != y.kind_class:
        return None  # civilians in one report, an armed party in the other
    if x.crowd and y.crowd and x.crowd != y.crowd:
        return None  # students marching in one report, traders in the other: two crowds
    if x.identified and y.identified:
        if x.name == y.name:
            return 2
        if _branch(x.name, y.name):
            return 0  # "Islamic State" in one report, its "Sahel Province" in the other: one party, loosely named
        if x.kind == y.kind == ActorKind.STATE_FORCES and x.country and x.country == y.country:
            return 0  # "the army", "the police", "security forces": reports name a state's forces loosely
        if any(p.kind == ActorKind.STATE_FORCES and p.country and AUXILIARIES.get(q.name) == p.country
               for p, q in ((x, y), (y, x))):
            return 0  # the volunteers who fought beside the army in one report, the army in the other: one side
        return None
    return 0


def _branch(a: str, b: str) -> bool:
    """Whether one party's name (of two words or more) opens the other's: a group and its branch or province
    ("islamic state", "islamic state sahel province"); two branches ("... sahel province", "... west africa
    province") are still two."""
    short, long = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and len(long) > len(short) and long[:len(short)] == short
