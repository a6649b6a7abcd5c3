"""A large data file is checked piece by piece (store.pieces, K82), its text and parsed
document never whole: the store built so holds the same rows, table by table, as one
built from the files read whole, on the bundled record and on an import layered over
it; and a file the pieces might read otherwise is read whole, as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, Run

from barkhane_cli import store
from barkhane_cli.model import TABLES
from barkhane_cli.settings import Settings
from barkhane_cli.store import files, pieces
from barkhane_cli.validate import Problem


def read_in_pieces(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every data file counted large and read in pieces of ~2 KB (many cuts); the list
    fills with the paths the pieced reader read, so a test can see it was used."""
    monkeypatch.setattr(files, "PIECED_BYTES", 0)
    monkeypatch.setattr(pieces, "PIECE_BYTES", 2000)
    read: list[Path] = []
    real = files._check_pieces

    def counted(path: Path) -> list[files._Checked] | None:
        steps = real(path)
        if steps is not None:
            read.append(path)
        return steps

    monkeypatch.setattr(files, "_check_pieces", counted)
    return read


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the full-text index's own tables too), in rowid order."""
    db = sqlite3.connect(path)
    try:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for name in names:
            try:
                out[name] = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # the index's tables WITHOUT ROWID
                out[name] = sorted(db.execute(f'SELECT * FROM "{name}"'), key=repr)
        return out
    finally:
        db.close()


def _built(paths: list[Path], cache: Path) -> Path:
    store.open_paths(paths, Settings(cache=str(cache)))  # builds it (answers from the files)
    (built,) = cache.glob(f"*{store.SUFFIX}")
    return built


def _both(
    paths: list[Path], tmp: Path, monkeypatch: pytest.MonkeyPatch, built: Path | None = None
) -> None:
    """The store of ``paths`` built with every file read whole (or ``built``, a store of
    them so built), then with every file read in pieces of ~2 KB (many cuts, each file's
    tables across pieces): the same rows."""
    files.forget_checked()
    monkeypatch.setattr(files, "PIECED_BYTES", 1 << 62)
    whole = _rows(built or _built(paths, tmp / "whole"))
    files.forget_checked()
    read = read_in_pieces(monkeypatch)
    pieced = _rows(_built(paths, tmp / "pieced"))
    # every file went through the pieces, but one with no entry (meta.toml: no cut)
    missed = [f for f in files.expand(paths) if f not in read]
    assert read and all("\n[[" not in "\n" + f.read_text() for f in missed), missed
    assert sorted(whole) == sorted(pieced)
    for table, rows in whole.items():
        assert pieced[table] == rows, table
    assert whole["events"]


def test_the_bundled_record_pieced_builds_the_same_store(
    bundled: None, _pinned: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against the run's store of the record (its files are under PIECED_BYTES: read
    whole), built once a run: a second build from whole files here took ~7 s."""
    _both([ROOT / "data"], tmp_path, monkeypatch, _pinned[1])


def test_a_layered_import_pieced_builds_the_same_store(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "acled.toml"
    imported = run(
        "import", "acled", str(FIXTURES / "acled" / "current.csv"), "-o", str(out), "--no-store"
    )
    assert imported.exit_code == 0, imported.stderr
    _both([files.bundled_path(), out], tmp_path, monkeypatch)


ENTRY = """[[{table}]]
id = "{ident}"
name = "Name {ident}"
kind = "{kind}"
summary = "One sentence."
sources = [{{ id = "one-source-for-all" }}]
"""


def _steps(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[files._Checked] | None, list[files._Checked]]:
    monkeypatch.setattr(pieces, "PIECE_BYTES", 100)
    pieced = files._check_pieces(path)
    whole = files._check_file(str(path), files.read_toml(path), consume=True)
    return pieced, whole


def test_pieces_keep_the_whole_documents_order_and_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tables interleaved (each table's entries together, in the order the tables first
    appear, as the parsed document lists them), an entry used twice pieces apart (its
    position counted across pieces), bad entries and an unknown table: the same steps."""
    text = "# a comment\n[meta]\nnote = 1\n[ghosts]\nx = 1\n"
    for n in range(12):
        text += ENTRY.format(table="actors", ident=f"a{n % 7}", kind="militia")
        text += ENTRY.format(table="places", ident=f"p{n}", kind="nowhere")
    path = tmp_path / "mixed.toml"
    path.write_text(text, encoding="utf-8")
    pieced, whole = _steps(path, monkeypatch)
    assert pieced is not None
    assert pieced == whole
    problems = _layered(path, pieced)
    assert problems == _layered(path, whole)  # type: ignore[arg-type]
    twice = [p.position for p in problems if "used twice" in p.message]
    assert twice == [7, 8, 9, 10, 11]  # the later of each pair, pieces apart
    assert any("ghosts" in p.message for p in problems)


def _layered(path: Path, steps: list[files._Checked]) -> list[Problem]:
    layer = files._Layer({t: {} for t in TABLES}, [], {}, {t: [] for t in TABLES})
    problems: list[Problem] = []
    files._layer_file(str(path), steps, layer, problems)
    return problems


@pytest.mark.parametrize(
    "trouble",
    [
        # a cut line inside a multi-line string: the piece before it is unterminated
        'summary = """\n[[actors]]\n"""\n',
        "summary = '''\n[[actors]]\n'''\n",
        # a table after an entry, and a subtable of the last entry of an earlier piece
        "[meta]\nnote = 1\n",
        '[[places]]\nid = "p"\n[actors.extra]\nnote = 1\n',
    ],
)
def test_what_pieces_might_misread_is_read_whole(
    trouble: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "".join(ENTRY.format(table="actors", ident=f"a{n}", kind="group") for n in range(9))
    path = tmp_path / "odd.toml"
    path.write_text(text + trouble + text.replace('"a', '"b'), encoding="utf-8")
    monkeypatch.setattr(pieces, "PIECE_BYTES", 1)  # every header line a cut
    assert files._check_pieces(path) is None


def test_a_table_of_the_data_before_the_first_header_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``actors = [...]`` then ``[[actors]]`` is an error of the whole text (a static array
    appended to), never an append in pieces."""
    path = tmp_path / "static.toml"
    path.write_text('actors = [{id = "x"}]\n' + ENTRY.format(table="actors", ident="y", kind="g"))
    monkeypatch.setattr(pieces, "PIECE_BYTES", 1)
    assert files._check_pieces(path) is None


def test_a_file_that_is_not_utf8_or_not_toml_is_read_whole(tmp_path: Path) -> None:
    entries = "".join(ENTRY.format(table="actors", ident=f"a{n}", kind="g") for n in range(3))
    bad = tmp_path / "bad.toml"
    bad.write_bytes(entries.encode() + b'note = "\xff"\n')
    assert files._check_pieces(bad) is None
    broken = tmp_path / "broken.toml"
    broken.write_text(entries + "id = \n")
    assert files._check_pieces(broken) is None


def test_a_small_file_is_read_whole(tmp_path: Path) -> None:
    """A file under PIECED_BYTES may be kept parsed (store.parsed) and checked
    (files._CHECKED) by its text: read whole, as before."""
    small = tmp_path / "small.toml"
    small.write_text(ENTRY.format(table="actors", ident="a", kind="g"))
    assert not files.large(small)
    assert not files.large(files.STDIN)


def test_pieces_share_each_short_text_between_entries(tmp_path: Path) -> None:
    """An import's events repeat their source's id, actors, places and tags: each is one
    string for the whole file, not one per entry (equal values, so the same store)."""
    path = tmp_path / "shared.toml"
    path.write_text(
        "".join(ENTRY.format(table="actors", ident=f"a{n}", kind="militia") for n in range(3))
    )
    steps = files._check_pieces(path)
    assert steps is not None
    actors = [s.record for s in steps]
    assert actors[0].sources[0].id is actors[2].sources[0].id
    assert actors[0].id == "a0" and actors[2].id == "a2"


def test_a_file_opening_with_a_byte_order_mark_is_pieced_as_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mark a Windows editor writes, dropped by the whole read (utf-8-sig), is dropped
    by the pieces too: its first header is cut, not read whole for ever after (the file
    fell back). Two marks are no TOML, in pieces as whole."""
    text = "".join(ENTRY.format(table="actors", ident=f"a{n}", kind="group") for n in range(5))
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    pieced, whole = _steps(path, monkeypatch)
    assert pieced is not None
    assert pieced == whole
    assert [s.record.id for s in pieced] == [f"a{n}" for n in range(5)]
    twice = tmp_path / "twice.toml"
    twice.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert files._check_pieces(twice) is None
