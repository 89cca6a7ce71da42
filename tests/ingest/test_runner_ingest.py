"""The ingest run with a stand-in coder: counts, duplicates, failures by reason, resume."""
from __future__ import annotations

import json

import pytest
from fake_coder import make_coder, make_crashing_coder
from pages import ARTICLE_PARAGRAPHS, article_html

from wirecoder.ingest import IngestOptions, SourceReader, ingest
from wirecoder.store import Database

KILLED = "Gunmen killed {n} villagers in a raid on a farming settlement, officials said."
FILLER = ("Residents said the attackers arrived on motorcycles and set fire to houses before fleeing. Officials "
          "promised to send more police to the district. ")


def article(n: int) -> str:
    # each article differs in most of its shingles, so none is a near-duplicate of another
    return KILLED.format(n=n) + " " + " ".join(f"Resident {n}-{k} described the night." for k in range(30))


def run(tmp_path, inputs, *, workers=1, batch_size=4, coder=make_coder, retry_failed=False):
    with Database(tmp_path / "store.db") as db:
        summary = ingest(SourceReader().read([str(i) for i in inputs]), db=db, coder_factory=coder,
                         options=IngestOptions(workers=workers, batch_size=batch_size, retry_failed=retry_failed))
        return summary, db.counts(), db.duplicate_links()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = [{"id": f"j{n}", "text": article(n), "published": "2024-05-14"} for n in range(10)]
    lines.append({"id": "fr", "text": "[fr] " + article(99)})
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n")
    (folder / "page.html").write_text(article_html())
    (folder / "syndicated.txt").write_text("LAGOS (Wire) - " + article(3) + " Editing by the desk.")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_runner_counts_every_outcome(tmp_path, corpus):
    summary, counts, links = run(tmp_path, [corpus])
    assert summary.read == 15
    assert summary.coded == 11  # ten JSONL articles and the HTML page
    assert summary.events == 11  # one "killed" sentence in each
    assert summary.duplicates == 1 and summary.not_english == 1
    assert dict(summary.failed) == {"W001": 1, "W005": 1}
    assert (counts.coded, counts.duplicates, counts.failed_documents, counts.failures) == (11, 1, 1, 2)
    [(duplicate, first, similarity)] = links
    assert first == "j3" and similarity >= 0.8


def test_runner_second_run_adds_nothing(tmp_path, corpus):
    run(tmp_path, [corpus])
    summary, counts, _ = run(tmp_path, [corpus])
    assert summary.coded == 0 and summary.already_stored == 13
    assert (counts.documents, counts.events) == (13, 11)


def test_runner_two_workers_store_the_same_as_one(tmp_path, corpus):
    one, _, _ = run(tmp_path / "one", [corpus], workers=1)
    two, counts, _ = run(tmp_path / "two", [corpus], workers=2, batch_size=2)
    assert one.as_dict() | {"seconds": 0} == two.as_dict() | {"seconds": 0}
    assert counts.events == 11


def test_runner_html_date_is_marked_as_from_html(tmp_path, corpus):
    run(tmp_path, [corpus / "page.html"])
    with Database(tmp_path / "store.db", readonly=True) as db:
        [stored] = list(db.events())
        document = db.document(stored.document_id)
    assert document["record"]["published"] == "2024-05-14"
    assert document["record"]["published_from"] == "html"
    assert stored.event["evidence"][0]["text"].startswith(ARTICLE_PARAGRAPHS[0][:20])


def test_runner_retry_failed_codes_again_only_what_failed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(article(1))
    (tmp_path / "in" / "b.txt").write_text("CRASH " + article(2))
    first, counts, _ = run(tmp_path, [tmp_path / "in"], coder=make_crashing_coder)
    assert first.coded == 1 and dict(first.failed) == {"W099": 1} and counts.failed_documents == 1
    plain, _, _ = run(tmp_path, [tmp_path / "in"])
    assert plain.coded == 0 and plain.already_stored == 2
    retried, counts, links = run(tmp_path, [tmp_path / "in"], retry_failed=True)
    assert retried.coded == 1 and retried.already_stored == 1 and retried.duplicates == 0
    assert (counts.documents, counts.coded, counts.failed_documents, counts.events) == (2, 2, 0, 2)
    assert links == []
