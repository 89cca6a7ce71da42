"""The one container that passes through the stages, and the typed pieces the stages add to it.

Offsets everywhere are character offsets into ``Article.text``, the text exactly as the caller gave it.
Stages never copy or rewrite the text: cleaning marks spans as boilerplate instead of deleting them, so an
offset found by any stage points into the original.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Boilerplate:
    span: Span
    reason: str
    language: str | None = None


@dataclass(frozen=True)
class Warning:
    code: str
    message: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the coded (non-boilerplate) text, with the paragraph it belongs to."""

    span: Span
    paragraph: int
    index: int


DETECTOR_RULE = "detector"  # EventMention.rule of a trigger the detector chose, no trigger rule agreeing


@dataclass
class EventMention:
    """A trigger that signals an event of a given ACLED type in a sentence."""

    trigger: Span
    sentence: int
    event_type: str
    sub_event_type: str
    confidence: float
    rule: str
    negated: bool = False
    hypothetical: bool = False
    habitual: bool = False
    reference: bool = False  # "the attack", "attacks": may only point back at an event told elsewhere
    detected: bool = True  # False: the detector found no event in its sentence; it may only tell more of another
    referenced: bool = False  # named by its day ("Monday's bombing"): reported by a reference to it
    followed: bool = False  # told only as what a reaction followed ("reacted to a mass shooting"): on or before its day
    days_before: int | None = None  # "two days after the clashes": how many days before its sentence's day it was
    named: bool = False  # "the Orlando shooting": a past event named by its place, no sign it is news: background
    weapons: list[Span] = field(default_factory=list)
    weapon_names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ActorMention:
    span: Span
    name: str
    kind: str
    country: str | None
    sentence: int
    role: str = "group"  # military | police | government | civilians | protesters | rioters | armed_group | ...
    head: int = -1  # character offset of the phrase's head word, for syntax lookups
    named: bool = True  # False: the text names no one ("Unidentified Armed Group"); the span is then empty


@dataclass(frozen=True)
class DateMention:
    span: Span
    sentence: int
    date: dt.date
    date_end: dt.date | None
    precision: int
    background: bool


@dataclass(frozen=True)
class Count:
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class CountMention:
    span: Span
    sentence: int
    kind: str  # "fatalities" | "injured"
    count: Count
    tie: int = -1  # character offset of the casualty word the number belongs to
    coded: bool = False  # the text says how its toll was coded ("Fatalities coded as 0"): it overrides the rest


@dataclass(frozen=True)
class Place:
    span: Span
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature_class: str | None
    feature_code: str | None
    geo_precision: int
    within: Span | None = None  # a name the gazetteer does not know, placed at the named place it stands in or by
    # a district's or province's seat: the point of the town of the area's own name inside it, where ACLED places an
    # event known only by the area ("in Ras al-Ayn district": the town of Ras al-Ayn); the area keeps its own point
    seat: tuple[float, float] | None = None
    # the district a town lies in: the district of its own name it is the seat of ("Kankara", seat of Kankara LGA),
    # else the one the text qualifies it by ("Urireo, Salvatierra municipality")
    district: str | None = None
    # the second-level area (district, county, LGA) the gazetteer puts the place in; a district's own name
    admin2: str | None = None


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None
    span: Span


@dataclass(frozen=True)
class Quote:
    id: str
    speaker: Speaker | None
    cue: Span
    content: Span
    direct: bool
    parts: tuple[Span, ...] = ()  # the pieces of a quotation split by its cue; empty when it is one piece


@dataclass(frozen=True)
class Framing:
    span: Span
    category: str


@dataclass(frozen=True)
class Sourcing:
    """Who is heard on a document's contested claims: the distinct sides quoted, and how many such claims."""

    sides: list[str]
    contested_claims: int


@dataclass(frozen=True)
class Claimant:
    name: str
    kind: str
    quote_id: str | None


@dataclass(frozen=True)
class Evidence:
    field: str
    span: Span


@dataclass
class Event:
    id: str
    event_type: str
    sub_event_type: str
    date: dt.date | None
    date_end: dt.date | None
    time_precision: int
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc_actors: list[ActorMention]
    location: Place | None
    fatalities: Count | None
    injured: Count | None
    weapons: list[str]
    background: bool
    confidence: float
    evidence: list[Evidence]
    mention: EventMention
    claimed_by: list[Claimant] = field(default_factory=list)


@dataclass
class EventReport:
    """A mention that reports an event of its own, with the later mentions that only tell more of it ("Three others
    were wounded in the attack"): their triggers become the event's evidence, their tolls fill what it lacks."""

    mention: EventMention
    retellings: list[EventMention] = field(default_factory=list)
    retold_counts: list[CountMention] = field(default_factory=list)


@dataclass(frozen=True)
class ReportDate:
    """The date an event report is told on, and whether it came from another sentence (then it is less sure)."""

    date: DateMention | None
    inherited: bool


@dataclass(frozen=True)
class ReportActors:
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc: list[ActorMention]


@dataclass(frozen=True)
class ReportTolls:
    fatalities: CountMention | None
    injured: CountMention | None


@dataclass
class Article:
    """An article and everything the stages have found in it so far."""

    text: str
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    language: str | None = None
    boilerplate: list[Boilerplate] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    headline: Span | None = None  # a headline line at the top of the text: coded for places, not for events
    datelines: list[Span] = field(default_factory=list)  # "BAMAKO, March 12 -": where and when it was filed
    doc: Any = None  # the spaCy Doc over the coded text (see stages.nlp)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    sourcing: Sourcing | None = None
    # the event reports and what the event stages find for each (lists aligned with ``reports``)
    reports: list[EventReport] = field(default_factory=list)
    report_dates: list[ReportDate] = field(default_factory=list)
    report_actors: list[ReportActors] = field(default_factory=list)
    report_places: list[list[Place | None]] = field(default_factory=list)  # one event a place (None: no place)
    report_tolls: list[ReportTolls] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: Exception | None = None  # set when a stage could not code this article; later stages skip it

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(Warning(code, message))

    def is_heading(self, sentence: Sentence) -> bool:
        """The headline, or a short line standing alone with no closing punctuation (a subhead): these retell
        the body, so events are coded from the body, not from them."""
        if self.headline is not None and self.headline.contains(sentence.span):
            return True
        text = sentence.span.text
        if text[-1:] in ".!?\"”’:)" or len(text.split()) > 12:
            return False
        before = self.text[max(0, sentence.span.start - 2):sentence.span.start]
        after = self.text[sentence.span.end:sentence.span.end + 2]
        return (not before.strip() or "\n" in before) and (not after.strip() or "\n" in after)

    def next_in_paragraph(self, index: int) -> Sentence | None:
        """The sentence after sentence ``index`` when it is of the same paragraph, else None."""
        if index + 1 >= len(self.sentences) or self.sentences[index + 1].paragraph != self.sentences[index].paragraph:
            return None
        return self.sentences[index + 1]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence holding a character offset, or None when it lies outside every sentence."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid].span
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None
