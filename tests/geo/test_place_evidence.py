"""The evidence that a name spaCy took for an organisation is a place (geo/evidence.py)."""
from wirecoder.geo.article_context import Candidate
from wirecoder.geo.evidence import has_evidence
from wirecoder.geo.store import Entry, NameKind


def small_town(name):
    return Entry(1, None, name, 0.5, 35.5, "KE", "01", "Rift", "P", "PPL", 9_000, "tests", NameKind.PRIMARY)


def evidence(nlp, text, name, label="ORG"):
    doc = nlp(text)
    index = next(t.i for t in doc if t.text == name)
    return has_evidence(doc, text, Candidate(index, index + 1, (small_town(name),), label), person_words=set())


def test_a_small_town_after_a_place_preposition_is_a_place_whatever_the_tagger_called_it(nlp):
    """"in Kapsowar" tagged an organisation: a town of 9,000 people is placed as a name no gazetteer knows would
    be (mistagged_place), not dropped for being under the size an organisation's name must reach."""
    assert evidence(nlp, "Three wounded people were in a stable condition in Lembowar.", "Lembowar")


def test_a_name_before_a_noun_or_owning_something_stays_no_place(nlp):
    assert not evidence(nlp, "They invested in Lembowar shares last year.", "Lembowar")
    assert not evidence(nlp, "The plan was approved in Lembowar's office.", "Lembowar")
    assert not evidence(nlp, "Lembowar said the plan was approved.", "Lembowar")
