"""A strike that kills is an act of war, not a stoppage (taxonomy/triggers.tsv: "strike kill", "kill in strike"):
the rule agrees with the detector's own reading when the sentence alone leaves it under the bar. Sentences the
project writes."""
import pytest


def current(coder, text):
    return [e for e in coder.code(text, published="2025-09-15")["events"] if not e["background"]]


@pytest.mark.parametrize("text", [
    "An Israeli strike killed four people on Tuesday, Lebanon's health ministry said.",
    "Four people were killed in an Israeli strike in Nabatieh on Tuesday, Lebanon's health ministry said.",
])
def test_a_strike_that_kills_is_an_event(coder, text):
    events = current(coder, text)
    assert [e["sub_event_type"] for e in events] == ["Air/drone strike"]


def test_a_stoppage_beside_a_death_is_no_strike_from_the_air(coder):
    events = current(coder, "Workers went on strike in Lahore on Tuesday after a colleague was killed in an "
                            "accident at the plant.")
    assert all(e["sub_event_type"] != "Air/drone strike" for e in events)
