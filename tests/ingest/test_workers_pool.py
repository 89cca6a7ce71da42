"""The worker pool: a coder bug on one article fails that article only; a coder that cannot load stops the run."""
from __future__ import annotations

import pytest
from fake_coder import make_crashing_coder, make_unloadable_coder

from wirecoder.errors import WirecoderError
from wirecoder.ingest.workers import CoderPool


def test_workers_pool_isolates_the_article_that_crashes_the_coder():
    items = [{"id": "a", "text": "Gunmen killed two people."}, {"id": "b", "text": "CRASH here."},
             {"id": "c", "text": "Nothing happened."}]
    with CoderPool(factory=make_crashing_coder, workers=1) as pool:
        pool.submit(7, items)
        result = pool.next_result()
    assert result.batch_id == 7
    assert [record["id"] for record in result.records] == ["a", "b", "c"]
    assert "error" not in result.records[0] and "error" not in result.records[2]
    assert result.records[1]["error"]["code"] == "W099" and "boom" in result.records[1]["error"]["message"]


def test_workers_pool_reports_a_coder_that_cannot_load():
    with pytest.raises(WirecoderError) as err:
        with CoderPool(factory=make_unloadable_coder, workers=1) as pool:
            pool.submit(0, [{"id": "a", "text": "x"}])
            pool.next_result()
    assert err.value.code == "W010" and "no such spaCy model" in err.value.detail


def test_workers_pool_needs_a_worker():
    with pytest.raises(WirecoderError):
        CoderPool(factory=make_crashing_coder, workers=0)
