"""A crowd that gathers is the protest; what it gathered for is its purpose (taxonomy/triggers.tsv: "protester
gather"). Before, with no rule word, the detector's own trigger could be the purpose's verb, which the parser may
hang under a clause of what was said ("... that the army will take over ... and to denounce"): the protest was lost
as hypothetical, or its evidence was the word "denounce". Sentences the project writes."""


def current(coder, text):
    return [e for e in coder.code(text, published="2026-03-28")["events"] if not e["background"]]


def trigger(event):
    return next(v["text"] for v in event["evidence"] if v["field"] == "trigger")


def test_protesters_who_gathered_to_denounce_held_a_protest(coder):
    events = current(coder, "On Tuesday, hundreds of protesters gathered outside parliament in Beirut to support the "
                            "president's plan that the army will take over the ministries and to denounce the cabinet.")
    assert [e["sub_event_type"] for e in events] == ["Peaceful protest"]
    assert trigger(events[0]) == "protesters gathered"


def test_the_gathering_not_its_purpose_is_the_evidence(coder):
    [event] = current(coder, "Protesters gathered in Martyrs' Square in Beirut on Tuesday to denounce the cabinet.")
    assert trigger(event) == "Protesters gathered"


def test_fighters_gathering_in_a_forest_are_no_crowd(coder):
    events = current(coder, "The air force said its strikes on Monday hit bandits who were gathering in the forest "
                            "south of Tsafe town.")
    assert all(trigger(e) != "gathering" and e["event_type"] != "Protests" for e in events)
