"""--export pictures: nothing fetched from the network, and every colour readable on the page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import Run

from barkhane_cli.render.styles import (
    ERA_STYLES,
    TYPE_GROUPS,
    VERDICT_STYLES,
    contrast,
    hex_rgb,
    readable_on,
)

VIEWS = [["summary"], ["eras"], ["chart"], ["chart", "troops"], ["judgments"], ["timeline"]]
NETWORK = re.compile(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/|url\(\s*['\"]?https?:|@import", re.I)


def _colours(text: str) -> set[str]:
    return {c.lower() for c in re.findall(r"(?:fill|color)\s*:\s*(#[0-9a-fA-F]{6})", text)}


@pytest.mark.parametrize("kind", ["svg", "html"])
@pytest.mark.parametrize("args", VIEWS, ids=lambda a: "-".join(a))
def test_export_loads_nothing_from_the_network_and_meets_wcag_aa(
    run: Run, tmp_path: Path, kind: str, args: list[str]
) -> None:
    target = tmp_path / f"view.{kind}"
    result = run(*args, "--export", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a name, not a fetch
    assert not NETWORK.search(text), NETWORK.search(text)
    assert "@font-face" not in text
    assert "monospace" in text
    page = (255, 255, 255)
    if kind == "html":
        assert re.search(r"background-color:\s*#ffffff", text)
    colours = _colours(text)
    # the page itself is the chrome's fill in SVG; everything else is ink
    inks = colours - {"#ffffff", "#ff5f57", "#febc2e", "#28c840"}
    assert len(inks) >= 2
    for ink in inks:
        assert contrast(hex_rgb(ink), page) >= 4.5, ink


def test_readable_on_darkens_yellow_to_aa_and_keeps_blue() -> None:
    page = (255, 255, 255)
    yellow = readable_on(hex_rgb("#F0E442"), page)
    assert contrast(yellow, page) >= 4.5
    assert yellow[0] > yellow[2]  # still a yellow (olive), not grey
    blue = hex_rgb("#0072B2")
    assert readable_on(blue, page) == blue  # Okabe–Ito blue already passes


def test_palette_has_one_colour_and_one_fill_per_meaning() -> None:
    colours = [c for _, c, _, _ in TYPE_GROUPS.values()]
    fills = [f for _, _, f, _ in TYPE_GROUPS.values()]
    ascii_fills = [a for _, _, _, a in TYPE_GROUPS.values()]
    for seq in (colours, fills, ascii_fills):
        assert len(set(seq)) == len(seq)
    assert len({c for c, _ in ERA_STYLES.values()}) == len(ERA_STYLES)
    assert len({f for _, f in ERA_STYLES.values()}) == len(ERA_STYLES)
    assert len(set(VERDICT_STYLES.values())) == len(VERDICT_STYLES)


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--actor", "jnim"],
        ["timeline", "--actor", "jnim", "--count"],
        ["actor", "jnim"],
        ["place", "bamako", "--facet", "year"],
        ["facts", "troops"],
        ["types"],
    ],
    ids=lambda a: "-".join(a),
)
def test_every_exported_picture_is_titled_with_its_command_line(
    run: Run, tmp_path: Path, args: list[str]
) -> None:
    """U19: `timeline --target minusma --year 2021 --export tl.svg` was titled "barkhane
    timeline", `facts troops --export f.svg` "barkhane": nothing said what the picture
    showed. Every export's title is the command line, as chart's was (less --export)."""
    target = tmp_path / "view.svg"
    result = run(*args, "--export", str(target))
    assert result.exit_code == 0, result.output
    title = re.search(r'class="[^"]*-title"[^>]*>([^<]*)<', target.read_text(encoding="utf-8"))
    assert title is not None
    assert title.group(1).replace("&#160;", " ") == " ".join(["barkhane", *args])


# DejaVu Sans Mono, the first of the stack librsvg finds, advances 0.602 of its size.
DEJAVU_ADVANCE = 0.602


@pytest.mark.parametrize(
    "args",
    [["summary", "--year", "2021", "--width", "80"], ["summary", "--width", "400"],
     ["on", "2020-08-18"]],
    ids=lambda a: "-".join(a),
)  # fmt: skip
def test_an_exported_line_keeps_its_last_glyph_in_its_font(
    run: Run, tmp_path: Path, args: list[str]
) -> None:
    """U21: through rsvg-convert, a line filling the width lost its last glyph ("(as of"
    as "(as o"): Rich sets each run's length at 0.6 of the font size, librsvg draws it at
    the font's own advance, and the line's clip ended at the last column."""
    target = tmp_path / "view.svg"
    result = run(*args, "--export", str(target), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    svg = target.read_text(encoding="utf-8")
    clips = dict(re.findall(r'<clipPath id="([^"]*)">\s*<rect [^>]*width="([\d.]+)"', svg))
    page = next(float(w) for c, w in clips.items() if c.endswith("-clip-terminal"))
    runs = re.findall(
        r'<text [^>]*x="([\d.]+)"[^>]*textLength="([\d.]+)"[^>]*url\(#([^)]+)\)">([^<]*)<', svg
    )
    assert runs and len(clips) > 1
    drawn = []
    for x, length, clip, text in runs:
        text = html.unescape(text)
        glyphs = len(text.rstrip())  # Rich pads a line with blanks to the width
        if glyphs:  # each glyph at the font's own advance, not Rich's 0.6
            end = float(x) + float(length) / len(text) * glyphs * DEJAVU_ADVANCE / 0.6
            # Rich gives the last line no clip of its own: the page's holds it
            drawn.append((end, min(float(clips.get(clip, page)), page)))
    assert all(end <= clip for end, clip in drawn), max(drawn, key=lambda d: d[0] - d[1])
