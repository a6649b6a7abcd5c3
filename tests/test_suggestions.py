"""A "did you mean" where a user guessed a name rather than mistyped it (U15): a field
called by what it holds, an event asked for by its place."""

from __future__ import annotations

import pytest
from conftest import Run


@pytest.mark.parametrize(
    ("command", "asked", "meant"),
    [
        ("facts", "date", "as_of"),  # a fact's date is as_of
        ("timeline", "deaths", "fatalities"),  # letters alone said "did you mean 'date'?"
        ("timeline", "toll", "fatalities"),
        ("timeline", "when", "date"),  # an event's date is date
        ("facts", "When", "as_of"),
    ],
)
def test_a_field_called_by_another_name_gets_the_field_it_means(
    run: Run, command: str, asked: str, meant: str
) -> None:
    result = run(command, "--fields", f"id,{asked}", "-f", "csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    kind = "facts" if command == "facts" else "events"
    assert result.stderr.startswith(
        f"barkhane: unknown field {asked!r} for {kind}; did you mean {meant!r}? fields are: id, "
    )
    assert len(result.stderr.splitlines()) == 1
