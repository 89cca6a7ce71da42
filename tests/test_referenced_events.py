"""Events named by their day ("Monday's bombing") are reported, marked as referenced (stages/referenced_events.py).
Text written by the project."""
from wirecoder.lexicon import load_lexicon
from wirecoder.taxonomy import SUB_EVENT_TYPES


def current(coder, text, published):
    return [e for e in coder.code(text, published=published)["events"] if not e["background"]]


def test_a_toll_update_reports_the_bombing_it_names(coder):
    events = current(coder, "The number of people killed in Monday's bombing at a mosque in Peshawar has risen to "
                            "100, officials said on Wednesday.", "2023-02-01")
    assert len(events) == 1
    event = events[0]
    assert event["referenced"] is True
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["date"] == "2023-01-30" and event["time_precision"] == 1
    assert event["location"]["name"] == "Peshawar"
    trigger = next(e for e in event["evidence"] if e["field"] == "trigger")
    assert trigger["text"] == "bombing"


def test_a_bombing_named_by_its_weekend_is_reported_for_those_two_days(coder):
    # published on a Tuesday: "the weekend" is the Saturday and Sunday before, a news event as a day names one;
    # the day the burials took place, hung on the noun by the parser, is not the bombing's
    for text in ("The death toll from the weekend car bombing in Garowe rose to 14, officials said on Tuesday.",
                 "Residents of Garowe buried the last victims of the weekend car bombing on Tuesday.",
                 "The death toll from last weekend's car bombing in Garowe rose to 14, officials said on Tuesday."):
        events = [e for e in current(coder, text, "2026-04-07") if e["referenced"]]
        assert [(e["date"], e["date_end"], e["time_precision"]) for e in events] == [
            ("2026-04-04", "2026-04-05", 2)], text
    # a week is no day: "last week's bombing" stays unreported
    assert not current(coder, "The death toll from last week's car bombing in Garowe rose to 14.", "2026-04-07")


def test_a_strike_named_by_its_day_is_an_event_only_as_its_weapons(coder):
    events = current(coder, "The number of people killed in Tuesday's drone strike on the market in Peshawar has "
                            "risen to 14, officials said on Wednesday.", "2023-02-01")
    assert [(e["sub_event_type"], e["date"], e["referenced"]) for e in events] == [
        ("Air/drone strike", "2023-01-31", True)]
    # a strike with no weapon may be the workers' ("Tuesday's strike at the port")
    assert current(coder, "Dockers said on Wednesday that Tuesday's strike at the port in Peshawar would go on.",
                   "2023-02-01") == []


def test_a_reaction_to_a_dated_attack_reports_it(coder):
    events = current(coder, "The president on Saturday condemned Friday's attack in Munich and offered his "
                            "condolences.", "2016-07-23")
    assert [(e["date"], e["location"]["name"], e["referenced"]) for e in events] == [("2016-07-22", "Munich", True)]


def test_a_rule_trigger_keeps_its_sub_type(coder):
    events = current(coder, "Officials debated the budget after Monday's suicide bombing in Peshawar.", "2023-02-01")
    assert [(e["sub_event_type"], e["referenced"]) for e in events] == [("Suicide bomb", True)]


def test_an_undated_reference_reports_nothing(coder):
    assert current(coder, "The president on Saturday condemned the attack and offered his condolences.",
                   "2016-07-23") == []


def test_a_day_after_publication_names_no_event(coder):
    # "Friday's protest" in a Wednesday paper is still to come
    assert current(coder, "Organisers said on Wednesday that Friday's protest in Nairobi would go ahead.",
                   "2023-07-12") == []


def test_a_reported_event_is_not_referenced(coder):
    events = current(coder, "Gunmen attacked a police station in Arauca on Sunday, killing two officers.",
                     "2022-10-03")
    assert events and all(e["referenced"] is False for e in events)


def test_the_lexicon_names_acled_sub_types():
    nouns = load_lexicon("referenced_events").mapping("event_noun")
    assert nouns and set(nouns.values()) <= set(SUB_EVENT_TYPES)


def test_other_ways_to_tie_a_day_to_the_event(coder):
    for text, day in (("Republicans have focused on security since the attacks of Nov. 13 in Paris.", "2015-11-13"),
                      ("Sunday night's shooting in Orlando shocked the nation.", "2015-12-06"),
                      ("The Dec. 2 shooting in San Bernardino changed the race.", "2015-12-02")):
        events = current(coder, text, "2015-12-07")
        assert [(e["date"], e["referenced"]) for e in events] == [(day, True)], text


def test_a_period_names_no_event(coder):
    for text in ("Last year's attacks in Paris changed the debate.",
                 "The attacks of last month in Paris changed the debate."):
        assert current(coder, text, "2015-12-07") == [], text


def test_a_clause_that_dates_the_event_names_it(coder):
    text = ("The recording does not include a view of the shooting itself, which occurred Tuesday afternoon as the "
            "man was sitting in his parked vehicle outside his apartment in Charlotte.")
    events = current(coder, text, "2016-09-25")
    assert [(e["date"], e["location"]["name"], e["referenced"]) for e in events] == [("2016-09-20", "Charlotte", True)]
    assert current(coder, "The march, which happened last month in Charlotte, was peaceful.", "2016-09-25") == []


# What a reaction or an aftermath follows happened: on or before the day its sentence tells (time_precision 3).

def test_a_reaction_to_a_new_shooting_reports_it_on_or_before_its_day(coder):
    events = current(coder, "Candidates on Wednesday reacted to a mass shooting in Redlands, California, where "
                            "authorities reported at least 10 victims.", "2019-03-06")
    assert [(e["sub_event_type"], e["location"]["name"], e["date"], e["time_precision"], e["referenced"])
            for e in events] == [("Attack", "Redlands", "2019-03-06", 3, True)]


def test_an_aftermath_with_its_own_day_keeps_that_day(coder):
    events = current(coder, "After a bombing on Sunday in Kabul, officials met to discuss security.", "2019-03-06")
    assert [(e["location"]["name"], e["date"], e["time_precision"]) for e in events] == [("Kabul", "2019-03-03", 1)]


def test_what_follows_no_violence_or_old_news_reports_nothing(coder):
    for text in ("Shares fell after a cyber attack on a bank in London.",
                 "He was taken to hospital in Boston after a heart attack.",
                 "The senator spoke after an attack on Clinton by Trump in Ohio.",
                 "Protesters marched after the 2001 attacks in New York.",
                 "Candidates reacted to the shooting in Redlands.",  # "the": the headline must tell it is news
                 "Candidates reacted to a mass shooting."):  # no place: nothing to join
        assert not [e for e in current(coder, text, "2019-03-06") if e["referenced"]], text


def test_the_headline_makes_a_definite_aftermath_news(coder):
    text = ("Redlands struggles to return to normal after shooting\n\nREDLANDS - Nearly a week after the police "
            "shooting of a man here sparked protests, the city remains tense.")
    events = [e for e in current(coder, text, "2019-03-06") if e["referenced"]]
    assert [(e["location"]["name"], e["time_precision"]) for e in events] == [("Redlands", 3)]
    without = "REDLANDS - Nearly a week after the police shooting of a man here sparked protests, the city remains tense."
    assert not [e for e in current(coder, without, "2019-03-06") if e["referenced"]]


def test_the_title_an_article_comes_with_makes_a_definite_act_news(coder):
    # a feed's or a page's title is the headline when the text has none of its own
    text = ("Police have arrested two suspected gang members in connection with the killing of seven people in a "
            "pool hall in Choloma, the National Police said on Tuesday.")
    def referenced(**title):
        return [(e["sub_event_type"], e["location"]["name"], e["time_precision"])
                for e in coder.code(text, published="2025-08-12", **title)["events"]
                if e["referenced"] and not e["background"]]
    assert referenced(title="Police arrest two gang members over Choloma massacre") == [("Attack", "Choloma", 3)]
    assert referenced() == []


def test_the_acts_own_verb_dates_it(coder):
    # "carried out a mass shooting Dec. 2": the day hangs on the verb that does the act, in a clause about a debate
    events = current(coder, "Terrorism became a leading issue after a man and his wife carried out a mass shooting "
                            "Dec. 2 in Redlands, Calif., killing 14 people.", "2015-12-20")
    assert [(e["date"], e["time_precision"], e["location"]["name"]) for e in events if e["referenced"]] == [
        ("2015-12-02", 1, "Redlands")]
    # a reaction's day is not the act's
    assert not [e for e in current(coder, "The president condemned the attack on Sunday in Kidal.", "2015-12-22")
                if e["referenced"]]


def test_a_crowds_event_named_by_its_day_keeps_its_kind_whoever_the_sentence_blames(coder):
    events = current(coder, "The ministry said on Monday that members of an armed group had incited Saturday's riot "
                            "in Ocana, in which a police station was burned.", "2024-06-10")
    assert [(e["event_type"], e["date"]) for e in events if e["referenced"]] == [("Riots", "2024-06-08")]


def test_what_someone_is_blamed_for_happened_on_its_own_day(coder):
    events = current(coder, "Colombia's defence ministry blamed the Jaime front, a dissident faction of the former "
                            "rebels, for the abduction of two police officers on Sunday afternoon in the village of "
                            "Potrerito, in Jamundi.", "2024-04-15")
    assert [(e["sub_event_type"], e["date"]) for e in events] == [("Abduction/forced disappearance", "2024-04-14")]


def test_a_past_told_in_a_verbs_present_form_is_no_habit(coder):
    # "hit" is its own past: under "were killed" it tells what happened, not what happens
    events = current(coder, "Officials said eight civilians were killed when shells hit a market in Kherson on Sunday.",
                     "2023-07-17")
    assert [e["sub_event_type"] for e in events] == ["Shelling/artillery/missile attack"]


def test_people_killed_by_violence_are_news_in_any_article(coder):
    # the topic model reads a birthday party as no conflict news; gunmen opening fire and killing eight are
    events = current(coder, "Gunmen burst into a birthday party in the city of Fresnillo late on Saturday and opened "
                            "fire, killing eight people and wounding five, prosecutors said on Sunday.", "2023-02-26")
    assert [(e["event_type"], e["location"]["name"]) for e in events] == [("Violence against civilians", "Fresnillo")]


def test_who_is_blamed_for_an_act_is_its_actor1_not_who_blames(coder):
    events = current(coder, "Colombia's defence ministry blamed the Jaime front, a dissident faction of the former "
                            "FARC rebels, for the abduction of two police officers on Sunday afternoon in the village "
                            "of Potrerito, in Jamundi.", "2024-04-15")
    assert [e["actor1"]["kind"] for e in events if e["sub_event_type"] == "Abduction/forced disappearance"] == [
        "rebels"]


def test_a_reaction_dated_before_the_act_it_names_and_again_after_tells_the_acts_day(coder):
    text = ("The peacekeeping mission in Mali on Tuesday condemned the killing of six villagers by unidentified "
            "assailants near Ogossagou, in the Mopti region, on Sunday.")
    events = current(coder, text, "2025-02-25")
    assert [(e["sub_event_type"], e["date"], e["location"]["name"]) for e in events] == [
        ("Attack", "2025-02-23", "Ogossagou")]
    assert "mission" not in (events[0]["actor1"]["text"] or "")  # who condemns is not who killed


def test_a_reaction_with_one_day_keeps_it_the_reactions(coder):
    # one day "on" the verb may be the condemnation's: no act is dated by it
    events = current(coder, "The governor condemned the attack on a police station in Bannu on Saturday.",
                     "2025-02-25")
    assert all(e["date"] != "2025-02-22" or e["time_precision"] != 1 for e in events)


def test_an_event_named_by_its_day_lies_where_its_retelling_says_not_where_its_sentence_puts_others(coder):
    text = ("A court in Peshawar has issued arrest warrants for three men suspected of taking part in Monday's "
            "bombing that killed four police officers, officials said on Thursday.\n\nThe bomb exploded at a police "
            "checkpoint in Bannu as officers were searching vehicles.")
    events = current(coder, text, "2024-05-16")
    assert [(e["date"], e["location"]["name"]) for e in events] == [("2024-05-13", "Bannu")]


def test_an_event_named_by_its_day_keeps_the_place_of_its_own_phrase(coder):
    events = current(coder, "A court has issued warrants over Monday's bombing at a market in Bannu, officials in "
                            "Peshawar said.\n\nThe bomb exploded as shoppers crowded the stalls.", "2024-05-16")
    assert [(e["date"], e["location"]["name"]) for e in events][:1] == [("2024-05-13", "Bannu")]


def test_an_arrest_over_an_act_reports_the_act_and_who_arrests_did_not_do_it(coder):
    events = current(coder, "Three held over Quetta bus bombing\n\nPolice arrested three men over the bombing of a "
                            "bus in Quetta, officials said on Friday.\n", "2025-08-12")
    (act,) = [e for e in events if e["event_type"] != "Strategic developments"]
    assert act["referenced"] is True and act["sub_event_type"] == "Remote explosive/landmine/IED"
    assert act["location"]["name"] == "Quetta" and act["time_precision"] == 3 and act["date"] <= "2025-08-08"
    assert "Police" not in (act["actor1"] or {}).get("name", "")
    events = current(coder, "Police charged two men in connection with an attack on a church in Kaduna, a spokesman "
                            "said on Friday.", "2025-08-12")
    assert [(e["sub_event_type"], e["referenced"]) for e in events if e["event_type"] != "Strategic developments"] \
        == [("Attack", True)]
    events = current(coder, "Security forces have detained three people suspected of involvement in a bomb blast that "
                            "hit a minibus in Kunduz on Wednesday, the police said on Thursday.", "2024-02-22")
    (blast,) = [e for e in events if e["event_type"] != "Strategic developments"]
    assert blast["date"] == "2024-02-21" and blast["event_type"] == "Explosions/Remote violence"
    assert "Military" not in (blast["actor1"] or {}).get("name", "")  # who detains did not set it off
    # an arrest over an event of years ago reports no new one
    events = current(coder, "Police arrested a man over the 2015 bombing of a bus in Quetta on Friday.", "2025-08-12")
    assert all(e["event_type"] == "Strategic developments" for e in events)


def test_a_deed_someone_is_suspected_or_charged_of_names_the_act_and_its_day(coder):
    # the date hangs from the deed ("taking part ... on Saturday night"), and "night" is a time of that day
    events = current(coder, "The authorities said on Wednesday that they had arrested two men suspected of taking "
                            "part in the attack on a birthday party in Ciudad Obregón on Saturday night.",
                     "2026-10-07")
    (act,) = [e for e in events if e["event_type"] != "Strategic developments"]
    assert act["referenced"] is True and act["location"]["name"] == "Ciudad Obregón"
    assert act["date"] == "2026-10-03" and act["time_precision"] == 1
    events = current(coder, "Police arrested three men suspected of carrying out the bombing of a bus in Quetta on "
                            "Monday.", "2025-08-12")
    (act,) = [e for e in events if e["event_type"] != "Strategic developments"]
    assert act["date"] == "2025-08-11" and "Police" not in (act["actor1"] or {}).get("name", "")


def test_a_count_of_days_after_an_event_dates_it_and_its_sentence_places_it(coder):
    events = current(coder, "Authorities in Jharkhand's Hazaribagh district on Thursday extended the suspension of "
                            "mobile internet, two days after communal clashes during a procession left at least 15 "
                            "people injured.", "2023-10-26")
    (clash,) = [e for e in events if e["referenced"]]
    assert (clash["date"], clash["time_precision"]) == ("2023-10-24", 1)  # Thursday the 26th, less two days
    assert "Hazaribagh" in clash["location"]["text"]
    events = current(coder, "Protesters marched in Kabul on Friday, a day after a bombing at a school in the city.",
                     "2023-10-28")
    (bombing,) = [e for e in events if e["referenced"]]
    assert (bombing["date"], bombing["time_precision"]) == ("2023-10-26", 1)
    # a protest counted so is news too ("a demonstration of the product" is not counted in days)
    events = current(coder, "Police in Hyderabad registered a case against 150 people on Wednesday, a day after a "
                            "protest against new canals on the Indus turned violent.", "2026-03-25")
    (protest,) = [e for e in events if e["referenced"]]
    assert protest["event_type"] == "Protests" and (protest["date"], protest["time_precision"]) == ("2026-03-24", 1)
    assert "Hyderabad" in protest["location"]["text"]
    # hours after an attack told on an afternoon: the night before, maybe; on or before the day
    events = current(coder, "Gunmen abducted seven fishermen on Sunday afternoon, hours after an attack on an army post "
                            "in Kabul.", "2023-10-30")
    assert [(e["date"], e["time_precision"]) for e in events if e["referenced"]] == [("2023-10-29", 3)]


def test_violence_or_unrest_named_by_its_day_is_a_crowds_event(coder):
    """"Friday's violence in Feni town": the day names one outbreak, a crowd's; violence a day does not name is a
    topic ("violence against women had risen")."""
    events = current(coder, "Police have filed a case against 250 people over Friday's violence in Feni town, the "
                            "officer in charge said on Saturday.", "2025-10-25")
    assert [(e["event_type"], e["date"], e["location"]["name"], e["referenced"]) for e in events] == [
        ("Riots", "2025-10-24", "Feni", True)]
    events = current(coder, "The curfew was extended on Thursday after Monday's unrest in Hazaribagh.", "2025-10-25")
    assert [(e["event_type"], e["date"]) for e in events] == [("Riots", "2025-10-20")]
    assert current(coder, "Campaigners said on Tuesday that violence against women had risen in Kenya.",
                   "2025-10-25") == []


def test_a_claim_of_responsibility_for_an_attack_reports_it(coder):
    """"claimed responsibility for an attack on an army post in Sugapa": the attack is news, told as claimed;
    "for the attack" names one told elsewhere (no event of its own here)."""
    events = current(coder, "The Free Papua Army has claimed responsibility for an attack on an army post in Sugapa "
                            "on Monday.", "2025-04-08")
    assert [(e["event_type"], e["date"], e["location"]["name"]) for e in events] == [("Battles", "2025-04-07", "Sugapa")]
    assert current(coder, "The Free Papua Army has claimed responsibility for the attack.", "2025-04-08") == []


def test_a_rally_named_by_its_day_is_a_protest(coder):
    # an opinion piece that names the rally it is about only by its day and town
    events = current(coder, "Saturday's rally in Kragujevac should put that comforting story to rest.", "2026-03-17")
    assert [(e["sub_event_type"], e["date"], e["location"]["name"], e["referenced"]) for e in events] == [
        ("Peaceful protest", "2026-03-14", "Kragujevac", True)]
    events = current(coder, "Sunday's rally in Nairobi was the largest this year, organisers said.", "2023-07-12")
    assert [(e["sub_event_type"], e["date"]) for e in events] == [("Peaceful protest", "2023-07-09")]


def test_rioting_or_looting_named_by_its_day_is_the_riot_an_arrest_answers(coder):
    events = current(coder, "Police said on Tuesday they had arrested 41 people in connection with Saturday's rioting "
                            "and looting in Lae.", "2026-10-20")
    assert [(e["sub_event_type"], e["date"], e["location"]["name"]) for e in events] == [
        ("Violent demonstration", "2026-10-17", "Lae")]


def test_a_violent_noun_named_by_its_day_is_violence_whatever_the_sentence_develops(coder):
    """The sentence tells a mourning the government declared; "Thursday's attack on the market" is an attack."""
    events = current(coder, "Flags flew at half-mast across Niger on Sunday, the last of three days of national "
                            "mourning declared by the military government after Thursday's attack on the market in "
                            "Banibangou, in which at least 21 civilians were killed.", "2024-06-16")
    assert [(e["sub_event_type"], e["date"], e["referenced"]) for e in events] == [("Attack", "2024-06-13", True)]


def test_an_event_noun_a_sentence_says_something_was_is_named_by_the_day_in_its_phrase(coder):
    """A round-up's item: "The largest incident of the week was the abduction of ... before dawn on Sunday"."""
    events = current(coder, "The largest single incident of the week was the abduction of residents of Yankuzo "
                            "village in Tsafe LGA before dawn on Sunday 10 March.", "2024-03-14")
    assert [(e["sub_event_type"], e["date"], e["location"]["name"]) for e in events] == [
        ("Abduction/forced disappearance", "2024-03-10", "Yankuzo")]


def test_a_day_the_parser_hangs_on_the_copula_names_the_event_noun_it_says_something_was(coder):
    # "..., and of the year so far in northern Afghanistan, was the suicide bombing ... on Thursday": the parser hangs
    # the day on "was", which tells no act of its own; a telling's day ("the police said on Thursday") names nothing
    events = current(coder, "The deadliest attack of the week, and of the year so far in northern Afghanistan, was the "
                            "suicide bombing outside the passport office in Kabul on Thursday.", "2026-06-22")
    assert [(e["sub_event_type"], e["date"]) for e in events] == [("Suicide bomb", "2026-06-18")]
    assert current(coder, "The deadliest attack of the week was the suicide bombing in Kabul, the police said on "
                          "Thursday.", "2026-06-22") == []


def test_a_clause_on_a_day_tells_an_act_of_that_day(coder):
    # "took place on Saturday 10 October, when settlers attacked families": the clause hangs on the day; the whole
    # sentence reads as no event to the detector ("The most serious incident of the week took place ...")
    events = current(coder, "The most serious incident of the week took place on Saturday 10 October, when settlers "
                            "attacked families harvesting olives near Nablus.", "2026-10-14")
    assert [(e["sub_event_type"], e["date"]) for e in events] == [("Attack", "2026-10-10")]


def test_who_was_killed_in_the_act_on_a_day_dates_the_act(coder):
    # "22 people were killed in the attack last Wednesday": the detector reads "the attack" as told before; in a
    # funeral story that tells it nowhere else, the day of the killing is the attack's
    events = current(coder, "Local leaders in Beni, North Kivu, say 22 people were killed in the attack last Wednesday, "
                            "including five women.", "2024-09-01")
    assert [(e["date"], e["location"]["name"], e["referenced"]) for e in events] == [
        ("2024-08-28", "Beni", True)]
    # a death the attack caused later, on a day of its own, does not date the attack
    assert current(coder, "Three soldiers died in hospital in Beni on Friday of wounds they suffered in the "
                          "attack.", "2024-09-01") == []


def test_a_gunfight_named_by_its_day_is_a_clash(coder):
    # "gunfight", "shootout", "firefight", "skirmish", "gun battle": nouns of an armed clash a day may name
    events = current(coder, "The gunfight in Sumisip on Tuesday, in which at least eight people were killed, was "
                            "described by the army as an encounter with lawless elements.", "2025-10-31")
    assert [(e["sub_event_type"], e["date"], e["referenced"]) for e in events] == [
        ("Armed clash", "2025-10-28", True)]


def test_a_day_told_after_the_noun_in_a_subject_is_the_nouns_when_the_verb_has_its_own(coder):
    # the parser hangs "on Monday" on the verb, or on the survivors; the verb's day is Wednesday
    events = current(coder, "Survivors of the RSF attack on the village on Monday began arriving in the town of "
                            "Dinder on Wednesday.", "2024-09-18")
    acts = [(e["date"], e["time_precision"]) for e in events if e["event_type"] != "Protests"]
    assert acts[:1] == [("2024-09-16", 1)]
    # a day before the verb with none after it is the verb's: nothing names the attack by its day
    told = current(coder, "Survivors of the attack on the village on Monday began arriving in Dinder.", "2024-09-18")
    assert not any(e["date"] == "2024-09-16" and "attack" in [v["text"] for v in e["evidence"]] for e in told)


def test_an_act_a_claim_names_happened_on_or_before_the_claims_day(coder):
    for text in ("Islamic State on Friday claimed a suicide bombing at a passport office in Pul-e Khumri.",
                 "Al-Shabaab on Friday claimed responsibility for an attack on a police post in Baidoa."):
        event = current(coder, text, "2026-06-19")[0]
        assert (event["date"], event["time_precision"]) == ("2026-06-19", 3)  # the claim's Friday, not the act's


def test_a_bare_strike_people_were_killed_in_is_an_act_of_violence(coder):
    events = current(coder, "Relatives of the people killed in Tuesday's Israeli strike in Nabatieh said on Wednesday "
                            "that the building hit was a family home and that none of the dead belonged to Hezbollah, as "
                            "the toll rose to four.", "2026-07-29")
    assert [(e["sub_event_type"], e["date"]) for e in events][:1] == [("Air/drone strike", "2026-07-28")]
    # no workers' strike kills: one that only has a day is no violence
    assert not current(coder, "Workers joined Tuesday's strike in Lagos to demand higher wages.", "2026-07-29")


def test_a_weapon_a_clause_says_did_harm_on_a_day_is_the_act(coder):
    # the arrest's sentence names the bombing only by its bomb: the bomb's clause tells the act, its day and place
    events = current(coder, "Police and soldiers arrested a man suspected of planting the bomb that killed two "
                            "people and wounded 11 at the Datu Piang public market on Wednesday, the regional police "
                            "office said on Friday.", "2025-12-12")
    bombing = [e for e in events if e["event_type"] == "Explosions/Remote violence"]
    assert [(e["sub_event_type"], e["date"], e["location"]["name"]) for e in bombing] == [
        ("Remote explosive/landmine/IED", "2025-12-10", "Datu Piang")]
    assert "Police" not in ((bombing[0]["actor1"] or {}).get("name") or "")  # who arrests did not plant it
    # a weapon with no act of its own is a thing, not an event
    assert not [e for e in current(coder, "Police said on Friday they had found a bomb in a bag at the Datu Piang "
                                          "public market on Wednesday.", "2025-12-12")
                if e["event_type"] == "Explosions/Remote violence"]


def test_an_event_noun_a_verb_says_occurred_on_a_day_is_the_act(coder):
    events = current(coder, "The blast, caused by an improvised device made from a mortar round, occurred on "
                            "Wednesday morning as vendors and shoppers crowded the market in Datu Piang. A fish vendor "
                            "and a tricycle driver were killed.", "2025-12-12")
    assert [(e["sub_event_type"], e["date"]) for e in events] == [("Remote explosive/landmine/IED", "2025-12-10")]


def test_a_crowds_attack_or_stone_throwing_named_by_its_day_is_mob_violence(coder):
    """ "Saturday's mob attack on the police station", "Sunday evening's stone-pelting": the crowd's act, not an
    armed group's attack on civilians."""
    for text in ("The state government imposed a curfew in Kapoeta town following Saturday's mob attack on the "
                 "police station, in which a suspect was killed.",
                 "Police have arrested 41 people in connection with Sunday evening's stone-pelting in Malegaon, the "
                 "superintendent said on Tuesday."):
        events = current(coder, text, "2024-07-02")
        assert "Mob violence" in {e["sub_event_type"] for e in events if e["referenced"]}


def test_whom_the_sentence_accuses_of_it_did_the_act(coder):
    """ "... were killed in the attack on Bankass on Sunday and accused fighters of JNIM of carrying it out": the
    accused party is the attack's actor1, not its target, and an attack that killed people is on civilians."""
    for text in ("A youth association said on Tuesday that 20 people were killed in the attack on Bankass on Sunday "
                 "and accused fighters of JNIM of carrying it out.",
                 "A youth association said on Tuesday that 20 people were killed in the attack on Bankass on Sunday "
                 "and blamed JNIM fighters for it."):
        [event] = current(coder, text, "2024-07-02")
        assert event["actor1"]["name"].startswith("JNIM")
        assert event["sub_event_type"] == "Attack" and event["actor2"]["name"] == "Civilians (Mali)"
    # accused of something else than doing it: the army did not kill the villagers
    [event] = current(coder, "Gunmen killed five villagers in Bankass on Sunday, and the governor accused the army of "
                             "failing to protect them.", "2024-07-02")
    assert not event["actor1"]["name"].startswith("Military Forces")


def test_an_attack_named_by_its_day_is_typed_by_its_weapon(coder):
    # "Monday's bomb attack": the weapon before the noun types the act, as the trigger rules type "a bomb attack"
    # told as news; the device the second clause says was set off is that act, not a second one
    for text, sub in (
            ("A third policeman has died of wounds from Monday's bomb attack on a patrol in Sungai Kolok, hospital "
             "officials said on Wednesday.", "Remote explosive/landmine/IED"),
            ("Investigators of Monday's bomb attack on a patrol in Sungai Kolok believe the device had been buried "
             "days before it was detonated, an officer said on Wednesday.", "Remote explosive/landmine/IED"),
            ("Security officials investigating Monday's bomb attack on a patrol in Bossaso said on Wednesday that "
             "the device was set off by a mobile phone.", "Remote explosive/landmine/IED")):
        events = current(coder, text, "2026-03-04")
        assert [(e["sub_event_type"], e["date"], e["referenced"]) for e in events] == [
            (sub, "2026-03-02", True)], text
