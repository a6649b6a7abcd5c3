"""`summary` folds the events the store streams, keeping none (K75): it prints the same
bytes as from the TOML files (every event read and held, as it always did), for windows,
actors and countries, in every format, on the bundled record and on an import layered
over it; and the store remembers nothing of the events it gave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Run

from barkhane_cli import store
from barkhane_cli.store import db

FORMATS = (
    ["-f", "json"],
    ["-f", "jsonl"],
    ["-f", "plain"],
    ["-f", "table", "--color", "never"],
    ["-f", "table", "--color", "always", "--full", "--width", "100"],
)


def same_as_from_the_files(run: Run, slices: list[list[str]]) -> None:
    run("summary", "-f", "json")  # builds the store if none is (that run reads the files)
    for words in slices:
        for fmt in FORMATS:
            args = ["summary", *words, *fmt]
            warm = run(*args)  # the store's stream
            files = run(*args, env={"BARKHANE_CACHE": "0"})  # every event decoded and held
            assert files.exit_code == 0, (args, files.stderr)
            assert warm.stdout == files.stdout, args
            assert (warm.exit_code, warm.stderr) == (files.exit_code, files.stderr), args


def test_the_bundled_summary_is_the_same_streamed(run: Run, bundled: None) -> None:
    same_as_from_the_files(
        run,
        [
            [],
            ["--year", "2020"],
            ["--country", "burkina-faso", "--since", "2019-06", "--until", "2020-03"],
            ["--actor", "wagner"],
            ["--actor", "jnim", "--country", "mali", "--aftermath"],
            ["--since", "2030"],  # after the record: its note, nothing drawn
        ],
    )
    assert store.cached_store(store.data_paths([])) is not None  # they answered from it


def test_a_layered_import_summary_is_the_same_streamed(
    run: Run, bundled: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "acled.toml"
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    imported = run("import", "acled", str(FIXTURES / "acled" / "current.csv"), "-o", str(out))
    assert imported.exit_code == 0, imported.stderr
    monkeypatch.setenv("BARKHANE_DATA", str(out))
    assert store.cached_store(store.data_paths([])) is not None  # the import built it
    same_as_from_the_files(
        run,
        [[], ["--country", "mali", "--year", "2022"], ["--actor", "wagner", "--since", "2022-06"]],
    )


def test_the_store_keeps_nothing_of_the_events_it_streams() -> None:
    from barkhane_cli import query

    store.open_data()  # builds the store if none is
    db.forget_decoded()
    loaded = store.open_data()
    assert loaded.db is not None
    every = query.EventQuery()
    streamed = [e.id for e in loaded.stream(every)]
    kept = db._DECODED.get(loaded.db.key or "", {})
    assert not kept.get("events-by-row") and "events" not in kept
    assert not loaded.db.output
    assert streamed  # and the same events, in the same order, as select gives
    assert streamed == [e.id for e in loaded.select(every)]


@pytest.mark.parametrize("words", [[], ["--country", "mali", "--year", "2013"]])
def test_summary_itself_keeps_none_of_its_events(run: Run, words: list[str]) -> None:
    """The command, not only Loaded.stream: summary read through select (which keeps each
    event decoded, for a second pass) held every event of a million-row import at once."""
    run("summary", "-f", "json")  # builds the store if none is
    db.forget_decoded()
    result = run("summary", *words, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["period"]["events"] > 0  # it read some
    loaded = store.open_data()
    assert loaded.db is not None  # it answered from the store
    kept = db._DECODED.get(loaded.db.key or "", {})
    assert not kept.get("events-by-row"), len(kept.get("events-by-row") or ())
