"""The span a briefing view draws, and what it says of a window outside the record.

Every view with a time axis takes it from the query window when one is given (never from
the events matched); an open side of the window is the record's bound, or for a slice by
actor or country its own events' (axis_for).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from barkhane_cli import model as m
from barkhane_cli.dates import window_said
from barkhane_cli.meta import RECORD_END, RECORD_START, outside_record, record_note

RECORD_END_ORDINAL = RECORD_END.last_ordinal()


@dataclass(frozen=True, slots=True)
class Axis:
    """The span a view draws, as inclusive day ordinals."""

    first: int
    last: int

    def start(self) -> dt.date:
        return dt.date.fromordinal(self.first)

    def end(self) -> dt.date:
        return dt.date.fromordinal(self.last)

    def months(self) -> int:
        a, b = self.start(), self.end()
        return (b.year - a.year) * 12 + b.month - a.month + 1

    def to_json(self) -> dict[str, str]:
        return {"start": self.start().isoformat(), "end": self.end().isoformat()}


def axis_for(
    events: Iterable[m.Event], first: int | None, last: int | None, record: bool = False
) -> Axis:
    """The window where given; each open side from the events' own extent (clipped to
    the other side), else from the record. ``record``: the events are the whole record's
    (no actor or country asked for), and an open side is the record's bound as meta
    declares it, the end stretched to the aftermath's events when they are shown: the
    whole record's summary and chart began on 2011-01-05, its first event's day, where
    eras began on 2011-01-01 (K41)."""
    extent = Extent()
    for e in events:
        extent.add(e)
    return axis_spanning(extent.seen, first, last, record)


@dataclass(slots=True)
class Extent:
    """The first day of the earliest event and the last day of the latest, folded as the
    events stream past (``axis_spanning``'s ``seen``; None: none yet): the one account of
    an open side's span for the views that keep no events (summary K75, chart K77)."""

    seen: tuple[int, int] | None = None

    def add(self, e: m.Event) -> None:
        lo, hi = self.seen or (e.first, e.last)
        self.seen = (min(lo, e.first), max(hi, e.last))


def axis_spanning(
    seen: tuple[int, int] | None, first: int | None, last: int | None, record: bool = False
) -> Axis:
    """:func:`axis_for` of events whose extent is ``seen`` (the first day of the earliest,
    the last day of the latest; None: no events; see Extent): for a view that folds its
    events as they stream past rather than keeping them (summary K75, chart K77)."""
    lo = first
    hi = last
    if lo is None:
        lo = RECORD_START.first_ordinal()
        if not record and seen is not None:
            lo = seen[0]
        if hi is not None and lo > hi:
            lo = dt.date(dt.date.fromordinal(hi).year, 1, 1).toordinal()
    if hi is None:
        hi = RECORD_END_ORDINAL if seen is None else seen[1]
        if record:
            hi = max(hi, RECORD_END_ORDINAL)
        if hi < lo:
            hi = dt.date(dt.date.fromordinal(lo).year, 12, 31).toordinal()
    return Axis(lo, hi)


def record_axis(first: int | None, last: int | None) -> Axis:
    """The window where given, each open side the record's own bound as meta declares it
    (2011-01-01, 2022-11-09): for a view of the record, not of some events (eras, K37:
    with no window, an era begun before the record was drawn from 2011-01-05, the first
    event's day)."""
    return axis_for((), first, last, record=True)


def window_note(first: int | None, last: int | None, what: str, aftermath: bool) -> str | None:
    """What a view of ``what`` (events, figures) says of the window asked for
    (--since/--until/--year: ordinals, None when open) when it lies wholly outside the
    record, as `summary` and `on` say it (axis_note); None with no window, or one that
    meets the record. An open side is the record's, as summary's axis has it when it
    finds no events (`--since 2030` is 2030)."""
    if first is None and last is None:
        return None
    return axis_note(record_axis(first, last), what, aftermath, _asked(first, last))


def _asked(first: int | None, last: int | None) -> str:
    """A window as it was asked for, an open side left open: "every day from 2022-11-10
    on", "every day until 2010-05-31", else as dates.window_said says it. U54:
    `timeline --since 2022-11-10` said "2022-11-10 to 2022-12-31 is after the record",
    its open end closed at the end of the record's last year, while the aftermath it
    hides runs to 2025."""
    start = None if first is None else dt.date.fromordinal(first)
    end = None if last is None else dt.date.fromordinal(last)
    if start is not None and end is not None:
        return window_said(start, end)
    return f"every day from {start} on" if start is not None else f"every day until {end}"


def axis_note(axis: Axis, what: str, aftermath: bool, said: str | None = None) -> str | None:
    """meta.record_note of a view's window, said as the window is (dates.window_said) or
    as ``said``, and what the view shows after the record's end: its ``what`` with
    --aftermath, else how to ask for them (K37: `timeline --year 2030` said only "no
    events match")."""
    after = (
        f"shown are the aftermath {what}"
        if aftermath
        else f"its {what} are the aftermath, shown with --aftermath"
    )
    shown = said if said is not None else window_said(axis.start(), axis.end())
    return record_note(axis.first, axis.last, shown, after)


def shows_nothing(axis: Axis, aftermath: bool) -> bool:
    """Whether a view's window lies wholly outside what it shows, before the record or
    after it without --aftermath: its note (axis_note) says so and nothing is drawn from
    the window, no bars of zeros (U28: the summary's twelve "1850-MM 0"; K41: `chart
    --year 2030`'s "2030 0" under its note)."""
    side = outside_record(axis.first, axis.last)
    return side == "before" or (side == "after" and not aftermath)


def is_aftermath(f: m.Fact) -> bool:
    """A figure as of a date after the record's end (9 November 2022)."""
    return f.as_of.first_ordinal() > RECORD_END_ORDINAL
