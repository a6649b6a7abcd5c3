"""A year of fewer than four digits is refused with the year it likely stands for: U50's
`timeline --year 19` listed the year 19 AD ("19 is before the record"), where 2019 was
meant. One rule and one wording for --year and every date (dates.short_year), exit 2:
`--since 19`, `--until 19` and `on 19` are told 2019 too (U53). A day the shell split
from the words of its date (`--since 1 June 2015`) is still read with them
(tests/test_usage_hints)."""

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


@pytest.mark.parametrize(
    ("args", "option", "typed", "meant"),
    [
        (("timeline", "--since", "19"), "--since", "19", " (2019?)"),
        (("timeline", "--until", "19"), "--until", "19", " (2019?)"),
        (("timeline", "--since", "2019-03", "--until", "21"), "--until", "21", " (2021?)"),
        (("on", "19"), "DATE", "19", " (2019?)"),
        (("summary", "--since", "15"), "--since", "15", " (2015?)"),
        (("chart", "--until", "7"), "--until", "7", " (2007?)"),
        (("sources", "--since", "12"), "--since", "12", " (2012?)"),
        (("actor", "jnim", "--until", "18"), "--until", "18", " (2018?)"),
        (("timeline", "--since", "201"), "--since", "201", ""),
    ],
)
def test_every_date_option_reads_a_short_year_as_year_does(
    run: Run, args: tuple[str, ...], option: str, typed: str, meant: str
) -> None:
    """U53: `--since 19` and `on 19` were only "not a date" where `--year 19` named 2019:
    one rule (dates.short_year) for --year and every date, in one wording."""
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, ""), result.stdout
    assert result.stderr == (
        f"barkhane: {option}: '{typed}': write the year in four digits{meant}; {_NOT_GUESSED}\n"
    )


def test_a_day_the_shell_split_from_its_date_is_still_joined(run: Run) -> None:
    """`--since 1 June 2015` unquoted: the 1 is the day of the words after it, not a year."""
    split = run("timeline", "--since", "1", "June", "2015", "--until", "2015-06-30", "--count")
    quoted = run("timeline", "--since", "1 June 2015", "--until", "2015-06-30", "--count")
    assert split.exit_code == 0, split.stderr
    assert split.stdout == quoted.stdout
