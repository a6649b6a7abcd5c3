"""Imported records layered over the record, each incident counted once.

`timeline --data acled.csv --year 2019 --count` gave 164 against 160 without it, while
`gaps` said all 4 ACLED rows were incidents the record holds (U54 #1): a record the
matcher of `gaps` and `compare` pairs with a curated event is the same incident, so the
views that count, facet, sum or list events count the pair once, as the curated event
(its figures, its place, its type), and leave the record out of their selection
(query.EventQuery.folded). `--keep-matched` keeps both.

The pairs are the whole data's, as gaps and compare match it (matching.owners), worked
out once when the store is built (its _folded table) and read by every query: matching
the records each query selected cost 7.6 s a count over 20,000 imported rows (U55).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from barkhane_cli import model as m
from barkhane_cli import query, store

# The option that keeps the paired records, named once: the notes point to it.
KEEP = "--keep-matched"


@dataclass(slots=True)
class Folding:
    """``pairs``: record id -> the curated event it is the same incident as, over the
    whole of ``loaded``."""

    loaded: store.Loaded
    pairs: dict[str, str] = field(default_factory=dict)

    def ids(self) -> frozenset[str]:
        return frozenset(self.pairs)

    def left_out(self, q: query.EventQuery) -> int:
        """How many of the records ``q`` (before folding) selects are folded: counted by
        the store's SQL when it answers ``q`` exactly, else over the paired records alone
        (a few hundred of 20,000 imported), decoded."""
        asked = replace(q, folded=frozenset(), limit=None)
        db, data = self.loaded.db, self.loaded.data
        if db is not None:
            counted = db.count_among(data, asked, self.pairs)
            if counted is not None:
                return counted
            records: Iterable[m.Event] = db.events_of(list(self.pairs))
        else:
            records = (e for e in (*data.events, *data.aftermath) if e.id in self.pairs)
        # query.select over the paired records alone: its rule, not a copy of it
        view = m.Dataset(events=[], aftermath=[])
        for r in records:
            (view.aftermath if r.aftermath else view.events).append(r)
        return sum(1 for _ in query.select(view, asked))

    def note(self, q: query.EventQuery, kept: bool = False) -> str | None:
        """What a count, a facet or a list says of the records it folded (``kept``: that
        --keep-matched kept), or None."""
        n = self.left_out(q)
        if not n:
            return None
        are = "record is" if n == 1 else "records are"
        said = f"{n} imported {are} the same incident as a curated event (as gaps and compare pair them)"
        if kept:
            return f"{said}: each is in twice here, the record marked '= ID'"
        return f"{said}: counted once, as the curated event; {KEEP} lists both"


def pairs_of(loaded: store.Loaded) -> dict[str, str]:
    """Each imported record the matcher pairs with a curated event, over the whole data
    (record id -> curated id, matching.owners: gaps's and compare's pairs): read from the
    store, which worked them out when it was built, or matched here for data read from
    the TOML files (no cache folder), which a query pays for."""
    if loaded.db is not None:
        return loaded.db.folded()
    kept = store.folded_pairs(loaded.data)  # a whole dataset read from a store (map)
    if kept is not None:
        return kept
    from barkhane_cli import matching  # its rule and places' outlines: only when matching

    return matching.owners(loaded.data)


def folding(loaded: store.Loaded, q: query.EventQuery) -> Folding:
    """The imported records the matcher pairs with a curated event: the whole data's,
    worked out once when its store was built (pairs_of), so a query reads them, and
    counts the ones it selects (the note's number) by SQL where it can, never matching
    (U58: matching the records each query selected cost 7.6 s a count over 20,000)."""
    return Folding(loaded, pairs_of(loaded))
