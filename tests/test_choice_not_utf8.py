"""A choice typed with a byte that is not UTF-8 is named as typed, '\\xff', as
refuses_blank names a name (K70), not as Python's lone surrogate '\\udcff', which no shell
gives back: `sources --kind $'rep\\xffort'` said "unknown kind 'rep\\udcffort'"."""

from __future__ import annotations

import pytest
from conftest import Run

# $'...\xff...' in the shell, as Python reads it from the command line: a lone surrogate
BAD = "\udcff"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("sources", "--kind", f"rep{BAD}ort"),
            "unknown kind 'rep\\xffort'; did you mean 'report'?",
        ),
        (("actors", "--kind", f"sta{BAD}te"), "unknown kind 'sta\\xffte'; did you mean 'state'?"),
        (("timeline", "--sort", f"da{BAD}te"), "unknown --sort value 'da\\xffte'; did you mean"),
        (("timeline", "--fields", f"id,ti{BAD}tle"), "unknown field 'ti\\xfftle' for events;"),
    ],
)
def test_a_choice_not_utf8_is_named_as_typed(run: Run, args: tuple[str, ...], said: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"barkhane: {said}"), result.stderr
    assert "udcff" not in result.stderr and result.stderr.count("\n") == 1
