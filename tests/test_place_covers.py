"""`timeline --place AREA`, an area made of regions or spanning countries, says under the
table what the area covers and where it is told: `timeline --place liptako` listed
events in Kidal, Gao, Niamey and Ouagadougou with no word of why (U38)."""

from __future__ import annotations

import re

import pytest
from conftest import Run, terminal


def _footer(run: Run, *args: str) -> str:
    """The lines under a timeline's table at 80 columns, joined as one text."""
    result = run("timeline", *args, "-n", "1", env=terminal(80))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"1 of \d", line))
    return " ".join(lines[start:])


@pytest.mark.parametrize(
    ("place", "said"),
    [
        (
            "liptako",
            "Liptako-Gourma covers 16 regions and 1 capital in Burkina Faso, Mali and"
            " Niger: barkhane place liptako-gourma",
        ),
        (
            "northern-mali",
            "Northern Mali covers Timbuktu Region, Taoudénit Region, Gao Region, Ménaka"
            " Region and Kidal Region: barkhane place northern-mali",
        ),
        (
            "lake chad",
            "Lake Chad covers places within 4 countries (Cameroon, Chad, Niger and"
            " Nigeria): barkhane place lake-chad",
        ),
    ],
)
def test_an_area_s_events_say_what_it_covers(
    run: Run, bundled: None, place: str, said: str
) -> None:
    assert said in _footer(run, "--place", place)


@pytest.mark.parametrize("place", ["tillaberi-region", "gao", "mali"])
def test_a_region_a_town_or_a_country_says_nothing_of_it(
    run: Run, bundled: None, place: str
) -> None:
    assert " covers " not in _footer(run, "--place", place)


def test_a_script_reads_the_events_alone(run: Run, bundled: None) -> None:
    piped = run("timeline", "--place", "liptako", "-n", "1")
    assert piped.exit_code == 0
    assert "covers" not in piped.stdout + piped.stderr
    assert len(piped.stdout.splitlines()) == 1
