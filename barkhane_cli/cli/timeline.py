"""barkhane timeline: the filtered, sourced list of events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Annotated, Any

import typer

from barkhane_cli.cli.affiliates import roles_left_out
from barkhane_cli.cli.base import (
    folded,
    footer_seen,
    given_format,
    load,
    make_env,
    marked,
    open_data,
    present,
    query_of,
)
from barkhane_cli.cli.filters import (
    event_filters,
    names_read,
    namesake_notes,
    place_notes,
    window_notes,
)
from barkhane_cli.cli.lazy import search_command
from barkhane_cli.cli.options import (
    ActorOpt,
    AftermathOpt,
    Color,
    ColorOpt,
    CountOpt,
    CountryOpt,
    DataOpt,
    EventLimitOpt,
    ExportOpt,
    FacetOpt,
    FieldsOpt,
    FormatOpt,
    KeepMatchedOpt,
    ListFormatOpt,
    MinDeathsOpt,
    NotTagOpt,
    PerpetratorOpt,
    PlaceOpt,
    SearchOpt,
    SinceOpt,
    SortOpt,
    TagOpt,
    TargetOpt,
    TypeOpt,
    UntilOpt,
    WideOpt,
    YearOpt,
)
from barkhane_cli.cli.typenotes import kin_types_left_out, type_parts
from barkhane_cli.dates import window_in_sentence
from barkhane_cli.meta import RECORD_END
from barkhane_cli.model import Event
from barkhane_cli.text import counted, plural


def timeline(
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    actor: ActorOpt = None,
    perpetrator: PerpetratorOpt = None,
    target: TargetOpt = None,
    place: PlaceOpt = None,
    country: CountryOpt = None,
    type_: TypeOpt = None,
    tag: TagOpt = None,
    not_tag: NotTagOpt = None,
    search: SearchOpt = None,
    min_deaths: MinDeathsOpt = None,
    limit: EventLimitOpt = None,
    sort: SortOpt = None,
    reverse: Annotated[bool, typer.Option(help="Newest first (--sort -date).")] = False,
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
    """Events in date order, filtered.

    A --since/--until given as a year or month covers that whole period; an event matches
    when its own span (start to end, each widened to its precision) overlaps the range.
    Repeatable options of one kind (two --actor) match either; different kinds must all
    match; any other option is given once.
    --place and --country include every place within (a town is in its region and
    country); --perpetrator and --target count a group for the one it was part of on the
    event's date (an attack by Katiba Macina in 2019 is one by JNIM).

    --count prints how many match; --facet FIELD how many have each type, year, country,
    perpetrator ... (barkhane timeline --type attack --facet perpetrator -f json); two
    --facet options how many have each pair of values (--facet country --facet year).

    With an ACLED or UCDP import layered (--data), a record that gaps and compare pair
    with a curated event is the same incident: counted, faceted and listed once, as the
    curated event, and a note says how many were folded (--keep-matched keeps both).
    """
    from barkhane_cli import query
    from barkhane_cli.render.events import event_records
    from barkhane_cli.render.records import emit, watching

    env = make_env(color)
    filters = event_filters(
        since, until, year, actor, perpetrator, target, place, country, type_, tag, not_tag,
        search,
        aftermath,
    )  # fmt: skip
    loaded = open_data(data)
    dataset = loaded.data
    q = query_of(
        dataset,
        data,
        **filters,
        limit=limit,
        reverse=reverse,
        known_tags=lambda: loaded.tags(aftermath),  # asked only when a tag or type needs it
        min_deaths=min_deaths,
        sort=sort,
    )
    q, fold_note, pairs = folded(loaded, q, keep_matched, listed=not (count or facet))
    # a facet counts every matching event: --limit then keeps its top rows (write_facet)
    events: Iterable[Event] = query.arranged(loaded.select, replace(q, limit=None) if facet else q)
    if keep_matched and pairs:
        events = marked(events, pairs)
    said = names_read(dataset, filters) if count or facet else []
    asked = set(q.actors).union(*q.places)  # --actor and --place (and within)
    names = _search_names(dataset, search, asked)  # the footer's notes, or said when none

    def none_found() -> list[str]:
        """What to say when nothing matched --search: a name it is (names), or what
        `search` finds with the words (_found_elsewhere); when nothing matched --country
        alone, how many events name the country (_named_instead)."""
        if not search:
            return [hint for hint in [_named_instead(dataset, loaded, q)] if hint]
        return names or [hint for hint in [_found_elsewhere(search, data, loaded)] if hint]

    # --count and --facet tell it on a watched stderr, after the number, as tell() says
    # a note: worked out only then
    told = []
    if (count or facet) and watching(env):
        told = window_notes(q) + type_parts(loaded.select, q)
        told += roles_left_out(dataset.actors, q, loaded.stream)
        told += place_notes(dataset, place or ())  # U45 quoted an area's count, U50 a town's
        told += [fold_note] if fold_note else []
    # --count alone reads the stored JSON texts when SQL answers the filters exactly
    stored = loaded.texts(q) if count and not facet else None
    if summarized(
        env, dataset, events, count, facet, format_, export, said, none_found, told, stored,
        limit,
    ):  # fmt: skip
        return
    # filtered by place or country, an event's point is that of its places within the
    # filter, as the map draws it: the stored JSON, written with its first point, is not
    moved = bool(q.places or q.countries)
    if moved:
        events = _placed_within(dataset, events, q)
    if export is not None:
        events = list(events)  # drawn twice: once into the export, once to stdout

    def records(target_env: Any, f: str | None) -> int:
        # nor a record --keep-matched marks with its pair (same_as), which it has not
        restored = moved or bool(keep_matched and pairs)
        texts = None if restored else _stored_json(loaded, q, target_env, f, fields, export)
        rs = event_records(dataset, texts if texts is not None else events)  # type: ignore[arg-type]
        # Each event's JSON as the store wrote it from Event.to_json, when that is still
        # what this record set prints (the key changes with model.py, so it is current).
        db = loaded.db
        if texts is not None:  # the texts themselves: no event decoded
            rs.dumped = str
        elif db is not None and rs.to_json is Event.to_json and not restored:
            rs.dumped = lambda e: db.output.pop(e.id, None)
        if footer_seen(target_env, f):  # counting is a second query: only for a person
            rs.total, hidden = _what_is_not_shown(loaded, q)
            rs.notes = window_notes(q) + hidden + place_notes(dataset, place or ())
            rs.notes += names + _near_words(loaded, q) + ([fold_note] if fold_note else [])
        rs.limit = limit
        shown.append(emit(target_env, f, rs, fields, wide))
        return shown[-1]

    shown: list[int] = []  # per view drawn (an export, then stdout): how many events
    present(env, format_, export, records)
    # for a person, as the footer's notes (scripts and logs stay clean), and not where
    # the words are a name the footer has already said how to ask for (names)
    if shown and not shown[-1] and limit != 0 and footer_seen(env, format_) and not names:
        from barkhane_cli.render.table import wrapped

        for hint in none_found():
            env.err.write(wrapped(env, hint) + "\n")


def _found_elsewhere(search: str, data: Any, loaded: Any) -> str | None:
    """For --search that matched no event's text, what `search` finds with the same
    words (U16: `timeline --search hammam` found nothing and said nothing, while `search
    hammam` found the sources an event cites). None when it finds events whose words
    --search reads hold them too: then the other filters, not the words, left them out.
    An event it finds by the names of its actors or places alone is counted with the rest
    (K36: `--search lehbib`, a word of an alias of al-Sahrawi, said nothing once `search`
    found the events naming him; K41: `--search 'tombouctou attack'` counts the events
    at Timbuktu by its alias; `--search tombouctou` alone is a name, and its note says
    how to list the place's events instead). ``loaded``: the run's data, made whole (the
    store's tables hold no events), not read again."""
    from barkhane_cli.errors import quoted
    from barkhane_cli.search import event_words, matches_query
    from barkhane_cli.search import search as search_all

    whole = loaded.full()
    hits = search_all(whole, search)
    listed = {h.id for h in hits if h.kind == "event"}
    events = (e for e in (*whole.events, *whole.aftermath) if e.id in listed)
    if not hits or any(matches_query(search, event_words(e)) for e in events):
        return None
    kinds: dict[str, int] = {}
    for h in hits:
        kinds[h.kind] = kinds.get(h.kind, 0) + 1
    found = " and ".join(counted(n, kind) for kind, n in kinds.items())
    verb = plural(len(hits), "matches", "match")
    return f"no event's text matches {quoted(search)}; {found} {verb}: try {search_command(search)}"


def _named_instead(dataset: Any, loaded: Any, q: Any) -> str | None:
    """For --country C, alone or with dates, that matched no event: how many events name
    C as an actor, which --country does not read (U31: `--country mauritania --year
    2022` printed nothing more, where `--actor mauritania` finds two killings of
    Mauritanians placed in Mali). None with other filters (they, not the places, may
    have left the events out), for several countries, or when no event names it."""
    from dataclasses import replace

    from barkhane_cli import query
    from barkhane_cli.errors import NotFoundError

    others = (q.actors, q.perpetrators, q.targets, q.places, q.types, q.tags, q.not_tags)
    if len(q.countries) != 1 or any(others) or q.search or q.min_deaths is not None:
        return None
    (country,) = q.countries
    try:
        actor = query.actor_resolver(dataset).resolve(country)
    except NotFoundError:
        return None
    found = sum(
        1 for _ in loaded.select(replace(q, countries=frozenset(), actors=frozenset({actor})))
    )
    if not found:
        return None
    (name,) = query.country_names(dataset, q.countries)
    verb = plural(found, "involves", "involve")
    return (
        f"no event placed in {name}{_window_said(q)}; {counted(found, 'event')} {verb} "
        f"it as an actor: try --actor {actor}"
    )


def _window_said(q: Any) -> str:
    """The dates asked for, as the hint after nothing found says them, with the word a
    sentence needs before it (dates.window_in_sentence): " in 2022", " from 2022-03-01 to
    2022-06-30", " since 2022-03-01"."""
    first = None if q.first is None else dt.date.fromordinal(q.first)
    last = None if q.last is None else dt.date.fromordinal(q.last)
    said = window_in_sentence(first, last)
    return f" {said}" if said else ""


def _placed_within(dataset: Any, events: Iterable[Event], q: Any) -> Iterator[Event]:
    """Each event with its point at its places within --place and --country (U17: the G5's
    Pagnali operation, at Boulkessi and Nassoumbou, came out of `--place mopti-region -f
    csv` at Nassoumbou, in Burkina Faso)."""
    from barkhane_cli.mapping import placed_within

    for e in events:
        yield placed_within(dataset.places, e, q.places, q.countries)


def _stored_json(
    loaded: Any, q: Any, env: Any, fmt: str | None, fields: Any, export: Any
) -> Iterable[str] | None:
    """For JSON output of every field when SQL answers the filters exactly, the stored
    JSON texts; else None (each event is then decoded and checked by query.matches)."""
    if fields or export is not None or env.ascii_only:
        return None
    if given_format(env, fmt) not in ("json", "jsonl"):
        return None
    texts: Iterable[str] | None = loaded.texts(q)
    return texts


def summarized(
    env: Any,
    dataset: Any,
    events: Iterable[Event],
    count: bool,
    facet: list[str] | None,
    format_: str | None,
    export: Any,
    said: list[str],
    none_found: Callable[[], list[str]] | None = None,
    notes: Sequence[str] = (),
    stored: Iterable[str] | None = None,
    limit: int | None = None,
) -> bool:
    """--count or --facet FIELD (once, or twice for a cross-tab) in place of the events
    (an event view's summary); False when neither was asked for. ``said``: what the names
    given were read as (filters.names_read), one line on a watched stderr, so a pipe or
    a script reading stdout gets the number alone. ``none_found``: what to say on that
    stderr when no event is counted (U19: `--search djazairess --count` said nothing of
    the sources that match, which the same search's table and JSON say). ``notes``: told
    after the number or the counts, as a table's footer says them (a window outside the
    record). ``stored``: the events' stored JSON texts, for --count to count in place
    of ``events`` (K65: decoding and keeping each event of an export of 100,000 rows to
    count them took 13 s and 440 MB; the texts, 2 s). ``limit``: --limit, which with
    --facet keeps the rows of the most events (write_facet); ``events`` are then every
    matching event, not the first ``limit``."""
    if not count and not facet:
        return False
    from barkhane_cli.choices import choose
    from barkhane_cli.errors import UsageError
    from barkhane_cli.facets import FACETS
    from barkhane_cli.render.facets import write_count, write_facet
    from barkhane_cli.render.records import tell

    if count and facet:
        raise UsageError("give --count or --facet, not both (a facet gives each count)")
    if said:
        tell(env, "; ".join(said))
    if count:
        n = sum(1 for _ in (stored if stored is not None else events))
        present(env, format_, export, lambda target, f: write_count(target, f, n))
        for hint in [*notes, *(none_found() if none_found and not n else [])]:
            tell(env, hint)
        return True
    fields = [choose(f, tuple(FACETS), "facet") for f in facet or ()]
    if len(fields) > 2:
        raise UsageError(
            f"--facet given {len(fields)} times; give it once, or twice for a cross-tab "
            "(--facet country --facet year)"
        )
    if len(fields) == 2 and fields[0] == fields[1]:
        raise UsageError(f"--facet {fields[0]} given twice; a cross-tab takes two different fields")
    found = list(events)
    present(
        env,
        format_,
        export,
        lambda target, f: write_facet(target, f, dataset, found, fields, limit),
    )
    for hint in [*notes, *(none_found() if none_found and not found else [])]:
        tell(env, hint)
    return True


def _search_names(dataset: Any, search: str | None, given: Iterable[str]) -> list[str]:
    """For --search TEXT that is the whole name or an alias of a place or an actor: say
    how to ask for it. --search reads an event's words, and an event at Chinagodrar need
    not spell it "Chinégodar" (U8 searched that alias and missed the attack there). One
    note a name (Mali is a place and an actor), none for what --place/--actor already ask."""
    from barkhane_cli import query

    text = (search or "").strip().strip('"')
    if not text:
        return []
    asked = set(given)
    options: dict[str, list[str]] = {}
    # a town named as its region: how to ask for the region too, as --place says it
    # (`--search menaka` pointed to the town's 18 events alone, not the Region's 62; U31)
    regions: dict[str, list[str]] = {}
    for option, resolver in (
        ("--place", query.place_resolver(dataset)),
        ("--actor", query.actor_resolver(dataset)),
    ):
        for ident in sorted(resolver.exact(text) - asked):
            name = resolver.by_id[ident].name
            options.setdefault(name, []).append(f"{option} {ident}")
            if option == "--place":
                regions.setdefault(name, []).extend(namesake_notes(dataset, [ident]))
    return [
        "; ".join(
            [
                f"{search!r} is also {name}: {' or '.join(ways)} lists its events, "
                "whatever words they use",
                *regions.get(name, []),
            ]
        )
        for name, ways in options.items()
    ]


def _near_words(loaded: Any, q: Any) -> list[str]:
    """For --search holding a word the record writes several ways (search.WORD_FAMILIES):
    how many events each other word finds, when it finds some this search did not (U32:
    "for 'killed', 'dead' finds 417 events ...")."""
    from dataclasses import replace

    from barkhane_cli.search import near_word_note

    if not q.search:
        return []

    def finds(query: str) -> set[str]:
        return {e.id for e in loaded.select(replace(q, search=query, limit=None))}

    note = near_word_note(q.search, finds, "event")
    return [note] if note else []


def _what_is_not_shown(loaded: Any, q: Any) -> tuple[int | None, list[str]]:
    """How many matched before --limit, and a note for matches the aftermath hides:
    the footer says "3 of 34 events (--limit 3); 20 later events hidden; add --aftermath"."""
    from dataclasses import replace

    total = None
    if q.limit is not None:
        total = sum(1 for _ in loaded.select(replace(q, limit=None)))
    notes = []
    if not q.aftermath:
        everything = replace(q, limit=None, aftermath=True)
        later = sum(1 for e in loaded.select(everything) if e.aftermath)
        if later:
            notes.append(f"{later} later {plural(later, 'event')} hidden; add --aftermath")
    if q.types:
        notes += kin_types_left_out(loaded.select, q) + type_parts(loaded.select, q)
    return total, notes + roles_left_out(loaded.data.actors, q, loaded.stream)


def types(
    format_: ListFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
) -> None:
    """Every event type with what it means and how many core events have it."""
    from barkhane_cli.render.listings import type_records
    from barkhane_cli.render.records import emit

    env = make_env(color)
    dataset = load(data)
    present(
        env,
        format_,
        export,
        lambda target, f: emit(target, f, type_records(dataset), fields),
    )


def tags(
    aftermath: Annotated[
        bool, typer.Option(help=f"Count the events after {RECORD_END.human()} too.")
    ] = False,
    format_: ListFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
) -> None:
    """Every tag with how many events carry it, most used first.

    Use one with timeline --tag: barkhane tags, then barkhane timeline --tag kidnapping.
    """
    from barkhane_cli.render.listings import tag_records
    from barkhane_cli.render.records import emit

    env = make_env(color)
    dataset = load(data)
    present(
        env,
        format_,
        export,
        lambda target, f: emit(target, f, tag_records(dataset, aftermath), fields),
    )
