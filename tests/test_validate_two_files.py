"""Two of a user's files sharing an id: the later one's warning names the file the first
came from (U45: `validate good.toml reuse.toml` said "replaces the record's event", of
an id in good.toml alone); one reusing the record's id still says the record's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run


def test_an_id_of_another_of_your_files_names_that_file(run: Run, tmp_path: Path) -> None:
    skeleton = run("new", "event").stdout
    first, second = tmp_path / "good.toml", tmp_path / "reuse.toml"
    first.write_text(skeleton, encoding="utf-8")
    second.write_text(skeleton, encoding="utf-8")
    result = run("validate", str(first), str(second))
    lines = [
        line for line in (result.stdout + result.stderr).splitlines() if "my-new-event" in line
    ]
    replaced = [line for line in lines if "id: replaces" in line]
    assert len(replaced) == 1, result.stdout
    assert replaced[0].startswith(f"{second}:")
    assert f"replaces the event 'my-new-event' of {first}, shown in its place" in replaced[0]
    assert "the record's" not in replaced[0]


def test_an_id_of_the_record_still_names_the_record(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(run("new", "event").stdout.replace("my-new-event", "serval"), "utf-8")
    result = run("validate", str(mine))
    assert (
        "replaces the record's event 'serval', shown in its place" in result.stdout + result.stderr
    )


def test_each_of_three_files_names_the_one_it_replaces(run: Run, tmp_path: Path) -> None:
    """a, b and c share an id: b replaces a's entry and c replaces b's; b's warning named
    b itself (the file that last held the id) as the one it replaced."""
    skeleton = run("new", "event").stdout
    a, b, c = (tmp_path / f"{name}.toml" for name in "abc")
    for path in (a, b, c):
        path.write_text(skeleton, encoding="utf-8")
    result = run("validate", str(a), str(b), str(c))
    out = result.stdout + result.stderr
    said = [line for line in out.splitlines() if "events 'my-new-event' id: replaces" in line]
    assert [line.split(":")[0] for line in said] == [str(b), str(c)], out
    assert f"replaces the event 'my-new-event' of {a}," in said[0]
    assert f"replaces the event 'my-new-event' of {b}," in said[1]


def _reusing_the_record(run: Run, tmp_path: Path) -> tuple[Path, Path]:
    skeleton = run("new", "event").stdout.replace("my-new-event", "serval")
    s1, s2 = tmp_path / "s1.toml", tmp_path / "s2.toml"
    for path in (s1, s2):
        path.write_text(skeleton, encoding="utf-8")
    return s1, s2


def _replacing(out: str) -> list[str]:
    return [line for line in out.splitlines() if "events 'serval' id: replaces" in line]


def test_both_files_reusing_the_record_s_id_are_each_said(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U45 #16: with the first file also in BARKHANE_DATA by another spelling (a user's
    usual layer), it was read twice: its warning was left out as not of a file asked
    about, and the second's named the first's other spelling; only the last file's
    warning was printed. Each file is read once, by the spelling given to validate."""
    s1, _ = _reusing_the_record(run, tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BARKHANE_DATA", str(s1))  # absolute; validate is given s1.toml
    result = run("validate", "s1.toml", "s2.toml")
    said = _replacing(result.stdout)
    assert [line.split(":")[0] for line in said] == ["s1.toml", "s2.toml"], result.stdout
    assert "replaces the record's event 'serval'," in said[0]
    assert "replaces the event 'serval' of s1.toml," in said[1]
    assert result.stderr.startswith("ok: 2 files,")


def test_a_file_given_twice_is_read_once(run: Run, tmp_path: Path) -> None:
    """`validate s1.toml ./s1.toml` read it twice: 'serval' of s1.toml replaced itself,
    said twice, and the record's event it replaces went unsaid."""
    s1, _ = _reusing_the_record(run, tmp_path)
    result = run("validate", str(s1), str(tmp_path / "." / "s1.toml"))
    said = _replacing(result.stdout)
    assert len(said) == 1 and "replaces the record's event 'serval'," in said[0], result.stdout
    assert result.stderr.startswith("ok: 1 file,")


def test_a_file_in_a_folder_given_too_is_read_once_with_it(run: Run, tmp_path: Path) -> None:
    """RV39: `validate mine mine/inner/s1.toml` (the file first, or its folder inside the
    one given) read s1.toml twice, once in its folder: 'serval' of s1.toml replaced itself, and the record's event it replaces
    went unsaid; --data the same way marked the file's own event as replacing one."""
    s1, _ = _reusing_the_record(run, tmp_path)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "inner").mkdir()
    inner = s1.rename(folder / "inner" / "s1.toml")
    for given in ((folder, inner), (inner, folder), (folder, inner.parent)):
        result = run("validate", *map(str, given))
        said = _replacing(result.stdout)
        assert len(said) == 1, result.stdout
        assert "replaces the record's event 'serval'," in said[0], result.stdout
        assert result.stderr.startswith("ok: 1 file,"), result.stderr


def test_a_file_in_a_data_folder_layer_is_read_once(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of a folder in BARKHANE_DATA given to validate (a user checking the file
    they edit) is checked as read there, its warnings said, once, by its own spelling."""
    folder = tmp_path / "layer"
    folder.mkdir()
    mine = folder / "mine.toml"
    mine.write_text(run("new", "event").stdout.replace("my-new-event", "serval"), "utf-8")
    monkeypatch.setenv("BARKHANE_DATA", str(folder))
    result = run("validate", str(mine))
    said = _replacing(result.stdout)
    assert len(said) == 1 and "replaces the record's event 'serval'," in said[0], result.stdout
