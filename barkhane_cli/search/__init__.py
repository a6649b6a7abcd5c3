"""Search that finds what you mean: every word required, in any order; quoted phrases.

``french troops gao`` finds entries holding all three words (each word matches the start
of a word, so ``attack`` finds "attacks"), anywhere across their names and texts;
``"peace agreement"`` must appear as those words in that order. Case, accents and
punctuation do not matter. Matches in a title or a name rank before matches in a text (an
event's actors and places, aliases too, count as its title, just under it: ABOUT); a
source, where to read more, ranks under the entries whose names hold every word and above
those found in their texts (shown_score), but under an event so found that cites it
(led_to). Words that are names alone call the cards of what they name first (NAMED_BY).
At the same score, the record before its aftermath, then the closer match: the entry
with the shorter own name holding every word (entry_score), then the earlier, a series
of figures together and latest first (every rule, in order: above rank.ranked). Nothing
found gets a suggestion from the names and words in the data.

Here is the search itself (search, named: one loop, _hits) and what it says beside its
hits (a suggestion for nothing found, the other words for the dead). Its parts are
modules of this package, each importing only those listed before it: terms (a query's
words), texts (a text as a search reads it, and whether it holds the words), entries
(the candidates and their haystacks), score (one entry's score), rank (the rules
ordering hits). Each names what the others take from it without an underscore. The
names other modules use are importable from here, as they were when this was one
module.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from barkhane_cli import cite, geo
from barkhane_cli import model as m
from barkhane_cli.resolve import normalize
from barkhane_cli.search.entries import KINDS as KINDS
from barkhane_cli.search.entries import candidates, dated_in, ruled_out, typed_dates
from barkhane_cli.search.entries import haystack as haystack
from barkhane_cli.search.entries import index as index
from barkhane_cli.search.rank import (
    NAMED_BY,
    STEM_ONLY,
    Found,
    by_stem_only,
    called_by_name,
    cited_named,
    led_to,
    names_typed,
    ranked,
)
from barkhane_cli.search.rank import Hit as Hit
from barkhane_cli.search.score import FOUND_IN_NAMES, entry_score, held, shown_score
from barkhane_cli.search.terms import Terms as Terms
from barkhane_cli.search.terms import as_phrase as as_phrase
from barkhane_cli.search.terms import closed_quote as closed_quote
from barkhane_cli.search.terms import in_english
from barkhane_cli.search.terms import parse as parse
from barkhane_cli.search.terms import plain_words as plain_words
from barkhane_cli.search.terms import stem as stem
from barkhane_cli.search.texts import event_words as event_words
from barkhane_cli.search.texts import matches as matches
from barkhane_cli.search.texts import matches_query as matches_query
from barkhane_cli.search.texts import word_beginnings as word_beginnings
from barkhane_cli.text import counted


def search(
    data: m.Dataset,
    query: str,
    kinds: Iterable[str] = KINDS,
    first: int | None = None,
    last: int | None = None,
    hays: Mapping[tuple[str, str], str] | None = None,
    series: Callable[[m.Fact], str] | None = None,
) -> list[Hit]:
    """One ranked list across events, actors, places, facts and sources. ``hays``, a
    store's :func:`index` of the same data, spares normalizing every text of every entry
    on each search (a second of the 1.1 s `search gao` took): an entry whose haystack
    lacks a term is skipped, as :func:`entry_score` would give it 0. ``series`` names
    the series a fact belongs to (the briefings' figure_kind, a floor above this one), so
    that a series is listed together, latest first (rank.ranked); without it each fact
    is a series of its own."""
    found = _hits(data, query, kinds, first, last, hays, texts=True, series=series)
    # a source found leads to the events citing it (U16: `search hammam` found two
    # sources on his death, and not the event)
    citing = cite.events_citing(data, (f.hit.id for f in found if f.hit.kind == "source"))
    if "event" in kinds:  # and to those at the place or of the actor it names (cited_named)
        terms = parse(in_english(query) or query)
        years = typed_dates(data, terms)
        found += cited_named(
            data, terms, found, citing, (first, last), lambda span: dated_in(span, years)
        )
    return [replace(h, cited_by=citing[h.id]) if h.kind == "source" else h
            for h in ranked(led_to(found, citing))]  # fmt: skip


def named(
    data: m.Dataset,
    query: str,
    kinds: Iterable[str] = KINDS,
    hays: Mapping[tuple[str, str], str] | None = None,
) -> list[Hit]:
    """The entries whose names or titles hold ``query`` as search finds it there (its
    ranks of 60 and up), in its order, without reading their texts: a tenth of its time,
    quick enough to ask after a lookup by name (cli/base.read_as). ``hays`` as in
    :func:`search`: names lacking a term that the whole haystack lacks."""
    return ranked(_hits(data, query, kinds, None, None, hays, texts=False))


def _hits(
    data: m.Dataset,
    query: str,
    kinds: Iterable[str],
    first: int | None,
    last: int | None,
    hays: Mapping[tuple[str, str], str] | None,
    texts: bool,
    series: Callable[[m.Fact], str] | None = None,
) -> list[Found]:
    """The entries ``query`` scores above 0 in, each with the words of its closest name
    (:func:`entry_score`): :func:`search`'s and :func:`named`'s one loop, the latter
    scoring names and titles alone (``texts`` False). A query read otherwise in English
    (terms.in_english: "attaque de Solhan" as "attack solhan") finds what either reading
    finds, each entry at the better of its two scores."""
    english = in_english(query)
    readings = (query,) if english is None else (query, english)
    best: dict[tuple[str, str], Found] = {}
    for reading in readings:
        for f in _hits_of(data, reading, kinds, first, last, hays, texts, series):
            key = (f.hit.kind, f.hit.id)
            if key not in best or best[key].hit.score < f.hit.score:
                best[key] = f
    return list(best.values())


def _hits_of(
    data: m.Dataset,
    query: str,
    kinds: Iterable[str],
    first: int | None,
    last: int | None,
    hays: Mapping[tuple[str, str], str] | None,
    texts: bool,
    series: Callable[[m.Fact], str] | None,
) -> list[Found]:
    """_hits for one reading of the query."""
    terms = parse(query)
    if not terms:
        return []
    hits: list[Found] = []
    years = typed_dates(data, terms)
    # a year (or a month with it) may be found in the entry's date, which no haystack
    # holds: rule out on the other words alone
    narrowing = replace(terms, words=tuple(w for w in terms.words if w not in years))

    def kept(kind: str, ident: str) -> bool:
        return not ruled_out(narrowing, hays, kind, ident)

    stemmed = tuple(w for w in terms.words if stem(w) != w)
    callable_by = names_typed(data, terms) if texts else {}
    for c in candidates(data, frozenset(kinds), first, last, kept):
        off_year = False
        if years and c.span is not None:
            if dated_in(c.span, years):
                # its date, a name holding its year, and the month's name typed with it
                months = (w for w, d in years.items() if d.month is not None)
                c = c._replace(about=[*c.about, c.date, *months])
            else:
                off_year = True  # found at all, only through the year's word (rank's rule 0)
        # named() reads names and titles alone, as its notes say ("2 more names or
        # titles hold it"): an event's actors and places are not its title
        score, match, words = (
            entry_score(terms, c.names, c.texts, c.about)
            if texts
            else entry_score(terms, c.names, ())
        )
        typed_at = 0
        if score and score < NAMED_BY and callable_by and c.kind in ("actor", "place"):
            called = called_by_name(terms, callable_by, c.names, c.texts)
            if called is not None:
                score, match, typed_at = NAMED_BY, *called
        if score:
            rank = shown_score(c.kind, score)
            if stemmed and by_stem_only(stemmed, (*c.names, *c.about), c.texts if texts else ()):
                rank -= STEM_ONLY
            fact = data.facts.get(c.id) if c.kind == "fact" else None
            hits.append(Found(
                Hit(c.kind, c.id, c.title, c.date, rank, match), words, typed_at, c.later,
                (series(fact) if series else fact.id) if fact else "",
                fact.as_of.last_ordinal() if fact else 0, off_year,
                held(terms, c.names) if score < FOUND_IN_NAMES else 0,
            ))  # fmt: skip
    return hits


# Words the record writes for the same dead: labels say "killed" or "who died", summaries
# "dead", fact ids "-deaths". Each is searched as typed: folded into one, they would change
# what every search finds ("dead" begins "deadline", and a store narrows on the word
# typed). A search holding one says instead how many each other word finds that it did
# not (U32: `facts french killed` found 5 facts, `facts french deaths` 13).
# Each family with what its words name, for the note.
WORD_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the dead", ("killed", "dead", "deaths", "died")),
)


def near_words(query: str) -> list[tuple[str, str, str, str]]:
    """(word typed, another of its family, the query with that one in its place, what
    the family names) for each word of ``query`` in a WORD_FAMILIES family, by its stem
    (death is deaths)."""
    terms = parse(query)
    stems = {stem(word) for word in terms.words}
    out = []
    for typed in terms.words:
        mine = stem(typed)
        for topic, family in WORD_FAMILIES:
            if all(stem(w) != mine for w in family):  # none of this family
                continue
            # not a word the query already holds: "killed died" with "died" for "killed"
            # would be the query "died died"
            for other in (w for w in family if stem(w) not in stems):
                words = [other if w == typed else w for w in terms.words]
                instead = " ".join([*words, *map(as_phrase, terms.phrases)])
                out.append((typed, other, instead, topic))
    return out


def near_word_note(query: str, finds: Callable[[str], set[str]], noun: str) -> str | None:
    """What the other words of a typed word's family would find (WORD_FAMILIES): "for
    'killed', 'deaths' finds 13 facts and 'died' 10 (the record words the dead several
    ways)". ``finds``: the ids a query finds among the entries searched, asked only when
    the query holds such a word (the query's own ids among them). Only a word finding
    some the query did not is named; None when none is."""
    near = near_words(query)
    if not near:
        return None
    found = finds(query)
    said: list[tuple[str, str, int, str]] = []
    for typed, other, instead, topic in near:
        ids = finds(instead)
        if ids - found:
            said.append((typed, other, len(ids), topic))
    if not said:
        return None
    (typed, other, n, topic), *rest = said
    parts = [f"'{other}' finds {counted(n, noun)}", *(f"'{o}' {k}" for _, o, k, _ in rest)]
    listed = parts[0] if not rest else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"for '{typed}', {listed} (the record words {topic} several ways)"


def suggest(
    data: m.Dataset,
    query: str,
    kinds: Iterable[str] = KINDS,
    first: int | None = None,
    last: int | None = None,
    hays: Mapping[tuple[str, str], str] | None = None,
) -> list[str]:
    """Close names (``wagnr`` -> "Wagner Group (wagner)") or, failing that, close words
    that the same search (kinds, window) would find something with: "prisoners chad"
    once suggested "prisoner chad", which found nothing either."""
    wanted = normalize(query)
    if not wanted:
        return []
    names: dict[str, str] = {}
    for a in data.actors.values():
        for n in (a.name, a.id, *a.aliases):
            names.setdefault(normalize(n), f"{a.name} ({a.id})")
    for p in data.places.values():
        for n in (p.name, p.id, *geo.aliases_of(p)):
            names.setdefault(normalize(n), f"{p.name} ({p.id})")
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.75)
    # only a name the same search (kinds, window) finds something with: a window leaves
    # actors and places out (_entries), and `search wagner --since 2030` offered "Wagner
    # Group (wagner)", which it would not show either
    found = [names[c] for c in close if search(data, c, kinds, first, last, hays)]
    if found:
        return list(dict.fromkeys(found))
    vocab: set[str] = set(names)
    for e in (*data.events, *data.aftermath):  # the words the search itself reads
        vocab.update(normalize(e.title).split())
    joined = wanted.replace(" ", "")
    if joined != wanted and joined in vocab:
        candidate = joined  # "haw bi" is "hawbi", not "hawbi bi"
    else:
        out = []
        for w in wanted.split():
            near = [] if w in vocab else difflib.get_close_matches(w, list(vocab), n=1, cutoff=0.75)
            out.append(near[0] if near else w)
        if out == wanted.split():
            return []
        candidate = " ".join(out)
    return [candidate] if search(data, candidate, kinds, first, last, hays) else []
