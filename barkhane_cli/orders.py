"""The orders each list's --sort takes (facts, actors, places, sources), declared once: a list's
table of keys by name is what its --sort help lists, what TAB completes and what the
check of what was typed accepts (as timeline's read query.SORTS). A leading minus is
newest, largest or last first, as timeline's --sort reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from barkhane_cli import model as m
from barkhane_cli.choices import choose
from barkhane_cli.resolve import name_order

T = TypeVar("T")
Keys = Mapping[str, Callable[[T], Any]]


def signed(keys: Iterable[str]) -> tuple[str, ...]:
    """Every order a table of keys gives: each key, then it with a minus."""
    return tuple(sign + key for key in keys for sign in ("", "-"))


def ordered(
    items: Iterable[T], sort: str | None, keys: Keys[T], default: str | None = None
) -> list[T]:
    """``items`` in the order --sort names by ``keys``, whose first is the list's own
    order: the one given no --sort, and the one ties keep (Python's sort is stable, a
    minus included), so the same command prints the same rows. ``default``: the order
    given no --sort when it is not the first key as it stands (sources: most cited
    first, "-cited", ties in id order). An item whose key is None comes last either way
    (a figure with no value). An order not among ``keys`` is a usage error listing them,
    as facts --sort had it."""
    first_key = next(iter(keys))
    order = default or first_key
    if sort is not None:
        order = choose(sort, signed(keys), "--sort value")
    key = keys[order.lstrip("-")]
    first = sorted(items, key=keys[first_key])
    valued = [x for x in first if key(x) is not None]
    missing = [x for x in first if key(x) is None]
    return sorted(valued, key=key, reverse=order.startswith("-")) + missing


def _value(f: m.Fact) -> float | None:
    """What a figure orders by: its value, else the top of its range (a figure given only
    as "up to 1,000" orders as 1,000), else the bottom; None for a figure with none."""
    return next((v for v in (f.value, f.high, f.low) if v is not None), None)


FACT_KEYS: dict[str, Callable[[m.Fact], Any]] = {
    "date": lambda f: (f.as_of.first(), f.id),  # as of: the listing's own order
    "value": _value,
    "id": lambda f: f.id,
}
FACT_SORTS = signed(FACT_KEYS)


# The keys of actors and places are made for a run: how many events name each (the list's
# Events column, counted once for the column and the order alike) is known only then.
def actor_keys(events: Mapping[str, int]) -> dict[str, Callable[[m.Actor], Any]]:
    """actors --sort's keys; ``events``: how many events name each actor, by id."""
    return {
        "kind": lambda a: (a.kind, name_order(a.name)),  # the listing's own order
        "name": lambda a: name_order(a.name),  # as names are matched: accents, case aside
        "id": lambda a: a.id,
        "events": lambda a: events.get(a.id, 0),
    }


def place_keys(
    events: Mapping[str, int], countries: Callable[[m.Place], str]
) -> dict[str, Callable[[m.Place], Any]]:
    """places --sort's keys; ``events``: how many events are at or within each place, by
    id; ``countries``: the names of the countries a place lies in, as its row shows them."""
    return {
        # the listing's own order: by country, the country itself first, then by name
        "country": lambda p: (name_order(countries(p)), p.kind != "country", name_order(p.name)),
        "name": lambda p: name_order(p.name),
        "id": lambda p: p.id,
        "events": lambda p: events.get(p.id, 0),
    }


def source_keys(cited: Mapping[str, int]) -> dict[str, Callable[[m.Source], Any]]:
    """sources --sort's keys; ``cited``: how many entries cite each source, by id (the
    Cited column). Id first: what ties keep, as the bibliography was always ordered."""
    return {
        "id": lambda s: s.id,
        "cited": lambda s: cited.get(s.id, 0),
        "date": lambda s: s.date.first() if s.date else None,  # undated last, either way
        "publisher": lambda s: name_order(s.publisher),
        "title": lambda s: name_order(s.title),
    }


# The bibliography's own order, given no --sort: the most cited first (as it was listed).
SOURCE_DEFAULT = "-cited"


# The names alone, for --sort's help and TAB completion before any data is read.
ACTOR_SORTS = signed(actor_keys({}))
PLACE_SORTS = signed(place_keys({}, lambda p: ""))
SOURCE_SORTS = signed(source_keys({}))
