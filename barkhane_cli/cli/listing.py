"""What every list command does with its rows once they are in --sort's order (facts,
actors, places, sources, search): --limit, --count, the format and its footer, written
once here so that the lists cut and count alike, as timeline does its events."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from barkhane_cli.cli.base import given_format, present


def records(
    env: Any,
    format_: str | None,
    export: Path | None,
    fields: str | None,
    make: Callable[[], Any],
    wide: bool = False,
) -> None:
    """A list command's records, in the chosen format (and --export)."""
    from barkhane_cli.render.records import emit

    present(env, format_, export, lambda target, f: emit(target, f, make(), fields, wide))


def cut_records(
    items: Sequence[Any],
    make: Callable[[Sequence[Any]], Any],
    limit: int | None,
    notes: Sequence[str] = (),
    empty: str | None = None,
) -> Any:
    """The records of the rows --limit keeps, their footer saying what it left out ("3 of
    34 facts (--limit 3)"), ``notes`` under them, ``empty`` where "no facts match" is."""
    rs = make(items if limit is None else items[:limit])
    rs.total, rs.limit = len(items), limit
    if empty is not None:
        rs.empty_message = empty
    rs.notes += notes
    return rs


def listing(
    env: Any,
    what: str,
    items: Sequence[Any],
    make: Callable[[Sequence[Any]], Any],
    *,
    limit: int | None,
    count: bool,
    format_: str | None,
    export: Path | None,
    fields: str | None,
    wide: bool,
    notes: Sequence[str] = (),
    empty: str | None = None,
) -> None:
    """``items`` cut as timeline cuts its events: --limit keeps the first N; --count
    prints their number alone (-f json {``what``: N}, what the footer counts: "facts").
    ``make``: the records of the rows kept, whose footer says what --limit left out
    ("3 of 34 facts (--limit 3)"). ``notes``: said under the table, or after the number
    on a watched stderr; ``empty``: why nothing is listed, said where "no facts match"
    would be (and on a watched stderr when piped); "" when the command said it already."""
    from barkhane_cli.render.records import tell

    shown = items if limit is None else items[:limit]
    if count:  # the number alone; the notes to a person watching stderr, never stdout
        from barkhane_cli.render.facets import write_count

        present(env, format_, export, lambda target, f: write_count(target, f, len(shown), what))
        for note in [empty if not shown else None, *notes]:
            if note:
                tell(env, note)
        return

    records(
        env, format_, export, fields, lambda: cut_records(items, make, limit, notes, empty), wide
    )
    if empty and not shown and given_format(env, format_) != "table":
        tell(env, empty)  # piped, to a person watching stderr, as timeline's notes are
