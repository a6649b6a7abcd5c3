"""The store: data files read and checked once, then answered from a compiled SQLite file.

``files`` finds, reads and layers the TOML files (the source of truth); ``compile`` turns
a checked dataset into SQLite; ``db`` answers from it; ``key`` names it after its inputs.
A cold run checks the files, writes the store into a temporary file in the cache folder
and renames it into place, under the lock of that store (store/locks.py) so that
concurrent cold runs build it once, and runs building two stores do not wait on each other.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barkhane_cli import model as m
from barkhane_cli.atomic import STALE_SECONDS, shown
from barkhane_cli.errors import DataError
from barkhane_cli.settings import CACHE_MAX_ENV, Settings
from barkhane_cli.store import files, locks, parsed, progress
from barkhane_cli.store import key as keys
from barkhane_cli.store.db import LightDataset, Store
from barkhane_cli.store.files import (
    STDIN,
    bundled_path,
    collect,
    data_paths,
    expand,
    is_export,
    key_files,
    layer_roots,
    read_toml,
)

if TYPE_CHECKING:  # validation is imported only when files are read
    from barkhane_cli.validate import Problem

__all__ = [
    "STDIN",
    "Loaded",
    "bundled_path",
    "collect",
    "data_paths",
    "expand",
    "folded_pairs",
    "layer_roots",
    "load",
    "load_export",
    "load_paths",
    "open_data",
    "open_paths",
    "read_toml",
    "search_index",
]
KEEP = 6  # stores kept in the cache folder, most recently used first (keys.stores_beyond)
SUFFIX = ".sqlite"


@dataclass(slots=True)
class Loaded:
    """A dataset ready to query: ``data`` has every table; its events are there only when
    ``db`` is None (the TOML path); with a store, ``select`` reads just the candidates."""

    data: m.Dataset
    db: Store | None = None

    def select(self, q: object, keep: bool = True) -> Iterator[m.Event]:
        """``keep`` false: the store remembers nothing of the events (see stream)."""
        from barkhane_cli import query

        assert isinstance(q, query.EventQuery)
        if self.db is not None:
            return self.db.select(self.data, q, keep)
        return query.select(self.data, q)

    def stream(self, q: object) -> Iterator[m.Event]:
        """What ``select`` gives, each event decoded as it is read and none kept by the
        store: a view that folds its events once holds one at a time, not the whole
        selection (summary over a million imported events, K75)."""
        return self.select(q, keep=False)

    def texts(self, q: object) -> Iterator[str] | None:
        """The JSON text of each event ``select`` gives, straight from the store, or None
        when there is no store or SQL cannot answer the query exactly (``db.EXACT``)."""
        from barkhane_cli import query

        assert isinstance(q, query.EventQuery)
        return self.db.texts(self.data, q) if self.db is not None else None

    def tags(self, aftermath: bool = False) -> set[str]:
        """Every tag on a core event (and on an aftermath one, with ``aftermath``)."""
        if self.db is not None:
            return self.db.tags(aftermath)
        events = self.data.events + self.data.aftermath if aftermath else self.data.events
        return {t for e in events for t in e.tags}

    def full(self) -> m.Dataset:
        if self.db is not None:
            self.data = self.db.dataset()
            self.db = None
        return self.data


def _checked(paths: Sequence[Path], docs: Mapping[str, dict[str, Any]] | None = None) -> m.Dataset:
    from barkhane_cli.store import exports

    # only errors stop a load; the warnings are validate's to list, but for an id two of
    # the user's files hold: the later file wins, and a run says so (U61 #9), kept with
    # the store as an export's lines are, so a run answered from it says it too
    twice: list[str] = []
    data, problems = collect(paths, docs=docs or None, warnings=False, said=twice)
    errors = [p for p in problems if not p.warning]
    if errors:
        more = len(errors) - 1
        # the command bare, as every "X lists them all" says it: quoted as a whole, a
        # path holding a quote made it one word where it was selected (RV33)
        tail = f" (and {more} more: {_validate(paths)} lists them all)" if more else ""
        raise DataError(f"bad data: {errors[0].sentence()}{tail}")
    for line in twice:
        exports.say(line)
    return data


def _validate(paths: Sequence[Path]) -> str:
    """The validate command that lists every problem of ``paths``: the files layered over
    the record named, since `barkhane validate` alone reads no --data the failed command
    was given (U32: after `timeline --data bad.toml` it answered "ok: 42 files")."""
    bundled = files.bundled_path()
    given = [shlex.quote(shown(p)) for p in paths if p != bundled]
    return " ".join(["barkhane validate", *given])


_KEY = re.compile(r"[0-9a-f]{32}")  # a store's key (keys.digest)
STORE_NAME = re.compile(_KEY.pattern + re.escape(SUFFIX))  # a key and the suffix
TMP_PREFIX = ".barkhane-store-"  # then the key of the store being built, and a dash
_TMP_KEY = re.compile(re.escape(TMP_PREFIX) + f"({_KEY.pattern})" + r"-.*\.tmp")


def _ours(name: str) -> tuple[str, str | None] | None:
    """What a file in the cache folder is, if barkhane made it, and the key of its store:
    ("store", key), ("leftover", key) (a temporary or journal a failed run left; no key
    for a temporary an older barkhane named), or None — never deleted."""
    if STORE_NAME.fullmatch(name):
        return "store", name.removesuffix(SUFFIX)
    if STORE_NAME.fullmatch(name.removesuffix("-journal")) and name.endswith("-journal"):
        return "leftover", name.removesuffix(SUFFIX + "-journal")
    found = _TMP_KEY.fullmatch(name)
    if found:
        return "leftover", found.group(1)
    if name.startswith(TMP_PREFIX) and name.endswith(".tmp"):
        return "leftover", None
    return None


def _prune(folder: Path, keep: Path, cap: int) -> None:
    """Remove stores beyond the most recent few or beyond the size ``cap``
    (keys.stores_beyond: the one just built is always kept), and what failed or old runs
    left behind. Called under the lock of ``keep``'s store alone: a file of another store
    goes only with that store's lock free (locks.remove_if_free: a temporary it holds may
    still be being written, K42), a keyless temporary once it is stale. Only files
    barkhane names are touched: a folder the cache setting points to may hold anything
    else."""
    mine = keep.name.removesuffix(SUFFIX)  # the key whose lock this run holds
    stores = []
    for entry in os.scandir(folder):
        found = _ours(entry.name)
        try:
            if found is None or not entry.is_file(follow_symlinks=False):
                continue
            what, key = found
            if what == "leftover":
                if key is None:
                    if time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)
                elif key == mine:
                    os.unlink(entry.path)  # this store's: its lock is this run's
                else:
                    locks.remove_if_free(folder, key, Path(entry.path))
            elif entry.path != str(keep):
                st = entry.stat(follow_symlinks=False)
                stores.append((st.st_mtime_ns, st.st_size, entry.path))
        except OSError:
            continue
    try:
        size = os.stat(keep).st_size
    except OSError:
        size = 0
    if size > cap:  # kept, but the user should know why the others went and what to set
        progress.note(
            f"this store is {_shown(size)}, over the cache's cap of {_shown(cap)}: it is kept, "
            "and other stores beside it up to the cap; to keep two stores this size, set "
            f"{CACHE_MAX_ENV}={-(-(size + cap) // 1024**3)}G"
        )
    for path in keys.stores_beyond(stores, size, KEEP, cap):
        with contextlib.suppress(OSError):
            locks.remove_if_free(folder, Path(path).name.removesuffix(SUFFIX), Path(path))
    _prune_locks(folder, mine)


def _shown(size: int) -> str:
    for unit, scale in (("GiB", 1024**3), ("MiB", 1024**2)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size / 1024:.1f} KiB"


def _prune_locks(folder: Path, mine: str) -> None:
    """The lock files of stores no longer in the folder (pruned by an older barkhane, or
    never built: the data changed while it was read), each once no run holds it; ``mine``
    (the key of the store this run built, its lock held) stays."""
    try:
        names = os.listdir(folder / locks.FOLDER)
    except OSError:
        return
    for key in names:
        if key == mine or not _KEY.fullmatch(key):
            continue
        if not (folder / f"{key}{SUFFIX}").exists():
            with contextlib.suppress(OSError):
                locks.remove_if_free(folder, key)


def _common_folder(paths: Sequence[Path]) -> str | None:
    """The folder the files share (compared as absolute paths: a layer named relative to
    the working folder beside the bundled record's absolute ones), or None: only the root,
    no paths, or files on two drives."""
    try:
        common = os.path.commonpath([os.path.abspath(p) for p in paths])
    except ValueError:
        return None
    return None if common == os.path.sep else common


def _build(
    folder: Path,
    key: str,
    paths: Sequence[Path],
    docs: Mapping[str, dict[str, Any]] | None,
    cap: int,
) -> Loaded:
    import sqlite3

    from barkhane_cli import atomic
    from barkhane_cli.store import compile
    from barkhane_cli.store.records import Unstorable
    from barkhane_cli.validate import source_file

    target = folder / f"{key}{SUFFIX}"
    inputs = key_files(paths)
    before = [keys.stamp(p) for p in inputs]
    sizes = [(p, st[1]) for p, st in zip(inputs, before, strict=True) if st is not None]
    size = sum(n for _, n in sizes)
    large = size >= progress.LARGE_BYTES
    if large:  # minutes for a large file: say what is happening rather than go silent
        mib = size / 1024**2
        big = [atomic.shown(p) for p, n in sizes if n * 4 >= size]
        # many files of one size (the bundled record's 40 files): say how many and where
        folder_of = _common_folder([p for p, _ in sizes])
        where = f" in {atomic.shown(folder_of)}" if folder_of else ""
        named = ", ".join(big) or f"{len(sizes)} files{where}"
        progress.note(
            f"compiling the store for {mib:,.0f} MiB of data ({named}): it is new, or it "
            "or barkhane changed since the last build; reading and checking it first"
        )
    from barkhane_cli.store import exports

    exports.SAID.clear()  # what reading this build's exports says, kept with its store
    with parsed.kept_in(folder / parsed.FOLDER):  # files parsed by earlier builds
        data = _checked(paths, docs)
    said = list(exports.SAID)
    roots = layer_roots(paths)
    seeds = [f for f in (source_file(s, roots) for s in data.sources.values()) if f is not None]
    deps = [(os.path.realpath(f), keys.stamp(f)) for f in seeds]
    # A file edited while it was read would give a store keyed on one version holding
    # another: such a run answers from what it read, and caches nothing.
    if [keys.stamp(p) for p in inputs] != before or keys.key(key_files(paths), paths) != key:
        return Loaded(data)
    import tempfile  # only when building (start-up, issue 23)

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{TMP_PREFIX}{key}-", suffix=".tmp")
    os.close(fd)
    _reuse_bundled(folder, paths)
    total = len(data.events) + len(data.aftermath)
    try:
        os.unlink(tmp)  # sqlite makes the file itself; mkstemp only reserved the name
        with progress.bar("compiling the store", total) if large else _silent() as bar:
            compile.build(tmp, data, key=key, deps=deps, progress=bar, said=said)
        if [keys.stamp(p) for p in inputs] == before:
            # on disk before it is renamed into place: a crash must not leave a store
            # whose name promises pages that were never written
            atomic.fsync_path(tmp)
            os.replace(tmp, target)
            _prune(folder, target, cap)
    except (OSError, ValueError, Unstorable, sqlite3.Error):
        pass  # a full disk, or text SQLite cannot hold (a non-UTF-8 file name): only speed
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return Loaded(data)


def _reuse_bundled(folder: Path, paths: Sequence[Path]) -> None:
    """Before building a store of the bundled record with layers over it, take the
    search haystacks its own store made (store/reuse.py): the bundled entries a layer
    leaves as they are need none made again. Only from that store opened by its key,
    which covers the code that made them; none built, nothing taken."""
    from barkhane_cli.store import reuse

    bundled = [files.bundled_path()]
    if list(paths[:1]) != bundled or len(paths) == 1:
        return
    db = _stored(folder, bundled)
    if db is not None:
        try:
            reuse.remember(db.made_hays())
        finally:
            db.close()


@contextlib.contextmanager
def _silent() -> Iterator[None]:
    yield None


def open_data(
    extra: Sequence[Path] = (), bundled: bool = True, settings: Settings | None = None
) -> Loaded:
    """The checked data for a command, from the store when one matches its inputs.

    ``settings`` give the BARKHANE_DATA layers and the cache folder (the command line
    passes its run's; a library caller that gives none gets the process environment's).
    Raises DataError naming the first problem; a data set with errors is never cached.
    """
    settings = settings or Settings.from_environ()
    return open_paths(data_paths(extra, bundled, settings.data), settings)


def open_paths(
    paths: Sequence[Path],
    settings: Settings | None = None,
    docs: Mapping[str, dict[str, Any]] | None = None,
) -> Loaded:
    """:func:`open_data` for an explicit list of files (the bundled one included or not).

    ``docs``: files already parsed (by path), which a cold run checks without reading."""
    from barkhane_cli import atomic

    found = expand(paths)  # listed once a run: a folder's walk is ~1 ms (41 files)
    atomic.note_input(found)  # nothing this run writes may replace a file it loads
    settings = settings or Settings.from_environ()
    folder = keys.usable_dir(settings)
    key = keys.key(key_files(paths, found), paths) if folder is not None else None
    if folder is None or key is None:
        return Loaded(_checked(paths, docs))
    cap = settings.cache_cap()  # a bad value is refused before minutes of building
    target = folder / f"{key}{SUFFIX}"
    db = Store.open(target, key)
    if db is not None:
        return _said_again(db)
    bundled = [files.bundled_path()]
    if list(paths) != bundled and any(is_export(p) for p in found):
        # an export is matched against the bundled data: have its store first, under its
        # own lock, before the export's is taken (with one lock for the cache folder, a
        # build inside the export's waited on itself; a run still holds no store's lock
        # while it waits on another's)
        warm = open_paths(bundled, settings)
        if warm.db is not None:
            warm.db.close()
    try:
        with locks.held(folder, key):
            db = Store.open(target, key)  # built by another run while this one waited
            if db is not None:
                return _said_again(db)
            return _build(folder, key, paths, docs, cap)
    except OSError:
        return Loaded(_checked(paths, docs))


def _said_again(db: Store) -> Loaded:
    """The store's data, after saying on stderr what reading its exports said when it was
    built (rejected rows, places kept apart): every run says the same (U54: later runs
    dropped a rejected row with empty stderr and exit 0)."""
    if db.said:
        sys.stderr.write("".join(f"{line}\n" for line in db.said))
    return Loaded(db.light(), db)


def load(
    extra: Sequence[Path] = (), bundled: bool = True, settings: Settings | None = None
) -> m.Dataset:
    """The whole checked dataset (every event decoded): for views that read everything."""
    return open_data(extra, bundled, settings).full()


def search_index(data: m.Dataset) -> Mapping[tuple[str, str], str] | None:
    """The compiled ``search.index`` of ``data`` when it was read from a store (None for
    data read from the TOML files): what ``search.search`` takes as ``hays``."""
    return data._store.hays() if isinstance(data, LightDataset) else None


def folded_pairs(data: m.Dataset) -> dict[str, str] | None:
    """The pairs of imported record and curated event that the store ``data`` was read
    from worked out when it was built (``Store.folded``), or None for data read from the
    TOML files, whose caller matches them itself (matching.owners)."""
    return data._store.folded() if isinstance(data, LightDataset) else None


def event_ids(data: m.Dataset, aftermath: bool) -> Iterator[str] | None:
    """The ids of the core events (or of the aftermath's) of ``data`` in its order, read
    from the store it came from when it holds no event decoded (``Loaded.data``), without
    decoding one; None for data that holds its events: a name no lookup matches is looked
    for among every id (lookup.other_kind), which decoded a million events to read them
    (K83)."""
    if isinstance(data, LightDataset) and not data.events and not data.aftermath:
        return data._store.event_ids(aftermath)
    return None


def load_paths(paths: Sequence[Path], settings: Settings | None = None) -> m.Dataset:
    """:func:`load` for an explicit list of files."""
    return open_paths(paths, settings).full()


def load_export(path: Path, settings: Settings | None = None, bundled: bool = True) -> m.Dataset:
    """An export (ACLED or UCDP GED CSV) read as data, for commands that compare it with
    the record: the checked dataset of the bundled data (unless ``bundled`` is false) with
    the export over it, from the store when one is built (the first call compiles it)."""
    return load([path], bundled, settings)


def _bundled_dataset(settings: Settings | None = None) -> m.Dataset:
    """What an export's actors and places are matched against: the bundled data alone,
    as ``import`` does; from its store when built (no lock taken: an export's build,
    which holds its own store's lock, may be what asks, and no run waits on one store's
    lock holding another's), else read and checked."""
    bundled = [files.bundled_path()]
    db = cached_store(bundled, settings)
    if db is not None:  # left open: its small tables are read from it when first used
        return db.dataset()
    return _checked(bundled)


def read_export(path: Path, problems: list[Problem] | None) -> dict[str, Any]:
    """An export as the document of a data file with the same entries (store.exports);
    ``problems``: validate's, which its rejected rows join (None: a run, which says them
    on stderr; files._read_into, the one caller, passes either)."""
    from barkhane_cli.store import exports

    return exports.document(path, _bundled_dataset(), problems)


files.EXPORT_READER[:] = [read_export]


def cached_store(paths: Sequence[Path], settings: Settings | None = None) -> Store | None:
    """The store for exactly these inputs if one is built; never builds or parses."""
    folder = keys.usable_dir(settings or Settings.from_environ(), create=False)
    return _stored(folder, paths) if folder is not None else None


def _stored(folder: Path, paths: Sequence[Path]) -> Store | None:
    """The store in ``folder`` built from exactly these inputs, if there is one."""
    key = keys.key(key_files(paths), paths)
    return Store.open(folder / f"{key}{SUFFIX}", key) if key is not None else None
