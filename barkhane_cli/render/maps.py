"""The terminal map: braille borders, markers by weight, labels that never overlap, legend.

One character cell is 2 × 4 braille dots, so an 80-column terminal draws 160 × 4·rows
dots; where braille cannot be shown (an ASCII terminal, the Linux console, ``--ascii``)
each cell becomes one of ``- | / \\ .`` and the markers ``. o O @``. Everything drawn
from data (names) passes through render.safe.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from barkhane_cli.mapping import MapData, Marker, RegionShade
from barkhane_cli.render import canvas
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import inert
from barkhane_cli.render.styles import ORANGE, VERMILLION, YELLOW
from barkhane_cli.shapes import SETTLEMENT_KINDS
from barkhane_cli.text import counted

GLYPHS = ("•", "●", "◉", "█")
ASCII_GLYPHS = ("o", "O", "@", "#")
ZERO_GLYPH = ("·", ".")  # a place with no recorded deaths, in a map --by deaths
CAPITAL_GLYPH = "*"
SHADES = (YELLOW, ORANGE, VERMILLION, "#A0003C")  # light to dark: more is darker
BORDER_STYLE = "#999999"
COUNTRY_STYLE = "dim italic"
UNITS = {"events": ("event", "events"), "deaths": ("death", "deaths")}
# Choropleth fills, light to dark, one per class (ASCII: denser characters).
FILLS = ("░", "▒", "▓", "█")
ASCII_FILLS = (".", ":", "o", "#")


T = TypeVar("T")


def label_order(
    ranked: Sequence[T],
    idle_capitals: Sequence[T],
    capital: Callable[[T], bool],
    lead: int,
    most: int,
) -> tuple[list[T], list[T]]:
    """Which places both maps try to name, in order, and those never tried: the rule of
    labels, declared once. ``ranked``: the markers, busiest first. The ``lead`` busiest
    first, then the capitals, which orient a reader whatever their count (those with no
    event, then those with events, busiest first), then the other places busiest first,
    up to ``most`` markers tried in all. A capital with events went unnamed behind 16
    busier towns (U54: "Not named on the map … Ouagadougou and 43 more")."""
    head, tail = list(ranked[:lead]), list(ranked[lead:])
    busy = [mk for mk in tail if capital(mk)]
    others = [mk for mk in tail if not capital(mk)]
    room = max(most - len(head) - len(busy), 0)
    return [*head, *idle_capitals, *busy, *others[:room]], others[room:]


def _nice(x: float) -> int:
    """The nearest of 1, 2, 3, 5 × 10ⁿ at or below ``x`` (at least 1)."""
    if x < 1:
        return 1
    p = 10 ** math.floor(math.log10(x))
    return int(max(m for m in (1, 2, 3, 5, 10) if m * p <= x + 1e-9) * p)


def classes(top: int) -> list[tuple[int, int]]:
    """Up to four (low, high) classes from 1 to ``top``, growing geometrically, so a
    map of one busy city and many one-off villages still shows both."""
    if top <= 4:
        return [(i, i) for i in range(1, top + 1)]
    bounds = [1]
    for i in (1, 2, 3):
        b = _nice(top ** (i / 4))
        if b > bounds[-1]:
            bounds.append(b)
    return [
        (lo, (bounds[i + 1] - 1 if i + 1 < len(bounds) else top)) for i, lo in enumerate(bounds)
    ]


def class_of(weight: int, scale: Sequence[tuple[int, int]]) -> int:
    for i, (_, hi) in enumerate(scale):
        if weight <= hi:
            return i
    return len(scale) - 1


@dataclass(slots=True)
class Grid:
    """Characters and their styles, cell by cell, drawn in layers."""

    cols: int
    rows: int
    chars: list[list[str]] = field(default_factory=list)
    styles: list[list[str]] = field(default_factory=list)
    taken: set[tuple[int, int]] = field(default_factory=set)  # markers and labels

    def __post_init__(self) -> None:
        self.chars = [[" "] * self.cols for _ in range(self.rows)]
        self.styles = [[""] * self.cols for _ in range(self.rows)]

    def put(self, col: int, row: int, ch: str, style: str, take: bool = True) -> None:
        if 0 <= col < self.cols and 0 <= row < self.rows:
            self.chars[row][col], self.styles[row][col] = ch, style
            if take:
                self.taken.add((col, row))

    def free(self, col: int, row: int, length: int) -> bool:
        """Room for ``length`` cells from ``col``, with a blank cell either side."""
        if col < 0 or col + length > self.cols or not 0 <= row < self.rows:
            return False
        return all((c, row) not in self.taken for c in range(col - 1, col + length + 1))

    def label(
        self, col: int, row: int, text: str, style: str, others: Collection[tuple[int, int]] = ()
    ) -> bool:
        """The text right of the point, else left of it; False when neither fits. Nor
        where a marker of ``others`` is as near its far end as its own is to the near
        one (one blank cell): the label would read as that marker's (U26, Algiers)."""
        for start in (col + 2, col - 1 - len(text)):
            ends = ((start - 2, row), (start + len(text) + 1, row))
            if self.free(start, row, len(text)) and not any(e in others for e in ends):
                for i, ch in enumerate(text):
                    self.put(start + i, row, ch, style)
                return True
        return False


@dataclass(slots=True)
class Drawn:
    """What a drawing showed, for the legend and for tests."""

    proj: canvas.Projection
    cells: dict[str, tuple[int, int]]  # place id → (col, row) of its marker
    scale: list[tuple[int, int]]


# The least part of a map's frame a country must fill for its name to be put at that
# part's centre: a sliver (Togo's tip on a map of Tillabéri) would have its name spill
# over its neighbour's land.
MIN_SHOWN = 0.02


def centroid(c: canvas.Country, within: canvas.Extent | None = None) -> tuple[float, float]:
    """(lat, lon) of the area centre of the country's largest outer ring, or of its
    largest part ``within`` the map's extent when that fills MIN_SHOWN of it: a map
    zoomed on Tillabéri named neither Niger nor Mali, whose whole outlines centre off
    the map (U32). A smaller part gives the whole ring's centre, off the map as before."""
    best = _centre(poly[0] for poly in c.polygons)
    if within is None:
        return best[1], best[2]
    west, south, east, north = within
    shown = _centre(canvas.clip(poly[0], within) for poly in c.polygons)
    if abs(shown[0]) / 2 >= MIN_SHOWN * (east - west) * (north - south):
        best = shown
    return best[1], best[2]


def _centre(rings: Iterable[canvas.Ring]) -> tuple[float, float, float]:
    """(twice the signed area, lat, lon) of the largest of ``rings`` and its centre."""
    best: tuple[float, float, float] = (0.0, 0.0, 0.0)
    for ring in rings:
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            cross = x0 * y1 - x1 * y0
            a, cx, cy = a + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
        if a and abs(a) > abs(best[0]):
            best = (a, cy / (3 * a), cx / (3 * a))
    return best


def draw(md: MapData, cols: int, max_rows: int, ascii_only: bool) -> tuple[Grid, Drawn]:
    """Lay the map out on a grid of ``cols`` columns and at most ``max_rows`` rows."""
    rows = canvas.rows_for(md.extent, cols, max_rows)
    proj = canvas.Projection.fit(md.extent, 2 * cols, 4 * rows)
    dots = canvas.Dots(cols, rows)
    countries = canvas.draw_borders(dots, proj)
    grid = Grid(cols, rows)
    for r in range(rows):
        for c in range(cols):
            ch = dots.char(c, r, ascii_only)
            if ch != " ":
                grid.put(c, r, ch, BORDER_STYLE, take=False)

    def cell(lat: float, lon: float) -> tuple[int, int] | None:
        x, y = proj.xy(lat, lon)
        col, row = math.floor(x / 2), math.floor(y / 4)
        return (col, row) if 0 <= col < cols and 0 <= row < rows else None

    def marker_cell(mk: Marker) -> tuple[int, int]:
        """A marker in the extent is drawn, on its frame's last cell when on its edge."""
        x, y = proj.xy(mk.lat, mk.lon)
        return (min(max(math.floor(x / 2), 0), cols - 1), min(max(math.floor(y / 4), 0), rows - 1))

    placed = [mk for mk in md.markers if not mk.countrywide and not md.choropleth]
    top = max((mk.weight(md.by) for mk in placed), default=0)
    scale = classes(top)
    if md.choropleth:
        scale = _shade_regions(md, grid, proj, ascii_only)
    glyphs = ASCII_GLYPHS if ascii_only else GLYPHS
    cells: dict[str, tuple[int, int]] = {}
    away = {mk.place for mk in md.off_map()}  # a marker per place; listed by footnotes
    capital_cells = []
    for cap in md.capitals:
        at = cell(cap.lat, cap.lon)
        if at is not None:
            grid.put(*at, CAPITAL_GLYPH, "bold")
            capital_cells.append((cap, at))
    # Lightest first, so where two places share a cell the heavier one shows.
    for mk in sorted(placed, key=lambda k: (k.weight(md.by), k.place)):
        if mk.place in away:
            continue
        at = marker_cell(mk)
        w = mk.weight(md.by)
        if w == 0:
            grid.put(*at, ZERO_GLYPH[ascii_only], "dim")
        else:
            i = class_of(w, scale)
            grid.put(*at, glyphs[i], f"bold {SHADES[i + 4 - len(scale)]}")
        cells[mk.place] = at
    labelled: list[str] = []
    by_weight = sorted(placed, key=lambda k: (-k.weight(md.by), k.place))
    # A capital whose cell shows another place's marker is not named: its name would sit
    # on that marker and read as its own (U41: Bamako's star under Kati's dot, named).
    taken = set(cells.values())
    capitals = [
        (cap, at) for cap, at in capital_cells if cap.place not in cells and at not in taken
    ]
    capital_ids = {cap.place for cap, _ in capital_cells}
    drawn = [(mk, cells[mk.place], "") for mk in by_weight if mk.place in cells]
    drawn[:3] = [(mk, at, "bold") for mk, at, _ in drawn[:3]]  # the busiest, in bold
    order, _ = label_order(
        drawn,
        [(cap, at, "") for cap, at in capitals],
        lambda item: item[0].place in capital_ids,
        3,
        12,
    )
    markers = {*cells.values(), *(at for _, at in capital_cells)}
    for mk, (col, row), style in order:
        others = markers - {(col, row)}
        if mk.place not in labelled and grid.label(col, row, inert(mk.name), style, others):
            labelled.append(mk.place)
    # Country names last and only where they fit: orientation, not data.
    _, shapes = canvas.geometry()
    for shape in shapes:
        if shape.id in countries:
            lat, lon = centroid(shape, proj.extent)
            at = cell(lat, lon)
            if at is None:
                continue
            name = shape.name.upper()
            # a row up or down where a label is on the centre's, as the SVG moves it
            # (U32: NIGER was left out of a map of Tillabéri, under "Tillabéri Region")
            for dy in (0, 1, -1):
                col, row = at[0] - len(name) // 2, at[1] + dy
                if grid.free(col, row, len(name)):
                    for i, ch in enumerate(name):
                        grid.put(col + i, row, ch, COUNTRY_STYLE)
                    break
    return grid, Drawn(proj, cells, scale)


def _shade_regions(
    md: MapData, grid: Grid, proj: canvas.Projection, ascii_only: bool
) -> list[tuple[int, int]]:
    """Fill each region's cells with its class's shade (where no border is drawn); the
    classes, for the legend."""
    from barkhane_cli import shapes

    outlines = shapes.bundled()
    weights = {s.region: s.weight(md.by) for s in md.shades if s.weight(md.by) > 0}
    scale = classes(max(weights.values(), default=0))
    regions = [outlines[r] for r in weights if r in outlines]
    fills = ASCII_FILLS if ascii_only else FILLS
    k = math.cos(math.radians(proj.parallel))
    for row in range(grid.rows):
        for col in range(grid.cols):
            if grid.chars[row][col] != " ":
                continue
            lon = proj.extent[0] + (2 * col + 1) / (k * proj.scale)
            lat = proj.extent[3] - (4 * row + 2) / proj.scale
            for region in regions:
                if region.contains(lat, lon):
                    i = class_of(weights[region.id], scale)
                    grid.put(col, row, fills[i + 4 - len(scale)], SHADES[i + 4 - len(scale)], False)
                    break
    # A region smaller than a cell (Bamako's district) still shows, at its label point.
    for region in regions:
        lon, lat = shapes.label_of(region)
        x, y = proj.xy(lat, lon)
        col, row = math.floor(x / 2), math.floor(y / 4)
        if 0 <= col < grid.cols and 0 <= row < grid.rows and grid.chars[row][col] not in fills:
            i = class_of(weights[region.id], scale)
            grid.put(col, row, fills[i + 4 - len(scale)], SHADES[i + 4 - len(scale)], False)
    return scale


def weighed(md: MapData, entries: Iterable[Marker | RegionShade]) -> list[str]:
    """Each place or region as a legend lists it: its name and its events or deaths."""
    return [f"{inert(e.name)} {e.weight(md.by)}" for e in entries]


def fit_list(head: str, items: list[str], cols: int, more: bool = True) -> str:
    """``head: a, b and 3 more`` in at most ``cols`` columns (the first item always): a
    list the terminal wrapped broke a name in two ("In Amenas" | "(Tiguentourine gas
    plant) 1" at 80 columns). ``more``: say how many are left out."""
    line = f"{head}: {items[0]}"
    for n, item in enumerate(items[1:], 1):
        left = len(items) - n - 1
        tail = f" and {left} more" if more and left else ""
        if len(f"{line}, {item}{tail}") > cols:
            return line + (f" and {len(items) - n} more" if more else "")
        line += f", {item}"
    return line


def footnotes(md: MapData) -> list[tuple[str, list[str]]]:
    """What every rendering of the map (the terminal's, its .txt, the SVG, the HTML)
    says below its scale of what it leaves out and why, built here once: (head, items)
    for a list ("Off the map (events)": "In Amenas (Tiguentourine gas plant) 1"), each
    fitted to its renderer's line by fit_list, or (text, []) for a note as it is. The SVG
    said only what is placed in a country while the terminal said what is off the map
    (U25: In Amenas, gone from the SVG without a word)."""
    notes: list[tuple[str, list[str]]] = []
    if md.choropleth:
        if md.unshaded:
            notes.append((md.unshaded_note(), []))
    else:
        _, many = UNITS[md.by]
        country = weighed(md, (mk for mk in md.markers if mk.countrywide))
        if country:
            notes.append((f"Placed only in a country, not drawn ({many})", country))
        off = weighed(md, md.off_map())
        if off:
            notes.append((f"Off the map ({many})", off))
        if md.unplaced:
            notes.append((md.unplaced_note(), []))
    return notes + [(note, []) for note in md.notes]


def fitted(notes: list[tuple[str, list[str]]], cols: int) -> list[str]:
    """footnotes' lines in ``cols`` columns: each list on one line, what fits of it."""
    return [fit_list(head, items, cols) if items else head for head, items in notes]


def legend_lines(md: MapData, drawn: Drawn, ascii_only: bool, cols: int) -> list[tuple[str, str]]:
    """(text, style) lines under the map in ``cols`` columns: the scale, what is not
    drawn, the sources."""
    if md.choropleth:
        return _choropleth_legend(md, drawn, ascii_only, cols)
    _, many = UNITS[md.by]
    glyphs = ASCII_GLYPHS if ascii_only else GLYPHS
    parts = []
    for i, (lo, hi) in enumerate(drawn.scale):
        g = glyphs[i]
        parts.append(
            f"{g} {lo}" if lo == hi else f"{g} {lo}–{hi}" if not ascii_only else f"{g} {lo}-{hi}"
        )
    if md.by == "deaths" and any(mk.weight("deaths") == 0 for mk in md.markers):
        parts.append(f"{ZERO_GLYPH[ascii_only]} none recorded")
    scale = "  ".join(parts) if parts else "no places to mark"
    legend = f"{many.capitalize()} per place: {scale}   {CAPITAL_GLYPH} {md.capital_legend()}"
    lines = [(legend, ""), (placed_line(md), "dim")]
    lines += [(note, "dim") for note in fitted(footnotes(md), cols)]
    lines.append((f"Borders: Natural Earth 1:50m; {drawn.proj.describe()}", "dim"))
    return lines


def placed_line(md: MapData) -> str:
    """How many events the markers draw at how many places, and that a region's or an
    area's marker is at a central point, not where its events were: "12 events at 5
    places; regions and areas at a central point". Said by the terminal's legend and the
    SVG's alike (U50 read the Timbuktu Region's dot, in the desert, off an exported map
    that did not say it)."""
    placed = [mk for mk in md.markers if not mk.countrywide]
    n_events = sum(len(mk.events) for mk in placed)
    # only when some marker stands for a region or area, or for a place inside one (U8:
    # a map of settlements and parks said "regions at their centre")
    centred = any(mk.approximate or mk.kind not in SETTLEMENT_KINDS for mk in placed)
    where = "; regions and areas at a central point" if centred else ""
    return f"{counted(n_events, 'event')} at {counted(len(placed), 'place')}{where}"


def _choropleth_legend(
    md: MapData, drawn: Drawn, ascii_only: bool, cols: int
) -> list[tuple[str, str]]:
    _, many = UNITS[md.by]
    fills = ASCII_FILLS if ascii_only else FILLS
    dash = "-" if ascii_only else "–"
    parts = [
        f"{fills[i + 4 - len(drawn.scale)]} {lo}" if lo == hi else
        f"{fills[i + 4 - len(drawn.scale)]} {lo}{dash}{hi}"
        for i, (lo, hi) in enumerate(drawn.scale)
    ]  # fmt: skip
    scale = "  ".join(parts) if parts else "no region has any"
    lines = [(f"{many.capitalize()} per region: {scale}", "")]
    shaded = weighed(md, (s for s in md.shades if s.weight(md.by) > 0))
    if shaded:
        lines.append((fit_list("Most", shaded[:6], cols, more=False), "dim"))
    lines += [(note, "dim") for note in fitted(footnotes(md), cols)]
    lines.append(
        (
            "Regions: Natural Earth 1:10m admin-1 (Taoudénit within Timbuktu), Ménaka: "
            f"geoBoundaries CC BY 4.0; borders 1:50m; {drawn.proj.describe()}",
            "dim",
        )
    )
    return lines


def _height(lines: list[tuple[str, str]], cols: int) -> int:
    return sum(max(1, math.ceil(len(text) / cols)) for text, _ in lines)


def render(
    env: Env, md: MapData, title: str, budget: int, ascii_only: bool, fixed: bool = False
) -> Drawn:
    """Draw the map on the terminal (or into the recording console of --export): the
    title, the map and its legend in ``budget`` lines (or a map of exactly ``budget``
    rows when ``fixed``, as --height asks)."""
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    cols = max(20, min(con.width, 240))
    grid, drawn = draw(md, cols, budget if fixed else max(4, budget - 1), ascii_only)
    legend = legend_lines(md, drawn, ascii_only, cols)
    over = 1 + grid.rows + _height(legend, cols) - budget
    if not fixed and over > 0:  # the legend needs more room: a shorter map
        grid, drawn = draw(md, cols, max(4, grid.rows - over), ascii_only)
        legend = legend_lines(md, drawn, ascii_only, cols)
    con.print(Text(inert(title), style="bold"), no_wrap=True, overflow="ellipsis")
    for r in range(grid.rows):
        line = Text()
        row_chars, row_styles = grid.chars[r], grid.styles[r]
        start = 0
        for c in range(1, grid.cols + 1):
            if c == grid.cols or row_styles[c] != row_styles[start]:
                line.append("".join(row_chars[start:c]), style=row_styles[start] or None)
                start = c
        line.rstrip()
        con.print(line, no_wrap=True, overflow="crop")
    for text, style in legend:
        con.print(Text(text, style=style or ""), overflow="fold")
    return drawn


def grid_text(grid: Grid) -> list[str]:
    """The grid as plain lines (for tests)."""
    return ["".join(row).rstrip() for row in grid.chars]


MARKER_KEYS = [
    "place",
    "name",
    "kind",
    "lat",
    "lon",
    "events",
    "deaths",
    "approximate",
    "event_ids",
]


def marker_records(data: Any, md: MapData) -> Any:
    """The map's places as records: plain, csv, json ... and geojson points."""
    from barkhane_cli.render.recordset import Field, RecordSet, flag_field, list_field

    def num(x: float) -> str:
        return f"{x:.4f}".rstrip("0").rstrip(".")

    fields: dict[str, Field[Marker]] = {
        "place": Field("place", "Place", lambda k: k.place),
        "name": Field("name", "Name", lambda k: k.name, ratio=2, min_width=10),
        "kind": Field("kind", "Kind", lambda k: k.kind),
        # a country-only marker is listed, not drawn: no point to give (not its centre)
        "lat": Field("lat", "Lat", lambda k: "" if k.countrywide else num(k.lat)),
        "lon": Field("lon", "Lon", lambda k: "" if k.countrywide else num(k.lon)),
        "events": Field("events", "Events", lambda k: str(len(k.events))),
        "deaths": Field("deaths", "Deaths", lambda k: str(k.deaths)),
        "approximate": flag_field("approximate", "Approx.", lambda k: k.approximate),
        "event_ids": list_field("event_ids", "Event ids", lambda k: k.events, ratio=3),
    }
    default = ["place", "name", "kind", "lat", "lon", "events", "deaths", "approximate"]
    return RecordSet(
        kind="marker",
        items=md.markers,
        fields=fields,
        default_fields=default,
        table_fields=default,
        to_json=Marker.to_json,
        empty_message="no events with a place match",
        json_keys=MARKER_KEYS,
        dataset=data,
        notes=list(md.notes),
    )


REGION_KEYS = ["region", "name", "events", "deaths", "event_ids"]


def region_records(data: Any, md: MapData) -> Any:
    """map --by region's regions as records: plain, csv, json ... and geojson outlines."""
    from barkhane_cli.render.recordset import Field, RecordSet, list_field

    fields: dict[str, Field[RegionShade]] = {
        "region": Field("region", "Region", lambda s: s.region),
        "name": Field("name", "Name", lambda s: s.name, ratio=2, min_width=10),
        "events": Field("events", "Events", lambda s: str(len(s.events))),
        "deaths": Field("deaths", "Deaths", lambda s: str(s.deaths)),
        "event_ids": list_field("event_ids", "Event ids", lambda s: s.events, ratio=3),
    }
    default = ["region", "name", "events", "deaths"]
    return RecordSet(
        kind="region",
        items=md.shades,
        fields=fields,
        default_fields=default,
        table_fields=default,
        to_json=RegionShade.to_json,
        empty_message="no events lie in a region",
        json_keys=REGION_KEYS,
        dataset=data,
        notes=list(md.notes),
    )
