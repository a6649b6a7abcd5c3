"""export sqlite writes no reference to a place that is not in `places` (U32).

The record places Doha in "Qatar", a country no place entry is: the export's event_places
row (chad-doha-agreement-2022, qatar, 0) pointed at no row of `places`, so `PRAGMA
foreign_key_check` failed on the exported file and Datasette linked it to nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import Run, as_json

DOHA = """
[[places]]
id = "doha"
name = "Doha"
kind = "capital"
lat = 25.2855
lon = 51.531
country = "Qatar"
sources = [{ id = "ref-a" }]

[[events]]
id = "doha-talks"
date = "2022-08-08"
title = "Talks end in Doha"
summary = "S."
type = "diplomacy"
places = ["doha", "timbuktu"]
sources = [{ id = "ref-a" }]
"""


def test_every_reference_of_the_export_holds(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "doha.toml"
    data.write_text(DOHA, encoding="utf-8")
    target = tmp_path / "out.db"
    result = run("export", "sqlite", str(target), "--data", str(data))
    assert result.exit_code == 0, result.stderr
    db = sqlite3.connect(target)
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        places = db.execute(
            "SELECT place_id, direct FROM event_places WHERE event_id = 'doha-talks' "
            "ORDER BY direct DESC, place_id"
        ).fetchall()
        countries = db.execute(
            "SELECT country_id FROM event_countries WHERE event_id = 'doha-talks' "
            "ORDER BY country_id"
        ).fetchall()
    finally:
        db.close()
    assert places == [("doha", 1), ("timbuktu", 1)]
    # the country is still the event's, by its key, as --country qatar finds it
    assert countries == [("mali",), ("qatar",)]
    found = run("timeline", "--country", "qatar", "--data", str(data), "-f", "json")
    assert [e["id"] for e in as_json(found)] == ["doha-talks"]
