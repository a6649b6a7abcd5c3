"""barkhane map and barkhane on: cells, borders, the SVG, the situation on a day."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import geojson
import pytest
from conftest import FIXTURES, Run, as_json, terminal, watched

from barkhane_cli import mapping, query, store
from barkhane_cli.render import canvas, maps, svgmap

SVG = "{http://www.w3.org/2000/svg}"
GEO = str(FIXTURES / "geo.toml")
BRAILLE = {chr(c) for c in range(0x2801, 0x2900)}


def fixture_map(by: str = "events") -> mapping.MapData:
    data = store.load(())
    return mapping.markers(data, list(query.select(data, query.build_query(data))), by)


def test_a_known_point_lands_in_its_cell() -> None:
    md = fixture_map()
    md.extent = (-10.0, 10.0, 0.0, 20.0)
    grid, drawn = maps.draw(md, 40, 10, ascii_only=False)
    # Worked by hand: 40 columns are 80 dots, 10 rows 40 dots; the box's centre
    # latitude is 15°, so a degree of longitude is cos 15° of one of latitude. Height
    # binds: 4 dots per degree; the 10° box is widened to 80 / (4 cos 15°) = 20.7°
    # of longitude around −5°. Bamako (12.65°N, 8.0°W) is at dot
    # x = (−8 − (−5 − 10.35)) · cos 15° · 4 = 28.4, y = (20 − 12.65) · 4 = 29.4.
    k = math.cos(math.radians(15))
    west = -5 - 80 / (4 * k) / 2
    col = math.floor((-8.0 - west) * k * 4 / 2)
    row = math.floor((20 - 12.65) * 4 / 4)
    assert (col, row) == (14, 7)
    assert drawn.cells["bamako"] == (14, 7)
    assert grid.chars[7][14] in maps.GLYPHS
    assert "Bamako" in maps.grid_text(grid)[7]


def test_the_terminal_shows_the_marker_where_the_grid_has_it(run: Run) -> None:
    env = terminal(40)
    out = run("map", "--bbox", "-10,10,0,20", "--height", "10", env=env)
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0].startswith("barkhane map: 10 events, 2011 to 2022-")  # cut at 40 columns
    assert lines[1 + 7][14] in maps.GLYPHS  # the title line, then row 7
    assert lines[11].startswith("Events per place:")


@pytest.mark.parametrize("country", canvas.geometry()[1], ids=lambda c: c.id)
def test_every_country_in_the_geometry_file_draws(country: canvas.Country) -> None:
    proj = canvas.Projection.fit(country.bbox, 80, 40)
    dots = canvas.Dots(40, 10)
    assert country.id in canvas.draw_borders(dots, proj)
    alone = canvas.Dots(40, 10)
    canvas.draw_country(alone, proj, country)
    # An outline filling its own box touches every edge of the canvas region it fits.
    lit = {(i % 40, i // 40) for i, b in enumerate(alone.bits) if b}
    assert len(lit) >= 8
    assert {c for c, _ in lit} >= {min(c for c, _ in lit), max(c for c, _ in lit)}


def test_the_geometry_file_names_its_source_and_the_sahel() -> None:
    notes, countries = canvas.geometry()
    assert "Natural Earth" in notes["source"] and "public domain" in notes["licence"]
    ids = {c.id for c in countries}
    assert {"mali", "burkina-faso", "niger", "mauritania", "algeria", "chad"} <= ids
    mali = next(c for c in countries if c.id == "mali")
    west, south, east, north = mali.bbox
    # Mali spans about 12.2°W–4.3°E, 10.1°N–25.0°N.
    assert (round(west), round(east), round(south), round(north)) == (-12, 4, 10, 25)


def test_ascii_fallback_has_no_braille(run: Run) -> None:
    env = terminal(80)
    out = run("map", "--ascii", "--height", "12", env=env)
    assert out.exit_code == 0
    assert not BRAILLE & set(out.stdout)
    assert "Events per place: o 1" in out.stdout
    braille = run("map", "--height", "12", env=env)
    assert BRAILLE & set(braille.stdout)


def test_svg_has_one_path_per_country_and_one_circle_per_place(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    out = run("map", "--export", str(target), "-f", "json")
    assert out.exit_code == 0 and out.stderr == f"wrote {target}\n"
    markers = json.loads(out.stdout)
    root = ET.parse(target).getroot()
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    paths = [p.get("id") for p in groups["countries"].iter(f"{SVG}path")]
    md = fixture_map()
    proj = svgmap.projection(md)
    expected = [c.id for c in canvas.geometry()[1] if canvas.overlaps(c.bbox, proj.extent)]
    assert paths == [f"country-{c}" for c in expected]
    assert {"country-mali", "country-niger", "country-burkina-faso"} <= set(paths)
    circles = [c.get("id") for c in groups["markers"].iter(f"{SVG}circle")]
    drawn = [mk["place"] for mk in markers if mk["kind"] != "country"]
    assert sorted(circles) == sorted(f"place-{p}" for p in drawn)
    assert "equirectangular" in (root.find(f"{SVG}desc").text or "")


def test_svg_country_names_keep_off_the_labels_and_circles(run: Run, tmp_path: Path) -> None:
    """Seen as a picture, Ouagadougou's label was drawn across BURKINA FASO: a country's
    name moves a line up or down, or is left out, where a label or a circle is."""
    target = tmp_path / "map.svg"
    assert run("map", "--export", str(target)).exit_code == 0
    root = ET.parse(target).getroot()
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}

    def box(t: ET.Element, per_char: float, anchor: str) -> tuple[float, float, float, float]:
        x, y, wide = float(t.get("x", 0)), float(t.get("y", 0)), per_char * len(t.text or "")
        x0 = {"start": x, "end": x - wide, "middle": x - wide / 2}[t.get("text-anchor", anchor)]
        return (x0, y - 10, x0 + wide, y + 2)

    # 11px capitals a pixel apart, centred; 12px labels
    names = [box(t, 9.0, "middle") for t in groups["country-names"].iter(f"{SVG}text")]
    labels = [box(t, 6.6, "start") for t in groups["labels"].iter(f"{SVG}text")]
    for c in groups["markers"].iter(f"{SVG}circle"):
        x, y, r = (float(c.get(k, 0)) for k in ("cx", "cy", "r"))
        labels.append((x - r, y - r, x + r, y + r))
    assert names and labels
    for a in names:
        for b in labels:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)


def _close_places(tmp_path: Path) -> Path:
    """Zyzz, a town of four events, with a village of one a few pixels east and another
    west of it: Algiers between Cherchell and Isser (U26)."""
    data = tmp_path / "close.toml"
    text = ""
    for ident, lon, n in (("zyzz", 0.0, 4), ("zyzz-east", 0.45, 1), ("zyzz-west", -0.85, 1)):
        name = ident.replace("-", " ").title()
        text += (
            f'[[places]]\nid = "{ident}"\nname = "{name}"\nkind = "town"\nlat = 16.0\n'
            f'lon = {lon}\nwithin = "timbuktu"\nsources = [{{ id = "ref-a" }}]\n\n'
        )
        for i in range(n):
            text += (
                f'[[events]]\nid = "{ident}-{i}"\ndate = "2015-0{i + 1}-01"\n'
                f'title = "Raid {i} at {name}"\nsummary = "S."\ntype = "attack"\n'
                f'places = ["{ident}"]\nsources = [{{ id = "ref-a" }}]\n\n'
            )
    data.write_text(text, encoding="utf-8")
    return data


@pytest.mark.parametrize("suffix", ["svg", "html"])
def test_svg_labels_sit_beside_their_own_circle_never_on_another(
    run: Run, tmp_path: Path, suffix: str
) -> None:
    """U26: at Algiers the bold "Algiers" sat on Isser's dot and "Isser" across Algiers'
    circle: circles were kept off only after every label was placed. A label covers no
    circle, and the circle nearest it is its own place's (or it is left out)."""
    target = tmp_path / f"map.{suffix}"
    data = _close_places(tmp_path)
    result = run("map", "--data", str(data), "--search", "zyzz", "--export", str(target))
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    root = ET.fromstring(page[page.index("<svg ") : page.index("</svg>") + 6])
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    circles = {}
    for c in groups["markers"].iter(f"{SVG}circle"):
        name = (c.findtext(f"{SVG}title") or "").split(":")[0]
        circles[name] = tuple(float(c.get(k, 0)) for k in ("cx", "cy", "r"))
    assert {"Zyzz", "Zyzz East", "Zyzz West"} <= set(circles)
    labelled = set()
    for t in groups["labels"].iter(f"{SVG}text"):
        x, y, wide = float(t.get("x", 0)), float(t.get("y", 0)), 6.6 * len(t.text or "")
        x0 = {"start": x, "end": x - wide, "middle": x - wide / 2}[t.get("text-anchor", "start")]
        box = (x0, y - 10, x0 + wide, y + 2)

        def gap(circle: tuple[float, ...], box: tuple[float, ...] = box) -> float:
            cx, cy, r = circle
            dx = max(box[0] - cx, 0.0, cx - box[2])
            dy = max(box[1] - cy, 0.0, cy - box[3])
            return math.hypot(dx, dy) - r

        for name, circle in circles.items():
            assert gap(circle) > 0, (t.text, "covers", name)
        if t.text in circles:
            labelled.add(t.text)
            assert min(circles, key=lambda n: gap(circles[n])) == t.text
    assert (
        "Zyzz" in labelled
    )  # the busiest place keeps its label: above, where both sides are taken


def test_terminal_labels_are_nearer_their_own_marker_than_another(run: Run, tmp_path: Path) -> None:
    """U26 at the terminal: Zyzz's label fitted right of its marker with one blank
    before Zyzz East's dot, "█ Zyzz • Zyzz East", as near that dot as its own: it goes
    left of its own marker, where nothing else is as near."""
    data = _close_places(tmp_path)
    args = ("--search", "zyzz", "--bbox", "-1.5,15.5,1.5,16.5", "--height", "9")
    result = run("map", "--data", str(data), *args, env=terminal(80))
    assert result.exit_code == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if "Zyzz East" in line]
    assert line.split() == ["Zyzz", "West", "•", "Zyzz", "█", "•", "Zyzz", "East"]


def test_html_wraps_the_same_svg(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    assert run("map", "--export", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg ") == 1


def test_every_export_of_the_map_lists_what_is_off_it(run: Run, tmp_path: Path) -> None:
    """U25: `map --tag hostages --export m.svg` left In Amenas, north of the Sahel's
    frame, out without a word, while the .txt export said "Off the map: In Amenas ... 1".
    One list of notes, the same in the terminal drawing, the SVG and the HTML page."""
    data = tmp_path / "far.toml"
    data.write_text(
        '[[places]]\nid = "zyzz-gasfield"\nname = "Zyzz gas field"\nkind = "town"\n'
        'lat = 27.9\nlon = 9.1\nwithin = "timbuktu"\nsources = [{ id = "ref-a" }]\n\n'
        '[[events]]\nid = "zyzz-siege"\ndate = "2013-01-16"\ntitle = "A siege far north"\n'
        'summary = "S."\ntype = "attack"\nplaces = ["zyzz-gasfield"]\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    notes = {}
    for suffix in ("txt", "svg", "html"):
        target = tmp_path / f"map.{suffix}"
        result = run("map", "--data", str(data), "--export", str(target), env=terminal(100))
        assert result.exit_code == 0, result.stderr
        text = target.read_text(encoding="utf-8")
        if suffix != "txt":
            text = "\n".join(re.findall(r"<text [^>]*>([^<]*)</text>", text))
            assert 'id="place-zyzz-gasfield"' not in target.read_text(encoding="utf-8")
            assert 'id="place-timbuktu"' in target.read_text(encoding="utf-8")
        notes[suffix] = [
            line.strip()
            for line in text.splitlines()
            if line.strip().startswith(("Off the map", "Placed only in a country"))
        ]
    assert notes["txt"] == notes["svg"] == notes["html"]
    assert "Off the map (events): Zyzz gas field 1" in notes["svg"]


def test_markers_by_deaths_and_geojson(run: Run) -> None:
    rows = json.loads(run("map", "--by", "deaths", "-f", "json").stdout)
    ouaga = next(r for r in rows if r["place"] == "ouagadougou")
    assert (ouaga["events"], ouaga["deaths"]) == (1, 30)
    assert rows[0]["place"] == "ouagadougou"  # heaviest first
    doc = geojson.loads(run("map", "-f", "geojson").stdout)
    assert doc.is_valid
    assert {f["id"] for f in doc["features"]} == {r["place"] for r in rows}


def test_map_takes_timeline_filters(run: Run) -> None:
    out = run("map", "--data", GEO, "--since", "2019", "--until", "2019", "-f", "json")
    (row,) = json.loads(out.stdout)
    assert (row["place"], row["approximate"], row["event_ids"]) == (
        "gao-region",
        True,
        ["village-attack"],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--by", "wounded"],
            "barkhane: --by 'wounded': give events, deaths, region or region-deaths\n",
        ),
        (
            ["--bbox", "1,2,3"],
            "barkhane: --bbox '1,2,3': give west,south,east,north in degrees, e.g. -12,10,5,20\n",
        ),
        (
            ["--bbox", "5,10,-5,20"],
            "barkhane: --bbox '5,10,-5,20': need west < east within ±180 and south < north within ±85\n",
        ),
    ],
)
def test_bad_map_options(run: Run, args: list[str], message: str) -> None:
    out = run("map", *args)
    assert (out.exit_code, out.stderr) == (2, message)


# --- on DATE, on the bundled data ----------------------------------------------------------


@pytest.fixture
def august_2020(bundled: None, run: Run) -> dict:
    """`on` the day of the 2020 coup, from the record's store. A module's fixture read the
    record uncached (BARKHANE_CACHE=0, before the run's cache was set) in whichever worker
    its module fell, not marked as a test of the record: it checked the whole record again
    there (~1.3 s); through `bundled` these tests sort with the record's and read its store."""
    out = run("on", "2020-08-18", "-f", "json")
    assert out.exit_code == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_on_the_coup_day_lists_the_eras_in_place(august_2020: dict) -> None:
    eras = {e["id"]: e for e in august_2020["eras"]}
    assert {"barkhane", "minusma", "presidency-keita"} <= set(eras)
    assert (eras["presidency-keita"]["end"], eras["presidency-keita"]["ends"]) == (
        "2020-08-18",
        True,
    )
    assert not eras["barkhane"]["ends"]


def test_on_the_coup_day_lists_who_led_mali(august_2020: dict) -> None:
    mali = next(c for c in august_2020["leaders"] if c["country"] == "mali")
    by_id = {p["id"]: p for p in mali["leaders"]}
    assert by_id["ibrahim-boubacar-keita"]["ends"] is True
    assert by_id["assimi-goita"]["begins"] is True


def test_on_the_coup_day_has_the_coup_and_the_troops_in_force(august_2020: dict) -> None:
    assert "coup-2020-08" in [e["id"] for e in august_2020["events"]]
    french = [f for f in august_2020["figures"] if f["figure"] == "French forces: strength, Sahel"]
    # Barkhane after the reinforcement decided at Pau: 5,100, last stated in June 2020
    # (AFP's review of the forces after Droukdel's death).
    assert {(f["value"], f["as_of"], f["unit"]) for f in french} == {(5100, "2020-06", "troops")}
    assert "barkhane-troops-2020-06" in {f["id"] for f in french}
    minusma = [f for f in august_2020["figures"] if f["figure"] == "MINUSMA: strength, Mali"]
    assert [(f["value"], f["as_of"]) for f in minusma] == [(13000, "2020-06")]
    assert august_2020["in_record"] is True and august_2020["note"] is None


def test_on_a_date_outside_the_record_says_so(run: Run) -> None:
    out = run("on", "2030-01-01", "-f", "json")
    doc = json.loads(out.stdout)
    assert out.exit_code == 0 and doc["in_record"] is False
    assert doc["note"].startswith("2030-01-01 is after the record, which ends on 2022-11-09")
    before = run("on", "1990", "-f", "plain")
    assert before.stdout.splitlines()[:2] == [
        "date\t1990",
        "note\t1990 is before the record, which starts in 2011: nothing to show but what began earlier",
    ]


@pytest.mark.parametrize(
    ("given", "option"),
    [
        (("--height", "12"), "--height"),
        (("--ascii",), "--ascii"),
        # --height named before --ascii, whatever their order, in any format
        (("--ascii", "--height", "12", "-f", "json"), "--height"),
    ],
)
def test_on_refuses_a_map_option_without_full(
    run: Run, given: tuple[str, ...], option: str
) -> None:
    """K44: the one screen has no map (K42), and `on DATE --height 12` drew it as if the
    option were not there, saying nothing; with --full the option draws the map."""
    result = run("on", "2013-01-20", *given, env=terminal(80))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"barkhane: {option} does not apply to on's one screen, which has no map; "
        "give --full for the whole page and its map\n",
    )
    drawn = run("on", "2013-01-20", "--full", "--no-pager", *given[:3], env=terminal(80))
    assert drawn.exit_code == 0, drawn.stderr
    assert "Borders: Natural Earth 1:50m; equirectangular at 14.8°N" in drawn.stdout.splitlines()


@pytest.mark.parametrize("fmt", [(), ("-f", "plain"), ("-f", "json"), ("-f", "geojson")])
def test_on_full_takes_the_map_options_where_no_map_is_drawn_as_map_does(
    run: Run, tmp_path: Path, fmt: tuple[str, ...]
) -> None:
    """K45: piped or in a format other than table, `on DATE --full --height 12 --ascii`
    draws no map, and the options did nothing unsaid. The project takes display options
    there as map does (`map --height 12 -f json`, `timeline --wide` piped), so one command
    line serves a terminal and a script; on --help says so, and --export FILE.txt, which
    draws the page, uses them."""
    given = run("on", "2013-01-20", "--full", "--height", "6", "--ascii", *fmt)
    plain = run("on", "2013-01-20", *fmt)
    assert (given.exit_code, given.stderr) == (0, "")
    assert given.stdout == plain.stdout != ""
    mapped = run("map", "--height", "6", "--ascii", "--year", "2013", *fmt)
    assert (mapped.exit_code, mapped.stdout) == (0, run("map", "--year", "2013", *fmt).stdout)
    helped = " ".join(run("on", "--help", env={"COLUMNS": "100"}).stdout.split())
    assert (
        "--height and --ascii draw the map, which only --full has; piped or in a --format "
        "other than table they do nothing, as map's, but in --export FILE.txt."
    ) in helped
    short, tall = tmp_path / "short.txt", tmp_path / "tall.txt"
    for path, height in ((short, "6"), (tall, "30")):
        saved = run("on", "2013-01-20", "--full", "--height", height, "--export", str(path), *fmt)
        assert saved.exit_code == 0, saved.stderr
    assert len(short.read_text().splitlines()) < len(tall.read_text().splitlines())


def test_on_closes_its_figures_with_how_many_others_were_known_and_how_to_list_them(
    run: Run,
) -> None:
    """U16: `on DATE` shows one figure per headline series and said nothing of the
    others. The fixture's Wagner figure (2022) is in no such series."""
    env = terminal(100)
    line = "1 other figure was known by then: barkhane facts --until 2022-06-01"
    table = run("on", "2022-06-01", "--full", "--no-pager", env=env).stdout
    assert line in [row.strip() for row in table.splitlines()]
    doc = json.loads(run("on", "2022-06-01", "-f", "json").stdout)
    assert doc["other_figures"] == {"count": 1, "command": "barkhane facts --until 2022-06-01"}
    listed = json.loads(run("facts", "--until", "2022-06-01", "-f", "json").stdout)
    shown = {f["id"] for f in doc["figures"]}
    assert [f["id"] for f in listed if f["id"] not in shown] == ["wagner-size"]
    # none other known by the end of 2020: no line
    assert "other figure" not in run("on", "2020-12-31", "--full", "--no-pager", env=env).stdout


# A figure of no headline series (the fixture marks none: French forces, MINUSMA and
# displacement are), known in 2011, before any of those series begins.
EARLY_FIGURE = """
[[facts]]
id = "early-deaths"
label = "Deaths in northern Mali"
value = 40
unit = "people"
as_of = "2011"
scope = "Mali"
category = "casualties"
sources = [{ id = "ref-a" }]
"""


def test_on_says_other_figures_were_known_when_no_headline_figure_is_shown(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The closing line was printed only after figure rows: with none ("none recorded")
    the figure known by then went unsaid, though JSON counted it."""
    monkeypatch.chdir(tmp_path)  # the file named short, as the follow-up gives it
    data = Path("early.toml")
    data.write_text(EARLY_FIGURE)
    env = terminal(120)
    lines = run(
        "on", "2012-06", "--data", str(data), "--full", "--no-pager", env=env
    ).stdout.splitlines()
    at = lines.index(
        "Latest figures (no figure is marked headline: French forces, MINUSMA, displacement)"
    )
    assert lines[at + 1] == (
        "  no headline figure yet; 1 figure was known by then: "
        "barkhane facts --data early.toml --until 2012-06"
    )
    assert lines[at + 2].startswith("Events ")
    doc = json.loads(run("on", "2012-06", "--data", str(data), "-f", "json").stdout)
    assert (doc["figures"], doc["other_figures"]["count"]) == ([], 1)


def test_on_piped_has_a_row_of_the_other_figures(run: Run) -> None:
    """JSON had other_figures and the terminal its closing line; piped output had neither."""
    piped = run("on", "2022-06-01").stdout.splitlines()
    assert "other-figures\t1\tbarkhane facts --until 2022-06-01" in piped
    # after the figures, before the events
    kinds = [line.split("\t")[0] for line in piped]
    at = kinds.index("other-figures")
    assert kinds[at - 1] == "figure" and set(kinds[at + 1 :]) <= {"event"}
    # none other known by the end of 2020: no row
    assert "other-figures" not in run("on", "2020-12-31", "-f", "plain").stdout


# Two series of one category and area, told apart by their unit alone (the record's
# Africa Center counts of violent events and of deaths in the Sahel), marked headline.
TWO_UNITS = """
[[facts]]
id = "sahel-events-2020"
label = "Violent events in the Sahel, 2020"
value = 2400
unit = "events"
as_of = "2020"
scope = "Sahel"
category = "violence"
headline = "A whole-year count"
sources = [{ id = "ref-a" }]

[[facts]]
id = "sahel-deaths-2020"
label = "Deaths in violent events in the Sahel, 2020"
value = 6200
unit = "deaths"
as_of = "2020"
scope = "Sahel"
category = "violence"
headline = "A whole-year toll"
sources = [{ id = "ref-a" }]
"""


def test_on_shows_one_figure_of_each_series_that_shares_a_label(run: Run, tmp_path: Path) -> None:
    """Two series whose label is the same ("Violence: Sahel") and whose unit is not are
    two series (briefing.figure_kind): the one screen's latest_figures kept the first by
    label and dropped the other, which `summary` shows, and --full read them as one
    figure, "6,200 or 2,400" (RR31)."""
    data = tmp_path / "units.toml"
    data.write_text(TWO_UNITS)
    doc = json.loads(run("on", "2021-06", "--data", str(data), "-f", "json").stdout)
    assert sorted(doc["latest_figures"]) == ["sahel-deaths-2020", "sahel-events-2020"]
    screen = run("on", "2021-06", "--data", str(data), "--no-pager", env=terminal(100))
    assert ["6,200" in screen.stdout, "2,400" in screen.stdout] == [True, True]
    # --full: a line each, not "6,200 or 2,400", two sources' readings of one figure
    page = run("on", "2021-06", "--data", str(data), "--full", "--no-pager", env=terminal(200))
    said = [" ".join(line.split()) for line in page.stdout.splitlines() if "Sahel: " in line]
    assert said == [
        "• Violence: Sahel: 6,200 as of 2020 (Deaths in violent events in the Sahel, 2020)",
        "• Violence: Sahel: 2,400 as of 2020 (Violent events in the Sahel, 2020)",
    ]


def test_on_says_which_countries_of_its_events_have_no_leader_recorded(run: Run) -> None:
    """`on` listed leaders only where `leader-of` affiliations exist: a country with events
    in the window and none recorded went unsaid. The fixture's attack at Ouagadougou (15
    January 2016) is in Burkina Faso, whose leaders it does not record. Nor does it hold
    the country as a place: it is named as Ouagadougou's `country` writes it (`on 2022`
    listed the bundled record's Qatar, named only on Doha, as "qatar"), its id kept. Mali,
    whose leaders the fixture records up to March 2012 and from May 2021, none on the day,
    is listed too (U30: Côte d'Ivoire went unsaid on 1 March 2011)."""
    env = terminal(100)
    lines = run("on", "2016-01-15", "--full", "--no-pager", env=env).stdout.splitlines()
    at = lines.index("Leaders")
    assert lines[at + 1] == "  no leader recorded for: Mali, Burkina Faso"
    doc = json.loads(run("on", "2016-01-15", "-f", "json").stdout)
    assert doc["no_leader_recorded"] == [
        {"country": "mali", "name": "Mali"},
        {"country": "burkina-faso", "name": "Burkina Faso"},
    ]
    assert "no-leader\tburkina-faso\tBurkina Faso" in run("on", "2016-01-15").stdout.splitlines()
    # Mali's president is recorded on the day of Bamako's event (March 2012): no line
    assert json.loads(run("on", "2012-03", "-f", "json").stdout)["no_leader_recorded"] == []
    assert "no leader" not in run("on", "2012-03", "--full", "--no-pager", env=env).stdout


def test_on_keeps_the_command_listing_the_other_figures_on_one_line(run: Run) -> None:
    """At 80 columns `on 2030-01-01` wrapped the command, its "--aftermath" beginning the
    next line at column 0: a command to copy must stay whole, on a line of its own."""
    env = terminal(60)
    lines = run("on", "2022-06-01", "--full", "--no-pager", env=env).stdout.splitlines()
    at = lines.index("  1 other figure was known by then:")
    assert lines[at + 1] == "    barkhane facts --until 2022-06-01"


def test_on_window_and_bad_input(run: Run) -> None:
    doc = json.loads(run("on", "2020-08-18", "--window", "2w", "-f", "json").stdout)
    assert doc["window"] == {"days": 14, "start": "2020-08-04", "end": "2020-09-01"}
    assert run("on", "2020-08-18", "--window", "soon").stderr == (
        "barkhane: --window 'soon': give a length like 30d, 2w or 3m\n"
    )
    bad = run("on", "someday")
    assert bad.exit_code == 2 and bad.stderr.startswith("barkhane: DATE: ")


def test_the_title_says_the_date_filter_not_the_span_of_the_events(run: Run) -> None:
    """Serval (2013-01-11 .. 2014-07-15) is 2013's one event: a map of --year 2013 is
    titled 2013, not "2013-01-11 to 2014-07-15"; without a date filter the span is given."""
    env = terminal(100)
    year = run("map", "--year", "2013", env=env)
    assert year.stdout.splitlines()[0] == "barkhane map: 1 event, 2013"
    window = run("map", "--since", "2013-01", "--until", "2013-06", env=env)
    assert window.stdout.splitlines()[0] == "barkhane map: 1 event, 2013-01 to 2013-06"
    since = run("map", "--since", "2021", env=env)
    assert since.stdout.splitlines()[0].startswith("barkhane map: ")
    assert ", since 2021" in since.stdout.splitlines()[0]
    whole = run("map", env=env)
    assert whole.stdout.splitlines()[0] == "barkhane map: 10 events, 2011 to 2022-11-09"


def test_an_event_at_a_place_with_no_position_is_said_not_drawn(run: Run, tmp_path: Path) -> None:
    # It names a place (a forest on a border, as Foulsaré is): not "names no place".
    data = tmp_path / "forest.toml"
    data.write_text(
        '[[places]]\nid = "mali"\nname = "Mali"\nkind = "country"\nsources = [{ id = "ref-a" }]\n\n'
        '[[places]]\nid = "burkina-faso"\nname = "Burkina Faso"\nkind = "country"\n'
        'sources = [{ id = "ref-a" }]\n\n'
        '[[places]]\nid = "zyzz-forest"\nname = "Zyzz forest"\nkind = "area"\n'
        'countries = ["mali", "burkina-faso"]\n'
        'sources = [{ id = "ref-a" }]\n\n'
        '[[events]]\nid = "zyzz"\ndate = "2017-04-29"\ntitle = "A strike in a forest"\n'
        'summary = "S."\ntype = "operation"\nplaces = ["zyzz-forest"]\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    tty = terminal(100)
    result = run("map", "--data", str(data), "--search", "zyzz", env=tty)
    assert result.exit_code == 0, result.stderr
    assert "1 event at no place with a known position: not drawn" in result.stdout


def test_a_country_only_marker_has_no_point_anywhere(run: Run, tmp_path: Path) -> None:
    """U8: the maps list events known only by their country, but JSON gave the marker
    the country's centre (approximate: false) and GeoJSON a Point there, which a GIS
    plots; and the footer said "regions at their centre" with only villages drawn."""
    data = tmp_path / "countrywide.toml"
    data.write_text(
        '[[places]]\nid = "mali"\nname = "Mali"\nkind = "country"\nlat = 17.0\nlon = -4.0\n'
        'sources = [{ id = "ref-a" }]\n\n'
        '[[places]]\nid = "zyzz-village"\nname = "Zyzz"\nkind = "village"\nlat = 14.5\n'
        'lon = -4.2\ncountries = ["mali"]\nsources = [{ id = "ref-a" }]\n\n'
        '[[events]]\nid = "zyzz-1"\ndate = "2017-04-29"\ntitle = "Zyzz in the village"\n'
        'summary = "S."\ntype = "operation"\nplaces = ["zyzz-village"]\nsources = [{ id = "ref-a" }]\n\n'
        '[[events]]\nid = "zyzz-2"\ndate = "2017-04-30"\ntitle = "Zyzz somewhere in Mali"\n'
        'summary = "S."\ntype = "operation"\nplaces = ["mali"]\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    ask = ("map", "--data", str(data), "--search", "zyzz")
    markers = {mk["place"]: mk for mk in json.loads(run(*ask, "-f", "json").stdout)}
    assert (markers["mali"]["lat"], markers["mali"]["lon"]) == (None, None)
    assert (markers["zyzz-village"]["lat"], markers["zyzz-village"]["lon"]) == (14.5, -4.2)
    rows = {
        r.split("\t")[0]: r.split("\t")[3:5] for r in run(*ask, "-f", "plain").stdout.splitlines()
    }
    assert rows == {"mali": ["", ""], "zyzz-village": ["14.5", "-4.2"]}
    shapes = {
        f["id"]: f["geometry"]["type"]
        for f in json.loads(run(*ask, "-f", "geojson").stdout)["features"]
    }
    assert shapes == {"zyzz-village": "Point", "mali": "MultiPolygon"}
    tty = terminal(100)
    footer = run(*ask, env=tty).stdout
    assert "1 event at 1 place\n" in footer
    assert "Placed only in a country, not drawn (events): Mali 1" in footer


def test_a_settlement_with_no_point_says_where_its_events_are_drawn(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U15: `map --place boulkessi` drew Boulkessi's events at the Mopti Region's central
    point and said only "regions and areas at a central point". Its event that names a
    place with a point (as Mondoro) is drawn there and not counted."""
    data = tmp_path / "camp.toml"
    place = 'sources = [{ id = "ref-a" }]\n\n[[places]]\n'
    event = 'summary = "S."\ntype = "attack"\nsources = [{ id = "ref-a" }]\n\n[[events]]\n'
    data.write_text(
        '[[places]]\nid = "mali"\nname = "Mali"\nkind = "country"\n' + place
        + 'id = "zyzz-region"\nname = "Zyzz Region"\nkind = "region"\nwithin = "mali"\n'
        'lat = 15.0\nlon = -2.0\n' + place
        + 'id = "zyzz-camp"\nname = "Zyzz Camp"\nkind = "base"\nwithin = "zyzz-region"\n'
        'unlocated = "no gazetteer has it"\n' + place
        + 'id = "zyzz-town"\nname = "Zyzz Town"\nkind = "town"\nwithin = "zyzz-region"\n'
        'lat = 14.5\nlon = -1.5\nsources = [{ id = "ref-a" }]\n\n[[events]]\n'
        'id = "camp-1"\ndate = "2019-01-01"\ntitle = "Camp attacked"\nplaces = ["zyzz-camp"]\n'
        + event + 'id = "camp-2"\ndate = "2019-02-01"\ntitle = "Camp attacked again"\n'
        'places = ["zyzz-camp"]\n' + event + 'id = "camp-and-town"\ndate = "2019-03-01"\n'
        'title = "Camp and town attacked"\nplaces = ["zyzz-camp", "zyzz-town"]\n'
        'summary = "S."\ntype = "attack"\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )  # fmt: skip
    note = "Zyzz Camp has no point (place zyzz-camp says why): its 2 events are drawn at the Zyzz Region"
    ask = ("map", "--data", str(data), "--place", "zyzz camp")
    tty = terminal(100)
    shown = run(*ask, "--height", "10", env=tty)
    assert shown.exit_code == 0, shown.stderr
    assert note in shown.stdout.splitlines()
    # other formats: the records alone on stdout, the note on a watched stderr
    told = watched(monkeypatch)
    records = run(*ask, "-f", "json")
    assert {mk["place"]: mk["event_ids"] for mk in json.loads(records.stdout)} == {
        "zyzz-region": ["camp-1", "camp-2"],
        "zyzz-town": ["camp-and-town"],
    }
    assert told == [f"2 markers; {note}"]
    # the town has a point: nothing to say
    assert "has no point" not in run(*ask[:-1], "zyzz-town", env=tty).stdout


_ACROSS = """
[[places]]
id = "mali"
name = "Mali"
kind = "country"
sources = [{ id = "ref-a" }]

[[places]]
id = "burkina-faso"
name = "Burkina Faso"
kind = "country"
sources = [{ id = "ref-a" }]

[[places]]
id = "zyzz-region"
name = "Zyzz Region"
kind = "region"
within = "mali"
lat = 15.0
lon = -3.0
sources = [{ id = "ref-a" }]

[[places]]
id = "zyzz-camp"
name = "Zyzz Camp"
kind = "base"
within = "zyzz-region"
unlocated = "no gazetteer has it"
sources = [{ id = "ref-a" }]

[[places]]
id = "yonder"
name = "Yonder"
kind = "village"
within = "burkina-faso"
lat = 14.4
lon = -1.55
sources = [{ id = "ref-a" }]

[[events]]
id = "joint-operation"
date = "2018-01-15"
title = "A joint operation either side of the border"
summary = "S."
type = "operation"
places = ["zyzz-camp", "yonder"]
sources = [{ id = "ref-a" }]
"""


def test_a_listing_by_place_gives_the_point_within_it(run: Run, tmp_path: Path) -> None:
    """U17: `timeline --place mopti-region -f csv` put the G5's Pagnali operation (at
    Boulkessi, in the Mopti Region with no point of its own, and Nassoumbou in Burkina
    Faso) at Nassoumbou: a pandas map of Mopti plotted it outside the region."""
    data = tmp_path / "across.toml"
    data.write_text(_ACROSS, encoding="utf-8")
    fields = ("--fields", "id,latitude,longitude,point_of", "-f", "csv")
    day = ("--since", "2018-01-15", "--until", "2018-01-15")
    listed = ("timeline", "--data", str(data), *day, *fields)
    # unfiltered, the event is where it is most precisely known: Yonder's own point
    assert run(*listed).stdout.splitlines()[1] == "joint-operation,14.4,-1.55,yonder"
    inside = "joint-operation,15,-3,zyzz-region"  # the camp's, at its region's point
    for where in (("--place", "zyzz-region"), ("--place", "zyzz camp"), ("--country", "mali")):
        assert run(*listed, *where).stdout.splitlines()[1] == inside, where
        record = as_json(run("timeline", "--data", str(data), *day, *where, "-f", "json"))[0]
        assert (record["latitude"], record["point_of"]) == (15.0, "zyzz-region"), where
        shape = json.loads(run(*listed[:-4], *where, "-f", "geojson").stdout)["features"][0]
        assert (shape["geometry"]["coordinates"], shape["properties"]["point_of"]) == (
            [-3.0, 15.0],  # the region's geometry (it has no outline: its point)
            "zyzz-region",
        ), where
        drawn = json.loads(run("map", "--data", str(data), *day, *where, "-f", "json").stdout)
        assert [(mk["place"], mk["event_ids"]) for mk in drawn] == [
            ("zyzz-region", ["joint-operation"])
        ], where
    # the place's own card lists its events so too
    card = as_json(run("place", "zyzz-region", "--data", str(data), *day, "-f", "json"))
    assert [(e["id"], e["point_of"]) for e in card["events"]] == [
        ("joint-operation", "zyzz-region")
    ]
    # shaded by region, the event lies where it is drawn: not in Yonder's region
    shades = run("map", "--data", str(data), *day, "--by", "region", "-f", "csv")
    assert shades.stdout.splitlines()[1:] == ["sahel-region-bf,Sahel,1,0"]
    ask = ("--place", "zyzz-region", "--by", "region", "-f", "csv")
    shades = run("map", "--data", str(data), *day, *ask)
    assert shades.stdout.splitlines() == ["region,name,events,deaths"], shades.stdout
    # a place of the event's within the filter, and Yonder is its one with a point
    assert run(*listed, "--place", "yonder").stdout.splitlines()[1].endswith(",yonder")
    assert run(*listed, "--country", "burkina").stdout.splitlines()[1].endswith(",yonder")


def _svg_title(run: Run, target: Path, *args: str) -> tuple[str, list[str]]:
    """The exported map's title, whole (<title>) and as drawn (the band's lines of text)."""
    out = run("map", *args, "--export", str(target), "-f", "json")
    assert out.exit_code == 0, out.stderr
    root = ET.parse(target).getroot()
    band = [t.text or "" for t in root.findall(f"{SVG}text") if float(t.get("y", 0)) < svgmap.TOP]
    return root.find(f"{SVG}title").text or "", band  # type: ignore[union-attr]


@pytest.mark.usefixtures("bundled")
def test_the_map_title_names_its_filters(run: Run, tmp_path: Path) -> None:
    """U17: the SVG map of --country burkina was titled "(countries burkina)", the words
    typed; the title says every filter by name, as the chart's "in Burkina Faso" does."""
    target = tmp_path / "map.svg"
    ask = ("--country", "burkina", "--year", "2018", "--actor", "jnim", "--type", "Attack")
    title, _ = _svg_title(run, target, *ask)
    assert title.endswith(", 2018 (in Burkina Faso; actor JNIM; type attack)"), title
    title, band = _svg_title(
        run, target, "--place", "mopti-region", "--place", "Boulkessi", "--country", "ML",
        "--perpetrator", "isgs", "--target", "minusma", "--tag", "peacekeepers",
        "--not-tag", "army-claim", "--search", "camp", "--aftermath",
    )  # fmt: skip
    assert title.endswith(
        "(in the Mopti Region or Boulkessi; in Mali; by ISGS; against MINUSMA; "
        'tag peacekeepers; not tag army-claim; words "camp"; with the aftermath)'
    ), title
    # too long for one line across the page: two smaller lines in the title's band
    assert len(band) == 2 and " ".join(band) == title, band
    assert all(len(line) <= svgmap.TITLE_SMALL_CHARS for line in band)
    # a date typed in French is written as ISO; --year within --since says both
    title, _ = _svg_title(run, target, "--year", "2019", "--since", "1er juin 2019")
    assert title.startswith("barkhane map: ") and ", 2019, since 2019-06-01" in title, title


@pytest.mark.usefixtures("bundled")
def test_the_map_title_names_countries_in_the_order_given(run: Run, tmp_path: Path) -> None:
    """K52: every --country is named by one namer (geo.country_namer), in the order typed,
    not the ids' sorted order, and a country given twice (by two names) once."""
    ask = ("--country", "niger", "--country", "BF", "--country", "NER", "--year", "2019")
    title, _ = _svg_title(run, tmp_path / "map.svg", *ask)
    assert title.endswith(", 2019 (in Niger or Burkina Faso)"), title


def test_on_exported_as_svg_holds_what_the_terminal_shows(run: Run, tmp_path: Path) -> None:
    """U19: `on "9 novembre 2022" --export on.svg` held only the window's map, titled
    "barkhane on 2022-11-09: events …"; eras, leaders, figures and events were in the
    .txt export alone. The SVG holds what the terminal shows, titled with the command:
    one screen, and with --full the whole page (K42)."""
    target = tmp_path / "on.svg"
    result = run("on", "2020-08-18", "--export", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8").replace("&#160;", " ")
    for section in ("The situation on 2020-08-18", "Eras", "Leaders", "Latest figures"):
        assert f">{section}" in text
    assert "Events 2020-07-19 to 2020-09-17" in text
    assert re.search(r'-title"[^>]*>barkhane on 2020-08-18<', text)
    # with --full, the whole page as --full shows it on a terminal (K42)
    result = run("on", "2020-08-18", "--full", "--export", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8").replace("&#160;", " ")
    for section in ("In place", "Leaders", "Latest figures", "Events 2020-07-19 to 2020-09-17"):
        assert f">{section}" in text
    assert re.search(r'-title"[^>]*>barkhane on 2020-08-18 --full<', text)


def test_on_pads_a_month_or_a_year_to_a_days_width(run: Run) -> None:
    """U31 at 80 columns: `on 2015-07-10` printed "2015-07  Deadly night raids…" two
    columns left of "2015-07-10  …"; a partial date is padded to a day's width, as the
    timeline's date column is. The fixture's coup of March 2012 is dated by its month."""
    out = run("on", "2012-03-20", "--no-pager", env=terminal(80))
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Events 2012-02-19"))
    assert lines[start + 1] == "  2012-03     Coup in Bamako"
    assert lines[start + 2].startswith("  2012-04-01  Timbuktu falls, with a tab")


def test_on_full_lines_its_events_up_as_the_one_screen_does(run: Run) -> None:
    """K57 (a new user's trial): `on DATE --full` listed "2012-03  coup  Coup in Bamako"
    beside "2012-04-01  battle  Timbuktu falls…", its titles in no one column; its dates
    are padded to a day's width, as the one screen's, and its types to the widest listed.
    Piped, the rows stay tab-separated values, unpadded, for cut and awk."""
    out = run("on", "2012-03-20", "--full", "--no-pager", env=terminal(120))
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    start = lines.index("Events 2012-02-19 to 2012-04-19")
    assert lines[start + 1].rstrip() == "  • 2012-03     coup    Coup in Bamako  [coup-2012]"
    assert lines[start + 2].startswith("  • 2012-04-01  battle  Timbuktu falls, with a tab")
    piped = run("on", "2012-03-20", "--full").stdout.splitlines()
    assert "event\t2012-03\t\tcoup\tcoup-2012\tCoup in Bamako" in piped


def test_map_takes_min_deaths_as_timeline_does(run: Run) -> None:
    """U31: README says `map [filters]`, and `map --min-deaths 20` was refused: map takes
    timeline's filters, --min-deaths among them, and its title says it. In the fixture
    the Ouagadougou attack (30 dead) is the one event with at least 20."""
    result = run("map", "--min-deaths", "20", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [(m["place"], m["event_ids"]) for m in json.loads(result.stdout)] == [
        ("ouagadougou", ["ouaga-attack"])
    ]
    drawn = run("map", "--min-deaths", "20", env=terminal(100))
    assert drawn.stdout.splitlines()[0] == (
        "barkhane map: 1 event, 2016-01-15 to 2016-01-15 (at least 20 dead)"
    )
    listed = run("timeline", "--min-deaths", "20", "-f", "json")
    assert [e["id"] for e in json.loads(listed.stdout)] == ["ouaga-attack"]


def test_on_lists_a_head_of_government_under_its_own_heading(run: Run, tmp_path: Path) -> None:
    """A country with only a head of government recorded on the day had its prime
    minister listed under "Leaders: each country's head of state" (U41, Choguel Maïga as
    Mali's on 1 March 2023): he goes under a heading of his own."""
    data = tmp_path / "pm.toml"
    data.write_text(
        '[[actors]]\nid = "pm-of-mali"\nname = "Pemmy Ministre"\nkind = "person"\n'
        'summary = "A prime minister."\n'
        'affiliations = [{ actor = "mali", relation = "leader-of", start = "2016-01-01", '
        'end = "2016-12-31", note = "prime minister (head of government)" }]\n'
        'sources = [{ id = "seed" }]\n',
        encoding="utf-8",
    )
    page = run("on", "2016-01-15", "--data", str(data), "--no-pager", env=terminal(100))
    assert page.exit_code == 0, page.stderr
    lines = page.stdout.splitlines()
    heads = lines.index("Leaders: each country's head of state")
    governments = lines.index("Heads of government, where no head of state is recorded")
    assert heads < governments
    assert "Pemmy Ministre" not in "\n".join(lines[heads:governments])
    assert lines[governments + 1] == "  Mali: Pemmy Ministre"


@pytest.mark.usefixtures("bundled")
def test_an_event_is_drawn_at_its_first_place_with_a_point(run: Run) -> None:
    """U41: every coup listing `["bamako", "kati"]` was drawn at Kati (a town declared
    within the Koulikoro Region, deeper than Bamako, declared within Mali), and the map
    showed Bamako as a capital with no event. The first listed point decides; a place
    with a point still comes before an area (docs/data-format.md states the rule)."""
    coups = as_json(run("map", "--type", "coup", "-f", "json"))
    drawn = {mk["place"]: mk["event_ids"] for mk in coups}
    assert {"coup-2012-03", "coup-2021-05-24"} <= set(drawn["bamako"])
    assert drawn["kati"] == ["coup-2020-08"]  # listed `["kati", "bamako"]`: the mutiny's town
    fields = ("--fields", "id,point_of", "-f", "csv")
    listed = run("timeline", "--type", "diplomacy", "--year", "2017", *fields).stdout
    assert "africa-france-summit-bamako-2017,bamako" in listed.splitlines()  # not Gao
    # a settlement's point before the region listed first (Ségou's attacks at Kolokani)
    day = run("timeline", "--since", "2022-07-21", "--until", "2022-07-21", *fields).stdout
    assert "central-mali-six-army-posts-attacks-2022-07-21,kolokani" in day.splitlines()


@pytest.mark.usefixtures("bundled")
def test_a_capital_under_another_places_marker_is_neither_drawn_nor_named(
    run: Run, tmp_path: Path
) -> None:
    """U41: Bamako's square sat under Kati's circle, unnamed, while the legend called the
    square "capital with no event". A capital hidden by another place's marker is left
    out (in the SVG and on the terminal, where its name sat beside Kati's dot)."""
    svg = tmp_path / "coups.svg"
    out = run("map", "--type", "coup", "--year", "2020", "--export", str(svg))
    assert out.exit_code == 0, out.stderr
    root = ET.parse(svg).getroot()
    circles = [
        (float(c.get("cx", 0)), float(c.get("cy", 0)), float(c.get("r", 0)))
        for c in root.iter(f"{SVG}circle")
        if (c.get("id") or "").startswith("place-")
    ]
    squares = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert squares, "no capital drawn"
    for square in squares:
        x, y = float(square.get("x", 0)) + 3, float(square.get("y", 0)) + 3
        assert all(math.hypot(x - cx, y - cy) >= r for cx, cy, r in circles), square.get("x")
    assert "Bamako (capital)" not in svg.read_text(encoding="utf-8")
    # at 80 columns over this frame Kati's dot takes Bamako's cell: no "Bamako" beside it
    shown = run("map", "--type", "coup", "--year", "2020", "--bbox=-20,0,30,30", env=terminal(80))
    assert "Kati" in shown.stdout and "Bamako" not in shown.stdout, shown.stdout


def test_map_takes_width_as_chart_does(run: Run, tmp_path: Path) -> None:
    """U41: `map --export map.svg --width 120` said "no such option '--width'" where chart
    takes it. The terminal drawing (and a saved .txt) is N columns wide; an SVG or HTML
    map has its own size, and --width with one is refused in one line saying so."""
    wide = run("map", env=terminal(160)).stdout.splitlines()
    narrow = run("map", "--width", "60", env=terminal(160)).stdout.splitlines()
    assert max(map(len, narrow)) <= 60 < max(map(len, wide)), narrow
    saved = tmp_path / "map.txt"
    assert run("map", "--width", "60", "--export", str(saved)).exit_code == 0
    assert max(map(len, saved.read_text(encoding="utf-8").splitlines())) <= 60
    for name in ("map.svg", "map.html"):
        refused = run("map", "--width", "120", "--export", str(tmp_path / name))
        assert refused.exit_code == 2 and refused.stderr.count("\n") == 1, refused.stderr
        assert "pixels wide" in refused.stderr and "FILE.txt" in refused.stderr
        assert not (tmp_path / name).exists()
    # U45: the help said "on the terminal and in --export" of the very export it refuses
    shown = " ".join(run("map", "--help", env={"COLUMNS": "200"}).stdout.replace("│", " ").split())
    assert (
        "--width INTEGER Draw the terminal map N columns wide, and --export FILE.txt (40 to "
        "400); an .svg or .html map has a size of its own, which --width does not set."
    ) in shown
    # one option: the same bounds and the same line as chart's
    for command in ("map", "chart"):
        bad = run(command, "--width", "30")
        assert bad.stderr == "barkhane: --width 30: give a number of columns from 40 to 400\n"
