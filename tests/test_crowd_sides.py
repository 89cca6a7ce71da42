"""A clash whose side is a crowd of people (youths, residents, a people named by its nationality) against state
forces or another crowd is a riot in ACLED's coding, not a battle between armed groups."""
import pytest


def _sub_types(coder, text):
    return [e["sub_event_type"] for e in coder.code(text, published="2020-05-10")["events"] if not e["background"]]


@pytest.mark.parametrize("text", [
    "On 30 April 2020, dozens of youths clashed with police during an arrest raid in the Dohra neighbourhood of "
    "Tulkarm.",
    "Clashes broke out between residents and police in the town of Kisii on Monday.",
    "Members of two communities clashed in Hazaribagh on Tuesday night, leaving 15 people injured.",
    "Tension prevailed in Hazaribagh on Wednesday after a clash between two communities on Tuesday night.",
    "Rival activists clashed in Feni town on Friday, leaving 12 people injured.",  # a party's activists are a crowd
    "Sectarian clashes in Parachinar killed 12 people on Monday.",  # sides unnamed, communities told by the word
    # the parse splits a party's hyphenated name into a second side no actor holds: still two parties' activists
    "At least 30 people were injured on Friday when activists of the BNP and Jamaat-e-Islami clashed in Feni town, "
    "police said.",
    # citizens and a party's supporters are crowds, however many the clash lists
    "Clashes broke out between students, citizens and supporters of the ruling party outside the party's office in "
    "Nis on Saturday.",
])
def test_a_crowd_clashing_with_forces_is_mob_violence(coder, text):
    assert _sub_types(coder, text)[:1] == ["Mob violence"]


@pytest.mark.parametrize("text", [
    "Fierce clashes erupted between the army and rebels near Goma on Monday.",
    "Armed men clashed with soldiers near Gao on Monday.",
    "Al-Shabaab fighters clashed with Somali troops in Afgoye on Monday.",
])
def test_armed_sides_stay_a_battle(coder, text):
    assert _sub_types(coder, text)[:1] == ["Armed clash"]


@pytest.mark.parametrize("text, expected", [
    ("On 4 May 2020, in Leon, Guanajuato, two off-duty police officers were shot and injured in a drive-by incident.",
     "Attack"),
    ("On 3 May 2020, Al shabaab militants shot and killed a soldier (off-duty) in Baidoa town.", "Attack"),
    ("Gunmen shot dead two police officers at a checkpoint in Baidoa on Monday.", "Armed clash"),
    # the next sentence of the paragraph says they were off duty
    ("Armed men kidnapped two police officers near Tulua on Sunday, police said. The officers were off duty and "
     "travelling home on a motorcycle.", "Abduction/forced disappearance"),
    ("Armed men kidnapped two police officers near Tulua on Sunday, police said. The officers were on patrol.",
     "Armed clash"),
])
def test_soldiers_or_police_off_duty_are_no_armed_side(coder, text, expected):
    assert _sub_types(coder, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("On 5 May 2020, a group of local people killed a man by setting him on fire in Butembo.", "Mob violence"),
    ("On 3 May 2020, five persons beat up a man with bamboo sticks in the Tilak Nagar area of Mumbai.", "Mob violence"),
    ("Gunmen killed five villagers in Gwoza on Monday.", "Attack"),
    ("Five villagers were killed by gunmen in Gwoza on Monday.", "Attack"),
])
def test_an_attack_by_a_crowd_of_people_is_mob_violence(coder, text, expected):
    assert _sub_types(coder, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("On 4 March 2024, two men shot at customers inside a bakery in Culiacan.", "Attack"),  # who fires is armed
    ("On 4 March 2024, men in a pickup opened fire on a bus stop in Culiacan.", "Attack"),
    ("On 4 March 2024, five persons beat up a man with bamboo sticks in Culiacan.", "Mob violence"),
])
def test_people_who_fire_guns_are_no_crowd(coder, text, expected):
    assert _sub_types(coder, text)[:1] == [expected]


def test_an_armed_group_named_by_the_lexicon_makes_no_mob_violence(coder):
    """Whatever the detector reads into a beating, a named militia's attack on a party member is an attack on a
    civilian, not mob violence."""
    event = coder.code("On 7 March 2024, Imbonerakure beat and injured an opposition member in Gitega commune.",
                       published="2024-03-10")["events"][0]
    assert (event["sub_event_type"], event["actor1"]["name"]) == ("Attack", "Imbonerakure")


@pytest.mark.parametrize("text, expected", [
    ("Police and demonstrators fought running battles in the centre of Kisumu on Tuesday.", "Violent demonstration"),
    ("Rioters and soldiers exchanged fire in Kisumu on Tuesday.", "Mob violence"),
])
def test_a_battle_with_a_crowd_on_one_side_is_a_riot(coder, text, expected):
    """Battles are between armed, organised sides; a crowd the sentence names as one side rioted."""
    assert _sub_types(coder, text) == [expected]


def test_a_killing_told_by_the_clash_of_two_parties_activists_reads_that_clash(coder):
    """ "A man was killed and 25 injured when activists of two parties clashed": an event whose trigger is the
    killing has the sides of the clash its clause tells, a crowd's."""
    from wirecoder.article import EventMention, Span
    from wirecoder.events.crowd_sides import crowd_clash

    text = ("A young man was killed and at least 25 people injured when activists of the Bangladesh Nationalist Party "
            "(BNP) and Jamaat-e-Islami clashed in Rangpur town on Sunday evening, police said.")
    article = coder.article(text, published="2025-12-08")
    for stage in coder.pipeline.stages:
        article = stage(article)
        if stage.name == "actors":
            break
    start = text.index("killed")
    killing = EventMention(Span(start, start + 6, "killed"), 0, "Battles", "Armed clash", 0.9, "test")
    assert crowd_clash(article, killing)
