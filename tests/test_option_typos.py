"""A mistyped option gets one line naming it and the option meant, where one is a slip
of a key away (U37, U38: `timeline --sinse 2020` was told only to see --help, where
Click had offered --since); exit 2, the usage error's code, either way."""

from __future__ import annotations

import pytest
from conftest import Run

from barkhane_cli.errors import ExitCode


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (["timeline", "--sinse", "2020"], "--since"),  # a letter wrong
        (["timeline", "--sinse=2020"], "--since"),
        (["on", "--formt", "json"], "--format"),  # a letter dropped
        (["timeline", "--tpye", "attack"], "--type"),  # two letters swapped
        (["timeline", "--yeat", "2020"], "--year"),
        (["facts", "--contry", "mali"], "--country"),
        (["timeline", "--limitt", "3"], "--limit"),  # a letter added
    ],
)
def test_a_slip_of_a_key_is_offered_the_option_meant(run: Run, args: list[str], meant: str) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.USAGE == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    typed = args[1].partition("=")[0]
    assert lines[0] == f"barkhane: no such option {typed!r}; did you mean {meant!r}?"


@pytest.mark.parametrize("typed", ["--xyz", "--colour-scheme"])
def test_an_option_near_none_points_to_help(run: Run, typed: str) -> None:
    result = run("timeline", typed)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == f"barkhane: no such option {typed!r}; see 'barkhane timeline --help'\n"
