"""compare says how far a record is from our event as far as it is known, and wraps its
lines under the words they continue (U54: "0 km" for ACLED's point 16 km from our
Inatès, which the import had placed at our settlement; at 80 columns "Barkhane → AQIM"
continued at column 0 under "ours:"). The rows are synthetic, from the codebook's header."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, TEST_SOURCE, Run, first_row, write_rows

CURATED = (
    TEST_SOURCE
    + """
[[events]]
id = "tbk-army-attack"
date = "2019-05-10"
title = "Jihadists attack the army camp in Timbuktu and the French and Malian posts nearby"
summary = "A test attack."
type = "attack"
actors = ["jnim", "mali", "france"]
perpetrators = ["jnim"]
targets = ["mali", "france"]
attribution = "claimed"
places = ["timbuktu"]
fatalities = 10
sources = [{ id = "test-src" }]
"""
)


def _data(tmp_path: Path, location: str, lat: str) -> list[str]:
    curated = tmp_path / "curated.toml"
    curated.write_text(CURATED, encoding="utf-8")
    header, row = first_row(FIXTURES / "acled" / "2019-2022.csv")
    row.update(
        event_id_cnty="MLI9201", event_id_no_cnty="9201", event_date="2019-05-10",
        year="2019", time_precision="1", event_type="Violence against civilians",
        sub_event_type="Attack", actor1="JNIM: Group for Support of Islam and Muslims",
        assoc_actor_1="", inter1="2", actor2="Civilians (Mali)", assoc_actor_2="",
        inter2="7", interaction="27", country="Mali", admin1="Timbuktu", admin2="Timbuktu",
        admin3="Timbuktu", location=location, latitude=lat, longitude="-3.01",
        geo_precision="1", notes="FICTIONAL TEST ROW.", fatalities="10",
    )  # fmt: skip
    acled = write_rows(tmp_path / "acled.csv", header, [row])
    return ["--data", str(curated), "--data", str(acled), "--year", "2019"]


def _record_line(run: Run, tty: dict[str, str], data: list[str]) -> str:
    result = run("compare", *data, env=tty)
    assert result.exit_code == 0, result.stderr
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("  ACLED MLI9201 ")]
    return line


def test_a_record_placed_at_our_place_gives_no_distance(
    run: Run, tmp_path: Path, tty: dict[str, str]
) -> None:
    data = _data(tmp_path, "Tombouctou", "16.80")  # 3.3 km off: linked to our Timbuktu
    line = _record_line(run, {**tty, "COLUMNS": "200"}, data)
    assert ", placed at our Timbuktu (within 25 km), 10 dead;" in line
    match = json.loads(run("compare", *data, "-f", "json").stdout)[0]["matches"][0]
    assert (match["distance_km"], match["same_place"]) == (None, True)


def test_a_record_near_ours_is_never_zero_km(run: Run, tmp_path: Path, tty: dict[str, str]) -> None:
    data = _data(tmp_path, "Kabara", "16.773")  # its own place, 0.3 km from Timbuktu's point
    line = _record_line(run, {**tty, "COLUMNS": "200"}, data)
    assert ": same day, 0.3 km, 10 dead;" in line
    match = json.loads(run("compare", *data, "-f", "json").stdout)[0]["matches"][0]
    assert (match["distance_km"], match["same_place"]) == (0.3, False)


def test_wrapped_lines_continue_under_their_words_at_80_columns(
    run: Run, tmp_path: Path, tty: dict[str, str]
) -> None:
    result = run("compare", *_data(tmp_path, "Kabara", "16.773"), env={**tty, "COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert lines[:6] == [
        "2019-05-10  Jihadists attack the army camp in Timbuktu and the French and Malian",
        "            posts nearby  tbk-army-attack",
        "  ours: attack at Timbuktu · 10 deaths · claimed or admitted: JNIM → Mali,",
        "    France",
        "  ACLED MLI9201 0.95: same day, 0.3 km, 10 dead; JNIM",
        "  deaths: ours 10 · ACLED 10",
    ]
    assert all(len(x) <= 80 for x in lines)
