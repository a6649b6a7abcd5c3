"""The run's settings: every environment variable barkhane reads, read here and only here.

One :class:`Settings` is built per run (``Settings.from_environ``) by the command line and
passed down: to the renderers through :class:`barkhane_cli.render.env.Env`, to the store as
arguments (data layers, cache folder). No other module reads ``os.environ``; tests clear
every name in :data:`ENV_VARS` so that a developer's environment cannot change an answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from barkhane_cli.errors import UsageError

DATA_ENV = "BARKHANE_DATA"  # extra data layers, separated by os.pathsep
CACHE_ENV = "BARKHANE_CACHE"  # an absolute folder, or "0" to turn the cache off
CACHE_MAX_ENV = "BARKHANE_CACHE_MAX"  # the stores' cap: a size with its unit, "8G"
CACHE_MAX_DEFAULT = 2 * 1024**3  # when it is unset or blank
CSV_SAFE_ENV = "BARKHANE_CSV_SAFE"
DEBUG_ENV = "BARKHANE_DEBUG"
PAGER_ENV = "BARKHANE_PAGER"

# Every variable that can change what barkhane does (the test suite clears them all).
ENV_VARS = (
    DATA_ENV, CACHE_ENV, CACHE_MAX_ENV, CSV_SAFE_ENV, DEBUG_ENV, PAGER_ENV, "PAGER",
    "XDG_CACHE_HOME", "NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "TTY_COMPATIBLE", "COLUMNS", "LINES",
)  # fmt: skip


def _flag(value: str) -> bool:
    return value not in ("", "0")


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() and int(value) > 0 else None


_UNITS = {"K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def _size(value: str) -> int | None:
    """Bytes of "8G", "1.5 GiB", "500MB" (powers of 1024), or None. The unit is required:
    a bare "8" meant as gigabytes would otherwise keep 8 bytes of stores."""
    text = value.strip().upper()
    text = text.removesuffix("IB") if text.endswith("IB") else text.removesuffix("B")
    scale = _UNITS.get(text[-1:])
    try:
        number = float(text[:-1])
    except ValueError:
        return None
    if scale is None or not 0 <= number < 1024**2:  # not nan, inf, or a negative size
        return None
    return int(number * scale)


class Settings(NamedTuple):
    """Immutable; ``settings._replace(debug=True)`` makes a changed copy. A named tuple,
    not a dataclass: every run builds one before anything else, and a dataclass costs its
    generated code at import (start-up, issue 23)."""

    debug: bool = False  # tracebacks for internal errors (--debug, BARKHANE_DEBUG)
    pager: str | None = "less -FRX"  # the pager's command line, None for none
    csv_safe: bool = False  # --csv-safe, BARKHANE_CSV_SAFE
    data: tuple[Path, ...] = ()  # layers from BARKHANE_DATA, under any --data
    cache: str = ""  # BARKHANE_CACHE as given: "" default folder, "0" off, else a folder
    cache_max: str = ""  # BARKHANE_CACHE_MAX as given ("" the default), read by cache_cap
    cache_home: str = ""  # XDG_CACHE_HOME
    home: str = ""  # the user's home folder, for the default cache
    no_color: bool = False
    force_color: bool = False
    term: str = ""
    colorterm: str = ""  # COLORTERM: truecolor or 24bit, for Rich's colour depth
    tty_compatible: str = ""  # Rich's TTY_COMPATIBLE: "1" a terminal, "0" not one
    columns: int | None = None
    lines: int | None = None
    less: str | None = None  # LESS, handed to the pager (default FRX, as git does)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        if PAGER_ENV in env:
            pager: str | None = env[PAGER_ENV].strip()
        else:
            pager = env.get("PAGER", "").strip() or "less -FRX"
        return cls(
            debug=_flag(env.get(DEBUG_ENV, "")),
            pager=None if pager in ("", "cat", None) else pager,
            csv_safe=_flag(env.get(CSV_SAFE_ENV, "")),
            data=tuple(Path(p) for p in env.get(DATA_ENV, "").split(os.pathsep) if p.strip()),
            cache=env.get(CACHE_ENV, ""),
            cache_max=env.get(CACHE_MAX_ENV, ""),
            cache_home=env.get("XDG_CACHE_HOME", ""),
            home=env.get("HOME", ""),
            no_color=bool(env.get("NO_COLOR")),
            force_color=bool(env.get("FORCE_COLOR")),
            term=env.get("TERM", ""),
            colorterm=env.get("COLORTERM", ""),
            tty_compatible=env.get("TTY_COMPATIBLE", ""),
            columns=_number(env.get("COLUMNS", "")),
            lines=_number(env.get("LINES", "")),
            less=env.get("LESS"),
        )

    def rich_environ(self) -> dict[str, str]:
        """What Rich may see of the environment: the terminal type, for its colour depth."""
        return {"TERM": "" if self.term == "dumb" else self.term, "COLORTERM": self.colorterm}

    def cache_folder(self) -> Path | None:
        """The configured cache folder (not yet checked), or None when the cache is off."""
        if self.cache == "0":
            return None
        if self.cache:
            if not os.path.isabs(self.cache):
                raise UsageError(
                    f"{CACHE_ENV}={self.cache!r}: give an absolute folder path, or 0 to turn "
                    "the cache off"
                )
            return Path(self.cache)
        base = self.cache_home
        if not os.path.isabs(base):  # the XDG spec: a relative value is to be ignored
            base = os.path.join(self.home or os.path.expanduser("~"), ".cache")
        return Path(base) / "barkhane"

    def cache_cap(self) -> int:
        """The stores' cap in bytes (store.key.stores_beyond); a bad value is a usage error, raised
        before a store is built, not after its minutes of work."""
        if not self.cache_max.strip():
            return CACHE_MAX_DEFAULT
        size = _size(self.cache_max)
        if size is None:
            raise UsageError(
                f"{CACHE_MAX_ENV}={self.cache_max!r}: give a size with its unit, such as 8G "
                "or 500M (K, M, G, T: powers of 1024)"
            )
        return size
