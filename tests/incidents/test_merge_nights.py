"""A night told as two days: one report's "late on Saturday" or "Saturday night" is another's "early on Sunday".
The date's words (its evidence) say which way a day may reach; a plain day or an evening reaches no further."""
from __future__ import annotations

from incident_helpers import article, event
from test_merge_vague_places import merged

from wirecoder.day_parts import DayParts


def told(day: str, words: str) -> dict:
    report = event(date=day)
    return {**report, "evidence": [*report["evidence"], {"field": "date", "start": 0, "end": len(words), "text": words}]}


def test_a_night_meets_the_day_after_it(tmp_path):
    late = article("late", [told("2024-03-09", "late on Saturday")], source="Wire One")
    early = article("early", [told("2024-03-10", "early on Sunday")], source="Kora Times")
    night = article("night", [told("2024-03-09", "Saturday night")], source="Sahel Daily")
    assert merged(tmp_path, "late", [late, early]) == {("early", "late")}
    assert merged(tmp_path, "night", [night, early]) == {("early", "night")}


def test_plain_days_and_evenings_stay_their_own_day(tmp_path):
    saturday = article("sat", [told("2024-03-09", "Saturday")], source="Wire One")
    evening = article("eve", [told("2024-03-09", "Saturday evening")], source="Sahel Daily")
    sunday = article("sun", [told("2024-03-10", "Sunday")], source="Kora Times")
    assert merged(tmp_path, "plain", [saturday, sunday]) == {("sat",), ("sun",)}
    assert merged(tmp_path, "evening", [evening, sunday]) == {("eve",), ("sun",)}
    # two nights a day apart are two nights
    friday = article("fri", [told("2024-03-08", "late on Friday")], source="Wire One")
    assert merged(tmp_path, "nights", [friday, article("sun2", [told("2024-03-10", "early on Sunday")],
                                                       source="Kora Times")]) == {("fri",), ("sun2",)}


def test_only_the_reports_own_date_words_reach_another_day(tmp_path):
    """A report whose own day is plain Wednesday, with a telling folded into it ("bodies were found overnight"),
    is Wednesday's: the folded words do not make it reach Thursday's raid."""
    folded = told("2024-08-28", "Wednesday")
    folded = {**folded, "evidence": [*folded["evidence"], {"field": "date", "start": 0, "end": 9, "text": "overnight"}]}
    wednesday = article("wed", [folded], source="Wire One")
    thursday = article("thu", [told("2024-08-29", "Thursday")], source="Kora Times")
    assert merged(tmp_path, "folded", [wednesday, thursday]) == {("wed",), ("thu",)}


def test_which_way_a_day_reaches():
    parts = DayParts()
    assert parts.spill("late on Saturday") == (0, 1)
    assert parts.spill("before dawn on Sunday") == (1, 0)
    assert parts.spill("overnight on Saturday") == (1, 1)
    assert parts.spill("Saturday") == parts.spill("Saturday evening") == (0, 0)
    text = "killed five late on Saturday"
    day = text.index("Saturday")
    assert parts.with_part(text, day, day + len("Saturday")) == (text.index("late"), len(text))
    text = "fired tear gas on Tuesday night to disperse protesters"
    day = text.index("Tuesday")
    assert parts.with_part(text, day, day + len("Tuesday")) == (day, text.index(" to"))
    text = "on Tuesday, nightly curfews"  # a part of the day only right after the day
    assert parts.with_part(text, 3, 10) == (3, 10)


def test_parts_of_one_day_hours_apart_are_two_acts(tmp_path):
    """A sit-in on Tuesday morning and a riot on Tuesday night in one town are two acts; the afternoon and the
    night, or a plain Tuesday and either, may be one."""
    morning = article("morning", [told("2024-07-23", "Tuesday morning")], source="Wire One")
    night = article("night", [told("2024-07-23", "Tuesday night")], source="Kora Times")
    afternoon = article("noon", [told("2024-07-23", "Tuesday afternoon")], source="Sahel Daily")
    plain = article("plain", [told("2024-07-23", "Tuesday")], source="Harmattan Wire")
    assert merged(tmp_path, "apart", [morning, night]) == {("morning",), ("night",)}
    assert merged(tmp_path, "meet", [afternoon, night]) == {("night", "noon")}
    assert merged(tmp_path, "plain", [plain, morning]) == {("morning", "plain")}
    # the small hours of Wednesday are Tuesday's night; Wednesday's afternoon is not
    early = article("early", [told("2024-07-24", "early on Wednesday")], source="Sahel Daily")
    later = article("later", [told("2024-07-24", "Wednesday afternoon")], source="Harmattan Wire")
    assert merged(tmp_path, "small hours", [night, early]) == {("early", "night")}
    assert merged(tmp_path, "next day", [early, later]) == {("early",), ("later",)}


def test_which_side_of_midnight():
    parts = DayParts()
    assert parts.spill("shortly before midnight on Saturday") == (0, 1)
    assert parts.spill("just after midnight on Sunday") == (1, 0)
    assert parts.spill("around midnight on Saturday") == (1, 1)


def test_a_part_of_a_day_told_with_another_weekday_is_the_tellings(tmp_path):
    """ "The square looked like a battlefield on Sunday morning, after a night of clashes": the clashes are Saturday
    night's, and the morning is when the square was seen, not a part of the clashes' day; they are the clashes that
    another report tells "on Saturday evening". Told of that day itself, the morning still parts them."""
    evening = article("evening", [told("2024-03-09", "Saturday evening")], source="Wire One")
    after = article("after", [told("2024-03-09", "Sunday morning")], source="Kora Times")
    morning = article("morning", [told("2024-03-09", "Saturday morning")], source="Sahel Daily")
    assert merged(tmp_path, "telling", [evening, after]) == {("after", "evening")}
    assert merged(tmp_path, "own day", [evening, morning]) == {("evening",), ("morning",)}
