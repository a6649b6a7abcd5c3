"""Places as shapes: region outlines, areas made of regions, inside by geometry (issue 22).

shapely is the independent reader here (a dev dependency only): barkhane's own
point-in-polygon must agree with it, and the bundled points must sit in their shapes.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import Run, as_json, checked_record, rows, terminal
from shapely.geometry import Point
from shapely.geometry import Polygon as ShapelyPolygon
from shapely.ops import unary_union

from barkhane_cli import geo, mapping, shapes
from barkhane_cli import model as m
from barkhane_cli.render import svgmap

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def data() -> m.Dataset:
    dataset, problems = checked_record()
    assert not [p for p in problems if not p.warning]
    return dataset


def shapely_of(shape: shapes.Shape) -> object:
    return unary_union([ShapelyPolygon(poly[0], poly[1:]) for poly in shape.polygons])


def test_region_file_says_where_it_comes_from() -> None:
    notes = shapes.notes()
    assert "Natural Earth 1:10m admin-1" in str(notes["source"])
    assert "public domain" in str(notes["licence"])
    assert notes["derived_by"] == "tools/derive_regions.py"
    assert "Mark DiMarco, MIT" in str(notes["attribution"])  # the packaging's notice
    # the Ménaka region's outline is geoBoundaries' (CC BY 4.0): said, and attributed
    assert "geoBoundaries" in str(notes["source"]) and "CC BY 4.0" in str(notes["licence"])
    assert "geoBoundaries" in str(notes["attribution"])


def test_regions_of_mali_burkina_faso_and_niger_are_shapes(data: m.Dataset) -> None:
    three = {"mali", "burkina-faso", "niger"}
    every = {p.id for p in data.places.values() if p.kind == "region" and not p.made_of}
    regions = {pid for pid in every if three & set(data.places[pid].countries)}
    outlined = {pid for pid in regions if shapes.shape_of(data.places, pid) is not None}
    # A region elsewhere (Algeria's Aïn Defla) may have no outline, and says why.
    for pid in every - regions:
        if shapes.shape_of(data.places, pid) is None:
            assert shapes.no_shape_reason(data.places, pid) is not None, pid
    # Every first-level region of the three countries has an outline, except Taoudénit,
    # made after Natural Earth drew Mali and with no public outline, which says so.
    # (Ménaka, made from one whole cercle, has that cercle's outline from geoBoundaries.)
    assert sorted(regions - outlined) == ["taoudenit-region"]
    for pid in regions - outlined:
        reason = shapes.no_shape_reason(data.places, pid)
        assert reason is not None and "inside the outline of" in reason
    assert len([p for p in outlined if p.endswith("-region-bf")]) == 13


def test_every_outline_is_valid_and_its_label_point_inside_it() -> None:
    for shape in shapes.bundled().values():
        geometry = shapely_of(shape)
        assert geometry.is_valid, shape.id  # type: ignore[attr-defined]
        if shape.label is not None:
            lon, lat = shape.label
            assert shape.contains(lat, lon), shape.id
            assert geometry.contains(Point(lon, lat)), shape.id  # type: ignore[attr-defined]


def test_point_in_polygon_agrees_with_shapely() -> None:
    for sid in ("gao-region", "tillaberi-region", "sahel-region-bf", "koulikoro-region", "mali"):
        shape = shapes.bundled()[sid]
        geometry = shapely_of(shape)
        w, s, e, n = shape.bbox
        for i in range(25):
            for j in range(25):
                lon, lat = w + (e - w) * (i + 0.5) / 25, s + (n - s) * (j + 0.5) / 25
                expected = geometry.contains(Point(lon, lat))  # type: ignore[attr-defined]
                assert shape.contains(lat, lon) == expected, (sid, lat, lon)


def test_menaka_is_cut_out_of_natural_earths_gao() -> None:
    """The Ménaka region (geoBoundaries' Ménaka cercle) and the post-2016 Gao region tile
    Natural Earth's older Gao outline: no overlap, and Ménaka town lies in Ménaka only."""
    outlines = shapes.bundled()
    gao, menaka = shapely_of(outlines["gao-region"]), shapely_of(outlines["menaka-region"])
    assert gao.intersection(menaka).area == 0  # type: ignore[attr-defined]
    assert outlines["gao-region"].covers == ()
    assert shapes.covered_by() == {"taoudenit-region": "timbuktu-region"}
    # about 78,000 km² in the source: 78,000 / (111.2 km × 111.2 km × cos 16.6°) ≈ 6.6 deg²
    assert 6.2 < menaka.area < 7.0  # type: ignore[attr-defined]
    assert outlines["menaka-region"].contains(15.9199, 2.3961)  # Ménaka town
    assert not outlines["gao-region"].contains(15.9199, 2.3961)
    assert outlines["gao-region"].contains(16.2667, -0.05)  # Gao town stays in Gao
    assert outlines["gao-region"].contains(16.4032, 0.9921)  # Tamkoutat, east of Gao


def test_an_event_in_the_menaka_region_is_drawn_inside_its_shape(data: m.Dataset) -> None:
    menaka = shapes.bundled()["menaka-region"]
    events = [e for e in data.events if "menaka-region" in e.places]
    assert events
    for e in events:
        where = mapping.locate(data.places, e.places)
        assert where is not None, e.id
        # drawn at the region's own shape (its label point), or at a settlement in it
        assert menaka.contains(where.lat, where.lon), e.id
        if where.place == "menaka-region":
            assert where.point_of == "menaka-region", e.id
        assert mapping.region_of(data.places, e) == "menaka-region", e.id


def test_place_menaka_region_follows_the_shape(run: Run, bundled: None) -> None:
    """A settlement declared in no region whose point lies in Ménaka's shape is in the
    region; one outside it (east of Gao, Tamkoutat's point) is not."""
    places = {
        "mali": m.Place("mali", "Mali", "country", ()),
        "northern-mali": m.Place(
            "northern-mali", "Northern Mali", "area", (), within="mali",
            made_of=("gao-region", "menaka-region"),
        ),
        "gao-region": m.Place("gao-region", "Gao Region", "region", (), within="northern-mali"),
        "menaka-region": m.Place(
            "menaka-region", "Ménaka Region", "region", (), within="northern-mali"
        ),
        # both declared only in northern Mali: their points decide
        "v": m.Place("v", "V", "village", (), lat=15.92, lon=2.4, within="northern-mali"),
        "w": m.Place("w", "W", "village", (), lat=16.4032, lon=0.9921, within="northern-mali"),
    }  # fmt: skip
    assert geo.contained(places, "menaka-region") == {"menaka-region", "v"}
    assert geo.contained(places, "gao-region") == {"gao-region", "w"}
    # the bundled data: every event at the town of Ménaka is in the region, and one placed
    # only there is not in the Gao region's
    town = run("timeline", "--place", "menaka", "--fields", "id").stdout.split()
    region = run("timeline", "--place", "menaka-region", "--fields", "id").stdout.split()
    gao = run("timeline", "--place", "gao-region", "--fields", "id").stdout.split()
    assert town and set(town) <= set(region)
    only_town = {e.id for e in data_events() if e.places == ("menaka",)}
    assert "barkhane-leaves-menaka-2022" in only_town and not only_town & set(gao)
    assert "tamkoutat-massacre-2014" in gao and "tamkoutat-massacre-2014" not in region


def test_koulikoro_has_bamako_as_a_hole() -> None:
    koulikoro, bamako = shapes.bundled()["koulikoro-region"], shapes.bundled()["bamako"]
    lon, lat = bamako.label or (0.0, 0.0)
    assert bamako.contains(lat, lon) and not koulikoro.contains(lat, lon)


def test_every_bundled_point_lies_in_its_country(data: m.Dataset) -> None:
    outlines = shapes.bundled()
    for p in data.places.values():
        at = shapes.point_of(p)
        if at is None:
            continue
        for country in p.countries:
            if country not in outlines:
                continue
            geometry = shapely_of(outlines[country])
            near = geometry.buffer(shapes.BORDER_TOLERANCE)  # type: ignore[attr-defined]
            assert near.contains(Point(at[1], at[0])), (p.id, country)


def test_liptako_gourma_is_the_union_of_its_regions(data: m.Dataset) -> None:
    area = shapes.shape_of(data.places, "liptako-gourma")
    assert area is not None
    assert set(area.parts) == {
        "centre-region-bf", "centre-est-region-bf", "centre-sud-region-bf",
        "centre-nord-region-bf", "est-region-bf", "plateau-central-region-bf",
        "nord-region-bf", "sahel-region-bf", "mopti-region", "timbuktu-region",
        "gao-region", "menaka-region", "kidal-region", "tillaberi-region", "dosso-region",
        "niamey",
    }  # fmt: skip
    assert shapes.missing_parts(data.places, "liptako-gourma") == []


def test_liptako_gourma_contains_the_places_the_sources_put_there(data: m.Dataset) -> None:
    inside = geo.contained(data.places, "liptako-gourma")
    for pid in (
        "inates", "indelimane", "tabankort", "tabankort-menaka", "koutougou", "arbinda",
        "solhan", "seytenga", "tongo-tongo", "boulkessi", "menaka", "djibo", "ouatagouna",
        "niamey", "ouagadougou", "tillaberi", "gao", "mopti", "kidal",
    ):  # fmt: skip
        assert pid in inside, pid
    for pid in ("bamako", "kati", "agadez", "arlit", "diffa", "bosso", "misseni", "nara"):
        assert pid not in inside, pid


def test_a_located_village_lies_in_an_area_by_its_point_alone() -> None:
    places = {
        "mali": m.Place("mali", "Mali", "country", ()),
        "gao-region": m.Place("gao-region", "Gao Region", "region", (), within="mali"),
        "north": m.Place("north", "North", "area", (), within="mali", made_of=("gao-region",)),
        # declared only under the country, but its point is in Natural Earth's Gao region
        "v": m.Place("v", "V", "village", (), lat=16.5, lon=0.5, within="mali"),
        "w": m.Place("w", "W", "village", (), lat=12.7, lon=-8.0, within="mali"),  # Bamako
    }
    assert geo.contained(places, "north") == {"north", "gao-region", "v"}
    assert geo.contained(places, "gao-region") == {"gao-region", "v"}


def test_the_point_decides_the_country_away_from_borders() -> None:
    places = {
        "mali": m.Place("mali", "Mali", "country", ()),
        "niger": m.Place("niger", "Niger", "country", ()),
        # declared in Mali, but the point is Niamey's: geometry says Niger
        "x": m.Place("x", "X", "town", (), lat=13.515, lon=2.1175, within="mali"),
        # Tinzaouaten sits on the border, just across a simplified outline: declared wins
        "y": m.Place("y", "Y", "village", (), lat=19.9486, lon=2.9678, within="mali"),
    }
    resolved, _ = geo.resolve_places(places)
    assert resolved["x"].countries == ("niger",)
    assert resolved["y"].countries == ("mali",)


def test_timeline_for_liptako_gourma_in_2019(run: Run, bundled: None) -> None:
    result = run("timeline", "--place", "liptako-gourma", "--year", "2019", "--fields", "id")
    assert result.exit_code == 0, result.stderr
    found = result.stdout.split()
    for event in (
        "inates-attack-2019", "inates-camp-attack-2019-07", "indelimane-attack",
        "tabankort-ambush-2019", "koutougou-attack-2019", "arbinda-attack-2019",
        "arbinda-killings-2019-03", "ogossagou-massacre", "tongo-tongo-baley-beri-ambush-2019",
    ):  # fmt: skip
        assert event in found, event
    assert "aguelhok-minusma-attack-2019" in found  # Kidal region is in the Authority's zone
    # and nothing from outside it (other helpers add events: no fixed count here)
    for event in ("diffa-attack-2019", "bamako-radisson-blu-attack", "misseni-attack-2015"):
        assert event not in found


def test_validate_warns_when_a_point_disagrees_with_within(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "places.toml"
    bad.write_text(
        '[[sources]]\nid = "s"\ntitle = "T"\npublisher = "P"\nkind = "reference"\n\n'
        '[[places]]\nid = "mali"\nname = "Mali"\nkind = "country"\nsources = [{ id = "s" }]\n\n'
        '[[places]]\nid = "gao-region"\nname = "Gao Region"\nkind = "region"\n'
        'within = "mali"\nsources = [{ id = "s" }]\n\n'
        # a point in Bamako, declared in the Gao region
        '[[places]]\nid = "far"\nname = "Far"\nkind = "village"\nwithin = "gao-region"\n'
        'lat = 12.65\nlon = -8.0\nsources = [{ id = "s" }]\n\n'
        # a point in the Gao region, declared only under Mali
        '[[places]]\nid = "loose"\nname = "Loose"\nkind = "village"\nwithin = "mali"\n'
        'lat = 16.5\nlon = 0.5\nsources = [{ id = "s" }]\n'
    )
    result = run("validate", str(bad), "-f", "json")
    found = {(p["id"], p["field"]): p["message"] for p in json.loads(result.stdout)}
    assert "lies outside the shape of 'gao-region'" in found[("far", "lat")]
    assert found[("loose", "within")].startswith("sits directly under a country")


def test_a_town_and_its_region_never_show_the_same_name(data: m.Dataset) -> None:
    assert data.places["menaka"].label == "Ménaka"
    assert data.places["menaka-region"].label == "Ménaka Region"
    settlements = {p.label for p in data.places.values() if p.kind in shapes.SETTLEMENT_KINDS}
    for p in data.places.values():
        if p.kind in ("region", "area"):
            assert p.label not in settlements, p.id


def test_a_name_meaning_a_town_and_a_region_gives_the_town_and_says_so(
    run: Run, bundled: None, tty: dict[str, str]
) -> None:
    town = run("timeline", "--place", "menaka", "--year", "2022", "--fields", "id")
    region = run("timeline", "--place", "menaka-region", "--year", "2022", "--fields", "id")
    assert set(town.stdout.split()) < set(region.stdout.split())
    assert "barkhane-leaves-menaka-2022" in town.stdout.split()
    shown = run("timeline", "--place", "Ménaka", "--year", "2022", env=tty)
    assert "Ménaka is the town; the Ménaka Region is --place menaka-region" in shown.stdout
    assert geo.namesake_region(data_places(), "gao") == "gao-region"
    assert geo.namesake_region(data_places(), "inates") is None


@pytest.mark.parametrize("by", ["events", "region"])
def test_map_of_a_town_named_like_its_region_says_so_as_timeline_does(
    run: Run, bundled: None, tty: dict[str, str], by: str
) -> None:
    """`timeline --place diffa` said Diffa is the town and how to ask for the region;
    `map --place diffa` drew Diffa and Bosso and said nothing (one path: cli/filters.py)."""
    note = "Diffa is the town; the Diffa Region is --place diffa-region"
    shown = run("map", "--place", "diffa", "--by", by, "--height", "10", "-f", "table", env=tty)
    assert shown.exit_code == 0, shown.stderr
    assert note in shown.stdout.splitlines()
    region = run("map", "--place", "diffa-region", "--by", by, "-f", "table", env=tty)
    assert "is the town" not in region.stdout
    # said once for the town however it is named, and not when the region is asked too
    twice = run("map", "--place", "diffa", "--place", "Diffa", "--by", by, "-f", "table", env=tty)
    assert twice.stdout.splitlines().count(note) == 1
    both = ("--place", "diffa", "--place", "diffa-region")
    assert "is the town" not in run("map", *both, "--by", by, "-f", "table", env=tty).stdout
    assert "is the town" not in run("timeline", *both, "-f", "table", env=tty).stdout
    records = run("map", "--place", "diffa", "-f", "json")  # stdout stays data alone
    # the events at Diffa and Bosso are drawn at Diffa, the place asked for (K10)
    assert [mk["place"] for mk in json.loads(records.stdout)] == ["diffa"]
    assert records.stderr == ""


@pytest.mark.parametrize("suffix", ["svg", "html", "txt"])
@pytest.mark.parametrize("by", ["events", "region"])
def test_a_saved_map_keeps_the_notes_the_terminal_shows(
    run: Run, bundled: None, tty: dict[str, str], tmp_path: Path, suffix: str, by: str
) -> None:
    """`map --place diffa --place boulkessi` says on the terminal that Diffa is the town
    and where Boulkessi's events are drawn; the SVG and HTML exports said neither, so a
    map shared without the terminal lost them. They are below the legend, on the page."""
    town = "Diffa is the town; the Diffa Region is --place diffa-region"
    # the count is the terminal's own (it grows with the data): the export must say the same
    shown = run("map", "--place", "diffa", "--place", "boulkessi", "-f", "table", env=tty)
    [no_point] = [line for line in shown.stdout.splitlines() if "has no point" in line]
    assert no_point.startswith("Boulkessi has no point (place boulkessi says why): its ")
    assert no_point.endswith(" events are drawn at the Mopti Region")
    target = tmp_path / f"map.{suffix}"
    ask = ("map", "--place", "diffa", "--place", "boulkessi", "--by", by)
    assert run(*ask, "--export", str(target)).exit_code == 0
    saved = target.read_text(encoding="utf-8")
    expected = [town] if by == "region" else [town, no_point]  # shaded: no point drawn
    if suffix == "txt":
        lines = saved.splitlines()
        assert all(note in lines for note in expected)
        return
    svg = ET.fromstring(saved[saved.index("<svg") : saved.index("</svg>") + 6])
    legend = next(g for g in svg.iter(f"{SVG}g") if g.get("id") == "legend")
    said = [t for t in legend.iter(f"{SVG}text") if t.get("fill") == "#444444"]
    assert all(note in " ".join(t.text or "" for t in said) for note in expected)
    assert ("has no point" in saved) == (by == "events")
    # every line of the legend is on the page, none wider than it
    assert max(float(t.get("y", 0)) for t in said) + 4 <= float(svg.get("height", 0))
    assert all(len(t.text or "") <= svgmap.NOTE_CHARS for t in said)


def test_a_saved_map_counts_every_country_it_does_not_draw(
    run: Run, bundled: None, tmp_path: Path
) -> None:
    """The SVG's legend named eight countries whose events are not drawn and left the
    rest unsaid (11 on the whole record): what fits on its line, then how many more."""
    target = tmp_path / "map.svg"
    countries = [
        mk for mk in json.loads(run("map", "-f", "json").stdout) if mk["kind"] == "country"
    ]
    assert run("map", "--export", str(target)).exit_code == 0
    head = "Placed only in a country, not drawn (events): "
    (line,) = [
        t.text or "" for t in ET.parse(target).iter(f"{SVG}text") if (t.text or "").startswith(head)
    ]
    listed, _, more = line.removeprefix(head).partition(" and ")
    assert len(listed.split(", ")) + int(more.removesuffix(" more") or 0) == len(countries) > 8


def data_events() -> list[m.Event]:
    return checked_record()[0].events


def data_places() -> dict[str, m.Place]:
    return checked_record()[0].places


def test_places_counts_what_place_filters_find(run: Run, bundled: None) -> None:
    """The events count of `places` is what `--place` finds, inside by shape included."""
    listed = run("places", "--kind", "area", "-f", "json")
    counts = {p["id"]: p["events"] for p in json.loads(listed.stdout)}
    found = run("timeline", "--place", "liptako-gourma", "--fields", "id").stdout.split()
    assert counts["liptako-gourma"] == len(found) > 100


def test_chad_and_mauritania_regions_hold_their_places(data: m.Dataset) -> None:
    # Natural Earth admin-1 outlines for the regions the record has places in.
    for pid in ("lac-province", "hodh-ech-chargui"):
        assert shapes.shape_of(data.places, pid) is not None, pid
    assert {"ngouboua", "bohoma", "dangdala"} <= geo.contained(data.places, "lac-province")
    assert "bassiknou" in geo.contained(data.places, "hodh-ech-chargui")
    # Ngouboua and Bassiknou have points: geometry agrees with what the data declares.
    lac, hodh = shapes.bundled()["lac-province"], shapes.bundled()["hodh-ech-chargui"]
    assert lac.contains(13.5267, 14.0172) and hodh.contains(15.8656, -5.9468)


def test_an_area_card_gives_no_point_other_than_where_the_map_draws_it(
    data: m.Dataset,
) -> None:
    # Liptako-Gourma's card once gave Dori's point while its events were drawn inside the
    # zone's outline, hundreds of kilometres away: a reader had two answers to "where".
    disagree = []
    for p in data.places.values():
        if p.kind in shapes.SETTLEMENT_KINDS or p.kind == "country" or p.lat is None:
            continue
        if shapes.shape_of(data.places, p.id) is None:
            continue
        drawn = mapping.locate(data.places, [p.id])
        assert drawn is not None
        if (round(drawn.lat, 3), round(drawn.lon, 3)) != (round(p.lat, 3), round(p.lon, 3)):
            disagree.append((p.id, (p.lat, p.lon), (drawn.lat, drawn.lon)))
    assert disagree == []


def test_a_town_card_says_how_to_ask_for_its_region_in_every_format(
    run: Run, bundled: None
) -> None:
    """U20: `place mopti` gave the town's 1 event and said nothing of the Mopti Region's
    132; the card now says what timeline's footer says, in each format."""
    said = "Mopti is the town; the Mopti Region is barkhane place mopti-region"
    shown = run("place", "mopti", "--year", "2022", env=terminal(160))
    # the region's id in the card, the command under it (U36: in the card it broke)
    assert "Mopti is the town; the Mopti Region is mopti-region" in shown.stdout
    assert "  the Mopti Region: barkhane place mopti-region" in shown.stdout.splitlines()
    piped = run("place", "mopti", "--year", "2022")
    assert ["see also", said] in rows(piped)
    assert as_json(run("place", "mopti", "-f", "json"))["namesake_region"] == "mopti-region"
    region = run("place", "mopti-region", "--year", "2022")
    assert "see also" not in [r[0] for r in rows(region)]
    assert as_json(run("place", "mopti-region", "-f", "json"))["namesake_region"] is None
