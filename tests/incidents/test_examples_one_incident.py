"""End to end with the real Coder: the example folder of several reports of one incident (examples/incident,
texts the project wrote) ingested beside examples/mixed, and reports stored by `code --db`."""
from __future__ import annotations

import json
from pathlib import Path

from wirecoder.cli.main import main
from wirecoder.ingest import IngestOptions, SourceReader, ingest
from wirecoder.ingest.record_writer import RecordWriter
from wirecoder.store import Database, IncidentFilter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AGENCE = ("MAIDUGURI, Nigeria, June 15 (Agence Two) - The number of people killed in Friday's twin suicide bombing "
          "at a market in Konduga, Borno state, has risen to 18, a leader of the local vigilante group said on "
          "Saturday.")


def konduga(db: Database):
    return [i for i in db.iter_incidents(IncidentFilter(text="Konduga"), with_reports=True)
            if (i.record["location"] or {}).get("name") == "Konduga"]


def test_examples_ingest_one_incident_with_all_its_sources(tmp_path, coder):
    with Database(tmp_path / "s.db") as db:
        # the session's Coder, inherited by the forked worker: no second model load
        ingest(SourceReader().read([str(EXAMPLES / "incident"), str(EXAMPLES / "mixed")]), db=db,
               coder_factory=lambda: coder, options=IngestOptions(workers=1, start_method="fork"))
        (bombing,) = konduga(db)
        counts = db.counts()
    record = bombing.record
    assert record["number_of_sources"] == 3 and record["number_of_reports"] == 3
    outlets = [s["source"] for s in record["sources"]]
    assert sorted(outlets) == ["Agence Two", "Borno Times", "Daily Reprint", "Wire One"]  # the copy listed too
    assert [s["copy_of"] is not None for s in record["sources"]].count(True) == 1
    assert "fatalities" in {c["field"] for c in record["conflicts"]}
    assert counts.incidents == counts.events - 2  # only the bombing's three reports merged


def test_examples_code_db_stores_and_merges_like_ingest(tmp_path, coder, capsys):
    db_path = tmp_path / "s.db"
    assert main(["code", "--jsonl", str(EXAMPLES / "incident" / "borno.jsonl"), "--db", str(db_path),
                 "--summary"]) == 0
    assert "2 incident(s) created" in capsys.readouterr().err
    with Database(db_path) as db:
        for _ in range(2):  # the second time, the article is already stored
            with RecordWriter(db, command="test", arguments={}) as writer:
                record = coder.code(AGENCE, published="2024-06-15", source="Agence Two", id="agence")
                writer.add(text=AGENCE, record=record, origin="agence", source="Agence Two")
        assert writer.summary.already_stored == 1 and db.counts().documents == 2
        (bombing,) = konduga(db)
    assert bombing.record["number_of_sources"] == 2
    assert {r.document_id for r in bombing.reports} == {"agence", "borno-times-0615"}
