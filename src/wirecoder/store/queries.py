"""Builds the parameterised SQL behind event filters. No user text is ever formatted into SQL."""
from __future__ import annotations

import re
from typing import Any

import orjson
import pycountry

from ..days import iso_prefix
from ..errors import WirecoderError
from ..geo.countries import acled_country_names
from ..review.state import ReviewState, apply_review
from .rows import EventFilter, StoredEvent

_WORD = re.compile(r"\w+", re.UNICODE)


def country_code(value: str) -> str:
    """ISO 3166-1 alpha-2 code for a code or a country name ("NG", "NGA", "Nigeria"), ACLED's names included
    ("Democratic Republic of Congo", "Turkey", "Ivory Coast": the names the exports write)."""
    cleaned = value.strip()
    acled = {name.casefold(): iso for iso, name in acled_country_names().items()}
    if cleaned.casefold() in acled:
        return acled[cleaned.casefold()]
    try:
        country = pycountry.countries.lookup(cleaned)
    except LookupError:
        try:
            country = pycountry.countries.search_fuzzy(cleaned)[0]
        except LookupError as err:
            raise WirecoderError("W008", f"--country {value!r} is not a country name or ISO code") from err
    return str(country.alpha_2)


def fts_query(text: str) -> str:
    """An FTS5 query that matches documents holding every word of ``text`` (quoted, so no syntax errors)."""
    words = _WORD.findall(text)
    if not words:
        raise WirecoderError("W008", f"--q {text!r} has no words to search for")
    return " ".join(f'"{word}"' for word in words)


def check_date(option: str, value: str) -> str:
    return iso_prefix(value, what=option)


def check_confidence(value: float) -> float:
    """A confidence threshold, checked: a number from 0 to 1."""
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise WirecoderError("W008", f"--min-confidence {value!r} is not a number from 0 to 1") from err
    if not 0.0 <= number <= 1.0:
        raise WirecoderError("W008", f"--min-confidence {value!r} is not a number from 0 to 1")
    return number


# an event shown at a confidence threshold: the coder's confidence reaches it, or an analyst accepted or corrected
# the event (a review is a person's word, worth more than the coder's score)
CONFIDENT = "(coalesce(e.confidence, 0) >= ? OR e.review_status IN ('accepted', 'corrected'))"


REVIEW_FILTERS = ("all", "unreviewed", "reviewed", "accepted", "corrected", "rejected")

# every event query reads these columns, in this order (see stored_event)
EVENT_COLUMNS = ("e.id, d.doc_id, d.url, d.title, d.source, d.published, d.stored_at, e.data, {text}, rs.state, "
                 "e.shown_date")
EVENT_FROM = ("FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN review_state rs "
              "ON rs.target_kind = 'report' AND rs.document_id = d.doc_id AND rs.event_key = e.event_key")


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def filter_where(event_filter: EventFilter, *, text_by_scan: bool = False,
                 text_by_seek: bool = False) -> tuple[list[str], list[Any]]:
    """WHERE terms and their parameters for a filter, on the values shown (reviewed, else coded). The terms
    name only the events table (``e``), so counts and map points need no join.

    ``text_by_scan``: the full-text matches are only a test on events read in the sort's order (the unary
    ``+`` keeps SQLite from reading events by the matched documents and sorting them all): the better plan
    for a page of a search that many documents match. ``text_by_seek``: each event read in the sort's order
    is looked up in the full-text index instead (no set of matches built): when nearly every document matches."""
    where: list[str] = []
    params: list[Any] = []
    f = event_filter
    if f.since:
        where.append("e.shown_date >= ?")
        params.append(check_date("--since", f.since))
    if f.until:
        until = check_date("--until", f.until)
        # a partial date ("2024-03") means the whole month: compare on the prefix
        where.append("e.shown_date != '' AND substr(e.shown_date, 1, ?) <= ?")
        params += [len(until), until]
    if f.country:
        where.append("e.shown_country = ?")
        params.append(country_code(f.country))
    if f.admin1:
        where.append("lower(e.shown_admin1) = lower(?)")
        params.append(f.admin1)
    if f.event_type:
        where.append("(lower(e.shown_type) = lower(?) OR lower(e.shown_sub_type) = lower(?))")
        params += [f.event_type, f.event_type]
    if f.sub_event_type:
        where.append("e.shown_sub_type = ?")
        params.append(f.sub_event_type)
    if f.actor:
        where.append(
            "(EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND "
            "(a.name LIKE ? ESCAPE '\\' OR lower(a.kind) = lower(?))) OR "
            "(e.review_status IS NOT NULL AND EXISTS (SELECT 1 FROM review_state r JOIN documents rd ON "
            "rd.doc_id = r.document_id WHERE rd.id = e.document_id AND r.target_kind = 'report' AND "
            "r.event_key = e.event_key AND (json_extract(r.state, '$.values.actor1.name') LIKE ? ESCAPE '\\' OR "
            "json_extract(r.state, '$.values.actor2.name') LIKE ? ESCAPE '\\'))))")
        params += [_like(f.actor), f.actor, _like(f.actor), _like(f.actor)]
    if f.bbox:
        west, south, east, north = f.bbox
        where.append("e.shown_lat BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            where.append("e.shown_lon BETWEEN ? AND ?")
            params += [west, east]
        else:  # a box across the antimeridian
            where.append("(e.shown_lon >= ? OR e.shown_lon <= ?)")
            params += [west, east]
    if f.min_sources is not None and f.min_sources > 1:
        where.append("coalesce((SELECT i.number_of_sources FROM reports r JOIN incidents i ON i.id = r.incident_id "
                     "WHERE r.event_id = e.id), 1) >= ?")
        params.append(int(f.min_sources))
    if f.text and text_by_seek:
        where.append("EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? AND rowid = e.document_id)")
        params.append(fts_query(f.text))
    elif f.text:
        where.append(("+" if text_by_scan else "") +
                     "e.document_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(fts_query(f.text))
    if not f.include_background:
        where.append("e.background = 0")
    if f.min_confidence is not None:
        where.append(CONFIDENT)
        params.append(check_confidence(f.min_confidence))
    review = f.review
    if review is not None and review not in REVIEW_FILTERS:
        raise WirecoderError("W008", f"--review {review!r} is not one of {', '.join(REVIEW_FILTERS)}")
    if review is None:
        where.append("(e.review_status IS NULL OR e.review_status != 'rejected')")
    elif review == "unreviewed":
        where.append("+e.review_status IS NULL")  # most events: never by the review index (its rows cost more)
    elif review == "reviewed":
        where.append("e.review_status IN ('accepted', 'corrected')")
    elif review != "all":
        where.append("e.review_status = ?")
        params.append(review)
    return where, params


def event_query(event_filter: EventFilter, *, limit: int | None = None,
                with_text: bool = False) -> tuple[str, list[Any]]:
    where, params = filter_where(event_filter)
    sql = "SELECT " + EVENT_COLUMNS.format(text="d.text" if with_text else "NULL") + " " + EVENT_FROM
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.shown_date = '', e.shown_date, e.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params


def stored_event(row: tuple[Any, ...]) -> StoredEvent:
    """A row of EVENT_COLUMNS as a StoredEvent, its review laid over the coder's event."""
    event = orjson.loads(row[7])  # a page reads 50 of these: orjson parses them 4-5 times faster than json
    state = ReviewState.from_dict(orjson.loads(row[9])) if row[9] else None
    shown, coded = apply_review(event, state)
    return StoredEvent(id=row[0], document_id=row[1], document_url=row[2], document_title=row[3],
                       document_source=row[4], document_published=row[5], stored_at=row[6], event=shown,
                       document_text=row[8], review=state.as_dict() if state else None, coded=coded)
