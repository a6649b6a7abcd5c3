"""Line numbers for validation problems, so an editor can jump to each one.

Python's TOML parser gives no positions, so the text is scanned: each ``[[table]]``
header starts an entry, which runs to the next header; an entry is found by its
``id = "..."`` line and a field by the line that assigns it. Entries written as inline
tables are found by their id alone. When nothing matches, the line is left out rather
than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from barkhane_cli.store.files import read_text, toml_lines
from barkhane_cli.validate import Problem

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_ID = re.compile(r"""(?:^|[{,\s])id\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')""")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass(slots=True)
class _Entry:
    table: str
    start: int  # 1-based line of the header (or of the id, for an inline table)
    id: str | None = None
    inline: bool = False  # found by its id alone: an entry without one is not listed
    keys: dict[str, int] = field(default_factory=dict)


def _entries(text: str) -> list[_Entry]:
    out: list[_Entry] = []
    current: _Entry | None = None
    inline_table = ""  # ``events = [`` at the top level: entries as inline tables
    for number, line in enumerate(toml_lines(text), start=1):
        header = _HEADER.match(line)
        if header:
            current = _Entry(header.group(1), number)
            out.append(current)
            continue
        if line.lstrip().startswith("["):
            current = None  # a [table] or [[sub.table]] ends the entry
            continue
        key = _KEY.match(line)
        if current is not None:
            if key:
                current.keys.setdefault(key.group(1), number)
                found = _ID.search(line) if key.group(1) == "id" else None
                if found and current.id is None:
                    current.id = _value(found)
            continue
        if key:
            inline_table = key.group(1)
        found = _ID.search(line)
        if found:
            out.append(_Entry(inline_table, number, _value(found), inline=True))
    return out


def _value(found: re.Match[str]) -> str:
    return found.group(1) if found.group(1) is not None else found.group(2)


@dataclass(slots=True)
class _Index:
    """A file's entries, each first one by table, by table and id, and by id alone: a
    problem is placed in constant time (a scan of the entries for each problem took
    20 s for 10,000 problems in a file of 10,000 events, K59)."""

    first: dict[str, _Entry] = field(default_factory=dict)
    by_table_id: dict[tuple[str, str], _Entry] = field(default_factory=dict)
    by_id: dict[str, _Entry] = field(default_factory=dict)
    by_table: dict[str, list[_Entry]] = field(default_factory=dict)  # in file order


def _index(entries: list[_Entry]) -> _Index:
    index = _Index()
    for e in entries:  # in file order: the first of each wins, as a scan finds it
        index.first.setdefault(e.table, e)
        index.by_table.setdefault(e.table, []).append(e)
        if e.id is not None:
            index.by_table_id.setdefault((e.table, e.id), e)
            index.by_id.setdefault(e.id, e)
    return index


def with_lines(problems: list[Problem]) -> list[Problem]:
    """The problems, each with the line it is on where that can be found."""
    cache: dict[str, _Index | None] = {}
    out = []
    for problem in problems:
        if problem.file not in cache:
            cache[problem.file] = _read(Path(problem.file))
        index = cache[problem.file]
        line = _line(index, problem) if index is not None else None
        out.append(replace(problem, line=line) if line is not None else problem)
    return out


def _read(path: Path) -> _Index | None:
    # Only what loading itself accepted: a regular file within the size limit (never a
    # FIFO or /dev/zero, which an unreadable-file problem may name).
    from barkhane_cli.errors import DataError

    try:
        return _index(_entries(read_text(path)))
    except DataError:
        return None


def _line(index: _Index, p: Problem) -> int | None:
    if not p.table:
        return None
    entries = index.by_table.get(p.table, [])
    if p.id is None:
        # an entry without an id (``entry 2 has no text id``) by its place in the table,
        # where every entry has a header to count; else the table's first line
        counted = p.position is not None and not any(e.inline for e in entries)
        if counted and p.position is not None:
            entry = entries[p.position] if p.position < len(entries) else None
            if entry is None:
                return None
            return entry.keys.get(p.field or "", entry.start)
        first = index.first.get(p.table)
        return first.start if first is not None else None
    # the entry of that id in the problem's table, else of that id in any table; a
    # second entry of one id by its place in the table (the first holds the id too)
    entry = index.by_table_id.get((p.table, p.id)) or index.by_id.get(p.id)
    if p.position is not None and p.position < len(entries):
        entry = entries[p.position] if entries[p.position].id == p.id else entry
    if entry is None:
        return None
    if p.field is not None and p.field in entry.keys:
        return entry.keys[p.field]
    return entry.start
