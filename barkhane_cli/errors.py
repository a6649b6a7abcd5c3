"""Exit codes and the errors that map onto them.

Every expected failure becomes one :class:`BarkhaneError`; the CLI prints its message as
one line on stderr and exits with its code. Anything else is a bug.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # success, including an empty result, and a reader that went away
    INTERNAL = 1  # a bug: please report it
    USAGE = 2  # bad option, bad date, unknown format or field
    NOT_FOUND = 3  # an actor, place, event or source that is not in the data
    DATA = 4  # a data file that is missing, unreadable or invalid
    INTERRUPTED = 130  # Ctrl-C


class BarkhaneError(Exception):
    code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(BarkhaneError):
    code = ExitCode.USAGE


class NotFoundError(BarkhaneError):
    code = ExitCode.NOT_FOUND


class DataError(BarkhaneError):
    code = ExitCode.DATA


def quoted(text: str, limit: int = 80) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters: an error must stay one
    readable line however long the query was (a 100,000-character name, say)."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"
