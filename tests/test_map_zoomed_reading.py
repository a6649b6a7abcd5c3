"""A zoomed map, seen as a picture (U32).

`map --place tillaberi-region --year 2021 --export till.svg`, made a PNG with cairosvg for
a slide, named no country at all around the region (Niger's and Mali's whole outlines
centre off the map, so their names were left out) and showed every place's label as white
on white: cairosvg ignores paint-order, which drew each label's white halo over it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import Run, terminal

SVG = "{http://www.w3.org/2000/svg}"
# Around Tillabéri: parts of Niger, Mali, Burkina Faso, Benin and Nigeria, none whole.
TILLABERI_BOX = "0,12,4.5,16"
PLACE = """
[[places]]
id = "zyzz"
name = "Zyzz"
kind = "town"
lat = 14.2
lon = 1.45
country = "Niger"
sources = [{ id = "ref-a" }]

[[events]]
id = "zyzz-raid"
date = "2021-03-01"
title = "Raid at Zyzz"
summary = "S."
type = "attack"
attribution = "unknown"
places = ["zyzz"]
sources = [{ id = "ref-a" }]
"""


def _svg(run: Run, tmp_path: Path) -> dict[str | None, ET.Element]:
    data = tmp_path / "zyzz.toml"
    data.write_text(PLACE, encoding="utf-8")
    target = tmp_path / "map.svg"
    result = run("map", "--bbox", TILLABERI_BOX, "--data", str(data), "--export", str(target))
    assert result.exit_code == 0, result.stderr
    return {g.get("id"): g for g in ET.parse(target).getroot().iter(f"{SVG}g")}


def test_a_zoomed_svg_map_names_the_countries_it_shows_a_part_of(run: Run, tmp_path: Path) -> None:
    groups = _svg(run, tmp_path)
    names = [t.text for t in groups["country-names"].iter(f"{SVG}text")]
    assert {"NIGER", "MALI", "BURKINA FASO"} <= set(names)
    # Togo's tip and Ghana's edge are slivers of the frame: a name there spills over
    # its neighbour's land, so it is left out
    assert not {"TOGO", "GHANA"} & set(names)


def test_a_zoomed_terminal_map_names_them_too(run: Run) -> None:
    result = run("map", "--bbox", TILLABERI_BOX, "--no-pager", env=terminal(100))
    assert result.exit_code == 0, result.stderr
    assert "NIGER" in result.stdout
    assert "MALI" in result.stdout


def test_svg_labels_read_without_paint_order(run: Run, tmp_path: Path) -> None:
    groups = _svg(run, tmp_path)
    labels = groups["labels"]
    # the letters are dark and unstroked; their halo is a white copy drawn before them
    assert (labels.get("fill"), labels.get("stroke"), labels.get("paint-order")) == (
        "#1a1a1a",
        None,
        None,
    )
    halos = groups["label-halos"]
    assert (halos.get("fill"), halos.get("stroke")) == ("#ffffff", "#ffffff")
    drawn = [(t.get("x"), t.get("y"), t.text) for t in labels.iter(f"{SVG}text")]
    assert ("Zyzz" in {d[2] for d in drawn}) and drawn == [
        (t.get("x"), t.get("y"), t.text) for t in halos.iter(f"{SVG}text")
    ]
    order = [g.get("id") for g in ET.parse(tmp_path / "map.svg").getroot().iter(f"{SVG}g")]
    assert order.index("label-halos") < order.index("labels")
    assert "paint-order" not in (tmp_path / "map.svg").read_text(encoding="utf-8")


def test_the_terminal_map_of_tillaberi_names_niger(bundled: None, run: Run) -> None:
    """The user's map: NIGER's centre is under the "Tillabéri Region" label, so it goes a
    row down; Togo's and Ghana's slivers are not named."""
    result = run(
        "map", "--place", "tillaberi-region", "--year", "2021", "--no-pager", env=terminal(80)
    )
    assert result.exit_code == 0, result.stderr
    words = result.stdout.split()
    assert {"NIGER", "MALI", "BURKINA"} <= set(words)
    assert not {"TOGO", "GHANA"} & set(words)
