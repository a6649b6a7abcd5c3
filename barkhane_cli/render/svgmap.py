"""``map --export FILE.svg|.html``: a vector map, not a recording of the terminal.

Country outlines are paths (one per country, in the projection of render/canvas.py,
stated in the legend), each place with events is a circle whose area grows with its
count (or deaths), capitals without events are small squares, labels never overlap (the rule
of which places are named: render/svglabels.py), and
the legend gives the scale and what is not drawn. Self-contained: no fonts or scripts
fetched, so it opens offline and converts with rsvg-convert.
"""

from __future__ import annotations

import math
import textwrap
from xml.sax.saxutils import escape, quoteattr

from barkhane_cli.mapping import CAPITAL_KIND, MapData, Marker
from barkhane_cli.render import canvas, svglabels
from barkhane_cli.render.maps import (
    SHADES,
    UNITS,
    class_of,
    classes,
    fit_list,
    fitted,
    footnotes,
    placed_line,
)
from barkhane_cli.render.safe import inert
from barkhane_cli.text import counted

WIDTH = 960
TOP = 44  # the title band (pixels); the legend band below the map is as tall as its lines
NOTE_STEP = 16  # pixels from one line of the legend's notes to the next
CHAR_PX = 6.6  # pixels: about the widest a character of 12px text (labels, notes) is
# Characters of a legend note on one line: a note wider than the page was cut off, so a
# longer one wraps.
NOTE_CHARS = int((WIDTH - 32) / CHAR_PX)
# The title on one line at 18px bold (about 11 pixels a character); longer (a map of many
# filters, each said by name, ran off the page), two lines at 13px in the same band.
TITLE_CHARS = int((WIDTH - 32) / 11)
TITLE_SMALL_CHARS = int((WIDTH - 32) / 8)
MAX_MAP_HEIGHT = 760
R_MIN, R_MAX = 3.0, 18.0
FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif"
SEA, LAND, EDGE, INK = "#eef3f7", "#f6f4ee", "#8a8a8a", "#1a1a1a"
# The outline of a region or area asked for: a blue none of the markers' yellow-to-crimson
# shades comes near (Okabe-Ito's blue), a band drawn just outside its edge, and a faint
# tint of it inside.
AREA, AREA_TINT, AREA_BAND = "#0072B2", 0.10, 5.0
# one asked for inside another asked for: a thinner, dashed band, so the two read as
# one within the other, not as two areas overlapping
INNER_BAND, INNER_DASH = 2.5, "6 3"
# A region's or area's events, drawn at its centre, are a light dashed ring under the
# places' circles: a solid circle overlapping a town's (in that region) read as another
# place there (U54: the Mopti Region's circle on Douentza's).
COARSE_KINDS, COARSE_OPACITY, COARSE_DASH = ("region", "area"), 0.35, "3 2"


def _t(text: str) -> str:
    return escape(inert(text))


def _radius(w: int, top: int) -> float:
    if w <= 0 or top <= 0:
        return R_MIN * 0.7
    return R_MIN + (R_MAX - R_MIN) * math.sqrt(w / top)


def _path(c: canvas.Country, proj: canvas.Projection, dy: float) -> str:
    parts = []
    for poly in c.polygons:
        for ring in poly:
            pts = [proj.xy(lat, lon) for lon, lat in ring]
            d = " ".join(f"{x:.1f},{y + dy:.1f}" for x, y in pts)
            parts.append(f"M{d}Z")
    return "".join(parts)


class _Boxes:
    """Rectangles already used by circles and labels, to keep labels apart."""

    def __init__(self) -> None:
        self.boxes: list[tuple[float, float, float, float]] = []

    def free(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        return all(x1 < a or x0 > c or y1 < b or y0 > d for a, b, c, d in self.boxes)

    def add(self, box: tuple[float, float, float, float]) -> None:
        self.boxes.append(box)


def projection(md: MapData) -> canvas.Projection:
    """The SVG's projection: the extent at ``WIDTH`` pixels, no taller than allowed."""
    west, south, east, north = md.extent
    k = math.cos(math.radians((south + north) / 2))
    height = min(MAX_MAP_HEIGHT, WIDTH * (north - south) / ((east - west) * k))
    return canvas.Projection.fit(md.extent, WIDTH, height)


def svg(md: MapData, title: str) -> str:
    """The whole SVG document of the map."""
    proj = projection(md)
    height = proj.height
    out = [
        f'<clipPath id="frame"><rect x="0" y="{TOP}" width="{WIDTH}" height="{height:.1f}"/></clipPath>',
        f'<rect x="0" y="{TOP}" width="{WIDTH}" height="{height:.1f}" fill="{SEA}"/>',
        '<g id="countries" clip-path="url(#frame)">',
    ]
    _, countries = canvas.geometry()
    for c in countries:
        if canvas.overlaps(c.bbox, proj.extent):
            out.append(
                f'<path id={quoteattr("country-" + c.id)} d="{_path(c, proj, TOP)}" '
                f'fill="{LAND}" stroke="{EDGE}" stroke-width="0.8" fill-rule="evenodd">'
                f"<title>{_t(c.name)}</title></path>"
            )
    out.append("</g>")
    region_scale = _regions(md, proj, out) if md.choropleth else []
    out += _outlines(md, proj, height)
    names_at = len(out)  # the country names go here, under the markers, once labels are placed
    boxes = _Boxes()
    placed = [mk for mk in md.markers if not mk.countrywide and not md.choropleth]
    top = max((mk.weight(md.by) for mk in placed), default=0)
    scale = classes(top)
    shown: list[tuple[Marker, float, float, float]] = []
    off = {mk.place for mk in md.off_map()}  # listed in the legend (footnotes), as on the terminal
    for mk in placed:
        if mk.place not in off:
            x, y = proj.xy(mk.lat, mk.lon)
            shown.append((mk, x, y + TOP, _radius(mk.weight(md.by), top)))
    out.append('<g id="capitals">')
    with_events = {mk.place for mk, *_ in shown}
    capitals = []
    for cap in md.capitals:
        x, y = proj.xy(cap.lat, cap.lon)
        # one under another place's circle is hidden by it: neither drawn nor named, or
        # the legend's "capital with no event" would describe a place drawn over with
        # events (U41: Bamako's square under Kati's circle)
        covered = any(math.hypot(x - cx, y + TOP - cy) < r for _, cx, cy, r in shown)
        if cap.place not in with_events and not covered and 0 <= x <= WIDTH and 0 <= y <= height:
            out.append(
                f'<rect x="{x - 3:.1f}" y="{y + TOP - 3:.1f}" width="6" height="6" fill="{INK}">'
                f"<title>{_t(cap.name)} (capital)</title></rect>"
            )
            boxes.add((x - 3, y + TOP - 3, x + 3, y + TOP + 3))
            capitals.append((cap, x, y + TOP, 3.0))
    out.append('</g><g id="markers">')
    _, many = UNITS[md.by]
    # Regions' and areas' rings under every place's circle, then biggest first, so small
    # circles stay visible on top of big ones.
    for mk, x, y, r in sorted(shown, key=lambda s: (s[0].kind not in COARSE_KINDS, -s[3])):
        w = mk.weight(md.by)
        fill = SHADES[class_of(w, scale) + 4 - len(scale)] if w and scale else "#bbbbbb"
        n = len(mk.events)
        d = mk.deaths
        tip = f"{mk.name}: {counted(n, 'event')}, {counted(d, 'death')} recorded"
        look = (
            f'fill-opacity="{COARSE_OPACITY}" stroke="{fill}" stroke-width="1.5" '
            f'stroke-dasharray="{COARSE_DASH}"'
            if mk.kind in COARSE_KINDS
            else 'fill-opacity="0.85" stroke="#ffffff" stroke-width="1"'
        )
        out.append(
            f'<circle id={quoteattr("place-" + mk.place)} cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
            f'fill="{fill}" {look}><title>{_t(tip)}</title></circle>'
        )
    out.append("</g>")
    # Every circle is taken before any label is placed: a label keeps off the markers of
    # other places, or it reads as theirs (U26: "Algiers" was written on Isser's dot and
    # "Isser" across Algiers' circle when circles were taken only after the labels).
    for _, x, y, r in shown:
        boxes.add((x - r, y - r, x + r, y + r))
    named = svglabels.place(
        [
            (inert(mk.name), x, y, r, mk.weight(md.by), mk.kind == CAPITAL_KIND)
            for mk, x, y, r in shown
        ],
        [(inert(cap.name), x, y, r) for cap, x, y, r in capitals],
        boxes.boxes,
        (2.0, TOP, WIDTH - 2.0, TOP + height),
        CHAR_PX,
    )
    # Each label's white halo is a copy drawn under it, not paint-order="stroke": cairosvg
    # (and so a PNG made with it for a slide) ignores paint-order and drew the white
    # stroke over the letters, leaving every place's name unreadable (U32).
    out += [
        f'<g id="label-leaders" stroke="{INK}" stroke-width="0.8">',
        *named.leaders,
        '</g><g id="label-halos" font-size="12" fill="#ffffff" stroke="#ffffff" '
        'stroke-width="3" stroke-linejoin="round" aria-hidden="true">',
        *named.labels,
        '</g><g id="labels" font-size="12" fill="#1a1a1a">',
        *named.labels,
        "</g>",
    ]
    out[names_at:names_at] = _country_names(proj, countries, boxes)
    if md.choropleth:
        legend, bottom = _region_legend(md, region_scale, proj, TOP + height, many)
    else:
        legend, bottom = _legend(md, scale, top, proj, TOP + height, many, named)
    total = bottom + 12
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{total:.0f}" '
        f'viewBox="0 0 {WIDTH} {total:.0f}" font-family="{FONT}">',
        f"<title>{_t(title)}</title>",
        f"<desc>Borders: Natural Earth 1:50m (public domain). Projection: {proj.describe()}.</desc>",
        f'<rect width="{WIDTH}" height="{total:.0f}" fill="#ffffff"/>',
        *_title_lines(title),
    ]
    return "\n".join([*head, *out, *legend, "</svg>"]) + "\n"


def _title_lines(title: str) -> list[str]:
    """The picture's title in its band: one line, or two smaller ones, the second cut
    with an ellipsis if need be (the document's <title> holds it whole)."""
    text = inert(title)
    if len(text) <= TITLE_CHARS:
        return [
            f'<text x="16" y="28" font-size="18" font-weight="bold" fill="{INK}">{escape(text)}</text>'
        ]
    lines = textwrap.wrap(text, TITLE_SMALL_CHARS, break_on_hyphens=False)
    if len(lines) > 2:
        lines = [
            lines[0],
            textwrap.shorten(" ".join(lines[1:]), TITLE_SMALL_CHARS, placeholder=" …"),
        ]
    return [
        f'<text x="16" y="{19 + 16 * i}" font-size="13" font-weight="bold" fill="{INK}">'
        f"{escape(line)}</text>"
        for i, line in enumerate(lines)
    ]


def _notes(notes: list[str], y: float) -> tuple[list[str], float]:
    """The legend's notes from baseline ``y`` down, each wrapped to the page's width: the
    text elements and the baseline of the last line."""
    out = []
    for note in notes:
        for line in textwrap.wrap(inert(note), NOTE_CHARS, break_on_hyphens=False):
            out.append(f'<text x="16" y="{y:.0f}" fill="#444444">{escape(line)}</text>')
            y += NOTE_STEP
    return out, y - NOTE_STEP


def _region_path(shape: object, proj: canvas.Projection, dy: float) -> str:
    parts = []
    for poly in shape.polygons:  # type: ignore[attr-defined]
        for ring in poly:
            d = " ".join(
                f"{x:.1f},{y + dy:.1f}" for x, y in (proj.xy(lat, lon) for lon, lat in ring)
            )
            parts.append(f"M{d}Z")
    return "".join(parts)


def _regions(md: MapData, proj: canvas.Projection, out: list[str]) -> list[tuple[int, int]]:
    """The choropleth: every bundled region, filled by its class (white where none)."""
    from barkhane_cli import shapes

    weights = {s.region: s.weight(md.by) for s in md.shades}
    scale = classes(max(weights.values(), default=0))
    names = {s.region: s.name for s in md.shades}
    out.append('<g id="regions" clip-path="url(#frame)">')
    for shape in shapes.bundled().values():
        if shape.label is None or not canvas.overlaps(shape.bbox, proj.extent):
            continue
        w = weights.get(shape.id, 0)
        fill = SHADES[class_of(w, scale) + 4 - len(scale)] if w and scale else "#ffffff"
        tip = f"{names.get(shape.id, shape.id)}: {counted(w, *UNITS[md.by])}"
        out.append(
            f'<path id={quoteattr("region-" + shape.id)} d="{_region_path(shape, proj, TOP)}" '
            f'fill="{fill}" fill-opacity="0.85" stroke="#ffffff" stroke-width="0.8" '
            f'fill-rule="evenodd"><title>{_t(tip)}</title></path>'
        )
    out.append("</g>")
    return scale


def _outlines(md: MapData, proj: canvas.Projection, height: float) -> list[str]:
    """The regions and areas asked for, each drawn from its parts' outlines: the parts'
    shapes tinted together (one group's opacity, so parts that touch are one tint) and a
    band along their edges masked to the outside of them all, so only the area's own edge
    shows, never the borders between its parts (U54: the Liptako-Gourma map did not
    show the area it was of)."""
    out = []
    for ol in md.outlines:
        if ol.shape is None or not canvas.overlaps(ol.shape.bbox, proj.extent):
            continue
        parts = ol.shape.parts or (ol.shape.id,)
        shapes_of = _parts(ol.shape, parts)
        paths = [(part, _region_path(sh, proj, TOP)) for part, sh in shapes_of]
        mask = f"outside-{ol.place}"
        out += [
            f'<mask id={quoteattr(mask)} maskUnits="userSpaceOnUse" x="0" y="{TOP}" '
            f'width="{WIDTH}" height="{height:.1f}">',
            f'<rect x="0" y="{TOP}" width="{WIDTH}" height="{height:.1f}" fill="#ffffff"/>',
            *(f'<path d="{d}" fill="#000000" fill-rule="evenodd"/>' for _, d in paths),
            "</mask>",
            f'<g id={quoteattr("area-" + ol.place)} clip-path="url(#frame)">'
            f"<title>{_t(ol.name)}: the {_t(ol.kind)} asked for</title>",
            f'<g opacity="{AREA_TINT}">',
            *(f'<path d="{d}" fill="{AREA}" fill-rule="evenodd"/>' for _, d in paths),
            f'</g><g mask="url(#{mask})" fill="none" stroke="{AREA}" '
            + (
                f'stroke-width="{INNER_BAND}" stroke-dasharray="{INNER_DASH}"'
                if ol.inner
                else f'stroke-width="{AREA_BAND}"'
            )
            + ' stroke-linejoin="round">',
            *(f'<path class="edge" data-part={quoteattr(p)} d="{d}"/>' for p, d in paths),
            "</g></g>",
        ]
    return out


def _parts(shape: object, parts: tuple[str, ...]) -> list[tuple[str, object]]:
    """Each part of a union with its own outline (a bundled region, or an area in it)."""
    from barkhane_cli import shapes

    bundled = shapes.bundled()
    if len(parts) == 1 and parts[0] == shape.id:  # type: ignore[attr-defined]
        return [(parts[0], shape)]
    return [(p, bundled[p]) for p in parts if p in bundled]


def _outline_keys(md: MapData, y: float) -> tuple[list[str], list[str], float]:
    """The legend's line for each outline drawn (its swatch and what it is), the notes
    of those with nothing to draw from, and the baseline below them."""
    out, notes = [], []
    for ol in md.outlines:
        if ol.shape is None:
            notes.append(f"{ol.name} is not outlined: {ol.why}.")
            continue
        parts = len(ol.shape.parts)
        what = f"the union of its {parts} parts' outlines" if parts > 1 else "its outline"
        edge = (
            f'stroke-width="{INNER_BAND / 2}" stroke-dasharray="{INNER_DASH}"'
            if ol.inner
            else f'stroke-width="{AREA_BAND / 2}"'
        )  # half the band shows, outside the shape
        out += [
            f'<rect x="16" y="{y - 9:.1f}" width="22" height="12" fill="{AREA}" '
            f'fill-opacity="{AREA_TINT}" stroke="{AREA}" {edge}/>',
            f'<text x="46" y="{y:.0f}">{_t(ol.name)}, the {_t(ol.kind)} asked for: {what}</text>',
        ]
        y += NOTE_STEP + 4
    return out, notes, y


def _region_legend(
    md: MapData, scale: list[tuple[int, int]], proj: canvas.Projection, y0: float, many: str
) -> tuple[list[str], float]:
    """The choropleth's legend below the map (from ``y0``), and its last baseline."""
    out = ['<g id="legend" font-size="12" fill="#1a1a1a">']
    x, y = 16.0, y0 + 28
    out.append(
        f'<text x="{x:.0f}" y="{y + 4:.0f}" font-weight="bold">{many.capitalize()} per region</text>'
    )
    x += 130
    for i, (lo, hi) in enumerate(scale):
        label = str(lo) if lo == hi else f"{lo}–{hi}"
        out.append(
            f'<rect class="class" x="{x:.1f}" y="{y - 7:.1f}" width="14" height="14" '
            f'fill="{SHADES[i + 4 - len(scale)]}" fill-opacity="0.85" stroke="#8a8a8a"/>'
        )
        out.append(f'<text x="{x + 19:.1f}" y="{y + 4:.0f}">{label}</text>')
        x += 30 + 7 * len(label)
    notes = fitted(footnotes(md), NOTE_CHARS)  # what the terminal says below its legend too
    # two lines: one is wider than the page at the default width (it was cut off)
    notes.append(
        "Regions: Natural Earth 1:10m admin-1 (public domain; Taoudénit within Timbuktu); "
        "the Ménaka region: geoBoundaries (CC BY 4.0)."
    )
    notes.append(f"Borders: Natural Earth 1:50m. Projection: {proj.describe()}.")
    keys, unoutlined, y = _outline_keys(md, y + 26)
    lines, bottom = _notes([*unoutlined, *notes], y)
    return [*out, *keys, *lines, "</g>"], bottom


def _country_names(
    proj: canvas.Projection, countries: tuple[canvas.Country, ...], boxes: _Boxes
) -> list[str]:
    """Each country's name, small and grey, at the centre of its largest part, or a line
    above or below it where a place's label, a circle or another country's name is there
    (Ouagadougou's label was drawn across BURKINA FASO, GAMBIA across SENEGAL); left out
    where none is free."""
    from barkhane_cli.render.maps import centroid

    out = ['<g id="country-names" font-size="11" fill="#8a8a8a" text-anchor="middle" '
           'letter-spacing="1">']  # fmt: skip
    for c in countries:
        if not canvas.overlaps(c.bbox, proj.extent):
            continue
        lat, lon = centroid(c, proj.extent)
        x, y = proj.xy(lat, lon)
        if not (30 <= x <= proj.width - 30 and 12 <= y <= proj.height - 6):
            continue
        name = c.name.upper()
        half = 4.5 * len(name)  # 11px capitals, a pixel apart
        for dy in (0, 14, -14, 28, -28):
            at = y + TOP + dy
            box = (x - half, at - 10, x + half, at + 2)
            if box[1] > TOP and box[3] < TOP + proj.height and boxes.free(box):
                boxes.add(box)
                out.append(f'<text x="{x:.1f}" y="{at:.1f}">{_t(name)}</text>')
                break
    out.append("</g>")
    return out


def _legend(
    md: MapData,
    scale: list[tuple[int, int]],
    top: int,
    proj: canvas.Projection,
    y0: float,
    many: str,
    named: svglabels.Placed,
) -> tuple[list[str], float]:
    """The markers' legend below the map (from ``y0``), and its last baseline."""
    out = ['<g id="legend" font-size="12" fill="#1a1a1a">']
    x = 16.0
    y = y0 + 28
    out.append(
        f'<text x="{x:.0f}" y="{y + 4:.0f}" font-weight="bold">{many.capitalize()} per place</text>'
    )
    x += 120
    for i, (lo, hi) in enumerate(scale):
        r = _radius(hi, top)
        fill = SHADES[i + 4 - len(scale)]
        label = str(lo) if lo == hi else f"{lo}–{hi}"
        out.append(
            f'<circle cx="{x + r:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" '
            'fill-opacity="0.85" stroke="#ffffff"/>'
        )
        out.append(f'<text x="{x + 2 * r + 5:.1f}" y="{y + 4:.0f}">{label}</text>')
        x += 2 * r + 12 + 7 * len(label)
    out.append(f'<rect x="{x:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{INK}"/>')
    out.append(f'<text x="{x + 11:.1f}" y="{y + 4:.0f}">{md.capital_legend()}</text>')
    if any(mk.kind in COARSE_KINDS for mk in md.markers):
        x += 24 + 7 * len(md.capital_legend())
        out.append(
            f'<circle cx="{x + 6:.1f}" cy="{y:.1f}" r="6" fill="{SHADES[2]}" '
            f'fill-opacity="{COARSE_OPACITY}" stroke="{SHADES[2]}" stroke-width="1.5" '
            f'stroke-dasharray="{COARSE_DASH}"/>'
        )
        out.append(f'<text x="{x + 17:.1f}" y="{y + 4:.0f}">a region or area, at its centre</text>')
    # what the terminal says below its legend too (U15, U25, U50), each list on one
    # line: what fits, and how many more (the ninth on went unsaid)
    notes = [placed_line(md), *fitted(footnotes(md), NOTE_CHARS)]
    notes.append(
        f"Borders: Natural Earth 1:50m (public domain), simplified. Projection: {proj.describe()}."
    )
    circles = f"Circle area grows with the {many} at each place"
    if named.bold:
        circles += f"; the {named.bold} with the most are named in bold"
    notes.append(circles + ".")
    if named.unnamed:  # the labelling rule (svglabels) leaves these to the legend
        head = "Not named on the map, for room (hover over a circle for its name)"
        notes.append(fit_list(head, named.unnamed, NOTE_CHARS))
    # below the scale's largest circle, which reached into the first note's line
    biggest = max((_radius(hi, top) for _, hi in scale), default=R_MIN)
    keys, unoutlined, y = _outline_keys(md, y + biggest + 14)
    lines, bottom = _notes([*unoutlined, *notes], y)
    return [*out, *keys, *lines, "</g>"], bottom


def html(md: MapData, title: str) -> str:
    """The same SVG in a minimal, self-contained HTML page."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{_t(title)}</title>\n</head>\n<body style="margin:16px">\n'
        f"{svg(md, title)}</body>\n</html>\n"
    )
