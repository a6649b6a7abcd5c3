"""``--format geojson``: an RFC 7946 FeatureCollection of events or places.

Coordinates are ``[longitude, latitude]`` (RFC 7946 §3.1.1), each feature has an ``id``
and the properties the JSON output gives for the same record, so QGIS, geojson.io and
kepler.gl read the same fields a script reads from ``--format json``. An event is a
Point at the most precise of its places that has coordinates (or that lies inside a
place that has them: ``point_of`` says whose coordinates were used); records without
any point are left out and counted on stderr. ``point_kind`` is the kind of that place: a
``country`` point is the capital's coordinates standing for the whole country.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from barkhane_cli import geo, mapping
from barkhane_cli import model as m
from barkhane_cli.errors import UsageError
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import json_inert

GEOJSON_KINDS = ("event", "place", "marker")


def feature(ident: str, lat: float, lon: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": ident,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def event_feature(data: m.Dataset, e: m.Event, props: dict[str, Any]) -> dict[str, Any] | None:
    where = mapping.locate(data.places, e.places)
    if where is None:
        return None
    extra = {"point_of": where.point_of, "point_kind": data.places[where.point_of].kind}
    return feature(e.id, where.lat, where.lon, props | extra)


def place_feature(data: m.Dataset, p: m.Place, props: dict[str, Any]) -> dict[str, Any] | None:
    at = geo.point(data.places, p.id)
    if at is None:
        return None
    point_of = p.id if p.lat is not None and p.lon is not None else None
    if point_of is None:
        point_of = next(
            a for a in geo.ancestors(data.places, p.id) if data.places[a].lat is not None
        )
    extra = {"point_of": point_of, "point_kind": data.places[point_of].kind}
    return feature(p.id, at[0], at[1], props | extra)


def write_collection(env: Env, features: Iterable[dict[str, Any] | None], what: str) -> int:
    """Stream a FeatureCollection, one feature per line; return how many were written."""
    out = env.out
    count = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for f in features:
        if f is None:
            skipped += 1
            continue
        out.write(",\n  " if count else "\n  ")
        out.write(json_inert(json.dumps(f, ensure_ascii=env.ascii_only)))
        count += 1
    out.write("\n]}\n" if count else "]}\n")
    if skipped:
        env.err.write(
            f"barkhane: {skipped} {what}(s) with no coordinates (nor a place containing them "
            "that has some) left out of the GeoJSON\n"
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
    else:
        feats = (feature(mk.place, mk.lat, mk.lon, props(mk)) for mk in items)
    return write_collection(env, feats, kind)
