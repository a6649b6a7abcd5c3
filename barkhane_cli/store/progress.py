"""Progress on long work (import, compile, export): rows done, rate and time left, drawn
on stderr only when a person is watching it (a terminal) and not ``--quiet``; nothing at
all when stderr is piped or a file, so scripts and logs stay clean."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any

# Below this many bytes of input a compile takes about a second: no bar, no note.
LARGE_BYTES = 8 * 1024**2


_quiet: list[bool] = []  # set by a command's --quiet while it runs


@contextlib.contextmanager
def silenced(quiet: bool) -> Iterator[None]:
    """--quiet: no progress and no notes inside the block."""
    _quiet.append(quiet)
    try:
        yield
    finally:
        _quiet.pop()


def watching(quiet: bool = False) -> bool:
    """Whether stderr is a terminal someone reads (and --quiet was not given)."""
    if quiet or any(_quiet):
        return False
    try:
        return bool(sys.stderr.isatty())
    except (AttributeError, ValueError):
        return False


class Bar:
    """A callable ``bar(done)``; ``bar.set_total(n)`` once the total is known. Silent
    (it draws nothing and imports nothing) when no one is watching."""

    def __init__(self, progress: Any = None, task: Any = None) -> None:
        self._progress = progress
        self._task = task

    def __call__(self, done: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done)

    def set_total(self, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=total)

    def say(self, text: str) -> None:
        """A new description (what the work is doing now)."""
        if self._progress is not None:
            self._progress.update(self._task, description=text)


@contextlib.contextmanager
def bar(what: str, total: int | None = None, quiet: bool = False) -> Iterator[Bar]:
    """A progress bar on stderr for ``what`` (rows, rate, time left), or a silent one."""
    if not watching(quiet):
        yield Bar()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.0f} rows/s")

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=_stderr_console(), transient=True) as progress:
        yield Bar(progress, progress.add_task(what, total=total))


def note(text: str, quiet: bool = False) -> None:
    """A note on a watched stderr (what a long silent step is doing), wrapped at its
    words to the terminal's width (wrapped)."""
    if watching(quiet):
        sys.stderr.write(wrapped(f"barkhane: {text}") + "\n")
        sys.stderr.flush()


def wrapped(text: str) -> str:
    """``text`` in lines as wide as the terminal the bar is drawn on, broken at spaces, a
    word wider than a line (a path) kept whole, as the notes under a table are
    (render.table.wrapped). Left to the terminal, the compile's note broke mid-word at
    80 columns: "(42 files in /work/data)" | ": it is new", "checkin" | "g it first" (U36)."""
    from textwrap import fill

    width = _stderr_console().width
    return fill(text, width, break_long_words=False, break_on_hyphens=False)


def _stderr_console() -> Any:
    """The console the bar and the notes are drawn on: stderr, as wide as COLUMNS says
    where it is a width (settings, as every view reads it), else the terminal. Rich, left
    to read COLUMNS itself, took COLUMNS=0 for a width of 0: the note's wrapping was an
    internal error, "invalid width 0" (RV35)."""
    from rich.console import Console

    from barkhane_cli.settings import Settings

    s = Settings.from_environ()
    return Console(stderr=True, width=s.columns, _environ=s.rich_environ())
