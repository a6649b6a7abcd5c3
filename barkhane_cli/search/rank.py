"""The rules that order a search's hits among each other, and the hit they order.

What lifts an entry above its score alone (an actor or a place a query of names calls,
NAMED_BY; an event over a source it cites, led_to), what sets it under (a word found by
its stem alone, STEM_ONLY), and the order of hits at the same score (ranked: the record
before its aftermath, the closer name, a series of figures together, latest first).
Apart from the scoring of one entry (search/score.py) because these read the query,
the data or the other hits; the rules in order are listed above :func:`ranked`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from barkhane_cli import geo
from barkhane_cli import model as m
from barkhane_cli.search.entries import event_places, haystack
from barkhane_cli.search.score import shown_score
from barkhane_cli.search.terms import YEAR_WORD, Terms
from barkhane_cli.search.texts import holds, pad


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    id: str
    title: str
    date: str
    score: int
    match: str
    # A source's: the events citing it, the entries a reader came for (empty otherwise)
    cited_by: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "score": self.score,
            "match": self.match,
            "cited_by": list(self.cited_by),
        }


# An actor or a place that a query of names alone calls by its name (an alias, a short
# form or its id too), its own text naming the others: `search wagner mali` asks what the
# Wagner Group did in Mali, and its card, which says so, was 84th, under every event and
# figure whose title names both (U45). Over those (85) and under an exact name (100).
# Names alone: a word that names nothing asks for what happened, and `goita coup` lists
# his coups first, not his card; nor a year, which asks for entries dated in it, and
# actors and places have no date (typed_dates).
NAMED_BY = 90


def names_typed(data: m.Dataset, terms: Terms) -> dict[str, int]:
    """Each name of an actor or a place that ``terms`` type in full, as one or more of
    their words in order, when the rest of them are names too and no word is a year:
    where it starts among the words (``wagner mali``: wagner 0, mali 1). Empty for a
    query of one name (an exact name scores 100 as it is) and for any other query."""
    needles = _needles(terms)
    if len(needles) < 2 or terms.literal or any(YEAR_WORD.fullmatch(w) for w in needles):
        return {}
    runs = _name_runs(data, needles)
    n = len(needles)

    @functools.cache
    def names_only(i: int, j: int) -> bool:  # whether needles[i:j] splits into names
        return i == j or any(names_only(end, j) for start, end in runs if start == i <= end <= j)

    # the first place a name is typed, if twice (runs in order: the latest written last)
    return {
        " ".join(needles[i:j]): i
        for i, j in reversed(runs)
        if j - i < n and names_only(0, i) and names_only(j, n)
    }


def _needles(terms: Terms) -> list[str]:
    """The query's words (a lone letter's token joined: `G 5` is g5) and phrases."""
    return [*(w.replace(" ", "") for w in terms.words), *terms.phrases]


def _name_runs(data: m.Dataset, needles: list[str]) -> list[tuple[int, int]]:
    """Each run of ``needles`` (start, end) that is in full the name, short form, id or
    alias of an actor or a place."""
    known: set[str] = set()
    for a in data.actors.values():
        known.update(pad(n).strip() for n in (a.name, a.short, a.id, *a.aliases) if n)
    for p in data.places.values():
        known.update(pad(n).strip() for n in (p.name, p.short, p.id, *geo.aliases_of(p)) if n)
    n = len(needles)
    return [(i, j) for i in range(n) for j in range(i + 1, n + 1)
            if " ".join(needles[i:j]) in known]  # fmt: skip


def called_by_name(
    terms: Terms, typed: Mapping[str, int], names: Iterable[str], texts: Iterable[str]
) -> tuple[str, int] | None:
    """(the name, where it was typed) when an actor's or a place's own name is one of
    ``typed`` and its names and texts hold every word (NAMED_BY); else None."""
    for n in names:
        at = typed.get(pad(n).strip()) if n else None
        if at is not None and holds(terms, haystack(names, texts)):
            return n, at
    return None


# A source whose title holds every word ranks here or above (shown_score's 60 and up)
TITLED_SOURCE = shown_score("source", 60)


def led_to(found: list[Found], citing: Mapping[str, tuple[str, ...]]) -> list[Found]:
    """``found``, each event found in its texts that cites a source found by its title
    ranked one above the best such source: the source is where to read more about the
    event, the event what the words name (`search dupont verlon` listed nine reports
    titled on RFI's two reporters, then the event of their killing, whose summary names
    them and which cites eight of the nine; `ambassador expelled` a report before Mali's
    expulsion of the French ambassador, its title saying "expels")."""
    above: dict[str, int] = {}
    for f in found:
        h = f.hit
        if h.kind == "source" and h.score >= TITLED_SOURCE:
            for ident in citing[h.id]:
                above[ident] = max(above.get(ident, 0), h.score + 1)
    led: list[Found] = []
    for f in found:
        h = f.hit
        # an event only: a source may have an event's id (unsc-res-2085 is both)
        lifted = h.kind == "event" and above.get(h.id, 0) > h.score
        led.append(f._replace(hit=replace(h, score=above[h.id])) if lifted else f)
    return led


# An event the query names by its place or actor is found through a source titled on every
# word, though its own text lacks some: `search attaque solhan` listed three French reports
# titled "Attaque de Solhan ..." and not the Solhan massacre, written in English (U54). A
# source is where to read more about the events citing it, so its title's words are theirs
# as well; of the events citing it, those whose title, id or places hold every word of
# the query that names a place or an actor (_name_runs) are brought in, ranked as led_to
# ranks an event over a source it cites. None when no word is such a name: the words
# alone would bring in every event a report is cited by. Not an event's actors: the G5
# Sahel's founding and its force's launch, citing a report on Mali's leaving it for
# background, name Mali among their members.
def cited_named(
    data: m.Dataset,
    terms: Terms,
    found: list[Found],
    citing: Mapping[str, tuple[str, ...]],
    window: tuple[int | None, int | None],
    dated: Callable[[tuple[int, int]], bool],
) -> list[Found]:
    """The events not in ``found`` that a source found by its title leads to and whose
    names hold the query's names (above), each one above the best such source, its
    title the match. ``window``: the search's first and last days (ordinals), the
    events outside it left out; ``dated``: whether an event's days are in the dates
    typed (every event when none is)."""
    titled = [f.hit for f in found if f.hit.kind == "source" and f.hit.score >= TITLED_SOURCE]
    needles = _needles(terms) if titled and not terms.literal else []
    names = {w for i, j in _name_runs(data, needles) for w in needles[i:j]}
    if not names:
        return []
    named = Terms(tuple(w for w in terms.words if w.replace(" ", "") in names),
                  tuple(p for p in terms.phrases if p in names), "")  # fmt: skip
    have = {f.hit.id for f in found if f.hit.kind == "event"}
    best: dict[str, Hit] = {}  # event id -> the source that leads to it
    for h in titled:
        for ident in citing.get(h.id, ()):
            if ident not in have and (ident not in best or best[ident].score < h.score):
                best[ident] = h
    if not best:
        return []
    lo, hi = window
    brought = []
    for e in (*data.events, *data.aftermath):
        source = best.get(e.id)
        if source is None or (lo is not None and e.last < lo) or (hi is not None and e.first > hi):
            continue
        if dated((e.first, e.last)) and holds(
            named, haystack((e.title, e.id), event_places(data, e))
        ):
            hit = Hit("event", e.id, e.title, e.date.iso(), source.score + 1, source.title)
            brought.append(Found(hit, 0, later=e.aftermath))
    return brought


class Found(NamedTuple):
    """A hit with what orders it among hits of the same score (:func:`ranked`)."""

    hit: Hit
    words: int  # the words of its closest own name holding every term (entry_score); 0, none
    typed_at: int = 0  # where in the query the name it is called by was typed (NAMED_BY)
    later: bool = False  # aftermath: after the record's end (9 November 2022)
    series: str = ""  # a fact's series ("" for any other kind)
    as_of: int = 0  # a fact's as-of, its last day (an ordinal)
    # a dated entry holding a year typed only as a word, not dated in it (rule 0)
    off_year: bool = False
    # found through its texts (score.FOUND_IN_NAMES), how many of the query's words its
    # own names hold (rule 3); 0 otherwise
    titled: int = 0


# How a search ranks, the rules in the order they apply (each declared here or at the
# name it links to):
#  0. A year typed asks for what is dated in it: an entry dated outside it that only says
#     it comes after those dated in it, whatever their scores (Found.off_year).
#  1. The score (shown_score): an exact name 100; an actor or a place a query of names
#     alone calls by its name, its own text naming the others (NAMED_BY: `wagner mali`,
#     the Wagner Group) 90; every word in one name or title 85 (whole words) or 75;
#     across an entry's names 60; an event's actors and places as its names, ABOUT under
#     its own; sources under the entries (shown_score), an event over a source it cites
#     (led_to); found in texts 20 to 50; a word found by its stem alone STEM_ONLY under.
#  2. At the same score, the record before its aftermath: a figure or an event after 9
#     November 2022 follows those of the record (`search wagner mali` listed the 2023
#     count of Wagner's men before any event of their deployment).
#  3. The closer match: the entry with the shorter own name holding every word
#     (entry_score), then those with none; of those found through their texts, those
#     whose own names (an event's title and id) hold more of the words first (`search
#     mali withdraws g5`: Mali's leaving the G5 Sahel before the G5's founding
#     convention, both led to by the same reports; U54); of actors and places a query
#     of names calls, the one named first.
#  4. By kind (actor, event, fact, place, source), then events and sources oldest
#     first (a story in its order), and a fact's series together, placed by its closest
#     figure, its latest figure first and the series with the latest figures first:
#     `search burkina displaced` gave Burkina Faso's displaced of October 2018 to 2019
#     first, its latest count (1,761,915 in October 2022) nineteenth (U45).
def ranked(found: list[Found]) -> list[Hit]:
    """The hits in rank order (the rules above)."""

    def block(f: Found) -> tuple[int, bool, str]:
        return f.hit.score, f.later, f.series

    closest: dict[tuple[int, bool, str], tuple[bool, int]] = {}
    newest: dict[tuple[int, bool, str], int] = {}
    for f in found:
        if f.series:
            at = block(f)
            closest[at] = min(closest.get(at, (True, 1 << 30)), (not f.words, f.words))
            newest[at] = max(newest.get(at, 0), f.as_of)

    def key(f: Found) -> tuple[Any, ...]:
        h = f.hit
        near = (*closest[block(f)], 0) if f.series else (not f.words, f.words, -f.titled)
        recent = (-newest[block(f)], f.series, -f.as_of) if f.series else (0, "", 0)
        return (f.off_year, -h.score, f.later, *near, f.typed_at, h.kind, *recent, h.date, h.id)

    return [f.hit for f in sorted(found, key=key)]


# U50: `search gao 2019` opened with the Netherlands' 2018 decision to leave MINUSMA "by
# May 2019", its title's year scoring as the 2019 events' dates do. An entry with a date
# that a year typed does not cover, found through the year's word in its text, ranks
# after every entry dated in the year (rule 0); entries with no date (actors, places) are
# neither (Found.off_year).


# What an entry found by a word's stem alone ranks under one holding the word as typed,
# at the same score: `search senegal votes` puts an event whose title says "votes"
# before the referendum whose title says "vote".
STEM_ONLY = 1


def by_stem_only(words: Iterable[str], names: Iterable[str], texts: Iterable[str]) -> bool:
    """Whether some word is in the entry only through its stem (not as typed)."""
    hay = haystack(names, texts)
    return any(f" {w}" not in hay for w in words)
