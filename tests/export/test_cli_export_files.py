"""The `export` and `events` commands on a store: files written whole, filters applied."""
from __future__ import annotations

import argparse
import csv
import json

import pytest
from test_export_formats import stored_events

from wirecoder.cli import events as events_command
from wirecoder.cli import export as export_command


def run(module, argv):
    parser = argparse.ArgumentParser()
    module.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson", "parquet"])
def test_cli_export_writes_out_file(tmp_path, fmt):
    stored_events(tmp_path)
    out = tmp_path / f"events.{fmt}"
    assert run(export_command, ["export", "--db", str(tmp_path / "s.db"), "--format", fmt, "--out", str(out)]) == 0
    assert out.stat().st_size > 0
    assert not list(tmp_path.glob(".*.partial"))


def test_cli_export_applies_filters(tmp_path, capsysbinary):
    stored_events(tmp_path)
    run(export_command, ["export", "--db", str(tmp_path / "s.db"), "--format", "jsonl", "--type", "Protests"])
    lines = capsysbinary.readouterr().out.decode().splitlines()
    assert [json.loads(line)["sub_event_type"] for line in lines] == ["Peaceful protest"]


def test_cli_events_lists_one_line_per_event(tmp_path, capsys):
    stored_events(tmp_path)
    run(events_command, ["events", "--db", str(tmp_path / "s.db"), "--q", "market", "--since", "2024-06-07",
                         "--until", "2024-06-07"])
    rows = list(csv.reader(capsys.readouterr().out.splitlines(), delimiter="\t"))
    assert rows[0][0] == "date" and len(rows) == 2
    assert rows[1][:3] == ["2024-06-07", "Violence against civilians", "Attack"]


def test_cli_events_missing_database_is_a_user_error(tmp_path):
    from wirecoder.errors import WirecoderError

    with pytest.raises(WirecoderError) as err:
        run(events_command, ["events", "--db", str(tmp_path / "none.db")])
    assert err.value.code == "W030"


def test_cli_export_lists_every_format_the_library_writes():
    from wirecoder.export import FORMATS

    assert tuple(export_command.FORMATS) == FORMATS


@pytest.mark.parametrize("where", ["folder", "folder/", "missing/events.csv"])
def test_cli_export_out_to_a_folder_or_missing_folder_is_a_coded_error(tmp_path, capsys, where):
    from wirecoder.cli.main import main

    stored_events(tmp_path)
    (tmp_path / "folder").mkdir()
    status = main(["export", "--db", str(tmp_path / "s.db"), "--format", "csv", "--out", str(tmp_path / where)])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("wirecoder: error W104") and "Traceback" not in err
    assert not (tmp_path / "missing").exists() and list((tmp_path / "folder").iterdir()) == []
