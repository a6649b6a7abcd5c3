"""The event filters timeline and map share: declared once, turned into a query once."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from barkhane_cli.cli.base import parse_date

YearOpt = Annotated[int | None, typer.Option(help="Only this year.", min=1, max=9999)]
PerpetratorOpt = Annotated[
    list[str] | None,
    typer.Option(
        help="Who carried it out, counting groups that were part of it at the time (repeatable)."
    ),
]
TargetOpt = Annotated[
    list[str] | None, typer.Option(help="Who was attacked, counted the same way (repeatable).")
]
PlaceOpt = Annotated[
    list[str] | None,
    typer.Option("--place", "-p", help="At this place or anywhere within it (id, name or alias)."),
]
CountryOpt = Annotated[
    list[str] | None,
    typer.Option(help="In this country: id, name or alias such as BF (repeatable)."),
]
TagOpt = Annotated[list[str] | None, typer.Option(help="Tag (repeatable).")]
SearchOpt = Annotated[
    str | None, typer.Option("--search", "-s", help="Literal text in title or summary.")
]
AftermathOpt = Annotated[bool, typer.Option(help="Include the events after 9 November 2022.")]


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
        "search": search,
        "aftermath": aftermath,
    }
