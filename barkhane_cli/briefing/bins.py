"""Events counted per year or month of an axis: the bars of `chart` and `summary`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
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


def _binned(events: Iterable[m.Event], axis: Axis, by: str, weight: Any, which: str = "") -> Binned:
    """``which`` qualifies the events the notes count (" with deaths")."""
    slots = periods(axis, by)
    counts: dict[str, Counter[str]] = {label: Counter() for label, _, _ in slots}
    out = Binned([])
    for e in events:
        w = weight(e)
        if w is None:
            continue
        label = _bin_label(e.date, by)
        if label is None:
            out.coarse += 1
        elif label not in counts:
            out.before += 1
        else:
            counts[label][e.type] += w
    out.bins = [
        Bin(label, float(sum(counts[label].values())), dict(counts[label]), a, b)
        for label, a, b in slots
    ]
    if out.coarse:
        are = plural(out.coarse, "is", "are")
        out.notes.append(
            f"{counted(out.coarse, 'event')}{which} dated only to the year {are} not in a "
            "month's bar"
        )
    if out.before:
        out.notes.append(
            f"{counted(out.before, 'event')}{which} that began before "
            f"{axis.start().isoformat()} {plural(out.before, 'is', 'are')} not in a bar"
        )
    return out


def event_bins(events: Iterable[m.Event], axis: Axis, by: str = "year") -> Binned:
    """Events counted by the period of their start, one bin per period of the axis."""
    return _binned(events, axis, by, lambda e: 1)


# How a sum of deaths counts each event (m.Event.counted), as captions say it.
COUNTED_DEATHS = "best estimates, else a range's low end"


def fatality_bins(events: Iterable[m.Event], axis: Axis, by: str = "year") -> Binned:
    """Recorded fatalities summed by period (m.Event.counted: the best estimate, else a
    range's low end; events with no count are left out)."""
    return _binned(events, axis, by, m.Event.counted, " with deaths")
