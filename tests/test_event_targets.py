"""Whom violence was done to (actor2), as ACLED codes it: victims named by their trade, age or sex are civilians;
the dead a toll counts are the target when the sentence names none; violence against civilians whose victims
are not named as a party is against "Civilians (country)"; and civilians are never who attacks, bombs or
strikes. Texts written for these tests."""
import pytest


def first(coder, text, published="2023-06-19"):
    return coder.code(text, published=published)["events"][0]


@pytest.mark.parametrize("victims", ["two woodcutters", "three traders", "a teacher", "four students",
                                     "two girls", "a pastor"])
def test_victims_named_by_trade_age_or_sex_are_civilians(coder, victims):
    event = first(coder, f"Gunmen on Saturday shot dead {victims} on the outskirts of Damboa town, Borno State, "
                         f"a witness said on Monday.")
    assert event["sub_event_type"] == "Attack"
    assert event["actor2"]["kind"] == "civilians"
    assert event["actor2"]["text"]  # the words that name them
    assert event["actor1"]["kind"] != "civilians"


def test_crowds_of_such_people_stay_protesters(coder):
    event = first(coder, "Hundreds of students protested in Lagos on Monday against fee increases.")
    assert event["event_type"] == "Protests"
    assert event["actor1"]["kind"] == "protesters"


def test_victims_told_as_the_subject_of_a_passive_are_no_perpetrators(coder):
    """The parser may hang "a man and a farmer" on the place before it; they are still the ones shot."""
    event = first(coder, "On 3 May 2020, in Guadalajara, Jalisco, a man and a farmer were shot dead in Colonia "
                         "Lopez Portillo.", published="2020-05-05")
    assert event["actor1"]["kind"] != "civilians"
    assert event["actor2"]["kind"] == "civilians"


def test_civilians_are_never_who_set_off_a_bomb(coder):
    event = first(coder, "At least ten civilians, including women, were killed on 14 February when a bomb exploded "
                         "under a minibus near Afgoye, a district official said.", published="2024-02-15")
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["actor1"]["kind"] != "civilians"
    assert event["actor2"]["kind"] == "civilians"


def test_the_dead_a_toll_counts_are_the_target(coder):
    event = first(coder, "Islamist insurgents attacked an army post in Damboa, in Borno state, late on Saturday, "
                         "killing four soldiers, two security sources said.")
    assert event["actor2"]["kind"] == "state_forces"
    event = first(coder, "A landmine detonated in al Khalsiyeh in rural Ein Issa in Ar-Raqqa on 9 May 2020, killing "
                         "a civilian.", published="2020-05-10")
    assert event["actor2"]["kind"] == "civilians"


def test_an_attack_whose_victims_are_not_a_named_party_is_on_civilians(coder):
    event = first(coder, "On 9 May 2020, in Cosoleacaque, Veracruz, armed men riding a motorcycle carried out a "
                         "drive-by shooting against a man. The victim died.", published="2020-05-10")
    assert event["sub_event_type"] == "Attack"
    assert event["actor2"]["name"] == "Civilians (Mexico)"
    assert event["actor2"]["text"] is None  # ACLED's convention, not words of the text
    assert not any(e["field"] == "actor2" for e in event["evidence"])


def test_an_army_base_names_its_army(coder):
    event = first(coder, "Islamist insurgents attacked an army base in Damboa on Saturday night.")
    assert event["actor2"]["kind"] == "state_forces"


def test_an_attack_killing_civilians_with_no_named_perpetrator_is_no_clash(coder):
    event = first(coder, "The Islamic State group has claimed responsibility for an attack on Oicha in eastern Congo "
                         "on Tuesday in which local officials now say 18 civilians were killed.",
                  published="2024-08-23")
    assert event["sub_event_type"] == "Attack"


@pytest.mark.parametrize("text, expected", [
    ("A Russian kamikaze drone killed a man in Marhanets on Wednesday, officials said.", "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu on Wednesday, killing five soldiers.",
     "Suicide bomb"),
])
def test_a_kamikaze_drone_is_a_drone_strike_and_a_bomber_a_suicide_bomb(coder, text, expected):
    assert first(coder, text, published="2025-01-09")["sub_event_type"] == expected


def test_an_operation_the_next_sentence_tells_as_a_shootout_is_a_clash(coder):
    """"Police carried out an operation ... A shoot-out broke out": no armed target in the first sentence, but the
    fight is told in the next, so the operation is no attack on civilians."""
    text = ("On 12 June 2023, in Niteroi, Rio de Janeiro, the Military Police carried out an operation against drug "
            "trafficking in the Vila Nova community. A shoot-out broke out and one suspect was killed.")
    assert first(coder, text)["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize("text, sub", [
    ("On 2 March 2023, rebels looted grain stores and livestock in a village near Kidal.",
     "Looting/property destruction"),
    ("On 4 May 2020, a mob lynched a suspected thief in Kisumu, Kenya.", "Mob violence"),
])
def test_an_unnamed_owner_of_what_was_looted_or_whom_a_mob_turned_on_is_civilians(coder, text, sub):
    """ACLED's convention, as for violence against civilians: the country's civilians, with no words behind them."""
    event = first(coder, text, published="2020-05-10")
    assert event["sub_event_type"] == sub
    assert event["actor2"]["kind"] == "civilians" and event["actor2"]["text"] is None


@pytest.mark.parametrize("victims, sub", [("two police officers", "Armed clash"), ("three soldiers", "Armed clash"),
                                          ("two traders", "Abduction/forced disappearance")])
def test_an_abduction_of_soldiers_or_police_by_an_armed_group_is_a_clash(coder, victims, sub):
    """ACLED codes violence by an armed group on armed forces, abductions as well as attacks, as an armed clash;
    abducted civilians stay an abduction."""
    event = first(coder, f"Gunmen on Saturday abducted {victims} on the road between Damboa and Biu in Borno "
                         f"State, a security source said.")
    assert event["sub_event_type"] == sub


def test_who_counts_a_figure_is_no_target_of_the_act(coder):
    """ "abducting between 19 (police figure) and 43 (community figure) people": the police give a figure; they
    are not whom the gunmen fought, so the raid is no clash with the police."""
    text = ("Gunmen on motorcycles raided Kirfi village in Bauchi State in the early hours of 12 August, killing two "
            "men and abducting between {} and 43 (community figure) people, mostly women and children.")
    told = first(coder, text.format("19"), published="2025-08-16")
    counted = first(coder, text.format("19 (police figure)"), published="2025-08-16")
    assert told["sub_event_type"] == "Attack" and told["actor2"]["kind"] == "civilians"
    assert counted["sub_event_type"] == told["sub_event_type"]
    assert counted["actor2"]["kind"] == "civilians"


def test_people_a_bomb_or_a_shell_killed_are_civilians_unless_named_as_a_party(coder):
    """ACLED codes the people a mine, a bomb or a shell killed or hurt as civilians when the text names them as no
    armed party ("2 young men", "two health workers"); soldiers stay soldiers; a strike that hurt no one has no
    target it does not name."""
    event = first(coder, "On 3 May 2020, 2 young men were killed when a landmine planted by an unidentified armed "
                         "group exploded in farmland south of Sarmin.", published="2020-05-10")
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["actor2"]["name"] == "Civilians (Syria)" and event["actor2"]["text"] is None
    event = first(coder, "Shelling killed three soldiers near Tal Tamr on Monday.", published="2020-05-10")
    assert event["actor2"]["kind"] == "state_forces"
    event = first(coder, "A drone struck a fuel depot near Sarmin on Monday, causing a fire. No one was hurt.",
                  published="2020-05-10")
    assert event["actor2"] is None
