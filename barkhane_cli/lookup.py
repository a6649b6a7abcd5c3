"""Fact lookup over a dataset: profiles, citations, related events; a search's Hit.

Returns plain data (JSON-ready dicts and records); rendering is elsewhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from barkhane_cli import followups, geo, matching, shapes, store
from barkhane_cli import model as m
from barkhane_cli.errors import quoted
from barkhane_cli.resolve import fold, name_order, normalize
from barkhane_cli.search import Hit as Hit
from barkhane_cli.search import Terms, matches, parse
from barkhane_cli.text import and_joined, counted, plural

if TYPE_CHECKING:
    from barkhane_cli.dates import PartialDate
    from barkhane_cli.store.db import Store


def fact_json(f: m.Fact) -> dict[str, Any]:
    return {
        "id": f.id,
        "label": f.label,
        "value": plain_number(f.value),
        "qualifier": f.qualifier,
        "low": plain_number(f.low),
        "high": plain_number(f.high),
        "unit": f.unit,
        "kind": f.kind,
        "since": f.since.iso() if f.since else None,
        "as_of": f.as_of.iso(),
        "precision": f.as_of.precision,
        "scope": f.scope,
        "category": f.category,
        "cause": f.cause,
        "headline": f.headline,
        "aftermath": f.aftermath,
        "actors": list(f.actors),
        "disputed": f.disputed,
        "series_break": f.series_break,
        "note": f.note,
        "sources": [s.to_json() for s in f.sources],
    }


def plain_number(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def fact_value_text(f: m.Fact) -> str:
    """``5,100``, ``more than 32,500`` or ``1,000–1,500`` (with the best estimate in
    brackets when both exist)."""
    figure, rng = fact_value_parts(f)
    return f"{figure} ({rng})" if rng else figure


def fact_value_parts(f: m.Fact) -> tuple[str, str]:
    """The figure a fact gives, as its source words it (``more than 32,500``), and,
    apart, the range beside it: ``("5,100", "5,000–5,500")``; a range alone is the
    figure (``("1,000–1,500", "")``). The one-screen summary aligns the figures and says
    a range after them (K41)."""

    def fmt(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

    rng = f"{fmt(f.low)}–{fmt(f.high)}" if f.low is not None and f.high is not None else ""
    if f.value is None:
        return rng, ""
    return m.qualified(f.qualifier, fmt(f.value)), rng


def source_ref_json(data: m.Dataset, ref: m.SourceRef) -> dict[str, Any]:
    """A reference with what the bibliography knows of its source."""
    out = ref.to_json()
    src = data.sources.get(ref.id)
    if src is not None:
        out.update(
            title=src.title,
            publisher=src.publisher,
            via=src.via,
            date=src.date.iso() if src.date else None,
            url=src.url,
        )
    return out


def affiliations_of(data: m.Dataset, actor: m.Actor) -> list[dict[str, Any]]:
    """Both directions: what the actor belongs to, and what belongs to or merged into it.
    A symmetric relation declared on both actors (validate warns) is listed once, the
    copy model.kept_over names kept (model.same_pair says which are copies)."""
    edges: list[tuple[str, m.Affiliation, str]] = [
        (actor.id, a, "outgoing") for a in actor.affiliations
    ]
    for other in data.actors.values():
        if other.id != actor.id:
            edges += [(other.id, a, "incoming") for a in other.affiliations if a.actor == actor.id]
    kept = [
        (owner, a, direction)
        for owner, a, direction in edges
        if not any(m.same_pair(owner, a, o, b) and m.kept_over(o, b, owner, a) for o, b, _ in edges)
    ]
    out: list[dict[str, Any]] = []
    for owner, a, direction in kept:
        if direction == "outgoing":
            target = data.actors.get(a.actor)
            name = target.name if target else a.actor
            out.append(a.to_json() | {"name": name, "direction": direction})
        else:
            name = data.actors[owner].name
            out.append(a.to_json() | {"actor": owner, "name": name, "direction": direction})
    out.sort(key=lambda x: (x["start"] or "", x["direction"], name_order(x["name"])))
    return out


def actor_profile(data: m.Dataset, actor: m.Actor, events: Iterable[m.Event]) -> dict[str, Any]:
    # figures from after the record are aftermath: not part of a 2011-2022 profile
    facts = [f for f in data.facts.values() if actor.id in f.actors and not f.aftermath]
    return {
        "id": actor.id,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "kind": actor.kind,
        "country": actor.country,
        "start": actor.start.iso() if actor.start else None,
        "end": actor.end.iso() if actor.end else None,
        "summary": actor.summary,
        "tags": list(actor.tags),
        "affiliations": affiliations_of(data, actor),
        "facts": [fact_json(f) for f in sorted(facts, key=lambda f: f.as_of.first())],
        "sources": [source_ref_json(data, s) for s in actor.sources],
        "events": [e.to_json() for e in events],
    }


def country_name(
    data: m.Dataset, place: m.Place, name: geo.CountryNamer | None = None
) -> str | None:
    """The name of the one country a place lies in; None for none or several. ``name``:
    geo.country_namer(data.places), which a view of many places builds once and hands in
    (a build is a pass over the places, and `places` names each of its 455)."""
    if len(place.countries) != 1:
        return None
    return (name or geo.country_namer(data.places))(place.countries[0])


def country_names(data: m.Dataset, place: m.Place, name: geo.CountryNamer | None = None) -> str:
    """Every country the place lies in, by name: ``Mali, Burkina Faso, Niger`` (``name``
    as country_name's)."""
    name = name or geo.country_namer(data.places)
    return ", ".join(name(c) for c in place.countries)


def place_json(
    data: m.Dataset, place: m.Place, name: geo.CountryNamer | None = None
) -> dict[str, Any]:
    """The documented JSON shape of a place (``places`` rows and ``place`` profiles)."""
    return {
        "id": place.id,
        "name": place.name,
        "short": place.short,
        "aliases": list(place.aliases),
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
        "region": geo.region_name(data.places, place.id),
        "country": country_name(data, place, name),
        "within": place.within,
        "countries": list(place.countries),
    }


def place_event_counts(data: m.Dataset) -> Counter[str]:
    """Events at each place or anywhere within it (what ``place X`` lists), core only:
    inside as ``--place`` means it, by ``within``, by ``made_of`` and by shape."""
    containers: dict[str, set[str]] = {}
    kids = geo.children(data.places)
    memo = data.memo("contained")
    for pid in data.places:
        for inner in geo.contained(data.places, pid, kids, memo):
            containers.setdefault(inner, set()).add(pid)
    counts: Counter[str] = Counter()
    for e in data.events:
        where: set[str] = set(e.countries)
        for pid in e.places:
            where |= containers.get(pid, {pid})
        counts.update(where)
    return counts


def inside(data: m.Dataset, pid: str) -> frozenset[str]:
    """The places inside ``pid`` as ``--place`` counts them (geo.contained), less itself:
    what ``place X`` lists under contains and ``places --within X`` lists."""
    return geo.contained(data.places, pid, memo=data.memo("contained")) - {pid}


def words_apart(query: str, texts: list[str], noun: str) -> str | None:
    """Why several words, all required, found no ``noun`` together in ``texts`` (none of
    which holds them all: the caller asks having found none): which word is in none, and
    how many the others find ("no fact holds 'french soldiers': 'soldiers' is in none;
    'french' alone is in 2"), or each word's own count when every one is somewhere.
    `facts french soldiers` said "no facts match" and no more, while the figures say
    "military personnel" (U20). None for one word."""
    terms = parse(query)
    parts = [(f"'{w}'", Terms((w,), (), "")) for w in terms.words]
    parts += [(f'"{p}"', Terms((), (p,), "")) for p in terms.phrases]
    if len(parts) < 2:
        return None
    counts = {name: sum(matches(one, t) for t in texts) for name, one in parts}
    said = f"no {noun} holds all of {quoted(query)}"
    absent = [name for name, n in counts.items() if not n]
    if not absent:
        (name, n), *others = counts.items()
        return f"{said}: {name} is in {n}" + "".join(f", {o} in {k}" for o, k in others)
    rest = [(name, one) for name, one in parts if counts[name]]
    none = f"{' and '.join(absent)} {plural(len(absent), 'is', 'are')} in none"
    if not rest:
        return f"{said}: {none}"
    together = Terms(
        tuple(w for _, t in rest for w in t.words), tuple(p for _, t in rest for p in t.phrases), ""
    )
    n = sum(matches(together, t) for t in texts)
    if len(rest) == 1:
        return f"{said}: {none}; {rest[0][0]} alone is in {n}"
    return f"{said}: {none}; {' '.join(name for name, _ in rest)} together are in {n}"


def the_place(place: m.Place) -> str:
    """A place's name as a sentence says it: "the Mopti Region", "Boulkessi"."""
    return f"the {place.name}" if place.kind == "region" else place.name


def at_place(place: m.Place) -> str:
    """Where a sentence puts something: "at Boulkessi" for a settlement, "in Chad" or "in
    the Mopti Region" for an area (U22: compare said "operation at Chad")."""
    return f"{'at' if place.kind in shapes.SETTLEMENT_KINDS else 'in'} {the_place(place)}"


def namesake_note(data: m.Dataset, pid: str, how: Callable[[str], str]) -> str | None:
    """For a town that shares its name with a region, what every view of it says, and
    how to ask for the region: "Ménaka is the town; the Ménaka Region is --place
    menaka-region" (``how`` gives the option or the command that takes the region's id). A name
    meaning both gives the town, so `place menaka` showed the town's 5 events of 2022 and
    nothing of the Region's 14 (U20). None for any other place."""
    region = geo.namesake_region(data.places, pid)
    if region is None:
        return None
    town, area = data.places[pid], data.places[region]
    return f"{town.name} is the town; {the_place(area)} is {how(region)}"


# An area made of at most this many parts names them in its note; more are counted.
_PARTS_NAMED = 5


def covers_note(data: m.Dataset, pid: str) -> str | None:
    """For an area made of regions or spanning countries, what a listing of the events
    there says of them, and where the place is told: "Liptako-Gourma covers 16 regions
    and 1 capital in Burkina Faso, Mali and Niger, wider than the tri-border area:
    barkhane place liptako-gourma" (U38: `timeline --place liptako` listed Kidal's and
    Ouagadougou's events with no word of why; U45 counted its 103 events of 2019 as the
    tri-border area's, the seed's sense of the name: its data's ``wider_than``). None for
    any other place: a region's or a country's events are plainly there."""
    place = data.places[pid]
    parts = [data.places[p] for p in place.made_of if p in data.places]
    namer = geo.country_namer(data.places)
    countries = and_joined([namer(c) for c in place.countries])
    wider = f"wider than the {place.wider_than[0]}" if place.wider_than else ""
    if len(parts) > _PARTS_NAMED:
        kinds = Counter(p.kind for p in parts)
        covered = and_joined([counted(n, kind) for kind, n in kinds.items()])
        covered += f" in {countries}" if countries else ""
    elif parts:
        covered = and_joined([p.name for p in parts])
    elif len(place.countries) > 1:
        covered = f"places within {counted(len(place.countries), 'country')} ({countries})"
    elif wider:
        return f"{place.name} is {wider}: {followups.command('place', pid)}"
    else:
        return None
    covered += f", {wider}" if wider else ""
    return f"{place.name} covers {covered}: {followups.command('place', pid)}"


def wider_place(places: Iterable[m.Place], name: str) -> m.Place | None:
    """The place whose data says it is wider than an area ``name`` names, which the
    record holds no place for (``wider_than``, read as aliases are: case and accents
    aside): `--place tri-border` is Liptako-Gourma's, the nearest the record has."""
    key = normalize(name)
    return next((p for p in places if any(normalize(w) == key for w in p.wider_than)), None)


def place_profile(data: m.Dataset, place: m.Place, events: Iterable[m.Event]) -> dict[str, Any]:
    return {
        **place_json(data, place),
        "contains": sorted(inside(data, place.id)),
        # why a settlement has no point (the data's `unlocated`); null when it has one
        "unlocated": place.unlocated,
        # the region of the same name, for a town that shares it (null for any other place)
        "namesake_region": geo.namesake_region(data.places, place.id),
        # an import's place kept apart from the curated settlement of its name (the
        # card's summary says so; K69: JSON did not carry the id)
        "namesake": place.namesake,
        # the narrower areas readers take it for, which the record has no place for: the
        # covers note under its listings says the first (data's wider_than; [] for none)
        "wider_than": list(place.wider_than),
        "summary": place.summary,
        "sources": [source_ref_json(data, s) for s in place.sources],
        "events": [e.to_json() for e in events],
    }


def _record(data: m.Dataset, pool: Sequence[m.Event] | None) -> Sequence[m.Event]:
    """What a walk for related events reads: ``pool`` (related_pool's candidates), else
    every event in the record's order."""
    return data.events + data.aftermath if pool is None else pool


def sequels(
    data: m.Dataset, event: m.Event, pool: Sequence[m.Event] | None = None
) -> list[tuple[str, m.Event]]:
    """The curated links of an event, both ways: ("follows", what it is a sequel of) and
    ("followed by", its sequels), each in date order (the events' own order)."""
    before, after = [], []
    for e in _record(data, pool):
        if e.id in event.follows:
            before.append(e)
        elif event.id in e.follows:
            after.append(e)
    return [("follows", e) for e in before] + [("followed by", e) for e in after]


# The places whose events are one place's history. Not a capital: the seat of government
# is where a country's politics happens (Bamako is named by 100 events, most of them
# decrees and talks), no more one place than a region or a country is.
_ONE_PLACE = frozenset(shapes.SETTLEMENT_KINDS) - {"capital"}


# How far apart in days two events sharing actors (and no place) may begin and end and
# still be related: a year.
NEAR_DAYS = 366


def settlements(data: m.Dataset, event: m.Event) -> list[str]:
    """The towns, villages and bases an event names (_ONE_PLACE), in its order."""
    return [
        pid
        for pid in event.places
        if (place := data.places.get(pid)) is not None and place.kind in _ONE_PLACE
    ]


def shared_settlement(data: m.Dataset, event: m.Event, other: m.Event) -> str | None:
    """The first town, village or base that both events name, or None."""
    return next((pid for pid in settlements(data, event) if pid in other.places), None)


def nearby_events(
    data: m.Dataset, event: m.Event, n: int = 5, pool: Sequence[m.Event] | None = None
) -> list[m.Event]:
    """Up to ``n`` events other than the curated links: first those at the same town,
    village or base (shared_settlement), whatever their date (U16: Kafolo's 2020 attack listed Burkina and
    Mali events of its weeks and not the 2021 attacks at Kafolo itself); then events
    sharing actors and close in time (a year). In each, shared actors first, then nearness.
    An event sharing neither actor nor place is not related, however near its date (U24:
    Benin's 2019 election listed a Mali–Burkina sweep of the same weeks; the 31-day rule
    that took it had no reason in the history, and README says related events share)."""
    actors = set(event.actors)
    scored: list[tuple[int, int, int, m.Event]] = []
    for other in _record(data, pool):
        if other.id == event.id or other.id in event.follows or event.id in other.follows:
            continue
        here = shared_settlement(data, event, other) is not None
        shared = len(actors & set(other.actors))
        gap = max(other.first - event.last, event.first - other.last, 0)
        if not here and (shared == 0 or gap > NEAR_DAYS):
            continue
        scored.append((0 if here else 1, -shared, gap, other))
    scored.sort(key=lambda t: (t[0], t[1], t[2], t[3].first))
    return [e for *_, e in scored[:n]]


class Related(NamedTuple):
    """One related event and how it is related: ``how`` "follows" or "followed by" (a
    curated link), "at" (the same town, village or base: ``place``) or "" (shared actors);
    ``why``, the reason as every view says it (related_why)."""

    how: str
    place: str | None
    event: m.Event
    why: str = ""


def _apart(event: m.Event, other: m.Event) -> str:
    """How far ``other`` begins from ``event``: "the same day", "8 days later", "3 months
    earlier" (days under two months, then months: a related event is a year away at most)."""
    days = other.first - event.first
    if days == 0:
        return "the same day"
    n = abs(days)
    far = counted(n, "day") if n < 60 else counted(round(n / 30.44), "month")
    return f"{far} {'later' if days > 0 else 'earlier'}"


def related_why(data: m.Dataset, event: m.Event, link: Related) -> str:
    """Why an event is related, as the card leads its line with it and JSON gives it:
    "follows", "followed by", "at Kafolo" (the same place, whatever its date), or the
    actors both name (two, then "and more") and how near it is ("shares JNIM, 8 days
    later"; "shares JNIM and Togo, 6 months later"). U32: the card of
    the Kpinkankandi attack in Togo listed attacks in Burkina Faso of the same week with
    nothing saying why; they share JNIM. Declared here, where relatedness is found."""
    if link.how == "at" and link.place is not None:
        return f"at {data.places[link.place].name}"
    if link.how:
        return link.how
    names = [data.actors[a].label for a in event.actors if a in link.event.actors]
    shown = " and ".join(names) if len(names) < 3 else f"{names[0]}, {names[1]} and more"
    return f"shares {shown}, {_apart(event, link.event)}"


def related_events(
    data: m.Dataset, event: m.Event, pool: Sequence[m.Event] | None = None
) -> list[Related]:
    """An event's related events in the one order every format gives them (U25: the
    card's rows and JSON's ``related`` listed the same ids in two orders): every curated
    link ("follows", then "followed by": a kidnapping and the hostages' release years
    later), then the nearby events at the same town, village or base, then those sharing
    actors; each part in date order; each with its reason (related_why). ``pool``: the
    events to walk (related_pool's), else every event of ``data``."""
    links = [Related(how, None, e) for how, e in sequels(data, event, pool)]
    nearby = [
        (shared_settlement(data, event, e), e)
        for e in sorted(nearby_events(data, event, pool=pool), key=m.Event.sort_key)
    ]
    links += [Related("at", pid, e) for pid, e in nearby if pid is not None]
    links += [Related("", None, e) for pid, e in nearby if pid is None]
    return [r._replace(why=related_why(data, event, r)) for r in links]


# What related_pool reads candidates from: store.db.Store.sharing (actors, first and last
# days, places, ids, the id followed), named by type so lookup needs no store class.
Sharing = Callable[[Sequence[str], int, int, Sequence[str], Sequence[str], str], Iterable[m.Event]]


def related_pool(data: m.Dataset, event: m.Event, sharing: Sharing) -> list[m.Event]:
    """The events related_events can keep for ``event``, in the record's order, from a
    store's query (``sharing``) rather than a walk of every event (K79: a card of one of a
    million imported events decoded them all): sequels keeps only what the event follows
    and what follows it, nearby_events only what names one of its settlements or shares
    an actor within NEAR_DAYS. The walk's own rule then picks from these, so both give
    the same related events (tests/test_cards_by_id.py holds them equal)."""
    days = (event.first - NEAR_DAYS, event.last + NEAR_DAYS)
    places = settlements(data, event)
    return list(sharing(event.actors, *days, places, event.follows, event.id))


class ByID(NamedTuple):
    """An event read by its id from a store (event_by_id), with what its card needs."""

    data: m.Dataset  # the store's tables; no event in it
    event: m.Event
    pool: list[m.Event]  # related_pool's candidates
    matched: matching.Matches | None = None  # a curated event's beside an import


def event_by_id(loaded: store.Loaded, event: m.Event) -> ByID | None:
    """An event read from the store by its id (stored_event), with its related_pool and,
    for a curated event beside an import, curated_matches; None without a store."""
    db = loaded.db
    if db is None:
        return None
    matched = None
    if matching.dataset_of(event) is None and db.ids_begin(tuple(m.DATASETS)):
        matched = curated_matches(loaded.data, event, db)
    return ByID(loaded.data, event, related_pool(loaded.data, event, db.sharing), matched)


def curated_matches(data: m.Dataset, event: m.Event, db: Store) -> matching.Matches:
    """matching.match over the records a curated event's card can show, not the whole
    import (K86: 10 s of CPU at 100,000 rows, 85-103 s at a million): each record is
    linked to the curated event it scores best with, so its fate depends on every
    curated event its days meet and on the reviewed links, which take their
    records from the scoring (every event giving one, from the store's _reviewed, and
    the records they name); the records ``event`` can score with are those whose days
    come within DATE_TOLERANCE of its span. For ``event`` the result is the whole
    match's, not for the other events (tests/test_curated_card.py holds it so for every
    curated event)."""
    prefixes = tuple(m.DATASETS)
    reviews = db.reviewing()
    named = [matching.event_id(*key) for e in reviews for key in matching.reviewed_ids(e)]
    tolerance = matching.DATE_TOLERANCE
    window: list[m.Event] = []
    if not event.aftermath and event.last - event.first + 1 <= matching.MAX_SPAN:
        # match scores core events no longer than MAX_SPAN: a state of affairs' years of
        # records would be read for nothing
        window = db.beginning(prefixes, event.first - tolerance, event.last + tolerance)
    curated: list[m.Event] = []
    if window:
        # the curated events a window's record can score with: their spans, widened by
        # the tolerance, meet its days (match's by_day); ``event`` is one of them
        first = min(r.first for r in window) - tolerance
        last = max(r.last for r in window) + tolerance
        curated = [e for e in db.core_but(prefixes) if e.first <= last and e.last >= first]
    # in no particular order: match links each record on its own, then sorts each
    # event's pairs by day and id
    records = {r.id: r for r in (*window, *db.events_of(named))}
    return matching.match(data, curated, list(records.values()), reviews)


def stored_event(loaded: store.Loaded, ident: str) -> m.Event | None:
    """The event ``ident`` is the id of, as resolve reads an id (as given, else folded),
    from the store by the events table's index; None without a store or such an id."""
    db = loaded.db
    if db is None:
        return None
    event = None
    for key in dict.fromkeys((ident, fold(ident.strip()))):
        event = event or db.event(key)
    return event


def event_titles(loaded: store.Loaded) -> list[tuple[str, str]]:
    """(id, title) of every event, the core events then the aftermath: what `event NAME`
    resolves a name by, from the store's names when there is one (none decoded: K83),
    else from the events read from the files."""
    if loaded.db is not None:
        return loaded.db.event_titles()
    return [(e.id, e.title) for e in loaded.data.events + loaded.data.aftermath]


class EventKind(NamedTuple):
    """What ranks an event among those a guessed name may mean (cli/eventguess.py): its
    type, date, tags and countries beside its id and title."""

    id: str
    title: str
    type: str
    date: PartialDate
    tags: tuple[str, ...]
    countries: tuple[str, ...]


# The most days a date of the record spans (a year's, a leap year's): 366.
_LONGEST_DATE = 366


def event_kinds(
    loaded: store.Loaded, types: Sequence[str], days: tuple[int, int] | None, most: int
) -> list[EventKind] | None:
    """The events of one of ``types`` or whose date meets ``days`` (first and last
    ordinals), in no order, or None where they are more than ``most``: from the store's
    columns when there is one (none decoded: K83), else from the events read from the
    files."""
    import json

    from barkhane_cli.dates import parse_iso

    first, last = days or (1, 0)
    # an event's date begins as much as a year before its own end meets ``days``
    first -= _LONGEST_DATE
    kinds: list[EventKind]
    if loaded.db is not None:
        kinds = [
            EventKind(
                i, title, kind, parse_iso(date), tuple(json.loads(tags)), tuple(json.loads(cs))
            )
            for i, title, kind, date, tags, cs in loaded.db.event_kinds(types, first, last, most)
        ]
    else:
        kinds = [
            EventKind(e.id, e.title, e.type, e.date, e.tags, e.countries)
            for e in loaded.data.events + loaded.data.aftermath
            if e.type in types or first <= e.date.first_ordinal() <= last
        ]
    return kinds if len(kinds) <= most else None


def event_detail(data: m.Dataset, event: m.Event, links: list[Related]) -> dict[str, Any]:
    """An event as JSON, its sources and related events whole; ``links``: its
    related_events (the card lists them too)."""
    out = event.to_json()
    out["sources"] = [source_ref_json(data, s) for s in event.sources]
    out["related"] = [r.event.id for r in links]
    out["followed_by"] = [r.event.id for r in links if r.how == "followed by"]
    # why each of "related" is, in its order: the card's lead ("shares JNIM, 8 days later")
    out["related_why"] = [r.why for r in links]
    return out


def citations(data: m.Dataset) -> Counter[str]:
    """How many entries cite each source."""
    counts: Counter[str] = Counter()
    groups: list[Iterable[Any]] = [
        data.actors.values(),
        data.places.values(),
        data.events,
        data.aftermath,
        data.facts.values(),
        data.eras.values(),
    ]
    for group in groups:
        for entry in group:
            for sid in {s.id for s in entry.sources}:
                counts[sid] += 1
    for j in data.judgments.values():
        for sid in {s.id for s in j.outcome_sources} | {m.SEED_ID}:
            counts[sid] += 1
    return counts


def event_counts(data: m.Dataset, attr: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for e in data.events:
        counts.update(set(getattr(e, attr)))
    return counts


# Every kind of entry an id can name and the command that shows one: declared once, read
# by each lookup (event, fact, actor, place, source) when a name none of its own kind
# matches is exactly another kind's id. Summaries point to entries by id ("see fact
# serval-troops-mali-2013-09"), and `event` of a fact's id offered a far-off event (U25).
# Eras and judgments have no card of their own: their listing shows them.
# The command is its name and whether it takes the id (followups.command builds it).
ENTRY_KINDS: tuple[tuple[str, str, tuple[str, bool]], ...] = (
    ("event", "an event", ("event", True)),
    ("aftermath", "an aftermath event", ("event", True)),
    ("actor", "an actor", ("actor", True)),
    ("place", "a place", ("place", True)),
    ("fact", "a fact", ("fact", True)),
    ("era", "an era", ("eras", False)),
    ("judgment", "a judgment", ("judgments", False)),
    ("source", "a source", ("source", True)),
)


def _ids(data: m.Dataset, kind: str) -> Iterable[str]:
    if kind in ("event", "aftermath"):
        # from a store's events table when ``data`` holds none decoded (K83)
        stored = store.event_ids(data, kind == "aftermath")
        if stored is not None:
            return stored
        return (e.id for e in (data.events if kind == "event" else data.aftermath))
    return getattr(data, f"{kind}s").keys()  # type: ignore[no-any-return]


def other_kind(data: m.Dataset, ident: str, own: str) -> str | None:
    """What to say when ``ident`` names no entry of the kind ``own`` looks up but is
    exactly the id of an entry of other kinds: "X is a fact, not an event: barkhane fact
    X". None when it is no other kind's id."""
    commands = {kind: command for kind, _, command in ENTRY_KINDS}
    ours = commands[own]
    # an id is matched as every lookup matches one (resolve.normalize: case, accents and
    # spaces aside), so `actor Gao` is told what `actor gao` is (U26), as `event
    # COUP-2020-08` opens the event; the command gives the id as it is spelt
    wanted = normalize(ident)
    if not wanted:
        return None
    found = [
        (article, followups.command(command[0], *[same] * command[1]))
        for kind, article, command in ENTRY_KINDS
        if command != ours
        for same in [next((i for i in _ids(data, kind) if normalize(i) == wanted), None)]
        if same is not None
    ]
    if not found:
        return None
    said = [a for a, _ in found]
    articles = and_joined(said)
    what = next(a for k, a, _ in ENTRY_KINDS if k == own)
    return f"{ident.strip()} is {articles}, not {what}: " + " or ".join(
        dict.fromkeys(c for _, c in found)
    )
