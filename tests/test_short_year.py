"""A year of fewer than four digits is refused with the year it likely stands for: U50's
`timeline --year 19` listed the year 19 AD ("19 is before the record"), where 2019 was
meant. One wording for --year and a date's year (dates.short_year_said), exit 2. A date
of one or two digits alone (`--since 19`) is no date, not a short year: unquoted, it is
often the day of a date the shell split (`--since 1 June 2015`, tests/test_usage_hints)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import Run

_NOT_GUESSED = "a shorter year is not guessed"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("timeline", "--year", "19"), "--year 19: write the year in four digits (2019?)"),
        (("timeline", "--year", "19", "--count"), "--year 19: write the year in four digits"),
        (("chart", "--year", "12"), "--year 12: write the year in four digits (2012?)"),
        (("map", "--year", "7"), "--year 7: write the year in four digits (2007?)"),
        (("summary", "--year", "21"), "--year 21: write the year in four digits (2021?)"),
    ],
)
def test_a_short_year_names_the_likely_one(run: Run, args: tuple[str, ...], said: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"barkhane: {said}"), line
    assert line.endswith(_NOT_GUESSED), line


@pytest.mark.parametrize("year", ["201", "99"])
def test_no_year_is_made_up_where_none_is_likely(run: Run, year: str) -> None:
    """Three digits could be 2010 or 2001; 99 is not 2099, a year still to come."""
    result = run("timeline", "--year", year)
    assert result.exit_code == 2
    assert result.stderr == (
        f"barkhane: --year {year}: write the year in four digits; {_NOT_GUESSED}\n"
    )


def test_a_year_of_four_digits_outside_the_record_is_read(run: Run) -> None:
    """1850 and 2030 are what was typed: the views say where they lie, as before."""
    later = dt.date.today().year + 4
    for year in ("1850", str(later)):
        result = run("timeline", "--year", year, "--count")
        assert (result.exit_code, result.stdout.strip()) == (0, "0"), result.stderr
