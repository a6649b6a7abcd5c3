"""--facet with --limit N gives the N values (or pairs) with the most events, counted over
every matching event (U41 #16): `timeline --facet actor -n 5` counted the first 5 events
of 2011 and printed all 12 of their actors, and piped as a "top 5", said nothing."""

from __future__ import annotations

import pytest
from conftest import Run, as_json, terminal


def _facet(run: Run, *args: str) -> list[dict[str, object]]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, object]] = as_json(result)
    return rows


def _top(rows: list[dict[str, object]], n: int, *facets: str) -> list[dict[str, object]]:
    """The ``n`` rows of the most events, in the facet's order; a row of no value for one
    of ``facets`` (null: "(none named)") only when fewer than ``n`` values are left."""
    kept = sorted(
        range(len(rows)),
        key=lambda i: (any(rows[i][f] is None for f in facets), -int(str(rows[i]["events"]))),
    )[:n]
    return [r for i, r in enumerate(rows) if i in kept]


@pytest.mark.parametrize("command", [("timeline",), ("actor", "mali")])
def test_the_limit_keeps_the_values_of_the_most_events(run: Run, command: tuple[str, ...]) -> None:
    every = _facet(run, *command, "--facet", "actor")
    assert len(every) > 3  # else the cut shows nothing
    top = _facet(run, *command, "--facet", "actor", "-n", "3")
    assert top == _top(every, 3, "actor")  # the counts over every event, not over the first 3


def test_a_year_facet_keeps_its_order_and_its_busiest_years(run: Run) -> None:
    every = _facet(run, "timeline", "--facet", "year")
    top = _facet(run, "timeline", "--facet", "year", "-n", "2")
    assert top == _top(every, 2, "year")
    assert [r["year"] for r in top] == sorted(int(str(r["year"])) for r in top)


def test_a_cross_tab_keeps_its_pairs_of_the_most_events(run: Run) -> None:
    args = ("timeline", "--facet", "country", "--facet", "year")
    every = _facet(run, *args)
    top = _facet(run, *args, "-n", "2")
    assert top == _top(every, 2, "country", "year")


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize("facets", [("perpetrator",), ("year", "perpetrator")])
def test_events_naming_no_value_take_none_of_the_top(run: Run, facets: tuple[str, ...]) -> None:
    """RV37: in 2019, 90 of 160 events name no perpetrator; `--facet perpetrator -n 5`
    gave 4 perpetrators and a "(none named)" row, which is no perpetrator."""
    args = ("timeline", "--year", "2019", *(a for f in facets for a in ("--facet", f)))
    every = _facet(run, *args)
    assert max(every, key=lambda r: int(str(r["events"])))["perpetrator"] is None  # the case
    top = _facet(run, *args, "-n", "3")
    assert len(top) == 3 and all(r["perpetrator"] is not None for r in top), top
    assert top == _top(every, 3, *facets)


def test_the_footer_says_how_many_values_the_limit_left_out(run: Run) -> None:
    every = _facet(run, "timeline", "--facet", "actor")
    result = run("timeline", "--facet", "actor", "-n", "2", env=terminal(120))
    footer = result.stdout.splitlines()[-1]
    assert footer.startswith(f"2 of {len(every)} values (--limit 2); "), footer
