"""The exported map as a reader uses it (U62; U54 #21 on `map --place liptako-gourma
--year 2019 --export lg2019.svg`): the capital is named, the area asked for is outlined,
and a region's events drawn at its centre do not read as a place overlapping a town."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import Run

from barkhane_cli.render import svglabels

SVG = "{http://www.w3.org/2000/svg}"


def _groups(path: Path) -> dict[str | None, ET.Element]:
    return {g.get("id"): g for g in ET.parse(path).getroot().iter(f"{SVG}g")}


@pytest.fixture
def liptako_2019(bundled: None, run: Run, tmp_path: Path) -> Path:
    target = tmp_path / "lg2019.svg"
    res = run("map", "--place", "liptako-gourma", "--year", "2019", "--export", str(target))
    assert res.exit_code == 0, res.stderr
    return target


def test_the_capital_with_events_is_named_on_the_map(liptako_2019: Path) -> None:
    labels = {t.text for t in _groups(liptako_2019)["labels"].iter(f"{SVG}text")}
    assert "Ouagadougou" in labels
    assert "Niamey" in labels


def test_a_capital_is_named_before_busier_towns_past_the_first() -> None:
    # twenty towns of two events in a row, far apart, and a capital with one event at
    # the end: room for every name, but only the first LABELLED are tried
    towns = [(f"Town{i:02d}", 40.0 + 45 * i, 100.0, 4.0, 2, False) for i in range(20)]
    capital = ("Capital", 40.0, 300.0, 4.0, 1, True)
    placed = svglabels.place([*towns, capital], [], [], (0.0, 0.0, 1000.0, 400.0), 6.6)
    named = " ".join(placed.labels)
    assert ">Capital<" in named
    assert "Capital" not in placed.unnamed
    assert placed.unnamed[-1] == "Town19"  # the quietest past the limit, in the legend


def test_the_area_asked_for_is_outlined_from_its_parts_and_the_legend_says_so(
    liptako_2019: Path,
) -> None:
    groups = _groups(liptako_2019)
    area = groups["area-liptako-gourma"]
    # each of its parts' own outlines (the bundled shapes, none invented), once
    edges = [p.get("data-part") for p in area.iter(f"{SVG}path") if p.get("class") == "edge"]
    assert sorted(edges) == sorted(LIPTAKO_PARTS)
    legend = " ".join(t.text or "" for t in groups["legend"].iter(f"{SVG}text"))
    assert "Liptako-Gourma" in legend and "outline" in legend


def test_an_area_with_no_geometry_says_so_under_the_map(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "pensa.svg"
    res = run("map", "--place", "pensa", "--export", str(target))
    assert res.exit_code == 0, res.stderr
    groups = _groups(target)
    assert "area-pensa" not in groups
    legend = " ".join(t.text or "" for t in groups["legend"].iter(f"{SVG}text"))
    assert "Pensa is not outlined" in legend


LIPTAKO_PARTS = (
    "centre-region-bf", "centre-est-region-bf", "centre-sud-region-bf", "centre-nord-region-bf",
    "est-region-bf", "plateau-central-region-bf", "nord-region-bf", "sahel-region-bf",
    "mopti-region", "timbuktu-region", "gao-region", "menaka-region", "kidal-region",
    "tillaberi-region", "dosso-region", "niamey",
)  # fmt: skip


def test_a_regions_events_at_its_centre_are_a_light_ring_under_its_towns(
    liptako_2019: Path,
) -> None:
    # U54: "the Mopti Region and Douentza circles overlap": the region's events, drawn at
    # its centre, read as a place overlapping the town (in that region) beside it
    circles = list(_groups(liptako_2019)["markers"].iter(f"{SVG}circle"))
    order = [c.get("id") for c in circles]
    style = {c.get("id"): c for c in circles}
    region, town = style["place-mopti-region"], style["place-douentza"]
    assert region.get("stroke-dasharray") and not town.get("stroke-dasharray")
    assert float(region.get("fill-opacity", 1)) < float(town.get("fill-opacity", 1))
    assert order.index("place-mopti-region") < order.index("place-douentza")  # under it
    legend = " ".join(t.text or "" for t in _groups(liptako_2019)["legend"].iter(f"{SVG}text"))
    assert "region or area" in legend


def test_a_region_asked_for_inside_an_area_asked_for_is_drawn_lighter(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "both.svg"
    res = run("map", "--place", "liptako-gourma", "--place", "mopti-region", "--year", "2019",
              "--export", str(target))  # fmt: skip
    assert res.exit_code == 0, res.stderr
    groups = _groups(target)

    def band(place: str) -> float:
        edged = next(g for g in groups[f"area-{place}"].iter(f"{SVG}g") if g.get("mask"))
        return float(edged.get("stroke-width", 0))

    assert band("mopti-region") < band("liptako-gourma")
