"""A data file that cannot be read is said as one that is missing is: one line naming it,
exit 4 (README's exit codes: "a data file that is missing, unreadable or invalid"). U34:
mode 000 gave Click's "--data: Path '…' is not readable; see 'barkhane timeline --help'",
exit 2, a usage error, where a missing file is "no such data file", exit 4.

The tests run as root, who reads any file: the file is made unreadable as a user sees it,
by the two calls that ask (os.access, Click's check; os.open, the reader's)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import Run, scandir_fails_at

_EVENTS = '[[events]]\nid = "x"\n'


@pytest.fixture
def unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(_EVENTS, encoding="utf-8")
    access, open_ = os.access, os.open

    def refused_access(p: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if Path(p) == path else access(p, mode, *args, **kwargs)

    def refused_open(p: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(p) == path:
            raise PermissionError(13, "Permission denied", str(p))
        return open_(p, flags, *args, **kwargs)

    monkeypatch.setattr(os, "access", refused_access)
    monkeypatch.setattr(os, "open", refused_open)
    return path


@pytest.mark.parametrize("args", [("timeline", "--count"), ("gaps", "--count"), ("validate",)])
def test_an_unreadable_data_file_is_a_data_error(
    run: Run, unreadable: Path, args: tuple[str, ...]
) -> None:
    given = [str(unreadable)] if args == ("validate",) else ["--data", str(unreadable)]
    result = run(*args, *given)
    assert result.exit_code == 4, result.stderr
    said = result.stdout + result.stderr  # validate lists its problems on stdout
    assert f"{unreadable}: permission denied; give a data file you may read" in said
    assert "Traceback" not in said
    assert "not readable" not in said


def test_a_missing_one_exits_alike(run: Run, tmp_path: Path) -> None:
    result = run("timeline", "--count", "--data", str(tmp_path / "gone.toml"))
    assert (result.exit_code, result.stderr) == (
        4,
        f"barkhane: {tmp_path}/gone.toml: no such data file\n",
    )


@pytest.mark.parametrize("locked", ["layers", "layers/more"])
def test_a_folder_it_may_not_read_is_said_so(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: str
) -> None:
    """A folder of mode 000 was "a folder with no .toml files"; one below a folder given
    had its events left out, exit 0 (RV34). Refused as the tests' root is not: the call
    that lists a folder raises."""
    top = tmp_path / "layers"
    (top / "more").mkdir(parents=True)
    (top / "more" / "mine.toml").write_text(_EVENTS, encoding="utf-8")
    refused = tmp_path / locked
    scandir_fails_at(monkeypatch, refused, PermissionError(13, "Permission denied", str(refused)))
    result = run("timeline", "--count", "--data", str(top))
    assert (result.exit_code, result.stderr) == (
        4,
        f"barkhane: {refused}: permission denied; give a data folder you may read\n",
    )
