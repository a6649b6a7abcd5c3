"""The exported map says, as the terminal's does, that a region's or an area's circle is
at a central point: U50 pasted `map --place liptako-gourma --year 2019 --export lg.svg`
into a report with the Timbuktu Region's dot in the desert, some 500 km north of where
its event was, and no word of why."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Run, terminal

_CENTRAL = "regions and areas at a central point"


def _said(run: Run, target: Path, *args: str) -> str:
    """The exported map's text, its lines joined by spaces (the SVG wraps a long note)."""
    result = run("map", *args, "--export", str(target), env=terminal(100))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    if target.suffix != ".txt":
        text = " ".join(re.findall(r"<text [^>]*>([^<]*)</text>", text))
    return " ".join(text.split())


@pytest.mark.parametrize("suffix", ["svg", "html"])
def test_the_exported_legend_says_it_as_the_terminal_does(
    run: Run, bundled: None, tmp_path: Path, suffix: str
) -> None:
    args = ("--place", "liptako-gourma", "--year", "2019")
    drawn = _said(run, tmp_path / "map.txt", *args)
    line = re.search(r"\d+ events at \d+ places; " + _CENTRAL, drawn)
    assert line, drawn
    assert line.group(0) in _said(run, tmp_path / f"map.{suffix}", *args)


def test_a_map_of_towns_alone_does_not_say_it(run: Run, bundled: None, tmp_path: Path) -> None:
    said = _said(run, tmp_path / "map.svg", "--place", "ouagadougou", "--year", "2016")
    assert re.search(r"\d+ events? at 1 place\b", said), said
    assert _CENTRAL not in said
