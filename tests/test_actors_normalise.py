def actors(run_stages, text):
    article = run_stages(text, until="actors", published="2021-05-01")
    return [(a.span.text, a.name, a.kind, a.country) for a in article.actors]


def test_actors_state_forces_from_demonym_and_of_phrase(run_stages):
    found = actors(run_stages, "The Armenian Armed Forces shelled positions of the army of Azerbaijan.")
    assert ("The Armenian Armed Forces"[4:], "Military Forces of Armenia", "state_forces", "AM") in found
    assert any(name == "Military Forces of Azerbaijan" and country == "AZ" for _, name, _, country in found)


def test_actors_civilians_police_and_armed_men(run_stages):
    found = actors(run_stages, "Armed men abducted Nigerian villagers before police officers arrived.")
    kinds = {name: kind for _, name, kind, _ in found}
    assert kinds["Unidentified Armed Group"] == "political_militia"
    assert kinds["Civilians (Nigeria)"] == "civilians"
    assert "Police Forces" in kinds


def test_actors_named_group_from_table(run_stages):
    found = actors(run_stages, "Fighters from al-Shabaab stormed a hotel in the capital.")
    assert ("Fighters from al-Shabaab", "Al Shabaab", "rebels", "SO") in found  # the members' head is taken in


def test_actors_country_as_state_only_in_a_party_position(run_stages):
    found = actors(run_stages, "Russia launched missiles at targets in Ukraine.")
    assert [(t, country) for t, _, _, country in found] == [("Russia", "RU")]


def test_actors_a_weapon_a_nationality_qualifies_is_that_states_military(run_stages):
    found = actors(run_stages, "Russian drones struck Odesa overnight while Iranian-made drones hit Kyiv.")
    assert ("Russian drones", "Military Forces of Russia", "state_forces", "RU") in found
    assert not any(country == "IR" for *_, country in found)


def test_event_actor1_is_the_state_whose_weapon_holds_the_trigger(run_stages):
    article = run_stages("Russian guided aerial bombs hit a school in Kharkiv, Ukraine, on Monday.",
                         published="2024-06-11")
    [event] = [e for e in article.events if not e.background]
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia"


def test_actors_a_states_weapon_without_nationality_and_terrorists(run_stages):
    found = actors(run_stages, "Military aircraft bombed two villages after terrorists attacked a patrol.")
    assert ("Military aircraft", "Military Forces", "state_forces", None) in found
    assert any(kind == "rebels" and text == "terrorists" for text, _, kind, _ in found)


def test_actors_a_country_owning_a_place_is_no_party(run_stages):
    found = actors(run_stages, "Gunmen attacked a village in central Mali's Mopti region.")
    assert not any(country == "ML" and kind == "state_forces" for _, _, kind, country in found)


def test_actors_a_named_group_takes_its_members_noun(run_stages):
    found = actors(run_stages, "Israeli tanks fought Hamas militants in Khan Younis.")
    assert ("Hamas militants", "Hamas Movement", "rebels", "PS") in found
    assert not any(text == "militants" for text, *_ in found)


def test_a_states_weapon_names_the_state_as_its_troops_do(run_stages):
    # "US troops" and "a US air strike" are one party: the name takes the article either way
    found = actors(run_stages, "US troops left the base on Friday, a day after a US air strike hit a farm near Jilib.")
    names = {name for _, name, _, _ in found}
    assert names == {"Military Forces of the United States"}


def test_a_group_a_non_state_word_qualifies_is_an_armed_party(run_stages):
    found = actors(run_stages, "A rebel group attacked the town, and gunmen later shot a member of a jihadist group.")
    assert [(text, kind) for text, _, kind, _ in found if "group" in text] == [
        ("rebel group", "rebels"), ("jihadist group", "rebels")]


def test_an_opposition_or_ethnic_group_need_not_be_armed(run_stages):
    found = actors(run_stages, "An opposition group held a rally, and an ethnic group met the governor.")
    assert not any("group" in text for text, *_ in found)
