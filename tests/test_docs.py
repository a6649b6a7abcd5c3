"""Docs that cannot drift: the CLI reference is generated from the code, the README's
exit codes are the enum's, and every example in the README and in --help runs."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import cli

from barkhane_cli.cli.lazy import COMMANDS
from barkhane_cli.errors import exit_codes_markdown
from barkhane_cli.store import files

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BUNDLED = ROOT / "data"
ACLED = ROOT / "tests" / "fixtures" / "acled" / "current.csv"
UCDP = ROOT / "tests" / "fixtures" / "ucdp" / "GEDEvent_v23_0_4.csv"


def test_cli_reference_is_generated_from_the_code() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import clidoc
    finally:
        sys.path.pop(0)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == clidoc.generate(), (
        "docs/cli.md is out of date: run python tools/clidoc.py"
    )


def test_readme_exit_codes_are_the_enum() -> None:
    assert exit_codes_markdown() in README


def _readme_examples() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    return [
        line.strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip().startswith("barkhane ") or line.strip() == "barkhane"
    ]


EXAMPLES = sorted({*_readme_examples(), *(e for c in COMMANDS.values() for e in c.examples)})


def _commands(line: str) -> list[tuple[list[str], str | None]]:
    """The barkhane runs of an example line: (arguments, file stdout goes to)."""
    runs: list[tuple[list[str], str | None]] = []
    for part in line.split("&&"):
        words = shlex.split(part, comments=True)
        target = None
        if ">" in words:
            at = words.index(">")
            words, target = words[:at], words[at + 1]
        assert words[0] == "barkhane", line
        runs.append((words[1:], target))
    return runs


def test_there_are_examples_to_run() -> None:
    assert len(EXAMPLES) > 40
    assert "barkhane facts troops" in EXAMPLES


@pytest.mark.parametrize("line", EXAMPLES)
def test_every_readme_and_help_example_runs(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "bundled_path", lambda: BUNDLED)
    monkeypatch.chdir(tmp_path)
    shutil.copy(ACLED, tmp_path / "export.csv")  # what `import acled export.csv` reads
    shutil.copy(UCDP, tmp_path / "GEDEvent_v23_1.csv")  # and `import ucdp` its example
    runner = CliRunner()
    # what `validate mine.toml` reads: a new entry's skeleton, as `new` writes it
    (tmp_path / "mine.toml").write_text(runner.invoke(cli(), ["new", "actor"]).stdout)
    for args, target in _commands(line):
        result = runner.invoke(
            cli(), args, prog_name="barkhane", env={"COLUMNS": "100"}, catch_exceptions=False
        )
        assert result.exit_code == 0, f"{line}: exit {result.exit_code}: {result.stderr}"
        if target is not None:
            (tmp_path / target).write_text(result.stdout, encoding="utf-8")
