"""RecordWriter: records coded elsewhere stored as ingest stores them (content hash, near-duplicates, failures)."""
from __future__ import annotations

from wirecoder.ingest.record_writer import RecordWriter
from wirecoder.store import Database

TEXT = " ".join(f"Gunmen attacked village number {n} in the north on Sunday, officials said." for n in range(30))


def record(doc_id: str) -> dict:
    return {"schema": "wirecoder.document/1", "id": doc_id, "published": "2024-03-11", "events": [],
            "places": [], "quotes": []}


def test_record_writer_links_near_duplicates_and_keeps_failures(tmp_path):
    with Database(tmp_path / "s.db") as db:
        with RecordWriter(db, command="code", arguments={}, batch_size=2) as writer:
            writer.add(text=TEXT, record=record("first"), origin="a.txt", source="Wire One")
            writer.add(text=TEXT + " Copyright Daily Reprint.", record=record("copy"), origin="b.txt")
            writer.add(text=TEXT, record=record("again"), origin="c.txt")
            writer.add(text="Bonjour", record={"id": "fr", "error": {"code": "W004", "message": "not English"}},
                       origin="d.txt")
            writer.fail(origin="e.jsonl:3", code="W005", reason="line 3 is not JSON")
        assert (writer.summary.stored, writer.summary.duplicates, writer.summary.already_stored) == (3, 1, 1)
        statuses = {row["id"]: row["status"] for row in (db.document(d) for d in ("first", "copy", "fr"))}
        assert statuses == {"first": "coded", "copy": "duplicate", "fr": "failed"}
        assert [f.code for f in db.failures()] == ["W005"]
