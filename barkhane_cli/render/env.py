"""What the output side of a run looks like: its streams and the run's settings.

An :class:`Env` is made once per run from the run's :class:`~barkhane_cli.settings.Settings`
(the one place the environment is read) and passed down to every renderer.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Literal, TextIO

from barkhane_cli.settings import Settings

ColorMode = Literal["auto", "always", "never"]


@dataclass(frozen=True, slots=True)
class Env:
    out: TextIO
    err: TextIO
    is_tty: bool  # stdout is a terminal (or Rich's TTY_COMPATIBLE says to treat it as one)
    color: bool
    width: int | None  # None: let Rich ask the terminal
    ascii_only: bool  # stdout cannot encode non-ASCII text
    # A recording Rich console shared by every part of a view, for --export.
    recorder: Any = None
    # The run's settings: pager, CSV safety (--csv-safe), terminal type and height.
    settings: Settings = field(default_factory=Settings)

    @property
    def csv_safe(self) -> bool:
        """CSV/TSV cells that start like a formula get a leading apostrophe."""
        return self.settings.csv_safe

    def recording(self) -> Env:
        """An Env whose views draw, in colour, into one recording console (not stdout)."""
        import io

        from barkhane_cli.render.safe import console_class

        Console = console_class()
        width = self.width or 100
        buffer = io.StringIO()
        con = Console(
            file=buffer, record=True, width=width, force_terminal=True,
            color_system="truecolor", highlight=False, emoji=False, markup=False,
        )  # fmt: skip
        return Env(buffer, self.err, True, True, width, False, con, self.settings)

    @classmethod
    def detect(
        cls,
        color: ColorMode = "auto",
        out: TextIO | None = None,
        err: TextIO | None = None,
        settings: Settings | None = None,
    ) -> Env:
        s = settings if settings is not None else Settings.from_environ()
        out = out or sys.stdout
        err = err or sys.stderr
        try:
            is_tty = out.isatty()
        except (ValueError, AttributeError):
            is_tty = False
        if s.tty_compatible == "1":
            is_tty = True
        elif s.tty_compatible == "0":
            is_tty = False
        if color == "always":
            use_color = True
        elif color == "never" or s.no_color:
            use_color = False
        elif s.force_color:
            use_color = True
        else:
            use_color = is_tty and s.term != "dumb"
        encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
        ascii_only = encoding in ("ascii", "us-ascii", "ansi-x3.4-1968", "646")
        from barkhane_cli.render.safe import InertWriter

        # Plain writers escape data controls on the way out; Rich draws to the raw stream.
        out = InertWriter(out)  # type: ignore[assignment]
        err = InertWriter(err)  # type: ignore[assignment]  # notes on stderr may quote data
        return cls(out, err, is_tty, use_color, s.columns, ascii_only, None, s)
