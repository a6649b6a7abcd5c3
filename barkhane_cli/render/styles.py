"""One colour per event type and per actor kind, used by every view and its legend."""

from __future__ import annotations

TYPE_STYLES: dict[str, str] = {
    "attack": "red",
    "battle": "bright_red",
    "massacre": "magenta",
    "coup": "bright_magenta",
    "operation": "blue",
    "withdrawal": "cyan",
    "diplomacy": "green",
    "mandate": "bright_green",
    "politics": "yellow",
    "armed-group": "bright_yellow",
    "leader-killed": "bright_blue",
    "protest": "bright_cyan",
    "humanitarian": "white",
}

KIND_STYLES: dict[str, str] = {
    "state": "blue",
    "armed-group": "red",
    "militia": "bright_red",
    "mission": "cyan",
    "operation": "bright_blue",
    "organisation": "green",
    "company": "magenta",
    "person": "yellow",
}

DISPUTED_STYLE = "italic yellow"


def disputed(note: str) -> str:
    """How every human view flags a disagreement between sources."""
    return f"⚑ disputed: {note}"
