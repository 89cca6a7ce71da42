"""Records of real text, written so that two trees' outputs can be compared byte for byte (for refactors).

    PYTHONPATH=TREE/src .venv/bin/python bench/same_output.py OUT.jsonl [--every 5] [--limit 300]

Codes every ``--every``-th note of ../shared/data/acled/acled_dev.csv (up to ``--limit``, each as a one-paragraph
article published on its upload day, as bench/acled_dev.py does), the seed article ../shared/seed/article.txt and
the 181 pages of ../shared/data/article_extraction, and writes one record a line with sorted keys. Run it with
two trees' ``src`` on PYTHONPATH and ``cmp`` the files: a refactor must leave them identical. Records carry no
timings, so nothing is left out of the comparison.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--every", type=int, default=5)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()

    from wirecoder import Coder
    from wirecoder.scoring.acled import read_acled_notes
    from wirecoder.scoring.general import extraction_pages

    notes = read_acled_notes(SHARED / "data" / "acled" / "acled_dev.csv")[::args.every][:args.limit]
    items = [{"id": n.id, "text": n.text, "published": n.published} for n in notes]
    items.append({"id": "seed", "text": (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")})
    items.extend(extraction_pages(SHARED / "data" / "article_extraction"))
    coder = Coder()
    with args.out.open("w", encoding="utf-8") as handle:
        for record in coder.code_many(items):
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(items)} records written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
