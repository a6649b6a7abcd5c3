"""Every event output a script reads carries the figure the tool's own totals add
(fatalities_counted): U61 summed `fatalities` of `timeline -f csv` and got 2011: 60 and
2022: 2,182 where `chart fatalities` said 462 and 2,549, as 60 events are known only by a
range (a sum adds its low end) and two are counted inside another event's toll."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from conftest import Run

YEARS = ("2011", "2013", "2019", "2022")


def _out(run: Run, *args: str) -> str:
    res = run(*args)
    assert res.exit_code == 0, res.output
    return res.stdout


def _chart(run: Run) -> dict[str, int]:
    bars = json.loads(_out(run, "chart", "fatalities", "-f", "json"))
    return {b["label"]: b["value"] for b in bars}


@pytest.mark.parametrize("year", YEARS)
def test_summing_the_csv_column_gives_the_chart_s_year(bundled: None, run: Run, year: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_out(run, "timeline", "--year", year, "-f", "csv"))))
    summed = sum(int(r["fatalities_counted"] or 0) for r in rows)
    assert summed == _chart(run)[year]
    # the plain sum is what misled: the column differs from it where ranges stand alone
    assert summed != sum(int(r["fatalities"] or 0) for r in rows)


def test_json_jsonl_and_tsv_carry_it_with_counted_in_beside_it(bundled: None, run: Run) -> None:
    events = json.loads(_out(run, "timeline", "--year", "2013", "-f", "json"))
    assert sum(e["fatalities_counted"] or 0 for e in events) == _chart(run)["2013"]
    ranged = next(e for e in events if e["id"] == "ifoghas-battle")
    assert (ranged["fatalities"], ranged["fatalities_counted"]) == (None, 233)
    lines = _out(run, "timeline", "--year", "2013", "-f", "jsonl").splitlines()
    assert [json.loads(x)["fatalities_counted"] for x in lines] == [
        e["fatalities_counted"] for e in events
    ]
    tsv = list(
        csv.DictReader(
            io.StringIO(_out(run, "timeline", "--year", "2013", "-f", "tsv")), delimiter="\t"
        )
    )
    assert sum(int(r["fatalities_counted"] or 0) for r in tsv) == _chart(run)["2013"]


def test_an_event_counted_in_another_adds_zero(bundled: None, run: Run) -> None:
    events = json.loads(_out(run, "timeline", "-f", "json"))
    inside = [e for e in events if e["counted_in"]]
    assert inside, "the record has events counted in another's toll"
    for e in inside:
        assert e["fatalities_counted"] == 0, e["id"]
        assert (e["fatalities"] or e["fatalities_low"]) is not None  # it has a toll, not added


def test_plain_output_ends_with_it(bundled: None, run: Run) -> None:
    lines = _out(run, "timeline", "--year", "2013", "-s", "ifoghas").splitlines()
    row = next(line.split("\t") for line in lines if "\tifoghas-battle\t" in line)
    assert row[-1] == "233"


def test_the_sqlite_export_carries_it(bundled: None, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.db"
    _out(run, "export", "sqlite", str(out))
    with sqlite3.connect(out) as db:
        by_year = dict(
            db.execute(
                "SELECT substr(date, 1, 4), SUM(fatalities_counted) FROM events"
                " WHERE NOT aftermath GROUP BY 1"
            ).fetchall()
        )
        inside = db.execute(
            "SELECT COUNT(*) FROM events WHERE counted_in IS NOT NULL AND fatalities_counted = 0"
        ).fetchone()[0]
    chart = _chart(run)
    assert {y: by_year[y] for y in YEARS} == {y: chart[y] for y in YEARS}
    assert inside >= 2
