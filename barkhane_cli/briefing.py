"""The data behind the briefing views: summary, eras, charts, judgments.

Plain data only (JSON-ready dicts and series); drawing is in render/briefing.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from barkhane_cli import lookup
from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate

RECORD_END = PartialDate(2022, 11, 9)
FRENCH_FORCES = frozenset({"france", "serval", "barkhane"})


def era_json(era: m.Era) -> dict[str, Any]:
    return {
        "id": era.id,
        "name": era.name,
        "start": era.start.iso(),
        "end": era.end.iso() if era.end else None,
        "kind": era.kind,
        "description": era.description,
        "actors": list(era.actors),
        "sources": [s.to_json() for s in era.sources],
    }


def judgment_json(j: m.Judgment) -> dict[str, Any]:
    return {
        "id": j.id,
        "quote": j.quote,
        "term": j.term,
        "yardstick": j.yardstick,
        "probability": list(j.probability),
        "mapping": j.mapping,
        "topic": j.topic,
        "outcome": j.outcome,
        "outcome_date": j.outcome_date.iso() if j.outcome_date else None,
        "outcome_note": j.outcome_note,
        "outcome_events": list(j.outcome_events),
        "outcome_sources": [s.to_json() for s in j.outcome_sources],
    }


def eras_in(data: m.Dataset, first: int | None, last: int | None) -> list[m.Era]:
    """Eras overlapping the range, in start order; an era with no end runs to the record's end."""
    out = []
    for era in data.eras.values():
        end = (era.end or RECORD_END).last_ordinal()
        if first is not None and end < first:
            continue
        if last is not None and era.start.first_ordinal() > last:
            continue
        out.append(era)
    return sorted(out, key=lambda e: (e.start.first(), e.id))


@dataclass(frozen=True, slots=True)
class Bin:
    label: str
    total: float
    parts: dict[str, float]  # by event type, for stacked charts


def _bin_label(ordinal_date: PartialDate, by: str) -> str | None:
    if by == "year":
        return str(ordinal_date.year)
    if ordinal_date.month is None:
        return None  # a year-precision event has no month to count in
    return f"{ordinal_date.year:04d}-{ordinal_date.month:02d}"


def _labels(events: Sequence[m.Event], by: str) -> list[str]:
    if not events:
        return []
    years = range(min(e.date.year for e in events), max(e.date.year for e in events) + 1)
    if by == "year":
        return [str(y) for y in years]
    return [f"{y:04d}-{mo:02d}" for y in years for mo in range(1, 13)]


def event_bins(events: Sequence[m.Event], by: str = "year") -> tuple[list[Bin], int]:
    """Events counted by the period of their start; returns the bins and how many had
    too coarse a date to place (a year-precision event in a by-month chart)."""
    counts: dict[str, Counter[str]] = {label: Counter() for label in _labels(events, by)}
    skipped = 0
    for e in events:
        label = _bin_label(e.date, by)
        if label is None:
            skipped += 1
            continue
        counts.setdefault(label, Counter())[e.type] += 1
    bins = [Bin(k, float(sum(c.values())), dict(c)) for k, c in sorted(counts.items())]
    return bins, skipped


def fatality_bins(events: Sequence[m.Event], by: str = "year") -> tuple[list[Bin], int]:
    """Recorded fatalities summed by period (only events whose sources give a number)."""
    sums: dict[str, Counter[str]] = {label: Counter() for label in _labels(events, by)}
    skipped = 0
    for e in events:
        if e.fatalities is None:
            continue
        label = _bin_label(e.date, by)
        if label is None:
            skipped += 1
            continue
        sums.setdefault(label, Counter())[e.type] += e.fatalities
    bins = [Bin(k, float(sum(c.values())), dict(c)) for k, c in sorted(sums.items())]
    return bins, skipped


def troop_facts(data: m.Dataset, first: int | None = None, last: int | None = None) -> list[m.Fact]:
    """French troop strengths from the numeric facts in the range, in date order."""
    facts = [
        f
        for f in data.facts.values()
        if f.category == "troops"
        and FRENCH_FORCES & set(f.actors)
        and _best(f) is not None
        and (first is None or f.as_of.last_ordinal() >= first)
        and (last is None or f.as_of.first_ordinal() <= last)
    ]
    return sorted(facts, key=lambda f: (f.as_of.first(), f.id))


def _best(f: m.Fact) -> float | None:
    if f.value is not None:
        return f.value
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return None


def troop_bins(data: m.Dataset, first: int | None = None, last: int | None = None) -> list[Bin]:
    return [
        Bin(f"{f.as_of} {f.label}", _best(f) or 0.0, {}) for f in troop_facts(data, first, last)
    ]


def headline_facts(facts: Iterable[m.Fact]) -> list[m.Fact]:
    """The largest figure recorded in each headline category (French troop peak, deaths,
    displacement, violence), preferring undisputed figures."""
    best: dict[str, m.Fact] = {}
    for f in facts:
        if f.category not in ("troops", "casualties", "displacement", "violence"):
            continue
        if f.category == "troops" and not FRENCH_FORCES & set(f.actors):
            continue  # the headline is France's force at its peak
        value = f.high if f.high is not None else f.value
        if value is None:
            continue
        current = best.get(f.category)
        key = (f.disputed is None, value)
        if current is None:
            best[f.category] = f
            continue
        cur_value = current.high if current.high is not None else current.value
        if key > (current.disputed is None, cur_value or 0):
            best[f.category] = f
    order = ("troops", "casualties", "displacement", "violence")
    return [best[c] for c in order if c in best]


def summary(
    data: m.Dataset,
    events: Sequence[m.Event],
    first: int | None,
    last: int | None,
    actor_ids: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The story of a slice, as data: the same content the summary view draws."""
    actor_counts: Counter[str] = Counter()
    for e in events:
        actor_counts.update(a for a in set(e.actors) if a not in actor_ids)
    top = [
        {
            "id": a,
            "name": data.actors[a].name if a in data.actors else a,
            "kind": data.actors[a].kind if a in data.actors else None,
            "events": n,
        }
        for a, n in sorted(actor_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    ]
    in_range = [
        f
        for f in data.facts.values()
        if (first is None or f.as_of.last_ordinal() >= first)
        and (last is None or f.as_of.first_ordinal() <= last)
        and (not actor_ids or actor_ids & set(f.actors))
    ]
    bins, _ = event_bins(events, "year")
    return {
        "period": {
            "start": events[0].date.iso() if events else None,
            "end": (events[-1].end or events[-1].date).iso() if events else None,
            "events": len(events),
            "disputed": sum(1 for e in events if e.disputed),
            "fatalities_recorded": sum(e.fatalities or 0 for e in events),
        },
        "events_per_year": [
            {"year": int(b.label), "events": int(b.total), "by_type": b.parts} for b in bins
        ],
        "eras": [era_json(e) for e in eras_in(data, first, last)],
        "top_actors": top,
        "headline_facts": [lookup.fact_json(f) for f in headline_facts(in_range)],
        "judgments": [judgment_json(j) for j in data.judgments.values()],
    }
