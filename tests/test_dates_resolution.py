import datetime as dt

import pytest


def dates_of(run_stages, text, **meta):
    article = run_stages(text, until="dates", **meta)
    return article, {d.span.text: d for d in article.dates}


def test_dates_day_month_resolved_against_publication(run_stages):
    _, dates = dates_of(run_stages, "Troops shelled the town on Sept. 27 and again on October 17.", published="2020-10-18")
    assert dates["Sept. 27"].date == dt.date(2020, 9, 27) and dates["Sept. 27"].precision == 1
    assert dates["October 17"].date == dt.date(2020, 10, 17)


def test_dates_weekday_of_publication_is_that_day(run_stages):
    # 2022-01-18 was a Tuesday: "on Tuesday" in a report of that day is the same day, "on Sunday" two days before
    _, dates = dates_of(run_stages, "Officials said on Tuesday that the strike on Sunday killed 20.", published="2022-01-18")
    assert dates["Tuesday"].date == dt.date(2022, 1, 18)
    assert dates["Sunday"].date == dt.date(2022, 1, 16)


def test_dates_part_of_month_is_a_window_of_precision_two(run_stages):
    _, dates = dates_of(run_stages, "Missiles hit the city in early October 2020.", published="2020-10-20")
    (date,) = dates.values()
    assert (date.date, date.date_end, date.precision) == (dt.date(2020, 10, 1), dt.date(2020, 10, 10), 2)


def test_dates_old_years_are_background_and_durations_ignored(run_stages):
    article, dates = dates_of(run_stages, "The war began in 1988. After two weeks of talks, a truce held.",
                              published="2020-10-20")
    assert dates["1988"].background and dates["1988"].precision == 3
    assert not any("weeks" in text for text in dates)


def test_dates_publication_inferred_from_latest_reported_day(run_stages):
    article, _ = dates_of(run_stages, "Fighting resumed in October 2020. On October 17, a missile hit the city. "
                                      "A truce was declared on October 10.")
    assert article.published == dt.date(2020, 10, 17)
    assert article.published_from == "inferred"


def test_dates_dateline_is_not_an_event_date(run_stages):
    article, dates = dates_of(run_stages, "Headline here\n\nKABUL, May 3, 2021 - A bomb exploded in a market on Sunday.")
    assert not any("May" in text for text in dates)
    assert article.published == dt.date(2021, 5, 3) and article.published_from == "inferred"
    assert dates["Sunday"].date == dt.date(2021, 5, 2)


def test_dates_an_accented_dateline_with_an_outlet_in_brackets_is_not_an_event_date(run_stages):
    text = ("Headline here\n\nCIUDAD OBREGÓN, Mexico, Oct 4 (Valley News) - Armed men opened fire on a party "
            "late on Saturday, killing six people.")
    article, dates = dates_of(run_stages, text, published="2026-10-04")
    assert not any("Oct" in text for text in dates) and len(article.datelines) == 1
    assert dates["late on Saturday"].date == dt.date(2026, 10, 3)


def test_dates_the_following_day_counts_from_the_day_told_before_not_a_telling(run_stages):
    text = ("Jihadists attacked a village on Sunday, the army said on Monday. The army struck back near Bandiagara "
            "the following day. On the same day, police arrested a suspect.")
    _, dates = dates_of(run_stages, text, published="2023-03-07")
    assert dates["the following day"].date == dt.date(2023, 3, 6)
    assert dates["the same day"].date == dt.date(2023, 3, 6)


def test_dates_a_day_back_counts_from_the_telling_its_sentence_dates(run_stages):
    # with no act dated before it, "the previous day" is the day before the telling of its own sentence
    text = ("Israel's military said on Wednesday that a drone strike on a car near Nabatieh the previous day had "
            "killed a Hezbollah official. Residents said on Friday that soldiers had shot two men in Kidal a day "
            "earlier.")
    _, dates = dates_of(run_stages, text, published="2026-06-12")
    assert dates["the previous day"].date == dt.date(2026, 6, 9)
    assert dates["a day earlier"].date == dt.date(2026, 6, 11)


def test_dates_a_part_of_a_day_and_a_weekday_before_a_date_name_that_date(run_stages):
    _, dates = dates_of(run_stages, "Gunmen abducted 47 people from Yankuzo before dawn on Sunday 10 March.",
                        published="2024-03-14")
    assert (dates["before dawn on Sunday 10 March"].date, dates["before dawn on Sunday 10 March"].precision) == (
        dt.date(2024, 3, 10), 1)


def test_dates_overnight_is_the_night_before_the_telling(run_stages):
    # 2023-05-10 was a Wednesday: the night before Tuesday's telling is Monday to Tuesday, not the night before
    # publication
    text = "Suspected jihadists attacked the village overnight, killing seven people, officials said on Tuesday."
    _, dates = dates_of(run_stages, text, published="2023-05-10")
    assert (dates["overnight"].date, dates["overnight"].date_end) == (dt.date(2023, 5, 8), dt.date(2023, 5, 9))
    _, dates = dates_of(run_stages, "Suspected jihadists attacked the village overnight.", published="2023-05-10")
    assert (dates["overnight"].date, dates["overnight"].date_end) == (dt.date(2023, 5, 9), dt.date(2023, 5, 10))


def test_dates_a_retelling_dates_an_event_whose_sentence_dates_only_the_telling(coder):
    # 2023-05-10 was a Wednesday
    told = "Gunmen killed five villagers in Gwoza, police said on Tuesday."
    record = coder.code(told + " The attack happened on Sunday night.", published="2023-05-10")
    attack = next(e for e in record["events"] if e["sub_event_type"] == "Attack")
    assert attack["date"] == "2023-05-07"
    # a dated sentence about another kind of event dates nothing of the attack
    record = coder.code(told + " A protest in Lagos was held on Sunday.", published="2023-05-10")
    attack = next(e for e in record["events"] if e["sub_event_type"] == "Attack")
    assert attack["date"] == "2023-05-09"


def test_dates_a_misspelt_month_is_no_crash(run_stages):
    # the month pattern took "Sepember" and the month table did not know it (KeyError, the stage failed: W099)
    article, dates = dates_of(run_stages, "Gunmen killed 12 people in Kaduna on Sepember 12, police said. "
                                          "Troops shelled the town on Sept. 27.", published="2020-10-18")
    assert dates["Sept. 27"].date == dt.date(2020, 9, 27)
    assert all(d.date is None or d.date <= dt.date(2020, 10, 18) for d in article.dates)


def test_dates_a_weekday_told_after_last_week_is_that_weeks(run_stages):
    # 2015-12-09 was a Wednesday: "Wednesday" alone would be the day of publication
    text = ("Last week, it went a step further. She posted her allegiance minutes before the shootings occurred on "
            "Wednesday.")
    _, dates = dates_of(run_stages, text, published="2015-12-09")
    assert dates["Wednesday"].date == dt.date(2015, 12, 2)
    # in another paragraph, "last week" tells nothing of it
    _, dates = dates_of(run_stages, "Rebels took the town last week.\n\nOn Wednesday, the army shelled it.",
                        published="2015-12-09")
    assert dates["Wednesday"].date == dt.date(2015, 12, 9)


def test_dates_a_retelling_after_it_dates_an_undated_event_before_the_articles_first_day(coder):
    text = ("Troops shelled Bama on Friday.\n\nSoldiers patrolled the main road for hours.\n\nMarkets in the town "
            "reopened.\n\nGunmen killed five villagers in Gwoza. The attack happened on Sunday night.")
    record = coder.code(text, published="2023-05-10")
    attack = next(e for e in record["events"] if e["sub_event_type"] == "Attack")
    assert attack["date"] == "2023-05-07"  # not Friday, the day of the article's first event


def test_dates_said_on_a_day_dates_the_telling_however_the_parser_hangs_it(coder):
    # 2023-05-10 was a Wednesday; with no "that", the parser hangs "on Tuesday" on the reported verb
    record = coder.code("Police said on Tuesday gunmen had killed five villagers in Gwoza on Sunday.",
                        published="2023-05-10")
    assert [e["date"] for e in record["events"]] == ["2023-05-07"]
    # ACLED's notes: a report's day with no one telling it stands for the event's day
    record = coder.code("Reported on 9 May 2023, gunmen killed five villagers in Gwoza.", published="2023-05-10")
    assert [(e["date"], e["time_precision"]) for e in record["events"]] == [("2023-05-09", 1)]


def test_the_date_that_opens_a_sentence_frames_its_clauses(coder):
    # a date deeper down dates what its own clause names (the elections, the movement), not the protest
    for text in ("On 4 May 2020, an opposition group protested on their bikes in Novi Sad against the government "
                 "and its decision to hold elections in June.",
                 "On 7 May 2020, retired soldiers with protesters from the movement that started on October 17 "
                 "gathered at the main square in Beirut and demonstrated against the economic plan."):
        record = coder.code(text, published="2020-05-10")
        protests = [e for e in record["events"] if e["event_type"] == "Protests"]
        assert protests and protests[0]["date"] == ("2020-05-04" if text.startswith("On 4") else "2020-05-07")
        assert not protests[0]["background"]


def test_a_date_on_the_triggers_own_verb_still_wins_over_the_opening_one(coder):
    record = coder.code("On Sunday, the army said gunmen had killed five villagers near the town of Gwoza on Friday.",
                        published="2020-05-10")
    assert record["events"] and record["events"][0]["date"] == "2020-05-08"


def test_a_sentence_after_a_lead_takes_the_acts_day_not_the_tellings(coder):
    text = ("Gunmen killed five herders in a settlement near Wase town in Plateau State late on Saturday, residents "
            "and a councillor said on Sunday.\n\nThe councillor said the attackers came on motorbikes at around 11 "
            "p.m. and shot the victims, all men, as they slept in a camp outside the town.")
    record = coder.code(text, published="2024-04-07")
    events = [e for e in record["events"] if not e["background"]]
    assert {e["date"] for e in events} == {"2024-04-06"}
    assert len(events) == 1  # the shooting the next paragraph tells is the same attack, of the same day


def test_dates_a_weekday_keeps_the_part_of_the_day_told_before_it(run_stages):
    """"late on Saturday" and "before dawn on Sunday" are the day's words (its evidence shows them, and merging
    reads them); "early on 9 August" is left as the day alone, since "early August" is a part of a month."""
    # 2025-08-12 was a Tuesday
    _, dates = dates_of(run_stages, "Gunmen attacked the village late on Saturday and again before dawn on Sunday; "
                        "a third raid followed early on 9 August.", published="2025-08-12")
    assert dates["late on Saturday"].date == dt.date(2025, 8, 9) and dates["late on Saturday"].precision == 1
    assert dates["before dawn on Sunday"].date == dt.date(2025, 8, 10)
    assert not any(text.startswith("early") for text in dates)


def test_a_season_that_names_a_kind_of_thing_is_no_date(run_stages):
    article, _ = dates_of(run_stages, "Lawmakers returned to the state capital on Monday for a short summer "
                                      "session. Rebels attacked the town this summer.", published="2024-07-18")
    told = [article.text[d.span.start:d.span.end] for d in article.dates]
    assert told == ["Monday", "this summer"]


@pytest.mark.parametrize("told, day", [("early this morning", "2025-01-18"), ("this afternoon", "2025-01-18"),
                                       ("late last night", "2025-01-17")])
def test_a_part_of_the_day_of_telling_dates_the_act(coder, told, day):
    # "this morning" was no date (spaCy tags it TIME, naming no day): the act took the telling's date, or none
    event = coder.code(f"Gunmen killed two people in Kaduna {told}, police said.", published="2025-01-18")["events"][0]
    dates = [e["text"] for e in event["evidence"] if e["field"] == "date"]
    assert (event["date"], event["time_precision"], dates) == (day, 1, [told])


def test_a_month_tagged_alone_takes_the_day_told_with_it(coder):
    # spaCy tags "the night" a time and "September" a date: the act was dated to the month, not the 19th
    event = coder.code("Gunmen killed 19 civilians in Lolwa on the night of 19 September, local officials said.",
                       published="2025-09-23")["events"][0]
    assert (event["date"], event["time_precision"]) == ("2025-09-19", 1)


def test_a_day_and_month_that_name_a_street_stay_no_date():
    import spacy

    from wirecoder.day_forms import with_its_day

    doc = spacy.blank("en")("Troops shelled 26 September Street on Monday.")
    month = doc.char_span(18, 27)  # "September", as spaCy may tag it alone
    assert with_its_day(doc.text, month) == (18, 27)
    other = spacy.blank("en")("Troops shelled the town on 26 September.")
    assert with_its_day(other.text, other.char_span(30, 39)) == (27, 39)


def test_dates_a_period_named_by_this_or_last_before_a_possessive(run_stages):
    # spaCy tags "morning" and "week" alone in "this morning's blast" and "this week's attack"; "last weekend's" keeps
    # its possessive (2026-04-07 was a Tuesday)
    _, dates = dates_of(run_stages, "The toll from this morning's blast rose to five.", published="2026-04-07")
    assert [(d.date, d.precision) for d in dates.values()] == [(dt.date(2026, 4, 7), 1)]
    _, dates = dates_of(run_stages, "The toll from this week's attack rose to five.", published="2026-04-07")
    assert [(d.date, d.date_end, d.precision) for d in dates.values()] == [
        (dt.date(2026, 4, 6), dt.date(2026, 4, 7), 2)]
    _, dates = dates_of(run_stages, "The toll from last weekend's attack rose to five.", published="2026-04-07")
    assert [(d.date, d.date_end, d.precision) for d in dates.values()] == [
        (dt.date(2026, 4, 4), dt.date(2026, 4, 5), 2)]
    _, dates = dates_of(run_stages, "Police said the morning was quiet.", published="2026-04-07")
    assert not dates


def test_the_day_a_count_stood_dates_no_act(coder):
    """ "according to district records as of 29 February": the day the count stood, not the day of the killing."""
    text = "Gunmen killed eight villagers in Kafin Koro, in Niger State, according to district records {}."
    [counted] = [e for e in coder.code(text.format("as of 29 February"), published="2024-03-01")["events"]]
    assert not (counted["date"] == "2024-02-29" and counted["time_precision"] == 1)
    [told] = [e for e in coder.code(text.format("on 29 February"), published="2024-03-01")["events"]]
    assert told["date"] == "2024-02-29"  # a day the words give the act itself still dates it
