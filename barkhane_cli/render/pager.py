"""Long output on a terminal goes through a pager, as git and gh do.

``BARKHANE_PAGER``, then ``PAGER``, then ``less -FRX`` (quit when it fits on one screen,
keep colour, leave the text on screen); an empty ``BARKHANE_PAGER`` or ``--no-pager``
turns it off, and it is never used when stdout is not a terminal. Rows are written to
the pager as they are drawn, so a long table starts showing at once.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import InertWriter


@contextmanager
def paged(env: Env) -> Iterator[Env]:
    """An Env whose output goes through the pager (or ``env`` itself when there is none)."""
    cmd = env.settings.pager
    try:
        real_tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        real_tty = False
    if cmd is None or not real_tty or env.recorder is not None:
        yield env
        return
    # LESS=FRX as git does, when the user has not chosen; the rest passes through.
    child_env = None if env.settings.less is not None else {**os.environ, "LESS": "FRX"}
    try:
        proc = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE, env=child_env)
    except OSError:
        yield env
        return
    assert proc.stdin is not None
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    stream = io.TextIOWrapper(proc.stdin, encoding=encoding, errors="backslashreplace")
    width = env.width or shutil.get_terminal_size().columns
    inner = dataclasses.replace(env, out=InertWriter(stream), width=width)  # type: ignore[arg-type]
    try:
        yield inner
        stream.flush()
    except BrokenPipeError:
        pass  # the reader quit the pager: that is the end, not an error
    finally:
        with suppress(OSError):
            stream.close()
        while True:
            try:
                proc.wait()
                break
            except KeyboardInterrupt:
                continue  # Ctrl-C belongs to the pager while it runs (git does the same)
