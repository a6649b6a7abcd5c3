"""Long output on a terminal goes through a pager, as git and gh do.

``BARKHANE_PAGER``, then ``PAGER``, then ``less -FRX`` (quit when it fits on one screen,
keep colour, leave the text on screen); an empty ``BARKHANE_PAGER`` or ``--no-pager``
turns it off. It is used only on a capable terminal: never when stdout is not one, nor
when ``TERM`` is ``dumb`` or unset (less would only complain that the terminal is not
fully functional). Rows are written to the pager as they are drawn, so a long table
starts showing at once; a long ``--help`` is paged too (cli/helppage.py).

While the pager runs, Ctrl-C belongs to it (as in git): barkhane ignores the signal, and
quitting the pager ends the run with exit 0, with no "interrupted" message.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import InertWriter
from barkhane_cli.settings import Settings


def capable(settings: Settings, stream: Any) -> bool:
    """Whether output to ``stream`` should be paged: a pager is set, the stream is a
    terminal, and the terminal is one a pager can drive."""
    if settings.pager is None or settings.term in ("", "dumb"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


@contextmanager
def _pager_owns_ctrl_c() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: nothing to hand over
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _spawn(settings: Settings) -> subprocess.Popen[bytes] | None:
    assert settings.pager is not None
    # LESS=FRX as git does, when the user has not chosen; the rest passes through.
    child_env = None if settings.less is not None else {**os.environ, "LESS": "FRX"}
    try:
        return subprocess.Popen(settings.pager, shell=True, stdin=subprocess.PIPE, env=child_env)
    except OSError:
        return None


def _stream(proc: subprocess.Popen[bytes]) -> TextIO:
    assert proc.stdin is not None
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    return io.TextIOWrapper(proc.stdin, encoding=encoding, errors="backslashreplace")


def _finish(proc: subprocess.Popen[bytes], stream: TextIO) -> None:
    with suppress(OSError):
        stream.close()
    proc.wait()


def page_text(settings: Settings, text: str) -> None:
    """Show ``text`` through the pager (already known to be wanted: see ``capable``)."""
    with _pager_owns_ctrl_c():
        proc = _spawn(settings)
        if proc is None:
            sys.stdout.write(text)
            return
        stream = _stream(proc)
        try:
            stream.write(text)
            stream.flush()
        except BrokenPipeError:
            pass  # the reader quit the pager before the end
        finally:
            _finish(proc, stream)


@contextmanager
def paged(env: Env) -> Iterator[Env]:
    """An Env whose output goes through the pager (or ``env`` itself when there is none)."""
    if not capable(env.settings, sys.stdout) or env.recorder is not None:
        yield env
        return
    with _pager_owns_ctrl_c():
        proc = _spawn(env.settings)
        if proc is None:
            yield env
            return
        stream = _stream(proc)
        width = env.width or shutil.get_terminal_size().columns
        inner = dataclasses.replace(env, out=InertWriter(stream), width=width)  # type: ignore[arg-type]
        try:
            yield inner
            stream.flush()
        except BrokenPipeError:
            pass  # the reader quit the pager: that is the end, not an error
        finally:
            _finish(proc, stream)
