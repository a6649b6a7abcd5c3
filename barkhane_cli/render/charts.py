"""Bars and series: the charts of ``chart`` and ``summary``, and the rows behind them.

A bar is always drawn to scale and never cut: labels give way first. Without colour,
stacked segments use one fill character per meaning (the legend shows which).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from barkhane_cli.briefing import Bin
from barkhane_cli.briefing.series import NEW_BASIS
from barkhane_cli.facets import name_key
from barkhane_cli.render.env import Env
from barkhane_cli.render.onescreen import hanging, indented
from barkhane_cli.render.records import csv_safe_cell
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import BAR_STYLE, MARK_STYLE, TYPE_GROUP, TYPE_GROUPS

if TYPE_CHECKING:
    from rich.text import Text

BLOCK = "█"


def scale(value: float, top: float, width: int) -> int:
    if top <= 0 or value <= 0:
        return 0
    return max(1, round(value / top * width))


def fmt_number(x: float) -> str:
    """A number for a person (the terminal's chart, its headings): "2,193". Every other
    format is for a program and writes ``fmt_raw``'s "2193": the format decides (only a
    terminal's is "table"), so piped rows sum in awk (U41: "2,193" was summed as 2)."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def fmt_raw(x: float) -> str:
    """A number for a program (plain, csv, tsv): no separator, no trailing ".0"."""
    return str(int(x)) if float(x).is_integer() else str(x)


def patterned(env: Env, con: Any) -> bool:
    """Fill characters carry the meaning without colour, and where the terminal has only
    the 8 or 16 basic colours (the palette's hues then collapse onto a few)."""
    return not env.color or con.color_system in (None, "standard", "windows")


def fill(env: Env, group: str | None, pattern: bool) -> str:
    """The character a segment is drawn with: solid in colour, a pattern without."""
    if group is None:
        return "#" if env.ascii_only else BLOCK
    _, _, chars, ascii_chars = TYPE_GROUPS[group]
    if env.ascii_only:
        return ascii_chars
    return chars if pattern else BLOCK


def legend(env: Env, groups: set[str], pattern: bool, width: int) -> Any:
    """The groups' swatches and labels, in lines of ``width`` columns at most."""
    from barkhane_cli.render.table import legend_text

    return legend_text(
        (
            (fill(env, g, pattern) * 2 if pattern or env.ascii_only else "■", colour, label)
            for g, (label, colour, _, _) in TYPE_GROUPS.items()
            if g in groups
        ),
        width,
    )


def bars_plain(env: Env, bins: Sequence[Bin], width: int = 50, top: float | None = None,
               lead: str = "") -> None:  # fmt: skip
    """label, value, bar; ``lead`` (a panel's value) first, ``top`` a scale shared by panels.
    The value as the tsv table writes it (fmt_raw): piped rows are summed by awk and cut."""
    if top is None:
        top = max((b.total for b in bins), default=0)
    for b in bins:
        bar = "#" * scale(b.total, top, width)
        env.out.write(f"{lead}{b.label}\t{fmt_raw(b.total)}\t{bar}\n")


def panels_plain(env: Env, panels: Sequence[tuple[str, Sequence[Bin]]]) -> None:
    """chart --facet piped: one row per panel and bin, the panel's value first."""
    top = max((b.total for _, bins in panels for b in bins), default=0)
    for value, bins in panels:
        bars_plain(env, bins, top=top, lead=f"{inert(value)}\t")


def bars_rich(
    env: Env, bins: Sequence[Bin], title: str, unit: str, stack: bool, note: str | None = None
) -> None:
    panels_rich(env, [(None, bins)], title, unit, stack, note)


def panels_rich(
    env: Env,
    panels: Sequence[tuple[str | None, Sequence[Bin]]],
    title: str,
    unit: str,
    stack: bool,
    note: str | None,
) -> None:
    """Bars per period, one panel per value of a facet (a heading, then its bars; one
    panel without a heading when ``None``), all on one scale: the panels are there to be
    compared, and the unit line says so. ``note``: said under the title (a window outside
    the record, as summary says it under its header)."""
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    pattern = patterned(env, con)
    every = [b for _, bins in panels for b in bins]
    label_w = max((len(b.label) for b in every), default=4)
    value_w = max((len(fmt_number(b.total)) for b in every), default=1)
    width = max(10, con.width - label_w - value_w - 4)
    top = max((b.total for b in every), default=0)
    con.print(hanging(Text(title, style="bold"), con.width, 0, 2))
    if note:
        con.print(Text(note, style="italic"))
    present: set[str] = set()
    for heading, bins in panels:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="bold", no_wrap=True, width=label_w)
        grid.add_column(justify="right", no_wrap=True, width=value_w)
        grid.add_column(no_wrap=True, width=width)
        for b in bins:
            grid.add_row(
                b.label, fmt_number(b.total), _bar(env, b, top, width, stack, pattern, present)
            )
        if heading is not None:
            con.print(safe_text(heading, style="bold", keep=""))
        con.print(grid)
    if stack and present:
        con.print(legend(env, present, pattern, con.width))
    if every and unit:  # no bars (a window outside the record): no caption of what they count
        # a follow-up in it ("counted totals: barkhane facts ...") is kept on one line
        con.print(hanging(Text(unit, style="dim"), con.width, 0, 0), soft_wrap=True)


def _bar(
    env: Env, b: Bin, top: float, width: int, stack: bool, pattern: bool, present: set[str]
) -> Text:
    """One bar to ``top``'s scale, stacked by group of event type (adding each group it
    draws to ``present``, for the legend), or plain."""
    from rich.text import Text

    bar = Text()
    if not (stack and b.parts):
        bar.append(fill(env, None, pattern) * scale(b.total, top, width), style=BAR_STYLE)
        return bar
    by_group: dict[str, float] = {}
    for kind, n in b.parts.items():
        group = TYPE_GROUP.get(kind, "record")
        by_group[group] = by_group.get(group, 0) + n
    # Round the cumulative length, so stacked segments add up to the unstacked bar.
    done, running = 0, 0.0
    for group, (_, colour, _, _) in TYPE_GROUPS.items():
        if group in by_group:
            running += by_group[group]
            end = scale(running, top, width)
            bar.append(fill(env, group, pattern) * max(0, end - done), style=colour)
            done = max(done, end)
            present.add(group)
    return bar


def series_rich(
    env: Env,
    rows: Sequence[dict[str, Any]],
    title: str,
    unit: str,
    note: str | None,
    breaks: Mapping[str, tuple[str, str]] | None = None,
) -> None:
    """One block per area a figure counts in (its scope), each in date order:
    date | value | bar | marks | label. Each block is drawn to its own scale, its largest
    figure a full bar, and its heading says so: on one scale Mauritania's 56,000–69,766
    refugees were one block each beside the Central Sahel's 2.67 million (U16). A range
    is drawn as a range (solid to its low end, shaded to its high end). ``note``: said
    under the title, as panels_rich says it. ``breaks``: each figure on a new basis, its
    mark and the line saying why, as `facts` gives them (briefing.headline.break_line)."""
    from rich.cells import cell_len
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    con.print(hanging(Text(title, style="bold"), con.width, 0, 2))
    if note:
        con.print(Text(note, style="italic"))
    if not rows:
        con.print(Text("no figures in this range", style="dim"))
        return
    date_w = max(len(r["as_of"]) for r in rows)
    value_w = max(len(r["text"]) for r in rows)
    breaks = breaks or {}
    mark_w = max((len(_marks(r, breaks)) for r in rows), default=0)
    # Columns: date, value, bar, marks (if any) and label, a space between each; ``rest``
    # is what the numbers and marks leave to the bar and the label beside it.
    rest = con.width - (date_w + 2) - value_w - (mark_w + 1 if mark_w else 0) - 3
    # One layout for the whole chart, and no label cut: each whole beside its bar, wrapped
    # in its column, or, where the labels have not LABEL_ROOM cells beside BAR_ROOM of
    # bar, whole on a line of its own under its bar. Labels cut beside the bar in some
    # blocks and whole under it in others lost what the Mali blocks' figures counted
    # ("... in the first d…", U21).
    beside = rest - BAR_ROOM >= LABEL_ROOM
    # The bars take every cell the labels beside them (the longest, or all but BAR_ROOM)
    # or, under them, the numbers leave. They had two fifths of it, at most 40 and at
    # least 10, and gave cells to labels that were then drawn under them: 10 cells at 80
    # columns, where values a tenth apart drew the same bar (K37).
    longest = max(cell_len(r["label"]) for r in rows)
    # under: the label's gap too; at least 10 cells where the numbers leave fewer (the
    # line wraps, as it did)
    width = rest - min(longest, rest - BAR_ROOM) if beside else max(10, rest + 1)
    solid = "#" if env.ascii_only else BLOCK
    light = "=" if env.ascii_only else "░"
    spread = "-" if env.ascii_only else "▒"
    blocks: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        blocks.setdefault(r.get("series") or r["scope"], []).append(r)

    def grid() -> Table:
        g = Table.grid(padding=(0, 1), expand=beside)
        g.add_column(no_wrap=True, width=date_w + 2)
        g.add_column(justify="right", no_wrap=True, width=value_w)
        g.add_column(no_wrap=True, width=width)
        if mark_w:
            g.add_column(no_wrap=True, width=mark_w)
        if beside:
            g.add_column(overflow="fold", ratio=1)
        return g

    for area, members in blocks.items():
        top = max(_top(r) for r in members)
        heading = safe_text(f"{area}", style="bold", keep="")
        heading.append(f"  (full bar: {fmt_number(top)})", style="dim")
        con.print(heading)
        table = grid()
        for r in members:
            label = safe_text(r["label"], keep="")
            # a figure on a new basis is counted as any other: drawn solid
            marked = any(k not in ("range", NEW_BASIS) for k in r["marks"])
            low = r["low"] if r["low"] is not None else r["value"]
            base = scale(float(low), top, width)
            bar = Text(
                (light if marked else solid) * base,
                style=MARK_STYLE if marked else BAR_STYLE,
            )
            bar.append(spread * max(0, scale(_top(r), top, width) - base), style=MARK_STYLE)
            cells: list[Any] = ["  " + r["as_of"], r["text"], bar]
            if mark_w:
                cells.append(Text(_marks(r, breaks), style=MARK_STYLE))
            if beside:
                table.add_row(*cells, label)
                continue
            table.add_row(*cells)
            con.print(table)
            con.print(Padding(label, (0, 0, 0, 4)))
            table = grid()
        if table.row_count:
            con.print(table)
    con.print(
        Text(
            f"{unit}; one block per area a figure counts in, each to its own scale; "
            "▒ the rest of a range "
            "(low to high); ░ planned, claimed or disputed",
            style="dim",
        )
    )
    for r in rows:
        if r.get("series_break"):  # why it is no like for like with the bar before it
            said = breaks[r["id"]][1] if r["id"] in breaks else f"{NEW_BASIS}: {r['series_break']}"
            con.print(Text("\n".join(indented(said, con.width, 0, 2)), style="dim"))


def _top(row: dict[str, Any]) -> float:
    """The figure's highest count: a range's high end, else its value."""
    return float(row["high"] if row["high"] is not None else row["value"])


# The fewest cells a label column beside the bars has: in fewer a label wraps to a
# column of words, and the chart shows each label whole under its bar.
LABEL_ROOM = 30
# The fewest cells a bar beside a label has (a 160-column terminal's): with fewer, the
# labels go under their bars, which take the whole line after the numbers.
BAR_ROOM = 40


def _marks(row: dict[str, Any], breaks: Mapping[str, tuple[str, str]]) -> str:
    """The row's marks; a new basis with its mark (↘ or ↗), as `facts` shows it."""
    mark = breaks.get(row["id"], ("", ""))[0]
    return ",".join(f"{mark} {k}" if k == NEW_BASIS and mark else k for k in row["marks"])


def series_plain(env: Env, rows: Sequence[Sequence[Any]]) -> None:
    """The rows TSV writes, without its header: one record a line, a cell's own line
    breaks and tabs made spaces."""
    for row in rows:
        env.out.write("\t".join(inert(" ".join(_cell(v).split())) for v in row) + "\n")


def write_rows(env: Env, fmt: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Raw numbers for a spreadsheet: csv or tsv with a header, or a Markdown table."""
    cells = [[_cell(v) if fmt != "md" else _shown(v) for v in row] for row in rows]
    if fmt == "md":
        env.out.write("| " + " | ".join(header) + " |\n")
        env.out.write("|" + "---|" * len(header) + "\n")
        for row in cells:
            clean = (" ".join(c.split()).replace("\\", "\\\\").replace("|", "\\|") for c in row)
            env.out.write("| " + " | ".join(inert(c) for c in clean) + " |\n")
        return
    writer = csv.writer(env.out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(header)
    # --csv-safe guards these tables as it does the event tables (issue 25: eras, chart
    # and judgments wrote a cell starting with = as it was)
    writer.writerows([csv_safe_cell(c) for c in row] if env.csv_safe else row for row in cells)


def _cell(value: Any) -> str:
    """A CSV/TSV cell in the spelling of every file table (recordset.LIST_SEPARATOR)."""
    from barkhane_cli.render.recordset import file_flag, file_list

    if value is None:
        return ""
    if isinstance(value, bool):
        return file_flag(value)
    if isinstance(value, list | tuple):
        return file_list(str(v) for v in value)
    return str(value)


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def bin_rows(bins: Sequence[Bin]) -> tuple[list[str], list[list[Any]]]:
    """One row per bin with the raw count and one column per event type present."""
    return _rows([], [([], bins)])


def panel_rows(
    field: str, named: bool, panels: Sequence[tuple[str | None, str, Sequence[Bin]]]
) -> tuple[list[str], list[list[Any]]]:
    """chart --facet as rows: bin_rows's, led by the panel's value (and its name, for a
    field of ids: ``country``, ``country_name``), one event type column per type in any
    panel."""
    lead = [field, name_key(field)] if named else [field]
    return _rows(
        lead, [([value, name] if named else [value], bins) for value, name, bins in panels]
    )


def _rows(
    lead: list[str], panels: Sequence[tuple[list[Any], Sequence[Bin]]]
) -> tuple[list[str], list[list[Any]]]:
    """The bins' rows, each led by its panel's cells (headed ``lead``), one event type
    column per type in any bin."""
    types = sorted({t for _, bins in panels for b in bins for t in b.parts})
    header = [*lead, "label", "start", "end", "value", *types]
    rows = []
    for first, bins in panels:
        for b in bins:
            counts = (fmt_raw(b.parts.get(t, 0)) for t in types)
            rows.append([*first, b.label, b.start, b.end, fmt_raw(b.total), *counts])
    return header, rows
