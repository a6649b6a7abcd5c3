"""chart says what no bar holds under the chart, not above its title (U32).

`chart --by month --year 2018` on a terminal printed "2 events dated only to the year are
not in a month's bar" straight to stderr before drawing, so the line came out above the
chart's title, apart from the chart's closing words; piped to a file with stderr
redirected, it was written into a log where the other notes are not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, terminal, watched

EVENTS = """
[[events]]
id = "raid-of-a-year"
date = "2018"
title = "Raids known only by their year"
summary = "S."
type = "attack"
attribution = "unknown"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]

[[events]]
id = "raid-of-a-day"
date = "2018-03-04"
title = "A raid of one day"
summary = "S."
type = "attack"
attribution = "unknown"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""
NOTE = "1 event dated only to the year is not in a month's bar"


def _data(tmp_path: Path) -> str:
    path = tmp_path / "raids.toml"
    path.write_text(EVENTS, encoding="utf-8")
    return str(path)


def test_the_note_closes_the_drawn_chart(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the file named short: the line fits 160 columns
    args = ("chart", "--by", "month", "--year", "2018", "--data", Path(_data(tmp_path)).name)
    result = run(*args, env=terminal(160))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0] == "Events per month, 2018"
    # what was counted: the layer's events are in the bars (U35)
    assert lines[-1] == f"events in the curated timeline and {args[-1]}; {NOTE}"


@pytest.mark.parametrize("fmt", ["csv", "json", "plain"])
def test_rows_stay_data_and_the_note_goes_to_a_watched_stderr(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    told = watched(monkeypatch)
    args = ("chart", "--by", "month", "--year", "2018", "--data", _data(tmp_path))
    result = run(*args, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "dated only to the year" not in result.stdout
    assert told == [NOTE]


@pytest.mark.parametrize("facet", [(), ("--facet", "country")])
def test_piped_fatalities_tell_what_the_bars_count(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, facet: tuple[str, ...]
) -> None:
    """U45: `chart fatalities | head` gave "2019 2193 ###" without the drawn chart's "not
    a total death toll": where no chart draws it, it goes to a watched stderr, as the
    chart's other notes do (_tell_unless_drawn); the rows stay data."""
    told = watched(monkeypatch)
    result = run("chart", "fatalities", "--data", _data(tmp_path), *facet, "-f", "plain")
    assert result.exit_code == 0, result.stderr
    assert "total" not in result.stdout
    assert [note for note in told if "(not a total death toll; counted totals: " in note]
