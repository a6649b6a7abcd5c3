"""Drawing the briefing views: a Gantt chart of the eras, the judgments table, the summary.

Each view has a Rich form for a terminal (or an --export file) and a plain-text form for
pipes that stays readable in a file. Bars are in render/charts.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from barkhane_cli import forecasts, query
from barkhane_cli import model as m
from barkhane_cli.briefing import COUNTED_DEATHS, Axis, Bin
from barkhane_cli.meta import RECORD_END
from barkhane_cli.render.charts import bars_rich, patterned
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import (
    DISPUTED_STYLE,
    ERA_STYLES,
    GREY,
    KIND_STYLES,
    VERDICT_STYLES,
    disputed,
)
from barkhane_cli.text import counted

MONTHS = "JFMAMJJASOND"

# Where a headline figure's value starts in the summary, after its category; its dispute
# note goes under it there.
_INDENT = 15


def _era_fill(env: Env, kind: str, pattern: bool) -> str:
    if env.ascii_only:
        return "#"
    return ERA_STYLES.get(kind, (GREY, "█"))[1] if pattern else "█"


def _ticks(axis: Axis, width: int) -> list[tuple[int, str]]:
    """(offset, text) ticks: years on a long axis, months (with the year at January and
    at the start) on a short one."""
    days = axis.last - axis.first + 1
    out: list[tuple[int, str]] = []
    if axis.months() > 24:
        for y in range(axis.start().year, axis.end().year + 1):
            at = _offset(dt.date(y, 1, 1).toordinal(), axis, width)
            if 0 <= at < width:
                out.append((at, str(y)))
        return out
    d = dt.date(axis.start().year, axis.start().month, 1)
    while d <= axis.end():
        at = max(0, _offset(d.toordinal(), axis, width))
        label = str(d.year) if d.month == 1 or not out else d.strftime("%b")
        if width * 31 / days < 4:
            label = str(d.year) if d.month == 1 or not out else MONTHS[d.month - 1]
        out.append((at, label))
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def _offset(ordinal: int, axis: Axis, width: int) -> int:
    days = axis.last - axis.first + 1
    return round((ordinal - axis.first) / days * width)


def _tick_line(ticks: list[tuple[int, str]], width: int) -> str:
    line = [" "] * width
    free = 0
    for at, label in ticks:
        if at < free or at + len(label) > width:
            continue  # no room: skip the tick rather than overprint its neighbour
        line[at : at + len(label)] = label
        free = at + len(label) + 1
    return "".join(line)


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, an ellipsis where it was cut."""
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


# The most cells an era's name takes beside its bar: 34 on a narrow terminal, and two
# fifths of a wider one, the axis keeping the rest. At a fixed 34, 160 columns cut
# "Presidency of Mahamadou Issoufou…" with half the line to spare (U22).
_LABEL_SHARE = 0.4


def _label_room(columns: int) -> int:
    return max(m.ERA_LABEL_ROOM, int(columns * _LABEL_SHARE) - 3)


def _era_label(era: m.Era, room: int) -> str:
    """An era's name where it fits in ``room`` cells, else its short form: cut at 33
    cells, "Presidency of Blaise Compaoré in…" lost the country and "MINUSMA (UN
    Multidimensional Inte…" the mission (K38), and at 160 columns MINUSMA's still."""
    name = inert(era.name)
    return name if len(name) <= room else inert(era.label)


def gantt_rich(env: Env, eras: Sequence[m.Era], axis: Axis) -> None:
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    pattern = patterned(env, con)
    room = _label_room(con.width)
    labels = [_era_label(e, room) for e in eras]
    label_w = min(max(map(len, labels), default=10), room)
    # label, a space, a column for ◂ (began before the window), the axis, one for → or ▸
    width = max(10, con.width - label_w - 3)
    head = Text(" " * (label_w + 2))
    head.append(_tick_line(_ticks(axis, width), width), style="dim")
    con.print(head, no_wrap=True, overflow="crop")
    for era, label in zip(eras, labels, strict=True):
        start, end = era.start.first_ordinal(), (era.end or RECORD_END).last_ordinal()
        # an era starting in the window's last days still gets the axis's last cell: its
        # start rounded to ``width`` drew it in the marker's column and cropped its ▸ (U24)
        a = min(width - 1, max(0, _offset(max(start, axis.first), axis, width)))
        b = min(width, _offset(min(end, axis.last) + 1, axis, width))
        line = safe_text(cut(label, label_w).ljust(label_w) + " ", keep="")
        line.append("◂" if start < axis.first else " ", style="bold")
        line.append(" " * a)
        colour = ERA_STYLES.get(era.kind, (GREY, "█"))[0]
        line.append(_era_fill(env, era.kind, pattern) * max(1, b - a), style=colour)
        if era.end is None:
            line.append("→", style="bold")
        elif end > axis.last:
            line.append("▸", style="bold")
        con.print(line, no_wrap=True, overflow="crop")
    from rich.padding import Padding

    # Under the axis, each line wrapped within it (a swatch never parted from its kind).
    indent = label_w + 2 if con.width - label_w - 2 >= 30 else 0
    room = con.width - indent
    legend, used = Text(), 0
    for kind, (colour, fill) in ERA_STYLES.items():
        if any(e.kind == kind for e in eras):
            swatch = fill * 2 if pattern else "■"
            if used and used + len(swatch) + 1 + len(kind) > room:
                legend.append("\n")
                used = 0
            legend.append(swatch + " ", style=colour)
            legend.append(kind + "  ")
            used += len(swatch) + len(kind) + 3
    con.print(Padding(legend, (0, 0, 0, indent)), no_wrap=True, overflow="crop")
    for note in (
        f"{axis.start().isoformat()} to {axis.end().isoformat()}",
        "◂ ▸ the era runs beyond the window",
        f"→ still running on {RECORD_END.human()}, the end of the record",
    ):
        con.print(Padding(Text(note, style="dim"), (0, 0, 0, indent)))


def gantt_plain(env: Env, eras: Sequence[m.Era]) -> None:
    for era in eras:
        end = era.end.iso() if era.end else ""
        row = [era.id, str(era.start), end, era.kind, era.name, era.description]
        env.out.write("\t".join(inert(" ".join(c.split())) for c in row) + "\n")


def judgments_rich(env: Env, judgments: Sequence[m.Judgment], score: dict[str, Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    table = Table(show_lines=True, header_style="bold", expand=True)
    table.add_column("Judgment (seed, verbatim)", ratio=4, overflow="fold")
    table.add_column("Chance", width=12, overflow="fold")
    table.add_column("Verdict", width=8, no_wrap=True)
    table.add_column("What happened", ratio=3, overflow="fold")
    for j in judgments:
        low, high = j.probability
        chance = Text(f"{forecasts.band_label(low, high)}\n", style="bold")
        chance.append_text(safe_text(f"{j.term}\n", style="italic"))
        chance.append_text(safe_text(j.yardstick, style="dim"))
        quote = safe_text(f"“{j.quote}”\n", style="italic")
        quote.append_text(safe_text(j.topic, style="dim"))
        if j.mapping:
            quote.append_text(safe_text(f"\nmapping: {j.mapping}", style="dim"))
        verdict = forecasts.forecast(j)
        outcome = safe_text(f"the event: {j.outcome or 'not assessed'}", style="bold")
        if j.outcome_date:
            outcome.append(f" ({j.outcome_date})", style="dim")
        if j.outcome_note:
            outcome.append_text(safe_text("\n" + j.outcome_note))
        table.add_row(
            quote, chance, Text(verdict, style=f"bold {VERDICT_STYLES[verdict]}"), outcome
        )
    con.print(table)
    score_lines(env, score)


def score_lines(env: Env, score: dict[str, Any]) -> None:
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    counts = score["forecasts"]
    head = Text("Forecasts: ", style="bold")
    for name in forecasts.FORECASTS:
        head.append(f"{counts[name]} {name}", style=VERDICT_STYLES[name])
        head.append("  ")
    con.print(head)
    con.print(Text("Calibration: " + forecasts.calibration_line(score)))
    con.print(Text(forecasts.brier_line(score), style="dim"))


def judgments_plain(env: Env, judgments: Sequence[m.Judgment]) -> None:
    for j in judgments:
        low, high = j.probability
        row = [j.id, j.term, j.yardstick, str(low), str(high), j.outcome or "",
               forecasts.forecast(j), j.quote]  # fmt: skip
        env.out.write("\t".join(inert(" ".join(c.split())) for c in row) + "\n")


def _bins(rows: list[dict[str, Any]], key: str) -> list[Bin]:
    return [
        Bin(str(y[key]), float(y["events"]), {k: float(v) for k, v in y["by_type"].items()})
        for y in rows
    ]


def summary_rich(env: Env, data: m.Dataset, content: dict[str, Any]) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.lookup import fact_value_text
    from barkhane_cli.render.table import clip_lines, console, item_lines

    con = console(env)
    period = content["period"]
    head = Text(f"{period['start']} → {period['end']}", style="bold")
    if not period["events"]:
        head.append("   0 events in this slice")
    else:
        # every count through one format, with its thousands separator (U22: "1390
        # events · 408 disputed · 12,951 deaths")
        counts = (
            (period["events"], "events"),
            (period["disputed"], "disputed"),
            (period["fatalities_recorded"], f"deaths recorded ({COUNTED_DEATHS})"),
        )
        head.append("   " + " · ".join(f"{n:,} {what}" for n, what in counts))
    title = "Sahel conflict: the record"
    if period.get("countries"):
        title += " in " + query.countries_said(data, period["countries"])
    con.print(Panel(head, title=title, title_align="left"))
    if period["note"]:
        con.print(Text(period["note"], style="italic"))  # as `on` shows it
    if content["events_per_month"] is not None:
        bins = _bins(content["events_per_month"], "month")
        bars_rich(env, bins, "Events per month", "events, by type of event", stack=True)
    elif content["events_per_year"]:  # none for a window outside the record
        bins = _bins(content["events_per_year"], "year")
        bars_rich(env, bins, "Events per year", "events, by type of event", stack=True)
    eras = [data.eras[e["id"]] for e in content["eras"]]
    if eras:
        con.print(Text("\nEras", style="bold"))
        a, b = content["axis"]["start"], content["axis"]["end"]
        axis = Axis(dt.date.fromisoformat(a).toordinal(), dt.date.fromisoformat(b).toordinal())
        gantt_rich(env, eras, axis)
    if content["top_actors"]:
        con.print(Text("\nMost active actors", style="bold"))
        items = []
        for a in content["top_actors"]:
            # by the name tables give them: MINUSMA's whole name took a line of its own
            actor = data.actors.get(a["id"])
            name = actor.label if actor is not None else a["name"]
            item = safe_text(f"{name} ", style=KIND_STYLES.get(a["kind"] or "", GREY))
            item.append(f"({a['events']})", style="dim")
            items.append(item)
        con.print(item_lines(items, con.width))
    if content["headline_facts"]:
        con.print(Text("\nHeadline figures", style="bold"))
        width = (con.width or 80) - _INDENT
        # the category in a column of its own, so a figure's wrapped lines hang under its
        # text as its dispute note does, not at column 0 (U21)
        grid = Table.grid()
        grid.add_column(width=_INDENT, no_wrap=True, overflow="ellipsis", style="dim")
        grid.add_column(width=width)
        for f in content["headline_facts"]:
            fact = data.facts[f["id"]]
            text = safe_text(f"{fact_value_text(fact)} {fact.unit}", style="bold")
            # the first source, and how many more: six source ids ran a figure to three
            # lines (U20); `barkhane fact ID` lists them all
            refs = fact.sources[0].id if fact.sources else ""
            if len(fact.sources) > 1:
                refs += f" and {len(fact.sources) - 1} more"
            text.append_text(safe_text(f"  {fact.label} (as of {fact.as_of}; {refs})"))
            grid.add_row(safe_text(f"  {fact.category}"), text)
            if fact.disputed:  # cut as a table cuts it: a whole note ran to 9 lines (U20)
                note = clip_lines(disputed(fact.disputed), width, f"barkhane fact {fact.id}")
                grid.add_row("", safe_text(note, style=DISPUTED_STYLE))
        con.print(grid)
    if content["judgments"]:
        con.print(Text("\nThe seed's key judgments", style="bold"))
        # the band and the verdict in columns of their own, each as wide as its widest,
        # so the quotes start in one column and their wrapped lines hang under their text,
        # as the headline figures do (U22: a second line at column 0, and "95%–100%"
        # pushed its verdict and quote one column right of the others)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(no_wrap=True)
        grid.add_column()
        for j in content["judgments"][:6]:
            low, high = j["probability"]
            verdict = Text(j["forecast"], style=f"bold {VERDICT_STYLES[j['forecast']]}")
            quote = safe_text(f"“{j['quote']}”", style="italic")
            grid.add_row(f"  {forecasts.band_label(low, high)}", verdict, quote)
        con.print(grid)
        more = len(content["judgments"]) - 6
        if more > 0:
            con.print(Text(f"  … and {more} more: barkhane judgments", style="dim"))


def summary_plain(env: Env, content: dict[str, Any]) -> None:
    out = env.out
    p = content["period"]
    events = counted(p["events"], "event")
    out.write(f"period\t{p['start']}\t{p['end']}\t{events}\t{p['disputed']} disputed\n")
    if p["note"]:
        out.write(f"note\t{p['note']}\n")  # as `on` words a day outside the record
    for y in content["events_per_year"]:
        out.write(f"year\t{y['year']}\t{y['events']}\n")
    for e in content["eras"]:
        out.write(f"era\t{e['start']}\t{e['end'] or ''}\t{inert(e['name'])}\n")
    for a in content["top_actors"]:
        out.write(f"actor\t{a['id']}\t{inert(a['name'])}\t{a['events']}\n")
    for f in content["headline_facts"]:
        value = f["value"] if f["value"] is not None else f"{f['low']}-{f['high']}"
        out.write(
            f"fact\t{f['id']}\t{value}\t{inert(f['unit'])}\t{f['as_of']}\t{inert(f['label'])}\n"
        )
    for j in content["judgments"]:
        low, high = j["probability"]
        out.write(
            f"judgment\t{j['id']}\t{low}-{high}\t{j['outcome'] or ''}\t{j['forecast']}\t"
            f"{inert(j['quote'])}\n"
        )
