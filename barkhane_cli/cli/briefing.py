"""Briefing views: summary, eras, chart, judgments."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from barkhane_cli.cli.base import (
    ActorOpt,
    Color,
    ColorOpt,
    DataOpt,
    ExportOpt,
    FormatOpt,
    SinceOpt,
    UntilOpt,
    app,
    handled,
    load,
    make_env,
    parse_date,
    present,
)
from barkhane_cli.errors import UsageError

BRIEF_FORMATS = ("table", "plain", "json", "jsonl")
AftermathOpt = Annotated[bool, typer.Option(help="Include the events after 9 November 2022.")]


def _format(env: Any, fmt: str | None) -> str:
    """Briefing views are pictures or data; tsv and csv belong to the record commands."""
    if fmt is None:
        return "table" if env.is_tty else "plain"
    key = fmt.strip().lower()
    if key not in BRIEF_FORMATS:
        raise UsageError(
            f"unknown format {fmt!r} for this view; formats are: {', '.join(BRIEF_FORMATS)}"
        )
    return key


def _document(env: Any, fmt: str, payload: Any) -> None:
    from barkhane_cli.render.records import write_document  # off the start-up path

    write_document(env, fmt, payload)


@app.command()
@handled
def summary(
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    aftermath: AftermathOpt = False,
    format_: FormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
) -> None:
    """One screen that tells the story: events per year, eras, actors, figures, judgments.

    --since/--until/--actor summarise a slice; --format json gives the same content as data.
    """
    from barkhane_cli import briefing, query
    from barkhane_cli.render import briefing as draw

    env = make_env(color)
    fmt = _format(env, format_)
    start, end = parse_date("--since", since), parse_date("--until", until)
    dataset = load(data)
    q = query.build_query(dataset, since=start, until=end, actors=actor or (), aftermath=aftermath)
    events = list(query.select(dataset, q))
    content = briefing.summary(dataset, events, q.first, q.last, q.actors)

    def show(target: Any, f: str | None) -> None:
        f = _format(target, f)
        if f in ("json", "jsonl"):
            _document(target, f, content)
        elif f == "plain":
            draw.summary_plain(target, content)
        else:
            draw.summary_rich(target, dataset, content)

    present(env, fmt, export, show, "barkhane summary")


@app.command()
@handled
def eras(
    since: SinceOpt = None,
    until: UntilOpt = None,
    format_: FormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
) -> None:
    """A Gantt chart of the operations, missions and phases, to scale, with year ticks."""
    from barkhane_cli import briefing, query
    from barkhane_cli.render import briefing as draw

    env = make_env(color)
    fmt = _format(env, format_)
    start, end = parse_date("--since", since), parse_date("--until", until)
    first, last = query.date_range(start, end)
    dataset = load(data)
    items = briefing.eras_in(dataset, first, last)
    years = [e.date.year for e in dataset.events] or [2011, 2022]
    lo = start.year if start else min(years)
    hi = max(end.year if end else max(years), lo)

    def show(target: Any, f: str | None) -> None:
        f = _format(target, f)
        if f in ("json", "jsonl"):
            _document(target, f, [briefing.era_json(e) for e in items])
        elif f == "plain":
            draw.gantt_plain(target, items)
        else:
            draw.gantt_rich(target, items, lo, hi)

    present(env, fmt, export, show, "barkhane eras")


class ChartKind(StrEnum):
    events = "events"
    fatalities = "fatalities"
    troops = "troops"


class By(StrEnum):
    year = "year"
    month = "month"


@app.command()
@handled
def chart(
    what: Annotated[
        ChartKind, typer.Argument(help="events, fatalities or troops.")
    ] = ChartKind.events,
    by: Annotated[By, typer.Option(help="Bars per year or per month.")] = By.year,
    stack: Annotated[bool, typer.Option(help="Split each bar by event type.")] = True,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    format_: FormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
) -> None:
    """Bar charts: events or recorded fatalities per year or month, or French troop strength.

    Troop strength comes from the numeric facts; fatalities are summed over the events
    whose sources give a number, so they are not a total death toll.
    """
    from barkhane_cli import briefing, query
    from barkhane_cli.render import briefing as draw

    env = make_env(color)
    fmt = _format(env, format_)
    start, end = parse_date("--since", since), parse_date("--until", until)
    dataset = load(data)
    q = query.build_query(dataset, since=start, until=end, actors=actor or ())
    events = list(query.select(dataset, q))
    skipped = 0
    if what is ChartKind.troops:
        bins = briefing.troop_bins(dataset, q.first, q.last)
        title, unit = (
            "French troops deployed (numeric facts)",
            "troops; ranges shown at their midpoint",
        )
    elif what is ChartKind.fatalities:
        bins, skipped = briefing.fatality_bins(events, by.value)
        title = f"Recorded fatalities per {by.value}"
        unit = "deaths, summed over events whose sources give a number (not a total death toll)"
    else:
        bins, skipped = briefing.event_bins(events, by.value)
        title, unit = f"Events per {by.value}", "events in the curated timeline"
    if skipped:
        env.err.write(f"{skipped} event(s) dated only to the year are not in a month's bar\n")

    def show(target: Any, f: str | None) -> None:
        f = _format(target, f)
        if f in ("json", "jsonl"):
            payload = [{"label": b.label, "value": b.total, "by_type": b.parts} for b in bins]
            _document(target, f, payload)
        elif f == "plain":
            draw.bars_plain(target, bins, unit)
        else:
            draw.bars_rich(target, bins, title, unit, stack and what is not ChartKind.troops)

    present(env, fmt, export, show, f"barkhane chart {what.value}")


@app.command()
@handled
def judgments(
    outcome: Annotated[
        str | None, typer.Option(help="Only: happened, 'did not happen', partly, open.")
    ] = None,
    format_: FormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
) -> None:
    """The seed's forward-looking judgments, their probability and how they turned out.

    Each has the verbatim quote, the estimative term, the probability range on a named
    yardstick (UK PHIA, or a stated mapping) and, where the record after November 2022
    resolves it, an outcome with a dated, sourced note.
    """
    from barkhane_cli import briefing, model
    from barkhane_cli.render import briefing as draw

    env = make_env(color)
    fmt = _format(env, format_)
    dataset = load(data)
    items = list(dataset.judgments.values())
    if outcome is not None:
        if outcome not in model.OUTCOMES:
            raise UsageError(
                f"unknown outcome {outcome!r}; outcomes are: {', '.join(model.OUTCOMES)}"
            )
        items = [j for j in items if j.outcome == outcome]

    def show(target: Any, f: str | None) -> None:
        f = _format(target, f)
        if f in ("json", "jsonl"):
            _document(target, f, [briefing.judgment_json(j) for j in items])
        elif f == "plain":
            for j in items:
                low, high = j.probability
                target.out.write(
                    f"{j.id}\t{j.term}\t{j.yardstick}\t{low}\t{high}\t{j.outcome or ''}\t{j.quote}\n"
                )
        else:
            draw.judgments_rich(target, items)

    present(env, fmt, export, show, "barkhane judgments")
