"""Dated figures as series: a force's strength, the displaced of an area (`chart troops`,
`chart displacement`), and whose figures they are (a force's, a country's)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from barkhane_cli import lookup, query
from barkhane_cli import model as m
from barkhane_cli.briefing.axis import is_aftermath
from barkhane_cli.meta import FRENCH_FORCES
from barkhane_cli.resolve import normalize

PRECISIONS = ("year", "month", "day")
# Marked (and drawn light) in a series of strengths: not a force on the ground as counted.
NOT_MEASURED = ("planned", "claimed")
# Marked (drawn as counted) beside a figure on a new basis (m.Fact.series_break): the
# chart's line under it says why the bar before it is no like for like.
NEW_BASIS = "new basis"
# Counted beside a force's strength in the record but not part of it: a mission's police
# ceiling drawn on the troops chart read as a collapse from 11,200 to 1,440 soldiers.
NOT_TROOPS = frozenset({"police"})


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


def figures_of(data: m.Dataset, countries: Iterable[str]) -> Callable[[m.Fact], bool]:
    """Whether a figure is one of these countries' (ids; none: every figure): its area
    names one (counts_in), or it is about the country's own state, the actor of the
    country's id, wherever it counts (Chad's soldiers killed in Mali, its contingent at
    the three borders: U16 found them only with --actor chad). A figure has no country
    ids of its own to match as an event's and an era's are (query.in_countries)."""
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
        if f.series_break:
            marks.append(NEW_BASIS)
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
                    "qualifier": f.qualifier,
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
                    "series_break": f.series_break,
                    "sources": [s.id for s in f.sources],
                },
            )
        )
    return [row for _, row in sorted(rows, key=lambda kr: kr[0])]
