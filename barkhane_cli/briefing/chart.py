"""What `chart` of events or fatalities reads of its events, folded as they stream past:
their extent, the bars' tally and, with --facet, a tally per value; never the events.
Every event of a million-row import decoded and held took gigabytes for a chart of a
few dozen bars (K75's summary, K77)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from barkhane_cli import model as m
from barkhane_cli.briefing.axis import Extent
from barkhane_cli.briefing.bins import Tally
from barkhane_cli.facets import Panels


class Charted:
    """One pass's counts: ``whole`` the bars of every event, ``panels`` (with a facet's
    field) the same bars of each value's events."""

    def __init__(self, tally: Callable[[], Tally], field: str | None) -> None:
        self.extent = Extent()
        self.whole = tally()
        self.panels = Panels(field, tally) if field is not None else None

    def add(self, e: m.Event) -> None:
        self.extent.add(e)
        self.whole.add(e)
        if self.panels is not None:
            self.panels.add(e)


def chart_counts(
    events: Iterable[m.Event], tally: Callable[[], Tally], field: str | None = None
) -> Charted:
    """``events`` read once into ``tally``'s counts (event_tally or fatality_tally, its
    period bound), per value of ``field`` too when given."""
    out = Charted(tally, field)
    for e in events:
        out.add(e)
    return out
