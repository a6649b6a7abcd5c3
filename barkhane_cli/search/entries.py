"""The entries a search looks at, each as its names, what it is about and its texts.

The candidates (candidates: events and their actors and places, facts, sources, with
their dates and a date window), their haystacks as a store keeps them (haystack, index)
and the years a query types (typed_years). Apart from the scoring because a store builds
its search index from these alone, and what an entry is to a search is one question, how
it ranks another.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import NamedTuple

from barkhane_cli import geo
from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate, month_words
from barkhane_cli.search.terms import YEAR_WORD, Terms
from barkhane_cli.search.texts import holds, pad

KINDS = ("event", "actor", "place", "fact", "source")


def texts_hay(texts: Iterable[str]) -> str:
    return " ".join(pad(t) for t in texts)


def haystack(names: Iterable[str], texts: Iterable[str]) -> str:
    """All an entry's names and texts as :func:`entry_score` finds words in them
    (normalized, padded): a term not found here scores 0, so a search may skip the entry
    unscored."""
    return " ".join(pad(n) for n in names if n) + texts_hay(t for t in texts if t)


def index(data: m.Dataset) -> Iterator[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(kind, id, names, texts) of every entry a search looks at, its haystack being
    ``haystack(names, texts)``: what a store keeps so that a search normalizes only the
    entries that hold every term (store/compile.py, which reuses a haystack made of the
    same names and texts, store/reuse.py)."""
    for c in candidates(data, frozenset(KINDS), None, None):
        yield c.kind, c.id, (*c.names, *c.about), tuple(c.texts)


def ruled_out(
    terms: Terms, hays: Mapping[tuple[str, str], str] | None, kind: str, ident: str
) -> bool:
    """Whether the entry's haystack in a store's index (if there is one, and it is known
    there) lacks a term: its score is 0 then, in names and texts or in names alone. A
    literal query (punctuation only) is matched on folded text, not on the haystack."""
    hay = None if hays is None or terms.literal else hays.get((kind, ident))
    if hay is None:
        return False
    return not holds(terms, hay)


def _overlaps(first: int, last: int, lo: int | None, hi: int | None) -> bool:
    return (lo is None or last >= lo) and (hi is None or first <= hi)


class _Entry(NamedTuple):
    """An entry as a search reads it: its names and titles, what it is about (an event's
    actors and places, scored as names), and its texts."""

    kind: str
    id: str
    title: str
    date: str
    names: list[str]
    texts: list[str]
    about: list[str]
    span: tuple[int, int] | None = None  # the days it is dated (ordinals), if dated
    later: bool = False  # aftermath: an event or a figure after the record's end


def event_about(data: m.Dataset, e: m.Event) -> list[str]:
    """The names, short forms and ids of the actors (its perpetrators and targets among
    them) and the places an event names: what it is about, as much as its title (U21:
    `search wagner moura` ranked the Moura massacre, its perpetrators Mali and Wagner,
    fourth). The short form before the id, as tables show it: `search minusma` says
    "MINUSMA" matched, not "minusma". An actor's aliases too, as its name (`search
    sahraoui` found Adnan Abou Walid al-Sahraoui but not his killing, one of 19 events
    naming him), but not one holding a year: an actor's list ACLED's names with their
    years ("Military Forces of France (2012-2017)"), and `france 2017` would then find
    every French event (`platform 2014` every one of the Platform of 14 June 2014's). A
    place's aliases likewise, a country's codes among them (geo.aliases_of), as the place
    answers to them (K41: `search tombouctou` found Timbuktu and none of the 31 events
    there, `aguelhoc` 1 of Aguelhok's 17, the one whose text spells it so)."""
    out: list[str] = []
    for ident in dict.fromkeys((*e.actors, *e.perpetrators, *e.targets)):
        a = data.actors.get(ident)
        out += _names(ident, a.name, a.short, a.aliases) if a else [ident]
    return out + event_places(data, e)


def event_places(data: m.Dataset, e: m.Event) -> list[str]:
    """The names of the places an event names, as event_about reads them."""
    out: list[str] = []
    for ident in e.places:
        p = data.places.get(ident)
        out += _names(ident, p.name, p.short, geo.aliases_of(p)) if p else [ident]
    return out


def _names(ident: str, name: str, short: str | None, aliases: tuple[str, ...]) -> list[str]:
    """An actor's or a place's name, short form and id, then its aliases but those holding
    a year (_undated): what event_about reads of each."""
    return [*(n for n in (name, short, ident) if n), *_undated(aliases)]


@functools.lru_cache(maxsize=1024)
def _undated(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases holding no year (YEAR_WORD), once for each actor or place however
    many events name it."""
    return tuple(a for a in aliases if not YEAR_WORD.search(a))


def candidates(
    data: m.Dataset,
    kinds: frozenset[str],
    lo: int | None,
    hi: int | None,
    keep: Callable[[str, str], bool] = lambda kind, ident: True,
) -> Iterator[_Entry]:
    """Every entry a search looks at that ``keep`` (kind, id) keeps. With a date window,
    only dated entries in it: actors and places have no date. ``keep`` is asked first: an
    entry a store's index rules out (ruled_out) costs no dates, regions or actors' names
    (`search gao` in a warm process: 57 ms, 63 once events were read with their actors
    and places, 45 asking first)."""
    dated = lo is not None or hi is not None
    if "actor" in kinds and not dated:
        for a in data.actors.values():
            if not keep("actor", a.id):
                continue
            yield _Entry("actor", a.id, a.name, a.start.iso() if a.start else "",
                         [a.name, *a.aliases, a.id], [a.summary], [])  # fmt: skip
    if "place" in kinds and not dated:
        for p in data.places.values():
            if not keep("place", p.id):
                continue
            region = geo.region_name(data.places, p.id) or ""
            yield _Entry("place", p.id, p.name, "", [p.name, *geo.aliases_of(p), p.id],
                         [p.summary or "", region], [])  # fmt: skip
    if "event" in kinds:
        # The aftermath too: a lookup answers for the whole record, as it does for the
        # figures dated after 9 November 2022 ("search Ghergut" found his release's
        # sources but not the release).
        for e in (*data.events, *data.aftermath):
            if _overlaps(e.first, e.last, lo, hi) and keep("event", e.id):
                yield _Entry("event", e.id, e.title, e.date.iso(), [e.title, e.id],
                             [e.summary, e.disputed or "", " ".join(e.tags)],
                             event_about(data, e), (e.first, e.last), e.aftermath)  # fmt: skip
    if "fact" in kinds:
        for f in data.facts.values():
            if f.as_of.within(lo, hi) and keep("fact", f.id):
                yield _Entry("fact", f.id, f.label, f.as_of.iso(), [f.label, f.id],
                             [f.scope, f.note or ""], [],
                             (f.as_of.first_ordinal(), f.as_of.last_ordinal()),
                             f.aftermath)  # fmt: skip
    if "source" in kinds:
        for s in data.sources.values():
            outside = dated and (s.date is None or not s.date.within(lo, hi))
            if outside or not keep("source", s.id):
                continue
            span = (s.date.first_ordinal(), s.date.last_ordinal()) if s.date else None
            yield _Entry("source", s.id, s.title, s.date.iso() if s.date else "",
                         [s.title, s.id],
                         [s.publisher, s.via or "", s.url or "", s.author or "",
                          s.note or ""], [],
                         span)  # fmt: skip


# A year typed among a search's words finds the entries dated in it (an event, a fact's
# as-of, a source's date) as well as the texts that say it: `search tillaberi 2021` found
# the events of 2021 whose ids or texts spell "2021" and missed the Tchoma Bangou and
# Banibangou massacres (U22). Its date counts as one of the entry's names. A year is four
# digits within the record's years (its first event's to its last's, aftermath too);
# other numbers are numbers (a toll of 1000 is not the year 1000). Four digits: YEAR_WORD.
# A month's name typed next to such a year (january 2021, 2021 janvier; dates.month_words)
# is that month, a date as the year is: `search Tillabéri attack january 2021` opened with
# a July 2021 event whose text says "January", before the massacres of 2 January 2021
# (U54). A month's name alone is a word, found in texts as any other.


def typed_dates(data: m.Dataset, terms: Terms) -> dict[str, PartialDate]:
    """The words of ``terms`` that are years of the record, each as the date it is, and
    a month's name next to one of them, as that month of that year."""
    words = terms.words
    typed = [w for w in words if YEAR_WORD.fullmatch(w)]
    everything = (*data.events, *data.aftermath)
    if not typed or not everything:
        return {}
    lo = dt.date.fromordinal(min(e.first for e in everything)).year
    hi = dt.date.fromordinal(max(e.last for e in everything)).year
    dates = {w: PartialDate(int(w)) for w in typed if lo <= int(w) <= hi}
    months = month_words()
    for at, word in enumerate(words):
        if word not in months:
            continue
        # the year just before it, else the one just after (2021 january, january 2021)
        near = [words[i] for i in (at - 1, at + 1) if 0 <= i < len(words)]
        year = next((dates[w] for w in near if w in dates and dates[w].month is None), None)
        if year is not None:
            dates[word] = PartialDate(year.year, months[word])
    return dates


def dated_in(span: tuple[int, int], years: Mapping[str, PartialDate]) -> bool:
    """Whether the days ``span`` covers overlap every date (a year, a month) of ``years``."""
    return all(year.within(*span) for year in years.values())
