"""--export: save what a view would show on a terminal as SVG, HTML or text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from barkhane_cli.errors import UsageError
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import inert, inert_segments

EXPORT_KINDS = (".svg", ".html", ".txt")


def check_path(path: Path) -> None:
    if path.suffix.lower() not in EXPORT_KINDS:
        raise UsageError(
            f"--export {path}: give a file ending in .svg, .html or .txt (e.g. {path.stem or 'view'}.svg)"
        )
    if path.parent and not path.parent.exists():
        raise UsageError(f"--export {path}: the folder {path.parent} does not exist")


def export(env: Env, path: Path, draw: Callable[[Env], object], title: str) -> None:
    """Draw the view's terminal form into a recording console and save it by extension."""
    check_path(path)
    rec = env.recording()
    draw(rec)
    con = rec.recorder
    # The last guard: no data control character and no non-http(s) link reaches the file
    # (Rich writes a link's URL into the HTML attribute as it is).
    with con._record_buffer_lock:
        con._record_buffer[:] = inert_segments(con._record_buffer)
    kind = path.suffix.lower()
    try:
        if kind == ".svg":
            con.save_svg(str(path), title=inert(title))
        elif kind == ".html":
            con.save_html(str(path))
        else:
            con.save_text(str(path))
    except OSError as exc:
        raise UsageError(f"--export {path}: cannot write it ({exc.strerror or exc})") from None
    env.err.write(f"wrote {path}\n")
