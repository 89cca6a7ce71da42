"""The type decisions of events/type_rules.py, seen through the mentions they produce."""
import pytest


def types(run_stages, text):
    article = run_stages(text, until="mentions", published="2021-05-01")
    return [m.sub_event_type for m in article.mentions if not (m.negated or m.hypothetical or m.habitual)]


def test_event_rules_words_not_weapons(run_stages):
    assert types(run_stages, "The senator attacked the proposal in a speech on Monday.") == []
    assert types(run_stages, "Shares rallied on Monday after the central bank cut rates.") == []
    assert types(run_stages, "The two ministers clashed in cabinet over the budget.") == []


def test_event_rules_found_bombs_are_disrupted_weapons_use(run_stages):
    assert types(run_stages, "Soldiers found a roadside bomb near the bridge and defused it.") == \
        ["Disrupted weapons use"]


def test_event_rules_what_a_strike_neutralised_is_no_weapon_disrupted(run_stages):
    """A bomb neutralised is disrupted weapons use; air strikes that "neutralised" fighters are air strikes."""
    assert types(run_stages, "Engineers neutralised a roadside bomb near the Tessit road.") == \
        ["Disrupted weapons use"]
    assert types(run_stages, "Air strikes neutralised several fighters near Tessit on Monday.") == \
        ["Air/drone strike"]


def test_event_rules_territory_by_who_takes_it(run_stages):
    assert types(run_stages, "Rebels captured the town of Kidal after heavy fighting.") == \
        ["Non-state actor overtakes territory"]
    assert types(run_stages, "Government troops recaptured the town from the rebels.") == \
        ["Government regains territory"]
    assert types(run_stages, "The militia took over the base after the army withdrew without a fight.") == \
        ["Non-violent transfer of territory"]


def test_event_rules_people_seized_on_a_road_are_abducted_not_ground_taken(run_stages):
    assert types(run_stages, "Another gang seized travellers on a road near the town on Saturday evening.") == \
        ["Abduction/forced disappearance"]


def test_event_rules_killings_need_someone_armed(run_stages):
    assert types(run_stages, "A bus plunged into a river, killing 30 passengers, police said.") == []
    assert types(run_stages, "Gunmen shot dead five villagers in their homes.") == ["Attack"]


def test_event_rules_crowds_and_protests(run_stages):
    assert types(run_stages, "A crowd beat a man accused of theft in the market.") == ["Mob violence"]
    assert types(run_stages, "Protesters threw stones at police and burned tyres in the capital.") == \
        ["Violent demonstration"]


def test_event_rules_victims_before_the_attack_word_are_not_its_attackers(run_stages):
    found = types(run_stages, "Suspected jihadist fighters killed at least 17 civilians in an attack on a village "
                              "near Bankass on Sunday.")
    assert "Mob violence" not in found and "Attack" in found


def test_event_rules_stun_grenades_are_crowd_control_not_a_grenade_attack(run_stages):
    found = types(run_stages, "Youths threw petrol bombs at police, who responded with tear gas and stun grenades.")
    assert "Grenade" not in found


def test_event_rules_an_attack_on_a_town_killing_people_is_an_attack(run_stages):
    assert "Attack" in types(run_stages, "Gang members killed at least 70 people in an attack on the town of "
                                         "Pont-Sonde on Thursday.")


def test_the_events_people_were_killed_in_are_reported_not_referred_to(run_stages):
    article = run_stages("Three people were killed in riots in Abeche on Monday.", until="mentions",
                         published="2025-04-15")
    assert [(m.trigger.text, m.reference) for m in article.mentions] == [("riots", False)]
    article = run_stages("The group has carried out riots in Abeche for years.", until="mentions",
                         published="2025-04-15")
    assert all(m.reference for m in article.mentions if m.trigger.text == "riots")


def test_the_act_of_the_main_clause_not_what_came_before_it(coder):
    text = ("Three people were killed on Monday in riots in Abeche, the main city of eastern Chad, after a motorbike "
            "taxi driver was shot dead by a soldier, residents said.")
    events = [e for e in coder.code(text, published="2025-04-15")["events"] if not e["background"]]
    assert events[0]["event_type"] == "Riots"
    assert next(v["text"] for v in events[0]["evidence"] if v["field"] == "trigger") == "riots"


def test_a_word_that_refers_to_a_series_gives_way_to_the_act_told(coder):
    text = ("Seven people were killed when armed men opened fire inside a pool hall in Choloma, northern Honduras, "
            "early on Sunday, authorities said, in the third massacre in the department of Cortes this month.")
    events = [e for e in coder.code(text, published="2025-08-10")["events"] if not e["background"]]
    assert next(v["text"] for v in events[0]["evidence"] if v["field"] == "trigger") == "opened fire"
    assert events[0]["date"] == "2025-08-10" and events[0]["location"]["name"] == "Choloma"


def test_a_plural_the_tagger_takes_for_a_name_still_names_its_event(run_stages):
    article = run_stages("CHAD - Riots broke out on Monday in Abeche.", until="mentions", published="2025-04-15")
    assert [(m.trigger.text, m.event_type) for m in article.mentions] == [("Riots", "Riots")]


def test_a_crowd_event_keeps_its_kind_when_what_came_before_it_was_violence(coder):
    text = ("CHAD - Riots broke out on Monday in Abeche, in the east, after a motorbike taxi driver was killed by a "
            "soldier at a checkpoint. Youths burned a police station and security forces opened fire; at least two "
            "people were killed, according to local sources.")
    events = [e for e in coder.code(text, published="2025-04-15")["events"] if not e["background"]]
    assert events[0]["event_type"] == "Riots"


@pytest.mark.parametrize("text, sub", [
    ("Soldiers raided a refugee camp near Tulkarm on Friday and threw tear gas canisters at residents, leaving "
     "dozens suffering from gas inhalation.", "Attack"),
    ("Government forces dropped chlorine barrels on a town near Idlib on Friday, residents said.", "Chemical weapon"),
])
def test_event_rules_a_chemical_weapon_needs_a_chemical_agent_named(coder, text, sub):
    assert [e["sub_event_type"] for e in coder.code(text, published="2020-05-04")["events"]] == [sub]


@pytest.mark.parametrize("text", [
    "Angry crowds looted and burned shops in the market town of Goroka on Sunday after a driver died in police "
    "custody, witnesses said. Police said they made several arrests.",
    # the parse takes the dateline's town for a second subject of "looted": it is none
    "KOKOPO, Papua New Guinea, June 2 (Highlands Wire) - Crowds looted and burned shops in the island's main town, "
    "Kokopo, on Sunday after a young man died in police custody, leaving one person dead, police and witnesses said.",
])
def test_shops_a_crowd_loots_are_its_riot_not_looting_on_its_own(coder, text):
    events = [e for e in coder.code(text, published="2025-06-02")["events"] if not e["background"]]
    assert events and events[0]["event_type"] == "Riots"


def test_event_rules_the_fires_at_a_place_are_no_firing_and_a_drone_hit_is_a_strike(run_stages):
    # "fire at" opens with a verb: the noun "fires" before "at" fires at nothing
    assert types(run_stages, "Firefighters put out the last of the fires at the fuel depot on Tuesday.") == []
    assert types(run_stages, "The fuel depot at the airport was hit by drones on Tuesday night.") == \
        ["Air/drone strike"]
    assert types(run_stages, "A minibus was struck by a drone near the bus station.") == ["Air/drone strike"]


def test_event_rules_the_doer_of_a_clause_under_the_trigger_is_no_target(coder):
    # "gunmen" took the people: the raiders, not whom the raid was on (a raid on armed men would be a clash)
    text = "The raid on Gwantu on Saturday evening, when gunmen took 30 people, shows that the state is failing."
    events = coder.code(text, published="2026-09-16")["events"]
    assert [(e["sub_event_type"], e["evidence"][0]["text"]) for e in events] == [("Attack", "raid")]
