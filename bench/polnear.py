"""Quotes and speakers against PolNeAR's attribution relations (Newell et al. 2018), read from the data by path.

    .venv/bin/python bench/polnear.py --split dev [--data ../shared/data/polnear] [--limit N] [--errors]

Gold: PolNeAR annotates every attribution (speech, thought, belief, perception). This bench scores speech: a gold
attribution counts when its content is a direct quotation (it begins or ends with a quotation mark) or its cue
holds one of the speech cues below (said, told, according to, wrote, added, ...). This list is the bench's own,
fixed, and not the coder's cue list. Texts annotated by several annotators are scored once, against the first
annotation file in name order.

Matching: a predicted quote matches a gold attribution when their content spans overlap by at least half of the
shorter one (a discontinuous gold content is taken from its first to its last piece). Pairs are made one to one,
largest overlap first. Recall is over the speech attributions; precision counts a prediction as right when it
matches any gold attribution (a speech verb PolNeAR files as, say, an argument is still an attribution) and is
also printed strictly, against speech attributions only. A match has the right speaker when the predicted
speaker's mention overlaps the gold Source, or names the same speaker (its surname is a capitalised word of
the gold Source: "Akar" for a gold "Hulusi Akar" elsewhere), or when neither gives one.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from wirecoder.article import Article
from wirecoder.stages.nlp import DEFAULT_MODEL, NlpStage, load_spacy
from wirecoder.stages.framing import FramingStage
from wirecoder.stages.quotes import QuotesStage

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
SPEECH_CUES = frozenset("""
say says said saying tell tells told telling according add adds added adding write writes wrote written writing
state states stated stating announce announces announced announcing report reports reported reporting claim claims
claimed claiming note notes noted noting explain explains explained explaining ask asks asked asking reply replies
replied replying respond responds responded responding declare declares declared declaring tweet tweets tweeted
tweeting warn warns warned warning deny denies denied denying accuse accuses accused accusing insist insists
insisted insisting confirm confirms confirmed confirming
""".split())
QUOTE_MARKS = "\"“”«»"


@dataclass
class GoldAttribution:
    content: tuple[int, int]
    source: list[tuple[int, int]]
    speech: bool


def read_spans(field: str) -> list[tuple[int, int]]:
    _, _, offsets = field.partition(" ")
    return [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]


def read_gold(ann: Path, text: str) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind = parts[1].split(" ", 1)[0]
            spans[parts[0]] = (kind, read_spans(parts[1]), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold = []
    for rel in relations:
        content_id = rel.get("Content")
        if content_id not in spans:
            continue
        pieces = spans[content_id][1]
        content = (pieces[0][0], pieces[-1][1])
        source = spans[rel["Source"]][1] if rel.get("Source") in spans else []
        cue_words = spans[rel["Cue"]][2].lower().split() if rel.get("Cue") in spans else []
        content_text = text[content[0]:content[1]].strip()
        direct = content_text[:1] in QUOTE_MARKS or content_text[-1:] in QUOTE_MARKS
        gold.append(GoldAttribution(content, source, direct or any(w.strip(":,") in SPEECH_CUES for w in cue_words)))
    return gold


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def matches(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    shorter = min(pred[1] - pred[0], gold[1] - gold[0])
    return shorter > 0 and overlap(pred, gold) * 2 >= shorter


def pair(preds, golds) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), largest overlap first."""
    candidates = sorted(((overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                         if matches(p, g)), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j)
            pairs.append((i, j))
    return pairs


def right_speaker(quote, gold: GoldAttribution, text: str) -> bool:
    """The predicted speaker's mention overlaps the gold Source, or names the same speaker elsewhere (the surname
    of the predicted name is a capitalised word of the gold Source's text)."""
    if quote.speaker is None:
        return not gold.source
    mention = (quote.speaker.span.start, quote.speaker.span.end)
    if any(overlap(mention, s) > 0 for s in gold.source):
        return True
    surname = quote.speaker.name.split()[-1].strip(".,'’") if quote.speaker.name.split() else ""
    source_words = {w.strip(".,'’s") for s, e in gold.source for w in text[s:e].split()}
    return surname[:1].isupper() and surname in source_words


def documents(data: Path, split: str):
    folder = data / split
    seen = set()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen:
            continue
        seen.add(stem)
        text_path = folder / "text" / f"{stem}.txt"
        if text_path.exists():
            yield stem, text_path.read_text(encoding="utf-8"), ann


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", action="store_true", help="print missed and spurious quotes")
    parser.add_argument("--coder-share", action="store_true",
                        help="also run the whole coder, stage by stage, and print the share of its time taken by "
                             "the quotes, framing and claims stages")
    args = parser.parse_args(argv)
    if args.coder_share:
        coder_share(args)

    nlp_stage = NlpStage(nlp=load_spacy(DEFAULT_MODEL))  # the coder's own spaCy set-up
    stage = QuotesStage()
    framing = FramingStage()
    tp = fp = fp_strict = speech_gold = recalled = speaker_ok = docs = 0
    stage_seconds = parse_seconds = framing_seconds = 0.0
    for stem, text, ann in documents(args.data, args.split):
        if args.limit is not None and docs >= args.limit:
            break
        docs += 1
        gold = read_gold(ann, text)
        speech = [g for g in gold if g.speech]
        t0 = time.perf_counter()
        article = nlp_stage(Article(text=text, id=stem))
        t1 = time.perf_counter()
        stage(article)
        t2 = time.perf_counter()
        framing(article)
        t3 = time.perf_counter()
        parse_seconds += t1 - t0
        stage_seconds += t2 - t1
        framing_seconds += t3 - t2
        preds = [(q.content.start, q.content.end) for q in article.quotes]
        all_pairs = dict(pair(preds, [g.content for g in gold]))
        speech_pairs = pair(preds, [g.content for g in speech])
        strict_matched = {i for i, _ in speech_pairs}
        tp += len(all_pairs)
        fp += len(preds) - len(all_pairs)
        fp_strict += len(preds) - len(strict_matched)
        speech_gold += len(speech)
        recalled += len(speech_pairs)
        speaker_ok += sum(right_speaker(article.quotes[i], speech[j], text) for i, j in speech_pairs)
        if args.errors:
            hit_gold = {j for _, j in speech_pairs}
            for j, g in enumerate(speech):
                if j not in hit_gold:
                    print(f"MISS {stem}: {text[g.content[0]:g.content[1]][:140]!r}", file=sys.stderr)
            for i, q in enumerate(article.quotes):
                if i not in all_pairs:
                    print(f"FP   {stem}: [{q.cue.text}] {q.content.text[:140]!r}", file=sys.stderr)
            for i, j in speech_pairs:
                q = article.quotes[i]
                if not right_speaker(q, speech[j], text):
                    gold_source = "; ".join(text[s:e] for s, e in speech[j].source) or None
                    print(f"SPK  {stem}: predicted {q.speaker and q.speaker.span.text!r} gold {gold_source!r}"
                          f" [{q.cue.text}] {q.content.text[:80]!r}", file=sys.stderr)

    precision = tp / (tp + fp) if tp + fp else 0.0
    strict_precision = (tp + fp - fp_strict) / (tp + fp) if tp + fp else 0.0
    recall = recalled / speech_gold if speech_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    strict_f1 = 2 * strict_precision * recall / (strict_precision + recall) if strict_precision + recall else 0.0
    print(f"PolNeAR {args.split}: {docs} documents, {speech_gold} speech attributions, {tp + fp} predicted quotes")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"strict (speech gold only): precision {strict_precision:.3f}  F1 {strict_f1:.3f}")
    print(f"right speaker {speaker_ok / recalled if recalled else 0.0:.3f} of {recalled} matches")
    print(f"time against the spaCy parse of the same articles: quotes {stage_seconds / parse_seconds:.3f}, "
          f"framing {framing_seconds / parse_seconds:.3f}")
    return 0


def coder_share(args) -> None:
    """Each stage of the full coder timed on the same articles: how much quotes, framing and claims add."""
    from wirecoder.coder import Coder

    coder = Coder()
    seconds: dict[str, float] = {stage.name: 0.0 for stage in coder.pipeline.stages}
    docs = 0
    for stem, text, _ in documents(args.data, args.split):
        if args.limit is not None and docs >= args.limit:
            break
        docs += 1
        article = coder.article(text, id=stem)
        for stage in coder.pipeline.stages:
            t0 = time.perf_counter()
            article = stage(article)
            seconds[stage.name] += time.perf_counter() - t0
    total = sum(seconds.values())
    ours = sum(seconds.get(name, 0.0) for name in ("quotes", "framing", "claims"))
    print(f"coder on {docs} {args.split} documents: {total / docs * 1000:.0f} ms per article; quotes "
          f"{seconds.get('quotes', 0) / total:.3f}, framing {seconds.get('framing', 0) / total:.3f}, claims "
          f"{seconds.get('claims', 0) / total:.3f} of it; the three add {ours / (total - ours):.3f} to the rest")


if __name__ == "__main__":
    raise SystemExit(main())
