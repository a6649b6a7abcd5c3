"""Every place the exported map draws is named, on the map or in its legend (U37: on
`map --country burkina --year 2019 --type massacre --export map.svg` Yirgou's circle,
hemmed in by Arbinda's and Pensa's, had no name, and four labels were bold among equals
with nothing saying why)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import Run

SVG = "{http://www.w3.org/2000/svg}"


def _drawn(
    path: Path,
) -> tuple[dict[str, tuple[float, float, float]], dict[str, ET.Element], ET.Element]:
    root = ET.parse(path).getroot()
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    circles = {}
    for c in groups["markers"].iter(f"{SVG}circle"):
        name = (c.findtext(f"{SVG}title") or "").split(":")[0]
        circles[name] = tuple(float(c.get(k, 0)) for k in ("cx", "cy", "r"))
    labels = {t.text or "": t for t in groups["labels"].iter(f"{SVG}text")}
    return circles, labels, root


def _box(t: ET.Element) -> tuple[float, float, float, float]:
    x, y, wide = float(t.get("x", 0)), float(t.get("y", 0)), 6.6 * len(t.text or "")
    x0 = {"start": x, "end": x - wide, "middle": x - wide / 2}[t.get("text-anchor", "start")]
    return (x0, y - 10, x0 + wide, y + 2)


def _gap(box: tuple[float, ...], circle: tuple[float, ...]) -> float:
    cx, cy, r = circle
    dx, dy = max(box[0] - cx, 0.0, cx - box[2]), max(box[1] - cy, 0.0, cy - box[3])
    return math.hypot(dx, dy) - r


def _lines(root: ET.Element) -> list[tuple[float, float, float, float]]:
    group = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "label-leaders")
    return [
        tuple(float(line.get(k, 0)) for k in ("x1", "y1", "x2", "y2"))  # type: ignore[misc]
        for line in group.iter(f"{SVG}line")
    ]


def test_burkinas_massacres_of_2019_name_every_place(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "map.svg"
    res = run("map", "--country", "burkina", "--year", "2019", "--type", "massacre",
              "--export", str(target))  # fmt: skip
    assert res.exit_code == 0, res.stderr
    circles, labels, root = _drawn(target)
    assert "Yirgou" in circles and len(circles) == 7
    assert set(circles) <= set(labels)  # every circle named, Yirgou too
    for name, t in labels.items():
        for other, circle in circles.items():
            assert _gap(_box(t), circle) > 0, (name, "covers", other)
    # one event at each place: no name is bold, none being busier than another
    assert not [t.text for t in labels.values() if t.get("font-weight") == "bold"]
    # Yirgou's name is the one joined to its circle by a line, which starts on its edge
    yirgou = circles["Yirgou"]
    [(x1, y1, x2, y2)] = _lines(root)
    assert math.isclose(math.hypot(x1 - yirgou[0], y1 - yirgou[1]), yirgou[2], abs_tol=0.2)
    assert _gap(_box(labels["Yirgou"]), (x2, y2, 0.0)) <= 0.1  # and ends on its name


def _crowd(tmp_path: Path, n: int) -> Path:
    """A town of three events ringed by ``n`` villages of one each, close enough that
    the town has no room beside its circle."""
    text = ""
    spots = [(16.0, 0.0, "hub", 3)]
    for i in range(n):
        a = 2 * math.pi * i / n
        spots.append((16.0 + 1.5 * math.sin(a), 1.5 * math.cos(a), f"ring-{i}", 1))
    for lat, lon, ident, events in spots:
        name = ident.replace("-", " ").title()
        text += (
            f'[[places]]\nid = "{ident}"\nname = "{name}"\nkind = "village"\nlat = {lat:.4f}\n'
            f'lon = {lon:.4f}\nwithin = "timbuktu"\nsources = [{{ id = "ref-a" }}]\n\n'
        )
        for k in range(events):
            text += (
                f'[[events]]\nid = "{ident}-{k}"\ndate = "2015-0{k + 1}-01"\n'
                f'title = "Raid {k} at {name}"\nsummary = "S."\ntype = "attack"\n'
                f'places = ["{ident}"]\nsources = [{{ id = "ref-a" }}]\n\n'
            )
    path = tmp_path / "crowd.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_hemmed_in_place_is_named_further_out_with_a_line(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    data = _crowd(tmp_path, 4)
    res = run("map", "--data", str(data), "--search", "raid", "--export", str(target))
    assert res.exit_code == 0, res.stderr
    circles, labels, root = _drawn(target)
    assert {"Hub", *(f"Ring {i}" for i in range(4))} <= set(circles) <= set(labels)
    lines = _lines(root)
    for name, t in labels.items():
        box = _box(t)
        for other, circle in circles.items():
            assert _gap(box, circle) > 0, (name, "covers", other)
        if name in circles:
            # nearest its own circle, or joined to it by a line from its edge
            own = circles[name]
            nearest = min(circles, key=lambda n: _gap(box, circles[n]))
            joined = any(
                math.isclose(math.hypot(x1 - own[0], y1 - own[1]), own[2], abs_tol=0.2)
                and _gap(box, (x2, y2, 0.0)) <= 0.1
                for x1, y1, x2, y2 in lines
            )
            assert nearest == name or joined, name
    assert labels["Hub"].get("font-weight") == "bold"  # the busiest, and said so
    legend = ET.tostring(root, encoding="unicode")
    assert "the 1 with the most are named in bold" in legend


def test_places_past_the_named_ones_are_listed_in_the_legend(run: Run, tmp_path: Path) -> None:
    """The map names at most 16 places; the others are named under it, not dropped."""
    target = tmp_path / "map.svg"
    data = _crowd(tmp_path, 24)
    res = run("map", "--data", str(data), "--search", "raid", "--export", str(target))
    assert res.exit_code == 0, res.stderr
    circles, labels, _ = _drawn(target)
    page = target.read_text(encoding="utf-8")
    said = re.search(
        r"Not named on the map, for room \(hover over a circle for its name\): ([^<]+)", page
    )
    assert said is not None, page[-2000:]
    unnamed = set(circles) - set(labels)
    assert unnamed  # 25 circles: more than the map names
    listed, more = re.fullmatch(r"(.+) and (\d+) more", said.group(1)).groups()  # type: ignore[union-attr]
    names = listed.split(", ")
    assert set(names) <= unnamed and len(names) + int(more) == len(unnamed)


def test_a_busiest_place_the_map_cannot_name_is_listed_first_and_not_called_bold() -> None:
    """RV36: on `map --export all.svg` Mopti Region, the fourth busiest, found no room; the
    legend said "the 4 with the most are named in bold" over three bold names, and put it
    after 279 quieter places ("Gao Region ... and 279 more"), where no one read it."""
    from barkhane_cli.render import svglabels

    # the busiest's name is wider than the frame; twenty more than the map names
    crowd = [(f"Village {i:02}", 40.0 + 30 * (i % 10), 60.0 + 40 * (i // 10), 4.0, 1, False)
             for i in range(svglabels.LABELLED + 4)]  # fmt: skip
    markers = [("M" * 80, 200.0, 30.0, 9.0, 43, False),
               *[(n, x, y, r, 5, False) for n, x, y, r, _, _ in crowd[:3]], *crowd[3:]]  # fmt: skip
    placed = svglabels.place(markers, [], [], (2.0, 0.0, 400.0, 200.0), 6.6)
    assert "M" * 80 not in "".join(placed.labels)
    assert placed.unnamed[0] == "M" * 80  # the busiest unnamed leads the list
    bold = [t for t in placed.labels if 'font-weight="bold"' in t]
    assert bold and placed.bold == len(bold)  # what the legend counts is what is bold
