"""`ingest --engine ray` against the local engine on the same corpus (a stand-in coder, so the comparison is
of the engines, not of spaCy): the same documents, duplicates, failures and counts; a second run adds
nothing; a Parquet dataset imported later stores the same."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus import comparable, stored, write_corpus
from fake_coder import make_crashing_coder

from wirecoder.cli.main import main
from wirecoder.errors import WirecoderError
from wirecoder.ingest import IngestOptions, SourceReader, ingest
from wirecoder.ingest.dataset import import_dataset
from wirecoder.ingest.engines.cluster import RayOptions
from wirecoder.ingest.engines.ray_ingest import RayIngestOptions, ingest_ray
from wirecoder.store import Database

OPTIONS = RayIngestOptions(ray=RayOptions(workers=1, batch_size=3))


def local_run(inputs: list[Path], db_path: Path) -> dict:
    with Database(db_path) as db:
        summary = ingest(SourceReader().read([str(i) for i in inputs]), db=db, coder_factory=make_crashing_coder,
                         options=IngestOptions(workers=1, batch_size=3))
    return comparable(summary.as_dict())


def test_ray_ingest_resumes_a_store_and_stores_what_the_local_engine_stores(tmp_path, local_ray, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    local = local_run([corpus], tmp_path / "local.db")
    assert local["coded"] == 8 and local["duplicates"] == 2 and local["not_english"] == 1
    assert local["failed"] == {"W001": 1, "W005": 1, "W099": 1}
    local_run([corpus / "batch.jsonl"], tmp_path / "ray.db")  # a run that stopped after the first file
    status = main(["ingest", str(corpus), "--db", str(tmp_path / "ray.db"), "--engine", "ray", "--workers", "2",
                   "--batch-size", "3", "--coder-factory", "fake_coder:make_crashing_coder", "--json"])
    assert status == 1  # some inputs failed, as the corpus means them to
    by_ray = json.loads(capsys.readouterr().out)
    assert by_ray["run_id"] == 2
    # what the first run stored is not coded again; the rest is triaged against it (the syndicated copy of j3
    # is still its duplicate, the repeat of j5 is already stored) and coded
    assert (by_ray["read"], by_ray["coded"], by_ray["already_stored"], by_ray["duplicates"]) == (14, 0, 10, 1)
    assert by_ray["failed"] == {"W001": 1, "W005": 1, "W099": 1}
    documents, failures = stored(tmp_path / "ray.db")
    local_documents, local_failures = stored(tmp_path / "local.db")
    assert documents == local_documents and set(failures) == set(local_failures)


def test_ray_dataset_imports_into_the_same_store(tmp_path, local_ray, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    local_run([corpus], tmp_path / "local.db")
    out = tmp_path / "dataset"
    written = ingest_ray([str(corpus)], factory=make_crashing_coder, out=out, options=OPTIONS)
    assert written.coded == 8 and written.events == 8
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2024-01", "month=2024-02", "month=2024-03", "month=unknown"]

    with Database(tmp_path / "imported.db") as db:
        first = import_dataset(out, db=db)
    assert comparable(first.as_dict()) == comparable(written.as_dict())
    assert main(["import", str(out), "--db", str(tmp_path / "imported.db"), "--json"]) == 1  # its failures again
    second = json.loads(capsys.readouterr().out)
    assert second["coded"] == 0 and second["already_stored"] == 11
    local_documents, local_failures = stored(tmp_path / "local.db")
    documents, failures = stored(tmp_path / "imported.db")
    assert documents == local_documents
    assert failures == sorted(local_failures * 2)  # each run records the inputs it could not read, as ingest does


def test_ray_dataset_goes_into_a_new_folder(tmp_path):
    out = tmp_path / "dataset"
    out.mkdir()
    (out / "old.parquet").write_bytes(b"x")
    with pytest.raises(WirecoderError) as err:
        ingest_ray([str(tmp_path)], factory=make_crashing_coder, out=out, options=OPTIONS)
    assert err.value.code == "W082"
    with pytest.raises(WirecoderError) as err, Database(tmp_path / "x.db") as db:
        import_dataset(tmp_path / "nothing", db=db)
    assert err.value.code == "W082"
