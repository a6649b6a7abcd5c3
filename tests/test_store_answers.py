"""Every command prints the same bytes from the compiled store as from the TOML files:
on the fixture, on the bundled data and on a generated ACLED import."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, Run

from barkhane_cli import store
from barkhane_cli.store import files


def commands(
    actor: str, place: str, event: str, text: str, target: str = "civilians"
) -> list[list[str]]:
    out = [
        ["timeline", "-f", "json"],
        ["timeline", "-f", "jsonl", "--aftermath"],
        ["timeline", "-f", "plain"],
        ["timeline", "-f", "csv", "--reverse", "--limit", "5"],
        ["timeline", "-f", "md", "--since", "2013", "--until", "2020-06"],
        ["timeline", "-f", "timelinejs"],
        ["timeline", "-f", "json", "--actor", actor],
        ["timeline", "-f", "json", "--perpetrator", actor, "--aftermath"],
        ["timeline", "-f", "json", "--target", target],
        ["timeline", "-f", "json", "--place", place],
        ["timeline", "-f", "json", "--country", "mali", "--type", "attack", "--type", "battle"],
        ["timeline", "-f", "json", "--tag", "seed"],
        ["timeline", "-f", "json", "--not-tag", "seed", "--limit", "20"],
        ["timeline", "-f", "jsonl", "--search", f'"{text}"'],
        ["timeline", "-f", "jsonl", "--search", text, "--aftermath"],
        ["timeline", "-f", "json", "--year", "2022", "--fields", "id,date,countries"],
        # each filter the store answers in SQL alone (stored JSON, nothing decoded)
        ["timeline", "-f", "jsonl", "--since", "2013", "--until", "2020-06"],
        ["timeline", "-f", "jsonl", "--country", "mali", "--reverse", "--limit", "4"],
        ["timeline", "-f", "jsonl", "--type", "attack", "--aftermath"],
        ["timeline", "-f", "jsonl", "--place", place, "--actor", actor],
        ["actor", actor, "-f", "json"],
        ["actor", actor, "-f", "csv", "--since", "2019"],
        ["place", place, "-f", "json"],
        ["event", event, "-f", "json"],
        ["actors", "-f", "json"],
        ["places", "-f", "json"],
        ["facts", "-f", "json"],
        ["sources", "-f", "json"],
        ["search", text, "-f", "json"],
        ["summary", "-f", "json"],
        ["eras", "-f", "json"],
        ["chart", "-f", "json"],
        ["judgments", "-f", "json"],
        ["types", "-f", "json"],
    ]
    return out


def same_with_and_without_store(
    run: Run, tmp_path: Path, args: list[str], own_cache: bool = True
) -> None:
    """args answer the same from the store as from the TOML files; in a cache of the
    test's own (own_cache), the first run builds the store and answers the same too."""
    cache = tmp_path / "cache"
    used = {"BARKHANE_CACHE": str(cache)} if own_cache else {}  # else the run's cache
    cold = None if not own_cache or list(cache.glob("*.sqlite")) else run(*args, env=used)
    warm = run(*args, env=used)  # answers from the store
    plain = run(*args, env={"BARKHANE_CACHE": "0"})
    assert plain.exit_code == 0, (args, plain.stderr)
    assert warm.stdout == plain.stdout, args
    assert (warm.exit_code, warm.stderr) == (plain.exit_code, plain.stderr), args
    if cold is not None:  # the run that builds the store answers from what it read
        assert list(cache.glob("*.sqlite")), args
        assert cold.stdout == plain.stdout, args


def test_fixture_answers_match(run: Run, tmp_path: Path, fast_toml: None) -> None:
    for args in commands("wagner", "timbuktu", "serval", "coup", "mali"):
        same_with_and_without_store(run, tmp_path, args)


def test_bundled_answers_match(run: Run, tmp_path: Path, fast_toml: None, bundled: None) -> None:
    """The bundled record's store is the run's (conftest._pinned: built once a run, by
    the same code from the same files, in a cache that is new each run), not one this
    test compiles again in a cache of its own: that cost 2-3 s. What the cold run proved
    here (the run that builds a store answers from what it read) the three other data
    sets still prove, and no step of a build depends on the data's size where a run
    without a terminal could see it (only the note and bar of a large build, drawn on a
    watched stderr alone)."""
    for args in commands("jnim", "menaka", "mali-expels-french-ambassador", "Ménaka"):
        same_with_and_without_store(run, tmp_path, args, own_cache=False)
    assert store.cached_store(files.data_paths([])) is not None  # they answered from it


def test_imported_answers_match(
    run: Run, tmp_path: Path, fast_toml: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "acled.toml"
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    result = run("import", "acled", str(FIXTURES / "acled" / "current.csv"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    # the import compiled the store the next query loads
    assert store.cached_store(files.data_paths([out])) is not None
    monkeypatch.setenv("BARKHANE_DATA", str(out))
    imported = store.load()
    event = next(e.id for e in imported.events if e.origin == str(out))
    for args in commands("wagner", "timbuktu", event, "attack", "mali")[:8]:
        same_with_and_without_store(run, tmp_path, args)


def test_layered_fixture_answers_match(
    run: Run, tmp_path: Path, fast_toml: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BARKHANE_DATA", str(FIXTURES / "geo.toml"))
    for args in commands("wagner", "mali", "serval", "attack", "mali")[:22]:
        same_with_and_without_store(run, tmp_path, args)
