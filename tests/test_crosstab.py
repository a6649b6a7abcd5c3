"""Two --facet options: a cross-tab of the matching events by a pair of fields (U11 saw
the first facet dropped without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, Run, as_json

DEATHS = str(FIXTURES / "deaths.toml")

# One event in two countries (Bamako and Ouagadougou) with two places in Mali: it counts
# once for Mali and once for Burkina Faso in its year, not twice for Mali.
_TWO_COUNTRIES = """
[[events]]
id = "border-raid"
date = "2019-07-01"
title = "A raid on both sides of the border"
summary = "Gunmen strike in two countries."
type = "attack"
actors = ["jnim"]
places = ["bamako", "timbuktu", "ouagadougou"]
sources = [{ id = "ref-a" }]
"""


def test_two_facets_count_each_pair_in_the_first_fields_order_then_the_seconds(
    run: Run,
) -> None:
    result = run("timeline", "--data", DEATHS, "--facet", "type", "--facet", "year", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "type,year,events",
        "attack,2016,1",
        "attack,2019,2",
        "coup,2012,1",
        "coup,2020,1",
        "operation,2013,1",
        "operation,2021,1",
        "politics,2011,1",
        "politics,2020,1",
        "battle,2012,1",
        "diplomacy,2022,1",
        "withdrawal,2022,1",
    ]


def test_an_event_counts_once_per_distinct_pair(run: Run, tmp_path: Path) -> None:
    extra = tmp_path / "raid.toml"
    extra.write_text(_TWO_COUNTRIES, encoding="utf-8")
    got = as_json(
        run("timeline", "--data", str(extra), "--year", "2019",
            "--facet", "country", "--facet", "year", "-f", "json")
    )  # fmt: skip
    # (the fixture has no country entries: a country is named as its places' `country`
    # writes it, geo.country_namer; ties go by name)
    assert got == [
        {"country": "burkina-faso", "country_name": "Burkina Faso", "year": 2019, "events": 1},
        {"country": "mali", "country_name": "Mali", "year": 2019, "events": 1},
    ]


def test_a_cross_tab_names_ids_and_counts_events_with_no_value_under_null(run: Run) -> None:
    args = ("--data", DEATHS, "--facet", "perpetrator", "--facet", "tag", "-f", "json")
    got = as_json(run("timeline", *args))
    assert got[0] == {"perpetrator": "jnim",
                      "perpetrator_name": "Jama'at Nusrat al-Islam wal-Muslimin",
                      "tag": None, "events": 2}  # fmt: skip
    assert got[-1] == {"perpetrator": None, "perpetrator_name": None, "tag": None, "events": 3}
    # actor and place take it too, over their own events
    card = as_json(run("actor", "jnim", "--data", DEATHS, "--facet", "target",
                       "--facet", "year", "-f", "json"))  # fmt: skip
    assert card == [
        {"target": "mali", "target_name": "Mali", "year": 2019, "events": 2},
        {"target": None, "target_name": None, "year": 2016, "events": 1},
    ]


def test_a_cross_tab_on_a_terminal(run: Run, tty: dict[str, str]) -> None:
    result = run("place", "bamako", "--facet", "type", "--facet", "year", env=tty)
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "Events by type and year"
    assert lines[1].split() == ["Type", "Year", "Events"]
    assert lines[-1].endswith("; 4 events")


@pytest.mark.parametrize(
    ("facets", "line"),
    [
        (
            ("country", "year", "type"),
            "barkhane: --facet given 3 times; give it once, or twice for a cross-tab "
            "(--facet country --facet year)\n",
        ),
        (
            ("country", "Country"),
            "barkhane: --facet country given twice; a cross-tab takes two different fields\n",
        ),
    ],
)
def test_more_than_two_facets_or_one_twice_is_a_usage_error(
    run: Run, facets: tuple[str, ...], line: str
) -> None:
    args = [a for f in facets for a in ("--facet", f)]
    for command in (["timeline"], ["actor", "jnim"], ["place", "bamako"]):
        result = run(*command, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)
