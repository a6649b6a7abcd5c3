"""The bundled data as a folder of files: one layer, canonical layout, nothing lost.

The data was one 23,000-line file; it is now data/meta.toml, events/YYYY.toml,
sources/YYYY.toml and one file per other table. These tests hold the split to what the
single file gave, and show that the rules a folder adds (an id once per layer, an event
in its year's file) are enforced.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, Run, tool

from barkhane_cli import store

DATA = ROOT / "data"
TABLES = ("sources", "actors", "places", "events", "aftermath", "facts", "eras", "judgments")


def _one_file(folder: Path, target: Path) -> Path:
    """Every file of a data folder concatenated: what the single-file timeline was."""
    parts = [p.read_text(encoding="utf-8") for p in store.expand([folder]) if p.name != "meta.toml"]
    target.write_text("\n".join(parts), encoding="utf-8")
    return target


@pytest.mark.record  # conftest: among the tests of the bundled record, whose files it reads
def test_the_layout_is_canonical(capsys: pytest.CaptureFixture[str]) -> None:
    """tools/datafmt.py --check: every entry in the file its table and year call for,
    sorted; an entry added in the wrong place fails CI until the formatter moves it.
    Called in the test's process, where the record's files are parsed once a run
    (conftest): a child parsed them all again (~2 s of CPU). The next test runs the
    script itself, once."""
    assert (tool("datafmt").main(["--check"]), capsys.readouterr().out) == (0, "")


def test_the_formatter_moves_a_misfiled_event(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "events").mkdir(parents=True)
    (folder / "events" / "2013.toml").write_text(
        '[[events]]\nid = "b"\ndate = "2014-08-01"\ntitle = "B"\n\n'
        '[[events]]\nid = "a"\ndate = "2013-01-11"\ntitle = "A"\n',
        encoding="utf-8",
    )
    # --check as CI runs it, the script in a process of its own: its exit status is what
    # fails CI. The rewrite is main() in this process (K72: a second child, ~0.25 s of
    # CPU, for what main's return value says as well).
    script = [sys.executable, str(ROOT / "tools" / "datafmt.py"), "--data", str(folder)]
    check = subprocess.run([*script, "--check"], capture_output=True, text=True, timeout=60)
    assert check.returncode == 1
    assert f"would rewrite {folder / 'events' / '2014.toml'}" in check.stdout.splitlines()
    assert tool("datafmt").main(["--data", str(folder)]) == 0
    y2013 = tomllib.loads((folder / "events" / "2013.toml").read_text(encoding="utf-8"))
    y2014 = tomllib.loads((folder / "events" / "2014.toml").read_text(encoding="utf-8"))
    assert [e["id"] for e in y2013["events"]] == ["a"]
    assert [e["id"] for e in y2014["events"]] == ["b"]


@pytest.mark.record  # conftest: among the tests of the bundled record
def test_the_split_gives_what_one_file_gives(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, fast_toml: None
) -> None:
    """Every entry's JSON, and the SQLite export, are the same from the folder as from all
    its files joined into one (the single-file timeline the data was). Each is read as the
    bundled record, alone: the folder's store is then the one the other tests of the
    bundled record build, not a second store of the folder over the small fixture."""
    single = _one_file(DATA, tmp_path / "timeline.toml")
    (tmp_path / "seeds").mkdir()  # a user file's seed texts live in its own folder
    for seed in (ROOT / "seeds").iterdir():
        (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    commands = (
        ["timeline", "--format", "json", "--aftermath"],
        ["actors", "--format", "json"],
        ["places", "--format", "json"],
        ["facts", "--format", "json", "--aftermath"],
        ["sources", "--format", "json"],
    )
    # All the joined file's runs one after the other, then the folder's: its 8 MiB store
    # is built once, not again after the other worker's builds pruned it between two
    # (conftest._pinned keeps the folder's). The joined file answers from its text (no
    # store), read and checked once (fast_toml): compiling a second 8 MiB store for it
    # took 2-3 s of this test's 5.7, and that a store answers what its files say is
    # test_store_answers' (the folder's is compared with its TOML there).
    monkeypatch.setattr(store.files, "bundled_path", lambda: single)
    joins = [run(*args, env={"BARKHANE_CACHE": "0"}) for args in commands]
    monkeypatch.setattr(store.files, "bundled_path", lambda: DATA)
    for args, joined in zip(commands, joins, strict=True):
        split = run(*args)
        assert split.exit_code == joined.exit_code == 0, (args, split.stderr, joined.stderr)
        assert json.loads(split.stdout) == json.loads(joined.stdout), args
        assert len(json.loads(split.stdout)) > 15


def test_an_id_in_two_files_of_one_layer_is_an_error(tmp_path: Path, run: Run) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    entry = '[[sources]]\nid = "s1"\ntitle = "T"\npublisher = "P"\nkind = "news"\n'
    (folder / "a.toml").write_text(entry, encoding="utf-8")
    (folder / "b.toml").write_text(entry, encoding="utf-8")
    result = run("validate", str(folder))
    assert result.exit_code == 4
    assert (
        f"{folder / 'b.toml'}:2: sources 's1' id: is used twice ({folder / 'a.toml'}, in the same layer)"
        in result.stdout.splitlines()
    )


def test_a_user_file_still_replaces_a_bundled_entry(tmp_path: Path, run: Run) -> None:
    """Across layers an id replaces (the documented overlay rule), inside one it may not.
    The lower layer is a folder laid out as the bundled record is (one of its files, as
    it ships): the whole record under a user's file compiled a store of all of it here
    (~3 s), and a user's file replacing an entry of the whole record is test_store's
    (test_a_layer_over_the_bundled_record_makes_only_its_own_entries_again)."""
    mine = tmp_path / "mine.toml"
    folder = tmp_path / "data" / "sources"
    folder.mkdir(parents=True)
    shipped = (DATA / "sources" / "2000.toml").read_text(encoding="utf-8")
    (folder / "2000.toml").write_text(shipped, encoding="utf-8")
    first = tomllib.loads(shipped)["sources"][0]
    mine.write_text(
        f'[[sources]]\nid = "{first["id"]}"\ntitle = "Replaced"\npublisher = "Me"\nkind = "news"\n',
        encoding="utf-8",
    )
    base = ("--data", str(tmp_path / "data"))
    result = run("source", first["id"], "--format", "json", *base, "--data", str(mine))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Replaced"
    below = run("source", first["id"], "--format", "json", *base)
    assert json.loads(below.stdout)["title"] == first["title"]  # the folder's own, alone


def test_an_event_filed_under_the_wrong_year_is_warned(tmp_path: Path, run: Run) -> None:
    events = tmp_path / "mine" / "events"
    events.mkdir(parents=True)
    (events / "2013.toml").write_text(
        '[[events]]\nid = "late"\ndate = "2014-02-01"\ntitle = "Late"\nsummary = "S"\n'
        'type = "politics"\nplaces = ["bamako"]\nsources = [{ id = "seed" }]\n',
        encoding="utf-8",
    )
    result = run("validate", str(tmp_path / "mine"))
    assert result.exit_code == 0, result.stdout
    assert (
        f"{events / '2013.toml'}:3: warning: events 'late' date: starts in 2014 but is filed "
        "in 2013.toml; tools/datafmt.py moves it to the file of its year"
    ) in result.stdout.splitlines()


@functools.cache
def _layer_tables() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each file of the bundled folder (relative name) and the tables it holds, read once
    a worker: every table's case read the whole record's 40 files again (~0.07 s each)."""
    return tuple(
        (
            path.relative_to(DATA).as_posix(),
            frozenset(tomllib.loads(path.read_text(encoding="utf-8"))),
        )
        for path in store.expand([DATA])
    )


@pytest.mark.parametrize("table", TABLES)
def test_every_table_lives_where_the_layout_says(table: str) -> None:
    """No table spills into another table's file (the formatter's rule, read back)."""
    for rel, tables in _layer_tables():
        if table in tables:
            assert rel.split("/")[0].removesuffix(".toml") == table, rel


def test_the_formatter_drops_a_heading_left_after_an_entry(tmp_path: Path) -> None:
    """A helper's file ended an actor with "# places" before its [[places]]: the heading
    stayed with the actor and was filed into actors.toml, above whatever sorted next."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "zz-new.toml").write_text(
        '[[actors]]\nid = "b"\nname = "B"\n\n# places\n\n'
        '[[places]]\nid = "p"\nname = "P"\n# its point: see issue 12\n\n'
        "# --- refugees hosted in Mali ---\n",
        encoding="utf-8",
    )
    assert tool("datafmt").main(["--data", str(folder)]) == 0  # in-process, as the rewrite above
    actors = (folder / "actors.toml").read_text(encoding="utf-8")
    places = (folder / "places.toml").read_text(encoding="utf-8")
    assert "# places" not in actors and "refugees" not in places
    assert "# its point: see issue 12" in places  # a comment on the entry's last line stays
    assert tomllib.loads(actors)["actors"] == [{"id": "b", "name": "B"}]


@pytest.mark.parametrize(
    "text",
    [
        '[[events]]\nid = "a"\ndate = "2013-01-01"\n\n[[events]]\nid = "b"\ndate = "2014-01-01"\n',
        # a header the split does not see, between two it does: three entries, two blocks
        '[[events]]\nid = "a"\n\n[[ events ]]\nid = "b"\n\n[[events]]\nid = "c"\n',
        # a header inside a multi-line string, then a line a plain table would begin
        '[[events]]\nid = "a"\nsummary = """x\n[[events]]\n[see]\n"""\n',
        '[[events]]\nid = "a"\ndate = 2013-01-0\n',  # not TOML
        'id = "a"\n[[events]]\nid = "b"\n',  # text outside any entry
    ],
    ids=["pairs", "unseen-header", "header-in-string", "not-toml", "outside"],
)
def test_the_formatter_reads_each_entry_as_its_block_says(text: str) -> None:
    """datafmt takes each block's entry from the file parsed whole: the same blocks,
    entries and errors as each block parsed apart, where they pair up and where not."""
    datafmt = tool("datafmt")

    def blocks(whole: dict[str, object] | None) -> object:
        try:
            return [(b.table, b.text, b.doc) for b in datafmt.blocks(text, "x.toml", whole)]
        except SystemExit as exc:
            return str(exc)

    assert blocks(datafmt._whole(text)) == blocks(None)
