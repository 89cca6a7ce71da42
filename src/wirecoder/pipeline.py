"""Runs the stages in order over Articles, checking that each stage's inputs exist before it runs.

A stage is any object with a ``name``, the Article fields it ``requires`` and ``assigns``, and a
``__call__(article) -> article``. A stage that gains from batching (the spaCy stage) also offers
``pipe(articles) -> articles``. The pipeline validates the order once, when it is built.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from .article import Article
from .errors import WirecoderError

INPUT_FIELDS = ("text", "id", "title", "url", "source", "published", "published_from")


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class Pipeline:
    def __init__(self, stages: Sequence[Stage]):
        available = set(INPUT_FIELDS)
        for stage in stages:
            missing = [f for f in stage.requires if f not in available]
            if missing:
                raise WirecoderError(
                    "W011", f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
            available.update(stage.assigns)
        self.stages = tuple(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def describe(self) -> list[dict]:
        return [{"name": s.name, "requires": list(s.requires), "assigns": list(s.assigns)} for s in self.stages]

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream, letting batching stages see several articles at once."""
        stream: Iterable[Article] = articles
        for stage in self.stages:
            batch = getattr(stage, "pipe", None)
            stream = batch(stream) if batch is not None else map(stage, stream)
        return iter(stream)
