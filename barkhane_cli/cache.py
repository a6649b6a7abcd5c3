"""A cache of checked datasets, so a large user file is parsed and validated once.

The key is the list of files with their size and modification time (and this version of
barkhane); the entry also records every file the check read (the seed texts quotes are
checked against), and is used only if all of them are unchanged. Writes go to a
temporary file and are renamed into place, so two processes racing never see half an
entry; an entry that cannot be read is ignored and rebuilt. Never stale, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from barkhane_cli import __version__
from barkhane_cli import model as m

CACHE_ENV = "BARKHANE_CACHE"  # a folder, or "0" to turn the cache off


def cache_dir() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "barkhane"


def _stamp(path: Path) -> tuple[str, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    if str(path) == "-" or not stat.S_ISREG(st.st_mode):
        return None  # stdin, a FIFO or a device: nothing to key a cache on
    return (str(Path(path).resolve()), st.st_size, st.st_mtime_ns)


def _key(paths: Sequence[Path]) -> str | None:
    stamps = [_stamp(p) for p in paths]
    if any(s is None for s in stamps):
        return None
    # The model's own file is part of the key: a changed class layout must not unpickle.
    raw = repr((__version__, _stamp(Path(m.__file__)), stamps)).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:32]


def get(paths: Sequence[Path]) -> m.Dataset | None:
    folder, key = cache_dir(), _key(paths)
    if folder is None or key is None:
        return None
    try:
        with open(folder / f"{key}.pickle", "rb") as fh:
            deps, data = pickle.load(fh)
    except Exception:  # a missing, truncated or foreign file: rebuild it
        return None
    if not isinstance(data, m.Dataset) or any(_stamp(Path(p)) != s for p, s in deps):
        return None
    return data


def put(paths: Sequence[Path], data: m.Dataset, extra_files: Sequence[Path]) -> None:
    folder, key = cache_dir(), _key(paths)
    if folder is None or key is None:
        return
    deps = [(str(p), _stamp(p)) for p in [*paths, *extra_files]]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((deps, data), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:
        return  # a read-only or full disk only costs speed
