"""Exit codes and the errors that map onto them.

Every expected failure becomes one :class:`BarkhaneError`; the CLI prints its message as
one line on stderr and exits with its code. Anything else is a bug. :class:`ExitCode` is
the one list of exit codes: the help, the README (checked by a test) and the error
boundary (cli/lazy.py) read it. This module imports nothing but ``enum``: the console
entry point uses it before anything heavy is loaded.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1
    USAGE = 2
    NOT_FOUND = 3
    DATA = 4
    INTERRUPTED = 130
    TERMINATED = 143  # 128 + SIGTERM

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    ExitCode.OK: "success, including an empty result, a reader that went away (`| head`), "
    "and quitting the pager, even after a Ctrl-C inside it (the pager's key, as in git)",
    ExitCode.INTERNAL: "internal error (a bug; `--debug` shows the traceback)",
    ExitCode.USAGE: "usage error: bad option, bad date, unknown format, field or type, "
    "a blank name or search, a name that is not UTF-8",
    ExitCode.NOT_FOUND: "not found, or a name that matches several entries",
    ExitCode.DATA: "a data file that is missing, unreadable or invalid; or output that cannot "
    "be written (a full disk, `> /dev/full`, a closed stdout, a file-size limit)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C), at any moment once barkhane's code runs, "
    "except inside the pager",
    ExitCode.TERMINATED: "terminated (SIGTERM); a file being written is left as it was",
}


def exit_codes_text() -> str:
    """The exit codes as one paragraph, for --help."""
    return (
        "Exit codes: " + "; ".join(f"{int(c)} {c.meaning.replace('`', '')}" for c in ExitCode) + "."
    )


def exit_codes_markdown() -> str:
    """The exit codes as the README's table (tests/test_docs.py checks the README has it)."""
    rows = [f"| {int(c)} | {c.meaning.replace('|', chr(92) + '|')} |" for c in ExitCode]
    return "\n".join(["| code | meaning |", "| --- | --- |", *rows])


class BarkhaneError(Exception):
    code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(BarkhaneError):
    code = ExitCode.USAGE


class ShortYearUsage(UsageError):
    """A date option's digits alone read as a year written short ("'19': write the year in
    four digits (2019?)"); ``split``: what is said instead where the words after it on the
    command line make it a day the shell split off its date (``--until 1 June 2015`` to a
    command that took "June 2015" as its own words): no year is guessed for a day."""

    def __init__(self, message: str, split: str) -> None:
        super().__init__(message)
        self.split = split


class NotFoundError(BarkhaneError):
    code = ExitCode.NOT_FOUND


class DataError(BarkhaneError):
    code = ExitCode.DATA

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        # Where in the file, when the reader says (a TOML syntax error): validate lists
        # it as FILE:LINE: and in its JSON, for an editor or a CI annotation to jump to.
        self.line = line
        self.column = column


def quoted(text: str, limit: int = 80) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters: an error must stay one
    readable line however long the query was (a 100,000-character name, say)."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"
