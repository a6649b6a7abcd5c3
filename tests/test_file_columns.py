"""The default CSV and TSV columns: what a spreadsheet gets without --fields (U11)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from conftest import Run, as_json


def _table(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_timeline_csv_ends_with_the_countries_joined_as_lists_are(run: Run) -> None:
    result = run("timeline", "-f", "csv")
    header = result.stdout.splitlines()[0].split(",")
    # added at the end: a reader that takes the columns by position is not moved (then
    # first_day, last_day, yours, replaces and fatalities_counted, added after it)
    assert header[-7:-5] == ["attribution", "countries"]
    rows = {r["id"]: r for r in _table(result.stdout)}
    assert rows["ambassador-expelled"]["countries"] == "mali"
    tsv = _table(run("timeline", "-f", "tsv").stdout, "\t")
    assert list(tsv[0])[-6] == "countries"


SPANS = {
    "libya-collapse": ("2011-01-01", "2011-12-31"),  # a year
    "coup-2012": ("2012-03-01", "2012-03-31"),  # a month
    "serval": ("2013-01-11", "2014-07-15"),  # a start and an end
    "ambassador-expelled": ("2022-01-31", "2022-01-31"),  # a day
}


def test_timeline_files_give_each_events_span_as_days(run: Run) -> None:
    """U18: `pd.to_datetime(df.date)` raised on a month ("2018-09"). first_day and
    last_day, the last two columns before yours (U37), replaces (U42) and
    fatalities_counted (U61), are the span the date filters compare, as days."""
    result = run("timeline", "-f", "csv")
    assert result.stdout.splitlines()[0].split(",")[-5:-3] == ["first_day", "last_day"]
    rows = {r["id"]: r for r in _table(result.stdout)}
    assert {i: (rows[i]["first_day"], rows[i]["last_day"]) for i in SPANS} == SPANS
    for r in rows.values():
        assert date.fromisoformat(r["first_day"]) <= date.fromisoformat(r["last_day"])
    tsv = _table(run("timeline", "-f", "tsv").stdout, "\t")
    assert list(tsv[0])[-5:-3] == ["first_day", "last_day"]
    shown = {
        e["id"]: (e["first_day"], e["last_day"]) for e in as_json(run("timeline", "-f", "json"))
    }
    assert {i: shown[i] for i in SPANS} == SPANS
    # the days the filters use: the coup of March 2012 is on its last day, not the next
    assert "coup-2012" in run("timeline", "--since", "2012-03-31", "-f", "csv").stdout
    assert "coup-2012" not in run("timeline", "--since", "2012-04-01", "-f", "csv").stdout


def test_facts_csv_ends_with_kind_cause_since_note_precision_and_qualifier(run: Run) -> None:
    result = run("facts", "-f", "csv")
    header = result.stdout.splitlines()[0].split(",")
    # each added at the end: a reader that takes the columns by position is not moved
    # (series_break, U45, after them all)
    assert header[-8:] == [
        *("sources", "kind", "cause", "since", "note", "precision", "qualifier", "series_break")
    ]
    tsv = run("facts", "-f", "tsv").stdout.splitlines()[0].split("\t")
    assert tsv[-7:] == ["kind", "cause", "since", "note", "precision", "qualifier", "series_break"]
    # plain output (no header, read by position) keeps its columns, series_break after
    # them (U53: the table and JSON had it, piped output not)
    plain = run("facts").stdout.splitlines()[0].split("\t")
    assert len(plain) == 12


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


_CAVEAT = """
[[facts]]
id = "civilians-killed-floor"
label = "Civilians killed in central Mali in 2018"
value = 500
unit = "deaths"
as_of = "2018"
kind = "estimated"
scope = "Mali"
category = "casualties"
note = "A floor: the UN said more than 500."
sources = [{ id = "ref-a" }]
"""


def test_facts_csv_keeps_a_figures_note_and_the_precision_of_its_date(
    run: Run, tmp_path: Path
) -> None:
    # U17: the caveat ("a floor") was in JSON only, lost in pandas; as_of mixes
    # "2018" and "2018-09-30" and nothing said which is which
    extra = tmp_path / "floor.toml"
    extra.write_text(_CAVEAT, encoding="utf-8")
    rows = {r["id"]: r for r in _table(run("facts", "-f", "csv", "--data", str(extra)).stdout)}
    floor = rows["civilians-killed-floor"]
    assert (floor["as_of"], floor["precision"]) == ("2018", "year")
    assert floor["note"] == "A floor: the UN said more than 500."
    tsv = {r["id"]: r for r in _table(run("facts", "-f", "tsv", "--data", str(extra)).stdout, "\t")}
    assert tsv["civilians-killed-floor"]["note"] == "A floor: the UN said more than 500."
