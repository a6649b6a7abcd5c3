"""`on` a day after the record lists the eras in place at its end, as it lists the
leaders in office then, and says so: `on 2023-03-01` said "Eras: none in place" though
MINUSMA, Goïta's transition and Traoré's junta run open-ended to the record's end (U61
#6). An era whose recorded end comes before the day (Barkhane's, on the record's last
day) is not in place."""

from __future__ import annotations

import pytest
from conftest import Run, as_json

pytestmark = pytest.mark.usefixtures("bundled")


def test_the_eras_open_at_the_record_end_are_in_place_after_it(run: Run) -> None:
    result = run("on", "2023-03-01", "-f", "json")
    assert result.exit_code == 0, result.stderr
    content = as_json(result)
    eras = {e["id"]: e for e in content["eras"]}
    assert {"minusma", "transition-goita", "burkina-traore-junta"} <= set(eras)
    assert "barkhane" not in eras  # ended on the record's last day, before the day asked
    assert {e["as_of"] for e in eras.values()} == {"2022-11-09"}
    assert "no era" not in content["note"]


def test_the_terminal_says_the_eras_are_as_of_the_record_end(run: Run, tty: dict[str, str]) -> None:
    result = run("on", "2023-03-01", "--no-pager", env=tty)
    assert result.exit_code == 0, result.stderr
    heading = next(line for line in result.stdout.splitlines() if line.startswith("Eras"))
    assert "none in place" not in heading
    assert "in place, as of the record's end (2022-11-09)" in heading


def test_within_the_record_an_era_is_not_marked(run: Run) -> None:
    content = as_json(run("on", "2020-08-18", "-f", "json"))
    assert content["eras"] and all(e["as_of"] is None for e in content["eras"])


def test_a_piped_era_row_ends_with_the_day_it_is_known_in_place(run: Run) -> None:
    rows = [line.split("\t") for line in run("on", "2023-03-01").stdout.splitlines()]
    minusma = next(r for r in rows if r[:2] == ["era", "minusma"])
    assert minusma[-1] == "2022-11-09"
