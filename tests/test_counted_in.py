"""A toll counted inside another's is added once (U54 #5).

`chart fatalities --place murzuq --year 2019` gave 168: the 42 dead of the 4 August air
strike, which OCHA's 90 for the clashes includes, were added to them; Djibo's 31 executed
went into Burkina Faso's total beside the 180 bodies their notes say not to sum with.
An event's `counted_in` names the event whose toll holds its dead: every sum leaves its
toll out and says so under the total; its card says where its dead are counted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal, watched

CLASHES = """
[[events]]
id = "toll-clashes"
date = "2019-08-04"
end = "2019-08-31"
title = "Clashes of a month"
summary = "S."
type = "battle"
places = ["timbuktu"]
tags = ["toll-test"]
fatalities = 90
sources = [{ id = "ref-a" }]
"""
STRIKE = """
[[events]]
id = "toll-strike"
date = "2019-08-04"
title = "An air strike within them"
summary = "S."
type = "attack"
places = ["timbuktu"]
tags = ["toll-test"]
fatalities = 42
fatalities_note = "the clashes' 90 include these 42"
counted_in = "INTO"
sources = [{ id = "ref-a" }]
"""


def _strike(into: str) -> str:
    return STRIKE.replace("INTO", into)


NOTE = "1 event's dead counted in another's toll, not added again"


def _data(tmp_path: Path, text: str) -> str:
    path = tmp_path / "tolls.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _layered(tmp_path: Path) -> str:
    return _data(tmp_path, CLASHES + _strike("toll-clashes"))


def test_a_chart_adds_the_part_once_and_says_so(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _layered(tmp_path)
    told = watched(monkeypatch)
    result = run(
        "chart", "fatalities", "--year", "2019", "--tag", "toll-test", "--data", data, "-f", "csv"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].split(",")[:4] == [
        "2019",
        "2019-01-01",
        "2019-12-31",
        "90",
    ]
    assert any(NOTE in said for said in told)
    drawn = run(
        "chart",
        "fatalities",
        "--year",
        "2019",
        "--tag",
        "toll-test",
        "--data",
        data,
        env=terminal(160),
    )
    assert NOTE in " ".join(drawn.stdout.split())


def test_the_map_sums_the_place_once(run: Run, tmp_path: Path) -> None:
    data = _layered(tmp_path)
    result = run("map", "--tag", "toll-test", "--by", "deaths", "--data", data, "-f", "json")
    assert result.exit_code == 0, result.stderr
    (marker,) = json.loads(result.stdout)
    assert (marker["events"], marker["deaths"]) == (2, 90)


def test_the_card_says_where_its_dead_are_counted(run: Run, tmp_path: Path) -> None:
    data = _layered(tmp_path)
    card = run("event", "toll-strike", "--data", data, env=terminal(160))
    assert "its dead are counted in toll-clashes's toll" in " ".join(card.stdout.split())
    shown = json.loads(run("event", "toll-strike", "--data", data, "-f", "json").stdout)
    assert shown["counted_in"] == "toll-clashes"
    assert shown["fatalities"] == 42  # its own toll is still shown


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (_strike("toll-strike"), "cannot be counted in its own toll"),
        (_strike("toll-nowhere"), "toll-nowhere"),
        (
            CLASHES.replace("fatalities = 90", 'counted_in = "toll-strike"')
            + _strike("toll-clashes"),
            "runs in a circle",
        ),
        (
            CLASHES.replace("fatalities = 90\n", "") + _strike("toll-clashes"),
            "has no toll to count these dead in",
        ),
        (
            CLASHES.replace('"2019-08-04"', '"2019-07-01"').replace('"2019-08-31"', '"2019-07-31"')
            + _strike("toll-clashes"),
            "ends before this event starts",
        ),
    ],
)
def test_validate_refuses_a_link_that_would_lose_dead(
    run: Run, tmp_path: Path, text: str, said: str
) -> None:
    result = run("validate", _data(tmp_path, text))
    assert result.exit_code != 0
    assert said in result.stdout + result.stderr
    assert "counted_in" in result.stdout + result.stderr


@pytest.mark.usefixtures("bundled")
def test_the_record_adds_murzuqs_strike_and_djibos_executions_once(run: Run) -> None:
    result = run("chart", "fatalities", "--place", "murzuq", "--year", "2019", "-f", "csv")
    assert result.stdout.splitlines()[1].split(",")[3] == "126"  # the clashes' 90 + 36
    summary = json.loads(run("summary", "--country", "burkina faso", "-f", "json").stdout)
    events = json.loads(run("timeline", "--country", "burkina faso", "-f", "json").stdout)
    events = events["events"] if isinstance(events, dict) else events
    added = sum(
        e["fatalities"] if e["fatalities"] is not None else e["fatalities_low"] or 0
        for e in events
        if e["counted_in"] is None
    )
    assert summary["period"]["fatalities_recorded"] == added
    assert summary["period"]["counted_elsewhere"] >= 1


def test_the_summary_says_it_under_its_total(run: Run, tmp_path: Path) -> None:
    data = _layered(tmp_path)
    alone = json.loads(run("summary", "--year", "2019", "-f", "json").stdout)["period"]
    layered = run("summary", "--year", "2019", "--data", data, "-f", "json")
    period = json.loads(layered.stdout)["period"]
    assert period["fatalities_recorded"] == alone["fatalities_recorded"] + 90
    assert period["counted_elsewhere"] == alone["counted_elsewhere"] + 1
    for columns in (80, 50):  # on the panel's edge, or under it where that would cut it
        shown = run("summary", "--year", "2019", "--data", data, env=terminal(columns)).stdout
        assert "event's dead counted in another's toll, not added again" in " ".join(shown.split())
