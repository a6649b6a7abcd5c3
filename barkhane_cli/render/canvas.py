"""The map's geometry and its two surfaces' common ground: outlines, projection, dots.

Country outlines come from the compact file ``barkhane_cli/geodata/sahel.json``
(Natural Earth 1:50m, public domain; derived by ``tools/derive_geodata.py``). Both the
terminal and the SVG use one projection: equirectangular with its standard parallel at
the map's centre latitude (x = lon·cos φ₀, y = lat), which keeps shapes true near the
Sahel's band of latitudes and is easy to state in a legend.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

BRAILLE_BASE = 0x2800
# Dot bit for (x, y) inside a 2×4 braille cell (Unicode's numbering of the eight dots).
_DOT = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))

Extent = tuple[float, float, float, float]  # west, south, east, north (degrees)


@dataclass(frozen=True, slots=True)
class Country:
    id: str
    name: str
    bbox: Extent
    # polygons → rings (outer first, then holes) → [(lon, lat), ...]
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]


@lru_cache(maxsize=1)
def geometry() -> tuple[dict[str, Any], tuple[Country, ...]]:
    """The bundled outlines (read once): the file's notes and its countries."""
    text = resources.files("barkhane_cli").joinpath("geodata/sahel.json").read_text("utf-8")
    raw = json.loads(text)
    countries = []
    for c in raw["countries"]:
        polys = tuple(
            tuple(tuple(zip(r[::2], r[1::2], strict=True)) for r in poly) for poly in c["polygons"]
        )
        countries.append(Country(c["id"], c["name"], tuple(c["bbox"]), polys))
    notes = {k: v for k, v in raw.items() if k != "countries"}
    return notes, tuple(countries)


def overlaps(a: Extent, b: Extent) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


Ring = tuple[tuple[float, float], ...]  # [(lon, lat), ...]


def clip(ring: Ring, extent: Extent) -> Ring:
    """The part of the closed ``ring`` inside ``extent`` (Sutherland–Hodgman, one side of
    the box at a time), closed again; empty when none of it is inside."""
    west, south, east, north = extent
    points = list(ring[:-1] if ring and ring[0] == ring[-1] else ring)
    # each side: the axis (0 lon, 1 lat), its bound, and whether inside is above it
    for axis, bound, above in ((0, west, True), (0, east, False), (1, south, True),
                               (1, north, False)):  # fmt: skip
        kept: list[tuple[float, float]] = []
        for a, b in zip(points[-1:] + points[:-1], points, strict=True):
            a_in, b_in = (a[axis] >= bound) == above, (b[axis] >= bound) == above
            if a_in != b_in:  # the edge crosses the side: where it does
                t = (bound - a[axis]) / (b[axis] - a[axis])
                at = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
                kept.append((bound, at[1]) if axis == 0 else (at[0], bound))
            if b_in:
                kept.append(b)
        points = kept
        if not points:
            return ()
    return (*points, points[0])


@dataclass(frozen=True, slots=True)
class Projection:
    """Degrees → a surface of ``width`` × ``height`` units (dots or pixels), y down.

    The extent is widened on one axis so the scale is the same both ways: the surface
    shows at least what was asked, undistorted, centred."""

    extent: Extent
    width: float
    height: float
    scale: float  # units per projected degree
    parallel: float  # standard parallel (degrees north)

    @classmethod
    def fit(cls, extent: Extent, width: float, height: float) -> Projection:
        west, south, east, north = extent
        parallel = (south + north) / 2
        k = math.cos(math.radians(parallel))
        scale = min(width / ((east - west) * k), height / (north - south))
        # The extent actually shown, centred on the one asked for.
        half_w = width / scale / k / 2
        half_h = height / scale / 2
        cx, cy = (west + east) / 2, (south + north) / 2
        shown = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        return cls(shown, width, height, scale, parallel)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        k = math.cos(math.radians(self.parallel))
        return (
            (lon - self.extent[0]) * k * self.scale,
            (self.extent[3] - lat) * self.scale,
        )

    def describe(self) -> str:
        hemi = "N" if self.parallel >= 0 else "S"
        return f"equirectangular at {abs(self.parallel):.1f}°{hemi}"


def rows_for(extent: Extent, cols: int, max_rows: int) -> int:
    """Rows of braille (4 dots each) that show the extent at ``cols`` (2 dots each)
    without distortion, at most ``max_rows``."""
    west, south, east, north = extent
    k = math.cos(math.radians((south + north) / 2))
    dots_high = 2 * cols * (north - south) / ((east - west) * k)
    return max(4, min(max_rows, math.ceil(dots_high / 4)))


class Dots:
    """A braille canvas: ``cols`` × ``rows`` cells of 2 × 4 dots each."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.bits = bytearray(cols * rows)

    def set(self, x: int, y: int) -> None:
        if 0 <= x < 2 * self.cols and 0 <= y < 4 * self.rows:
            self.bits[(y >> 2) * self.cols + (x >> 1)] |= _DOT[y & 3][x & 1]

    def line(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """Bresenham's line, clipped dot by dot (segments are short)."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        limit = 2 * (self.cols + self.rows * 2) + dx - dy  # never loop on wild input
        while limit > 0:
            self.set(x0, y0)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy
            limit -= 1

    def char(self, col: int, row: int, ascii_only: bool) -> str:
        bits = self.bits[row * self.cols + col]
        if not bits:
            return " "
        return _ascii(bits) if ascii_only else chr(BRAILLE_BASE + bits)


def _ascii(bits: int) -> str:
    """A character that looks like the cell's dots: - | / \\ or . for a scatter."""
    dots = [(x, y) for y in range(4) for x in range(2) if bits & _DOT[y][x]]
    xs, ys = {x for x, _ in dots}, {y for _, y in dots}
    if len(dots) == 1:
        return "."
    if len(ys) <= 2 and len(xs) == 2:
        return "-"
    if len(xs) == 1:
        return "|"
    # Both columns, three or four rows: a diagonal; which one by where the left dots sit.
    left = sum(y for x, y in dots if x == 0) / max(1, sum(1 for x, _ in dots if x == 0))
    right = sum(y for x, y in dots if x == 1) / max(1, sum(1 for x, _ in dots if x == 1))
    return "\\" if left < right else "/"


def draw_country(dots: Dots, proj: Projection, c: Country) -> None:
    for poly in c.polygons:
        for ring in poly:
            pts = [proj.xy(lat, lon) for lon, lat in ring]
            for (xa, ya), (xb, yb) in itertools.pairwise(pts):
                dots.line(int(xa), int(ya), int(xb), int(yb))


def draw_borders(dots: Dots, proj: Projection) -> list[str]:
    """Every bundled country that meets the extent, outlined; returns their ids."""
    _, countries = geometry()
    drawn = []
    for c in countries:
        if overlaps(c.bbox, proj.extent):
            drawn.append(c.id)
            draw_country(dots, proj, c)
    return drawn
