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


def test_a_dateline_names_a_country_of_two_words_and_an_outlet_with_accents(run_stages):
    for dateline in ("OUAGADOUGOU, Burkina Faso, March 3 (Sahel Wire) - ",
                     "CELAYA, Mexico, June 28 (Bajío Noticias) - "):
        article = run_stages("Rebels kill four soldiers in raid\n\n" + dateline + BODY, until="clean")
        assert [d.text for d in article.datelines] == [dateline]


def test_the_detector_reads_a_lead_without_its_dateline(coder):
    # the dateline's town is where the copy was filed, and its words do not make the lead an arrest
    text = "OUAGADOUGOU, Burkina Faso, March 3 (Sahel Wire) - Gunmen killed 12 people in Djibo on Sunday."
    events = coder.code(text, published="2026-03-03")["events"]
    assert [(e["sub_event_type"], e["location"]["name"], e["date"]) for e in events] == \
        [("Attack", "Djibo", "2026-03-01")]


def test_clean_keeps_offsets_of_the_original_text(run_stages):
    text = "Share this\n" + BODY
    article = run_stages(text, until="nlp")
    assert article.doc.text[:10] == " " * 10
    assert len(article.doc.text) == len(text)
    assert all(text[s.span.start:s.span.end] == s.span.text for s in article.sentences)


def test_clean_leaves_text_that_reads_as_no_prose_out_of_coding(run_stages):
    # a line of repeated quote marks held the coder up for minutes (the furniture pattern and spaCy's tokenizer
    # take time that grows with the square of its length); a sentence that never ends, likewise
    report = "Gunmen killed 12 people in Kaduna on Monday, police said."
    marks, run_on = "“" * 20_000, "killed " * 1_000
    text = f"{report}\n\n{marks}\n\n{run_on}"
    article = run_stages(text, until="clean")
    left_out = sorted((b.span.start, b.span.end) for b in article.boilerplate if b.reason == "no prose")
    start = text.index(marks)
    assert left_out == [(start, start + len(marks)), (text.index(run_on), len(text.rstrip()))]
    assert [w.code for w in article.warnings] == ["W161"]
    assert article.text == text  # nothing deleted: only left out of coding
    clean = run_stages(report, until="clean")
    assert clean.boilerplate == [] and clean.warnings == []
