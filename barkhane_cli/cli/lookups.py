"""The lookup commands: actor, actors, place, places, event, fact, facts, search."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

import typer

from barkhane_cli import followups, model
from barkhane_cli.choices import choose, listed
from barkhane_cli.cli.base import (
    folded,
    footer_seen,
    load,
    looked_up,
    make_env,
    marked,
    open_data,
    parse_date,
    present,
    read_as,
    resolved,
    typed_params,
    window,
)
from barkhane_cli.cli.filters import names_read, search_words
from barkhane_cli.cli.listing import listing
from barkhane_cli.cli.options import (
    A_COUNTRY,
    A_PLACE,
    AN_ACTOR,
    AN_ID,
    STEMS_HELP,
    ActorCountOpt,
    ActorSortOpt,
    AftermathOpt,
    Color,
    ColorOpt,
    CountOpt,
    CountryOpt,
    DataOpt,
    EventLimitOpt,
    ExportOpt,
    FacetOpt,
    FactCountOpt,
    FactSortOpt,
    FieldsOpt,
    FormatOpt,
    KeepMatchedOpt,
    LimitOpt,
    ListFormatOpt,
    MinDeathsOpt,
    PlaceCountOpt,
    PlaceSortOpt,
    RecordFormatOpt,
    ResultCountOpt,
    SinceOpt,
    SortOpt,
    TypeOpt,
    UntilOpt,
    WideOpt,
    WithinOpt,
    YearOpt,
)
from barkhane_cli.errors import quoted
from barkhane_cli.text import counted, plural


@dataclass(frozen=True)
class Slice:
    """The event filters an actor's or a place's card takes, as timeline has them."""

    since: str | None = None
    until: str | None = None
    year: int | None = None
    types: list[str] | None = None
    limit: int | None = None
    aftermath: bool = False
    min_deaths: int | None = None
    sort: str | None = None
    count: bool = False
    facet: list[str] | None = None
    keep_matched: bool = False  # an import's records paired with a curated event kept


# The parameters of a card's slice that narrow its events (--limit and --sort cut or
# order what matched; they leave none out).
_NARROWING = frozenset({"since", "until", "year", "type_", "min_deaths"})


def _no_events(name: str, later: int) -> str:
    """What an actor's or a place's card says when its slice holds no event, as timeline
    says "no events match" (U32: `actor wagner --year 2020` dropped the section without a
    word), naming the filters as typed: "--year 2020 --type attack"; ``later``: how many
    events --aftermath would add."""
    said = " ".join(typed_params(_NARROWING.__contains__))
    line = f"No events of {name}" + (f" match {said}" if said else "")
    if later:
        line += f"; {counted(later, 'event')} after the record: add --aftermath"
    return line + "."


def _profile(
    which: str,
    name: str,
    cut: Slice,
    format_: str | None,
    fields: str | None,
    color: str,
    export: Path | None,
    data: list[Path] | None,
    wide: bool = False,
) -> None:
    """An actor's or a place's card with its own slice of the timeline."""
    from barkhane_cli import query
    from barkhane_cli.cli.timeline import summarized
    from barkhane_cli.render.cards import emit_card
    from barkhane_cli.render.profiles import actor_card, place_card

    env = make_env(color)
    start, end = parse_date("--since", cut.since), parse_date("--until", cut.until)
    loaded = open_data(data)
    dataset = loaded.data  # every table; the events come from loaded.select
    ident = resolved(dataset, data, which, name)
    read_as(env, dataset, which, name, ident)
    q = query.build_query(
        dataset,
        since=start,
        until=end,
        year=cut.year,
        actors=[ident] if which == "actor" else (),
        places=[ident] if which == "place" else (),
        types=cut.types or (),
        limit=cut.limit,
        aftermath=cut.aftermath,
        min_deaths=cut.min_deaths,
        sort=cut.sort,
    )
    # an import's records paired with a curated event counted once, as timeline does
    listed = not (cut.count or cut.facet)
    q, fold_note, pairs = folded(loaded, q, cut.keep_matched, listed=listed)
    notes = [fold_note] if fold_note else []
    # a facet counts every matching event: --limit then keeps its top rows (write_facet)
    events = list(query.arranged(loaded.select, replace(q, limit=None) if cut.facet else q))
    if cut.keep_matched and pairs:
        events = list(marked(events, pairs))
    if which == "place":  # each event at its places within this one, as --place gives it
        from barkhane_cli.mapping import placed_within

        events = [placed_within(dataset.places, e, q.places) for e in events]
    said = names_read(dataset, {f"{which}s": [name]}) if cut.count or cut.facet else []
    limit = cut.limit if cut.facet else None
    if summarized(
        env, dataset, events, cut.count, cut.facet, format_, export, said, notes=notes,
        limit=limit,
    ):  # fmt: skip
        return
    if which == "actor":
        card = actor_card(dataset, dataset.actors[ident], events)
    else:
        card = place_card(dataset, dataset.places[ident], events)
    card.notes = notes
    if cut.limit is not None and len(events) >= cut.limit:  # say what --limit left out
        card.total = sum(1 for _ in loaded.select(replace(q, limit=None, sort="date")))
        card.limit = cut.limit
    if not events and card.total:  # -n 0 of events that matched: not "No events" (U45)
        from barkhane_cli.render.table import cut_said

        card.no_events = cut_said(0, card.total, plural(card.total, "event"), cut.limit)
    elif not events:
        later = 0 if cut.aftermath else sum(1 for _ in loaded.select(replace(q, aftermath=True)))
        card.no_events = _no_events(card.title, later)
    present(
        env,
        format_,
        export,
        lambda target, f: emit_card(target, f, card, dataset, fields, wide),
    )


def actor(
    name: Annotated[str, typer.Argument(help="Id, name or alias.", callback=AN_ACTOR)],
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    type_: TypeOpt = None,
    min_deaths: MinDeathsOpt = None,
    limit: EventLimitOpt = None,
    sort: SortOpt = None,
    aftermath: AftermathOpt = False,
    count: CountOpt = False,
    facet: FacetOpt = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
    keep_matched: KeepMatchedOpt = False,
) -> None:
    """An actor's profile: aliases, affiliations, facts, sources and its own timeline.

    tsv and csv print the actor's events; json prints the whole profile.

    The event filters are timeline's (--year, --since/--until, --type, --limit, --sort,
    --min-deaths, --aftermath); --count and --facet summarise the actor's events.
    """
    cut = Slice(
        since, until, year, type_, limit, aftermath, min_deaths, sort, count, facet, keep_matched
    )
    _profile("actor", name, cut, format_, fields, color, export, data, wide)


def actors(
    kind: Annotated[
        str | None,
        typer.Option(help=f"Only this kind: {listed(model.ACTOR_KINDS)}."),
    ] = None,
    sort: ActorSortOpt = None,
    limit: LimitOpt = None,
    count: ActorCountOpt = False,
    format_: ListFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> None:
    """All actors, one per row, with how many events name them.

    By kind, then name; --sort orders them (name, id, events), --limit keeps the first
    N, --count prints how many, as timeline's do: the ten actors named in most events
    are barkhane actors --sort -events -n 10.
    """
    from barkhane_cli import lookup, model, orders
    from barkhane_cli.render.listings import actor_records

    env = make_env(color)
    dataset = load(data)
    events = lookup.event_counts(dataset, "actors")  # the Events column and its order
    # a --sort not among the orders is refused before any actor is looked at
    items = orders.ordered(dataset.actors.values(), sort, orders.actor_keys(events))
    if kind is not None:
        kind = choose(kind, model.ACTOR_KINDS, "kind")
        items = [a for a in items if a.kind == kind]
    listing(
        env, "actors", items, lambda shown: actor_records(dataset, shown, events),
        limit=limit, count=count, format_=format_, export=export, fields=fields, wide=wide,
    )  # fmt: skip


def place(
    name: Annotated[str, typer.Argument(help="Id, name or alias.", callback=A_PLACE)],
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    type_: TypeOpt = None,
    min_deaths: MinDeathsOpt = None,
    limit: EventLimitOpt = None,
    sort: SortOpt = None,
    aftermath: AftermathOpt = False,
    count: CountOpt = False,
    facet: FacetOpt = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
    keep_matched: KeepMatchedOpt = False,
) -> None:
    """A place: coordinates, region, country, aliases and the events there.

    The event filters are timeline's (--year, --since/--until, --type, --limit, --sort,
    --min-deaths, --aftermath); --count and --facet summarise the place's events.
    """
    cut = Slice(
        since, until, year, type_, limit, aftermath, min_deaths, sort, count, facet, keep_matched
    )
    _profile("place", name, cut, format_, fields, color, export, data, wide)


def places(
    country: Annotated[
        str | None,
        typer.Option(help="Only places in this country (id, name or alias).", callback=A_COUNTRY),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(help=f"Only this kind: {listed(model.PLACE_KINDS)}."),
    ] = None,
    within: WithinOpt = None,
    sort: PlaceSortOpt = None,
    limit: LimitOpt = None,
    count: PlaceCountOpt = False,
    format_: RecordFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> None:
    """All places, with coordinates and how many events happened at or within each.

    --within lists the places inside one, by the rule --place follows, so timeline
    --place X has the events of X and of the places places --within X lists.

    By country, then name; --sort orders them (name, id, events), --limit keeps the
    first N, --count prints how many, as timeline's do: barkhane places --country
    burkina-faso --sort -events -n 10.
    """
    from barkhane_cli import geo, lookup, model, orders, query
    from barkhane_cli.cli.filters import namesake_notes
    from barkhane_cli.render.listings import place_records

    env = make_env(color)
    dataset = load(data)
    namer = geo.country_namer(dataset.places)
    events = lookup.place_event_counts(dataset)  # the Events column and its order
    keys = orders.place_keys(events, lambda p: lookup.country_names(dataset, p, namer))
    # a --sort not among the orders is refused before any place is looked at
    items = orders.ordered(dataset.places.values(), sort, keys)
    if country is not None:
        wanted = query.resolve_country(dataset, country)
        items = [p for p in items if wanted in p.countries]
    if kind is not None:
        kind = choose(kind, model.PLACE_KINDS, "kind")
        items = [p for p in items if p.kind == kind]
    notes: list[str] = []
    if within:
        found = {
            pid
            for name in within
            for pid in lookup.inside(dataset, resolved(dataset, data, "place", name))
        }
        items = [p for p in items if p.id in found]
        notes = namesake_notes(dataset, within, "--within")
    listing(
        env, "places", items, lambda shown: place_records(dataset, shown, events),
        limit=limit, count=count, format_=format_, export=export, fields=fields, wide=wide,
        notes=notes,
    )  # fmt: skip


def event(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help=(
                "The event's id (radisson-blu-attack), a part of it (radisson-blu), words"
                " of its title (hotel radisson), or a typo, which gets a did you mean"
                " (radison). A name several events match lists the nearest and where they"
                " all are. A place's or an actor's name opens the one event whose id or"
                " title holds it (moura) and lists them when several do (solhan); an event"
                " type (massacre) or a date (2019-01-01) points to its timeline or to on"
                " DATE. A type or a date"
                " among other words ranks the events of that type and date first"
                " (august 2020 coup: the coup, not a title that holds the words)."
            ),
            callback=AN_ID,
        ),
    ],
    format_: FormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> None:
    """One event in full: every field, who did it to whom (its roles, worded as in the
    timeline), each source with its quote, related events."""
    from barkhane_cli import lookup
    from barkhane_cli.render.profiles import event_card

    env = make_env(color)
    # an id as `timeline` prints it: that event and the candidates of its related events
    # from the store, not every event (K79); nothing was guessed, so read_as has nothing
    # to say
    opened = open_data(data)
    stored = lookup.stored_event(opened, name)
    if stored is None:
        # a part of an id, a title word or a typo (or no store): resolved over the ids
        # and titles alone (K83), then that one event read by its id
        named = _named_event(env, opened, name)
        stored = lookup.stored_event(opened, named)
    else:
        named = stored.id
    by_id = lookup.event_by_id(opened, stored) if stored is not None else None
    if by_id is not None:
        card = event_card(by_id.data, by_id.event, by_id.pool, by_id.matched)
        _show_card(env, card, by_id.data, format_, export, wide)
        return
    # no store: its card reads every event
    dataset = opened.full()
    found = {e.id: e for e in dataset.events + dataset.aftermath}[named]
    _show_card(env, event_card(dataset, found), dataset, format_, export, wide)


def _named_event(env: Any, opened: Any, name: str) -> str:
    """The id of the event ``name`` names (a part of an id, a title word, a typo), or the
    one error: resolved over every event's id and title, from the store's names when
    there is one (none decoded: K83), with a miss's hints and read_as's note."""
    from barkhane_cli import lookup
    from barkhane_cli.cli import eventguess, eventnames
    from barkhane_cli.search.terms import in_english  # search's package, loaded when asked

    dataset = opened.data
    # the store's titles: its resolver's keys kept for it (Dataset.memo), not the
    # decoded events' (Loaded.full leaves no store to keep them for)
    memo = dataset.memo("event-titles") if opened.db is not None else None
    resolver = _resolver(lookup.event_titles(opened), "event", memo)
    # a French name no title holds is read as search reads it ("massacre d'Ogossagou" as
    # "massacre ogossagou": elisions and linking words aside, French type words in English)
    english = in_english(name)
    if english is not None and not resolver.candidates(name) and resolver.candidates(english):
        name = english
    # a type or a date in the name ranks the events of that type and date first (U39)
    ranked = eventguess.guessed(opened, resolver, name)
    # a place's or an actor's name: its one event opens, several are listed
    what, ids = eventnames.entries_named(opened, resolver, name) if not ranked else ([], [])
    if len(ids) > 1:
        from barkhane_cli.errors import NotFoundError

        raise NotFoundError(eventnames.several_refused(opened, resolver, name, what, ids))
    if ids:
        from barkhane_cli.render.records import tell

        tell(env, eventnames.read_for_one(resolver, name, what, ids[0]))
        return ids[0]
    named: str = looked_up(
        dataset,
        "event",
        ranked or resolver,
        name,
        lambda text: eventnames.none_named(opened, text),
        lambda text, n: eventnames.several_named(opened, text, n),
    )
    read_as(env, dataset, "event", name, named, resolver)
    return named


def fact(
    ident: Annotated[
        str,
        typer.Argument(metavar="ID", help="Fact id (or a unique part of it).", callback=AN_ID),
    ],
    format_: ListFormatOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> None:
    """One fact in full: value, unit, date and period, scope, how it came to be, and
    each source with its title and what the reference notes.

    -f json gives the object facts -f json lists for it; csv, tsv and md its row.
    """
    from barkhane_cli.render.profiles import fact_card

    env = make_env(color)
    # no event is on a fact's card: the store's tables alone, each record read by id
    # until a table is walked (K67); a miss reads the events' ids (another_kind)
    dataset = open_data(data).data
    entries = ((f.id, f.label) for f in dataset.facts.values())
    resolver = _resolver(entries, "fact", dataset.memo("fact-labels"))
    found = dataset.facts[looked_up(dataset, "fact", resolver, ident)]
    _show_card(env, fact_card(dataset, found), dataset, format_, export, wide)


def _show_card(
    env: Any, card: Any, dataset: Any, format_: str | None, export: Path | None, wide: bool
) -> None:
    """An event's or a fact's card, in the format asked for, paged or exported."""
    from barkhane_cli.render.cards import emit_card

    present(
        env,
        format_,
        export,
        lambda target, f: emit_card(target, f, card, dataset, None, wide),
    )


def _resolver(
    entries: Iterable[tuple[str, str]], what: str, memo: dict[str, Any] | None = None
) -> Any:
    """Events or facts by (id, title or label), named as actors and places are (a unique
    part of an id; "did you mean" for a typo): an event is suggested by its id, which says
    what its title says in a fraction of the line."""
    from barkhane_cli.resolve import Named, Resolver

    named = (Named(ident, label) for ident, label in entries)
    lists_ids = ("timeline" if what == "event" else "facts", "--fields", "id")
    by = " by id or title" if what == "event" else ""  # not as a listing counts it
    return Resolver(named, what, lists_ids, names_shown=what != "event", memo=memo, matched_by=by)


def facts(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[WORDS]...",
            help="Words in the fact's label, scope or unit, all required in any order; "
            f'{STEMS_HELP}; "a quoted phrase" or "word" whole (as search matches them).',
            show_default=False,
        ),
    ] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor", "-a", help="Facts about this actor (repeatable).", callback=AN_ACTOR
        ),
    ] = None,
    category: Annotated[str | None, typer.Option(help=f"{listed(model.FACT_CATEGORIES)}.")] = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    limit: LimitOpt = None,
    sort: FactSortOpt = None,
    aftermath: AftermathOpt = False,
    count: FactCountOpt = False,
    format_: ListFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> None:
    """Numeric facts (troop strengths, casualties, displacement ...) with their sources.

    Each says how the figure came to be (measured, announced, planned, estimated,
    claimed) and what it covers (its scope); figures after the record's end are left
    out unless --aftermath. --country keeps the figures of the country's own area (the
    scope before ';' names it: "Refugees from Mali in Niger" is Mali's and Niger's, a
    Sahel-wide strength is neither) and those about its state wherever they count (Chad's
    soldiers killed in Mali: as --actor chad finds them); --since/--until/--year the
    figures dated in the window. --sort orders them (as of, value or id), --limit keeps
    the first N, --count prints how many, as timeline's do.
    The table shows a scope up to its first ';' (…) and a dispute in two lines at most
    (…); fact ID, --wide and every other format give them whole.
    Words that find no fact together are named on a terminal (stderr): which is in no
    fact, and how many facts the others find. A word for the dead (killed, dead, deaths,
    died: the labels use each) says how many each other one finds that it did not.

    Example: barkhane facts minusma troops --format csv
    """
    from barkhane_cli import briefing, lookup, model, orders
    from barkhane_cli import search as finder
    from barkhane_cli.render.listings import fact_records

    env = make_env(color)
    # no words lists every fact; words given blank are refused, as by every search
    text = search_words(" ".join(words), "facts") if words else ""
    dataset = load(data)
    # a --sort not in FACT_SORTS is refused before any fact is looked at
    items = orders.ordered(dataset.facts.values(), sort, orders.FACT_KEYS)
    outside = None  # the window's note, as summary's, when it lies outside the record
    if country or since or until or year is not None:
        q = window(dataset, data, since, until, year, countries=country or ())
        ours = briefing.figures_of(dataset, q.countries)
        items = [f for f in items if ours(f) and f.as_of.within(q.first, q.last)]
        outside = briefing.window_note(q.first, q.last, "figures", aftermath)
    if actor:
        ids = {resolved(dataset, data, "actor", a) for a in actor}
        items = [f for f in items if ids & set(f.actors)]
    if category is not None:
        category = choose(category, model.FACT_CATEGORIES, "category")
        items = [f for f in items if f.category == category]
    apart = near = near_category = None
    pool = items  # the facts the words are looked for in
    if text:
        read = {f.id: " ".join((f.id, f.label, f.scope, f.unit)) for f in items}
        found = [f for f in items if finder.matches_query(text, read[f.id])]
        # which word found what, worked out only when the words found nothing together
        apart = None if found else lookup.words_apart(text, list(read.values()), "fact")
        # a category's name given as a word (`facts casualties`) finds only the facts
        # that say it, often none: point to --category, which means it (U37)
        if category is None and text.strip().casefold() in model.FACT_CATEGORIES:
            word = text.strip().casefold()
            said = f"{word!r} is a category: {followups.command('facts', '--category', word)}"
            apart = said if not found else apart
            near_category = said if found else None
        items = found
    hidden = None
    if not aftermath:
        later = sum(f.aftermath for f in items)
        items = [f for f in items if not f.aftermath]
        pool = [f for f in pool if not f.aftermath]
        # said with the other notes, under the table as timeline says its own: written
        # to stderr at once it came out above the table, cut off from it (U32)
        if later:
            hidden = f"{later} later {plural(later, 'figure')} hidden; add --aftermath"
    if text and footer_seen(env, format_):  # a note for a person: worked out for one

        def finds(query: str) -> set[str]:
            return {f.id for f in pool if finder.matches_query(query, read[f.id])}

        near = finder.near_word_note(text, finds, "fact")
    notes = [
        note for note in (outside, near, near_category, hidden) if note
    ]  # under the table, or the count
    listing(
        env, "facts", items, lambda shown: fact_records(dataset, shown),
        limit=limit, count=count, format_=format_, export=export, fields=fields, wide=wide,
        notes=notes, empty=apart,
    )  # fmt: skip


def _complete_kind(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """TAB completion for search --kind, which also tells a word split off it from one of
    the search's words (splitwords.taken_hint): the kinds that start with it."""
    from barkhane_cli import search as finder
    from barkhane_cli.cli.options import completes

    return completes(finder.KINDS)(ctx, param, incomplete)


def search(
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS...",
            help="Words, all required in any order, each the start of a word, its number "
            f'whole (G5 is not G50); {STEMS_HELP}; "a quoted phrase" or "word" whole. Case, '
            "accents and punctuation do not matter.",
        ),
    ],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only event, actor, place, fact or source (repeatable).",
            shell_complete=_complete_kind,
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    limit: LimitOpt = None,
    count: ResultCountOpt = False,
    format_: ListFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> None:
    """One ranked list across events (the aftermath's too), actors, places, facts and sources.

    Words that are names alone (wagner mali) open with the cards of the actors and places
    they name whose own text names the others, in the order typed. Then entries whose
    names or titles hold every word (an event's actors and places, by their names and
    aliases, just under its own title); then sources whose titles do, each under the
    events found citing it, and under those citing it at a place or named after a place
    or actor the words name (attaque solhan: the Solhan massacre, then the French
    reports); then matches in texts. At the same score the record comes before its
    aftermath (after 9 November 2022), then the shorter name, then, of those found in
    texts, the one whose title holds more of the words, then events and sources the
    earlier first and a series of figures together, the latest first. A year among the
    words (four digits within the record's years, its aftermath's too) finds the entries
    dated in it (an event, a fact's as-of, a source's date) as well as the texts that
    say it: tillaberi 2021 finds the events of 2021 at Tillabéri; a month's name next to
    it, in English or French, the entries dated in that month (tillaberi january 2021).
    --since/--until/--year keep dated entries (events, facts, sources) in the window. A
    French name finds what its English one does (massacre d'Ogossagou, bataille de
    Tessit: d', de and la aside, bataille read as battle). Nothing found gets a
    suggestion on stderr. --count prints how many results are found, as
    timeline --count does (search wagner --kind event --count).
    """
    from barkhane_cli import query, store
    from barkhane_cli import search as finder
    from barkhane_cli.briefing.headline import figure_kind
    from barkhane_cli.cli.lazy import words_taken
    from barkhane_cli.render.listings import hit_records

    env = make_env(color)
    text = search_words(" ".join(words), "search") or ""
    kinds = [choose(k, finder.KINDS, "kind") for k in kind or finder.KINDS]
    # --year as every other command with a window takes it (K66: search alone refused it)
    first, last = query.date_range(parse_date("--since", since), parse_date("--until", until), year)
    dataset = load(data)
    hays = store.search_index(dataset)
    # a series of figures is listed together, latest first: the briefings' series
    hits = finder.search(
        dataset, text, kinds, first, last, hays, series=lambda f: figure_kind(dataset, f)[0]
    )
    if not hits:
        # words the shell split off an option are said by the boundary (words_taken): a
        # "did you mean" built from them would send the user further astray
        close = [] if words_taken() else finder.suggest(dataset, text, kinds, first, last, hays)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        if not close and not words_taken() and (first, last) != (None, None):
            # what the window left out, and how to see it (K69: a window keeps dated
            # entries only, so a name the search would find was never suggested)
            n = len(finder.search(dataset, text, kinds, None, None, hays))
            if n:
                said = f"{counted(n, 'entry')} {plural(n, 'matches', 'match')}"
                hint = (
                    f"; {said} without --since, --until and --year (actors and places have no date)"
                )
        env.err.write(f"nothing matches {quoted(text)}{hint}\n")
    # said above, with what was searched and a suggestion: the table's own "nothing
    # matches" under it said it twice on a terminal (U61 #12)
    listing(
        env, "results", hits, hit_records,
        limit=limit, count=count, format_=format_, export=export, fields=fields, wide=wide,
        empty="" if not hits else None,
    )  # fmt: skip
