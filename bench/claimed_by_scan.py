"""Who the coder says asserts each event, on every real page of ../shared/data: the `claimed_by` values that are
no named or described source.

    .venv/bin/python bench/claimed_by_scan.py [--sets pages,geovirus,trnews,polnear,acled,plover] [--show N]

Codes the news text of each public set (read by path, never copied): the 181 article_extraction pages (extracted
from their HTML as ``ingest`` extracts them, with the date the page gives), the GeoVirus and TR-News articles,
the PolNeAR articles (train and dev, dated by their file names), the ACLED development notes (measurement only)
and the PLOVER sentences. Every `claimed_by` value of every event (the event's sources, and the sources of other
figures for it) is sorted into one of:

- ``pronoun``: the whole value is a pronoun ("they", "it", "he") or begins with a subject pronoun;
- ``punctuation``: it begins with something other than a letter or a digit (". Matt Harris", "'the army");
- ``fragment``: a cut piece of a sentence: a line break or a sentence end inside it, an unbalanced bracket or
  quote mark, more than 12 words, a first word that cannot open a source's name ("and", "said", "that") or a
  last word that cannot close one ("the", "of", "and");
- ``responsibility``: the speaker of a quote whose cue is "claimed" with "responsibility"/"credit" in its
  sentence: the perpetrator claiming an attack, which is actor1, not a source;
- ``outlet although cited``: the outlet stands alone although the trigger's sentence cites someone (a "said",
  "told", "according to" in it): listed for a reader to judge, not counted as wrong;
- ``ok``: the rest (named sources, described ones such as "police" or "residents", the outlet).

It prints the counts by set and class, then each value of the first four classes (and of the fifth, up to
--show) with its set, document and sentence. The first four should be empty (issue 11's target).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("pages", "geovirus", "trnews", "polnear", "acled", "plover")
BAD = ("pronoun", "punctuation", "fragment", "responsibility")

PRONOUNS = frozenset("""i me my mine we us our ours you your yours he him his she her hers it its they them their
theirs one someone somebody anyone anybody everyone everybody nobody none this that these those who whom whose
which what there here all both each either neither some many others another other""".split())
SUBJECT_PRONOUNS = frozenset("i we you he she it they".split())
NO_OPENING = frozenset("""and or but nor of to in on at for with by from as than then so that which who whom whose
said says say told tells according because if when while after before since until though although""".split())
NO_CLOSING = frozenset("""the a an of and or but to in on at for with by from as that which who 's said says""".split())
CITES = re.compile(r"\b(?:said|says|say|told|tells|according to|(?<!as )reported|reports|claimed|announced|"
                   r"confirmed|stated|added)\b", re.IGNORECASE)
RESPONSIBILITY = re.compile(r"\b(?:responsibility|credit)\b", re.IGNORECASE)
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"'”’)]*\s+[A-Z]")  # "... said. Then": not "B. Wilkins", "U.S. Army"
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))


def classify(name: str) -> str:
    """The class of a claimed_by name (see the module's docstring); "ok" when none applies."""
    text = name.strip()
    words = text.split()
    if not words:
        return "fragment"
    first = words[0].lower().strip("\"'“”‘’")
    if text.lower() in PRONOUNS or first in SUBJECT_PRONOUNS:
        return "pronoun"
    if not text[0].isalnum():
        return "punctuation"
    if ("\n" in name or _SENTENCE_INSIDE.search(text) or len(words) > 12 or first in NO_OPENING
            or words[-1].lower() in NO_CLOSING or any(text.count(a) != text.count(b) for a, b in _PAIRS)
            or text.count('"') % 2):
        return "fragment"
    return "ok"


def _items(name: str) -> Iterator[dict]:
    from wirecoder.geo.evaluate import read_corpus
    from wirecoder.scoring.acled import read_acled_notes
    from wirecoder.scoring.general import extraction_pages

    if name == "pages":
        yield from extraction_pages(SHARED / "article_extraction")
    elif name in ("geovirus", "trnews"):
        path = SHARED / "geoparsing" / ("GeoVirus.xml" if name == "geovirus" else "TR-News.xml")
        for number, article in enumerate(read_corpus(path)):
            yield {"id": article.id or f"{name}-{number}", "text": article.text}
    elif name == "polnear":
        for path in sorted((SHARED / "polnear").glob("*/text/*.txt")):
            day = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
            yield {"id": path.stem, "text": path.read_text(encoding="utf-8"),
                   "published": day.group(1) if day else None}
    elif name == "acled":
        for note in read_acled_notes(SHARED / "acled" / "acled_dev.csv"):
            yield {"id": note.id, "text": note.text, "published": note.published}
    elif name == "plover":
        records = json.loads((SHARED / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
        for record in records:
            if record.get("event") != "DOCUMENT" and str(record.get("eventText") or "").strip():
                yield {"id": record["id"], "text": record["eventText"]}


def _sentence(item: dict, record: dict, event: dict, claimant: dict) -> str:
    from wirecoder.scoring.general import sentence_around

    quote = next((q for q in record.get("quotes") or [] if q.get("id") == claimant.get("quote_id")), None)
    if quote is not None:
        start = min(quote["start"], (quote.get("cue") or {}).get("start", quote["start"]))
        return sentence_around(item["text"], start, quote["end"])
    trigger = next((e for e in event.get("evidence") or [] if e.get("field") == "trigger"), None)
    return sentence_around(item["text"], trigger["start"], trigger["end"]) if trigger else ""


def _claim_class(item: dict, record: dict, event: dict, claimant: dict) -> tuple[str, str]:
    sentence = _sentence(item, record, event, claimant)
    kind = classify(str(claimant.get("name") or ""))
    if kind != "ok":
        return kind, sentence
    quote = next((q for q in record.get("quotes") or [] if q.get("id") == claimant.get("quote_id")), None)
    if quote is not None and str((quote.get("cue") or {}).get("text") or "").lower().startswith("claim") \
            and RESPONSIBILITY.search(sentence):
        return "responsibility", sentence
    if claimant.get("kind") == "outlet" and len(event.get("claimed_by") or []) == 1 and CITES.search(sentence) \
            and str(claimant.get("name")) not in sentence:  # "..., the Daily News reported": the outlet is cited
        return "outlet although cited", sentence
    return "ok", sentence


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--show", type=int, default=30, help="values of 'outlet although cited' listed (default 30)")
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="only events of at least this confidence (default 0: every event the coder makes)")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(SETS))
    if unknown:
        parser.error(f"unknown sets {unknown}; choose from {', '.join(SETS)}")

    from wirecoder import Coder

    coder = Coder()
    counts: dict[str, Counter] = {}
    listed: list[tuple[str, str, str, str, str]] = []  # class, set, document, value, sentence
    started = time.perf_counter()
    for name in chosen:
        items = list(_items(name))
        tally = counts.setdefault(name, Counter())
        tally["documents"] = len(items)
        for item, record in zip(items, coder.code_many(items)):
            for event in record.get("events") or []:
                if float(event.get("confidence") or 0.0) < args.min_confidence:
                    continue
                tally["events"] += 1
                for claimant in event.get("claimed_by") or []:
                    kind, sentence = _claim_class(item, record, event, claimant)
                    tally["values"] += 1
                    tally[kind] += 1
                    if kind != "ok":
                        listed.append((kind, name, str(item["id"]), str(claimant.get("name")), sentence))
    seconds = time.perf_counter() - started
    classes = (*BAD, "outlet although cited", "ok")
    print(f"claimed_by on real text ({seconds:.0f} s); events of confidence >= {args.min_confidence:g}")
    print(f"{'set':<10} {'docs':>6} {'events':>7} {'values':>7} " + " ".join(f"{c[:14]:>14}" for c in classes))
    total: Counter = Counter()
    for name, tally in counts.items():
        total.update(tally)
        print(f"{name:<10} {tally['documents']:>6} {tally['events']:>7} {tally['values']:>7} "
              + " ".join(f"{tally[c]:>14}" for c in classes))
    print(f"{'all':<10} {total['documents']:>6} {total['events']:>7} {total['values']:>7} "
          + " ".join(f"{total[c]:>14}" for c in classes))
    print(f"not a named or described source (pronoun, punctuation, fragment, responsibility): "
          f"{sum(total[c] for c in BAD)}")
    shown_cited = 0
    for kind in classes[:-1]:
        rows = [row for row in listed if row[0] == kind]
        if not rows:
            continue
        print(f"\n{kind} ({len(rows)}):")
        for _, name, document, value, sentence in rows:
            if kind == "outlet although cited":
                if shown_cited >= args.show:
                    print(f"  ... and {len(rows) - shown_cited} more (--show N)")
                    break
                shown_cited += 1
            print(f"  [{name} {document[:24]}] {value!r}: {sentence[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
