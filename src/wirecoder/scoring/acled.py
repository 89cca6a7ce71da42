"""Scoring the whole coder against ACLED's own coding of its analysts' notes, field by field.

Each row of an ACLED export (``notes`` plus ACLED's columns) is coded as a one-paragraph article published on
the row's upload day (``timestamp``; notes name their event's date). The coder's answer for a note is its first
current (non-background) event, as a user reading the record would take it. Figures:

- detection: the share of notes with no current event (almost every ACLED note describes one);
- typing: event-type accuracy and sub-event accuracy, weighted and macro F1 over the sub-types (a note with no
  event counts as the label "no event"), and the most frequent confusion pairs;
- calibration: the event's ``confidence`` against whether its sub-event type is ACLED's (reliability table and
  expected calibration error, over notes with an event);
- fatalities exact (the event's ``best``, 0 when none is reported or no event, against ACLED's column) over all
  notes and over notes where ACLED records deaths;
- date exact (over notes with an event); location within 25 km and 161 km of ACLED's point (over notes with an
  event, an event without a location counting as a miss); actor1 kind (ACLED's inter1 code against the kind's
  code) and actor1 name agreement (see ``names_agree``); the same for actor2 (inter2), where an event with no
  actor2 agrees with a note whose actor2 is empty; admin2: over events placed within 5 km of ACLED's point where
  both name a second-level area, the share whose names are one (``areas_agree``).
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WirecoderError
from ..lexicon import load_lexicon
from ..taxonomy import SUB_EVENT_TYPES, inter_code

NO_EVENT = "no event"
SAME_SPOT_KM = 5.0  # an event this close to ACLED's point is at ACLED's place: their districts should agree
RELIABILITY_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True)
class GoldNote:
    id: str
    text: str
    published: str | None
    event_type: str
    sub_event_type: str
    date: str | None
    fatalities: int
    inter1: int | None
    actor1: str
    lat: float | None
    lon: float | None
    inter2: int | None = None
    actor2: str = ""
    admin2: str = ""


@dataclass
class AcledScores:
    notes: int = 0
    no_event: float = 0.0
    event_type_accuracy: float = 0.0
    sub_event_accuracy: float = 0.0
    sub_event_weighted_f1: float = 0.0
    sub_event_macro_f1: float = 0.0
    calibration_error: float = 0.0
    reliability: list[tuple[str, int, float, float]] = field(default_factory=list)  # bin, n, confidence, accuracy
    fatalities_exact: float = 0.0
    fatalities_exact_with_deaths: float = 0.0
    notes_with_deaths: int = 0
    date_exact: float = 0.0
    location_25km: float = 0.0
    location_161km: float = 0.0
    actor1_kind: float = 0.0
    actor1_name: float = 0.0
    actor2_kind: float = 0.0
    actor2_name: float = 0.0
    admin2_same: float = 0.0  # over events placed within SAME_SPOT_KM of ACLED's point, both naming a district
    admin2_pairs: int = 0
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    per_class: dict[str, tuple[int, float, float, float]] = field(default_factory=dict)  # n, P, R, F1

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def read_acled_notes(path: str | Path) -> list[GoldNote]:
    """ACLED's rows with a note, as gold notes; a missing column is refused with its name."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise WirecoderError("W041", f"cannot read {path} ({err})") from err
    with handle:
        reader = csv.DictReader(handle)
        missing = {"notes", "event_type", "sub_event_type", "event_date", "fatalities"} - set(reader.fieldnames or ())
        if missing:
            raise WirecoderError("W041", f"{path.name} lacks the column(s) {', '.join(sorted(missing))}")
        notes = []
        for number, row in enumerate(reader, start=2):
            text = (row.get("notes") or "").strip()
            if not text or row.get("sub_event_type") not in SUB_EVENT_TYPES:
                continue
            notes.append(GoldNote(
                id=row.get("event_id_cnty") or f"row-{number}", text=text, published=_upload_day(row.get("timestamp")),
                event_type=row["event_type"], sub_event_type=row["sub_event_type"], date=_acled_date(row["event_date"]),
                fatalities=int(row.get("fatalities") or 0), inter1=_int(row.get("inter1")),
                actor1=row.get("actor1") or "", lat=_float(row.get("latitude")), lon=_float(row.get("longitude")),
                inter2=_int(row.get("inter2")), actor2=row.get("actor2") or "", admin2=row.get("admin2") or ""))
    return notes


def score_records(notes: list[GoldNote], records: dict[str, dict]) -> AcledScores:
    """Score the coder's records (by note id) against the notes' gold."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    scores = AcledScores(notes=len(notes))
    gold_labels, predicted_labels = [], []
    with_event = 0
    counters = Counter()
    reliability_rows: list[tuple[float, bool]] = []
    confusions: Counter = Counter()
    for note in notes:
        event = first_current_event(records.get(note.id))
        label = event["sub_event_type"] if event else NO_EVENT
        gold_labels.append(note.sub_event_type)
        predicted_labels.append(label)
        if label != note.sub_event_type:
            confusions[(note.sub_event_type, label)] += 1
        counters["type"] += event is not None and event["event_type"] == note.event_type
        counters["sub"] += label == note.sub_event_type
        best = ((event or {}).get("fatalities") or {}).get("best") or 0
        counters["fatal"] += best == note.fatalities
        if note.fatalities > 0:
            counters["deaths"] += 1
            counters["fatal_deaths"] += best == note.fatalities
        if event is None:
            continue
        with_event += 1
        reliability_rows.append((float(event.get("confidence") or 0.0), label == note.sub_event_type))
        counters["date"] += event.get("date") == note.date
        distance = _distance(event.get("location"), note)
        counters["25km"] += distance is not None and distance <= 25.0
        counters["161km"] += distance is not None and distance <= 161.0
        ours = (event.get("location") or {}).get("admin2")
        if ours and note.admin2 and distance is not None and distance <= SAME_SPOT_KM:
            counters["admin2_pairs"] += 1
            counters["admin2"] += areas_agree(ours, note.admin2)
        actor1 = event.get("actor1") or {}
        counters["kind"] += inter_code(actor1.get("kind")) == note.inter1
        counters["name"] += names_agree(actor1.get("name"), note.actor1)
        actor2 = event.get("actor2") or {}  # no target on either side agrees too
        counters["kind2"] += inter_code(actor2.get("kind")) == note.inter2 if actor2 else not note.actor2
        counters["name2"] += names_agree(actor2.get("name"), note.actor2) if actor2 else not note.actor2
    n = max(1, len(notes))
    scores.no_event = round(1 - with_event / n, 3)
    scores.event_type_accuracy = round(counters["type"] / n, 3)
    scores.sub_event_accuracy = round(counters["sub"] / n, 3)
    labels = sorted(set(gold_labels))
    scores.sub_event_weighted_f1 = round(float(f1_score(gold_labels, predicted_labels, labels=labels,
                                                        average="weighted", zero_division=0)), 3)
    scores.sub_event_macro_f1 = round(float(f1_score(gold_labels, predicted_labels, labels=labels,
                                                     average="macro", zero_division=0)), 3)
    precision, recall, f1, support = precision_recall_fscore_support(gold_labels, predicted_labels, labels=labels,
                                                                     zero_division=0)
    scores.per_class = {label: (int(s), round(float(p), 3), round(float(r), 3), round(float(f), 3))
                        for label, p, r, f, s in zip(labels, precision, recall, f1, support)}
    scores.fatalities_exact = round(counters["fatal"] / n, 3)
    scores.notes_with_deaths = counters["deaths"]
    scores.fatalities_exact_with_deaths = round(counters["fatal_deaths"] / max(1, counters["deaths"]), 3)
    m = max(1, with_event)
    scores.date_exact = round(counters["date"] / m, 3)
    scores.location_25km = round(counters["25km"] / m, 3)
    scores.location_161km = round(counters["161km"] / m, 3)
    scores.actor1_kind = round(counters["kind"] / m, 3)
    scores.actor1_name = round(counters["name"] / m, 3)
    scores.actor2_kind = round(counters["kind2"] / m, 3)
    scores.actor2_name = round(counters["name2"] / m, 3)
    scores.admin2_pairs = counters["admin2_pairs"]
    scores.admin2_same = round(counters["admin2"] / max(1, counters["admin2_pairs"]), 3)
    scores.reliability, scores.calibration_error = reliability_table(reliability_rows)
    scores.confusions = [(g, p, c) for (g, p), c in confusions.most_common(25)]
    return scores


def reliability_table(rows: list[tuple[float, bool]]) -> tuple[list[tuple[str, int, float, float]], float]:
    """Confidence bins with their size, mean confidence and accuracy, and the expected calibration error."""
    table, error = [], 0.0
    total = max(1, len(rows))
    for low, high in zip(RELIABILITY_BINS[:-1], RELIABILITY_BINS[1:]):
        inside = [(c, ok) for c, ok in rows if (low < c <= high) or (low == 0.0 and c == 0.0)]
        if not inside:
            continue
        confidence = sum(c for c, _ in inside) / len(inside)
        accuracy = sum(ok for _, ok in inside) / len(inside)
        error += len(inside) / total * abs(confidence - accuracy)
        table.append((f"{low:.1f}-{high:.1f}", len(inside), round(confidence, 3), round(accuracy, 3)))
    return table, round(error, 3)


def first_current_event(record: dict | None) -> dict | None:
    for event in (record or {}).get("events") or []:
        if not event.get("background"):
            return event
    return None


_BRACKETS = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[a-z0-9]+")
_GENERIC = load_lexicon("acled_names").words("generic_name_word")  # "forces", "military": no actor of their own


def names_agree(ours: str | None, theirs: str) -> bool:
    """Whether two actor names name the same actor: equal once ACLED's bracketed qualifiers ("(2019-)",
    "(Mexico)") are dropped and case ignored, or sharing a distinctive word (not a generic one like
    "forces" or "military") that makes up most of the shorter name."""
    if not ours or not theirs:
        return not ours and not theirs
    a = _WORD.findall(_BRACKETS.sub(" ", ours.lower()))
    b = _WORD.findall(_BRACKETS.sub(" ", theirs.lower()))
    if a == b:
        return True
    shared = (set(a) & set(b)) - _GENERIC
    shorter = min((set(a) - _GENERIC), (set(b) - _GENERIC), key=len)
    return bool(shared) and len(shared) * 2 >= len(shorter)


def areas_agree(ours: str, theirs: str) -> bool:
    """Whether two names of a district are one: a spelling of one, with or without its area words ("Nawabshah
    District", "Kabupaten Bima"), is a spelling of the other, letter for letter or by its consonants."""
    from ..geo.names import name_skeleton
    from ..geo.sources import area_keys

    def forms(name: str) -> set[str]:
        keys = set(area_keys(name))
        return keys | {name_skeleton(key) for key in keys}

    return bool(forms(ours) & forms(theirs))


def _distance(place: dict | None, note: GoldNote) -> float | None:
    if not place or place.get("lat") is None or note.lat is None or note.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (place["lat"], place["lon"], note.lat, note.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _acled_date(value: str) -> str | None:
    for form in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(value.strip(), form).date().isoformat()
        except ValueError:
            continue
    return None


def _upload_day(value: str | None) -> str | None:
    if value and value.strip().isdigit():
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).date().isoformat()
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None
