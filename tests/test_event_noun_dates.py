"""The day an event told by a noun happened: the date in the noun's own phrase, not the sentence's; and a claim's
or a reaction's day is the telling's, not the act's. Texts written for these tests."""


def events(coder, text, published):
    return coder.code(text, published=published)["events"]


def test_a_date_in_the_event_nouns_phrase_is_its_day(coder):
    found = events(coder, "Tension prevailed in Hazaribagh on Wednesday after a clash between two communities during "
                          "an immersion procession on Tuesday night, with police detaining 22 people.",
                   "2023-10-25")
    assert found[0]["date"] == "2023-10-24"


def test_a_date_in_a_clause_of_another_noun_is_not_the_nouns(coder):
    """The rally was held on the 3rd; the 28th is the day of the attack its clause tells."""
    found = events(coder, "On 3 May 2020, a large number of people staged a rally at Tikiapara of Howrah city against "
                          "the attack on police personnel by a mob that took place on April 28.", "2020-05-05")
    assert found[0]["date"] == "2020-05-03"


def test_a_claims_day_is_not_the_attacks(coder):
    found = events(coder, "The Islamic State group claimed responsibility on Wednesday for an attack on a checkpoint "
                          "of the Syrian Democratic Forces in Hajin, east of Deir ez-Zor. The claim said the attack "
                          "took place on Monday night.", "2024-11-13")
    assert found[0]["date"] == "2024-11-11"


def test_a_reaction_to_a_dated_attack_keeps_the_attacks_day(coder):
    found = events(coder, "The government on Monday condemned Saturday's attack in Kano that killed five people.",
                   "2024-10-22")
    assert found[0]["date"] == "2024-10-19"
