"""The event filters timeline, map, compare and gaps share: declared once, turned into a
query once (base.query_of, the path every command's filters take)."""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from typing import Any

from barkhane_cli.atomic import is_utf8, typed
from barkhane_cli.cli.base import parse_date
from barkhane_cli.errors import UsageError, quoted


def event_filters(
    since: str | None,
    until: str | None,
    year: int | None,
    actor: list[str] | None,
    perpetrator: list[str] | None,
    target: list[str] | None,
    place: list[str] | None,
    country: list[str] | None,
    type_: list[str] | None,
    tag: list[str] | None,
    not_tag: list[str] | None,
    search: str | None,
    aftermath: bool,
) -> dict[str, Any]:
    """The filter options as query.build_query's arguments; dates are checked here, before
    any data is loaded, so a bad date costs nothing."""
    return {
        "since": parse_date("--since", since),
        "until": parse_date("--until", until),
        "year": year,
        "actors": actor or (),
        "perpetrators": perpetrator or (),
        "targets": target or (),
        "places": place or (),
        "countries": country or (),
        "types": type_ or (),
        "tags": tag or (),
        "not_tags": not_tag or (),
        "search": search_words(search),
        "aftermath": aftermath,
    }


# What every command taking search words (--search, search, facts) says when they are
# given but hold nothing to find: an unset shell variable (`--search "$q"`) listed every
# event, exit 0, where `search ""` said this.
NO_SEARCH_TEXT = "give some text to search for"


def search_words(search: str | None, option: str = "--search") -> str | None:
    """What was typed to search, as given (None when nothing was), or a usage error: for
    words given that hold nothing to find (blank, or a pair of quotes), which matched
    everything and said nothing (U21); for a quote not closed, a phrase read as loose
    words finds more than was asked for, and nothing said so (U19). ``option`` is how
    the words were given (``--search``, or the command: ``search``, ``facts``)."""
    from barkhane_cli.search import closed_quote, parse

    if search is not None and not parse(search):  # blank, or only quotes ('""')
        raise UsageError(NO_SEARCH_TEXT)
    if search is not None and not is_utf8(search):  # was searched without the byte
        raise UsageError(f"{option} {typed(search)}: is not UTF-8 text; {NO_SEARCH_TEXT}")
    closed = None if search is None else closed_quote(search)
    if closed is not None:
        raise UsageError(
            f"{option}: a quote is not closed in {quoted(search or '')}: close it to find a "
            f"phrase ({option} {shlex.quote(closed)}), or leave it out to find the words anywhere"
        )
    return search


def window_notes(q: Any) -> list[str]:
    """An event view's note when its window (--since/--until/--year) lies wholly outside
    the record, as summary's (briefing.window_note); none without a window. Read only
    then: briefing (lookup and forecasts under it) is no import of every timeline and map
    run, piped or drawn, for a note that needs a window."""
    if q.first is None and q.last is None:
        return []
    from barkhane_cli.briefing import window_note

    note = window_note(q.first, q.last, "events", q.aftermath)
    return [note] if note else []


def namesake_notes(dataset: Any, places: Iterable[str], option: str = "--place") -> list[str]:
    """For --place NAME that is a town sharing its name with a region: say so, and how to
    ask for the region ("Ménaka is the town; the Ménaka Region is --place menaka-region").
    Every view of the filtered events says it (timeline's footer, map's legend). Once a
    town (``--place diffa --place Diffa`` said it twice), and not when the region is asked
    for too (``--place diffa --place diffa-region`` lists its events already)."""
    from barkhane_cli import geo, lookup, query

    resolver = query.place_resolver(dataset)
    asked = dict.fromkeys(resolver.resolve(name) for name in places)
    notes = []
    for pid in asked:
        note = lookup.namesake_note(dataset, pid, lambda region: f"{option} {region}")
        if note is not None and geo.namesake_region(dataset.places, pid) not in asked:
            notes.append(note)
    return notes


def covers_notes(dataset: Any, places: Iterable[str]) -> list[str]:
    """For each --place NAME that is an area made of regions or spanning countries, what
    it covers and the command that tells it (lookup.covers_note): its events are in
    places the name does not say (`--place liptako` lists Kidal's and Ouagadougou's)."""
    from barkhane_cli import lookup, query

    resolver = query.place_resolver(dataset)
    asked = dict.fromkeys(resolver.resolve(name) for name in places)
    return [note for pid in asked if (note := lookup.covers_note(dataset, pid)) is not None]


def place_notes(dataset: Any, places: Iterable[str]) -> list[str]:
    """What every view of events filtered by --place says of the places asked for: a town
    named as its region (namesake_notes), an area wider than its name (covers_notes).
    Declared once for the table's footer, --count, --facet, the machine formats' stderr,
    map and chart (U50: `--place mopti --count` printed 0 and nothing else, where the
    table said the Mopti Region is --place mopti-region)."""
    places = list(places)
    return namesake_notes(dataset, places) + covers_notes(dataset, places)


def names_read(dataset: Any, filters: dict[str, Any]) -> list[str]:
    """What each name given to a filter was read as, for one not given as its id: "target:
    France (france)". --count and --facet print no event, so nothing else shows that
    `--target french` became France (U18). Called after query_of, which has checked every
    name; a name given twice, or two names of one entry, is said once."""
    from functools import cache

    from barkhane_cli import query

    # each resolver built once, when a name needs it (a build costs ~1 ms, as much as
    # reading every name given)
    by_actor = cache(lambda: query.actor_resolver(dataset))
    by_place = cache(lambda: query.place_resolver(dataset))
    by_country = cache(lambda: query.country_resolver(dataset))

    def actor(name: str) -> tuple[str, str]:
        ident = by_actor().resolve(name)
        return dataset.actors[ident].name, ident

    def place(name: str) -> tuple[str, str]:
        ident = by_place().resolve(name)
        return dataset.places[ident].name, ident

    def country(name: str) -> tuple[str, str]:
        ident = by_country().resolve(name)
        return query.country_names(dataset, [ident])[0], ident

    said: dict[str, None] = {}
    for key, label, read in (
        ("actors", "actor", actor),
        ("perpetrators", "perpetrator", actor),
        ("targets", "target", actor),
        ("places", "place", place),
        ("countries", "country", country),
    ):
        for name in filters.get(key) or ():
            entry, ident = read(name)
            if name != ident:  # a country only a user file names has no name but its id
                said[f"{label}: {entry} ({ident})" if entry != ident else f"{label}: {ident}"] = (
                    None
                )
    return list(said)


def filters_said(dataset: Any, filters: dict[str, Any], min_deaths: int | None) -> str:
    """The filters given, as the title says them, by name: "in Burkina Faso; actor JNIM;
    type attack" (U17 read "countries burkina", the words typed, atop the SVG). One
    option given twice matches either, so its values are joined by "or". map's title
    and chart's say them (U33: chart took --actor and said nothing of it)."""
    from functools import cache

    from barkhane_cli import geo, query
    from barkhane_cli.lookup import the_place

    def either(values: list[str]) -> str:
        return " or ".join(dict.fromkeys(values))

    # built once for --actor, --perpetrator and --target alike (when one is given), not
    # once an option
    by_actor = cache(lambda: query.actor_resolver(dataset))

    def actors(names: list[str]) -> str:
        return either([dataset.actors[by_actor().resolve(n)].label for n in names])

    parts = []
    if filters["places"]:
        resolver = query.place_resolver(dataset)
        named = [the_place(dataset.places[resolver.resolve(p)]) for p in filters["places"]]
        parts.append(f"in {either(named)}")
    if filters["countries"]:
        by_country = query.country_resolver(dataset)
        ids = [by_country.resolve(c) for c in filters["countries"]]
        # one namer for all of them, in the order given (query.country_names sorts by id)
        name = geo.country_namer(dataset.places)
        parts.append(f"in {either([name(c) for c in ids])}")
    for key, lead in (("actors", "actor"), ("perpetrators", "by"), ("targets", "against")):
        if filters[key]:
            parts.append(f"{lead} {actors(list(filters[key]))}")
    for key, lead in (("types", "type"), ("tags", "tag"), ("not_tags", "not tag")):
        if filters[key]:
            parts.append(f"{lead} {either([v.strip().lower() for v in filters[key]])}")
    if filters["search"]:
        parts.append(f'words "{filters["search"]}"')
    if min_deaths is not None:
        parts.append(f"at least {min_deaths} dead")
    if filters["aftermath"]:
        parts.append("with the aftermath")
    return "; ".join(parts)
