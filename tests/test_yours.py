"""A user's own --data events are told apart from the record's, and validate warns of
one that is likely the record's own (U37: a user's event looked exactly like a curated
one in tables, cards and JSON, and a duplicate of a curated event went unsaid)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import Run, terminal

MINE = """\
[[sources]]
id = "my-notes"
title = "My notes"
publisher = "Me"
kind = "article"

[[events]]
id = "my-coup"
date = "2020-08-18"
title = "Soldiers seize power in Bamako"
summary = "The same coup as the record's, by another name."
type = "coup"
places = ["bamako"]
sources = [{ id = "my-notes" }]

[[events]]
id = "my-ambassador"
date = "2022-02-03"
title = "French Ambassador expelled!"
summary = "A title near the record's."
type = "politics"
places = ["ouagadougou"]
sources = [{ id = "my-notes" }]

[[events]]
id = "my-own-meeting"
date = "2020-08-19"
title = "A meeting of my own"
summary = "Nothing the record holds."
type = "politics"
places = ["bamako"]
sources = [{ id = "my-notes" }]
"""


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(MINE, encoding="utf-8")
    return path


def _ok(run: Run, *args: str, env: dict[str, str] | None = None) -> str:
    res = run(*args, env=env)
    assert res.exit_code == 0, res.output
    return res.stdout


def test_json_says_which_events_are_yours(run: Run, mine: Path) -> None:
    rows = json.loads(_ok(run, "timeline", "--year", "2020", "--data", str(mine), "-f", "json"))
    assert {r["id"]: r["yours"] for r in rows} == {
        "coup-2020": False,
        "year-end": False,
        "my-coup": True,
        "my-own-meeting": True,
    }
    card = json.loads(_ok(run, "event", "my-coup", "--data", str(mine), "-f", "json"))
    assert card["yours"] is True
    record = json.loads(_ok(run, "event", "coup-2020", "--data", str(mine), "-f", "json"))
    assert record["yours"] is False


def test_csv_has_a_yours_column_where_it_was_appended(run: Run, mine: Path) -> None:
    """Appended after the columns before it (replaces (U42) and fatalities_counted
    (U61) after it): a reader taking columns by position keeps working."""
    text = _ok(run, "timeline", "--year", "2020", "--data", str(mine), "-f", "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][22] == "yours"
    assert {r[rows[0].index("id")]: r[22] for r in rows[1:]}["my-coup"] == "true"
    assert {r[rows[0].index("id")]: r[22] for r in rows[1:]}["coup-2020"] == "false"


@pytest.mark.parametrize("columns", [80, 160, 220])
def test_a_table_marks_your_events(run: Run, mine: Path, columns: int) -> None:
    table = _ok(run, "timeline", "--year", "2020", "--data", str(mine), env=terminal(columns))
    lines = table.splitlines()
    marked = [line for line in lines if "(your data: mine.toml)" in line]
    assert len(marked) == 2, table  # my-coup and my-own-meeting, each once
    assert not any("Keïta ousted" in line for line in marked)


def test_a_card_says_the_event_is_yours(run: Run, mine: Path) -> None:
    plain = _ok(run, "event", "my-coup", "--data", str(mine), "-f", "plain")
    assert f"data\tyour data: {mine}, not the record's" in plain.splitlines()
    record = _ok(run, "event", "coup-2020", "--data", str(mine), "-f", "plain")
    assert "your data" not in record
    shown = _ok(run, "event", "my-coup", "--data", str(mine), env=terminal(80))
    assert "your data:" in shown


def test_validate_warns_of_a_likely_duplicate(run: Run, mine: Path) -> None:
    res = run("validate", str(mine))
    assert res.exit_code == 0, res.output  # warnings do not stop the data (documented)
    warned = [line for line in res.stdout.splitlines() if "may be the record's event" in line]
    assert len(warned) == 2, res.stdout
    coup, ambassador = warned
    assert "events 'my-coup'" in coup and "'coup-2020'" in coup
    assert "same type at the same place and date" in coup
    assert "events 'my-ambassador'" in ambassador and "'ambassador-expelled'" in ambassador
    assert "near-identical title" in ambassador
    assert "my-own-meeting" not in res.stdout
    assert "(2 warnings)" in res.stderr


def test_validate_json_lists_the_duplicate(run: Run, mine: Path) -> None:
    rows = json.loads(_ok(run, "validate", str(mine), "-f", "json"))
    said = {r["id"]: r for r in rows if "may be the record's event" in r["message"]}
    assert set(said) == {"my-coup", "my-ambassador"}
    assert all(r["severity"] == "warning" for r in said.values())


def test_an_imported_record_of_a_curated_incident_is_no_duplicate(run: Run, tmp_path: Path) -> None:
    """An ACLED record of the record's coup is what compare pairs, not a mistake."""
    path = tmp_path / "acled.toml"
    path.write_text(MINE.replace('id = "my-coup"', 'id = "acled-mli1234"'), encoding="utf-8")
    res = run("validate", str(path))
    assert "acled-mli1234' id: may be" not in res.stdout


def test_an_imports_events_are_yours(run: Run) -> None:
    """RV36: an import is data the user brought, not the record's: its events are marked
    as any --data event is (docs/acled.md, "Sources"), the record's never."""
    from conftest import FIXTURES

    export = FIXTURES / "acled" / "2015-upper.csv"
    rows = json.loads(_ok(run, "timeline", "--data", str(export), "-f", "json"))
    marks = {r["id"].startswith("acled-"): set() for r in rows}
    for r in rows:
        marks[r["id"].startswith("acled-")].add(r["yours"])
    assert marks == {True: {True}, False: {False}}


def test_validate_warns_of_a_duplicate_coded_as_a_kin_type(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    """RV36: U37's own case, the Solhan massacre in a user's file, went unsaid when the
    user coded it an attack: one incident is an attack to one source and a massacre to
    another (model.kin_types)."""
    path = tmp_path / "solhan.toml"
    path.write_text(
        MINE.split("[[events]]")[0]
        + '[[events]]\nid = "my-solhan"\ndate = "2021-06-05"\ntitle = "Gunmen kill 132"\n'
        'summary = "S."\ntype = "attack"\nplaces = ["solhan"]\nattribution = "unknown"\n'
        'sources = [{ id = "my-notes" }]\n',
        encoding="utf-8",
    )
    res = run("validate", str(path), env={"BARKHANE_CACHE": "0"})
    assert "'my-solhan' id: may be the record's event 'solhan-massacre'" in res.stdout, res.output
