"""Property-based and environment tests: the tool succeeds or fails cleanly, never crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MINI, Run, sigint_as_at_a_terminal
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

DOCUMENTED = {0, 2, 3, 4}
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)
options = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "--since",
                "--until",
                "--actor",
                "--place",
                "--country",
                "--type",
                "--tag",
                "--search",
                "--fields",
                "--format",
                "--limit",
            ]
        ),
        st.one_of(
            text,
            st.sampled_from(["2020", "Aug 2020", "2020-02-30", "0000", "9999-12-31", "-1", "json"]),
        ),
    ),
    max_size=4,
)


@SETTINGS
@given(opts=options)
def test_timeline_never_crashes_on_any_options(run: Run, opts: list[tuple[str, str]]) -> None:
    args = [part for pair in opts for part in pair]
    result = run("timeline", *args)
    assert result.exit_code in DOCUMENTED, (args, result.stderr)
    assert "Traceback" not in result.stderr
    if result.exit_code:
        assert result.stderr.count("\n") <= 40  # Typer's usage box, or our one line


@SETTINGS
@given(name=text, command=st.sampled_from(["actor", "place", "event", "search", "facts"]))
# a lone letter that normalizes to nothing before a number crashed search's word parser
@example(name="Ø 0", command="actor")
def test_lookups_never_crash_on_any_name(run: Run, name: str, command: str) -> None:
    result = run(command, "--", name) if name.startswith("-") else run(command, name)
    assert result.exit_code in DOCUMENTED, (command, name, result.stderr)
    assert "Traceback" not in result.stderr


MUTATIONS = [
    lambda s: s.replace('date = "2012-03"', "date = 2012"),
    lambda s: s.replace('date = "2012-03"', 'date = "2012-02-30"'),
    lambda s: s.replace('type = "coup"', 'type = "putsch"', 1),
    lambda s: s.replace('actors = ["mali"]', 'actors = ["nobody"]', 1),
    lambda s: s.replace('title = "Coup in Bamako"\n', ""),
    lambda s: s.replace("[[events]]", "[[events", 1),
    lambda s: s.replace("lat = 12.65", 'lat = "north"'),
    lambda s: s.replace('id = "coup-2012"', 'id = "Coup 2012"'),
    lambda s: s.replace('sources = [{ id = "ref-a" }]', "sources = []", 1),
    lambda s: "",
    lambda s: s + '\n[[evnts]]\nid = "x"\n',
]


@pytest.mark.parametrize("mutate", MUTATIONS)
def test_mutated_data_files_give_one_clear_sentence(run: Run, tmp_path: Path, mutate) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "mutated.toml"
    bad.write_text(mutate(MINI.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("timeline", "--data", str(bad))
    assert "Traceback" not in result.stderr
    if result.exit_code:
        assert result.exit_code == 4
        assert str(bad) in result.stderr
        assert len(result.stderr.splitlines()) == 1


@SETTINGS
@given(garbage=st.binary(max_size=200))
def test_binary_garbage_is_a_data_error(run: Run, tmp_path: Path, garbage: bytes) -> None:
    bad = tmp_path / "garbage.toml"
    bad.write_bytes(garbage)
    result = run("timeline", "--data", str(bad))
    assert result.exit_code in (0, 4)
    assert "Traceback" not in result.stderr


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "barkhane_cli", *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
    )


AWKWARD_VIEWS = (("timeline", "--year", "2020"), ("actor", "goita"), ("summary",), ("eras",))


@pytest.mark.parametrize(
    "env",
    [{"TTY_COMPATIBLE": "1", "COLUMNS": "20"}, {"TTY_COMPATIBLE": "1", "TERM": "dumb"}],
)
def test_awkward_terminals_still_render(run: Run, env: dict[str, str]) -> None:
    # In-process: Rich reads TERM and COLUMNS when each run makes its console.
    for args in AWKWARD_VIEWS:
        result = run(*args, env=env)
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stdout.strip()
        if env.get("TERM") == "dumb":
            assert "\x1b[" not in result.stdout


# Runs each view given as an argument (its words joined by spaces) through barkhane's own
# entry point in turn, one process for all; after each, a line on stdout and on stderr
# that ends that view's part and gives its exit code.
_VIEWS_IN_ONE_PROCESS = """
import sys
from barkhane_cli.entry import main
for view in sys.argv[1:]:
    sys.argv = ["barkhane", *view.split()]
    try:
        main()
    except SystemExit as done:
        code = int(done.code or 0)
    for stream in (sys.stdout, sys.stderr):
        stream.write(f"\\n{END} {code}\\n")
        stream.flush()
"""
END = "--- end of a view, exit code"


def test_an_ascii_terminal_still_renders(bundled: None) -> None:
    """A real process: only the interpreter's own stdout has PYTHONIOENCODING's encoding.
    One process for the four views (the entry point, as `python -m barkhane_cli` runs
    it): the same stdout and exit codes as a process each, without three start-ups."""
    env = {"TTY_COMPATIBLE": "1", "PYTHONIOENCODING": "ascii", "COLUMNS": "100"}
    views = [" ".join(args) for args in AWKWARD_VIEWS]
    script = _VIEWS_IN_ONE_PROCESS.replace("{END}", END)
    done = subprocess.run(
        [sys.executable, "-c", script, *views],
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    outs, errs = done.stdout.split(f"\n{END} "), done.stderr.split(f"\n{END} ")
    assert len(outs) == len(errs) == len(views) + 1, done.stderr
    for n, view in enumerate(views):
        stdout = outs[n].split("\n", 1)[1] if n else outs[n]
        stderr = errs[n].split("\n", 1)[1] if n else errs[n]
        code = (errs[n + 1].split("\n", 1)[0], outs[n + 1].split("\n", 1)[0])
        assert code == ("0", "0"), (view, stderr)
        assert "Traceback" not in stderr
        assert stdout.strip(), view


def test_closed_stdout_is_not_a_crash(bundled: None) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "barkhane_cli", "timeline"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    closed = subprocess.run(
        f"{sys.executable} -m barkhane_cli timeline >&-", shell=True, capture_output=True, text=True
    )
    assert "Traceback" not in closed.stderr


def test_ctrl_c_exits_130_without_traceback(tmp_path: Path, bundled: None) -> None:
    # A script that blocks inside a command, so the signal arrives mid-run: the data is
    # loaded and the events are being selected (query.arranged is on timeline's path with
    # or without the store; query.select is not when the store answers). The signal is
    # sent once the script says it is there, not after a guessed delay: on a loaded
    # machine 1.5 s could still be inside the imports, or already past the end.
    ready = tmp_path / "ready"
    script = tmp_path / "slow.py"
    script.write_text(
        "import pathlib, time\nfrom barkhane_cli import query\n"
        "real = query.arranged\n"
        "def slow(*a, **k):\n"
        f"    pathlib.Path({str(ready)!r}).write_text('')\n"
        "    time.sleep(60)\n    return real(*a, **k)\n"
        "query.arranged = slow\n"
        "import sys\nsys.argv = ['barkhane', 'timeline']\n"
        "from barkhane_cli.cli import main\nmain()\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_at_a_terminal,
    )
    deadline = time.monotonic() + 120
    while not ready.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the command never reached its selection"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert err.strip() == "barkhane: interrupted"
