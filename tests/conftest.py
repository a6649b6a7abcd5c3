from __future__ import annotations

import contextlib
import copy
import csv
import dataclasses
import datetime as dt
import fcntl
import functools
import gc
import hashlib
import importlib
import json
import os
import pickle
import re
import signal
import subprocess
import sys
import tomllib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

import click
import pytest
import typer
from click.testing import CliRunner, Result

from barkhane_cli import atomic, store, toml
from barkhane_cli import model as m
from barkhane_cli.cli import app
from barkhane_cli.settings import ENV_VARS, Settings
from barkhane_cli.store import files, parsed
from barkhane_cli.store import key as keys
from barkhane_cli.validate import Problem

FIXTURES = Path(__file__).parent / "fixtures"


def sigint_as_at_a_terminal() -> None:
    """A child's ``preexec_fn``: Ctrl-C's default action, as at an interactive shell.
    A shell's background job (``pytest &``, CI runners) ignores SIGINT and every child
    inherits that: Python then installs no KeyboardInterrupt handler, and a test sending
    Ctrl-C waited 60 s for a process that never heard it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


MINI = FIXTURES / "mini.toml"
ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "barkhane_cli"


def tool(name: str) -> ModuleType:
    """The script tools/NAME.py as a module (clidoc, datafmt, jsonschemas): the tests run
    its generate or --check in-process, as CI runs the script."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def package_modules() -> dict[str, Path]:
    """Every module of the package by its dotted name, a package by its __init__.py: what
    the import rules (test_layers, test_private_names) walk."""
    mods = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["barkhane_cli", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        mods[".".join(parts)] = path
    return mods


# The first lines of a child's script (python -c) that has the small fixture file as the
# bundled record, as _isolated gives every in-process test.
MINI_AS_BUNDLED = (
    "from pathlib import Path\nfrom barkhane_cli.store import files\n"
    f"files.bundled_path = lambda: Path({str(MINI)!r})\n"
)


RECORD = "record"  # the mark of a test that reads the bundled record without `bundled`


# The collector's young generation runs every 20,000 objects allocated and not yet freed
# rather than every 700: the runs of a test make millions of objects (decoded records,
# Rich segments), and each of the ~14,000 young collections of a run (both workers)
# walked those not freed yet. Reference counts free nearly all of them; the collector is
# for cycles, which it still finds, every 25 tests at the latest (_set_aside_what_lasts).
# Collector CPU over five modules 1.0 s -> 0.5 s; it also spares hypothesis's timer, called
# at each collection's start and end once a @given test has run.
YOUNG_EVERY = 20_000


_COMPILING: list[subprocess.Popen[bytes]] = []


def pytest_configure(config: pytest.Config) -> None:
    gc.set_threshold(YOUNG_EVERY, 20, 10)
    config.addinivalue_line(
        "markers",
        f"{RECORD}: reads the bundled record (in-process, or its store in a child); "
        "runs among its tests",
    )
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # once a run: the controller, or -n 0
        with contextlib.suppress(OSError):  # a speed-up only: a run goes on without it
            _COMPILING.append(_compile_the_package())


def _compile_the_package() -> subprocess.Popen[bytes]:
    """The package's bytecode written once a run, beside its sources, as an installed wheel
    has it (and as bench/run.py does before it measures). With PYTHONDONTWRITEBYTECODE set
    (this machine's shells, a clean clone's first run) no import writes it, so each of the
    ~70 children a run starts (`python -m barkhane_cli`, the startup and pipe tests) and
    each worker compiled from source every module it imported: ~0.08 s of a child's
    ~0.27 s (`timeline -n 1 -f json`, 0.27 -> 0.19 s), ~0.35 s a worker. A file edited
    since is recompiled on import (its stamp no longer matches), so nothing stale runs.
    Beside the run, not before it: no test waits for it, an import meanwhile compiles as
    before. (The wheel's and the pager's children already wrote 47 of the 111 modules'
    bytecode in every run, part way through it.)"""
    return subprocess.Popen(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "barkhane_cli")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


# compileall takes under a second; one still running at the run's end is stuck (a slow or
# hung disk), and it must not hang the run: it is stopped. Its writes are atomic
# (py_compile writes a temporary file and renames it), so no half-written bytecode is
# left, and what it failed to write (a read-only checkout) imports compile as before.
COMPILE_GRACE = 60  # seconds


def pytest_unconfigure(config: pytest.Config) -> None:
    for proc in _COMPILING:
        try:
            proc.wait(timeout=COMPILE_GRACE)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# pytest keeps the temporary folders of the last three runs and, as a run ends, deletes
# the older ones (each ~0.5 GB: the stores the tests build), the run's result printed
# and the shell still waiting: 1.5 s to 12 s a run here (K84), the more the busier the
# disk. The same deletion, by pytest's own function under its own locks, is started as
# the run begins and goes on beside it: it deletes the folders the run's end would (the
# unlocked ones numbered `retention count` or more below the newest), and one it is
# still deleting when the run ends is locked, so the end leaves it to it.
_CLEAR_OLD_RUNS = (
    "import sys; from pathlib import Path; from _pytest.pathlib import cleanup_numbered_dir\n"
    "cleanup_numbered_dir(Path(sys.argv[1]), 'pytest-', int(sys.argv[2]), float(sys.argv[3]))"
)
_CLEARING: list[subprocess.Popen[bytes]] = []


@pytest.hookimpl(trylast=True)  # after xdist's, which makes the run's folder for its workers
def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if os.environ.get("PYTEST_XDIST_WORKER") or config.option.basetemp:
        return  # a worker's folder is inside the run's; a given one is pytest's to empty
    keep = int(config.getini("tmp_path_retention_count"))
    if config.getini("tmp_path_retention_policy") == "none" or keep < 1:
        return
    with contextlib.suppress(Exception):  # a speed-up only: the run's end deletes them
        from _pytest.pathlib import LOCK_TIMEOUT

        ours = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
        dead = ours.stat().st_mtime - LOCK_TIMEOUT  # as the end computes it
        _CLEARING.append(
            subprocess.Popen(
                [sys.executable, "-c", _CLEAR_OLD_RUNS, str(ours.parent), str(keep), str(dead)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # not waited for: it may outlive the run
            )
        )


def _of_the_record(item: pytest.Item) -> bool:
    """A test of the bundled record, or of a slice of it (sliced: the record's files read,
    and often its checked entries, to cut it), which meets them in the worker that has
    read them already."""
    names = item.fixturenames
    return "bundled" in names or "sliced" in names or item.get_closest_marker(RECORD) is not None


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Generator[None, object, object]:
    """pytest keeps the test modules it rewrote (their asserts made to explain a failure)
    in tests/__pycache__, for the next run, unless bytecode is not to be written: with
    PYTHONDONTWRITEBYTECODE set (this machine's shells) each worker of every run rewrote
    every test module, and hypothesis's (pytest rewrites a plugin's whole package),
    ~3 s of a worker's ~5 s collection (K72: `--collect-only -n 0`, 4.8-5.4 s;
    `--assert=plain`, 1.8 s). Written during collection only, as _compile_the_package
    writes the package's: the next run's workers read them (pytest checks each one's
    source's size and mtime, so an edited module is rewritten again). A clean clone's
    first run still rewrites them in both workers, which collect at the same time."""
    writes_none = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    try:
        return (yield)
    finally:
        sys.dont_write_bytecode = writes_none


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests of the bundled record first (each module's in its order), then the rest.
    xdist's worksteal hands each worker a contiguous half of this list to begin with: both
    halves began with a test of the record, so one worker compiled its store (~3.5 s)
    while the other waited for it, idle. Now the first half holds every test of the
    record and the second none: the other worker runs tests of the small fixture during
    that build. A test that reads the record in-process without the `bundled` fixture
    (its checked entries: store.collect) is marked `record`, so that it meets them in
    the worker that already checked them rather than checking them again (~1.5 s) in
    the other. The order is the same in every worker, as xdist requires."""
    items.sort(key=lambda item: not _of_the_record(item))


# The suite reads the same data files hundreds of times (the bundled record is ~2 MB of
# TOML, ~0.7 s to parse each time with the program's parser, ~2 s with tomllib), and
# parsing them dominated its run time. A parse is a pure function of the text, so each
# distinct text is parsed once per worker by each parser (the program's, barkhane_cli.toml,
# and tomllib, which tests read the record with as a second reader: kept apart, so a text
# only tomli accepts never passes for one tomllib read) and later calls get a fresh copy
# of that result (pickle: no caller can change another's). Errors are not remembered: a
# bad file raises every time, its parser's own error, as it does for the tool.
# A large text's parse is also kept on disk in the run's cache folder (set by
# _session_cache), which both workers share: each parsed the bundled record's 40 files
# for itself, ~2 s, where reading the other's parse takes ~0.15 s.
_shared: list[Path] = []
SHARED_BYTES = 64 * 1024


def _put_whole(target: Path, data: bytes) -> None:
    """data as target, for the other worker too: written aside, then linked into place,
    so that a reader finds the whole file or none (if the other worker put it there
    first, its copy is kept: the same bytes, and a file already read is never replaced)."""
    aside = target.with_name(f"{target.name}.{os.getpid()}")
    aside.write_bytes(data)
    with contextlib.suppress(FileExistsError):
        os.link(aside, target)
    aside.unlink()


class _Remembered:
    """``loads`` and ``load`` of one parser, through its own memo."""

    def __init__(self, name: str, loads: Callable[..., dict[str, Any]]) -> None:
        self.name = name
        self.parse = loads
        self.parsed: dict[str, bytes] = {}

    def _shared_file(self, text: str) -> Path | None:
        if not _shared or len(text) < SHARED_BYTES:
            return None
        return _shared[0] / f"{self.name}-{hashlib.sha256(text.encode()).hexdigest()}"

    def _pickled(self, text: str) -> bytes:
        """The pickled parse of text: from the run's shared folder when a worker wrote it."""
        kept = self._shared_file(text)
        if kept is not None:
            with contextlib.suppress(OSError):
                return kept.read_bytes()
        blob = pickle.dumps(self.parse(text))
        if kept is not None:
            _put_whole(kept, blob)
        return blob

    def loads(self, text: str, /, *, parse_float: Callable[[str], Any] = float) -> dict[str, Any]:
        if parse_float is not float:
            return self.parse(text, parse_float=parse_float)
        blob = self.parsed.get(text)
        if blob is None:
            blob = self._pickled(text)
            if len(self.parsed) > 256:  # bounded: generated imports must not pile up
                self.parsed.clear()
            self.parsed[text] = blob
        doc: dict[str, Any] = pickle.loads(blob)
        return doc

    def load(self, fp: BinaryIO, /, *, parse_float: Callable[[str], Any] = float) -> dict[str, Any]:
        """load as it is (a binary file, decoded as UTF-8), through the same memo."""
        data = fp.read()
        try:
            text = data.decode()
        except AttributeError:
            raise TypeError(
                "File must be opened in binary mode, e.g. use `open('foo.toml', 'rb')`"
            ) from None
        return self.loads(text, parse_float=parse_float)


for _module in (toml, tomllib):
    _memo = _Remembered(_module.__name__, _module.loads)
    _module.loads = _memo.loads  # type: ignore[assignment]
    _module.load = _memo.load  # type: ignore[assignment]


def _unsynced(fd: Any) -> None:
    """os.fsync for the tests' own process: every file a test writes is in a folder
    pytest owns and deletes, and nothing a test checks depends on its reaching the disk,
    but each fsync waited for it, the worker idle meanwhile: ~800 a run (every store
    built, every file replaced: three each), 3-4 ms each on a quiet machine and 10-15 ms
    under load. barkhane still calls it everywhere it does (test_atomic's stubs of it see
    each call), and a descriptor fsync would refuse (EBADF) is refused alike."""
    os.fstat(fd if isinstance(fd, int) else fd.fileno())


os.fsync = _unsynced


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run, shared by the xdist workers too (their base
    temporary folders are siblings under the run's): each store (the bundled record's
    first of all) is then built once a run, not once a worker. Concurrent builds of one
    store are the tool's own business (one at a time under that store's lock, the others
    find it built: test_concurrent_cold_runs_build_once)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "cache"
    folder.mkdir(exist_ok=True)
    parses = root / "parsed-toml"  # outside the cache: the tool's pruning never sees it
    parses.mkdir(exist_ok=True)
    _shared[:] = [parses]
    return folder


@pytest.fixture(scope="session")
def _pinned(_session_cache: Path) -> tuple[Path, Path]:
    """The bundled record's store in the run's cache folder, and a second name for it
    outside that folder (a hard link), where the tool's pruning never reaches.

    The cache keeps the six most recently used stores (store.KEEP), and the tests build
    a store for each small file they write, some 300 a run: between two tests of the
    bundled record the other worker alone built six, so its 8 MiB store was pruned and
    compiled again (in a test, 1-2 s; in a subprocess, 3 s), a dozen times a run. Once
    built, it is kept under the second name and put back when pruned: the same file,
    from the same inputs, that a rebuild would write (its key names them)."""
    return _pin_pair(_session_cache, [ROOT / "data"])


def _pin_pair(cache: Path, paths: list[Path]) -> tuple[Path, Path]:
    """Where the store of ``paths`` is in the run's cache folder, and its pinned name."""
    name = f"{keys.key(files.key_files(paths), paths)}{store.SUFFIX}"
    pins = cache / "pinned"
    pins.mkdir(exist_ok=True)
    return cache / "barkhane" / name, pins / name


# Stores pinned beside the record's (_pinned): the shared layer's, once it is written.
_ALSO_PINNED: list[tuple[Path, Path]] = []


def _put_back(cached: Path, pinned: Path) -> None:
    """The pinned store into the cache folder if it was pruned (or not built yet)."""
    if not cached.exists():
        with contextlib.suppress(OSError):  # not pinned yet, or the other worker did it
            os.link(pinned, cached)
            # as used now: put back with the mtime of its build, it was the oldest store
            # and the other worker's next build pruned it again before this test opened
            # it (a second compile of the bundled record, ~2 s, most runs)
            os.utime(cached)


def pinned_store(pinned_pair: tuple[Path, Path]) -> None:
    """The bundled record's store built (once a run) and in the cache folder, for a test of
    the record. It is built beside its pinned name, in a folder of its own: built in the
    cache folder by the first test of the record, it held that folder's one lock ~5 s, and
    the other worker's next test to build any store (the fixture file's, 0.1 s) waited out
    those seconds for it (RR21b saw two tests of ~4.6 s a run: the build and that wait).
    Each store has its own lock since K42; the pinned name keeps the store from pruning."""
    cached, pinned = pinned_pair
    cached.parent.mkdir(mode=0o700, exist_ok=True)  # the tool's cache folder, as it makes it
    if not pinned.exists():
        loaded = store.open_paths([ROOT / "data"], Settings(cache=str(pinned.parent)))
        if loaded.db is not None:
            loaded.db.close()
        atomic._inputs.clear()  # the test's run has read nothing yet
        _share_parsed(pinned.parent / parsed.FOLDER, cached.parent / parsed.FOLDER)
    _put_back(cached, pinned)


def _share_parsed(built: Path, cache: Path) -> None:
    """The documents the record's build parsed (store.parsed keeps each by its text's hash)
    linked into the cache folder, where the other builds of the run look for them: the
    installed wheel's first run compiles its own copy of the record (other paths, another
    key) and parsed its 41 files again (~1.3 s) while they sat beside the pinned store."""
    if not built.is_dir():
        return  # nothing parsed: the files were checked earlier in this process
    cache.mkdir(mode=0o700, exist_ok=True)  # as store.parsed makes it
    for doc in built.iterdir():
        with contextlib.suppress(OSError):  # the other worker linked it, or a temporary went
            os.link(doc, cache / doc.name)


# A child barkhane (python -m barkhane_cli from a test's folder, a script file, the venv's
# `barkhane`) imports the package from its own folder, then from site-packages: from a
# worktree whose venv was installed from another checkout, that was the other checkout's
# code and data, tested in place of these and compiled into a store of their own (~3 s a
# child, four of them a run, the other checkout's data changing under the run). This
# checkout first on the path, as in a clean clone installed in place (.ci/run).
_CHECKOUT_FIRST = os.pathsep.join(
    [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
)


# One file layered over the bundled record for every test that only reads its own entries
# from such a layer (K91): each test layered a file of its own, and each file compiled a
# store of the whole record under it (~0.8-1 s of CPU apiece, a few seconds a run); one
# file, one store a run. A module gives its entries with shared_part, at import (both
# workers collect every module, so both write the same file); a test asks for the file
# with the shared_layer fixture and asserts only about its own part's entries. A test
# whose subject is how files meet (an entry of the record replaced, two files sharing an
# id, an error in one file) layers a file of its own, as before.
_PARTS: dict[str, None] = {}  # the parts' texts, in the order given


def shared_part(text: str) -> str:
    """text (whole ``[[table]]`` entries, no top-level keys) made part of the shared layer;
    returned as given, for the module's own use."""
    _PARTS[text] = None
    return text


# What a part may not share with another part, or with the record: whatever it has, another
# test's answer could then count (an id replaces, a tag or a place lists the other's too).
def _claims(doc: dict[str, Any]) -> set[tuple[str, str]]:
    claimed = {(table, str(e["id"])) for table, entries in doc.items() for e in entries}
    for e in doc.get("events", []) + doc.get("aftermath", []):
        claimed |= {("tag", t) for t in e.get("tags", [])}
        claimed |= {("event place", p) for p in e.get("places", [])}
    return claimed


def _apart(parts: list[str]) -> None:
    """Each part's ids and tags new to the record and to every other part, and no two
    parts' events in one place: else one test's entries would change another's answer."""
    record, _ = checked_record()
    tables = ("events", "aftermath")
    taken = {("tag", t) for e in record.events + record.aftermath for t in e.tags}
    taken |= {(t, e.id) for t in tables for e in getattr(record, t)}
    for f in dataclasses.fields(record):
        if f.name not in tables and isinstance(getattr(record, f.name), dict):
            taken |= {(f.name, i) for i in getattr(record, f.name)}
    seen: dict[tuple[str, str], str] = {}
    for text in parts:
        doc = tomllib.loads(text)
        assert all(isinstance(v, list) for v in doc.values()), f"top-level keys in:\n{text}"
        claims = _claims(doc)
        replaced = sorted(claims & taken)
        assert not replaced, f"a part of the shared layer takes the record's {replaced}:\n{text}"
        clash = {c: seen[c] for c in claims if c in seen}
        assert not clash, f"two parts of the shared layer share {sorted(clash)}"
        seen |= dict.fromkeys(claims, text)


@pytest.fixture(scope="session")
def shared_layer(_session_cache: Path) -> Path:
    """The shared layer (shared_part): one file a run for both workers, named by its text's
    hash and written whole by the first to ask (_put_whole); tests read it, never change
    it. Its folder's long name has spaces, as a user's may: the commands a view prints to
    run next must carry it quoted (test_followups)."""
    parts = list(_PARTS)
    _apart(parts)
    text = "\n".join(parts)
    folder = _session_cache.parent / "shared layer" / "my own layers of the sahel"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"shared events {hashlib.sha256(text.encode()).hexdigest()[:16]}.toml"
    if not target.exists():
        _put_whole(target, text.encode())
    # its store pinned as the record's is: between two of its tests the other stores the
    # run builds over the record pruned it, and it was compiled again (K91's first run)
    _ALSO_PINNED.append(_pin_pair(_session_cache, [ROOT / "data", target]))
    return target


# A slice of the bundled record (K92) for a test whose subject is a user's file (its
# entries, its errors, its replacement of a record entry, its import), not the record's
# size: the record's entries the test names, and every entry they name in turn (their
# sources, places, actors, the places those lie in...), with the record's [meta]. Each is
# the record's own text, cut at its `[[table]]` line, so it reads as the record does. A
# store of the whole record with a test's file over it took ~1-2.5 s of CPU to compile
# (K90: 19 a run); one over a slice (a few hundred to ~4,000 entries, most of them the
# sources its actors and places cite), a fraction of that.
_TABLE_LINE = re.compile(r"^\[\[?(\w+)\]\]?[ \t]*$", re.M)
_ID_LINE = re.compile(r'^id = "([^"\n]+)"', re.M)
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


@functools.cache
def _record_entries() -> tuple[list[str], dict[str, list[int]]]:
    """Every entry of the bundled record as its text (the [meta] table one too, with no
    id), in the record's order, and the places of each id among them."""
    texts: list[str] = []
    by_id: dict[str, list[int]] = {}
    for path in files.layer_files(ROOT / "data"):
        text = path.read_text(encoding="utf-8")
        starts = [h.start() for h in _TABLE_LINE.finditer(text)]
        for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
            entry = text[begin:end]
            ident = _ID_LINE.search(entry)
            if ident is not None:
                by_id.setdefault(ident.group(1), []).append(len(texts))
            texts.append(entry.rstrip("\n") + "\n\n")
    return texts, by_id


def record_slice(where: Path, ids: tuple[str, ...]) -> Path:
    """The folder of a slice of the record holding ids and what they name (see above),
    written once a run below where (both workers: _put_whole). Every quoted string of a
    picked entry that is an id picks that id's entries, until none is new; the record's
    seed texts are linked beside the folder, where the shipped data has them."""
    texts, by_id = _record_entries()
    missing = [i for i in ids if i not in by_id]
    assert not missing, f"the record has no {missing}"
    picked = {n for n, t in enumerate(texts) if _ID_LINE.search(t) is None}  # [meta]
    todo = [n for i in ids for n in by_id[i]]
    while todo:
        n = todo.pop()
        if n not in picked:
            picked.add(n)
            todo += [m for q in _QUOTED.findall(texts[n]) for m in by_id.get(q, ())]
    text = "".join(texts[n] for n in sorted(picked))
    home = where / hashlib.sha256(text.encode()).hexdigest()[:16]
    folder = home / "data"
    target = folder / "record-slice.toml"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            (home / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
        _put_whole(target, text.encode())
    return folder


def events_near(day: str, until: str | None = None, days: int = 7) -> list[str]:
    """The record's events (and aftermath) whose span comes within ``days`` of ``day``
    (or of the days from it to ``until``): those a test's records on those days could
    match, or be taken by, in a slice."""
    first, last = dt.date.fromisoformat(day), dt.date.fromisoformat(until or day)
    near = dt.timedelta(days=days)
    record, _ = checked_record()
    return [
        e.id
        for e in record.events + record.aftermath
        if e.first_day() - near <= last and first <= e.last_day() + near
    ]


def places_within(*regions: str) -> list[str]:
    """The regions and every place of the record lying in them, at any depth: those an
    import's rows there may be filed by, by name or by point, in a slice."""
    record, _ = checked_record()
    inside = set(regions)
    grew = True
    while grew:
        found = {p.id for p in record.places.values() if p.within in inside}
        grew = not found <= inside
        inside |= found
    return sorted(inside)


@pytest.fixture
def sliced(monkeypatch: pytest.MonkeyPatch, _session_cache: Path) -> Callable[..., Path]:
    """``sliced(*ids)``: a slice of the record holding those entries (record_slice) as the
    bundled data, in place of the small fixture file; its folder returned."""

    def make(*ids: str) -> Path:
        folder = record_slice(_session_cache.parent / "record-slices", ids)
        monkeypatch.setattr(files, "bundled_path", lambda: folder)
        return folder

    return make


@pytest.fixture(scope="session")
def _small_cache(_session_cache: Path) -> Path:
    """The cache folder (XDG_CACHE_HOME) of the tests that never read the bundled record,
    beside the run's one (_session_cache), which the tests of the record share. The
    small tests build ~480 stores a run, each over a file of their own (~10 ms apiece):
    in the one folder, the other worker's builds pruned it to the six most recent
    (store.KEEP) while a test of the record was between two of its runs, and that test
    compiled the record's store again (~0.8-2 s), or its own layered one (~0.8 s), a
    couple of times a run. Apart, each folder prunes its own kind."""
    folder = _session_cache.parent / "cache-small"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def _isolated(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    _session_cache: Path,
    _small_cache: Path,
    _pinned: tuple[Path, Path],
) -> Iterator[None]:
    """Every test sees the small fixture file as 'the bundled data', and no user settings.

    The tests share a cache folder, as a user's runs do: a store is keyed on every
    input's path, size, mtime, inode and ctime, so sharing it must never change an
    answer (tests of the cache itself point BARKHANE_CACHE at a folder of their own).
    The tests of the bundled record share one, the others another (_small_cache).
    """
    monkeypatch.setattr(files, "bundled_path", lambda: MINI)
    for var in ENV_VARS:  # every variable barkhane reads (settings.py): none leaks in
        monkeypatch.delenv(var, raising=False)
    record = _of_the_record(request.node)  # type: ignore[arg-type]
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache if record else _small_cache))
    monkeypatch.setenv("PYTHONPATH", _CHECKOUT_FIRST)
    atomic._inputs.clear()  # the files "this run" read: each test is a run of its own
    for cached, pinned in (_pinned, *_ALSO_PINNED):
        _put_back(cached, pinned)
    yield
    for cached, pinned in (_pinned, *_ALSO_PINNED):
        if not pinned.exists():  # built by this test (or the other worker's): keep it
            with contextlib.suppress(OSError):
                os.link(cached, pinned)
    _set_aside_what_lasts()


_tests_since_set_aside = [0]
SET_ASIDE_EVERY = 25


def _set_aside_what_lasts() -> None:
    """Every 25 tests, what is still alive (the parsed and checked records the memos keep,
    a few hundred MB) is set aside from Python's cycle collector (gc.freeze), after one
    collection so that no garbage is set aside with it. Each full collection walked all
    of it: 10-16 % of a worker's CPU was the collector, most of it in those walks."""
    _tests_since_set_aside[0] += 1
    if _tests_since_set_aside[0] >= SET_ASIDE_EVERY:
        _tests_since_set_aside[0] = 0
        gc.collect()
        gc.freeze()


Run = Callable[..., Result]


@functools.cache
def cli() -> click.Command:
    """The app as one Click command, built once per worker and invoked by every in-process
    run (what typer.testing.CliRunner.invoke does on each call, minus the rebuild: a run
    in a user's process builds it once too). Typer re-reads every command function's
    signature and hints to build it, ~10 ms a run, ~1,300 runs a suite. The built commands
    hold no state of a run: each invocation gets its own Click context and settings."""
    return typer.main.get_command(app)


@functools.cache
def _checked_once() -> tuple[m.Dataset, tuple[Problem, ...]]:
    dataset, problems = files.collect([ROOT / "data"])  # not fast_toml's store.collect
    return dataset, tuple(problems)


def checked_record() -> tuple[m.Dataset, list[Problem]]:
    """The bundled record read from its files and checked (``store.collect``), once a
    worker: six modules each collected it again (test_answers', test_shapes' fixtures,
    ~0.5-1 s each a time, and test_shapes' helpers twice more a test). Each caller gets
    containers of its own (the records in them, and the problems, are frozen, so shared),
    so that a test that ever changes its dataset's tables changes no other test's (none
    does today: the importers match against the record and keep their own tables)."""
    dataset, problems = _checked_once()
    own = {f.name: copy.copy(getattr(dataset, f.name)) for f in dataclasses.fields(dataset)}
    return m.Dataset(**own), list(problems)


def commands(
    command: click.Command | None = None, words: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command of the app, subcommands too, with the words that call it: the app
    itself first (``()``), then in --help's order, each group followed by its
    subcommands. The one walk of the command tree for the tests that ask something of
    every command or option (three modules each wrote their own)."""
    command = cli() if command is None else command
    yield words, command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, (*words, name)
            yield from commands(sub, (*words, name))


def command_at(words: tuple[str, ...]) -> click.Command:
    """The command the words call (``("import", "acled")``)."""
    return dict(commands())[words]


@pytest.fixture
def run() -> Run:
    runner = CliRunner()

    def _run(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(cli(), list(args), env=env, catch_exceptions=False)

    return _run


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch, _pinned: tuple[Path, Path]) -> None:
    """The record as it ships (data/) in place of the small fixture file, its store built.
    A test running barkhane in a child (which reads data/ itself) takes it for the store:
    without it, such a test in the worker that had not built it yet compiled the record
    again, in the child (~3 s), and it sorts with the record's tests."""
    monkeypatch.setattr(files, "bundled_path", lambda: ROOT / "data")
    pinned_store(_pinned)


@pytest.fixture
def fast_toml(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Parse each file set once per test: the uncached side still answers from the TOML
    path (query.select over the checked dataset), without re-reading a large file (the
    bundled record alone: checked once a worker, checked_record)."""
    record = (ROOT / "data",)
    memo = functools.lru_cache(maxsize=8)(
        lambda key: checked_record() if key == record else files.collect(list(key))
    )
    monkeypatch.setattr(
        store,
        "collect",
        # the store asks without warnings (warnings=False): the memo's has them, and the
        # store keeps only the errors, the same either way
        lambda paths, **given: (
            memo(tuple(paths))
            if {k: v for k, v in given.items() if v is not None and k != "said"}
            in ({}, {"warnings": False})
            else files.collect(paths, **given)
        ),
    )
    yield


def terminal(columns: int | str) -> dict[str, str]:
    """The environment of a run shown on a terminal COLUMNS wide, without colour."""
    return {"TTY_COMPATIBLE": "1", "COLUMNS": str(columns), "NO_COLOR": "1"}


@pytest.fixture
def tty() -> dict[str, str]:
    return terminal(120)


def rows(result: Result) -> list[list[str]]:
    return [line.split("\t") for line in result.stdout.splitlines()]


def column(result: Result, index: int) -> list[str]:
    return [r[index] for r in rows(result)]


def as_json(result: Result) -> Any:
    return json.loads(result.stdout)


def events_found(run: Run, words: str) -> int:
    """How many events `barkhane search WORDS` lists: the count a pointer to that search
    gives (the record's wording changes it, so a test does not fix the number)."""
    return sum(hit["kind"] == "event" for hit in as_json(run("search", words, "-f", "json")))


def watched(monkeypatch: pytest.MonkeyPatch, *, worked_out: bool = False) -> list[str]:
    """The notes barkhane tells a person watching stderr (records.tell), from here on in
    the test: collected in the list returned, as if stderr were a terminal. With
    worked_out, also the notes worked out only when someone watches (records.watching
    says so: read_as's other names and titles holding the words)."""
    told: list[str] = []
    monkeypatch.setattr("barkhane_cli.render.records.tell", lambda env, said: told.append(said))
    if worked_out:
        monkeypatch.setattr("barkhane_cli.render.records.watching", lambda env: True)
    return told


def publishers_file(path: Path, publishers: dict[str, str], kind: str, title: str) -> str:
    """A data file at ``path`` of one source per ``publishers`` item (id -> publisher),
    each of ``kind`` titled ``title``: what the --publisher tests read; its path."""
    path.write_text(
        "".join(
            f'[[sources]]\nid = "{i}"\ntitle = "{title}"\npublisher = "{p}"\nkind = "{kind}"\n\n'
            for i, p in publishers.items()
        ),
        encoding="utf-8",
    )
    return str(path)


def first_row(path: Path) -> tuple[list[str], dict[str, str]]:
    """A CSV file's header and its first row by column: the template of rows a test
    writes (a fixture's row with a few values changed)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        first = next(reader)
    assert reader.fieldnames is not None
    return list(reader.fieldnames), first


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    """A CSV file of header and rows (by column)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def layer_event(
    ident: str = "layer-raid",
    kind: str = "attack",
    title: str = "A raid only the layer holds",
    summary: str = "Gunmen raid a village.",
) -> str:
    """One event in TOML for a file a test layers over the bundled record (--data): JNIM's
    claimed raid at Timbuktu on 20 August 2020, four dead, citing the bundled seed."""
    return f"""
[[events]]
id = "{ident}"
date = "2020-08-20"
title = "{title}"
summary = "{summary}"
type = "{kind}"
actors = ["jnim", "mali"]
perpetrators = ["jnim"]
targets = ["mali"]
attribution = "claimed"
places = ["timbuktu"]
fatalities = 4
sources = [{{ id = "seed" }}]
"""


# What the fixture ACLED export is layered over (layered_import): a slice of the record
# (sliced) holding the events its rows' days (March to October 2022) could match or be
# taken by, the curated events its tests name beside them, and Wagner, whom they filter
# by. Over the whole record each uncached run of those tests (BARKHANE_CACHE=0: every
# event read from the files) walked ~1,570 events and their ~11,000 sources.
LAYERED_UNDER = ("sahel-violence-surge-2021", "wagner")


@pytest.fixture
def layered_import(
    run: Run, sliced: Callable[..., Path], _session_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The fixture ACLED export imported (`import acled ... -o FILE`, which compiles its
    store over the bundled data, here a slice of the record: LAYERED_UNDER) once a run,
    for both workers, as BARKHANE_DATA, with BARKHANE_CACHE the folder holding its store.
    test_event_names and test_cards_by_id each imported it into a folder of their own,
    test_summary_stream once a worker: up to four imports a run. The first test to ask
    imports it, under a lock the other worker waits on; the tests read the file and the
    store and never change them (their uncached runs: BARKHANE_CACHE=0)."""
    sliced(*events_near("2022-03-27", "2022-10-05"), *LAYERED_UNDER)
    folder = _session_cache.parent / "acled-layer"  # outside the run's cache: never pruned
    folder.mkdir(exist_ok=True)
    out, cache, done = folder / "acled.toml", folder / "cache", folder / "imported"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            cache.mkdir(mode=0o700, exist_ok=True)  # as barkhane makes it
            monkeypatch.setenv("BARKHANE_CACHE", str(cache))
            source = str(FIXTURES / "acled" / "current.csv")
            imported = run("import", "acled", source, "-o", str(out))
            assert imported.exit_code == 0, imported.stderr
            monkeypatch.setenv("BARKHANE_DATA", str(out))
            assert store.cached_store(store.data_paths([])) is not None  # the import built it
            done.touch()
    monkeypatch.setenv("BARKHANE_CACHE", str(cache))
    monkeypatch.setenv("BARKHANE_DATA", str(out))
    return out


def layered_acled(run: Run) -> list[str]:
    """The ids of the ACLED import's records (layered_import), in the record's order: its
    ten (one the same incident as a curated event: kept), and any curated event of the
    slice under it whose text names ACLED."""
    listed = run("timeline", "--search", "acled", "--keep-matched", "-f", "json").stdout
    records = [e["id"] for e in json.loads(listed)]
    assert sum(r.startswith("acled-") for r in records) == 10
    return records


# The one source the test files of compare, gaps and search matching cite, in TOML.
TEST_SOURCE = """
[[sources]]
id = "test-src"
title = "A test source"
publisher = "Tests"
kind = "news"
"""


# A figure with a dispute long enough that an 80-column table cuts it (test_fact, test_followups_whole).
DISPUTED_FACT = """
[[facts]]
id = "g5-paper-strength"
label = "G5 Sahel Joint Force: seven battalions, about 5,000 men on paper"
value = 5000
unit = "troops"
as_of = "2018"
kind = "planned"
scope = "Mali"
category = "troops"
disputed = "A paper strength: the same article calls the 5,000 theoretical and the force not yet fully operational for lack of means and equipment, and names no date."
sources = [{ id = "ref-a" }]
"""


def scandir_fails_at(monkeypatch: pytest.MonkeyPatch, folder: Path, error: OSError) -> None:
    """Listing ``folder`` raises ``error`` (a folder that went away, one that may not be
    read); every other folder lists as before."""
    scandir = os.scandir

    def failing(p: Any = ".") -> Any:
        if Path(p) == folder:
            raise error
        return scandir(p)

    monkeypatch.setattr(os, "scandir", failing)
