"""Rejected rows, warnings and the import report, grouped the way a reader scans them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from barkhane_cli.meta import RECORD_END
from barkhane_cli.text import counted, plural

# Line numbers shown for each reason: enough to find the pattern, not a wall of numbers.
SHOWN_LINES = 5


class Reject(Exception):
    """A row that cannot be used.

    ``reason`` is the kind of problem (what rejections are grouped by); ``detail`` names
    the value of this row.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason} ({detail})" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass
class ImportReport:
    layout: str = ""
    rows_read: int = 0
    events_written: int = 0
    merged_rows: int = 0  # monadic rows folded into the event of an earlier row
    actors_matched: int = 0
    actors_created: int = 0
    places_matched: int = 0
    places_created: int = 0
    after_record: int = 0  # events after 9 November 2022, beyond the bundled record
    source_id: str = ""
    controls_stripped: int = 0  # fields that held control characters, now removed
    left_out: int = 0  # rows outside the countries asked for (import ucdp --country)
    # (line in the file where the record starts, reason, detail). Lines, not records: a
    # note with a line break inside it spans two lines, and an editor shows lines.
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    # Places made apart from a curated settlement of their name (Places.kept_apart).
    kept_apart: list[str] = field(default_factory=list)

    def reject(self, line: int, exc: Reject) -> None:
        self.rejected.append((line, exc.reason, exc.detail))

    def too_many_rejected(self) -> bool:
        """Every row, or more than half of them: the file is not what the user thinks."""
        bad = len(self.rejected)
        return self.rows_read > 0 and (bad == self.rows_read or 2 * bad > self.rows_read)

    def written(
        self,
        tables: Mapping[str, Sequence[Mapping[str, object]]],
        source_id: str,
        actors_matched: int,
        places_matched: int,
    ) -> None:
        """What a conversion's tables hold, as both importers report it: the events (and
        those after the record's end), the actors and places made, and those matched."""
        end = RECORD_END.iso()
        events = tables["events"]
        self.source_id = source_id
        self.events_written = len(events)
        self.after_record = sum(1 for e in events if str(e["date"]) > end)
        self.actors_created = len(tables["actors"])
        self.actors_matched = actors_matched
        self.places_created = len(tables["places"])
        self.places_matched = places_matched


def grouped(items: list[tuple[int, str, str]]) -> list[str]:
    """One line per reason: ``3 rows: event_date is not a date (lines 4, 9, 12; e.g. ...)``."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for line, reason, detail in items:
        groups.setdefault(reason, []).append((line, detail))
    out = []
    for reason, hits in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines = ", ".join(str(line) for line, _ in hits[:SHOWN_LINES])
        more = ", …" if len(hits) > SHOWN_LINES else ""
        noun = plural(len(hits), "line")
        first = hits[0][1]
        example = f"; e.g. {first}" if first else ""
        count = counted(len(hits), "row")
        out.append(f"{count}: {reason} ({noun} {lines}{more}{example})")
    return out
