"""A sentence that tells an act again by a definite noun ("The attack took place in ...") is the act told before,
with the place it gives. Sentences the project writes; real places, invented events."""


def current(coder, text, published):
    return [e for e in coder.code(text, published=published)["events"] if not e["background"]]


def test_a_retelling_by_a_definite_noun_gives_the_act_its_town(coder):
    found = current(coder, "Gunmen killed 12 villagers in central Mali, local officials said on Sunday. The attack "
                           "took place in Douentza late on Friday.", "2024-03-10")
    assert [(e["sub_event_type"], e["location"]["name"], e["date"], e["time_precision"], e["fatalities"]["best"])
            for e in found] == [("Attack", "Douentza", "2024-03-08", 1, 12)]


def test_an_attack_told_on_another_day_is_another_event(coder):
    found = current(coder, "Gunmen killed 12 villagers in central Mali on Friday, officials said. The attack on an "
                           "army post in Douentza on Sunday killed three soldiers.", "2024-03-11")
    assert [(e["date"], e["location"]["name"]) for e in found] == [("2024-03-08", "Mali"), ("2024-03-10", "Douentza")]
