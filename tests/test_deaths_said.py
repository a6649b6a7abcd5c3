"""A table showing deaths says what they count (U45: "kill 18 soldiers at Inates" beside
"20 dead" read as a contradiction; the two attackers who blew themselves up are in the
toll, and only `event ID -f json` said so). The card gives each toll's note."""

from __future__ import annotations

import pytest
from conftest import Run, terminal

from barkhane_cli.render.events import DEATHS_SAID

# Inates, July 2019: 18 soldiers and 2 suicide bombers
INATES = ("timeline", "--since", "2019-07-01", "--until", "2019-07-01", "--place", "inates")
POINTER = f"{DEATHS_SAID}: barkhane event ID"

pytestmark = pytest.mark.usefixtures("bundled")


@pytest.mark.parametrize("columns", [80, 160])
def test_a_table_with_a_toll_says_what_its_deaths_count(run: Run, columns: int) -> None:
    shown = run(*INATES, env=terminal(columns)).stdout
    assert "kill 18 soldiers at Inates" in shown
    assert "20" in shown
    assert POINTER in shown
    assert all(len(line) <= columns for line in shown.splitlines())


def test_a_table_without_a_toll_says_nothing_of_deaths(run: Run) -> None:
    # 2016's politics events give no toll
    shown = run("timeline", "--type", "politics", "--year", "2016", env=terminal(80)).stdout
    assert "politics" in shown
    assert DEATHS_SAID not in shown


def test_the_card_says_whose_the_toll_is(run: Run) -> None:
    card = run("event", "inates-camp-attack-2019-07").stdout
    row = next(line for line in card.splitlines() if line.startswith("fatalities\t"))
    assert row.startswith("fatalities\t20 (")
    assert "18 + 2 = 20" in row


@pytest.mark.parametrize("columns", [80, 160])
def test_a_table_whose_columns_show_no_toll_says_nothing_of_deaths(run: Run, columns: int) -> None:
    """--fields without a deaths column: the rows hold a toll, the table shows none, and
    a line under it on what "deaths" count spoke of a column not there."""
    shown = run(*INATES, "--fields", "date,id,title", env=terminal(columns)).stdout
    assert "inates-camp-attack-2019-07" in shown
    assert DEATHS_SAID not in shown
    tolled = run(*INATES, "--fields", "date,title,fatalities", env=terminal(columns)).stdout
    assert POINTER in tolled
