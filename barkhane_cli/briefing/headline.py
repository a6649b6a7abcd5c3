"""Headline figures: one rule for `summary` and `on DATE`.

Which series a briefing opens with (a fact marked ``headline`` makes its series one),
and of each the latest figure by a day or in a window."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from barkhane_cli import model as m
from barkhane_cli.briefing.axis import RECORD_END_ORDINAL
from barkhane_cli.briefing.series import NOT_MEASURED, fact_force, scope_area
from barkhane_cli.dates import PartialDate
from barkhane_cli.lookup import fact_value_text
from barkhane_cli.meta import FRENCH_FORCES, RECORD_START


def series_force(data: m.Dataset, f: m.Fact) -> str | None:
    """The force a figure's series is about: fact_force, with every French force
    (FRENCH_FORCES: Serval, Barkhane...) read as France, one series. France named after
    Takuba is Takuba's figure, not France's (its 900 had stood as France's strength)."""
    force = fact_force(data, f)
    return "france" if force in FRENCH_FORCES else force


# Where no fact is marked ``headline``: the series a briefing opens with.
FALLBACK_FORCES = ("france", "minusma")


class Series(NamedTuple):
    """What a figure's series is (figure_kind): its ``subject``, what it counts of whom
    ("Casualties (MINUSMA)", "French forces: strength"), and what tells the series of
    one subject apart: where (``area``), the cause of the deaths counted (``cause``, in
    words, None when the sources do not say) and where a running total starts
    (``since``)."""

    subject: str
    area: str
    cause: str | None
    since: PartialDate | None


def series_of(data: m.Dataset, f: m.Fact) -> Series:
    """The series a figure belongs to (Series): a force's strength in one area
    (scope_area, the blocks `chart troops` draws: French forces are one series from
    Serval to Barkhane in each area, and a Mali-only count never stands for the Sahel),
    or a category of figure about one force or none, in one geography (the scope before
    its first ';'), of one cause, a running total apart."""
    force = series_force(data, f)
    name = "French forces" if force == "france" else None
    if name is None and force is not None:
        name = data.actors[force].label if force in data.actors else force
    if f.category == "troops":
        return Series(f"{name or 'Forces'}: strength", scope_area(f), None, None)
    about = f" ({name})" if name else ""
    cause = m.FACT_CAUSES[f.cause] if f.cause else None
    return Series(f"{f.category.capitalize()}{about}", f.area, cause, f.since)


def figure_kind(data: m.Dataset, f: m.Fact) -> tuple[str, str]:
    """(key, label) of the series a figure belongs to (series_of)."""
    force = series_force(data, f)
    series = series_of(data, f)
    if f.category == "troops":
        return f"troops:{force}:{series.area}", f"{series.subject}, {series.area}"
    # a running total is a series apart: the latest of "since 2013" and "in 2021" mixed
    # would switch between a total and a year's count from one day to the next (U7); so is
    # a count of hostile acts apart from one of all causes (145 killed, then 257 died)
    since = series.since.iso() if series.since else ""
    cause = f", {series.cause}" if series.cause else ""
    return (
        f"{f.category}:{force or ''}:{series.area}:{f.unit}:{since}:{f.cause or ''}",
        f"{series.subject}: {series.area}{cause}" + (f", total since {since}" if since else ""),
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


# Figures of a stock, counted at some moment of their as-of period (a strength, a number
# of displaced people), as against a count over the period (deaths in a year).
STOCK_CATEGORIES = ("troops", "displacement")


def under_way(f: m.Fact, last: int) -> bool:
    """Whether a figure counts a stock (STOCK_CATEGORIES) on a month that has begun but
    not ended by ``last``. It is shown beside the latest figure whose period is over, not
    in its place: Serval's 3,200 of September 2013 was counted at some day of that month,
    which may be after the 15th, and the data does not say which figures were counted at
    one moment (a month's figure may be its peak or a total). A running total (``since``)
    and a planned or claimed strength are not shown before their period's end."""
    return (
        f.as_of.precision == "month"
        and f.category in STOCK_CATEGORIES
        and f.since is None
        and f.kind not in NOT_MEASURED
        and f.as_of.first_ordinal() <= last < f.as_of.last_ordinal()
    )


def headline_picks(
    data: m.Dataset,
    facts: Iterable[m.Fact],
    first: int | None = None,
    last: int | None = None,
    every: bool = False,
) -> tuple[dict[str, list[m.Fact]], dict[str, list[m.Fact]]]:
    """`summary`'s figures for a period, by series (figure_kind's key): of each headline
    series (headline_series; with ``every``, of every series of ``facts``), its latest
    figures within the period whose own period is over by its last day (or a month under
    way), as `on` lists those of that day; and
    the figures the data marks headline dated within the period (France's force at its
    height). Like `on`, a series whose latest strength is of a force ended by then has
    no latest (standing: Serval's counts of 2013, with its bases, in a briefing of the
    whole record)."""
    pool = list(facts) if every else headline_series(data, facts)[0]
    lo = first if first is not None else RECORD_START.first_ordinal()
    hi = last if last is not None else RECORD_END_ORDINAL
    inside = [f for f in pool if f.as_of.last_ordinal() >= lo and f.as_of.first_ordinal() <= hi]
    marked: dict[str, list[m.Fact]] = {}
    for f in inside:
        if f.headline:
            marked.setdefault(figure_kind(data, f)[0], []).append(f)
    # of each series the latest whose period is over by the day or is a month under way
    # (under_way), as `on` lists them: `summary --until 2021-05-24` gave MINUSMA's dead of
    # all 2021 as "the latest on 2021-05-24", the whole record those of all 2022 (RV40)
    known = [f for f in inside if f.as_of.last_ordinal() <= hi or under_way(f, hi)]
    latest = latest_by_series(data, known, None)
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


def figure_before(data: m.Dataset, f: m.Fact) -> m.Fact | None:
    """The figure before ``f`` in its series (figure_kind): the latest counted figure
    whose period ends before ``f``'s (a planned or claimed one is no count), the first
    by id of a day's."""
    key = figure_kind(data, f)[0]
    end = f.as_of.last_ordinal()
    before = [
        g
        for g in data.facts.values()
        if g.as_of.last_ordinal() < end
        and g.kind not in NOT_MEASURED
        and g.id != f.id
        and figure_kind(data, g)[0] == key
    ]
    return max(before, key=lambda g: (g.as_of.last_ordinal(), g.id), default=None)


# How a figure on a new basis (m.Fact.series_break) is marked: ↘ where it falls from the
# figure before it, ↗ where it rises; its line, under a table or a chart, says why.
FALLS, RISES = "↘", "↗"


def break_mark(data: m.Dataset, f: m.Fact) -> str:
    """The mark of a figure on a new basis (FALLS unless it rises); "" for any other."""
    return _mark(f, figure_before(data, f)) if f.series_break else ""


def _mark(f: m.Fact, before: m.Fact | None) -> str:
    return RISES if before is not None and _level(f) > _level(before) else FALLS


def break_line(data: m.Dataset, f: m.Fact) -> str:
    """The line under a table saying why a figure is on a new basis, beside the figure
    before it: "↘ new basis: burkina-idps-2022-09, 1,719,332 (2022-09-30), below 1,902,150
    (2022-04-30) before it: a revision: ..."; "" for a figure with no series break."""
    if not f.series_break:
        return ""
    before = figure_before(data, f)  # once: the mark and the comparison both read it
    said = f"{_mark(f, before)} new basis: {f.id}, {fact_value_text(f)} ({f.as_of.iso()})"
    if before is not None:
        side = "below" if _level(f) < _level(before) else "above"
        if _level(f) == _level(before):
            side = "level with"
        said += f", {side} {fact_value_text(before)} ({before.as_of.iso()}) before it"
    return f"{said}: {f.series_break}"


def _level(f: m.Fact) -> float:
    """A figure's count to compare: its value, else its range's low end."""
    return f.value if f.value is not None else (f.low or 0.0)
