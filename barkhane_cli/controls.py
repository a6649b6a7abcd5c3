"""Control characters in text from data files: which they are, shown or removed.

The character-level core of issue 14, used by loading (validate warns), importing (the
ACLED importer strips) and every renderer (render/safe.py shows them as escapes).
"""

from __future__ import annotations

import re

# Bidirectional embeddings, overrides and isolates ("Trojan Source"), and the marks.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Characters that draw nothing (zero-width space, joiners, word joiner, invisible
# operators, the soft hyphen, the byte-order mark): they can hide a difference between two
# names that look the same ("wagner" and "wag\u200bner"), so they are shown too.
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"

_CODES = [*range(0x20), 0x7F, *range(0x80, 0xA0), *map(ord, BIDI), *map(ord, INVISIBLE)]


def _escape(cp: int) -> str:
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


# Every character shown escaped, with its escape.
ESCAPES: dict[int, str] = {cp: _escape(cp) for cp in _CODES}
_TABLES: dict[str, dict[int, str]] = {}


def _table(keep: str) -> dict[int, str]:
    table = _TABLES.get(keep)
    if table is None:
        table = {cp: s for cp, s in ESCAPES.items() if chr(cp) not in keep}
        _TABLES[keep] = table
    return table


# str.translate looks every character of the text up in the table (a dict), ~70 ns a
# character: 0.5 s for the 7 MB of `sources -f csl-json`, twice (the JSON pass, then the
# writer's), though such a text holds nothing to escape but its newlines. One regular
# expression of the table's characters says so ~12 times faster, and the text is then
# returned as it is (translate would return an equal copy).
_FINDERS: dict[int, tuple[dict[int, str], re.Pattern[str]]] = {}


def _finder(table: dict[int, str]) -> re.Pattern[str]:
    """A pattern matching any one character of the table (made once a table)."""
    kept = _FINDERS.get(id(table))
    if kept is None or kept[0] is not table:
        codes = "".join(re.escape(chr(cp)) for cp in sorted(table))
        kept = _FINDERS[id(table)] = (table, re.compile(f"[{codes}]"))
    return kept[1]


def escaped(text: str, table: dict[int, str]) -> str:
    """``text.translate(table)`` for a table of escapes (code point -> text)."""
    return text.translate(table) if _finder(table).search(text) else text


def inert(text: str, keep: str = "") -> str:
    """``text`` with every control character, DEL, C1 code and bidi control shown as an
    escape; characters in ``keep`` (say ``"\\n"`` for a multi-line cell) stay as they are."""
    if text.isprintable():  # the common case, checked in C: nothing to do
        return text
    return escaped(text, _table(keep))


_STRIP: dict[str, dict[int, None]] = {}


def strip_controls(text: str, keep: str = "\n\t") -> str:
    """``text`` without the characters :func:`inert` would escape (a CRLF line break
    becomes a newline): for importers, which should not copy them into a data file."""
    if text.isprintable():
        return text
    table = _STRIP.get(keep)
    if table is None:
        table = _STRIP[keep] = {cp: None for cp in ESCAPES if chr(cp) not in keep}
    return text.replace("\r\n", "\n").translate(table)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character :func:`inert` would escape (tab and newline too)."""
    return not text.isprintable() and _finder(ESCAPES).search(text) is not None
