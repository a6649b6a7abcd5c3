"""Where the exported map (render/svgmap.py) writes each place's name.

The rule, as the legend says it: the places are named in the order render/maps.py's
``label_order`` declares for both maps (the BOLD busiest, the capitals, then the
busiest of the rest, LABELLED places tried at most); a name goes beside its circle (right,
left, above, below), else a little further out, joined to its circle by a thin line
where another circle is as near; it never covers a circle, a capital or another name.
A place it cannot name so, and every place never tried, is named in the legend instead. Four of them are bold when they are the busiest (more than the fifth):
never by the alphabet among equals. U37 saw Yirgou's circle, hemmed in by Arbinda's and
Pensa's on a map of seven, go without a name while the terminal map named it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from barkhane_cli.render.maps import label_order

Box = tuple[float, float, float, float]
Spot = tuple[str, float, float, Box, tuple[float, float] | None]

LABELLED = 16  # places named on the map at most (more crowd it); the rest in the legend
BOLD = 4  # the busiest places, named in bold
GAP = 3.0  # pixels between a circle and its label
FONT_PX = 12.0  # the labels' font size
# How much further out than beside its circle a name may go (pixels), and in how many
# directions: far enough to clear a neighbour's circle, near enough to read as its own.
FURTHER = (8.0, 18.0, 30.0, 44.0)
DIRECTIONS = 16


@dataclass(slots=True)
class Placed:
    """The labels drawn (SVG text), the lines joining a far one to its circle, and the
    names of the places left unnamed on the map (in the order they were tried)."""

    labels: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    bold: int = 0


def _free(box: Box, taken: Sequence[Box]) -> bool:
    x0, y0, x1, y1 = box
    return all(x1 < a or x0 > c or y1 < b or y0 > d for a, b, c, d in taken)


def _gap(box: Box, circle: tuple[float, float, float]) -> float:
    """Pixels from a circle's edge to a box (negative: they overlap)."""
    cx, cy, r = circle
    dx, dy = max(box[0] - cx, 0.0, cx - box[2]), max(box[1] - cy, 0.0, cy - box[3])
    return math.hypot(dx, dy) - r


def beside(x: float, y: float, r: float, width: float) -> list[Spot]:
    """The four places beside a marker, in the order tried: right of it, left, then
    centred above and below (Algiers, between Cherchell's circle and Isser's, has room
    only above). Each is the text's anchor, its x and baseline, the box it covers and no
    line to its circle."""
    h, g = FONT_PX, GAP
    right, left = x + r + g, x - r - g
    above, below = y - r - g, y + r + g + h
    return [
        ("start", right, y + 4, (right, y - h / 2 - 1, right + width, y + h / 2 + 1), None),
        ("end", left, y + 4, (left - width, y - h / 2 - 1, left, y + h / 2 + 1), None),
        ("middle", x, above - 2, (x - width / 2, above - h - 1, x + width / 2, above), None),
        ("middle", x, below - 2, (x - width / 2, below - h, x + width / 2, below + 1), None),
    ]


def further(x: float, y: float, r: float, width: float) -> list[Spot]:
    """Places a little further out, nearest first, all round the marker: the text's
    corner or side nearest the circle at the spot, and where its line starts and ends."""
    h = FONT_PX
    out: list[Spot] = []
    for d in FURTHER:
        for i in range(DIRECTIONS):
            a = 2 * math.pi * i / DIRECTIONS
            c, s = math.cos(a), math.sin(a)
            px, py = x + (r + GAP + d) * c, y + (r + GAP + d) * s
            if c > 0.3:
                anchor, x0 = "start", px
            elif c < -0.3:
                anchor, x0 = "end", px - width
            else:
                anchor, x0 = "middle", px - width / 2
            if s < -0.3:
                y0 = py - h - 1
            elif s > 0.3:
                y0 = py
            else:
                y0 = py - h / 2 - 1
            tx = {"start": x0, "end": x0 + width, "middle": x0 + width / 2}[anchor]
            box = (x0, y0, x0 + width, y0 + h + 1)
            out.append((anchor, tx, y0 + h - 2, box, (x + r * c, y + r * s)))
    return out


def _line_clear(start: tuple[float, float], end: tuple[float, float], taken: Sequence[Box]) -> bool:
    """Whether a straight line crosses none of the boxes (sampled every two pixels)."""
    (x0, y0), (x1, y1) = start, end
    steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 2))
    for k in range(1, steps):
        px, py = x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps
        if any(a <= px <= c and b <= py <= d for a, b, c, d in taken):
            return False
    return True


def _end_of_line(box: Box, toward: tuple[float, float]) -> tuple[float, float]:
    """The point of the label's box nearest the circle: where its line meets it."""
    return (min(max(toward[0], box[0]), box[2]), min(max(toward[1], box[1]), box[3]))


def place(
    markers: Sequence[tuple[str, float, float, float, int, bool]],
    capitals: Sequence[tuple[str, float, float, float]],
    taken: list[Box],
    frame: Box,
    char_px: float,
) -> Placed:
    """Labels for ``markers`` (name, x, y, radius, weight, whether a capital; the circles
    drawn) and the
    ``capitals`` without events (name, x, y, half-size), kept off ``taken`` (the circles
    and the capitals' squares, to which each label placed is added) and inside ``frame``."""
    out = Placed()
    ranked = sorted(markers, key=lambda mk: (-mk[4], mk[0]))
    # bold only where the busiest differ from the rest: among equals, none is picked
    fifth = ranked[BOLD][4] if len(ranked) > BOLD else min((mk[4] for mk in ranked), default=0)
    bold = {mk[0] for mk in ranked[:BOLD] if mk[4] > fifth}
    circles = [(x, y, r) for _, x, y, r, _, _ in markers]
    idle = [(n, x, y, r, 0, True) for n, x, y, r in capitals]
    tried, never = label_order(ranked, idle, lambda mk: mk[5], BOLD, LABELLED)
    left, top, right, bottom = frame
    for name, x, y, r, _, _ in tried:
        own, own_box = (x, y, r), (x - r, y - r, x + r, y + r)
        others = [c for c in circles if c != own]
        width = char_px * len(name)
        for anchor, tx, ty, box, start in [*beside(x, y, r, width), *further(x, y, r, width)]:
            inside = box[0] >= left and box[2] <= right and box[1] > top and box[3] < bottom
            if not inside or not _free(box, taken):
                continue
            # read as its own: no other circle as near (beside it, GAP away), else a line
            near = _gap(box, own)
            mine = all(_gap(box, c) > max(GAP, near) for c in others)
            if start is not None and mine and near > GAP + FURTHER[0]:
                mine = False  # far enough out to need its line all the same
            if start is not None and not mine:
                end = _end_of_line(box, (x, y))
                # a line crosses no other circle, square or name (its own circle's box,
                # which it starts on the edge of, aside)
                if not _line_clear(start, end, [b for b in taken if b != own_box]):
                    continue
                out.leaders.append(
                    f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" '
                    f'y2="{end[1]:.1f}"/>'
                )
            elif start is None and not mine:
                continue  # beside its circle but nearer another: read as that one's
            taken.append(box)
            weight = ' font-weight="bold"' if name in bold else ""
            out.bold += name in bold  # the legend counts the bold names drawn (RV36)
            out.labels.append(
                f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}"{weight}>'
                f"{escape(name)}</text>"
            )
            break
        else:
            if any(name == mk[0] for mk in markers):
                out.unnamed.append(name)
    # the places tried and not named first, the busiest leading, then those never tried:
    # the fourth busiest was listed after 279 quieter ones, past the legend's "and N more"
    out.unnamed += [mk[0] for mk in never]
    return out
