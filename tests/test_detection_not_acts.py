"""Sentences of general news that the sentence model reads as events but tell no act that happened (issue 10's
general-news classes), each beside one that does. Text written by the project."""


def events(coder, text, published="2021-05-01"):
    return [e["sub_event_type"] for e in coder.code(text, published=published)["events"] if not e["background"]]


def test_a_finding_is_no_base_established(coder):
    text = ("The militia's new compound near the border has been the target of a disinformation campaign, a "
            "fact-checking site has previously established.")
    assert "Headquarters or base established" not in events(coder, text)


def test_a_base_set_up_still_is(coder):
    text = "On Monday, rebels established a new base near the town of Kidal, residents said."
    assert events(coder, text) != []


def test_a_purpose_is_as_asserted_as_the_act_it_serves(coder):
    text = ("The U.S. military at the garrison reportedly has been training the opposition forces known as the "
            "Southern Front to fight against Islamic State.")
    assert events(coder, text) == []


def test_a_participle_with_a_day_of_its_own_is_told_as_done(coder):
    # the participle naming whom the statement is about is as asserted as the statement's present verb, unless it
    # carries its own day: the killing on Sunday happened, whatever the sentence around it does
    text = ("The Observatorio Ciudadano del Norte expresses its solidarity with the families of the six young men "
            "killed on Sunday 1 March at a football pitch in Gao, and with the survivors.")
    assert events(coder, text, published="2026-03-05") == ["Attack"]


def test_a_purpose_of_a_protest_still_tells_the_protest(coder):
    text = "On 6 May 2021, residents blocked the highway in Maracay to demand the distribution of gasoline."
    assert events(coder, text) != []


def test_a_police_arrest_in_a_local_crime_story_is_no_event(coder):
    text = ("Police arrested six people Monday during a narcotics investigation in the city's east side. A search "
            "of the vehicle yielded nearly 30 grams of methamphetamine, and investigators located heroin and drug "
            "paraphernalia in a detached garage. Officers arrested John D. Miller, 33, who lives at the house, the "
            "sheriff said. All persons involved were transported to the county jail on preliminary drug charges.")
    assert "Arrests" not in events(coder, text)


def test_an_arrest_with_a_political_side_is_an_event(coder):
    text = "Police arrested six opposition activists in Minsk on Monday after they staged a rally, their party said."
    assert events(coder, text) != []


def test_what_is_going_on_now_is_no_event(coder):
    text = ("The U.N. is working in particular with the coalition forces, who have said they need to undertake a "
            "security assessment before providing guarantees to enter the camp.")
    assert events(coder, text) == []


def test_a_kind_of_event_lends_no_words_to_another(coder):
    text = ('"Joint border security operations and air patrols provide a modicum of protection to civilians '
            'against Russian airstrikes and other military activities in the region," the analyst said.')
    assert events(coder, text) == []


def test_a_building_named_after_its_town_places_the_event_in_the_town(coder):
    record = coder.code("Around 300 police buses blocked protesters from entering the plaza in front of Seoul City "
                        "Hall on Sunday.", published="2021-05-01")
    assert [p["name"] for p in record["places"]] == ["Seoul"]


def test_weapons_seen_in_a_battle_are_part_of_the_battle(coder):
    text = ("Soldiers clashed with gunmen at a ranch near Acapulco on Sunday. Two soldiers and 16 gunmen were killed "
            "in the battle. \"There were grenade and rocket explosions, and weapons like AK-47s,\" a witness said.")
    found = events(coder, text)
    assert found.count("Armed clash") == 1 and "Disrupted weapons use" not in found


def test_one_demonstration_a_day_in_the_country_the_article_is_about(coder):
    text = ("South Korean authorities refused to allow more protests against beef imports from the United States. "
            "Around 300 police buses blocked protesters from entering the plaza in front of Seoul City Hall on "
            "Sunday. Any rally held after sunset without police permission is illegal. The daily vigils have "
            "continued for weeks. After the plaza was sealed off, about 1,700 protesters gathered in nearby streets, "
            "chanting slogans against U.S. beef imports, and threw stones at the police.")
    record = coder.code(text, published="2008-06-30")
    current = [e for e in record["events"] if not e["background"]]
    assert len(current) == 1 and current[0]["location"]["country"] == "KR"


def test_a_denial_of_who_did_a_dated_attack_still_tells_the_attack(coder):
    text = ("A spokesman for the militant group denied on Tuesday that the group was behind Monday's suicide bombing "
            "at a mosque in Peshawar.")
    assert events(coder, text, published="2023-02-01") == ["Suicide bomb"]


def test_who_suspects_are_is_no_event(coder):
    text = ("The three suspects, all from villages near the border, are believed to be members of a local cell of "
            "the Islamic State Khorasan Province (ISKP), a spokesman for the provincial police command said.")
    assert [e for e in coder.code(text, published="2025-01-17")["events"] if not e["background"]] == []


def test_a_verb_of_state_in_a_noun_phrase_gives_way_to_the_act(coder):
    # "belonging" qualifies the vehicle; the seizure is what was done
    text = "Suspected militants seized a vehicle belonging to a municipal councillor near Ayorou on Sunday."
    events = [e for e in coder.code(text, published="2024-03-11")["events"] if not e["background"]]
    triggers = {ev["text"] for e in events for ev in e["evidence"] if ev["field"] == "trigger"}
    assert events and "belonging" not in triggers


def test_there_were_is_no_verb_of_state(coder):
    # an existential "be" says the fighting was there: it still tells the event its noun names
    text = "Witnesses said there were heavy exchanges of gunfire in the town of Kidal on Monday."
    events = [e for e in coder.code(text, published="2024-05-14")["events"] if not e["background"]]
    assert [(e["event_type"], e["date"]) for e in events] == [("Battles", "2024-05-13")]


def test_a_funeral_procession_is_no_protest(coder):
    """ACLED codes a funeral only when it is used to demonstrate: mourners walking behind the coffins are none."""
    text = ("Hundreds of mourners marched through the streets of Kfarroummane on Wednesday behind the coffins of three "
            "people killed in Lebanon.")
    assert "Peaceful protest" not in events(coder, text, published="2025-05-28")


def test_a_funeral_that_voices_a_demand_is_a_protest(coder):
    text = ("Thousands of mourners marched behind the coffin of the young man through Burin on Sunday, chanting "
            "slogans against the settlers.")
    assert events(coder, text, published="2025-05-28") == ["Peaceful protest"]


def test_a_notes_descriptive_fields_tell_no_act(coder):
    """An incident note's "Location:" and "Weapon:" lines describe the strike told elsewhere; read alone, the
    sentence model took their words ("town", "carrying") for protests."""
    note = ("Date and time: Tuesday 27 February 2024, approximately 13:10 local time.\n\nLocation: Central qat market, "
            "Qa'tabah (Qataba) town, Qa'tabah district, al-Dhale governorate, about 1.5 km from the nearest front-line "
            "positions.\n\nWeapon: One explosive-carrying uncrewed aerial vehicle, based on witness accounts and "
            "photographs of fragments shared by local journalists.")
    assert events(coder, note, published="2024-03-01") == []


def test_a_protester_hit_by_a_tear_gas_canister_is_excessive_force_not_an_attack():
    """ACLED's codebook: peaceful protesters met with force that kills or seriously injures them is excessive force
    against protesters, not an attack on civilians; a canister or a rubber bullet tells the force was a crowd's."""
    from wirecoder.events.codebook_rules import CodebookRules
    rules = CodebookRules()
    text = ("A young man who was hit in the head by a tear gas canister during a protest in the town of Kut on Monday "
            "has died of his injuries, his family said.")
    assert rules.sub_type(text, "Attack") == "Excessive force against protesters"
    assert rules.sub_type("A young man was shot dead by gunmen in the town of Kut on Monday.", "Attack") == "Attack"


def test_a_weapon_of_crowd_control_that_neither_kills_nor_gravely_hurts_is_an_intervention():
    """ACLED's codebook: excessive force is lethal or grievous force; a protester only injured by a rubber bullet was
    met with intervention."""
    from wirecoder.events.codebook_rules import CodebookRules
    rules = CodebookRules()
    force = "Excessive force against protesters"
    assert rules.sub_type("Another protester was injured by a rubber bullet.", force) == "Protest with intervention"
    assert rules.sub_type("A protester was critically injured by a rubber bullet.", force) == force
    assert rules.sub_type("Police shot dead two protesters and fired rubber bullets at the crowd.", force) == force


def test_a_death_from_wounds_is_a_toll_not_an_act(coder):
    text = ("The militant group claimed responsibility on Wednesday evening for the bombing of a security forces "
            "vehicle, and state media said on Thursday that a fourth police officer had died of his wounds.")
    assert events(coder, text, "2025-01-30") == []
    # the act itself, told with its dead, still is
    assert events(coder, "Gunmen attacked a police patrol near Khash on Tuesday and killed three officers.",
                  "2025-01-30") != []


def test_a_death_from_wounds_or_an_illness_is_no_act_but_a_death_in_an_attack_is(run_stages):
    from wirecoder.events.killings import dies_of_wounds

    def died(text):
        doc = run_stages(text, until="nlp").doc
        return [dies_of_wounds(t) for t in doc if t.lemma_ == "die"]
    assert died("At least 200 people in the district have died of cholera and another unknown illness.") == [True]
    assert died("A fourth officer succumbed to his injuries and a fifth died of his wounds.") == [True]
    assert died("Two officers died in the attack on the checkpoint.") == [False]


def test_an_act_a_denial_affirms_is_told_by_its_own_verb(coder):
    """ "denied attacking civilians, saying its drones had struck military targets": the denied act is none, the
    strike the group says it made is one; a denial alone tells no act."""
    denial = "The Rapid Support Forces on Wednesday denied attacking civilians in Wadi Halfa"
    record = coder.code(denial + ", saying its drones had struck military targets in Northern State.",
                        published="2026-04-01")
    [event] = [e for e in record["events"] if not e["background"]]
    assert event["sub_event_type"] == "Air/drone strike"
    assert next(x["text"] for x in event["evidence"] if x["field"] == "trigger") == "struck"
    assert events(coder, denial + ".", published="2026-04-01") == []
