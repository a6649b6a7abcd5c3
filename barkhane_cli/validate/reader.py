"""Reading one entry field by field, recording a Problem for each bad field."""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.controls import inert
from barkhane_cli.dates import PartialDate, parse_iso

# Optional text fields that mean nothing when empty: a reason must say something.
_NON_EMPTY = frozenset({"long", "headline", "within", "short", "via", "country"})
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TABLES = m.TABLES
# Each table's entry as a noun (a problem's location, validate's counts).
SINGULAR = {
    "sources": "source",
    "actors": "actor",
    "places": "place",
    "events": "event",
    "aftermath": "aftermath event",
    "facts": "fact",
    "eras": "era",
    "judgments": "judgment",
}


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    table: str
    id: str | None
    field: str | None
    message: str
    # A warning is shown by ``validate`` but does not stop the data from loading.
    warning: bool = False
    line: int | None = None  # filled in by barkhane_cli.locate, for validate
    column: int | None = None  # known for a TOML syntax error only
    # The file itself could not be read (missing, not UTF-8, not TOML): validate lists it
    # first, since the problems after it (its entries unknown) may follow from it.
    unread: bool = False
    # The problem is an id no entry read holds (an unknown actor, place, source, event):
    # the one kind an unread file can cause, its entries being unknown. validate says
    # only these may follow from it (U61: 14 problems of a day, a type, a range "may
    # follow from" a file that could cause none of them).
    unresolved: bool = False
    # Which entry of its table in the file (0: the first), where the id cannot tell: of
    # two entries with one id, the one used twice is the later, not the first.
    position: int | None = None

    def located(self) -> str:
        """``FILE:LINE: table 'id' field: problem``, the form editors jump to."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = "warning: " if self.warning else ""
        if self.table:
            what += self.table
            if self.id is not None:
                what += f" {self.id!r}"
            if self.field is not None:
                what += f" {self.field}"
            what += ": "
        return f"{where}: {what}{self.message}"

    def sentence(self) -> str:
        where = self.file
        if self.id is not None:
            where += f": {SINGULAR.get(self.table, self.table)} {self.id!r}"
        elif self.table:
            where += f": [[{self.table}]]"
        if self.field is not None:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"


class BadField(Exception):
    """A field that cannot be used; the entry is skipped after recording the problem.
    The builders raise it too, for a field they read themselves (affiliations)."""


# Stands in for a broken required date while the rest of the entry is checked.
_PLACEHOLDER_DATE = parse_iso("2000")


# The largest whole number JSON readers (JavaScript, jq) hold exactly, far below SQLite's
# 2**63 - 1: a count above it could be checked here and then fail in the store or a reader.
MAX_EXACT = 2**53 - 1
_WHY_MAX = "the largest number JSON readers and the store hold exactly"
# No field of the format needs more than a few thousand characters (the longest summary
# or note in the bundled record is under 2,000; an ACLED note under 3,000). A 5 MB summary
# was accepted and took 40 s to draw as a card of 80,000 lines.
MAX_FIELD = 100_000


class EntryReader:
    """Reads the fields of one entry, recording a problem for each bad one.

    A field in ``broken`` already failed in an earlier pass over this entry: it reads as
    a harmless placeholder, so the other fields are still checked (see build_entry).
    """

    def __init__(
        self,
        raw: dict[str, Any],
        file: str,
        table: str,
        problems: list[Problem],
        broken: frozenset[str] = frozenset(),
    ) -> None:
        self.raw = raw
        self.file = file
        self.table = table
        self.problems = problems
        self.broken = broken
        ident = raw.get("id")
        self.id: str | None = ident if isinstance(ident, str) else None
        self.ok = True

    def intact(self, *fields: str) -> bool:
        """No field of a cross-field check was replaced by a placeholder."""
        return not self.broken.intersection(fields)

    def warn(self, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, self.table, self.id, field, message, True))

    def _controls(self, field: str, value: str) -> None:
        # Line breaks and tabs are text; other controls (ESC, bidi overrides) are shown
        # escaped by every view, but a person should know they are there.
        shown = inert(value, "\n\t")
        if shown != value:
            first = next(i for i, c in enumerate(value) if inert(c, "\n\t") != c)
            self.warn(
                field,
                f"holds control characters (first {inert(value[first])} at character "
                f"{first + 1}); views show them escaped",
            )

    def problem(self, field: str | None, message: str) -> None:
        """An error that leaves the entry out (refuse keeps it)."""
        self.ok = False
        self.refuse(field, message)

    def refuse(self, field: str | None, message: str) -> None:
        """An error in a field the record is still whole with (a publisher that names the
        site it was read on): the data does not load, but the entry is kept for the checks
        across entries, so what cites it is not also listed as citing an unknown id."""
        self.problems.append(Problem(self.file, self.table, self.id, field, message))

    def check_fields(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.raw:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(key, f"unknown field{hint}")

    def _get(self, field: str, required: bool) -> Any:
        value = self.raw.get(field)
        if value is None and required:
            self.problem(field, "is missing")
            raise BadField
        return value

    def text(self, field: str, required: bool = True) -> str | None:
        if field in self.broken:
            return "" if required else None
        value = self._get(field, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(field, f"expected text, got {shown_value(value)}")
            raise BadField
        if not value.strip() and (required or field in _NON_EMPTY):
            self.problem(field, "is empty")
            raise BadField
        if len(value) > MAX_FIELD:
            self.problem(
                field,
                f"is {len(value):,} characters; a field holds at most {MAX_FIELD:,} "
                "(a summary is a few sentences: put a long text in a source's file)",
            )
            raise BadField
        if not value.isprintable():
            self._controls(field, value)
        return value

    def req_text(self, field: str) -> str:
        value = self.text(field, True)
        assert value is not None
        return value

    def url(self, field: str) -> str | None:
        """An optional address (m.web_address), empty or absent where none is known."""
        value = self.text(field, False)
        if value and not m.web_address(value):
            self.problem(
                field,
                f"{_clipped(value)} is not a web address: give the page's http:// or "
                "https:// address, or no url",
            )
            raise BadField
        return value

    def choice(self, field: str, choices: Iterable[str], required: bool = True) -> str | None:
        if field in self.broken:
            return "" if required else None
        value = self.text(field, required)
        choices = tuple(choices)
        if value is not None and value not in choices:
            close = difflib.get_close_matches(value, choices, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.problem(field, f"{value!r} is not one of {', '.join(choices)}{hint}")
            raise BadField
        return value

    def ident(self) -> str:
        if "id" in self.broken:
            return self.id or ""
        value = self.req_text("id")
        if not ID_RE.match(value):
            self.problem("id", f"{value!r} is not a kebab-case id (a-z, 0-9 and single hyphens)")
            raise BadField
        if len(value) > m.MAX_ID_LENGTH:
            self.warn(
                "id",
                f"is {len(value)} characters long, over {m.MAX_ID_LENGTH}: an 80-column table "
                "splits it across lines; shorten it",
            )
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        if field in self.broken:
            return ()
        value = self._get(field, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(field, f"expected a list of text, got {shown_value(value)}")
            raise BadField
        for item in value:
            if not item.isprintable():
                self._controls(field, item)
        return tuple(value)

    def date(self, field: str, required: bool = True) -> PartialDate | None:
        if field in self.broken:
            return _PLACEHOLDER_DATE if required else None
        value = self._get(field, required)
        if value is None:
            return None
        if not isinstance(value, str):
            hint = ' (write dates as quoted text, e.g. "2013-01-11")'
            self.problem(field, f"expected a date as text, got {shown_value(value)}{hint}")
            raise BadField
        try:
            return parse_iso(value)
        except ValueError as exc:
            self.problem(field, str(exc))
            raise BadField from None

    def req_date(self, field: str) -> PartialDate:
        value = self.date(field, True)
        assert value is not None
        return value

    def integer(self, field: str) -> int | None:
        if field in self.broken:
            return None
        value = self._get(field, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problem(field, f"expected a whole number of 0 or more, got {shown_value(value)}")
            raise BadField
        if value > MAX_EXACT:
            self.problem(field, f"{value} is larger than {MAX_EXACT:,}, {_WHY_MAX}")
            raise BadField
        return value

    def number(self, field: str, required: bool = False) -> float | None:
        if field in self.broken:
            return None
        value = self._get(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(field, f"expected a number, got {shown_value(value)}")
            raise BadField
        if not math.isfinite(value):
            # TOML allows nan and inf; no count or coordinate is either (and JSON has neither)
            self.problem(field, f"expected a finite number, got {value}")
            raise BadField
        if abs(value) > MAX_EXACT:
            self.problem(field, f"{value} is larger than {MAX_EXACT:,}, {_WHY_MAX}")
            raise BadField
        return float(value)

    def source_refs(self, field: str = "sources", required: bool = True) -> tuple[m.SourceRef, ...]:
        if field in self.broken:
            return ()
        value = self._get(field, required)
        if value is None:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.problem(field, "expected a non-empty list of { id = ..., quote = ... } tables")
            raise BadField
        refs = []
        for item in value:
            if isinstance(item, str):
                item = {"id": item}
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.problem(field, f'expected {{ id = "..." }}, got {shown_value(item)}')
                raise BadField
            extra = set(item) - {"id", "quote", "note"}
            if extra:
                self.problem(field, f"unknown key {sorted(extra)[0]!r} in a source reference")
                raise BadField
            for key in ("quote", "note"):
                if key in item and not isinstance(item[key], str):
                    self.problem(field, f"{key} must be text, got {shown_value(item[key])}")
                    raise BadField
                if key in item and not item[key].isprintable():
                    self._controls(field, item[key])
            refs.append(m.SourceRef(item["id"], item.get("quote"), item.get("note")))
        return tuple(refs)


def shown_value(value: Any) -> str:
    """A wrong value as a problem names it, its type first ("int 2019"); the builders'
    checks across fields say theirs so too."""
    if isinstance(value, datetime.date | datetime.time):  # TOML's own date, not Python's repr
        kind = "date and time" if isinstance(value, datetime.datetime) else type(value).__name__
        return f"an unquoted TOML {kind} {value.isoformat()}"
    return f"{type(value).__name__} {_clipped(value)}"


def _clipped(value: Any) -> str:
    """A value as a problem quotes it: its repr (controls escaped), cut to 60 characters."""
    text = repr(value)
    return text[:57] + "..." if len(text) > 60 else text
