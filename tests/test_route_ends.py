"""A route named by its two end towns joined by a hyphen ("the Abuja-Kaduna highway"): both towns are places
(geo/wording.py list_parts, route_ends), and an act on the route lies at the first, the far end only orienting the
reader as in "between X and Y" (events/places.py on_route): near it, at ACLED's geo_precision 2."""
import pytest


@pytest.mark.parametrize("text, first, second", [
    ("Bandits kidnapped travellers on the Abuja-Kaduna highway on Sunday.", "Abuja", "Kaduna"),
    ("A roadside bomb hit a police patrol on the Khash-Zahedan road on Wednesday.", "Khāsh", "Zahedan"),
])
def test_a_route_named_by_its_ends_names_both_and_the_act_lies_at_the_first(coder, text, first, second):
    record = coder.code(text, published="2025-01-30")
    assert [p["name"] for p in record["places"]] == [first, second]
    events = [e for e in record["events"] if not e["background"]]
    assert [(e["location"]["name"], e["location"]["geo_precision"]) for e in events] == [(first, 2)]


def test_a_hyphenated_name_the_gazetteer_knows_whole_stays_one_place(coder):
    record = coder.code("Shelling hit the Ivano-Frankivsk highway on Sunday.", published="2025-01-30")
    assert [p["text"] for p in record["places"]] == ["Ivano-Frankivsk"]


def test_a_road_named_by_a_peoples_word_names_no_towns(coder):
    """ "the Pan-American Highway": "American" is a people's word, so the hyphen joins no two towns; "Pan" alone is
    no place (it was read as Hpa-An, Myanmar), and the act lies at the town the sentence names."""
    record = coder.code("Miners blocked the Pan-American Highway near Nasca on Tuesday, police said.",
                        published="2026-08-26")
    assert "Pan" not in {p["text"] for p in record["places"]}
    assert {e["location"]["country"] for e in record["events"]} == {"PE"}



def test_an_act_told_after_its_route_lies_at_the_first_end(coder):
    """ "the attack on a police patrol on the Konotop-Romny road", then "The attack took place on Wednesday morning,
    when an explosive device detonated under a police vehicle": the device, placed by the sentence before, is near
    Konotop, not at the end named last."""
    record = coder.code("The deputy governor said on Thursday that two men linked to the attack on a police patrol on "
                        "the Konotop-Romny road had been arrested.  The attack took place on Wednesday morning, when "
                        "an explosive device detonated under a police vehicle on patrol, the deputy governor said.",
                        published="2025-01-30")
    [device] = [e for e in record["events"] if e["event_type"] == "Explosions/Remote violence"]
    assert device["location"]["name"] == "Konotop"
