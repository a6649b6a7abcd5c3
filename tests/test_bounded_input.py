"""Bounded input (issue 14): data files are regular files of sane size and depth."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import Run

from barkhane_cli import inputs
from barkhane_cli.cli.completion import candidates
from barkhane_cli.store import files as store

SOURCE = '[[sources]]\nid = "extra"\ntitle = "T"\npublisher = "P"\nkind = "news"\n'


def test_a_fifo_is_refused_at_once(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    result = run("sources", "--data", str(fifo))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: {fifo}: is not a regular file (give a file, or - for stdin)\n"
    )


def test_dev_zero_is_refused(run: Run) -> None:
    result = run("sources", "--data", "/dev/zero")
    assert result.exit_code == 4
    assert "is not a regular file" in result.stderr and result.stderr.count("\n") == 1


def test_a_byte_order_mark_is_accepted(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SOURCE.encode())
    result = run("sources", "-f", "plain", "--fields", "id", "--data", str(path))
    assert result.exit_code == 0, result.stderr
    assert "extra" in result.stdout.split()


def test_stdin_is_read_once(run: Run) -> None:
    from typer.testing import CliRunner

    from barkhane_cli.cli import app

    store._stdin_bytes.clear()
    result = CliRunner().invoke(
        app, ["sources", "-f", "plain", "--fields", "id", "--data", "-"], input=SOURCE
    )
    store._stdin_bytes.clear()
    assert result.exit_code == 0, result.stderr
    assert "extra" in result.stdout.split()


@pytest.mark.parametrize("depth", [6, 900, 5000])
def test_deep_nesting_is_a_data_error(run: Run, tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.toml"
    # nested under a data table's name: a file of only foreign names is refused before
    # its depth is measured (not a barkhane data file)
    path.write_text("events = " + "[" * depth + "]" * depth + "\n")
    result = run("sources", "--data", str(path))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: {path}: nests arrays or tables deeper than the data format allows (5 levels)\n"
    )


def test_completion_skips_a_hostile_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    assert run("sources").exit_code == 0  # completion reads the store this builds
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 900 + "]" * 900 + "\n")
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    monkeypatch.setenv("BARKHANE_DATA", os.pathsep.join([str(deep), str(fifo), "/dev/zero"]))
    assert ("wagner", "Wagner Group") in candidates("actors", "wag")


def test_size_limit_gives_one_line(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = store.bundled_path().stat().st_size
    monkeypatch.setattr(store, "MAX_BYTES", limit)
    path = tmp_path / "big.toml"
    path.write_text(SOURCE + "#" * limit)
    result = run("sources", "--data", str(path))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: {path}: is larger than {limit:,} bytes, the limit for a data file\n"
    )


def test_the_real_limit_is_two_gib() -> None:
    assert store.MAX_BYTES == 2 * 1024**3
    assert inputs.too_big(Path("x"), store.MAX_BYTES, "a data file") == (
        "x: is larger than 2 GiB, the limit for a data file"
    )


def test_an_import_from_a_fifo_is_refused_at_once(tmp_path: Path, run: Run) -> None:
    """Issue 25: the importer opened its input itself and hung on a FIFO with no writer."""
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    result = run("import", "acled", str(fifo), "-o", str(tmp_path / "out.toml"))
    assert result.exit_code == 4
    assert result.stderr == (f"barkhane: {fifo}: is not a regular file (save it to a file first)\n")
    assert not (tmp_path / "out.toml").exists()


def test_an_import_from_stdin_says_why_not(tmp_path: Path, run: Run) -> None:
    result = run("import", "acled", "-", "-o", str(tmp_path / "out.toml"))
    assert result.exit_code == 4
    assert result.stderr == (
        "barkhane: -: an export is read twice (its layout first), so it cannot come from "
        "stdin; save it to a file and name the file\n"
    )


def test_a_huge_text_field_is_a_data_error(run: Run, tmp_path: Path) -> None:
    """A new user's 5 MB summary passed validate and took 40 s to draw as a card."""
    huge = tmp_path / "huge.toml"
    huge.write_text(
        '[[events]]\nid = "huge"\ndate = "2012-05"\ntitle = "T"\n'
        f'summary = "{"word " * 20_001}"\ntype = "politics"\nsources = [{{ id = "ref-a" }}]\n',
        encoding="utf-8",
    )
    result = run("event", "huge", "--data", str(huge))
    assert result.exit_code == 4
    assert result.stderr.startswith(
        f"barkhane: bad data: {huge}: event 'huge', field 'summary': is 100,005 characters; "
        "a field holds at most 100,000"
    )
    assert len(result.stderr.splitlines()) == 1


def test_a_folder_is_read_with_its_subfolders_and_a_foreign_toml_is_named(
    run: Run, tmp_path: Path
) -> None:
    """U22: `timeline --data /tmp` failed on an unrelated pyproject.toml deep in a
    subfolder, saying it "nests arrays or tables deeper than the data format allows". A
    folder is read with its subfolders (as data/ has events/ and sources/); a TOML file
    that is not the data's is named as such, in one line."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "extra.toml").write_text(SOURCE)
    result = run("sources", "-f", "plain", "--fields", "id", "--data", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "extra" in result.stdout.split()
    project = tmp_path / "tool" / "pyproject.toml"
    project.parent.mkdir()
    project.write_text('[project]\nname = "x"\n[tool.a.b.c.d.e.f]\nx = 1\n')
    result = run("sources", "--data", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: {project}: is not a barkhane data file: its top-level names (project, "
        "tool) are none of the data's tables (sources, actors, places, events, aftermath, "
        "facts, eras, judgments; docs/data-format.md)\n"
    )
