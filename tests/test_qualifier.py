"""A fact's qualifier (K64): the source's "more than 32,500" is never shown as a flat
32,500. Every view reads the word before the figure; JSON, CSV and SQLite keep the
number a number and give the word apart; validate refuses a word off the list."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from conftest import Run, as_json, rows, terminal

_SOURCE = """[[sources]]
id = "unhcr-burkina-2022-06"
title = "Burkina Faso hosts more than 32,500 refugees"
publisher = "UNHCR"
kind = "news"
date = "2022-06-21"

"""
_FACT = """[[facts]]
id = "burkina-refugees-june"
label = "Refugees and asylum-seekers in Burkina Faso"
value = 32500
qualifier = "more than"
unit = "people"
as_of = "2022-06-21"
scope = "Refugees in Burkina Faso; refugees and asylum-seekers (UNHCR: \\"more than 32,500\\")"
category = "displacement"
sources = [{ id = "unhcr-burkina-2022-06" }]
"""


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "mine.toml"
    path.write_text(_SOURCE + text, encoding="utf-8")
    return str(path)


@pytest.fixture
def qualified(tmp_path: Path) -> str:
    return _write(tmp_path, _FACT)


def test_facts_prints_the_value_as_its_source_words_it(run: Run, qualified: str) -> None:
    result = run("facts", "burkina-refugees-june", "--data", qualified)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "burkina-refugees-june\tRefugees and asylum-seekers in Burkina Faso\tmore than 32500"
        "\t\t\tpeople\t2022-06-21\tRefugees in Burkina Faso; refugees and asylum-seekers "
        '(UNHCR: "more than 32,500")\tdisplacement\t\tunhcr-burkina-2022-06\t\n'
    )  # the last column: no new basis (series_break, empty)
    md = run("facts", "burkina-refugees-june", "-f", "md", "--data", qualified).stdout
    assert (
        "| burkina-refugees-june | Refugees and asylum-seekers in Burkina Faso | more than 32500 |"
        in md
    )
    # a figure given plain is printed as before
    assert rows(run("facts", "barkhane-peak", "--data", qualified))[0][2] == "5100"


@pytest.mark.parametrize("columns", [80, 160])
def test_the_facts_table_and_the_card_show_more_than(
    run: Run, qualified: str, columns: int
) -> None:
    env = terminal(columns)
    table = run("facts", "burkina-refugees-june", "--data", qualified, env=env).stdout
    assert "more than" in table and "32,500" in table
    assert " ".join(table.split()).count("32,500") == 1  # the value; the scope is cut at ';'
    card = run("fact", "burkina-refugees-june", "--data", qualified, env=env).stdout
    assert "value     more than 32,500" in card


def test_json_gives_the_qualifier_apart_and_the_value_a_number(run: Run, qualified: str) -> None:
    facts = {f["id"]: f for f in as_json(run("facts", "-f", "json", "--data", qualified))}
    mine = facts["burkina-refugees-june"]
    assert (mine["value"], mine["qualifier"]) == (32500, "more than")
    assert facts["barkhane-peak"]["qualifier"] is None
    card = as_json(run("fact", "burkina-refugees-june", "-f", "json", "--data", qualified))
    assert card["qualifier"] == "more than"


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_has_a_qualifier_column(run: Run, qualified: str, fmt: str) -> None:
    text = run("facts", "-f", fmt, "--data", qualified).stdout
    table = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(text), dialect="excel-tab" if fmt == "tsv" else "excel")
    }
    assert (
        table["burkina-refugees-june"]["value"],
        table["burkina-refugees-june"]["qualifier"],
    ) == (
        "32500",
        "more than",
    )
    assert table["barkhane-peak"]["qualifier"] == ""


def test_the_sqlite_export_has_a_qualifier_column(run: Run, qualified: str, tmp_path: Path) -> None:
    path = tmp_path / "sahel.db"
    assert run("export", "sqlite", str(path), "--data", qualified).exit_code == 0
    with sqlite3.connect(path) as db:
        got = db.execute(
            "select id, value, qualifier from facts where id in "
            "('burkina-refugees-june', 'barkhane-peak') order by id"
        ).fetchall()
    assert got == [("barkhane-peak", 5100.0, None), ("burkina-refugees-june", 32500.0, "more than")]


def test_on_date_shows_more_than(run: Run, qualified: str) -> None:
    piped = [r for r in rows(run("on", "2022-06-25", "--data", qualified)) if r[0] == "figure"]
    assert ["figure", "burkina-refugees-june", "2022-06-21", "more than 32500"] in [
        r[:4] for r in piped
    ]
    page = run("on", "2022-06-25", "--full", "--no-pager", "--data", qualified, env=terminal(200))
    shown = " ".join(page.stdout.split())
    assert "Displacement: Refugees in Burkina Faso: more than 32,500 as of 2022-06-21" in shown
    screen = " ".join(
        run("on", "2022-06-25", "--data", qualified, env=terminal(100)).stdout.split()
    )
    assert "more than 32,500 people 2022-06-21" in screen


def test_summary_and_chart_show_more_than(run: Run, qualified: str) -> None:
    summary = [
        r for r in rows(run("summary", "-f", "plain", "--data", qualified)) if r[0] == "fact"
    ]
    assert ["fact", "burkina-refugees-june", "more than 32500"] in [r[:3] for r in summary]
    chart = run("chart", "displacement", "--data", qualified, env=terminal(100)).stdout
    assert "more than 32,500" in chart
    series = as_json(run("chart", "displacement", "-f", "json", "--data", qualified))
    assert [(r["value"], r["qualifier"], r["text"]) for r in series] == [
        (32500, "more than", "more than 32,500")
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'qualifier = "more thn"',
            "qualifier: 'more thn' is not one of more than, over, at least, nearly, almost, "
            "close to, about, around, some (did you mean 'more than'?)",
        ),
        (
            'qualifier = "about"\nlow = 30000\nhigh = 33000',
            "qualifier: a range (low, high) states its own bounds: give the value alone",
        ),
    ],
)
def test_validate_refuses_an_unknown_word_and_one_on_a_range(
    run: Run, tmp_path: Path, line: str, message: str
) -> None:
    path = _write(tmp_path, _FACT.replace('qualifier = "more than"', line))
    result = run("validate", path)
    assert result.exit_code == 4
    assert result.stdout == f"{path}:12: facts 'burkina-refugees-june' {message}\n"
