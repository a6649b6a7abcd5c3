"""A date in a table is never cut, at 80 columns, whatever columns are asked for: it is
the one thing a reader reads first (U36). `timeline --fields
date,end,precision,end_precision,type,id` printed "to 2021-0…", and `timeline --fields
date,end,first_day,last_day,title` "2021-01-…" and an End column three cells wide: Rich
took the excess from every column alike, and the End, First day and Last day columns,
measured on the events of a store that holds none in memory, had their headers' width.
Every table with a date column, by default and with the columns asked for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Run, as_json, terminal

# A date cut by a table: its year begun ("20…"), or more of it ("2021-0…", "2021-01-…");
# an id's date ("gasseliki-attack-2019-0…") is an id's, cut or not.
_CUT = re.compile(r"(?<![\w-])(?:19|20)(?:\d{0,2}|\d\d-[\d-]*)…")

# command words, --fields (None: the table's own columns), the JSON keys holding dates
TABLES: list[tuple[tuple[str, ...], str | None, tuple[str, ...]]] = [
    (("timeline",), None, ("date", "end")),
    (("timeline",), "date,end,precision,end_precision,type,id", ("date", "end")),
    (("timeline",), "date,end,first_day,last_day,title", ("first_day", "last_day", "end")),
    (("timeline",), "id,date,end,title,fatalities,places,actors", ("date", "end")),
    (("facts",), None, ("as_of",)),
    (("facts",), "id,since,as_of,label,value,unit,scope", ("since", "as_of")),
    (("facts",), "since,as_of,id,precision,category,cause,unit,kind", ("since", "as_of")),
    (("sources",), None, ("date",)),
    (("sources",), "id,date,publisher,kind,url,title", ("date",)),
    (("actors",), "id,name,start,end,kind,country,aliases", ("start", "end")),
    (("search", "mali"), "kind,id,title,date,score,match", ("date",)),
    (("actor", "mali"), "date,end,precision,end_precision,type,id,title", ("date", "end")),
]


def _dates(records: Any, keys: tuple[str, ...]) -> Iterator[str]:
    """Every date the records hold under ``keys`` (a card's under its events)."""
    for record in records["events"] if isinstance(records, dict) else records:
        for key in keys:
            if record.get(key):
                yield str(record[key])


@pytest.mark.parametrize(("words", "fields", "keys"), TABLES)
def test_no_date_is_cut_at_80_columns(
    run: Run, words: tuple[str, ...], fields: str | None, keys: tuple[str, ...]
) -> None:
    picked = ("--fields", fields) if fields else ()
    shown = run(*words, *picked, "--no-pager", env=terminal(80))
    assert shown.exit_code == 0, shown.stderr
    out = shown.stdout
    assert not _CUT.findall(out), _CUT.findall(out)
    dates = set(_dates(as_json(run(*words, "-f", "json")), keys))
    assert dates  # the table has dates to show
    for date in dates:  # each whole, as a word of its own
        assert re.search(rf"(?<![\w-]){re.escape(date)}(?![\w…-])", out), date


@pytest.mark.usefixtures("bundled")
def test_the_lines_under_a_table_of_dates_wider_than_the_terminal_fit_it(run: Run) -> None:
    """RV35: where the dates alone are wider than the terminal, so is the table; the lines
    under it (the legend, the count and its notes) were wrapped to the table's width too,
    and the terminal broke them again mid-word at 40 columns: "add --type attack --t" |
    "ype battle". They are wrapped to the terminal's width, their options whole."""
    fields = "date,end,first_day,last_day,title,type"
    shown = run(
        "timeline", "--fields", fields, "--type", "massacre", "-n", "2", "--no-pager",
        env=terminal(40),
    )  # fmt: skip
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    under = lines[next(i for i, ln in enumerate(lines) if "■" in ln) :]
    assert under[-1].strip() and "--type battle" in " ".join(under)
    assert all(len(line) <= 40 for line in under), under
    assert max(map(len, lines)) > 40  # the table itself keeps its dates whole
