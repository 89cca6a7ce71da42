"""Two days named as a range are a window of those days (time precision 2); text written by the project."""
import datetime as dt

import pytest

from wirecoder.day_ranges import day_range, day_range_spans

MONTHS = {"may": 5, "dec": 12, "december": 12}


@pytest.mark.parametrize("text, first, last", [
    ("20/21 May", "2026-05-20", "2026-05-21"),
    ("May 20-21", "2026-05-20", "2026-05-21"),
    ("20 to 21 May 2025", "2025-05-20", "2025-05-21"),
    ("30-31 December", "2025-12-30", "2025-12-31"),  # told in May 2026: the latest one begun before
])
def test_a_range_of_days_is_a_window(text, first, last):
    window = day_range(text, dt.date(2026, 5, 22), MONTHS)
    assert window == (dt.date.fromisoformat(first), dt.date.fromisoformat(last), 2)


@pytest.mark.parametrize("text", ["2-1 May", "20-30 May", "May 20", "20/21", "31-32 May"])
def test_what_is_no_range_of_days_is_none(text):
    assert day_range(text, dt.date(2026, 5, 22), MONTHS) is None


def test_ranges_are_found_in_text_spacy_tags_only_by_month():
    text = "on the night of 20/21 May, and the side won 2-1 May Day's match"
    assert [m.group(0) for m in day_range_spans(text)] == ["20/21 May"]


def test_an_event_told_over_a_night_of_two_days(coder):
    found = coder.code("Nine militants were killed when troops repelled an attack on a check post near Mir Ali on the "
                       "night of 20/21 May, the military said.", published="2026-05-22")["events"]
    assert [(e["date"], e["date_end"], e["time_precision"]) for e in found] == [("2026-05-20", "2026-05-21", 2)]
