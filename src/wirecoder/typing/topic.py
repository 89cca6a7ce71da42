"""The document-topic model: is a whole article conflict or unrest news, or sports, business, culture, science?

A sentence read alone cannot tell a striker's "attack" from a militia's, or a city "hit by months of protests"
in an earnings story from a protest report; the article around it can. One logistic regression over the
article's TF-IDF word 1-2 grams (names masked and digits folded as for sentences), trained on whole short
documents of the corpus and on bundles of its lines, gives the probability that the article reports conflict
or unrest. Saved as JSON and arrays, no pickles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from ..errors import WirecoderError
from .features import normalise

FORMAT = "wirecoder.topic/1"
OPTIONS = {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True, "lowercase": True,
           "token_pattern": r"(?u)\b\w[\w'-]*\b", "dtype": np.float32}
MAX_CHARS = 20_000  # the topic shows in the first pages of an article; reading further costs time, adds little


@dataclass
class TopicModel:
    vectorizer: TfidfVectorizer
    coef: np.ndarray  # (n_features,)
    intercept: float
    meta: dict

    def probability(self, text: str) -> float:
        return float(self.probabilities([text])[0])

    def probabilities(self, texts: list[str]) -> np.ndarray:
        features = self.vectorizer.transform([normalise(t[:MAX_CHARS]) for t in texts])
        scores = np.asarray(features @ self.coef, dtype=np.float64).ravel() + self.intercept
        return 1.0 / (1.0 + np.exp(-scores))

    def save(self, directory: str | Path) -> Path:
        directory = Path(directory)
        try:
            directory.mkdir(parents=True, exist_ok=True)
            terms = [""] * len(self.vectorizer.vocabulary_)
            for term, column in self.vectorizer.vocabulary_.items():
                terms[column] = term
            (directory / "vocab.json").write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
            np.savez_compressed(directory / "weights.npz", coef=self.coef.astype(np.float32),
                                idf=self.vectorizer.idf_.astype(np.float32), intercept=np.array([self.intercept]))
            (directory / "meta.json").write_text(json.dumps({**self.meta, "format": FORMAT}, indent=1), encoding="utf-8")
        except OSError as err:
            raise WirecoderError("W044", f"cannot write the topic model to {directory} ({err})") from err
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "TopicModel":
        directory = Path(directory)
        try:
            meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            terms = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
            with np.load(directory / "weights.npz", allow_pickle=False) as stored:
                coef, idf, intercept = stored["coef"], stored["idf"], float(stored["intercept"][0])
        except (OSError, ValueError, KeyError) as err:
            raise WirecoderError("W040", f"cannot load a topic model from {directory} ({err})") from err
        if meta.get("format") != FORMAT or coef.shape != (len(terms),):
            raise WirecoderError("W040", f"{directory} does not hold a {FORMAT} model")
        vectorizer = TfidfVectorizer(vocabulary={t: i for i, t in enumerate(terms)}, **OPTIONS)
        vectorizer.idf_ = np.asarray(idf, dtype=np.float64)
        return cls(vectorizer=vectorizer, coef=coef.astype(np.float32), intercept=intercept, meta=meta)
