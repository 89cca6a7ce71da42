"""The development benchmark on real text written by others: ACLED's analysts' notes, and general news.

    .venv/bin/python bench/acled_dev.py [--notes ../shared/data/acled/acled_dev.csv] [--model DIR]
                                        [--general] [--save RECORDS.jsonl] [--json]

Codes every note of ``acled_dev.csv`` (1,709 real notes with ACLED's own coding; measurement only, never
training: see its README) as a one-paragraph article published on the row's upload day, and prints, against
ACLED's coding: the share of notes with no current event, event-type accuracy, sub-event accuracy and weighted
and macro F1, the confusion pairs, calibration (reliability table and expected calibration error), fatalities
exact (all notes, notes with deaths), date exact, location within 25 and 161 km, actor1 and actor2 kind and name
(src/wirecoder/scoring/acled.py defines each). With ``--general`` it also lists every current event found on
the 181 real pages of ../shared/data/article_extraction (mostly not about conflict) and on the GeoVirus articles
(disease news), each with its sentence, and how many of them the commands show at their default
``--min-confidence``. This is the development set: the held-out parts of the same kinds
decide. Figures on the project's own sets (data/eval, PLOVER) come from bench/coder_eval.py and
bench/typing_eval.py.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=Path, default=SHARED / "acled" / "acled_dev.csv")
    parser.add_argument("--model", default=None, help="event-typing model directory (default: the shipped one)")
    parser.add_argument("--general", action="store_true", help="also list events found on general news")
    parser.add_argument("--save", type=Path, default=None, help="write the notes' records here (JSONL)")
    parser.add_argument("--json", action="store_true", help="print the ACLED figures as JSON")
    args = parser.parse_args()

    from wirecoder import Coder
    from wirecoder.scoring.acled import read_acled_notes, score_records
    from wirecoder.scoring.report import format_acled, format_found

    coder = Coder(typing_model=args.model)
    notes = read_acled_notes(args.notes)
    started = time.perf_counter()
    items = [{"id": n.id, "text": n.text, "published": n.published} for n in notes]
    records = {r["id"]: r for r in coder.code_many(items)}
    seconds = time.perf_counter() - started
    if args.save:
        with args.save.open("w", encoding="utf-8") as handle:
            for record in records.values():
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    scores = score_records(notes, records)
    if args.json:
        json.dump(scores.as_dict(), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(f"ACLED notes: {args.notes} ({len(notes)} notes, coded in {seconds:.0f} s)")
        print(format_acled(scores))
    if args.general:
        from wirecoder.scoring.general import current_events, extraction_pages, geovirus_articles
        from wirecoder.settings import DEFAULT_MIN_CONFIDENCE

        for name, items in (("article_extraction pages", list(extraction_pages(SHARED / "article_extraction"))),
                            ("GeoVirus articles", list(geovirus_articles(SHARED / "geoparsing" / "GeoVirus.xml")))):
            found = current_events(items, list(coder.code_many(items)))
            print()
            print(format_found(name, len(items), found, shown_at=DEFAULT_MIN_CONFIDENCE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
