"""A row naming a curated settlement far from its point (a trial user's second Dioura).

`import acled` made a second place silently when a row had a curated village's name in
its region but coordinates 74 km away, and `gaps` then listed the curated attack's record
as an incident the record lacks. The import now keeps the place apart (ACLED's point is
kept), says so on stderr once a place with both points and the distance, and writes the
curated id as the place's `namesake`, by which compare and gaps match the two
(docs/matching.md, "Places").

The "bundled" data here is a small file of its own (the importers match against the
bundled data alone): a country, two regions, a village in each and an attack at each;
the export's rows are written from the codebooks' columns (the headers of
tests/fixtures/acled and tests/fixtures/ucdp, which hold no real row).
"""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Run, as_json, first_row, write_rows

from barkhane_cli.matching import km
from barkhane_cli.store import files

ACLED_HEADER = FIXTURES / "acled" / "2019-2022.csv"
UCDP_HEADER = FIXTURES / "ucdp" / "GEDEvent_v22_1.csv"

DIOURA = (14.8252, -5.2547)
FAR = (14.6, -5.9)  # 74 km west of it: where the trial's export put a Dioura
TABANKORT = (17.8289, 0.2256)  # in the Gao region: the curated one is in Kidal's

BUNDLED = (
    """
[[sources]]
id = "ref-a"
title = "Reference A"
publisher = "Publisher A"
kind = "reference"

[[actors]]
id = "jnim"
name = "JNIM"
aliases = ["JNIM: Group for Support of Islam and Muslims"]
kind = "armed-group"
summary = "A test armed group."
sources = [{ id = "ref-a" }]

[[places]]
id = "mali"
name = "Mali"
kind = "country"
sources = [{ id = "ref-a" }]

"""
    + "".join(
        f"""
[[places]]
id = "{name.lower()}-region"
name = "{name} Region"
aliases = ["{name}"]
kind = "region"
within = "mali"
sources = [{{ id = "ref-a" }}]
"""
        for name in ("Mopti", "Kidal", "Gao")  # the three regions, alike but for the name
    )
    + """
[[places]]
id = "dioura"
name = "Dioura"
kind = "village"
within = "mopti-region"
lat = 14.8252
lon = -5.2547
sources = [{ id = "ref-a" }]

[[places]]
id = "tabankort"
name = "Tabankort"
kind = "village"
within = "kidal-region"
lat = 17.5
lon = 1.2
sources = [{ id = "ref-a" }]

[[events]]
id = "dioura-attack"
date = "2019-03-17"
title = "Jihadists overrun the camp at Dioura"
summary = "A test attack."
type = "attack"
perpetrators = ["jnim"]
attribution = "claimed"
places = ["dioura"]
fatalities = 29
sources = [{ id = "ref-a" }]

[[events]]
id = "tabankort-attack"
date = "2019-06-01"
title = "An attack at Tabankort, Kidal"
summary = "A test attack."
type = "attack"
perpetrators = ["jnim"]
attribution = "claimed"
places = ["tabankort"]
fatalities = 12
sources = [{ id = "ref-a" }]
"""
)

KEPT_APART = (
    "1 place has the name of a curated place over 25 km away, kept apart at the export's "
    "point (compare and gaps match the two by name):"
)


@pytest.fixture
def bundled_small(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "bundled.toml"
    path.write_text(BUNDLED, encoding="utf-8")
    monkeypatch.setattr(files, "bundled_path", lambda: path)
    return path


def _acled_row(template: dict[str, str], ident: str, day: str, **kw: str) -> dict[str, str]:
    row = dict(template)
    row.update(
        event_id_cnty=ident, event_id_no_cnty=ident[3:], event_date=day, year=day[:4],
        time_precision="1", event_type="Violence against civilians", sub_event_type="Attack",
        actor1="JNIM: Group for Support of Islam and Muslims", assoc_actor_1="", inter1="2",
        actor2="Civilians (Mali)", assoc_actor_2="", inter2="7", interaction="27",
        country="Mali", admin1="Mopti", admin2="Tenenkou", admin3="Diafarabe",
        location="Dioura", latitude=str(FAR[0]), longitude=str(FAR[1]), geo_precision="1",
        notes="FICTIONAL TEST ROW.", fatalities="29",
    )  # fmt: skip
    row.update(kw)
    return row


@pytest.fixture
def export(tmp_path: Path) -> Path:
    header, template = first_row(ACLED_HEADER)
    rows = [
        # the attack's day, at the far Dioura; and the day after, at the same point
        _acled_row(template, "MLI8001", "2019-03-17"),
        _acled_row(template, "MLI8002", "2019-03-18", fatalities="2"),
        # a Tabankort of the Gao region on the day of the Kidal one's attack: another village
        _acled_row(template, "MLI8003", "2019-06-01", admin1="Gao", admin2="Ansongo",
                   admin3="Tin-Hama", location="Tabankort", latitude=str(TABANKORT[0]),
                   longitude=str(TABANKORT[1]), fatalities="12"),
        # 3 km from the curated Dioura: matched to it, as before
        _acled_row(template, "MLI8004", "2019-04-02", latitude="14.84", longitude="-5.28",
                   fatalities="1"),
    ]  # fmt: skip
    return write_rows(tmp_path / "acled.csv", header, rows)


def _import(run: Run, export: Path, out: Path, kind: str = "acled") -> str:
    result = run("import", kind, str(export), "--no-store", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return result.stderr


def _gap_ids(run: Run, *data: Path) -> list[list[str]]:
    args = [a for d in data for a in ("--data", str(d))]
    result = run("gaps", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [[r["record_id"] for r in i["records"]] for i in as_json(result)["incidents"]]


def test_import_says_once_which_place_it_kept_apart_and_how_far(
    run: Run, bundled_small: Path, export: Path, tmp_path: Path
) -> None:
    said = _import(run, export, tmp_path / "acled.toml").splitlines()
    distance = km(*FAR, *DIOURA)
    assert round(distance) == 74
    at = said.index(KEPT_APART)
    # one line for the place, though two rows are there; none for the Gao Tabankort (its
    # region's own village) nor for the row 3 km from Dioura (matched to it)
    assert said[at + 1] == (
        "  acled-mali-mopti-dioura (Dioura, 14.6, -5.9) is 74 km from the curated dioura "
        "(14.8252, -5.2547)"
    )
    assert not said[at + 2].startswith("  ")
    doc = tomllib.loads((tmp_path / "acled.toml").read_text(encoding="utf-8"))
    places = {p["id"]: p for p in doc["places"]}
    far = places["acled-mali-mopti-dioura"]
    assert (far["lat"], far["lon"], far["namesake"]) == (14.6, -5.9, "dioura")
    assert far["summary"].endswith(
        "The name of the curated dioura, 74 km away; kept apart at ACLED's point."
    )
    assert "namesake" not in places["acled-mali-gao-tabankort"]
    events = {e["id"]: e for e in doc["events"]}
    assert events["acled-mli8004"]["places"] == ["dioura"]


def test_gaps_and_compare_match_the_far_namesake_by_name(
    run: Run, bundled_small: Path, export: Path, tmp_path: Path
) -> None:
    imported = tmp_path / "acled.toml"
    _import(run, export, imported)
    # Dioura's two rows are its attack's; the other region's Tabankort is a gap, and so
    # is the row at the curated Dioura on a day it has no event
    assert _gap_ids(run, imported) == [["MLI8003"], ["MLI8004"]]
    result = run("compare", "--data", str(imported), "--year", "2019", "-f", "json")
    assert result.exit_code == 0, result.stderr
    got: dict[str, Any] = {e["id"]: e for e in as_json(result)}
    matches = got["dioura-attack"]["matches"]
    assert [(m["record_id"], m["date_gap_days"], m["distance_km"]) for m in matches] == [
        ("MLI8001", 0, round(km(*FAR, *DIOURA), 1)),
        ("MLI8002", 1, round(km(*FAR, *DIOURA), 1)),
    ]
    assert got["tabankort-attack"]["matches"] == []
    shown = run("compare", "--data", str(imported), "--year", "2019", "-f", "table")
    assert "  ACLED MLI8001 " in shown.stdout
    line = next(x for x in shown.stdout.splitlines() if x.startswith("  ACLED MLI8001 "))
    assert "same day, 74 km (a place of the same name), 29 dead" in line


def test_without_its_namesake_the_far_place_is_a_gap_again(
    run: Run, bundled_small: Path, export: Path, tmp_path: Path
) -> None:
    """What links the two is the place's namesake, not the distance rule: without it the
    far Dioura is 74 km from the curated one, beyond a near miss (50 km)."""
    imported = tmp_path / "acled.toml"
    _import(run, export, imported)
    text = imported.read_text(encoding="utf-8")
    assert text.count('namesake = "dioura"\n') == 1
    plain = tmp_path / "plain.toml"
    plain.write_text(text.replace('namesake = "dioura"\n', ""), encoding="utf-8")
    assert _gap_ids(run, plain) == [["MLI8001", "MLI8002"], ["MLI8003"], ["MLI8004"]]


def test_a_row_two_days_off_is_not_taken_for_the_attack(
    run: Run, bundled_small: Path, tmp_path: Path
) -> None:
    """A namesake is a near miss whose name agrees: the dates at most a day apart (two
    days pass the date rule for a place within its distance)."""
    header, template = first_row(ACLED_HEADER)
    rows = [_acled_row(template, "MLI8005", "2019-03-19", fatalities="6")]
    imported = tmp_path / "late.toml"
    _import(run, write_rows(tmp_path / "late.csv", header, rows), imported)
    assert _gap_ids(run, imported) == [["MLI8005"]]


def test_an_export_read_as_data_counts_them_and_matches_alike(
    run: Run, bundled_small: Path, export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("gaps", "--data", str(export), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{export}: 1 place has the name of a curated place over 25 km away, kept apart at "
        "the export's point (compare and gaps match the two by name); "
        f"barkhane import acled {shlex.quote(str(export))} -o {export.stem}.toml lists each"
    ]
    # the command said runs as printed (U34: "barkhane import" alone, exit 2), and lists it
    said = result.stderr.rstrip().split("; ")[-1].removesuffix(" lists each")
    monkeypatch.chdir(tmp_path)
    listed = run(*shlex.split(said)[1:], "--no-store")
    assert listed.exit_code == 0, listed.stderr
    assert "km from the curated" in listed.stderr  # the place kept apart, listed
    incidents = as_json(result)["incidents"]
    assert [[r["record_id"] for r in i["records"]] for i in incidents] == [["MLI8003"], ["MLI8004"]]


def test_ucdp_rows_are_kept_apart_by_the_same_rule(
    run: Run, bundled_small: Path, tmp_path: Path
) -> None:
    header, template = first_row(UCDP_HEADER)
    ged = dict(template)
    ged.update(
        id="990001", year="2019", type_of_violence="3", side_a="JNIM", side_b="Civilians",
        where_prec="1", where_coordinates="Dioura village", where_description="Dioura",
        adm_1="Mopti region", adm_2="Tenenkou cercle", latitude=str(FAR[0]),
        longitude=str(FAR[1]), country="Mali", date_prec="1", date_start="2019-03-17",
        date_end="2019-03-17", best="29", low="29", high="29", event_clarity="1",
        code_status="Clear",
    )  # fmt: skip
    imported = tmp_path / "ucdp.toml"
    said = _import(
        run, write_rows(tmp_path / "GEDEvent_v22_1.csv", header, [ged]), imported, "ucdp"
    )
    lines = said.splitlines()
    at = lines.index(KEPT_APART)
    assert lines[at + 1] == (
        "  ucdp-mali-mopti-region-dioura (Dioura, 14.6, -5.9) is 74 km from the curated dioura "
        "(14.8252, -5.2547)"
    )
    assert _gap_ids(run, imported) == []


def test_the_curated_place_is_its_id_case_aside_beside_its_namesakes(
    run: Run, bundled_small: Path, export: Path, tmp_path: Path
) -> None:
    # K65: with a real Burkina Faso export loaded, `place boungou` was the curated village
    # but `place Boungou` was refused as naming three places (the curated one and two
    # imported namesakes), though ids are matched case aside, before names (README).
    imported = tmp_path / "acled.toml"
    _import(run, export, imported)
    for query in ("dioura", "Dioura", "DIOURA"):
        card = run("place", query, "--data", str(imported), "-f", "json")
        assert card.exit_code == 0, card.stderr
        assert as_json(card)["id"] == "dioura"
    listed = run("timeline", "--place", "Dioura", "--data", str(imported), "-f", "json")
    assert listed.exit_code == 0, listed.stderr
    assert [e["id"] for e in as_json(listed)] == ["dioura-attack", "acled-mli8004"]
    # the namesake is still its own id's
    far = run("place", "acled-mali-mopti-dioura", "--data", str(imported), "-f", "json")
    assert as_json(far)["summary"].endswith("kept apart at ACLED's point.")


def test_the_place_json_carries_the_namesake_its_card_states(
    run: Run, bundled_small: Path, export: Path, tmp_path: Path
) -> None:
    """The card's summary says which curated place an imported one was kept apart from;
    `place ID -f json` gives its id as `namesake` (K69: the key was missing), null for a
    place with none."""
    imported = tmp_path / "acled.toml"
    _import(run, export, imported)
    far = ["place", "acled-mali-mopti-dioura", "--data", str(imported)]
    card = run(*far, "-f", "table", "--wide")
    assert "The name of the curated dioura, 74 km away" in " ".join(card.stdout.split())
    assert as_json(run(*far, "-f", "json"))["namesake"] == "dioura"
    near = as_json(run("place", "acled-mali-gao-tabankort", "--data", str(imported), "-f", "json"))
    assert near["namesake"] is None
