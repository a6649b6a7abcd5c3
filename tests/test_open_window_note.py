"""A window open at one end and wholly outside the record is said open (U54 #18):
`timeline --since 2022-11-10` said "2022-11-10 to 2022-12-31 is after the record ... 31
later events hidden", a closed range no one asked for (the aftermath runs to 2025), as
the record's last year was its open end."""

from __future__ import annotations

import pytest
from conftest import Run, terminal

_AFTER = (
    "every day from 2022-11-10 on is after the record, which ends on 2022-11-09: its {} "
    "are the aftermath, shown with --aftermath"
)
_BEFORE = (
    "every day until 2010-05-31 is before the record, which starts in 2011: nothing to "
    "show but what began earlier"
)


def _said(run: Run, *args: str) -> str:
    result = run(*args, env=terminal(400))
    assert result.exit_code == 0, result.stderr
    return " ".join((result.stdout + result.stderr).split())


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (("timeline", "--since", "2022-11-10"), _AFTER.format("events")),
        (("timeline", "--until", "2010-05"), _BEFORE),
        (("map", "--since", "2022-11-10"), _AFTER.format("events")),
        (("chart", "--since", "2022-11-10"), _AFTER.format("events")),
        (("facts", "--since", "2022-11-10"), _AFTER.format("figures")),
    ],
)
def test_an_open_window_outside_the_record_is_said_open(
    run: Run, args: tuple[str, ...], note: str
) -> None:
    said = _said(run, *args)
    assert note in said, said
    if args[0] != "chart":  # whose title says the axis it draws, closed
        assert "2022-12-31" not in said and "2010-01-01" not in said


def test_a_closed_window_is_said_as_before(run: Run) -> None:
    said = _said(run, "timeline", "--since", "2023-01", "--until", "2023-03")
    assert "2023-01-01 to 2023-03-31 is after the record" in said, said
