"""Parsed data files kept in the cache folder by their text, for the builds of stores.

Parsing TOML is most of a cold build (~1 s of the bundled record's ~2 s), and most
builds read files an earlier build already parsed: the bundled record under every
import's warm-up and every ``--data`` layer, all of it again after one file of it was
edited. While a store is built (:func:`kept_in`), each document parsed is kept as JSON
named by a hash of its text, and a later build reads that back (~50 ms) instead.

Only documents JSON holds exactly are kept: tables, arrays, strings, integers, floats
and booleans, what data files use (a TOML date or time is never kept); and only files
of up to 4 M characters (each file of the bundled record is under 1 M; a large import
is parsed each time its store is built, as before, not copied). The folder is
inside the store's, which is ours alone (``key.usable_dir``). Each kept file starts with a
digest of its JSON body: a file whose body does not match (a disk or copy fault), or that
is not a JSON table, is ignored and the text parsed again. Kept documents are never run:
JSON. The folder is held to KEEP documents and MAX_BYTES (each edit of a file keeps one
more document), the least recently used going first.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from barkhane_cli import toml
from barkhane_cli.atomic import STALE_SECONDS
from barkhane_cli.store.key import beyond_limits, digest

VERSION = 2  # of what a kept document holds; bump on any change to it (2: a digest line)
KEEP = 512  # documents kept in the folder, the most recently used first
MAX_BYTES = 256 * 1024**2  # and their total size: the stores' own cap does not count them
MAX_TEXT = 4 * 1024**2  # characters: a larger file (an import) is never kept (disk, time)
FOLDER = "parsed"  # inside the store's cache folder
# A release of the parser or of Python may parse differently: both versions in full
_TAG = repr((VERSION, sys.version, toml.VERSION)).encode("utf-8")
_where: list[Path] = []  # the folder while a store is being built


@contextlib.contextmanager
def kept_in(folder: Path) -> Iterator[None]:
    """Keep and reuse parsed documents in ``folder`` (created 0700) for the duration."""
    _where.append(folder)
    try:
        yield
    finally:
        _where.pop()


def _name(text: str) -> str:
    return digest(_TAG + b"\0" + text.encode("utf-8", "surrogatepass")) + ".json"


def _digest(body: bytes) -> bytes:
    return digest(body).encode("ascii")


def get(text: str) -> dict[str, Any] | None:
    """The document kept for this text, or None (not kept, unreadable, or not building)."""
    if not _where:
        return None
    path = _where[-1] / _name(text)
    try:
        with open(path, "rb") as fh:
            head, _, body = fh.read().partition(b"\n")
        if head != _digest(body):
            return None
        doc = json.loads(body)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(doc, dict):
        return None
    with contextlib.suppress(OSError):  # recently used documents are kept when pruning
        os.utime(path)
    return doc


def _plain(doc: dict[str, Any]) -> bool:
    """Whether JSON gives back exactly this document (no date, time or other type)."""
    stack: list[Any] = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if not all(isinstance(k, str) for k in item):
                return False
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif not isinstance(item, str | int | float):  # bool is an int
            return False
    return True


def put(text: str, doc: dict[str, Any]) -> None:
    """Keep the document parsed from ``text``, if building and JSON holds it exactly.
    Only speed is at stake: any failure to write leaves nothing behind."""
    if not _where or len(text) > MAX_TEXT or not _plain(doc):
        return
    folder = _where[-1]
    tmp = None
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, 0o700)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".parsed-", suffix=".tmp")
        body = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_digest(body) + b"\n" + body)
        os.replace(tmp, folder / _name(text))
        tmp = None
        _prune(folder)
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(folder: Path) -> None:
    """Remove the least recently used documents beyond KEEP or MAX_BYTES, and temporary
    files a killed build left (only files named as ours)."""
    import time

    kept = []
    for entry in os.scandir(folder):
        name = entry.name
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if len(name) == 37 and name.endswith(".json"):
            kept.append((info.st_mtime_ns, info.st_size, entry.path))
        elif (
            name.startswith(".parsed-")
            and name.endswith(".tmp")
            and time.time() - info.st_mtime > STALE_SECONDS  # not a build writing now
        ):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
    for path in beyond_limits(kept, KEEP, MAX_BYTES):
        with contextlib.suppress(OSError):
            os.unlink(path)
