"""Places as shapes: countries, first-level regions and the areas made of them.

Countries come from ``geodata/sahel.json`` (Natural Earth 1:50m admin-0), regions from
``geodata/regions.json`` (Natural Earth 1:10m admin-1, and the Ménaka region from
geoBoundaries' 2017 cercles, cut out of Natural Earth's Gao; derived by
``tools/derive_regions.py``); an area that is not administrative (``liptako-gourma``,
``northern-mali``) is the union of the places its ``made_of`` lists. A place lies inside
a shape when its point does (even-odd rule, pure Python: nothing heavier runs at run time).

One region was drawn before a split: Natural Earth's Timbuktu region still holds the
Taoudénit region, carved out of it in 2016 from parts of cercles no public outline gives.
Such an outline ``covers`` the later region, which has no outline of its own here; a
place declared in the later region is not counted in the older outline by geometry.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from barkhane_cli import model as m

Pt = Sequence[float]  # (lon, lat)
Ring = tuple[tuple[float, float], ...]  # (lon, lat) points, first = last
Polygon = tuple[Ring, ...]  # outer ring, then holes
Box = tuple[float, float, float, float]  # west, south, east, north

SETTLEMENT_KINDS = ("capital", "city", "town", "village", "base")
# How far (degrees, about 11 km) a point may lie on the wrong side of a simplified outline
# before geometry overrules what the data declares: the outlines are generalized (Natural
# Earth 1:50m and 1:10m, then simplified), so a border town can fall just across.
BORDER_TOLERANCE = 0.1
SHAPE_KINDS = ("country", "region", "area")


@dataclass(frozen=True, slots=True)
class Shape:
    id: str
    polygons: tuple[Polygon, ...]
    bbox: Box
    label: tuple[float, float] | None = None  # (lon, lat), inside the shape
    covers: tuple[str, ...] = ()  # later regions drawn inside this older outline
    parts: tuple[str, ...] = ()  # for a union: the shapes it is made of
    name: str = ""  # the source's name (Natural Earth's, or geoBoundaries' "Menaka")

    def contains(self, lat: float, lon: float) -> bool:
        w, s, e, n = self.bbox
        if not (w <= lon <= e and s <= lat <= n):
            return False
        return any(_in_polygon(poly, lon, lat) for poly in self.polygons)

    def edge_distance(self, lat: float, lon: float) -> float:
        """Degrees (longitude scaled by cos latitude) from the point to the outline."""
        k = math.cos(math.radians(lat))
        best = math.inf
        for poly in self.polygons:
            for ring in poly:
                for (x1, y1), (x2, y2) in itertools.pairwise(ring):
                    best = min(best, _segment(lon * k, lat, x1 * k, y1, x2 * k, y2))
        return best

    def clearly_outside(self, lat: float, lon: float) -> bool:
        """Outside, and farther from the outline than ``BORDER_TOLERANCE``."""
        if self.contains(lat, lon):
            return False
        w, s, e, n = self.bbox
        t = BORDER_TOLERANCE
        if not (w - t <= lon <= e + t and s - t <= lat <= n + t):
            return True
        return self.edge_distance(lat, lon) > t


def _segment(px: float, py: float, x1: float, y1: float, x2: float, y2: float) -> float:
    dx, dy = x2 - x1, y2 - y1
    norm = dx * dx + dy * dy
    t = 0.0 if norm == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / norm))
    return math.hypot(px - x1 - t * dx, py - y1 - t * dy)


def in_ring(ring: Sequence[Pt], x: float, y: float) -> bool:
    """Even-odd rule: whether (x, y) lies inside the closed ring (also used by
    tools/derive_regions.py to put holes in their polygons)."""
    hit = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def _in_polygon(poly: Polygon, x: float, y: float) -> bool:
    return bool(poly) and in_ring(poly[0], x, y) and not any(in_ring(h, x, y) for h in poly[1:])


def _polys(raw: list[list[list[float]]]) -> tuple[Polygon, ...]:
    return tuple(tuple(tuple(zip(r[::2], r[1::2], strict=True)) for r in poly) for poly in raw)


def _read(name: str) -> dict[str, object]:
    from importlib import resources  # it imports tempfile: only when outlines are read

    text = resources.files("barkhane_cli").joinpath(f"geodata/{name}").read_text("utf-8")
    out: dict[str, object] = json.loads(text)
    return out


@lru_cache(maxsize=1)
def bundled() -> dict[str, Shape]:
    """Every bundled outline by place id: countries, then regions."""
    out: dict[str, Shape] = {}
    countries = _read("sahel.json")["countries"]
    regions = _read("regions.json")["regions"]
    assert isinstance(countries, list) and isinstance(regions, list)
    for c in countries:
        out[c["id"]] = Shape(c["id"], _polys(c["polygons"]), tuple(c["bbox"]), name=c["name"])
    for r in regions:
        out[r["id"]] = Shape(
            r["id"],
            _polys(r["polygons"]),
            tuple(r["bbox"]),
            tuple(r["label"]),
            tuple(r.get("covers", ())),
            name=r["name"],
        )
    return out


def notes() -> dict[str, object]:
    """Where the region outlines come from (the file's notes, without the shapes)."""
    return {k: v for k, v in _read("regions.json").items() if k != "regions"}


def covered_by(shapes: Mapping[str, Shape] | None = None) -> dict[str, str]:
    """Later regions → the older outline they are drawn inside (``taoudenit-region`` →
    Timbuktu)."""
    shapes = bundled() if shapes is None else shapes
    return {c: s.id for s in shapes.values() for c in s.covers}


def shape_of(places: Mapping[str, m.Place], pid: str) -> Shape | None:
    """The place's own outline: bundled for a country or region, the union of its
    ``made_of`` parts for an area. None for a settlement, or a region with no outline."""
    return _shape_of(places, pid, ())


def _shape_of(places: Mapping[str, m.Place], pid: str, seen: tuple[str, ...]) -> Shape | None:
    place = places.get(pid)
    if place is None or pid in seen or place.kind in SETTLEMENT_KINDS:
        return None
    if place.made_of:
        # a capital's district (Niamey) counts with its outline inside a union
        parts = [
            s
            for part in place.made_of
            if (s := _shape_of(places, part, (*seen, pid)) or bundled().get(part))
        ]
        if not parts:
            return None
        polys = tuple(p for s in parts for p in s.polygons)
        box = (
            min(s.bbox[0] for s in parts),
            min(s.bbox[1] for s in parts),
            max(s.bbox[2] for s in parts),
            max(s.bbox[3] for s in parts),
        )
        # The label: the part's label nearest the mean of the parts' labels (Kidal's for
        # northern Mali, not a point in the far north of the largest part). The mean
        # weighs each part once, so it lies where the parts cluster: for Liptako-Gourma,
        # Burkina Faso's Sahel region in the tri-border area; the middle of the bounding
        # box, pulled north by Kidal and Taoudénit, had put it in the desert north of Gao.
        labels = [label_of(s) for s in parts]
        mid = (sum(x for x, _ in labels) / len(labels), sum(y for _, y in labels) / len(labels))
        label = min(labels, key=lambda xy: (xy[0] - mid[0]) ** 2 + (xy[1] - mid[1]) ** 2)
        covers = tuple(c for s in parts for c in s.covers)
        return Shape(pid, polys, box, label, covers, tuple(s.id for s in parts))
    return bundled().get(pid)


def missing_parts(places: Mapping[str, m.Place], pid: str) -> list[str]:
    """The parts of an area that have no outline and lie in no other part's outline."""
    place = places.get(pid)
    if place is None or not place.made_of:
        return []
    covered = covered_by()
    have = {p for p in place.made_of if shape_of(places, p) or p in bundled()}
    return [
        p for p in place.made_of if p not in have and covered.get(p) not in have and p in places
    ]


def no_shape_reason(places: Mapping[str, m.Place], pid: str) -> str | None:
    """Why a region, area or country is drawn with no outline (None when it has one)."""
    place = places.get(pid)
    if place is None or place.kind in SETTLEMENT_KINDS or shape_of(places, pid) is not None:
        return None
    older = covered_by().get(pid)
    if older is not None:
        return (
            f"no outline of its own: the bundled Natural Earth outlines predate it and no "
            f"public outline of it was found; it lies inside the outline of {older}"
        )
    if place.kind == "country":
        return "no bundled outline for this country (outside the map's region)"
    return "no bundled outline: not a first-level region the geodata holds, and no made_of"


def point_of(place: m.Place) -> tuple[float, float] | None:
    """(lat, lon) of a settlement's own point; regions, areas and countries have none."""
    if place.kind in SETTLEMENT_KINDS and place.lat is not None and place.lon is not None:
        return (place.lat, place.lon)
    return None


def region_at(lat: float, lon: float) -> str | None:
    """The bundled region outline that holds the point (a region's outline has a label, a
    country's none), or None."""
    for outline in bundled().values():
        if outline.label is not None and outline.contains(lat, lon):
            return outline.id
    return None


def countries_at(lat: float, lon: float, ids: Iterable[str] | None = None) -> list[str]:
    """The bundled countries whose outline holds the point (normally one, or none)."""
    shapes = bundled()
    candidates = ids if ids is not None else shapes
    return [
        c for c in candidates if c in shapes and _is_country(c) and shapes[c].contains(lat, lon)
    ]


def country_by_point(lat: float, lon: float, declared: Iterable[str]) -> str | None:
    """The country the point decides, or None to keep what the data declares: a point
    within ``BORDER_TOLERANCE`` of a declared country's outline stays in it."""
    shapes = bundled()
    declared = [c for c in declared if c in shapes]
    if declared and not any(shapes[c].clearly_outside(lat, lon) for c in declared):
        return None
    found = countries_at(lat, lon)
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1)
def _country_ids() -> frozenset[str]:
    countries = _read("sahel.json")["countries"]
    assert isinstance(countries, list)
    return frozenset(c["id"] for c in countries)


def _is_country(sid: str) -> bool:
    return sid in _country_ids()


@lru_cache(maxsize=64)
def _label_cached(sid: str, polygons: tuple[Polygon, ...]) -> tuple[float, float]:
    return widest_chord_point(polygons)


def widest_chord_point(polygons: Sequence[Sequence[Sequence[Pt]]]) -> tuple[float, float]:
    """The middle of the widest east-west chord through the largest polygon: a point
    inside it (unlike a centroid), also used by tools/derive_regions.py for labels."""
    poly = max(polygons, key=lambda p: abs(signed_area(p[0])))
    ys = [y for _, y in poly[0]]
    best: tuple[float, tuple[float, float]] = (-1.0, (poly[0][0][0], poly[0][0][1]))
    for k in range(1, 40):
        y = min(ys) + (max(ys) - min(ys)) * k / 40
        xs = sorted(
            x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            for ring in poly
            for (x1, y1), (x2, y2) in itertools.pairwise(ring)
            if (y1 > y) != (y2 > y)
        )
        for a, b in zip(xs[::2], xs[1::2], strict=False):
            if b - a > best[0]:
                best = (b - a, ((a + b) / 2, y))
    return best[1]


def signed_area(ring: Sequence[Pt]) -> float:
    """Shoelace area of a closed ring, positive when it runs counter-clockwise (also used
    by tools/derive_regions.py to tell outer rings from holes)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def label_of(shape: Shape) -> tuple[float, float]:
    """(lon, lat) inside the shape: its stored label, else the middle of the widest
    east-west chord through its largest polygon (a country's, computed once)."""
    if shape.label is not None:
        return shape.label
    return _label_cached(shape.id, shape.polygons)


def geometry(shape: Shape) -> dict[str, object]:
    """The shape as a GeoJSON MultiPolygon (RFC 7946: [lon, lat] positions)."""
    return {
        "type": "MultiPolygon",
        "coordinates": [[[list(pt) for pt in ring] for ring in poly] for poly in shape.polygons],
    }
