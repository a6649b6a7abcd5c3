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

from barkhane_cli.validate import Problem

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_ID = re.compile(r"""(?:^|[{,\s])id\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')""")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass(slots=True)
class _Entry:
    table: str
    start: int  # 1-based line of the header (or of the id, for an inline table)
    id: str | None = None
    keys: dict[str, int] = field(default_factory=dict)


def _entries(text: str) -> list[_Entry]:
    out: list[_Entry] = []
    current: _Entry | None = None
    inline_table = ""  # ``events = [`` at the top level: entries as inline tables
    for number, line in enumerate(text.splitlines(), start=1):
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
            out.append(_Entry(inline_table, number, _value(found)))
    return out


def _value(found: re.Match[str]) -> str:
    return found.group(1) if found.group(1) is not None else found.group(2)


def with_lines(problems: list[Problem]) -> list[Problem]:
    """The problems, each with the line it is on where that can be found."""
    cache: dict[str, list[_Entry] | None] = {}
    out = []
    for problem in problems:
        if problem.file not in cache:
            cache[problem.file] = _read(Path(problem.file))
        entries = cache[problem.file]
        line = _line(entries, problem) if entries is not None else None
        out.append(replace(problem, line=line) if line is not None else problem)
    return out


def _read(path: Path) -> list[_Entry] | None:
    # Only what loading itself accepted: a regular file within the size limit (never a
    # FIFO or /dev/zero, which an unreadable-file problem may name).
    from barkhane_cli.errors import DataError
    from barkhane_cli.store.files import read_text

    try:
        return _entries(read_text(path))
    except DataError:
        return None


def _line(entries: list[_Entry], p: Problem) -> int | None:
    if not p.table:
        return None
    in_table = [e for e in entries if e.table == p.table]
    if p.id is None:
        return in_table[0].start if in_table else None
    entry = next((e for e in in_table if e.id == p.id), None)
    entry = entry or next((e for e in entries if e.id == p.id), None)
    if entry is None:
        return None
    if p.field is not None and p.field in entry.keys:
        return entry.keys[p.field]
    return entry.start
