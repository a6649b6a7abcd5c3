"""The event filters timeline, map, compare and gaps share: declared once, turned into a
query once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from barkhane_cli.cli.base import parse_date, point_to_search


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
        "search": search,
        "aftermath": aftermath,
    }


def built(dataset: Any, data: list[Path] | None, filters: dict[str, Any], **more: Any) -> Any:
    """query.build_query over the filters; a name no actor or place matches but events
    carry points to the search that finds them (`timeline --actor petronin`, U12)."""
    from barkhane_cli import query
    from barkhane_cli.errors import NotFoundError

    try:
        return query.build_query(dataset, **filters, **more)
    except NotFoundError:
        for which, key, resolver in (
            ("actor", "actors", query.actor_resolver),
            ("actor", "perpetrators", query.actor_resolver),
            ("actor", "targets", query.actor_resolver),
            ("place", "places", query.place_resolver),
        ):
            for name in filters.get(key) or ():
                point_to_search(data, which, resolver(dataset), name)
        raise
