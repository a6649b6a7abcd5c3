"""Where events happened, as data: the point of an event, markers per place, the extent.

Plain data only; the terminal canvas and the SVG map are in render/maps.py and
render/svgmap.py, the GeoJSON writer in render/geojson.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from barkhane_cli import geo, shapes
from barkhane_cli import model as m
from barkhane_cli.text import counted, plural

# The default extent: Mali, Burkina Faso, Niger and their neighbours (degrees).
SAHEL = (-18.0, 3.5, 25.0, 26.0)  # west, south, east, north
CAPITAL_KIND = "capital"
# Markers outside this box do not widen the map's extent (unless all are outside it).
REGION = (-26.0, 0.0, 32.0, 38.0)
MIN_SPAN = (10.0, 6.0)
SAHEL_SHARE = 0.75  # the default extent stays the Sahel while this share of events is in it  # degrees of longitude and latitude a map shows at least


@dataclass(frozen=True, slots=True)
class Located:
    """Where an event is drawn: at ``place`` (the one ``locate`` chooses), using the
    geometry of ``point_of``: the place itself when it is a settlement with a point, or a
    region or area (the event's own, or the one its unlocated village lies in) at the
    label point inside its shape. A country is never drawn at a point: ``kind`` says
    ``country`` and the maps list such events instead (never at the capital)."""

    place: str
    point_of: str
    lat: float
    lon: float
    kind: str = ""


def _depth(places: Mapping[str, m.Place], pid: str) -> int:
    return len(geo.ancestors(places, pid))


def _own(places: Mapping[str, m.Place], pid: str) -> tuple[float, float] | None:
    """The place's own geometry as a point: a settlement's coordinates, a region's or
    area's label point (inside its shape; its own lat/lon where it has no shape), a
    country's label point. None for an unlocated settlement."""
    p = places[pid]
    at = shapes.point_of(p)
    if at is not None:
        return at
    if p.kind in shapes.SETTLEMENT_KINDS:
        return None
    shape = shapes.shape_of(places, pid)
    label = shape.label if shape is not None else None
    if label is None and shape is not None:
        label = shapes.label_of(shape)
    if label is not None:
        return (label[1], label[0])
    if p.lat is not None and p.lon is not None and p.kind != "country":
        return (p.lat, p.lon)
    return None


def _resolve(places: Mapping[str, m.Place], pid: str) -> tuple[int, str] | None:
    """(rank, place whose geometry stands for ``pid``): its own (0), the nearest region or
    area containing an unlocated settlement (1), or its country (2, listed, not drawn)."""
    for rank, candidate in enumerate((pid, *geo.ancestors(places, pid))):
        p = places.get(candidate)
        if p is None:
            return None
        if rank and p.kind in shapes.SETTLEMENT_KINDS:
            continue  # never a containing settlement's point
        if _own(places, candidate) is not None:
            if p.kind == "country":
                return (2, candidate)
            return (0 if rank == 0 else 1, candidate)
    return None


def locate(places: Mapping[str, m.Place], event_places: Iterable[str]) -> Located | None:
    """Where an event is drawn (the rule docs/data-format.md states, at ``places``): the
    first of its places, in the order the data lists them, that is a settlement with a
    point of its own; else the most precise of the rest: a place with geometry of its own
    before one drawn through what contains it, a country last, then the deepest in the
    hierarchy (a village before its region), then the first listed. Among points the
    order decides, not the depth the hierarchy happens to declare (U41: the Malian coups,
    listed `["bamako", "kati"]`, were drawn at Kati, a town within the Koulikoro Region,
    and Bamako, declared directly within Mali, showed as a capital with no event)."""
    best: tuple[int, int, int, int, str, str] | None = None
    for order, pid in enumerate(event_places):
        if pid not in places:
            continue
        found = _resolve(places, pid)
        if found is None:
            continue
        point = found == (0, pid) and places[pid].kind in shapes.SETTLEMENT_KINDS
        depth = 0 if point else -_depth(places, pid)
        key = (found[0], 0 if point else 1, depth, order, pid, found[1])
        if best is None or key < best:
            best = key
    if best is None:
        return None
    pid, point_of = best[4], best[5]
    at = _own(places, point_of)
    assert at is not None
    return Located(pid, point_of, at[0], at[1], places[point_of].kind)


def within_filters(
    places: Mapping[str, m.Place],
    event_places: tuple[str, ...],
    place_sets: Iterable[frozenset[str]] = (),
    countries: Iterable[str] = (),
) -> tuple[str, ...]:
    """The event's places that lie within the filters that chose it: in a --place set (the
    place and every place within it), then in a --country; all of them where none does.
    Where the event is drawn, when a listing is filtered so (U17: `timeline --place
    mopti-region` gave the G5's Pagnali operation, at Boulkessi in Mali and Nassoumbou in
    Burkina Faso, the point of Nassoumbou)."""
    found = event_places
    sets = list(place_sets)
    if sets:
        found = tuple(p for p in found if any(p in s for s in sets)) or found
    wanted = frozenset(countries)
    if wanted:
        found = (
            tuple(p for p in found if p in places and not wanted.isdisjoint(places[p].countries))
            or found
        )
    return found


def locate_within(
    places: Mapping[str, m.Place],
    event_places: tuple[str, ...],
    place_sets: Iterable[frozenset[str]] = (),
    countries: Iterable[str] = (),
) -> Located | None:
    """Where an event is drawn in a listing so filtered: at its places within the filters
    (within_filters). One with no point of its own (Boulkessi, drawn at the Mopti
    Region's centre) gives way to another of the event's places that has one inside
    what stands in for it (Mondoro, in the Mopti Region): nearer the truth than the
    region's centre, and still within the region."""
    inside = within_filters(places, event_places, place_sets, countries)
    at = locate(places, inside)
    if at is None or inside == event_places or at.point_of == at.place:
        return at if at is not None else locate(places, event_places)
    around = geo.contained(places, at.point_of)
    near = locate(places, tuple(p for p in event_places if p in around and p not in inside))
    return near if near is not None and near.point_of == near.place else at


def point_fields(at: Located | None) -> dict[str, Any]:
    """An event's point fields for where it is located: ``point_of`` and ``point_kind``,
    and its latitude and longitude unless it is known only by its country (listed, never
    drawn at a point inside the country); none when nothing locates it."""
    if at is None:
        return {}
    point: dict[str, Any] = {"point_of": at.point_of, "point_kind": at.kind}
    if at.kind != "country":
        point |= {"latitude": at.lat, "longitude": at.lon}
    return point


def placed_within(
    places: Mapping[str, m.Place],
    event: m.Event,
    place_sets: Iterable[frozenset[str]] = (),
    countries: Iterable[str] = (),
) -> m.Event:
    """The event with its point where a listing so filtered gives it (locate_within); the
    event itself when that is where it already is."""
    point = point_fields(locate_within(places, event.places, place_sets, countries))
    if not point or point["point_of"] == event.point_of:
        return event
    return replace(event, **({"latitude": None, "longitude": None} | point))


@dataclass(slots=True)
class Marker:
    """One place on the map, with the events drawn there."""

    place: str
    name: str
    kind: str
    lat: float
    lon: float
    events: list[str] = field(default_factory=list)
    deaths: int = 0
    approximate: bool = False  # drawn at a containing place's coordinates

    @property
    def countrywide(self) -> bool:
        """Events placed only in a country: listed, never drawn (not at its capital)."""
        return self.kind == "country"

    def weight(self, by: str) -> int:
        return self.deaths if by == "deaths" else len(self.events)

    def to_json(self) -> dict[str, Any]:
        return {
            "place": self.place,
            "name": self.name,
            "kind": self.kind,
            # listed, never drawn: a GIS given the country's centre would plot it there
            "lat": None if self.countrywide else self.lat,
            "lon": None if self.countrywide else self.lon,
            "events": len(self.events),
            "deaths": self.deaths,
            "approximate": self.approximate,
            "event_ids": list(self.events),
        }


@dataclass(slots=True)
class RegionShade:
    """One first-level region of a choropleth, with the events that lie in it."""

    region: str  # the bundled outline's id (timbuktu-region's also holds Taoudénit)
    name: str
    events: list[str] = field(default_factory=list)
    deaths: int = 0

    def weight(self, by: str) -> int:
        return self.deaths if by == "deaths" else len(self.events)

    def to_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "name": self.name,
            "events": len(self.events),
            "deaths": self.deaths,
            "event_ids": list(self.events),
        }


@dataclass(frozen=True, slots=True)
class Outline:
    """A region or area asked for with --place, as the exported map outlines it: its own
    bundled outline, or for an area made of regions the parts' outlines (shapes.shape_of;
    none invented). ``shape`` is None where there is nothing to draw from, and ``why``
    says so (a commune or forest known only by a point, a region newer than the outlines)."""

    place: str
    name: str
    kind: str
    shape: shapes.Shape | None
    why: str = ""
    inner: bool = False  # inside another outlined place asked for (a region of an area)

    @property
    def parts(self) -> frozenset[str]:
        """The bundled outlines it is drawn from."""
        if self.shape is None:
            return frozenset()
        return frozenset(self.shape.parts or (self.shape.id,))


def outlines(places: Mapping[str, m.Place], asked: Iterable[str]) -> list[Outline]:
    """An Outline for each place asked for that is a region or an area (a settlement is a
    point, a country is outlined already)."""
    out = []
    for pid in dict.fromkeys(asked):
        p = places.get(pid)
        if p is None or p.kind in shapes.SETTLEMENT_KINDS or p.kind == "country":
            continue
        shape = shapes.shape_of(places, pid)
        why = ""
        if shape is None and pid in shapes.covered_by():  # a region newer than the outlines
            why = shapes.no_shape_reason(places, pid) or ""
        elif shape is None:
            why = (
                "no outline of it to draw from (it is neither a region the bundled outlines "
                "hold nor made of such regions), so its events are drawn at a point"
            )
        out.append(Outline(pid, p.label, p.kind, shape, why))
    # one inside another (the Mopti Region in Liptako-Gourma, both asked for) is drawn
    # lighter: two edges alike read as two areas overlapping, not one within the other
    return [
        replace(ol, inner=any(o is not ol and ol.parts < o.parts for o in out)) if ol.parts else ol
        for ol in out
    ]


@dataclass(slots=True)
class MapData:
    markers: list[Marker]
    unplaced: list[str]  # events with no place that has (or is inside one with) a point
    extent: tuple[float, float, float, float]  # west, south, east, north
    by: str = "events"
    capitals: list[Marker] = field(default_factory=list)  # drawn for orientation
    # what the filters tell a person (a --place town that shares its region's name):
    # under the terminal map, and on a watched stderr beside the records
    notes: list[str] = field(default_factory=list)

    def off_map(self) -> list[Marker]:
        """The markers with a point outside the extent (In Amenas, Pau), heaviest first:
        listed "off the map" and drawn by no rendering. Decided here, on the extent asked
        for, not on the wider one a frame's shape shows, so every rendering draws and
        lists the same places (U25: the SVG left In Amenas out without a word)."""
        return [
            mk
            for mk in self.markers
            if not mk.countrywide and not inside(self.extent, mk.lat, mk.lon)
        ]

    def unplaced_note(self) -> str:
        """What both maps say of ``unplaced``: such an event may name a place (a forest
        across a border) whose position no source gives, so not "names no place"."""
        return (
            f"{counted(len(self.unplaced), 'event')} at no place with a known position: not drawn"
        )

    def unshaded_note(self) -> str:
        """What both region maps say of ``unshaded``."""
        n = len(self.unshaded)
        return (
            f"{counted(n, 'event')} {plural(n, 'lies', 'lie')} in no single region (placed only "
            "in an area or a country, or nowhere): not shaded"
        )

    def capital_legend(self) -> str:
        """What the capital glyph stands for in both maps' legends. A capital with events
        is drawn as their marker (U9 read Niamey's "•" against "* capital"), so the
        glyph then marks only the capitals with none; one hidden under another place's
        marker is not drawn (U41: Bamako under Kati's circle), so none it marks has events
        drawn over it."""
        busy = {mk.place for mk in self.markers} & {cap.place for cap in self.capitals}
        return "capital with no event" if busy else "capital"

    # map --by region: the regions shaded by their events (or deaths), heaviest first,
    # and the events that lie in no single region (an area, a country, no place).
    shades: list[RegionShade] = field(default_factory=list)
    unshaded: list[str] = field(default_factory=list)
    choropleth: bool = False
    # the regions and areas asked for with --place, outlined on the exported map
    outlines: list[Outline] = field(default_factory=list)


def markers(
    data: m.Dataset,
    events: Iterable[m.Event],
    by: str = "events",
    fit: bool = False,
    within: Iterable[str] = (),
    inside: Iterable[frozenset[str]] = (),
    located: dict[tuple[str, ...], Located | None] | None = None,
) -> MapData:
    """Events grouped by the point each is drawn at, heaviest first. ``inside`` (the
    --place sets) and ``within`` (country ids): an event is drawn at its places inside
    them when it has any (within_filters: a map of Niger drew Takuba's declaration as
    "Mali", its first place). ``located``, when given, is filled with where each set of
    places is drawn, for a caller that needs it again (choropleth)."""
    places = data.places
    wanted = frozenset(within)
    sets = list(inside)
    found: dict[str, Marker] = {}
    unplaced: list[str] = []
    cache: dict[tuple[str, ...], Located | None] = {} if located is None else located
    for e in events:
        where = cache.get(e.places)
        if where is None and e.places not in cache:
            where = cache[e.places] = locate_within(places, e.places, sets, wanted)
        if where is None:
            unplaced.append(e.id)
            continue
        mk = found.get(where.point_of)
        if mk is None:
            p = places[where.point_of]
            mk = found[where.point_of] = Marker(p.id, p.label, p.kind, where.lat, where.lon)
        mk.events.append(e.id)
        mk.deaths += e.counted() or 0
        if where.point_of != where.place:
            mk.approximate = True
    ordered = sorted(found.values(), key=lambda k: (-k.weight(by), -len(k.events), k.place))
    capitals = [
        Marker(p.id, p.label, p.kind, p.lat, p.lon)
        for p in places.values()
        if p.kind == CAPITAL_KIND and p.lat is not None and p.lon is not None
    ]
    return MapData(ordered, unplaced, extent_for(ordered, fit), by, capitals)


def extent_for(
    found: Iterable[Marker], fit: bool = False, pad: float = 1.5
) -> tuple[float, float, float, float]:
    """The Sahel, unless the events lie mostly elsewhere (or ``fit`` asks, as a place or
    country filter does): then the box the markers cover, padded and at least
    ``MIN_SPAN`` wide. Markers far outside Africa's north-west quarter (Pau, Toulon) do
    not widen the box unless nothing else is left; the map lists them as off the map."""
    found = [mk for mk in found if not mk.countrywide] or list(found)
    if not found:
        return SAHEL
    in_sahel = sum(len(mk.events) for mk in found if inside(SAHEL, mk.lat, mk.lon))
    if not fit and in_sahel >= SAHEL_SHARE * sum(len(mk.events) for mk in found):
        return SAHEL
    near = [mk for mk in found if inside(REGION, mk.lat, mk.lon)] or found
    xs, ys = [mk.lon for mk in near], [mk.lat for mk in near]
    box = [min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad]
    for lo, hi, span in ((0, 2, MIN_SPAN[0]), (1, 3, MIN_SPAN[1])):
        if box[hi] - box[lo] < span:
            mid = (box[lo] + box[hi]) / 2
            box[lo], box[hi] = mid - span / 2, mid + span / 2
    return (max(box[0], -180.0), max(box[1], -85.0), min(box[2], 180.0), min(box[3], 85.0))


def inside(extent: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    west, south, east, north = extent
    return west <= lon <= east and south <= lat <= north


def region_of(
    places: Mapping[str, m.Place],
    e: m.Event,
    place_sets: Iterable[frozenset[str]] = (),
    countries: Iterable[str] = (),
) -> str | None:
    """The bundled region outline an event lies in, by the rule ``--place`` follows
    (geo.in_by_point): the first-level region the place it is drawn at is declared
    within (geo.home_region), else, for a settlement declared in none or in a region with
    no outline, the region holding its point (a later region such as Taoudénit counts in
    the older outline that covers it). None for an event known only by an area, a
    country, or nothing. Filtered, the event lies where it is drawn (locate_within)."""
    return region_at(places, locate_within(places, e.places, place_sets, countries))


def region_at(
    places: Mapping[str, m.Place],
    where: Located | None,
    covered: Mapping[str, str] | None = None,
) -> str | None:
    """region_of for an event already located (``where``); ``covered``: shapes.covered_by,
    when the caller has it."""
    outlines = shapes.bundled()
    covered = shapes.covered_by(outlines) if covered is None else covered
    if where is None or where.kind in ("country", "area"):
        return None
    declared = geo.home_region(places, where.place)
    if declared is not None:
        region = covered.get(declared, declared)
        if region in outlines and outlines[region].label is not None:
            return region
    # declared in no region, or in one with no outline (a region a --data file adds, such
    # as one of Mali's of 2023): the outline its point lies in, as Taoudénit's villages
    # count in Timbuktu's
    if where.kind in shapes.SETTLEMENT_KINDS:
        return shapes.region_at(where.lat, where.lon)
    return None


def choropleth(
    data: m.Dataset,
    events: Iterable[m.Event],
    by: str = "events",
    within: Iterable[str] = (),
    inside: Iterable[frozenset[str]] = (),
) -> MapData:
    """The map's data with its regions shaded: markers as usual (for the extent and the
    listing of country-wide events), and each region's events and deaths; ``within`` and
    ``inside`` as markers takes them."""
    events = list(events)
    sets, wanted = list(inside), frozenset(within)
    # where markers drew each set of places is where its region is looked up: it was
    # located twice, once for the markers and again for the region
    located: dict[tuple[str, ...], Located | None] = {}
    md = markers(data, events, by, within=wanted, inside=sets, located=located)
    md.choropleth = True
    found: dict[str, RegionShade] = {}
    names = {sid: s.name for sid, s in shapes.bundled().items()}
    names |= {p.id: p.label for p in data.places.values()}
    covered = shapes.covered_by()
    # one region per set of places, as markers locates each set once
    regions: dict[tuple[str, ...], str | None] = {}
    for e in events:
        if e.places not in regions:
            regions[e.places] = region_at(data.places, located[e.places], covered)
        rid = regions[e.places]
        if rid is None:
            md.unshaded.append(e.id)
            continue
        shade = found.get(rid)
        if shade is None:
            shade = found[rid] = RegionShade(rid, names.get(rid, rid))
        shade.events.append(e.id)
        shade.deaths += e.counted() or 0
    md.shades = sorted(found.values(), key=lambda s: (-s.weight(by), -len(s.events), s.region))
    return md
