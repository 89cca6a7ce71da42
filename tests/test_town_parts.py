"""A town's possessive before a part of it called by its kind ("Karachi's Lyari area", "Savar's Ashulia industrial
area"): the act lies in the part, placed within the town (geo/chains.py), not at the town itself."""
import pytest


@pytest.mark.parametrize("text, part, town", [
    ("Gunmen killed three men in Karachi's Lyari area on Tuesday, police said.", "Lyari", "Karachi"),
    ("Police fired tear gas at garment workers in Savar's Ashulia industrial area on Sunday.", "Ashulia", "Savar"),
])
def test_an_act_in_a_part_of_a_town_told_by_the_towns_possessive_lies_in_the_part(coder, text, part, town):
    events = [e for e in coder.code(text, published="2026-04-01")["events"] if not e["background"]]
    assert [(e["location"]["name"], e["location"]["within"]["text"]) for e in events] == [(part, town)]


def test_a_name_a_town_owns_is_not_its_namesake_abroad(coder):
    # Cairo's Tahrir Square is in the gazetteer; "Baghdad's central Tahrir Square" is Baghdad's own, placed within it
    record = coder.code("Demonstrators burned tyres in Baghdad's central Tahrir Square on Thursday.",
                        published="2020-05-09")
    assert {p["country"] for p in record["places"]} == {"IQ"}
    assert [(e["location"]["name"], e["location"]["country"]) for e in record["events"]] == [("Tahrir Square", "IQ")]
