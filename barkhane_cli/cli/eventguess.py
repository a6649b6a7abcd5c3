"""Which event a guessed name means when it holds an event type or a date: `event
"august 2020 coup"` is the coup of 18 August 2020, not the African Union's suspension
of Mali whose title holds the three words (U37, U38).

A name is read as units: a date (`2020`, `august 2020`, `18 August 2020`, as `on` reads
one: eventnames.date_named), an event type (`coup`, `coup attempt`, `massacres`) and
plain words. An event is a candidate when each unit is its type or date, or else a word
(or the start of one) of its id, title or countries; candidates rank by how many units
are their type or date, then by how many are their tags (`coup` tags the coup attempts
too); equals are all listed, whatever their titles (U41). A name that is an id, a whole
title, a type alone or a date alone is not guessed here: resolve reads the first two,
eventnames points the others to their listings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from barkhane_cli.cli.eventnames import date_named, type_named
from barkhane_cli.resolve import NAMED_AT_MOST, Named, Resolver, normalize
from barkhane_cli.text import LINKS

if TYPE_CHECKING:
    from barkhane_cli.dates import PartialDate
    from barkhane_cli.lookup import EventKind

# The most words a date is written in: "18 August 2020".
_DATE_WORDS = 3
# The most events of a name's types and date that are ranked: the record's most common
# type, attack, has 576; an import's hundreds of thousands are not read to guess a name
# (K83), which resolve then reads as it did before (its words in the titles).
_MOST_RANKED = 5000
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Unit:
    """A part of a name: its words (normalized), and the type or date they are, if any."""

    words: tuple[str, ...]
    type: str | None = None
    date: PartialDate | None = None


def guessed(loaded: Any, resolver: Resolver, name: str) -> Resolver | None:
    """The events ``name`` ranks first, as a resolver of them alone that reads ``name``
    as all of them (its resolve gives the one, or the error that lists them), or None
    when the name is not guessed here or ranks no few events first: resolve's own
    reading of it stands."""
    from barkhane_cli import lookup

    if resolver.exact(name) or type_named(name) or _date(name):
        return None
    units = _units(name)
    types = [u.type for u in units if u.type is not None]
    dates = [u.date for u in units if u.date is not None]
    if not types and not dates:
        return None
    days = (dates[0].first_ordinal(), dates[0].last_ordinal()) if dates else None
    ranked: dict[str, tuple[int, int]] = {}
    titles: dict[str, str] = {}
    kinds = lookup.event_kinds(loaded, types, days, _MOST_RANKED)
    if kinds is None:
        return None
    for event in kinds:
        rank = _rank(event, units)
        if rank is not None and rank[0]:
            ranked[event.id] = rank
            titles[event.id] = event.title
    if not ranked:
        return None
    best = max(ranked.values())
    # Equals are listed, not decided by their titles: "coup 2021" took the two coups whose
    # titles say "coup" and left Chad's military council, a coup of 2021 too, and
    # "aguelhok 2021" opened the Bakabo strike, whose id holds the name's words, over the
    # attack on the UN camp there (U41).
    first = {i for i, rank in ranked.items() if rank == best}
    if len(first) > NAMED_AT_MOST:
        return None
    entries = [Named(i, titles[i], (name,)) for i in sorted(first)]
    return Resolver(entries, "event", names_shown=resolver.names_shown)


def _date(text: str) -> PartialDate | None:
    """The date ``text`` is (eventnames.date_named), read only where it holds a digit: a
    date without a year is none here, and reading one imports dateutil (~0.15 s), which
    "radisson attack" needs no more than before."""
    return date_named(text) if _DIGIT.search(text) else None


def _units(name: str) -> list[_Unit]:
    """``name`` as units, in its order: each run of words that is a date (the longest
    first), each that is an event type or its plural, each other word alone."""
    raw = name.split()
    units: list[_Unit] = []
    dated = False
    i = 0
    while i < len(raw):
        for n in range(min(_DATE_WORDS, len(raw) - i), 0, -1):
            text = " ".join(raw[i : i + n])
            day = None if dated else _date(text)
            if day is not None:
                units.append(_Unit(tuple(normalize(text).split()), date=day))
                dated = True  # one date a name: a second year is a word of a title
                i += n
                break
        else:
            units.extend(_typed(normalize(raw[i])))
            i += 1
    return _joined(units)


def _typed(words: str) -> list[_Unit]:
    """A word of the name (normalized: one word may be two, "coup-attempt"), as units."""
    return [_Unit((w,), type_named(w)) for w in words.split()]


def _joined(units: list[_Unit]) -> list[_Unit]:
    """Two plain words that are one type together ("coup attempt", "leader killed") as
    that type: before "coup" alone is read as the coup."""
    out: list[_Unit] = []
    for unit in units:
        if out and unit.date is None and out[-1].date is None:
            words = out[-1].words + unit.words
            kind = type_named(" ".join(words))
            if kind is not None and len(words) == 2:
                out[-1] = _Unit(words, kind)
                continue
        out.append(unit)
    return out


def _rank(event: EventKind, units: Sequence[_Unit]) -> tuple[int, int] | None:
    """How many of ``units`` are the event's type or date, then how many are its tags;
    None when a unit is none of those nor words of its id, title or countries (a linking
    word, text.LINKS, aside)."""
    hay = normalize(" ".join((event.id, event.title, *event.countries))).split()
    tags = {normalize(t) for t in event.tags}
    named = tagged = 0
    for unit in units:
        if (unit.date is not None and _meets(event.date, unit.date)) or (
            unit.type is not None and unit.type == event.type
        ):
            named += 1
        elif unit.type is not None and normalize(unit.type) in tags:
            tagged += 1
        elif not all(w in LINKS or any(h.startswith(w) for h in hay) for w in unit.words):
            return None  # a linking word ("the 2012 coup") is no word of the title to find
    return named, tagged


def _meets(day: PartialDate, wanted: PartialDate) -> bool:
    """Whether an event dated ``day`` may be on ``wanted``: their spans meet."""
    return (
        day.first_ordinal() <= wanted.last_ordinal()
        and day.last_ordinal() >= wanted.first_ordinal()
    )
