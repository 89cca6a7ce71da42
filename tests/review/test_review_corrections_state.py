"""Review rules: what a correction may say, and how a log folds and lays over an event."""
from __future__ import annotations

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.review import ReviewInput, apply_review, check_review, fold_reviews
from wirecoder.review.state import LoggedReview

BASE = dict(reviewer=" ana ", document_id="d1", event_key="d1-e1")


@pytest.mark.parametrize("field,value,expected", [
    ("type", "Peaceful protest", "Peaceful protest"),
    ("date", "2024-02-29", "2024-02-29"),
    ("fatalities", 3, {"low": 3, "best": 3, "high": 3}),
    ("fatalities", {"low": 2, "best": 3}, {"low": 2, "best": 3, "high": None}),
    ("injured", None, None),
    ("actor2", None, None),
    ("actor1", "Boko Haram", {"name": "Boko Haram", "kind": "other", "country": None, "text": None, "start": None,
                              "end": None}),
    ("location", {"name": "Gwoza", "lat": 11.08, "lon": 13.69, "country": "ng", "admin2": "Gwoza"},
     {"text": None, "start": None, "end": None, "name": "Gwoza", "geonameid": None, "lat": 11.08, "lon": 13.69,
      "country": "NG", "admin1": None, "admin2": "Gwoza", "feature_class": None, "feature_code": None,
      "geo_precision": 1}),
])
def test_review_correction_values_take_the_records_shape(field, value, expected):
    checked = check_review(ReviewInput(action="correct", field=field, value=value, **BASE))
    assert checked.value == expected and checked.reviewer == "ana"


@pytest.mark.parametrize("field,value", [
    ("type", "Skirmish"), ("date", "2024-02-30"), ("date", "2024-03"), ("fatalities", -1), ("fatalities", True),
    ("fatalities", {"low": 5, "best": 3}), ("fatalities", {"best": None}), ("actor1", None),
    ("actor1", {"name": "X", "kind": "aliens"}), ("location", {"name": "X", "lat": 95, "lon": 0, "country": "NG"}),
    ("location", {"name": "X", "lat": 1, "lon": 2, "country": "Nigeria"}), ("location", "Kano"),
    ("weapons", ["gun"]), (None, 1),
])
def test_review_bad_corrections_are_refused_with_w073(field, value):
    with pytest.raises(WirecoderError) as err:
        check_review(ReviewInput(action="correct", field=field, value=value, **BASE))
    assert err.value.code == "W073"


@pytest.mark.parametrize("entry", [
    ReviewInput(action="reject", reason="boring", **BASE),
    ReviewInput(action="reject", **BASE),
    ReviewInput(action="approve", **BASE),
    ReviewInput(reviewer="", action="accept", document_id="d1", event_key="e1"),
    ReviewInput(reviewer="a", action="accept", document_id="d1"),
    ReviewInput(reviewer="a", action="accept", target_kind="incident"),
    ReviewInput(action="accept", comment="x" * 3000, **BASE),
])
def test_review_incomplete_entries_are_refused(entry):
    with pytest.raises(WirecoderError) as err:
        check_review(entry)
    assert err.value.code == "W073"


def logged(n, action, field=None, new=None, reason=None, who="ana"):
    return LoggedReview(id=n, reviewer=who, reviewed_at=f"2024-01-0{n}", action=action, field=field, new_value=new,
                        reason=reason)


def test_review_fold_latest_decision_and_latest_value_of_each_field_win():
    state = fold_reviews([logged(1, "correct", "date", "2024-01-01"), logged(2, "reject", reason="duplicate"),
                          logged(3, "correct", "date", "2024-01-05", who="bob"), logged(4, "accept")])
    assert state.status == "accepted" and state.reason is None
    assert state.fields == {"date": "2024-01-05"} and state.reviewers == ("ana", "bob") and state.reviews == 4
    assert fold_reviews([logged(1, "correct", "type", "Attack")]).status == "corrected"
    assert fold_reviews([logged(1, "accept"), logged(2, "reject", reason="background")]).reason == "background"
    assert fold_reviews([]) is None


def test_review_apply_keeps_the_coders_event_and_reports_its_values():
    event = {"id": "e1", "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2024-01-01"}
    state = fold_reviews([logged(1, "correct", "type", "Looting/property destruction")])
    shown, coded = apply_review(event, state)
    assert shown["event_type"] == "Strategic developments" and shown["sub_event_type"] == "Looting/property destruction"
    assert event["sub_event_type"] == "Armed clash"  # unchanged
    assert coded == {"type": "Armed clash", "event_type": "Battles"}
    assert apply_review(event, None) == (event, {})
