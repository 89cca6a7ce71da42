"""Shared fixtures: one Coder (spaCy, gazetteer, lexicons) for the whole session, and a way to run its stages
up to a given one on a text the test writes."""
from __future__ import annotations

import pathlib

import pytest

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from wirecoder import Coder

    return Coder()


@pytest.fixture(scope="session")
def run_stages(coder):
    """run_stages(text, until="dates", published="2020-10-18") -> the Article after that stage."""

    def run(text: str, *, until: str | None = None, **metadata):
        article = coder.article(text, **metadata)
        for stage in coder.pipeline.stages:
            article = stage(article)
            if stage.name == until:
                break
        return article

    return run
