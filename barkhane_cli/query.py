"""Filtering events: what the timeline and every per-actor or per-place slice share."""

from __future__ import annotations

import difflib
import shlex
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from barkhane_cli import geo, roles
from barkhane_cli import model as m
from barkhane_cli import search as search_text
from barkhane_cli.choices import choose, list_hint
from barkhane_cli.dates import PartialDate
from barkhane_cli.errors import NotFoundError, UsageError
from barkhane_cli.resolve import Named, Resolver, fold, normalize


@dataclass(slots=True)
class EventQuery:
    """Resolved, checked criteria: options of one kind OR together, kinds AND together."""

    first: int | None = None  # day ordinals, inclusive
    last: int | None = None
    actors: frozenset[str] = frozenset()
    perpetrators: frozenset[str] = frozenset()  # rolled up through part-of / member-of
    targets: frozenset[str] = frozenset()
    # Each --place is the set of the place and every place within it; an event must be at
    # one place of at least one of those sets.
    places: tuple[frozenset[str], ...] = ()
    countries: frozenset[str] = frozenset()  # country place ids
    types: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    not_tags: frozenset[str] = frozenset()  # an event with any of these is left out
    search: str = ""  # normalized
    aftermath: bool = False
    limit: int | None = None
    reverse: bool = False
    min_deaths: int | None = None  # the highest count any source gives is at least this
    sort: str = "date"  # one of SORTS: date order (the default), or by deaths
    # Imported records left out as the same incident as a curated event (folding.py):
    # the pair is counted once, as the curated event (U54: 164 events for 160).
    folded: frozenset[str] = frozenset()
    _actors: Mapping[str, m.Actor] = field(default_factory=dict)


# The tag an army's claim of enemy dead puts on an event (docs/data-format.md,
# `fatalities`): the claim raises the high count only, unless it is the only toll.
ARMY_CLAIM = "army-claim"


def death_bound(e: m.Event) -> int | None:
    """The highest count the sources give (the range's high, else the one figure): what
    --min-deaths and --sort deaths compare, so an event "2–30 dead" counts as up to 30."""
    for value in (e.fatalities_high, e.fatalities, e.fatalities_low):
        if value is not None:
            return value
    return None


def low_bound(e: m.Event) -> int | None:
    """The fewest dead the sources give, with no army's claim of enemy dead in it: what
    --sort deaths-low compares. The toll rule keeps a claim out of the range's low, so
    Chinagodrar's 94–177 counts as 94; an army-claim event of one figure has the claim as
    its only toll, so it counts as none (U30: `--not-tag army-claim` dropped the whole
    event, Chinagodrar's 89 soldiers with it, to leave a claim out of a top list)."""
    low = e.fatalities_low if e.fatalities_low is not None else e.fatalities
    one_figure = e.fatalities_high in (None, low)
    return None if ARMY_CLAIM in e.tags and one_figure else low


# The --sort keys, each with the count it orders by (None: the timeline's own date order).
# A leading minus is newest or most first (as Datasette's _sort and sqlite-utils' --order).
SORT_KEYS: dict[str, Callable[[m.Event], int | None] | None] = {
    "date": None,
    "deaths": death_bound,
    "deaths-low": low_bound,
    # what sums add (m.COUNTED_DEATHS): Moura's 500, Koulogon's 38 (U50: no order had them)
    "deaths-best": m.Event.counted,
}
SORTS = tuple(sign + key for key in SORT_KEYS for sign in ("", "-"))


def date_range(
    since: PartialDate | None, until: PartialDate | None, year: int | None = None
) -> tuple[int | None, int | None]:
    """Day ordinals of the query range, each bound widened to its whole period."""
    first = since.first_ordinal() if since else None
    last = until.last_ordinal() if until else None
    if year is not None:
        y = PartialDate(year)
        first = max(first, y.first_ordinal()) if first is not None else y.first_ordinal()
        last = min(last, y.last_ordinal()) if last is not None else y.last_ordinal()
        if first > last:
            raise UsageError(f"--year {year} lies outside --since/--until; drop one of them")
    if since and until and first is not None and last is not None and first > last:
        raise UsageError(
            f"--since {since} is after --until {until}; did you mean --since {until} --until {since}?"
        )
    return first, last


def actor_resolver(data: m.Dataset) -> Resolver:
    actors = data.actors.values()
    named = (Named(a.id, a.name, a.aliases) for a in actors)
    return Resolver(named, "actor", memo=data.memo("actor-names"))


def place_resolver(data: m.Dataset) -> Resolver:
    """Places by id, name or alias, for `place` and every --place: a name that only begins
    a place's is not read as that place when events elsewhere hold it as a word
    (named_apart)."""
    places = data.places.values()
    return Resolver(
        (Named(p.id, p.name, geo.aliases_of(p)) for p in places),
        "place",
        elsewhere_whole=lambda words, ids: named_apart(data, words, ids),
        memo=data.memo("place-names"),
    )


def named_apart(data: m.Dataset, words: str, ids: frozenset[str]) -> bool:
    """Whether an event at none of the places ``ids`` (nor within one) holds ``words``
    (normalized) whole in its title or summary: "koro" begins Korowita's name, but
    events at Koro and Bankass name Koro (U26), so it is another place, not Korowita's
    start; "ouaga" in an event at Ouagadougou leaves it Ouagadougou's."""
    memo = data.memo("contained")
    at = frozenset().union(*(geo.contained(data.places, i, memo=memo) for i in ids))
    whole = data.with_events()
    padded = f" {words} "
    return any(
        padded in f" {normalize(e.title)} {normalize(e.summary)} "
        for e in (*whole.events, *whole.aftermath)
        if not at.intersection(e.places)
    )


def country_resolver(data: m.Dataset) -> Resolver:
    """Countries by id, name, alias or ISO code (``BF``, ``BFA``, ``Burkina``, ``RMM``).
    Built once for all the names to read (~1 ms a build): rebuilt per name, it cost each
    name that much."""
    entries = [
        Named(p.id, p.name, geo.aliases_of(p)) for p in data.places.values() if p.kind == "country"
    ]
    known = {e.id for e in entries}
    # countries named only in the free text of user files have ids of their own, and
    # the names every view gives them (a "did you mean" offers what the listing shows)
    extra = {c for p in data.places.values() for c in p.countries} - known
    name = geo.country_namer(data.places)
    entries += [Named(c, name(c)) for c in sorted(extra)]
    return Resolver(
        entries,
        "country",
        ("places", "--kind", "country"),
        memo=data.memo("countries"),
        spaces_aside=True,
    )


def in_countries(wanted: frozenset[str], countries: Iterable[str]) -> bool:
    """Whether what lies in ``countries`` (ids) is asked for by --country ``wanted``
    (ids; none: everything is): one of them is asked for, and with none of its own it is
    no one country's. An event's are its places' (Liptako-Gourma's three), an era's its
    actors' (briefing.era_countries)."""
    return not wanted or not wanted.isdisjoint(countries)


def resolve_country(data: m.Dataset, text: str) -> str:
    """A country's place id from its id, name or alias (one name: country_resolver for
    several)."""
    return country_resolver(data).resolve(text)


def country_names(data: m.Dataset, ids: Iterable[str]) -> list[str]:
    """The names of resolved countries, in id order, by geo.country_namer's rule: a
    country no place entry holds is named as places' free-text ``country`` writes it
    ("Qatar", from Doha's, before the record held Qatar as a place; `on 2022` listed
    "qatar")."""
    name = geo.country_namer(data.places)
    return [name(c) for c in sorted(ids)]


def countries_said(data: m.Dataset, ids: Iterable[str]) -> str:
    """The countries as a view's title says them: --country given twice matches either,
    so "Mali or Niger" (the summary's and the chart's titles)."""
    return " or ".join(country_names(data, ids))


def check_types(types: Iterable[str]) -> frozenset[str]:
    return frozenset(choose(t, m.EVENT_TYPES, "event type", "types", several=True) for t in types)


# Asked for only when a --tag or a --type that is not a type needs them (a store answers
# from SQL); without it they are read from the events.
KnownTags = Callable[[], Iterable[str]] | None


def _known_tags(data: m.Dataset, aftermath: bool, known_tags: KnownTags) -> Iterable[str]:
    """The data's tags."""
    if known_tags is not None:
        return known_tags()
    events = data.events + data.aftermath if aftermath else data.events
    return {t for e in events for t in e.tags}


def _types_or_tag_hint(
    types: Iterable[str], data: m.Dataset, aftermath: bool, known_tags: KnownTags
) -> frozenset[str]:
    """The types, checked; a word that is a tag and not a type ("election": elections are
    typed politics) says to ask for the tag, as a user who typed it meant: the tag as
    the data spells it, quoted where the shell needs it, so that the hint pasted works
    (U45: "use --tag suicide bombing", pasted, was two values; the tag is
    suicide-bombing)."""
    types = list(types)
    try:
        return check_types(types)
    except UsageError as err:
        tags = {normalize(t): t for t in _known_tags(data, aftermath, known_tags)}
        for t in types:
            tag = tags.get(normalize(t))
            if t not in m.EVENT_TYPES and tag is not None:
                raise UsageError(f"{err}; {t!r} is a tag: use --tag {shlex.quote(tag)}") from None
        raise


def check_in(values: Iterable[str], known: Iterable[str], what: str) -> frozenset[str]:
    """Normalize each value and make sure the data has it, suggesting the closest if not."""
    known_norm = {normalize(k): k for k in known}
    out = set()
    for value in values:
        norm = normalize(value)
        if norm in known_norm:
            out.add(norm)
            continue
        prefixed = [k for k in known_norm if k.startswith(norm)] if norm else []
        if len(prefixed) == 1:
            out.add(prefixed[0])
            continue
        hint = list_hint(value, lambda part: normalize(part) in known_norm)
        if not hint:
            close = difflib.get_close_matches(norm, list(known_norm), n=3, cutoff=0.6)
            hint = (
                "; did you mean " + " or ".join(repr(known_norm[c]) for c in close) + "?"
                if close
                else ""
            )
        raise NotFoundError(f"no event has {what} {value!r}{hint}")
    return frozenset(out)


def build_query(
    data: m.Dataset,
    *,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    year: int | None = None,
    actors: Iterable[str] = (),
    perpetrators: Iterable[str] = (),
    targets: Iterable[str] = (),
    places: Iterable[str] = (),
    countries: Iterable[str] = (),
    types: Iterable[str] = (),
    tags: Iterable[str] = (),
    not_tags: Iterable[str] = (),
    search: str | None = None,
    aftermath: bool = False,
    limit: int | None = None,
    reverse: bool = False,
    known_tags: KnownTags = None,
    min_deaths: int | None = None,
    sort: str | None = None,
) -> EventQuery:
    """Check and resolve what the user typed into an :class:`EventQuery`."""

    first, last = date_range(since, until, year)
    # every spelling SORTS declares, the minus (the order) and all, is what an error lists
    sort = choose(sort, SORTS, "--sort value") if sort is not None else "date"
    if sort != "date" and reverse:
        raise UsageError(f"--reverse is --sort -date; give one of them, not --sort {sort} too")
    if sort == "-date":
        sort, reverse = "date", True
    actor_sets = [list(a) for a in (actors, perpetrators, targets)]
    resolver = actor_resolver(data) if any(actor_sets) else None
    actor_ids, perp_ids, target_ids = (
        frozenset(resolver.resolve(a) for a in names) if resolver and names else frozenset()
        for names in actor_sets
    )
    places, countries, tags = list(places), list(countries), list(tags)
    # each resolver built once for all its names, not once a name
    by_place = place_resolver(data) if places else None
    memo = data.memo("contained")
    place_sets = (
        tuple(geo.contained(data.places, by_place.resolve(p), memo=memo) for p in places)
        if by_place
        else ()
    )
    by_country = country_resolver(data) if countries else None
    country_set = frozenset(by_country.resolve(c) for c in countries) if by_country else frozenset()
    not_tags = list(not_tags)
    known = list(_known_tags(data, aftermath, known_tags)) if tags or not_tags else []
    tag_set, not_tag_set = (
        check_in(chosen, known, "tag") if chosen else frozenset() for chosen in (tags, not_tags)
    )
    return EventQuery(
        first=first,
        last=last,
        actors=actor_ids,
        perpetrators=perp_ids,
        targets=target_ids,
        places=place_sets,
        countries=country_set,
        types=_types_or_tag_hint(types, data, aftermath, known_tags),
        tags=tag_set,
        not_tags=not_tag_set,
        search=fold(search) if search else "",
        aftermath=aftermath,
        limit=limit,
        reverse=reverse,
        min_deaths=min_deaths,
        sort=sort,
        # only the roles filters read it (and from the store it is decoded when first read)
        _actors=data.actors if perp_ids or target_ids else {},
    )


def matches(e: m.Event, q: EventQuery) -> bool:
    if e.id in q.folded:
        return False
    # An event matches when its span, widened to its precision, overlaps the range.
    if q.first is not None and e.last < q.first:
        return False
    if q.last is not None and e.first > q.last:
        return False
    if q.types and e.type not in q.types:
        return False
    if q.min_deaths is not None and (death_bound(e) or 0) < q.min_deaths:
        return False
    if q.actors and q.actors.isdisjoint(e.actors):
        return False
    if q.perpetrators and not roles.any_counts_for(q._actors, e.perpetrators, q.perpetrators, e):
        return False
    if q.targets and not roles.any_counts_for(q._actors, e.targets, q.targets, e):
        return False
    if q.places and all(s.isdisjoint(e.places) for s in q.places):
        return False
    if not in_countries(q.countries, e.countries):
        return False
    if q.tags and not any(normalize(t) in q.tags for t in e.tags):
        return False
    if q.not_tags and any(normalize(t) in q.not_tags for t in e.tags):
        return False
    # Every word, in any order; "quoted" words and phrases whole (the rule of `search`).
    return not q.search or search_text.matches_query(q.search, search_text.event_words(e))


def arranged(
    select_: Callable[[EventQuery], Iterable[m.Event]], q: EventQuery
) -> Iterator[m.Event]:
    """The events ``select_`` (query.select or a store's) gives for ``q``, in --sort order:
    by date as they come, or by the sort key's count (most first with a minus; events
    with no such count come last either way, in date order), then cut at --limit."""
    count = SORT_KEYS[q.sort.removeprefix("-")]
    if count is None:
        yield from select_(q)
        return
    from dataclasses import replace

    found = list(select_(replace(q, limit=None, sort="date")))
    known = [e for e in found if count(e) is not None]
    unknown = [e for e in found if count(e) is None]
    known.sort(key=lambda e: count(e) or 0, reverse=q.sort.startswith("-"))
    ordered = known + unknown
    yield from ordered if q.limit is None else ordered[: q.limit]


def select(data: m.Dataset, q: EventQuery) -> Iterator[m.Event]:
    """Matching events in date order (or reversed), lazily, stopping at the limit."""
    events: list[m.Event] = data.events
    if q.aftermath:
        events = sorted(data.events + data.aftermath, key=m.Event.sort_key)
    ordered = reversed(events) if q.reverse else iter(events)
    if q.limit == 0:
        return
    count = 0
    for e in ordered:
        if matches(e, q):
            yield e
            count += 1
            if q.limit is not None and count >= q.limit:
                return
