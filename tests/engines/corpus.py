"""A small corpus the engine tests write: every outcome an ingest run can have."""
from __future__ import annotations

import json
from pathlib import Path


def article(n: int) -> str:
    # each article differs in most of its shingles, so none is a near-duplicate of another
    return (f"Gunmen killed {n} villagers in a raid on a farming settlement, officials said. "
            + " ".join(f"Resident {n}-{k} described the night." for k in range(30)))


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    lines = [{"id": f"j{n}", "text": article(n), "published": f"2024-0{1 + n % 3}-14"} for n in range(8)]
    lines.append({"id": "fr", "text": "[fr] " + article(99)})
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n")
    (folder / "syndicated.txt").write_text("LAGOS (Wire) - " + article(3) + " Editing by the desk.")
    (folder / "repeat.txt").write_text(article(5))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "crash.txt").write_text("CRASH " + article(40))
    return folder


def stored(db_path: Path) -> tuple[list[tuple], list[tuple]]:
    """Everything a run stored that does not depend on when it ran: documents with their records, failures."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        documents = conn.execute(
            "SELECT doc_id, content_hash, origin, status, duplicate_of, similarity, error_code, title, url, "
            "published, published_from, record FROM documents ORDER BY content_hash").fetchall()
        failures = conn.execute("SELECT origin, code, reason FROM failures ORDER BY origin, code").fetchall()
    finally:
        conn.close()
    return documents, failures


def comparable(summary: dict) -> dict:
    """A run's summary without what depends on timing: seconds, and the order failures were met in."""
    return summary | {"seconds": 0, "failed_inputs": sorted(summary["failed_inputs"], key=lambda f: f["origin"])}
