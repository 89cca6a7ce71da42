"""A follow-up report names the incident it follows: its day counted back from the telling's ("a day after"), not a
deadline ("by Thursday"); its place the sentence's town, not the ends of a road; and a past event named twice in
one article is one event. Sentences the project writes; real places, invented events."""
import pytest


def current(coder, text, published):
    return [e for e in coder.code(text, published=published)["events"] if not e["background"]]


def crowds(coder, text, published):
    return [e for e in current(coder, text, published) if e["event_type"] in ("Riots", "Protests")]


def test_a_day_after_an_event_told_by_its_clause_is_a_followed_event_a_day_before(run_stages):
    """ "a day after clashes ... left dozens injured": the parser hangs "a day" on the clause's verb, not on
    "after"; the count still says the clashes are news of the day before."""
    article = run_stages("Officials closed the state university in Rajshahi indefinitely on Thursday evening, a day "
                         "after clashes between students and police left many injured.", until="referenced_events",
                         published="2026-04-24")
    clashes = [m for m in article.mentions if article.text[m.trigger.start:m.trigger.end] == "clashes"]
    assert clashes and clashes[0].referenced and clashes[0].days_before == 1


def test_a_deadline_dates_nothing_that_happened(coder):
    events = current(coder, "Officials closed the state university in Rajshahi indefinitely on Thursday evening and "
                            "told students to leave the halls by Friday noon, a day after clashes between students "
                            "and police left many injured.", "2026-04-24")
    assert events and all(e["date"] == "2026-04-22" for e in events)


def test_the_towns_a_road_is_named_after_are_not_where_a_clash_on_it_was(coder):
    events = current(coder, "Officials shut a college in Sirajganj on Wednesday, a day after clashes between students "
                            "and police on the Dhaka-Rangpur highway left dozens hurt.", "2026-04-23")
    assert events and all(e["location"]["name"] == "Sirajganj" for e in events)


def test_a_past_riot_named_twice_is_one_event(coder):
    text = ("Officials closed the state university in Rajshahi indefinitely on Thursday evening, a day after clashes "
            "between students and police on the Dhaka-Dinajpur highway left many injured. Police have filed cases "
            "against 200 students over Wednesday's violence.")
    assert len(crowds(coder, text, "2026-04-24")) == 1


def test_a_sentence_with_no_place_takes_the_town_before_not_a_road_named_there(coder):
    text = ("Officials shut a college in Sirajganj on Wednesday, a day after clashes between students and police on "
            "the Dhaka-Rangpur highway left dozens hurt. Students who had blocked the highway on Tuesday announced a "
            "new protest.")
    blocked = [e for e in current(coder, text, "2026-04-23") if e["event_type"] == "Protests"]
    assert blocked and blocked[0]["location"]["name"] == "Sirajganj"


def test_a_sentence_told_as_another_event_is_not_the_event_before_told_again(coder):
    """A protest placed at a county, then "Also on Tuesday, police in <a town of it> ...": two protests, not the first
    told again at the town."""
    text = ("The Kericho county government on Wednesday defended its plan to move hawkers out of the town centre, a "
            "day after police used tear gas to break up a protest by traders. Also on Tuesday, police in Litein fired "
            "tear gas at residents who blocked a road to protest against its poor state.")
    assert len(crowds(coder, text, "2026-02-04")) == 2


def test_a_team_of_police_makes_no_match_report(run_stages):
    """ "a joint team of police and vigilantes": "team" alone is no sport, so the abduction's own word still types it
    (a match report needs a sport's own word, or two of the words sport shares with other news)."""
    article = run_stages("Bandits abducted 12 passengers near Tsafe on Sunday, and a joint team of police and "
                         "vigilantes rescued three of them.", until="mentions", published="2026-03-30")
    assert [m.sub_event_type for m in article.mentions] == ["Abduction/forced disappearance"]
    article = run_stages("United's players attacked relentlessly in the final minutes of the game against City.",
                         until="mentions", published="2026-03-30")
    assert not article.mentions


def test_an_act_told_on_at_a_town_of_the_district_told_first_is_that_act(coder):
    """The abduction told in a district, then told on with the detector's word alone at its seat town ("the bus
    was stopped ... on the outskirts of Ekpoma"): one abduction, not two."""
    text = ("Kidnappers abducted 11 travellers on a highway in Esan West Local Government Area on Sunday, police said. "
            "The bus was stopped by armed men on the outskirts of Ekpoma, a survivor said.")
    abductions = [e for e in current(coder, text, "2026-07-20")
                  if e["sub_event_type"] == "Abduction/forced disappearance"]
    assert len(abductions) == 1


def test_the_subject_of_a_retelling_keeps_the_day_on_which_it_happened_and_a_source_is_no_party(coder):
    """ "According to the police, the massacre on Saturday night was aimed at ...": no reaction claims the day, so
    it is the massacre's; and the police who tell it did not do it."""
    text = ("Police have arrested two suspects over the killings in Tegucigalpa, the national police said on Tuesday. "
            "According to the police, the massacre on Saturday night was aimed at members of a rival gang.")
    retold = [e for e in current(coder, text, "2025-08-12") if e["referenced"]]
    assert retold and retold[0]["date"] == "2025-08-09"
    assert "Police" not in (retold[0]["actor1"] or {}).get("name", "")


@pytest.mark.parametrize("text", [
    "Residents returned to Walikale on Monday, two days after heavy fighting between the army and rebels in the town.",
    "The commander visited Walikale on Monday, two days after fighting with M23 rebels on the outskirts of the town.",
])
def test_fighting_a_count_of_days_before_is_news_of_that_day(coder, text):
    """ "two days after fighting": the noun, or the parser's gerund after "after", names a fight that many days
    before its sentence's day."""
    events = current(coder, text, "2026-03-28")
    assert events and events[0]["date"] == "2026-03-21"


def test_fighting_off_attackers_is_what_the_subject_did_on_its_day(coder):
    events = current(coder, "Soldiers rested in Walikale on Monday, two days after fighting off the attackers.",
                     "2026-03-28")
    assert all(e["date"] != "2026-03-21" for e in events)


def test_an_act_placed_at_a_country_is_the_act_a_next_sentence_places_at_a_village_of_a_province(coder):
    """A village the gazetteer lacks, placed in the province the text names ("Tamurcoa, in Antioquia province"), is no
    finer than the province by its precision, yet within the country the lead placed the act at: one act, there."""
    text = ("A police officer wounded in a drone attack by rebels on a police station in northern Colombia has died, "
            "bringing the toll from the assault to three, officials said on Thursday.\n\nTwo officers were killed "
            "when explosives were dropped by drones on the station in Tamurcoa, in Antioquia province, early on "
            "Wednesday.")
    events = current(coder, text, "2026-08-20")
    assert len(events) == 1 and events[0]["location"]["name"] == "Tamurcoa"


def test_a_count_of_days_counts_back_from_its_own_sentence_not_from_a_retelling_that_dates_the_act(coder):
    """ "said on Friday ..., two days after armed men burned four buses": Wednesday; a later sentence that gives the act
    its own day ("the attack on Wednesday evening") dates it as told, with no two days taken off again."""
    text = ("Transport unions in Kisii said on Friday they would halt services on the main highway until the police "
            "guarantee the safety of their drivers, two days after armed men burned four buses and shot a conductor "
            "near the town.\n\nThe unions said in a statement that the attack on Wednesday evening was an attempt to "
            "kill.")
    assert {e["date"] for e in current(coder, text, "2024-03-09")} == {"2024-03-06"}


def test_an_act_that_says_who_the_doers_are_lies_on_or_before_the_tellings_day(coder):
    """ "The gunmen who abducted residents of X have demanded a ransom, relatives said on Friday": the abduction says
    who the gunmen are, before what the sentence tells; Friday only bounds it (time precision 3: the week up to it).
    An act the relative clause dates itself keeps its day."""
    [event] = current(coder, "The gunmen who abducted residents of Akwanga in Nasarawa State have contacted families "
                             "and demanded N150 million for their release, relatives said on Friday.", "2025-03-21")
    assert (event["sub_event_type"], event["date"], event["time_precision"]) == (
        "Abduction/forced disappearance", "2025-03-21", 3)
    [event] = current(coder, "Gunmen who stormed a village near Akwanga on Sunday killed 12 people, police said on "
                             "Tuesday.", "2025-03-18")
    assert (event["date"], event["time_precision"]) == ("2025-03-16", 1)
