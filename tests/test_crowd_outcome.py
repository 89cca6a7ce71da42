"""A demonstration is coded once, by its worst moment, even when its end is told in the sentences after it."""
import pytest


def _current(record):
    return [e for e in record["events"] if not e["background"]]


@pytest.mark.parametrize("ending, expected, words", [
    ("Police intervened and moved the protesters out of the square by force.", "Protest with intervention",
     "intervened"),
    ("Police used a baton charge to disperse the crowd.", "Protest with intervention", "baton charge"),
    ("Later some of the marchers threw stones at the governor's office.", "Violent demonstration", "threw stones"),
    ("The organisers said they would return next week.", "Peaceful protest", None),
])
def test_crowd_outcome_codes_a_protest_by_how_it_ended(coder, ending, expected, words):
    text = ("On 3 March 2021, about two hundred teachers staged a sit-in outside the education ministry in Nairobi "
            "to demand unpaid salaries. " + ending)
    [event] = _current(coder.code(text, published="2021-03-05"))
    assert event["sub_event_type"] == expected
    triggers = [e["text"] for e in event["evidence"] if e["field"] == "trigger"]
    assert (words in triggers) if words else len(triggers) == 1


def test_crowd_outcome_folds_the_arrests_of_marchers_into_their_protest(coder):
    text = ("On 12 June 2021, around sixty people protested in Lusaka against rising fuel prices. About twenty of "
            "them, including a journalist, were arrested by police.")
    events = _current(coder.code(text, published="2021-06-14"))
    assert [e["sub_event_type"] for e in events] == ["Protest with intervention"]


def test_crowd_outcome_leaves_an_event_told_in_another_paragraph_alone(coder):
    text = ("On 12 June 2021, around sixty people protested in Lusaka against rising fuel prices.\n\n"
            "In a separate case, police in Ndola dispersed a meeting of traders on 13 June 2021.")
    events = _current(coder.code(text, published="2021-06-14"))
    assert events[0]["sub_event_type"] == "Peaceful protest"


def test_excessive_force_has_the_protesters_first_like_every_protest(coder):
    """As ACLED's notes code it, and as every other protest event here: the protesters are actor1 and whoever fired
    on them actor2, so two reports of one march (one telling the live rounds, one the dispersal) name one crowd."""
    event = coder.code("Police fired live rounds at protesters in Sikasso on Thursday, wounding several "
                       "demonstrators.", published="2020-05-09")["events"][0]
    assert event["sub_event_type"] == "Excessive force against protesters"
    assert (event["actor1"]["kind"], event["actor2"]["kind"]) == ("protesters", "state_forces")


def test_a_crowd_event_with_two_armed_sides_named_has_the_crowd_first():
    """A riot whose sentence names only forces ("soldiers fired at police during the riots") is still the rioters'
    (ACLED codes every riot with rioters as actor1): the crowd is the unnamed stand-in, the first force its foe."""
    from wirecoder.article import ActorMention, EventMention, Span
    from wirecoder.events.actor_roles import ActorRoles
    from wirecoder.geo.countries import CountryNames

    mention = EventMention(Span(0, 5, "riots"), 0, "Riots", "Violent demonstration", 0.9, "test")
    soldiers = ActorMention(Span(10, 18, "soldiers"), "Military Forces of Chad", "state_forces", "TD", 0, "military")
    police = ActorMention(Span(30, 36, "police"), "Police Forces of Chad", "state_forces", "TD", 0, "police")
    actor1, actor2 = ActorRoles(countries=CountryNames()).crowd_roles(mention, soldiers, police, None)
    assert actor1 is None and actor2 is soldiers


def test_a_peaceful_protest_has_no_actor2_but_what_it_marched_against(coder):
    """ACLED codes a peaceful protest with no actor2: what it marched against is its cause, not a party."""
    record = coder.code("On 11 March 2023, residents of Kragujevac, Serbia, protested against the government by "
                        "banging pots from their windows.", published="2023-03-12")
    event = _current(record)[0]
    assert event["sub_event_type"] == "Peaceful protest"
    assert event["actor2"] is None
    assert not [e for e in event["evidence"] if e["field"] == "actor2"]
    record = coder.code("On 5 May 2020, hundreds of teachers protested in Kano against unpaid salaries. Police "
                        "dispersed them with tear gas.", published="2020-05-10")
    event = _current(record)[0]
    assert event["sub_event_type"] != "Peaceful protest"
    assert event["actor2"]["kind"] == "state_forces"


@pytest.mark.parametrize("text", [
    "On 9 March 2023, laid-off miners staged a sit-in outside the governor's office in Zonguldak, Turkey, to demand "
    "their wages. Police intervened and removed the miners by force.",
    "On 10 March 2023, hundreds of jute mill workers demanding unpaid wages clashed with police in Howrah, India; "
    "three policemen were injured.",
])
def test_the_forces_a_crowd_faced_are_actor2(coder, text):
    """Police who broke up a protest, told in its sentence or the next, are its actor2; a government it petitions is not."""
    event = _current(coder.code(text, published="2020-05-10"))[0]
    assert event["sub_event_type"] in ("Protest with intervention", "Violent demonstration")
    assert event["actor2"]["kind"] == "state_forces"
    assert [e for e in event["evidence"] if e["field"] == "actor2"]


def test_a_government_a_crowd_petitions_is_not_whom_it_faced(coder):
    event = _current(coder.code("On 7 March 2023, residents of Chepo, Panama, built barricades and set them alight to "
                                "demand that the government restore water supplies.", published="2023-03-12"))[0]
    assert event["event_type"] in ("Protests", "Riots")
    assert (event["actor2"] or {}).get("kind") != "state_forces"


def test_a_protest_no_sentence_tells_force_at_is_peaceful(coder):
    """The detector's 'with intervention' for a gathering whose sentences name no force and no forces."""
    event = _current(coder.code("On 6 March 2023, depositors gathered outside the central bank in Sidon, Lebanon.",
                                published="2023-03-12"))[0]
    assert event["sub_event_type"] == "Peaceful protest"
    event = _current(coder.code("On 6 March 2023, depositors gathered outside the central bank in Sidon, Lebanon. "
                                "Police dispersed them with tear gas.", published="2023-03-12"))[0]
    assert event["sub_event_type"] == "Protest with intervention"


def test_riot_acts_in_the_protests_own_sentence_make_it_violent(coder):
    event = _current(coder.code("On 5 March 2023, villagers in Tovar, Merida state, held a protest, burning tires "
                                "and banging pots and pans to demand cooking gas.", published="2023-03-12"))[0]
    assert event["sub_event_type"] == "Violent demonstration"
    # a riot word qualifying another noun tells no act of the crowd
    event = _current(coder.code("On 4 March 2023, depositors gathered in Zahle chanting slogans against the banks "
                                "and demanding the return of their looted savings.", published="2023-03-12"))[0]
    assert event["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("tail, sub", [
    ("demanding to return home during the lockdown, and were eventually dispersed by police.",
     "Protest with intervention"),
    ("demanding the release of colleagues detained by police last week.", "Peaceful protest"),
])
def test_force_told_in_the_protest_s_own_sentence_as_its_next_act_is_its_end(coder, tail, sub):
    """ "gathered ..., demanding to go home, and were dispersed by police": the sentence goes on with how the protest
    ended; colleagues "detained by police" are its grievance, not its end."""
    text = f"On 8 May 2021, nearly 2000 migrant workers gathered at the Sabon Gari area of Kano city (Kano), {tail}"
    events = [e for e in coder.code(text, published="2021-05-09")["events"] if e["event_type"] == "Protests"]
    assert events and events[0]["sub_event_type"] == sub
