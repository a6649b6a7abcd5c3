"""The commands barkhane prints for a user to run next (follow-ups), built in one place.

A follow-up reads the data the run read: the files given with --data are carried into
it, shell-quoted (a path with a space stays one word). U33: `on DATE --data FILE`
pointed to `barkhane timeline --since ...` without the file, and whoever copied it got
the bundled record's answer, not the one `on` had counted. BARKHANE_DATA needs no
carrying: the shell the user copies into still has it.

The files are the run's, set once by the command line as it opens the data (``given``),
and read here by every view that points somewhere: threading them through each view's
arguments would take a parameter in dozens of functions that only pass it on. They
last one run (``one_run``, around every command line): outside a run, in a process that
ran one (the tests', a library caller), a follow-up names the record alone.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from os import PathLike

# The options a run was given that change what the data is, as typed: ("--data", path).
_LAYERS: ContextVar[tuple[str, ...]] = ContextVar("barkhane_layers", default=())


def given(paths: Iterable[str | PathLike[str]] | None) -> None:
    """Record the --data files of this run (None or none: the record alone)."""
    _LAYERS.set(tuple(word for p in paths or () for word in ("--data", str(p))))


@contextmanager
def one_run() -> Iterator[None]:
    """A run of the command line: it starts with no files and leaves none behind. In one
    process (the tests' CliRunner, a library caller) a run's files pointed every later
    follow-up built outside a run (lookup.other_kind, a resolver's miss) to them."""
    token = _LAYERS.set(())
    try:
        yield
    finally:
        _LAYERS.reset(token)


# What command() writes, as a wrap must find it again in prose: "barkhane", then words,
# each bare or in shlex's quotes ('a b', '"'"' for a quote inside). render.onescreen keeps
# a match on one line (U34: broken at 80 columns and copied line by line, it ran another
# query); declared here, beside the writer, so the two change together.
WRITTEN = re.compile(r"""barkhane(?: (?:[\w@%+=:,./-]|'[^']*'|"'")+)+""")


def command(name: str, *words: str) -> str:
    """``barkhane NAME``, this run's --data files, then ``words``, each quoted as a POSIX
    shell needs it. The files come straight after the command's name, before any
    argument, so that a ``--`` among ``words`` (a search for "-5") leaves them options."""
    return " ".join(["barkhane", name, *map(shlex.quote, (*_LAYERS.get(), *words))])
