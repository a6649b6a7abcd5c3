"""Rich tables for a person at a terminal. Imported only when a table is drawn."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from barkhane_cli.render.env import Env
from barkhane_cli.render.records import RecordSet
from barkhane_cli.render.safe import console_class, inert, raw_stream
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import DISPUTED_STYLE


def _console_class() -> Any:
    class TerminalConsole(console_class()):  # type: ignore[misc]
        def on_broken_pipe(self) -> None:
            # Rich's default exits 1; a reader that went away (`| head`) is normal, and
            # the CLI turns this into a quiet exit 0 like every other format.
            self.quiet = True
            raise BrokenPipeError

    return TerminalConsole


def console(env: Env) -> Console:
    if env.recorder is not None:
        return env.recorder  # type: ignore[no-any-return]
    con: Console = _console_class()(
        file=raw_stream(env.out),
        force_terminal=env.is_tty,
        no_color=not env.color,
        color_system="auto" if env.color else None,
        width=env.width,
        highlight=False,
        emoji=False,
        safe_box=env.ascii_only,
        markup=False,
    )
    return con


def records_table(env: Env, rs: RecordSet[Any], items: list[Any], names: list[str]) -> None:
    con = console(env)
    if not items:
        env.err.write(f"{rs.empty_message}\n")
        return
    table = Table(
        title=safe_text(rs.title) if rs.title else None,
        show_lines=False,
        header_style="bold",
        expand=False,
        pad_edge=False,
        box=None if env.ascii_only else _box(),
    )
    widths = _widths(con.width, rs, items, names)
    for n in names:
        f = rs.fields[n]
        table.add_column(f.header, width=widths[n], overflow="fold")
    for item in items:
        style = rs.style(item) or ""
        cells: list[Text] = []
        for n in names:
            f = rs.fields[n]
            text = (f.display or f.text)(item)
            cell = safe_text(text, style=style if n in ("type", "kind", "date") else "")
            if n == rs.note_field:
                cell.stylize("bold")
                extra = rs.note(item)
                if extra:
                    cell.append_text(safe_text("\n" + extra, style=DISPUTED_STYLE))
            cells.append(cell)
        table.add_row(*cells)
    con.print(table)
    if rs.legend:
        legend = Text("  ")
        for label, style in rs.legend(items):
            legend.append("■ ", style=style)
            legend.append_text(safe_text(label + "  "))
        con.print(legend)
    noun = rs.kind if len(items) == 1 else rs.kind + "s"
    con.print(Text(f"{len(items)} {noun}", style="dim"))


def _widths(total: int, rs: RecordSet[Any], items: list[Any], names: list[str]) -> dict[str, int]:
    """Give fixed columns their natural width and share the rest by ratio.

    Rich's own ratio sharing ignores minimum widths, which folds short headers at 80
    columns; doing the arithmetic here keeps every column readable.
    """
    widths: dict[str, int] = {}
    flexible = []
    for n in names:
        f = rs.fields[n]
        if f.ratio is None:
            show = f.display or f.text
            natural = max([len(f.header), *(len(inert(show(i))) for i in items)])
            widths[n] = min(natural, f.max_width) if f.max_width else natural
        else:
            flexible.append(f)
    # SIMPLE_HEAD draws a one-space divider between padded columns, and the edges.
    spare = total - sum(widths.values()) - 3 * len(names)
    ratios = sum(f.ratio or 1 for f in flexible) or 1
    for f in flexible:
        share = spare * (f.ratio or 1) // ratios
        widths[f.name] = max(share, f.min_width or 4)
    return widths


def _box() -> Any:
    from rich import box

    return box.SIMPLE_HEAD
