"""The incidents no curated event accounts for (`gaps`): dataset records clustered into
incidents, and the incidents none of whose records is linked.

The rule is docs/matching.md's "Incidents" section; the links it starts from are
matching.py's. Clustering is deterministic and indexed by day and grid cell, so a
million records are joined without comparing every pair.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from barkhane_cli import geo
from barkhane_cli import model as m
from barkhane_cli.matching import (
    FAMILY,
    Matches,
    Where,
    Wheres,
    coarse_date,
    dataset_of,
    deaths_of,
    km,
    record_id,
)

# --- tolerances (docs/matching.md, Incidents) ------------------------------------------------
CLUSTER_DAYS = 1
CLUSTER_KM = 25.0
CLUSTER_SPAN = 3  # days: the longest incident records are joined into
_CLUSTER_DEG = CLUSTER_KM / 111.0  # degrees of latitude: a quick test before km()
_CELL = 0.6  # degrees: the cluster index's cell, over twice CLUSTER_KM up to 41° N or S


@dataclass(slots=True)
class Incident:
    records: list[m.Event]
    first: int = 0
    last: int = 0
    deaths: int = 0
    lead: m.Event | None = None

    def to_json(self, data: m.Dataset) -> dict[str, Any]:
        lead = self.lead or self.records[0]
        place = data.places.get(lead.places[0]) if lead.places else None
        return {
            "date": _day(self.first),
            "end": _day(self.last) if self.last != self.first else None,
            "place": lead.places[0] if lead.places else None,
            "place_name": place.name if place else None,
            "countries": sorted({c for r in self.records for c in r.countries}),
            "region": region_name(data, lead),
            "latitude": lead.latitude,
            "longitude": lead.longitude,
            "deaths": self.deaths,
            "deaths_by_dataset": deaths_of(self.records),
            "type": lead.type,
            "perpetrators": sorted({a for r in self.records for a in r.perpetrators}),
            "records": [
                {"dataset": dataset_of(r), "record_id": record_id(r)} for r in self.records
            ],
        }


def region_name(data: m.Dataset, e: m.Event) -> str | None:
    """The first region or country above the event's place, by id."""
    for pid in e.places:
        for up in (pid, *geo.ancestors(data.places, pid)):
            p = data.places.get(up)
            if p is not None and p.kind == "region":
                return up
    return e.countries[0] if e.countries else None


class _Union:
    """Union-find that keeps each group's span, so that a chain of records day after day
    does not grow into one incident longer than ``CLUSTER_SPAN`` days."""

    def __init__(self, records: Sequence[m.Event]) -> None:
        self.parent = list(range(len(records)))
        self.span = [(r.first, r.last) for r in records]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        (f1, l1), (f2, l2) = self.span[ra], self.span[rb]
        first, last = min(f1, f2), max(l1, l2)
        if last - first + 1 > max(CLUSTER_SPAN, l1 - f1 + 1, l2 - f2 + 1):
            return
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.span[keep] = (first, last)


def _same_incident(a: m.Event, b: m.Event, wa: Where, wb: Where) -> bool:
    # the cheap tests first: the dates, then the place, then the types
    if max(a.first, b.first) - min(a.last, b.last) > CLUSTER_DAYS:
        return False
    if (a.first, a.last) != (b.first, b.last) and (coarse_date(a) or coarse_date(b)):
        return False  # a week- or month-precision record joins only records of its span
    if wa.lat is not None and wb.lat is not None:
        assert wa.lon is not None and wb.lon is not None
        if abs(wa.lat - wb.lat) > _CLUSTER_DEG or km(wa.lat, wa.lon, wb.lat, wb.lon) > CLUSTER_KM:
            return False
    elif not (a.places and a.places[:1] == b.places[:1]):
        return False
    if a.type == b.type:
        return True
    # types of one family with a perpetrator in common
    return (a.type, b.type) in FAMILY and not set(a.perpetrators).isdisjoint(b.perpetrators)


def cluster(data: m.Dataset, records: Sequence[m.Event]) -> list[Incident]:
    """Records of one incident joined (single linkage: spans within a day, points within
    25 km, types of one family), largest toll first."""
    where = Wheres(data.places)
    wheres = [where(r) for r in records]
    cells = [_cell(w) for w in wheres]
    coarse = [coarse_date(r) for r in records]
    # Day records by (first day, cell); coarse ones (a week, a month) join only records
    # of their own span, so they are indexed by (span, cell). A pair (i, j) with j not
    # starting before i has j's first day in i's first..last+1 day, so each record looks
    # only forward. A cell is over twice CLUSTER_KM wide, so the points within CLUSTER_KM
    # of a point lie in its cell or the three cells on the side of the quadrant it is in:
    # each record is filed under those four cells and looks up only its own.
    index: dict[int, list[int]] = defaultdict(list)  # key: _key(day, cell)
    spans: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    keys = [_grid(c) for c in cells]
    for i, r in enumerate(records):
        if coarse[i]:
            for k in keys[i]:
                spans[(r.first, r.last, k)].append(i)
        else:
            base = r.first << 24
            for k in keys[i]:
                index[base | k].append(i)
    u = _Union(records)
    get, sget = index.get, spans.get
    for i, r in enumerate(records):
        own = keys[i][0]
        w = wheres[i]
        if coarse[i]:
            for j in sget((r.first, r.last, own), ()):
                if j > i and _same_incident(r, records[j], w, wheres[j]):
                    u.join(i, j)
            continue
        la, lo = w.lat, w.lon
        # a box around the point first (cheap), then the real tests
        dlon = _CLUSTER_DEG / max(0.1, math.cos(math.radians(la))) if la is not None else 0.0
        for day in range(r.first, r.last + CLUSTER_DAYS + 1):
            for j in get((day << 24) | own, ()):
                if j <= i and day == r.first:
                    continue
                wj = wheres[j]
                if la is not None and lo is not None:
                    if wj.lat is None or wj.lon is None:
                        continue
                    if abs(wj.lat - la) > _CLUSTER_DEG or abs(wj.lon - lo) > dlon:
                        continue
                if _same_incident(r, records[j], w, wj):
                    u.join(i, j)
    groups: dict[int, list[m.Event]] = defaultdict(list)
    for i, r in enumerate(records):
        groups[u.find(i)].append(r)
    out = []
    for members in groups.values():
        if len(members) == 1:
            r = members[0]
            inc = Incident(members, r.first, r.last, r.fatalities or 0, r)
        else:
            members.sort(key=lambda r: (r.first, r.id))
            tolls = deaths_of(members)
            deaths = max(tolls.get("acled", 0), tolls.get("ucdp", {}).get("best", 0))
            lead = max(members, key=lambda r: (r.fatalities or 0, -r.first, r.id))
            first, last = min(r.first for r in members), max(r.last for r in members)
            inc = Incident(members, first, last, deaths, lead)
        out.append(inc)
    out.sort(key=lambda i: (-i.deaths, i.first, i.records[0].id))
    return out


def _cell(w: Where) -> tuple[int, int, int, int]:
    """(cell x, cell y, the side of x, the side of y) of a point: the side (-1 or 1) is
    the neighbouring cell nearer the point. Records without a point share a cell (far
    from any point) made of their region and countries, so they meet only each other."""
    if w.point:
        assert w.lat is not None and w.lon is not None
        fx, fy = w.lat / _CELL, w.lon / _CELL
        cx, cy = math.floor(fx), math.floor(fy)
        return (cx, cy, -1 if fx - cx < 0.5 else 1, -1 if fy - cy < 0.5 else 1)
    region = zlib.crc32((w.region or "").encode()) % 1000
    return (10_000 + region, 10_000 + zlib.crc32(",".join(w.countries).encode()) % 1000, 1, 1)


def _grid(cell: tuple[int, int, int, int]) -> tuple[int, ...]:
    """The four cells a record is filed under, each as one int (12 bits a coordinate):
    its own first, then the three on the side of its quadrant."""
    cx, cy, qx, qy = cell
    pairs = ((cx, cy), (cx + qx, cy), (cx, cy + qy), (cx + qx, cy + qy))
    return tuple(((x & 0xFFF) << 12) | (y & 0xFFF) for x, y in pairs)


def _day(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def unlinked(data: m.Dataset, matches: Matches, records: Sequence[m.Event]) -> list[Incident]:
    """The incidents of ``records`` none of whose records is linked to a curated event or
    a possible match of one (an incident ACLED splits into rows is one incident)."""
    counted = matches.owner.keys() | matches.ambiguous
    return [i for i in cluster(data, records) if not any(r.id in counted for r in i.records)]
