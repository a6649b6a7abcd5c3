"""Text from data files made inert before it reaches a person.

Data files come from people we do not know (a colleague's overlay, a web export). A title
may hold terminal escape sequences (retitle the window, clear the screen, hide a link),
Unicode bidirectional overrides that reorder what is shown, or Rich markup. Every
human-facing writer passes data through here, so those characters are *shown*, as
visible escapes (``\\x1b``, ``\\u202e``), and markup is never interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.segment import Segment
    from rich.text import Text

from barkhane_cli.controls import BIDI, ESCAPES, escaped, has_controls, inert, strip_controls
from barkhane_cli.model import web_address

__all__ = ["BIDI", "escaped", "has_controls", "inert", "strip_controls", "write_json"]

_CODES = list(ESCAPES)


def text(value: str, style: str = "", keep: str = "\n") -> Text:
    """A Rich ``Text`` of data: never parsed as markup, controls escaped."""
    from rich.text import Text

    return Text(inert(value, keep), style=style)


# JSON escapes C0 itself; DEL, C1 and bidi controls are legal raw in a JSON string, so
# write them as \\u escapes: the decoded value is unchanged, and a person who cats the
# file sees no reordering.
_JSON_TABLE: dict[int, str] = {cp: f"\\u{cp:04x}" for cp in _CODES if cp >= 0x7F}


def json_inert(dumped: str) -> str:
    """A ``json.dumps`` result with DEL, C1 and bidi controls written as ``\\uXXXX``."""
    if dumped.isprintable():
        return dumped
    return escaped(dumped, _JSON_TABLE)


def write_json(out: Any, dumped: str, before: str = "", after: str = "") -> None:
    """Write a ``json.dumps`` result between the writer's own separators, checked once.

    The bytes are those of ``out.write(before + json_inert(dumped) + after)``, which an
    :class:`InertWriter` escapes again: a text that is all printable needs neither pass,
    so it goes straight to the raw stream in one write; any other text takes both, as
    before. ``before`` and ``after`` are punctuation (commas, spaces, newlines), never
    data: they must be printable apart from tab, newline and carriage return."""
    if dumped.isprintable():  # one check in C, for the usual event
        raw_stream(out).write(before + dumped + after)
    else:
        out.write(before + json_inert(dumped) + after)


def inert_segments(segments: Iterable[Segment]) -> list[Segment]:
    """Rich segments with data controls escaped (Rich's own control segments kept) and
    any link that is not http(s) dropped: the last guard before a terminal or a file."""
    from rich.segment import Segment

    out: list[Segment] = []
    for seg in segments:
        if seg.control:
            out.append(seg)
            continue
        style = seg.style
        if style is not None and style.link and not safe_link(style.link):
            style = style.update_link(None)
        text = inert(seg.text, "\n")
        # Nearly every segment is kept as it is (inert returns a clean text itself) rather
        # than copied: the whole timeline at 160 columns is ~42,000 segments, 0.06 s of
        # copies (0.02 s now).
        same = text is seg.text and style is seg.style
        out.append(seg if same else Segment(text, style, seg.control))
    return out


def safe_link(url: str) -> bool:
    """Only plain http(s) links, with nothing that could leave an HTML attribute."""
    if not web_address(url.strip()):
        return False
    return not any(c in url for c in "\"'<>`\\") and url.isprintable() and " " not in url


def console_class() -> Any:
    """A Rich Console that treats strings as plain text (no markup) and escapes controls,
    so a renderer that hands Rich a data string directly is still safe."""
    from rich.console import Console

    class SafeConsole(Console):
        def render_str(self, text: str, **kwargs: Any) -> Text:
            kwargs["markup"] = False
            kwargs["emoji"] = False
            kwargs["highlight"] = False
            return super().render_str(inert(text, "\n"), **kwargs)

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            return super()._render_buffer(inert_segments(buffer))

    return SafeConsole


class InertWriter:
    """A text stream that escapes controls in everything written except tab, newline and
    carriage return (the separators plain, TSV, CSV and ICS are made of). Plain writers
    go through it; Rich draws to :attr:`raw`, since its own colour codes are escapes."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def write(self, s: str) -> int:
        self.raw.write(inert(s, "\t\n\r"))
        return len(s)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def raw_stream(stream: Any) -> Any:
    """The stream under an :class:`InertWriter` (or the stream itself)."""
    return stream.raw if isinstance(stream, InertWriter) else stream
