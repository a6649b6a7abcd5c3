"""The chart's series stay apart in colour (U62; U54 #21: on `chart fatalities --country
"burkina faso" --since 2015 --export bf-fat.svg` "operation, withdrawal, accident" and
"coup, coup-attempt, …" were two near-identical blues, the lighter one darkened towards
the other to be legible on the page)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from conftest import Run

from barkhane_cli.render.styles import MIN_APART, TYPE_GROUPS, apart, hex_rgb, readable_on

PAGE = (255, 255, 255)


def test_every_two_series_colours_are_apart_on_a_terminal_and_on_the_page() -> None:
    colours = {label: hex_rgb(c) for label, c, _, _ in TYPE_GROUPS.values()}
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        assert apart(ca, cb) >= MIN_APART, (a, b)
        on_page = apart(readable_on(ca, PAGE), readable_on(cb, PAGE))
        assert on_page >= MIN_APART, (a, b)


def test_the_exported_charts_legend_draws_each_series_in_a_colour_of_its_own(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "bf-fat.svg"
    res = run("chart", "fatalities", "--country", "burkina faso", "--since", "2015",
              "--export", str(target))  # fmt: skip
    assert res.exit_code == 0, res.stderr
    svg = target.read_text("utf-8")
    fills = dict(re.findall(r"\.(terminal-\d+-r\d+) \{ fill: (#[0-9a-f]{6})", svg))
    swatches = {
        text.replace("&#160;", " "): fills[cls]
        for cls, text in re.findall(r'<text class="([^"]+)"[^>]*>■&#160;([^<]+)</text>', svg)
    }
    assert "operation, withdrawal, accident" in swatches
    assert any(label.startswith("coup, coup-attempt") for label in swatches)
    for (a, ca), (b, cb) in itertools.combinations(swatches.items(), 2):
        assert apart(hex_rgb(ca), hex_rgb(cb)) >= MIN_APART, (a, ca, b, cb)
