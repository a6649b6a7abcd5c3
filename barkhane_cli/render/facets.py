"""--count and --facet in every format: a number, or one row per value (per pair of values,
with two --facet) with its count."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from barkhane_cli import model as m
from barkhane_cli.facets import (
    FACETS,
    NONE_LABEL,
    Bucket,
    Pair,
    facet,
    facet_pairs,
    mixed_attributions,
    name_key,
)
from barkhane_cli.formats import LIST_FORMATS
from barkhane_cli.render.env import Env
from barkhane_cli.render.records import resolve_format
from barkhane_cli.render.recordset import NO_EVENTS, Field, RecordSet
from barkhane_cli.text import counted

T = TypeVar("T")


def _format(env: Env, fmt: str | None, option: str) -> str:
    """A count or a facet is a list of values, not events or places: no map, no calendar
    (LIST_FORMATS)."""
    return resolve_format(fmt, env, LIST_FORMATS, option)


def write_count(env: Env, fmt: str | None, n: int, what: str = "events") -> int:
    """--count: the number alone (as rg --count and grep -c print it); JSON {"events": n};
    CSV/TSV with an "events" header. ``what``: what was counted, the key and header
    (facts --count: {"facts": n})."""
    f = _format(env, fmt, "--count")
    if f in ("json", "jsonl"):
        env.out.write(json.dumps({what: n}) + "\n")
    elif f in ("csv", "tsv"):
        env.out.write(f"{what}\n{n}\n")
    elif f == "md":
        env.out.write(f"| {what.capitalize()} |\n|---|\n| {n} |\n")
    else:
        env.out.write(f"{n}\n")
    return n


# The facets whose values are ids: a table and JSON also give each one's name.
NAMED = tuple(name for name, (_, names) in FACETS.items() if names is not None)


def _events_note(found: list[m.Event]) -> str:
    return counted(len(found), "event")


def _json_value(field: str, value: str | None) -> Any:
    return int(value) if field == "year" and value is not None else value


def _said(value: str | None) -> str:
    """A facet's value as a person reads it, on the terminal and piped (plain, md) alike:
    the events of none under NONE_LABEL (U50: `--facet perpetrator | cat` printed their
    row as two empty cells). CSV and TSV leave the cell empty and JSON gives null: data
    whose readers test for no value, not for a label."""
    return value if value is not None else NONE_LABEL


def _counts(
    kind: str,
    items: list[T],
    fields: dict[str, Field[T]],
    shown: list[str],
    to_json: Callable[[T], dict[str, Any]],
    title: str,
    found: list[m.Event],
    droppable: list[str],
) -> RecordSet[T]:
    """A facet's or a cross-tab's rows: the same columns in every format, one note."""
    return RecordSet(
        kind=kind,
        droppable=droppable,
        items=items,
        fields=fields,
        default_fields=shown,
        table_fields=shown,
        to_json=to_json,
        empty_message=NO_EVENTS,
        json_keys=shown,
        title=title,
        notes=[_events_note(found)],
    )


def facet_records(data: m.Dataset, events: Iterable[m.Event], field: str) -> RecordSet[Bucket]:
    found = list(events)
    buckets = facet(data, found, field)
    named = field in NAMED
    fields: dict[str, Field[Bucket]] = {
        field: Field(
            field,
            field.capitalize(),
            lambda b: _said(b.value),
            file_text=lambda b: b.value or "",
        ),
        "events": Field("events", "Events", lambda b: str(b.events), justify="right"),
    }
    name = name_key(field)  # as a cross-tab's and chart --facet's (U30)
    if named:
        fields[name] = Field(name, "Name", lambda b: b.name, ratio=1, min_width=10)
    shown = [field, name, "events"] if named else [field, "events"]

    def to_json(b: Bucket) -> dict[str, Any]:
        out: dict[str, Any] = {field: _json_value(field, b.value)}
        if named:
            out[name] = b.name or None
        out["events"] = b.events
        return out

    rs = _counts(
        "value", buckets, fields, shown, to_json, f"Events by {field}", found, droppable=[]
    )
    if field == "perpetrator":
        rs.notes += _mixed_said(buckets, mixed_attributions(found))
    return rs


def _mixed_said(buckets: list[Bucket], mixed: dict[str, Counter[str]]) -> list[str]:
    """The note under a perpetrator facet whose rows count events of several attributions
    alike, naming the first such row's: "JNIM counts 2 claimed or admitted, 1 suspected
    (--facet attribution splits them)"."""
    rows = [b for b in buckets if b.value in mixed]
    if not rows:
        return []
    first = mixed[str(rows[0].value)]
    levels = [lv for lv in m.ATTRIBUTIONS if first[lv]]
    split = ", ".join(f"{first[lv]} {m.ATTRIBUTION_READS.get(lv, lv)}" for lv in levels)
    others = len(rows) - 1
    more = f"; {counted(others, 'more row')} {'mixes' if others == 1 else 'mix'} them too"
    return [f"{rows[0].value} counts {split}{more if others else ''} ({MIXED_SPLIT})"]


# how to tell a perpetrator's claimed attacks from its suspected ones
MIXED_SPLIT = "--facet perpetrator --facet attribution splits them"


def _side_fields(field: str, side: Callable[[Pair], Bucket]) -> dict[str, Field[Pair]]:
    """A cross-tab's columns for one of its two fields: the value, and its name for ids."""

    def value(p: Pair) -> str | None:
        return side(p).value

    # An id column wraps (a share of the width, at least 8) rather than keeping the width
    # of the longest id in the data: two such columns cut the count at 50 columns (review).
    named = field in NAMED
    out: dict[str, Field[Pair]] = {
        field: Field(
            field,
            field.capitalize(),
            lambda p: _said(value(p)),
            file_text=lambda p: value(p) or "",
            ratio=1 if named else None,
            min_width=8 if named else None,
        )
    }
    if field in NAMED:
        out[name_key(field)] = Field(
            name_key(field),
            f"{field.capitalize()} name",
            lambda p: side(p).name,
            ratio=1,
            min_width=10,
        )
    return out


def pair_records(
    data: m.Dataset, events: Iterable[m.Event], first: str, second: str
) -> RecordSet[Pair]:
    """Two --facet options: one row per pair of values, each field's value (and name, for
    ids) then the count; JSON {first: value, first_name: ..., second: value, ..., events}."""
    found = list(events)
    pairs = facet_pairs(data, found, first, second)
    fields: dict[str, Field[Pair]] = {
        **_side_fields(first, lambda p: p.first),
        **_side_fields(second, lambda p: p.second),
    }
    shown = list(fields)
    fields["events"] = Field("events", "Events", lambda p: str(p.events), justify="right")
    shown.append("events")

    def to_json(p: Pair) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, bucket in ((first, p.first), (second, p.second)):
            out[field] = _json_value(field, bucket.value)
            if field in NAMED:
                out[name_key(field)] = bucket.name or None
        out["events"] = p.events
        return out

    # on a narrow terminal the names go first (the ids wrap), never the count
    names = [name_key(f) for f in (second, first) if f in NAMED]
    title = f"Events by {first} and {second}"
    return _counts("pair", pairs, fields, shown, to_json, title, found, droppable=names)


def write_facet(
    env: Env,
    fmt: str | None,
    data: m.Dataset,
    events: Iterable[m.Event],
    fields: list[str],
    limit: int | None = None,
) -> int:
    """One --facet FIELD (a row per value) or two (a row per pair of values); with
    --limit N, the N rows of the most events, counted over every one of ``events``, in
    the facet's own order (years stay in order), the footer saying "5 of 12 values
    (--limit 5)". U41: `timeline --facet actor -n 5` counted the first 5 events of 2011
    and printed all 12 of their actors, and piped, said nothing of it."""
    from barkhane_cli.render.records import emit

    f = _format(env, fmt, "--facet")
    rs: RecordSet[Any] = (
        pair_records(data, events, *fields)
        if len(fields) == 2
        else facet_records(data, events, fields[0])
    )
    if limit is not None:
        rows = list(rs.items)
        # the most events first, ties in the facet's order (sorted is stable); the
        # events naming no value ("(none named)") are no value: they take a row only
        # when fewer than N values are left (RV37: 90 events of no perpetrator were one
        # of the top 5)
        ranked = sorted(range(len(rows)), key=lambda i: (_unnamed(rows[i]), -rows[i].events))
        kept = set(ranked[:limit])
        rs.items = [row for i, row in enumerate(rows) if i in kept]
        rs.total, rs.limit = len(rows), limit
    return emit(env, f, rs)


def _unnamed(row: Bucket | Pair) -> bool:
    """Whether a facet's row or a cross-tab's is of no value (on either side)."""
    sides = (row.first, row.second) if isinstance(row, Pair) else (row,)
    return any(side.value is None for side in sides)
