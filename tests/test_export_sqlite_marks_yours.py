"""An export's sources, actors, places and facts say which are the user's, as its events
do (U61 #9: `export sqlite --data good.toml` marked only events; the user's source
`desk-note-1` looked like the record's own)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import Run

MINE = """\
[[sources]]
id = "my-notes"
title = "My notes"
publisher = "Me"
kind = "article"

[[actors]]
id = "my-militia"
name = "My militia"
kind = "armed-group"
country = "Mali"
summary = "A group of my own."
sources = [{ id = "my-notes" }]

[[places]]
id = "my-village"
name = "My village"
kind = "village"
lat = 12.7
lon = -8.1
region = "Bamako Capital District"
country = "Mali"
sources = [{ id = "my-notes" }]

[[facts]]
id = "my-count"
label = "My count of troops"
value = 12
unit = "troops"
as_of = "2020"
scope = "Mali"
category = "troops"
sources = [{ id = "my-notes" }]
"""
TABLES = {
    "sources": "my-notes",
    "actors": "my-militia",
    "places": "my-village",
    "facts": "my-count",
}


def test_every_table_of_entries_marks_the_user_s(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE, encoding="utf-8")
    out = tmp_path / "out.db"
    res = run("export", "sqlite", "--data", str(mine), str(out))
    assert res.exit_code == 0, res.output
    with sqlite3.connect(out) as db:
        for table, ident in TABLES.items():
            rows = db.execute(f"SELECT id, yours, data_file FROM {table}").fetchall()
            marked = {i: (y, f) for i, y, f in rows if y}
            assert marked == {ident: (1, str(mine))}, table
            assert all((y, f) == (0, None) for i, y, f in rows if i != ident), table
