"""Builds the parameterised SQL behind event filters. No user text is ever formatted into SQL."""
from __future__ import annotations

import re
from typing import Any

import pycountry

from ..days import iso_prefix
from ..errors import WirecoderError
from .rows import EventFilter

_WORD = re.compile(r"\w+", re.UNICODE)


def country_code(value: str) -> str:
    """ISO 3166-1 alpha-2 code for a code or a country name ("NG", "NGA", "Nigeria")."""
    cleaned = value.strip()
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


def event_query(event_filter: EventFilter, *, limit: int | None = None,
                with_text: bool = False) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if event_filter.since:
        where.append("e.date >= ?")
        params.append(check_date("--since", event_filter.since))
    if event_filter.until:
        until = check_date("--until", event_filter.until)
        # a partial date ("2024-03") means the whole month: compare on the prefix
        where.append("substr(e.date, 1, ?) <= ?")
        params += [len(until), until]
    if event_filter.country:
        where.append("e.country = ?")
        params.append(country_code(event_filter.country))
    if event_filter.event_type:
        where.append("(lower(e.event_type) = lower(?) OR lower(e.sub_event_type) = lower(?))")
        params += [event_filter.event_type, event_filter.event_type]
    if event_filter.actor:
        where.append(
            "EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND "
            "(a.name LIKE ? ESCAPE '\\' OR lower(a.kind) = lower(?)))")
        escaped = event_filter.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [f"%{escaped}%", event_filter.actor]
    if event_filter.text:
        where.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(fts_query(event_filter.text))
    if not event_filter.include_background:
        where.append("e.background = 0")
    sql = (
        "SELECT e.id, d.doc_id, d.url, d.title, d.source, d.published, d.stored_at, e.data, "
        + ("d.text " if with_text else "NULL ") +
        "FROM events e JOIN documents d ON d.id = e.document_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date IS NULL, e.date, e.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params
