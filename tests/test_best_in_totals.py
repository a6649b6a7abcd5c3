"""The figure a sum of deaths adds (m.Event.counted: the best estimate, else a range's low
end) is shown where a person reads a toll (U50 #2: Moura read 200–500 on the table and the
card while summary, chart and map added 500; Koulogon 37–40, summed 38). A table puts the
best estimate before a range it is not the low end of ("38 (37–40)") and says under it
what totals add; the card says it in a row of its own; --sort deaths-best orders by it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Run, terminal

_EVENT = """
[[events]]
id = "{id}"
date = "{date}"
title = "{title}"
summary = "Gunmen attack a village."
type = "attack"
actors = ["jnim", "mali"]
perpetrators = ["jnim"]
targets = ["mali"]
attribution = "claimed"
places = ["timbuktu"]
sources = [{{ id = "ref-a" }}]
{deaths}
"""
# id: (date, the toll's fields, what a table shows, what a sum adds)
_TOLLS = {
    "inside": ("2019-03-01", "fatalities = 38\nfatalities_low = 37\nfatalities_high = 40"),
    "atop": ("2019-03-02", "fatalities = 500\nfatalities_low = 200\nfatalities_high = 500"),
    "at-low": ("2019-03-03", "fatalities = 55\nfatalities_low = 55\nfatalities_high = 111"),
    "no-best": ("2019-03-04", "fatalities_low = 60\nfatalities_high = 176"),
    "one": ("2019-03-05", "fatalities = 300"),
    "bound": ("2019-03-06", "fatalities_high = 15"),
}
_NOTE = "fatalities_note = \"the officials gave 37; Best: MINUSMA's 38, its inquiry's count\""


@pytest.fixture
def tolls(tmp_path: Path) -> str:
    path = tmp_path / "tolls.toml"
    entries = []
    for id_, (date, deaths) in _TOLLS.items():
        deaths += f"\n{_NOTE}" if id_ == "inside" else ""
        entries.append(_EVENT.format(id=id_, date=date, title=f"Attack {id_}", deaths=deaths))
    path.write_text("".join(entries), encoding="utf-8")
    return str(path)


def test_a_table_puts_the_best_estimate_before_a_range_it_is_not_the_low_end_of(
    run: Run, tolls: str
) -> None:
    for width in (80, 160):
        out = run("timeline", "--data", tolls, "--since", "2019-03", "--until", "2019-03",
                  env=terminal(width)).stdout  # fmt: skip
        flat = " ".join(out.split())
        for best, range_ in (("38", "37–40"), ("500", "200–500")):
            if width == 80:  # in the event's cell, before its word
                assert f"{best} ({range_}) dead" in flat, out
            else:  # the Deaths column's cell: the best on the row's line, the range under it
                assert re.search(rf" {best} +1 *\n *\({range_}\) *\n", out), out
        # at the low end, or with no best, the range says what a sum adds: no figure before it
        assert "55–111" in flat and "(55–111)" not in flat, out
        assert "60–176" in flat and "(60–176)" not in flat, out
        assert "(300)" not in flat and "up to 15" in flat, out
        # the rows fit (the pointer under them holds the file's path, never broken)
        assert all(len(line) <= width for line in out.splitlines() if "--data" not in line)
        # what the figure before a range is, under the table, in its first row's words
        assert "totals add best estimates, else a range's low end: 38 in 38 (37–40)" in flat


def test_a_table_without_such_a_row_keeps_its_line_as_it_was(run: Run, tolls: str) -> None:
    out = run("timeline", "--data", tolls, "--since", "2019-03-03", "--until", "2019-03-06",
              env=terminal(80)).stdout  # fmt: skip
    assert "deaths count all sides" in out and "totals add" not in out, out


def test_plain_and_json_keep_the_fields_as_they_are(run: Run, tolls: str) -> None:
    plain = run("timeline", "--data", tolls, "--since", "2019-03-01", "--until", "2019-03-01",
                "--fields", "id,fatalities,fatalities_low,fatalities_high").stdout  # fmt: skip
    assert plain == "inside\t38\t37\t40\n"


@pytest.mark.parametrize(
    ("id_", "said"),
    [
        ("inside", "38, the best estimate; the note: “Best: MINUSMA's 38, its inquiry's count”"),
        ("atop", "500, the best estimate"),
        ("at-low", "55, the best estimate"),
        ("no-best", "60, the range's low end (no best estimate given)"),
        ("bound", "nothing: an upper bound alone is no count"),
    ],
)
def test_the_card_says_what_totals_add_and_whose_where_the_note_says(
    run: Run, tolls: str, id_: str, said: str
) -> None:
    result = run("event", id_, "--data", tolls, env=terminal(160))
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert f"in totals {said}" in flat, result.stdout


def test_a_single_figure_needs_no_such_row(run: Run, tolls: str) -> None:
    result = run("event", "one", "--data", tolls, env=terminal(160))
    assert "in totals" not in result.stdout


def test_sort_deaths_best_orders_by_what_totals_add(run: Run, tolls: str) -> None:
    result = run("timeline", "--data", tolls, "--since", "2019-03", "--until", "2019-03",
                 "--sort", "-deaths-best", "--fields", "id")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    # 500, 300, 60 (no best: its low end), 55, 38; an upper bound alone is no count: last
    assert result.stdout.split() == ["atop", "one", "no-best", "at-low", "inside", "bound"]
    # and the sums add the same figures: 38 + 500 + 55 + 60 + 300
    chart = run("chart", "fatalities", "--data", tolls, "--since", "2019-03", "--until",
                "2019-03", "-f", "json").stdout  # fmt: skip
    assert sum(int(r["value"]) for r in json.loads(chart)) == 953


def test_the_help_says_once_what_totals_add(run: Run) -> None:
    out = " ".join(
        run("timeline", "--help", env={"COLUMNS": "200"}).stdout.replace("│", " ").split()
    )
    assert (
        "deaths-best and -deaths-best what totals add (best estimates, else a range's low end"
        in out
    )
