"""A word typed as a command that another command answers names that command (U45:
`barkhane leaders` said "did you mean 'places'?"; `leader`, `president`, `who` pointed to
a search; `on DATE` lists each country's leaders)."""

from __future__ import annotations

import shlex

import pytest
from conftest import Run

from barkhane_cli.cli.askedfor import ASKED_FOR


@pytest.mark.parametrize("word", ["leaders", "leader", "President", "who"])
def test_asking_for_leaders_names_on_date(run: Run, word: str) -> None:
    result = run(word)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"barkhane: no such command {word!r}; each country's leaders on a day: "
        "barkhane on 2020-08-18 (any date)\n"
    )


def test_a_near_spelling_of_a_command_is_still_a_near_spelling(run: Run) -> None:
    assert (
        run("timelin").stderr == "barkhane: no such command 'timelin'; did you mean 'timeline'?\n"
    )
    assert "did you mean: barkhane search mali" in run("mali").stderr


@pytest.mark.parametrize("answer", sorted({a.words for a in ASKED_FOR.values()}))
def test_every_command_the_table_names_runs(
    run: Run, bundled: None, answer: tuple[str, ...]
) -> None:
    result = run(*answer)
    assert result.exit_code == 0, (answer, result.stderr)
    assert result.stdout.strip()


def test_the_named_command_is_given_back_with_the_data_files(run: Run) -> None:
    line = run("leaders", "--data", "my file.toml").stderr
    assert line.rstrip("\n").endswith(
        f"barkhane on --data {shlex.quote('my file.toml')} 2020-08-18 (any date)"
    )
