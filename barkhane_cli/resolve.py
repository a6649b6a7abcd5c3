"""Name resolution shared by every lookup and by the --actor/--place filters.

Order: exact id, then exact name or alias, then a unique prefix or word match, then the
query's words in any order; all case-, accent- and apostrophe-insensitive. Several
candidates or none is an error that lists them or suggests the closest ("did you mean ...").
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from barkhane_cli import followups
from barkhane_cli.choices import list_hint
from barkhane_cli.errors import NotFoundError, quoted
from barkhane_cli.text import counted, plural, strip_accents

# A pattern, not str.translate's table: translate looks up each character in Python,
# ~9 times slower over a summary, and a store's build normalizes every text of the record.
_APOSTROPHES = re.compile("['’‘`´ʼʿʾ]")
_QUOTES = str.maketrans("’‘`´ʼ", "'''''")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Accent- and case-insensitive form that keeps punctuation: for literal text search."""
    return strip_accents(text).casefold().translate(_QUOTES)


# Remembered: a filter folds the same few tags and names once per event, hundreds of
# thousands of times over an imported export; the distinct texts are few. Room for every
# text a run over the record normalizes (~60,000: ids, names, aliases, titles) and more:
# at 4,096 a run's walks over them all (a resolver's keys, lookup.other_kind) went round
# the memo, evicting each text before it came again, so every call normalized anew
# (1.5 million a test run); at most ~30 MB kept for a million imported texts.
@functools.lru_cache(maxsize=1 << 17)
def normalize(text: str) -> str:
    """``Jama’at Nusrat al-Islam`` -> ``jamaat nusrat al islam``; ``GOÏTA`` -> ``goita``."""
    folded = _APOSTROPHES.sub("", strip_accents(text).casefold())
    return _NON_WORD.sub(" ", folded).strip()


def name_order(name: str) -> tuple[str, str]:
    """Where a name sorts in a listing: as names are matched (accents, case and
    punctuation aside), so Béléhédé comes before Bourzanga and Operation Épervier beside
    the other operations, not after every plain name; then as written, for one order."""
    return (normalize(name), name)


@dataclass(frozen=True, slots=True)
class Named:
    """What resolution needs to know of an entry."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        """Its id, name and aliases, normalized (none empty): what a query is matched to."""
        return tuple(k for k in map(normalize, (self.id, self.name, *self.aliases)) if k)


# How many of the entries a name matches its error names, when nothing lists them.
NAMED_AT_MOST = 8


class Resolver:
    def __init__(
        self,
        entries: Iterable[Named],
        what: str,
        listing: tuple[str, ...] = (),
        names_shown: bool = True,
        elsewhere_whole: Callable[[str, frozenset[str]], bool] | None = None,
        memo: dict[str, Any] | None = None,
        matched_by: str = "",
        spaces_aside: bool = False,
    ) -> None:
        self.what = what
        # Whether a whole name matches with its spaces aside, as its apostrophes are:
        # countries, whose names are typed either way ("cote d ivoire", "cote divoire":
        # U61 #13 found the second and not the first).
        self.spaces_aside = spaces_aside
        # what a name is matched against, said with how many it matches (" by id or
        # title"): an event's listing counts it otherwise, by place or text (U41)
        self.matched_by = matched_by
        # What is worked out from the entries alone (keys, _holding), kept in ``memo``:
        # the caller's promise that these entries are the ones it was kept for
        # (Dataset.memo: a store's tables, once a process for that store's key), so a
        # second run over an unchanged store does not work them out again.
        self._memo = {} if memo is None else memo
        # Whether the words a name only begins with are whole words of text that is not
        # about the entries it begins: then the name is no prefix of theirs (U26: `place
        # koro` opened Korowita while events name Koro). Asked once a query.
        self._elsewhere_whole = (
            functools.cache(elsewhere_whole) if elsewhere_whole is not None else None
        )
        # the command that lists them all, as followups.command takes it: its name, then
        # its words
        self.listing = listing or (plural(2, what),)
        # "did you mean Wagner Group (wagner)"; an event's id says what its title says,
        # in a tenth of the line: its suggestions are the ids alone
        self.names_shown = names_shown
        self._entries = list(entries)
        self.by_id: dict[str, Named] = {entry.id: entry for entry in self._entries}

    @property
    def keys(self) -> dict[str, set[str]]:
        """Each normalized name (id, name, alias) -> the ids it names: worked out when a
        query is not an id, which is most lookups' first answer (`source ID` normalized
        the ~10,000 sources' titles to find the id it was given). Never changed once
        made: every caller copies what it hands on."""
        keys: dict[str, set[str]] | None = self._memo.get("keys")
        if keys is None:
            keys = {}
            for entry in self._entries:
                for key in entry.spellings():
                    keys.setdefault(key, set()).add(entry.id)
            self._memo["keys"] = keys
        return keys

    def _holding(self) -> dict[str, list[str]]:
        """Each word of the keys -> the keys holding it: the vocabulary _ranked's words
        are near, and the only keys whose words can all be near a query's."""
        holding: dict[str, list[str]] | None = self._memo.get("holding")
        if holding is None:
            holding = {}
            for key in self.keys:
                for word in dict.fromkeys(key.split()):
                    holding.setdefault(word, []).append(key)
            self._memo["holding"] = holding
        return holding

    def candidates(self, query: str) -> set[str]:
        """The ids ``query`` could name: itself as an id, else every entry it names
        exactly, else every entry whose name starts with it or holds it as words, else
        every entry whose name is, or holds, all its words in any order ("w park": W
        National Park); never for a comma-separated list."""
        if query in self.by_id:
            return {query}
        # Ids are matched case (and accents) aside, before any name, as the README says:
        # `place Boungou` is the curated boungou even when an import loaded beside it has
        # places of that name (its namesakes), which `place boungou` already was.
        folded = fold(query.strip())
        if folded in self.by_id:
            return {folded}
        norm = normalize(query)
        if not norm:
            return set()
        exact = self.keys.get(norm) or self._squeezed(norm)
        if exact:
            return set(exact)
        partial: set[str] = set()
        begun: set[str] = set()  # names that only begin with it
        padded = f" {norm} "
        for key, ids in self.keys.items():
            if padded in f" {key} ":
                partial |= ids
            elif key.startswith(norm):
                begun |= ids
        begun -= partial
        whole_elsewhere = self._elsewhere_whole
        if begun and whole_elsewhere is not None and whole_elsewhere(norm, frozenset(begun)):
            begun = set()
        partial |= begun
        if partial or "," in query:  # a list ("minusma, mali") gets resolve's list advice
            return partial
        # Words in another order: a name of exactly those words first ("state islamic" is
        # the Islamic State, not also ISGS and ISWAP), else the names that hold them all.
        words = set(norm.split())
        same: set[str] = set()
        for key, ids in self.keys.items():
            held = set(key.split())
            if words <= held:
                partial |= ids
                if words == held:
                    same |= ids
        return same or partial

    def exact(self, query: str) -> set[str]:
        """The ids whose id, name or an alias is ``query`` as a whole (no partial match)."""
        norm = normalize(query)
        return set(self.keys.get(norm) or self._squeezed(norm))

    def _squeezed(self, norm: str) -> set[str]:
        """With spaces_aside, the ids whose whole name is ``norm`` once the spaces of
        both are taken out; else none."""
        if not self.spaces_aside:
            return set()
        squeezed: dict[str, set[str]] | None = self._memo.get("squeezed")
        if squeezed is None:
            squeezed = {}
            for key, ids in self.keys.items():
                squeezed.setdefault(key.replace(" ", ""), set()).update(ids)
            self._memo["squeezed"] = squeezed
        return set(squeezed.get(norm.replace(" ", ""), ()))

    def resolve(
        self,
        query: str,
        elsewhere: Callable[[str], str] | None = None,
        listed: Callable[[str, int], str] | None = None,
    ) -> str:
        """The id ``query`` names, or NotFoundError with candidates or suggestions.
        ``elsewhere``: where else the name may be meant, said before any "did you mean"
        when it has something to say ("; did you mean the 9 events at Boulkessi? ...").
        ``listed``: for a name several entries match (given it and how many), the command
        that lists what it names as something else, when it is ("barkhane timeline
        --place gao lists the 61 events at Gao"), or what it matches: said after the few
        nearest, in place of a long list."""
        found = self.candidates(query)
        if found:
            return self._one(query, found, listed)
        norm = normalize(query)
        if not norm:
            raise NotFoundError(f"{query!r} names no {self.what}: give a name, alias or id")
        hint = (
            list_hint(query, lambda part: bool(self.candidates(part)))
            or (elsewhere(query) if elsewhere is not None else "")
            or self.suggestion(query)
        )
        raise NotFoundError(f"no {self.what} matches {quoted(query)}{hint}")

    def _one(
        self, query: str, ids: set[str], listed: Callable[[str, int], str] | None = None
    ) -> str:
        if len(ids) == 1:
            return next(iter(ids))
        said = listed(query, len(ids)) if listed is not None else ""  # only of several
        if said:  # `event gao`: 37 titles in a line, where a listing says them all
            nearest = ", ".join(f"{self.by_id[i].name} ({i})" for i in self.nearest(query, ids))
            raise NotFoundError(
                f"{quoted(query)} matches {counted(len(ids), self.what)}{self.matched_by}, "
                f"the nearest: {nearest}; "
                f"{said}; or give the id"
            )
        shown = ", ".join(f"{self.by_id[i].name} ({i})" for i in sorted(ids)[:NAMED_AT_MOST])
        more = f" and {len(ids) - NAMED_AT_MOST} more" if len(ids) > NAMED_AT_MOST else ""
        raise NotFoundError(
            f"{quoted(query)} matches {counted(len(ids), self.what)}: {shown}{more}; be more specific or give the id"
        )

    def nearest(self, query: str, ids: Iterable[str], n: int = 3) -> list[str]:
        """The ``n`` of ``ids`` whose id, name or an alias ``query`` is the largest part
        of, by its share of the letters ("French and Malian troops retake Gao" before
        "MUJAO seizes Algeria's Gao consulate and seven diplomats"); then by id."""
        norm = normalize(query)

        def share(ident: str) -> float:
            keys = self.by_id[ident].spellings()
            return max((len(norm) / len(k) for k in keys if norm in k), default=0.0)

        return sorted(ids, key=lambda i: (-share(i), i))[:n]

    def closest(self, query: str, cutoff: float = 0.6) -> list[str]:
        """The ids spelt nearest ``query``, nearest first, by the nearer of two measures:
        an id, name or alias close to it whole, or every word of it close to a word of
        one (``boulkesi`` finds the events whose ids and titles say Boulkessi, which no
        whole title is near). For a name nothing matches: candidates() finds the rest."""
        return [ident for ident, _ in self._ranked(query, cutoff)]

    def _ranked(self, query: str, cutoff: float = 0.6) -> list[tuple[str, float]]:
        """closest's ids, each with how near it is (the nearer of its two measures)."""
        norm = normalize(query)
        if not norm:
            return []
        scored: dict[str, float] = {}
        whole = difflib.get_close_matches(norm, list(self.keys), n=6, cutoff=cutoff)
        for key in whole:
            ratio = difflib.SequenceMatcher(None, norm, key).ratio()
            for ident in self.keys[key]:
                scored[ident] = max(ratio, scored.get(ident, 0.0))
        holding = self._holding()
        # each word of the query: the words of names near it, and how near
        near = [_near(word, holding, max(cutoff, WORD_CUTOFF)) for word in norm.split()]
        # only a key holding a word near each of the query's can score: those, not every
        # key (a third of a miss's time went to the keys holding none)
        pools = [{key for word in n for key in holding[word]} for n in near]
        for key in set.intersection(*pools) if all(pools) else ():
            ids = self.keys[key]
            held = key.split()
            best = [max((n.get(h, 0.0) for h in held), default=0.0) for n in near]
            if all(best):
                for ident in ids:
                    scored[ident] = max(sum(best) / len(best), scored.get(ident, 0.0))
        return sorted(scored.items(), key=lambda t: (-t[1], t[0]))

    def suggestion(self, query: str) -> str:
        """What to say of a name no entry matches: the closest, or where they are listed."""
        first = normalize(query)[:1]

        def begins_alike(ident: str) -> bool:
            return any(k.startswith(first) for k in self.by_id[ident].spellings())

        names = [
            f"{self.by_id[i].name} ({i})" if self.names_shown else i
            for i, near in self._ranked(query)
            if near >= SUGGEST_CUTOFF or begins_alike(i)
        ][:3]
        if not names:
            return f"; {followups.command(*self.listing)} lists them all"
        return "; did you mean " + " or ".join(names) + "?"


# How near a whole name must be to be offered as "did you mean" when it does not begin
# as the name typed does: at difflib's 0.6, "atlantis" (0.625 of the alias Kankanti)
# offered Kpinkankandi, a name it shares only scattered letters with (U19). A name that
# begins alike keeps the 0.6 ("goa" is 0.67 of "gao"); a typo is nearer (wagnr 0.91).
# Read off closest's one ranking at 0.6: a name near word by word is at WORD_CUTOFF.
SUGGEST_CUTOFF = 0.7
# A word is held to be near a word of a name more strictly than a whole name to a name:
# a short word is within 0.6 of many of the thousands of words in event titles. `event
# NAME` holds a place it may have meant to the same (cli/eventnames.events_at).
WORD_CUTOFF = 0.8
# Nor is a word near another it does not begin as, or one of fewer letters than this,
# however close the ratio: "isis" is 0.8 of "crisis" (`fact isis` offered the deaths in
# the Central Sahel crisis), "arny" 0.86 of "any" and "teh" 0.8 of the Dutch "te"
# (`source teh` offered a Dutch liveblog). A short word counts only as typed.
_WORD_SHORTEST = 4


def _near(word: str, vocabulary: Iterable[str], cutoff: float) -> dict[str, float]:
    """The words of ``vocabulary`` within ``cutoff`` of ``word``, with their ratio."""
    found: dict[str, float] = {}
    matcher = difflib.SequenceMatcher(b=word)
    for other in vocabulary:
        if other != word and (len(other) < _WORD_SHORTEST or other[0] != word[0]):
            continue
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff:
                found[other] = ratio
                continue
        if _same_stem(word, other):  # as near as the cutoff: a spelling nearer ranks first
            found[other] = cutoff
    return found


# Two forms of one word differ in their ending (expels, expeled, expelled) more than
# the ratio allows: "expeled" is 0.77 of "expels", and `event expeled` got no suggestion.
# A shared start of this many letters, all but the longer's last three, is one stem
# ("attacking", "attacks"), not two words that begin alike ("military", "militants").
_STEM_SHORTEST = 5
_ENDING_LONGEST = 3


def _same_stem(word: str, other: str) -> bool:
    """Whether ``word`` and ``other`` are forms of one word by the rule above."""
    shortest = min(len(word), len(other))
    shared = next((i for i in range(shortest) if word[i] != other[i]), shortest)
    return shared >= _STEM_SHORTEST and shared >= max(len(word), len(other)) - _ENDING_LONGEST
