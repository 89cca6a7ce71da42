"""Dates typed by users are checked, never guessed: a day that does not exist or that reads two ways is refused
with W008 and the form expected."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.cli.main import main
from wirecoder.coder import parse_published
from wirecoder.days import iso_day, iso_prefix, numeric_day
from wirecoder.errors import WirecoderError
from wirecoder.store import Database


@pytest.mark.parametrize("value", ["05/06/2020", "2020-6-5", "June 5", "2019-13-45", "2020-02-30"])
def test_days_iso_day_refuses_with_the_form(value):
    with pytest.raises(WirecoderError) as info:
        iso_day(value, what="--published")
    assert info.value.code == "W008" and "YYYY-MM-DD" in info.value.message


@pytest.mark.parametrize(("value", "ok"), [("2024", True), ("2024-03", True), ("2024-02-29", True),
                                           ("2019-13-45", False), ("2019-13", False), ("2023-02-29", False),
                                           ("24-03-01", False), ("2024/03/01", False)])
def test_days_iso_prefix_checks_the_calendar(value, ok):
    if ok:
        assert iso_prefix(value, what="--since") == value
    else:
        with pytest.raises(WirecoderError) as info:
            iso_prefix(value, what="--since")
        assert info.value.code == "W008" and "YYYY-MM-DD" in info.value.message


def test_days_numeric_dates_are_read_only_one_way():
    assert numeric_day("25/06/2020", what="published") == dt.date(2020, 6, 25)
    assert numeric_day("06/25/2020", what="published") == dt.date(2020, 6, 25)
    assert numeric_day("05/05/2020", what="published") == dt.date(2020, 5, 5)
    assert numeric_day("Dec 17, 2016", what="published") is None
    with pytest.raises(WirecoderError):
        numeric_day("05/06/2020", what="published")
    with pytest.raises(WirecoderError):
        parse_published("05/06/2020")
    assert parse_published("Wed, 23 Nov 2016 10:00:00 GMT") == dt.date(2016, 11, 23)


def test_days_cli_published_refused_before_any_model_loads(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Troops shelled the town.", encoding="utf-8")
    assert main(["code", str(path), "--published", "05/06/2020"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wirecoder: error W008") and "YYYY-MM-DD" in err


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_days_cli_events_since_refuses_a_date_off_the_calendar(tmp_path, capsys, option):
    db = tmp_path / "events.sqlite"
    Database(db).close()
    assert main(["events", "--db", str(db), option, "2019-13-45"]) == 2
    err = capsys.readouterr().err
    assert "W008" in err and "2019-13-45" in err and "Traceback" not in err
    assert main(["events", "--db", str(db), option, "2019-12"]) == 0
