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


def test_a_retelling_with_no_event_of_its_own_still_places_the_act(coder):
    # "the killings" and "the massacre" make no event of their own here; their sentences say where the act was
    for retold, town in (("The killings took place in Douentza.", "Douentza"),
                         ("The massacre happened in the village of Boni, near Douentza.", "Boni")):
        found = current(coder, f"Gunmen killed 12 villagers in central Mali on Friday, officials said. {retold}",
                        "2024-03-10")
        assert [(e["location"]["name"], e["date"]) for e in found] == [(town, "2024-03-08")]


def test_a_town_outside_the_area_told_first_does_not_place_the_act(coder):
    found = current(coder, "Gunmen killed 12 villagers in the Mopti region on Friday, officials said. The killings "
                           "were condemned in Bamako on Saturday.", "2024-03-10")
    assert [e["location"]["name"] for e in found] == ["Mopti"]


def test_a_retelling_places_an_act_its_lead_placed_only_by_a_town_around_it(coder):
    """The lead names only "northern Bangladesh"; Dhaka is the dateline's and a distance's reference point: the
    clash the next sentence retells at Bogura is the act, there."""
    found = current(coder, "DHAKA, Dec 7 (Tidemark News Service) - One person was killed and dozens injured in "
                           "northern Bangladesh when supporters of the Bangladesh Nationalist Party and the Islamist "
                           "Jamaat-e-Islami fought in the streets, police said on Sunday. The clash took place on "
                           "Saturday in the town of Bogura, about 200 km north of Dhaka, after a dispute over campaign "
                           "banners, police said.", "2025-12-07")
    assert [(e["event_type"], e["location"]["name"], e["date"]) for e in found] == [("Battles", "Bogra", "2025-12-06")]


def test_violence_placed_only_at_the_country_is_the_act_told_at_a_town_that_day(coder):
    """"Militants clashed with soldiers in Burkina Faso" and the roadside bomb near Djibo that day are one act."""
    found = current(coder, "Militants clashed with soldiers in Burkina Faso on Sunday, the army said on Monday. A "
                           "roadside bomb struck an army convoy near Djibo on Sunday, killing 12 soldiers.",
                    "2024-06-17")
    assert [(e["sub_event_type"], e["location"]["name"]) for e in found] == [
        ("Remote explosive/landmine/IED", "Djibo")]


def test_an_act_named_by_its_day_is_at_the_village_told_before_not_its_host(coder):
    # the village is a name the gazetteer lacks, placed within the town it is told by ("southern Kaduna"): the raid
    # the article tells first there lies at the village, not at the town that hosts it (which the gazetteer knows,
    # at a finer precision than a place it lacks)
    found = current(coder, "Eight of the traders kidnapped from a market in Ungwan Dodo, southern Kaduna, escaped "
                           "from their captors on Monday night and walked to a military checkpoint, a community "
                           "leader said on Tuesday.\n\nThe escapees, five women and three boys, were taken to a "
                           "hospital in Kafanchan for treatment, the leader said. They told relatives the kidnappers "
                           "had moved the group through the forest for two nights.\n\nSearchers also recovered the "
                           "body of a young man near a stream about three kilometres from the market, bringing to two "
                           "the number of people killed in Sunday's raid.", "2026-02-10")
    raid = next(e for e in found if e["date"] == "2026-02-08")
    assert raid["location"]["name"] == "Ungwan Dodo"


def test_the_next_sentence_that_tells_the_acts_day_places_it(coder):
    """The lead places the clash only in the country and dates it by the weekend; the next sentence tells, in words
    no rule reads as an act, what a unit did on the Saturday in a town of that country: the act is there. A sentence
    of another day places nothing."""
    lead = ("Communist guerrillas in the southern Philippines said on Monday that three soldiers were killed in a "
            "clash with their fighters at the weekend.")
    found = current(coder, f"{lead} A rebel statement said its unit had \"punished\" an army platoon that entered a "
                           "farming community in the mountains of Marihatag town, Surigao del Sur province, on "
                           "Saturday.", "2025-04-28")
    assert [(e["sub_event_type"], e["location"]["name"]) for e in found] == [("Armed clash", "Marihatag")]
    found = current(coder, f"{lead} A rebel statement said its unit had \"punished\" an army platoon that entered a "
                           "farming community in the mountains of Marihatag town, Surigao del Sur province, in "
                           "March.", "2025-04-28")
    assert [e["location"]["name"] for e in found if e["sub_event_type"] == "Armed clash"] == ["Philippines"]
