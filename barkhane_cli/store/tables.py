"""A table of a store's dataset that reads a record by id, and the whole table only when
it is walked.

A card cites a few of the record's 10,780 sources and names a few of its actors: decoding
every source to look two up was two thirds of ``barkhane fact ID`` in a new process (K63,
K67). Looking one up (``[id]``, ``get``, ``in``) reads that record alone; anything that
walks the table (iterating, ``len``, ``keys``/``values``/``items``, comparing) reads it
whole, once, and answers from it from then on. It is a read-only ``Mapping``, not a
``dict``: a caller that would copy, merge or change it (``dict`` methods this class does
not have) fails loudly rather than seeing only the records looked up so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any


class Table(Mapping[str, Any]):
    """``one(id)`` gives the record with that id or None; ``whole()`` the table as a dict
    in its stored order. Both must give the records the files hold (tests compare every
    record of the bundled record's store each way)."""

    __slots__ = ("_all", "_one", "_whole")

    def __init__(self, one: Callable[[str], Any], whole: Callable[[], dict[str, Any]]) -> None:
        self._one = one
        self._whole = whole
        self._all: dict[str, Any] | None = None

    def __getitem__(self, ident: str) -> Any:
        if self._all is not None:
            return self._all[ident]
        found = self._one(ident)
        if found is None:
            raise KeyError(ident)
        return found

    def _read(self) -> dict[str, Any]:
        if self._all is None:
            self._all = self._whole()
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        return f"Table({self._read()!r})"
