"""map --by region: a choropleth of the regions, its classes and colours (issue 22).

The fixture's events: four at Bamako (its outline is Natural Earth's Bamako district),
the Ouagadougou attack (30 deaths, Centre region of Burkina Faso), the fall of Timbuktu.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

from barkhane_cli.render.maps import SHADES, classes


def fills(svg: str) -> dict[str, str]:
    return dict(re.findall(r'id="region-([^"]+)" d="[^"]*" fill="(#[0-9A-Fa-f]{6})"', svg))


def test_regions_hold_the_events_their_points_and_places_lie_in(run: Run) -> None:
    out = run("map", "--by", "region", "-f", "json")
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout) == [
        {
            "region": "bamako",
            "name": "Bamako",
            "events": 4,
            "deaths": 0,
            "event_ids": ["coup-2012", "serval", "coup-2020", "ambassador-expelled"],
        },
        {
            "region": "centre-region-bf",
            "name": "Centre",
            "events": 1,
            "deaths": 30,
            "event_ids": ["ouaga-attack"],
        },
        {
            "region": "timbuktu-region",
            "name": "Timbuktu",
            "events": 1,
            "deaths": 0,
            "event_ids": ["timbuktu-falls"],
        },
    ]


def test_classes_and_colours_by_events(run: Run, tmp_path: Path) -> None:
    assert classes(4) == [(1, 1), (2, 2), (3, 3), (4, 4)]
    target = tmp_path / "map.svg"
    assert run("map", "--by", "region", "--export", str(target)).exit_code == 0
    svg = target.read_text()
    shade = fills(svg)
    assert shade["bamako"] == SHADES[3]  # 4 events: the darkest class
    assert shade["centre-region-bf"] == shade["timbuktu-region"] == SHADES[0]  # 1 event
    assert shade["gao-region"] == shade["sahel-region-bf"] == "#ffffff"  # none
    assert len(shade) == 33  # every bundled region is drawn (with Lac, Hodh Ech Chargui, Ménaka)
    legend = re.findall(r'<rect class="class"[^>]*fill="(#[0-9A-Fa-f]{6})"', svg)
    assert legend == list(SHADES)
    assert "Events per region" in svg
    assert '<circle id="place-' not in svg  # a choropleth, not markers


def test_classes_and_colours_by_deaths(run: Run, tmp_path: Path) -> None:
    assert classes(30) == [(1, 1), (2, 4), (5, 9), (10, 30)]
    target = tmp_path / "map.html"
    assert run("map", "--by", "region-deaths", "--export", str(target)).exit_code == 0
    shade = fills(target.read_text())
    assert shade["centre-region-bf"] == SHADES[3]  # 30 deaths
    assert shade["bamako"] == shade["timbuktu-region"] == "#ffffff"  # none recorded


def test_terminal_choropleth_has_a_legend_of_classes_and_says_its_filters(
    run: Run, tty: dict[str, str]
) -> None:
    out = run("map", "--by", "region", "--type", "coup", env=tty)
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("barkhane map: 2 events, ")
    assert lines[0].endswith("events per region (type coup)")
    assert "Events per region: ▓ 1  █ 2" in out.stdout  # two classes: the darkest two
    everything = run("map", "--by", "region", env=tty)
    assert "Events per region: ░ 1  ▒ 2  ▓ 3  █ 4" in everything.stdout
    drawn = "".join(everything.stdout.splitlines()[1:-4])
    assert "░" in drawn  # Timbuktu and Centre regions, one event each, are shaded


def test_by_must_be_known(run: Run) -> None:
    out = run("map", "--by", "province")
    assert out.exit_code == 2
    assert "give events, deaths, region or region-deaths" in out.stderr


def test_each_set_of_places_is_located_once(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """The regions are looked up where the markers were drawn: each event's places were
    located twice (K17), with the same answer; the regions stay the ones above."""
    from barkhane_cli import mapping

    calls: list[tuple[str, ...]] = []
    real = mapping.locate_within

    def counted(places: Any, event_places: tuple[str, ...], *rest: Any) -> Any:
        calls.append(event_places)
        return real(places, event_places, *rest)

    monkeypatch.setattr(mapping, "locate_within", counted)
    shaded = json.loads(run("map", "--by", "region", "-f", "json").stdout)
    assert [r["region"] for r in shaded][:2] == ["bamako", "centre-region-bf"]
    assert calls and len(calls) == len(set(calls))
