"""What timeline's footer says of a --type beyond its rows: the events of a kin type the
query leaves out (model.kin_types) and those of a part of the type's definition, by the
tag they carry (model.TYPE_PARTS). Each takes ``select``, the events a query matches as
the command reads them. Apart from timeline.py, which was past 500 lines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from barkhane_cli.model import TYPE_PARTS, Event, kin_types
from barkhane_cli.resolve import normalize
from barkhane_cli.text import and_joined, plural


def type_parts(select: Callable[[Any], Iterable[Event]], q: Any) -> list[str]:
    """For --type T whose definition has a part its events are tagged with (model.
    TYPE_PARTS), how many of the events listed carry that tag and how to leave them out,
    as the footer's other notes give an option: "5 of these 18 coup-attempt events carry
    the tag mutiny: add --not-tag mutiny to leave them out"; "the coup-attempt event
    carries ..." when it is the one listed (`--search kindia` said "1 of these 1
    coup-attempt events carry"). Counted from the tag, so an event tagged later is
    counted too; nothing when --tag or --not-tag already names the tag, or no event
    listed carries it."""
    asked = {t: TYPE_PARTS[t] for t in sorted(q.types) if t in TYPE_PARTS}
    asked = {t: tag for t, tag in asked.items() if tag not in q.tags | q.not_tags}
    if not asked:
        return []
    found = list(select(replace(q, limit=None)))
    notes = []
    for kind, tag in asked.items():
        of = [e for e in found if e.type == kind]
        n = sum(1 for e in of if tag in map(normalize, e.tags))
        if not n:
            continue
        if n < len(of):
            which = f"{n} of these {len(of)} {kind} events"
        else:
            which = f"the {kind} event" if n == 1 else f"all {n} {kind} events"
        notes.append(
            f"{which} {plural(n, 'carries', 'carry')} the tag {tag}: "
            f"add --not-tag {tag} to leave {plural(n, 'it', 'them')} out"
        )
    return notes


def kin_types_left_out(select: Callable[[Any], Iterable[Event]], q: Any) -> list[str]:
    """The events of a type kin to those asked for (model.kin_types: one incident coded
    either way, an attack on villagers or a massacre) that the same query, without
    --type, would list: "5 battle and 3 massacre events not listed: add --type battle
    --type massacre". U34's `timeline --type attack --country bf --year 2021
    --min-deaths 20` left out Solhan unsaid."""
    kin = kin_types(q.types)
    found = Counter(e.type for e in select(replace(q, types=kin, limit=None))) if kin else {}
    if not found:
        return []
    types = sorted(found)
    parts = [f"{found[t]} {t}" for t in types]
    said = and_joined(parts)
    events = plural(sum(found.values()), "event")
    return [f"{said} {events} not listed: add {' '.join(f'--type {t}' for t in types)}"]
