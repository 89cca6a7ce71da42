"""Seasons named as dates ("last fall", "this spring", "the summer of 2004") resolve to three-month windows."""
import datetime as dt

import pytest

from wirecoder.seasons import resolve_season

MARCH = dt.date(2005, 3, 7)


@pytest.mark.parametrize("text, start, end", [
    ("last fall", dt.date(2004, 9, 1), dt.date(2004, 11, 30)),
    ("autumn", dt.date(2004, 9, 1), dt.date(2004, 11, 30)),
    ("this spring", dt.date(2005, 3, 1), dt.date(2005, 5, 31)),
    ("this winter", dt.date(2004, 12, 1), dt.date(2005, 2, 28)),
    ("last summer", dt.date(2004, 6, 1), dt.date(2004, 8, 31)),
    ("the summer of 2001", dt.date(2001, 6, 1), dt.date(2001, 8, 31)),
])
def test_a_season_is_the_window_it_names(text, start, end):
    assert resolve_season(text, MARCH) == (start, end, 3)


def test_last_season_is_never_the_one_the_day_is_in():
    start, end, _ = resolve_season("last spring", MARCH)
    assert end < MARCH and start.year == 2004


@pytest.mark.parametrize("text", ["last year", "fall guy", "the fall of the city", "spring break"])
def test_other_words_are_no_season(text):
    assert resolve_season(text, MARCH) is None


def test_a_protest_last_fall_is_history_in_a_march_report(coder):
    record = coder.code("Peruvians are preparing to sue a mining company. Thousands of townspeople protested "
                        "against the mine last fall, demanding protection for the local water supply.",
                        published="2005-03-07")
    protests = [e for e in record["events"] if e["event_type"] == "Protests"]
    assert protests and all(e["background"] for e in protests)


FRIDAY = dt.date(2024, 9, 20)


@pytest.mark.parametrize("text, start, end", [
    ("this week", dt.date(2024, 9, 16), FRIDAY),  # the calendar week so far, from its Monday
    ("earlier this week", dt.date(2024, 9, 16), dt.date(2024, 9, 19)),
    ("the past week", dt.date(2024, 9, 13), FRIDAY),
    ("last week", dt.date(2024, 9, 9), dt.date(2024, 9, 15)),  # the calendar week before, not the six days before
])
def test_a_week_told_against_the_day_of_telling_is_its_days(text, start, end):
    from wirecoder.stages.dates import DatesStage

    assert DatesStage()._resolve(text, FRIDAY) == (start, end, 2)


def test_an_event_of_earlier_this_week_may_lie_on_any_of_its_days(coder):
    event = coder.code("Gunmen attacked a village in Sennar state earlier this week, killing 30 people.",
                       published="2024-09-20")["events"][0]
    assert (event["date"], event["date_end"], event["time_precision"]) == ("2024-09-16", "2024-09-19", 2)


@pytest.mark.parametrize("text, start, end", [
    ("the 1990s", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
    ("the 1990s and", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),  # spaCy may cut "the 1990s and 2000s" so
    ("the 1990s and 2000s", dt.date(1990, 1, 1), dt.date(2009, 12, 31)),
    ("the late '90s", dt.date(1997, 1, 1), dt.date(1999, 12, 31)),
    ("the mid-1980s", dt.date(1983, 1, 1), dt.date(1986, 12, 31)),
    ("the 20s", dt.date(2020, 1, 1), dt.date(2029, 12, 31)),  # two digits: the last such decade up to the telling
])
def test_a_decade_is_its_years_not_the_day_of_telling(text, start, end):
    from wirecoder.stages.dates import DatesStage

    assert DatesStage()._resolve(text, FRIDAY) == (start, end, 3)


def test_an_act_told_of_a_decade_is_history_not_news(coder):
    record = coder.code("A grenade exploded in a market in Sopore in the 1990s, killing ten people.",
                        published="2025-12-21")
    assert [(e["date"], e["background"]) for e in record["events"]] == [("1990-01-01", True)]


def test_a_day_that_names_a_street_or_neighbourhood_is_no_date(coder):
    # streets, squares and neighbourhoods named after a national day: the day names the place, the note's date stands
    text = ("On 3 March 2021, government forces fired mortar rounds at the 14 October neighbourhood of Aden, "
            "residents said.")
    assert [(e["date"], e["background"]) for e in coder.code(text, published="2021-03-05")["events"]] == [
        ("2021-03-03", False)]
    # a day and month that date an act stay a date
    act = coder.code("Gunmen attacked a checkpoint near Ansongo on July 7, the army said.", published="2020-05-01")
    assert [e["date"] for e in act["events"]] == ["2019-07-07"]
