"""``--format geojson``: an RFC 7946 FeatureCollection of events or places.

Coordinates are ``[longitude, latitude]`` (RFC 7946 §3.1.1), each feature has an ``id``
and the properties the JSON output gives for the same record, so QGIS, geojson.io and
kepler.gl read the same fields a script reads from ``--format json``.

Every feature carries its own geometry, never another place's point. A place: a Point
for a settlement with coordinates, a MultiPolygon for a region, area or country with an
outline, else ``null`` geometry with ``no_geometry`` saying why. An event: a Point at the
settlement it names, or the MultiPolygon of the region, area or country it is known by
(an unlocated village's event is drawn as its region; ``point_of`` says whose geometry
it is, ``point_kind`` its kind); events with nothing to draw are left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from barkhane_cli import mapping, shapes
from barkhane_cli import model as m
from barkhane_cli.errors import UsageError
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import write_json
from barkhane_cli.text import counted

GEOJSON_KINDS = ("event", "place", "marker", "region")


def feature(ident: str, lat: float, lon: float, properties: dict[str, Any]) -> dict[str, Any]:
    return shaped(ident, {"type": "Point", "coordinates": [lon, lat]}, properties)


def shaped(
    ident: str, geometry: dict[str, Any] | None, properties: dict[str, Any]
) -> dict[str, Any]:
    return {"type": "Feature", "id": ident, "geometry": geometry, "properties": properties}


def own_geometry(data: m.Dataset, pid: str) -> tuple[dict[str, Any] | None, str | None]:
    """The place's own geometry, or None and the reason it has none."""
    p = data.places[pid]
    at = shapes.point_of(p)
    if at is not None:
        return {"type": "Point", "coordinates": [at[1], at[0]]}, None
    if p.kind in shapes.SETTLEMENT_KINDS:
        return None, p.unlocated or "no source gives this settlement's coordinates yet"
    shape = shapes.shape_of(data.places, pid)
    if shape is not None:
        return shapes.geometry(shape), None
    if p.lat is not None and p.lon is not None and p.kind != "country":
        return {"type": "Point", "coordinates": [p.lon, p.lat]}, None
    return None, shapes.no_shape_reason(data.places, pid) or "no outline"


def event_feature(data: m.Dataset, e: m.Event, props: dict[str, Any]) -> dict[str, Any] | None:
    # the event's own point_of, as its listing gave it (its places within a --place)
    point_of = e.point_of if e.point_of in data.places else None
    if point_of is None:
        where = mapping.locate(data.places, e.places)
        if where is None:
            return None
        point_of = where.point_of
    geometry, _ = own_geometry(data, point_of)
    if geometry is None:
        return None
    extra = {"point_of": point_of, "point_kind": data.places[point_of].kind}
    return shaped(e.id, geometry, props | extra)


def marker_feature(data: m.Dataset, mk: Any, props: dict[str, Any]) -> dict[str, Any] | None:
    """A map marker at its point; one for events known only by a country is that
    country's outline, as such an event's own feature is (never a point at its centre)."""
    if not mk.countrywide:
        return feature(mk.place, mk.lat, mk.lon, props)
    geometry, _ = own_geometry(data, mk.place)
    return None if geometry is None else shaped(mk.place, geometry, props)


def place_feature(data: m.Dataset, p: m.Place, props: dict[str, Any]) -> dict[str, Any] | None:
    geometry, reason = own_geometry(data, p.id)
    extra: dict[str, Any] = {"point_of": p.id if geometry else None, "point_kind": p.kind}
    if geometry is None:
        extra["no_geometry"] = reason
    return shaped(p.id, geometry, props | extra)


def write_collection(env: Env, features: Iterable[dict[str, Any] | None], what: str) -> int:
    """Stream a FeatureCollection, one feature per line; return how many were written."""
    out = env.out
    count = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for f in features:
        if f is None:
            skipped += 1
            continue
        write_json(out, json.dumps(f, ensure_ascii=env.ascii_only), ",\n  " if count else "\n  ")
        count += 1
    out.write("\n]}\n" if count else "]}\n")
    if skipped:
        env.err.write(
            f"barkhane: {counted(skipped, what)} with no geometry (no place of theirs, nor a "
            "region containing it, has a point or an outline) left out of the GeoJSON\n"
        )
    return count


def write_records(
    env: Env,
    kind: str,
    dataset: Any,
    items: Iterable[Any],
    to_json: Callable[[Any], dict[str, Any]],
    keys: list[str] | None,
) -> int:
    """The records of a RecordSet as features (what render.records.emit calls)."""
    if kind not in GEOJSON_KINDS or dataset is None:
        raise UsageError(
            "--format geojson is for events and places (timeline, map, place, places, actor)"
        )

    def props(item: Any) -> dict[str, Any]:
        obj = to_json(item)
        return {k: obj[k] for k in keys} if keys else obj

    if kind == "event":
        feats = (event_feature(dataset, e, props(e)) for e in items)
    elif kind == "place":
        feats = (place_feature(dataset, p, props(p)) for p in items)
    elif kind == "region":
        outlines = shapes.bundled()
        feats = (shaped(r.region, shapes.geometry(outlines[r.region]), props(r)) for r in items)
    else:
        feats = (marker_feature(dataset, mk, props(mk)) for mk in items)
    return write_collection(env, feats, kind)
