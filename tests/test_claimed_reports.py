"""A claim of responsibility tells the act by the claim's words: the day its statement came out dates the statement,
not the act, and the act its lead names with no day (the publication's standing in) is the one a later sentence
gives a day and a village in the lead's province. Text written by the project."""
from __future__ import annotations

CLAIM = ("KANO, March 2 (Test Wire) - The Islamic State group has claimed responsibility for an attack on a village in "
         "northeastern Borno state in which at least nine farmers were killed, according to a statement carried by "
         "its news agency.\n\nThe statement, released late on Sunday, said fighters of the group had attacked the "
         "village and killed 11 people.\n\nLocal sources said the attack took place on Friday in Kirawa, a village "
         "near Gwoza, and that nine people had been killed.")


def test_a_claimed_attack_is_one_event_on_its_own_day_not_the_statements(coder):
    events = [e for e in coder.code(CLAIM, published="2026-03-02")["events"] if not e["background"]]
    assert [(e["date"], e["time_precision"], e["location"]["name"]) for e in events] == [("2026-02-27", 1, "Kirawa")]


def test_a_lead_with_no_day_is_the_act_a_later_sentence_places_in_its_province(coder):
    text = ("MAPUTO, April 25 (Test Wire) - The Islamic State group has claimed responsibility for an attack on a village "
            "in Mozambique's northern Niassa province in which at least five civilians were killed, according to a "
            "statement carried by its news agency.\n\nThe statement, released late on Wednesday, said fighters of the "
            "group's local branch had attacked a village in Mecula district and killed seven people.")
    events = [e for e in coder.code(text, published="2024-04-25")["events"] if not e["background"]]
    # the lead's attack, placed only at the province and dated only by the publication, is the district's of Tuesday
    # told again, not an event of its own
    assert [e["location"]["name"] for e in events] == ["Mecula"]
