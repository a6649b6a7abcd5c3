"""compare and gaps on a terminal when nothing matches say so in one line, as timeline
does (U31): gaps drew an empty table's header and "By month:" over nothing, and compare
said "0 of 0 events have records in the loaded data". The export is the codebook
fixture (no real row)."""

from __future__ import annotations

from conftest import FIXTURES, Run

EXPORT = str(FIXTURES / "acled" / "2019-2022.csv")


def test_gaps_with_no_incident_says_so_and_keeps_its_count(run: Run, tty: dict[str, str]) -> None:
    result = run("gaps", "--data", EXPORT, "--min-deaths", "1000", env=tty)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "no incidents match"
    assert lines[1].startswith("0 incidents without a curated counterpart, from ")
    assert "Date" not in result.stdout and "By month" not in result.stdout


def test_compare_with_no_event_says_so(run: Run, tty: dict[str, str]) -> None:
    result = run("compare", "--data", EXPORT, "--year", "2015", env=tty)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "no events match\n"
