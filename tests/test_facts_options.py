"""facts takes timeline's --count, --sort and --limit (K69): the same options, declared
once (cli/options.py), read the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, command_at, terminal

# Three figures of one source: dates, values and ids in three different orders.
_FACTS = """[[sources]]
id = "k69-report"
title = "A report"
publisher = "OCHA"
kind = "report"
date = "2016"

[[facts]]
id = "k69-b-middle"
label = "Zorblat figure middle"
value = 500
unit = "people"
as_of = "2014"
scope = "Mali; a test"
category = "other"
sources = [{ id = "k69-report" }]

[[facts]]
id = "k69-c-small"
label = "Zorblat figure small"
value = 20
unit = "people"
as_of = "2016"
scope = "Mali; a test"
category = "other"
sources = [{ id = "k69-report" }]

[[facts]]
id = "k69-a-large"
label = "Zorblat figure large"
value = 9000
unit = "people"
as_of = "2015"
scope = "Mali; a test"
category = "other"
sources = [{ id = "k69-report" }]
"""


@pytest.fixture
def zorblat(tmp_path: Path) -> str:
    path = tmp_path / "zorblat.toml"
    path.write_text(_FACTS, encoding="utf-8")
    return str(path)


def _ids(run: Run, data: str, *args: str) -> list[str]:
    result = run("facts", "zorblat", "-f", "plain", "--data", data, *args)
    assert result.exit_code == 0, result.output
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (None, ["k69-b-middle", "k69-a-large", "k69-c-small"]),  # as of, as ever
        ("date", ["k69-b-middle", "k69-a-large", "k69-c-small"]),
        ("-date", ["k69-c-small", "k69-a-large", "k69-b-middle"]),
        ("value", ["k69-c-small", "k69-b-middle", "k69-a-large"]),
        ("-value", ["k69-a-large", "k69-b-middle", "k69-c-small"]),
        ("id", ["k69-a-large", "k69-b-middle", "k69-c-small"]),
        ("-ID", ["k69-c-small", "k69-b-middle", "k69-a-large"]),
    ],
)
def test_facts_sort_orders_by_as_of_value_or_id(
    run: Run, zorblat: str, order: str | None, expected: list[str]
) -> None:
    assert _ids(run, zorblat, *(["--sort", order] if order else [])) == expected


def test_facts_limit_applies_after_sort_and_the_footer_says_what_it_cut(
    run: Run, zorblat: str
) -> None:
    assert _ids(run, zorblat, "--sort", "-value", "-n", "2") == ["k69-a-large", "k69-b-middle"]
    table = run("facts", "zorblat", "--limit", "1", "--data", zorblat, env=terminal(80))
    assert "1 of 3 facts (--limit 1)" in table.stdout


def test_facts_count_prints_the_number_as_timeline_does(run: Run, zorblat: str) -> None:
    assert run("facts", "zorblat", "--count", "--data", zorblat).stdout == "3\n"
    assert run("facts", "zorblat", "-c", "-n", "2", "--data", zorblat).stdout == "2\n"
    as_json = run("facts", "zorblat", "--count", "-f", "json", "--data", zorblat).stdout
    assert json.loads(as_json) == {"facts": 3}
    assert run("facts", "zorblat", "--count", "-f", "csv", "--data", zorblat).stdout == "facts\n3\n"
    assert run("timeline", "--count", "-f", "json").stdout.startswith('{"events": ')


def test_facts_refuses_an_unknown_sort_naming_the_orders_it_takes(run: Run) -> None:
    result = run("facts", "--sort", "deaths")
    assert result.exit_code == 2
    assert "--sort values are: date, -date, value, -value, id, -id" in result.output


def test_facts_help_says_the_orders_and_shares_timelines_options() -> None:
    facts = {p.name: p for p in command_at(("facts",)).params}
    timeline = {p.name: p for p in command_at(("timeline",)).params}
    sort_help = facts["sort"].help or ""  # type: ignore[attr-defined]
    assert sort_help.startswith("date (as of: the default), -date (newest first), value")
    for name in ("count", "sort", "limit"):
        assert facts[name].opts == timeline[name].opts  # -c, -n as timeline's
    # timeline's says what it cuts, events or (with --facet) a facet's values (U41)
    said = facts["limit"].help.rstrip(".")  # type: ignore[attr-defined]
    assert timeline["limit"].help.startswith(said)  # type: ignore[attr-defined]
