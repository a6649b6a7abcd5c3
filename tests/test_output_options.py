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
        (  # RV39: a table's format is --format's, to stdout; --export x.csv is refused
            "timeline -o x.csv --year 2020",
            "timeline writes csv to stdout, not -o: barkhane timeline --year 2020 --format csv "
            "> x.csv",
        ),
        (  # the format already given is kept
            "timeline -f json -o x.json",
            "timeline writes to stdout, not -o: barkhane timeline -f json > x.json",
        ),
        (
            "timeline -o x.svg",
            "timeline writes a file with --export, not -o: barkhane timeline --export x.svg",
        ),
        (  # no file named: one --export takes
            "summary -o",
            "summary writes a file with --export, not -o: barkhane summary --export FILE.svg",
        ),
        (
            "map -o m.geojson",
            "map writes geojson to stdout, not -o: barkhane map --format geojson > m.geojson",
        ),
        (
            "cite seed -o x.ris",
            "cite writes ris to stdout, not -o: barkhane cite seed --format ris > x.ris",
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


@pytest.mark.parametrize(
    "typed", ["timeline -o x.csv --year 2020", "map -o m.geojson", "summary -o", "chart -o c.md"]
)
def test_the_command_it_gives_runs(run: Run, typed: str, tmp_path: Path) -> None:
    """RV39: `timeline -o x.csv` was told `timeline --export x.csv`, which --export
    refuses ("give a file ending in .svg, .html or .txt"): the way given must work."""
    said = run(*shlex.split(typed)).stderr.strip()
    words = shlex.split(said.split(": ", 2)[2])
    assert words[0] == "barkhane"
    words = [str(tmp_path / "FILE.svg") if w == "FILE.svg" else w for w in words[1:]]
    if ">" in words:
        words = words[: words.index(">")]
    again = run(*words)
    assert again.exit_code == 0, (said, again.stderr)
