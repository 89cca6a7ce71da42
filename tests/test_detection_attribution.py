"""A quote's attribution cut off from it by the sentence splitter ("an officer said.") tells no event, whatever
its nouns weigh for the sentence model."""


def events(coder, text):
    return [e["sub_event_type"] for e in coder.code(text, published="2021-05-01")["events"]]


def test_an_attribution_alone_is_no_event(coder):
    assert events(coder, '"Hey, here she is. Got her!"\nan officer said.') == []


def test_a_sentence_that_tells_something_still_is(coder):
    assert events(coder, "Gunmen attacked a police post in the town on Monday, an officer said.") != []


def test_a_relative_clause_is_read_on_its_own_when_the_sentence_drowns_it(coder):
    """The seed's shape: a sure trigger rule in a relative clause under a sentence whose other words say little."""
    text = ("The fighting went on into November, in the first days of which the rebels launched rocket attacks on "
            "the towns of Kadugli and Dilling.")
    assert "Shelling/artillery/missile attack" in events(coder, text)


def test_a_relative_clause_describing_someone_is_not_read_alone(coder):
    text = "Channel 8 reports the man who kidnapped the boy, John Carter, was sentenced to 40 years in prison."
    assert "Abduction/forced disappearance" not in events(coder, text)


def test_a_strong_trigger_rule_breaks_the_unsure_detector_s_near_tie(coder):
    """The detector leans to an attack (0.27) where "abducted" (a rule of prior 0.85) tells an abduction it gives
    almost as much: the rule decides."""
    text = ('The defence ministry said on Tuesday that "terrorists" abducted seven people, including three children, '
            "in an incursion into Ancuabe district on Sunday, and that a rescue operation was under way.")
    events = coder.code(text, published="2026-10-13")["events"]
    assert [e["sub_event_type"] for e in events] == ["Abduction/forced disappearance"]


def test_a_firm_trigger_rule_decides_when_the_detector_is_lost(coder):
    """The detector spreads the opening sentence over many sub-types ("Other" 0.17, an armed clash 0.13): lost, it
    gives way to "fighting", a rule of prior 0.7, which a strong rule alone could do before."""
    text = ("Rebels hold the line at Nam Hsan bridge as army pushes north\n\n"
            "Heavy fighting broke out at dawn on Tuesday at the bridge over the Namtu river on the southern approach "
            "to Namhsan, where resistance forces have for months blocked army efforts to resupply its last posts in "
            "the hills.\n\n"
            "Fighters of the Ta'ang National Liberation Army said a column of infantry and three armoured vehicles "
            "advanced towards the bridge under cover of artillery fire. \"We let them reach the bend and opened fire,\" "
            "one commander said by radio.\n\n"
            "By noon the column was pinned down on the southern bank, the fighters said. Army artillery shelled the "
            "riverside quarters of the town several times, and smoke rose above the market.")
    events = coder.code(text, published="2024-03-12")["events"]
    assert events[0]["sub_event_type"] == "Armed clash"
    assert events[0]["evidence"][0]["text"] == "fighting"


def test_a_strong_trigger_rule_wins_over_a_detector_that_no_word_bears_out(coder):
    """The detector leans to an armed clash (the rescue by police and soldiers who pursued the attackers), yet no
    word a rule reads tells a clash, while "abducted" (a rule of prior 0.85) tells the act: the rule decides.
    Before, "abducted" became the trigger of an armed clash."""
    text = ("Police in Katsina State said on Monday that 12 people were abducted when gunmen attacked Danmusa in the "
            "night, and that four others were rescued by a joint team of police and soldiers who pursued the "
            "attackers.")
    events = coder.code(text, published="2026-03-30")["events"]
    assert [(e["sub_event_type"], e["evidence"][0]["text"]) for e in events][:1] == [
        ("Abduction/forced disappearance", "abducted")]


def test_a_crowds_violence_is_no_quiet_development(coder):
    """The detector's best is a change to group/activity (the curfew, the tensions), yet the sentence tells a
    crowd's violence ("burned tires and barricaded roads"): the crowd's event. Before, no event."""
    text = ("On 6 May 2020, a number of residents burned tires and barricaded roads in Sikasso amid tensions over the "
            "curfew.")
    events = coder.code(text, published="2020-05-10")["events"]
    assert [e["event_type"] for e in events] == ["Riots"]
