"""--count and --facet in every format: a number, or one row per value with its count."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.errors import UsageError
from barkhane_cli.facets import NONE_LABEL, Bucket, facet
from barkhane_cli.formats import RECORD_FORMATS
from barkhane_cli.render.env import Env
from barkhane_cli.render.recordset import Field, RecordSet

# A count or a facet is a table of values, not events or places: no map, no calendar.
SUMMARY_FORMATS = tuple(f for f in RECORD_FORMATS if f != "geojson")


def _format(env: Env, fmt: str | None, option: str) -> str:
    from barkhane_cli.choices import choose

    if fmt is None:
        return "table" if env.is_tty else "plain"
    if fmt.strip().lower() not in SUMMARY_FORMATS:
        raise UsageError(
            f"--format {fmt.strip().lower()} does not apply to {option}; "
            f"use {', '.join(SUMMARY_FORMATS)}"
        )
    return choose(fmt, SUMMARY_FORMATS, "format")


def write_count(env: Env, fmt: str | None, n: int) -> int:
    """--count: the number alone (as rg --count and grep -c print it); JSON {"events": n};
    CSV/TSV with an "events" header."""
    f = _format(env, fmt, "--count")
    if f in ("json", "jsonl"):
        env.out.write(json.dumps({"events": n}) + "\n")
    elif f in ("csv", "tsv"):
        env.out.write(f"events\n{n}\n")
    elif f == "md":
        env.out.write(f"| Events |\n|---|\n| {n} |\n")
    else:
        env.out.write(f"{n}\n")
    return n


def facet_records(data: m.Dataset, events: Iterable[m.Event], field: str) -> RecordSet[Bucket]:
    found = list(events)
    buckets = facet(data, found, field)
    named = field in ("country", "perpetrator", "target", "actor", "place")
    fields: dict[str, Field[Bucket]] = {
        field: Field(
            field,
            field.capitalize(),
            lambda b: b.value or "",
            display=lambda b: b.value if b.value is not None else NONE_LABEL,
        ),
        "events": Field("events", "Events", lambda b: str(b.events), justify="right"),
    }
    if named:
        fields["name"] = Field("name", "Name", lambda b: b.name, ratio=1, min_width=10)
    shown = [field, "name", "events"] if named else [field, "events"]

    def to_json(b: Bucket) -> dict[str, Any]:
        value: Any = b.value
        if field == "year" and value is not None:
            value = int(value)
        out: dict[str, Any] = {field: value}
        if named:
            out["name"] = b.name or None
        out["events"] = b.events
        return out

    return RecordSet(
        kind="value",
        items=buckets,
        fields=fields,
        default_fields=shown,
        table_fields=shown,
        to_json=to_json,
        empty_message="no events match",
        json_keys=shown,
        title=f"Events by {field}",
        notes=[f"{len(found)} event{'' if len(found) == 1 else 's'}"],
    )


def write_facet(
    env: Env, fmt: str | None, data: m.Dataset, events: Iterable[m.Event], field: str
) -> int:
    from barkhane_cli.render.records import emit

    f = _format(env, fmt, "--facet")
    return emit(env, f, facet_records(data, events, field))
