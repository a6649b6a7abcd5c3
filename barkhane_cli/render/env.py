"""What the output side of the environment looks like, read once and passed down."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any, Literal, TextIO

ColorMode = Literal["auto", "always", "never"]
CSV_SAFE_ENV = "BARKHANE_CSV_SAFE"


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
    # CSV/TSV cells that start like a formula get a leading apostrophe (--csv-safe).
    csv_safe: bool = False

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
        return Env(buffer, self.err, True, True, width, False, con, self.csv_safe)

    @classmethod
    def detect(
        cls,
        color: ColorMode = "auto",
        out: TextIO | None = None,
        err: TextIO | None = None,
        environ: dict[str, str] | None = None,
    ) -> Env:
        env = os.environ if environ is None else environ
        out = out or sys.stdout
        err = err or sys.stderr
        compat = env.get("TTY_COMPATIBLE", "")
        try:
            is_tty = out.isatty()
        except (ValueError, AttributeError):
            is_tty = False
        if compat == "1":
            is_tty = True
        elif compat == "0":
            is_tty = False
        if color == "always":
            use_color = True
        elif color == "never" or env.get("NO_COLOR"):
            use_color = False
        elif env.get("FORCE_COLOR"):
            use_color = True
        else:
            use_color = is_tty and env.get("TERM") != "dumb"
        width = None
        columns = env.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            width = int(columns)
        encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
        ascii_only = encoding in ("ascii", "us-ascii", "ansi-x3.4-1968", "646")
        from barkhane_cli.render.safe import InertWriter

        # Plain writers escape data controls on the way out; Rich draws to the raw stream.
        csv_safe = env.get(CSV_SAFE_ENV, "") not in ("", "0")
        out = InertWriter(out)  # type: ignore[assignment]
        err = InertWriter(err)  # type: ignore[assignment]  # notes on stderr may quote data
        return cls(out, err, is_tty, use_color, width, ascii_only, None, csv_safe)
