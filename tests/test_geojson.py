"""--format geojson: RFC 7946 FeatureCollections that GIS tools (and shapely) read."""

from __future__ import annotations

import json
from typing import Any

import geojson
import pytest
import shapely.geometry
from conftest import FIXTURES, Run

GEO = str(FIXTURES / "geo.toml")


def collection(text: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(text)
    parsed = geojson.loads(text)
    assert parsed.is_valid, parsed.errors()
    assert doc["type"] == "FeatureCollection"
    for f in doc["features"]:
        if f["geometry"] is None:  # a place with nothing of its own to draw says why
            assert f["properties"]["no_geometry"]
            continue
        shape = shapely.geometry.shape(f["geometry"])
        assert shape.geom_type in ("Point", "MultiPolygon") and shape.is_valid
    return doc


def test_timeline_features_are_lon_lat_points_with_the_json_properties(run: Run) -> None:
    out = run("timeline", "--place", "timbuktu", "-f", "geojson")
    doc = collection(out.stdout)
    json_rows = json.loads(run("timeline", "--place", "timbuktu", "-f", "json").stdout)
    assert [f["id"] for f in doc["features"]] == [e["id"] for e in json_rows]
    first = doc["features"][0]
    assert first["geometry"]["coordinates"] == [-3.01, 16.77]  # [lon, lat], not [lat, lon]
    assert first["properties"] == json_rows[0]  # the JSON says where it is drawn, too
    assert (first["properties"]["point_of"], first["properties"]["point_kind"]) == (
        "timbuktu",
        "city",
    )


def test_an_event_sits_at_its_most_precise_place_or_the_one_containing_it(run: Run) -> None:
    out = run("timeline", "--data", GEO, "--since", "2019", "--until", "2019", "-f", "geojson")
    doc = collection(out.stdout)
    (f,) = doc["features"]  # the event with no place is left out ...
    assert f["id"] == "village-attack"
    # ... and Tin-Hama (no coordinates) is drawn as its region's outline: not at Mali's
    # capital, nor at any point that is not its own.
    assert f["geometry"]["type"] == "MultiPolygon"
    region = shapely.geometry.shape(f["geometry"])
    assert region.contains(shapely.geometry.Point(0.0, 16.27))  # Gao is in it
    assert (f["properties"]["point_of"], f["properties"]["point_kind"]) == ("gao-region", "region")
    assert "1 event with no geometry" in out.stderr


def test_places_and_fields(run: Run) -> None:
    doc = collection(run("places", "--data", GEO, "-f", "geojson").stdout)
    by_id = {f["id"]: f for f in doc["features"]}
    assert by_id["bamako"]["geometry"]["coordinates"] == [-8.0, 12.65]
    # every feature has its own geometry or none, never another place's point
    assert by_id["tin-hama"]["geometry"] is None
    assert by_id["tin-hama"]["properties"]["point_of"] is None
    assert "coordinates" in by_id["tin-hama"]["properties"]["no_geometry"]
    assert by_id["gao-region"]["geometry"]["type"] == "MultiPolygon"
    assert by_id["mali"]["geometry"]["type"] == "MultiPolygon"
    picked = collection(run("places", "-f", "geojson", "--fields", "id,name").stdout)
    assert {"id", "name", "point_of", "point_kind"} <= set(picked["features"][0]["properties"])


@pytest.mark.parametrize("command", [("actor", "mali"), ("place", "bamako")])
def test_profiles_give_their_events(run: Run, command: tuple[str, str]) -> None:
    doc = collection(run(*command, "-f", "geojson").stdout)
    profile = json.loads(run(*command, "-f", "json").stdout)
    located = [e["id"] for e in profile["events"] if e["places"]]
    assert [f["id"] for f in doc["features"]] == located


def test_records_without_places_refuse_geojson(run: Run) -> None:
    out = run("actors", "-f", "geojson")
    assert out.exit_code == 2
    assert out.stderr == (
        "barkhane: --format geojson is not for actors; give table, plain, tsv, csv, json, jsonl or md\n"
    )


def test_empty_collection_is_still_valid(run: Run) -> None:
    doc = collection(run("timeline", "--search", "zzzz", "-f", "geojson").stdout)
    assert doc["features"] == []
