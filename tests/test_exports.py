"""An export is data (issue 23): ``--data export.csv`` reads an ACLED or UCDP GED file
directly, compiles it into the store once, and gives the same events as ``import`` then
``--data out.toml``; the import compiles its store from the entries, not the TOML."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, Run

from barkhane_cli import store, toml, tomlwrite
from barkhane_cli.importers.acled import convert_tables as acled
from barkhane_cli.importers.ucdp import convert_tables as ucdp
from barkhane_cli.store import exports, files, progress

ACLED = sorted((FIXTURES / "acled").glob("*.csv"))
UCDP = sorted((FIXTURES / "ucdp").glob("*.csv"))


@pytest.mark.parametrize("path", ACLED + UCDP, ids=lambda p: p.name)
def test_the_document_is_what_the_written_file_parses_to(path: Path) -> None:
    """The store is compiled from as_document(tables): it must be exactly the document
    the program's parser (barkhane_cli.toml) reads from the file import writes, or the two
    paths could differ."""
    known = store.load()
    convert = ucdp if path.parent.name == "ucdp" else acled
    tables, header, _ = convert(path, known)
    text = tomlwrite.dumps(tables, header)
    assert exports.as_document(tables) == toml.loads(text)
    assert "".join(tomlwrite.chunks(tables, header, size=3)) == text
    assert exports.kind(path) == path.parent.name


COMMANDS = (
    ["timeline", "--aftermath", "-f", "json"],
    ["timeline", "--country", "mali", "-f", "jsonl"],
    ["sources", "-f", "json"],
    ["actors", "-f", "json"],
    ["places", "-f", "json"],
)


@pytest.mark.parametrize(
    "path", [FIXTURES / "acled" / "current-monadic.csv", FIXTURES / "ucdp" / "api.csv"]
)
def test_data_export_csv_gives_the_events_of_its_import(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    export = tmp_path / path.name  # the same name: the source id is made from it
    export.write_bytes(path.read_bytes())
    out = tmp_path / "imported" / "out.toml"
    out.parent.mkdir()
    result = run("import", path.parent.name, str(export), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    for args in COMMANDS:
        imported = run(*args, "--data", str(out))
        direct = run(*args, "--data", str(export))  # the first compiles the store
        assert imported.exit_code == direct.exit_code == 0, direct.stderr
        assert direct.stdout == imported.stdout, args
    assert store.cached_store(files.data_paths([export])) is not None

    def refuse(*_: object) -> None:
        raise AssertionError("converted the export again")

    monkeypatch.setattr(exports, "convert", refuse)  # later runs answer from the store
    again = run(*COMMANDS[0], "--data", str(export))
    assert again.stdout == run(*COMMANDS[0], "--data", str(out)).stdout
    # an edited export is read again
    export.write_bytes(path.read_bytes() + b"\n")
    monkeypatch.undo()
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    assert store.cached_store(files.data_paths([export])) is None


def test_an_import_compiles_its_store_without_reading_the_toml(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "acled.toml"
    real = files.read_text

    def no_reread(path: Path) -> str:
        # every read of a data file goes through read_text (parsed, or known to this
        # process as already checked)
        assert path != out, "the import read back the file it wrote"
        return real(path)

    monkeypatch.setattr(files, "read_text", no_reread)
    result = run("import", "acled", str(FIXTURES / "acled" / "current.csv"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert store.cached_store(files.data_paths([out])) is not None
    monkeypatch.setattr(files, "read_text", real)
    warm = run("timeline", "-f", "json", "--aftermath", "--data", str(out))
    plain = run(
        "timeline", "-f", "json", "--aftermath", "--data", str(out), env={"BARKHANE_CACHE": "0"}
    )
    assert warm.stdout == plain.stdout


def test_no_store_writes_the_file_only(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script importing several files before one query need not compile a store per
    file: `--no-store` leaves it to that query, which answers the same. With the cache off
    no store is compiled either (it could not be kept)."""
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    csv_file = FIXTURES / "acled" / "current.csv"
    out = tmp_path / "acled.toml"
    result = run("import", "acled", str(csv_file), "-o", str(out), "--no-store")
    assert result.exit_code == 0, result.stderr
    assert "events written" in result.stderr
    assert store.cached_store(files.data_paths([out])) is None
    later = run("timeline", "-f", "json", "--aftermath", "--data", str(out))
    assert store.cached_store(files.data_paths([out])) is not None
    plain = run(
        "timeline", "-f", "json", "--aftermath", "--data", str(out), env={"BARKHANE_CACHE": "0"}
    )
    assert later.stdout == plain.stdout
    ucdp = tmp_path / "ucdp.toml"
    result = run(
        "import", "ucdp", str(FIXTURES / "ucdp" / "GEDEvent_v22_1.csv"), "-o", str(ucdp),
        "--no-store",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert store.cached_store(files.data_paths([ucdp])) is None


def test_load_reads_an_export_as_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    path = FIXTURES / "acled" / "current.csv"
    data = store.load_export(path)
    mine = [e for e in data.events + data.aftermath if e.origin == str(path)]
    assert mine and all(e.id.startswith("acled-") for e in mine)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_for_a_watched_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Import, compile and export draw progress on a terminal's stderr; nothing when it
    is piped or with --quiet; a large compile says what it is doing first."""
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with progress.bar("importing") as bar:
        bar.set_total(10)
        bar(5)
    assert piped.getvalue() == ""
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    with progress.silenced(True), progress.bar("importing") as bar:
        bar(5)
    assert term.getvalue() == ""
    monkeypatch.setattr(progress, "LARGE_BYTES", 0)  # every file counts as large here
    export = tmp_path / "current.csv"
    export.write_bytes((FIXTURES / "acled" / "current.csv").read_bytes())
    store.open_paths(files.data_paths([export]))
    said = " ".join(term.getvalue().split())  # the note is wrapped at its words
    assert "barkhane: compiling the store for" in said and "current.csv" in said
    assert "compiling the store" in said.split("reading and checking it first", 1)[1]


def test_a_large_compile_of_many_small_files_names_their_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled record passed 8 MiB in 40 files, none a quarter of the whole: the note
    said "compiling the store for 8 MiB of data ()", naming nothing."""
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    monkeypatch.setattr(progress, "LARGE_BYTES", 0)
    layer = tmp_path / "layer"
    layer.mkdir()
    for year in range(5):  # five files of one size: none is a quarter of the whole
        (layer / f"{year}.toml").write_text(f"# {year}\n", encoding="utf-8")
    store.open_paths(sorted(layer.iterdir()))
    said = " ".join(term.getvalue().split())  # the note is wrapped at its words
    assert "()" not in said
    assert f"(5 files in {layer})" in said


@pytest.mark.parametrize("columns", [80, 50])
def test_the_compile_note_breaks_only_between_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """U36: at 80 columns the note a first run prints while the store compiles broke
    mid-word, "(42 files in /work/data)" | ": it is new", "checkin" | "g it first": left to
    the terminal, a line of 160 characters. It is wrapped at its words to the terminal's
    width; a word wider than a line (a path) is kept whole, on a line of its own."""
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", str(columns))
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    monkeypatch.setattr(progress, "LARGE_BYTES", 0)
    layer = tmp_path / "layers"
    layer.mkdir()
    for year in range(5):  # none a quarter of the whole: the note names their folder
        (layer / f"{year}.toml").write_text(f"# {year}\n", encoding="utf-8")
    store.open_paths(sorted(layer.iterdir()))
    said = term.getvalue()
    end = re.search(r"it\s+first", said)  # the note's end, the bar drawn after it
    assert end is not None
    lines = said[: end.end()].splitlines()
    assert len(lines) > 2
    assert all(len(line) <= columns or " " not in line for line in lines), lines
    assert " ".join(lines) == (
        f"barkhane: compiling the store for 0 MiB of data (5 files in {layer}): it is new, "
        "or it or barkhane changed since the last build; reading and checking it first"
    )


@pytest.mark.parametrize("columns", ["0", "wide", ""])
def test_the_compile_note_ignores_a_columns_that_is_no_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """RV35: with COLUMNS=0 a first run's compile note, wrapped to the stderr terminal's
    width as Rich read it from COLUMNS itself (0), was an internal error, "invalid width
    0", and no view ran; every view ignores a COLUMNS that is no width (settings). The
    note is drawn at the terminal's width (80 when stderr is none), whole."""
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", columns)
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    monkeypatch.setattr(progress, "LARGE_BYTES", 0)
    layer = tmp_path / "layers"
    layer.mkdir()
    (layer / "one.toml").write_text("# one\n", encoding="utf-8")
    store.open_paths([layer / "one.toml"])
    said = term.getvalue()
    note = said[: said.index("first") + len("first")].splitlines()
    assert all(len(line) <= 80 or " " not in line for line in note), note
    assert " ".join(note).startswith("barkhane: compiling the store for 0 MiB of data")
