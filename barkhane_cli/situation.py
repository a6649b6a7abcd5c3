"""``barkhane on DATE``: the situation on one day, as data.

Which eras were in place (briefing.eras_in), who led each country (``leader-of``
affiliations whose dates cover the day), the latest figure of each headline kind known
by then, and the events in a window around it. A date given as a month or a year is
that whole period. Plain data; drawing is in render/situation.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from barkhane_cli import briefing, followups, geo, lookup, query
from barkhane_cli import model as m
from barkhane_cli.briefing import figure_kind
from barkhane_cli.dates import PartialDate, parse_iso
from barkhane_cli.meta import RECORD_END, outside_record, record_note

SAHEL_FIRST = ("mali", "burkina-faso", "niger")
# The events that place a country only as where people met (talks, summits, agreements:
# Doha for Chad's talks, Accra for its Initiative), not as one the conflict is in: `on`
# names no such country among those with no leader recorded (unled_countries).
VENUE_TYPES = frozenset({"diplomacy"})
# A ``leader-of`` note naming the role this way, or opening with a prime minister's
# title (docs/data-format.md), is a head of government's, listed after the head of
# state; every other leader of a state is its head of state. The two offices, as `on`'s
# JSON and piped rows name them (a leader's ``office``).
HEAD_OF_GOVERNMENT = "head of government"
HEAD_OF_STATE = "head of state"
# A note's opening words, up to the first comma, semicolon or parenthesis: its title
_TITLE = re.compile(r"[^,;(]*")
# How many of the window's events the one-screen view lists, those nearest the day: the
# 40 events of `on 2021-05-24`'s two months took 80 of its 224 lines at 80 columns (K42).
NEAREST_EVENTS = 15


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def era_rows(data: m.Dataset, first: int, last: int) -> list[dict[str, Any]]:
    """The eras in place over the span; for a span after the record, those in place at
    its end (leaders_as_of) but the ones whose recorded end comes before the span, each
    row's ``as_of`` saying so, as the leaders' do. An open era is known to run to the
    record's end: `on 2023-03-01` said "Eras: none in place", MINUSMA and Goïta's
    transition among them (U61 #6)."""
    as_of = leaders_as_of(first)
    at = RECORD_END.last_ordinal() if as_of is not None else None
    rows = []
    for era in briefing.eras_in(data, at or first, at or last):
        if at is not None and era.end is not None and era.end.last_ordinal() < first:
            continue  # ended after the record, before the day
        row = briefing.era_json(era)
        row["begins"] = first <= era.start.first_ordinal() <= last
        row["ends"] = era.end is not None and first <= era.end.last_ordinal() <= last
        row["as_of"] = as_of
        rows.append(row)
    return rows


def _country_order(country: str) -> tuple[bool, int, str]:
    """Mali, Burkina Faso and Niger first (SAHEL_FIRST), then the others by id."""
    return (
        country not in SAHEL_FIRST,
        SAHEL_FIRST.index(country) if country in SAHEL_FIRST else 0,
        country,
    )


def head_of_government(row: dict[str, Any]) -> bool:
    """Whether a leader row (leader_rows) is a head of government, by its office:
    listed after the head of state, and on `on`'s one screen only where no head of
    state is recorded."""
    return bool(row["office"] == HEAD_OF_GOVERNMENT)


def _office(note: str | None) -> str:
    """A ``leader-of`` term's office, by its note (HEAD_OF_GOVERNMENT): U36 found the
    leaders in `on`'s JSON with the office only in words of the note, "prime minister
    (head of government)", for a script to dig out. A title alone counts: Niger's
    "transitional prime minister" of 2010 (Danda) was shown as a head of state beside
    the junta's leader."""
    said = note or ""
    title = _TITLE.match(said)
    opens_as_prime_minister = title is not None and "prime minister" in title.group().lower()
    if HEAD_OF_GOVERNMENT in said or opens_as_prime_minister:
        return HEAD_OF_GOVERNMENT
    return HEAD_OF_STATE


def past_record(last: int) -> bool:
    """Whether a span ending on ``last`` (a day ordinal) runs past the record's end: `on`
    shows the aftermath's figures, and a command listing the span takes --aftermath
    (listing). The one rule: the figures' command was worked out from the day being after
    the record, the events' from the window's end being after it (K48)."""
    return last > RECORD_END.last_ordinal()


def listing(name: str, last: int, *words: str) -> str:
    """The command ``name`` with ``words``, listing a span ending on ``last``, with
    --aftermath where it runs past the record (past_record): without it, what the span
    holds after the record's end is left out, and the command lists fewer than `on`
    counts. The run's data files go with it (followups)."""
    return followups.command(name, *words, *(["--aftermath"] if past_record(last) else []))


def events_command(start: str, end: str) -> str:
    """The command listing the events from ``start`` to ``end`` (ISO dates, a window or
    the period given), which `on`'s one screen points to."""
    return listing("timeline", parse_iso(end).last_ordinal(), "--since", start, "--until", end)


def _leader_terms(data: m.Dataset) -> Iterator[tuple[m.Actor, m.Affiliation, m.Actor]]:
    """Each ``leader-of`` affiliation to a state: the person, the term, the state."""
    for person in data.actors.values():
        for aff in person.affiliations:
            state = data.actors.get(aff.actor)
            if aff.relation == "leader-of" and state is not None and state.kind == "state":
                yield person, aff, state


def leaders_as_of(first: int) -> str | None:
    """The day whose leaders `on` lists for a span starting on ``first``: the record's end
    (ISO) for a span wholly after it, None (the span itself) otherwise. An open term is
    known to run to the record's end, no further, and a term's recorded end after the
    record was all that still covered a later day: `on 2023-03-01` listed Mali's and
    Chad's prime ministers under "each country's head of state" and left out Goïta and
    Traoré, whose terms were open (U41). After the record, what is known is who held
    office at its end, and it is said so."""
    return RECORD_END.iso() if first > RECORD_END.last_ordinal() else None


def leader_rows(data: m.Dataset, first: int, last: int) -> list[dict[str, Any]]:
    """Per country (a state actor), the people whose ``leader-of`` spans the day; for a
    day after the record, those in office at its end (leaders_as_of), each row's
    ``as_of`` saying so."""
    # An open term is known to run to the record's end, no further: it covers a day or
    # window that starts by then (`on 2022`, whose window runs past the end, listed no
    # one still in office at the end: France, Goïta's Mali, Ghazouani's Mauritania).
    open_until = RECORD_END.last_ordinal()
    as_of = leaders_as_of(first)
    if as_of is not None:
        first = last = open_until
    found: dict[str, list[dict[str, Any]]] = {}
    for person, aff, state in _leader_terms(data):
        if aff.start is None and aff.end is None:
            continue  # no dates: we cannot say it covers the day
        starts = aff.start.first_ordinal() if aff.start else None
        ends = aff.end.last_ordinal() if aff.end else None
        if starts is not None and starts > last:
            continue
        if ends is not None and ends < first:
            continue
        found.setdefault(state.id, []).append(
            {
                # its country too: each leader a record of its own, for a script that
                # flattens the list (jq's .leaders[].leaders[], pandas)
                "country": state.id,
                "id": person.id,
                "name": person.name,
                "office": _office(aff.note),
                "start": aff.start.iso() if aff.start else None,
                "end": aff.end.iso() if aff.end else None,
                "note": aff.note,
                "begins": starts is not None and first <= starts <= last,
                "ends": aff.end is not None and first <= aff.end.first_ordinal() <= last,
                # the record's end for a day after it: known in office then, not on the day
                "as_of": as_of,
            }
        )
    order = sorted(found, key=_country_order)
    return [
        {
            "country": c,
            "name": data.actors[c].name,
            # Heads of state before heads of government, then who took office first.
            "leaders": sorted(
                found[c],
                key=lambda r: (head_of_government(r), r["start"] or "", r["id"]),
            ),
        }
        for c in order
    ]


def unled_countries(
    data: m.Dataset, events: Iterable[m.Event], leaders: Iterable[dict[str, Any]]
) -> list[dict[str, str]]:
    """The countries with no leader listed: `on` lists leaders only where ``leader-of``
    affiliations say who led, and a country with events but no such affiliation (Algeria,
    Libya, Nigeria in 2016) went unsaid, as if it had none. So did a country whose leaders
    the record holds, none of them on the day, whatever its events (U30: Côte d'Ivoire
    on 1 March 2011, Ouattara's term recorded from 6 May): it is listed too. A country
    where the window's events are talks alone (VENUE_TYPES) is where they met, not one
    the conflict is in: U50 read "no leader recorded for: Qatar", host of Chad's Doha
    talks, as a gap in a Sahel briefing."""
    led = {c["country"] for c in leaders}
    countries = {c for e in events if e.type not in VENUE_TYPES for c in e.countries} | {
        state.id for _, _, state in _leader_terms(data)
    }
    found = sorted(countries - led, key=_country_order)
    # one no place entry holds is named as every view names it (geo.country_namer: as
    # places' `country` writes it, as a file naming Doha in Qatar alone), not by its id
    name = geo.country_namer(data.places)
    return [{"country": c, "name": name(c)} for c in found]


def _row(data: m.Dataset, f: m.Fact, under_way: bool) -> dict[str, Any]:
    row = lookup.fact_json(f)
    row["figure"] = figure_kind(data, f)[1]
    row["kind"] = f.kind
    row["headline"] = f.headline
    row["value_text"] = lookup.fact_value_text(f)
    row["period_under_way"] = under_way
    return row


def known_figures(data: m.Dataset, last: int) -> list[m.Fact]:
    """The figures `on` draws on for a span ending on ``last``: the aftermath's only where
    the span runs past the record (past_record), as its listing takes --aftermath, so a
    month or a year the record ends in (`on 2022`) shows them as it shows its events. One
    place for the rule figure_rows and other_figures both applied."""
    aftermath = past_record(last)
    return [f for f in data.facts.values() if aftermath or not f.aftermath]


def figure_rows(data: m.Dataset, last: int) -> tuple[list[dict[str, Any]], bool, list[str]]:
    """The latest figure of each headline series (briefing.headline_series, the rule
    `summary` follows too) whose as-of period is over by ``last``, then those of the month
    under way (briefing.under_way), and whether the data marks headlines. Of figures of one date,
    those of a force that has since ended give way to the others. Last, the ids of one
    figure a series, what the one-screen view shows, as `summary` picks them
    (briefing.newest_of_series): the latest whose period is over, the first by id of one
    date; a figure of the month under way is left to --full, as it may have been counted
    after the day."""
    pool, marked = briefing.headline_series(data, known_figures(data, last))
    under_way: dict[str, list[m.Fact]] = {}
    done = []
    for f in pool:
        if briefing.under_way(f, last):
            under_way.setdefault(figure_kind(data, f)[0], []).append(f)
        else:
            done.append(f)
    latest = briefing.latest_by_series(data, done, last)
    # a strength of a force that has ended is not current (Serval's in Mali in 2016)
    current = {key: briefing.standing(data, fs, last) for key, fs in latest.items()}
    rows = []
    for key in sorted(latest.keys() | under_way.keys()):
        rows += [_row(data, f, False) for f in current.get(key, [])]
        # a force that has ended gives way here too (a month's figure of Serval in the
        # month Barkhane began)
        later = [f for f in under_way.get(key, []) if not briefing.force_ended(data, f, last)]
        rows += [_row(data, f, True) for f in sorted(later, key=lambda x: x.id)]
    return rows, marked, [f.id for f in briefing.newest_of_series(current)]


def _distance(e: m.Event, first: int, last: int) -> int:
    """How many days an event's span lies from first..last (day ordinals): none when it
    meets them."""
    return max(0, e.first - last, first - e.last)


def on_date(events: list[m.Event], first: int, last: int) -> int:
    """How many of the events meet the date itself (first..last): a day's, or those of
    the whole month or year given."""
    return sum(1 for e in events if not _distance(e, first, last))


def nearest_events(events: list[m.Event], first: int, last: int, n: int) -> list[str]:
    """The ids of the ``n`` events whose span comes nearest the date (first..last, day
    ordinals; an event meeting it is at no distance), in the window's order: `on`'s one
    screen lists these and points to the command that lists them all. Where more than
    ``n`` meet the date (a month or a year: `on 2021` listed January's first fifteen as
    "nearest"), ``n`` of those spread evenly over them in date order, the first and the
    last among them: a sample of the period's course, not its opening weeks."""
    meeting = [at for at, e in enumerate(events) if not _distance(e, first, last)]
    if len(meeting) > n:
        step = (len(meeting) - 1) / max(n - 1, 1)
        return [events[meeting[round(i * step)]].id for i in range(n)]
    near = sorted(range(len(events)), key=lambda at: (_distance(events[at], first, last), at))
    return [events[at].id for at in sorted(near[:n])]


def other_figures(data: m.Dataset, day: PartialDate, shown: Iterable[str]) -> dict[str, Any]:
    """How many figures ``facts --until DAY`` lists beyond the headline ones shown, and
    that command: `on` shows one figure per headline series, and said nothing of the
    others known by then (U16: a new country's series stayed invisible)."""
    last = day.last_ordinal()
    seen = set(shown)
    count = sum(
        1 for f in known_figures(data, last) if f.as_of.within(None, last) and f.id not in seen
    )
    command = listing("facts", last, "--until", day.iso())
    return {"count": count, "command": command}


# What gives a query's events: query.select over a whole dataset, or a store's
# (store.Loaded.select), which reads only the candidates and decodes no other event.
Select = Callable[[query.EventQuery], Iterable[m.Event]]


def events_near(
    data: m.Dataset, day: PartialDate, window: int, select_: Select | None = None
) -> tuple[list[m.Event], tuple[int, int]]:
    """Events whose span meets [day − window, day + window] (aftermath included), by
    ``select_`` (default: query.select over ``data``, which must then hold its events)."""
    # clipped to the calendar Python can hold (on 0001-01-01, on 9999-12-31)
    first = max(day.first_ordinal() - window, dt.date.min.toordinal())
    last = min(day.last_ordinal() + window, dt.date.max.toordinal())
    since = dt.date.fromordinal(first)
    until = dt.date.fromordinal(last)
    q = query.build_query(
        data,
        since=PartialDate(since.year, since.month, since.day),
        until=PartialDate(until.year, until.month, until.day),
        aftermath=True,
    )
    found = select_ if select_ is not None else partial(query.select, data)
    return list(found(q)), (first, last)


def situation(
    data: m.Dataset, day: PartialDate, window: int = 30, select_: Select | None = None
) -> tuple[dict[str, Any], list[m.Event]]:
    """What `on` shows, and the window's events in record_order (what its map and
    GeoJSON draw). ``select_`` gives the window's events (events_near): `on` passes the
    store's, so no other event is decoded; nothing else here reads an event."""
    first, last = day.first_ordinal(), day.last_ordinal()
    events, (w0, w1) = events_near(data, day, window, select_)
    later = outside_record(first, last) == "after"
    figures, marked, one_a_series = figure_rows(data, last)
    leaders = leader_rows(data, first, last)
    # None for a day that meets the record: in_record follows from it
    note = record_note(
        first,
        last,
        day.iso(),
        "shown are the aftermath events and figures, and the eras in place and leaders in "
        "office at its end",
    )
    return {
        "date": day.iso(),
        "in_record": note is None,
        "note": note,
        "window": {"days": window, "start": _iso(w0), "end": _iso(w1)},
        "eras": era_rows(data, first, last),
        "leaders": leaders,
        # after the record the leaders are those at its end (leaders_as_of), and the
        # window's aftermath events name countries the record's end does not speak for
        "no_leader_recorded": [] if later else unled_countries(data, events, leaders),
        "figures": figures,
        "figures_marked_headline": marked,
        "other_figures": other_figures(data, day, (f["id"] for f in figures)),
        "events": [e.to_json() for e in events],
        # what the one-screen view shows of the two lists above (K42)
        "latest_figures": one_a_series,
        "nearest_events": nearest_events(events, first, last, NEAREST_EVENTS),
        # how many events meet DATE itself: more than nearest_events lists, and those
        # are spread over the month or year given
        "events_on_date": on_date(events, first, last),
    }, record_order(events)


def record_order(events: Iterable[m.Event]) -> list[m.Event]:
    """The events in the record's order, core events before the aftermath's (as
    ``data.events + data.aftermath`` lists them), not the window's date order: `on` drew
    its map and GeoJSON in this order when it looked the window's events up by id in the
    whole record, and draws them so still from the window alone. The sort is stable and
    each list is in date order already."""
    return sorted(events, key=lambda e: e.aftermath)
