"""Exports of incidents: one ACLED-column row per incident (every outlet in ``source``), GeoJSON and Parquet with
the sources, JSONL with the whole `wirecoder.incident/1` record and each report's event (evidence included).

The incidents come from ``Database.iter_incidents(with_reports=True)``; CSV, GeoJSON and Parquet need the text
of the clearest report too (``with_text=True``), whose trigger sentence is ACLED's ``notes``.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any, BinaryIO

import pycountry

from ..geo.countries import acled_country
from ..store import StoredIncident
from ..taxonomy.acled import civilian_targeting, disorder_type, inter_code, interaction
from .acled import ACLED_COLUMNS, trigger_sentence

INCIDENT_COLUMNS = (
    "injured", "injured_low", "injured_high", "fatalities_low", "fatalities_best", "fatalities_high",
    "claimed_by", "background", "date_end", "incident_id", "number_of_sources", "number_of_reports",
    "first_reported", "last_reported", "document_ids", "report_keys", "urls", "conflicts", "review_status",
    "reviewed_fields",
)
COLUMNS = ACLED_COLUMNS + INCIDENT_COLUMNS
INT_COLUMNS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
               "timestamp", "injured", "injured_low", "injured_high", "fatalities_low", "fatalities_best",
               "fatalities_high", "number_of_sources", "number_of_reports"}
FLOAT_COLUMNS = {"latitude", "longitude"}
BOOL_COLUMNS = {"background"}


def _unique(values: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return out


def _country(alpha2: str | None) -> Any:
    return pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None


def _notes(incident: StoredIncident) -> str | None:
    clearest = incident.record.get("clearest_report")
    for report in incident.reports:
        if report.report_key == clearest:
            return trigger_sentence(report.document_text, report.event)
    return None


def incident_row(incident: StoredIncident) -> dict[str, Any]:
    """The flat row of an incident: ACLED's columns, then wirecoder's own."""
    record = incident.record
    actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
    location = record.get("location") or {}
    country = _country(location.get("country"))
    inter1 = inter_code(actor1.get("kind")) if actor1 else None
    inter2 = inter_code(actor2.get("kind")) if actor2 else None
    fatalities, injured = record.get("fatalities") or {}, record.get("injured") or {}
    date = record.get("date")
    sources = record.get("sources") or []
    changed = incident.changed_at
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}-{incident.id}",
        "event_date": date, "year": int(date[:4]) if date else None,
        "time_precision": record.get("time_precision"),
        "disorder_type": disorder_type(record.get("event_type"), record.get("sub_event_type")),
        "event_type": record.get("event_type"), "sub_event_type": record.get("sub_event_type"),
        "actor1": actor1.get("name"),
        "assoc_actor_1": "; ".join(a.get("name") or "" for a in record.get("assoc_actors") or []) or None,
        "inter1": inter1, "actor2": actor2.get("name"), "assoc_actor_2": None, "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(record.get("event_type"), record.get("sub_event_type"),
                                                 actor2.get("kind")),
        "iso": int(country.numeric) if country else None, "region": None,
        "country": acled_country(location.get("country")), "admin1": location.get("admin1"),
        "admin2": location.get("admin2"),
        "admin3": None, "location": location.get("name"), "latitude": location.get("lat"),
        "longitude": location.get("lon"), "geo_precision": location.get("geo_precision"),
        "source": "; ".join(_unique(s.get("source") for s in sources)) or None,
        "source_scale": None, "notes": _notes(incident),
        "fatalities": fatalities.get("best") or 0, "tags": None,
        "timestamp": int(dt.datetime.fromisoformat(changed).timestamp()) if changed else None,
        "injured": injured.get("best"), "injured_low": injured.get("low"), "injured_high": injured.get("high"),
        "fatalities_low": fatalities.get("low"), "fatalities_best": fatalities.get("best"),
        "fatalities_high": fatalities.get("high"),
        "claimed_by": "; ".join(_unique(name for s in sources for name in s.get("claimed_by") or [])) or None,
        "background": bool(record.get("background")), "date_end": record.get("date_end"),
        "incident_id": incident.id, "number_of_sources": record.get("number_of_sources"),
        "number_of_reports": record.get("number_of_reports"),
        "first_reported": record.get("first_reported"), "last_reported": record.get("last_reported"),
        "document_ids": "; ".join(_unique(s.get("document_id") for s in sources)) or None,
        "report_keys": "; ".join(record.get("reports") or []) or None,
        "urls": "; ".join(_unique(s.get("url") for s in sources)) or None,
        "conflicts": json.dumps(record.get("conflicts") or [], ensure_ascii=False),
        "review_status": (record.get("review") or {}).get("status"),  # analysts' reviews (docs/api.md)
        "reviewed_fields": "; ".join((record.get("review") or {}).get("fields") or []) or None,
    }


def full_record(incident: StoredIncident) -> dict[str, Any]:
    """The whole incident record with each report's event (evidence included) and its article's metadata."""
    return {**incident.record, "reports": [
        {"report_key": r.report_key, "document_id": r.document_id, "source": r.document_source,
         "url": r.document_url, "title": r.document_title, "published": r.document_published,
         "duplicate_copies": list(r.duplicate_copies), "event": r.event} for r in incident.reports]}


def write_csv(incidents: Iterable[StoredIncident], out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for incident in incidents:
        writer.writerow(incident_row(incident))
        count += 1
    text.flush()
    text.detach()
    return count


def write_jsonl(incidents: Iterable[StoredIncident], out: BinaryIO) -> int:
    count = 0
    for incident in incidents:
        out.write(json.dumps(full_record(incident), ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def write_geojson(incidents: Iterable[StoredIncident], out: BinaryIO) -> int:
    """A FeatureCollection: one point per incident, the CSV row and the sources as its properties (an incident
    with no coordinates keeps a null geometry)."""
    out.write(b'{"type":"FeatureCollection","features":[\n')
    count = 0
    for incident in incidents:
        row = incident_row(incident)
        lat, lon = row["latitude"], row["longitude"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        properties = {**row, "sources": incident.record.get("sources") or []}
        feature = {"type": "Feature", "id": incident.id, "geometry": geometry, "properties": properties}
        out.write((b",\n" if count else b"") + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        count += 1
    out.write(b"\n]}\n")
    return count


def write_parquet(incidents: Iterable[StoredIncident], out: BinaryIO, *, rows_per_group: int = 10_000) -> int:
    """The CSV columns with types, and ``sources`` as a list of structs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def arrow_type(column: str) -> pa.DataType:
        if column in INT_COLUMNS:
            return pa.int64()
        if column in FLOAT_COLUMNS:
            return pa.float64()
        return pa.bool_() if column in BOOL_COLUMNS else pa.string()

    source = pa.struct([("source", pa.string()), ("url", pa.string()), ("published", pa.string()),
                        ("document_id", pa.string()), ("event_id", pa.string()), ("report_key", pa.string()),
                        ("claimed_by", pa.list_(pa.string())), ("copy_of", pa.string())])
    schema = pa.schema([(column, arrow_type(column)) for column in COLUMNS] + [("sources", pa.list_(source))])
    count = 0
    with pq.ParquetWriter(pa.PythonFile(out, mode="w"), schema) as writer:
        buffer: list[dict[str, Any]] = []
        for incident in incidents:
            buffer.append({**incident_row(incident), "sources": incident.record.get("sources") or []})
            count += 1
            if len(buffer) >= rows_per_group:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                buffer = []
        if buffer or count == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
    return count


INCIDENT_WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson, "parquet": write_parquet}
