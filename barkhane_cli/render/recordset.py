"""The data contract between a command and the renderers: what a kind of record is.

A command describes its records once (fields, JSON shape, colour, table hints) as a
:class:`RecordSet`; render/records.py writes it in every --format and render/table.py
draws it. This module imports neither, so neither imports the other back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


# What a view of no events says: timeline, a facet, compare
NO_EVENTS = "no events match"

# A day's date is the widest of one line ("2015-07-10"): a date column is at least this
# wide, and a month's or a year's is padded to it wherever dates head a list of events.
DAY_WIDTH = len("2015-07-10")


@dataclass(frozen=True, slots=True)
class Field(Generic[T]):
    name: str
    header: str
    text: Callable[[T], str]
    # The table may show something friendlier than the machine text (names, not ids).
    display: Callable[[T], str] | None = None
    # ``display`` is a shortening of the text (a fact's scope up to its first ';'): --wide,
    # "every column, nothing cut", shows the text whole.
    abridged: bool = False
    max_width: int | None = None
    # Prose (a title, a list of names) has a ratio and wraps at spaces; a field without
    # one is a token (an id, a date, a number) that never wraps: it keeps ``width``, or
    # the width of its longest value in the whole data set, and is cut with an ellipsis
    # only beyond ``max_width``.
    ratio: int | None = None
    min_width: int | None = None
    width: int | None = None
    justify: str = "left"
    # Table only: a cell drawn from several values (a date over its type, say).
    cell: Callable[[T], Any] | None = None
    link: Callable[[T], str | None] | None = None  # an http(s) URL the cell opens (OSC 8)
    # CSV and TSV only: the value as every file table spells it (a list joined with
    # LIST_SEPARATOR, a yes/no as true/false), when that differs from ``text``.
    file_text: Callable[[T], str] | None = None
    # A date (date_field): the one thing a reader reads first, never cut; when the
    # columns asked for are wider than the terminal, the others give way (table._fit).
    date: bool = False
    # An id (id_field): what `barkhane source ID` and the like take, never cut either,
    # nor held to ``max_width``: the others give way as they do to a date.
    whole: bool = False


# What a user may call a field, and the fields it may mean, first present first: the
# "did you mean" of --fields for a name guessed rather than mistyped (U15: `facts
# --fields date`, whose date is as_of; `timeline --fields deaths`, told "did you mean
# 'date'?"). A plural a user gave singular (place, country) is here too: "country" is
# as near "count" by letters as "countries".
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "as_of"),
    "day": ("date", "as_of"),
    "when": ("date", "as_of"),
    "deaths": ("fatalities",),
    "dead": ("fatalities",),
    "killed": ("fatalities",),
    "toll": ("fatalities",),
    "casualties": ("fatalities",),
    "place": ("places", "place"),
    "where": ("places",),
    "country": ("countries", "country"),
    "actor": ("actors",),
    "tag": ("tags",),
    "source": ("sources",),
    "perpetrator": ("perpetrators",),
    "target": ("targets",),
}


# One spelling in every CSV and TSV table (docs/data-format.md, "CSV and TSV"): lists are
# joined with ";" (no id, name or alias in the bundled data holds one; ids never can),
# yes/no is true/false as JSON writes it, which pandas and Datasette read as booleans.
LIST_SEPARATOR = ";"


def file_list(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def file_flag(value: bool) -> str:
    return "true" if value else "false"


def list_field(name: str, header: str, values: Callable[[T], Iterable[str]], **kw: Any) -> Field[T]:
    """A field holding a list: comma-joined ids for a person and plain output, the
    file spelling in CSV and TSV."""
    return Field(
        name,
        header,
        lambda item: ",".join(values(item)),
        file_text=lambda item: file_list(values(item)),
        **kw,
    )


def id_field(text: Callable[[T], str], **kw: Any) -> Field[T]:
    """An id column, never cut (Field.whole): U39, `sources` at 80 columns cut ids to 30
    cells, "un-psdata-2025-04-dppadposs-f…", which `barkhane cite ID` then refused."""
    return Field("id", "Id", text, whole=True, **kw)


def date_field(name: str, header: str, text: Callable[[T], str], **kw: Any) -> Field[T]:
    """A date column: as wide as a day (DAY_WIDTH) unless it says otherwise, never cut.
    Its width is declared, not measured: an event table drawn from the store measured
    the End, First day and Last day columns on no events, 3, 9 and 8 cells wide (U36)."""
    kw.setdefault("width", DAY_WIDTH)
    return Field(name, header, text, date=True, **kw)


def flag_field(name: str, header: str, value: Callable[[T], bool], **kw: Any) -> Field[T]:
    """A yes/no field: "yes" or empty for a person, true/false in CSV and TSV."""
    return Field(
        name,
        header,
        lambda item: "yes" if value(item) else "",
        file_text=lambda item: file_flag(value(item)),
        **kw,
    )


@dataclass(slots=True)
class RecordSet(Generic[T]):
    kind: str
    items: Iterable[T]
    fields: dict[str, Field[T]]
    default_fields: list[str]
    table_fields: list[str]
    to_json: Callable[[T], dict[str, Any]]
    style: Callable[[T], str | None] = lambda item: None
    note: Callable[[T], str | None] = lambda item: None  # a dim second line in the table
    legend: Callable[[list[T]], list[tuple[str, str]]] | None = None
    title: str | None = None
    empty_message: str = "no matching records"
    json_keys: list[str] = field(default_factory=list)
    note_field: str = "title"
    # A line dim under ``note_field``'s text where the table has no id column, the
    # record's id first: the word `barkhane fact ID` takes, to read a note the table cuts
    ident: Callable[[T], str] | None = None
    # Under a table where a note was cut: the command giving it whole ("barkhane fact ID",
    # with the run's --data files: followups.command)
    whole: str = ""
    # Under a table: what the rows shown point to, (what it gives, command), as the
    # events citing a source that a search hit counts beyond the few it names
    below: Callable[[list[T]], list[tuple[str, str]]] | None = None
    # Under a table: what a mark on the rows shown means, a line each (a figure on a new
    # basis: why its fall is no fall in what was counted)
    footnotes: Callable[[list[T]], list[str]] | None = None
    # An item's JSON text as json.dumps(to_json(item), ensure_ascii=False) writes it, when
    # known in advance (the store keeps each event's): None means compute it.
    dumped: Callable[[T], str | None] | None = None
    dataset: Any = None  # events and places: what calendars and GeoJSON need beyond the records
    # The table's default columns for a terminal width (and --wide); else table_fields.
    layout: Callable[[int, bool], list[str]] | None = None
    cells: dict[str, Field[T]] = field(default_factory=dict)  # table-only columns
    basis: Iterable[T] = ()  # every record of the kind: what fixed column widths fit
    total: int | None = None  # how many matched before --limit cut them
    limit: int | None = None
    notes: list[str] = field(default_factory=list)  # "20 later events hidden; ..."
    file_fields: list[str] | None = None  # csv/tsv defaults, where they differ
    droppable: list[str] = field(default_factory=list)  # table columns to drop when narrow
