"""The pager as a user at a real terminal meets it (issue 26), on a pseudo-terminal:
none on TERM=dumb, long --help paged, Ctrl-C inside the pager an ordinary exit 0."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, sigint_as_at_a_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def child_environ(tmp_path: Path) -> dict[str, str]:
    """A child's environment at an 80-column terminal: this checkout first on its path and
    the run's cache (conftest._session_cache, in XDG_CACHE_HOME), so the bundled record is
    compiled once a run, not once a test."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "BARKHANE_CACHE": str(Path(os.environ["XDG_CACHE_HOME"]) / "barkhane"),
        "COLUMNS": "80",
    }


def shown_until_closed(main: int) -> bytes:
    """Everything a pseudo-terminal's ``main`` side receives until every writer is gone."""
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: every writer is gone
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    return shown


def at_terminal(
    tmp_path: Path, args: list[str], pager: str, **env: str
) -> tuple[int, str, str, bool]:
    """Run barkhane with stdout on a pseudo-terminal and a pager that leaves a mark;
    return the exit code, what the terminal showed, stderr, and whether the pager ran.
    Its cache is the run's one (conftest._session_cache, in XDG_CACHE_HOME), so the
    bundled timeline is compiled once a run, not once a test."""
    import pty  # noqa: F401  (POSIX only: the skip above)

    mark = tmp_path / "pager-ran"
    mark.unlink(missing_ok=True)
    main, side = os.openpty()
    environ = {
        **child_environ(tmp_path),
        # a shell command line: the path quoted, as a temporary folder may hold a space
        "BARKHANE_PAGER": f"touch {shlex.quote(str(mark))}; {pager}",
        "LINES": "24",
        **env,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "barkhane_cli", *args],
        stdin=side,
        stdout=side,
        stderr=subprocess.PIPE,
        env=environ,
        start_new_session=True,  # its own process group: the pager's Ctrl-C stays in it
        preexec_fn=sigint_as_at_a_terminal,  # so that Ctrl-C reaches it when sent
    )
    os.close(side)
    shown = shown_until_closed(main)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, shown.decode(errors="replace"), err.decode(), mark.exists()


def test_no_pager_on_a_dumb_terminal(tmp_path: Path, bundled: None) -> None:
    code, shown, err, paged = at_terminal(tmp_path, ["timeline", "-n", "2"], "cat", TERM="dumb")
    assert (code, err, paged) == (0, "", False)
    assert "Niamey" in shown  # printed straight to the terminal


def test_the_pager_runs_on_a_capable_terminal(tmp_path: Path, bundled: None) -> None:
    code, shown, err, paged = at_terminal(tmp_path, ["timeline", "-n", "2"], "cat", TERM="xterm")
    assert (code, err, paged) == (0, "", True)
    assert "Niamey" in shown


def test_a_long_help_is_paged_and_a_short_one_printed(tmp_path: Path) -> None:
    code, shown, _, paged = at_terminal(tmp_path, ["timeline", "--help"], "cat", TERM="xterm")
    assert (code, paged) == (0, True)
    assert "Usage" in shown
    # taller than the help: printed as it is, as less -F would
    code, shown, _, paged = at_terminal(
        tmp_path, ["types", "--help"], "cat", TERM="xterm", LINES="500"
    )
    assert (code, paged) == (0, False)
    assert "Usage" in shown
    code, _, _, paged = at_terminal(tmp_path, ["timeline", "--help"], "cat", TERM="dumb")
    assert (code, paged) == (0, False)


def test_ctrl_c_inside_the_pager_ends_the_run_with_exit_0(tmp_path: Path, bundled: None) -> None:
    """The pager gets Ctrl-C (SIGINT to the terminal's foreground group: barkhane and the
    pager); it ignores it, as less does, and reads on; barkhane must not die with 130."""
    pager = "trap '' INT; kill -INT 0; sleep 0.5; cat"
    # 300 events, 84 KB at 80 columns: more than the pipe to the pager holds (64 KiB), so
    # barkhane is still drawing, or blocked writing, when the Ctrl-C comes, as with the
    # whole record (580 KB, 1,200 more events drawn for the same check)
    args = ["timeline", "--limit", "300"]
    code, shown, err, paged = at_terminal(tmp_path, args, pager, TERM="xterm")
    assert paged
    assert (code, err) == (0, "")
    assert "Niamey" in shown


def test_on_a_day_is_paged_as_other_views_are(tmp_path: Path, bundled: None) -> None:
    """U45: `on 2020-08-18` is 59 lines at 80x50 and was printed unpaged, its title, eras
    and leaders scrolled off the top; `actor wagner` was paged. Through the one place
    that pages a view (cli.base.present), the page opens at its title."""
    code, shown, err, paged = at_terminal(tmp_path, ["on", "2020-08-18"], "cat", TERM="xterm")
    assert (code, err, paged) == (0, "", True)
    assert "The situation on 2020-08-18" in shown and "Leaders" in shown


def test_a_pager_quit_before_the_end_is_an_ordinary_exit_0(tmp_path: Path, bundled: None) -> None:
    """q in less before a long view is drawn whole (`place liptako-gourma`, its hundreds
    of events): the view's write meets a closed pipe, which ends the run. It was an
    internal error ("cannot access local variable 'shown'"), exit 1, under the page."""
    code, _, err, paged = at_terminal(
        tmp_path, ["place", "liptako-gourma"], "head -c 100 >/dev/null", TERM="xterm"
    )
    assert paged
    assert (code, err) == (0, "")
