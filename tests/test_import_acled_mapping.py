"""ACLED names and places onto the bundled data: the answers a Sahel import depends on.

The names are ACLED's own spellings, as they appear in real Sahel exports (issue 17);
the rows are fictional.
"""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, MINI, ROOT, checked_record

from barkhane_cli import store
from barkhane_cli.importers.acled import convert
from barkhane_cli.importers.acled.actors import Actors
from barkhane_cli.model import Dataset

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return checked_record()[0]


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("JNIM: Group for Support of Islam and Muslims", "Mali", ["jnim"]),
        ("JNIM: Group for Support of Islam and Muslims", "Burkina Faso", ["jnim"]),
        ("Katiba Macina", "Mali", ["katiba-macina"]),
        ("Ansaroul Islam", "Burkina Faso", ["ansarul-islam"]),
        ("Islamic State (Greater Sahara)", "Niger", ["isgs"]),
        ("Islamic State (West Africa) - Greater Sahara Faction", "Mali", ["isgs"]),
        ("Islamic State (Sahel)", "Burkina Faso", ["isgs"]),
        ("VDP: Volunteer for Defense of Homeland", "Burkina Faso", ["vdp"]),
        ("Dan Na Ambassagou", "Mali", ["dan-na-ambassagou"]),
        ("CMA: Coordination of Movements of the Azawad", "Mali", ["cma"]),
        ("GATIA: Imghad Tuareg and Allies Self-Defense Group", "Mali", ["gatia"]),
        (
            "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali"
            " (2013-2020)",
            "Mali",
            ["minusma"],
        ),
        ("Military Forces of France (2017-)", "Mali", ["france"]),
        ("Military Forces of Mali (2013-2020)", "Mali", ["mali"]),
        ("Military Forces of Mali (2020-2021)", "Mali", ["mali"]),
        ("Military Forces of Mali (2021-)", "Mali", ["mali"]),
        ("Military Forces of Burkina Faso (2015-)", "Burkina Faso", ["burkina-faso"]),
        ("Military Forces of Burkina Faso (2022-)", "Burkina Faso", ["burkina-faso"]),
        ("Wagner Group", "Mali", ["wagner"]),
        ("Platform of June 14th 2014 movements", "Mali", ["platform"]),
        ("AQIM: Al Qaeda in the Islamic Maghreb", "Mali", ["aqim"]),
        ("Civilians (Mali)", "Mali", ["civilians"]),
        ("Koglweogo Militia", "Burkina Faso", ["koglweogo"]),
        ("MSA: Movement for Azawad Salvation", "Mali", ["msa"]),
        # Either group: both, not a new actor.
        (
            "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
            "Burkina Faso",
            ["jnim", "isgs"],
        ),
        (
            "JNIM: Group for Support of Islam and Muslims and/or Islamic State (West Africa) -"
            " Greater Sahara Faction",
            "Mali",
            ["jnim", "isgs"],
        ),
    ],
)
def test_acled_names_resolve_to_curated_actors(
    bundled: Dataset, name: str, country: str, expected: list[str]
) -> None:
    assert Actors(bundled).resolve(name, "2", country, True) == expected


@pytest.mark.parametrize(
    ("name", "created"),
    [
        # A mutiny is not the army it rose from.
        (
            "Mutiny of Military Forces of Burkina Faso (2015-)",
            "acled-mutiny-of-military-forces-of-burkina-faso",
        ),
        # No curated actor (yet): a new one, not the nearest curated name.
        ("Katiba Serma", "acled-katiba-serma"),
        (
            "Police Forces of Burkina Faso (2015-) Gendarmerie",
            "acled-police-forces-of-burkina-faso-gendarmerie",
        ),
    ],
)
def test_names_that_match_nothing_become_new_actors(
    bundled: Dataset, name: str, created: str
) -> None:
    assert Actors(bundled).resolve(name, "3", "Burkina Faso", True) == [created]


HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


def row(
    ident: str, country: str, admin: tuple[str, str], place: str, lat: str, lon: str
) -> list[str]:
    return [
        ident, "2020-05-01", "2020", "1", "Political violence", "Battles", "Armed clash",
        "Military Forces of Mali (2013-2020)", "", "1", "JNIM: Group for Support of Islam and Muslims",
        "", "2", "12", "", "466", "Western Africa", country, admin[0], admin[1], "", place, lat,
        lon, "1", "Le Fictif", "National", "FICTIONAL TEST ROW.", "0", "", "1600000000",
    ]  # fmt: skip


@pytest.fixture(scope="module")
def placed(bundled: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("acled") / "places.csv"
    rows = [
        # Our Tabankort is in the Gao Region at 17.7294, 0.2061.
        row("MLI1", "Mali", ("Gao", "Bourem"), "Tabankort", "17.75", "0.22"),  # 2.5 km away
        row("MLI2", "Mali", ("Kidal", "Tessalit"), "Tabankort", "19.1", "0.9"),  # ~170 km away
        # Two villages of one name 127 km apart in one region (fictional points).
        row("BFA1", "Burkina Faso", ("Sahel", "Seno"), "Nagare", "14.0", "-0.2"),
        row("BFA2", "Burkina Faso", ("Sahel", "Yagha"), "Nagare", "13.3", "0.75"),
        row("MLI3", "Mali", ("Timbuktu", "Timbuktu"), "Tombouctou", "16.7735", "-3.0074"),
        row("NER1", "Niger", ("Tillaberi", "Ouallam"), "Fictiwal", "14.3", "2.1"),
        row("MLI4", "Mali", ("Bamako", "Bamako"), "Bamako", "12.65", "-8.0"),
        row("MLI5", "Mali", ("Mopti", "Djenne"), "Gao", "13.9", "-4.5"),  # not the city of Gao
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return tomllib.loads(convert(path, bundled)[0])


def test_places_match_only_near_and_in_the_same_country(placed: dict[str, Any]) -> None:
    events = {e["id"]: e["places"] for e in placed["events"]}
    assert events == {
        "acled-mli1": ["tabankort"],
        "acled-mli2": ["acled-mali-kidal-tabankort"],
        "acled-bfa1": ["acled-burkina-faso-sahel-seno-nagare"],
        "acled-bfa2": ["acled-burkina-faso-sahel-yagha-nagare"],
        "acled-mli3": ["timbuktu"],
        "acled-ner1": ["acled-niger-tillaberi-fictiwal"],
        "acled-mli4": ["bamako"],
        "acled-mli5": ["acled-mali-mopti-gao"],
    }


def test_new_places_sit_within_regions_and_countries(placed: dict[str, Any]) -> None:
    within = {p["id"]: p.get("within") for p in placed["places"]}
    assert within == {
        "acled-burkina-faso-sahel-seno-nagare": "sahel-region-bf",
        "acled-burkina-faso-sahel-yagha-nagare": "sahel-region-bf",
        "acled-mali-kidal-tabankort": "kidal-region",
        "acled-mali-mopti-gao": "mopti-region",
        "acled-niger-tillaberi-fictiwal": "tillaberi-region",
    }


def test_an_import_validates_over_the_bundled_data(placed: dict[str, Any], tmp_path: Path) -> None:
    from barkhane_cli import tomlwrite

    out = tmp_path / "places.toml"
    out.write_text(tomlwrite.dumps(placed), encoding="utf-8")
    data, problems = store.collect([DATA, out])
    assert [p for p in problems if not p.warning or p.file == str(out)] == []
    assert data.replaced == ()
    assert data.places["acled-mali-kidal-tabankort"].countries == ("mali",)
    jnim = [e.id for e in data.events if "jnim" in e.actors and e.id.startswith("acled-")]
    assert len(jnim) == 8


def test_titles_use_curated_short_names(bundled: Dataset, tmp_path: Path) -> None:
    either = row("BFA9", "Burkina Faso", ("Sahel", "Soum"), "Fictiba", "14.1", "-1.6")
    either[7] = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    path = tmp_path / "titles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, either])
    doc = tomllib.loads(convert(path, bundled)[0])
    assert [e["title"] for e in doc["events"]] == ["Armed clash: JNIM or ISGS in Fictiba"]


def test_a_row_never_loses_its_point_to_a_place_without_one(tmp_path: Path) -> None:
    """Issue 22: Tin-Hama (fixture) has no coordinates; a row of that name in its region
    makes a place of its own at the row's point instead of matching it, and a row near a
    located curated place matches it while a far one does not."""
    known = store.collect([MINI, FIXTURES / "geo.toml"])[0]
    assert known.places["tin-hama"].lat is None
    path = tmp_path / "rows.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerow(row("MLI1", "Mali", ("Gao", "Ansongo"), "Tin-Hama", "15.81", "1.02"))
        # Bamako (fixture) is at 12.65, -8.0: 3 km away matches, 60 km away does not
        writer.writerow(row("MLI2", "Mali", ("Bamako", "Bamako"), "Bamako", "12.67", "-7.98"))
        writer.writerow(row("MLI3", "Mali", ("Koulikoro", "Kati"), "Bamako", "13.1", "-8.3"))
    doc = tomllib.loads(convert(path, known)[0])
    events = {e["id"]: e["places"] for e in doc["events"]}
    places = {p["id"]: p for p in doc["places"]}
    (made,) = events["acled-mli1"]
    assert made != "tin-hama"
    assert (places[made]["lat"], places[made]["lon"]) == (15.81, 1.02)
    assert places[made]["within"] == "gao-region"
    assert events["acled-mli2"] == ["bamako"]
    (far,) = events["acled-mli3"]
    assert far != "bamako" and (places[far]["lat"], places[far]["lon"]) == (13.1, -8.3)


def test_a_row_known_only_to_its_region_stays_off_the_town(
    bundled: Dataset, tmp_path: Path
) -> None:
    """ACLED codes an event known only to its region (geo_precision 3) at the region's
    capital: it must not become an event in the town of Timbuktu."""
    exact = row("MLI1", "Mali", ("Timbuktu", "Timbuktu"), "Tombouctou", "16.7735", "-3.0074")
    regional = row("MLI2", "Mali", ("Timbuktu", "Timbuktu"), "Tombouctou", "16.7735", "-3.0074")
    regional[HEADER.index("geo_precision")] = "3"
    path = tmp_path / "precision.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, exact, regional])
    doc = tomllib.loads(convert(path, bundled)[0])
    events = {e["id"]: e["places"] for e in doc["events"]}
    assert events["acled-mli1"] == ["timbuktu"]
    (own,) = events["acled-mli2"]
    place = {p["id"]: p for p in doc["places"]}[own]
    assert (place["kind"], place["within"]) == ("area", "timbuktu-region")
    assert place["summary"].endswith("ACLED geo_precision 3.")
