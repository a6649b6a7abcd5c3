"""`--place TOWN`, a town sharing its name with a region, says how to ask for the region
in every view of the events, not only under the table: U50 copied `timeline --year 2019
--place mopti --count`'s 0 into a report (the Mopti Region had 28), with no word that
Mopti is the town."""

from __future__ import annotations

import pytest
from conftest import Run, terminal, watched

_MOPTI = "Mopti is the town; the Mopti Region is --place mopti-region"


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "--count"),
        ("timeline", "--count", "-f", "json"),
        ("timeline", "--facet", "type"),
        ("timeline", "-f", "json"),
        ("timeline", "-f", "csv"),
        ("map", "-f", "json"),
        ("chart", "events", "-f", "csv"),
        ("chart", "fatalities", "--facet", "country", "-f", "json"),
    ],
)
def test_a_count_or_a_machine_format_tells_it_on_a_watched_stderr(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    told = watched(monkeypatch, worked_out=True)  # as on a terminal's stderr
    result = run(*args, "--year", "2019", "--place", "mopti")
    assert result.exit_code == 0, result.stderr
    assert _MOPTI not in result.stdout  # the data stays data
    assert any(_MOPTI in note for note in told), told


def test_piped_the_number_stands_alone(run: Run, bundled: None) -> None:
    result = run("timeline", "--year", "2019", "--place", "mopti", "--count")
    assert result.stdout.strip().isdigit()
    assert _MOPTI not in result.stderr


def test_the_drawn_chart_says_it_under_its_bars(run: Run, bundled: None) -> None:
    drawn = run("chart", "events", "--year", "2019", "--place", "mopti", env=terminal(160))
    assert drawn.exit_code == 0, drawn.stderr
    assert _MOPTI in " ".join(drawn.stdout.split())


def test_with_the_region_asked_for_too_it_is_not_said(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch, worked_out=True)
    args = ("--year", "2019", "--place", "mopti", "--place", "mopti-region", "--count")
    result = run("timeline", *args)
    assert int(result.stdout) > 0
    assert not any("is the town" in note for note in told), told
