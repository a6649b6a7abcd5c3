"""A search's terms: what is typed read as words, quoted phrases and literal text.

Parsing a query (quoted phrases, numbers and tokens kept whole, possessives, stems, the
words that may be years), and how a number or a possessive is read (numbers_whole), in
what is typed and in the texts searched alike (search/texts.py, which matches terms to
a text). Apart from the matching because what a query asks for is one question, and
what a text holds another.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from barkhane_cli import model as m
from barkhane_cli.resolve import fold, normalize
from barkhane_cli.text import LINKS

_PHRASE = re.compile(r'"([^"]*)"')
# A word that may be a year: four digits; a year of the record finds the entries dated in
# it (search/entries.py's typed_years), and is no name (search/rank.py's names_typed).
YEAR_WORD = re.compile(r"\d{4}")
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
POINT = "dot"
NUMBER = re.compile(rf"\d+(?:{POINT}\d+)*")  # a number, as numbers_whole writes it
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
TOKEN = re.compile(r"([^\W\d_]{1,3})(\d.*)")  # such a token, joined: where to split it
# Typed only: a lone letter before a number may be that letter's token spelled apart (`G
# 5`), or the words the text has ("a 24-hour curfew"): it finds either (texts.has_word).
# Joined only, `--search "a 24-month transition"` found nothing, though 8 events say just
# that.
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


def numbers_whole(text: str) -> str:
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
    return _DECIMAL.sub(POINT, text) if "." in text else text


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
    quoted = (normalize(numbers_whole(x)) for x in _PHRASE.findall(text))
    phrases = tuple(dict.fromkeys(p for p in quoted if p))
    rest = numbers_whole(_PHRASE.sub(" ", text))
    split: list[str] = []
    at = 0
    for found in _LONE_LETTER.finditer(rest):  # `G 5` is one word "g 5" (see texts.has_word)
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


# A French elided article or conjunction before a vowel (d'Ogossagou, l'armée, qu'il):
# normalizing drops the apostrophe and joins it to the word ("dogossagou"), which no
# English title holds.
_ELIDED = re.compile(r"\b(?:[dlj]|qu)['’](?=\w)", re.IGNORECASE)
# FRENCH_EVENT_WORDS as a search reads them, normalized: a multi-word one (coup d'état)
# is looked for within the query's words.
_FRENCH_WORDS = {
    " ".join(normalize(_ELIDED.sub(" ", french)).split()): english
    for french, english in m.FRENCH_EVENT_WORDS.items()
}


def in_english(text: str) -> str | None:
    """The query read as the record's English titles name an event (U61: `search
    "massacre d'Ogossagou"` found four French reports and not the massacre): elided
    articles (d', l', qu') and linking words (text.LINKS: de, la, of...) aside, and a
    French word for a kind of event (model.FRENCH_EVENT_WORDS) as its English one; None
    when that reads the same as the query, or leaves nothing. A search finds what either
    reading finds (search._hits). Quoted words are kept as typed: a phrase is asked for
    whole."""
    if '"' in text:
        return None
    words = normalize(_ELIDED.sub(" ", text)).split()
    read = f" {' '.join(words)} "
    for french, english in _FRENCH_WORDS.items():
        read = read.replace(f" {french} ", f" {english} ")
    kept = [w for w in read.split() if w not in LINKS]
    if not kept or kept == normalize(text).split():
        return None
    return " ".join(kept)


def plain_words(folded_query: str) -> list[str]:
    """The stems (:func:`stem`) of the query's words made only of letters and digits:
    each appears as it is in any folded text that matches, so a store can narrow its
    candidates with them."""
    words = folded_query.replace('"', " ").split()
    # a word is found by its stem (texts.has_word), the beginning of it a match holds
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
