"""What a build works out once: the search haystacks and each unchanged entry's rows.

A store's search index (``_search``) holds, for each entry, the haystack that
``search.haystack(names, texts)`` makes: normalizing every text of the bundled record,
about 70,000 of them, was half of a build (~0.9 s). Most builds hold entries an earlier
build already indexed: every ``--data`` layer and every import compile the bundled record
again with a few entries over it, and the test suite does so dozens of times a run.

Each haystack is kept under a digest of exactly what it is made of (the entry's kind,
names and texts), in this process and in the store beside it (``_search.made_of``). A
build takes a haystack from here when the digest matches, else makes it. The haystack
is a pure function of those strings and of the code, so a match is the same text. The
haystacks of another store are read only from the bundled record's store opened by its
key (``Store.open``), which covers the code that makes them (search/, resolve.py,
text.py are in ``key._CODE``): a store built by other code is never read.

Within one process a build also reuses what an earlier build worked out from the very
same record object (:func:`per_object`): the checked entries of a file read again
unchanged are the same objects (files._CHECKED), so a layered build (the tests', an
import's after its warm-up) encodes only the entries a layer added or changed. Records
are frozen dataclasses of strings, numbers and tuples: the same object, the same value.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from barkhane_cli import model as m
from barkhane_cli import search
from barkhane_cli.store.key import digest

# digest of (kind, names, texts) -> haystack. Bounded: the bundled record's ~12,000
# entries and a layer over them; a large import's are not all kept (when full, the
# memo starts again: the memory a build holds for it stays ~20 MB, whatever its size).
_HAYS: dict[str, str] = {}
MAX_KEPT = 25_000
# (function, id(record), the other arguments) -> (record, its value): the record is
# held, so its id is never another object's while the value is kept. Bounded as _HAYS
# (the record's ~15,000 objects a build).
_BY_OBJECT: dict[tuple[Any, ...], tuple[Any, Any]] = {}
T = TypeVar("T")


@functools.lru_cache(maxsize=MAX_KEPT)
def made_of(kind: str, names: tuple[str, ...], texts: tuple[str, ...]) -> str:
    """The digest of what a haystack is made of (repr: each string quoted, unambiguous).
    Remembered by value: every build of the record with a layer over it digested the
    ~12,900 entries' names and texts again (0.14 s of a ~0.9 s build), where a hit costs
    hashing a tuple of strings whose hashes Python already keeps."""
    return digest(repr((kind, names, texts)).encode("utf-8", "surrogatepass"))


def remember(pairs: Iterable[tuple[str, str]]) -> None:
    """Keep these (made_of, haystack) pairs, from a store of the same code (the bundled
    record's: about half of what is kept, so the memo starts again before, not midway)."""
    if len(_HAYS) > MAX_KEPT // 2:
        _HAYS.clear()
    for made, hay in pairs:
        _keep(made, hay)


def _keep(made: str, hay: str) -> None:
    if len(_HAYS) >= MAX_KEPT:
        _HAYS.clear()
    _HAYS[made] = hay


def forget() -> None:
    """Drop every haystack and value this process kept (each is made again)."""
    _HAYS.clear()
    _BY_OBJECT.clear()
    made_of.cache_clear()


def per_object(fn: Callable[..., T], record: Any, *args: Any) -> T:
    """``fn(record, *args)``, worked out once for this very object and these (hashable)
    arguments: ``fn`` must be a pure function of them."""
    key = (fn, id(record), args)
    hit = _BY_OBJECT.get(key)
    if hit is not None and hit[0] is record:
        value: T = hit[1]
        return value
    value = fn(record, *args)
    if len(_BY_OBJECT) >= MAX_KEPT:
        _BY_OBJECT.clear()
    _BY_OBJECT[key] = (record, value)
    return value


def worth_keeping(count: int) -> bool:
    """Whether a build of ``count`` events should keep each event's values for the next
    build (:func:`per_object`): a larger one's would start the memo again before its own
    last event, so no later build finds most of them, and the build would hold ~50 MiB
    of them at its peak (an import of 100,000 rows, K93)."""
    return count <= MAX_KEPT


def search_rows(data: m.Dataset) -> Iterator[tuple[str, str, str, str]]:
    """(kind, id, haystack, made_of) of every entry ``search.index`` lists."""
    for kind, ident, names, texts in search.index(data):
        made = made_of(kind, names, texts)
        hay = _HAYS.get(made)
        if hay is None:
            hay = search.haystack(names, texts)
            _keep(made, hay)
        yield kind, ident, hay, made
