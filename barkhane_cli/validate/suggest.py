"""The "did you mean" for an id no entry has, with a bound on the work a run spends on it.

A suggestion is difflib's closest known id of the kind. A data file that does not parse
leaves every reference to its entries unknown: with ``data/sources/2021.toml`` broken,
validate had 1,899 of them to suggest for, each compared with the ~9,400 sources left
(~0.7 s apiece), 23 minutes of CPU before its first line (K59). So each unknown id is
looked up once a run; a lookup bounds each pair cheaply first (the characters the two
share) and computes difflib's ratio only where the bound can still win, which is once
for a misspelling (its own id is far ahead) but thousands of times for an id that is
close to nothing; and a run has ``BUDGET`` units of work for its lookups, past which an
unknown id is listed without a suggestion. Below the budget the suggestion is difflib's.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping

# The work of one run's lookups: bounding a pair is one unit (~2.3 µs), a full ratio
# RATIO_WORK units (~90 µs; both measured on the record's source ids), so the budget is
# ~0.5 s of CPU. A misspelt source costs ~11,000 (its lookup bounds every known source,
# then one ratio: its own id is far ahead), an id close to nothing ~120,000 (thousands of
# ratios). About eighteen misspelt sources, or hundreds of misspelt actors, get their
# suggestion; a broken file's hundreds of references cost no more than the budget.
BUDGET = 200_000
RATIO_WORK = 40
CUTOFF = 0.6  # difflib.get_close_matches' default, which the hints always used

# A known id as a lookup bounds it: the id, its length, its characters and their counts.
Profile = tuple[str, int, tuple[tuple[str, int], ...]]


def profiles(known: Iterable[str]) -> list[Profile]:
    """What a lookup needs of each known id, worked out once for all the lookups."""
    return [(other, len(other), tuple(Counter(other).items())) for other in known]


def _closest(word: str, known: list[Profile], allowance: int | None) -> tuple[str | None, int]:
    """The closest id and the work its lookup took; with ``allowance``, a lookup that
    would take more stops there, with no answer (what it had found might not be the
    closest). Without, ``difflib.get_close_matches(word, known, n=1)``'s answer, ties
    included."""
    wanted = Counter(word)
    size = len(word)
    bounded: list[tuple[float, str]] = []
    for other, length, chars in known:
        total = size + length
        if total == 0:  # difflib: two empty sequences match fully
            bounded.append((1.0, other))
            continue
        # real_quick_ratio, then quick_ratio, with difflib's arithmetic (2.0 * m / total)
        if 2.0 * min(size, length) / total < CUTOFF:
            continue
        shared = 0
        for char, count in chars:
            have = wanted.get(char, 0)
            shared += count if count < have else have
        bound = 2.0 * shared / total
        if bound >= CUTOFF:
            bounded.append((bound, other))
    bounded.sort(key=lambda pair: pair[0], reverse=True)
    work = len(known)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: tuple[float, str] | None = None
    for bound, other in bounded:
        if best is not None and bound < best[0]:
            break  # the ratio never exceeds the bound: nothing left can win or tie
        work += RATIO_WORK
        if allowance is not None and work > allowance:
            return None, allowance
        matcher.set_seq1(other)
        ratio = matcher.ratio()
        # get_close_matches keeps the largest (ratio, id): equal ratios go to the larger id
        if ratio >= CUTOFF and (best is None or (ratio, other) > best):
            best = (ratio, other)
    return (None if best is None else best[1]), work


class Suggestions:
    """The suggestions of one run, within ``budget`` units of work (see BUDGET)."""

    def __init__(self, budget: int | None = None) -> None:
        self.left = BUDGET if budget is None else budget
        self._found: dict[tuple[int, str], str | None] = {}
        # each table asked about, by id(): kept, so that no other table takes its id()
        # during the run, with its ids' profiles
        self._tables: dict[int, tuple[Mapping[str, object], list[Profile]]] = {}

    def hint(self, target: str, known: Mapping[str, object]) -> str:
        """``; did you mean 'x'?`` for an id ``known`` lacks, or nothing."""
        key = (id(known), target)
        if key not in self._found:
            found = None
            if len(known) <= self.left:  # the bounds alone would pass the budget
                if id(known) not in self._tables:
                    self._tables[id(known)] = (known, profiles(known))
                found, work = _closest(target, self._tables[id(known)][1], self.left)
                self.left -= work
            self._found[key] = found
        close = self._found[key]
        return f"; did you mean {close!r}?" if close is not None else ""
