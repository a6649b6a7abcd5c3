"""What `event NAME` says when NAME names no event, or several: the command that lists
what the user may have meant. NAME is an id, a part of one, words of a title or a typo
(resolve.Resolver); a place's or an actor's name, an event type or a date are not an
event's, and each has its listing: `timeline --place`, `--actor`, `--type`, `on DATE`.

U36: `event massacre` named eight of its 29 matches and "be more specific", and `event
2019-01-01` four events whose ids hold "2019-01", neither a command that lists them.
Every command here carries the run's --data files (followups.command).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from barkhane_cli import followups
from barkhane_cli import model as m
from barkhane_cli.errors import quoted
from barkhane_cli.text import and_joined, plural

if TYPE_CHECKING:
    from barkhane_cli.dates import PartialDate

# A place is taken for the one an event name meant when spelt as near it as a word of a
# title must be (resolve.WORD_CUTOFF: "timbuktoo" is 0.82 of Timbuktu, "boulkesi" 0.94 of
# Boulkessi); at the 0.6 of a place's own "did you mean", many a short word is near some
# village.
_EVENTS_NAMED = 3  # a place with this many events or fewer has them named

# A name of digits alone is a date only as a year of the record: 5100 is a number (an
# id's "barkhane-reinforced-5100"), 2019 a year.
_DIGITS = re.compile(r"\d+")


def none_named(loaded: Any, name: str) -> str:
    """What to say when ``event NAME`` names no event: the listing of the date or the
    type NAME is (_dated, _typed), else the events at a place it (nearly) names
    (events_at); empty when none fits."""
    said = _dated(loaded, name) or _typed(loaded, name)
    return f"; {said}" if said else events_at(loaded, name)


def several_named(loaded: Any, name: str, n: int) -> str:
    """Where the ``n`` events ``event NAME`` matches are listed, said after the nearest
    few: as a place's or an actor's (listed_as), a type's or a date's; else, where more
    match than an error names (resolve.NAMED_AT_MOST), the search that ranks them.
    Empty: the error names them all."""
    from barkhane_cli.resolve import NAMED_AT_MOST

    said = [s for s in (listed_as(loaded, name), _typed(loaded, name)) if s]
    if said:  # a place's or a type's listing: the events whose text holds it too (U41)
        said[-1] += _text_matches(loaded, name)
    said += [s for s in [_dated(loaded, name)] if s]
    if not said and n > NAMED_AT_MOST:
        search = followups.command("search", *name.split(), "--kind", "event")
        said = [f"{search} ranks them"]
    return "; ".join(said)


def _text_matches(loaded: Any, name: str) -> str:
    """After a place's, an actor's or a type's listing: the timeline of the events whose
    text holds ``name`` (its --search), and how many. U41: `event inates` said it
    "matches 5 events" (their ids or titles) and that `--place inates` lists 3 (placed
    there), while `timeline --search inates --count` gave 9; three counts, two said, and
    none saying what it counts. Empty when no event's text holds it."""
    from barkhane_cli import query

    n = _how_many(loaded, query.build_query(loaded.data, search=name))
    if not n:
        return ""
    option = [f"--search={name}"] if name.startswith("-") else ["--search", name]
    return f", {followups.command('timeline', *option)} the {n:,} whose text holds it"


def date_named(name: str) -> PartialDate | None:
    """The date ``name`` is, as `on` reads one (dates.parse_user_date: 2019-01-01, 1
    January 2019, 2019-01), or None; digits alone only as a year of the record."""
    from barkhane_cli.dates import parse_user_date
    from barkhane_cli.meta import RECORD_END, RECORD_START

    text = name.strip()
    if _DIGITS.fullmatch(text) and not RECORD_START.year <= int(text) <= RECORD_END.year:
        return None
    try:
        return parse_user_date(text)
    except ValueError:
        return None


def _dated(loaded: Any, name: str) -> str:
    """For a date: `on DATE`, and the timeline of its day, month or year (with
    --aftermath past the record's end, situation.events_command) where it has events:
    `event 1999-05-01` pointed to a timeline that said "no events match" (RV35)."""
    from barkhane_cli import query
    from barkhane_cli.situation import events_command, past_record

    day = date_named(name)
    if day is None:
        return ""
    iso = day.iso()
    on = f"{followups.command('on', iso)} shows the {day.precision}"
    aftermath = past_record(day.last_ordinal())
    q = query.build_query(loaded.data, since=day, until=day, aftermath=aftermath)
    if not _how_many(loaded, q):
        return on
    return f"{on}, {events_command(iso, iso)} lists its events"


def type_named(name: str) -> str | None:
    """The event type ``name`` is (model.EVENT_TYPES), or its plural: "massacres",
    "coup attempt", or its French word (model.FRENCH_EVENT_WORDS: "bataille"); None for
    any other name."""
    from barkhane_cli.resolve import normalize

    french = {normalize(f): e for f, e in m.FRENCH_EVENT_WORDS.items()}
    typed = normalize(french.get(normalize(name), name))
    for kind in m.EVENT_TYPES:
        if typed in (normalize(kind), normalize(kind) + "s"):
            return kind
    return None


def _typed(loaded: Any, name: str) -> str:
    """For an event type: `timeline --type TYPE` and how many it lists; empty for a type
    no event of the record has."""
    from barkhane_cli import query

    kind = type_named(name)
    if kind is None:
        return ""
    n = _how_many(loaded, query.build_query(loaded.data, types=[kind]))
    if not n:
        return ""
    events = f"{n:,} {kind} {plural(n, 'event')}"
    return f"{followups.command('timeline', '--type', kind)} lists the {events}"


def events_at(loaded: Any, name: str) -> str:
    """What to say when ``event NAME`` names no event but (nearly) a place with events:
    those events (U15: `event boulkesi` said only that no event matches, where `place
    boulkesi` offered Boulkessi). Empty when no place fits or it has none."""
    from barkhane_cli import query
    from barkhane_cli.lookup import the_place
    from barkhane_cli.resolve import WORD_CUTOFF

    dataset = loaded.data
    places = query.place_resolver(dataset)
    pids = places.exact(name) or places.candidates(name)
    if not pids:
        pids = set(places.closest(name, WORD_CUTOFF)[:1])
    if len(pids) != 1:
        return ""
    (pid,) = pids
    q = query.build_query(dataset, places=[pid])
    n = _how_many(loaded, q)
    where = the_place(dataset.places[pid])
    if not n:
        return ""
    if n <= _EVENTS_NAMED:
        ids = [e.id for e in loaded.stream(q)]
        what = "the " + plural(n, "event")
        return f"; did you mean {' or '.join(ids)} ({what} at {where})?"
    listed = followups.command("timeline", "--place", pid)
    return f"; did you mean the {n} events at {where}? {listed}"


def _how_many(loaded: Any, q: Any) -> int:
    """How many events ``q`` selects (store.Loaded.select's): counted from the store's
    rows, none decoded, when SQL answers it alone, as a place's or an actor's events (K83:
    a place of an import's held 100,000 of a million events, decoded to be counted)."""
    texts = loaded.texts(q)
    return sum(1 for _ in (texts if texts is not None else loaded.stream(q)))


def listed_as(loaded: Any, name: str, counted: bool = True) -> str:
    """Where the events are listed when ``event NAME`` matches several and NAME is a
    place's or an actor's (its id, name or an alias): `event gao` answered with 37
    titles in a line, where `timeline --place gao` lists them. Empty when it is neither,
    or names none with events. Without ``counted``, "the events at Gao": an error that
    gives its own count says no other (several_refused)."""
    from barkhane_cli import query
    from barkhane_cli.lookup import at_place

    dataset = loaded.data
    said: list[str] = []
    for option, resolver in (
        ("--place", query.place_resolver(dataset)),
        ("--actor", query.actor_resolver(dataset)),
    ):
        ids = resolver.exact(name)
        if len(ids) != 1:
            continue
        (ident,) = ids
        q = (
            query.build_query(dataset, places=[ident])
            if option == "--place"
            else query.build_query(dataset, actors=[ident])
        )
        n = _how_many(loaded, q)
        if not n:
            continue
        if option == "--actor":
            whose = f"naming {dataset.actors[ident].name}"
        else:
            p = dataset.places[ident]
            whose = at_place(p)
        # the second option shares the first's command: "..., --actor mali the 381 events naming Mali"
        command = f"{option} {ident}" if said else followups.command("timeline", option, ident)
        events = "the event" if n == 1 else f"the {n} events" if counted else "the events"
        said.append(f"{command} {'lists ' * (not said)}{events} {whose}")
    return ", ".join(said)


def entries_named(loaded: Any, resolver: Any, name: str) -> tuple[list[str], list[str]]:
    """What else ``name`` is exactly (an actor's, a place's id, name or alias), as
    "the place Solhan (barkhane place solhan)", and the events whose id or title holds
    it, nearest first: both empty unless it is one such entry of a kind or more, some
    event holds it, and it is no event's whole id or title. What `event NAME` decides
    by, one rule: one event opens (read_for_one says what else the name is), several
    are listed (several_refused). U45: `event moura` opened the Moura massacre while
    `event solhan` refused with "solhan is a place, not an event", its two events after."""
    from barkhane_cli import query

    dataset = loaded.data
    said = []
    for kind, entries, by in (
        ("actor", dataset.actors, query.actor_resolver(dataset)),
        ("place", dataset.places, query.place_resolver(dataset)),
    ):
        ids = by.exact(name)
        if len(ids) == 1:
            (ident,) = ids
            said.append(f"the {kind} {entries[ident].name} ({followups.command(kind, ident)})")
    ids = resolver.candidates(name) if said and not resolver.exact(name) else set()
    if not ids:
        return [], []  # no event: another_kind's "X is a place, not an event" says so
    return said, resolver.nearest(name, ids, n=len(ids))


def read_for_one(resolver: Any, name: str, what: list[str], ident: str) -> str:
    """The note on a watched stderr when ``event NAME`` opens the one event whose id or
    title holds a place's or an actor's name: "read 'moura' as Moura massacre in central
    Mali (moura-massacre), the one event whose id or title holds it; it is also the
    place Moura (barkhane place moura)"."""
    return (
        f"read {quoted(name)} as {resolver.by_id[ident].name} ({ident}), the one event whose "
        f"id or title holds it; it is also {and_joined(what)}"
    )


def several_refused(loaded: Any, resolver: Any, name: str, what: list[str], ids: list[str]) -> str:
    """The error when ``event NAME`` names a place or an actor and several events (ids
    nearest first): one count, each event named when there are few, else the nearest
    and the listings. U45 read three counts in one line at 80 columns: "matches 5
    events", "the 3 events at Inatès", "the 9 whose text holds it"."""
    from barkhane_cli.resolve import NAMED_AT_MOST

    shown = ids if len(ids) <= NAMED_AT_MOST else ids[:_EVENTS_NAMED]
    named = ", ".join(f"{resolver.by_id[i].name} ({i})" for i in shown)
    said = f"{quoted(name)} names {and_joined([*what, f'{len(ids)} events by id or title'])}"
    said += f": {named}" if len(shown) == len(ids) else f", the nearest: {named}"
    listed = listed_as(loaded, name, counted=False)  # where its events are, uncounted
    return f"{said}; {listed + '; ' if listed else ''}give the event's id"
