"""At 80 columns the event's type sits under its date, never beside the second line of a
wrapped title (U54 #14: `timeline --target minusma --year 2021` showed "attack
contractor  bourem-…", read as the type "attack contractor")."""

from __future__ import annotations

import pytest
from conftest import Run, terminal


@pytest.mark.parametrize(
    ("args", "tail"),
    [
        (("--target", "minusma", "--year", "2021"), "contractor"),
        (("--place", "liptako-gourma", "--year", "2019", "--sort", "-deaths", "-n", "8"),
         "claims it"),
    ],
)  # fmt: skip
def test_a_wrapped_titles_last_words_are_not_beside_the_type(
    bundled: None, run: Run, args: tuple[str, ...], tail: str
) -> None:
    res = run("timeline", *args, env=terminal(80))
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    # the title's last words, on the line under its first
    at = next(i for i, line in enumerate(lines) if line[14:].startswith(tail))
    assert not lines[at][:14].strip()  # nothing in the date column beside them
    assert lines[at + 1][:14].strip() == "attack"  # the type on the next line
