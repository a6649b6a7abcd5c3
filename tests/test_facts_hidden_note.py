"""facts says the figures --aftermath would add under its table, as timeline does (U32).

`facts minusma killed` on a terminal printed "2 later figures hidden; add --aftermath"
before the table (straight to stderr, ahead of the rows), so it sat above the header,
cut off from the footer that counts the facts; one such figure read "1 later figures".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, terminal, watched

LATER = """
[[facts]]
id = "barkhane-size-2023"
label = "French troops in Barkhane's successor, 2023"
value = 3000
unit = "troops"
as_of = "2023-02"
scope = "Sahel"
category = "troops"
actors = ["france"]
sources = [{ id = "ref-a" }]
"""


def _data(tmp_path: Path) -> str:
    path = tmp_path / "later.toml"
    path.write_text(LATER, encoding="utf-8")
    return str(path)


def test_the_note_closes_the_table(run: Run, tmp_path: Path) -> None:
    result = run("facts", "barkhane", "--data", _data(tmp_path), env=terminal(100))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[-1] == "2 facts; 1 later figure hidden; add --aftermath"
    assert "hidden" not in "\n".join(lines[:-1])


def test_with_count_it_follows_the_number(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    result = run("facts", "barkhane", "--count", "--data", _data(tmp_path), env=terminal(100))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "2\n"
    assert told == ["1 later figure hidden; add --aftermath"]


def test_aftermath_shows_them_and_says_nothing(run: Run, tmp_path: Path) -> None:
    data = _data(tmp_path)
    result = run("facts", "barkhane", "--aftermath", "--data", data, env=terminal(100))
    assert result.exit_code == 0, result.stderr
    assert "hidden" not in result.stdout + result.stderr
    assert "barkhane-size-2023" in run("facts", "barkhane", "--aftermath", "--data", data).stdout
