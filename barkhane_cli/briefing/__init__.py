"""The data behind the briefing views: summary, eras, charts.

Plain data only (JSON-ready dicts and series); drawing is in render/briefing.py and
render/summary.py. Judgments and their scores are in forecasts.py. Split along its
seams (K42: one module of 680 lines): the axis and its window notes (axis), the eras
(eras), the bars (bins), the figure series (series), the headline figures (headline);
here, the summary that draws on them all, and their names as the views use them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from barkhane_cli import lookup
from barkhane_cli import model as m
from barkhane_cli.briefing.axis import (
    RECORD_END_ORDINAL,
    Axis,
    Extent,
    axis_for,
    axis_note,
    axis_spanning,
    is_aftermath,
    record_axis,
    shows_nothing,
    window_note,
)
from barkhane_cli.briefing.bins import (
    Bin,
    event_tally,
    fatality_tally,
)
from barkhane_cli.briefing.chart import chart_counts
from barkhane_cli.briefing.eras import era_json, eras_in
from barkhane_cli.briefing.headline import (
    beside_marked,
    figure_kind,
    force_ended,
    headline_picks,
    headline_series,
    latest_by_series,
    newest_of_series,
    standing,
    under_way,
)
from barkhane_cli.briefing.series import (
    NOT_MEASURED,
    counts_in,
    displacement_series,
    figures_of,
    forces,
    troop_series,
)
from barkhane_cli.forecasts import judgment_json, score
from barkhane_cli.model import COUNTED_DEATHS

__all__ = [
    "COUNTED_DEATHS",
    "NOT_MEASURED",
    "Axis",
    "Bin",
    "axis_for",
    "axis_spanning",
    "beside_marked",
    "chart_counts",
    "displacement_series",
    "era_json",
    "eras_in",
    "event_tally",
    "fatality_tally",
    "figure_kind",
    "figures_of",
    "force_ended",
    "forces",
    "headline_picks",
    "headline_series",
    "latest_by_series",
    "newest_of_series",
    "record_axis",
    "shows_nothing",
    "standing",
    "summary",
    "troop_series",
    "under_way",
    "window_note",
]


def summary(
    data: m.Dataset,
    events: Iterable[m.Event],
    first: int | None,
    last: int | None,
    actor_ids: frozenset[str] = frozenset(),
    aftermath: bool = False,
    countries: frozenset[str] = frozenset(),
    places: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The story of a slice, as data: the same content the summary view draws. With
    countries (ids), the figures are theirs, as facts --country reads them; with places
    (ids: the events at or within them, as --place reads them), the figures that count in
    one of them by name. The events are read once and not kept (a stream from the store:
    a million of them held took 2.67 GiB, K75)."""
    seen = _Seen(actor_ids)
    for e in events:
        seen.add(e)
    whole = not (actor_ids or countries or places)
    axis = axis_spanning(seen.extent.seen, first, last, record=whole)
    top = [
        {
            "id": a,
            "name": data.actors[a].name if a in data.actors else a,
            "kind": data.actors[a].kind if a in data.actors else None,
            "events": n,
        }
        for a, n in sorted(seen.actors.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    ]
    # the window is headline_picks' to apply: a series is headline whenever its figures are
    theirs = figures_of(data, countries)  # none: every figure
    # a place's figures are those whose area names it (Liptako-Gourma's): few have one
    names = [data.places[p].name.split(" (", 1)[0] for p in places if p in data.places]
    at = counts_in(names)
    facts = [
        f
        for f in data.facts.values()
        if (aftermath or not is_aftermath(f))
        and (not actor_ids or actor_ids & set(f.actors))
        and theirs(f)
        and at(f)
    ]
    # a window wholly outside what is shown (before the record, or after it without
    # --aftermath) has its note and nothing drawn from it: twelve "1850-MM 0" bars and
    # the seed's 2022 judgments under "nothing to show" (U28); `on 1850` shows none either
    note = axis_note(axis, "events and figures", aftermath)
    empty = shows_nothing(axis, aftermath)
    years = [] if empty else seen.years.binned(axis).bins
    months = seen.months.binned(axis) if axis.months() <= 24 and not empty else None
    # An actor's slice shows the eras of that actor's window only.
    shown_eras = eras_in(data, axis.first, axis.last, countries)
    eras = [era_json(e, axis) for e in shown_eras]
    # The figures' window is the one asked for, each open side the record's (stretched
    # to the aftermath's events shown): a slice's events end where its own do, but not
    # the "as of" of its figures (U45: `summary --country mali` ended at Mali's last
    # event, 2022-10-31, and gave MINUSMA's 257 dead of May 2022 for the 292 of 9 Nov).
    figures = axis_spanning(seen.extent.seen, first, last, record=True)
    # The eras in place on the same day as the figures, as `on` reads a day: they were
    # on the slice's last event's (Mali's eras of 31 October 2022 beside its figures of
    # 9 November); beyond the record, on its end (it knows no era's course after it),
    # and of a window wholly after it none, as it shows no era
    day = min(figures.last, RECORD_END_ORDINAL)
    in_place = eras_in(data, day, day, countries) if shown_eras else []
    # An actor's figures are its own: those of a headline series, else every series of
    # them (`summary --actor wagner` showed none, its strength and the Moura toll being
    # in no headline series); where the record holds none about it, the view says so.
    every = bool(actor_ids) and not headline_series(data, facts)[0]
    latest, marked = headline_picks(data, facts, figures.first, figures.last, every)
    none_about = sorted(actor_ids) if actor_ids and not facts else []
    judged = [] if empty else list(data.judgments.values())
    return {
        "period": {
            "start": axis.start().isoformat(),
            "end": axis.end().isoformat(),
            "events": seen.events,
            "disputed": seen.disputed,
            "fatalities_recorded": seen.deaths,
            # events whose tolls the sum left out, as counted in another's (Event.counted)
            "counted_elsewhere": seen.elsewhere,
            "countries": sorted(countries),
            "places": sorted(places),
            "note": note,
        },
        "axis": axis.to_json(),
        "events_per_year": [
            {"year": int(b.label), "events": int(b.total), "by_type": b.parts} for b in years
        ],
        "events_per_month": None
        if months is None
        else [{"month": b.label, "events": int(b.total), "by_type": b.parts} for b in months.bins],
        "eras": eras,
        "current_eras": {
            "day": dt.date.fromordinal(day).isoformat(),
            "eras": [e.id for e in in_place],
        },
        # the day the latest figures are as of: the eras' day, or after the record's end
        # with --aftermath
        "figures_day": dt.date.fromordinal(figures.last).isoformat(),
        "top_actors": top,
        "headline_facts": [lookup.fact_json(f) for f in beside_marked(latest, marked)],
        "latest_figures": [f.id for f in newest_of_series(latest)],
        # the actors asked for, when the record holds no figure about them (else empty)
        "no_figures_about": none_about,
        "judgments": [judgment_json(j) for j in judged],
        "forecasts": score(judged)["forecasts"],
    }


class _Seen:
    """What the summary reads of its events, folded as they stream past."""

    def __init__(self, actor_ids: frozenset[str]) -> None:
        self.left_out = actor_ids  # the actors asked for: not among their own top actors
        self.events = self.disputed = self.deaths = self.elsewhere = 0
        self.extent = Extent()  # axis_spanning's: first and last day
        self.actors: Counter[str] = Counter()
        self.years = event_tally("year")
        self.months = event_tally("month")

    def add(self, e: m.Event) -> None:
        self.events += 1
        self.disputed += bool(e.disputed)
        self.deaths += e.counted() or 0
        self.elsewhere += e.counted_elsewhere()
        self.extent.add(e)
        self.actors.update(a for a in set(e.actors) if a not in self.left_out)
        self.years.add(e)
        self.months.add(e)
