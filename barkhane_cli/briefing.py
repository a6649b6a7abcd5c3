"""The data behind the briefing views: summary, eras, charts.

Plain data only (JSON-ready dicts and series); drawing is in render/briefing.py and
render/summary.py. Every view with a time axis takes it from the query window when one
is given (never from the events matched); an open side of the window is the record's
bound, or for a slice by actor or country its own events' (axis_for). Judgments and
their scores are in forecasts.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from barkhane_cli import lookup, query
from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate
from barkhane_cli.forecasts import judgment_json, score
from barkhane_cli.meta import (
    FRENCH_FORCES,
    RECORD_END,
    RECORD_START,
    outside_record,
    record_note,
)
from barkhane_cli.resolve import normalize
from barkhane_cli.text import counted, plural

RECORD_END_ORDINAL = RECORD_END.last_ordinal()
PRECISIONS = ("year", "month", "day")
# Marked (and drawn light) in a series of strengths: not a force on the ground as counted.
NOT_MEASURED = ("planned", "claimed")
# Counted beside a force's strength in the record but not part of it: a mission's police
# ceiling drawn on the troops chart read as a collapse from 11,200 to 1,440 soldiers.
NOT_TROOPS = frozenset({"police"})


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
    events: Sequence[m.Event], first: int | None, last: int | None, record: bool = False
) -> Axis:
    """The window where given; each open side from the events' own extent (clipped to
    the other side), else from the record. ``record``: the events are the whole record's
    (no actor or country asked for), and an open side is the record's bound as meta
    declares it, the end stretched to the aftermath's events when they are shown: the
    whole record's summary and chart began on 2011-01-05, its first event's day, where
    eras began on 2011-01-01 (K41)."""
    lo = first
    hi = last
    if lo is None:
        lo = RECORD_START.first_ordinal()
        if not record:
            lo = min((e.first for e in events), default=lo)
        if hi is not None and lo > hi:
            lo = dt.date(dt.date.fromordinal(hi).year, 1, 1).toordinal()
    if hi is None:
        hi = max((e.last for e in events), default=RECORD_END_ORDINAL)
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
    return axis_note(record_axis(first, last), what, aftermath)


def axis_note(axis: Axis, what: str, aftermath: bool) -> str | None:
    """meta.record_note of a view's window, said as the window is (_window_said), and
    what the view shows after the record's end: its ``what`` with --aftermath, else how
    to ask for them (K37: `timeline --year 2030` said only "no events match")."""
    after = (
        f"shown are the aftermath {what}"
        if aftermath
        else f"its {what} are the aftermath, shown with --aftermath"
    )
    return record_note(axis.first, axis.last, _window_said(axis), after)


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


def era_json(era: m.Era, axis: Axis | None = None) -> dict[str, Any]:
    out = {
        "id": era.id,
        "name": era.name,
        "short": era.short,
        "start": era.start.iso(),
        "end": era.end.iso() if era.end else None,
        "kind": era.kind,
        "description": era.description,
        "actors": list(era.actors),
        "sources": [s.to_json() for s in era.sources],
    }
    if axis is not None:
        # The part of the era the view draws: clipped to the axis.
        a = max(era.start.first_ordinal(), axis.first)
        b = min((era.end or RECORD_END).last_ordinal(), axis.last)
        out["shown_start"] = dt.date.fromordinal(a).isoformat()
        out["shown_end"] = dt.date.fromordinal(b).isoformat()
    return out


def era_countries(data: m.Dataset, era: m.Era) -> frozenset[str]:
    """The countries an era concerns, read from the actors it names, its one declaration
    of scope (data/eras.toml): a state is its country (a state actor's id is its
    country's), an organisation its member states (member-of: Barkhane names the G5
    Sahel, whose five countries it fought in), any other actor its home country
    (``country``: MINUSMA's and EUTM Mali's Mali, Wagner's Russia). Kaboré's presidency
    names Burkina Faso alone: it is no era of Mali's (K42: `summary --country mali` listed
    every country's governments)."""
    by_name = query.country_resolver(data)
    found: set[str] = set()
    for ident in era.actors:
        actor = data.actors.get(ident)
        if actor is None:
            continue
        if actor.kind == "state":
            found.add(actor.id)
        elif actor.kind == "organisation":
            found.update(
                a.id
                for a in data.actors.values()
                if a.kind == "state"
                and any(f.relation == "member-of" and f.actor == ident for f in a.affiliations)
            )
        if actor.kind != "state" and actor.country:
            home = by_name.candidates(actor.country)
            found.update(home if len(home) == 1 else ())
    return frozenset(found)


def eras_in(
    data: m.Dataset, first: int | None, last: int | None, countries: frozenset[str] = frozenset()
) -> list[m.Era]:
    """Eras overlapping the range, in start order; an era with no end runs to the record's
    end. With ``countries`` (ids), the eras of those countries (era_countries), as
    --country reads events (query.in_countries)."""
    out = []
    for era in data.eras.values():
        if countries and not query.in_countries(countries, era_countries(data, era)):
            continue
        end = (era.end or RECORD_END).last_ordinal()
        if first is not None and end < first:
            continue
        if last is not None and era.start.first_ordinal() > last:
            continue
        out.append(era)
    return sorted(out, key=lambda e: (e.start.first(), e.id))


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


# --- troop strength ------------------------------------------------------------------------


def fact_force(data: m.Dataset, f: m.Fact) -> str | None:
    """The force a strength is about: its first operation, mission or company, else its
    first actor (``["takuba", "france"]`` is Takuba; ``["france", "serval"]`` is Serval).
    A state named before a multinational mission is that state's contingent in it
    (``["germany", "minusma"]`` is Germany's, never MINUSMA's strength)."""
    first = data.actors.get(f.actors[0]) if f.actors else None
    if first is not None and first.kind == "state":
        later = (data.actors.get(a) for a in f.actors[1:])
        if any(a is not None and a.kind == "mission" for a in later):
            return first.id
    for a in f.actors:
        actor = data.actors.get(a)
        if actor is not None and actor.kind in m.FORCE_KINDS:
            return a
    return f.actors[0] if f.actors else None


def forces(data: m.Dataset) -> dict[str, int]:
    """Every force with troop figures, and how many."""
    counts: Counter[str] = Counter()
    for f in data.facts.values():
        force = fact_force(data, f) if f.category == "troops" else None
        if force is not None and _best(f) is not None:
            counts[force] += 1
    return dict(sorted(counts.items()))


def _best(f: m.Fact) -> float | None:
    if f.value is not None:
        return f.value
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return None


def scope_area(f: m.Fact) -> str:
    """Where a figure counts (m.Fact.area), less a parenthesis that only lists the area's
    countries ("Sahel (Mali, Niger, ...)" is "Sahel"). Figures of one area make one
    series, so a strength inside Mali is never drawn against a Sahel-wide one."""
    return f.area.split("(", 1)[0].strip()


def troop_series(
    data: m.Dataset,
    force: str | None,
    first: int | None = None,
    last: int | None = None,
    aftermath: bool = False,
) -> list[dict[str, Any]]:
    """One force's strengths in date order (``None``: French forces, every operation
    and area; each row's ``series`` is its area, as figure_kind keys a strength)."""
    wanted = FRENCH_FORCES if force is None else frozenset({force})

    def keep(f: m.Fact) -> bool:
        return f.unit not in NOT_TROOPS and fact_force(data, f) in wanted

    return _figure_series(data, "troops", keep, first, last, aftermath)


def displacement_series(
    data: m.Dataset,
    places: Iterable[str] = (),
    first: int | None = None,
    last: int | None = None,
    aftermath: bool = False,
) -> list[dict[str, Any]]:
    """People displaced, in date order, one series per area a figure counts in (IDPs in
    Mali, refugees from Mali, the Diffa region...); with ``places`` (names), only the
    series whose area names one of them ("Refugees from Mali in Niger" is Mali's and
    Niger's)."""
    named = counts_in(places)

    def keep(f: m.Fact) -> bool:
        return f.unit == "people" and named(f)

    return _figure_series(data, "displacement", keep, first, last, aftermath)


def counts_in(places: Iterable[str]) -> Callable[[m.Fact], bool]:
    """Whether a figure counts in one of these places (names; none: every figure): its
    area names one as whole words, so "Refugees from Mali in Niger" is Mali's and
    Niger's, and "Nigeria" is not Niger."""
    names = [f" {normalize(p)} " for p in places]

    def named(f: m.Fact) -> bool:
        if not names:
            return True
        area = f" {normalize(scope_area(f))} "
        return any(n in area for n in names)

    return named


def in_countries(data: m.Dataset, countries: Iterable[str]) -> Callable[[m.Fact], bool]:
    """Whether a figure is one of these countries' (ids; none: every figure): its area
    names one (counts_in), or it is about the country's own state, the actor of the
    country's id, wherever it counts (Chad's soldiers killed in Mali, its contingent at
    the three borders: U16 found them only with --actor chad)."""
    ids = set(countries)
    named = counts_in(query.country_names(data, ids))
    states = {c for c in ids if c in data.actors and data.actors[c].kind == "state"}

    def about(f: m.Fact) -> bool:
        return named(f) or not states.isdisjoint(f.actors)

    return about


def _figure_series(
    data: m.Dataset,
    category: str,
    keep: Callable[[m.Fact], bool],
    first: int | None,
    last: int | None,
    aftermath: bool,
) -> list[dict[str, Any]]:
    """The dated figures of one category that ``keep`` accepts, in date order."""
    rows: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for f in data.facts.values():
        if f.category != category or _best(f) is None or not keep(f):
            continue
        if (is_aftermath(f) and not aftermath) or not f.as_of.within(first, last):
            continue
        kind = f.kind
        marks = [k for k in (kind,) if k in NOT_MEASURED]
        if f.low is not None and f.high is not None:
            marks.append("range")
        if f.disputed:
            marks.append("disputed")
        rows.append(
            (
                # In the order the dates read: 2013, 2013-01, 2013-01-11.
                (f.as_of.first(), PRECISIONS.index(f.as_of.precision), f.id),
                {
                    "id": f.id,
                    "as_of": f.as_of.iso(),
                    # the figure the sources give; a range alone has none (a bar draws
                    # low to high): never a midpoint no source states
                    "value": lookup.plain_number(f.value),
                    "low": lookup.plain_number(f.low),
                    "high": lookup.plain_number(f.high),
                    "text": lookup.fact_value_text(f),
                    "kind": kind,
                    "marks": marks,
                    "force": fact_force(data, f),
                    "label": f.label,
                    "scope": f.scope,
                    "series": scope_area(f),
                    "disputed": f.disputed,
                    "sources": [s.id for s in f.sources],
                },
            )
        )
    return [row for _, row in sorted(rows, key=lambda kr: kr[0])]


# --- summary -------------------------------------------------------------------------------


def series_force(data: m.Dataset, f: m.Fact) -> str | None:
    """The force a figure's series is about: fact_force, with every French force
    (FRENCH_FORCES: Serval, Barkhane...) read as France, one series. France named after
    Takuba is Takuba's figure, not France's (its 900 had stood as France's strength)."""
    force = fact_force(data, f)
    return "france" if force in FRENCH_FORCES else force


# --- headline figures: one rule for `summary` and `on DATE` ------------------------------

# Where no fact is marked ``headline``: the series a briefing opens with.
FALLBACK_FORCES = ("france", "minusma")


def figure_kind(data: m.Dataset, f: m.Fact) -> tuple[str, str]:
    """(key, label) of the series a figure belongs to: a force's strength in one area
    (scope_area, the blocks `chart troops` draws: French forces are one series from
    Serval to Barkhane in each area, and a Mali-only count never stands for the Sahel),
    or a category of figure about one force or none, in one geography (the scope before
    its first ';')."""
    force = series_force(data, f)
    name = "French forces" if force == "france" else None
    if name is None and force is not None:
        name = data.actors[force].label if force in data.actors else force
    if f.category == "troops":
        area = scope_area(f)
        return f"troops:{force}:{area}", f"{name or 'Forces'}: strength, {area}"
    where = f.area
    about = f" ({name})" if name else ""
    # a running total is a series apart: the latest of "since 2013" and "in 2021" mixed
    # would switch between a total and a year's count from one day to the next (U7); so is
    # a count of hostile acts apart from one of all causes (145 killed, then 257 died)
    since = f.since.iso() if f.since else ""
    cause = f", {m.FACT_CAUSES[f.cause]}" if f.cause else ""
    return (
        f"{f.category}:{force or ''}:{where}:{f.unit}:{since}:{f.cause or ''}",
        f"{f.category.capitalize()}{about}: {where}{cause}"
        + (f", total since {since}" if since else ""),
    )


def _fallback(data: m.Dataset, f: m.Fact) -> bool:
    if f.category == "troops":
        return f.unit == "troops" and series_force(data, f) in FALLBACK_FORCES
    return f.category == "displacement"


def headline_group(data: m.Dataset, f: m.Fact) -> str:
    """What a fact marked headline makes headline: its series (figure_kind), or for a
    strength its force in every area it is counted in. France's marked Sahel-wide peak
    keeps Serval's Mali-only figures in the briefings of 2013, before the first
    Sahel-wide count."""
    if f.category == "troops":
        return f"troops:{series_force(data, f)}"
    return figure_kind(data, f)[0]


def headline_series(data: m.Dataset, facts: Iterable[m.Fact]) -> tuple[list[m.Fact], bool]:
    """The figures of every headline series among ``facts``, and whether any is marked.
    A headline series is the series (figure_kind) of a fact marked ``headline``, or of
    the same force's strength in another area (headline_group), any figure of it
    counting, marked or not; where none is marked, French forces, MINUSMA and
    displacement. `summary` and `on DATE` both choose their series here: `summary
    --year 2021` listed the 4 marked figures dated 2021 and none of the series `on
    2021-12-31` shows (Burkina Faso's 1,579,976 displaced, French and MINUSMA strength)
    (U20)."""
    facts = list(facts)
    marked = [f for f in facts if f.headline]
    groups = {headline_group(data, f) for f in marked}
    if marked:
        return [f for f in facts if headline_group(data, f) in groups], True
    return [f for f in facts if _fallback(data, f)], False


def force_ended(data: m.Dataset, f: m.Fact, last: int) -> bool:
    """Whether the force the figure counts (fact_force) had ended by ``last``: French
    forces are one series, and on the day Serval ended and Barkhane began (13 July 2014)
    both have a figure; months later only Barkhane's is the current one."""
    force = data.actors.get(fact_force(data, f) or "")
    return force is not None and force.end is not None and force.end.last_ordinal() < last


def latest_by_series(
    data: m.Dataset, facts: Iterable[m.Fact], last: int | None
) -> dict[str, list[m.Fact]]:
    """The latest figures of each series (several when they share a date) whose as-of
    period is over by ``last`` (None: any). A planned or claimed strength never stands for
    the force on the ground."""
    latest: dict[str, list[m.Fact]] = {}
    for f in facts:
        if last is not None and f.as_of.last_ordinal() > last:
            continue
        if f.category == "troops" and f.kind in NOT_MEASURED:
            continue
        key, _ = figure_kind(data, f)
        current = latest.get(key)
        end = f.as_of.last_ordinal()
        if current is None or end > current[0].as_of.last_ordinal():
            latest[key] = [f]
        elif end == current[0].as_of.last_ordinal():
            current.append(f)
    return latest


def standing(data: m.Dataset, tied: list[m.Fact], last: int) -> list[m.Fact]:
    """Of figures of one series and date (latest_by_series), those of a force still
    running by ``last``, by id; when none is, all of them, but no strength: a strength of
    a force that had ended is no current count. Serval's 1,700 in Mali of July 2014 is not
    France's strength in Mali in 2016; the record has no Mali-only count of French forces
    between Serval's end and February 2022 (Barkhane's are Sahel-wide), so for those years
    there is honestly none to show. A later figure of the same area, of any force, is the
    series' latest and makes it current again."""
    running = [f for f in tied if not force_ended(data, f, last)]
    if not running and all(f.category == "troops" for f in tied):
        return []
    return sorted(running or tied, key=lambda f: f.id)


def headline_picks(
    data: m.Dataset, facts: Iterable[m.Fact], first: int | None = None, last: int | None = None
) -> tuple[dict[str, list[m.Fact]], dict[str, list[m.Fact]]]:
    """`summary`'s figures for a period, by series (figure_kind's key): of each headline
    series (headline_series), its latest figures within the period, as `on` reads the
    latest on the period's last day; and the figures the data marks headline dated
    within the period (France's force at its height). Like `on`, a series whose latest
    strength is of a force ended by then has no latest (standing: Serval's counts of
    2013, with its bases, in a briefing of the whole record)."""
    pool, _ = headline_series(data, facts)
    lo = first if first is not None else RECORD_START.first_ordinal()
    hi = last if last is not None else RECORD_END_ORDINAL
    inside = [f for f in pool if f.as_of.last_ordinal() >= lo and f.as_of.first_ordinal() <= hi]
    marked: dict[str, list[m.Fact]] = {}
    for f in inside:
        if f.headline:
            marked.setdefault(figure_kind(data, f)[0], []).append(f)
    latest = latest_by_series(data, inside, None)
    return {k: standing(data, fs, hi) for k, fs in latest.items()}, marked


def beside_marked(latest: dict[str, list[m.Fact]], marked: dict[str, list[m.Fact]]) -> list[m.Fact]:
    """`summary --full`'s figures (JSON's and piped output's headline_facts) from
    headline_picks' two halves: of each series its latest and beside it, in date order,
    the figures marked headline. One rule for every series: a marked peak once stood in
    for the latest, so the whole record gave France's Sahel-wide 5,100 of 2020 beside its
    latest 0 in Mali, as if 5,100 were still there (U28). By series, as `on` orders
    them."""
    picked = {k: list(fs) for k, fs in latest.items()}
    for key, fs in marked.items():
        shown = picked.setdefault(key, [])
        shown += [f for f in fs if f not in shown]
        shown.sort(key=lambda f: (f.as_of.last_ordinal(), f.id))
    return [f for key in sorted(picked) for f in picked[key]]


def newest_of_series(latest: dict[str, list[m.Fact]]) -> list[m.Fact]:
    """One figure a series, by series: its latest (headline_picks; the first by id of
    figures of one day), what the one-screen summary shows. Two points of one series
    never both: the whole record listed Malian refugees in Niger at 58,599 (2020-02,
    marked headline) and 61,490 (2021-12), and 150,000 and 183,392 abroad (K41)."""
    return [latest[k][0] for k in sorted(latest) if latest[k]]


def summary(
    data: m.Dataset,
    events: Sequence[m.Event],
    first: int | None,
    last: int | None,
    actor_ids: frozenset[str] = frozenset(),
    aftermath: bool = False,
    countries: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The story of a slice, as data: the same content the summary view draws. With
    countries (ids), the figures are theirs, as facts --country reads them."""
    axis = axis_for(events, first, last, record=not (actor_ids or countries))
    actor_counts: Counter[str] = Counter()
    for e in events:
        actor_counts.update(a for a in set(e.actors) if a not in actor_ids)
    top = [
        {
            "id": a,
            "name": data.actors[a].name if a in data.actors else a,
            "kind": data.actors[a].kind if a in data.actors else None,
            "events": n,
        }
        for a, n in sorted(actor_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    ]
    # the window is headline_picks' to apply: a series is headline whenever its figures are
    theirs = in_countries(data, countries)  # none: every figure
    facts = [
        f
        for f in data.facts.values()
        if (aftermath or not is_aftermath(f))
        and (not actor_ids or actor_ids & set(f.actors))
        and theirs(f)
    ]
    # a window wholly outside what is shown (before the record, or after it without
    # --aftermath) has its note and nothing drawn from it: twelve "1850-MM 0" bars and
    # the seed's 2022 judgments under "nothing to show" (U28); `on 1850` shows none either
    note = axis_note(axis, "events and figures", aftermath)
    empty = shows_nothing(axis, aftermath)
    years = [] if empty else event_bins(events, axis, "year").bins
    months = event_bins(events, axis, "month") if axis.months() <= 24 and not empty else None
    # An actor's slice shows the eras of that actor's window only.
    shown_eras = eras_in(data, axis.first, axis.last, countries)
    eras = [era_json(e, axis) for e in shown_eras]
    # of those, the ones in place on the window's last day, as `on` reads a day; beyond
    # the record, on its end (it knows no era's course after it), and of a window wholly
    # after it none, as it shows no era
    day = min(axis.last, RECORD_END_ORDINAL)
    in_place = [e for e in eras_in(data, day, day) if e in shown_eras]
    latest, marked = headline_picks(data, facts, axis.first, axis.last)
    judged = [] if empty else list(data.judgments.values())
    return {
        "period": {
            "start": axis.start().isoformat(),
            "end": axis.end().isoformat(),
            "events": len(events),
            "disputed": sum(1 for e in events if e.disputed),
            "fatalities_recorded": sum(e.counted() or 0 for e in events),
            "countries": sorted(countries),
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
        "top_actors": top,
        "headline_facts": [lookup.fact_json(f) for f in beside_marked(latest, marked)],
        "latest_figures": [f.id for f in newest_of_series(latest)],
        "judgments": [judgment_json(j) for j in judged],
        "forecasts": score(judged)["forecasts"],
    }


def _window_said(axis: Axis) -> str:
    """A window as the note on it words it: a whole year as the year (1850), else its
    first and last days."""
    start, end = axis.start(), axis.end()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start.isoformat()} to {end.isoformat()}"
