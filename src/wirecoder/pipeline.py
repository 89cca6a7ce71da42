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
        """Run every stage; a stage's error is raised to the caller (a bug in a stage as W099, naming it)."""
        for stage in self.stages:
            try:
                article = stage(article)
            except WirecoderError:
                raise
            except Exception as err:
                raise WirecoderError("W099", f"stage {stage.name!r} failed: {type(err).__name__}: {err}") from err
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream, letting batching stages see several articles at once.

        An article that a stage cannot code keeps its error in ``article.error``, skips the later stages
        and still comes out in its place, so one bad input never stops or reorders the rest.
        """
        stream: Iterable[Article] = articles
        for stage in self.stages:
            batch = getattr(stage, "pipe", None)
            stream = _batched(stage, stream) if batch is not None else _guarded(stage, stream)
        return iter(stream)


def _guarded(stage: Stage, stream: Iterable[Article]) -> Iterator[Article]:
    for article in stream:
        if article.error is None:
            try:
                article = stage(article)
            except WirecoderError as err:
                article.error = err
            except Exception as err:  # a bug in a stage: reported on this article's record, the rest go on
                article.error = WirecoderError("W099", f"stage {stage.name!r} failed: {type(err).__name__}: {err}")
        yield article


def _batched(stage: Stage, stream: Iterable[Article]) -> Iterator[Article]:
    """Run a batching stage over a stream. A batch the stage cannot process (a bug, or input it chokes on) is
    run again one article at a time, so only the article at fault carries the error and the rest go on."""
    stream = iter(stream)
    while True:
        pending: list[Article] = []  # taken from the stream, not yet passed on

        def healthy(pending: list[Article] = pending) -> Iterator[Article]:
            for article in stream:
                pending.append(article)
                if article.error is None:
                    yield article

        try:
            for processed in stage.pipe(healthy()):  # type: ignore[attr-defined]
                while pending and pending[0] is not processed:
                    yield pending.pop(0)
                pending.pop(0)
                yield processed
        except Exception:  # noqa: BLE001 - contained: each article of the batch is run on its own below
            yield from _guarded(stage, pending)
            continue  # the rest of the stream, batched again
        yield from pending
        return
