"""One lock a store: runs building one store take turns, runs building two do not.

A cold run builds its store under the lock of the store's key (a file named by the key
in the cache folder's ``locks`` folder): the others that want the same store wait, then
find it built; a run building another store (another ``--data``) goes ahead. One lock
for the whole cache folder made every cold run wait for any other (K42: a build of the
8 MiB record held a 0.1 s build of a small file for seconds).

A lock file may be removed (store._prune: with its store, or left over from a build that
found its data changed), only by a run holding it. A run that opened the file before it
was removed and then got its lock holds a lock no one else will look for: it sees that
the name no longer leads to its file, and locks the file now there instead.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

FOLDER = "locks"  # inside the cache folder, which is ours alone (key.usable_dir)


def path(folder: Path, key: str) -> Path:
    return folder / FOLDER / key


def take(folder: Path, key: str, wait: bool = True) -> int | None:
    """The open lock file of ``key``'s store, locked (an fd to close to let go), or None
    when ``wait`` is false and another run holds it."""
    import fcntl

    with contextlib.suppress(FileExistsError):
        os.mkdir(folder / FOLDER, 0o700)
    where = path(folder, key)
    while True:
        fd = os.open(where, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        try:
            if os.path.samestat(os.fstat(fd), os.stat(where)):
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)  # removed while this run waited: the lock is the new file's


@contextlib.contextmanager
def held(folder: Path, key: str) -> Iterator[None]:
    """One build of ``key``'s store at a time; the others wait, then find it built."""
    fd = take(folder, key)
    assert fd is not None  # a waiting take always gets it
    try:
        yield
    finally:
        os.close(fd)


def remove_if_free(folder: Path, key: str, *paths: Path) -> None:
    """Remove ``paths`` (a store, a leftover of its build) and the key's lock file when
    no run holds that lock (none is building that store now)."""
    fd = take(folder, key, wait=False)
    if fd is None:
        return
    try:
        for p in (*paths, path(folder, key)):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(p)
    finally:
        os.close(fd)
