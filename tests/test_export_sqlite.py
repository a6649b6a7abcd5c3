"""barkhane export sqlite: a documented database that Datasette and sqlite-utils read."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from conftest import FIXTURES, Run, as_json

from barkhane_cli.store.key import SCHEMA_VERSION

PUBLIC = {
    "meta", "sources", "actors", "affiliations", "places", "events", "event_actors",
    "event_places", "event_countries", "event_tags", "event_sources", "facts", "eras",
    "judgments", "events_fts",
}  # fmt: skip


@pytest.fixture
def exported(run: Run, tmp_path: Path) -> Path:
    path = tmp_path / "sahel.db"
    result = run("export", "sqlite", str(path), "--data", str(FIXTURES / "geo.toml"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(f"-> {path}\n")
    return path


def test_tables_rows_and_search_with_sqlite_utils(run: Run, exported: Path) -> None:
    db = sqlite_utils.Database(exported)
    assert {t for t in db.table_names() if not t.startswith("events_fts_")} == PUBLIC
    timeline = as_json(
        run("timeline", "--aftermath", "-f", "json", "--data", str(FIXTURES / "geo.toml"))
    )
    events = list(db["events"].rows_where(order_by="seq"))
    assert [e["id"] for e in events] == [e["id"] for e in timeline]
    assert db["events"].detect_fts() == "events_fts"
    found = [r["id"] for r in db["events"].search("tin", columns=["id"])]
    assert found == ["village-attack"]
    attack = db["events"].get(next(e["seq"] for e in events if e["id"] == "village-attack"))
    # Tin-Hama has no coordinates: the point is the label point inside its region's
    # outline (the Gao region since 2016), not Mali's capital nor a point the file gives
    assert (attack["latitude"], attack["longitude"]) == (17.441, -0.055)
    assert (attack["place_id"], attack["point_of"]) == ("tin-hama", "gao-region")
    assert json.loads(attack["places"]) == ["mali", "tin-hama"]
    assert {fk.other_table for fk in db["event_actors"].foreign_keys} == {"events", "actors"}
    roles = {
        (r["actor_id"], r["role"])
        for r in db["event_actors"].rows_where("event_id = 'ouaga-attack'")
    }
    assert ("jnim", "perpetrator") in roles or ("jnim", "actor") in roles
    where = {
        r["place_id"]: r["direct"]
        for r in db["event_places"].rows_where("event_id = 'village-attack'")
    }
    assert where == {"mali": 1, "tin-hama": 1, "gao-region": 0}
    lost = db["events"].get(next(e["seq"] for e in events if e["id"] == "lost-event"))
    assert lost["latitude"] is None and lost["place_id"] is None
    assert db.execute("select key, value from meta order by key").fetchall() == [
        ("data_files", json.dumps([str(FIXTURES / "geo.toml")])),
        ("schema_version", str(SCHEMA_VERSION)),
    ]
    assert [c.name for c in db["eras"].columns][:3] == ["id", "name", "short"]  # K38


def test_a_sources_site_read_on_is_its_own_column(run: Run, tmp_path: Path) -> None:
    """K40: schema 13 gives sources a via column beside the publisher."""
    data = tmp_path / "via.toml"
    data.write_text(
        '[[sources]]\nid = "unhcr-factsheet"\ntitle = "T"\npublisher = "UNHCR"\n'
        'via = "ReliefWeb"\nkind = "report"\n',
        encoding="utf-8",
    )
    path = tmp_path / "via.db"
    assert run("export", "sqlite", str(path), "--data", str(data)).exit_code == 0
    db = sqlite_utils.Database(path)
    assert db.execute("select value from meta where key = 'schema_version'").fetchall() == [
        (str(SCHEMA_VERSION),)
    ]
    assert [c.name for c in db["sources"].columns][:4] == ["id", "title", "publisher", "via"]
    assert db.execute(
        "select publisher, via from sources where id in ('unhcr-factsheet', 'ref-a') order by id"
    ).fetchall() == [("Publisher A", None), ("UNHCR", "ReliefWeb")]


@pytest.mark.parametrize(
    "word", ["wagner", "attack", "ouagadougou", "timbuktu", "ouaga", "timb", "attac", "vill"]
)
def test_full_text_search_finds_what_barkhane_search_finds(
    run: Run, exported: Path, word: str
) -> None:
    """Issue 26: the index held whole words of titles and summaries only (kidnap 1 vs 29):
    it now holds the actors', places' and countries' names and aliases and the tags, and
    stems words (porter), so a name or a word form finds its events."""
    db = sqlite_utils.Database(exported)
    fts = {r["id"] for r in db["events"].search(word, columns=["id"])}
    ours = {
        e["id"]
        for e in as_json(
            run("timeline", "--aftermath", "-f", "json", "--search", word,
                "--data", str(FIXTURES / "geo.toml"))
        )
    }  # fmt: skip
    assert ours and fts >= ours


def test_datasette_serves_it_with_search_and_facets(exported: Path) -> None:
    datasette = shutil.which("datasette", path=str(Path(sys.executable).parent))
    assert datasette is not None
    # "villa": the start of a word, as barkhane search matches it (Datasette quotes each
    # word, so the index holds word beginnings: issue 26)
    url = f"/{exported.stem}/events.json?_search=villa&_facet=type&_col=id&_shape=objects"
    result = subprocess.run(
        [datasette, str(exported), "--get", url],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    page = json.loads(result.stdout)
    assert [r["id"] for r in page["rows"]] == ["village-attack"]
    assert page["facet_results"]["type"]["results"][0]["value"] == "attack"


def test_export_refuses_its_own_input(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "extra.toml"
    data.write_text('[[sources]]\nid = "x"\ntitle = "T"\npublisher = "P"\nkind = "news"\n')
    before = data.read_bytes()
    result = run("export", "sqlite", str(data), "--data", str(data))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "read by this command" in result.stderr
    assert data.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".extra*"))


def test_full_text_search_finds_events_by_their_actors_and_places_names(exported: Path) -> None:
    db = sqlite_utils.Database(exported)

    def found(word: str) -> set[str]:
        return {r["id"] for r in db["events"].search(word, columns=["id"])}

    assert "timbuktu-falls" in found("tombouctou")  # an alias of the place
    assert found("gsim") and found("gsim") == found("jnim")  # aliases of one actor


def test_datasette_search_on_the_bundled_record_finds_what_barkhane_search_finds(
    run: Run, tmp_path: Path, bundled: None
) -> None:
    """Issue 26: Datasette's search found kidnap 1 event of 29, peacekeeper 4 of 25.
    Datasette quotes each word ("kidnap"), so no prefix query: the index holds every word
    beginning, and finds at least every event barkhane search finds."""
    path = tmp_path / "sahel.db"
    assert run("export", "sqlite", str(path)).exit_code == 0
    db = sqlite_utils.Database(path)
    for word in ("kidnap", "peacekeeper", "moura", "massacre"):
        quoted = f'"{word}"'  # as Datasette's default search mode escapes it
        fts = {r["id"] for r in db["events"].search(quoted, columns=["id"])}
        result = run("search", word, "--kind", "event", "--fields", "id", "-f", "csv")
        ours = set(result.stdout.split()[1:])
        assert ours and fts >= ours, (word, ours - fts)


def test_export_keeps_a_file_that_is_no_database(run: Run, tmp_path: Path) -> None:
    # `export sqlite mine.toml` (meaning --data mine.toml) put a database over the data file
    data = tmp_path / "mine.toml"
    data.write_text('[[sources]]\nid = "x"\ntitle = "T"\npublisher = "P"\nkind = "news"\n')
    before = data.read_bytes()
    result = run("export", "sqlite", str(data))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: export {data}: is not a SQLite database, so it is not replaced; nothing "
        "was changed (give a new file name, or remove it first)\n"
    )
    assert data.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["mine.toml"]


@pytest.mark.parametrize("meta", [None, ("source", "datasette"), ("schema_version", "x")])
def test_export_keeps_a_database_of_the_users_own(
    run: Run, tmp_path: Path, meta: tuple[str, str] | None
) -> None:
    """A SQLite header was enough: `export sqlite theirs.db` overwrote a user's Datasette
    file. Only a database whose meta table is an export's (schema_version alone) is one."""
    theirs = tmp_path / "theirs.db"
    db = sqlite_utils.Database(theirs)
    db["towns"].insert_all([{"name": "Gao", "pop": 87000}])
    if meta is not None:
        db["meta"].insert({"key": meta[0], "value": meta[1]})
    db.close()
    before = theirs.read_bytes()
    result = run("export", "sqlite", str(theirs), "--data", str(FIXTURES / "geo.toml"))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: export {theirs}: is a SQLite database that barkhane did not export, so "
        "it is not replaced; nothing was changed (give a new file name, or remove it first)\n"
    )
    assert theirs.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["theirs.db"]  # no journal beside it


def test_export_replaces_an_earlier_export_and_an_empty_file(
    run: Run, exported: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "new.db"
    empty.touch()
    for target in (exported, empty):
        result = run("export", "sqlite", str(target), "--data", str(FIXTURES / "geo.toml"))
        assert result.exit_code == 0, result.stderr
        assert target.read_bytes().startswith(b"SQLite format 3\x00")
