"""`on` after the record marks a leader whose recorded term ended before the day (U54 #16):
`on 2024-05-01` listed "Niger: Mohamed Bazoum" under the leaders "as of the record's end",
while the same output gave his term as 2021-04-02 to 2023-07-26 (overthrown). He held
office at the record's end, and is listed so, but not as if he still did on the day."""

from __future__ import annotations

import pytest
from conftest import Run, as_json, terminal

pytestmark = pytest.mark.usefixtures("bundled")

_DAY = "2024-05-01"


def _screen(run: Run, *args: str) -> str:
    result = run("on", *args, "--no-pager", env=terminal(160))
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def test_a_term_ended_before_the_day_is_said_ended(run: Run) -> None:
    rows = {
        r["id"]: r for c in as_json(run("on", _DAY, "-f", "json"))["leaders"] for r in c["leaders"]
    }
    assert rows["mohamed-bazoum"]["end"] == "2023-07-26"  # what the record holds
    said = _screen(run, _DAY)
    assert "Niger: Mohamed Bazoum (term ended 2023-07-26)" in said, said
    # a term still open at the record's end is listed as it was
    assert "Mali: Assimi Goïta" in said and "Assimi Goïta (term ended" not in said
    # the whole page says it too
    assert "Mohamed Bazoum (2021-04-02 to 2023-07-26, " in _screen(run, _DAY, "--full")
    assert "term ended 2023-07-26" in _screen(run, _DAY, "--full")


def test_piped_the_row_says_it_where_the_day_s_mark_goes(run: Run) -> None:
    rows = [r.split("\t") for r in run("on", _DAY).stdout.splitlines()]
    bazoum = next(r for r in rows if r[0] == "leader" and r[2] == "mohamed-bazoum")
    assert bazoum[6] == "term ended 2023-07-26"
    goita = next(r for r in rows if r[0] == "leader" and r[2] == "assimi-goita")
    assert goita[6] == ""


def test_a_day_before_the_end_of_his_term_is_as_before(run: Run) -> None:
    """2023-03-01: after the record, but his recorded term runs on: no mark."""
    said = _screen(run, "2023-03-01")
    assert "Niger: Mohamed Bazoum" in said and "term ended" not in said
