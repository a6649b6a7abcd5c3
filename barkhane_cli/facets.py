"""--count and --facet FIELD: how many events match, and how many have each value of a
field, the summary gh's --json + --jq, rg's --count and Datasette's facets give; two
--facet options count each pair of values (a cross-tab: events by country and year).

An event counts once for each distinct value it has (an attack by two groups counts for
each), so facet counts may add up to more than the events; an event without a value
counts under NONE_LABEL in a table (null in JSON, empty in CSV). Values are ordered most events first,
then by name; years are in date order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import product
from typing import Generic, Protocol, TypeVar

from barkhane_cli import geo
from barkhane_cli import model as m
from barkhane_cli.resolve import name_order

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
    # how the perpetrators are known (m.ATTRIBUTIONS): the one suspected JNIM attack apart
    # from the claimed ones, which the perpetrator facet counts alike (U50 #11)
    "attribution": (lambda e: (e.attribution,) if e.attribution else (), None),
}


def name_key(field: str) -> str:
    """The key (a file's column) of an id's name beside its value, wherever a facet's
    rows go out: one --facet, two, and chart --facet alike (``country_name``). One facet
    keyed it ``name`` while two keyed it so, and a script read one shape or the other
    (U30)."""
    return f"{field}_name"


# The fields `chart --facet` draws a panel of bars for, one per value: every facet but
# the year, which the bars already are.
PANEL_FACETS = tuple(name for name in FACETS if name != "year")
# A terminal's chart draws at most this many panels, those of the values with most events:
# `chart --facet place` on the whole record drew 382, some 5,000 lines. The fields of a
# short declared list (14 countries, 16 event types) are drawn whole; data formats hold
# every panel.
MAX_PANELS = 12
WHOLE_PANELS = ("country", "type")


@dataclass(frozen=True, slots=True)
class Bucket:
    value: str | None  # None: the events with no value for the field
    name: str  # the actor's or place's name for an id; else the value
    events: int


@dataclass(frozen=True, slots=True)
class Pair:
    """The events that have one value of each of two fields (a cell of a cross-tab)."""

    first: Bucket  # its ``events`` is the pair's count, as is the second's
    second: Bucket

    @property
    def events(self) -> int:
        return self.first.events


def _values(field: str, e: m.Event) -> list[str | None]:
    """An event's distinct values of ``field``; [None] when it has none."""
    values: list[str | None] = list(dict.fromkeys(FACETS[field][0](e)))
    return values or [None]


def _namer(data: m.Dataset, field: str) -> Callable[[str | None], str]:
    if field == "country":  # one no place entry holds too, as every view names it
        country = geo.country_namer(data.places)
        return lambda value: "" if value is None else country(value)
    table = FACETS[field][1]
    names = getattr(data, table) if table else {}

    def name(value: str | None) -> str:
        if value is None:
            return ""
        entry = names.get(value)
        return entry.name if entry is not None else value

    return name


def facet(data: m.Dataset, events: Iterable[m.Event], field: str) -> list[Bucket]:
    """How many of ``events`` have each value of ``field`` (a key of FACETS)."""
    counts: Counter[str | None] = Counter()
    for e in events:
        counts.update(_values(field, e))
    return _ordered(data, field, counts)


def _ordered(data: m.Dataset, field: str, counts: Counter[str | None]) -> list[Bucket]:
    """The buckets of these counts in facet's order (most events first, then by name;
    years in date order)."""
    name = _namer(data, field)
    buckets = [Bucket(v, name(v), n) for v, n in counts.items()]
    if field == "year":
        return sorted(buckets, key=lambda b: b.value or "")
    return sorted(buckets, key=lambda b: (b.value is None, -b.events, name_order(b.name)))


def facet_pairs(data: m.Dataset, events: Iterable[m.Event], first: str, second: str) -> list[Pair]:
    """How many of ``events`` have each pair of a value of ``first`` and one of ``second``:
    an event counts once for each distinct pair. Pairs come in the first field's order as
    ``facet`` gives it, then the second's, so a cross-tab reads like its two facets."""
    found = list(events)
    counts: Counter[tuple[str | None, str | None]] = Counter()
    for e in found:
        counts.update(product(_values(first, e), _values(second, e)))
    rank = {
        field: {b.value: n for n, b in enumerate(facet(data, found, field))}
        for field in (first, second)
    }
    name_1, name_2 = _namer(data, first), _namer(data, second)
    pairs = [Pair(Bucket(a, name_1(a), n), Bucket(b, name_2(b), n)) for (a, b), n in counts.items()]
    return sorted(pairs, key=lambda p: (rank[first][p.first.value], rank[second][p.second.value]))


class Folds(Protocol):
    """What Panels keeps of each value's events: something that reads them one by one."""

    def add(self, e: m.Event) -> None: ...


F = TypeVar("F", bound=Folds)


class Panels(Generic[F]):
    """Each value of ``field`` with what ``start`` folds of its events, read as they
    stream past: a view of one panel per value (chart --facet) keeps a fold per value
    met, not the events (a million imported events held took gigabytes, K77)."""

    def __init__(self, field: str, start: Callable[[], F]) -> None:
        self.field = field
        self.start = start
        self.counts: Counter[str | None] = Counter()  # value -> its events, as facet counts
        self.folds: dict[str | None, F] = {}

    def add(self, e: m.Event) -> None:
        for v in _values(self.field, e):
            self.counts[v] += 1
            fold = self.folds.get(v)
            if fold is None:
                fold = self.folds[v] = self.start()
            fold.add(e)

    def ordered(self, data: m.Dataset, only: Iterable[str] = ()) -> list[tuple[Bucket, F]]:
        """Each value with its fold, in ``facet``'s order; with ``only``, just those values
        (``chart --country mali --facet country``: an event in Mali and Niger must not add
        a panel for Niger)."""
        wanted = set(only)
        buckets = _ordered(data, self.field, self.counts)
        return [(b, self.folds[b.value]) for b in buckets if not wanted or b.value in wanted]


def mixed_attributions(events: Iterable[m.Event]) -> dict[str, Counter[str]]:
    """Each perpetrator whose events name it by more than one attribution (m.ATTRIBUTIONS:
    claimed, attributed, suspected), with how many by each: what a perpetrator facet counts
    alike, and says it does."""
    by: dict[str, Counter[str]] = {}
    for e in events:
        for p in dict.fromkeys(e.perpetrators):
            by.setdefault(p, Counter())[e.attribution or "unknown"] += 1
    return {p: c for p, c in by.items() if len(c) > 1}
