"""How well one entry matches a query: its score, what matched, and the score shown.

entry_score reads an entry's names, what it is about and its texts (100 an exact name
down to 20 in a text) and says what matched (a name, a snippet); shown_score turns it
into the score shown, a source's taken under the entries. Apart from the ranking (search/rank.py)
because it scores one entry by itself: the rules that order hits among each other read
the query and the data as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from barkhane_cli.resolve import fold
from barkhane_cli.search.entries import texts_hay
from barkhane_cli.search.terms import NUMBER, POINT, TOKEN, Terms
from barkhane_cli.search.texts import has_phrase, has_word, pad

# The least score of an entry whose names (its actors' and places' among them) hold
# every word: under it, some are found only in its texts.
FOUND_IN_NAMES = 60


def entry_score(
    terms: Terms, names: Iterable[str], texts: Iterable[str], about: Iterable[str] = ()
) -> tuple[int, str, int]:
    """(score, what matched, words). 100 an exact name; 85 every term in one name; 60
    every term across the names; 20 to 50 when the texts are needed too (more for more
    terms in the names); 0 none. In one name, whole words rank above the start of a
    longer word: ``moura`` finds the Moura massacre (85) before al-Mourabitoun (75).
    ``about`` (an event's actors and places, :func:`event_about`) counts as names, ABOUT under
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
        return has_phrase(needle, hay) if needle in terms.phrases else has_word(needle, hay)

    def _whole(needle: str, hay: str) -> bool:  # a word typed apart (`G 5`) whole as G5 too
        joined = needle.replace(" ", "") if needle in terms.words else needle
        return has_phrase(needle, hay) or has_phrase(joined, hay)

    for n in names[:own]:
        hay = pad(n)
        if hay.strip() == query:
            return 100, n, len(hay.split())
    best: tuple[int, str] | None = None
    shortest = 0  # the words of the shortest own name holding every term
    padded: list[tuple[str, str]] = []  # padded as read: most entries are scored by then
    for at, n in enumerate(names):
        if at == own and best is not None and best[0] == 85:
            break  # no name it is about scores more
        hay = pad(n)
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
        return FOUND_IN_NAMES, " · ".join(shown), 0
    everything = in_names + texts_hay(texts)
    if not all(_found(x, everything) for x in needles):
        return 0, "", 0
    named = sum(1 for x in needles if _found(x, in_names))
    where = next((t for t in texts if any(_found(x, pad(t)) for x in needles)), "")
    return 20 + round(30 * named / len(needles)), _snippet(where, needles), 0


def held(terms: Terms, names: Iterable[str]) -> int:
    """How many of the query's words and phrases ``names`` hold, each in one of them: an
    entry's own names, which rank the entries of one score (search/rank.py's rule 3)."""
    hays = [pad(n) for n in names if n]
    words = sum(1 for w in terms.words if any(has_word(w, h) for h in hays))
    return words + sum(1 for p in terms.phrases if any(has_phrase(p, h) for h in hays))


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
    if not NUMBER.fullmatch(needle):
        # a token's number whole, as it matched: G5's match is not a G50 before it
        whole = r"(?!\d)" if needle[-1:].isdigit() else ""
        found = re.search(re.escape(needle) + whole, folded)
        token = TOKEN.match(needle)
        if found is None and token is not None:
            found = re.search(rf"{re.escape(token[1])}-{re.escape(token[2])}{whole}", folded)
        return found.start() if found else -1
    found = re.search(",?".join(map(re.escape, needle.replace(POINT, "."))), folded)
    return found.start() if found else -1


# Names rank a little ahead of titles at the same score: an actor before the events
# that mention it.
_KIND_BONUS = {"actor": 5, "place": 4, "event": 0, "fact": 0}
# What an event is about (its actors' and places' names, event_about) scores this much under
# the same match in its own title or id: its title says what it is, its actors only who
# took part (`search droukdel` listed three events naming him among their actors before
# "French forces kill AQIM leader Abdelmalek Droukdel", all 85, by date). Under 10, so
# a whole word there (80) still ranks above the start of a longer word in the title
# (75: `moura` finds the events at Moura before al-Mourabitoun's), and the 70 of a
# word's start there above a match across the names (60) and every source (59 and under).
ABOUT = 5


def shown_score(kind: str, score: int) -> int:
    """The score shown and sorted on: the entries' own (plus _KIND_BONUS), and a source's
    taken below them. A source is where to read more about an entry, not the answer: one
    whose title holds every word ranks under every entry whose names do (60 and up; an
    event's actors and places among them, event_about), and above those found through their
    texts (20 to 50): 100 -> 59, 85 -> 57, 75 -> 56, 60 -> 55; found through its texts,
    15 lower (5 to 35). `search wagner moura` ranked a report titled "Mali's army and
    Wagner accused..." (70) first and the Moura massacre fourth (U21)."""
    if kind != "source":
        return score + _KIND_BONUS[kind]
    return 49 + score // 10 if score >= 60 else score - 15
