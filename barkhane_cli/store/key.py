"""Where compiled stores live, and the key that says which inputs a store was built from.

The key covers every input file's resolved path, size, mtime, inode and ctime (ctime
cannot be set back by ``touch -d`` or ``cp -p``, so an edit that restores size and mtime
still changes it), the code that shapes a checked dataset, the TOML parser's version and
the schema version. The cache folder must be ours alone: a folder someone else can write
could hold a store crafted to give wrong answers, so such a folder is refused (one line
on stderr) and the tool works uncached.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

try:  # BLAKE2 from its own small module: hashlib loads OpenSSL, ~10 ms of every run
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

from barkhane_cli import __version__, toml
from barkhane_cli.meta import PACKAGE
from barkhane_cli.settings import Settings

# Of the compiled store's tables (an SQLite export says it): bump when their layout
# changes; what compile.py writes into them is covered by the key (_CODE below).
SCHEMA_VERSION = 21
# The meta row of a store holding what reading its exports said on stderr (one line
# each), which every run from the store says again (store.exports.SAID)
SAID_META = "said"
Stamp = tuple[str, int, int, int, int]
_warned: set[str] = set()
# The modules whose code decides what a checked dataset holds.
_CODE = (
    "model.py", "dates.py", "geo.py", "validate/reader.py", "validate/builders.py",
    "validate/publishers.py", "validate/names.py", "validate/copies.py", "validate/relays.py",
    "validate/spellings.py", "validate/checks.py",
    "validate/suggest.py", "validate/duplicates.py", "validate/tolls.py",
    "store/files.py", "store/pieces.py", "store/parsed.py", "store/compile.py",
    "store/records.py", "store/reuse.py",
    # what --search reads of an event (event_words, search/texts.py) and the rest
    # of the search package, which imports it
    "search/__init__.py", "search/terms.py", "search/texts.py", "search/entries.py",
    "search/score.py", "search/rank.py",
    # how names and words are folded (resolve.fold, text.strip_accents: "Rafał" is "rafal")
    "text.py", "resolve.py",
    # an export (--data x.csv) is converted by its importer each time its store is built
    "store/exports.py", "importers/acled/actors.py", "importers/acled/convert.py",
    "importers/acled/dates.py", "importers/acled/layouts.py", "importers/acled/places.py",
    "importers/acled/rows.py", "importers/acled/types.py", "importers/ucdp/convert.py",
    "importers/ucdp/layouts.py",
    "importers/__init__.py",  # the command named in an export's source note (IMPORT)
    # where a place lies and which region counts it (geo.resolve_places, mapping.locate,
    # the import's region by point): the outlines are data of the code
    "mapping.py", "shapes.py", "geodata/regions.json", "geodata/sahel.json",
    # what a converted export keeps (strip_controls), the record's end, the sources' text
    # that search reads
    "controls.py", "meta.py", "cite.py",
    "toml.py",  # which parser reads the files (and its version, in the key)
    # which imported records are the same incident as a curated event (the _folded
    # pairs a build works out once): the matcher's rule and the affiliations it reads
    "matching.py", "roles.py",
)  # fmt: skip


def digest(raw: bytes) -> str:
    """The 32-hex-digit BLAKE2 name of ``raw``: a store's key, a kept document's name."""
    return blake2b(raw, digest_size=16).hexdigest()


def beyond_limits(
    files: Sequence[tuple[int, int, str]],
    keep: int,
    cap: int,
    total: int = 0,
    spared: str | None = None,
) -> list[str]:
    """Of the cache folder's files as (mtime_ns, size, path), those to remove: beyond the
    ``keep`` most recently used, or once their sizes (after ``total`` already spent) pass
    ``cap``; ``spared`` is not counted against the cap (stores_beyond). Stores and kept
    parsed documents are pruned by this one rule."""
    out = []
    for count, (_, size, path) in enumerate(sorted(files, reverse=True), 1):
        if path != spared:
            total += size
        if count > keep or (path != spared and total > cap):
            out.append(path)
    return out


def stores_beyond(
    files: Sequence[tuple[int, int, str]], mine: int, keep: int, cap: int
) -> list[str]:
    """The stores to remove once one of ``mine`` bytes was built (it is kept, and is not
    among ``files``). Size stands for the minutes a store takes to build again (K65: 6 s
    for 47 MB, 11 minutes for 5.1 GiB), so one store is spared the cap: the one just built
    if it alone passes it, else the largest of the others if larger than it, so that a
    cheap store never evicts a dear one. The others, the newest first, share the cap; the
    folder never holds more than ``keep`` stores of ``cap`` plus its largest store."""
    spared = None
    total = 0 if mine > cap else mine  # the one just built is spared, or counted first
    if mine <= cap:
        recent = sorted(files, reverse=True)[: keep - 1]
        largest = max(recent, key=lambda f: f[1], default=None)
        if largest is not None and largest[1] > mine:
            spared = largest[2]
    return beyond_limits(files, keep - 1, cap, total, spared)  # mine counts as one


def usable_dir(settings: Settings, create: bool = True) -> Path | None:
    """The cache folder, created 0700, if it is safe to use; else None (said once)."""
    folder = settings.cache_folder()
    if folder is None:
        return None
    try:
        if create:
            # 0700 whatever the umask (under umask 000, mkdir -p would make ~/.cache 0777)
            _private_makedirs(folder.parent)
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder, 0o700)
        st = os.lstat(folder)
    except OSError:
        return None  # cannot create it (read-only home): only costs speed
    problem = None
    if stat.S_ISLNK(st.st_mode):
        # someone could swap ~/.cache/barkhane for a link into a folder of the user's
        problem = "is a symlink (give the real folder in BARKHANE_CACHE)"
    elif not stat.S_ISDIR(st.st_mode):
        problem = "is not a folder"
    elif st.st_uid != os.getuid():
        problem = "belongs to another user"
    elif st.st_mode & 0o022:
        problem = "can be written by other users (chmod 700 it)"
    if problem is not None:
        if str(folder) not in _warned:
            _warned.add(str(folder))
            sys.stderr.write(f"barkhane: cache folder {folder} {problem}; not using it\n")
        return None
    return folder


def _private_makedirs(folder: Path) -> None:
    """Create ``folder`` and its missing parents as 0700, whatever the umask."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
            os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask


def stamp(path: Path | str, folders: dict[str, str] | None = None) -> Stamp | None:
    """What identifies one version of a regular file; None for stdin, FIFOs, devices.
    ``folders``: the folders resolved so far for one key (see _resolved)."""
    if str(path) == "-":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (_resolved(path, folders), st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def _resolved(path: Path | str, folders: dict[str, str] | None) -> str:
    """``os.path.realpath(path)``. That looks at every folder on the way to each file
    (an lstat each: ~0.07 ms a file, most of the key of the bundled record's 41 files,
    which every run computes); a file that is no link resolves as its folder does, so
    each folder is resolved once a key (``folders``)."""
    head, tail = os.path.split(path)
    if folders is None or tail in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real = folders.get(head)
    if real is None:
        real = folders[head] = os.path.realpath(head or os.curdir)
    return os.path.join(real, tail)


# The package's folder (meta.PACKAGE), as a string: joined to each name of _CODE on every
# key (a run asks two or three), Path's / took two thirds of the 0.43 ms its stamps cost.
_PACKAGE = str(PACKAGE)


def _code_stamps() -> list[tuple[str, int, int]]:
    out = []
    for name in _CODE:
        try:
            st = os.stat(os.path.join(_PACKAGE, name))
            out.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((name, 0, 0))
    return out


def key(files: Sequence[Path], layers: Sequence[Path] = ()) -> str | None:
    """The store's name for these input files, or None when one cannot be keyed (stdin).

    ``layers`` are the files and folders the user named: an empty folder adds no file but
    is still a different input from no folder at all."""
    folders: dict[str, str] = {}
    stamps = [stamp(p, folders) for p in files]
    if any(s is None for s in stamps):
        return None
    named = [os.path.realpath(p) for p in layers]
    code = (SCHEMA_VERSION, __version__, toml.VERSION, _code_stamps())
    raw = repr((*code, named, stamps)).encode("utf-8")
    return digest(raw)
