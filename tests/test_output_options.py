"""An output file asked for by an option the command does not take gets the way the
command takes one, as the command to run (cli/outputs.py). U45 #14: `export sqlite -o
FILE` said "export sqlite takes no -o; it takes --data or --quiet", not that the file
is its argument."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from conftest import Run


def test_export_sqlite_says_its_file_is_the_argument(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "x.db"
    result = run("export", "sqlite", "-o", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    said = result.stderr.strip()
    fixed = f"barkhane export sqlite {shlex.quote(str(out))}"
    assert (
        said == f"barkhane: export sqlite takes the file to write as its argument, not -o: {fixed}"
    )
    # the command it gives writes the file
    again = run(*shlex.split(fixed)[1:], "--quiet")
    assert again.exit_code == 0, again.stderr
    assert out.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (  # the value attached, and what else was typed kept
            "export sqlite --output=x.db --quiet",
            "export sqlite takes the file to write as its argument, not --output: "
            "barkhane export sqlite x.db --quiet",
        ),
        (
            "timeline -o x.csv --year 2020",
            "timeline writes a file with --export, not -o: barkhane timeline --export x.csv "
            "--year 2020",
        ),
        (
            "map --output x.svg",
            "map writes a file with --export, not --output: barkhane map --export x.svg",
        ),
        (
            "import acled in.csv --export out.toml",
            "import acled writes a file with --output, not --export: barkhane import acled in.csv "
            "--output out.toml",
        ),
        ("cite seed -o x.bib", "cite writes to stdout, not -o: barkhane cite seed > x.bib"),
    ],
)
def test_every_command_says_where_its_file_goes(run: Run, typed: str, said: str) -> None:
    result = run(*shlex.split(typed))
    assert result.exit_code == 2
    assert result.stderr == f"barkhane: {said}\n"
