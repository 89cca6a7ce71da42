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
    assert mentions(run_stages, "The forces shelled the town.")[0][2] is False


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
