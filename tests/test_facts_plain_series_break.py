"""Piped `facts` (plain, tab-separated) says why a figure is on a new basis, as the table
marks it and JSON's series_break has it (U53: `facts | cat` had no such column): last, so
a reader taking columns by position keeps the ones before it; csv and tsv as they were."""

from __future__ import annotations

import json

import pytest
from conftest import Run, rows


@pytest.mark.usefixtures("bundled")
def test_plain_facts_end_with_the_series_break_json_gives(run: Run) -> None:
    given = {f["id"]: f for f in json.loads(run("facts", "-f", "json").stdout)}
    lines = rows(run("facts"))
    assert lines and all(len(r) == 12 for r in lines)
    broken = 0
    for r in lines:
        fact = given[r[0]]
        assert (r[1], r[6]) == (fact["label"], fact["as_of"])  # the columns before it stay
        assert r[11] == (fact["series_break"] or "")
        broken += bool(r[11])
    assert broken >= 3  # the figures the record puts on a new basis


@pytest.mark.usefixtures("bundled")
def test_csv_keeps_its_columns(run: Run) -> None:
    header = run("facts", "-f", "csv").stdout.splitlines()[0]
    assert header == (
        "id,label,value,low,high,unit,as_of,scope,category,disputed,sources,kind,cause,since,"
        "note,precision,qualifier,series_break"
    )
