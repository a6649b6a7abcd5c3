"""The ACLED importer on hand-made exports (one per layout), and the TOML writer it uses.

The fixtures are fictional rows in the column sets of real exports (ACLED's terms do not
allow redistributing its data): tests/fixtures/acled/*.csv.
"""

from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conftest import FIXTURES, MINI, ROOT, Run, checked_record, first_row, write_rows
from hypothesis import given
from hypothesis import strategies as st

from barkhane_cli import store, tomlwrite
from barkhane_cli.errors import DataError
from barkhane_cli.importers.acled import (
    ImportReport,
    convert,
    grouped,
    layouts,
    parse_date,
    strip_dates,
)
from barkhane_cli.model import Dataset

ACLED = FIXTURES / "acled"
SAMPLE = ACLED / "current.csv"
SOURCE = "acled-current-2023-11-14"  # the export's name and its newest timestamp


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


def load(known: Dataset, name: str) -> tuple[dict[str, Any], ImportReport]:
    text, report = convert(ACLED / name, known)
    return tomllib.loads(text), report


# --- every layout ---------------------------------------------------------------------

LAYOUTS = [
    # file, layout said, rows read, events, monadic rows merged, rejected
    ("current.csv", "ACLED current export, dyadic", 17, 10, 0, 7),
    ("current-monadic.csv", "ACLED current export, monadic", 10, 5, 4, 1),
    ("2019-2022.csv", "ACLED 2019-2022 export, dyadic", 5, 4, 0, 1),
    ("2019-2022-monadic.csv", "ACLED 2019-2022 export, monadic", 7, 4, 3, 0),
    ("2016-api.csv", "ACLED 2016 API export, dyadic, with a leading index column", 4, 4, 0, 0),
    ("2015-upper.csv", "ACLED 2015 upper-case export, dyadic", 4, 4, 0, 0),
]


@pytest.mark.parametrize(("name", "layout", "rows", "events", "merged", "rejected"), LAYOUTS)
def test_each_layout_imports_with_every_row_accounted_for(
    known: Dataset,
    tmp_path: Path,
    name: str,
    layout: str,
    rows: int,
    events: int,
    merged: int,
    rejected: int,
) -> None:
    text, report = convert(ACLED / name, known)
    assert report.layout == layout
    assert (report.rows_read, report.events_written, report.merged_rows, len(report.rejected)) == (
        rows,
        events,
        merged,
        rejected,
    )
    assert report.rows_read == report.events_written + report.merged_rows + len(report.rejected)
    out = tmp_path / "out.toml"
    out.write_text(text, encoding="utf-8")
    data, problems = store.collect([MINI, out])
    assert [p for p in problems if p.file == str(out) or not p.warning] == []
    assert data.replaced == ()  # layering over the known data replaces nothing in it
    assert len([e for e in data.events if e.id.startswith("acled-")]) == events


def test_old_layouts_read_their_own_columns(known: Dataset) -> None:
    api, _ = load(known, "2016-api.csv")  # index column, alphabetical, ally_actor_*
    events = by_id(api, "events")
    assert events["acled-9001rta"]["actors"] == [
        "mali",
        "acled-aqim-al-qaeda-in-the-islamic-maghreb",
    ]
    assert (events["acled-9001rta"]["type"], events["acled-9001rta"]["places"]) == (
        "battle",
        ["timbuktu"],
    )
    assert [events[i]["type"] for i in ("acled-9002rta", "acled-9003rta", "acled-9004rta")] == [
        "protest",  # Riots/Protests
        "attack",  # Remote violence
        "operation",  # Headquarters or base established
    ]
    upper, _ = load(known, "2015-upper.csv")
    events = by_id(upper, "events")
    assert {i: (e["date"], e["type"]) for i, e in events.items()} == {
        "acled-1mli": ("2015-01-01", "attack"),  # 01-January-2015
        "acled-2mli": ("2015-01", "politics"),  # 13/01/2015 at month precision
        "acled-3mli": ("2015-01-20", "battle"),  # 20-Jan-15
        "acled-4mli": ("2015-01-21", "battle"),  # Non-violent transfer of territory
    }
    assert events["acled-3mli"]["tags"] == ["acled", "non-state-actor-overtakes-territory"]


def test_excel_dates_import(known: Dataset) -> None:
    doc, report = load(known, "2019-2022.csv")
    assert {i: e["date"] for i, e in by_id(doc, "events").items()} == {
        "acled-mli5001": "2021-02-16",  # 16-Feb-21
        "acled-mli5002": "2021-02-16",  # 16/02/2021
        "acled-mli5003": "2021-02-17",
        "acled-mli5004": "2021-02-18",
    }
    assert report.rejected == [(6, "event_date is not a real date", "'31/02/2021'")]


def test_monadic_rows_merge_into_one_event(known: Dataset) -> None:
    doc, report = load(known, "current-monadic.csv")
    events = by_id(doc, "events")
    # The first row is ACLED's actor 1, the second its actor 2 (with its associates).
    assert events["acled-bfa9001"]["actors"] == [
        "jnim",
        "acled-civilians-burkina-faso",
        "acled-farmers-burkina-faso",
    ]
    assert events["acled-bfa9002"]["actors"] == ["acled-protesters-burkina-faso"]  # one row
    # Rows of one event need not be next to each other.
    assert events["acled-bfa9004"]["actors"] == [
        "acled-unidentified-armed-group-burkina-faso",
        "acled-military-forces-of-burkina-faso",
    ]
    assert events["acled-bfa9003"]["fatalities"] == 7  # the first row's figure
    assert report.warnings == [
        (
            6,
            "disagrees with its first row on fatalities; the first row's value is kept",
            "line 5 has '7', this '9'",
        )
    ]
    assert report.rejected == [
        (
            11,
            "event_id_cnty has a third row; a monadic event has two",
            "'BFA9005' first on line 8",
        )
    ]
    assert report.after_record == 4  # 2024 events: beyond 9 November 2022
    kinds = {a["id"]: a["kind"] for a in doc["actors"]}
    assert kinds["acled-military-forces-of-burkina-faso"] == "state"  # "State forces"
    assert kinds["acled-islamic-state-sahel"] == "armed-group"  # "Rebel group"
    assert kinds["acled-civilians-burkina-faso"] == "civilians"


# --- the current layout, in detail ------------------------------------------------------


def test_report_counts(converted: tuple[str, ImportReport]) -> None:
    report = converted[1]
    assert (
        report.rows_read,
        report.events_written,
        report.actors_matched,  # mali, wagner, jnim, france
        report.actors_created,
        report.places_matched,  # timbuktu (as "Tombouctou"), ouagadougou, bamako
        report.places_created,
        report.after_record,
        report.source_id,
    ) == (17, 10, 4, 11, 3, 11, 0, SOURCE)  # 4 places, in 4 regions of 3 countries


def test_rejected_rows_are_grouped_by_reason_with_their_lines(
    converted: tuple[str, ImportReport],
) -> None:
    assert grouped(converted[1].rejected) == [
        "2 rows: event_date is not a real date (lines 13, 19; e.g. '31 February 2022')",
        "1 row: event_id_cnty repeats an earlier row; the first is kept"
        " (line 16; e.g. 'MLI101' first on line 2)",
        "1 row: fatalities is not a whole number (line 18; e.g. '3.5')",
        "1 row: latitude is not a number from -90 to 90 (line 14; e.g. '95.2')",
        "1 row: time_precision is not 1, 2 or 3 (line 17; e.g. '4')",
        "1 row: unknown event_type (line 15; e.g. 'Unrest')",
    ]


def test_grouping_counts_and_shows_the_first_lines() -> None:
    items = [(n, "fatalities is not a whole number", f"'{n}.5'") for n in range(2, 9)]
    items.append((30, "unknown event_type", "'Unrest'"))
    assert grouped(items) == [
        "7 rows: fatalities is not a whole number (lines 2, 3, 4, 5, 6, …; e.g. '2.5')",
        "1 row: unknown event_type (line 30; e.g. 'Unrest')",
    ]


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
    assert events["acled-mli102"]["tags"][-1] == "acled-week-precision"
    assert "acled-week-precision" not in events["acled-mli101"]["tags"]


def test_event_types_follow_acled(doc: dict[str, Any]) -> None:
    types = {i: e["type"] for i, e in by_id(doc, "events").items()}
    assert types == {
        "acled-mli101": "battle",
        "acled-mli102": "attack",  # Explosions/Remote violence
        "acled-bfa201": "massacre",  # against civilians, 12 killed
        "acled-bfa202": "protest",
        "acled-ner301": "diplomacy",  # Strategic developments: Agreement
        "acled-mli103": "attack",  # an abduction, even with 15 killed
        "acled-mli104": "operation",  # Headquarters or base established
        "acled-mli105": "politics",  # Change to group/activity: curfews, moves, not only groups
        "acled-mli106": "battle",  # Non-violent transfer of territory
        "acled-mli107": "protest",  # Riots
    }
    tags = {i: e["tags"] for i, e in by_id(doc, "events").items()}
    assert tags["acled-mli103"] == ["acled", "abduction-forced-disappearance", "kidnapping"]
    assert tags["acled-mli107"] == ["acled", "mob-violence", "riot"]


def test_looting_is_an_attack_not_politics(known: Dataset) -> None:
    doc, _ = load(known, "2019-2022-monadic.csv")
    looting = by_id(doc, "events")["acled-mli6001"]
    assert (looting["type"], looting["tags"]) == (
        "attack",
        ["acled", "looting-property-destruction"],
    )


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
    assert events["acled-bfa202"]["tags"] == [
        "acled",
        "crowd-size-no-report",
        "women",
        "peaceful-protest",
    ]


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


def test_either_names_are_both_actors_not_a_new_one(known: Dataset) -> None:
    doc, _ = load(known, "2019-2022.csv")
    event = by_id(doc, "events")["acled-mli5001"]
    assert event["actors"] == ["jnim", "acled-islamic-state-greater-sahara", "acled-civilians-mali"]
    assert not [a for a in doc["actors"] if "and/or" in a["name"] or "and-or" in a["id"]]


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
        "sources": [{"id": SOURCE}],
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
    # The fixture data has no countries or regions: the import makes them, so that every
    # place sits within its admin-1 region and country.
    assert {i: p.get("within") for i, p in places.items()} == {
        "acled-burkina-faso": None,
        "acled-burkina-faso-sahel": "acled-burkina-faso",
        "acled-burkina-faso-sahel-dounzi": "acled-burkina-faso-sahel",
        "acled-mali": None,
        "acled-mali-gao": "acled-mali",
        "acled-mali-gao-talbi": "acled-mali-gao",
        "acled-mali-mopti": "acled-mali",
        "acled-mali-mopti-kelmara": "acled-mali-mopti",
        "acled-niger": None,
        "acled-niger-niamey": "acled-niger",
        "acled-niger-niamey-niamey": "acled-niger-niamey",
    }
    assert places["acled-mali-gao-talbi"] == {
        "id": "acled-mali-gao-talbi",
        "name": "Talbi",
        "kind": "area",  # geo_precision 2
        "within": "acled-mali-gao",
        "lat": 15.6601,
        "lon": 0.502,
        "summary": "In Ansongo (admin2), Talbi (admin3). ACLED geo_precision 2.",
        "sources": [{"id": SOURCE}],
    }
    assert places["acled-mali-gao"] == {
        "id": "acled-mali-gao",
        "name": "Gao",
        "kind": "region",
        "within": "acled-mali",
        "summary": "ACLED's admin-1 area Gao (Mali).",
        "sources": [{"id": SOURCE}],
    }
    assert places["acled-mali-mopti-kelmara"]["kind"] == "town"


def test_sources(doc: dict[str, Any]) -> None:
    assert doc["sources"][0] == {
        "id": SOURCE,
        "title": "ACLED export current.csv",
        "publisher": "ACLED",
        "kind": "dataset",
        "date": "2023-11-14",
        "note": "Imported with barkhane import acled; each event cites it and the publishers"
        " ACLED names in its source field.",
    }
    assert doc["sources"][1:] == [
        {"id": f"{SOURCE}-src-{s}", "title": "Reported via ACLED", "publisher": p, "kind": "news"}
        for s, p in (
            ("agence-fictive", "Agence Fictive"),
            ("le-fictif", "Le Fictif"),
            ("radio-imaginaire", "Radio Imaginaire"),
        )
    ]
    events = by_id(doc, "events")
    assert events["acled-mli101"]["sources"] == [
        {"id": SOURCE},
        {"id": f"{SOURCE}-src-le-fictif"},
        {"id": f"{SOURCE}-src-radio-imaginaire"},
    ]
    assert all(e["sources"][0] == {"id": SOURCE} for e in doc["events"])


def _sources_shown(run: Run, export: Path, field: str, *slugs: str) -> list[Result]:
    """`source -f json` of each publisher's source (by its slug) that the import makes of
    the sample export written to ``export`` with every row's source field ``field``."""
    header, rows = sample_rows()
    column = header.index("source")
    for row in rows:
        row[column] = field
    write_csv(export, header, rows)
    source = f"acled-{export.stem}-2023-11-14-src-"
    return [run("source", source + slug, "--data", str(export), "-f", "json") for slug in slugs]


def test_an_exports_publisher_is_written_by_the_records_name(run: Run, tmp_path: Path) -> None:
    """K46: validate refuses "AP" and "Agence France-Presse" for "Associated Press" and
    "AFP", and an export's source field is ACLED's to write: the import gives the
    record's name, so `--data EXPORT.csv` naming them still loads."""
    shown = _sources_shown(
        run, tmp_path / "agencies.csv", "AP; Agence France-Presse", "ap", "agence-france-presse"
    )
    assert [r.exit_code for r in shown] == [0, 0]  # 4 with "bad data", before
    assert [json.loads(r.stdout)["publisher"] for r in shown] == ["Associated Press", "AFP"]


def test_an_exports_copy_is_written_as_the_publisher_rule_takes(run: Run, tmp_path: Path) -> None:
    """K48: ACLED's wording of a copy ("AP (copy on Docslib)") was imported as is and
    refused by validate's publisher rule, so `--data EXPORT.csv` failed on a file the user
    cannot mend. The import writes validate's own split; a name refused with no split
    keeps ACLED's words in the note under a publisher that claims nothing."""
    shown = _sources_shown(
        run,
        tmp_path / "copies.csv",
        "AP (copy on Docslib); Radio X (old revision)",
        "ap-copy-on-docslib",
        "radio-x-old-revision",
    )
    assert [r.exit_code for r in shown] == [0, 0]  # 4 with "bad data", before
    first, second = (json.loads(r.stdout) for r in shown)
    assert (first["publisher"], first["via"]) == ("Associated Press", "Docslib")
    assert (second["publisher"], second["via"]) == ("Unknown", None)
    assert second["note"] == 'ACLED\'s source field names it "Radio X (old revision)".'


def test_an_exports_worded_bracket_is_written_as_the_record_writes_it(
    run: Run, tmp_path: Path
) -> None:
    """PB: validate refuses a publisher saying in words whose text it carries, "Maliweb
    (from RFI)", or whom it cites, "EUobserver (citing Reuters)"; an export naming them
    was imported as is, so `--data EXPORT.csv` failed on a file the user cannot mend. The
    import writes the format's form, whom it cites at the head of the note."""
    shown = _sources_shown(
        run,
        tmp_path / "worded.csv",
        "Maliweb (from RFI); EUobserver (citing Reuters); Leral (with AP and AFP)",
        "maliweb-from-rfi",
        "euobserver-citing-reuters",
        "leral-with-ap-and-afp",
    )
    assert [r.exit_code for r in shown] == [0, 0, 0]  # 4 with "bad data", before
    carried, cited, joined = (json.loads(r.stdout) for r in shown)
    assert carried["publisher"] == "Maliweb (RFI)"
    assert (cited["publisher"], cited["note"]) == (
        "EUobserver",
        'Citing Reuters. ACLED\'s source field names it "EUobserver (citing Reuters)".',
    )
    assert joined["publisher"] == "Leral (AP/AFP)"


def test_two_imports_keep_their_own_sources(known: Dataset, tmp_path: Path) -> None:
    header, rows = sample_rows()
    march = write_csv(tmp_path / "mali-march.csv", header, rows[:3])
    april = write_csv(tmp_path / "mali-april.csv", header, rows[3:6])
    outs = []
    for path in (march, april):
        out = tmp_path / (path.stem + ".toml")
        out.write_text(convert(path, known)[0], encoding="utf-8")
        outs.append(out)
    data, problems = store.collect([MINI, *outs])
    assert [p for p in problems if not p.warning] == []
    cited = {e.id: e.sources[0].id for e in data.events if e.id.startswith("acled-")}
    assert cited["acled-mli101"] == "acled-mali-march-2023-11-14"
    assert cited["acled-bfa202"] == "acled-mali-april-2023-11-14"
    assert not [r for r in data.replaced if r[0] == "sources"]


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


# --- bad files --------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]], sep: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=sep)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def sample_rows() -> tuple[list[str], list[list[str]]]:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = csv.reader(handle)
    return header, rows


def test_missing_columns_are_all_named(known: Dataset, tmp_path: Path) -> None:
    header, rows = sample_rows()
    drop = {header.index(c) for c in ("latitude", "notes", "inter2")}
    path = write_csv(
        tmp_path / "old.csv",
        [h for i, h in enumerate(header) if i not in drop],
        [[v for i, v in enumerate(r) if i not in drop] for r in rows],
    )
    with pytest.raises(DataError) as err:
        convert(path, known)
    assert err.value.message == (
        f"{path}: lacks the 3 columns latitude, notes, inter2 of an ACLED export;"
        " export again with all columns"
    )


def test_a_file_of_other_columns_is_not_an_export(known: Dataset, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["name", "value"], [["a", "1"]])
    with pytest.raises(DataError, match=r"is not an ACLED export: it lacks the 17 columns "):
        convert(path, known)


def test_ids_an_import_makes_fit_an_80_column_table() -> None:
    """U21: ACLED's "MINUSMA: United Nations Multidimensional Integrated Stabilization
    Mission in Mali" made an actor id of 87 characters, which validate warns about; cut,
    two long names that begin alike stay two ids, and a short one is as it was."""
    from barkhane_cli.importers.acled.actors import fitted, free_id

    long = "acled-minusma-united-nations-multidimensional-integrated-stabilization-mission"
    one, two = fitted(long + "-in-mali"), fitted(long + "-in-niger")
    assert one != two and len(one) <= 62 and len(two) <= 62
    assert one.startswith("acled-minusma-united-nations-multidimensional-")  # at a hyphen
    assert fitted("acled-jnim") == "acled-jnim"
    assert len(free_id(long, {fitted(long)}, set())) <= 62


def test_a_csv_given_as_data_that_is_neither_export_names_both(run: Run, tmp_path: Path) -> None:
    """U21: `--data bad.csv` was told it "is not an ACLED export" alone, though a UCDP GED
    file is read as well; `import acled` still says what an ACLED export lacks."""
    path = write_csv(tmp_path / "bad.csv", ["name", "value", "x"], [["a", "1", "2"]])
    result = run("timeline", "--data", str(path))
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        f"barkhane: {path}: is not an ACLED or UCDP GED export: ACLED's needs 17 columns "
        "(event_id_cnty, event_date, …), UCDP GED's 11 (id, type_of_violence, side_a, …); "
        "docs/acled.md and docs/ucdp.md list them\n"
    )
    imported = run("import", "acled", str(path), "--no-store", "-o", str(tmp_path / "out.toml"))
    assert "is not an ACLED export: it lacks the 17 columns event_id_cnty" in imported.stderr
    # the documents the message points to do list each one's columns
    assert ", ".join(layouts.CORE) in " ".join((ROOT / "docs" / "acled.md").read_text().split())


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"PK\x03\x04\x14\x00rest of a workbook", "is not CSV: it is an Excel workbook"),
        (b'{"data": []}', "is not CSV: it is JSON; export CSV from ACLED instead"),
        (b"\xff\xfee\x00v\x00", "is not CSV: it is a binary file (or UTF-16 text)"),
        (b"just some words\nand more\n", "is not CSV: its first line has no commas"),
        (b"", "is empty, so it is not an ACLED export"),
        (b"\n\n", "is empty, so it is not an ACLED export"),
    ],
)
def test_a_file_that_is_not_csv_is_refused_in_one_line(
    known: Dataset, tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(DataError) as err:
        convert(path, known)
    assert err.value.message.startswith(f"{path}: {said}")
    assert "\n" not in err.value.message


def test_semicolon_separated_csv_imports(known: Dataset, tmp_path: Path) -> None:
    header, rows = sample_rows()
    path = write_csv(tmp_path / "excel.csv", header, rows, sep=";")
    assert convert(path, known)[1].events_written == 10


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
    assert seen == [1000, 2000, 2500]
    assert (report.rows_read, report.events_written) == (2501, 2500)
    assert report.rejected == [
        (5, "has a different number of fields than the header", "5 fields, the header has 31")
    ]
    assert text.count("[[events]]") == 2500


def test_an_overlong_field_is_said_once_and_in_words(known: Dataset, tmp_path: Path) -> None:
    """K65: a 200 MB line (a quote never closed) was rejected as "unreadable CSV record
    (line 2; e.g. unreadable CSV record (field larger than field limit (131072)))", and
    in the header it was "has no header row"."""
    header, rows = sample_rows()
    long_note = [*rows[0][:-1], "x" * 140_000]
    path = write_csv(tmp_path / "long.csv", header, [rows[0], long_note])
    _, report = convert(path, known)
    assert report.rejected == [(3, "unreadable CSV record", "a field of over 131,072 characters")]
    headless = write_csv(tmp_path / "head.csv", [*header[:-1], "y" * 140_000], rows[:1])
    with pytest.raises(DataError) as err:
        convert(headless, known)
    assert err.value.message == (
        f"{headless}: its header row cannot be read as CSV (a field of over 131,072 "
        "characters), so it is not an ACLED export"
    )


# --- the command ------------------------------------------------------------------------


def test_command_says_what_it_read_and_wrote(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.toml"
    result = run(
        "import", "acled", str(ACLED / "current-monadic.csv"), "--no-store", "-o", str(out)
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{ACLED / 'current-monadic.csv'}: read as ACLED current export, monadic",
        "1 of 10 rows rejected:",
        "  1 row: event_id_cnty has a third row; a monadic event has two"
        " (line 11; e.g. 'BFA9005' first on line 8)",
        "1 monadic row disagrees with their event's first row:",
        "  1 row: disagrees with its first row on fatalities; the first row's value is kept"
        " (line 6; e.g. line 5 has '7', this '9')",
        f"10 rows read (4 merged, monadic), 1 rejected; 5 events written -> {out}"
        " (source acled-current-monadic-2024-12-24)",
        "4 events after 9 November 2022, outside the bundled record (shown by default)",
        "actors: 1 matched, 7 created; places: 1 matched, 3 created",
    ]
    assert out.exists()


def test_command_says_nothing_of_events_after_the_record_when_there_are_none(
    run: Run, tmp_path: Path
) -> None:
    """U31: an export of 2015 printed "0 events after 9 November 2022, outside the
    bundled record (shown by default)", a line about nothing; said only when there are
    some (test_command_says_what_it_read_and_wrote has four)."""
    out = tmp_path / "out.toml"
    result = run("import", "acled", str(ACLED / "2015-upper.csv"), "--no-store", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1:] == [
        f"4 rows read, 0 rejected; 4 events written -> {out} (source acled-2015-upper-2015-01-21)",
        "actors: 1 matched, 3 created; places: 0 matched, 3 created",
    ]


@pytest.mark.parametrize(("good", "how"), [(0, "every row was"), (2, "most rows were")])
def test_command_fails_and_writes_nothing_when_most_rows_are_rejected(
    run: Run, tmp_path: Path, good: int, how: str
) -> None:
    header, rows = sample_rows()
    ok = [[f"MLI8{n}", *rows[0][1:]] for n in range(good)]
    bad = [[f"MLI9{n}", "someday", *rows[0][2:]] for n in range(5)]
    path = write_csv(tmp_path / "bad.csv", header, ok + bad)
    out = tmp_path / "out.toml"
    result = run("import", "acled", str(path), "--no-store", "-o", str(out))
    assert result.exit_code == 4
    assert result.stderr.splitlines()[1:] == [
        f"5 of {5 + good} rows rejected:",
        "  5 rows: event_date is not a date (expected 2022-03-27, 27 March 2022 or"
        f" 16/02/2021) (lines {', '.join(str(n + good) for n in range(2, 7))}; e.g. 'someday')",
        f"barkhane: {path}: {how} rejected, so nothing was written to {out}",
    ]
    assert not out.exists()


def test_command_refuses_a_workbook(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04workbook")
    result = run("import", "acled", str(path), "--no-store", "-o", str(tmp_path / "out.toml"))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: {path}: is not CSV: it is an Excel workbook or another zip file;"
        " save it as CSV (UTF-8)\n"
    )


# --- dates and names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("2022-03-27", "", "2022-03-27"),
        ("2022-03-27 00:00:00", "", "2022-03-27"),
        ("27 March 2022", "", "2022-03-27"),
        ("27-March-2022", "", "2022-03-27"),
        ("27 Mar 2022", "", "2022-03-27"),
        ("29 february 2024", "", "2024-02-29"),
        (" 1 January 2013 ", "", "2013-01-01"),
        ("16-Feb-21", "", "2021-02-16"),  # Excel
        ("5-Aug-24", "2024", "2024-08-05"),
        ("16/02/2021", "", "2021-02-16"),  # day first, as ACLED writes it
        ("3/2/2021", "", "2021-02-03"),
        ("31-12-19", "2019", "2019-12-31"),
        ("31-12-98", "", "1998-12-31"),  # ACLED begins in 1997
        ("01-January-2015", "", "2015-01-01"),
    ],
)
def test_parse_date(text: str, year: str, expected: str) -> None:
    assert parse_date(text, year).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("29 February 2022", "event_date is not a real date"),
        ("2022-02-30", "event_date is not a real date"),
        ("27 Marsh 2022", "event_date is not a date"),
        ("", "event_date is not a date"),
        ("2022", "event_date is not a date"),
        ("02/16/2021", "event_date is month first (ACLED writes the day first: 16/02/2021)"),
    ],
)
def test_parse_date_rejects(text: str, reason: str) -> None:
    with pytest.raises(Exception, match="event_date") as err:
        parse_date(text)
    assert err.value.reason.startswith(reason)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Military Forces of Mali (2021-)", "Military Forces of Mali"),
        ("Police Forces of Mali (2021-) Gendarmerie", "Police Forces of Mali Gendarmerie"),
        ("Military Forces of France (2017-2022)", "Military Forces of France"),
        ("Military Forces of Sudan (2011-2019, Omar al-Bashir)", "Military Forces of Sudan"),
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


def test_the_docs_types_table_is_the_mapping() -> None:
    from barkhane_cli.importers.acled.types import type_table

    text = (FIXTURES.parent.parent / "docs" / "acled.md").read_text(encoding="utf-8")
    section = text.split("## Types", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| ACLED") and "---" not in line
    ]
    for event_type, sub, ours in type_table():
        fits = [
            r
            for r in rows
            if r[0].lower() == event_type
            and (r[1].lower().startswith(sub) if sub else r[1] == "" or r[1].startswith("any"))
        ]
        assert [r[2] for r in fits[:1]] == [ours], (event_type, sub)


def roles(doc: dict[str, Any]) -> dict[str, tuple[Any, Any, Any]]:
    return {
        e["id"]: (e.get("perpetrators"), e.get("targets"), e.get("attribution"))
        for e in doc["events"]
    }


def test_roles_follow_acled_actor_order(known: Dataset) -> None:
    doc, _ = load(known, "2019-2022.csv")
    assert roles(doc) == {
        # "JNIM ... and/or Islamic State (Greater Sahara)": either group, so suspected.
        "acled-mli5001": (
            ["jnim", "acled-islamic-state-greater-sahara"],
            ["acled-civilians-mali"],
            "suspected",
        ),
        # Remote violence: actor 1 fired; "presumed JNIM positions" hedges the target.
        "acled-mli5002": (["france"], ["jnim"], "attributed"),
        "acled-mli5003": (None, None, None),  # an agreement has no perpetrators
        # A battle names no attacker, and one side is ACLED's unidentified group: no
        # one is the perpetrator (not "attributed to Mali, Wagner Group", U54).
        "acled-mli5004": (None, None, "unknown"),
    }


def test_roles_in_monadic_and_old_exports(known: Dataset) -> None:
    doc, _ = load(known, "current-monadic.csv")
    assert roles(doc) == {
        "acled-bfa9001": (
            ["jnim"],
            ["acled-civilians-burkina-faso", "acled-farmers-burkina-faso"],
            "suspected",  # "suspected JNIM militants"
        ),
        "acled-bfa9002": (None, None, None),  # a protest
        # A battle: each side on both sides, as the record writes a fight of which no
        # one is named the attacker.
        "acled-bfa9003": (
            [
                "acled-military-forces-of-burkina-faso",
                "acled-vdp-volunteer-for-defense-of-homeland",
                "acled-islamic-state-sahel",
            ],
            [
                "acled-military-forces-of-burkina-faso",
                "acled-vdp-volunteer-for-defense-of-homeland",
                "acled-islamic-state-sahel",
            ],
            "attributed",
        ),
        # Only "Unidentified Armed Group (Burkina Faso)" on actor 1's side: no one named.
        "acled-bfa9004": (None, ["acled-military-forces-of-burkina-faso"], "unknown"),
        "acled-bfa9005": (["jnim"], ["acled-civilians-burkina-faso"], "attributed"),  # looting
    }
    doc, _ = load(known, "2015-upper.csv")
    assert roles(doc) == {
        "acled-1mli": (["mali"], ["acled-civilians-mali"], "suspected"),  # "soldiers allegedly"
        "acled-2mli": (None, None, None),
        "acled-3mli": (["acled-katiba-macina", "mali"], ["acled-katiba-macina", "mali"], "claimed"),
        "acled-4mli": (["acled-katiba-macina"], None, "attributed"),  # took it, no fight
    }


def test_a_battle_names_no_attacker_in_the_timeline_or_its_filters(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    """U54: ACLED's clash at Inates read "attributed to ISGS, Niger", the attack on Niger's
    camp listed as Niger's own. Now its two sides read as a fight, as the record's own
    battles between two sides do, and its civilians' killing keeps its direction."""
    header, row = first_row(FIXTURES / "acled" / "2019-2022.csv")
    row.update(
        event_id_cnty="NER9001", event_date="10 December 2019", year="2019",
        event_type="Battles", sub_event_type="Armed clash",
        actor1="Islamic State (Greater Sahara)", assoc_actor_1="", inter1="2",
        actor2="Military Forces of Niger (2011-2021)", assoc_actor_2="", inter2="1",
        country="Niger", admin1="Tillaberi", admin2="Tillaberi", admin3="Ayorou",
        location="Inates", latitude="15.2167", longitude="1.1667", geo_precision="1",
        notes="FICTIONAL TEST ROW.", fatalities="71",
    )  # fmt: skip
    killing = dict(row, event_id_cnty="NER9002", event_type="Violence against civilians",
                   sub_event_type="Attack", actor2="Civilians (Niger)", inter2="7")  # fmt: skip
    export = write_rows(tmp_path / "acled.csv", header, [row, killing])
    # both rows kept: the record's own Inates attack is the same incident as each
    fields = ("--keep-matched", "--fields", "id,perpetrators,targets,attribution")
    shown = run("timeline", "--data", str(export), "--year", "2019", "--tag", "acled", *fields)
    assert shown.stdout.splitlines() == [
        "acled-ner9001\tisgs,niger\tisgs,niger\tattributed",
        "acled-ner9002\tisgs\tcivilians\tattributed",
    ]
    card = run("event", "acled-ner9001", "--data", str(export))
    assert "roles\tattributed: ISGS ↔ Niger" in card.stdout.splitlines()


def test_imported_events_after_the_record_show_by_default(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.toml"
    assert (
        run(
            "import", "acled", str(ACLED / "current-monadic.csv"), "--no-store", "-o", str(out)
        ).exit_code
        == 0
    )
    result = run("timeline", "--data", str(out), "--since", "2024", "--format", "tsv")
    assert [r.split("\t")[3] for r in result.stdout.splitlines()[1:]] == [
        "acled-bfa9001",
        "acled-bfa9003",
        "acled-bfa9004",
        "acled-bfa9005",
    ]


@pytest.mark.record  # conftest: among the tests of the bundled record
def test_new_places_are_filed_in_the_records_regions_before_acleds_admin1(
    tmp_path: Path,
) -> None:
    """U24 (the rule shared with import ucdp): an export names first-level regions as they
    were when coded, and "Gao" for a point in what the record holds as the Ménaka Region
    filed the new place in gao-region. The outline that holds the point decides first."""
    header, rows = sample_rows()
    at = {name: i for i, name in enumerate(header)}
    row = list(rows[0])
    changes = {"admin1": "Gao", "admin2": "Menaka", "admin3": "Inekar", "location": "Inekar",
               "latitude": "15.95", "longitude": "3.16"}  # fmt: skip
    for key, value in changes.items():
        row[at[key]] = value
    path = write_csv(tmp_path / "men.csv", header, [row])
    bundled = checked_record()[0]  # the record as it ships: its outlines
    places = {p["id"]: p for p in tomllib.loads(convert(path, bundled)[0])["places"]}
    assert places["acled-mali-gao-inekar"]["within"] == "menaka-region"


def test_validate_counts_an_exports_rejected_rows_as_a_problem(run: Run, tmp_path: Path) -> None:
    """U31: `validate EXPORT.csv` said "ok", exit 0, with a row rejected, which import
    leaves out: the file does not wholly import. Validate says how many and why the
    first was, on its line, and exits 4; reading it as --data, and import, go on."""
    export = ACLED / "2019-2022.csv"
    result = run("validate", str(export))
    assert (result.exit_code, result.stdout) == (
        4,
        f"{export}:6: 1 of 5 rows rejected, so it does not wholly import; the first: "
        "event_date is not a real date ('31/02/2021') "
        f"(barkhane import acled {export} -o 2019-2022.toml lists each with its reason)\n",
    )
    assert result.stderr.startswith("1 problem in 1 file (")
    listed = run("validate", str(export), "-f", "json")
    assert [(p["line"], p["severity"]) for p in json.loads(listed.stdout)] == [(6, "error")]
    clean = run("validate", str(ACLED / "2015-upper.csv"))
    assert (clean.exit_code, clean.stdout) == (0, "")
    assert clean.stderr.startswith("ok: 1 file, ")
    read = run("timeline", "--data", str(export), "-n", "0")
    assert (read.exit_code, read.stderr) == (
        0,
        f"{export}: 1 of 5 rows rejected "
        f"(barkhane import acled {export} -o 2019-2022.toml lists each with its reason)\n",
    )
    out = tmp_path / "out.toml"
    assert run("import", "acled", str(export), "--no-store", "-o", str(out)).exit_code == 0
