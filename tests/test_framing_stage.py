"""Framing terms from the project's lexicon, and the one-sidedness indicator, on texts written for these tests."""
from __future__ import annotations

import re

import pytest

from wirecoder.article import Article, Quote, Sentence, Span, Speaker
from wirecoder.errors import WARNINGS
from wirecoder.stages.framing import CATEGORIES, FramingStage, load_lexicon
from wirecoder.stages.sourcing_warning import sourcing_warning


@pytest.fixture(scope="module")
def stage():
    return FramingStage()


def article_with(text: str, quotes: list[Quote] = ()) -> Article:
    article = Article(text=text, id="t")
    article.sentences = [Sentence(article.span(m.start(), m.end()), 0, i)
                         for i, m in enumerate(re.finditer(r"[^.\n]+[.]?", text))]
    article.quotes = list(quotes)
    return article


def flags(stage, text: str) -> list[tuple[str, str]]:
    return [(f.span.text, f.category) for f in stage(article_with(text)).framing]


def quote(article_text: str, content: str, speaker: str, role: str | None, qid: str) -> Quote:
    start = article_text.index(content)
    name_at = article_text.index(speaker)
    cue_at = article_text.index("said", start)
    return Quote(qid, Speaker(speaker, role, Span(name_at, name_at + len(speaker), speaker)),
                 Span(cue_at, cue_at + 4, "said"), Span(start, start + len(content), content), True)


def test_framing_lexicon_is_well_formed():
    entries = load_lexicon()
    assert len(entries) > 50
    assert {e.category for e in entries} == set(CATEGORIES)
    assert all(e.note for e in entries)


def test_framing_multi_word_term_is_one_flag(stage):
    found = flags(stage, "The rebels, flagrantly violating the truce, shelled the town.")
    assert found == [("flagrantly violating", "intensifier")]


def test_framing_inflections_and_categories(stage):
    found = dict(flags(stage, "Government troops liberated the town and neutralized 40 terrorists, "
                              "whom the minister called vermin."))
    assert found == {"liberated": "loaded term", "neutralized": "euphemism", "terrorists": "loaded term",
                     "vermin": "dehumanising"}


def test_framing_occupied_territory_but_not_the_office(stage):
    assert flags(stage, "Its forces occupied the northern districts in 1993.") == [("occupied", "loaded term")]
    assert flags(stage, "She occupied the office of mayor for ten years.") == []
    assert flags(stage, "The villagers were occupied with the harvest.") == []


def test_framing_regime_but_not_a_sanctions_regime(stage):
    assert flags(stage, "The regime shelled the suburbs again.") == [("regime", "loaded term")]
    assert flags(stage, "The sanctions regime was extended for a year.") == []


def test_framing_spans_point_into_the_text(stage):
    text = "Witnesses described a massacre in the market. A brutal raid followed."
    for item in stage(article_with(text)).framing:
        assert text[item.span.start:item.span.end] == item.span.text


def test_framing_one_side_heard_gives_a_warning(stage):
    text = ("Artillery killed six civilians in Dorvan, Valdorian officials said. "
            "The attack was a war crime, said Valdorian Foreign Minister Ana Brel.")
    quotes = [quote(text, "Artillery killed six civilians in Dorvan", "Valdorian officials", None, "q1"),
              quote(text, "The attack was a war crime", "Ana Brel", "Valdorian Foreign Minister", "q2")]
    article = stage(article_with(text, quotes))
    assert article.sourcing.contested_claims == 2
    assert len(article.sourcing.sides) == 2  # no country is known for "Valdorian": each speaker stands alone
    text = ("Artillery killed six civilians in Ganja, Azerbaijani officials said. "
            "The attack was a war crime, said Azerbaijan's Foreign Minister Ana Brel.")
    quotes = [quote(text, "Artillery killed six civilians in Ganja", "Azerbaijani officials", None, "q1"),
              quote(text, "The attack was a war crime", "Ana Brel", "Azerbaijan's Foreign Minister", "q2")]
    article = stage(article_with(text, quotes))
    assert article.sourcing.sides == ["Azerbaijan"]
    warning = sourcing_warning(article)
    assert warning is not None and warning.code == "W160"  # a catalogue code of its own
    assert "one-sided" in WARNINGS[warning.code].summary
    assert "Azerbaijan" in warning.message


def test_framing_two_sides_heard_gives_no_warning(stage):
    text = ("Shelling killed four people in the border town, Armenian officials said. "
            "The attack never happened, said Azerbaijan's defence ministry spokesman Vagif Aliyev.")
    quotes = [quote(text, "Shelling killed four people in the border town", "Armenian officials", None, "q1"),
              quote(text, "The attack never happened", "Vagif Aliyev", "Azerbaijan's defence ministry spokesman",
                    "q2")]
    article = stage(article_with(text, quotes))
    assert sorted(article.sourcing.sides) == ["Armenia", "Azerbaijan"]
    assert sourcing_warning(article) is None


def test_framing_no_contested_claim_no_warning(stage):
    article = stage(article_with("The festival opened on Friday with a concert in the old square."))
    assert article.sourcing.contested_claims == 0
    assert sourcing_warning(article) is None


def test_framing_only_the_outlet_speaks_is_one_sided(stage):
    article = stage(article_with("Rockets struck the airport overnight and two guards were killed."))
    assert article.sourcing.sides == []
    warning = sourcing_warning(article)
    assert warning is not None and "no side is quoted" in warning.message


def test_framing_a_spokesman_takes_the_side_of_the_ministry_quoted_before(stage):
    text = ("Shelling killed four people in the village, Azerbaijan's Defense Ministry said. "
            "The attack was deliberate, ministry spokesman Vagif Dargahli said.")
    quotes = [quote(text, "Shelling killed four people in the village", "Azerbaijan's Defense Ministry", None, "q1"),
              quote(text, "The attack was deliberate", "Vagif Dargahli", "ministry spokesman", "q2")]
    article = stage(article_with(text, quotes))
    assert article.sourcing.sides == ["Azerbaijan"]
    assert sourcing_warning(article) is not None
