"""Reads for the analyst's desk: pages of events by keyset, map points, counts for charts, articles.

A part of the Database class (a mixin: Database owns the one connection). Pages are keyset-paginated on a
stable sort (the sort value, then the event's row id), so a page never repeats or skips an event while others
are added; the cursor is opaque to clients (base64 of the last row's sort key). All SQL is parameterised.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..errors import WirecoderError
from .queries import EVENT_COLUMNS, EVENT_FROM, filter_where, fts_query, stored_event
from .rows import EventFilter, StoredEvent

# sort name -> (SQL key expression, direction)
SORTS: dict[str, tuple[str, str]] = {
    "date": ("e.shown_date", "DESC"),
    "date_asc": ("e.shown_date", "ASC"),
    "fatalities": ("coalesce(e.shown_fatalities, -1)", "DESC"),
}
COUNT_KEYS = {
    "week": "e.shown_date",  # folded into the Monday of each week
    "type": "e.shown_type",
    "sub_type": "e.shown_sub_type",
    "country": "e.shown_country",
}


@dataclass(frozen=True)
class EventPage:
    events: list[StoredEvent]
    next_cursor: str | None  # None on the last page


@dataclass(frozen=True)
class MapPoint:
    id: int
    lat: float
    lon: float
    event_type: str | None
    fatalities: int | None
    review_status: str | None


@dataclass(frozen=True)
class CountRow:
    key: str | None
    events: int
    fatalities: int


@dataclass(frozen=True)
class ArticleView:
    """A stored document with its text and record, for the evidence view."""

    document_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    status: str
    text: str
    record: dict[str, Any] | None
    copies: list[dict[str, Any]] = field(default_factory=list)  # near-duplicates stored: other outlets' copies


def _monday(day: str) -> str:
    """The Monday of a day's week (ISO weeks), as YYYY-MM-DD."""
    try:
        date = dt.date.fromisoformat(day[:10])
    except ValueError:
        return day
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def _weeks(days: list[tuple[str, int, int]]) -> list[CountRow]:
    """Counts per day folded into weeks (Monday's date), in order."""
    weeks: dict[str, list[int]] = {}
    for day, n, dead in days:
        total = weeks.setdefault(_monday(day), [0, 0])
        total[0] += n
        total[1] += dead
    return [CountRow(key=k, events=n, fatalities=dead) for k, (n, dead) in sorted(weeks.items())]


def _points_stored(event_filter: EventFilter) -> bool:
    """Whether the stored points' index answers the filter alone (it holds the date, the review status,
    background and the coordinates)."""
    f = event_filter
    return not (f.country or f.admin1 or f.event_type or f.sub_event_type or f.actor or f.text or
                (f.min_sources is not None and f.min_sources > 1) or f.min_confidence is not None)


def _days_kept(event_filter: EventFilter) -> bool:
    """Whether the counts kept per day answer the filter (only the review and background filters set)."""
    return _points_stored(event_filter) and not (event_filter.since or event_filter.until or event_filter.bbox)


def encode_cursor(value: Any, row_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([value, row_id]).encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, row_id = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, TypeError, binascii.Error, UnicodeEncodeError) as err:
        raise WirecoderError("W070", f"the cursor {cursor[:40]!r} is not one this API gave out") from err
    if not isinstance(row_id, int) or not isinstance(value, (str, int)) or isinstance(value, bool):
        raise WirecoderError("W070", f"the cursor {cursor[:40]!r} is not one this API gave out")
    return value, row_id


class BrowseStore:
    """The desk's reads: methods of ``Database``."""

    _conn: sqlite3.Connection

    def event_page(self, event_filter: EventFilter = EventFilter(), *, sort: str = "date", after: str | None = None,
                   limit: int = 50, with_text: bool = False) -> EventPage:
        """One page of events matching the filter, in a stable order; pass ``next_cursor`` as ``after``."""
        if sort not in SORTS:
            raise WirecoderError("W070", f"sort {sort!r} is not one of {', '.join(SORTS)}")
        key, direction = SORTS[sort]
        plan = self._text_plan(event_filter.text, limit=limit) if event_filter.text else "matches"
        where, params = filter_where(event_filter, text_by_scan=plan == "scan", text_by_seek=plan == "seek")
        if after is not None:
            value, row_id = decode_cursor(after)
            where.append(f"({key}, e.id) {'<' if direction == 'DESC' else '>'} (?, ?)")
            params += [value, row_id]
        sql = ("SELECT " + EVENT_COLUMNS.format(text="d.text" if with_text else "NULL") +
               ", e.shown_fatalities " + EVENT_FROM)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {key} {direction}, e.id {direction} LIMIT ?"
        params.append(int(limit) + 1)
        rows = self._rows(sql, params, columns=12)
        events = [stored_event(row) for row in rows[:limit]]
        cursor = None
        if len(rows) > limit:
            last = rows[limit - 1]
            value = last[10] if sort != "fatalities" else (last[11] if last[11] is not None else -1)
            cursor = encode_cursor(value, last[0])
        return EventPage(events=events, next_cursor=cursor)

    def _rows(self, sql: str, params: list[Any], *, columns: int) -> list[list[Any]]:
        """The rows of ``sql`` (columns of JSON types: no floats, which JSON would round to 15 digits) read in
        one step of SQLite, as one JSON array. Python's sqlite3 gives up the interpreter lock at every step (row)
        and takes it again: behind a server's other busy threads each take can wait up to the interpreter's
        switch interval (5 ms), so a page of 50 rows read row by row could wait a quarter of a second."""
        names = ", ".join(f"c{i}" for i in range(columns))
        text = self._conn.execute(f"WITH result({names}) AS ({sql}) SELECT json_group_array(json_array({names})) "
                                  "FROM result", params).fetchone()[0]
        return orjson.loads(text)

    def _matched_by_many(self, text: str, *, limit: int) -> bool:
        """Whether a search's page is read in the sort's order (either way of testing each event)."""
        return self._text_plan(text, limit=limit) != "matches"

    def _text_plan(self, text: str, *, limit: int) -> str:
        """How a page of a full-text search is read, by how many of the D documents match (M):

        - "matches": few match: read every matched event and sort them (about 2 M events read);
        - "scan": read events in the sort's order, testing each against the set of matches, built once
          (about limit * D / M events read, plus the set);
        - "seek": read events in the sort's order, looking each up in the full-text index (no set built).

        "scan" from M > sqrt(limit * D / 2). Measured on 10^5 events: a look-up costs about 20 us, the set about
        0.2 us a match, so "seek" wins when 20 * limit * D / M < 0.2 * M, from M > 10 sqrt(limit * D) (a word of
        nine articles in ten: a page 15 -> 1 ms). Counting stops there (FTS5 reads its matches lazily)."""
        documents = int(self._conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])
        scan = math.isqrt((int(limit) + 1) * documents // 2) + 1
        seek = 10 * math.isqrt((int(limit) + 1) * documents) + 1
        found = int(self._conn.execute(
            "SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)",
            (fts_query(text), max(scan, seek))).fetchone()[0])
        return "seek" if found >= seek else "scan" if found >= scan else "matches"

    def event_by_row(self, event_id: int) -> StoredEvent | None:
        """One event by its row id in this store (ids change when an article is re-coded; keys do not)."""
        row = self._conn.execute(
            "SELECT " + EVENT_COLUMNS.format(text="d.text") + " " + EVENT_FROM + " WHERE e.id = ?",
            (int(event_id),)).fetchone()
        return stored_event(row) if row else None

    def event_row_id(self, document_id: str, event_key: str) -> int | None:
        """The row id of the event a report key names."""
        row = self._conn.execute(
            "SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id WHERE d.doc_id = ? AND "
            "e.event_key = ? ORDER BY e.id LIMIT 1", (document_id, event_key)).fetchone()
        return int(row[0]) if row else None

    def desk_summary(self) -> dict[str, int]:
        """Events, the articles they come from, incidents and reviews: counts that read indexes only."""
        one = lambda sql: int(self._conn.execute(sql).fetchone()[0])  # noqa: E731
        return {"events": one("SELECT count(*) FROM events"),
                "articles": one("SELECT articles FROM desk_counts WHERE id = 1"),  # kept by triggers
                "incidents": one("SELECT count(*) FROM incidents"),
                "reviews": one("SELECT count(*) FROM reviews")}

    def event_report(self, event_id: int) -> tuple[str | None, str | None]:
        """(report key, incident id) of an event; (None, None) before incidents are merged."""
        row = self._conn.execute(
            "SELECT r.report_key, i.incident_key FROM reports r LEFT JOIN incidents i ON i.id = r.incident_id "
            "WHERE r.event_id = ?", (int(event_id),)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def event_points(self, event_filter: EventFilter = EventFilter(), *, limit: int = 50_000) -> list[MapPoint]:
        """The located events matching the filter, as small points for a map (at most ``limit``, newest first)."""
        where, params = filter_where(event_filter)
        where.append("e.shown_lat IS NOT NULL AND e.shown_lon IS NOT NULL")
        sql = ("SELECT e.id, e.shown_lat, e.shown_lon, e.shown_type, e.shown_fatalities, e.review_status "
               "FROM events e WHERE " + " AND ".join(where) + " ORDER BY e.shown_date DESC, e.id DESC LIMIT ?")
        return [MapPoint(*row) for row in self._conn.execute(sql, [*params, int(limit)])]

    def event_points_json(self, event_filter: EventFilter = EventFilter(), *, limit: int = 50_000) -> tuple[str, bool]:
        """The points of ``event_points`` as a JSON array of ``[id, lat, lon, event_type, fatalities,
        review_status]`` (coordinates to five decimals, about a metre), built by SQLite itself, and whether more
        than ``limit`` events matched. Filters on the date, the review, background and a box read each point as
        stored (``events.shown_point`` in the ``events_points`` index, in the map's order: concatenated, not
        formatted, 7 ms for 20,000 points on 10^5 events where formatting took 48); other filters format the few
        points they match from their own covering indexes."""
        where, params = filter_where(event_filter)
        where.append("e.shown_lat IS NOT NULL AND e.shown_lon IS NOT NULL")
        if _points_stored(event_filter):
            point = "shown_point"
            columns = "e.shown_point"
        else:
            point = ("printf('[%d,%.5f,%.5f,%s,%s,%s]', id, shown_lat, shown_lon, json_quote(shown_type), "
                     "coalesce(shown_fatalities, 'null'), json_quote(review_status))")
            columns = "e.id, e.shown_lat, e.shown_lon, e.shown_type, e.shown_fatalities, e.review_status"
        sql = (f"SELECT group_concat({point}, ','), count(*) FROM (SELECT {columns} FROM events e WHERE " +
               " AND ".join(where) + " ORDER BY e.shown_date DESC, e.id DESC LIMIT ?)")
        points, found = self._conn.execute(sql, [*params, int(limit) + 1]).fetchone()
        points = points or ""
        more = int(found) > limit
        if more:  # one point more than asked was read, to tell: cut it off
            points = points[:points.rindex("],[") + 1]
        return "[" + points + "]", more

    def generation(self) -> int:
        """A number that every change a read of the desk can see raises (in any process): results read at one
        generation hold until it moves (store/cache.py)."""
        return int(self._conn.execute("SELECT generation FROM store_generation WHERE id = 1").fetchone()[0])

    def generations(self) -> tuple[int, int]:
        """(the store's generation, the last review's number) in one read: the second moves only when an
        analyst reviews something (the log is append-only), so a kept read may be shown a little late after an
        ingest's write but never after a review (store/cache.py)."""
        row = self._conn.execute("SELECT generation, (SELECT coalesce(max(id), 0) FROM reviews) "
                                 "FROM store_generation WHERE id = 1").fetchone()
        return int(row[0]), int(row[1])

    def event_counts(self, event_filter: EventFilter = EventFilter(), *, by: str = "week") -> list[CountRow]:
        """Events and fatalities of the filter grouped by week (Monday's date), type, sub-type or country."""
        if by not in COUNT_KEYS:
            raise WirecoderError("W070", f"by {by!r} is not one of {', '.join(COUNT_KEYS)}")
        where, params = filter_where(event_filter)  # checks the filter's values whichever way it is read
        if by == "week" and _days_kept(event_filter):
            return _weeks(self._days_kept_counts(event_filter))
        if by == "week":
            # grouped by day in the date index's order (no sort), then folded into weeks here
            where.append("e.shown_date != ''")
            key = "e.shown_date"
        else:
            key = COUNT_KEYS[by]
        sql = (f"SELECT {key} AS k, count(*), coalesce(sum(e.shown_fatalities), 0) FROM events e" +
               (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY k ORDER BY k")
        rows = self._rows(sql, params, columns=3)
        if by != "week":
            return [CountRow(key=k, events=n, fatalities=dead) for k, n, dead in rows]
        return _weeks(rows)

    def _days_kept_counts(self, event_filter: EventFilter) -> list[tuple[str, int, int]]:
        """(day, events, fatalities) of every shown day from the counts the store keeps per day, review status
        and background (``event_days``, kept by triggers): a few thousand rows instead of every event."""
        where, params = ["day != ''", "events > 0"], []
        review = event_filter.review
        if review is None:
            where.append("review_status != 'rejected'")
        elif review == "unreviewed":
            where.append("review_status = ''")
        elif review == "reviewed":
            where.append("review_status IN ('accepted', 'corrected')")
        elif review != "all":
            where.append("review_status = ?")
            params.append(review)
        if not event_filter.include_background:
            where.append("background = 0")
        return self._rows("SELECT day, sum(events), sum(fatalities) FROM event_days WHERE " + " AND ".join(where) +
                          " GROUP BY day ORDER BY day", params, columns=3)

    def article(self, document_id: str) -> ArticleView | None:
        row = self._conn.execute(
            "SELECT doc_id, title, url, source, published, status, text, record, content_hash, duplicate_of "
            "FROM documents WHERE doc_id = ? ORDER BY id LIMIT 1", (document_id,)).fetchone()
        if row is None:
            return None
        first_copy = row[9] or row[8]
        copies = [{"document_id": c[0], "title": c[1], "url": c[2], "source": c[3], "published": c[4],
                   "similarity": c[5]}
                  for c in self._conn.execute(
                      "SELECT doc_id, title, url, source, published, similarity FROM documents "
                      "WHERE (duplicate_of = ? OR content_hash = ?) AND doc_id != ? ORDER BY id",
                      (first_copy, first_copy, row[0]))]
        return ArticleView(document_id=row[0], title=row[1], url=row[2], source=row[3], published=row[4],
                           status=row[5], text=row[6], record=json.loads(row[7]) if row[7] else None,
                           copies=copies)

    def article_events(self, document_id: str) -> list[StoredEvent]:
        """Every event of a document (rejected ones too), in the record's order."""
        sql = ("SELECT " + EVENT_COLUMNS.format(text="NULL") + " " + EVENT_FROM +
               " WHERE d.doc_id = ? ORDER BY e.id")
        return [stored_event(row) for row in self._conn.execute(sql, (document_id,))]

    def article_page(self, *, text: str | None = None, after: int | None = None,
                     limit: int = 50) -> tuple[list[dict[str, Any]], int | None]:
        """Stored documents (newest row first), optionally those matching a full-text query; keyset by row."""
        where, params = ["1"], []
        if text:
            where.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(fts_query(text))
        if after is not None:
            where.append("d.id < ?")
            params.append(int(after))
        rows = self._conn.execute(
            "SELECT d.id, d.doc_id, d.title, d.source, d.published, d.status, "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id) FROM documents d WHERE " +
            " AND ".join(where) + " ORDER BY d.id DESC LIMIT ?", [*params, int(limit) + 1]).fetchall()
        items = [{"document_id": r[1], "title": r[2], "source": r[3], "published": r[4], "status": r[5],
                  "events": r[6]} for r in rows[:limit]]
        return items, (rows[limit - 1][0] if len(rows) > limit else None)

    def iter_event_pages(self, event_filter: EventFilter, *, page_size: int = 500,
                         with_text: bool = False) -> Iterator[list[StoredEvent]]:
        """Every event of the filter, a page at a time (date order, newest first)."""
        after = None
        while True:
            page = self.event_page(event_filter, after=after, limit=page_size, with_text=with_text)
            if page.events:
                yield page.events
            if page.next_cursor is None:
                return
            after = page.next_cursor
