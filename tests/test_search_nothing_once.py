"""search that finds nothing says so once, on stderr, exit 0 (an empty result, as the
exit codes say): on a terminal with --no-pager it said "nothing matches 'bataille de
Tessit'" and then the table's own "nothing matches" (U61 #12)."""

from __future__ import annotations

from conftest import Run


def test_nothing_found_is_said_once_on_a_terminal(run: Run, tty: dict[str, str]) -> None:
    result = run("search", "xyzzyq", "--no-pager", env=tty)
    assert result.exit_code == 0
    said = (result.stdout + result.stderr).splitlines()
    assert said == ["nothing matches 'xyzzyq'"]


def test_nothing_found_is_said_once_when_piped(run: Run) -> None:
    result = run("search", "xyzzyq")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "nothing matches 'xyzzyq'\n"
