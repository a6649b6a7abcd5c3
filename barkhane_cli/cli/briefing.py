"""Briefing views: summary, eras, chart, judgments."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import click
import typer
from click.core import ParameterSource

from barkhane_cli import followups, model
from barkhane_cli.atomic import shown
from barkhane_cli.choices import choose, listed
from barkhane_cli.cli.affiliates import roles_left_out
from barkhane_cli.cli.base import (
    again,
    folded,
    given_format,
    load,
    make_env,
    open_data,
    parse_date,
    present,
    query_of,
    resolved,
    settings,
    tell_unless_drawn,
    window,
)
from barkhane_cli.cli.completion import forces as complete_forces
from barkhane_cli.cli.filters import event_filters, filters_said, place_notes
from barkhane_cli.cli.options import (
    ActorOpt,
    AftermathOpt,
    Color,
    ColorOpt,
    CountryOpt,
    DataOpt,
    ExportOpt,
    KeepMatchedOpt,
    MinDeathsOpt,
    NotTagOpt,
    PerpetratorOpt,
    PlaceOpt,
    SearchOpt,
    SinceOpt,
    TagOpt,
    TargetOpt,
    TypeOpt,
    UntilOpt,
    WidthOpt,
    YearOpt,
    completes,
    format_option,
    refuses_blank,
)
from barkhane_cli.dates import window_said
from barkhane_cli.errors import UsageError
from barkhane_cli.facets import (
    MAX_PANELS,
    NONE_LABEL,
    PANEL_FACETS,
    WHOLE_PANELS,
    Bucket,
    name_key,
)
from barkhane_cli.forecasts import FORECASTS
from barkhane_cli.formats import PICTURE_FORMATS, TABLE_FORMATS
from barkhane_cli.render.onescreen import FULL
from barkhane_cli.text import plural

# --help lists only what each view prints.
PictureFormatOpt = Annotated[str | None, format_option(PICTURE_FORMATS)]
BriefFormatOpt = Annotated[str | None, format_option(PICTURE_FORMATS + TABLE_FORMATS)]


def _document(env: Any, fmt: str, payload: Any) -> None:
    from barkhane_cli.render.records import write_document  # off the start-up path

    write_document(env, fmt, payload)


def summary(
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    place: PlaceOpt = None,
    aftermath: AftermathOpt = False,
    full: Annotated[
        bool,
        typer.Option(
            FULL,
            help="Draw every list whole: the eras chart, each series' figures with their "
            "sources and disputes, each judgment (piped and JSON output always are).",
        ),
    ] = False,
    format_: PictureFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
    keep_matched: KeepMatchedOpt = False,
) -> None:
    """One screen that tells the story: events per year, eras, actors, figures, judgments.

    --since/--until/--year set the window (the header, the bars and the eras keep to it);
    --actor summarises that actor's events over their own span; --country the events in
    that country, its figures and its eras (those whose actors are the country's); --place
    the events at the place or within it, as timeline --place reads it (an area wider than
    its name, a town named as its region, said as timeline says them), and the figures
    that count in it by name. On one
    screen: the eras in place and one figure a series, the latest, on one day it says (the
    window's end asked for, else the record's, however soon a slice's events end), and the
    judgments' tally, each list pointing to the command that gives it whole; --full draws
    them all.
    --format json gives the same content as data.

    Headline figures are the series `on DATE` shows (those of a fact marked headline);
    of each, the latest in the window asked for (by --until, else the record's end:
    --actor and --country narrow the events' span, not the figures'), as `on` shows the
    latest by the day, and with --full (and piped, and in JSON) beside it any figure the
    data marks headline that falls in the window (France's force at its height).
    With --actor, the figures about that actor: of its headline series, else of every
    series of its own (the Wagner Group's); where the record holds none, it says so.
    A window wholly outside the record says so, as `on` does for a day, and shows
    nothing else (with --aftermath, after the record, the aftermath).
    """
    from barkhane_cli import briefing
    from barkhane_cli.render import summary as draw

    env = make_env(color, width)
    fmt = given_format(env, format_)
    loaded = open_data(data)
    dataset = loaded.data
    q = window(
        dataset, data, since, until, year, actors=actor or (), countries=country or (),
        places=place or (), aftermath=aftermath,
    )  # fmt: skip
    q, fold_note, _ = folded(loaded, q, keep_matched)
    # folded as the store gives them, none kept: every event of a million-row import
    # decoded and held took 2.67 GiB for one screen (K65, K75)
    events = loaded.stream(q)
    # the places asked for, by id (q.places holds each with every place within it)
    places = frozenset(resolved(dataset, data, "place", p) for p in place or ())
    content = briefing.summary(
        dataset, events, q.first, q.last, q.actors, aftermath, q.countries, places
    )
    # what the places asked for are (an area wider than its name, a town named as its
    # region), as timeline, chart and map say them (U50: summary took no --place)
    content["period"]["place_notes"] = place_notes(dataset, place or ())

    def show(target: Any, f: str | None) -> None:
        if f in ("json", "jsonl"):
            _document(target, f, content)
        elif f == "plain":
            draw.summary_plain(target, content)
        else:
            notes = (fold_note,) if fold_note else ()
            draw.summary_rich(target, dataset, content, full, again(FULL), notes)

    present(env, fmt, export, show)
    tell_unless_drawn(env, fmt, fold_note)


def eras(
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    format_: BriefFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """A Gantt chart of the operations, missions and phases, to scale, clipped to the window.

    Year ticks on a long window, month ticks on one of two years or less. json gives each
    era with the part of it drawn (shown_start, shown_end); csv, tsv and md the same rows.
    """
    from barkhane_cli import briefing, query
    from barkhane_cli.render import briefing as draw
    from barkhane_cli.render.charts import write_rows

    env = make_env(color, width)
    fmt = given_format(env, format_)
    start, end = parse_date("--since", since), parse_date("--until", until)
    first, last = query.date_range(start, end, year)
    dataset = load(data)
    axis = briefing.record_axis(first, last)
    items = briefing.eras_in(dataset, axis.first, axis.last)
    payload = [briefing.era_json(e, axis) for e in items]

    def show(target: Any, f: str | None) -> None:
        if f in ("json", "jsonl"):
            _document(target, f, payload)
        elif f in TABLE_FORMATS:
            keys = ["id", "name", "kind", "start", "end", "shown_start", "shown_end"]
            write_rows(target, f, keys, [[e[k] for k in keys] for e in payload])
        elif f == "plain":
            draw.gantt_plain(target, items)
        else:
            draw.gantt_rich(target, items, axis)

    present(env, fmt, export, show)


class ChartKind(StrEnum):
    events = "events"
    fatalities = "fatalities"
    troops = "troops"
    displacement = "displacement"


class By(StrEnum):
    year = "year"
    month = "month"


def chart(
    what: Annotated[
        str,
        typer.Argument(
            metavar="[WHAT]",
            help="events, fatalities, troops or displacement.",
            shell_complete=completes([k.value for k in ChartKind]),
        ),
    ] = "events",
    by_: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Bars per year (default) or per month; not for troops or displacement.",
            shell_complete=completes([b.value for b in By]),
        ),
    ] = None,
    stack: Annotated[
        bool, typer.Option(help="Split each bar by kind of event; not for troops or displacement.")
    ] = True,
    facet: Annotated[
        str | None,
        typer.Option(
            "--facet",
            metavar="FIELD",
            help=f"One panel of bars per value of {listed(PANEL_FACETS)}, on one scale to "
            "compare them; an event counts in each of its values' panels; drawn, the "
            f"{MAX_PANELS} with most events (every {' and '.join(WHOLE_PANELS)}). Not for "
            "troops or displacement.",
            show_default=False,
            shell_complete=completes(PANEL_FACETS),
        ),
    ] = None,
    force: Annotated[
        str | None,
        typer.Option(
            help="troops: one force (barkhane, serval, minusma, takuba, wagner, ...); "
            "default: French forces (France, Serval, Barkhane), one block per area.",
            shell_complete=complete_forces,
            callback=refuses_blank("a force (barkhane, serval, minusma, ...)"),
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    actor: ActorOpt = None,
    perpetrator: PerpetratorOpt = None,
    target: TargetOpt = None,
    place: PlaceOpt = None,
    country: CountryOpt = None,
    type_: TypeOpt = None,
    tag: TagOpt = None,
    not_tag: NotTagOpt = None,
    search: SearchOpt = None,
    min_deaths: MinDeathsOpt = None,
    aftermath: AftermathOpt = False,
    format_: BriefFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
    keep_matched: KeepMatchedOpt = False,
) -> None:
    """Bars over the window: events or recorded fatalities per year or month, troops
    (one force's strength) or displacement (IDPs and refugees) over time.

    Troop strength and displacement come from the numeric facts, one row per dated
    figure, one block per area a figure counts in (--country mali: the blocks that name
    Mali), each drawn to its own scale, its heading saying its full bar; planned, claimed
    or disputed figures are marked. Fatalities are summed over
    the events whose sources give a count (the best estimate, else the low end of a
    range, as the map sums them), so they are not a total death toll: the totals that
    ACLED, UCDP and the UN counted are figures (facts --category violence). An event
    whose dead another event's toll already holds (its counted_in: an air strike within
    the clashes' count) adds nothing, and a note under the bars says how many.

    Events and fatalities take timeline's filters (--target minusma: the attacks on
    MINUSMA per year), said in the title.
    """
    from barkhane_cli import briefing, query
    from barkhane_cli.render import charts

    # Any case, and a "did you mean" for a typo, like every fixed-value option.
    chosen = ChartKind(choose(what, [k.value for k in ChartKind], "chart"))
    by = By(choose(by_, [b.value for b in By], "--by value")) if by_ is not None else None
    env = make_env(color, width)
    fmt = given_format(env, format_)
    # timeline's filters, as timeline reads them (dates checked before any data is read)
    filters = event_filters(
        since, until, year, actor, perpetrator, target, place, country, type_, tag, not_tag,
        search,
        aftermath,
    )  # fmt: skip
    loaded = open_data(data)
    dataset = loaded.data
    _refuse_ignored(
        chosen,
        {
            "--by": by is not None,
            "--facet": facet is not None,
            "--stack": _given("stack"),
            "--force": force is not None,
            **{f"--{_option(key)}": bool(filters[key]) for key in _EVENT_ONLY},
            "--min-deaths": min_deaths is not None,
            "--country": bool(country),
        },
    )
    if facet is not None and facet.strip().lower() == "year":
        raise UsageError(
            f"--facet year: the bars are years already (--by month for months); "
            f"--facet takes {listed(PANEL_FACETS)}"
        )
    field = choose(facet, PANEL_FACETS, "--facet field") if facet is not None else None
    if chosen is ChartKind.troops:
        force_id = _force(dataset, force)
        q = window(dataset, data, since, until, year)
        rows = briefing.troop_series(dataset, force_id, q.first, q.last, aftermath)
        name = dataset.actors[force_id].label if force_id else "French forces"
        note = briefing.window_note(q.first, q.last, "figures", aftermath)
        _figures(env, fmt, export, rows, f"Troop strength: {name}", "troops", True, note,
                 _breaks(dataset, rows))  # fmt: skip
        return
    if chosen is ChartKind.displacement:
        q = window(dataset, data, since, until, year, countries=country or ())
        names = query.country_names(dataset, q.countries)
        rows = briefing.displacement_series(dataset, names, q.first, q.last, aftermath)
        where = f": {', '.join(names)}" if names else ""
        note = briefing.window_note(q.first, q.last, "figures", aftermath)
        _figures(env, fmt, export, rows, f"Displaced people{where}", "people", False, note,
                 _breaks(dataset, rows))  # fmt: skip
        return
    period = (by or By.year).value
    q = query_of(
        dataset,
        data,
        **filters,
        min_deaths=min_deaths,
        known_tags=lambda: loaded.tags(aftermath),  # asked only when a tag or type needs it
    )
    q, fold_note, _ = folded(loaded, q, keep_matched)
    tally = briefing.fatality_tally if chosen is ChartKind.fatalities else briefing.event_tally
    # folded as the store gives them, none kept: the bars need counts only, and every
    # event of a million-row import decoded and held took gigabytes (K75's summary, K77)
    counts = briefing.chart_counts(loaded.stream(q), lambda: tally(period), field)
    # narrowed to whom or where, the bars span the events found, not the whole record
    named = q.actors or q.perpetrators or q.targets or q.places or q.countries
    axis = briefing.axis_spanning(counts.extent.seen, q.first, q.last, record=not named)
    note = briefing.window_note(q.first, q.last, "events", aftermath)
    where = ""
    if q.countries:
        where = " in " + query.countries_said(dataset, q.countries)
    # the other filters, as map's title says them (countries are said as where)
    said = filters_said(dataset, {**filters, "countries": (), "aftermath": False}, min_deaths)
    said = f" ({said})" if said else ""
    if chosen is ChartKind.fatalities:
        title = (
            f"Recorded fatalities{where} per {period}, "
            f"{window_said(axis.start(), axis.end())}{said}"
        )
        # U9 took this chart for a death toll and missed the counted totals kept as facts
        narrow = [w for c in sorted(q.countries) for w in ("--country", c)]
        totals = followups.command("facts", "--category", "violence", *narrow)
        unit = (
            f"deaths: {briefing.COUNTED_DEATHS} (not a total death toll; counted totals: {totals})"
        )
        if target or perpetrator:
            # U34 read `--target minusma`'s 43 dead of 2021 as peacekeepers killed (the UN
            # counted 19): an event's toll counts every side, the attackers' dead too
            unit += "; every side's dead in these events, attackers' and targets' alike"
    else:
        title = f"Events{where} per {period}, {window_said(axis.start(), axis.end())}{said}"
        # the layers' events are in the bars too: U34's two were, under "the curated
        # timeline" alone
        layers = [shown(p) for p in (*settings().data, *(data or ()))]
        unit = "events in the curated timeline" + (f" and {', '.join(layers)}" if layers else "")
    # what the fatality bars count, told on a watched stderr where no chart draws it
    # (tell_unless_drawn): piped into head, U45 read "2019 2193" without "not a total
    # death toll". Told before the rows, not after as the notes are: a head that has left
    # makes a later write fail, and a caveat after 8 kB of rows (--facet actor) was lost
    caveat = unit if chosen is ChartKind.fatalities else None
    # the events of groups pledged to a --perpetrator, which no bar holds, as timeline's
    # footer says them: under the bars with the unit, else before the rows, as the caveat
    # and what the places given to --place are (an area wider than its name, a town named
    # as its region: U50's --place mopti), as timeline and map say them
    told = place_notes(dataset, filters["places"])
    told += roles_left_out(dataset.actors, q, loaded.stream)
    told += [fold_note] if fold_note else []
    beyond = "; ".join(told) or None
    binned = counts.whole.binned(axis)
    # what no bar holds is said under the chart with its unit, as a list says its notes
    # under its table: written to stderr at once, it came out above the title (U32)
    unit = "; ".join([unit, *binned.notes, *([beyond] if beyond else [])])
    left_out = "; ".join(binned.notes) or None
    # outside the record its note alone: a "2030 0" bar under it read as a count (K41)
    bins = [] if briefing.shows_nothing(axis, aftermath) else binned.bins
    if counts.panels is not None:  # there when --facet gave a field
        on = counts.panels.field
        only = {"country": q.countries, "actor": q.actors}.get(on, frozenset())
        panels = [(b, t.binned(axis).bins) for b, t in counts.panels.ordered(dataset, only)]
        tell_unless_drawn(env, fmt, caveat)
        tell_unless_drawn(env, fmt, beyond)
        _panels(env, fmt, export, on, panels, only, f"{title}, by {on}", unit, stack, note)
        tell_unless_drawn(env, fmt, left_out)
        return

    def show(target: Any, f: str | None) -> None:
        if f in ("json", "jsonl"):
            _document(target, f, [b.to_json() for b in bins])
        elif f in TABLE_FORMATS:
            charts.write_rows(target, f, *charts.bin_rows(bins))
        elif f == "plain":
            charts.bars_plain(target, bins)
        else:
            charts.bars_rich(target, bins, title, unit, stack, note)

    tell_unless_drawn(env, fmt, caveat)
    tell_unless_drawn(env, fmt, beyond)
    present(env, fmt, export, show)
    tell_unless_drawn(env, fmt, note)
    tell_unless_drawn(env, fmt, left_out)


def _panels(
    env: Any, fmt: str, export: Any, field: str, counted: list[tuple[Bucket, list[Any]]],
    only: frozenset[str], title: str, unit: str, stack: bool, outside: str | None,
) -> None:  # fmt: skip
    """chart --facet: the bars of each value's events (``counted``: each value with its
    bins), in --facet's order (most events first), on one scale; with --country (--actor)
    and --facet country (actor), only the values asked for."""
    from barkhane_cli.render import charts
    from barkhane_cli.render.facets import NAMED

    panels = [(b.value, b.name or NONE_LABEL, bins) for b, bins in counted]
    named = field in NAMED  # ids: each row gives its name too, as --facet's do
    note = f"{unit}; one scale for every panel; an event counts in each of its panels"
    drawn = panels
    if field not in WHOLE_PANELS and not only and len(panels) > MAX_PANELS:
        drawn = panels[:MAX_PANELS]
        left = len(panels) - MAX_PANELS
        note += (
            f"; drawn: the {MAX_PANELS} {plural(2, field)} with most events, {left:,} more left out "
            "(narrow with --country or --since; -f csv lists them all)"
        )

    def as_json(value: str | None, name: str, b: Any) -> dict[str, Any]:
        lead = {field: value, name_key(field): name if value else None} if named else {field: value}
        row: dict[str, Any] = lead | b.to_json()
        return row

    def show(target: Any, f: str | None) -> None:
        if f in ("json", "jsonl"):
            _document(target, f, [as_json(v, n, b) for v, n, bins in panels for b in bins])
        elif f in TABLE_FORMATS:
            charts.write_rows(target, f, *charts.panel_rows(field, named, panels))
        elif f == "plain":
            # the events of no value under the label the drawn panels give them, as
            # timeline --facet's plain rows (an empty first cell read as a lost column)
            charts.panels_plain(target, [(v or NONE_LABEL, bins) for v, _, bins in panels])
        else:
            charts.panels_rich(
                target, [(n, bins) for _, n, bins in drawn], title, note, stack, outside
            )

    present(env, fmt, export, show)
    tell_unless_drawn(env, fmt, outside)


# The options only some chart kinds take, and the kinds that take them: every other
# kind refuses them in one wording, rather than drawing what it would draw without them
# (U22: `chart troops --actor minusma` drew the French troops). Troops and displacement
# are dated figures, not bars per period, so they take neither --by nor an event filter.
_BARS = (ChartKind.events, ChartKind.fatalities)
# The event filters (event_filters' keys) only the bars take, besides --country, which
# displacement takes too.
_EVENT_ONLY = (
    "actors", "perpetrators", "targets", "places", "types", "tags", "not_tags", "search"
)  # fmt: skip


def _option(key: str) -> str:
    """The option of an event_filters key: "actors" is --actor, "not_tags" --not-tag."""
    return key.removesuffix("s").replace("_", "-") if key != "search" else key


_TAKEN_BY = {
    "--by": _BARS,
    "--facet": _BARS,
    "--stack": _BARS,
    **{f"--{_option(key)}": _BARS for key in _EVENT_ONLY},
    "--min-deaths": _BARS,
    "--country": (*_BARS, ChartKind.displacement),
    "--force": (ChartKind.troops,),
}
# The same, by name, for the boundary's "did you mean --force france?" of a word given
# bare after the kind (U27: `chart troops france`), which offers only an option it takes.
ONLY_FOR = {"chart": {option: tuple(k.value for k in kinds) for option, kinds in _TAKEN_BY.items()}}
# How to narrow each kind instead.
_NARROW = {
    **dict.fromkeys(_BARS, "narrow it with timeline's filters (--actor, --country, --type ...)"),
    ChartKind.troops: "it shows one force's dated figures: choose it with --force and "
    "narrow it with --since/--until",
    ChartKind.displacement: "it shows each dated figure: narrow it with --country and "
    "--since/--until",
}


def _refuse_ignored(chosen: ChartKind, given: dict[str, bool]) -> None:
    """A usage error for the first option given that this chart kind does not take."""
    for option, was_given in given.items():
        takers = _TAKEN_BY[option]
        if was_given and chosen not in takers:
            raise UsageError(
                f"{option} does not apply to chart {chosen.value} (it is for chart "
                f"{listed([k.value for k in takers])}); {_NARROW[chosen]}"
            )


def _given(param: str) -> bool:
    """Whether the command line gave the option (a flag at its default counts too)."""
    source = click.get_current_context().get_parameter_source(param)
    return source not in (None, ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)


def _force(dataset: Any, force: str | None) -> str | None:
    from barkhane_cli import briefing, query
    from barkhane_cli.resolve import normalize

    if force is None or normalize(force) in ("french", "france", "french forces"):
        return None
    known = briefing.forces(dataset)
    resolver = query.actor_resolver(dataset)
    # "g5" names the G5 Sahel and its Joint Force; only the force has troop figures.
    with_figures = resolver.candidates(force) & known.keys()
    if len(with_figures) == 1:
        return with_figures.pop()
    ident: str = resolver.resolve(force)
    if ident not in known:
        names = ", ".join(sorted(known))
        raise UsageError(f"no troop figures for {ident!r}; forces with figures: {names}")
    return ident


def _breaks(dataset: Any, rows: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Each figure on a new basis among ``rows``: its mark and the line saying why, as
    `facts` gives them (the chart said the same in words of its own, no ↘ or figure
    before it: RV40)."""
    from barkhane_cli.briefing.headline import break_line, break_mark

    marked = [dataset.facts[r["id"]] for r in rows if r["series_break"]]
    return {f.id: (break_mark(dataset, f), break_line(dataset, f)) for f in marked}


def _figures(
    env: Any, fmt: str, export: Any, rows: list[dict[str, Any]], what: str, unit: str,
    force: bool, note: str | None, breaks: dict[str, tuple[str, str]],
) -> None:  # fmt: skip
    from barkhane_cli.render import charts

    title = f"{what} (numeric facts, by date)"
    # series: the area a figure counts in (2,400 in Mali and 4,300 in the Sahel on one day
    # are two series, as the chart's blocks show). The columns of every text format, plain
    # too: plain had no force or series, and Mali's 2,500 read as the Sahel's (U30). The
    # value's qualifier ("more than") last, so that positional readers keep working.
    keys = [
        "as_of", "value", "low", "high", "kind", "marks", "force", "series", "id", "label",
        "qualifier",
    ]  # fmt: skip
    if not force:
        keys.remove("force")
    cells = [[r[k] for k in keys] for r in rows]

    def show(target: Any, f: str | None) -> None:
        if f in ("json", "jsonl"):
            _document(target, f, rows)
        elif f in TABLE_FORMATS:
            charts.write_rows(target, f, keys, cells)
        elif f == "plain":
            charts.series_plain(target, cells)
        else:
            charts.series_rich(target, rows, title, unit, note, breaks)

    present(env, fmt, export, show)
    tell_unless_drawn(env, fmt, note)


def judgments(
    outcome: Annotated[str | None, typer.Option(help=f"Only: {listed(model.OUTCOMES)}.")] = None,
    forecast: Annotated[
        str | None,
        typer.Option(
            help=f"Only forecasts that were: {listed(FORECASTS)}.",
            shell_complete=completes(FORECASTS),
        ),
    ] = None,
    format_: BriefFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """The seed's forward-looking judgments, their probability and whether they came true.

    Each has the verbatim quote, the estimative term, the probability range on a named
    yardstick (UK PHIA, or a stated mapping), what happened (the event, from the record
    after November 2022) and the verdict on the forecast: right, wrong, partly or open.
    A calibration line and a Brier score close the view; json gives them as data.
    """
    from barkhane_cli import forecasts, model
    from barkhane_cli.render import briefing as draw
    from barkhane_cli.render.charts import write_rows

    env = make_env(color, width)
    fmt = given_format(env, format_)
    dataset = load(data)
    items = list(dataset.judgments.values())
    if outcome is not None:
        outcome = choose(outcome, model.OUTCOMES, "outcome")
        items = [j for j in items if j.outcome == outcome]
    if forecast is not None:
        if forecast not in forecasts.FORECASTS:
            raise UsageError(
                f"unknown forecast {forecast!r}; forecasts are: {', '.join(forecasts.FORECASTS)}"
            )
        items = [j for j in items if forecasts.forecast(j) == forecast]
    score = forecasts.score(items)

    def show(target: Any, f: str | None) -> None:
        if f == "json":
            _document(target, f, {"judgments": [forecasts.judgment_json(j) for j in items]} | score)
        elif f == "jsonl":
            _document(target, f, [forecasts.judgment_json(j) for j in items])
        elif f in TABLE_FORMATS:
            keys = ["id", "low", "high", "term", "yardstick", "outcome", "forecast",
                    "squared_error", "quote"]  # fmt: skip
            rows = []
            for j in items:
                d = forecasts.judgment_json(j)
                d["low"], d["high"] = j.probability
                rows.append([d[k] for k in keys])
            write_rows(target, f, keys, rows)
        elif f == "plain":
            draw.judgments_plain(target, items)
        else:
            draw.judgments_rich(target, items, score)

    present(env, fmt, export, show)
