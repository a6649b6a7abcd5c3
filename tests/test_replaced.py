"""A user's file that reuses an id of the record replaces the record's entry: validate
warns of it, and every view that marks the event the user's says it replaced the
record's (U41: a file reusing moura-massacre with 1,000 dead took the curated event's
place, validate said "ok", and the table marked it only as the user's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal

MINE = """\
[[events]]
id = "coup-2020"
date = "2020-08-18"
title = "My own count of the coup"
summary = "The record's coup, told again."
type = "coup"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "my-own-meeting"
date = "2020-08-19"
title = "A meeting of my own"
summary = "Nothing the record holds."
type = "politics"
places = ["bamako"]
sources = [{ id = "ref-a" }]
"""
SAID = "replaces the record's event 'coup-2020'"


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(MINE, encoding="utf-8")
    return path


def test_validate_warns_that_an_entry_replaces_the_record_s(run: Run, mine: Path) -> None:
    res = run("validate", str(mine))
    assert res.exit_code == 0, res.output  # a warning: the data still loads (documented)
    warned = [line for line in res.stdout.splitlines() if SAID in line]
    assert len(warned) == 1, res.stdout
    assert warned[0].startswith(f"{mine}:2: warning: events 'coup-2020' id: ")
    assert "my-own-meeting" not in res.stdout
    assert "warning" in res.stderr.splitlines()[-1]
    rows = json.loads(run("validate", str(mine), "-f", "json").stdout)
    said = [r for r in rows if SAID in r["message"]]
    assert [(r["id"], r["severity"]) for r in said] == [("coup-2020", "warning")]


@pytest.mark.parametrize("columns", [80, 160])
def test_a_table_marks_the_replacing_event(run: Run, mine: Path, columns: int) -> None:
    res = run("timeline", "--year", "2020", "--data", str(mine), env=terminal(columns))
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    at = [
        i for i, line in enumerate(lines) if "(your data: mine.toml, replaces the record's)" in line
    ]
    assert len(at) == 1, res.stdout
    assert "coup-2020" in lines[at[0] - 1] + lines[at[0]]  # beside or under its id
    assert [line for line in lines if "(your data: mine.toml)" in line]  # the other


def test_a_card_says_which_event_it_replaces(run: Run, mine: Path) -> None:
    plain = run("event", "coup-2020", "--data", str(mine), "-f", "plain").stdout
    assert f"data\tyour data: {mine}, not the record's; it {SAID}" in plain.splitlines()
    other = run("event", "my-own-meeting", "--data", str(mine), "-f", "plain").stdout
    assert "replaces" not in other


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_says_which_event_replaces_the_record_s(run: Run, mine: Path, fmt: str) -> None:
    """U42: JSON said `"yours": true` alone; `replaces`, its neighbour, says the rest, in
    the stored JSON a timeline prints and in an event's own."""
    res = run("timeline", "--year", "2020", "--data", str(mine), "-f", fmt)
    assert res.exit_code == 0, res.output
    text = res.stdout
    events = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    said = {e["id"]: (e["yours"], e["replaces"]) for e in events}
    assert said["coup-2020"] == (True, True)
    assert said["my-own-meeting"] == (True, False)
    assert {v for k, v in said.items() if k not in ("coup-2020", "my-own-meeting")} <= {
        (False, False)
    }
    card = json.loads(run("event", "coup-2020", "--data", str(mine), "-f", "json").stdout)
    assert (card["yours"], card["replaces"]) == (True, True)
    alone = json.loads(run("timeline", "--year", "2020", "-f", "json").stdout)
    assert not any(e["replaces"] for e in alone)  # the record's own, without the file


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_says_it_in_its_appended_column(run: Run, mine: Path, fmt: str) -> None:
    import csv
    import io

    res = run("timeline", "--year", "2020", "--data", str(mine), "-f", fmt)
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout), delimiter="," if fmt == "csv" else "\t"))
    # appended, each later column after them: columns by position hold
    assert list(rows[0])[22:24] == ["yours", "replaces"]
    said = {r["id"]: (r["yours"], r["replaces"]) for r in rows}
    assert said["coup-2020"] == ("true", "true")
    assert said["my-own-meeting"] == ("true", "false")
