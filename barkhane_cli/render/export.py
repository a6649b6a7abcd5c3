"""--export: save what a view would show on a terminal as SVG, HTML or text.

Pictures are drawn on a light page in the view's own palette, each colour darkened where
needed to meet WCAG AA contrast (4.5:1), in a system monospace font: nothing is fetched
from the network, so a file opened offline or converted by rsvg-convert reads the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from barkhane_cli import atomic
from barkhane_cli.errors import UsageError
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import inert, inert_segments

# The exports drawn as vector pictures (a map's own size), then the terminal drawing's text
VECTOR_KINDS = (".svg", ".html")
EXPORT_KINDS = (*VECTOR_KINDS, ".txt")
PAGE = (255, 255, 255)
INK = (26, 26, 26)
FONT_STACK = (
    "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, 'Courier New', monospace"
)


def check_path(path: Path) -> None:
    if path.suffix.lower() not in EXPORT_KINDS:
        raise UsageError(
            f"--export {path}: give a file ending in .svg, .html or .txt (e.g. {path.stem or 'view'}.svg)"
        )
    atomic.check_folder(path, "--export")


def light_theme() -> Any:
    """Rich's terminal theme for the page: the 16 ANSI colours, each readable on white."""
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme

    from barkhane_cli.render.styles import readable_on

    palette = DEFAULT_TERMINAL_THEME.ansi_colors
    ansi = [readable_on(_rgb(palette[i]), PAGE) for i in range(16)]
    return TerminalTheme(PAGE, INK, ansi[:8], ansi[8:])


def _rgb(c: Any) -> tuple[int, int, int]:
    return int(c[0]), int(c[1]), int(c[2])


def legible(segments: Iterable[Any], theme: Any) -> list[Any]:
    """Every segment's colour made readable on its background; dim text becomes a grey
    that still meets the contrast rule (Rich would blend it halfway into the page)."""
    from rich.color import Color
    from rich.segment import Segment
    from rich.style import Style

    from barkhane_cli.render.styles import readable_on

    cache: dict[Any, Any] = {}
    out = []
    for seg in segments:
        style = seg.style
        if style is not None and style not in cache:
            fg = (
                INK
                if style.color is None or style.color.is_default
                else style.color.get_truecolor(theme)
            )
            bg = (
                PAGE
                if style.bgcolor is None or style.bgcolor.is_default
                else style.bgcolor.get_truecolor(theme)
            )
            if style.reverse:
                fg, bg = bg, fg
            fg, bg = _rgb(fg), _rgb(bg)
            if style.dim:
                fg = _rgb([round(a * 0.6 + b * 0.4) for a, b in zip(fg, bg, strict=True)])
            fixed = readable_on(fg, bg)
            cache[style] = style + Style(
                color=Color.from_rgb(*fixed),
                bgcolor=None if style.bgcolor is None else Color.from_rgb(*bg),
                dim=False,
                reverse=False,
            )
        out.append(Segment(seg.text, cache[style] if style is not None else None, seg.control))
    return out


def svg_format() -> str:
    """Rich's SVG template with its web font replaced by the system monospace stack."""
    from rich._export_format import CONSOLE_SVG_FORMAT

    svg = re.sub(r"@font-face \{\{.*?\}\}\n", "", CONSOLE_SVG_FORMAT, flags=re.S)
    svg = svg.replace("font-family: Fira Code, monospace;", f"font-family: {FONT_STACK};")
    svg = svg.replace("font-family: arial;", f"font-family: {FONT_STACK};")
    # Rich writes runs of spaces as no-break spaces; librsvg still drops them at the start
    # of a run unless told to keep every space.
    svg = svg.replace(
        '<svg class="rich-terminal"', '<svg xml:space="preserve" class="rich-terminal"'
    )
    return svg.replace(
        "Generated with Rich https://www.textualize.io", "Drawn by barkhane with Rich"
    )


def svg_margin(columns: int) -> int:
    """Blank columns right of a picture's last: one, and one more per hundred columns
    (a font up to 0.606 of its height wide, drawn at Rich's 0.6, stays inside)."""
    return 1 + columns // 100


def html_format() -> str:
    from rich._export_format import CONSOLE_HTML_FORMAT

    return CONSOLE_HTML_FORMAT.replace(
        "font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace",
        f"font-family:{FONT_STACK}",
    )


def export(env: Env, path: Path, draw: Callable[[Env], object], title: str) -> None:
    """Draw the view's terminal form into a recording console and save it by extension."""
    check_path(path)
    rec = env.recording()
    draw(rec)
    con = rec.recorder
    theme = light_theme()
    # The last guard: no data control character and no non-http(s) link reaches the file
    # (Rich writes a link's URL into the HTML attribute as it is); then every colour readable
    # on the light page.
    with con._record_buffer_lock:
        con._record_buffer[:] = legible(inert_segments(con._record_buffer), theme)
    kind = path.suffix.lower()
    if kind == ".svg":
        # DejaVu Sans Mono's advance is 0.602 of its height; Rich fixes each run's
        # length, so another monospace font still lines up. librsvg does not fit a run
        # to its length: a run grows 1/300 of a column a column, and a line filling the
        # width lost its last glyph to the line's clip ("(as of" as "(as o", U21). The
        # page gets those columns as a margin, past the last the view draws.
        con.width += svg_margin(con.width)
        body = con.export_svg(
            title=inert(title),
            theme=theme,
            code_format=svg_format(),
            font_aspect_ratio=0.6,
        )
    elif kind == ".html":
        body = con.export_html(theme=theme, code_format=html_format())
    else:
        body = con.export_text()
    # Into a temporary file renamed into place: an interrupted export keeps the old file.
    atomic.write(path, body, "--export")
    env.err.write(f"wrote {atomic.shown(path)}\n")
