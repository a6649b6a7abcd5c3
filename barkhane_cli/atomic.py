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
import tempfile
from collections.abc import Iterable
from pathlib import Path

from barkhane_cli.errors import DataError, UsageError

_inputs: list[Path] = []


def note_input(paths: Iterable[Path]) -> None:
    """Remember files this run reads, so no write can replace one of them."""
    for path in paths:
        if str(path) != "-" and path not in _inputs:
            _inputs.append(path)


def shown(path: Path | str) -> str:
    """A path for a message: bytes that are not UTF-8 shown as ``\\xff``, never a crash."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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
    refuse_inputs(target, what)
    # Encode first: a text that cannot be written fails before any file is touched.
    data = text.encode("utf-8")
    # Write through a symlink to its target, so the link stays a link.
    final = Path(os.path.realpath(target))
    folder = final.parent
    try:
        mode = os.stat(final).st_mode & 0o7777
    except FileNotFoundError:
        mode = _default_mode()
    except OSError as exc:
        raise _write_error(what, target, exc) from None
    if os.path.isdir(final):
        raise DataError(f"{what} {shown(target)}: is a folder; give a file name")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, final)
        tmp = None
    except OSError as exc:
        raise _write_error(what, target, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _default_mode() -> int:
    # mkstemp makes 0600; a new data file or picture gets the usual 0666 less the umask.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_error(what: str, target: Path, exc: OSError) -> DataError:
    reason = exc.strerror or str(exc)
    return DataError(f"{what} {shown(target)}: cannot write it ({reason}); nothing was changed")
