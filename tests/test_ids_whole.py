"""An id column is never cut, as a date column is not: the other columns give way first.
`barkhane sources` at 80 columns cut ids to 30 cells ("un-psdata-2025-04-dppadposs-f…"),
which `barkhane cite ID` then refused (U37, U38)."""

from __future__ import annotations

import pytest
from conftest import Run, as_json, terminal


def _ids(run: Run, *args: str) -> list[str]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [entry["id"] for entry in as_json(result)]


@pytest.mark.parametrize("columns", [80, 100, 160])
def test_every_source_id_is_whole_on_a_terminal(run: Run, bundled: None, columns: int) -> None:
    # the longest ids first: the ones a column too narrow cuts
    args = ("sources", "--sort", "-cited", "-n", "40")
    ids = _ids(run, *args)
    shown = run(*args, env=terminal(columns))
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    starts = {line.split()[0] for line in lines if line.strip()}
    assert [i for i in ids if i not in starts] == []
    assert "…" not in "".join(line.split()[0] for line in lines if line.strip())
    assert max(map(len, lines)) <= columns  # and the table fits: nothing for the terminal to wrap


def test_an_id_a_listing_shows_is_one_cite_takes(run: Run, bundled: None) -> None:
    lines = run("sources", "--sort", "-cited", "-n", "10", env=terminal(80)).stdout.splitlines()
    longest = max((line.split()[0] for line in lines[2:] if line.strip()), key=len)
    assert len(longest) > 30  # one the old 30-cell column cut
    cited = run("cite", longest)
    assert cited.exit_code == 0, cited.stderr


def test_ids_asked_for_beside_many_columns_stay_whole(run: Run, bundled: None) -> None:
    # --fields: no column is dropped, so the others narrow; the ids keep every letter
    args = ("facts", "--fields", "id,label,value,unit,kind,scope,as_of", "-n", "8")
    ids = _ids(run, *args)
    shown = run(*args, env=terminal(80)).stdout
    assert [i for i in ids if i not in shown.split()] == []
