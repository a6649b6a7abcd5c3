"""export sqlite marks the user's events as every other output does (U54 #10): `yours` and
`replaces` with JSON's and CSV's meaning, the file each came from in `data_file`, and the
layered files, in layer order, in `meta`. The README promises "your events are marked as
yours wherever they are shown"; a Datasette reader had only the id to go by."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import FIXTURES, Run, as_json

MINE = """\
[[events]]
id = "serval"
date = "2013-01-11"
end = "2014-07-15"
title = "Operation Serval, as I date it"
summary = "France intervenes."
type = "operation"
actors = ["france", "serval", "mali"]
places = ["bamako", "timbuktu"]
sources = [{ id = "ref-a" }]

[[events]]
id = "my-own-event"
date = "2020-02-02"
title = "Something I recorded"
summary = "A report of mine."
type = "report"
sources = [{ id = "ref-a" }]
"""


def test_the_users_rows_are_marked_with_their_file(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE, encoding="utf-8")
    geo = FIXTURES / "geo.toml"
    layers = ["--data", str(geo), "--data", str(mine)]
    out = tmp_path / "out.db"
    result = run("export", "sqlite", str(out), *layers)
    assert result.exit_code == 0, result.stderr
    shown = {
        e["id"]: (e["yours"], e["replaces"])
        for e in as_json(run("timeline", "--aftermath", "-f", "json", *layers))
    }
    db = sqlite3.connect(out)
    try:
        rows = db.execute("SELECT id, yours, replaces, data_file FROM events").fetchall()
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    finally:
        db.close()
    # the same mark, with the same meaning, as the JSON of the same layers
    assert {i: (bool(y), bool(r)) for i, y, r, _ in rows} == shown
    files = {i: f for i, _, _, f in rows}
    assert files["my-own-event"] == files["serval"] == str(mine)
    assert files["village-attack"] == str(geo)
    assert {i for i, (y, r) in shown.items() if r} == {"serval"}
    assert files["lost-event"] == str(geo)
    record_own = [f for i, f in files.items() if not shown[i][0]]
    assert record_own and set(record_own) == {None}
    assert json.loads(meta["data_files"]) == [str(geo), str(mine)]


def test_without_layers_no_row_is_yours(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.db"
    assert run("export", "sqlite", str(out)).exit_code == 0
    db = sqlite3.connect(out)
    try:
        assert db.execute("SELECT count(*) FROM events WHERE yours OR replaces").fetchone() == (0,)
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    finally:
        db.close()
    assert json.loads(meta["data_files"]) == []
