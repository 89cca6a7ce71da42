"""Quality gate on real text written by others: ACLED's analysts' notes (../shared/data/acled/acled_dev.csv, read by
path, never copied; measurement only) and the general-news pages of ../shared/data/article_extraction.

The floors sit a little below what bench/acled_dev.py printed when they were set (figures in the comments); raise
them when the coder improves, never lower them to let a change pass without saying why in the commit. This is the
development set: the held-out notes of the same kind decide.
"""
from __future__ import annotations

import pathlib

import pytest

from wirecoder.scoring.acled import read_acled_notes, score_records

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared" / "data"
NOTES = SHARED / "acled" / "acled_dev.csv"

FLOORS = {  # measured on this tree (bench/acled_dev.py), each floor a little under it for run-to-run noise
    "event_type_accuracy": 0.87,          # 0.898
    "sub_event_weighted_f1": 0.86,        # 0.887
    "fatalities_exact": 0.93,             # 0.955
    "fatalities_exact_with_deaths": 0.79, # 0.817
    "date_exact": 0.97,                   # 0.995
    "location_25km": 0.74,                # 0.758 (spellings found in the area named, provinces at their largest town)
    "admin2_same": 0.72,                  # 0.757 (605 events at ACLED's spot; the rest mostly other spellings)
    "actor1_kind": 0.81,                  # 0.831
    "actor2_kind": 0.76,                  # 0.787 (0.575 before victims, tolls and ACLED's default target; 0.708
                                          # before session 30's sides, crowds' forces and owners of looted property)
}
# 0.032, 0.051: the calibration error was 0.048 until session 30, whose rule readings (a protest's end, an armed
# target) made more events right where the detector's confidence was already under its accuracy (every bin under
# 0.9 is right more often than its mean confidence says); no bin became more overconfident
CEILINGS = {"no_event": 0.05, "calibration_error": 0.055}
# current events shown at the default --min-confidence on general news (bench/acled_dev.py --general: 7 on the
# 181 article_extraction pages, 6 on the 229 GeoVirus disease articles; 5 until session 32, whose reading of a dated
# act inside a sentence about something else found the cattle raid that killed eleven in geovirus-124, a true event;
# 7 on article_extraction from session 63, whose reading of an act told by its own verb found the teachers who
# "surrounded the Indiana Statehouse on Tuesday to call for better pay", a true protest)
GENERAL_CEILINGS = {"article_extraction": 7, "geovirus": 6}


@pytest.fixture(scope="module")
def scores(coder):
    if not NOTES.is_file():
        pytest.skip(f"{NOTES} is not beside the checkout")
    notes = read_acled_notes(NOTES)
    items = [{"id": n.id, "text": n.text, "published": n.published} for n in notes]
    return score_records(notes, {r["id"]: r for r in coder.code_many(items)})


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_acled_dev_gate_floor(scores, figure):
    assert getattr(scores, figure) >= FLOORS[figure], f"{figure} {getattr(scores, figure)} < {FLOORS[figure]}"


@pytest.mark.parametrize("figure", sorted(CEILINGS))
def test_acled_dev_gate_ceiling(scores, figure):
    assert getattr(scores, figure) <= CEILINGS[figure], f"{figure} {getattr(scores, figure)} > {CEILINGS[figure]}"


@pytest.mark.parametrize("corpus", sorted(GENERAL_CEILINGS))
def test_general_news_gate_ceiling(coder, corpus):
    from wirecoder.scoring.general import current_events, extraction_pages, geovirus_articles
    from wirecoder.settings import DEFAULT_MIN_CONFIDENCE

    path = SHARED / "article_extraction" if corpus == "article_extraction" else SHARED / "geoparsing" / "GeoVirus.xml"
    if not path.exists():
        pytest.skip(f"{path} is not beside the checkout")
    items = list(extraction_pages(path) if corpus == "article_extraction" else geovirus_articles(path))
    found = [e for e in current_events(items, list(coder.code_many(items))) if e.confidence >= DEFAULT_MIN_CONFIDENCE]
    assert len(found) <= GENERAL_CEILINGS[corpus], f"{len(found)} current events on {corpus}"


def test_district_names_agree_with_or_without_their_area_words():
    from wirecoder.scoring.acled import areas_agree

    assert areas_agree("Lumora District", "Lumora") and areas_agree("Kabupaten Lumora", "lumora")
    assert areas_agree("Qaryat Ulya", "Qariat Ulia")  # one name romanised two ways: the same consonants
    assert not areas_agree("Lumora District", "Dalo")
