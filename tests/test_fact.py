"""A fact in full: the facts table with --wide, and `fact ID` (U11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DISPUTED_FACT, Run, cli, terminal

# A figure resting on four sources with long ids, as mali-refugees-2013-06 does.
_IDS = [
    "ocha-2013-06-21-mali-sitrep-35",
    "ocha-2013-05-23-mali-sitrep-33",
    "ocha-2013-07-05-mali-sitrep-36",
    "reliefweb-2013-06-01-mali-situation-update-19",
]
_SOURCES = "".join(
    f'[[sources]]\nid = "{i}"\ntitle = "Mali situation report {n}"\npublisher = "OCHA"\n'
    f'kind = "report"\ndate = "2013-06"\n\n'
    for n, i in enumerate(_IDS)
)
_FACT = (
    _SOURCES
    + """[[facts]]
id = "mali-refugees-2013-06"
label = "Malian refugees in neighbouring countries"
value = 174129
unit = "people"
as_of = "2013-05-20"
kind = "estimated"
scope = "Refugees from Mali; in Burkina Faso, Mauritania and Niger"
category = "displacement"
note = "The sum of the three countries' registrations."
sources = [
  { id = "ocha-2013-06-21-mali-sitrep-35", note = "table on page 2" },
  { id = "ocha-2013-05-23-mali-sitrep-33" },
  { id = "ocha-2013-07-05-mali-sitrep-36" },
  { id = "reliefweb-2013-06-01-mali-situation-update-19" },
]
"""
)


@pytest.fixture
def refugees(tmp_path: Path) -> str:
    path = tmp_path / "refugees.toml"
    path.write_text(_FACT, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("width", ["80", "250"])
def test_facts_wide_shows_every_source_id_in_full(run: Run, refugees: str, width: str) -> None:
    env = terminal(width)
    result = run("facts", "mali-refugees", "--wide", "--data", refugees, env=env)
    assert result.exit_code == 0
    assert "…" not in result.stdout  # nothing cut, the scope whole too (review)
    assert "Refugees from Mali;" in result.stdout
    words = result.stdout.replace(",", " ").split()
    assert [w for w in words if w in _IDS] == _IDS


def test_fact_shows_one_fact_in_full_with_each_source_and_its_note(run: Run, refugees: str) -> None:
    env = terminal(100)
    result = run("fact", "mali-refugees-2013-06", "--data", refugees, env=env)
    assert result.exit_code == 0, result.stderr
    shown = " ".join(result.stdout.replace("│", " ").split())
    for part in (
        "value 174,129",
        "unit people",
        "as of 20 May 2013",
        "period 2013-05-20",
        "scope Refugees from Mali; in Burkina Faso, Mauritania and Niger",
        "kind estimated",
        "note The sum of the three countries' registrations.",
        "ocha-2013-06-21-mali-sitrep-35 — OCHA, “Mali situation report 0” — 2013-06",
        "note: table on page 2",
        "reliefweb-2013-06-01-mali-situation-update-19 — OCHA, “Mali situation report 3”",
    ):
        assert part in shown, part


def test_fact_plain_gives_a_running_totals_period(run: Run, tmp_path: Path) -> None:
    from test_file_columns import _RUNNING_TOTAL

    extra = tmp_path / "total.toml"
    extra.write_text(_RUNNING_TOTAL, encoding="utf-8")
    result = run("fact", "peacekeepers-killed-total", "--data", str(extra))
    rows = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    assert (rows["as of"], rows["since"], rows["cause"]) == ("2021-08", "2013-07", "hostile")
    assert rows["period"] == "2013-07 to 2021-08 (a running total)"


def test_fact_json_is_the_object_facts_json_lists(run: Run, refugees: str) -> None:
    listed = json.loads(run("facts", "-f", "json", "--data", refugees).stdout)
    one = json.loads(run("fact", "mali-refugees-2013-06", "-f", "json", "--data", refugees).stdout)
    assert one == next(f for f in listed if f["id"] == "mali-refugees-2013-06")
    assert json.loads(run("fact", "wagner-size", "-f", "json").stdout)["low"] == 1000


def test_fact_csv_is_its_row_of_facts_csv(run: Run) -> None:
    listed = run("facts", "-f", "csv").stdout.splitlines()
    assert run("fact", "wagner", "-f", "csv").stdout.splitlines() == [
        listed[0],
        next(line for line in listed if line.startswith("wagner-size,")),
    ]


@pytest.mark.parametrize(
    ("ident", "line"),
    [
        (
            "wagner-sise",
            "barkhane: no fact matches 'wagner-sise'; "
            "did you mean Wagner personnel in Mali (wagner-size)?\n",
        ),
        ("zzzz", "barkhane: no fact matches 'zzzz'; barkhane facts --fields id lists them all\n"),
    ],
)
def test_an_unknown_fact_is_one_line_and_exit_3(run: Run, ident: str, line: str) -> None:
    result = run("fact", ident)
    assert (result.exit_code, result.stdout, result.stderr) == (3, "", line)


def test_fact_ids_complete_on_tab(run: Run) -> None:
    assert run("sources").exit_code == 0  # completion reads the store this builds
    env = {"_BARKHANE_COMPLETE": "complete_bash", "COMP_WORDS": "barkhane fact barkhane-p"}
    result = CliRunner().invoke(cli(), [], prog_name="barkhane", env=env | {"COMP_CWORD": "2"})
    assert result.stdout.split() == ["barkhane-peak", "barkhane-peak-seed"]


@pytest.mark.parametrize("width", ["80", "160"])
def test_facts_table_cuts_a_long_dispute_to_two_lines(run: Run, tmp_path: Path, width: str) -> None:
    # U17: at 80 columns the whole disputed line wrapped the row to 12 lines
    extra = tmp_path / "g5.toml"
    extra.write_text(DISPUTED_FACT, encoding="utf-8")
    env = terminal(width)
    out = run("facts", "g5", "--data", str(extra), "--no-pager", env=env).stdout
    lines = out.splitlines()
    flag = next(n for n, line in enumerate(lines) if "⚑ disputed: A paper" in line)
    note = lines[flag : flag + 3]
    if width == "80":
        # cut; the fact's id is above it (U35), the command giving it whole under the
        # table, with the run's --data file (U36: in the cell, it carried none)
        assert sum(line.rstrip().endswith("…") for line in note) == 1
        assert "equipment" not in out and "names no date" not in out
        assert "g5-paper-strength · Mali" in lines[flag - 1]
        at = next(i for i, line in enumerate(lines) if "a note cut short (…) is whole in:" in line)
        # on its line, or wider than the terminal on a line of its own
        said = lines[at].split("is whole in:", 1)[1].strip() or lines[at + 1].strip()
        assert said == f"barkhane fact --data {extra} ID"
        assert lines[-1] == "1 fact"
    else:  # the Fact column, with the id under the label, holds it whole in two lines
        assert "names no date." in note[1] and "…" not in out
    # --wide and `fact ID` give it whole
    wide = run("facts", "g5", "--data", str(extra), "--no-pager", "--wide", env=env).stdout
    assert "no date." in wide
    whole = run("fact", "g5-paper-strength", "--data", str(extra), "--no-pager", env=env).stdout
    assert "no date." in whole
