"""Search that finds what you mean: every word required, in any order; quoted phrases.

``french troops gao`` finds entries holding all three words (each word matches the start
of a word, so ``attack`` finds "attacks"), anywhere across their names and texts;
``"peace agreement"`` must appear as those words in that order. Case, accents and
punctuation do not matter. Matches in a title or a name rank before matches in a text (an
event's actors and places, aliases too, count as its title, just under it: ABOUT); a
source, where to read more, ranks under the entries whose names hold every word and above
those found in their texts (_rank), but under an event so found that cites it (_led_to).
Words that are names alone call the cards of what they name first (NAMED_BY). At the
same score, the record before its aftermath, then the closer match: the entry with the
shorter own name holding every word (_score), then the earlier, a series of figures
together and latest first (every rule, in order: above _ranked). Nothing found gets a
suggestion from the names and words in the data.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from barkhane_cli import cite, geo
from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate
from barkhane_cli.resolve import fold, normalize
from barkhane_cli.text import counted

KINDS = ("event", "actor", "place", "fact", "source")
_PHRASE = re.compile(r'"([^"]*)"')
# Each of these three patterns opens with the character it looks for, and looks behind
# it from there: a pattern opening with a look-behind is tried at every position of the
# text, and they were two thirds of normalizing the record's texts for a store's search
# index (0.68 s of a build; 0.11 s so). The same matches: a look-behind sees the text
# as it is, whatever the pattern matched before.
# A comma between digits before a group of three is a thousands separator: "26,000" is
# one number to a search, typed either way. Read as punctuation, it made "5,100" the
# numbers 5 and 100, so --search 100 found "5,100 troops" and --search 26000 nothing.
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
# A point between digits is a decimal point, kept in its number as a word normalizing
# keeps: "2.5" read as 2 and 5 made --search 2.5 find 14 events, none saying 2.5.
_DECIMAL = re.compile(r"\.(?<=\d\.)(?=\d)")
_POINT = "dot"
_NUMBER = re.compile(rf"\d+(?:{_POINT}\d+)*")  # a number, as _numbers_whole writes it
# A hyphen between a short run of letters and a number joins them, in what is typed and
# in the text alike: G-5 is G5 (the G5 Sahel), MQ-9 is MQ9. Read as punctuation, `--search
# G-5` asked for any word starting with g and the number 5 (a Gao toll of 5), and missed
# "G5 Sahel". Three letters at most: "COVID-19" and "level-2" stay two words each; three
# digits at most, for a year is a year after a hyphen too: "mid-2018", "pre-2016" and the
# "afp-2022-..." of a source's id joined, `--search 2018` missed them (and `search 2022`
# 138 entries, `search afp 2022` 62 sources).
_LETTERS_NUMBER = re.compile(  # the hyphen after one to three letters that start a word
    r"-(?:(?<=\b[^\W\d_]-)|(?<=\b[^\W\d_]{2}-)|(?<=\b[^\W\d_]{3}-))(?=\d{1,3}(?!\d))"
)
# A possessive is read as its name and the possessive both, in what is typed and in the
# text alike ("Pétronin's" -> "Pétronin Pétronins"): normalizing drops the apostrophe,
# and "petronins" alone did not match the name quoted whole, "petronin", as a not-found
# hint counts the events naming it (U30). The name alone, "Pétronin s" (K50), lost the
# possessive typed without its apostrophe: `search gaddafis` found nothing, a word ending
# in -is being its own stem, and a typed "Gaddafi's" asked for any word starting with s.
# What is matched is the apostrophe, and the name is found by stepping back from it: the
# one pattern for the whole, \b([^\W\d_]+)['’](?=s\b), is tried at every position of
# every text and was a tenth of a cold store build (0.37 s of the bundled record's
# search texts; this, the same output on each of them, 0.08 s).
_POSSESSIVE_S = re.compile(r"['’](?=s\b)")
_TOKEN = re.compile(r"([^\W\d_]{1,3})(\d.*)")  # such a token, joined: where to split it
# Typed only: a lone letter before a number may be that letter's token spelled apart (`G
# 5`), or the words the text has ("a 24-hour curfew"): it finds either (_has_word). Joined
# only, `--search "a 24-month transition"` found nothing, though 8 events say just that.
_LONE_LETTER = re.compile(r"(?<!\S)([^\W\d_]) (\d{1,3})(?!\d)")


def _letter(char: str) -> bool:
    return char.isalnum() and not char.isdecimal()  # [^\W\d_]: a word's, not a digit or _


def _possessives(text: str) -> str:
    """``text`` with each possessive its name and itself, the apostrophe dropped: a name
    is the whole run of letters before the apostrophe, none when a digit or _ starts it
    (``1990's``, ``x1ab's`` stay as they are)."""
    parts: list[str] = []
    last = 0
    for match in _POSSESSIVE_S.finditer(text):
        end = start = match.start()
        while start and _letter(text[start - 1]):
            start -= 1
        if start == end or (start and (text[start - 1].isalnum() or text[start - 1] == "_")):
            continue
        parts += (text[last:end], " ", text[start:end])
        last = match.end()
    return "".join((*parts, text[last:])) if parts else text


def _numbers_whole(text: str) -> str:
    """``text`` with each number made one word (``26,000`` -> ``26000``, ``2.5`` ->
    ``2dot5``) and joined to the letters a hyphen ties it to (``G-5`` -> ``G5``), and a
    possessive its name and itself (``Gaddafi's`` -> ``Gaddafi Gaddafis``), as a search
    reads both what is typed and what it looks in."""
    if "'" in text or "’" in text:
        text = _possessives(text)
    if "," in text:
        text = _THOUSANDS.sub("", text)
    if "-" in text:
        text = _LETTERS_NUMBER.sub("", text)
    return _DECIMAL.sub(_POINT, text) if "." in text else text


@dataclass(frozen=True, slots=True)
class Terms:
    words: tuple[str, ...]  # normalized single words, each matching the start of a word
    phrases: tuple[str, ...]  # normalized quoted words and phrases, matching whole words
    literal: str  # the folded text, for a query of punctuation only ("(.*)")

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases or self.literal)


def closed_quote(text: str) -> str | None:
    """``text`` with its unpaired quote closed, if it has one and words to quote; else
    None. Quotes pair from the left, so the last is the odd one: words after it are the
    phrase it opens (``"peace agreement`` -> ``"peace agreement"``); none, and it closes
    the words since the last pair (``peace agreement"`` -> ``"peace agreement"``). parse()
    would drop it and find the words apart, 43 events for the phrase's 34, unsaid (U19).
    A query of punctuation only is literal text (parse), its quote a character to find."""
    if text.count('"') % 2 == 0 or not any(c.isalnum() for c in text):
        return None
    at = text.rindex('"')
    if text[at + 1 :].strip():
        return f'{text.rstrip()}"'
    start = text.rindex('"', 0, at) + 1 if '"' in text[:at] else 0
    head, words = text[:start], text[start:at]
    lead = words[: len(words) - len(words.lstrip())]
    return f'{head}{lead}"{words.strip()}"'


def as_phrase(name: str) -> str:
    """``name``'s words as one quoted phrase, as parse reads a phrase: whole words in that
    order, what "events name it" means. A quote in the name would end the phrase, so it
    goes (``place 'tri"angle'`` is the phrase "tri angle")."""
    return '"' + " ".join(name.replace('"', " ").split()) + '"'


@functools.lru_cache(maxsize=64)
def parse(text: str) -> Terms:
    """Split what the user typed into required words and quoted phrases. A quoted word is
    a phrase of one word: whole, as grep -w reads it (``"tongo"`` finds Tongo Tongo and
    not Tongomayel, which ``tongo`` finds too). Unquoted, a lone letter and the number
    after it are one word (``G 5`` is ``G5``); quoted, words are read as written."""
    quoted = (normalize(_numbers_whole(x)) for x in _PHRASE.findall(text))
    phrases = tuple(dict.fromkeys(p for p in quoted if p))
    rest = _numbers_whole(_PHRASE.sub(" ", text))
    split: list[str] = []
    at = 0
    for found in _LONE_LETTER.finditer(rest):  # `G 5` is one word "g 5" (see _has_word)
        # a letter that normalizes to nothing (Ø) leaves the number alone: " 0" was a
        # word with a space and no letter, and `actor "Ø 0"` crashed
        letter = normalize(found[1])
        pair = f"{letter} {found[2]}" if letter else found[2]
        split += [*normalize(rest[at : found.start()]).split(), pair]
        at = found.end()
    split += normalize(rest[at:]).split()
    words = tuple(w for w in dict.fromkeys(split) if w not in phrases)
    # a query of punctuation only is literal text, its quotes taken as quoting it
    literal = "" if words or phrases else fold(_PHRASE.sub(r"\1", text).strip())
    return Terms(words, phrases, literal)


def word_beginnings(text: str, shortest: int = 3) -> list[str]:
    """Every beginning of every word of ``text`` (normalized as search compares), of
    ``shortest`` letters or more, once each: what makes a word index match as
    :func:`matches` does (a word matches the start of a word)."""
    out: dict[str, None] = {}
    for word in normalize(text).split():
        for end in range(min(shortest, len(word)), len(word) + 1):
            out[word[:end]] = None
    return list(out)


def plain_words(folded_query: str) -> list[str]:
    """The stems (:func:`stem`) of the query's words made only of letters and digits:
    each appears as it is in any folded text that matches, so a store can narrow its
    candidates with them."""
    words = folded_query.replace('"', " ").split()
    # a word is found by its stem (_has_word), the beginning of it a match holds
    return [stem(w) for w in words if w.isalnum() and w.isascii()]


# A plural or a word ending in y finds its singular and its other forms: each search word
# is matched by its stem, a beginning of it, as the start of a word. `search senegal votes`
# found 1 of the 7 votes (titles say "vote"), `search burkina mutiny` nothing ("amid
# mutinies"), `italians freed` not the two Italians freed (U22). A small rule, English and
# French plurals alike, rather than a stemming library: a stem only ever widens a word to
# its beginning, so a search finds all it found before, and a store narrows on the stem
# as it narrowed on the word (plain_words). In the order tried; the first that fits.
_STEM_ENDINGS = (
    ("ies", ""),  # mutinies -> mutin (mutiny, mutineers), countries -> countr
    ("sses", "ss"),  # losses -> loss
    ("shes", "sh"),
    ("ches", "ch"),  # churches -> church
    ("xes", "x"),
    ("aux", "a"),  # journaux -> journa (journal), bateaux -> batea (bateau)
    ("eux", "eu"),  # jeux -> jeu
    ("ss", "ss"),  # not plurals, kept whole: process, status, crisis
    ("us", "us"),
    ("is", "is"),
    ("s", ""),  # votes -> vote, elections -> election, soldats -> soldat
    ("y", ""),  # mutiny -> mutin (mutinies), country -> countr
)
_SHORTEST_STEM = 4  # arms, news, army: a stem of three letters (arm, new) finds too much


@functools.lru_cache(maxsize=1024)
def stem(word: str) -> str:
    """The beginning of a normalized search word that stands for it and its other forms
    (_STEM_ENDINGS): ``votes`` -> ``vote``, ``mutiny`` -> ``mutin``; the word itself when no
    ending fits, the stem would be shorter than four letters, or the word holds a digit or
    a space (a number, `G 5`)."""
    if not word.isalpha():
        return word
    for ending, keep in _STEM_ENDINGS:
        if word.endswith(ending):
            cut = word[: len(word) - len(ending)] + keep
            return cut if len(cut) >= _SHORTEST_STEM else word
    return word


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


def _has_word(word: str, hay: str) -> bool:
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
    return re.compile(rf" {word}(?!\d|{_POINT}\d)")


def event_words(e: m.Event) -> str:
    """What ``timeline --search`` reads of an event: its title, summary, dispute and tags,
    and the words of its id but not the id's numbers. Those are its date (``...-2019``,
    ``...-2017-09``), which --year and --since ask for whole: `--search 2019` found 63
    events by their ids alone, a haphazard part of 2019's, among those whose text says
    2019. The store's candidates are narrowed on the same text (store/compile.py), read
    as every search reads a text (_numbers_whole: 5,100 one number, G-5 one word)."""
    ident = " ".join(w for w in normalize(e.id).split() if not w.isdigit())
    return _numbers_whole(" ".join((ident, e.title, e.summary, e.disputed or "", " ".join(e.tags))))


def _has_phrase(phrase: str, hay: str) -> bool:
    # a phrase, or a quoted word, matches whole words
    return f" {phrase} " in hay


# Remembered for the record's every text (about 51,000 in 2026): a store's search index
# (index) is written on each build, and a process building several (an import, the test
# suite: 27 builds of the bundled record a run) normalized the same texts each time.
@functools.lru_cache(maxsize=1 << 16)
def _pad(text: str) -> str:
    return f" {normalize(_numbers_whole(text))} "


def matches(terms: Terms, text: str) -> bool:
    """Whether one text holds every word and phrase (the rule ``timeline --search`` uses)."""
    if terms.literal:
        return terms.literal in fold(text)
    return _holds(terms, _pad(text))


def _holds(terms: Terms, hay: str) -> bool:
    """Whether a padded text (_pad, or a store's haystack) holds every word and phrase."""
    return all(_has_word(w, hay) for w in terms.words) and all(
        _has_phrase(p, hay) for p in terms.phrases
    )


def matches_query(query: str, text: str) -> bool:
    return matches(parse(query), text)


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


def _score(
    terms: Terms, names: Iterable[str], texts: Iterable[str], about: Iterable[str] = ()
) -> tuple[int, str, int]:
    """(score, what matched, words). 100 an exact name; 85 every term in one name; 60
    every term across the names; 20 to 50 when the texts are needed too (more for more
    terms in the names); 0 none. In one name, whole words rank above the start of a
    longer word: ``moura`` finds the Moura massacre (85) before al-Mourabitoun (75).
    ``about`` (an event's actors and places, :func:`_about`) counts as names, ABOUT under
    the entry's own (80, 70), and never as its exact name: an event of Wagner's is not
    the Wagner Group.

    The words are those of the shortest of the entry's own names holding every term (0
    when none does): at the same score, the fewer the closer the match, the more of the
    name the terms make up. `search seytenga` listed its massacre fourth of four events
    whose titles name the town, by date; its id, seytenga-massacre, is two words, the
    others' ids four or more. Only a name holding every term: a match across the names
    (60) or in the texts is no closer for a shorter name holding a part of it (`tillaberi
    2021` put operation-solstice-2021, whose region alone is Tillabéri, before the
    massacre at Gaïgorou, Tillabéri, for the year in its short id)."""
    names = [n for n in names if n]
    own = len(names)  # the entry's own names; then what it is about
    names += [n for n in about if n]
    texts = [t for t in texts if t]
    if terms.literal:
        for n in names:
            if terms.literal in fold(n):
                return 50, n, 0
        for t in texts:
            if terms.literal in fold(t):
                return 20, _snippet(t, [terms.literal]), 0
        return 0, "", 0
    needles = [*terms.words, *terms.phrases]
    # a name said exactly, `G 5 Sahel` too
    query = " ".join([*(w.replace(" ", "") for w in terms.words), *terms.phrases])

    def _found(needle: str, hay: str) -> bool:
        return _has_phrase(needle, hay) if needle in terms.phrases else _has_word(needle, hay)

    def _whole(needle: str, hay: str) -> bool:  # a word typed apart (`G 5`) whole as G5 too
        joined = needle.replace(" ", "") if needle in terms.words else needle
        return _has_phrase(needle, hay) or _has_phrase(joined, hay)

    for n in names[:own]:
        hay = _pad(n)
        if hay.strip() == query:
            return 100, n, len(hay.split())
    best: tuple[int, str] | None = None
    shortest = 0  # the words of the shortest own name holding every term
    padded: list[tuple[str, str]] = []  # padded as read: most entries are scored by then
    for at, n in enumerate(names):
        if at == own and best is not None and best[0] == 85:
            break  # no name it is about scores more
        hay = _pad(n)
        padded.append((n, hay))
        if all(_found(x, hay) for x in needles):
            most = 85 if at < own else 85 - ABOUT  # the best a name here can score
            worth = most if all(_whole(x, hay) for x in needles) else most - 10
            if at < own:
                size = hay.count(" ") - 1  # its words: a padded name is single-spaced
                shortest = min(shortest or size, size)
            elif worth == most:
                return worth, n, shortest
            if best is None or worth > best[0]:
                best = (worth, n)
    if best is not None:
        return *best, shortest
    in_names = " ".join(hay for _, hay in padded)  # every name read by now
    if all(_found(x, in_names) for x in needles):
        # the names that hold a term not held by one before: an id or a place the title
        # says already is not said again ("Moura massacre in central Mali · Wagner Group",
        # not "... · moura-massacre · Wagner Group · wagner · Moura · moura"). Joined by a
        # dot, as a table row sets actors apart from places: a comma read as the title's
        # own words, "French journalist Olivier Dubois kidnapped in Gao, Niger" for an
        # event in Mali naming Niger among its actors (U31).
        shown: list[str] = []
        held: set[str] = set()
        for n, hay in padded:
            holds = {x for x in needles if _found(x, hay)}
            if holds - held:
                shown.append(n)
                held |= holds
        return 60, " · ".join(shown), 0
    everything = in_names + _texts_hay(texts)
    if not all(_found(x, everything) for x in needles):
        return 0, "", 0
    named = sum(1 for x in needles if _found(x, in_names))
    where = next((t for t in texts if any(_found(x, _pad(t)) for x in needles)), "")
    return 20 + round(30 * named / len(needles)), _snippet(where, needles), 0


def _texts_hay(texts: Iterable[str]) -> str:
    return " ".join(_pad(t) for t in texts)


def haystack(names: Iterable[str], texts: Iterable[str]) -> str:
    """All an entry's names and texts as :func:`_score` finds words in them (normalized,
    padded): a term not found here scores 0, so a search may skip the entry unscored."""
    return " ".join(_pad(n) for n in names if n) + _texts_hay(t for t in texts if t)


def index(data: m.Dataset) -> Iterator[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(kind, id, names, texts) of every entry a search looks at, its haystack being
    ``haystack(names, texts)``: what a store keeps so that a search normalizes only the
    entries that hold every term (store/compile.py, which reuses a haystack made of the
    same names and texts, store/reuse.py)."""
    for c in _candidates(data, frozenset(KINDS), None, None):
        yield c.kind, c.id, (*c.names, *c.about), tuple(c.texts)


def _ruled_out(
    terms: Terms, hays: Mapping[tuple[str, str], str] | None, kind: str, ident: str
) -> bool:
    """Whether the entry's haystack in a store's index (if there is one, and it is known
    there) lacks a term: its score is 0 then, in names and texts or in names alone. A
    literal query (punctuation only) is matched on folded text, not on the haystack."""
    hay = None if hays is None or terms.literal else hays.get((kind, ident))
    if hay is None:
        return False
    return not _holds(terms, hay)


def _snippet(text: str, needles: list[str], width: int = 60) -> str:
    folded = fold(text)
    # A literal needle may fold to spaces only ("¨"): find it whole then.
    firsts = ((n.split() or [n])[0] for n in needles)
    at = min((i for i in (_find(f, folded) for f in firsts) if i >= 0), default=0)
    start = max(0, at - width // 3)
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _find(needle: str, folded: str) -> int:
    """Where the needle starts in the folded text; a number as the text writes it (26000
    as "26,000", 2dot5 as "2.5"), or the snippet of `search 17.8` began far from it; a
    token as the text writes it too (mq9 as "MQ-9"), its number whole."""
    if not _NUMBER.fullmatch(needle):
        # a token's number whole, as it matched: G5's match is not a G50 before it
        whole = r"(?!\d)" if needle[-1:].isdigit() else ""
        found = re.search(re.escape(needle) + whole, folded)
        token = _TOKEN.match(needle)
        if found is None and token is not None:
            found = re.search(rf"{re.escape(token[1])}-{re.escape(token[2])}{whole}", folded)
        return found.start() if found else -1
    found = re.search(",?".join(map(re.escape, needle.replace(_POINT, "."))), folded)
    return found.start() if found else -1


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


def _about(data: m.Dataset, e: m.Event) -> list[str]:
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
    for ident in e.places:
        p = data.places.get(ident)
        out += _names(ident, p.name, p.short, geo.aliases_of(p)) if p else [ident]
    return out


def _names(ident: str, name: str, short: str | None, aliases: tuple[str, ...]) -> list[str]:
    """An actor's or a place's name, short form and id, then its aliases but those holding
    a year (_undated): what _about reads of each."""
    return [*(n for n in (name, short, ident) if n), *_undated(aliases)]


@functools.lru_cache(maxsize=1024)
def _undated(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases holding no year (_YEAR_WORD), once for each actor or place however
    many events name it."""
    return tuple(a for a in aliases if not _YEAR_WORD.search(a))


def _candidates(
    data: m.Dataset,
    kinds: frozenset[str],
    lo: int | None,
    hi: int | None,
    keep: Callable[[str, str], bool] = lambda kind, ident: True,
) -> Iterator[_Entry]:
    """Every entry a search looks at that ``keep`` (kind, id) keeps. With a date window,
    only dated entries in it: actors and places have no date. ``keep`` is asked first: an
    entry a store's index rules out (_ruled_out) costs no dates, regions or actors' names
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
                             _about(data, e), (e.first, e.last), e.aftermath)  # fmt: skip
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


# Names rank a little ahead of titles at the same score: an actor before the events
# that mention it.
_KIND_BONUS = {"actor": 5, "place": 4, "event": 0, "fact": 0}
# What an event is about (its actors' and places' names, _about) scores this much under
# the same match in its own title or id: its title says what it is, its actors only who
# took part (`search droukdel` listed three events naming him among their actors before
# "French forces kill AQIM leader Abdelmalek Droukdel", all 85, by date). Under 10, so
# a whole word there (80) still ranks above the start of a longer word in the title
# (75: `moura` finds the events at Moura before al-Mourabitoun's), and the 70 of a
# word's start there above a match across the names (60) and every source (59 and under).
ABOUT = 5


def _rank(kind: str, score: int) -> int:
    """The score shown and sorted on: the entries' own (plus _KIND_BONUS), and a source's
    taken below them. A source is where to read more about an entry, not the answer: one
    whose title holds every word ranks under every entry whose names do (60 and up; an
    event's actors and places among them, _about), and above those found through their
    texts (20 to 50): 100 -> 59, 85 -> 57, 75 -> 56, 60 -> 55; found through its texts,
    15 lower (5 to 35). `search wagner moura` ranked a report titled "Mali's army and
    Wagner accused..." (70) first and the Moura massacre fourth (U21)."""
    if kind != "source":
        return score + _KIND_BONUS[kind]
    return 49 + score // 10 if score >= 60 else score - 15


# An actor or a place that a query of names alone calls by its name (an alias, a short
# form or its id too), its own text naming the others: `search wagner mali` asks what the
# Wagner Group did in Mali, and its card, which says so, was 84th, under every event and
# figure whose title names both (U45). Over those (85) and under an exact name (100).
# Names alone: a word that names nothing asks for what happened, and `goita coup` lists
# his coups first, not his card; nor a year, which asks for entries dated in it, and
# actors and places have no date (_years).
NAMED_BY = 90


def _names_typed(data: m.Dataset, terms: Terms) -> dict[str, int]:
    """Each name of an actor or a place that ``terms`` type in full, as one or more of
    their words in order, when the rest of them are names too and no word is a year:
    where it starts among the words (``wagner mali``: wagner 0, mali 1). Empty for a
    query of one name (an exact name scores 100 as it is) and for any other query."""
    needles = [*(w.replace(" ", "") for w in terms.words), *terms.phrases]
    if len(needles) < 2 or terms.literal or any(_YEAR_WORD.fullmatch(w) for w in needles):
        return {}
    known: set[str] = set()
    for a in data.actors.values():
        known.update(_pad(n).strip() for n in (a.name, a.short, a.id, *a.aliases) if n)
    for p in data.places.values():
        known.update(_pad(n).strip() for n in (p.name, p.short, p.id, *geo.aliases_of(p)) if n)
    n = len(needles)
    runs = [(i, j) for i in range(n) for j in range(i + 1, n + 1)
            if " ".join(needles[i:j]) in known]  # fmt: skip

    @functools.cache
    def names_only(i: int, j: int) -> bool:  # whether needles[i:j] splits into names
        return i == j or any(names_only(end, j) for start, end in runs if start == i <= end <= j)

    # the first place a name is typed, if twice (runs in order: the latest written last)
    return {
        " ".join(needles[i:j]): i
        for i, j in reversed(runs)
        if j - i < n and names_only(0, i) and names_only(j, n)
    }


def _called(
    terms: Terms, names_typed: Mapping[str, int], names: Iterable[str], texts: Iterable[str]
) -> tuple[str, int] | None:
    """(the name, where it was typed) when an actor's or a place's own name is one of
    ``names_typed`` and its names and texts hold every word (NAMED_BY); else None."""
    for n in names:
        at = names_typed.get(_pad(n).strip()) if n else None
        if at is not None and _holds(terms, haystack(names, texts)):
            return n, at
    return None


# A source whose title holds every word ranks here or above (_rank's 60 and up)
TITLED_SOURCE = _rank("source", 60)


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
    lacks a term is skipped, as :func:`_score` would give it 0. ``series`` names the
    series a fact belongs to (the briefings' figure_kind, a floor above this one), so
    that a series is listed together, latest first (_ranked); without it each fact is
    a series of its own."""
    found = _hits(data, query, kinds, first, last, hays, texts=True, series=series)
    # a source found leads to the events citing it (U16: `search hammam` found two
    # sources on his death, and not the event)
    citing = cite.events_citing(data, (f.hit.id for f in found if f.hit.kind == "source"))
    return [replace(h, cited_by=citing[h.id]) if h.kind == "source" else h
            for h in _ranked(_led_to(found, citing))]  # fmt: skip


def _led_to(found: list[_Found], citing: Mapping[str, tuple[str, ...]]) -> list[_Found]:
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
    led: list[_Found] = []
    for f in found:
        h = f.hit
        # an event only: a source may have an event's id (unsc-res-2085 is both)
        lifted = h.kind == "event" and above.get(h.id, 0) > h.score
        led.append(f._replace(hit=replace(h, score=above[h.id])) if lifted else f)
    return led


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
    return _ranked(_hits(data, query, kinds, None, None, hays, texts=False))


class _Found(NamedTuple):
    """A hit with what orders it among hits of the same score (_ranked)."""

    hit: Hit
    words: int  # the words of its closest own name holding every term (_score), 0: none
    typed_at: int = 0  # where in the query the name it is called by was typed (_NAMED_BY)
    later: bool = False  # aftermath: after the record's end (9 November 2022)
    series: str = ""  # a fact's series ("" for any other kind)
    as_of: int = 0  # a fact's as-of, its last day (an ordinal)


def _hits(
    data: m.Dataset,
    query: str,
    kinds: Iterable[str],
    first: int | None,
    last: int | None,
    hays: Mapping[tuple[str, str], str] | None,
    texts: bool,
    series: Callable[[m.Fact], str] | None = None,
) -> list[_Found]:
    """The entries ``query`` scores above 0 in, each with the words of its closest name
    (:func:`_score`): :func:`search`'s and :func:`named`'s one loop, the latter scoring
    names and titles alone (``texts`` False)."""
    terms = parse(query)
    if not terms:
        return []
    hits: list[_Found] = []
    years = _years(data, terms)
    # a year may be found in the entry's date, which no haystack holds: rule out on the
    # other words alone
    narrowing = replace(terms, words=tuple(w for w in terms.words if w not in years))

    def kept(kind: str, ident: str) -> bool:
        return not _ruled_out(narrowing, hays, kind, ident)

    stemmed = tuple(w for w in terms.words if stem(w) != w)
    callable_by = _names_typed(data, terms) if texts else {}
    for c in _candidates(data, frozenset(kinds), first, last, kept):
        if years and c.span is not None and _dated_in(c.span, years):
            c = c._replace(about=[*c.about, c.date])  # its date, a name holding its year
        # named() reads names and titles alone, as its notes say ("2 more names or
        # titles hold it"): an event's actors and places are not its title
        score, match, words = (
            _score(terms, c.names, c.texts, c.about) if texts else _score(terms, c.names, ())
        )
        typed_at = 0
        if score and score < NAMED_BY and callable_by and c.kind in ("actor", "place"):
            called = _called(terms, callable_by, c.names, c.texts)
            if called is not None:
                score, match, typed_at = NAMED_BY, *called
        if score:
            rank = _rank(c.kind, score)
            if stemmed and _by_stem_only(stemmed, (*c.names, *c.about), c.texts if texts else ()):
                rank -= STEM_ONLY
            fact = data.facts.get(c.id) if c.kind == "fact" else None
            hits.append(_Found(
                Hit(c.kind, c.id, c.title, c.date, rank, match), words, typed_at, c.later,
                (series(fact) if series else fact.id) if fact else "",
                fact.as_of.last_ordinal() if fact else 0,
            ))  # fmt: skip
    return hits


# How a search ranks, the rules in the order they apply (each declared here or at the
# name it links to):
#  1. The score (_rank): an exact name 100; an actor or a place a query of names alone
#     calls by its name, its own text naming the others (_NAMED_BY: `wagner mali`, the
#     Wagner Group) 90; every word in one name or title 85 (whole words) or 75; across
#     an entry's names 60; an event's actors and places as its names, ABOUT under its
#     own; sources under the entries (_rank), an event over a source it cites (_led_to);
#     found in texts 20 to 50; a word found by its stem alone STEM_ONLY under.
#  2. At the same score, the record before its aftermath: a figure or an event after 9
#     November 2022 follows those of the record (`search wagner mali` listed the 2023
#     count of Wagner's men before any event of their deployment).
#  3. The closer match: the entry with the shorter own name holding every word
#     (_score), then those with none; of actors and places a query of names calls, the
#     one named first.
#  4. By kind (actor, event, fact, place, source), then events and sources oldest
#     first (a story in its order), and a fact's series together, placed by its closest
#     figure, its latest figure first and the series with the latest figures first:
#     `search burkina displaced` gave Burkina Faso's displaced of October 2018 to 2019
#     first, its latest count (1,761,915 in October 2022) nineteenth (U45).
def _ranked(found: list[_Found]) -> list[Hit]:
    """The hits in rank order (the rules above)."""

    def block(f: _Found) -> tuple[int, bool, str]:
        return f.hit.score, f.later, f.series

    closest: dict[tuple[int, bool, str], tuple[bool, int]] = {}
    newest: dict[tuple[int, bool, str], int] = {}
    for f in found:
        if f.series:
            at = block(f)
            closest[at] = min(closest.get(at, (True, 1 << 30)), (not f.words, f.words))
            newest[at] = max(newest.get(at, 0), f.as_of)

    def key(f: _Found) -> tuple[Any, ...]:
        h = f.hit
        near = closest[block(f)] if f.series else (not f.words, f.words)
        recent = (-newest[block(f)], f.series, -f.as_of) if f.series else (0, "", 0)
        return (-h.score, f.later, *near, f.typed_at, h.kind, *recent, h.date, h.id)

    return [f.hit for f in sorted(found, key=key)]


# A year typed among a search's words finds the entries dated in it (an event, a fact's
# as-of, a source's date) as well as the texts that say it: `search tillaberi 2021` found
# the events of 2021 whose ids or texts spell "2021" and missed the Tchoma Bangou and
# Banibangou massacres (U22). Its date counts as one of the entry's names. A year is four
# digits within the record's years (its first event's to its last's, aftermath too);
# other numbers are numbers (a toll of 1000 is not the year 1000).
_YEAR_WORD = re.compile(r"\d{4}")


def _years(data: m.Dataset, terms: Terms) -> dict[str, PartialDate]:
    """The words of ``terms`` that are years of the record, each as the date it is."""
    typed = [w for w in terms.words if _YEAR_WORD.fullmatch(w)]
    everything = (*data.events, *data.aftermath)
    if not typed or not everything:
        return {}
    lo = dt.date.fromordinal(min(e.first for e in everything)).year
    hi = dt.date.fromordinal(max(e.last for e in everything)).year
    return {w: PartialDate(int(w)) for w in typed if lo <= int(w) <= hi}


def _dated_in(span: tuple[int, int], years: Mapping[str, PartialDate]) -> bool:
    """Whether the days ``span`` covers overlap every year of ``years``."""
    return all(year.within(*span) for year in years.values())


# What an entry found by a word's stem alone ranks under one holding the word as typed,
# at the same score: `search senegal votes` puts an event whose title says "votes"
# before the referendum whose title says "vote".
STEM_ONLY = 1


def _by_stem_only(words: Iterable[str], names: Iterable[str], texts: Iterable[str]) -> bool:
    """Whether some word is in the entry only through its stem (not as typed)."""
    hay = haystack(names, texts)
    return any(f" {w}" not in hay for w in words)


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
