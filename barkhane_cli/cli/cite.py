"""Citing what you use: cite (an entry's references), sources (the bibliography) and
source (one source, and what cites it)."""

from __future__ import annotations

from collections.abc import Callable
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
    CARRIED,
    CarriedOpt,
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
from barkhane_cli.errors import UsageError
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
            "without (unocha, UN OCHA and ocha are one). Up to three letters a name holds as "
            "a word is that word (us: US Department of State, not USAID, nor an outlet "
            "carrying its text, which --carried adds).",
            callback=refuses_blank("a publisher's name (barkhane sources lists them)"),
        ),
    ] = None,
    carried: CarriedOpt = False,
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
    rfi --year 2019 -f bibtex; with the outlets carrying its text too, barkhane sources
    --publisher afp --carried.
    """
    from barkhane_cli import lookup, orders, publisher_names, query
    from barkhane_cli.choices import choose
    from barkhane_cli.render.listings import source_records
    from barkhane_cli.render.records import tell

    env = make_env(color)
    # what was typed is checked before the data is read: the window and the kind
    first, last = query.date_range(parse_date("--since", since), parse_date("--until", until), year)
    if kind is not None:
        kind = choose(kind, model.SOURCE_KINDS, "kind")
    if carried and publisher is None:
        raise UsageError(
            f"{CARRIED} lists the outlets carrying a publisher's text; give --publisher too"
        )
    dataset = load(data)
    cited = lookup.citations(dataset)  # the Cited column and its order
    keys = orders.source_keys(cited)
    items = orders.ordered(dataset.sources.values(), sort, keys, orders.SOURCE_DEFAULT)
    if kind is not None:
        items = [s for s in items if s.kind == kind]
    if (first, last) != (None, None):
        items = [s for s in items if s.date is not None and s.date.within(first, last)]
    notes: list[str] = []
    matched: Callable[[model.Source], str] | None = None
    if publisher is not None:
        named = publisher_names.publishers(dataset, publisher)
        carriers = publisher_names.carriers(dataset, named)
        wanted = named | carriers.keys() if carried else named
        theirs = [carriers[s.publisher] for s in items if s.publisher in carriers]
        items = [s for s in items if s.publisher in wanted]
        if theirs and not carried:  # U57: 52 of AFP's, and not a word of 1,300 more
            notes.append(_carried_note(theirs))

        def how(s: model.Source) -> str:  # -f json's matched
            return "publisher" if s.publisher in named else "carried"

        matched = how

    def rows(kept: Any) -> Any:
        return source_records(dataset, kept, cited, matched)

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
        for note in notes:
            tell(env, note)
        return
    listing(
        env, "sources", items, rows,
        limit=limit, count=count, format_=format_, export=export, fields=fields, wide=wide,
        notes=notes,
    )  # fmt: skip


def _carried_note(carried: list[tuple[str, ...]]) -> str:
    """What --carried would add: "1,344 more sources carry AFP's text in another outlet
    (publisher 'Outlet (AFP)'): add --carried to list them", the bracket the one the
    record writes most (an agency short, as in its brackets: 'Outlet (AP)'). Whose text
    is said by the publishers ``carried`` names (each outlet's, publisher_names.carriers),
    not by all that --publisher named: `--publisher us` names US Department of State and
    US Weekly, and "their text" said both were carried where one was."""
    from collections import Counter

    from barkhane_cli.text import plural
    from barkhane_cli.validate.names import bracketed

    n = len(carried)
    by = Counter(name for names in carried for name in names)
    whose = f"{next(iter(by))}'s" if len(by) == 1 else "their"
    most = by.most_common(1)[0][0]
    return (
        f"{n:,} more {plural(n, 'source')} {plural(n, 'carries', 'carry')} {whose} text in "
        f"another outlet (publisher 'Outlet ({bracketed(most)})'): add {CARRIED} to list them"
    )
