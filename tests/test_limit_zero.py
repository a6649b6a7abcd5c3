"""--limit 0 shows no rows of what matched (a file's header alone; a script's warm-up),
and never says nothing matched (U45: `timeline --type coup -n 0` said "no events match"
when 9 did; `-n 2` said "2 of 9 events (--limit 2)")."""

from __future__ import annotations

import pytest
from conftest import Run, terminal


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("timeline", "--tag", "coup"), "0 of 2 events (--limit 0)"),
        (("timeline", "--country", "mali"), "0 of "),
        (("facts",), "0 of "),
        (("actors",), "0 of "),
        (("timeline", "--facet", "type"), "0 of "),
    ],
)
def test_a_limit_of_none_says_how_many_matched(run: Run, args: tuple[str, ...], line: str) -> None:
    result = run(*args, "-n", "0", env=terminal(80))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    said = result.stderr.splitlines()
    assert said and said[0].startswith(line), result.stderr
    assert said[0].split(" (--limit 0)")[0] != "0 of 0", result.stderr
    assert "match" not in result.stderr, result.stderr  # "no events match", "no facts match"


def test_a_limit_of_none_on_a_view_of_none_still_says_none_matched(run: Run) -> None:
    result = run("timeline", "--tag", "coup", "--year", "2015", "-n", "0", env=terminal(80))
    assert result.stderr.splitlines()[0] == "no events match"


def test_a_file_of_none_is_its_header(run: Run) -> None:
    result = run("timeline", "-f", "tsv", "-n", "0")
    assert (result.exit_code, len(result.stdout.splitlines())) == (0, 1)
    assert result.stdout.startswith("date\t")


@pytest.mark.parametrize("card", [("actor", "mali"), ("place", "bamako")])
def test_a_card_cut_to_no_events_says_how_many_matched(run: Run, card: tuple[str, ...]) -> None:
    every = run(*card, "--count").stdout.strip()
    assert int(every) > 0
    shown = run(*card, "-n", "0", env=terminal(80)).stdout
    assert f"0 of {every} event" in shown and "(--limit 0)" in shown
    assert "No events of" not in shown
