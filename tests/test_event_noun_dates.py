"""The day an event told by a noun happened: the date in the noun's own phrase, not the sentence's; and a claim's
or a reaction's day is the telling's, not the act's. Texts written for these tests."""
import pytest


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


def test_a_claim_of_an_act_dated_after_its_noun_dates_the_act(coder):
    """ "calling itself X" only names the group; the day after "the abduction of ... in Kumbo" is the abduction's."""
    found = events(coder, "An armed separatist group calling itself the Hill Warriors has claimed the abduction of "
                          "four teachers in Kumbo on Thursday and released one of them on Friday evening, relatives "
                          "said.", "2024-09-07")
    assert found[0]["sub_event_type"] == "Abduction/forced disappearance"
    assert found[0]["date"] == "2024-09-05"


def test_denying_who_fired_the_shells_that_killed_is_no_denial_of_the_killing(coder):
    found = events(coder, "The rebel movement on Monday denied firing the shells that killed civilians in Taiz on "
                          "Saturday, saying the rounds were fired by government forces.", "2022-12-05")
    assert [(e["sub_event_type"], e["date"]) for e in found] == [("Shelling/artillery/missile attack", "2022-12-03")]
    assert events(coder, "The army denied shelling the village on Saturday.", "2022-12-05") == []


def test_an_event_named_by_its_day_is_where_the_article_told_it_first(coder):
    text = ("The governor of Iraq's Qadisiyah province on Thursday dismissed the head of the electricity directorate, "
            "two days after protests over power cuts in the provincial capital Diwaniya were dispersed by security "
            "forces.\n\n"
            "The governor said the official had failed to apply a fair schedule of supply between districts.\n\n"
            "Six protesters and four policemen were injured in Tuesday's protest, in which security forces used tear "
            "gas to disperse crowds.")
    protest = next(e for e in events(coder, text, "2024-07-25") if e["referenced"])
    assert protest["location"]["name"] in ("Diwaniya", "Al Diwaniyah")
    assert protest["date"] == "2024-07-23"


def test_a_state_named_with_its_kind_word_is_that_states(coder):
    record = coder.code("Gunmen killed 14 people in Kwall, a village in Plateau State, on Monday.",
                        published="2024-04-08")
    assert [p["country"] for p in record["places"] if p["text"] == "Plateau State"] == ["NG"]


def test_the_shelling_of_a_town_names_the_town(coder):
    found = events(coder, "A third person has died from wounds suffered in Wednesday's Russian shelling of Nikopol, "
                          "regional officials said on Thursday, as Moscow said it had struck positions on the right "
                          "bank of the Dnipro.", "2025-01-09")
    assert found[0]["location"]["name"] == "Nikopol"


def test_a_groups_name_is_no_place(coder):
    record = coder.code("The attackers, believed to belong to a Boko Haram faction based on the islands of the lake, "
                        "arrived by boat shortly before midnight and stormed the army post in Ngouboua, Chad.",
                        published="2025-03-16")
    assert "Boko" not in [p["text"] for p in record["places"]]


def test_an_event_with_no_place_near_it_is_at_the_one_place_the_article_names(coder):
    text = ("Teachers of non-government schools formed a human chain in front of the city's press club on Thursday, "
            "demanding the nationalisation of their jobs.\n\n"
            "About 500 teachers from Rajshahi city and the surrounding areas took part, the organisers said.")
    found = events(coder, text, "2025-09-18")
    assert found[0]["location"]["name"] == "Rajshahi"
    assert found[0]["location"]["geo_precision"] == 3  # the story's place, not a spot the sentence names


def test_a_claim_of_responsibility_reports_the_act_of_the_day_after_it(coder):
    found = events(coder, "A separatist armed group has claimed responsibility for the abduction of a deputy mayor and "
                          "three council workers in Batibo on Tuesday.", "2025-04-24")
    assert [(e["sub_event_type"], e["date"], e["referenced"]) for e in found] == [
        ("Abduction/forced disappearance", "2025-04-22", True)]
    # a day before the act is the claim's: the act's own day is untold, so the act is no event of that day (only a
    # past act the article names, on or before it: background, docs/record.md)
    named = events(coder, "The group claimed responsibility on Tuesday for the abduction of a deputy mayor in Batibo.",
                   "2025-04-24")
    assert all(e["background"] and e["time_precision"] == 3 for e in named)


def test_an_act_told_in_a_clause_a_count_of_days_puts_after_is_that_many_days_before(coder):
    found = events(coder, "The city council on Wednesday defended its plan to move street vendors out of Eldoret, a day "
                          "after police used tear gas to break up a protest by the vendors.", "2026-02-05")
    current = [e for e in found if not e["background"]]
    assert [(e["event_type"], e["date"], e["time_precision"]) for e in current] == [("Protests", "2026-02-03", 1)]
    # a clause that dates its own act keeps that day
    found = events(coder, "The city council on Wednesday defended its plan to move street vendors out of Eldoret, two "
                          "days after police used tear gas to break up a protest by the vendors on Monday.", "2026-02-05")
    assert [e["date"] for e in found if not e["background"]] == ["2026-02-02"]


def test_an_act_a_count_of_days_puts_before_an_arrest_is_news_the_arrest_does_not_hide(coder):
    """The detector reads the sentence as the arrest; the attack its clause counts two days back is news too,
    where the sentence says; with no place in the sentence it joins nothing and is left."""
    found = events(coder, "Police arrested three men in Lagos on Friday, two days after gunmen attacked a bus station "
                          "in the city.", "2026-03-27")
    violent = [e for e in found if e["event_type"] in ("Battles", "Violence against civilians")]
    assert [(e["date"], e["time_precision"], e["location"]["name"]) for e in violent] == [("2026-03-25", 1, "Lagos")]
    found = events(coder, "Police arrested three men on Friday, two days after gunmen attacked a bus station.",
                   "2026-03-27")
    assert not [e for e in found if e["event_type"] in ("Battles", "Violence against civilians")]


def test_what_a_speaker_called_an_event_names_it_and_it_happened(coder):
    """ "injured during what it called a 'violent rally'": the calling gives the rally a name, it calls for nothing;
    "the opposition called a rally for Monday" calls for one that has not happened."""
    found = events(coder, "The interior ministry said on Sunday that nine police officers were injured during what it "
                          "called a \"violent rally\" in front of the regional government building in Kutaisi on "
                          "Saturday evening, and that 31 people had been detained.", "2026-11-08")
    assert [e["date"] for e in found] == ["2026-11-07"]
    assert not events(coder, "The opposition called a rally in Kutaisi for Monday.", "2026-11-08")


def test_a_date_told_paragraphs_later_does_not_date_an_undated_event_named_before_it(coder):
    """The shooting is named with no day; "this spring" dates a rally four paragraphs on, not the shooting, which
    keeps the month up to the day it is told of."""
    text = ("Much of the debate in the state legislature turned to the shooting that killed four people at a bakery "
            "in Fairview, Ohio, and to what the state could do about it.\n\n"
            "The speaker said the budget would be the first item of business, followed by a bill on school funding."
            "\n\nSeveral members asked for more time to read the proposals, which run to hundreds of pages.\n\n"
            "Leaders said the session could run longer than planned.\n\n"
            "At a rally in Toledo this spring, his wife described the governor as \"kind\" with a \"big heart.\"")
    [shooting] = [e for e in events(coder, text, "2024-07-18") if e["sub_event_type"] == "Attack"]
    assert (shooting["date"], shooting["date_end"]) == ("2024-06-18", "2024-07-18")


def test_a_date_told_in_the_next_sentence_still_dates_an_undated_opening(coder):
    found = events(coder, "Gunmen attacked a village near Kafanchan, killing six people. The attack happened on "
                          "Sunday night, residents said.", "2024-03-12")
    assert found[0]["date"] == "2024-03-10"


def test_an_inquiry_ordered_into_an_act_tells_no_act_of_its_day_but_a_demand_for_one_is_a_protest(coder):
    found = events(coder, "The provincial government on Thursday ordered a judicial inquiry into the police action "
                          "against a march in Hyderabad, Pakistan, on Tuesday.", "2026-03-27")
    assert not [e for e in found if e["date"] == "2026-03-26" and e["event_type"] != "Strategic developments"]
    found = events(coder, "On 7 May 2020, in Joao Pessoa, Paraiba, residents of a housing unit blocked roads to demand "
                          "the investigation of a murder that took place in the unit.", "2020-05-08")
    assert [e["event_type"] for e in found if not e["background"]][:1] == ["Protests"]


def test_an_act_whose_sentence_dates_only_a_statement_takes_the_day_told_before(coder):
    text = ("Gunmen opened fire on a family party in Salvatierra late on Saturday, killing eight people, the state "
            "prosecutor's office said. The attackers arrived in two vehicles at a house in the community of Urireo "
            "and fired at the guests before fleeing, the prosecutor's office said in a statement on Sunday.")
    found = events(coder, text, "2026-06-28")
    assert found and all(e["date"] == "2026-06-27" for e in found)


def test_an_act_whose_toll_a_sentence_updates_happened_on_or_before_the_update(coder):
    found = events(coder, "The number of people killed in an armed attack on a birthday party in Urireo, Salvatierra "
                          "municipality, rose to 11 on Monday after three of the wounded died in hospital.",
                   "2026-06-29")
    assert [(e["date"], e["time_precision"], e["referenced"]) for e in found] == [("2026-06-29", 3, True)]


def test_a_nouns_own_relative_clause_dates_it(coder):
    """The funerals are on Monday; "that hit an apartment building ... early on Saturday" tells the attack's own day."""
    found = events(coder, "Hundreds of residents of Kryvyi Rih gathered on Monday for the funerals of victims of the "
                          "Russian drone attack that hit an apartment building in the city early on Saturday.",
                   "2025-10-06")
    assert [(e["sub_event_type"], e["date"], e["referenced"]) for e in found] == [
        ("Air/drone strike", "2025-10-04", True)]


@pytest.mark.parametrize("clause", ["that shook the town on Monday", "that erupted in the town on Monday"])
def test_a_relative_clause_that_tells_how_the_act_shook_the_town_dates_it(coder, clause):
    """ "The fighting that shook Gharyan on Monday lasted nine hours": the relative clause gives the fighting's day,
    though the sentence, an analysis's, reads as little news to the detector."""
    found = events(coder, f"Analysis: why the armed groups of Zawiya keep fighting\n\nThe fighting {clause} "
                          "lasted about nine hours and ended, as such clashes usually do in western Libya, with elders "
                          "brokering a ceasefire between the two groups.", "2026-07-24")
    assert ("Armed clash", "2026-07-20", True) in [(e["sub_event_type"], e["date"], e["referenced"]) for e in found]


def test_a_time_told_against_the_act_before_takes_its_day(coder):
    """ "The same night" and "Hours later" are the night and day of the act told before, not of the last date named
    (a death on Sunday, a ceasefire in November 2024)."""
    found = events(coder, "Drones hit an apartment block in Kryvyi Rih early on Saturday, killing four. A woman died "
                          "of her wounds on Sunday evening, bringing the death toll to seven. The same night, drones "
                          "struck a farm near Apostolove, wounding two workers.", "2025-10-06")
    assert [(e["location"]["name"], e["date"]) for e in found] == [
        ("Kryvyy Rih", "2025-10-04"), ("Apostolove", "2025-10-04")]
    found = events(coder, "An Israeli drone strike on a car in Bint Jbeil on Tuesday morning killed one man. The "
                          "town was damaged in fighting that ended with a ceasefire in November 2024. Hours later, an "
                          "Israeli strike hit a house in Kfar Roummane, killing two people.", "2025-05-28")
    assert [(e["date"], e["background"]) for e in found] == [("2025-05-27", False), ("2025-05-27", False)]


def test_the_next_sentence_dates_an_act_its_lead_dates_only_by_the_telling(coder):
    """The lead's only day is the officials' telling; the next sentence tells the act early on Tuesday (one act: the
    lead placed it only at the country)."""
    found = events(coder, "A civilian wounded in a drone attack by armed dissidents on an army base in southwestern "
                          "Colombia has died, bringing the toll from the assault to three, the army and local "
                          "officials said on Wednesday. Two soldiers were killed and seven wounded when explosives "
                          "were dropped by drones on the base in El Plateado, in Cauca province, early on Tuesday.",
                   "2026-08-19")
    assert found and all(e["date"] == "2026-08-18" for e in found)
    found = events(coder, "Gunmen killed five villagers in Ndop, police said on Wednesday. Separately, soldiers "
                          "clashed with fighters in Bamenda on Monday.", "2025-01-29")
    assert found[0]["location"]["name"] == "Ndop" and found[0]["date"] == "2025-01-29"


def test_a_claims_day_before_the_act_it_claims_is_the_claims(coder):
    """The trigger is the claiming verb itself: Monday dates the claim (only told), and the next sentence the act."""
    found = events(coder, "Al-Shabaab militants claimed responsibility on Monday for a suicide car bombing in the "
                          "central Somali town of Beledweyne that killed at least 12 people. The bomb exploded on "
                          "Sunday at a checkpoint near a hotel, a police commander said.", "2026-04-06")
    assert [e["date"] for e in found] == ["2026-04-05", "2026-04-05"]
    alone = events(coder, "Al-Shabaab militants claimed responsibility on Monday for a suicide car bombing in the "
                          "central Somali town of Beledweyne that killed at least 12 people.", "2026-04-06")
    assert [(e["date"], e["time_precision"]) for e in alone] == [("2026-04-06", 2)]


def test_a_day_after_the_noun_an_account_is_given_of_is_the_acts(coder):
    # the account's day stands before the noun; the act's after it, however the parser hangs it
    found = events(coder, "The army on Thursday gave details of a clash in Paryan district on Monday.", "2024-08-22")
    assert found[0]["date"] == "2024-08-19"
    found = events(coder, "Taliban officials on Thursday played down a clash in the Panjshir valley earlier this "
                          "week, saying a small group of armed men attacked a checkpoint.", "2024-08-22")
    assert found[0]["date"] != "2024-08-22" and found[0]["time_precision"] == 2


def test_an_act_named_by_its_weekend_happened_whatever_the_sentence_denies_of_it(coder):
    # published on a Wednesday: "at the weekend" / "over the weekend" are the Saturday and Sunday before; the main
    # verb's "not" denies what the clashes will do, not that they took place
    for text in ("The clashes around Dinsor at the weekend, with both sides claiming the wells, will not change "
                 "the balance of the war in the south.",
                 "The clashes around Dinsor over the weekend did not change the balance of the war in the south."):
        found = [e for e in events(coder, text, "2026-03-18") if not e["background"]]
        assert [(e["sub_event_type"], e["date"], e["date_end"], e["location"]["name"]) for e in found] == [
            ("Armed clash", "2026-03-14", "2026-03-15", "Diinsoor")], text
    # the text saying the act did not take place denies it
    assert not [e for e in events(coder, "The clashes around Dinsor at the weekend did not take place, the "
                                         "governor said.", "2026-03-18") if not e["background"]]


@pytest.mark.parametrize("text,day", [
    ("The court in Chiatura on Thursday fined eleven of the miners held after Wednesday's road blockade 2,000 lari "
     "each.", "2026-03-18"),
    ("Eleven miners who took part in Wednesday's blockade of the Chiatura road were fined by a court on Thursday.",
     "2026-03-18"),
    ("The court in Chiatura on Thursday fined nine miners who joined Monday's walkout at the mine.", "2026-03-16"),
])
def test_a_blockade_or_a_walkout_named_by_its_day_is_a_protest_of_that_day(coder, text, day):
    # published on a Thursday: the court's fines are news of the day, the protest they punish is told by its day
    found = [e for e in events(coder, text, "2026-03-19") if not e["background"]]
    assert ("Peaceful protest", day, "Chiatura") in [
        (e["sub_event_type"], e["date"], e["location"]["name"]) for e in found], text
