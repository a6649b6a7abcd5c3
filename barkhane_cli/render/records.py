"""Records of any kind (events, actors, places, facts ...) in every --format.

A command describes its records once (fields, JSON shape, colour) and hands them to
:func:`emit`; so a format added here appears on every command at once.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TypeVar

from barkhane_cli.errors import UsageError
from barkhane_cli.formats import EVENT_ONLY, FORMATS, RECORD_FORMATS
from barkhane_cli.render.env import Env
from barkhane_cli.render.recordset import FIELD_SYNONYMS, RecordSet
from barkhane_cli.render.safe import escaped, inert, json_inert, write_json
from barkhane_cli.text import plural

T = TypeVar("T")


def pick_fields(rs: RecordSet[Any], fields: str | None, fmt: str) -> list[str]:
    from barkhane_cli.choices import choose

    if not fields:
        if fmt in ("csv", "tsv") and rs.file_fields:
            return rs.file_fields
        return rs.table_fields if fmt == "table" else rs.default_fields
    valid = (
        list(rs.fields)
        if fmt not in ("json", "jsonl", "geojson")
        else rs.json_keys or list(rs.fields)
    )
    names = [
        choose(f, valid, "field", context=f" for {plural(2, rs.kind)}", synonyms=FIELD_SYNONYMS)
        for f in fields.split(",")
        if f.strip()
    ]
    if not names:
        raise UsageError("--fields is empty; give field names separated by commas")
    return names


def default_format(env: Env) -> str:
    """The format when none is asked for: a table on a terminal, plain rows when piped."""
    return "table" if env.is_tty else "plain"


def resolve_format(
    fmt: str | None, env: Env, formats: tuple[str, ...] = FORMATS, what: str = "this view"
) -> str:
    """The format asked for (any case), or the default: a table on a terminal, plain
    rows when piped. Only the formats this command prints are accepted; ``what`` is
    the view a refusal names (--count, --facet)."""
    from barkhane_cli.formats import check

    if fmt is None:
        return default_format(env)
    # the command's --format has said what it takes (options.takes_formats); this is the
    # same rule for a view that prints fewer
    return check(fmt, formats, what)


def write_document(env: Env, fmt: str, payload: Any) -> None:
    """A whole JSON document (a profile, a summary, a list of items): indented for json;
    for jsonl, one compact line per item of a list, or the object on one line."""
    if fmt == "json":
        env.out.write(json_inert(json.dumps(payload, ensure_ascii=env.ascii_only, indent=2)) + "\n")
        return
    for item in payload if isinstance(payload, list) else [payload]:
        env.out.write(json_inert(json.dumps(item, ensure_ascii=env.ascii_only)) + "\n")


# Every character CommonMark (or GFM) could read as syntax inside a table cell: emphasis,
# code, links and images, raw HTML, entities, strikethrough, and the pipe that ends a cell.
_MD_SPECIAL = {ord(c): "\\" + c for c in "\\`*_[]<>|&~!"}


def _md_cell(text: str) -> str:
    # A line break would end the row; data controls are shown as escapes.
    return escaped(inert(" ".join(text.split())), _MD_SPECIAL)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_cell(text: str) -> str:
    """OWASP's advice against formula injection: a cell a spreadsheet would run as a
    formula gets a leading apostrophe. Plain numbers (a longitude of -8.0) are left alone."""
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower().lstrip("+-")[:1].isdigit()


def _one_line(text: str) -> str:
    # Plain output promises one record per line, so cut-and-awk never see a broken row.
    return " ".join(text.split()) if ("\t" in text or "\n" in text or "\r" in text) else text


def emit(
    env: Env, fmt: str | None, rs: RecordSet[T], fields: str | None = None, wide: bool = False
) -> int:
    """Write the records in the format; return how many were written."""
    fmt = resolve_format(fmt, env, FORMATS if rs.kind == "event" else RECORD_FORMATS)
    if fmt == "table":
        from barkhane_cli.render.table import records_table

        return records_table(
            env, rs, rs.items, pick_fields(rs, fields, fmt) if fields else None, wide
        )
    count = _emit_data(env, fmt, rs, fields)
    if (rs.total is not None and rs.total > count) or rs.notes:
        from barkhane_cli.render.table import count_line

        tell(env, count_line(rs, count))
    return count


def watching(env: Env) -> bool:
    """Whether a person watches stderr (a terminal): what tell() says is said only then,
    and a note costly to work out need not be worked out otherwise."""
    try:
        return bool(env.err.isatty())
    except (AttributeError, ValueError):
        return False


def tell(env: Env, message: str) -> None:
    """A note for a person (what --limit cut, what is hidden): on stderr, and only when
    someone is watching it, so scripts and logs stay clean."""
    if watching(env):
        from barkhane_cli.render.table import wrapped

        env.err.write(wrapped(env, message) + "\n")


def _emit_data(env: Env, fmt: str, rs: RecordSet[T], fields: str | None) -> int:
    names = pick_fields(rs, fields, fmt)
    out = env.out
    count = 0
    if fmt in ("json", "jsonl"):
        ascii_only = env.ascii_only
        ready = rs.dumped if not (fields or ascii_only) else None
        if fmt == "json":
            out.write("[")
        for item in rs.items:
            text = ready(item) if ready is not None else None
            if text is None:
                obj = rs.to_json(item)
                if fields:
                    obj = {k: obj[k] for k in names}
                text = json.dumps(obj, ensure_ascii=ascii_only)
            if fmt == "json":
                write_json(out, text, ",\n  " if count else "\n  ")
            else:
                write_json(out, text, "", "\n")
            count += 1
        if fmt == "json":
            out.write("\n]\n" if count else "]\n")
        return count
    if fmt == "geojson":
        from barkhane_cli.render.geojson import write_records

        keys = names if fields else None
        return write_records(env, rs.kind, rs.dataset, rs.items, rs.to_json, keys)
    if fmt in EVENT_ONLY:
        if rs.kind != "event" or rs.dataset is None:
            raise UsageError(f"--format {fmt} is for events (timeline, actor, place)")
        from barkhane_cli.render import calendars

        if fmt == "ics":
            return calendars.write_ics(env, rs.items, rs.dataset)  # type: ignore[arg-type]
        return calendars.write_timelinejs(env, rs.dataset, rs.items)  # type: ignore[arg-type]
    getters = [rs.fields[n].text for n in names]
    if fmt == "md":
        out.write("| " + " | ".join(rs.fields[n].header for n in names) + " |\n")
        out.write("|" + "---|" * len(names) + "\n")
        for item in rs.items:
            cells = (_md_cell(g(item)) for g in getters)
            out.write("| " + " | ".join(cells) + " |\n")
            count += 1
        return count
    if fmt == "plain":
        for item in rs.items:
            out.write("\t".join(_one_line(g(item)) for g in getters))
            out.write("\n")
            count += 1
        return count
    writer = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(names)
    # lists and yes/no in the one spelling of every file table (recordset.LIST_SEPARATOR)
    getters = [rs.fields[n].file_text or rs.fields[n].text for n in names]
    for item in rs.items:
        row = [g(item) for g in getters]
        writer.writerow([csv_safe_cell(c) for c in row] if env.csv_safe else row)
        count += 1
    return count
