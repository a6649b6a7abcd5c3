"""`import` of a large export builds its store as the first query over the file would,
from the file read back in pieces, never from a document of its entries held whole (K89:
that document beside the checked dataset took a million rows to 2.32 GiB): the same
file, byte for byte, and the same store, row for row, as a small import's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, Run
from test_pieced_build import _rows, read_in_pieces

from barkhane_cli import store
from barkhane_cli.store import exports, files


def _stored(built: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the store but its key (made from the file's path and stamp)."""
    rows = _rows(built)
    rows["meta"] = [r for r in rows["meta"] if r[0] != "key"]
    return rows


def _import(run: Run, csv_file: Path, out: Path, cache: Path) -> Path:
    """The store the import to ``out`` built (the only one in its cache folder beside the
    bundled record's, which is built first)."""
    env = {"BARKHANE_CACHE": str(cache)}
    assert run("timeline", "-n", "1", env=env).exit_code == 0  # the bundled record's store
    bundled = set(cache.glob(f"*{store.SUFFIX}"))
    files.forget_checked()
    result = run("import", "acled", str(csv_file), "-o", str(out), env=env)
    assert result.exit_code == 0, result.stderr
    (built,) = set(cache.glob(f"*{store.SUFFIX}")) - bundled
    return built


@pytest.mark.parametrize("name", ["current.csv", "current-monadic.csv"])
def test_a_large_imports_store_is_built_from_its_file_in_pieces(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    csv_file = FIXTURES / "acled" / name
    out = tmp_path / "acled.toml"  # one path: each entry's origin is its file's
    whole = _stored(_import(run, csv_file, out, tmp_path / "whole"))  # small: its document
    written = out.read_bytes()

    pieced = read_in_pieces(monkeypatch)  # every data file large, read in many pieces

    def held_whole(*_: object, **__: object) -> None:
        raise AssertionError("the import's store was built from a document held whole")

    monkeypatch.setattr(exports, "as_document", held_whole)
    rows = _stored(_import(run, csv_file, out, tmp_path / "pieced"))
    assert out in pieced
    assert out.read_bytes() == written
    assert sorted(rows) == sorted(whole)
    for table, kept in whole.items():
        assert rows[table] == kept, table
    assert whole["events"]
