"""barkhane import ucdp on synthetic GED files written from the codebook (issue 24).

tests/fixtures/ucdp holds no real UCDP row: ids 9000xx, rows shaped as the GED codebook
describes (a yearly release and a Candidate file with its 49 columns, an API dump with a
subset and an unnamed row-number column).
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import FIXTURES, Run, as_json, checked_record, first_row, write_rows

UCDP = FIXTURES / "ucdp"
RELEASE = UCDP / "GEDEvent_v22_1.csv"


def _import(run: Run, export: Path, out: Path, *more: str) -> Result:
    """import ucdp of export into out, the file only (--no-store): a test reads it back or
    queries it once, and a store compiled per import had grown the suite past a minute."""
    return run("import", "ucdp", str(export), "--no-store", "-o", str(out), *more)


def _filed_by(sliced: Callable[..., Path]) -> None:
    """A slice of the record (conftest.sliced) as the bundled data: every place and actor
    (what an import's rows are filed and named by), and what they name, but none of its
    events beyond those: for the tests that query or check their import over the record,
    each of which compiled a store of the whole record under it (~1-2 s of CPU)."""
    record, _ = checked_record()
    sliced(*record.places, *record.actors)


def _entries(path: Path, table: str = "events") -> dict[str, dict[str, object]]:
    """The entries of a written file's table (its events unless told), by id."""
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return {e["id"]: e for e in doc[table]}


def test_a_release_imports_with_roles_deaths_and_places(
    sliced: Callable[..., Path], run: Run, tmp_path: Path
) -> None:
    _filed_by(sliced)
    out = tmp_path / "ucdp.toml"
    result = _import(run, RELEASE, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        f"{RELEASE}: read as UCDP GED yearly release",
        f"4 rows read, 0 rejected; 4 events written -> {out} (source ucdp-gedevent-v22-1)",
    ]
    events = _entries(out)
    battle = events["ucdp-900001"]
    # state-based violence names no attacker: each side on both sides ("Mali ↔ JNIM")
    assert (battle["type"], battle["perpetrators"], battle["targets"], battle["places"]) == (
        "battle", ["mali", "jnim"], ["mali", "jnim"], ["dioura"],
    )  # fmt: skip
    assert (battle["fatalities"], battle["fatalities_low"], battle["fatalities_high"]) == (
        24,
        21,
        30,
    )
    assert battle["title"] == "Government of Mali and JNIM fight at Dioura"
    one_sided = events["ucdp-900002"]
    # one-sided violence: side A the perpetrator, civilians the target; "IS" in Burkina
    # Faso after May 2015 is the Islamic State's Sahel branch
    assert (one_sided["type"], one_sided["perpetrators"], one_sided["targets"]) == (
        "attack", ["isgs"], ["civilians"],
    )  # fmt: skip
    assert (one_sided["date"], one_sided["end"]) == ("2019-12-24", "2019-12-26")
    assert one_sided["disputed"] == "UCDP codes this event as unclear (event_clarity 2)"
    assert "fatalities_low" not in one_sided  # low = high: one count, no range
    # where_prec 6: the country, and no point invented for it
    assert events["ucdp-900003"]["places"] == ["mali"]
    loaded = run("timeline", "--data", str(out), "--tag", "ucdp", "--format", "json")
    assert loaded.exit_code == 0, loaded.stderr
    check = run("validate", str(out))
    assert check.exit_code == 0, check.stdout


def test_layouts_are_named_and_candidates_tagged(bundled: None, run: Run, tmp_path: Path) -> None:
    cand = _import(run, UCDP / "GEDEvent_v23_0_4.csv", tmp_path / "c.toml")
    assert cand.exit_code == 0, cand.stderr
    assert cand.stderr.splitlines()[0].endswith("read as UCDP GED Candidate file")
    events = _entries(tmp_path / "c.toml")
    assert all("ucdp-candidate" in e["tags"] for e in events.values())  # type: ignore[operator]
    assert "UCDP Candidate code_status: Check deaths" in str(events["ucdp-900002"]["disputed"])
    api = _import(run, UCDP / "api.csv", tmp_path / "a.toml")
    assert api.exit_code == 0, api.stderr
    assert api.stderr.splitlines()[0].endswith("read as UCDP GED API dump")
    assert _entries(tmp_path / "a.toml")["ucdp-900001"]["date"] == "2019-03-17"  # ISO timestamp


def test_a_candidate_file_is_told_by_its_months_or_any_rows_status(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    """K65: a real Candidate file, GEDEvent_v26_01_26_06 (January to June), was read as a
    yearly release: its name has no `_0_` month, and with --country the rows left out
    (one coded "Check dyad") were never asked their code_status."""
    header, template = first_row(RELEASE)
    clear = dict(template, id="900101", code_status="Clear")
    checked = dict(template, id="900102", code_status="Check dyad", country="Niger")
    months = write_rows(tmp_path / "GEDEvent_v26_01_26_06.csv", header, [clear])
    result = _import(run, months, tmp_path / "m.toml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"{months}: read as UCDP GED Candidate file"
    assert "ucdp-candidate" in _entries(tmp_path / "m.toml")["ucdp-900101"]["tags"]  # type: ignore[operator]
    mixed = write_rows(tmp_path / "ged-sahel.csv", header, [clear, checked])
    kept = _import(run, mixed, tmp_path / "k.toml", "--country", "Mali")
    assert kept.exit_code == 0, kept.stderr
    assert kept.stderr.splitlines()[0] == f"{mixed}: read as UCDP GED Candidate file"
    assert list(_entries(tmp_path / "k.toml")) == ["ucdp-900101"]
    assert "ucdp-candidate" in _entries(tmp_path / "k.toml")["ucdp-900101"]["tags"]  # type: ignore[operator]


def test_country_filter_and_wrong_files(bundled: None, run: Run, tmp_path: Path) -> None:
    niger = _import(run, RELEASE, tmp_path / "n.toml", "--country", "Niger")
    assert niger.exit_code == 0, niger.stderr
    assert "4 rows read (3 outside --country left out), 0 rejected; 1 event written" in niger.stderr
    assert list(_entries(tmp_path / "n.toml")) == ["ucdp-900004"]
    acled = _import(run, FIXTURES / "acled" / "current.csv", tmp_path / "x")
    assert acled.exit_code == 4
    assert "is not a UCDP GED file: no id, type_of_violence, side_a, side_b" in acled.stderr
    # the importer to use, named as the command is typed (K61: "use import acled")
    assert acled.stderr.endswith("is it an ACLED export? use barkhane import acled)\n")
    swapped = run("import", "acled", str(RELEASE), "--no-store", "-o", str(tmp_path / "y.toml"))
    assert swapped.exit_code == 4
    assert swapped.stderr == (
        f"barkhane: {RELEASE}: is a UCDP GED file, not an ACLED export: use barkhane import ucdp\n"
    )
    assert not (tmp_path / "x").exists() and not (tmp_path / "y.toml").exists()


def test_hostile_fields_and_bad_rows(bundled: None, run: Run, tmp_path: Path) -> None:
    """Quotes, a newline and a terminal escape inside fields; impossible values rejected by
    reason with their line numbers; the good rows still import."""
    with RELEASE.open(encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    at = {name: i for i, name in enumerate(header)}

    def variant(n: int, **changes: str) -> list[str]:
        row = list(rows[0])
        row[at["id"]] = str(n)
        for key, value in changes.items():
            row[at[key]] = value
        return row

    extra = [
        variant(900010, where_coordinates='Dio"ura\nx\x1b[31m town', source_office="A;B;"),
        variant(900011, best="40"),  # above high (30)
        variant(900012, date_start="24/12/2019"),
        list(rows[0]),  # 900001 again
    ]
    path = tmp_path / "hostile.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows, *extra])
    out = tmp_path / "h.toml"
    result = _import(run, path, out)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[1] == "3 of 8 rows rejected:"
    assert any(line.startswith("  1 row: best is not between low and high") for line in lines)
    assert any(line.startswith("  1 row: date_start is not a date (YYYY-MM-DD)") for line in lines)
    assert any(
        line.startswith("  1 row: id repeats an earlier row; the first is kept") for line in lines
    )
    assert "1 field held control characters" in result.stderr
    title = str(_entries(out)["ucdp-900010"]["title"])
    assert "\x1b" not in title and 'Dio"ura' in title
    assert run("validate", str(out)).exit_code == 0


def _ged(path: Path, *changes: dict[str, str]) -> Path:
    """A GED file of the release's first row (Dioura, 2019-03-17) once per ``changes``."""
    header, first = first_row(RELEASE)
    return write_rows(path, header, [first | change for change in changes])


def test_where_prec_gives_the_place_ucdps_codebook_means(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    """U23: 3 was "a place near the point", 4 too, and 5 the first-level region. The
    codebook's 3 and 4 are ADM2 and ADM1 divisions known by their centroids, 5 a part of the
    country: a centroid is never a settlement's point, a part of a country never a region."""
    ged = _ged(
        tmp_path / "prec.csv",
        *({"id": f"90010{p}", "where_prec": p} for p in "1234567"),
        # a division's centroid that falls on a settlement is still the division
        {"id": "900113", "where_prec": "3", "where_coordinates": "Dioura town"},
    )
    out = tmp_path / "prec.toml"
    result = _import(run, ged, out)
    assert result.exit_code == 0, result.stderr
    events = _entries(out)
    got = {i: (e["places"], e["title"]) for i, e in events.items()}
    fight = "Government of Mali and JNIM fight"
    division = "ucdp-mali-mopti-region-tenenkou-cercle"
    assert got == {
        "ucdp-900101": (["dioura"], f"{fight} at Dioura"),
        "ucdp-900102": (["ucdp-mali-mopti-region-near-dioura"], f"{fight} near Dioura"),
        "ucdp-900103": ([division], f"{fight} in Tenenkou cercle"),
        "ucdp-900104": (["mopti-region"], f"{fight} in Mopti region"),
        "ucdp-900105": (["mali"], f"{fight} in part of Mali"),
        "ucdp-900106": (["mali"], f"{fight} in Mali"),
        "ucdp-900107": ([], f"{fight} in Mali"),
        "ucdp-900113": ([division], f"{fight} in Tenenkou cercle"),
    }
    places = _entries(out, "places")
    made = places[division]
    assert (made["name"], made["kind"], made["within"]) == (
        "Tenenkou cercle",
        "area",
        "mopti-region",
    )
    assert str(made["summary"]).startswith("A second-level division (ADM2): UCDP's point for it")
    assert str(made["summary"]).endswith("UCDP where_prec 3.")
    # the area near Dioura (2) is not the division (3), though both sit at Dioura's point
    assert places["ucdp-mali-mopti-region-near-dioura"]["kind"] == "area"
    assert run("validate", str(out)).exit_code == 0


def test_an_area_near_a_settlement_is_named_so_and_is_no_namesake_region(
    sliced: Callable[..., Path], run: Run, tmp_path: Path
) -> None:
    """U24: a where_prec 2 row near Boulkessi made an area named "Boulkessi", and the base's
    card offered it as its namesake region ("Boulkessi is the town; Boulkessi is barkhane
    place ucdp-mali-mopti-region-boulkessi")."""
    _filed_by(sliced)
    ged = _ged(
        tmp_path / "near.csv",
        {"id": "900201", "where_prec": "2", "where_coordinates": "Boulkessi village",
         "latitude": "15.05", "longitude": "-1.2"},
    )  # fmt: skip
    out = tmp_path / "near.toml"
    assert _import(run, ged, out).exit_code == 0
    area = next(p for p in _entries(out, "places").values() if p["kind"] == "area")
    assert (area["id"], area["name"]) == ("ucdp-mali-mopti-region-near-boulkessi", "near Boulkessi")
    card = run("place", "boulkessi", "--data", str(out), "--format", "json")
    assert card.exit_code == 0, card.stderr
    assert as_json(card)["namesake_region"] is None
    # an area of the very name (an ACLED import names its areas so) is no region either
    same = tmp_path / "same.toml"
    same.write_text(
        '[[places]]\nid = "acled-boulkessi"\nname = "Boulkessi"\nkind = "area"\n'
        'within = "mopti-region"\nlat = 15.05\nlon = -1.2\n'
        'summary = "ACLED geo_precision 2."\nsources = [{ id = "ucdp-near" }]\n',
        encoding="utf-8",
    )
    text = run("place", "boulkessi", "--data", str(out), "--data", str(same))
    assert text.exit_code == 0, text.stderr
    assert "is the town" not in text.stdout
    # a town and its region still say so
    diffa = run("place", "diffa", "--format", "json")
    assert as_json(diffa)["namesake_region"] == "diffa-region"
    assert "Diffa is the town" in run("place", "diffa").stdout  # the words looked for above


def test_codes_outside_the_codebook_are_refused_by_reason(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    """U24: where_prec 8 made an area "Dioura" ("UCDP where_prec 8") and an empty one put a
    "near" row on the curated town, while type_of_violence 4 was refused. Every coded
    column is checked the same way; an optional one (absent from API dumps) may be empty."""
    good = [{"id": f"90030{n}"} for n in range(7)]
    ged = _ged(
        tmp_path / "codes.csv",
        *good,
        {"id": "900311", "where_prec": "8"},
        {"id": "900312", "where_prec": ""},
        {"id": "900313", "where_prec": "near"},
        {"id": "900314", "date_prec": "6"},
        {"id": "900315", "event_clarity": "3", "type_of_violence": "4"},
        {"id": "900316", "event_clarity": "", "date_prec": ""},
    )
    out = tmp_path / "codes.toml"
    result = _import(run, ged, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[1:5] == [
        "5 of 13 rows rejected:",
        "  3 rows: where_prec is not 1 to 7 (lines 9, 10, 11; e.g. '8')",
        "  1 row: date_prec is not 1 to 5 (line 12; e.g. '6')",
        "  1 row: type_of_violence is not 1, 2 or 3 (line 13; e.g. '4')",
    ]
    events = _entries(out)
    assert sorted(events) == [*(g["id"].replace("9", "ucdp-9", 1) for g in good), "ucdp-900316"]
    places = tomllib.loads(out.read_text(encoding="utf-8")).get("places", [])
    assert not any("where_prec 8" in str(p["summary"]) for p in places)
    clarity = _ged(tmp_path / "clarity.csv", *good, {"id": "900317", "event_clarity": "3"})
    refused = _import(run, clarity, tmp_path / "c.toml")
    assert "  1 row: event_clarity is not 1 or 2 (line 9; e.g. '3')" in refused.stderr


def test_country_resolves_as_everywhere_and_no_empty_file_replaces_one(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    """U24: `--country Maly` (and MLI, Narnia) kept no row and an empty file replaced the
    good one there, exit 0. --country reads ISO codes and aliases as every --country does,
    refuses an unknown name as `timeline --country Maly` does, and an import with no event
    to write leaves the file there as it was."""
    out = tmp_path / "m.toml"
    assert _import(run, RELEASE, out).exit_code == 0
    good = out.read_bytes()
    typo = _import(run, RELEASE, out, "--country", "Maly")
    timeline = run("timeline", "--country", "Maly")
    assert (typo.exit_code, typo.stderr) == (timeline.exit_code, timeline.stderr)
    assert typo.exit_code == 3
    assert typo.stderr == "barkhane: no country matches 'Maly'; did you mean Mali (mali)?\n"
    iso = _import(run, RELEASE, tmp_path / "iso.toml", "--country", "NER")
    assert "4 rows read (3 outside --country left out), 0 rejected; 1 event written" in iso.stderr
    none = _import(run, RELEASE, out, "--country", "TG")
    assert none.exit_code == 4
    assert none.stderr.splitlines()[-1] == (
        f"barkhane: {RELEASE}: no event to write (all 4 rows are outside --country), so "
        f"nothing was written; {out} was kept as it was"
    )
    assert out.read_bytes() == good


def test_new_places_are_filed_in_the_records_regions_before_ucdps_adm_1(
    sliced: Callable[..., Path], run: Run, tmp_path: Path
) -> None:
    """U24: a where_prec 2 row 6 km from Ménaka with GED's adm_1 "Gao region" (the region
    before Ménaka's was made from it) was filed in gao-region, and `timeline --place
    menaka-region` missed it. The curated settlement it matches decides, else the outline
    that holds its point, else UCDP's adm_1."""
    _filed_by(sliced)
    gao = {"adm_1": "Gao region", "adm_2": "Menaka cercle"}
    ged = _ged(
        tmp_path / "men.csv",
        {"id": "900401", "where_prec": "2", "where_coordinates": "Menaka town",
         "latitude": "15.87", "longitude": "2.40", **gao},
        # no curated Inékar: the Ménaka Region's outline holds its point
        {"id": "900402", "where_prec": "1", "where_coordinates": "Inekar village",
         "latitude": "15.95", "longitude": "3.16", **gao},
        # no outline of ours holds a point in Tibesti: UCDP's adm_1, as before
        {"id": "900403", "where_prec": "1", "where_coordinates": "Zouar town",
         "latitude": "20.45", "longitude": "16.52", "country": "Chad",
         "adm_1": "Tibesti region", "adm_2": ""},
    )  # fmt: skip
    out = tmp_path / "men.toml"
    result = _import(run, ged, out)
    assert result.exit_code == 0, result.stderr
    places = _entries(out, "places")
    within = {i: p["within"] for i, p in places.items() if p["kind"] != "region"}
    assert within == {
        "ucdp-mali-gao-region-near-menaka": "menaka-region",
        "ucdp-mali-gao-region-inekar": "menaka-region",
        "ucdp-chad-tibesti-region-zouar": "ucdp-chad-tibesti-region",
    }
    listed = run(
        "timeline", "--place", "menaka-region", "--data", str(out), "--tag", "ucdp",
        "--format", "csv", "--fields", "id",
    )  # fmt: skip
    assert listed.stdout.split() == ["id", "ucdp-900401", "ucdp-900402"]
    assert run("validate", str(out)).exit_code == 0
