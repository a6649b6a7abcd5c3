"""Drawing the briefing views: a Gantt chart of the eras, the judgments table.

Each view has a Rich form for a terminal (or an --export file) and a plain-text form for
pipes that stays readable in a file. Bars are in render/charts.py, the summary in
render/summary.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from barkhane_cli import forecasts
from barkhane_cli import model as m
from barkhane_cli.briefing import Axis
from barkhane_cli.dates import window_said
from barkhane_cli.meta import RECORD_END
from barkhane_cli.render.charts import patterned
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import (
    ERA_STYLES,
    GREY,
    VERDICT_STYLES,
    era_colour,
)

MONTHS = "JFMAMJJASOND"


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


def _era_labels(eras: Sequence[m.Era], room: int) -> list[str]:
    """Each era by its name where every name of its kind fits in ``room`` cells, else
    every era of that kind by its short form (its name where it has none): the eras of a
    kind in one style. Chosen era by era, "Presidency of Idriss Déby in Chad" stood above
    "Issoufou (Niger)" (U33); cut at 33 cells, "Presidency of Blaise Compaoré in…" lost
    the country and "MINUSMA (UN Multidimensional Inte…" the mission (K38)."""
    too_long = {e.kind for e in eras if len(inert(e.name)) > room}
    return [inert(e.label if e.kind in too_long else e.name) for e in eras]


def gantt_rich(env: Env, eras: Sequence[m.Era], axis: Axis) -> None:
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    pattern = patterned(env, con)
    room = _label_room(con.width)
    labels = _era_labels(eras, room)
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
        line.append(_era_fill(env, era.kind, pattern) * max(1, b - a), style=era_colour(era.kind))
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
        window_said(axis.start(), axis.end()),
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
    onto = forecasts.mapped_onto(judgments)
    for j in judgments:
        low, high = j.probability
        chance = Text(f"{forecasts.band_label(low, high)}\n", style="bold")
        chance.append_text(safe_text(f"{j.term}\n", style="italic"))
        chance.append_text(safe_text(forecasts.scale_said(j, onto), style="dim"))
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
