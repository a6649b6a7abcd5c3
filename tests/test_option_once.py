"""An option that takes one value, given twice, is refused in one line, exit 2: Click kept
the last, so `timeline -s raupach -s mcmanus` listed McManus's events alone, exit 0, and
nothing said the first was dropped (U61), where the help says two options of one kind
match either. The repeatable options still take every value given."""

from __future__ import annotations

import pytest
from conftest import Run

from barkhane_cli.errors import ExitCode


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["timeline", "-s", "raupach", "-s", "mcmanus", "--fields", "id"],
            "--search given twice ('raupach', then 'mcmanus'): give it once; its words must "
            "all match; to find either of two, run it once for each",
        ),
        (
            ["timeline", "--search=raupach", "-s", "mcmanus"],
            "--search given twice ('raupach', then 'mcmanus'): give it once; its words must "
            "all match; to find either of two, run it once for each",
        ),
        (
            ["timeline", "--year", "2019", "--year", "2020", "--count"],
            "--year given twice ('2019', then '2020'): give it once; it takes one value",
        ),
        (
            ["on", "2020-08-18", "-f", "json", "-f", "plain"],
            "--format given twice ('json', then 'plain'): give it once; it takes one value",
        ),
        (
            ["sources", "--publisher", "afp", "--publisher", "reuters", "--count"],
            "--publisher given twice ('afp', then 'reuters'): give it once; it takes one value",
        ),
    ],
)
def test_a_single_valued_option_given_twice_is_refused(
    run: Run, args: list[str], said: str
) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.USAGE == 2
    assert result.stderr == f"barkhane: {said}\n"
    assert result.stdout == ""


def test_a_repeatable_option_still_matches_either(run: Run) -> None:
    one = run("timeline", "--type", "coup", "--count")
    other = run("timeline", "--type", "attack", "--count")
    both = run("timeline", "--type", "coup", "--type", "attack", "--count")
    assert both.exit_code == 0
    assert int(both.stdout) == int(one.stdout) + int(other.stdout) > int(one.stdout) > 0
