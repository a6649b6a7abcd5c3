"""Places inside places: the one hierarchy behind ``--place``, ``--country`` and ``countries``.

A place sits ``within`` another (village → region → country); an area that spans borders
lists its ``countries`` instead. Countries are places of kind ``country``. Old files that
give only a free-text ``country`` still work: the text is matched to a country place by
name or alias. Everything here is computed once, when the data loads.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping

from barkhane_cli import model as m
from barkhane_cli.resolve import normalize


def _country_index(places: Mapping[str, m.Place]) -> dict[str, str]:
    """Normalized names, aliases and ids of the country places → their ids."""
    index: dict[str, str] = {}
    for p in places.values():
        if p.kind == "country":
            for name in (p.id, p.name, *p.aliases):
                index.setdefault(normalize(name), p.id)
    return index


def country_key(text: str) -> str:
    """An id for a country named only in free text and absent from the places."""
    return "-".join(normalize(text).replace("'", "").split()) or text


def resolve_places(places: Mapping[str, m.Place]) -> tuple[dict[str, m.Place], list[str]]:
    """Every place with its ``countries`` filled in, and the ids caught in a ``within`` loop."""
    by_name = _country_index(places)
    done: dict[str, tuple[str, ...]] = {}
    loops: list[str] = []

    def countries_of(pid: str, seen: tuple[str, ...]) -> tuple[str, ...]:
        if pid in done:
            return done[pid]
        p = places.get(pid)
        if p is None:
            return ()
        if pid in seen:
            loops.append(pid)
            return ()
        if p.kind == "country":
            out: tuple[str, ...] = (p.id,)
        elif p.countries:
            out = tuple(sorted(set(p.countries)))
        elif p.within is not None:
            out = countries_of(p.within, (*seen, pid))
        elif p.country:
            out = (by_name.get(normalize(p.country)) or country_key(p.country),)
        else:
            out = ()
        done[pid] = out
        return out

    resolved = {
        pid: dataclasses.replace(p, countries=countries_of(pid, ())) for pid, p in places.items()
    }
    return resolved, sorted(set(loops))


def children(places: Mapping[str, m.Place]) -> dict[str, list[str]]:
    kids: dict[str, list[str]] = defaultdict(list)
    for p in places.values():
        if p.within is not None:
            kids[p.within].append(p.id)
    return kids


def contained(places: Mapping[str, m.Place], pid: str) -> frozenset[str]:
    """The place and every place inside it, at any depth; for a country, every place in it."""
    place = places.get(pid)
    if place is not None and place.kind == "country":
        return frozenset(p.id for p in places.values() if pid in p.countries)
    kids = children(places)
    out, todo = {pid}, [pid]
    while todo:
        for child in kids.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return frozenset(out)


def ancestors(places: Mapping[str, m.Place], pid: str) -> list[str]:
    """The chain of places containing ``pid``, nearest first (``tessit`` → region → country)."""
    out: list[str] = []
    current = places.get(pid)
    while current is not None and current.within is not None and current.within not in out:
        out.append(current.within)
        current = places.get(current.within)
    return out


def event_countries(places: Mapping[str, m.Place], place_ids: Iterable[str]) -> tuple[str, ...]:
    found: set[str] = set()
    for pid in place_ids:
        p = places.get(pid)
        if p is not None:
            found.update(p.countries)
    return tuple(sorted(found))


def point(places: Mapping[str, m.Place], pid: str) -> tuple[float, float] | None:
    """(lat, lon) of the place, else of the nearest place containing it that has one."""
    for candidate in (pid, *ancestors(places, pid)):
        p = places.get(candidate)
        if p is not None and p.lat is not None and p.lon is not None:
            return (p.lat, p.lon)
    return None
