"""A victim the report ties to a gang or to drug trafficking belonged to an armed group: ACLED codes the killing as
an armed clash with an unidentified gang, unless state forces did it."""


def _first(coder, text):
    events = [e for e in coder.code(text, published="2020-05-10")["events"] if not e["background"]]
    assert events
    return events[0]


def test_a_victim_tied_to_drug_trafficking_makes_an_armed_clash(coder):
    event = _first(coder, "On 6 May 2020, in Iguatu, Ceara, a man was killed in a drive-by shooting by three armed "
                          "men in a car. The victim had charges against him for several crimes, including drug "
                          "trafficking.")
    assert (event["event_type"], event["sub_event_type"]) == ("Battles", "Armed clash")
    assert event["actor2"]["name"] == "Unidentified Gang (Brazil)"
    assert any(e["field"] == "actor2" and "drug trafficking" in e["text"] for e in event["evidence"])


def test_a_victim_with_other_charges_stays_a_civilian(coder):
    event = _first(coder, "On 2 May 2020, in Caucaia, Ceara, a man was killed in a drive-by shooting by armed men on "
                          "motorcycles. The victim had charges against him for robbery.")
    assert event["sub_event_type"] == "Attack"


def test_a_killing_by_the_police_stays_an_attack(coder):
    event = _first(coder, "On 6 May 2020, police shot dead a man during a raid in Tagapo village, Laguna. Police "
                          "said the man was a known member of a drug gang.")
    assert event["actor1"]["kind"] == "state_forces" and event["sub_event_type"] == "Attack"
