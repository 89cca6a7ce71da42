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


def test_pipeline_a_batch_that_fails_is_run_one_article_at_a_time():
    class Choking(BatchStage):
        """Like spaCy's pipe on a text it cannot encode: the whole batch raises."""

        def pipe(self, articles):
            batch = list(articles)
            if any(a.text == "bad" for a in batch):
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            yield from (self(a) for a in batch)

        def __call__(self, article):
            if article.text == "bad":
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            return super().__call__(article)

    stages = [Choking("nlp", ("text",), ("doc",)), Stage("tail", ("doc",), ("events",))]
    articles = [Article(text="bad" if i == 3 else "ok", id=str(i)) for i in range(1, 6)]
    out = list(Pipeline(stages).pipe(articles))
    assert [a.id for a in out] == ["1", "2", "3", "4", "5"]
    assert [a.error.code if a.error else None for a in out] == [None, None, "W099", None, None]
    assert [w.message for w in out[4].warnings] == ["nlp", "tail"]


def test_pipeline_call_reports_a_bug_as_w099_naming_the_stage():
    class Crash(Stage):
        def __call__(self, article):
            raise IndexError("list index out of range")

    with pytest.raises(WirecoderError) as info:
        Pipeline([Crash("quotes", ("text",), ("quotes",))])(Article(text="x", id="1"))
    assert info.value.code == "W099" and "'quotes'" in info.value.message
