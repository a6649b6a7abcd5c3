"""Events counted per year or month of an axis: the bars of `chart` and `summary`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from barkhane_cli import lookup
from barkhane_cli import model as m
from barkhane_cli.briefing.axis import Axis
from barkhane_cli.dates import PartialDate
from barkhane_cli.text import counted, plural


@dataclass(frozen=True, slots=True)
class Bin:
    label: str
    total: float
    parts: dict[str, float]  # by event type, for stacked charts
    start: dt.date | None = None  # the bin's period, clipped to the axis
    end: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "value": lookup.plain_number(self.total),
            "by_type": {k: lookup.plain_number(v) for k, v in sorted(self.parts.items())},
        }


def periods(axis: Axis, by: str) -> list[tuple[str, dt.date, dt.date]]:
    """Every year or month the axis touches, each clipped to the axis."""
    a, b = axis.start(), axis.end()
    out = []
    if by == "year":
        for y in range(a.year, b.year + 1):
            out.append((str(y), max(a, dt.date(y, 1, 1)), min(b, dt.date(y, 12, 31))))
        return out
    y, mo = a.year, a.month
    while (y, mo) <= (b.year, b.month):
        label = f"{y:04d}-{mo:02d}"
        if (y, mo) == (dt.MAXYEAR, 12):  # the calendar's last month has no next one
            out.append((label, max(a, dt.date(y, mo, 1)), b))
            break
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        out.append((label, max(a, dt.date(y, mo, 1)), min(b, nxt - dt.timedelta(days=1))))
        y, mo = nxt.year, nxt.month
    return out


def _bin_label(d: PartialDate, by: str) -> str | None:
    if by == "year":
        return str(d.year)
    if d.month is None:
        return None  # a year-precision event has no month to count in
    return f"{d.year:04d}-{d.month:02d}"


@dataclass(slots=True)
class Binned:
    bins: list[Bin]
    coarse: int = 0  # dated too coarsely for the bins (a year in a by-month chart)
    before: int = 0  # began before the axis (they overlap it, but their start is not on it)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Tally:
    """Events counted by the period of their start, by type, as they stream past: the
    counts of every period seen, binned on an axis once it is known (binned). A view that
    reads its events once keeps these counts, not the events (summary K75, chart K77);
    event_tally and fatality_tally are the two measures the bars count."""

    by: str  # "year" or "month"
    weight: Callable[[m.Event], int | None]  # what an event adds; None: left out
    which: str = ""  # qualifies the events the notes count (" with deaths")
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # period -> type -> sum
    events: Counter[str] = field(default_factory=Counter)  # period -> events counted
    coarse: int = 0  # dated too coarsely for the bins (a year in a by-month chart)
    elsewhere: int = 0  # tolls left out as counted in another event's (Event.counted)

    def add(self, e: m.Event) -> None:
        w = self.weight(e)
        if w is None:
            self.elsewhere += e.counted_elsewhere()
            return
        label = _bin_label(e.date, self.by)
        if label is None:
            self.coarse += 1
            return
        # each type in the order met, as the bars' parts and the JSON's by_type list them
        self.counts.setdefault(label, Counter())[e.type] += w
        self.events[label] += 1

    def binned(self, axis: Axis) -> Binned:
        """One bin per period of the axis."""
        slots = periods(axis, self.by)
        on_axis = {label for label, _, _ in slots}
        out = Binned([], coarse=self.coarse)
        out.before = sum(n for label, n in self.events.items() if label not in on_axis)
        for label, a, b in slots:
            parts = self.counts.get(label, Counter())
            out.bins.append(Bin(label, float(sum(parts.values())), dict(parts), a, b))
        if out.coarse:
            are = plural(out.coarse, "is", "are")
            out.notes.append(
                f"{counted(out.coarse, 'event')}{self.which} dated only to the year {are} not "
                "in a month's bar"
            )
        if out.before:
            out.notes.append(
                f"{counted(out.before, 'event')}{self.which} that began before "
                f"{axis.start().isoformat()} {plural(out.before, 'is', 'are')} not in a bar"
            )
        elsewhere = m.counted_elsewhere_note(self.elsewhere)
        if elsewhere:
            out.notes.append(elsewhere)
        return out


def _once(e: m.Event) -> int:
    """Each event counted once: the weight of the bars of events."""
    return 1


def event_tally(by: str = "year") -> Tally:
    """Events counted by the period of their start (``by``: "year" or "month")."""
    return Tally(by, _once)


def fatality_tally(by: str = "year") -> Tally:
    """Recorded fatalities summed by period (m.Event.counted: the best estimate, else a
    range's low end; events with no count are left out)."""
    return Tally(by, m.Event.counted, " with deaths")
