"""The "did you mean" for an id no entry has, with a bound on the work a run spends on it.

A suggestion compares the unknown id with every known id of its kind (difflib's ratio,
pure Python: ~0.6 s against the record's ~10,800 sources). A data file that does not parse
leaves every reference to its entries unknown: with ``data/sources/2021.toml`` broken,
validate had 1,899 of them to suggest for, some 20 minutes of CPU before its first line
(K59). So each unknown id is looked up once a run, the lookup skips the pairs that cannot
win, and a run compares at most ``BUDGET`` pairs of ids: past that, an unknown id is
listed without a suggestion. Below the budget the suggestion is difflib's, exactly.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping

# Pairs of ids compared in one run (one check of the data): four unknown sources
# against the bundled record's ~10,800 (~1.5 s), or two hundred unknown actors. A few
# misspellings get their suggestion; a broken file's hundreds of references cost no more.
BUDGET = 50_000
CUTOFF = 0.6  # difflib.get_close_matches' default, which the hints always used


def closest(word: str, known: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """``difflib.get_close_matches(word, known, n=1, cutoff)``, the same answer, ties
    included, computing the full ratio only for ids whose upper bound (difflib's
    ``quick_ratio``: the characters the two share) could still beat the best so far."""
    wanted = Counter(word)
    size = len(word)
    bounded: list[tuple[float, str]] = []
    for other in known:
        total = size + len(other)
        if total == 0:  # difflib: two empty sequences match fully
            bounded.append((1.0, other))
            continue
        # real_quick_ratio, then quick_ratio, with difflib's arithmetic (2.0 * m / total)
        if 2.0 * min(size, len(other)) / total < cutoff:
            continue
        shared = 0
        for char, count in Counter(other).items():
            have = wanted.get(char, 0)
            shared += count if count < have else have
        bound = 2.0 * shared / total
        if bound >= cutoff:
            bounded.append((bound, other))
    bounded.sort(key=lambda pair: pair[0], reverse=True)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: tuple[float, str] | None = None
    for bound, other in bounded:
        if best is not None and bound < best[0]:
            break  # the ratio never exceeds the bound: nothing left can win or tie
        matcher.set_seq1(other)
        ratio = matcher.ratio()
        # get_close_matches keeps the largest (ratio, id): equal ratios go to the larger id
        if ratio >= cutoff and (best is None or (ratio, other) > best):
            best = (ratio, other)
    return None if best is None else best[1]


class Suggestions:
    """The suggestions of one run, within ``budget`` pairs of ids compared."""

    def __init__(self, budget: int | None = None) -> None:
        self.left = BUDGET if budget is None else budget
        self.compared = 0  # pairs of ids compared so far (what the budget counts)
        self._found: dict[tuple[int, str], str | None] = {}
        # each table asked about, kept alive so that its id() keys _found for the run
        self._tables: dict[int, object] = {}

    def hint(self, target: str, known: Mapping[str, object]) -> str:
        """``; did you mean 'x'?`` for an id ``known`` lacks, or nothing."""
        key = (id(known), target)
        if key not in self._found:
            self._tables[id(known)] = known
            found = None
            if len(known) <= self.left:
                self.left -= len(known)
                self.compared += len(known)
                found = closest(target, known)
            self._found[key] = found
        close = self._found[key]
        return f"; did you mean {close!r}?" if close is not None else ""
