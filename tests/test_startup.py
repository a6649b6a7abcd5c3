"""Start-up (issue 23): the quick paths import nothing heavy that Typer does not.

``timeline --format json``, ``--version`` and a TAB completion must stay within 1.5× of a
bare ``python -c "import typer"`` (bench/startup.py measures that). What keeps them there
is what they do not import: Rich (only a terminal view draws), hashlib (OpenSSL),
urllib, tempfile (only writing needs it). This is a behaviour test, not a timing test: it
runs each path in a fresh interpreter and lists the modules it loaded beyond Typer's own.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import pinned_store

from barkhane_cli.settings import ENV_VARS

ROOT = Path(__file__).parent.parent
HEAVY = ("rich", "hashlib", "_hashlib", "urllib", "tempfile")

# Runs barkhane as its console script does, then writes every loaded module's name to
# the file named by the first argument.
SCRIPT = """
import atexit, json, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
sys.argv[0] = "barkhane"
from barkhane_cli.entry import main
main()
"""

TAB = {"_BARKHANE_COMPLETE": "complete_bash", "COMP_WORDS": "barkhane timeline --actor "}
CASES = {
    "timeline --format json": (["timeline", "--format", "json"], {}),
    "--version": (["--version"], {}),
    "TAB: an option": ([], {**TAB, "COMP_CWORD": "2"}),
    "TAB: an actor": ([], {**TAB, "COMP_CWORD": "3"}),
}


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return {k: v for k, v in env.items() if not k.startswith("_BARKHANE")}


@pytest.fixture(scope="session")
def startup_cache(
    tmp_path_factory: pytest.TempPathFactory, _pinned: tuple[Path, Path]
) -> dict[str, str]:
    """A cache folder of these tests' own, shared by the xdist workers (as the run's one
    cache is, conftest._session_cache) and holding the bundled data's store alone. In the
    run's shared cache, the other workers' builds (a store for each --data file a test
    writes) prune it to the six most recent stores: one built between the warm run and
    the measured one could evict the bundled store, and the measured run was then a cold
    one, importing tempfile and validate to build it again (a flake after a code change,
    when every store is rebuilt). Here only these runs build, all the same store, under
    that store's lock. The run's build of that store (conftest.pinned_store, once a run)
    is linked in, and the warm-up finds it as a second run of barkhane would: before, a
    first test here in the worker that had not built it compiled it again (~3 s)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "startup-cache"
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)  # as barkhane makes it
    pinned_store(_pinned)
    pinned = _pinned[1]
    with contextlib.suppress(OSError):  # linked by the other worker (or none was built)
        os.link(pinned, folder / pinned.name)
    cache = {"BARKHANE_CACHE": str(folder)}
    # A warm run, as a user's are: the store is built (that run may write, so may import
    # tempfile); the measured runs read it, from a cache no other test prunes. Once a
    # worker, not before each case: nothing but these runs uses the folder, and a measured
    # run only reads it (each case ran its own warm-up child, ~0.25 s of CPU apiece).
    # (set up before conftest._isolated clears the user's settings: cleared here too)
    env = {k: v for k, v in _env().items() if k not in ENV_VARS} | cache
    warm = [sys.executable, "-m", "barkhane_cli", "timeline", "-n", "0"]
    proc = subprocess.run(warm, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr  # check=True would hide why it failed
    return cache


def _loaded(
    tmp_path: Path, args: list[str], extra: dict[str, str], cache: dict[str, str]
) -> set[str]:
    out = tmp_path / "modules.json"
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(out), *args],
        env={**_env(), **cache, **extra},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(out.read_text()))


@pytest.fixture(scope="module")
def typer_modules() -> set[str]:
    code = "import json, sys, typer; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(proc.stdout))


@pytest.mark.record  # conftest: among the tests of the bundled record, whose store it reads
@pytest.mark.parametrize("case", list(CASES))
def test_quick_paths_import_nothing_heavy(
    case: str, typer_modules: set[str], tmp_path: Path, startup_cache: dict[str, str]
) -> None:
    # the store is warm (startup_cache): the measured run reads it
    args, extra = CASES[case]
    extra_modules = _loaded(tmp_path, args, extra, startup_cache) - typer_modules
    heavy = sorted(m for m in extra_modules if m.split(".")[0] in HEAVY)
    assert heavy == []
    assert "barkhane_cli.validate" not in extra_modules  # a warm run checks nothing again


def test_the_json_answer_is_whole(tmp_path: Path, bundled: None) -> None:
    """The path the test above watches gives the full answer: every core event."""
    proc = subprocess.run(
        [sys.executable, "-m", "barkhane_cli", "timeline", "--format", "json"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    events = json.loads(proc.stdout)
    assert len(events) > 300 and all("id" in e and "sources" in e for e in events)
