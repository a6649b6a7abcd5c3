"""Imported records layered over the record, each incident counted once.

`timeline --data acled.csv --year 2019 --count` gave 164 against 160 without it, while
`gaps` said all 4 ACLED rows were incidents the record holds (U54 #1): a record the
matcher of `gaps` and `compare` pairs with a curated event is the same incident, so the
views that count, facet, sum or list events count the pair once, as the curated event
(its figures, its place, its type), and leave the record out of their selection
(query.EventQuery.folded). `--keep-matched` keeps both.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from barkhane_cli import matching, query, store
from barkhane_cli import model as m

# The option that keeps the paired records, named once: the notes point to it.
KEEP = "--keep-matched"


@dataclass(slots=True)
class Folding:
    """``pairs``: record id -> the curated event it is the same incident as."""

    pairs: dict[str, str] = field(default_factory=dict)
    records: dict[str, m.Event] = field(default_factory=dict)

    def ids(self) -> frozenset[str]:
        return frozenset(self.pairs)

    def left_out(self, q: query.EventQuery) -> int:
        """How many of the records ``q`` (before folding) selects are folded."""
        return sum(1 for i in self.pairs if query._matches(self.records[i], q))

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


def _has_records(loaded: store.Loaded) -> bool:
    """Whether any event is an import's record: by the store's id index, else by id."""
    if loaded.db is not None:
        return loaded.db.ids_begin(tuple(m.DATASETS))
    data = loaded.data
    return any(matching.dataset_of(e) is not None for e in (*data.events, *data.aftermath))


def folding(loaded: store.Loaded, q: query.EventQuery) -> Folding:
    """The records ``q`` selects that the matcher pairs with a curated event (gaps's and
    compare's links, reviewed ones first), matched against the curated events of their
    days: none read when no import is layered. Matching costs time with the records
    selected (curated_matches, K86), so only those are matched, not the whole import."""
    out = Folding()
    if not _has_records(loaded):
        return out
    asked = replace(q, limit=None, folded=frozenset())
    records = [e for e in loaded.select(asked, keep=False) if matching.dataset_of(e) is not None]
    if not records:
        return out
    days = query.EventQuery(
        first=min(r.first for r in records) - matching.DATE_TOLERANCE,
        last=max(r.last for r in records) + matching.DATE_TOLERANCE,
    )
    curated = [e for e in loaded.select(days, keep=False) if matching.dataset_of(e) is None]
    found = matching.match(loaded.data, curated, records, reviews=curated)
    out.pairs = dict(found.owner)
    out.records = {r.id: r for r in records if r.id in out.pairs}
    return out
