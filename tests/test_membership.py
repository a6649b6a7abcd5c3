"""Which places lie inside a place: one rule for --place, places --within and the map's
regions (U14: Yirgou, declared in Centre-Nord, was counted in the Sahel region too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from barkhane_cli import geo
from barkhane_cli import model as m
from barkhane_cli.store import files
from tests.conftest import ROOT, Run, as_json

YIRGOU = ("yirgou-massacre-2019", "yirgou-detachment-attack-2021-10")
ANEFIS = ("anefis-mnla-clashes-2013-05", "anefis-gatia-cma-battle-2015")


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(files, "bundled_path", lambda: ROOT / "data")
    yield


def _ids(run: Run, *args: str) -> list[str]:
    result = run(*args, "--fields", "id", "-f", "plain")
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_a_settlement_declared_in_a_region_is_in_no_sibling_region() -> None:
    """Two regions of one country: V's point falls in B's outline (Natural Earth's Gao),
    but V is declared within A: it is in A only. An area made of B still goes by the
    point, and W, declared in no region, is in B by its point."""
    places = {
        "mali": m.Place("mali", "Mali", "country", ()),
        "kidal-region": m.Place("kidal-region", "Kidal Region", "region", (), within="mali"),
        "gao-region": m.Place("gao-region", "Gao Region", "region", (), within="mali"),
        "south": m.Place("south", "South", "area", (), within="mali", made_of=("gao-region",)),
        "v": m.Place("v", "V", "village", (), lat=16.5, lon=0.5, within="kidal-region"),
        "w": m.Place("w", "W", "village", (), lat=16.5, lon=0.5, within="mali"),
    }
    assert geo.contained(places, "gao-region") == {"gao-region", "w"}
    assert geo.contained(places, "kidal-region") == {"kidal-region", "v"}
    assert geo.contained(places, "south") == {"south", "gao-region", "v", "w"}


def test_yirgou_and_anefis_count_in_their_declared_regions_only(run: Run, bundled: None) -> None:
    sahel = _ids(run, "timeline", "--place", "sahel-region-bf")
    centre_nord = _ids(run, "timeline", "--place", "centre-nord-region-bf")
    gao = _ids(run, "timeline", "--place", "gao-region")
    kidal = _ids(run, "timeline", "--place", "kidal-region")
    for event in YIRGOU:
        assert event in centre_nord and event not in sahel, event
    for event in ANEFIS:
        assert event in kidal and event not in gao, event
    # geometry still decides the areas made of regions: both stay in Liptako-Gourma
    liptako = _ids(run, "timeline", "--place", "liptako-gourma")
    assert set(YIRGOU + ANEFIS) <= set(liptako)
    markers = run("map", "--place", "sahel-region-bf", "--fields", "place", "-f", "plain")
    assert markers.exit_code == 0 and "yirgou" not in markers.stdout.split()


def test_the_choropleth_shades_yirgou_in_centre_nord(run: Run, bundled: None) -> None:
    result = run("map", "--by", "region", "--year", "2019", "-f", "json")
    assert result.exit_code == 0, result.stderr
    shaded = {r["region"]: r["event_ids"] for r in as_json(result)}
    assert "yirgou-massacre-2019" in shaded["centre-nord-region-bf"]
    assert "yirgou-massacre-2019" not in shaded["sahel-region-bf"]
