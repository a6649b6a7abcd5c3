"""compare takes --min-deaths as timeline, map and gaps do (U32).

A user asking for the large incidents beside a UCDP file (`compare --min-deaths 20 --data
ged.csv`) was told "no such option '--min-deaths'" though the command's help says its
filters choose curated events "as in timeline". The toll read is timeline's: the highest
count a source gives.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, TEST_SOURCE, Run, as_json, first_row, write_rows

UCDP_HEADER = FIXTURES / "ucdp" / "GEDEvent_v22_1.csv"

CURATED = (
    TEST_SOURCE
    + """
[[events]]
id = "big-attack"
date = "2019-05-10"
title = "A large attack in Timbuktu"
summary = "A test attack."
type = "attack"
perpetrators = ["jnim"]
attribution = "attributed"
places = ["timbuktu"]
fatalities = 10
sources = [{ id = "test-src" }]

[[events]]
id = "small-attack"
date = "2019-06-11"
title = "A small attack in Timbuktu"
summary = "Another test attack."
type = "attack"
perpetrators = ["jnim"]
attribution = "attributed"
places = ["timbuktu"]
fatalities = 3
sources = [{ id = "test-src" }]

[[events]]
id = "ranged-attack"
date = "2019-07-12"
title = "An attack counted 2 to 30 dead in Timbuktu"
summary = "A third test attack."
type = "attack"
perpetrators = ["jnim"]
attribution = "attributed"
places = ["timbuktu"]
fatalities_low = 2
fatalities_high = 30
sources = [{ id = "test-src" }]
"""
)


def _files(tmp_path: Path) -> list[str]:
    curated = tmp_path / "curated.toml"
    curated.write_text(CURATED, encoding="utf-8")
    header, template = first_row(UCDP_HEADER)
    ged = dict(template)
    ged.update(
        id="990001", year="2019", type_of_violence="3", side_a="JNIM", side_b="Civilians",
        where_prec="1", where_description="Timbuktu", adm_1="Tombouctou region",
        latitude="16.76", longitude="-3.02", country="Mali", date_prec="1",
        date_start="2019-05-10", date_end="2019-05-10", best="12", low="10", high="15",
        event_clarity="1", code_status="Clear",
    )  # fmt: skip
    ged_csv = write_rows(tmp_path / "GEDEvent_v22_1.csv", header, [ged])
    return ["--data", str(curated), "--data", str(ged_csv)]


def test_compare_keeps_the_events_with_at_least_n_dead(run: Run, tmp_path: Path) -> None:
    data = _files(tmp_path)
    result = run("compare", *data, "--year", "2019", "--min-deaths", "5", "-f", "json")
    assert result.exit_code == 0, result.stderr
    out = {e["id"]: e for e in as_json(result)}
    # the range counts by its highest count, as in timeline; 3 dead is under 5
    assert sorted(out) == ["big-attack", "ranged-attack"]
    assert [m["record_id"] for m in out["big-attack"]["matches"]] == ["990001"]
    timeline = run("timeline", *data[:2], "--year", "2019", "--min-deaths", "5", "-f", "json")
    assert sorted(e["id"] for e in as_json(timeline)) == sorted(out)


def test_compare_min_deaths_is_checked_as_elsewhere(run: Run, tmp_path: Path) -> None:
    result = run("compare", *_files(tmp_path), "--min-deaths", "-3")
    assert result.exit_code == 2
    assert result.stderr.strip() == "barkhane: --min-deaths -3: give a whole number, 0 or more"
