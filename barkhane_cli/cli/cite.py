"""Citing what you use: cite (an entry's references) and source (one source, and what cites it)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from barkhane_cli.cli.base import (
    load,
    looked_up,
    make_env,
    present,
)
from barkhane_cli.cli.options import (
    AN_ID,
    Color,
    ColorOpt,
    DataOpt,
    ExportOpt,
    SourceFormatOpt,
    takes_formats,
)
from barkhane_cli.formats import CITATION_FORMATS


def cite(
    ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...",
            help="Event, fact, actor, place, era or source ids (KIND:ID where an id names "
            "several, e.g. event:serval).",
            callback=AN_ID,
        ),
    ],
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text (author–date, the default), bibtex, csl-json or ris.",
            callback=takes_formats(CITATION_FORMATS),
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    """The references the given entries rest on, ready to paste into a bibliography.

    Each source appears once; entry keys are the source ids, so they stay the same from
    one release to the next.
    """
    from barkhane_cli import cite as citations
    from barkhane_cli.render.citations import write

    fmt = format_ or "text"  # checked, in its own case, as --format is read (takes_formats)
    env = make_env(Color.never)
    dataset = load(data)
    write(env, fmt, citations.sources_of(dataset, ids))


def source(
    ident: Annotated[str, typer.Argument(metavar="ID", help="Source id.", callback=AN_ID)],
    format_: SourceFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
) -> None:
    """One source: its title, publisher, date and address, and every entry that cites it
    with what it says the source supports. bibtex, csl-json, ris and text cite it."""
    from barkhane_cli import cite as citations
    from barkhane_cli.render.citations import write
    from barkhane_cli.render.sources import emit_source
    from barkhane_cli.resolve import Named, Resolver

    env = make_env(color)
    dataset = load(data)
    resolver = Resolver(
        (Named(s.id, s.title) for s in dataset.sources.values()), "source", "barkhane sources"
    )
    src = dataset.sources[looked_up(dataset, "source", resolver, ident)]
    if format_ in CITATION_FORMATS:  # read as SourceFormatOpt's check gave it
        write(env, format_, [src])
        return
    citing = citations.cited_by(dataset, src.id)

    def show(target: Any, f: str | None) -> None:
        emit_source(target, f, src, citing)

    present(env, format_, export, show)
