"""Writing data files: a small TOML serializer for the arrays of tables of our schema.

Only what docs/data-format.md uses: each table is an array of tables (``[[events]]``) whose
values are strings, integers, floats, booleans and arrays of those or of inline tables.
The output is deterministic: tables and fields come out in the documented order (anything
else after them, sorted), so the same records always give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from barkhane_cli.model import FIELDS, TABLES

# The documented order of tables and fields (docs/data-format.md), shared with validation.
TABLE_ORDER = TABLES
FIELD_ORDER = FIELDS
# Keys of inline tables: source references and affiliations.
INLINE_ORDER = ("id", "actor", "relation", "start", "end", "quote", "note")

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_OTHER_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SHORT_ESCAPES = {"\b": "\\b", "\f": "\\f"}


def _control(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04X}"


# TOML forbids control characters other than tab in comments.
_COMMENT_SAFE = {i: " " for i in range(0x20) if i not in (0x09, 0x0A)} | {0x7F: " "}


def string(text: str) -> str:
    """A TOML basic string: one line, every control character escaped."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    # Chained replaces beat translate() on the usual case: quotes and newlines in notes.
    out = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )
    return '"' + _OTHER_CONTROL.sub(_control, out) + '"'


def key(name: str) -> str:
    return name if _BARE_KEY.match(name) else string(name)


def value(v: object) -> str:
    """One TOML value; raises TypeError for anything our schema does not hold."""
    kind = type(v)  # the exact types first: a million-row import writes ~20 million
    if kind is str:
        return string(v)  # type: ignore[arg-type]
    if kind is list:
        return "[" + ", ".join([value(item) for item in v]) + "]"  # type: ignore[attr-defined]
    if kind is int:
        return str(v)
    if isinstance(v, str):
        return string(v)
    # bool before int: True is an int to Python but not to TOML.
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        # repr is the shortest text that reads back as the same float, and TOML accepts it
        # (including inf, -inf and nan).
        return repr(v)
    # lists before the Mapping ABC, whose isinstance check is slow (a value per field)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(item) for item in v) + "]"
    if isinstance(v, Mapping):
        return inline_table(v)
    raise TypeError(f"cannot write {type(v).__name__} {v!r} as TOML")


def inline_table(table: Mapping[str, object]) -> str:
    items = [
        f"{key(k)} = {value(table[k])}"
        for k in ordered(table, INLINE_ORDER)
        if table[k] is not None
    ]
    return "{ " + ", ".join(items) + " }" if items else "{}"


def ordered(entry: Mapping[str, object], order: Sequence[str]) -> Iterable[str]:
    """An entry's keys in the format's order (FIELD_ORDER), any others after them sorted:
    how this module writes an entry, and how an export's import lays one out alike."""
    known = [k for k in order if k in entry]
    if len(known) == len(entry):
        return known
    return known + sorted(k for k in entry if k not in order)


def dumps(tables: Mapping[str, Sequence[Mapping[str, object]]], header: str = "") -> str:
    """``{"events": [{...}, ...], ...}`` as ``[[events]]`` blocks; None values are left out.

    ``header`` becomes comment lines at the top of the file.
    """
    return "".join(chunks(tables, header))


def chunks(
    tables: Mapping[str, Sequence[Mapping[str, object]]], header: str = "", size: int = 1000
) -> Iterator[str]:
    """:func:`dumps` in pieces of about ``size`` entries, to write a large file without
    holding its whole text."""
    clean = header.translate(_COMMENT_SAFE)
    out: list[str] = [f"# {line}".rstrip() + "\n" for line in clean.splitlines()]
    started = bool(out)
    names = [t for t in TABLE_ORDER if t in tables] + sorted(
        t for t in tables if t not in TABLE_ORDER
    )
    count = 0
    keys: dict[str, str] = {}  # each field's "key = ", made once (a regex a field)
    for name in names:
        order = FIELD_ORDER.get(name, ("id",))
        head = f"[[{key(name)}]]\n"
        for entry in tables[name]:
            if started:
                out.append("\n")
            started = True
            out.append(head)
            for k in ordered(entry, order):
                v = entry[k]
                if v is not None:
                    said = keys.get(k)
                    if said is None:
                        said = keys[k] = f"{key(k)} = "
                    out.append(said + value(v) + "\n")
            count += 1
            if count % size == 0:
                yield "".join(out)
                out.clear()
    if out:
        yield "".join(out)
