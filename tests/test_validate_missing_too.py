"""validate names every missing field with the wrongly-typed one (U54 #19): `id = "x"`,
`date = 2019` listed four problems, and only once the date was quoted did `sources: is
missing` appear. A run checks as many fields as the table has, not as the entry wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run

MISSING = ["title", "summary", "type", "sources"]


@pytest.mark.parametrize("date", ["2019", '"2019"'])
def test_a_bare_date_hides_no_missing_field(run: Run, tmp_path: Path, date: str) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text(f'[[events]]\nid = "x"\ndate = {date}\n', encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 4
    said = {line.split(": ")[1].rsplit(" ", 1)[-1] for line in result.stdout.splitlines()}
    assert said == ({*MISSING, "date"} if date == "2019" else set(MISSING))
    missing = [f"{bad}:1: events 'x' {field}: is missing" for field in MISSING]
    assert [line for line in result.stdout.splitlines() if "is missing" in line] == missing


def test_every_missing_field_of_an_actor_is_named(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bare.toml"
    bad.write_text('[[actors]]\nid = "a"\nstart = 2019\n', encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 4
    lines = result.stdout.splitlines()
    for field in ("name", "kind", "summary", "sources"):
        assert f"{bad}:1: actors 'a' {field}: is missing" in lines, field
    assert any("actors 'a' start: expected a date as text" in line for line in lines)
