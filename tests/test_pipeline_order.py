import pytest

from wirecoder.article import Article
from wirecoder.errors import WirecoderError
from wirecoder.pipeline import Pipeline


class Stage:
    def __init__(self, name, requires, assigns, fail_on=None):
        self.name, self.requires, self.assigns, self.fail_on = name, requires, assigns, fail_on

    def __call__(self, article):
        if article.id == self.fail_on:
            raise WirecoderError("W004", "not English")
        article.warn("seen", self.name)
        return article


class BatchStage(Stage):
    def pipe(self, articles):
        for article in articles:
            yield self(article)


def test_pipeline_rejects_stage_whose_inputs_nobody_assigns():
    with pytest.raises(WirecoderError) as info:
        Pipeline([Stage("b", ("doc",), ("events",)), Stage("a", ("text",), ("doc",))])
    assert info.value.code == "W011"


def test_pipeline_pipe_keeps_order_and_isolates_a_failure():
    stages = [Stage("clean", ("text",), ("boilerplate",), fail_on="2"), BatchStage("nlp", ("boilerplate",), ("doc",)),
              Stage("tail", ("doc",), ("events",))]
    articles = [Article(text="x", id=str(i)) for i in range(1, 5)]
    out = list(Pipeline(stages).pipe(articles))
    assert [a.id for a in out] == ["1", "2", "3", "4"]
    assert out[1].error is not None and out[1].error.code == "W004"
    assert [w.message for w in out[0].warnings] == ["clean", "nlp", "tail"]
    assert out[1].warnings == []


def test_pipeline_reports_a_crashing_stage_as_internal_error():
    class Crash(Stage):
        def __call__(self, article):
            raise ValueError("boom")

    out = list(Pipeline([Crash("c", ("text",), ("doc",))]).pipe([Article(text="x", id="1")]))
    assert out[0].error.code == "W099" and "boom" in out[0].error.message
