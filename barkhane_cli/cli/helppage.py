"""Long --help through the pager, as git does: only on a capable terminal, and only when
it does not fit on the screen (less -F would quit at once anyway, but a shorter help is
simply printed). The help is drawn by Typer, in colour, into a buffer first."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from typing import Any

import click

from barkhane_cli.settings import Settings


def paged_help(ctx: click.Context, draw: Callable[[], Any]) -> Any:
    """Run ``draw`` (Typer's help printer), its option tables laid out to be read at 80
    columns; page what it prints when it is long."""
    import typer.rich_utils as rich_utils

    original = rich_utils._print_options_panel
    rich_utils._print_options_panel = _relaid(original)
    try:
        return _paged(ctx, draw)
    finally:
        rich_utils._print_options_panel = original


# Typer draws an option as six columns: long names, short names, the negative flag's
# long and short names, the metavar, the description. At 80 columns the four before the
# description took some 55 (--no-aftermath, "INTEGER RANGE [1<=x<=9999]") and left the
# descriptions about 20 characters a line (U16, U17: `chart --help` ran to 100 lines).
# Relaid, an option's names and metavar are one column, wrapped at spaces within a third
# of the width (``--aftermath /`` over ``--no-aftermath``), and the description has the
# rest. The same cells, in Typer's colours; only their columns change.
NAMES_SHARE = 3  # the names column takes at most this part of the width
NAMES_LEAST, NAMES_MOST = 16, 30


def _relaid(original: Callable[..., None]) -> Callable[..., None]:
    def print_panel(**kwargs: Any) -> None:
        console = kwargs.get("console")
        if console is None:
            return original(**kwargs)
        kwargs["console"] = _Relayer(console)
        return original(**kwargs)

    return print_panel


class _Relayer:
    """Stands for the console Typer prints an options panel to: the panel's table is
    relaid (_relaid_table) before it is printed; anything else passes through."""

    def __init__(self, console: Any) -> None:
        self._console = console

    def __getattr__(self, name: str) -> Any:
        return getattr(self._console, name)

    def print(self, *objects: Any, **kwargs: Any) -> None:
        from rich.panel import Panel

        relaid = []
        for obj in objects:
            if isinstance(obj, Panel):
                table = _relaid_table(obj.renderable, self._console.width)
                if table is not None:
                    obj.renderable = table
            relaid.append(obj)
        self._console.print(*relaid, **kwargs)


def _relaid_table(table: Any, width: int) -> Any:
    """Typer's option table as three columns (the required mark, the names and metavar,
    the description), or None when it is not the table expected (another Typer)."""
    from rich.table import Table
    from rich.text import Text

    columns = getattr(table, "columns", None)
    if not isinstance(table, Table) or columns is None or len(columns) not in (6, 7):
        return None
    cells = [list(c.cells) for c in columns]
    marks = cells.pop(0) if len(cells) == 7 else None
    long_, short, negative, negative_short, metavar, helps = cells
    out = Table(
        highlight=table.highlight,
        show_header=False,
        expand=True,
        box=table.box,
        show_lines=table.show_lines,
        leading=table.leading,
        border_style=table.border_style,
        row_styles=table.row_styles,
        pad_edge=table.pad_edge,
        padding=table.padding,
    )
    if marks is not None:
        out.add_column(no_wrap=True)
    most = max(NAMES_LEAST, min(NAMES_MOST, width // NAMES_SHARE))
    out.add_column(max_width=most, overflow="fold")
    out.add_column(ratio=1)
    for row in range(len(helps)):
        names = Text()
        for part, sep in ((long_, ""), (short, ", "), (negative, " / "), (negative_short, ", ")):
            cell = part[row]
            if isinstance(cell, Text) and cell.plain:
                names.append_text(Text(sep) + cell if names.plain else cell)
        if isinstance(metavar[row], Text) and metavar[row].plain:
            names.append_text(Text(" ") + metavar[row])
        out.add_row(*([marks[row]] if marks is not None else []), names, helps[row])
    return out


def _paged(ctx: click.Context, draw: Callable[[], Any]) -> Any:
    import sys

    from barkhane_cli.render import pager

    settings = ctx.find_object(Settings) or Settings.from_environ()
    if not pager.capable(settings, sys.stdout):
        return draw()
    import typer.rich_utils as rich_utils

    buffer = io.StringIO()
    make = rich_utils._get_rich_console

    def buffered(stderr: bool = False) -> Any:
        console = make(stderr)
        if not stderr:
            # the console measured the terminal and chose its colours when made: it only
            # writes elsewhere
            console.file = buffer
        return console

    rich_utils._get_rich_console = buffered
    try:
        result = draw()
    finally:
        rich_utils._get_rich_console = make
    text = buffer.getvalue()
    height = settings.lines or shutil.get_terminal_size().lines
    if text.count("\n") < height:
        sys.stdout.write(text)
    else:
        pager.page_text(settings, text)
    return result


def install(command: click.Command) -> None:
    """Page this command's --help when it is long (the group's main calls it once)."""
    original = command.format_help

    def format_help(ctx: click.Context, formatter: click.HelpFormatter) -> None:
        paged_help(ctx, lambda: original(ctx, formatter))

    command.format_help = format_help  # type: ignore[method-assign]
