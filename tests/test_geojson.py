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
        shape = shapely.geometry.shape(f["geometry"])
        assert shape.geom_type == "Point" and shape.is_valid
    return doc


def test_timeline_features_are_lon_lat_points_with_the_json_properties(run: Run) -> None:
    out = run("timeline", "--place", "timbuktu", "-f", "geojson")
    doc = collection(out.stdout)
    json_rows = json.loads(run("timeline", "--place", "timbuktu", "-f", "json").stdout)
    assert [f["id"] for f in doc["features"]] == [e["id"] for e in json_rows]
    first = doc["features"][0]
    assert first["geometry"]["coordinates"] == [-3.01, 16.77]  # [lon, lat], not [lat, lon]
    assert {
        k: v for k, v in first["properties"].items() if k not in ("point_of", "point_kind")
    } == json_rows[0]
    assert first["properties"]["point_of"] == "timbuktu"


def test_an_event_sits_at_its_most_precise_place_or_the_one_containing_it(run: Run) -> None:
    out = run("timeline", "--data", GEO, "--since", "2019", "--until", "2019", "-f", "geojson")
    doc = collection(out.stdout)
    (f,) = doc["features"]  # the event with no place is left out ...
    assert f["id"] == "village-attack"
    # ... and Tin-Hama (no coordinates) is drawn at its region's, not at Mali's capital.
    assert f["geometry"]["coordinates"] == [0.05, 16.27]
    assert (f["properties"]["point_of"], f["properties"]["point_kind"]) == ("gao-region", "region")
    assert "1 event(s) with no coordinates" in out.stderr


def test_places_and_fields(run: Run) -> None:
    doc = collection(run("places", "--data", GEO, "-f", "geojson").stdout)
    by_id = {f["id"]: f for f in doc["features"]}
    assert by_id["bamako"]["geometry"]["coordinates"] == [-8.0, 12.65]
    assert by_id["tin-hama"]["properties"]["point_of"] == "gao-region"
    picked = collection(run("places", "-f", "geojson", "--fields", "id,name").stdout)
    assert set(picked["features"][0]["properties"]) == {"id", "name", "point_of", "point_kind"}


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
        "barkhane: --format geojson is for events and places (timeline, map, place, places, actor)\n"
    )


def test_empty_collection_is_still_valid(run: Run) -> None:
    doc = collection(run("timeline", "--search", "zzzz", "-f", "geojson").stdout)
    assert doc["features"] == []
