"""Linking dataset records (ACLED, UCDP imports) to curated events.

The rule, its tolerances and how ambiguous cases are decided are in docs/matching.md;
this module is that document as code (its "Incidents" section, what is left over, is
gaps.py). Everything is deterministic: the same files give the same links, in the same
order.

A *record* is an event an import wrote (id ``acled-…`` or ``ucdp-…``); every other event
is *curated*. Records are indexed by day, so each is compared only with the curated
events whose span (widened by the date tolerance) covers one of its days.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from barkhane_cli import geo, roles, shapes
from barkhane_cli import model as m
from barkhane_cli.resolve import normalize

# --- tolerances (docs/matching.md) ----------------------------------------------------------
DATE_TOLERANCE = 2  # days between the two spans, each widened to its precision
COARSE_DAYS = 7  # a span longer than this (ACLED time_precision 3, a month) is coarse
LONG_DAYS = 31  # a curated event longer than this is a series: stricter (docs/matching.md)
MAX_SPAN = 366  # a curated event longer than this is a state of affairs: never scored
# Distance tolerance by the coarser side's place precision (km).
SETTLEMENT_KM = 25.0  # ACLED geo_precision 1, UCDP where_prec 1, a curated settlement
AREA_KM = 50.0  # ACLED geo_precision 2, UCDP where_prec 2, an area known by a point
# ACLED geo_precision 3 and UCDP where_prec 3 (and 4 in imports made before UCDP's 4 became a
# region): a division known by its capital or centroid, which is not where it happened.
WIDE_KM = 100.0
NEAR_MISS = 2.0  # up to twice the tolerance when more agrees (docs/matching.md)
THRESHOLD = 0.45  # the least score that links
TOLL_FLOOR = 5  # tolls that tell an incident apart (docs/matching.md, containment)
WEIGHTS = {"date": 0.4, "place": 0.3, "actors": 0.2, "type": 0.1}
# Records of one incident: spans at most this far apart, points at most this far apart.

VIOLENT = frozenset({"attack", "battle", "massacre", "leader-killed"})
_GROUPS = (VIOLENT, frozenset({"coup", "coup-attempt", "politics"}))
FAMILY = frozenset((a, b) for g in _GROUPS for a in g for b in g if a != b)
_PRECISION = re.compile(r"\b(?:ACLED geo_precision|UCDP where_prec) (\d)")
_CIVILIANS = "civilians"


def dataset_of(e: m.Event) -> str | None:
    """ "ACLED" or "UCDP" for a record an import wrote, None for a curated event."""
    for prefix, name in m.DATASETS.items():
        if e.id.startswith(prefix):
            return name
    return None


def record_id(e: m.Event) -> str:
    """The dataset's own id: ACLED's ``event_id_cnty`` (``MLI4682``, which the import
    keeps lower-cased in the event id ``acled-mli4682``), UCDP's ``id``."""
    if e.id.startswith("acled-"):
        return e.id[len("acled-") :].upper()
    return e.id[len("ucdp-") :]


# --- where an event is, and how precisely ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Where:
    """An event's location for matching: a point with its tolerance, or only a region (its
    outline) or only countries."""

    lat: float | None = None
    lon: float | None = None
    km: float = 0.0  # tolerance of the point
    region: str | None = None  # a place with an outline: matched by containment
    countries: tuple[str, ...] = ()
    precision: str = "none"  # settlement, area, wide, region, country, none
    # A curated event naming several located settlements (an attack on two camps): each.
    others: tuple[tuple[float, float], ...] = ()
    # ... and the regions of the settlements it names that have no point of their own.
    around: tuple[str, ...] = ()
    # A record's place an import kept apart from the curated settlement of its name, far
    # away: that settlement's id (Place.namesake; docs/matching.md, "Places").
    namesake: str | None = None

    @property
    def point(self) -> bool:
        return self.lat is not None and self.lon is not None


def _tolerance(place: m.Place | None, kind: str) -> tuple[str, float]:
    """(precision, km) of a point, from the import's precision code in the place's summary
    (``ACLED geo_precision 2``), else from the kind of place."""
    code = None
    if place is not None and place.summary:
        found = _PRECISION.search(place.summary)
        code = found.group(1) if found else None
    if code is None:
        if kind in shapes.SETTLEMENT_KINDS:
            return "settlement", SETTLEMENT_KM
        return "area", AREA_KM
    if code == "1":
        return "settlement", SETTLEMENT_KM
    if code == "2":
        return "area", AREA_KM
    return "wide", WIDE_KM


def where_of(places: Mapping[str, m.Place], e: m.Event) -> Where:
    if e.point_of is None or e.latitude is None or e.longitude is None:
        return Where(countries=e.countries)
    place = places.get(e.point_of)
    kind = e.point_kind or ""
    if kind == "country":
        return Where(countries=e.countries, precision="country")
    if kind in shapes.SETTLEMENT_KINDS or (place is not None and shapes.point_of(place)):
        precision, km = _tolerance(place, kind)
        others = tuple(
            at
            for pid in e.places
            if pid != e.point_of
            and (p := places.get(pid)) is not None
            and p.kind in shapes.SETTLEMENT_KINDS
            and (at := shapes.point_of(p)) is not None
        )
        around = tuple(r for pid in e.places if (r := _outline_above(places, pid)) is not None)
        namesake = place.namesake if place is not None else None
        return Where(
            e.latitude, e.longitude, km, None, e.countries, precision, others, around, namesake
        )
    if shapes.shape_of(places, e.point_of) is not None:
        return Where(region=e.point_of, countries=e.countries, precision="region")
    precision, tol = _tolerance(place, kind)  # an area known by a point (ACLED's, UCDP's)
    return Where(e.latitude, e.longitude, tol, None, e.countries, precision)


def _outline_above(places: Mapping[str, m.Place], pid: str) -> str | None:
    """For a settlement with no point: the nearest place above it with an outline."""
    p = places.get(pid)
    if p is None or p.kind not in shapes.SETTLEMENT_KINDS or shapes.point_of(p) is not None:
        return None
    for up in geo.ancestors(places, pid):
        if shapes.shape_of(places, up) is not None:
            return up
    return None


class Wheres:
    """where_of, remembered: records of one export share a few thousand places."""

    def __init__(self, places: Mapping[str, m.Place]) -> None:
        self.places = places
        self.memo: dict[tuple[object, ...], Where] = {}

    def __call__(self, e: m.Event) -> Where:
        key = (e.point_of, e.point_kind, e.latitude, e.longitude, e.countries, e.places)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = where_of(self.places, e)
        return found


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


_INSIDE: dict[tuple[str, float, float], bool] = {}  # cleared by each match()


def _inside(places: Mapping[str, m.Place], region: str, lat: float, lon: float) -> bool:
    key = (region, lat, lon)
    found = _INSIDE.get(key)
    if found is None:
        shape = shapes.shape_of(places, region)
        found = _INSIDE[key] = shape is not None and not shape.clearly_outside(lat, lon)
    return found


def _place_score(
    places: Mapping[str, m.Place], a: Where, b: Where
) -> tuple[float, float | None] | None:
    """(score, km between points or None) when the two places can be one, else None."""
    if a.point and b.point:
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        d = min(km(lat, lon, b.lat, b.lon) for lat, lon in ((a.lat, a.lon), *a.others))
        tol = max(a.km, b.km)
        if d <= tol:
            return 1.0 - 0.5 * d / tol, d
        if any(_inside(places, r, b.lat, b.lon) for r in a.around):
            return 0.5, None  # in the region of a place the event names without a point
        if d <= NEAR_MISS * tol:
            return 0.4 * (NEAR_MISS - d / tol), d  # a near miss: more must agree (score)
        return None
    for x, y in ((a, b), (b, a)):
        if x.region is not None and y.point:
            assert y.lat is not None and y.lon is not None
            return (0.5, None) if _inside(places, x.region, y.lat, y.lon) else None
    if a.region is not None and b.region is not None:
        if a.region == b.region or b.region in geo.contained(places, a.region):
            return 0.5, None
        if a.region in geo.contained(places, b.region):
            return 0.5, None
        return None
    if set(a.countries) & set(b.countries):
        return 0.25, None
    return None


# --- scoring ------------------------------------------------------------------------------


def compatible(a: str, b: str) -> float:
    """1 for one type, 0.5 for types of one family (attack, battle, massacre), else 0."""
    if a == b:
        return 1.0
    return 0.5 if (a, b) in FAMILY else 0.0


def _span_factor(days: int) -> float:
    if days <= 1:
        return 1.0
    if days <= COARSE_DAYS:
        return 0.75
    if days <= LONG_DAYS:
        return 0.5
    return 0.25


def _actor_score(actors: Mapping[str, m.Actor], cur: m.Event, rec: m.Event) -> float:
    named_c = [a for a in cur.perpetrators if a != _CIVILIANS]
    named_r = [a for a in rec.perpetrators if a != _CIVILIANS]
    if not named_c or not named_r:
        return 0.5  # one side names no one: no evidence either way
    mine = set().union(*(roles.counts_for(actors, a, cur.first, cur.last) for a in named_c))
    theirs = set().union(*(roles.counts_for(actors, a, rec.first, rec.last) for a in named_r))
    return 1.0 if mine & theirs else 0.0


@dataclass(slots=True)
class Pair:
    curated: m.Event
    record: m.Event
    score: float
    date_gap: int  # days between the spans (0: they overlap)
    distance_km: float | None
    coarse: bool  # the record's date or place is coarse (docs/matching.md, ambiguity)
    reviewed: bool = False
    ambiguous: bool = False
    namesake: bool = False  # placed at a namesake of our settlement, beyond the distance rule

    @property
    def same_place(self) -> bool:
        """The record is drawn at our event's own place: the import linked its location
        to our settlement (within the importers' 25 km, docs/acled.md "Places"), so the
        two points are one and no distance between the datasets' points is known (U54:
        ACLED's point 16 km from our Inatès read "0 km")."""
        return self.record.point_of is not None and self.record.point_of in self.curated.places

    def km(self) -> float | None:
        """How far apart the two are drawn, rounded as shown (a tenth of a km), or None
        when that is no measure: same_place, or a side placed only by a region."""
        if self.distance_km is None or self.same_place:
            return None
        return round(self.distance_km, 1)

    def key(self) -> tuple[float, int, float, int, str]:
        """Best first: score, then the nearer date, the nearer place, the closer toll."""
        far = self.distance_km if self.distance_km is not None else math.inf
        return (
            -self.score,
            self.date_gap,
            far,
            _toll_gap(self.curated, self.record),
            self.curated.id,
        )


def _toll_gap(cur: m.Event, rec: m.Event) -> int:
    ours = cur.fatalities if cur.fatalities is not None else cur.fatalities_low
    theirs = rec.fatalities or 0
    return abs((ours or 0) - theirs)


def _names(places: Mapping[str, m.Place], e: m.Event) -> set[str]:
    out: set[str] = set()
    for pid in e.places:
        p = places.get(pid)
        if p is not None and p.kind in shapes.SETTLEMENT_KINDS:
            out.update(normalize(n) for n in (p.name, *p.aliases))
    return out


def _same_name(places: Mapping[str, m.Place], cur: m.Event, rec: m.Event) -> bool:
    """A settlement of the curated event has the record's place name (or an alias)."""
    return not _names(places, cur).isdisjoint(_names(places, rec))


def _tolls_agree(cur: m.Event, rec: m.Event) -> bool:
    """Both give a toll of at least TOLL_FLOOR and the record's lies in ours, widened by
    a quarter."""
    theirs = rec.fatalities or 0
    low = cur.fatalities_low if cur.fatalities_low is not None else cur.fatalities
    high = cur.fatalities_high if cur.fatalities_high is not None else cur.fatalities
    if low is None or high is None or theirs < TOLL_FLOOR or high < TOLL_FLOOR:
        return False
    return low * 0.75 <= theirs <= high * 1.25


def _battle(a: m.Event, b: m.Event) -> bool:
    """One is a battle, the other not: both sides of a battle are its perpetrators, so
    a clash with the army is no incident of a series of killings by the army."""
    return (a.type == "battle") != (b.type == "battle")


def _toll_part(cur: m.Event, rec: m.Event) -> bool:
    """A near miss on the same day may hold part of our toll (ACLED splits a toll between
    the places of one attack): at least TOLL_FLOOR and between 40% of our low figure
    and our high one widened by a quarter."""
    theirs = rec.fatalities or 0
    low = cur.fatalities_low if cur.fatalities_low is not None else cur.fatalities
    high = cur.fatalities_high if cur.fatalities_high is not None else cur.fatalities
    if low is None or high is None or theirs < TOLL_FLOOR:
        return False
    return low * 0.4 <= theirs <= high * 1.25


def coarse_date(e: m.Event) -> bool:
    return e.last - e.first + 1 > COARSE_DAYS


def _long(e: m.Event) -> bool:
    return e.last - e.first + 1 > LONG_DAYS


def score(data: m.Dataset, cur: m.Event, rec: m.Event, here: Where, there: Where) -> Pair | None:
    """The pair's score when it passes the gates (type, date, place), else None."""
    kind = compatible(cur.type, rec.type)
    if not kind:
        return None
    gap = max(0, max(cur.first, rec.first) - min(cur.last, rec.last))
    if gap > DATE_TOLERANCE:
        return None
    placed = _place_score(data.places, here, there)
    # The record's place is one the import kept apart from a settlement of this event's,
    # whose name it has: compared as a near miss whose name agrees, however far.
    namesake = placed is None and there.namesake is not None and there.namesake in cur.places
    if namesake:
        placed = (0.0, _any_km(here, there))
    if placed is None:
        return None
    span = max(cur.last - cur.first + 1, rec.last - rec.first + 1)
    date_s = (1.0 - gap / (DATE_TOLERANCE + 1)) * _span_factor(span)
    actor_s = _actor_score(data.actors, cur, rec)
    near_miss = placed[1] is not None and placed[1] > max(here.km, there.km)
    if _long(cur) and (placed[1] is None or near_miss or actor_s < 1.0 or _battle(cur, rec)):
        # A curated series (killings over weeks in one place): a record is one of its
        # incidents only within the distance tolerance and by the same perpetrators.
        return None
    if placed[1] is None or near_miss:
        # Placed only by containment (a region, a country), or beyond the distance
        # tolerance: a busy region has several incidents a day, so the dates must be at
        # most a day apart and one more thing must agree: the perpetrators, the place's
        # name or the toll.
        if gap > 1:
            return None
        named = namesake or _same_name(data.places, cur, rec)
        part = near_miss and not gap and _toll_part(cur, rec)
        if not (actor_s == 1.0 or named or _tolls_agree(cur, rec) or part):
            return None
        if named:
            placed = (0.9, placed[1])
    total = (
        WEIGHTS["date"] * date_s
        + WEIGHTS["place"] * placed[0]
        + WEIGHTS["actors"] * actor_s
        + WEIGHTS["type"] * kind
    )
    coarse = coarse_date(rec) or there.precision in ("region", "country", "none")
    return Pair(cur, rec, round(total, 3), gap, placed[1], coarse, namesake=namesake)


# --- the whole match ------------------------------------------------------------------------


@dataclass(slots=True)
class Matches:
    curated: list[m.Event]
    records: list[m.Event]
    linked: dict[str, list[Pair]] = field(default_factory=dict)  # curated id -> pairs
    possible: dict[str, list[Pair]] = field(default_factory=dict)  # ambiguous, per curated id
    owner: dict[str, str] = field(default_factory=dict)  # record id -> curated id
    ambiguous: set[str] = field(default_factory=set)  # record event ids linked to no one
    missing_reviewed: dict[str, list[str]] = field(default_factory=dict)  # curated -> ids


def split(data: m.Dataset, aftermath: bool = True) -> tuple[list[m.Event], list[m.Event]]:
    """(curated events, records) of the loaded data."""
    everything = data.events + data.aftermath if aftermath else data.events
    curated = [e for e in data.events if dataset_of(e) is None]
    records = [e for e in everything if dataset_of(e) is not None]
    return curated, records


def owners(data: m.Dataset) -> dict[str, str]:
    """Each record the matcher pairs with a curated event, over the whole of ``data`` as
    gaps and compare match it: record id -> curated id. The store works it out once, when
    it is built (its ``_folded`` table), so that a view counting such a pair once reads
    the pairs rather than matching on every query (7.6 s a count over 20,000 imported
    rows, U55; folding.py)."""
    curated, records = split(data)
    if not records:
        return {}
    return dict(match(data, curated, records).owner)


def reviewed_ids(e: m.Event) -> list[tuple[str, str]]:
    """The reviewed links of a curated event as (dataset, record id)."""
    return [("ACLED", i) for i in e.acled_ids] + [("UCDP", i) for i in e.ucdp_ids]


def event_id(dataset: str, record: str) -> str:
    """The event id an import gives the record ``record`` of ``dataset``: record_id's
    inverse (event ids are lower case, validate's ID_RE). What to look a reviewed link's
    record up by; match itself compares their keys."""
    prefix = next(p for p, name in m.DATASETS.items() if name == dataset)
    return prefix + (record.lower() if dataset == "ACLED" else record)


def match(
    data: m.Dataset,
    curated: Sequence[m.Event],
    records: Sequence[m.Event],
    reviews: Sequence[m.Event] | None = None,
) -> Matches:
    """``reviews``: the events whose reviewed links are taken first, in the record's
    order (data.events when None: any core event may carry them); a caller matching part
    of the records gives the ones carrying links (lookup.curated_matches)."""
    out = Matches(list(curated), list(records))
    where = Wheres(data.places)
    _INSIDE.clear()
    reviewers = data.events if reviews is None else reviews
    reviewing = any(reviewed_ids(e) for e in reviewers)
    by_key = {(dataset_of(r), record_id(r)): r for r in records} if reviewing else {}
    taken: set[str] = set()
    # 1. Reviewed links first: they override every score.
    for cur in reviewers if reviewing else ():
        for ds, rid in reviewed_ids(cur):
            rec = by_key.get((ds, rid))
            if rec is None:
                out.missing_reviewed.setdefault(cur.id, []).append(f"{ds} {rid}")
                continue
            pair = Pair(cur, rec, 1.0, 0, None, False, reviewed=True)
            here, there = where_of(data.places, cur), where_of(data.places, rec)
            found = _place_score(data.places, here, there)
            pair.date_gap = max(0, max(cur.first, rec.first) - min(cur.last, rec.last))
            pair.distance_km = found[1] if found else _any_km(here, there)
            out.linked.setdefault(cur.id, []).append(pair)
            out.owner[rec.id] = cur.id
            taken.add(rec.id)
    # 2. Scores: the curated events indexed by each day of their span, widened.
    by_day: dict[int, list[m.Event]] = defaultdict(list)
    wheres: dict[str, Where] = {}
    for cur in curated:
        if cur.last - cur.first + 1 > MAX_SPAN:
            continue  # a state of affairs, not an incident: linked only by review
        wheres[cur.id] = where_of(data.places, cur)
        for day in range(cur.first - DATE_TOLERANCE, cur.last + DATE_TOLERANCE + 1):
            by_day[day].append(cur)
    for rec in records:
        if rec.id in taken:
            continue
        seen: dict[str, m.Event] = {}
        for day in range(rec.first, rec.last + 1):
            for cur in by_day.get(day, ()):
                seen.setdefault(cur.id, cur)
        if not seen:
            continue
        there = where(rec)
        pairs = [
            p
            for cur in seen.values()
            if (p := score(data, cur, rec, wheres[cur.id], there)) is not None
            and p.score >= THRESHOLD
        ]
        if not pairs:
            continue
        pairs.sort(key=Pair.key)
        if len(pairs) > 1 and pairs[0].coarse:
            # A coarse record that fits several curated events is linked to none of them.
            out.ambiguous.add(rec.id)
            for p in pairs:
                p.ambiguous = True
                out.possible.setdefault(p.curated.id, []).append(p)
            continue
        best = pairs[0]
        out.linked.setdefault(best.curated.id, []).append(best)
        out.owner[rec.id] = best.curated.id
    for pairs in (*out.linked.values(), *out.possible.values()):
        pairs.sort(key=lambda p: (p.record.first, p.record.id))
    return out


def _any_km(a: Where, b: Where) -> float | None:
    """The distance a reviewed link reports where the rule would not place the two
    together: from the nearest of each side's points, as _place_score measures (a
    reviewed link of an event in two towns said how far its first town was)."""
    if a.point and b.point:
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        return min(
            km(lat1, lon1, lat2, lon2)
            for lat1, lon1 in ((a.lat, a.lon), *a.others)
            for lat2, lon2 in ((b.lat, b.lon), *b.others)
        )
    return None


# --- the differences that matter ------------------------------------------------------------


def deaths_of(records: Iterable[m.Event]) -> dict[str, Any]:
    """The tolls the linked records give, by dataset: ACLED's figures summed (its rows
    split an incident by place or actor), UCDP's best, low and high summed."""
    out: dict[str, Any] = {}
    acled = [r for r in records if dataset_of(r) == "ACLED"]
    ucdp = [r for r in records if dataset_of(r) == "UCDP"]
    if acled:
        out["acled"] = sum(r.fatalities or 0 for r in acled)
    if ucdp:
        best = sum(r.fatalities or 0 for r in ucdp)
        low = sum(
            r.fatalities_low if r.fatalities_low is not None else (r.fatalities or 0) for r in ucdp
        )
        high = sum(
            r.fatalities_high if r.fatalities_high is not None else (r.fatalities or 0)
            for r in ucdp
        )
        out["ucdp"] = {"best": best, "low": low, "high": high}
    return out


def ours(e: m.Event) -> dict[str, int | None]:
    return {"best": e.fatalities, "low": e.fatalities_low, "high": e.fatalities_high}


def pair_json(p: Pair) -> dict[str, Any]:
    r = p.record
    return {
        "dataset": dataset_of(r),
        "record_id": record_id(r),
        "event_id": r.id,
        "score": p.score,
        "reviewed": p.reviewed,
        "ambiguous": p.ambiguous,
        "date": r.date.iso(),
        "end": r.end.iso() if r.end else None,
        "date_gap_days": p.date_gap,
        "distance_km": p.km(),
        "same_place": p.same_place,
        "place": r.places[0] if r.places else None,
        "deaths": r.fatalities,
        "deaths_low": r.fatalities_low,
        "deaths_high": r.fatalities_high,
        "perpetrators": list(r.perpetrators),
        "type": r.type,
    }


def differences(data: m.Dataset, cur: m.Event, pairs: Sequence[Pair]) -> dict[str, Any]:
    recs = [p.record for p in pairs]
    mine = {a for a in cur.perpetrators if a != _CIVILIANS}
    theirs = {a for r in recs for a in r.perpetrators if a != _CIVILIANS}
    # A side of a record's two-sided fight (an ACLED or UCDP battle: Event.each_side_both)
    # is no claim of who attacked: one we name as the attacked agrees with it (U54: our
    # "ISGS → Niger" at Inates against ACLED's clash "ISGS ↔ Niger" read "perpetrator in
    # theirs, target in ours: Niger", a disagreement the datasets do not have).
    sides = {a for r in recs if r.each_side_both() for a in r.perpetrators} - {
        a for r in recs if not r.each_side_both() for a in r.perpetrators
    }
    agreed = mine | set(cur.targets)
    claimed = {a for a in theirs if a not in sides or not among(data, cur, a, agreed)}
    days = [p.date_gap for p in pairs]
    dists = [km for p in pairs if (km := p.km()) is not None]
    return {
        "date_gap_days": max(days) if days else None,
        "distance_km": max(dists) if dists else None,
        "deaths": {"ours": ours(cur), **deaths_of(recs)},
        "perpetrators": {
            "ours": sorted(mine),
            "theirs": sorted(theirs),
            "only_ours": sorted(_unmatched(data, cur, mine, theirs)),
            "only_theirs": sorted(_unmatched(data, cur, claimed, mine)),
        },
    }


def _unmatched(data: m.Dataset, e: m.Event, these: set[str], others: set[str]) -> set[str]:
    """The actors of ``these`` that are not :func:`among` ``others``."""
    return {a for a in these if not among(data, e, a, others)}


def among(data: m.Dataset, e: m.Event, actor: str, others: Iterable[str]) -> bool:
    """Whether ``actor`` is, belongs to or takes in one of ``others`` at the event's date
    (Barkhane is France's; Katiba Macina JNIM's)."""
    mine = roles.counts_for(data.actors, actor, e.first, e.last)
    return any(
        b in mine or actor in roles.counts_for(data.actors, b, e.first, e.last) for b in others
    )
