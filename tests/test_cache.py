"""The dataset cache never serves stale or corrupt data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import MINI

from barkhane_cli import cache, store

EVENT = (
    '[[events]]\nid = "mine"\ndate = "2012-05"\ntitle = "{title}"\nsummary = "S."\n'
    'type = "politics"\nsources = [{{ id = "ref-a" }}]\n'
)


@pytest.fixture
def user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "mine.toml"
    path.write_text(EVENT.format(title="First"), encoding="utf-8")
    return path


def titles(path: Path) -> list[str]:
    return [e.title for e in store.load([path]).events if e.id == "mine"]


def test_second_load_comes_from_the_cache(user_file: Path, tmp_path: Path) -> None:
    assert titles(user_file) == ["First"]
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    assert cache.get(store.data_paths([user_file])) is not None


def test_a_changed_file_is_never_served_stale(user_file: Path) -> None:
    assert titles(user_file) == ["First"]
    stat = user_file.stat()
    user_file.write_text(EVENT.format(title="Second"), encoding="utf-8")
    os.utime(user_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert titles(user_file) == ["Second"]


def test_a_corrupt_or_truncated_cache_is_rebuilt(user_file: Path, tmp_path: Path) -> None:
    titles(user_file)
    [entry] = (tmp_path / "cache").glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:20])
    assert titles(user_file) == ["First"]
    entry.write_bytes(b"not a pickle at all")
    assert titles(user_file) == ["First"]


def test_a_data_file_that_turns_bad_is_reported_not_cached(user_file: Path) -> None:
    titles(user_file)
    user_file.write_text("[[events]]\nid = 3\n", encoding="utf-8")
    os.utime(user_file, ns=(1, 1))
    with pytest.raises(Exception, match="has no text id"):
        store.load([user_file])


def test_cache_can_be_turned_off(
    user_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BARKHANE_CACHE", "0")
    assert titles(user_file) == ["First"]
    assert not (tmp_path / "cache").exists()
    assert MINI.is_file()
