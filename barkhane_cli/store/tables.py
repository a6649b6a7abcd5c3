"""A table of a store's dataset that reads a record by id, and the whole table only when
it is walked.

A card cites a few of the record's 10,780 sources and names a few of its actors: decoding
every source to look two up was two thirds of ``barkhane fact ID`` in a new process (K63,
K67). Looking one up (``[id]``, ``get``, ``in``) reads that record alone; anything that
walks the table (iterating, ``len``, ``keys``/``values``/``items``, comparing) reads it
whole, once, and answers from it from then on; so does a change (the caller's own copy,
as ``Store.table`` gives it). It is a ``MutableMapping``, not a ``dict``: a caller that
would use what only a dict has (``copy``, ``|``) fails loudly rather than seeing only the
records looked up so far.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, KeysView, MutableMapping, ValuesView
from typing import Any


class Table(MutableMapping[str, Any]):
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

    # As __getitem__, without Mapping's try/except around it: `in` and `get` are the
    # look-ups the views ask most (a card's every source, a map's every place).
    def __contains__(self, ident: object) -> bool:
        if self._all is not None:
            return ident in self._all
        return isinstance(ident, str) and self._one(ident) is not None

    def get(self, ident: str, default: Any = None) -> Any:
        if self._all is not None:
            return self._all.get(ident, default)
        found = self._one(ident)
        return default if found is None else found

    def _read(self) -> dict[str, Any]:
        if self._all is None:
            self._all = self._whole()
        return self._all

    def __setitem__(self, ident: str, record: Any) -> None:
        self._read()[ident] = record

    def __delitem__(self, ident: str) -> None:
        del self._read()[ident]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    # The dict's own views once it is read: a walk of the 10,780 sources at dict speed,
    # not through __getitem__ per key as Mapping's views go.
    def keys(self) -> KeysView[str]:
        return self._read().keys()

    def values(self) -> ValuesView[Any]:
        return self._read().values()

    def items(self) -> ItemsView[str, Any]:
        return self._read().items()

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        return f"Table({self._read()!r})"
