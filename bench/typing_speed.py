"""How much the event_typing stage costs the coder: per-article time with and without it, in one run.

Both pipelines share every other stage (same Coder, same models). Each article is coded by both, back to
back, the order alternating, so that the load of a shared machine hits both alike; the figure to read is the
median over articles of the per-article ratio, next to the stage's own time (measured inside the pipeline).
The articles are real news read by path from ../shared/data (TR-News, conflict-heavy), never copied.

    .venv/bin/python bench/typing_speed.py [--articles 60] [--rounds 3] [--model DIR]
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import time
import xml.etree.ElementTree as ET

from wirecoder.coder import Coder
from wirecoder.pipeline import Pipeline
from wirecoder.stages.event_typing import EventTypingStage

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
TR_NEWS = SHARED / "data" / "geoparsing" / "TR-News.xml"


def articles(limit: int) -> list[str]:
    texts = [(node.findtext("text") or "").strip() for node in ET.parse(TR_NEWS).getroot().iter("article")]
    return [t for t in texts if len(t) > 200][:limit]


class TimedStage:
    """The same stage, adding up the time spent in it (to see its own cost apart from the noise)."""

    def __init__(self, stage):
        self.stage, self.seconds = stage, 0.0
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns

    def __call__(self, article):
        started = time.perf_counter()
        article = self.stage(article)
        self.seconds += time.perf_counter() - started
        return article


def pipelines(coder: Coder, model: str | None) -> tuple[Pipeline, Pipeline, TimedStage]:
    base = [stage for stage in coder.pipeline.stages if stage.name != "event_typing"]
    after = [stage.name for stage in base].index("mentions") + 1
    timed = TimedStage(EventTypingStage(model_path=model))
    typed = base[:after] + [timed] + base[after:]
    return Pipeline(base), Pipeline(typed), timed


def time_one(coder: Coder, pipeline: Pipeline, text: str) -> float:
    started = time.perf_counter()
    coder.record(pipeline(coder.article(text)))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default=None, help="a model directory (default: the shipped model)")
    args = parser.parse_args()
    texts = articles(args.articles)
    coder = Coder()
    without, with_typing, timed = pipelines(coder, args.model)
    for text in texts[:5]:  # warm both paths before measuring
        time_one(coder, without, text)
        time_one(coder, with_typing, text)
    timed.seconds = 0.0
    per_article: dict[str, list[float]] = {"without": [], "with": []}
    ratios = []
    for round_number in range(args.rounds):
        for i, text in enumerate(texts):
            order = (("without", without), ("with", with_typing))
            if (i + round_number) % 2:
                order = order[::-1]
            pair = {name: time_one(coder, pipeline, text) for name, pipeline in order}
            for name, seconds in pair.items():
                per_article[name].append(seconds)
            ratios.append(pair["with"] / pair["without"])
    words = sum(len(t.split()) for t in texts)
    print(f"articles {len(texts)} ({words} words), rounds {args.rounds}, stages with: "
          f"{', '.join(with_typing.names)}")
    for name in ("without", "with"):
        print(f"{name:<8} per article: mean {1000 * statistics.mean(per_article[name]):.1f} ms, "
              f"median {1000 * statistics.median(per_article[name]):.1f} ms")
    total_ratio = sum(per_article["with"]) / sum(per_article["without"])
    print(f"ratio with/without: median of per-article ratios {statistics.median(ratios):.3f}, "
          f"ratio of totals {total_ratio:.3f}")
    stage_ms = 1000 * timed.seconds / len(per_article["with"])
    base_ms = 1000 * statistics.mean(per_article["without"])
    print(f"event_typing stage alone: {stage_ms:.2f} ms per article = {stage_ms / base_ms:.1%} of the coder's "
          f"mean time without it (ratio {1 + stage_ms / base_ms:.3f})")


if __name__ == "__main__":
    main()
