import datetime as dt

import pytest

TEXT = ("KHARKIV, May 3 - Russian forces shelled the towns of Izium and Balakliia on Sunday, killing four "
        "civilians, the regional governor said.\n\nOn Monday, Ukrainian troops clashed with Russian forces near Kupiansk.")


def test_assemble_one_event_per_location_and_day(coder):
    record = coder.code(TEXT, published="2022-05-03")
    shelling = [e for e in record["events"] if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert sorted(e["location"]["text"] for e in shelling) == ["Balakliia", "Izium"]
    assert all(e["location"]["country"] == "UA" and e["location"]["geo_precision"] == 1 for e in shelling)
    assert {e["date"] for e in shelling} == {"2022-05-01"}
    assert all(e["actor1"]["name"] == "Military Forces of Russia" for e in shelling)
    assert all(e["fatalities"] == {"low": 4, "best": 4, "high": 4} for e in shelling)


def test_assemble_evidence_points_into_the_text(coder):
    record = coder.code(TEXT, published="2022-05-03")
    assert record["events"]
    for event in record["events"]:
        fields = {ev["field"] for ev in event["evidence"]}
        assert "trigger" in fields
        for ev in event["evidence"]:
            assert TEXT[ev["start"]:ev["end"]] == ev["text"]
        for name in ("actor1", "actor2", "location", "fatalities", "injured"):
            if event[name] is not None and not (name == "location" and event[name]["geo_precision"] == 3):
                assert name in fields, name


def test_assemble_events_in_text_order_and_clash_with_target(coder):
    record = coder.code(TEXT, published="2022-05-03")
    starts = [min(ev["start"] for ev in e["evidence"] if ev["field"] == "trigger") for e in record["events"]]
    assert starts == sorted(starts)
    clash = [e for e in record["events"] if e["sub_event_type"] == "Armed clash"]
    assert clash and clash[0]["date"] == "2022-05-02" and clash[0]["actor2"]["country"] == "RU"


def test_assemble_history_is_background(coder):
    record = coder.code("The two sides signed a ceasefire agreement in 1994. Shelling resumed on Friday in "
                        "the town of Tartar, killing two civilians.", published="2020-10-03")
    old = [e for e in record["events"] if e["date"] and e["date"] < "2020"]
    assert all(e["background"] for e in old)  # history is background or not coded at all, never current
    assert any(not e["background"] and e["date"] == dt.date(2020, 10, 2).isoformat() for e in record["events"])


def test_assemble_codes_a_village_no_gazetteer_knows_once_and_carries_it_to_the_next_paragraph(coder):
    text = ("Gunmen attacked the village of Kwarangaba in Zamfara state on Friday, police said.\n\n"
            "Officers exchanged fire with the attackers. One officer was killed.")
    record = coder.code(text, published="2021-02-27")
    events = [e for e in record["events"] if not e["background"]]
    assert events and all(e["location"]["text"] == "Kwarangaba" for e in events)
    assert all(e["location"]["within"]["text"] == "Zamfara" for e in events)


def test_assemble_the_city_a_sentence_refers_back_to_is_the_last_one_named(coder):
    text = ("Fighters besieged El Fasher, the capital of North Darfur state, on Sunday. Residents said the situation "
            "was dire. Food was scarce and prices had tripled. Aid groups appealed for access. On Monday, the army "
            "said its aircraft struck fighters' positions east of the city.")
    record = coder.code(text, published="2024-09-24")
    strikes = [e for e in record["events"] if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and strikes[0]["location"]["feature_class"] == "P" and strikes[0]["location"]["country"] == "SD"


def test_assemble_an_undated_later_event_takes_the_leads_day_not_the_filing_day(coder):
    text = ("LAGOS, Feb 4 - Thousands of people protested against fuel prices in Abuja on Monday, and police fired "
            "tear gas to disperse them, witnesses said.\n\n"
            "The police command said those arrested would be charged. A spokesman declined to give a number.\n\n"
            "Officials gave no further details. Union leaders promised more action.\n\n"
            "In Lagos, a separate march passed off peacefully, with thousands of protesters marching to the "
            "governor's office.")
    record = coder.code(text, published="2025-02-04")
    lagos = [e for e in record["events"] if e["location"] and e["location"]["name"] == "Lagos"]
    assert lagos and lagos[0]["date"] == "2025-02-03"


def test_assemble_places_that_only_orient_the_reader_are_not_event_locations(coder):
    text = ("A roadside bomb hit an army vehicle on the road between Tera and Gotheye on Monday. "
            "Gunmen attacked a checkpoint in Hawija, 50 km west of Kirkuk, on Monday.")
    record = coder.code(text, published="2025-04-08")
    located = sorted(e["location"]["text"] for e in record["events"] if e["location"])
    assert "Gotheye" not in located and "Kirkuk" not in located
    assert "Tera" in located


def test_assemble_a_protest_police_broke_up_is_one_protest_with_intervention(coder):
    text = ("Hundreds of people protested in Port Sudan on Wednesday against rising bread prices. "
            "Police dispersed them with tear gas.")
    record = coder.code(text, published="2024-09-05")
    protests = [e for e in record["events"] if e["event_type"] == "Protests"]
    assert [e["sub_event_type"] for e in protests] == ["Protest with intervention"]


def test_assemble_an_armed_party_telling_of_its_own_strike_is_its_actor1(coder):
    record = coder.code("The Sudanese army said its aircraft struck RSF positions in Omdurman on Tuesday.",
                        published="2024-09-04")
    strikes = [e for e in record["events"] if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and strikes[0]["actor1"]["name"] == "Military Forces of Sudan"


def test_assemble_a_force_speaking_through_its_staff_is_no_party_to_the_attack_it_tells(coder):
    # the speaker's possessor speaks too: the army told of the attack on its detachment, it did not make it
    record = coder.code("The armed forces' general staff said on Sunday that an attack by a large terrorist group on "
                        "the military detachment of Titao had been repelled on Saturday.", published="2025-04-14")
    assert record["events"] and all("Military Forces" not in (e["actor1"] or {}).get("name", "")
                                    for e in record["events"])


def test_assemble_houses_burnt_in_an_attack_are_part_of_the_attack(coder):
    text = ("Suspected jihadists killed at least 30 civilians in an attack on the village of Dembo in central "
            "Mali's Mopti region on Sunday, officials said.\n\nThe attackers set fire to houses and granaries.\n\n"
            "The army said it had killed 12 \"terrorists\" in a counter-operation near Bandiagara on Monday.")
    record = coder.code(text, published="2023-03-07")
    kinds = [e["sub_event_type"] for e in record["events"] if not e["background"]]
    assert "Looting/property destruction" not in kinds and "Attack" in kinds
    attack = next(e for e in record["events"] if e["sub_event_type"] == "Attack")
    assert attack["actor2"]["kind"] == "civilians"  # Mali's region is a place, not a party attacked
    clash = next(e for e in record["events"] if e["location"] and e["location"]["text"] == "Bandiagara")
    assert clash["actor1"]["name"] == "Military Forces of Mali"


def test_assemble_soldiers_a_states_military_tells_of_are_its_own(coder):
    record = coder.code("The Israeli military said two soldiers were killed in combat in the southern Gaza Strip on "
                        "Tuesday.", published="2024-01-10")
    [event] = [e for e in record["events"] if e["event_type"] == "Battles"]
    assert event["actor2"]["name"] == "Military Forces of Israel"


@pytest.mark.parametrize("text", [
    "Two soldiers were shot and killed by Taliban militants in a village of Herat province on Monday.",
    "Six soldiers were killed and five were wounded on Monday following attacks by Taliban militants on "
    "checkpoints in Balkh province.",
])
def test_assemble_soldiers_killed_by_an_armed_group_are_a_clash_whoever_fired(coder, text):
    """ACLED: violence by an armed group on soldiers is an armed clash; the soldiers, the passive subject of
    the act or of the verb it hangs on, are actor2."""
    record = coder.code(text, published="2020-05-05")
    [event] = [e for e in record["events"] if not e["background"]]
    assert event["sub_event_type"] == "Armed clash"
    assert event["actor2"]["kind"] == "state_forces" and event["actor1"]["kind"] == "rebels"


def test_assemble_a_region_strike_retold_at_a_village_is_one_event_with_the_named_actor(coder):
    text = ("Myanmar's military carried out air strikes on a village in Sagaing region on Monday, killing at least "
            "12 people.\n\nThe strikes hit the village of Qwertykone in Sagaing region, a local fighter said.")
    record = coder.code(text, published="2024-05-14")
    strikes = [e for e in record["events"] if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0]["actor1"]["name"] == "Military Forces of Myanmar"


def test_assemble_a_place_naming_a_topic_is_no_event_location(coder):
    record = coder.code("Police fired tear gas at protesters in Tbilisi on Monday, the fifth night of protests against "
                        "the suspension of EU accession talks.", published="2024-12-03")
    located = {e["location"]["name"] for e in record["events"] if e["location"]}
    assert located == {"Tbilisi"}


def test_assemble_the_group_that_claims_an_attack_is_its_actor1(coder):
    text = ("A bomb blast at a mosque in Herat killed at least 18 worshippers on Friday, officials said.\n\n"
            "Islamic State claimed responsibility for the attack in a statement.")
    record = coder.code(text, published="2022-08-06")
    [blast] = [e for e in record["events"] if e["event_type"] == "Explosions/Remote violence"]
    assert blast["actor1"]["name"] == "Islamic State"
    assert any(x["field"] == "actor1" and x["text"] == "Islamic State" for x in blast["evidence"])


def test_assemble_fighting_in_which_a_side_took_ground_is_one_battle(coder):
    text = ("Tribal fighters clashed with the SDF in Dhiban, in Syria's Deir ez-Zor province, on Saturday, killing nine "
            "people. During the fighting the tribal fighters seized two SDF positions in Dhiban.")
    events = [e for e in coder.code(text, published="2023-09-03")["events"] if e["event_type"] == "Battles"]
    assert [(e["sub_event_type"], e["location"]["name"]) for e in events] == [("Armed clash", "Dhībān")]


def test_assemble_a_faction_telling_of_its_own_act_is_its_actor1_not_the_country_that_qualifies_it(coder):
    text = ("A dissident faction of Colombia's former FARC guerrillas said in a statement on Wednesday that it was "
            "holding two police officers seized near Jamundi on Sunday.")
    events = coder.code(text, published="2024-04-17")["events"]
    assert events and all(e["actor1"]["kind"] == "rebels" for e in events)


def test_assemble_a_lead_dated_only_by_its_telling_is_the_event_a_later_sentence_dates(coder):
    text = ("Armed separatists have kidnapped four council officials in Batibo, administrative sources said on "
            "Wednesday. The four were seized on Tuesday at their workplace in Batibo by gunmen who fled toward the "
            "forest.")
    record = coder.code(text, published="2025-04-23")
    abductions = [e for e in record["events"] if e["sub_event_type"] == "Abduction/forced disappearance"]
    assert len(abductions) == 1
    assert abductions[0]["date"] == "2025-04-22" and abductions[0]["time_precision"] == 1
    triggers = {ev["text"] for ev in abductions[0]["evidence"] if ev["field"] == "trigger"}
    assert {"kidnapped", "seized"} <= triggers


def test_assemble_a_day_carried_from_the_lead_is_not_the_telling_day(coder):
    # the second protest inherits Thursday from the lead: it is Thursday's gathering, not Wednesday's march
    text = ("Police arrested 23 people in Masaka on Thursday as opposition supporters returned to the streets. "
            "Small groups of supporters gathered at the taxi park, chanting slogans. "
            "On Wednesday police fired teargas to disperse a larger march in the city.")
    record = coder.code(text, published="2025-11-13")
    days = {e["date"] for e in record["events"] if e["event_type"] == "Protests"}
    assert "2025-11-12" in days and "2025-11-13" in days


def test_assemble_a_sentence_that_tells_on_the_lead_with_the_detectors_word_is_the_lead(coder):
    text = ("Insurgents kidnapped at least 12 children in the village of Mazeze, in Chiure district, on Thursday, "
            "residents said.\n\nThe attackers, armed with rifles and machetes, arrived in the afternoon and spent "
            "several hours in the village, residents said.")
    events = [e for e in coder.code(text, published="2025-05-30")["events"] if not e["background"]]
    assert [e["sub_event_type"] for e in events] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize("second", [
    "A counter-rally by opposition supporters was dispersed by police with tear gas.",
    "Hours later, a separate protest by traders against new levies was dispersed by police with tear gas.",
])
def test_a_crowd_told_as_another_of_its_kind_is_a_second_event_at_the_place_and_day(coder, second):
    text = f"Supporters of the ruling party held a rally in Kisumu on Monday. {second}"
    record = coder.code(text, published="2024-05-07")
    crowds = [e for e in record["events"] if e["event_type"] == "Protests" and not e["background"]]
    assert len(crowds) == 2
    assert {e["sub_event_type"] for e in crowds} == {"Peaceful protest", "Protest with intervention"}


def test_a_crowd_met_by_police_is_still_one_protest(coder):
    text = ("Hundreds of students marched in Kisumu on Monday against fee increases. Police fired tear gas to "
            "disperse the march. Another protester was injured by a rubber bullet.")
    record = coder.code(text, published="2024-05-07")
    assert [e["sub_event_type"] for e in record["events"] if not e["background"]] == ["Protest with intervention"]


ESCAPE = ("Eight of the worshippers abducted from a church in Kwassam, in southern Kaduna, escaped on Tuesday night "
          "and reached a police post, a pastor said on Wednesday.\n\nThey were treated at a clinic in Kauru. The "
          "eight told relatives that the kidnappers had marched the group through the bush for two days and had "
          "split the men from the women.")


def test_an_act_a_definite_doer_tells_on_with_no_day_or_place_of_its_own_is_the_act_told_before(coder):
    events = [e for e in coder.code(ESCAPE, published="2026-02-11")["events"] if not e["background"]]
    assert [(e["sub_event_type"], e["location"]["name"]) for e in events] == [
        ("Abduction/forced disappearance", "Kwassam")]


def test_an_act_a_definite_doer_does_at_a_place_of_its_own_is_another_event(coder):
    text = ESCAPE.replace("had split the men from the women.", "had split the men from the women.\n\nOn Thursday "
                          "the kidnappers abducted four farmers in Kauru.")
    events = [e for e in coder.code(text, published="2026-02-13")["events"] if not e["background"]]
    assert {e["location"]["name"] for e in events} == {"Kwassam", "Kauru"}
