"""The palette: one colour per meaning, used by every view, its legend and its exports.

The colours are Okabe and Ito's set ("Color Universal Design", 2008), chosen to stay
distinct for readers with any common form of colour blindness. Seven colours cannot tell
fifteen event types apart, so event types are grouped by what they mean (an attack, a
massacre, fighting, a military operation, politics, diplomacy, the humanitarian record)
and each group has one colour; the type name is always printed next to it. Where there is
no colour, stacked bars use one fill character per group and the legend shows it.

Exports are drawn on a light background: :func:`readable_on` darkens any colour until it
meets WCAG AA (4.5:1) against the page, so the hues keep their meaning and stay legible.
"""

from __future__ import annotations

import math

# Okabe–Ito, plus a neutral grey for "other / unknown".
VERMILLION = "#D55E00"
ORANGE = "#E69F00"
YELLOW = "#F0E442"
GREEN = "#009E73"
SKY = "#56B4E9"
BLUE = "#0072B2"
PURPLE = "#CC79A7"
GREY = "#999999"

# Event types by meaning: (label for legends, colour, fill without colour, ascii fill).
# The series of a chart: Okabe–Ito's hues, one blue only (sky blue, darkened to be legible
# on an exported page, came within a shade of blue: U54 read "operation, withdrawal,
# accident" and "coup, …" as one series), and politics in the neutral grey, apart from
# every hue for any reader. Every two stay MIN_APART, on a terminal and on the page.
TYPE_GROUPS: dict[str, tuple[str, str, str, str]] = {
    "attack": ("attack", VERMILLION, "█", "#"),
    "massacre": ("massacre", PURPLE, "▓", "@"),
    "fighting": ("battle, leader-killed", ORANGE, "▒", "%"),
    "military": ("operation, withdrawal, accident", BLUE, "░", "="),
    "politics": ("coup, coup-attempt, politics, protest, armed-group", GREY, "▞", "+"),
    "diplomacy": ("diplomacy, mandate", GREEN, "▄", ":"),
    "record": ("humanitarian, report", YELLOW, "▀", "-"),
}
TYPE_GROUP: dict[str, str] = {
    "attack": "attack",
    "massacre": "massacre",
    "battle": "fighting",
    "leader-killed": "fighting",
    "operation": "military",
    "withdrawal": "military",
    "accident": "military",
    "coup": "politics",
    "coup-attempt": "politics",
    "politics": "politics",
    "protest": "politics",
    "armed-group": "politics",
    "diplomacy": "diplomacy",
    "mandate": "diplomacy",
    "humanitarian": "record",
    "report": "record",
}
TYPE_STYLES: dict[str, str] = {t: TYPE_GROUPS[g][1] for t, g in TYPE_GROUP.items()}


KIND_STYLES: dict[str, str] = {
    "state": SKY,
    "armed-group": VERMILLION,
    "militia": ORANGE,
    "mission": GREEN,
    "operation": BLUE,
    "organisation": GREEN,
    "company": PURPLE,
    "person": YELLOW,
    "civilians": PURPLE,
    "other": GREY,
}

# Eras in the Gantt chart: (colour, fill without colour).
ERA_STYLES: dict[str, tuple[str, str]] = {
    "operation": (BLUE, "█"),
    "force": (SKY, "▓"),
    "mission": (GREEN, "▒"),
    "presence": (PURPLE, "░"),
    "government": (YELLOW, "▞"),
    "organisation": (VERMILLION, "▚"),  # a body's lifetime: the G5 Sahel (U23)
    "phase": (ORANGE, "▄"),
}


def era_colour(kind: str) -> str:
    """An era's colour, in the chart and where the summary names the eras in place."""
    return ERA_STYLES.get(kind, (GREY, ""))[0]


# A judgment's forecast, against what happened.
VERDICT_STYLES: dict[str, str] = {
    "right": BLUE,
    "partly": ORANGE,
    "wrong": VERMILLION,
    "open": GREY,
}

BAR_STYLE = BLUE  # an unstacked bar (troop strength, a single series)
MARK_STYLE = ORANGE  # a planned, claimed or disputed figure in a series
DISPUTED_STYLE = f"italic {ORANGE}"


def disputed(note: str) -> str:
    """How every human view flags a disagreement between sources."""
    return f"⚑ disputed: {note}"


# --- contrast (WCAG 2.x) and difference ---------------------------------------------------

# The least CIE76 colour difference (ΔE*ab) between two series of a chart: about 20 is
# where two swatches side by side stop reading as shades of one colour.
MIN_APART = 20.0


def _lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour, from the channels luminance linearises (on
    whole 0-255 values WCAG's 0.03928 and sRGB's 0.04045 thresholds split them alike)."""
    r, g, b = (_channel(c) for c in rgb)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def apart(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """How far apart two colours look: the CIE76 difference ΔE*ab."""
    return math.dist(_lab(a), _lab(b))


def _channel(c: float) -> float:
    c = c / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_channel(x) for x in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    h = colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def readable_on(
    rgb: tuple[int, int, int], background: tuple[int, int, int], ratio: float = 4.5
) -> tuple[int, int, int]:
    """The colour, darkened (towards black on a light page) or lightened (on a dark one) in
    small steps until it meets the contrast ratio: the hue stays, the text becomes legible."""
    target = (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255)
    out = rgb
    step = 0
    while contrast(out, background) < ratio and step < 40:
        step += 1
        t = step / 40
        out = (
            round(rgb[0] + (target[0] - rgb[0]) * t),
            round(rgb[1] + (target[1] - rgb[1]) * t),
            round(rgb[2] + (target[2] - rgb[2]) * t),
        )
    return out
