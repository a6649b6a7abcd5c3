"""Drawing the briefing views: bars, a Gantt chart of the eras, the judgments table.

Each view has a Rich form for a terminal (or an --export file) and a plain-text form for
pipes: ``label<TAB>value<TAB>bar`` lines that stay readable in a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.briefing import RECORD_END, Bin
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import DISPUTED_STYLE, KIND_STYLES, TYPE_STYLES, disputed

ERA_STYLES = {
    "operation": "blue",
    "mission": "cyan",
    "force": "green",
    "presence": "magenta",
    "government": "yellow",
    "phase": "red",
}
BLOCK = "█"


def _scale(value: float, top: float, width: int) -> int:
    if top <= 0 or value <= 0:
        return 0
    return max(1, round(value / top * width))


def bars_plain(env: Env, bins: Sequence[Bin], unit: str, width: int = 50) -> None:
    top = max((b.total for b in bins), default=0)
    for b in bins:
        env.out.write(f"{b.label}\t{_fmt(b.total)}\t{'#' * _scale(b.total, top, width)}\n")


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def bars_rich(env: Env, bins: Sequence[Bin], title: str, unit: str, stack: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    label_w = max((len(b.label) for b in bins), default=4)
    value_w = max((len(_fmt(b.total)) for b in bins), default=1)
    width = max(10, con.width - label_w - value_w - 6)
    top = max((b.total for b in bins), default=0)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="bold", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    present: set[str] = set()
    for b in bins:
        bar = Text()
        if stack and b.parts:
            # Round the cumulative length, so stacked segments add up to the unstacked bar.
            done, running = 0, 0.0
            for kind, style in TYPE_STYLES.items():
                if kind in b.parts:
                    running += b.parts[kind]
                    end = _scale(running, top, width) if running else 0
                    bar.append(BLOCK * max(0, end - done), style=style)
                    done = max(done, end)
                    present.add(kind)
        else:
            bar.append(BLOCK * _scale(b.total, top, width), style="cyan")
        grid.add_row(b.label, bar, _fmt(b.total))
    con.print(Text(title, style="bold"))
    con.print(grid)
    if stack and present:
        legend = Text("  ")
        for kind, style in TYPE_STYLES.items():
            if kind in present:
                legend.append("■ ", style=style)
                legend.append(kind + "  ")
        con.print(legend)
    con.print(Text(unit, style="dim"))


def gantt_rich(env: Env, eras: Sequence[m.Era], start_year: int, end_year: int) -> None:
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    label_w = min(max((len(inert(e.name)) for e in eras), default=10), 34)
    years = max(1, end_year - start_year + 1)
    col = max(1, (con.width - label_w - 2) // years)
    lines = [Text(" " * (label_w + 1))]
    for y in range(start_year, end_year + 1):
        tick = str(y) if col >= 5 else str(y)[2:] if col >= 3 else "|"
        lines[0].append(tick.ljust(col)[:col], style="dim")
    for era in eras:
        a = _pos(era.start.first(), start_year, col, years)
        b = _pos((era.end or RECORD_END).last(), start_year, col, years, end=True)
        line = safe_text(inert(era.name)[:label_w].ljust(label_w) + " ")
        line.append(" " * a)
        bar = BLOCK * max(1, b - a)
        line.append(bar, style=ERA_STYLES.get(era.kind, "white"))
        if era.end is None:
            line.append("→", style="bold")
        lines.append(line)
    for line in lines:
        con.print(line, no_wrap=True, overflow="crop")
    legend = Text(" " * (label_w + 1))
    for kind, style in ERA_STYLES.items():
        if any(e.kind == kind for e in eras):
            legend.append("■ ", style=style)
            legend.append(kind + "  ")
    con.print(legend)
    con.print(
        Text(
            " " * (label_w + 1) + "→ still running on 9 November 2022, the end of the record",
            style="dim",
        )
    )


def _pos(day: Any, start_year: int, col: int, years: int, end: bool = False) -> int:
    """Character offset of a day on the axis: whole years are ``col`` characters wide."""
    import datetime

    if day.year < start_year:
        return 0
    if day.year > start_year + years - 1:
        return col * years
    first = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - first).days
    into = (day - first).days + (1 if end else 0)
    return int((day.year - start_year) * col + round(into / length * col))


def gantt_plain(env: Env, eras: Sequence[m.Era]) -> None:
    for era in eras:
        end = era.end.iso() if era.end else ""
        env.out.write(f"{era.id}\t{era.start}\t{end}\t{era.kind}\t{era.name}\t{era.description}\n")


def judgments_rich(env: Env, judgments: Sequence[m.Judgment]) -> None:
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    colours = {"happened": "green", "did not happen": "red", "partly": "yellow", "open": "dim"}
    table = Table(show_lines=True, header_style="bold", expand=True)
    table.add_column("Judgment (seed, verbatim)", ratio=4, overflow="fold")
    table.add_column("Chance", width=12, overflow="fold")
    table.add_column("Outcome", ratio=3, overflow="fold")
    for j in judgments:
        low, high = j.probability
        chance = Text(f"{low:.0%}–{high:.0%}\n", style="bold")
        chance.append(f"{j.term}\n", style="italic")
        chance.append(j.yardstick, style="dim")
        quote = safe_text(f"“{j.quote}”\n", style="italic")
        quote.append_text(safe_text(j.topic, style="dim"))
        if j.mapping:
            quote.append_text(safe_text(f"\nmapping: {j.mapping}", style="dim"))
        outcome = safe_text(j.outcome or "not assessed", style=colours.get(j.outcome or "", "dim"))
        if j.outcome_date:
            outcome.append(f" ({j.outcome_date})", style="dim")
        if j.outcome_note:
            outcome.append_text(safe_text("\n" + j.outcome_note))
        table.add_row(quote, chance, outcome)
    con.print(table)


def summary_rich(env: Env, data: m.Dataset, content: dict[str, Any]) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    period = content["period"]
    head = Text()
    if not period["events"]:
        head.append("no events in this slice", style="bold")
    else:
        head.append(f"{period['start']} → {period['end']}", style="bold")
    head.append(
        f"   {period['events']} events · {period['disputed']} disputed · "
        f"{period['fatalities_recorded']:,} deaths recorded in events that give a number"
    )
    con.print(Panel(head, title="Sahel conflict: the record", title_align="left"))
    bins = [
        Bin(str(y["year"]), float(y["events"]), {k: float(v) for k, v in y["by_type"].items()})
        for y in content["events_per_year"]
    ]
    bars_rich(env, bins, "Events per year", "events, by type of event", stack=True)
    eras = [data.eras[e["id"]] for e in content["eras"]]
    if eras:
        con.print(Text("\nEras", style="bold"))
        years = [int(y["year"]) for y in content["events_per_year"]] or [e.start.year for e in eras]
        gantt_rich(env, eras, min(years), max(years))
    if content["top_actors"]:
        con.print(Text("\nMost active actors", style="bold"))
        line = Text()
        for a in content["top_actors"]:
            line.append_text(
                safe_text(f"{a['name']} ", style=KIND_STYLES.get(a["kind"] or "", "white"))
            )
            line.append(f"({a['events']})  ", style="dim")
        con.print(line)
    if content["headline_facts"]:
        con.print(Text("\nHeadline figures (largest recorded per category)", style="bold"))
        for f in content["headline_facts"]:
            fact = data.facts[f["id"]]
            from barkhane_cli.lookup import fact_value_text

            text = Text(f"  {fact.category:<13}", style="dim")
            text.append_text(safe_text(f"{fact_value_text(fact)} {fact.unit}", style="bold"))
            text.append_text(
                safe_text(
                    f"  {fact.label} (as of {fact.as_of}; {', '.join(s.id for s in fact.sources)})"
                )
            )
            if fact.disputed:
                text.append_text(safe_text("  " + disputed(fact.disputed), style=DISPUTED_STYLE))
            con.print(text)
    if content["judgments"]:
        con.print(Text("\nThe seed's key judgments", style="bold"))
        for j in content["judgments"][:6]:
            low, high = j["probability"]
            text = Text(f"  {low:.0%}–{high:.0%} ", style="bold")
            text.append_text(safe_text(f"“{j['quote']}”", style="italic"))
            if j["outcome"]:
                text.append(
                    f"  → {j['outcome']}", style="green" if j["outcome"] == "happened" else "yellow"
                )
            con.print(text)
        more = len(content["judgments"]) - 6
        if more > 0:
            con.print(Text(f"  … and {more} more: barkhane judgments", style="dim"))


def summary_plain(env: Env, content: dict[str, Any]) -> None:
    out = env.out
    p = content["period"]
    out.write(
        f"period\t{p['start'] or ''}\t{p['end'] or ''}\t{p['events']} events\t"
        f"{p['disputed']} disputed\n"
    )
    for y in content["events_per_year"]:
        out.write(f"year\t{y['year']}\t{y['events']}\n")
    for e in content["eras"]:
        out.write(f"era\t{e['start']}\t{e['end'] or ''}\t{e['name']}\n")
    for a in content["top_actors"]:
        out.write(f"actor\t{a['id']}\t{a['name']}\t{a['events']}\n")
    for f in content["headline_facts"]:
        value = f["value"] if f["value"] is not None else f"{f['low']}-{f['high']}"
        out.write(f"fact\t{f['id']}\t{value}\t{f['unit']}\t{f['as_of']}\t{f['label']}\n")
    for j in content["judgments"]:
        low, high = j["probability"]
        out.write(f"judgment\t{j['id']}\t{low}-{high}\t{j['outcome'] or ''}\t{j['quote']}\n")
