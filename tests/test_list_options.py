"""actors and places take --count, --sort and --limit, and search --count, as timeline and
facts do (K73): the same options, declared once (cli/options.py), the orders in orders.py."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import Run, checked_record, column, command_at, rows, terminal

# Two armed groups beside the fixture's JNIM (one event), named in three events and one,
# and a country with a region, two towns in it and four events at the towns: counts that
# differ, and ties (Alpha Brigade and JNIM; Arbinda and Ouagadougou) to show what a tie keeps.
_LISTS = """[[sources]]
id = "k73-report"
title = "A report"
publisher = "OCHA"
kind = "report"
date = "2019"

[[actors]]
id = "k73-zulu"
name = "Zulu Front"
kind = "armed-group"
summary = "A test group."
sources = [{ id = "k73-report" }]

[[actors]]
id = "k73-alpha"
name = "Alpha Brigade"
kind = "armed-group"
summary = "A test group."
sources = [{ id = "k73-report" }]

[[places]]
id = "burkina-faso"
name = "Burkina Faso"
kind = "country"
lat = 12.37
lon = -1.53
sources = [{ id = "k73-report" }]

[[places]]
id = "k73-sahel"
name = "Sahel Region"
kind = "region"
within = "burkina-faso"
sources = [{ id = "k73-report" }]

[[places]]
id = "k73-djibo"
name = "Djibo"
kind = "town"
within = "k73-sahel"
lat = 14.1
lon = -1.63
sources = [{ id = "k73-report" }]

[[places]]
id = "k73-arbinda"
name = "Arbinda"
kind = "town"
within = "k73-sahel"
lat = 14.23
lon = -0.87
sources = [{ id = "k73-report" }]
""" + "".join(
    f"""
[[events]]
id = "k73-{n}"
date = "2019-0{n}-10"
title = "Zorblat {n}"
summary = "A test."
type = "attack"
attribution = "unknown"
actors = {actors}
places = ["{place}"]
sources = [{{ id = "k73-report" }}]
"""
    for n, actors, place in [
        (1, '["k73-zulu", "k73-alpha"]', "k73-djibo"),
        (2, '["k73-zulu"]', "k73-djibo"),
        (3, '["k73-zulu"]', "k73-djibo"),
        (4, "[]", "k73-arbinda"),
    ]
)


@pytest.fixture
def lists(tmp_path: Path) -> str:
    path = tmp_path / "k73.toml"
    path.write_text(_LISTS, encoding="utf-8")
    return str(path)


def _ids(run: Run, *args: str) -> list[str]:
    result = run(*args, "-f", "plain")
    assert result.exit_code == 0, result.output
    return column(result, 0)


# --- actors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (None, ["k73-alpha", "jnim", "k73-zulu"]),  # kind, then name, as ever
        ("kind", ["k73-alpha", "jnim", "k73-zulu"]),
        ("name", ["k73-alpha", "jnim", "k73-zulu"]),
        ("-name", ["k73-zulu", "jnim", "k73-alpha"]),
        ("id", ["jnim", "k73-alpha", "k73-zulu"]),
        ("-events", ["k73-zulu", "k73-alpha", "jnim"]),  # 3, then 1 and 1 by name
        ("events", ["k73-alpha", "jnim", "k73-zulu"]),  # the tie by name here too
        ("-Events", ["k73-zulu", "k73-alpha", "jnim"]),  # any case, as facts --sort
    ],
)
def test_actors_sort_orders_and_a_tie_keeps_kind_then_name(
    run: Run, lists: str, order: str | None, expected: list[str]
) -> None:
    sort = ["--sort", order] if order else []
    assert _ids(run, "actors", "--kind", "armed-group", *sort, "--data", lists) == expected


def test_actors_sort_by_kind_reverses_the_kinds(run: Run, lists: str) -> None:
    kinds = column(run("actors", "--sort", "-kind", "-f", "plain", "--data", lists), 2)
    assert kinds == sorted(kinds, reverse=True) and kinds[0] == "state"


def test_actors_limit_and_count_follow_the_sort(run: Run, lists: str) -> None:
    assert _ids(run, "actors", "--sort", "-events", "-n", "2", "--data", lists) == [
        "mali",  # 5 events in the fixture
        "k73-zulu",  # 3, as France, which the default order puts after it (armed-group)
    ]
    assert run("actors", "--count", "--data", lists).stdout == "10\n"
    assert run("actors", "-c", "-n", "4", "--data", lists).stdout == "4\n"
    assert run("actors", "-c", "-n", "40", "--data", lists).stdout == "10\n"
    assert run("actors", "-c", "--sort", "id", "--data", lists).stdout == "10\n"
    table = run("actors", "--sort", "-events", "-n", "2", "--data", lists, env=terminal(80))
    assert "2 of 10 actors (--limit 2)" in table.stdout


@pytest.mark.usefixtures("bundled")
def test_actors_count_is_the_number_of_rows_listed(run: Run) -> None:
    """The user's "how many armed groups?": the number, the rows it stands for and the
    record's own actors, counted here from the record."""
    listed = run("actors", "--kind", "armed-group", "-f", "plain").stdout
    counted = run("actors", "--kind", "armed-group", "--count").stdout
    dataset, _ = checked_record()
    armed = sum(a.kind == "armed-group" for a in dataset.actors.values())
    assert counted == f"{armed}\n" and len(listed.splitlines()) == armed > 10


@pytest.mark.usefixtures("bundled")
def test_actors_most_named_are_the_records_most_named(run: Run) -> None:
    """The user's "the ten actors named in most events", three here: counted in the test
    from the record's events (an actor once an event, the aftermath not counted, as the
    Events column says), not by the code that lists them."""
    dataset, _ = checked_record()
    named = Counter(a for e in dataset.events for a in set(e.actors)).most_common(4)
    assert named[0][1] > named[1][1] > named[2][1] > named[3][1]  # no tie decides these
    result = run("actors", "--sort", "-events", "-n", "3", "-f", "plain")
    assert [(row[0], int(row[4])) for row in rows(result)] == named[:3]


# --- places ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # the country, then its places by name, as ever
        (None, ["burkina-faso", "k73-arbinda", "k73-djibo", "ouagadougou", "k73-sahel"]),
        ("country", ["burkina-faso", "k73-arbinda", "k73-djibo", "ouagadougou", "k73-sahel"]),
        ("-country", ["k73-sahel", "ouagadougou", "k73-djibo", "k73-arbinda", "burkina-faso"]),
        ("name", ["k73-arbinda", "burkina-faso", "k73-djibo", "ouagadougou", "k73-sahel"]),
        ("id", ["burkina-faso", "k73-arbinda", "k73-djibo", "k73-sahel", "ouagadougou"]),
        # 5 (every event in the country), 4 (the region's), 3, then 1 and 1 by name
        ("-events", ["burkina-faso", "k73-sahel", "k73-djibo", "k73-arbinda", "ouagadougou"]),
        ("events", ["k73-arbinda", "ouagadougou", "k73-djibo", "k73-sahel", "burkina-faso"]),
    ],
)
def test_places_sort_orders_and_a_tie_keeps_country_then_name(
    run: Run, lists: str, order: str | None, expected: list[str]
) -> None:
    sort = ["--sort", order] if order else []
    assert _ids(run, "places", "--country", "bf", *sort, "--data", lists) == expected


def test_places_most_events_in_a_country_with_limit_and_count(run: Run, lists: str) -> None:
    """The user's "the places with most events in Burkina Faso", and how many there are."""
    result = run("places", "--country", "bf", "--sort", "-events", "-n", "2", "-f", "plain",
                 "--data", lists)  # fmt: skip
    assert [(row[0], row[-1]) for row in rows(result)] == [
        ("burkina-faso", "5"),
        ("k73-sahel", "4"),
    ]
    assert run("places", "--country", "bf", "--count", "--data", lists).stdout == "5\n"
    assert run("places", "--within", "k73-sahel", "-c", "--data", lists).stdout == "2\n"
    assert run("places", "-c", "-n", "3", "--data", lists).stdout == "3\n"
    table = run("places", "-n", "1", "--data", lists, env=terminal(80))
    assert "1 of 7 places (--limit 1)" in table.stdout


# --- search ----------------------------------------------------------------------------


def test_search_count_is_the_number_of_results_listed(run: Run, lists: str) -> None:
    """The user's "how many hits for Wagner?"."""
    listed = run("search", "zorblat", "-f", "plain", "--data", lists).stdout.splitlines()
    assert len(listed) == 4
    assert run("search", "zorblat", "--count", "--data", lists).stdout == "4\n"
    assert run("search", "zorblat", "-c", "-n", "2", "--data", lists).stdout == "2\n"
    assert run("search", "zorblat", "-c", "--kind", "actor", "--data", lists).stdout == "0\n"
    table = run("search", "zorblat", "-n", "1", "--data", lists, env=terminal(80))
    assert "1 of 4 results (--limit 1)" in table.stdout


# --- every list alike ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "key", "n"),
    [
        (("actors",), "actors", 10),
        (("places",), "places", 7),
        (("search", "zorblat"), "results", 4),
        (("facts",), "facts", 3),
    ],
)
def test_count_in_json_and_csv_names_what_it_counts(
    run: Run, lists: str, words: tuple[str, ...], key: str, n: int
) -> None:
    as_json = run(*words, "--count", "-f", "json", "--data", lists).stdout
    assert json.loads(as_json) == {key: n}
    assert run(*words, "--count", "-f", "csv", "--data", lists).stdout == f"{key}\n{n}\n"


@pytest.mark.parametrize(
    ("command", "typed", "meant", "orders"),
    [
        ("actors", "evnts", "events", "kind, -kind, name, -name, id, -id, events, -events"),
        ("places", "contry", "country", "country, -country, name, -name, id, -id, events, -events"),
    ],
)
def test_an_unknown_order_is_refused_naming_the_orders(
    run: Run, command: str, typed: str, meant: str, orders: str
) -> None:
    for count in ([], ["--count"]):  # --count reads no row, but the order is checked
        result = run(command, "--sort", typed, *count)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (
            f"barkhane: unknown --sort value '{typed}'; did you mean '{meant}'? "
            f"--sort values are: {orders}\n"
        )


def test_the_lists_share_timelines_options_and_say_their_orders() -> None:
    timeline = {p.name: p for p in command_at(("timeline",)).params}
    for words in (("actors",), ("places",), ("search",)):
        params = {p.name: p for p in command_at(words).params}
        names = ("count", "limit") if words == ("search",) else ("count", "sort", "limit")
        for name in names:
            assert params[name].opts == timeline[name].opts  # -c, -n as timeline's
        # timeline's says what it cuts, events or (with --facet) a facet's values (U41)
        said = params["limit"].help.rstrip(".")  # type: ignore[attr-defined]
        assert timeline["limit"].help.startswith(said)  # type: ignore[attr-defined]
    actors = {p.name: p for p in command_at(("actors",)).params}
    places = {p.name: p for p in command_at(("places",)).params}
    assert (actors["sort"].help or "").startswith("kind (then name: the default), name")  # type: ignore[attr-defined]
    assert (places["sort"].help or "").startswith("country (by the countries' names")  # type: ignore[attr-defined]
    assert '-f json gives {"actors": N}' in (actors["count"].help or "")  # type: ignore[attr-defined]
