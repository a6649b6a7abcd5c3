"""Nothing lost on disk (issue 14): writes are all or nothing, never over their input,
and output failures, SIGTERM and Ctrl-C end with one line and a documented code."""

from __future__ import annotations

import csv
import errno
import io
import os
import resource
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, MINI_AS_BUNDLED, Run, sigint_as_at_a_terminal

from barkhane_cli import atomic, entry, inputs
from barkhane_cli.errors import DataError

SAMPLE = FIXTURES / "acled" / "current.csv"
OLD = b"# the previous good file\n"
BARKHANE = [sys.executable, "-m", "barkhane_cli"]


_CACHE: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _shared_cache(_session_cache: Path) -> None:
    # The subprocesses share the run's one cache (conftest._session_cache, where the
    # in-process runs keep theirs), so only the first run parses the bundled timeline.
    _CACHE[:] = [_session_cache / "barkhane"]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BARKHANE_DATA"}
    return env | {"BARKHANE_CACHE": str(_CACHE[0])} | extra


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_import_refuses_to_write_over_its_export(run: Run, tmp_path: Path, how: str) -> None:
    export = tmp_path / "x.csv"
    export.write_bytes(SAMPLE.read_bytes())
    target = export
    if how == "symlink":
        target = tmp_path / "link.toml"
        target.symlink_to(export)
    elif how == "hardlink":
        target = tmp_path / "hard.toml"
        os.link(export, target)
    result = run("import", "acled", str(export), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"barkhane: --output {target}: it is")
    assert result.stderr.count("\n") == 1
    assert export.read_bytes() == SAMPLE.read_bytes()


def test_reimport_into_a_loaded_file_does_not_load_it(run: Run, tmp_path: Path) -> None:
    fresh, loaded = tmp_path / "fresh.toml", tmp_path / "loaded.toml"
    assert run("import", "acled", str(SAMPLE), "-o", str(fresh)).exit_code == 0
    assert run("import", "acled", str(SAMPLE), "-o", str(loaded)).exit_code == 0
    again = run(
        "import", "acled", str(SAMPLE), "-o", str(loaded), env={"BARKHANE_DATA": str(loaded)}
    )
    assert again.exit_code == 0, again.stderr
    assert loaded.read_bytes() == fresh.read_bytes()  # its actors and places are all there
    # Issue 25: the new file never leans on what BARKHANE_DATA holds
    other = tmp_path / "other.toml"
    beside = run(
        "import", "acled", str(SAMPLE), "-o", str(other), env={"BARKHANE_DATA": str(loaded)}
    )
    assert beside.exit_code == 0, beside.stderr
    assert other.read_bytes() == fresh.read_bytes()
    assert run("actors", "-f", "plain", "--data", str(other)).exit_code == 0
    assert f"-> {loaded} (it replaced the file that was there)" in again.stderr
    check = run("actors", "-f", "plain", env={"BARKHANE_DATA": str(loaded)})
    assert check.exit_code == 0, check.stderr


def test_import_to_dash_writes_stdout(run: Run, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.toml"
    assert run("import", "acled", str(SAMPLE), "-o", str(fresh)).exit_code == 0
    piped = run("import", "acled", str(SAMPLE), "-o", "-")
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout == fresh.read_text(encoding="utf-8")
    assert not (Path.cwd() / "-").exists()
    assert "events written -> stdout" in piped.stderr


def test_export_refuses_to_write_over_a_loaded_file(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "extra.txt"
    data.write_text('[[sources]]\nid = "x"\ntitle = "T"\npublisher = "P"\nkind = "news"\n')
    before = data.read_bytes()
    result = run("timeline", "--data", str(data), "--export", str(data))
    assert result.exit_code == 2 and "read by this command" in result.stderr
    assert data.read_bytes() == before


def test_export_writes_through_a_symlink(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run("timeline", "--export", str(link), "-f", "json").exit_code == 0
    assert link.is_symlink() and "Operation Serval" in real.read_text()
    assert _leftovers(tmp_path) == []


def test_a_failed_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(OLD)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(DataError) as info:
        atomic.write(target, "new text", "--output")
    assert info.value.message == (
        f"--output {target}: cannot write it (No space left on device); nothing was changed"
    )
    assert target.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_an_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write(target, "new text " * 10000, "--output")
    assert target.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_new_files_get_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    atomic.write(target, "x = 1\n", "--output")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def _big_export(path: Path, rows: int) -> None:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    head, good = lines[0], lines[1:10]
    ident = head.index("event_id_cnty")
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(head)
        for n in range(rows):
            row = list(good[n % len(good)])
            row[ident] = f"MLI{n + 1_000_000}"
            out.writerow(row)


def test_a_file_size_limit_leaves_the_old_file(tmp_path: Path, bundled: None) -> None:
    export, target = tmp_path / "big.csv", tmp_path / "out.toml"
    _big_export(export, 400)
    target.write_bytes(OLD)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    # The run's cache (as the other subprocesses): the bundled store there is only read
    # (if it is not built yet, its build fails under the limit and the import goes on
    # uncached); either way the output file is what cannot be written.
    proc = subprocess.run(
        [*BARKHANE, "import", "acled", str(export), "-o", str(target)],
        capture_output=True, env=_env(tmp_path), preexec_fn=limit, check=False,
    )  # fmt: skip
    assert proc.returncode == 4
    assert proc.stderr.decode().splitlines()[-1] == (
        f"barkhane: --output {target}: cannot write it (File too large); nothing was changed"
    )
    assert target.read_bytes() == OLD and _leftovers(tmp_path) == []


def _wait_until_read_past(
    proc: subprocess.Popen[bytes], path: Path, offset: int, timeout: float = 60.0
) -> None:
    """Until ``proc`` holds ``path`` open at a position past ``offset`` (its descriptor's
    ``pos`` in /proc/PID/fdinfo), or has ended. The readiness the test needs is the
    child's own state, not a time: it returned once the export was open at all, the
    moment the layout's sniff opens it, and after 20 s whatever the child was doing."""
    fds, end = Path(f"/proc/{proc.pid}/fd"), time.monotonic() + timeout
    while proc.poll() is None:
        if time.monotonic() > end:
            pytest.fail(
                f"the import read no more than {offset} bytes of {path.name} in {timeout} s"
            )
        try:
            for fd in fds.iterdir():
                if os.readlink(fd) != str(path):
                    continue
                info = Path(f"/proc/{proc.pid}/fdinfo/{fd.name}").read_text()
                if int(info.split("pos:", 1)[1].split()[0]) > offset:
                    return
        except OSError:
            pass  # a descriptor closed, or the child ended, while we looked
        time.sleep(0.005)


def test_a_sigterm_as_an_input_is_opened_ends_as_terminated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """K45: why the SIGTERM test failed under load (exit 4, "cannot be read (Bad file
    descriptor)"): it signals when the export is first open, and a SIGTERM arriving as
    inputs.open_bounded's fdopen returned had the new file object close the descriptor as
    the exception unwound, then open_bounded close it again: EBADF replaced Terminated."""
    export = tmp_path / "x.csv"
    export.write_bytes(b"event_id_cnty\n")
    fdopen = os.fdopen

    def signalled(fd: int, mode: str) -> None:
        fdopen(fd, mode).close()  # what the unwinding does to the file object fdopen made
        raise entry.Terminated  # as entry's handler raises it

    monkeypatch.setattr(os, "fdopen", signalled)
    with pytest.raises(entry.Terminated):
        inputs.open_bounded(export, 1000, "an ACLED export")


def test_sigterm_during_an_import_leaves_the_old_file(tmp_path: Path, bundled: None) -> None:
    export, target = tmp_path / "big.csv", tmp_path / "out.toml"
    _big_export(export, 3000)
    target.write_bytes(OLD)
    proc = subprocess.Popen(
        [*BARKHANE, "import", "acled", str(export), "-o", str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path),
    )  # fmt: skip
    # so the signal lands mid-import, reading rows: past what the layout's sniff reads
    # (4,096 bytes, one buffer at most), not at start-up or as the file is first opened
    _wait_until_read_past(proc, export, 2 * io.DEFAULT_BUFFER_SIZE)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate()
    if proc.returncode == 0:  # the machine was fast: then the new file is complete
        assert target.read_bytes().startswith(b"# Imported from the ACLED export big.csv")
    else:
        assert (proc.returncode, err) == (143, b"barkhane: terminated\n")
        assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_a_csv_name_that_is_not_utf8_imports(run: Run, tmp_path: Path) -> None:
    # The names as the interpreter hands them to barkhane from argv (os.fsdecode: each
    # undecodable byte a lone surrogate), in-process: a child only printed what run
    # returns, after compiling the real record under the new file (~2.6 s of CPU).
    folder = os.fsencode(tmp_path)
    export, target = folder + b"/caf\xe9.csv", folder + b"/out\xff.toml"
    with open(export, "wb") as fh:
        fh.write(SAMPLE.read_bytes())
    result = run("import", "acled", os.fsdecode(export), "-o", os.fsdecode(target))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"{tmp_path}/caf\\xe9.csv: read as ACLED")
    assert f"-> {tmp_path}/out\\xff.toml (source " in result.stderr
    with open(target, "rb") as fh:
        assert "caf\ufffd.csv" in fh.read().decode("utf-8")


@pytest.mark.parametrize(
    ("shell", "code", "line"),
    [
        ("> /dev/full", 4, "barkhane: cannot write the output (No space left on device)\n"),
        (">&-", 4, "barkhane: cannot write the output (standard output is closed)\n"),
        ("| head -c 10 >/dev/null", 0, ""),
    ],
)
def test_a_full_or_closed_stdout(
    tmp_path: Path, shell: str, code: int, line: str, bundled: None
) -> None:
    # the paths quoted for the shell: a temporary folder may hold a space (TMPDIR)
    err, rc = shlex.quote(str(tmp_path / "err")), shlex.quote(str(tmp_path / "rc"))
    command = shlex.join(BARKHANE) + f" timeline -f json 2>{err} {shell}"
    script = f"set -o pipefail; {command}; echo $? >{rc}"
    subprocess.run(["bash", "-c", script], env=_env(tmp_path), check=False, cwd=tmp_path)
    assert int((tmp_path / "rc").read_text()) == code
    assert (tmp_path / "err").read_text() == line


def _wait_until_reading_stdin(pid: int, timeout: float = 20.0) -> None:
    # /proc/PID/syscall starts "0 0x0" while the process sits in read(0, ...) (x86-64).
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if Path(f"/proc/{pid}/syscall").read_text().startswith("0 0x0 "):
                time.sleep(0.05)
                return
        except OSError:
            pass
        time.sleep(0.01)
    time.sleep(1.0)  # no /proc: a generous guess


# barkhane as `python -m barkhane_cli` runs it, over the small fixture file as the bundled
# record (as every in-process test has it): `--data -` cannot be keyed, so the real record
# was parsed and checked uncached (~1.8 s of CPU) before the run came to read stdin.
OVER_MINI = (
    MINI_AS_BUNDLED + "import sys\nsys.argv = ['barkhane', *sys.argv[1:]]\n"
    "from barkhane_cli.entry import main\nmain()\n"
)


def test_ctrl_c_while_reading_data(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", OVER_MINI, "sources", "--data", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path),
        preexec_fn=sigint_as_at_a_terminal,
    )  # fmt: skip
    _wait_until_reading_stdin(proc.pid)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate()
    assert (proc.returncode, err) == (130, b"barkhane: interrupted\n")


def test_ctrl_c_before_the_command_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    real_import = builtins.__import__

    def slow_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "barkhane_cli.cli.base":
            raise KeyboardInterrupt  # Ctrl-C while Typer and Rich are still loading
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", slow_import)
    monkeypatch.setattr(sys, "argv", ["barkhane", "timeline"])
    with pytest.raises(SystemExit) as info:
        entry.main()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    assert info.value.code == 130
    assert capsys.readouterr().err == "barkhane: interrupted\n"


def test_ctrl_c_while_options_are_parsed_is_said_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer.core

    from barkhane_cli.cli import base

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # Typer alone would turn this into a silent exit 130

    monkeypatch.setattr(typer.core.TyperGroup, "make_context", interrupted)
    assert base.run(["timeline"]) == 130
    assert capsys.readouterr().err == "barkhane: interrupted\n"
