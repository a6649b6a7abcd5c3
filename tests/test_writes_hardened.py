"""Writes that cannot be turned against the user (issue 25, second hostile audit): a
planted symlink in a shared folder, a device, a read-only file, stray temporary files."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from conftest import Run

from barkhane_cli import atomic
from barkhane_cli.errors import DataError, UsageError

OLD = b"the victim's file\n"


def test_a_symlink_another_user_planted_in_a_sticky_folder_is_not_followed(
    tmp_path: Path, run: Run
) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(OLD)
    victim.chmod(0o600)
    link = shared / "map.svg"
    link.symlink_to(victim)
    if os.geteuid() != 0:
        pytest.skip("changing a symlink's owner needs root")
    os.lchown(link, 54321, 54321)  # made by another user
    result = run("timeline", "--export", str(link), "-f", "json")
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: --export {link}: is a symlink another user made in a shared folder; "
        "not following it (give another name)\n"
    )
    assert victim.read_bytes() == OLD and link.is_symlink()
    exported = run("export", "sqlite", str(link))
    assert exported.exit_code == 4 and "not following it" in exported.stderr
    assert victim.read_bytes() == OLD


def test_our_own_symlink_in_a_sticky_folder_is_still_followed(tmp_path: Path) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    real = tmp_path / "real.txt"
    real.write_bytes(OLD)
    (shared / "link.txt").symlink_to(real)
    atomic.write(shared / "link.txt", "new\n", "--export")
    assert real.read_text() == "new\n" and (shared / "link.txt").is_symlink()


def test_a_device_or_pipe_is_never_replaced(tmp_path: Path, run: Run) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DataError) as info:
        atomic.write(fifo, "x\n", "--output")
    assert info.value.message == (
        f"--output {fifo}: is not a regular file (a device, pipe or socket); give a file name"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    result = run("export", "sqlite", "/dev/null")
    assert result.exit_code == 4
    assert result.stderr == (
        "barkhane: export /dev/null: is not a regular file (a device, pipe or socket); "
        "give a file name\n"
    )
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "keep.toml"
    target.write_bytes(OLD)
    target.chmod(0o444)
    with pytest.raises(DataError) as info:
        atomic.write(target, "x\n", "--output")
    assert info.value.message == (
        f"--output {target}: is read-only; nothing was changed "
        "(make it writable, or give another name)"
    )
    assert target.read_bytes() == OLD


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "private.toml"
    target.write_bytes(OLD)
    target.chmod(0o600)
    atomic.write(target, "x = 1\n", "--output")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_temporary_files_a_killed_run_left_are_cleaned(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    stale = tmp_path / ".out.toml.abc123.tmp"
    fresh = tmp_path / ".out.toml.def456.tmp"  # maybe another run writing right now
    other = tmp_path / "notes.tmp"  # not ours at all
    for path in (stale, fresh, other):
        path.write_text("partial")
    old = time.time() - 2 * atomic.STALE_SECONDS
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic.write(target, "x = 1\n", "--output")
    assert not stale.exists() and fresh.exists() and other.exists()


def test_dash_is_not_a_file_name_for_a_write(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        atomic.write(Path("-"), "x\n", "--export")
    assert info.value.message == (
        "--export -: give a file name (this option writes a file, not stdout)"
    )
