"""--count and --facet FIELD: how many events match, and how many have each value of a
field, the summary gh's --json + --jq, rg's --count and Datasette's facets give.

An event counts once for each distinct value it has (an attack by two groups counts for
each), so facet counts may add up to more than the events; an event without a value
counts under NONE_LABEL in a table (null in JSON, empty in CSV). Values are ordered most events first,
then by name; years are in date order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from barkhane_cli import model as m

# What a table shows for events with no value: "(none named)" rather than "(none)", because
# for perpetrators it mostly means the sources name no attacker, not that there was none.
NONE_LABEL = "(none named)"

# The facets, each with what it reads from an event, and whose names its ids are.
FACETS: dict[str, tuple[Callable[[m.Event], Iterable[str]], str | None]] = {
    "type": (lambda e: (e.type,), None),
    "year": (lambda e: (str(e.date.year),), None),
    "country": (lambda e: e.countries, "places"),
    "perpetrator": (lambda e: e.perpetrators, "actors"),
    "target": (lambda e: e.targets, "actors"),
    "actor": (lambda e: e.actors, "actors"),
    "place": (lambda e: e.places, "places"),
    "tag": (lambda e: e.tags, None),
}


@dataclass(frozen=True, slots=True)
class Bucket:
    value: str | None  # None: the events with no value for the field
    name: str  # the actor's or place's name for an id; else the value
    events: int


def facet(data: m.Dataset, events: Iterable[m.Event], field: str) -> list[Bucket]:
    """How many of ``events`` have each value of ``field`` (a key of FACETS)."""
    read, table = FACETS[field]
    counts: Counter[str | None] = Counter()
    for e in events:
        values: list[str | None] = list(dict.fromkeys(read(e)))
        counts.update(values or [None])
    names = getattr(data, table) if table else {}

    def name(value: str | None) -> str:
        if value is None:
            return ""
        entry = names.get(value)
        return entry.name if entry is not None else value

    buckets = [Bucket(v, name(v), n) for v, n in counts.items()]
    if field == "year":
        return sorted(buckets, key=lambda b: b.value or "")
    return sorted(buckets, key=lambda b: (b.value is None, -b.events, b.name.casefold()))
