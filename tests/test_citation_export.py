"""--export with a citation format (sources, source): the file holds the terminal view, as
with every other format, and the bibliography still goes to stdout. It was dropped: no
file, nothing said, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run


@pytest.mark.parametrize("fmt", ["bibtex", "csl-json", "ris", "text"])
def test_sources_in_a_citation_format_still_exports(run: Run, tmp_path: Path, fmt: str) -> None:
    saved = tmp_path / "sources.txt"
    res = run("sources", "-f", fmt, "--export", str(saved))
    assert res.exit_code == 0, res.stderr
    assert "Barkhane and leaves Mali" in res.stdout  # the bibliography, on stdout as before
    assert saved.exists(), res.stderr
    view = saved.read_text()
    assert "Cited" in view and "seed" in view  # the sources' table, as -f table saves


@pytest.mark.parametrize("fmt", ["bibtex", "ris"])
def test_one_source_in_a_citation_format_still_exports(run: Run, tmp_path: Path, fmt: str) -> None:
    saved = tmp_path / "seed.txt"
    res = run("source", "seed", "-f", fmt, "--export", str(saved))
    assert res.exit_code == 0, res.stderr
    assert "seed" in res.stdout
    assert saved.exists(), res.stderr
    assert "publisher" in saved.read_text()  # the source's view, as -f table saves
