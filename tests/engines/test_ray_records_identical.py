"""The real Coder in Ray actors: a folder ingested by the ray engine stores exactly the records the local
engine stores, and `code --jsonl --engine ray` prints exactly what `code --jsonl` prints, line for line."""
from __future__ import annotations

import json
from pathlib import Path

from corpus import comparable, stored

from wirecoder.ingest import CoderFactory, IngestOptions, SourceReader, ingest
from wirecoder.ingest.engines.cluster import RayOptions
from wirecoder.ingest.engines.ray_code import code_jsonl_ray
from wirecoder.ingest.engines.ray_ingest import RayIngestOptions, ingest_ray
from wirecoder.ingest.fetch import Fetcher, FetchOptions
from wirecoder.ingest.workers import InlinePool
from wirecoder.jsonl import jsonl_items
from wirecoder.store import Database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NO_NETWORK = FetchOptions(retries=0, timeout=2, min_interval=0)  # the sample feed's links point nowhere


def test_ray_engine_stores_the_local_engines_records(tmp_path, local_ray, coder):
    folder = EXAMPLES / "mixed"
    with Database(tmp_path / "local.db") as db:
        local = ingest(SourceReader(fetcher=Fetcher(NO_NETWORK)).read([str(folder)]), db=db,
                       pool=InlinePool(factory=lambda: coder), options=IngestOptions(batch_size=2))
    with Database(tmp_path / "ray.db") as db:
        by_ray = ingest_ray([str(folder)], factory=CoderFactory(), db=db,
                            options=RayIngestOptions(ray=RayOptions(workers=1, batch_size=2), fetch=NO_NETWORK))
    assert local.coded >= 4 and local.events >= 4
    assert comparable(by_ray.as_dict()) == comparable(local.as_dict())
    documents, failures = stored(tmp_path / "ray.db")
    assert (documents, failures) == stored(tmp_path / "local.db")
    assert sum(json.loads(d[-1])["events"] != [] for d in documents if d[-1]) >= 4


def test_ray_code_jsonl_prints_what_code_jsonl_prints(tmp_path, local_ray, coder):
    batch = tmp_path / "batch.jsonl"
    lines = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1:1] = ["{not json", "", json.dumps({"id": "no-text", "text": ""})]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with batch.open("rb") as handle:
        expected = list(coder.code_many(jsonl_items(handle)))
    by_ray = list(code_jsonl_ray(str(batch), factory=CoderFactory(), options=RayOptions(workers=1, batch_size=2),
                                 lines_per_run=3))
    assert [r.get("error", {}).get("code") for r in expected[1:4]] == ["W005", "W006", "W006"]
    assert by_ray == expected
