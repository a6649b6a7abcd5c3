"""Writing files so that nothing is lost: a temporary file in the same folder, renamed
into place only once it is complete.

A write that is interrupted (Ctrl-C, SIGTERM, a full disk, a file-size limit) leaves the
previous file byte for byte as it was. A command never writes over a file it read in
the same run (the same file, through a symlink or a hard link): :func:`note_input`
records what was read, and :func:`write` refuses those.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from barkhane_cli.errors import DataError, UsageError

_inputs: list[Path] = []


def note_input(paths: Iterable[Path]) -> None:
    """Remember files this run reads, so no write can replace one of them."""
    known = set(_inputs)  # a run notes the bundled record's 41 files: not a list's scan each
    for path in paths:
        if str(path) != "-" and path not in known:
            _inputs.append(path)
            known.add(path)


@contextlib.contextmanager
def not_inputs() -> Iterator[None]:
    """What is read inside is not an input of this run: a read after its every write is
    done (an import warming the store for the next query) leaves note_input's list as it
    was."""
    saved = list(_inputs)
    try:
        yield
    finally:
        _inputs[:] = saved


def shown(path: Path | str) -> str:
    """A path for a message: bytes that are not UTF-8 shown as ``\\xff``, never a crash."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def typed(value: str) -> str:
    """A value for a message, quoted as typed: its repr, or for one with a byte that is
    not UTF-8 the byte shown as ``\\xff`` (Python's lone surrogate, ``\\udcff``, is no
    shell's). What every message naming a typed value quotes (a name, a choice, words)."""
    return repr(value) if is_utf8(value) else f"'{shown(value)}'"


def is_utf8(text: str) -> bool:
    """Whether typed text is UTF-8: Python reads a byte that is not as a lone surrogate,
    which ``shown`` gives back as typed and normalizing silently drops."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def input_named(target: Path) -> Path | None:
    """The input ``target`` would overwrite (the same file by any name), if any."""
    return next((p for p in _inputs if same_file(p, target)), None)


def refuse_inputs(target: Path, what: str) -> None:
    """A usage error if ``target`` is (by any name) a file this run reads."""
    clash = input_named(target)
    if clash is not None:
        which = "it is" if str(clash) == str(target) else f"it is {shown(clash)}, which is"
        raise UsageError(
            f"{what} {shown(target)}: {which} read by this command, and writing it would "
            "replace its own input; give another file name"
        )


def write(target: Path, text: str, what: str) -> None:
    """Write ``text`` as UTF-8 to ``target`` all at once, or not at all.

    ``what`` names the option in messages (``--output``, ``--export``). Failures raise a
    one-line DataError (exit 4); the temporary file is removed on any failure, including
    an interruption.
    """
    # Encode first: a text that cannot be written fails before any file is touched.
    data = text.encode("utf-8")
    with replacing(target, what) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


@contextlib.contextmanager
def replacing(target: Path, what: str) -> Iterator[str]:
    """A temporary path beside ``target``, renamed over it when the block succeeds.

    The one way barkhane replaces a file (an import, an export, a database): checked
    first (not an input of this run, not a folder, a device, a read-only file, or a
    symlink someone else planted in a shared folder), written beside it, synced to disk,
    given the old file's permissions, then renamed into place. The block writes the path
    (it does not exist yet); on any failure or interruption it is removed and the old
    file is left as it was.
    """
    final = checked_target(target, what)
    folder = final.parent
    try:
        mode = os.stat(final).st_mode & 0o7777
    except FileNotFoundError:
        mode = _default_mode()
    except OSError as exc:
        raise _write_error(what, target, exc) from None
    _clean_stale(folder, final.name)
    tmp: str | None = None
    try:
        import tempfile  # only when writing (start-up, issue 23)

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.", suffix=TMP_SUFFIX)
        os.close(fd)
        os.unlink(tmp)  # the block creates it (SQLite insists on making its own file)
        yield tmp
        fsync_path(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, final)
        tmp = None
        fsync_path(str(folder))  # the rename itself survives a crash
    except OSError as exc:
        raise _write_error(what, target, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


TMP_SUFFIX = ".tmp"
STALE_SECONDS = 3600  # a temporary file this old was left by a killed run (kill -9)


def check_folder(target: Path, what: str) -> None:
    """Output that cannot be written (exit 4, as the README's table says): a target whose
    folder is missing. Checked before a long conversion or render, and again on writing."""
    folder = Path(os.path.dirname(os.path.abspath(target)))
    if not folder.is_dir():
        raise DataError(
            f"{what} {shown(target)}: the folder {shown(folder)} does not exist; nothing was written"
        )


def checked_target(target: Path, what: str) -> Path:
    """The real file a write to ``target`` replaces, or a one-line refusal."""
    if str(target) == "-":
        raise UsageError(f"{what} -: give a file name (this option writes a file, not stdout)")
    refuse_inputs(target, what)
    check_folder(target, what)
    try:
        link = os.lstat(target)
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise _write_error(what, target, exc) from None
    if link is not None and stat.S_ISLNK(link.st_mode):
        _refuse_planted_link(target, link, what)
    # Write through a (trusted) symlink to its target, so the link stays a link.
    final = Path(os.path.realpath(target))
    try:
        st: os.stat_result | None = os.stat(final)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _write_error(what, target, exc) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise DataError(f"{what} {shown(target)}: is a folder; give a file name")
        if not stat.S_ISREG(st.st_mode):
            raise DataError(
                f"{what} {shown(target)}: is not a regular file (a device, pipe or socket); "
                "give a file name"
            )
        if not st.st_mode & 0o222:  # by its mode, not access(): root may write anything
            raise DataError(
                f"{what} {shown(target)}: is read-only; nothing was changed "
                "(make it writable, or give another name)"
            )
    return final


def _refuse_planted_link(target: Path, link: os.stat_result, what: str) -> None:
    """What the kernel's protected_symlinks does for opens, done for renames too: in a
    shared sticky folder (/tmp), follow only a link that is ours or the folder owner's."""
    try:
        parent = os.stat(os.path.dirname(os.path.abspath(target)) or ".")
    except OSError:
        return
    shared = parent.st_mode & stat.S_ISVTX and parent.st_mode & 0o002
    if shared and link.st_uid not in (os.geteuid(), parent.st_uid):
        raise DataError(
            f"{what} {shown(target)}: is a symlink another user made in a shared folder; "
            "not following it (give another name)"
        )


def _clean_stale(folder: Path, name: str) -> None:
    """Remove this target's temporary files that a killed run left behind."""
    import time

    cutoff = time.time() - STALE_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(f".{name}.") and entry.name.endswith(TMP_SUFFIX):
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid() and st.st_mtime < cutoff:
                    os.unlink(entry.path)


def fsync_path(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _default_mode() -> int:
    # mkstemp makes 0600; a new data file or picture gets the usual 0666 less the umask.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_error(what: str, target: Path, exc: OSError) -> DataError:
    reason = exc.strerror or str(exc)
    return DataError(f"{what} {shown(target)}: cannot write it ({reason}); nothing was changed")
