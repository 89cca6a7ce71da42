import pytest

from wirecoder.errors import WirecoderError

BODY = ("Rebels attacked an army base near the town on Monday, killing four soldiers, the army said.\n\n"
        "The rebels have fought the government for a decade.\n\n")


def test_clean_marks_page_furniture(run_stages):
    text = BODY + "Share this article\nFollow us on Twitter\n"
    article = run_stages(text, until="clean")
    reasons = {b.span.text: b.reason for b in article.boilerplate}
    assert reasons == {"Share this article": "page furniture", "Follow us on Twitter": "page furniture"}


def test_clean_marks_a_footer_in_another_language(run_stages):
    footer = "Bütün xəbərlər Facebook səhifəmizdə"
    article = run_stages(BODY + footer, until="clean")
    assert [(b.span.text, b.reason) for b in article.boilerplate] == [(footer, "language:az")]
    assert article.language == "en"
    assert any(w.code == "W100" for w in article.warnings)


def test_clean_rejects_an_article_in_another_language(run_stages):
    text = ("Les rebelles ont attaqué une base de l'armée près de la ville lundi, tuant quatre soldats, "
            "a indiqué l'armée dans un communiqué publié mardi.")
    with pytest.raises(WirecoderError) as info:
        run_stages(text, until="clean")
    assert info.value.code == "W004" and "fr" in info.value.message


def test_clean_finds_headline_and_dateline(run_stages):
    text = "Rebels kill four soldiers in raid\n\nGOMA, March 3 - " + BODY
    article = run_stages(text, until="clean")
    assert article.headline.text == "Rebels kill four soldiers in raid"
    assert [d.text for d in article.datelines] == ["GOMA, March 3 - "]


def test_clean_keeps_offsets_of_the_original_text(run_stages):
    text = "Share this\n" + BODY
    article = run_stages(text, until="nlp")
    assert article.doc.text[:10] == " " * 10
    assert len(article.doc.text) == len(text)
    assert all(text[s.span.start:s.span.end] == s.span.text for s in article.sentences)
