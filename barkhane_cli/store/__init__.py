"""The store: data files read and checked once, then answered from a compiled cache.

``files`` finds, reads and layers the TOML files (the source of truth); ``load`` is what
every command calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from barkhane_cli import model as m
from barkhane_cli.errors import DataError
from barkhane_cli.store.files import (
    DATA_ENV,
    STDIN,
    bundled_path,
    collect,
    data_paths,
    env_paths,
    read_toml,
)

__all__ = [
    "DATA_ENV",
    "STDIN",
    "bundled_path",
    "collect",
    "data_paths",
    "env_paths",
    "load",
    "load_paths",
    "read_toml",
]


def load(extra: Sequence[Path] = (), bundled: bool = True) -> m.Dataset:
    """The dataset for a command: raises DataError naming the first problem.

    A dataset that checked clean is cached (see cache.py), so the next run skips parsing
    and validation while no file involved has changed.
    """
    return load_paths(data_paths(extra, bundled))


def load_paths(paths: Sequence[Path]) -> m.Dataset:
    """:func:`load` for an explicit list of files (the bundled one included or not)."""
    from barkhane_cli import atomic, cache
    from barkhane_cli.validate import source_file

    atomic.note_input(paths)  # nothing this run writes may replace a file it loads
    cached = cache.get(paths)
    if cached is not None:
        return cached
    data, problems = collect(paths)
    if not any(not p.warning for p in problems):
        files = [source_file(s) for s in data.sources.values()]
        cache.put(paths, data, [f for f in files if f is not None])
    problems = [p for p in problems if not p.warning]
    if problems:
        more = len(problems) - 1
        tail = f" (and {more} more; run 'barkhane validate' to list them all)" if more else ""
        raise DataError(f"bad data: {problems[0].sentence()}{tail}")
    return data
