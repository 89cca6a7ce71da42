"""What merging compares of a report: a small, typed digest of one stored event.

A report is one event of one coded article. Merging never reads the whole event (its evidence can be long);
it reads this digest, which the store keeps beside the event (``reports.features``) so that a candidate costs
one short JSON parse. The digest is a pure function of the event and the merge rules.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..day_parts import DayParts
from ..geo.countries import COUNTRY_CODES
from ..lexicon import lexicon_error, load_lexicon, package_path, read_rows
from ..taxonomy.acled import disorder_type
from .options import MergeRules

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_NON_WORD = re.compile(r"[^0-9a-z]+")
DISTRICT_CODES = frozenset({"ADM2", "ADM3", "ADM4", "ADM5", "ADMD", "ADM2H", "ADM3H"})
CITY_CODES = frozenset({"PPLC"})  # a country's capital: a city whose districts and suburbs are towns of their own

# how specific a place is: lower is more specific
POINT, NEAR, DISTRICT, REGION, COUNTRY = range(5)


def normalise(text: str | None) -> str:
    """Case, accents, punctuation and a trailing "(Country)" do not make another name."""
    if not text:
        return ""
    text = _PAREN.sub("", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    return _NON_WORD.sub(" ", text).strip()


def report_key(*, event_key: str, content_hash: str) -> str:
    """The stable key of a report: the event's key in its record and the first 12 hex digits of its
    document's content hash (document ids are labels callers give and may repeat; the text's hash does not)."""
    return f"{event_key}@{content_hash[:12]}"


def incident_key(smallest_report_key: str) -> str:
    """An incident's id: derived from the smallest key among its reports, so the same reports give the same
    id whatever their order of arrival, and a rebuild gives it again."""
    return "inc-" + hashlib.sha256(smallest_report_key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class PlaceKey:
    name: str  # normalised
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str  # normalised, "" when unknown
    level: int  # POINT .. COUNTRY
    known: bool  # the gazetteer knows it; False: a named place it lacks, given the point of the place around it
    within: str = ""  # normalised: the area the text says a place the gazetteer lacks lies in ("X (Y district)")
    district: str = ""  # normalised: the district of its own name a town is the seat of ("kankara"), "" when none
    told: str = ""  # normalised: the words the text names it by ("bogura", for the gazetteer's "Bogra")
    city: bool = False  # a country's capital told at its point: its districts and suburbs lie around it
    admin2: str = ""  # normalised: the second-level area the gazetteer puts a town in; an ADM2 area's own name


@dataclass(frozen=True, slots=True)
class ActorKey:
    name: str  # normalised
    kind: str
    kind_class: str  # "armed", "civilians", "crowd" or "" (unknown kind)
    country: str
    identified: bool  # the text names this party (not an unidentified group or a category such as civilians)
    crowd: str = ""  # who a crowd was, when the text says more than "protesters": "student", "trader" (singular)


@dataclass(frozen=True, slots=True)
class Report:
    """The digest of one report. ``lo``/``hi`` are the first and last day (proleptic ordinals) it may have
    happened on; ``mergeable`` is False when it is too vague to merge with anything (no place, no date, or a
    window wider than the rules allow): it is then an incident of its own."""

    event_id: int
    key: str
    document: int  # the store's document row: two events of one article are never one incident
    outlet_day: str  # the outlet and publication day: one outlet does not tell one incident twice in a day
    country: str
    event_type: str
    sub_event_type: str
    sub_type_group: str
    family: str
    lo: int | None
    hi: int | None
    day_known: bool
    place: PlaceKey | None
    actor1: ActorKey | None
    actor2: ActorKey | None
    fatalities: int | None
    mergeable: bool
    hours: tuple[int, int] | None = None  # the hours (day ordinal * 24 + hour) the part of its day told names
    firearm: bool = False  # a trigger tells an act done with guns ("shot dead by a sniper"): firearm_words.tsv

    def to_json(self) -> str:
        place = self.place
        return json.dumps([
            self.outlet_day, self.country, self.event_type, self.sub_event_type, self.sub_type_group, self.family,
            self.lo, self.hi, self.day_known,
            None if place is None else [place.name, place.geonameid, place.lat, place.lon, place.admin1,
                                        place.level, place.known, place.within, place.district, place.told,
                                        place.city, place.admin2],
            *([None if a is None else [a.name, a.kind, a.kind_class, a.country, a.identified, a.crowd]]
              for a in (self.actor1, self.actor2)),
            self.fatalities, self.mergeable, self.hours, self.firearm], separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, *, event_id: int, key: str, document: int) -> "Report":
        (outlet_day, country, event_type, sub, group, family, lo, hi, day_known, place, (actor1,), (actor2,),
         fatalities, mergeable, hours, firearm) = json.loads(text)
        return cls(event_id=event_id, key=key, document=document, outlet_day=outlet_day, country=country,
                   event_type=event_type,
                   sub_event_type=sub, sub_type_group=group, family=family, lo=lo, hi=hi, day_known=day_known,
                   place=None if place is None else PlaceKey(*place),
                   actor1=None if actor1 is None else ActorKey(*actor1),
                   actor2=None if actor2 is None else ActorKey(*actor2),
                   fatalities=fatalities, mergeable=mergeable, hours=None if hours is None else tuple(hours),
                   firearm=firearm)


def read_pairs(name: str) -> list[tuple[str, str]]:
    """The rows of a two-column table of incidents/ as pairs (a first column may repeat: told_alike.tsv)."""
    pairs = []
    for number, cells in read_rows(package_path("wirecoder.incidents", name)):
        if len(cells) != 2:
            raise lexicon_error(name, number, "want two cells: key<TAB>value")
        pairs.append((cells[0], cells[1]))
    return pairs


def read_table(name: str) -> dict[str, str]:
    """A two-column table of incidents/ as a mapping, first column to second."""
    return dict(read_pairs(name))


class ReportDigester:
    """Builds the digest of an event; holds the actor tables (data files) it reads once."""

    def __init__(self, *, rules: MergeRules):
        self.rules = rules
        self.kind_classes = read_table("kind_classes.tsv")
        self.generic = {normalise(stem): kind_class for stem, kind_class in read_table("generic_actors.tsv").items()}
        self.sub_type_groups = read_table("sub_type_groups.tsv")
        self.crowd_nouns = read_table("crowd_nouns.tsv")
        self.firearm_words = frozenset(read_table("firearm_words.tsv"))
        self.day_parts = DayParts()
        clock = read_table("day_clock.tsv")
        self.hours = {words: tuple(int(hour) for hour in told.split()) for words, told in clock.items()}
        self.clock = re.compile(r"\b(?:" + "|".join(re.escape(words).replace(r"\ ", r"\s+") for words in sorted(
            clock, key=len, reverse=True)) + r")\b", re.IGNORECASE)

    def digest(self, event: dict[str, Any], *, event_id: int, key: str, document: int, outlet: str = "",
               published: str = "") -> Report:
        location = event.get("location") or None
        place = self._place(location) if location else None
        lo, hi, day_known = self._window(event)
        country = (location or {}).get("country") or ""
        event_type = event.get("event_type") or ""
        family = disorder_type(event_type) if event_type else ""
        actor1, actor2 = self._actor(event.get("actor1")), self._actor(event.get("actor2"))
        named = any(actor is not None and actor.identified for actor in (actor1, actor2))
        # a place no finer than the country (the coder placed nothing finer) is vague: it may still join the
        # report of a place in that country on its known day by the same sub-type and a named party (rules.py)
        placed = place is not None and (place.level < COUNTRY or (day_known and named))
        told_back = bool(event.get("background")) and place is not None and place.level == POINT
        mergeable = bool(placed and country and lo is not None and hi is not None and event_type and (
            hi - lo <= self.rules.max_window_days or (told_back and hi - lo <= self.rules.named_window_days)))
        return Report(
            event_id=event_id, key=key, document=document, country=country,
            outlet_day=f"{normalise(outlet)}@{published}" if outlet and published else "", event_type=event_type,
            sub_event_type=event.get("sub_event_type") or "",
            sub_type_group=self.sub_type_groups.get(event.get("sub_event_type") or "",
                                                    event.get("sub_event_type") or ""),
            family=family, lo=lo, hi=hi, day_known=day_known,
            place=place, actor1=actor1, actor2=actor2,
            fatalities=(event.get("fatalities") or {}).get("best"), mergeable=mergeable, hours=self._hours(event),
            firearm=any(word in self.firearm_words for evidence in event.get("evidence") or []
                        if evidence.get("field") == "trigger" for word in (evidence.get("text") or "").lower().split()))

    def _hours(self, event: dict[str, Any]) -> tuple[int, int] | None:
        """The hours of a day-precise date's part of the day ("Tuesday morning"), on a clock counted from the first
        day (ordinal * 24), else None: a plain day, or a date of another precision."""
        first = _day(event.get("date"))
        if first is None or event.get("time_precision") != 1 or event.get("date_end"):
            return None
        words = _date_words(event)
        match = self.clock.search(words)  # the first part told ("early on Sunday morning": early)
        if match is None or _names_another_weekday(words, first):
            return None  # "on Sunday morning, after a night of clashes": the morning is the telling's, not the act's
        start, end = self.hours[" ".join(match.group(0).lower().split())]
        return first * 24 + start, first * 24 + end

    def _window(self, event: dict[str, Any]) -> tuple[int | None, int | None, bool]:
        """The days an event may have happened on, by its time_precision (ACLED's: 1 the day, or a night and the
        day it reaches into; 2 about a week; 3 a month or vaguer, or the publication date standing in for a date
        the text does not give)."""
        first, last = _day(event.get("date")), _day(event.get("date_end"))
        if first is None:
            return None, None, False
        precision = event.get("time_precision") or 3
        if last is not None and last >= first:
            return first, last, precision == 1 and last == first
        if precision == 1:  # a night ("late on Saturday", "early on Sunday") may be another report's next or last day
            before, after = self.day_parts.spill(_date_words(event))
            return first - self.rules.day_slack - before, first + self.rules.day_slack + after, True
        if precision == 2:
            return first - self.rules.imprecise_days, first + self.rules.imprecise_days, False
        return first - self.rules.standing_in_days, first, False  # the publication date stands in: on or before

    def _place(self, location: dict[str, Any]) -> PlaceKey:
        code = location.get("feature_code") or ""
        klass = location.get("feature_class") or ""
        precision = location.get("geo_precision") or 3
        known = location.get("geonameid") is not None or bool(klass)
        if code in COUNTRY_CODES:
            level = COUNTRY
        elif code in ("ADM1", "ADM1H"):
            level = REGION
        elif code in DISTRICT_CODES or (klass == "A" and precision <= 2):
            level = DISTRICT
        elif precision == 1:
            level = POINT
        elif precision == 2:
            level = NEAR
        else:
            level = REGION
        return PlaceKey(name=normalise(location.get("name") or location.get("text")),
                        geonameid=location.get("geonameid"), lat=location.get("lat"), lon=location.get("lon"),
                        admin1=normalise(location.get("admin1")), level=level, known=known,
                        within="" if known else normalise((location.get("within") or {}).get("text")),
                        district=normalise(location.get("district")), told=normalise(location.get("text")),
                        city=code in CITY_CODES and level == POINT,
                        # a district's own, not the one holding a third-level area: an area's is itself
                        admin2=normalise(location.get("admin2")) if klass != "A" or code == "ADM2" else "")

    def _actor(self, actor: dict[str, Any] | None) -> ActorKey | None:
        if not actor or not actor.get("name"):
            return None
        name = normalise(actor["name"])
        generic_class = self.generic.get(name)
        # a party the text does not name (ACLED's "Unidentified Armed Group", the "Civilians" an attack's
        # victims are by convention) is no evidence of what kind of party it was: it contradicts no one
        told = actor.get("text") is not None
        kind_class = self.kind_classes.get(actor.get("kind") or "", generic_class or "") if told else ""
        return ActorKey(name=name, kind=actor.get("kind") or "", kind_class=kind_class,
                        country=actor.get("country") or "",
                        identified=told and generic_class is None,
                        crowd=self._crowd(actor) if kind_class == "crowd" else "")

    def _crowd(self, actor: dict[str, Any]) -> str:
        """The noun a crowd's own words end on, singular ("University of Eldoret students": "student"; "fishermen":
        "fisherman"), as the word that stands for its crowd ("fisher"), unless it only says a crowd gathered
        (crowd_nouns.tsv: "protesters", "people", "youths")."""
        words = normalise(actor.get("text")).split()
        if not words:
            return ""
        noun = words[-1]
        if noun.endswith("men"):
            noun = noun[:-3] + "man"  # "fishermen"
        elif noun.endswith("s") and len(noun) > 3:
            noun = noun[:-1]
        crowd = self.crowd_nouns.get(noun, noun)
        return "" if crowd == "crowd" else crowd


def _date_words(event: dict[str, Any]) -> str:
    """The event's own date words, not those of a telling folded into it ("bodies were found overnight")."""
    return next((e.get("text") or "" for e in event.get("evidence") or () if e.get("field") == "date"), "")


_WEEKDAYS = load_lexicon("dates")  # the weekdays the date stage reads, numbered as date.weekday() counts
WEEKDAY_NUMBERS, WEEKDAY = _WEEKDAYS.numbers("weekday"), _WEEKDAYS.pattern("weekday")


def _names_another_weekday(words: str, day: int) -> bool:
    """Whether the date words name a weekday other than the day's own (given as a date ordinal)."""
    told = {WEEKDAY_NUMBERS[name.lower()] for name in WEEKDAY.findall(words)}
    return bool(told) and dt.date.fromordinal(day).weekday() not in told


def _day(value: Any) -> int | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def day_text(ordinal: int | None) -> str | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()
