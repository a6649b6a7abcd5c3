"""What only a real process shows: the installed wheel, pipes, encodings, exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import ROOT, _share_parsed

from barkhane_cli.store import parsed

PY = sys.executable
# The installed wheel must be what runs: a developer's PYTHONPATH (a checkout on the path)
# or data settings would make it the checkout instead.
WHEEL_ENV = {
    k: v
    for k, v in os.environ.items()
    if k not in ("PYTHONPATH", "BARKHANE_DATA", "TTY_COMPATIBLE")
}


def wheel_env() -> dict[str, str]:
    """WHEEL_ENV with the run's one cache (conftest._session_cache), not the user's."""
    return WHEEL_ENV | {"BARKHANE_CACHE": str(Path(os.environ["XDG_CACHE_HOME"]) / "barkhane")}


@pytest.fixture(scope="module")
def wheel_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("wheel-cache")


def installed_env(cache: Path) -> dict[str, str]:
    """WHEEL_ENV with a cache folder of the installed wheel's own (``cache``, one a run of
    this module), not the user's. In the run's one cache, the stores the other worker
    built while the wheel's first run drew the timeline pruned the wheel's store (the
    cache keeps six), and its second run compiled the record again (~3 s). The wheel's
    first run compiles its bundled data from the documents the run's other builds parsed
    (store.parsed), linked in from the run's cache: the tests that run the wheel take the
    bundled fixture, whose build of the record leaves them there."""
    run_cache = wheel_env()["BARKHANE_CACHE"]
    _share_parsed(Path(run_cache) / parsed.FOLDER, cache / parsed.FOLDER)
    return WHEEL_ENV | {"BARKHANE_CACHE": str(cache)}


def barkhane(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("BARKHANE_DATA", "TTY_COMPATIBLE")}
    env.update(kw.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(
        [PY, "-m", "barkhane_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        **kw,  # type: ignore[call-overload]
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout, installed (not editable) into a fresh venv.

    The venv reaches this environment's dependencies through a .pth file, so the test
    needs no network; the package itself comes only from the wheel.
    """
    tmp = tmp_path_factory.mktemp("wheel")
    # The build backend's own PEP 517 hook, which `pip wheel --no-build-isolation` calls
    # too, without pip's second or so of start-up and copying.
    subprocess.run(
        [PY, "-c", "import sys, hatchling.build as b; b.build_wheel(sys.argv[1])", str(tmp)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    [wheel] = tmp.glob("barkhane-*.whl")
    venv = tmp / "venv"
    subprocess.run([PY, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "import sysconfig;print(sysconfig.get_paths()['purelib'])",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # pip from the venv's own interpreter, which reaches it through deps.pth: what
    # `pip --python VENV` does after starting once more in this interpreter (~0.4 s)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    return venv / "bin" / "barkhane"


def test_installed_wheel_runs_from_any_folder_with_its_bundled_data(
    installed: Path, tmp_path: Path, bundled: None, wheel_cache: Path
) -> None:
    result = subprocess.run(
        [str(installed), "timeline", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=installed_env(wheel_cache),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    assert len(events) >= 40
    where = subprocess.run(
        [
            str(installed.parent / "python"),
            "-c",
            "import barkhane_cli;print(barkhane_cli.__file__)",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=installed_env(wheel_cache),
    ).stdout
    assert str(ROOT) not in where  # the wheel, not the checkout


def test_installed_wheel_ships_the_seed(
    installed: Path, tmp_path: Path, bundled: None, wheel_cache: Path
) -> None:
    result = subprocess.run(
        [str(installed), "timeline", "--tag", "seed", "--format", "json", "--limit", "1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=installed_env(wheel_cache),
    )
    assert result.returncode == 0, result.stderr
    [event] = json.loads(result.stdout)
    assert any(s["id"] == "seed" and s.get("quote") for s in event["sources"])


# conftest sorts it with the wheel's two runs (they take bundled): in another worker it
# built and installed the wheel a second time (~2 s)
@pytest.mark.record
def test_the_wheel_ships_every_data_file(installed: Path) -> None:
    """The bundled data is a folder of files: a file left out of the wheel would silently
    drop a year of events or every source of one (issue 25)."""
    site = next((installed.parent.parent / "lib").glob("python*/site-packages"))
    shipped = sorted(p.relative_to(site / "barkhane_cli" / "data").as_posix()
                     for p in (site / "barkhane_cli" / "data").rglob("*.toml"))  # fmt: skip
    ours = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.toml"))
    assert shipped == ours and "meta.toml" in ours and len(ours) > 30


def test_reader_going_away_ends_quietly(bundled: None) -> None:
    proc = subprocess.run(
        f"{PY} -m barkhane_cli timeline | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        executable="/bin/bash",
    )
    assert proc.stderr == ""
    assert len(proc.stdout.splitlines()) == 1


def test_reader_going_away_exits_zero_for_json(bundled: None) -> None:
    proc = subprocess.run(
        f"set -o pipefail; {PY} -m barkhane_cli timeline --format json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        executable="/bin/bash",
    )
    assert proc.stderr == ""
    assert proc.returncode == 0


def test_piped_default_is_plain_rows(bundled: None) -> None:
    result = barkhane("timeline", "--limit", "2")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    # date end type id title actors places fatalities fatalities_low fatalities_high disputed
    # fatalities_counted
    assert all(line.count("\t") == 11 for line in lines)


def test_ascii_stdout_still_carries_non_ascii_names(bundled: None) -> None:
    result = barkhane(
        "timeline",
        "--search",
        "Goïta",
        "--fields",
        "title,summary",
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() != ""


def test_bad_date_exits_2_without_traceback() -> None:
    result = barkhane("timeline", "--since", "not a date")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("barkhane: --since:")


def test_shell_completion_offers_actors_from_the_data(bundled: None) -> None:
    script = Path(sys.executable).parent / "barkhane"
    # completion reads the compiled store, which any command builds (the bundled fixture
    # did; the run finds it again if the other worker's builds pruned it meanwhile). One
    # that prints nothing: `sources` wrote ~10,000 lines no one read.
    warm = [str(script), "timeline", "-n", "0"]
    subprocess.run(warm, capture_output=True, timeout=60, check=True)
    env = dict(
        os.environ,
        _BARKHANE_COMPLETE="complete_bash",
        COMP_WORDS="barkhane actor goi",
        COMP_CWORD="2",
    )
    result = subprocess.run([str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["assimi-goita", "kassoum-goita"]  # a word inside a name


def test_colour_asked_for_survives_a_pipe(tmp_path: Path, bundled: None) -> None:
    """Issue 26: --color always and FORCE_COLOR=1 gave no colour when piped, though the
    README promises it (for less -R); without them a pipe gets none."""
    env = wheel_env()  # the run's one cache: compiled once a run, not per test
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    args = [PY, "-m", "barkhane_cli", "timeline", "-f", "table", "--limit", "2"]
    forced = subprocess.run([*args, "--color", "always"], capture_output=True, text=True, env=env)
    assert forced.returncode == 0 and "\x1b[" in forced.stdout
    by_env = subprocess.run(args, capture_output=True, text=True, env=env | {"FORCE_COLOR": "1"})
    assert "\x1b[" in by_env.stdout
    plain = subprocess.run(args, capture_output=True, text=True, env=env)
    assert plain.returncode == 0 and "\x1b[" not in plain.stdout
