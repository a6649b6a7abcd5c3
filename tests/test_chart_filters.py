"""chart takes timeline's filters (U33): `chart --target minusma` answered Typer's "No
such option", while timeline, map, compare and gaps take --target. The bars count the
events timeline lists with the same filters, and the title says the filters."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import Run, terminal

# each of timeline's filters chart did not take, with a value over the record
FILTERS = [
    ("--target", "minusma"),
    ("--perpetrator", "jnim"),
    ("--place", "menaka"),
    ("--type", "coup"),
    ("--tag", "hostages"),
    ("--not-tag", "hostages"),
    ("--search", "ambush"),
    ("--min-deaths", "50"),
]


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize(("option", "value"), FILTERS)
def test_the_bars_count_what_timeline_lists(run: Run, option: str, value: str) -> None:
    listed = run("timeline", option, value, "-f", "json")
    assert listed.exit_code == 0, listed.stderr
    per_year = Counter(e["date"][:4] for e in json.loads(listed.stdout))
    chart = run("chart", option, value, "-f", "json")
    assert chart.exit_code == 0, chart.stderr
    bars = {b["label"]: b["value"] for b in json.loads(chart.stdout) if b["value"]}
    assert bars == dict(per_year)
    assert sum(bars.values()) < _all_bars(run)


_ALL: list[int] = []


def _all_bars(run: Run) -> int:
    """The events the unfiltered chart counts, once a worker (each filter's test drew it
    again, ~0.1 s of CPU a time)."""
    if not _ALL:
        _ALL.append(sum(b["value"] for b in json.loads(run("chart", "-f", "json").stdout)))
    return _ALL[0]


@pytest.mark.usefixtures("bundled")
def test_the_bars_count_the_aftermath_timeline_lists(run: Run) -> None:
    """With --aftermath and a filter (the events after the record's end that it keeps),
    as with a filter alone: the same events, year by year, 2024 among them."""
    args = ("--aftermath", "--min-deaths", "12", "--not-tag", "benin")
    listed = run("timeline", *args, "-f", "json")
    per_year = Counter(e["date"][:4] for e in json.loads(listed.stdout))
    assert per_year["2024"] > 0  # Togo, 2024-07-20
    chart = run("chart", *args, "-f", "json")
    assert {b["label"]: b["value"] for b in json.loads(chart.stdout) if b["value"]} == per_year


@pytest.mark.usefixtures("bundled")
def test_the_title_says_the_filters(run: Run) -> None:
    drawn = run("chart", "fatalities", "--target", "minusma", "--type", "attack", env=terminal(120))
    assert drawn.exit_code == 0, drawn.stderr
    title = drawn.stdout.splitlines()[0]
    assert title.startswith("Recorded fatalities per year, ")
    assert title.endswith(" (against MINUSMA; type attack)")


@pytest.mark.parametrize("kind", ["troops", "displacement"])
def test_a_figures_chart_refuses_an_event_filter(run: Run, kind: str) -> None:
    """Troops and displacement are dated figures, not events: a filter of events is
    refused, as --actor was (U22), never drawn without it."""
    result = run("chart", kind, "--target", "minusma")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        f"barkhane: --target does not apply to chart {kind} (it is for chart events or "
        "fatalities); it shows "
    )


@pytest.mark.usefixtures("bundled")
def test_fatalities_by_target_say_every_side_s_dead_are_counted(run: Run) -> None:
    """U34 read `chart fatalities --target minusma`'s 43 dead of 2021 as peacekeepers
    killed (the UN counted 19): the bars hold every death of those events, the attackers'
    too, and the chart says so under them, where a chart of every event does not."""
    said = "every side's dead in these events, attackers' and targets' alike"
    for option, value in (("--target", "minusma"), ("--perpetrator", "jnim")):
        drawn = run("chart", "fatalities", option, value, env=terminal(160))
        assert drawn.exit_code == 0, drawn.stderr
        assert said in " ".join(drawn.stdout.split())
    whole = run("chart", "fatalities", env=terminal(160))
    assert whole.exit_code == 0 and "every side's dead" not in whole.stdout
