from wirecoder.article import Count


def counts(run_stages, text):
    article = run_stages(text, until="counts", published="2021-05-01")
    return [(c.kind, c.count) for c in article.counts]


def test_counts_plain_and_lower_bound(run_stages):
    found = counts(run_stages, "As a result, 13 people died and more than 45 people were injured.")
    assert found == [("fatalities", Count(13, 13, 13)), ("injured", Count(46, 46, None))]


def test_counts_participles_after_the_event(run_stages):
    found = counts(run_stages, "Gunmen attacked the village, killing 14 civilians and wounding at least six others.")
    assert found == [("fatalities", Count(14, 14, 14)), ("injured", Count(6, 6, None))]


def test_counts_vague_quantities_are_read_conservatively(run_stages):
    assert counts(run_stages, "Dozens of people were killed in the clashes.") == [("fatalities", Count(12, 12, None))]
    assert counts(run_stages, "Hundreds were wounded.") == [("injured", Count(100, 100, None))]


def test_counts_number_words_and_toll(run_stages):
    assert counts(run_stages, "The death toll rose to 27 on Friday.") == [("fatalities", Count(27, 27, 27))]
    assert counts(run_stages, "Three protesters were shot dead.") == [("fatalities", Count(3, 3, 3))]


def test_counts_ignore_ages_years_and_unrelated_numbers(run_stages):
    # the boy is one victim; 13 is his age, 2019 a year and 40 a number of houses
    assert counts(run_stages, "A 13-year-old boy was killed in 2019 when 40 houses burned.") == \
        [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "The army deployed 300 troops to the area.") == []


def test_counts_sides_are_summed_and_single_victims_counted(run_stages):
    assert counts(run_stages, "The clashes killed four soldiers and 31 militants.") == \
        [("fatalities", Count(35, 35, 35))]
    assert counts(run_stages, "A soldier and a rebel were killed in the fighting.") == [("fatalities", Count(2, 2, 2))]


def test_a_total_another_source_gives_is_never_added_to_a_count(run_stages):
    # two claims of one toll, not two groups of the dead: 21 and 19, never 40
    found = counts(run_stages, "The army said 21 rebels were killed, while civil society put the toll at 19.")
    assert found == [("fatalities", Count(21, 21, 21)), ("fatalities", Count(19, 19, 19))]


def test_counts_none_hurt_is_zero(run_stages):
    found = counts(run_stages, "A rocket hit the depot on Monday, but no casualties were reported.")
    assert ("fatalities", Count(0, 0, 0)) in found and ("injured", Count(0, 0, 0)) in found
    assert counts(run_stages, "Nobody was hurt in the blast.") == [("injured", Count(0, 0, 0))]


def test_counts_shot_dead_before_the_number(run_stages):
    found = counts(run_stages, "Police shot dead three protesters in Kisumu on Friday.")
    assert found == [("fatalities", Count(3, 3, 3))]


def test_counts_a_participle_between_the_number_and_its_people_is_no_clause_of_its_own(run_stages):
    # "suspected" qualifies the men: the number is who was shot dead, not the subject of a verb that follows
    assert counts(run_stages, "Police shot dead two suspected gang members in a raid in Tegucigalpa on Friday.") == \
        [("fatalities", Count(2, 2, 2))]
    assert counts(run_stages, "Soldiers killed four suspected militants near Bannu on Friday.") == \
        [("fatalities", Count(4, 4, 4))]


def test_counts_a_range_keeps_both_ends_and_takes_the_low_one(run_stages):
    assert counts(run_stages, "Between 20 and 30 people were killed in the raid on the market.") == \
        [("fatalities", Count(20, 20, 30))]
    assert counts(run_stages, "Gunmen opened fire on a bus, killing between 2 to 4 passengers.") == \
        [("fatalities", Count(2, 2, 4))]
    assert counts(run_stages, "The blast injured 7-10 people near the mosque.") == [("injured", Count(7, 7, 10))]


def test_counts_groups_told_in_one_clause_are_summed(run_stages):
    assert counts(run_stages, "Three Malian citizens and two Burkinabe citizens died in the incident.") == \
        [("fatalities", Count(5, 5, 5))]
    assert counts(run_stages, "After a long fight, six rebels and one soldier were killed near the camp.") == \
        [("fatalities", Count(7, 7, 7))]
    assert counts(run_stages, "The battle left 12 militia fighters and 4 military fatalities.") == \
        [("fatalities", Count(16, 16, 16))]


def test_counts_a_breakdown_is_not_added_to_its_toll(run_stages):
    assert counts(run_stages, "Raiders killed 9 people, including 4 women and 2 children, in the village.") == \
        [("fatalities", Count(9, 9, 9))]


def test_counts_number_words_with_hyphens(run_stages):
    assert counts(run_stages, "Insurgents killed thirty-two soldiers at the outpost.") == \
        [("fatalities", Count(32, 32, 32))]


def test_counts_people_killed_one_by_one(run_stages):
    assert counts(run_stages, "Militants shot and killed a village chief near his home.") == \
        [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "A trader was beaten to death by soldiers at the market.") == \
        [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "Gunmen assassinated a local councillor on Monday.") == [("fatalities", Count(1, 1, 1))]


def test_counts_one_victim_after_a_town_and_its_state(run_stages):
    # the parser takes the state for a second subject, or hangs the victim on it: the victim is still one person,
    # and the toll's words are the victim's and the verb's, not the whole sentence
    for text in ("On 7 May 2021, in Alagoinha, Pernambuco, a man was killed in a drive-by shooting.",
                 "On 5 May 2021, in Biguacu, Santa Catarina, a drug trafficker was killed after exchanging fire "
                 "with military police forces."):
        article = run_stages(text, until="counts", published="2021-05-10")
        assert [(c.kind, c.count) for c in article.counts] == [("fatalities", Count(1, 1, 1))]
        assert article.counts[0].span.text.endswith("was killed") and "Pernambuco" not in article.counts[0].span.text


def test_counts_the_dead_found(run_stages):
    assert counts(run_stages, "Around 4 May 2021, the bodies of 2 civilians with gunshot wounds were found on the "
                              "road between the two villages.") == [("fatalities", Count(2, 2, 2))]
    assert counts(run_stages, "The body of a man was found floating in the river with gunshot wounds.") == \
        [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "Around 27 April 2021, in Timoteo, Minas Gerais, a drug trafficker was found dead in a "
                              "park.") == [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "Police found 40 kilograms of cocaine in a truck.") == []


def test_counts_passive_verbs_of_one_subject(run_stages):
    assert counts(run_stages, "On 29 April 2021, 2 soldiers were shot and killed by militants in Herat.") == \
        [("fatalities", Count(2, 2, 2))]
    # the number is who did it, and a second verb with its own number is its own toll
    assert counts(run_stages, "Two militants shot and killed a civilian outside a mosque.") == \
        [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "Troops clashed with militants, killing 13 militants and injuring 5.") == \
        [("fatalities", Count(13, 13, 13)), ("injured", Count(5, 5, 5))]


def test_counts_a_tally_over_a_period_is_no_toll(run_stages):
    assert counts(run_stages, "More than 1,800 civilians have been killed so far this year, the mission said.") == []
    assert counts(run_stages, "Since January, 300 people were killed in the province.") == []


def test_counts_numbers_in_names_and_perpetrators_are_no_toll(run_stages):
    assert counts(run_stages, "Two armed men shot and killed a man in Zona 14 on Friday.") == \
        [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "A woman was killed in her home by several armed men.") == \
        [("fatalities", Count(1, 1, 1))]


def test_counts_other_outcomes_of_the_same_people_are_not_deaths(run_stages):
    assert counts(run_stages, "Five insurgents were killed and 3 were arrested during the operation.") == \
        [("fatalities", Count(5, 5, 5))]


def test_counts_a_note_that_says_how_it_was_coded(run_stages):
    found = counts(run_stages, "A landmine killed two herders. Fatalities coded as 0 (a local outlet reported 2).")
    assert found[-1] == ("fatalities", Count(0, 0, 0))
    assert counts(run_stages, "Gunmen killed a shopkeeper and his son. 2 fatalities.")[-1] == \
        ("fatalities", Count(2, 2, 2))


def test_counts_a_toll_told_as_it_changes_however_long_its_subject(run_stages):
    # the toll word is far from the number: the verb it rises by ties them
    assert counts(run_stages, "The death toll from Monday's suicide bombing at a mosque in the police lines of "
                              "Peshawar rose to 59 on Tuesday, a hospital spokesman said.") == \
        [("fatalities", Count(59, 59, 59))]
    assert counts(run_stages, "The number of people killed in Monday's bombing at a mosque in Peshawar has risen "
                              "to 100, officials said.") == [("fatalities", Count(100, 100, 100))]
    assert counts(run_stages, "The number of people wounded in the attack on the market has reached 40.") == \
        [("injured", Count(40, 40, 40))]
    # a number of things that rises is no toll
    assert counts(run_stages, "The number of schools closed in the region rose to 40.") == []


def test_counts_a_vague_number_of_things_is_no_toll(run_stages):
    """ "four herders and scores of cattle": the cattle are no people killed, and "scores" adds nothing."""
    found = counts(run_stages, "An air strike on Monday killed four herders and scores of cattle near the town.")
    assert found == [("fatalities", Count(4, 4, 4))]


def test_counts_a_breakdown_in_brackets_between_number_and_verb(run_stages):
    found = counts(run_stages, "On 12 March 2023, 6 villagers (3 men, 2 women and 1 boy) were killed when their "
                               "minibus struck a landmine.")
    assert found == [("fatalities", Count(6, 6, 6))]


def test_counts_people_spacy_takes_for_a_quantity(run_stages):
    """'2023, 1 TMF fighter': spaCy may tag '1 TMF' as a QUANTITY; a number of fighters is still a toll."""
    found = counts(run_stages, "On 14 March 2023, 1 TMF fighter was killed by snipers near Jalawla.")
    assert found == [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "The convoy stopped 5 km from the town.") == []


def test_counts_the_one_person_a_pronoun_stands_for(run_stages):
    found = counts(run_stages, "Snipers opened fire on a farmer near Hays, killing him.")
    assert found == [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "Gunmen stormed the house and killed her husband.") == [("fatalities", Count(1, 1, 1))]


def test_counts_the_death_an_act_led_to_not_the_death_behind_a_protest(run_stages):
    found = counts(run_stages, "Tribesmen clashed in the cattle market of Lodwar, leading to the death of a bystander.")
    assert found == [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "Nurses protested in Eldoret over the death of a colleague.") == []


def test_a_toll_that_names_its_act_is_that_acts(coder):
    """ "... to protest against the killing of villagers in Daffo, as the toll from Saturday night's attack rose to
    21": the 21 are the attack's dead, not the protest's."""
    record = coder.code("Angry youths blocked the road and set vehicles on fire in Mushere town on Sunday to protest "
                        "against the killing of villagers in Daffo, as the toll from Saturday night's attack rose to "
                        "21.", published="2026-05-18")
    tolls = {e["event_type"]: (e["fatalities"] or {}).get("best") for e in record["events"]}
    assert tolls.get("Riots") is None and 21 in tolls.values()
