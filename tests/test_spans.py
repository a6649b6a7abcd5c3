"""A span of dates is written one way in every human-readable view (U33): "FIRST to
LAST", as window_said says a window. The event card and its table cell wrote "→", `on`
and `summary` "→", compare and gaps "..", titles "to"; a reader met three spellings of
one thing. Machine formats keep their own (JSON and csv: start and end apart)."""

from __future__ import annotations

import re

import pytest
from conftest import Run, terminal

from barkhane_cli.dates import SPAN

# a date, a separator other than SPAN's word, a date: what no view may write now
OTHER = re.compile(r"\d{4}(?:-\d\d){0,2}\s*(?:→|\.\.|/)\s*(?:\d{2,4}|open|\?)")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("event", "serval"), "date 11 January 2013 to 15 July 2014"),  # a card's date
        (("event", "serval"), "precision day to day"),  # its two ends' precisions, as its date
        (("timeline", "--search", "serval"), "to 2014-07-15"),  # the cell's second line
        (("on", "2013-01-20", "--full"), "Operation Serval (2013-01-11 to 2014-07-15)"),
        (("summary",), "2011-01-01 to 2022-11-09"),  # the window atop it
        (("chart", "--actor", "serval"), "Events per year, 2013-01-11 to 2014-07-15"),
        (("eras",), "2011-01-01 to 2022-11-09"),  # under the chart
    ],
)
@pytest.mark.parametrize("columns", [80, 160])
def test_every_view_writes_a_span_one_way(
    run: Run, args: tuple[str, ...], said: str, columns: int
) -> None:
    shown = run(*args, env=terminal(columns))
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())  # a wrapped line joined again
    assert not OTHER.findall(text), OTHER.findall(text)
    assert said in text, text


def test_the_separator_is_declared_once() -> None:
    assert SPAN == " to "


def test_machine_formats_give_start_and_end_apart(run: Run) -> None:
    rows = run("timeline", "--search", "serval", "-f", "csv").stdout.splitlines()
    header = rows[0].split(",")
    assert "date" in header and "end" in header
    assert " to " not in run("event", "serval", "-f", "json").stdout
