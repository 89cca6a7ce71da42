import pytest


def mentions(run_stages, text):
    article = run_stages(text, until="mentions", published="2021-05-01")
    return [(m.trigger.text, m.sub_event_type, m.negated or m.hypothetical or m.habitual) for m in article.mentions]


def test_mentions_weapon_decides_the_attack_type(run_stages):
    assert mentions(run_stages, "Separatists launched a missile attack on the city.")[0][1] == \
        "Shelling/artillery/missile attack"
    assert mentions(run_stages, "Insurgents attacked the convoy with grenades.")[0][1] == "Grenade"
    assert mentions(run_stages, "Gunmen attacked villagers in their homes.")[0][1] == "Attack"
    assert mentions(run_stages, "Militants attacked an army base overnight.")[0][1] == "Armed clash"


def test_mentions_threats_denials_and_ongoing_are_flagged(run_stages):
    assert mentions(run_stages, "The group threatened to attack the capital.")[0][2] is True
    assert mentions(run_stages, "Officials denied that the army had shelled the village.")[0][2] is True
    assert mentions(run_stages, "The forces continue to shell the town.")[0][2] is True
    assert mentions(run_stages, "The forces have continued to shell the town.")[0][2] is True
    # a simple past tells what they did that day ("On 29 April, regime forces continued to loot homes")
    assert mentions(run_stages, "On Tuesday, the forces continued to shell the town.")[0][2] is False
    assert mentions(run_stages, "The forces shelled the town.")[0][2] is False
    # the present perfect progressive tells an activity going on for a while, not a day's event
    assert mentions(run_stages, "The forces have been shelling the town for weeks.")[0][2] is True
    assert mentions(run_stages, "The forces have shelled the town.")[0][2] is False


def test_mentions_ceasefire_needs_an_agreeing_verb(run_stages):
    assert mentions(run_stages, "Despite the ceasefire, fighting broke out.") == [("fighting", "Armed clash", False)]
    assert mentions(run_stages, "Both sides agreed on a ceasefire on Monday.")[0][1] == "Agreement"


def test_mentions_protest_typed_by_police_response(run_stages):
    assert mentions(run_stages, "Thousands of students protested in the capital.")[0][1] == "Peaceful protest"
    found = mentions(run_stages, "Police fired tear gas at thousands of demonstrators who protested against taxes.")
    assert [m[1] for m in found] == ["Protest with intervention"]


def test_mentions_headline_is_not_coded_twice(run_stages):
    text = "Missile attack kills five\n\nA missile attack killed five people in the city on Monday."
    found = mentions(run_stages, text)
    assert len(found) == 1 and found[0][0] == "missile attack"


def test_mentions_a_past_verb_under_a_noun_asserts_on_its_own(run_stages):
    """A participle under a noun tells what happened whatever its host verb wants ("demanded the release of
    protesters detained"), and so does a main verb the parser hangs under its subject ("owners of restaurants
    protested outside the office, demanding ...")."""
    found = mentions(run_stages, "Relatives demanded the release of protesters detained by police in the capital.")
    assert ("detained", "Arrests", False) in found or any(t == "detained" and not modal for t, _, modal in found)
    found = mentions(run_stages, "Owners of restaurants protested outside the President's Office in Kyiv demanding "
                                 "the right to open summer terraces.")
    assert any(t == "protested" and not modal for t, _, modal in found)


@pytest.mark.parametrize("text, trigger", [
    ("On 4 May 2020, the PMF attacked IS militants and left 3 dead in an area near Haditha district.", "attacked"),
    ("On 28 April 2020, two factions of the militia, called Chance and Douze, clashed in Kabushwa.", "clashed"),
])
def test_mentions_a_finite_past_verb_is_told_as_done(run_stages, text, trigger):
    """The parser's misreadings of a main past verb (as a clausal subject, or coordinated with 'called') do not
    make it habitual or wanted."""
    assert any(t == trigger and not modal for t, _, modal in mentions(run_stages, text))


def test_ground_taken_told_as_the_reason_for_a_fight_does_not_swallow_it(coder):
    """"attacked the post because soldiers had occupied a village": the occupation is the reason told, not the news;
    the attack is still an event of the sentence."""
    text = ("The rebels' spokesman said its fighters attacked an army post in Sugapa on Monday because soldiers had "
            "occupied a village and were intimidating residents.")
    triggers = [e["text"] for event in coder.code(text, published="2025-04-08")["events"]
                for e in event["evidence"] if e["field"] == "trigger"]
    assert "attacked" in triggers


@pytest.mark.parametrize("text, trigger", [
    ("Militants set off a bomb beside the railway line as a train passed.", "set off"),
    ("The rebels blew up a roadside bomb under an army truck.", "blew up"),
])
def test_mentions_a_bomb_set_off_or_blown_up_is_a_bombing(run_stages, text, trigger):
    assert (trigger, "Remote explosive/landmine/IED", False) in mentions(run_stages, text)


@pytest.mark.parametrize("text", ["The arrest of the mayor set off protests across the province.",
                                  "A fire alarm went off in the ministry during the meeting."])
def test_mentions_set_off_or_gone_off_with_no_bomb_named_is_no_bombing(run_stages, text):
    assert all(sub != "Remote explosive/landmine/IED" for _, sub, _ in mentions(run_stages, text))


def test_shot_dead_is_a_killing_when_the_tagger_reads_shot_as_a_noun(coder):
    # spaCy reads "a motorcycle shot" as a compound noun; the words "shot dead" still tell the killing, which the
    # bomb of an earlier act told in the same sentence must not replace
    text = ("Gunmen on a motorcycle shot dead a shopkeeper in Kolda on Monday, hours after a roadside bomb killed two "
            "soldiers nearby.")
    events = coder.code(text, published="2024-05-06")["events"]
    triggers = [next(x["text"] for x in e["evidence"] if x["field"] == "trigger") for e in events]
    assert [e["sub_event_type"] for e in events] == ["Attack"] and triggers == ["shot dead"]
