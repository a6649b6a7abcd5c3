"""Reading an export: refusing what is not CSV, merging monadic rows, the whole import.

The output depends only on the file, so importing it again gives the same bytes. Its
source id is made from the export's name and the date of its newest row (ACLED's
``timestamp`` where the layout has one, else the newest event date), so two imports never
share a source and loading both keeps where each event came from.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import cast

from barkhane_cli import inputs, tomlwrite
from barkhane_cli.controls import strip_controls
from barkhane_cli.errors import DataError
from barkhane_cli.importers import IMPORT
from barkhane_cli.importers.acled import layouts
from barkhane_cli.importers.acled.actors import fitted, slug
from barkhane_cli.importers.acled.problems import ImportReport, Reject
from barkhane_cli.importers.acled.rows import Converter
from barkhane_cli.model import Dataset

PROGRESS_EVERY = 1000
# What a file that is not CSV starts with, and what to tell its owner.
_MAGIC = (
    (b"PK\x03\x04", "an Excel workbook or another zip file; save it as CSV (UTF-8)"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook; save it as CSV (UTF-8)"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip file; unpack it first"),
)
_DONE: tuple[int, list[str]] = (0, [])
# The longest field a record may have: the csv module's default, set for each read, since
# the limit is the process's and a UCDP import raises it (a GED source field is long; an
# ACLED note over 128 KiB is a broken file, such as a quote never closed).
_FIELD_LIMIT = 128 * 1024
# Fields monadic rows of one event may differ in: the actor's own.
_PER_ACTOR = frozenset({"actor1", "assoc_actor_1", "inter1", "data_id"})


# What the size cap and the not-UTF-8 error call the file
_WHAT = "an ACLED export"


def _sniff(path: Path) -> str:
    """The field separator, or a DataError for a file that is not CSV at all."""
    if str(path) == "-":
        raise DataError(
            "-: an export is read twice (its layout first), so it cannot come from stdin; "
            "save it to a file and name the file"
        )
    try:
        with inputs.open_bounded(path, inputs.EXPORT_MAX, _WHAT) as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise DataError(f"{path}: is not CSV: it is {what}")
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text:
        raise DataError(f"{path}: is empty, so it is not an ACLED export")
    if text[:1] in (b"{", b"["):
        raise DataError(f"{path}: is not CSV: it is JSON; export CSV from ACLED instead")
    if b"\x00" in head:
        raise DataError(f"{path}: is not CSV: it is a binary file (or UTF-16 text)")
    first = text.split(b"\n", 1)[0]
    # Excel in many European locales writes ";"; some tools write tabs.
    counts = {sep: first.count(sep.encode()) for sep in (",", ";", "\t")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        raise DataError(f"{path}: is not CSV: its first line has no commas")
    return sep


def _records(path: Path, sep: str) -> Iterator[tuple[int, list[str] | str]]:
    """(first line of the record, fields) or (line, reason) for an unreadable record."""
    try:
        raw = inputs.open_bounded(path, inputs.EXPORT_MAX, _WHAT)
        with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
            csv.field_size_limit(_FIELD_LIMIT)
            reader = csv.reader(handle, delimiter=sep)
            while True:
                line = reader.line_num + 1
                try:
                    fields = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    # The reason alone: the rejection names it "unreadable CSV record" and
                    # gives this as its example, which said those words twice.
                    yield line, _csv_problem(exc)
                    continue
                yield line, fields
    except UnicodeDecodeError:
        raise inputs.export_not_utf8(path, _WHAT, "export it from ACLED as UTF-8") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _csv_problem(exc: csv.Error) -> str:
    """What made a record unreadable, in the words a reader of the export uses: the
    module's "field larger than field limit (131072)" is a field too long."""
    if "field larger than field limit" in str(exc):
        return f"a field of over {_FIELD_LIMIT:,} characters"
    return str(exc)


Tables = dict[str, list[dict[str, object]]]


def convert(
    path: Path, known: Dataset, progress: Callable[[int], None] | None = None
) -> tuple[str, ImportReport]:
    """Read an ACLED export CSV and return (TOML text in our schema, report)."""
    tables, header, report = convert_tables(path, known, progress)
    return tomlwrite.dumps(tables, header), report


def convert_tables(
    path: Path, known: Dataset, progress: Callable[[int], None] | None = None
) -> tuple[Tables, str, ImportReport]:
    """Read an ACLED export CSV: (the entries of each table, the file's header comment,
    report). ``tomlwrite`` writes them as the data file; ``store.exports`` hands them to
    the checks and the store without writing or parsing TOML."""
    # An export is read whole (monadic rows merge across the file): a hundred thousand rows
    # and entries, small containers without cycles, that the cyclic collector would scan
    # over and over (a third of the time). Nothing here makes cycles, so pause it.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _convert(path, known, progress)
    finally:
        if paused:
            gc.enable()


def _good(
    records: Iterator[tuple[int, list[str] | str]], layout: layouts.Layout, report: ImportReport
) -> Iterator[tuple[int, list[str]]]:
    """The records that are rows of the header's width, control characters removed; the
    others are counted and rejected in ``report``."""
    for line, fields in records:
        if isinstance(fields, str):
            report.rows_read += 1
            report.rejected.append((line, "unreadable CSV record", fields))
            continue
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue  # a blank line
        report.rows_read += 1
        if len(fields) != layout.width:
            detail = f"{len(fields)} fields, the header has {layout.width}"
            report.reject(line, Reject("has a different number of fields than the header", detail))
            continue
        # Escape sequences and bidi overrides have no place in a data file (issue 14).
        if "".join(fields).isprintable():  # the common case, checked in C for the row
            yield line, fields
            continue
        clean = [strip_controls(f) for f in fields]
        report.controls_stripped += sum(a != b for a, b in zip(clean, fields, strict=True))
        yield line, clean


def _convert(
    path: Path, known: Dataset, progress: Callable[[int], None] | None
) -> tuple[Tables, str, ImportReport]:
    sep = _sniff(path)
    records = _records(path, sep)
    _, header = next(records, _DONE)
    if isinstance(header, str):
        # A 200 MB first line is a header that cannot be read, not a missing one.
        raise DataError(
            f"{path}: its header row cannot be read as CSV ({header}), so it is not an ACLED export"
        )
    if not any(h.strip() for h in header):
        raise DataError(f"{path}: has no header row, so it is not an ACLED export")
    layout = layouts.detect(header, str(path))
    report = ImportReport(layout=layout.describe())
    col = dict(layout.col)
    newest = _Newest(col)
    rows: Iterable[tuple[int, list[str]]]
    if layout.monadic:  # the rows of one event may lie anywhere in the file: held to merge
        held = _merge_monadic(list(_good(records, layout, report)), layout, col, report)
        for _, f in held:
            newest.see(f)
        total = len(held)
        rows = _dropping(held)
    else:
        # Two passes, so the rows are never all held: the first finds the newest row
        # (every event cites the export's source, named after it), the second converts.
        total = 0
        for _, f in _good(records, layout, ImportReport()):
            newest.see(f)
            total += 1
        again = _records(path, sep)
        next(again, None)  # the header
        rows = _good(again, layout, report)
    source_id, export = _export_source(path, newest.newest())
    conv = Converter(known, col, [{"id": source_id}])
    set_total = getattr(progress, "set_total", None)  # a progress bar can show time left
    if set_total is not None:
        set_total(total)
    done = 0
    for line, fields in rows:
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        try:
            conv.event(fields, line)
        except Reject as exc:
            report.reject(line, exc)
    if progress is not None and done % PROGRESS_EVERY:
        progress(done)
    report.rejected.sort()
    events = [conv.events[k][1] for k in sorted(conv.events)]
    for e in events:
        refs = cast(list[str], e["places"])  # "#n" for a place made by this import
        e["places"] = [conv.places.resolve(p) for p in refs]
    tables: Tables = {
        "sources": [export, *conv.source_entries()],
        "actors": conv.actors.entries([{"id": source_id}]),
        "places": conv.places.entries([{"id": source_id}]),
        "events": events,
    }
    report.written(tables, source_id, len(conv.actors.used), len(conv.places.used))
    report.kept_apart = conv.places.kept_apart()
    header = f"Imported from the ACLED export {path.name} ({layout.describe()}) by barkhane."
    return tables, header, report


def _merge_monadic(
    rows: list[tuple[int, list[str]]],
    layout: layouts.Layout,
    col: dict[str, int],
    report: ImportReport,
) -> list[tuple[int, list[str]]]:
    """One record per event: the first row's fields and the second row's actor as actor 2."""
    width = layout.width
    col |= {"actor2": width, "assoc_actor_2": width + 1, "inter2": width + 2}
    mine = [col["actor1"], col["assoc_actor_1"], col["inter1"]]
    shared = [(name, i) for name, i in layout.col.items() if name not in _PER_ACTOR]
    key_at = col["event_id_cnty"]
    merged: dict[str, tuple[int, list[str], int]] = {}  # id -> (line, record, rows)
    out: list[tuple[int, list[str]]] = []
    for line, fields in rows:
        key = fields[key_at].strip()
        seen = merged.get(key) if key else None
        if seen is None:
            record = [*fields, "", "", ""]
            merged[key] = (line, record, 1)
            out.append((line, record))
            continue
        first_line, record, count = seen
        if count >= 2:
            detail = f"{key!r} first on line {first_line}"
            report.reject(
                line, Reject("event_id_cnty has a third row; a monadic event has two", detail)
            )
            continue
        report.merged_rows += 1
        merged[key] = (first_line, record, count + 1)
        record[width : width + 3] = [fields[i] for i in mine]
        for name, i in shared:
            if fields[i].strip() != record[i].strip():
                reason = f"disagrees with its first row on {name}; the first row's value is kept"
                detail = f"line {first_line} has {record[i].strip()!r}, this {fields[i].strip()!r}"
                report.warnings.append((line, reason, detail))
    return out


def _dropping(rows: list[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    """The rows, each dropped from the list once handed out (never all held twice)."""
    for index, row in enumerate(rows):
        rows[index] = _DONE
        yield row


class _Newest:
    """The date of an export's newest row: ACLED's ``timestamp`` where the layout has one
    (the largest that is a number a calendar holds), else the newest event date."""

    def __init__(self, col: dict[str, int]) -> None:
        self.stamp_at = col.get("timestamp")
        self.date_at = col["event_date"]
        self.stamp: int | None = None
        self.day: date | None = None
        self.days: dict[str, date | None] = {}

    def see(self, f: list[str]) -> None:
        if self.stamp_at is not None:
            text = f[self.stamp_at].strip()
            if text.isdecimal():
                value = int(text)
                if self.stamp is None or value > self.stamp:
                    self.stamp = value
        raw = f[self.date_at]
        if raw not in self.days:  # a few thousand distinct days in any export
            from barkhane_cli.importers.acled.dates import parse_date

            try:
                self.days[raw] = parse_date(raw)
            except Reject:
                self.days[raw] = None
        day = self.days[raw]
        if day is not None and (self.day is None or day > self.day):
            self.day = day

    def newest(self) -> str:
        if self.stamp is not None:
            try:
                return datetime.fromtimestamp(self.stamp, UTC).date().isoformat()
            except (ValueError, OverflowError, OSError):
                pass  # none a calendar holds
        return self.day.isoformat() if self.day is not None else ""


def _export_source(path: Path, newest: str) -> tuple[str, dict[str, object]]:
    """The import's own source entry, named after the export and its newest row."""
    ident = fitted("acled-" + slug(path.stem) + (f"-{newest}" if newest else ""))
    entry: dict[str, object] = {
        "id": ident,
        "title": f"ACLED export {path.name}",
        "publisher": "ACLED",
        "kind": "dataset",
        "date": newest or None,
        "note": f"Imported with {IMPORT} acled; each event cites it and the publishers"
        " ACLED names in its source field.",
    }
    return ident, entry
