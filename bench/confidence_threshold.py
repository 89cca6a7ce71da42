"""What a confidence threshold keeps and drops, on real text written by others: the figures behind
``--min-confidence``'s default (wirecoder/settings.py DEFAULT_MIN_CONFIDENCE, docs/settings.md).

    .venv/bin/python bench/confidence_threshold.py [--notes ../shared/data/acled/acled_dev.csv] [--model DIR]

Codes the 1,709 ACLED analysts' notes of ``acled_dev.csv`` (every note reports an event; measurement only, never
training: see its README), the 181 real pages of ../shared/data/article_extraction (mostly not about conflict,
extracted from their HTML as ``ingest`` extracts them) and the GeoVirus articles (disease news), once each. Then,
for each threshold, it prints:

- ACLED notes: the share of notes that still show an event (the first current event at or above the threshold),
  the share of those whose sub-event type is ACLED's (precision of what is shown), the share of all notes shown
  with ACLED's sub-event type, and how many rightly typed events the threshold hides compared with no threshold;
- general news: the current events still shown on the article_extraction pages and on the GeoVirus articles
  (nearly all of them are not events an ACLED coder would code: bench/acled_dev.py --general lists them);
- the events between this threshold and the next (a bin), with the share whose sub-event type is ACLED's.

The suggested threshold is the one with the largest net gain: the general-news events it takes off (nearly all
are no event an ACLED coder would code) less the rightly typed note events it hides, each counted as one (the
lowest threshold on a tie). The default in settings.py is printed beside it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
THRESHOLDS = tuple(round(step * 0.05, 2) for step in range(0, 19))  # 0.00 .. 0.90


def _first_at(record: dict | None, threshold: float) -> dict | None:
    for event in (record or {}).get("events") or []:
        if not event.get("background") and float(event.get("confidence") or 0.0) >= threshold:
            return event
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=Path, default=SHARED / "acled" / "acled_dev.csv")
    parser.add_argument("--model", default=None, help="event-typing model directory (default: the shipped one)")
    args = parser.parse_args()

    from wirecoder import Coder
    from wirecoder.scoring.acled import read_acled_notes
    from wirecoder.scoring.general import current_events, extraction_pages, geovirus_articles
    from wirecoder.settings import DEFAULT_MIN_CONFIDENCE

    coder = Coder(typing_model=args.model)
    notes = read_acled_notes(args.notes)
    records = {r["id"]: r for r in coder.code_many([{"id": n.id, "text": n.text, "published": n.published}
                                                     for n in notes])}
    general = {}
    for name, items in (("pages", list(extraction_pages(SHARED / "article_extraction"))),
                        ("geovirus", list(geovirus_articles(SHARED / "geoparsing" / "GeoVirus.xml")))):
        general[name] = [found.confidence for found in current_events(items, list(coder.code_many(items)))]

    right_at_zero = sum(1 for n in notes if (e := _first_at(records.get(n.id), 0.0)) and
                        e["sub_event_type"] == n.sub_event_type)
    total = max(1, len(notes))
    print(f"ACLED notes: {args.notes} ({len(notes)} notes, each reports an event); general news: 181 "
          f"article_extraction pages, {len(general['pages'])} current events at threshold 0; GeoVirus "
          f"{len(general['geovirus'])}")
    print("threshold  notes shown  right|shown  right|all  right hidden  pages events  GeoVirus events  net gain  "
          "bin: events  right")
    suggested, best = 0.0, 0
    for index, threshold in enumerate(THRESHOLDS):
        upper = THRESHOLDS[index + 1] if index + 1 < len(THRESHOLDS) else 1.01
        shown = right = in_bin = right_in_bin = 0
        for note in notes:
            event = _first_at(records.get(note.id), threshold)
            if event is None:
                continue
            shown += 1
            ok = event["sub_event_type"] == note.sub_event_type
            right += ok
            if float(event.get("confidence") or 0.0) < upper:
                in_bin += 1
                right_in_bin += ok
        hidden = right_at_zero - right
        pages = sum(c >= threshold for c in general["pages"])
        geovirus = sum(c >= threshold for c in general["geovirus"])
        gain = len(general["pages"]) - pages + len(general["geovirus"]) - geovirus - hidden
        if gain > best:
            suggested, best = threshold, gain
        bin_right = f"{right_in_bin / in_bin:.3f}" if in_bin else "-"
        print(f"{threshold:9.2f}  {shown / total:11.3f}  {right / max(1, shown):11.3f}  {right / total:9.3f}  "
              f"{hidden:12d}  {pages:12d}  {geovirus:15d}  {gain:8d}  {in_bin:11d}  {bin_right:>5}")
    print(f"suggested threshold (the largest net gain: general-news events taken off less rightly typed note "
          f"events hidden, of {right_at_zero}): {suggested:.2f}; DEFAULT_MIN_CONFIDENCE in settings.py: "
          f"{DEFAULT_MIN_CONFIDENCE:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
