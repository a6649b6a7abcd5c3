"""An event table that cuts a dispute's note (…) says under it where the note is whole,
"barkhane event ID", at every width, as the facts table does (U37, U38: the note ended
in "…" with no pointer); a table that cut none says nothing of it."""

from __future__ import annotations

import pytest
from conftest import Run, terminal

from barkhane_cli.render.table import CUT_SAID

# five events of 2022 in Liptako-Gourma, the last disputed at length
CUT = ("timeline", "--place", "liptako", "--year", "2022", "-n", "5")
# the first three events of 2022, none disputed
WHOLE = ("timeline", "--year", "2022", "-n", "3")
POINTER = f"{CUT_SAID}: barkhane event ID"


@pytest.mark.parametrize("columns", [80, 120, 160, 200])
def test_a_cut_note_points_to_the_event(run: Run, bundled: None, columns: int) -> None:
    shown = run(*CUT, env=terminal(columns)).stdout
    assert "…" in shown
    assert POINTER in shown


@pytest.mark.parametrize(
    "args", [WHOLE, (*CUT, "--wide")], ids=["no dispute", "--wide: notes whole"]
)
def test_a_table_that_cut_no_note_says_nothing_of_it(
    run: Run, bundled: None, args: tuple[str, ...]
) -> None:
    assert CUT_SAID not in run(*args, env=terminal(80)).stdout
