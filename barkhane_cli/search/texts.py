"""A text as a search reads it, and the one rule a query's terms match it by.

A text is normalized and padded with spaces (pad, read as terms read what is typed:
numbers_whole), and holds a query's terms when it holds every word as the start of a
word, a number whole, and every phrase as whole words (has_word, has_phrase, holds).
Apart from the query's terms (search/terms.py) because a store's word index and search
index read texts so (word_beginnings, event_words) with no query at all.
"""

from __future__ import annotations

import functools
import re

from barkhane_cli import model as m
from barkhane_cli.resolve import fold, normalize
from barkhane_cli.search.terms import POINT, Terms, numbers_whole, parse, stem


def word_beginnings(text: str, shortest: int = 3) -> list[str]:
    """Every beginning of every word of ``text`` (normalized as search compares), of
    ``shortest`` letters or more, once each: what makes a word index match as
    :func:`matches` does (a word matches the start of a word)."""
    out: dict[str, None] = {}
    for word in normalize(text).split():
        for end in range(min(shortest, len(word)), len(word) + 1):
            out[word[:end]] = None
    return list(out)


def has_word(word: str, hay: str) -> bool:
    # hay is normalized and padded with spaces: a word matches the start of a word, and a
    # number the whole of one (a toll of 20 is not 200, nor the year 2019: `--search 20`
    # found 957 of 1,019 events, nearly every summary naming a year of the 2000s; 5 is
    # not the 5 of 2.5 either). A word ending in a number, the whole of that number too:
    # G5 is the G5 Sahel, not a G50, as 20 is not 200 (letters after it may follow: G5s,
    # as 20th). A word of letters is the start of any word: mq finds MQ-9.
    if " " in word:  # a lone letter and a number, typed apart: the token, or the two words
        letter, number = word.split()
        return any(_number(w).search(hay) for w in (f"{letter}{number}", f"{letter} {number}"))
    if word[-1:].isdigit():
        return _number(word).search(hay) is not None
    return f" {stem(word)}" in hay


@functools.lru_cache(maxsize=64)
def _number(word: str) -> re.Pattern[str]:
    """A word ending in a number, at the start of a word of the hay and with the whole
    number (``word`` is normalized: letters, digits and spaces only)."""
    return re.compile(rf" {word}(?!\d|{POINT}\d)")


def event_words(e: m.Event) -> str:
    """What ``timeline --search`` reads of an event: its title, summary, dispute and tags,
    and the words of its id but not the id's numbers. Those are its date (``...-2019``,
    ``...-2017-09``), which --year and --since ask for whole: `--search 2019` found 63
    events by their ids alone, a haphazard part of 2019's, among those whose text says
    2019. The store's candidates are narrowed on the same text (store/compile.py), read
    as every search reads a text (numbers_whole: 5,100 one number, G-5 one word)."""
    ident = " ".join(w for w in normalize(e.id).split() if not w.isdigit())
    return numbers_whole(" ".join((ident, e.title, e.summary, e.disputed or "", " ".join(e.tags))))


def has_phrase(phrase: str, hay: str) -> bool:
    # a phrase, or a quoted word, matches whole words
    return f" {phrase} " in hay


# Remembered for the record's every text (about 51,000 in 2026): a store's search index
# (index) is written on each build, and a process building several (an import, the test
# suite: 27 builds of the bundled record a run) normalized the same texts each time.
@functools.lru_cache(maxsize=1 << 16)
def pad(text: str) -> str:
    return f" {normalize(numbers_whole(text))} "


def matches(terms: Terms, text: str) -> bool:
    """Whether one text holds every word and phrase (the rule ``timeline --search`` uses)."""
    if terms.literal:
        return terms.literal in fold(text)
    return holds(terms, pad(text))


def holds(terms: Terms, hay: str) -> bool:
    """Whether a padded text (pad, or a store's haystack) holds every word and phrase."""
    return all(has_word(w, hay) for w in terms.words) and all(
        has_phrase(p, hay) for p in terms.phrases
    )


def matches_query(query: str, text: str) -> bool:
    return matches(parse(query), text)
