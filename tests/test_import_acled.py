"""The ACLED importer on a hand-made export, and the TOML writer it relies on."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, MINI
from hypothesis import given
from hypothesis import strategies as st

from barkhane_cli import store, tomlwrite
from barkhane_cli.errors import DataError
from barkhane_cli.importers.acled import ImportReport, convert, parse_date, strip_dates
from barkhane_cli.model import Dataset

SAMPLE = FIXTURES / "acled_sample.csv"


@pytest.fixture(scope="module")
def known() -> Dataset:
    return store.collect([MINI])[0]


@pytest.fixture(scope="module")
def converted(known: Dataset) -> tuple[str, ImportReport]:
    return convert(SAMPLE, known)


@pytest.fixture(scope="module")
def doc(converted: tuple[str, ImportReport]) -> dict[str, Any]:
    return tomllib.loads(converted[0])


def by_id(doc: dict[str, Any], table: str) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in doc[table]}


def test_report_counts(converted: tuple[str, ImportReport]) -> None:
    report = converted[1]
    assert (
        report.rows_read,
        report.events_written,
        report.actors_matched,  # mali, wagner, jnim, france
        report.actors_created,
        report.places_matched,  # timbuktu (as "Tombouctou"), ouagadougou, bamako
        report.places_created,
    ) == (17, 10, 4, 11, 3, 4)


def test_rejected_rows_name_the_row_and_the_reason(converted: tuple[str, ImportReport]) -> None:
    assert converted[1].rejected == [
        (12, "event_date '31 February 2022' is not a real date"),
        (13, "latitude '95.2' is not a number from -90 to 90"),
        (14, "unknown event_type 'Unrest'"),
        (15, "event_id_cnty 'MLI101' repeats row 2; the first is kept"),
        (16, "time_precision '4' is not 1, 2 or 3"),
        (17, "fatalities '3.5' is not a whole number"),
        (18, "event_date '2022-13-05' is not a real date"),
    ]


def test_output_validates_over_the_known_data(
    converted: tuple[str, ImportReport], tmp_path: Path
) -> None:
    out = tmp_path / "acled.toml"
    out.write_text(converted[0], encoding="utf-8")
    data, problems = store.collect([MINI, out])
    assert [p for p in problems if not p.warning] == []
    imported = {e.id: e for e in data.events if e.id.startswith("acled-")}
    assert len(imported) == 10
    assert imported["acled-mli101"].date.precision == "day"
    assert imported["acled-bfa201"].date.precision == "month"
    week = imported["acled-mli102"]
    assert (str(week.date), str(week.end), week.date.precision) == (
        "2022-04-12",
        "2022-04-18",
        "day",
    )
    # Layering over the known data replaces nothing in it.
    assert data.replaced == ()


def test_dates_and_time_precision(doc: dict[str, Any]) -> None:
    events = by_id(doc, "events")
    shown = {i: (e["date"], e.get("end")) for i, e in events.items()}
    assert shown == {
        "acled-mli101": ("2022-03-27", None),  # ISO date, precision 1
        "acled-mli102": ("2022-04-12", "2022-04-18"),  # "15 April 2022", precision 2
        "acled-bfa201": ("2022-05", None),  # precision 3: the month only
        "acled-bfa202": ("2022-06-03", None),  # "03-June-2022"
        "acled-ner301": ("2022-07-01", None),  # "1 July 2022"
        "acled-mli103": ("2022-08-01", None),
        "acled-mli104": ("2022-08-15", None),
        "acled-mli105": ("2022-09-01", None),
        "acled-mli106": ("2022-09-02", None),
        "acled-mli107": ("2022-09-03", None),
    }
    assert events["acled-mli102"]["tags"] == ["acled", "acled-week-precision"]
    assert "acled-week-precision" not in events["acled-mli101"]["tags"]


def test_event_types(doc: dict[str, Any]) -> None:
    types = {i: e["type"] for i, e in by_id(doc, "events").items()}
    assert types == {
        "acled-mli101": "battle",
        "acled-mli102": "attack",  # Explosions/Remote violence
        "acled-bfa201": "massacre",  # against civilians, 12 killed
        "acled-bfa202": "protest",
        "acled-ner301": "diplomacy",  # Strategic developments: Agreement
        "acled-mli103": "attack",  # an abduction, even with 15 killed
        "acled-mli104": "operation",  # Headquarters or base established
        "acled-mli105": "armed-group",  # Change to group/activity
        "acled-mli106": "battle",  # Non-violent transfer of territory
        "acled-mli107": "protest",  # Riots
    }


def test_fatalities_zero_is_not_a_count(doc: dict[str, Any]) -> None:
    events = by_id(doc, "events")
    assert "fatalities" not in events["acled-bfa202"]
    assert events["acled-bfa202"]["fatalities_note"] == "ACLED reports 0 (may mean unknown)"
    assert events["acled-mli101"]["fatalities"] == 4
    assert "fatalities_note" not in events["acled-mli101"]


def test_text_fields(doc: dict[str, Any]) -> None:
    events = by_id(doc, "events")
    first = events["acled-mli101"]
    assert first["title"] == "Armed clash: Military Forces of Mali in Kelmara"
    assert first["summary"] == (
        'FICTIONAL TEST ROW: "soldiers" and militants clashed near Kelmara, a made-up village,'
        " at dawn."
    )
    assert events["acled-mli102"]["summary"] == (
        "FICTIONAL TEST ROW: a device exploded under a convoy.\n"
        "A second line, with a comma and a backslash \\ too."
    )
    # Empty notes: a sentence built from the fields.
    assert events["acled-mli107"]["summary"] == (
        "ACLED records riots (mob violence) in Bamako, Bamako, Mali, involving Rioters (Mali)."
    )
    assert events["acled-bfa202"]["tags"] == ["acled", "crowd-size-no-report", "women"]


def test_actors_map_onto_known_ones(doc: dict[str, Any]) -> None:
    events = by_id(doc, "events")
    # "Military Forces of Mali (2021-)" -> mali, "Wagner Group" -> wagner (its name),
    # "JNIM: Jama'a Nusrat al-Islam wal-Muslimin" -> jnim (built-in table).
    assert events["acled-mli101"]["actors"] == ["mali", "wagner", "jnim"]
    # "Military Forces of France (2017-2022)" -> france; Niger is not in the fixture data.
    assert events["acled-ner301"]["actors"] == ["acled-military-forces-of-niger", "france"]
    # isgs is not in the fixture data either, so no dangling id: a new actor.
    assert events["acled-bfa201"]["actors"] == [
        "acled-islamic-state-greater-sahara",
        "acled-civilians-burkina-faso",
        "acled-fulani-ethnic-group-burkina-faso",
        "acled-mossi-ethnic-group-burkina-faso",
    ]


def test_new_actors(doc: dict[str, Any]) -> None:
    actors = by_id(doc, "actors")
    assert sorted(actors) == [
        "acled-civilians-burkina-faso",
        "acled-civilians-mali",
        "acled-fulani-ethnic-group-burkina-faso",
        "acled-islamic-state-greater-sahara",
        "acled-military-forces-of-mali-prison-guards",
        "acled-military-forces-of-niger",
        "acled-mossi-ethnic-group-burkina-faso",
        "acled-police-forces-of-mali-gendarmerie",
        "acled-protesters-burkina-faso",
        "acled-rioters-mali",
        "acled-unidentified-armed-group-mali",
    ]
    assert actors["acled-police-forces-of-mali-gendarmerie"] == {
        "id": "acled-police-forces-of-mali-gendarmerie",
        "name": "Police Forces of Mali Gendarmerie",
        "aliases": ["Police Forces of Mali (2021-) Gendarmerie"],
        "kind": "state",
        "country": "Mali",
        "summary": "Imported from ACLED, where it appears only as an associated actor"
        " (inter code 1 is that of the actor it is associated with).",
        "sources": [{"id": "acled-export"}],
    }
    niger = actors["acled-military-forces-of-niger"]
    assert (niger["name"], niger["aliases"], niger["kind"], niger["summary"]) == (
        "Military Forces of Niger",
        ["Military Forces of Niger (2021-)"],
        "state",
        "Imported from ACLED (inter code 1).",
    )
    kinds = {i: a["kind"] for i, a in actors.items()}
    assert kinds["acled-civilians-mali"] == "civilians"
    assert kinds["acled-unidentified-armed-group-mali"] == "militia"
    assert kinds["acled-protesters-burkina-faso"] == "other"


def test_places(doc: dict[str, Any]) -> None:
    events = by_id(doc, "events")
    assert events["acled-mli102"]["places"] == ["timbuktu"]  # the alias "Tombouctou", in Mali
    assert events["acled-bfa202"]["places"] == ["ouagadougou"]
    assert events["acled-mli107"]["places"] == ["bamako"]
    places = by_id(doc, "places")
    assert sorted(places) == [
        "acled-burkina-faso-sahel-dounzi",
        "acled-mali-gao-talbi",
        "acled-mali-mopti-kelmara",
        "acled-niger-niamey-niamey",
    ]
    assert places["acled-mali-gao-talbi"] == {
        "id": "acled-mali-gao-talbi",
        "name": "Talbi",
        "kind": "area",  # geo_precision 2
        "lat": 15.6601,
        "lon": 0.502,
        "region": "Gao",
        "country": "Mali",
        "summary": "In Ansongo (admin2), Talbi (admin3). ACLED geo_precision 2.",
        "sources": [{"id": "acled-export"}],
    }
    assert places["acled-mali-mopti-kelmara"]["kind"] == "town"


def test_sources(doc: dict[str, Any]) -> None:
    assert doc["sources"] == [
        {
            "id": "acled-export",
            "title": "ACLED export acled_sample.csv",
            "publisher": "ACLED",
            "kind": "dataset",
        },
        {
            "id": "acled-src-agence-fictive",
            "title": "Reported via ACLED",
            "publisher": "Agence Fictive",
            "kind": "news",
        },
        {
            "id": "acled-src-le-fictif",
            "title": "Reported via ACLED",
            "publisher": "Le Fictif",
            "kind": "news",
        },
        {
            "id": "acled-src-radio-imaginaire",
            "title": "Reported via ACLED",
            "publisher": "Radio Imaginaire",
            "kind": "news",
        },
    ]
    events = by_id(doc, "events")
    assert events["acled-mli101"]["sources"] == [
        {"id": "acled-export"},
        {"id": "acled-src-le-fictif"},
        {"id": "acled-src-radio-imaginaire"},
    ]
    assert all(e["sources"][0] == {"id": "acled-export"} for e in doc["events"])


def test_reimport_is_byte_identical(known: Dataset, tmp_path: Path) -> None:
    first, _ = convert(SAMPLE, known)
    second, _ = convert(SAMPLE, known)
    assert first == second
    # Without the byte-order mark, and from another folder: still the same text.
    copy = tmp_path / SAMPLE.name
    raw = SAMPLE.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    copy.write_bytes(raw[3:])
    assert convert(copy, known)[0] == first


def test_output_is_sorted_by_id(doc: dict[str, Any]) -> None:
    for table in ("sources", "actors", "places", "events"):
        ids = [entry["id"] for entry in doc[table]]
        assert ids == sorted(ids), table


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def sample_rows() -> tuple[list[str], list[list[str]]]:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = csv.reader(handle)
    return header, rows


def test_missing_column_is_one_sentence(known: Dataset, tmp_path: Path) -> None:
    header, rows = sample_rows()
    drop = header.index("latitude")
    path = write_csv(
        tmp_path / "old.csv",
        [h for i, h in enumerate(header) if i != drop],
        [[v for i, v in enumerate(r) if i != drop] for r in rows],
    )
    with pytest.raises(DataError) as err:
        convert(path, known)
    assert err.value.message == f"{path}: is not an ACLED export: it has no 'latitude' column"


def test_progress_and_odd_rows(known: Dataset, tmp_path: Path) -> None:
    header, rows = sample_rows()
    template = rows[0]
    many = [[f"MLI{n}", *template[1:]] for n in range(2500)]
    many.insert(3, template[:5])  # a short row
    path = write_csv(tmp_path / "many.csv", header, many)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n")  # a trailing blank line is not a row
    seen: list[int] = []
    text, report = convert(path, known, seen.append)
    assert seen == [1000, 2000, 2501]
    assert (report.rows_read, report.events_written) == (2501, 2500)
    assert report.rejected == [(5, "has 5 fields, the header has 31")]
    assert text.count("[[events]]") == 2500


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-03-27", "2022-03-27"),
        ("27 March 2022", "2022-03-27"),
        ("27-March-2022", "2022-03-27"),
        ("27 Mar 2022", "2022-03-27"),
        ("29 february 2024", "2024-02-29"),
        (" 1 January 2013 ", "2013-01-01"),
    ],
)
def test_parse_date(text: str, expected: str) -> None:
    assert parse_date(text).isoformat() == expected


@pytest.mark.parametrize("text", ["29 February 2022", "2022-02-30", "27 Marsh 2022", "", "2022"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(Exception, match="event_date"):
        parse_date(text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Military Forces of Mali (2021-)", "Military Forces of Mali"),
        ("Police Forces of Mali (2021-) Gendarmerie", "Police Forces of Mali Gendarmerie"),
        ("Military Forces of France (2017-2022)", "Military Forces of France"),
        ("Civilians (Mali)", "Civilians (Mali)"),
    ],
)
def test_strip_dates(raw: str, expected: str) -> None:
    assert strip_dates(raw) == expected


# --- the TOML writer ----------------------------------------------------------------------

TRICKY = [
    'He said "no"',
    "C:\\path\\to\\file\\",
    "line one\nline two\r\nline three",
    "tab\there",
    "bell\x07 null\x00 escape\x1b delete\x7f unit\x1f",
    "backspace\b formfeed\f",
    "Goïta’s “quote” — dash – and ’apostrophe’",
    "'''single''' and \"\"\"triple\"\"\"",
    "\\u0041 is not an A",
    "# not a comment = [[events]]",
    "emoji 🇲🇱 and CJK 萨赫勒",
    "",
]


def test_tomlwrite_round_trips_tricky_values() -> None:
    tables = {
        "events": [
            {
                "id": "tricky",
                "title": text,
                "fatalities": 3,
                "lat": -0.037,
                "big": 1e20,
                "small": 5.0,
                "flag": True,
                "off": False,
                "tags": TRICKY,
                "sources": [{"id": "a", "quote": text, "note": None}, {"id": "b"}],
                "empty": [],
                "odd key": "x",
            }
            for text in TRICKY
        ]
    }
    loaded = tomllib.loads(tomlwrite.dumps(tables, header="line\x01 one\nline two"))
    expected = [
        dict(e) | {"sources": [{"id": "a", "quote": e["title"]}, {"id": "b"}]}
        for e in tables["events"]
    ]
    assert loaded == {"events": expected}


@given(st.text())
def test_tomlwrite_any_string_round_trips(text: str) -> None:
    assert tomllib.loads(f"k = {tomlwrite.string(text)}")["k"] == text


def test_tomlwrite_field_and_table_order() -> None:
    text = tomlwrite.dumps(
        {
            "events": [
                {"sources": [{"note": "n", "id": "s"}], "title": "T", "date": "2022", "id": "e"}
            ],
            "sources": [{"kind": "news", "id": "s", "zeta": 1, "alpha": None}],
        },
        header="made by a test",
    )
    assert text == (
        "# made by a test\n"
        "\n"
        "[[sources]]\n"
        'id = "s"\n'
        'kind = "news"\n'
        "zeta = 1\n"
        "\n"
        "[[events]]\n"
        'id = "e"\n'
        'date = "2022"\n'
        'title = "T"\n'
        'sources = [{ id = "s", note = "n" }]\n'
    )


def test_tomlwrite_refuses_what_toml_cannot_hold() -> None:
    with pytest.raises(TypeError):
        tomlwrite.dumps({"events": [{"id": "e", "when": object()}]})
