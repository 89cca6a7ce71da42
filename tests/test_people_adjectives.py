"""A faith's or a people's adjective before a kind of place is what the place is like, not its name ("a Christian
village", "the Andean province of Cotopaxi"), and so it is before a common noun ("stones at Christian homes"); a
name the tagger took for an adjective with no article before it, before a word of a place, is still a name ("in
Baghuz town"). Text written by the project."""
from __future__ import annotations

import pytest


def places(coder, text):
    return [p["text"] for p in coder.code(text, published="2026-03-02")["places"]]


@pytest.mark.parametrize("text, place", [
    ("Gunmen attacked a Christian village near Jos on Sunday, killing nine people.", "Jos"),
    ("Fighters attacked a Muslim village in Plateau state on Sunday.", "Plateau"),
    ("Protesters blocked a road in the Andean province of Cotopaxi on Tuesday.", "Cotopaxi"),
    # no article, but a common noun after it: the homes are what is Christian ("Christian County" is no place here)
    ("Villagers threw stones at Christian homes near Jos on Sunday.", "Jos"),
])
def test_a_faiths_or_peoples_adjective_names_no_place(coder, text, place):
    found = places(coder, text)
    assert found == [place]
    event = coder.code(text, published="2026-03-02")["events"][0]
    assert event["location"]["text"] == place


def test_a_name_before_a_kind_of_place_stays_a_name_whatever_the_tagger(coder):
    assert "Baghuz" in places(coder, "Gunmen opened fire on a military vehicle in Baghuz town in Deir-ez-Zor "
                                     "countryside on Sunday, killing two fighters.")
