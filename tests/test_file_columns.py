"""The default CSV and TSV columns: what a spreadsheet gets without --fields (U11)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import Run


def _table(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_timeline_csv_ends_with_the_countries_joined_as_lists_are(run: Run) -> None:
    result = run("timeline", "-f", "csv")
    header = result.stdout.splitlines()[0].split(",")
    # added at the end: a reader that takes the columns by position is not moved
    assert header[-2:] == ["attribution", "countries"]
    rows = {r["id"]: r for r in _table(result.stdout)}
    assert rows["ambassador-expelled"]["countries"] == "mali"
    tsv = _table(run("timeline", "-f", "tsv").stdout, "\t")
    assert list(tsv[0])[-1] == "countries"


def test_facts_csv_ends_with_kind_cause_and_since(run: Run) -> None:
    result = run("facts", "-f", "csv")
    header = result.stdout.splitlines()[0].split(",")
    assert header[-4:] == ["sources", "kind", "cause", "since"]
    tsv = run("facts", "-f", "tsv").stdout.splitlines()[0].split("\t")
    assert tsv[-3:] == ["kind", "cause", "since"]
    # plain output (no header, read by position) keeps its columns
    plain = run("facts").stdout.splitlines()[0].split("\t")
    assert len(plain) == 11


_RUNNING_TOTAL = """
[[facts]]
id = "peacekeepers-killed-total"
label = "Peacekeepers killed in hostile acts, in total"
value = 145
unit = "deaths"
as_of = "2021-08"
since = "2013-07"
kind = "measured"
cause = "hostile"
scope = "Mali"
category = "casualties"
sources = [{ id = "ref-a" }]
"""


def test_facts_csv_gives_each_figures_kind_cause_and_since(run: Run, tmp_path: Path) -> None:
    extra = tmp_path / "total.toml"
    extra.write_text(_RUNNING_TOTAL, encoding="utf-8")
    rows = {r["id"]: r for r in _table(run("facts", "-f", "csv", "--data", str(extra)).stdout)}
    total = rows["peacekeepers-killed-total"]
    assert (total["kind"], total["cause"], total["since"]) == ("measured", "hostile", "2013-07")
    assert (rows["wagner-size"]["kind"], rows["wagner-size"]["since"]) == ("", "")
