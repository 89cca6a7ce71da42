"""The candidate models of bench/detector_models.py that need no torch (the shipped TF-IDF recipe, TF-IDF beside
frozen embeddings given as a function), their caches, and the timing, install-size and coder-budget helpers."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np


def cache_dir() -> Path:
    return Path(os.environ.get("WIRECODER_ENCODER_CACHE", "/tmp/wirecoder-encoders"))


def _key(*parts) -> str:
    import hashlib

    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def tfidf_model(texts: list[str], gold: list[str]):
    """The shipped recipe trained on these examples (kept in the cache as a model directory: no pickles)."""
    from wirecoder.typing.classifier import TypingModel
    from wirecoder.typing.corpus import Example
    from wirecoder.typing.train import train_model

    folder = cache_dir() / "tfidf" / _key(texts, gold)
    if (folder / "meta.json").is_file():
        return TypingModel.load(folder)
    examples = [Example(text=t, sub_event_type=None if g == "No event" else g) for t, g in zip(texts, gold)]
    model, _ = train_model(examples)
    model.save(folder)
    return model


class Combined:
    """TF-IDF columns and frozen MiniLM embeddings side by side, one linear SVM, a temperature from 5-fold
    out-of-fold scores (the shipped recipe's calibration; no feature pruning)."""

    def __init__(self, texts: list[str], gold: list[str], labels: list[str], *, embed, weight: float = 1.0):
        from sklearn.model_selection import StratifiedKFold

        from wirecoder.typing.calibrate import expected_calibration_error, fit_temperature, softmax

        self.embed, self.weight, self.labels = embed, weight, labels
        y = np.array([labels.index(g) for g in gold])
        vectors = embed(texts)
        scores = np.zeros((len(texts), len(labels)))
        for train_rows, test_rows in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(texts, y):
            space, svm = self._fit([texts[i] for i in train_rows], vectors[train_rows], y[train_rows])
            scores[test_rows] = svm.decision_function(self._features(space, [texts[i] for i in test_rows],
                                                                     vectors[test_rows]))
        self.temperature = fit_temperature(scores, y)
        oof = softmax(scores * self.temperature)
        self.cv_accuracy = round(float((oof.argmax(1) == y).mean()), 4)
        self.cv_calibration_error = round(expected_calibration_error(oof, y), 4)
        self.space, self.svm = self._fit(texts, vectors, y)

    def _features(self, space, texts: list[str], vectors: np.ndarray):
        from scipy import sparse

        return sparse.hstack([space.transform(texts), sparse.csr_matrix(vectors * self.weight)], format="csr")

    def _fit(self, texts: list[str], vectors: np.ndarray, y: np.ndarray):
        from sklearn.svm import LinearSVC

        from wirecoder.typing.features import FeatureSpace

        space = FeatureSpace.fit(texts)
        return space, LinearSVC(C=1.0, random_state=0).fit(self._features(space, texts, vectors), y)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        from wirecoder.typing.calibrate import softmax

        scores = self.svm.decision_function(self._features(self.space, texts, self.embed(texts)))
        return softmax(scores * self.temperature)


def cached_probabilities(name: str, key: str, texts: list[str], compute) -> np.ndarray:
    path = cache_dir() / "probabilities" / f"{name}-{_key(key, texts)}.npy"
    if path.is_file():
        return np.load(path, allow_pickle=False)
    probabilities = compute(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, probabilities, allow_pickle=False)
    return probabilities


def cached_figure(name: str, key: str, compute):
    """A figure of a cached model (say its cross-validated accuracy), kept beside its cached probabilities so a
    run that finds the probabilities on disk still reports it; None is not stored."""
    path = cache_dir() / "probabilities" / f"{name}-{key}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    value = compute()
    if value is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    return value


def sentences_per_second(predict, texts: list[str], *, rounds: int = 3) -> float:
    """Best of ``rounds`` over ``texts`` with every thread pool held to one thread."""
    from threadpoolctl import threadpool_limits

    best = float("inf")
    with threadpool_limits(limits=1):
        try:
            import torch

            previous = torch.get_num_threads()
            torch.set_num_threads(1)
        except ImportError:
            torch = None
        try:
            for _ in range(rounds):
                started = time.perf_counter()
                predict(texts)
                best = min(best, time.perf_counter() - started)
        finally:
            if torch is not None:
                torch.set_num_threads(previous)
    return len(texts) / best



# ---- install size and the coder's speed budget -------------------------------------------------------------

def extra_install_mb() -> tuple[float, int]:
    """What this environment holds beyond wirecoder and its requirements (MB, number of distributions)."""
    import re
    from importlib import metadata

    from packaging.requirements import Requirement

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    dists = {norm(d.metadata["Name"]): d for d in metadata.distributions()}
    needed, todo = set(), ["wirecoder"]
    while todo:
        name = todo.pop()
        if name in needed or name not in dists:
            continue
        needed.add(name)
        for text in dists[name].requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(norm(requirement.name))
    extra = [d for n, d in dists.items() if n not in needed | {"pip", "setuptools", "wheel"}]
    size = 0
    for dist in extra:
        for file in dist.files or []:
            path = Path(dist.locate_file(file))
            size += path.stat().st_size if path.is_file() else 0
    return size / 2**20, len(extra)


def coder_budget(pages: list[str], *, limit: int) -> dict:
    """Bare spaCy and the whole coder on the same pages, one thread, alternating chunks of 10 (docs/s)."""
    from threadpoolctl import threadpool_limits

    from wirecoder import Coder
    from wirecoder.stages.nlp import load_spacy

    texts = pages[:limit]
    coder = Coder()
    nlp = load_spacy(coder.spacy_model)
    items = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    list(coder.code_many(items[:2]))
    list(nlp.pipe(texts[:2]))
    spacy_seconds = coder_seconds = 0.0
    with threadpool_limits(limits=1):
        for start in range(0, len(texts), 10):
            began = time.perf_counter()
            for _ in nlp.pipe(texts[start:start + 10], batch_size=coder.batch_size):
                pass
            spacy_seconds += time.perf_counter() - began
            began = time.perf_counter()
            list(coder.code_many(items[start:start + 10]))
            coder_seconds += time.perf_counter() - began
    return {"pages": len(texts), "spacy_seconds": spacy_seconds, "coder_seconds": coder_seconds}



