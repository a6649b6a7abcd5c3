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
    """Run ``draw`` (Typer's help printer); page what it prints when it is long."""
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
