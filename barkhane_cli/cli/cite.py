"""Citing what you use: cite (an entry's references), sources (the bibliography) and
source (one source, and what cites it)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from barkhane_cli import followups, model
from barkhane_cli.choices import listed
from barkhane_cli.cli.base import (
    load,
    looked_up,
    make_env,
    parse_date,
    present,
)
from barkhane_cli.cli.listing import cut_records, listing
from barkhane_cli.cli.options import (
    AN_ID,
    Color,
    ColorOpt,
    DataOpt,
    ExportOpt,
    FieldsOpt,
    LimitOpt,
    SinceOpt,
    SourceCountOpt,
    SourceFormatOpt,
    SourceSortOpt,
    UntilOpt,
    WideOpt,
    YearOpt,
    completes,
    refuses_blank,
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
    from barkhane_cli.render import records
    from barkhane_cli.render.citations import write

    fmt = format_ or "text"  # checked, in its own case, as --format is read (takes_formats)
    env = make_env(Color.never)
    dataset = load(data)
    write(env, fmt, citations.sources_of(dataset, ids))
    for wanted in ids:
        kind, ident, events = citations.events_named_after(dataset, wanted)
        if events:
            said = " or ".join(followups.command("cite", e) for e in events[:3])
            records.tell(env, f"cited the {kind} {ident}; the event is another entry: {said}")


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
    named = (Named(s.id, s.title) for s in dataset.sources.values())
    resolver = Resolver(named, "source", ("sources",), memo=dataset.memo("source-titles"))
    src = dataset.sources[looked_up(dataset, "source", resolver, ident)]
    citing = citations.cited_by(dataset, src.id)

    def show(target: Any, f: str | None) -> None:
        if f in CITATION_FORMATS:  # read as SourceFormatOpt's check gave it
            write(target, f, [src])
        else:  # and --export's terminal view, a citation format's too (it was dropped)
            emit_source(target, f, src, citing)

    present(env, format_, export, show)


def sources(
    kind: Annotated[
        str | None,
        typer.Option(
            help=f"Only this kind: {listed(model.SOURCE_KINDS)}.",
            shell_complete=completes(model.SOURCE_KINDS),
        ),
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option(
            help="Only this publisher's, as names are matched (accents and case aside): the "
            "one it names whole (rfi: RFI, not PressAfrik (RFI)), else those holding its "
            "words (radio france); or by its initials or the short form it is known by (hrw, "
            "icg, unsc; agence france-presse: AFP); a body of the UN with the UN's name or "
            "without (unocha, UN OCHA and ocha are one).",
            callback=refuses_blank("a publisher's name (barkhane sources lists them)"),
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    sort: SourceSortOpt = None,
    limit: LimitOpt = None,
    count: SourceCountOpt = False,
    format_: SourceFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> None:
    """The bibliography, with how many entries cite each source (the seed is 'seed').

    --format bibtex, csl-json or ris writes it for a reference manager (keys are the
    source ids); text gives author–date references. Every format lists the sources the
    filters keep, cut by --limit; --since/--until/--year keep those published in the
    window (an undated one is left out). Most cited first; --sort orders them, --limit
    keeps the first N, --count prints how many, as timeline's do: the ten most cited
    are barkhane sources -n 10; RFI's of 2019 for Zotero, barkhane sources --publisher
    rfi --year 2019 -f bibtex.
    """
    from barkhane_cli import lookup, orders, publisher_names, query
    from barkhane_cli.choices import choose
    from barkhane_cli.render.listings import source_records

    env = make_env(color)
    # what was typed is checked before the data is read: the window and the kind
    first, last = query.date_range(parse_date("--since", since), parse_date("--until", until), year)
    if kind is not None:
        kind = choose(kind, model.SOURCE_KINDS, "kind")
    dataset = load(data)
    cited = lookup.citations(dataset)  # the Cited column and its order
    keys = orders.source_keys(cited)
    items = orders.ordered(dataset.sources.values(), sort, keys, orders.SOURCE_DEFAULT)
    if kind is not None:
        items = [s for s in items if s.kind == kind]
    if publisher is not None:
        named = publisher_names.publishers(dataset, publisher)
        items = [s for s in items if s.publisher in named]
    if (first, last) != (None, None):
        items = [s for s in items if s.date is not None and s.date.within(first, last)]

    def rows(kept: Any) -> Any:
        return source_records(dataset, kept, cited)

    if format_ in CITATION_FORMATS and not count:  # read as SourceFormatOpt's check gave it
        from barkhane_cli.render.citations import write
        from barkhane_cli.render.records import emit

        kept = items if limit is None else items[:limit]
        # the order asked for, text's too; else a file in id order, so that one release's
        # export differs from the last only where sources do (text: by who and when)
        cited_out = kept if sort is not None else sorted(kept, key=keys["id"])

        def cites(target: Any, f: str | None) -> None:
            if f in CITATION_FORMATS:
                write(target, f, cited_out, by_who=sort is None)
                return
            # --export: the terminal view, the table -f table shows (it was dropped, and
            # no file written, with exit 0)
            emit(target, f, cut_records(items, rows, limit), fields, wide)

        present(env, format_, export, cites)
        return
    listing(
        env, "sources", items, rows,
        limit=limit, count=count, format_=format_, export=export, fields=fields, wide=wide,
    )  # fmt: skip
