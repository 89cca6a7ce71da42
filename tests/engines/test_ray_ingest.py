"""`ingest --engine ray` against the local engine on the same corpus (a stand-in coder, so the comparison is
of the engines, not of spaCy): the same documents, duplicates, failures and counts; a second run adds
nothing; a Parquet dataset imported later stores the same."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus import stored, write_corpus
from fake_coder import make_crashing_coder

from wirecoder.cli.main import main
from wirecoder.errors import WirecoderError
from wirecoder.ingest import IngestOptions, SourceReader, ingest
from wirecoder.ingest.dataset import import_dataset
from wirecoder.ingest.engines.cluster import RayOptions
from wirecoder.ingest.engines.ray_ingest import RayIngestOptions, ingest_ray
from wirecoder.store import Database

OPTIONS = RayIngestOptions(ray=RayOptions(workers=1, batch_size=3))


def local_run(corpus: Path, db_path: Path) -> dict:
    with Database(db_path) as db:
        summary = ingest(SourceReader().read([str(corpus)]), db=db, coder_factory=make_crashing_coder,
                         options=IngestOptions(workers=1, batch_size=3))
    return summary.as_dict() | {"seconds": 0}


def test_ray_ingest_stores_what_the_local_engine_stores(tmp_path, local_ray, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    local = local_run(corpus, tmp_path / "local.db")
    status = main(["ingest", str(corpus), "--db", str(tmp_path / "ray.db"), "--engine", "ray", "--workers", "2",
                   "--batch-size", "3", "--coder-factory", "fake_coder:make_crashing_coder", "--json"])
    assert status == 0
    by_ray = json.loads(capsys.readouterr().out) | {"seconds": 0}
    assert by_ray.pop("run_id") == 1
    assert by_ray == local
    assert local["coded"] == 8 and local["duplicates"] == 2 and local["not_english"] == 1
    assert local["failed"] == {"W001": 1, "W005": 1, "W099": 1}
    assert stored(tmp_path / "ray.db") == stored(tmp_path / "local.db")

    with Database(tmp_path / "ray.db") as db:  # resumable: what is stored is not coded again
        again = ingest_ray([str(corpus)], factory=make_crashing_coder, db=db, options=OPTIONS)
        assert (again.coded, again.already_stored, again.events) == (0, 12, 0)
        assert db.counts().documents == 11


def test_ray_dataset_imports_into_the_same_store(tmp_path, local_ray):
    corpus = write_corpus(tmp_path / "corpus")
    local_run(corpus, tmp_path / "local.db")
    out = tmp_path / "dataset"
    written = ingest_ray([str(corpus)], factory=make_crashing_coder, out=out, options=OPTIONS)
    assert written.coded == 8 and written.events == 8
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2024-01", "month=2024-02", "month=2024-03", "month=unknown"]

    with Database(tmp_path / "imported.db") as db:
        first = import_dataset(out, db=db)
        second = import_dataset(out, db=db)
    assert first.as_dict() | {"seconds": 0} == written.as_dict() | {"seconds": 0}
    assert second.coded == 0 and second.already_stored == 11
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
