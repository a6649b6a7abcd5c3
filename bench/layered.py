"""Where a layered build's CPU goes, and what copying the record's store would cost.

A layered build is the bundled record with a user's file over it (``--data FILE``, an
import's ``compare``): it compiles the whole record into SQLite again. Run
``.venv/bin/python bench/layered.py`` from the repository root (``--runs N``, default 5).
In one process, the bundled record's store built first in a temporary cache folder, it
builds the store of the record with a one-event, one-source file over it ``--runs`` times
(the layered store removed before each: the tests' case, each file checked once a
process) and prints the median CPU of:

- the whole build (``store.open_paths``), checking the two layers (``_checked``), and each
  part of ``compile.build``: the public tables (``_other_rows``), the events and their
  join tables with the full-text index (``_event_rows``), the private tables;
- the same build split into Python (making the rows) and SQLite (``execute`` and
  ``executemany`` with the rows already made), by table;
- what a build starting from a copy of the record's store would pay before writing a
  row: the copy (a file copy and SQLite's backup API), and reading each table back in
  ``rowid`` order (what telling which rows a layer changed would take without a second
  account of what each row depends on: docs/performance.md, K63).

CPU is ``time.process_time`` (this process's user + system): compare it, not wall time,
on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import types
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from barkhane_cli import store  # noqa: E402
from barkhane_cli.settings import Settings  # noqa: E402
from barkhane_cli.store import compile, files  # noqa: E402

LAYER = """[[events]]
id = "bench-layered-event"
date = "2021-05-24"
title = "An event of the user's"
summary = "Something happened."
type = "attack"
places = ["mali"]
actors = []
[[events.sources]]
id = "bench-layered-source"

[[sources]]
id = "bench-layered-source"
title = "A source of the user's"
publisher = "Someone"
kind = "report"
date = "2021-05-25"
"""
PARTS = ("_other_rows", "_event_rows", "_private_rows")  # each part's Python: less its SQLite
TABLES = ("sources", "_records", "_search", "_names", "_events", "events", "event_sources")
Times = defaultdict[str, list[float]]


class _Timed:
    """An SQLite connection whose statements are timed apart from making their rows."""

    def __init__(self, conn: sqlite3.Connection, took: dict[str, float]) -> None:
        self.conn, self.took = conn, took

    def executemany(self, sql: str, rows: Any) -> Any:
        start = time.process_time()
        rows = list(rows)  # made here, by the build's Python
        made = time.process_time()
        out = self.conn.executemany(sql, rows)
        self.took["python: rows"] += made - start
        self.took[f"sqlite: {sql.split('(')[0].removeprefix('INSERT INTO ')}"] += (
            time.process_time() - made
        )
        return out

    def execute(self, sql: str, *args: Any) -> Any:
        start = time.process_time()
        out = self.conn.execute(sql, *args)
        name = "full-text rebuild" if "events_fts(" in sql else "other statements"
        self.took[f"sqlite: {name}"] += time.process_time() - start
        return out

    def close(self) -> None:
        self.conn.close()


@contextlib.contextmanager
def timing(took: dict[str, float]) -> Iterator[None]:
    """``compile.build``'s parts and its SQLite timed into ``took`` while inside."""
    saved = {name: getattr(compile, name) for name in PARTS}
    saved_store = store._checked
    real = compile.sqlite3

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                took[name] += time.process_time() - start

        return run

    for name, fn in saved.items():
        setattr(compile, name, timed(name, fn))
    store._checked = timed("_checked", saved_store)
    # compile's connections only: the store the build reads the record's haystacks from
    # (store._reuse_bundled) is not timed as the build's SQLite
    compile.sqlite3 = types.SimpleNamespace(  # type: ignore[assignment]
        connect=lambda *a, **k: _Timed(real.connect(*a, **k), took),
        Connection=real.Connection,
        Error=real.Error,
    )
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(compile, name, fn)
        store._checked = saved_store
        compile.sqlite3 = real


def copy_costs(bundled: Path, work: Path, times: Times) -> None:
    """A copy of the record's store, and each table read back in ``rowid`` order."""
    target = work / "copy.sqlite"
    start = time.process_time()
    shutil.copyfile(bundled, target)
    times["copy: file copy"].append(time.process_time() - start)
    target.unlink()
    start = time.process_time()
    with (
        contextlib.closing(sqlite3.connect(bundled)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    times["copy: sqlite backup"].append(time.process_time() - start)
    target.unlink()
    with contextlib.closing(sqlite3.connect(bundled)) as conn:
        for table in TABLES:
            start = time.process_time()
            conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()
            times[f"read back: {table}"].append(time.process_time() - start)


def measure(runs: int) -> Times:
    times: Times = defaultdict(list)
    work = Path(tempfile.mkdtemp(prefix="barkhane-bench-layered-"))
    try:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("BARKHANE_")}
        settings = Settings.from_environ(environ | {"BARKHANE_CACHE": str(work / "cache")})
        record = [files.bundled_path()]
        store.open_paths(record, settings)  # the record's own store
        kept = store.cached_store(record, settings)
        assert kept is not None and kept.path is not None
        bundled = kept.path
        kept.close()
        mine = work / "mine.toml"
        mine.write_text(LAYER, encoding="utf-8")
        layered = [*record, mine]
        for _ in range(runs):
            for built in (work / "cache").glob("*.sqlite"):
                if built != bundled:
                    built.unlink()  # the layered store of the run before
            took: dict[str, float] = defaultdict(float)
            start = time.process_time()
            with timing(took):
                store.open_paths(layered, settings)
            times["whole build"].append(time.process_time() - start)
            for name, value in took.items():
                times[name].append(value)
            copy_costs(bundled, work, times)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = measure(args.runs)
    print(f"{args.runs} layered builds in one process: median CPU seconds")
    for name, values in times.items():
        print(f"{name:>36}: {statistics.median(values):.3f}")


if __name__ == "__main__":
    main()
