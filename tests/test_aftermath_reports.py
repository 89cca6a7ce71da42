"""A follow-up report tells the act again inside a sentence about what came after it (a funeral, a visit, a toll
rising), names its town by the area it lies in, or gives its day in a later sentence. Sentences the project
writes; real places, invented events."""


VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def current(coder, text, published):
    return [e for e in coder.code(text, published=published)["events"] if not e["background"]]


def test_a_dated_killing_inside_a_funeral_sentence_is_an_event(coder):
    found = current(coder, "Hundreds of people attended the funeral on Friday of three men killed in an Israeli strike "
                           "in Bint Jbeil on Wednesday, as Hezbollah said one of them had been a member.", "2025-10-17")
    assert [(e["event_type"] in VIOLENT, e["date"], e["location"]["country"]) for e in found] == [
        (True, "2025-10-15", "LB")]


def test_a_killing_in_a_clause_about_a_visit_is_an_event(coder):
    found = current(coder, "The Zamfara State governor has visited Tsafe, where bandits killed many people on Sunday "
                           "night.", "2025-10-15")
    assert [(e["sub_event_type"], e["date"], e["location"]["name"]) for e in found] == [
        ("Attack", "2025-10-12", "Tsafe")]


def test_an_undated_reason_for_a_visit_stays_no_event(coder):
    # no day ties the killing to this week: the sentence is about the visit, as before
    assert current(coder, "The Zamfara state governor on Wednesday visited Tsafe, where bandits once killed a chief.",
                   "2025-10-15") == []


def test_the_town_named_by_its_area_is_the_town_told_before(coder):
    for text in ("Residents of Gajiram fled on Tuesday after gunmen killed five villagers in the Borno state town on "
                 "Sunday, Nigerian police said.",
                 "Five villagers were buried on Tuesday in Gajiram, two days after gunmen attacked the village in "
                 "Nigeria's Borno state."):
        found = current(coder, text, "2025-10-15")
        assert [(e["sub_event_type"], e["location"]["name"]) for e in found] == [("Attack", "Gajiram")], text


def test_a_town_outside_the_area_is_not_the_one_named_by_it(coder):
    found = current(coder, "Gunmen killed five traders in Kano in Nigeria on Sunday. On Monday soldiers killed four "
                           "militants in a village in Borno state.", "2025-10-15")
    assert [e["location"]["name"] for e in found] == ["Kano", "Borno"]


def test_a_later_sentence_about_the_killings_gives_their_day(coder):
    for later in ("The killings took place on Sunday evening.", "The massacre happened late on Sunday."):
        found = current(coder, f"Gunmen killed six herders near Bokkos in Plateau state, police said on Tuesday. "
                               f"{later}", "2025-10-15")
        assert [e["date"] for e in found] == ["2025-10-12"], later


def test_a_day_between_the_act_and_a_trailing_telling_is_the_acts(coder):
    found = current(coder, "Gunmen killed five villagers in Gajiram, Borno state, at the weekend, police said on "
                           "Tuesday.", "2025-10-15")
    assert [(e["date"], e["date_end"]) for e in found] == [("2025-10-11", "2025-10-12")]


def test_what_a_group_does_in_the_simple_present_is_no_event(coder):
    # "abduct" is a bare verb joined to "raid" and "steal": it tells what the bandits do, not what they did
    assert current(coder, "The district has been hit for years by armed groups known locally as bandits, who raid "
                          "villages, steal cattle and abduct people for ransom.", "2025-10-15") == []


def test_a_weekday_after_a_place_cue_is_no_place(run_stages):
    # GeoNames gives Lusaka province "Saturday" as another name: "the neighborhood of Saturday's gun battle" is a day
    article = run_stages("Two old hotels were tourist sites in the neighborhood of Saturday's gun battle.",
                         until="places", published="2025-10-15")
    assert article.places == []


def test_where_people_fled_to_is_not_where_the_fighting_was(coder):
    # the fighting is told first in a sentence about fleeing: Yei and Juba are where the families went
    found = current(coder, "Hundreds of families have fled Lainya County for Yei and Juba since fighting broke out "
                           "between the army and rebels this week, the county commissioner said on Friday.\n\n"
                           "\"People are sleeping under trees,\" he said. Schools in Lainya are closed and the market "
                           "is empty.\n\nThe displacement followed Tuesday's clashes between the army and NAS fighters, "
                           "who attacked army positions in the county headquarters.\n\nAid agencies suspended "
                           "movements on the Juba-Yei road for two days.", "2025-02-07")
    assert [(e["date"], e["location"]["name"]) for e in found] == [("2025-02-04", "Lainya County")]


def test_a_round_up_items_label_is_where_it_happened(coder):
    found = current(coder, "Kharkiv: The toll from Thursday's missile strike on a school in the regional capital rose "
                           "to six, officials said.\n\nOdesa: The port authority said grain exports in June were the "
                           "highest so far this year.", "2025-07-04")
    assert [(e["sub_event_type"], e["location"]["name"], e["date"]) for e in found] == [
        ("Shelling/artillery/missile attack", "Kharkiv", "2025-07-03")]


def test_an_attack_by_gunmen_that_villagers_fled_is_the_gunmens(coder):
    # the subject of "fled" did not attack: the noun's own "by" names who did, and they are no crowd
    found = current(coder, "Villagers fled their homes after an attack by gunmen on Sunday.", "2026-04-28")
    assert [(e["sub_event_type"], e["actor1"]["text"]) for e in found] == [("Attack", "gunmen")]


def test_a_part_of_a_day_told_relative_to_the_day_before_counts_its_days():
    from wirecoder.stages.dates import _story_relative

    assert [_story_relative(t) for t in ("the same night", "the following morning", "the previous evening",
                                         "the same day", "the same week")] == [0, 1, -1, 0, None]


def test_an_act_told_in_a_where_clause_is_at_the_place_the_clause_follows(coder):
    # the families arrived in Dori; the attack was in Arbinda, the place "where" points back to
    found = current(coder, "Several hundred people have arrived in Dori since Monday after fleeing Arbinda, where armed "
                           "men attacked the army detachment at dawn on Sunday, aid workers said.\n\nThe regional "
                           "governor travelled to Arbinda on Wednesday.", "2026-01-14")
    assert [(e["location"]["name"], e["date"]) for e in found] == [("Aribinda", "2026-01-11")]


def test_the_night_of_clashes_a_morning_scene_follows_is_the_night_before(coder):
    # the look of the square is no act: the clashes are, the night before the morning the sentence dates
    found = current(coder, "The main square of Kraljevo looked like a battlefield on Sunday morning, after a night of "
                           "clashes between students and supporters of the ruling party.", "2025-08-24")
    assert [(e["date"], e["location"]["name"], [v["text"] for v in e["evidence"] if v["field"] == "trigger"])
            for e in found] == [("2025-08-23", "Kraljevo", ["clashes"])]


def test_two_days_of_fighting_a_scene_follows_began_two_days_before(coder):
    found = current(coder, "Shops in Kraljevo stayed shut on Sunday after two days of clashes between students and "
                           "supporters of the ruling party.", "2025-08-24")
    assert [e["date"] for e in found] == ["2025-08-22"]


def test_a_crowds_looting_told_a_day_after_a_clash_is_news_of_its_own(coder):
    # the looting is Sunday's act; the clash the count puts a day before is another, Saturday's
    found = current(coder, "Some 20 houses were looted and two of them set on fire in a village in Sirajganj district "
                           "on Sunday, a day after a clash between two villages over a cricket match left one man "
                           "dead.", "2025-08-25")
    assert sorted((e["date"], e["event_type"]) for e in found) == [("2025-08-23", "Battles"), ("2025-08-24", "Riots")]
