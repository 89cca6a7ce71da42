"""Which act a sentence tells, when the sentence model and the trigger rules read it differently. Text written by
the project."""


def events(coder, text, published="2021-06-10"):
    return [e["sub_event_type"] for e in coder.code(text, published=published)["events"] if not e["background"]]


def test_a_violent_act_told_as_done_is_the_event_not_a_movement_of_forces(coder):
    # the sentence model leans to a change to group/activity (reinforcements arrived); the attack is what happened
    text = ("On 8 June 2021, rebel reinforcements reportedly arrived on the Nihm front and attacked army positions "
            "in Al Madid area (Nihm, Sanaa).")
    assert events(coder, text) == ["Armed clash"]


def test_reinforcements_that_only_arrive_are_a_change_to_group_activity(coder):
    text = "On 8 June 2021, rebel reinforcements reportedly arrived on the Nihm front in Al Madid area (Nihm, Sanaa)."
    assert set(events(coder, text)) == {"Change to group/activity"}


def test_a_clash_that_only_says_who_a_force_is_does_not_replace_the_development(coder):
    text = ("On 4 June 2021, coalition forces in Hadibu reportedly launched a recruitment drive for a new force that "
            "is neutral from both of the factions that recently clashed on the island.")
    assert events(coder, text) == ["Change to group/activity"]


def test_a_march_that_did_not_happen_is_still_no_event(coder):
    text = ("On 1 May 2021, union members in Rosario did not march as planned and did not protest against the wage "
            "cuts, their leaders said.")
    assert events(coder, text, published="2021-05-03") == []


def test_an_exchange_of_artillery_is_a_clash_not_a_movement_of_forces(coder):
    text = ("On 9 May 2021, rebel forces reportedly exchanged artillery with army units on the fronts of Mount Kirsh "
            "(Al Qabbaytah, Lahij) and Bab Ghaliq (Qaatabah, Ad Dali), causing losses.")
    assert set(events(coder, text, published="2021-05-12")) == {"Armed clash"}


def test_a_strike_that_killed_a_man_is_news_in_a_commentary_too(coder):
    # a commentary reads as little conflict news (the topic model's weight lowers every sentence's bar); people
    # killed by violence are news whatever the article's topic, one person as well as a number of them
    strike = ("On Tuesday, an Israeli strike flattened a house in Kfar Kila, on the outskirts of Marjayoun, killing a "
              "man Israel described as a Hezbollah operative, his father and a teenage boy who happened to be cycling "
              "past.")
    text = ("A year after the truce was signed, the word has come to mean something odd: one side has mostly "
            "stopped shooting, and the other has not.\n\nLast week gave a familiar example. " + strike + "\n\n"
            "Israel says it is enforcing an agreement the other parties fail to honour. There is some truth in that, "
            "but a committee exists to settle such disputes, and it rarely meets. Diplomats say the next round of "
            "talks may decide whether the arrangement survives the winter.")
    events = coder.code(text, published="2025-05-30", title="Opinion: a truce in name only")["events"]
    # "Last week ... On Tuesday": the Tuesday of the calendar week before the Friday of telling
    assert [(e["sub_event_type"], e["date"]) for e in events][:1] == [("Air/drone strike", "2025-05-20")]


def test_a_fight_with_two_named_armed_sides_is_an_event_whatever_acronyms_the_detector_lacks(coder):
    # the detector has not learnt "SSPDF" or "SPLA-IO" and reads the sentence as unsure; the two armed sides make it
    text = "Heavy fighting broke out on Thursday in Adok between the SSPDF and the SPLA-IO, local officials said."
    record = coder.code(text, published="2026-03-06")
    assert [e["sub_event_type"] for e in record["events"] if not e["background"]] == ["Armed clash"]


def test_a_rule_act_told_as_done_wins_when_no_word_tells_the_detectors_unsure_kind(coder):
    # the sentence model leans, unsure, to an arrest (security forces deployed); no word of the sentence tells an
    # arrest, and the crowd's attack is told as done: the attack is what happened
    text = ("Security forces remained deployed in a village of Kombissiri district on Monday, two days after crowds "
            "attacked the homes of Muslim families, burning five of them.")
    assert events(coder, text, published="2024-03-05") == ["Mob violence"]


def test_looting_in_a_riot_the_sentence_names_is_the_riot(coder):
    # ACLED's looting and property destruction is looting outside other violence; in a riot, it is the riot
    text = ("Traders in Mopti were still sweeping up broken glass on Monday from the riot on Saturday night, when "
            "groups of young men burned a pharmacy and looted shops in the town centre.")
    assert [e["event_type"] for e in coder.code(text, published="2024-03-11")["events"]] == ["Riots"]


def test_a_peaceful_protest_told_in_words_is_an_event_whatever_the_page_is_about(coder):
    """A sentence about ministers and pollution reads as little like conflict news to the topic model; a protest
    rule, firm, that names the detector's own sub-type still makes it the event."""
    text = ("On 6 May 2021, protesters gathered at the Palace of Justice in Byblos, and demanded that the supreme "
            "court try the Ministers who have been responsible for the pollution of the coast.")
    assert events(coder, text, published="2021-05-10") == ["Peaceful protest"]
