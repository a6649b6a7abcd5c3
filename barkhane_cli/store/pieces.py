"""A large data file parsed a piece at a time, never whole (K82).

An imported file of 100,000 events is ~60 MB of TOML. Parsed whole, its text and the
document it parses to (~320 MiB of dicts and strings) were held together before the
first entry was checked: the peak of the first query's build over it (docs/performance.md,
K82). Here the file is read in pieces of about PIECE_BYTES, each cut just before a line
that is an array-of-tables header of one of the data's tables (``[[events]]``), each
piece parsed alone and handed out, to be checked and dropped before the next is read.

The pieces give the document the whole text gives, or :class:`Unsure` is raised and the
caller parses the whole file as before (which also says any error, with its line):

- A cut line starts a statement of the whole text, unless it lies inside a multi-line
  string or array: then that string or array is unterminated in the piece before the
  cut, which fails to parse.
- A TOML statement means what the statements before it make it mean, never what follows.
  The first piece is the text before the first cut: it parses as it does in the whole,
  and may name none of the data's tables (an ``events = [...]`` there would make a later
  ``[[events]]`` an error of the whole text, not an append).
- Every later piece starts at a ``[[table]]`` header, so the only top-level names it can
  make are by headers; those it may make are the data's tables as arrays (``[[table]]``:
  an append, in the whole text as here). Any other (a ``[meta]`` after an entry, a
  ``[events.x]`` naming an earlier piece's last entry, an unknown table) is Unsure.

Text that is not UTF-8 is Unsure too (the whole read places the bad byte).

The entries built from the pieces are the dataset the build holds whole (the checks
across entries need it). Each short text the parser makes is a string of its own, so
an import's events held a million copies of its source's id and hundreds of thousands
of each actor, place, tag and type: 80 % of their strings' bytes (K82). Each piece's
short texts are made the first equal string met in the file (:func:`_shared`), the same
values in less memory.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any, BinaryIO

from barkhane_cli import toml

PIECE_BYTES = 1024**2  # a piece's text: its document is a few MiB, its parse one call
SHORT = 100  # characters: ids, names, tags, types; a longer text is rarely repeated
# distinct short texts remembered at once: past it the memo starts again (an import's
# own ids are short and unique, and would otherwise all be kept in it)
SHARED_MAX = 200_000
# A line that is exactly an array-of-tables header with a bare name, as barkhane writes
# them (tomlwrite) and people do; other spellings of a header stay inside a piece.
_HEADER = re.compile(rb"\[\[([A-Za-z_]+)\]\][ \t]*(?:#[^\r\n]*)?\r?\n?")


_BOM = b"\xef\xbb\xbf"


class Unsure(Exception):
    """The pieces might not read as the whole text does: parse it whole."""


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        # utf-8: the one byte-order mark utf-8-sig drops from the whole text is dropped
        # from the first line (documents); a second is no TOML, in either read
        return toml.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, toml.TOMLDecodeError, ValueError, RecursionError):
        raise Unsure from None


def documents(fh: BinaryIO, tables: Collection[str]) -> Iterator[dict[str, Any]]:
    """The documents of the pieces of the file ``fh`` (binary, from its start), in order:
    their tables' entries, concatenated, are the whole text's. Raises :class:`Unsure`
    (perhaps after some pieces) when the pieces may not read as the whole does, and for
    a file with no cut at all (nothing to gain; the whole read says what it is)."""
    piece: list[bytes] = []
    size = 0
    cut = False
    memo: dict[str, str] = {}
    for number, line in enumerate(fh):  # split at b"\n" only, where TOML ends a line
        if number == 0 and line.startswith(_BOM):
            # dropped as the whole read drops it (utf-8-sig): else a file a Windows editor
            # saved never had its first header cut, and was read whole every time
            line = line[len(_BOM) :]
        if line.startswith(b"[[") and (size >= PIECE_BYTES or not cut):
            found = _HEADER.fullmatch(line)
            if found is not None and found[1].decode("ascii") in tables:
                doc = _checked(_parse(b"".join(piece)), tables, not cut)
                yield _shared(doc, memo)
                piece, size, cut = [], 0, True
        piece.append(line)
        size += len(line)
    if not cut:
        raise Unsure
    yield _shared(_checked(_parse(b"".join(piece)), tables, False), memo)


def _checked(doc: dict[str, Any], tables: Collection[str], first: bool) -> dict[str, Any]:
    for name, value in doc.items():
        if first:
            if name in tables:
                raise Unsure
        elif name not in tables or not isinstance(value, list):
            raise Unsure
    return doc


def _shared(doc: dict[str, Any], memo: dict[str, str]) -> dict[str, Any]:
    """``doc`` with each short text (a value, or an item of an array) replaced by the
    first equal string in ``memo``: equal values, one copy."""
    stack: list[Any] = [doc]
    while stack:
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        for key, value in pairs:
            if isinstance(value, str):
                if len(value) <= SHORT:
                    same = memo.get(value)
                    if same is None:
                        if len(memo) >= SHARED_MAX:
                            memo.clear()
                        same = memo[value] = value
                    item[key] = same  # the same key: the dict's size never changes
            elif isinstance(value, dict | list):
                stack.append(value)
    return doc
