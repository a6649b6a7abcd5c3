"""The one way barkhane opens a file a user names (a data file, an export to import).

Only regular files are read: a FIFO with no writer would hang the command and a device
such as /dev/zero would grow without end, so both are refused before any byte is read,
in one line. Each kind of input has a size cap far above any real file of its kind.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from barkhane_cli.errors import DataError

GIB = 1024**3
TOML_MAX = 2 * GIB  # a curated timeline is a few MB; an imported one, hundreds
EXPORT_MAX = 16 * GIB  # ACLED's whole world and UCDP's global GED are well under this


def too_big(path: Path, limit: int, what: str) -> str:
    size = f"{limit / GIB:g} GiB" if limit >= GIB else f"{limit:,} bytes"
    return f"{path}: is larger than {size}, the limit for {what}"


def not_utf8(path: Path, lines: Iterable[bytes], advice: str) -> DataError:
    """The error for a file that is not UTF-8, its first bad byte placed by line and
    column (in characters) as an editor shows them, and as validate places every other
    problem: an export's error said only "is not UTF-8 text", which in a file of a
    million rows left the row to find (U31). ``lines`` are the file's, read again from
    the start: a byte that cannot begin or continue a character is never a newline, so
    each line decodes alone."""
    for number, line in enumerate(lines, 1):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is accepted
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            column = len(line[: exc.start].decode("utf-8")) + 1
            at = f"byte 0x{line[exc.start]:02x} at line {number}, column {column}"
            return DataError(f"{path}: is not UTF-8 text ({at}; {advice})", number, column)
    return DataError(f"{path}: is not UTF-8 text; {advice}")


def export_not_utf8(path: Path, what: str, advice: str) -> DataError:
    """:func:`not_utf8` of an export read through a decoder (ACLED's, UCDP's): the decoder
    works in chunks, so its offset is not in the file, which is read again from the start
    to place the byte."""
    with open_bounded(path, EXPORT_MAX, what) as again:
        return not_utf8(path, again, advice)


def open_bounded(
    path: Path, limit: int, what: str, missing: str = "no such file", hint: str = ""
) -> BinaryIO:
    """``path`` opened for reading in binary, or a one-line DataError.

    ``what`` names the kind of input in messages ("a data file", "an ACLED export"),
    ``missing`` says that it does not exist, ``hint`` what to give instead of a pipe.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then says what it is.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise DataError(f"{path}: {missing}") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not {what}") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied; give {what} you may read") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DataError(f"{path}: is a folder, not {what}")
        if not stat.S_ISREG(st.st_mode):
            raise DataError(f"{path}: is not a regular file ({hint or 'save it to a file first'})")
        if st.st_size > limit:
            raise DataError(too_big(path, limit, what))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    # Out of the try: once the file object holds the descriptor it closes it. A SIGTERM
    # (entry.Terminated) arriving as fdopen returned had the file closed as the exception
    # unwound and os.close(fd) above fail with EBADF, which replaced it: "cannot be read
    # (Bad file descriptor)", exit 4, not 143 (K45: test_atomic's SIGTERM test, under load,
    # signals the moment the export is opened).
    return os.fdopen(fd, "rb")
