"""Where one `barkhane import acled`'s CPU goes, step by step (docs/performance.md, K93).

Run from the repository root with the project's Python:

    .venv/bin/python bench/importcpu.py EXPORT.csv OUT.toml

It runs ``barkhane import acled EXPORT.csv -o OUT.toml -q`` in this process, as a user
does (the bundled record's store built first, untimed, if the cache folder has none), and prints
the CPU (``time.process_time``: user + system; compare it, not wall time, on a shared
machine) of each step: the conversion (``convert_tables``), writing the file, checking
the written entries (``files.collect``: the import's pieces and the bundled record's
files), giving the events their countries, and the compile (``compile.build``) split
into its events, its private tables and SQLite's own share (``execute`` and
``executemany`` with the rows already made). Steps nest: the compile is inside the
store's warm-up, the checks too. ``bench/run.py`` makes a fictional export
(``generate_csv``); ``BARKHANE_CACHE`` chooses the cache folder.
"""

from __future__ import annotations

import functools
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CPU: dict[str, float] = {}
_SQLITE = "    SQLite's own (of the compile)"


def timed(owner: Any, name: str, label: str) -> None:
    """``owner.name`` replaced by itself, its CPU added to ``CPU[label]``."""
    CPU[label] = 0.0  # printed in this order
    real: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(real)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            CPU[label] = CPU.get(label, 0.0) + time.process_time() - start

    setattr(owner, name, wrapper)


class _Timed(sqlite3.Connection):
    """A connection whose statements' CPU counts as SQLite's (the rows made first)."""

    def execute(self, *args: Any) -> sqlite3.Cursor:
        start = time.process_time()
        try:
            return super().execute(*args)
        finally:
            CPU[_SQLITE] = CPU[_SQLITE] + time.process_time() - start

    def executemany(self, sql: str, rows: Any, /) -> sqlite3.Cursor:
        made = list(rows)
        start = time.process_time()
        try:
            return super().executemany(sql, made)
        finally:
            CPU[_SQLITE] = CPU[_SQLITE] + time.process_time() - start


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    from barkhane_cli import store
    from barkhane_cli.cli import datafiles
    from barkhane_cli.entry import main as barkhane
    from barkhane_cli.importers import acled
    from barkhane_cli.store import compile, files

    store.load_paths([files.bundled_path()])  # the bundled record's store, untimed
    build = compile.build

    def timed_build(*args: Any, **kwargs: Any) -> None:
        """The compile, each of its connections timing its statements."""
        connect = sqlite3.connect
        sqlite3.connect = functools.partial(connect, factory=_Timed)  # type: ignore[assignment]
        try:
            build(*args, **kwargs)
        finally:
            sqlite3.connect = connect

    compile.build = timed_build
    timed(acled, "convert_tables", "conversion")
    timed(datafiles, "_write", "writing the file")
    timed(datafiles, "_warm_store", "the store (checks and compile)")
    timed(files, "_read_into", "  reading and checking each file")
    timed(files, "_with_countries", "  the events' countries and points")
    timed(compile, "build", "  compile")
    timed(compile, "_event_rows", "    events, join tables, full-text index")
    timed(compile, "_private_rows", "    private tables (records, names, search)")
    CPU[_SQLITE] = 0.0
    sys.argv = ["barkhane", "import", "acled", sys.argv[1], "-o", sys.argv[2], "-q"]
    start = time.process_time()
    try:
        barkhane()
    except SystemExit as exc:
        if exc.code:
            raise
    CPU["whole run"] = time.process_time() - start
    for label, seconds in CPU.items():
        print(f"{label:<48} {seconds:8.2f} s")


if __name__ == "__main__":
    main()
