"""Finding, reading and layering data files into one checked :class:`Dataset`.

The bundled timeline loads first; each user file (``--data``, ``BARKHANE_DATA``) is layered
over it in order: new ids are added, a known id replaces the earlier entry.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.errors import DataError
from barkhane_cli.validate import (
    TABLES,
    Problem,
    build_entry,
    check_references,
    read_source_files,
    source_file,
)

DATA_ENV = "BARKHANE_DATA"


def bundled_path() -> Path:
    """The curated timeline: inside the package when installed, in ``data/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "timeline.toml"
    if packaged.is_file():
        return packaged
    return here.parent / "data" / "timeline.toml"


def env_paths(environ: dict[str, str] | os._Environ[str] | None = None) -> list[Path]:
    value = (environ if environ is not None else os.environ).get(DATA_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def read_toml(path: Path) -> dict[str, Any]:
    """Parse one file, turning every way it can fail into a one-sentence DataError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: no such data file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not a data file") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: is not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path}: is not valid TOML: {exc}") from None


@dataclass(slots=True)
class _Layer:
    records: dict[str, dict[str, Any]]
    replaced: list[tuple[str, str, str]]


def _layer_file(path: Path, doc: dict[str, Any], layer: _Layer, problems: list[Problem]) -> None:
    file = str(path)
    for table, entries in doc.items():
        if table == "meta":
            continue
        if table not in TABLES:
            import difflib

            close = difflib.get_close_matches(table, TABLES, n=1)
            hint = (
                f"; did you mean {close[0]!r}?"
                if close
                else f"; expected one of {', '.join(TABLES)}"
            )
            problems.append(Problem(file, table, None, None, f"unknown table {table!r}{hint}"))
            continue
        if not isinstance(entries, list):
            problems.append(
                Problem(file, table, None, None, f"must be an array of tables ([[{table}]])")
            )
            continue
        seen: set[str] = set()
        target = layer.records[table]
        for index, raw in enumerate(entries):
            record = build_entry(raw, file, table, index, problems)
            if record is None:
                continue
            if record.id in seen:
                problems.append(Problem(file, table, record.id, "id", "is used twice in this file"))
                continue
            seen.add(record.id)
            if record.id in target:
                layer.replaced.append((table, record.id, file))
            target[record.id] = record


def collect(paths: Sequence[Path]) -> tuple[m.Dataset, list[Problem]]:
    """Load and check every file, returning the dataset and every problem found."""
    problems: list[Problem] = []
    layer = _Layer({t: {} for t in TABLES}, [])
    for path in paths:
        _layer_file(path, read_toml(path), layer, problems)
    rec = layer.records
    data = m.Dataset(
        sources=rec["sources"],
        actors=rec["actors"],
        places=rec["places"],
        events=sorted(rec["events"].values(), key=m.Event.sort_key),
        aftermath=sorted(rec["aftermath"].values(), key=m.Event.sort_key),
        facts=rec["facts"],
        eras=rec["eras"],
        judgments=rec["judgments"],
        replaced=tuple(layer.replaced),
    )
    dupes = set(rec["events"]) & set(rec["aftermath"])
    for ident in sorted(dupes):
        e = rec["aftermath"][ident]
        problems.append(Problem(e.origin, "aftermath", ident, "id", "is also an id in [[events]]"))
    texts = read_source_files(data, problems)
    check_references(data, problems, texts)
    return data, problems


def data_paths(extra: Sequence[Path] = (), bundled: bool = True) -> list[Path]:
    paths = [bundled_path()] if bundled else []
    return paths + env_paths() + list(extra)


def load(extra: Sequence[Path] = (), bundled: bool = True) -> m.Dataset:
    """The dataset for a command: raises DataError naming the first problem.

    A dataset that checked clean is cached (see cache.py), so the next run skips parsing
    and validation while no file involved has changed.
    """
    from barkhane_cli import cache

    paths = data_paths(extra, bundled)
    cached = cache.get(paths)
    if cached is not None:
        return cached
    data, problems = collect(paths)
    if not problems:
        files = [source_file(s) for s in data.sources.values()]
        cache.put(paths, data, [f for f in files if f is not None])
    if problems:
        more = len(problems) - 1
        tail = f" (and {more} more; run 'barkhane validate' to list them all)" if more else ""
        raise DataError(f"bad data: {problems[0].sentence()}{tail}")
    return data
