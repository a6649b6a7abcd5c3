"""What `counted_in` may say: the event whose toll already holds an event's dead.

Sums of deaths leave such an event's toll out (model.Event.counted), so a wrong link
loses dead from every total rather than adding them twice: the link must name another
event that has a toll to hold them, dated so that it can, and never lead back to itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from barkhane_cli import model as m
from barkhane_cli.validate.reader import Problem

FIELD = "counted_in"


def counted_in_problems(e: m.Event, table: str, events: Mapping[str, m.Event]) -> list[Problem]:
    """The problems of ``e``'s counted_in (an unknown id is the reference check's)."""

    def problem(message: str) -> list[Problem]:
        return [Problem(e.origin, table, e.id, FIELD, message)]

    other = events.get(e.counted_in or "")
    if e.counted_in == e.id:
        return problem("an event's dead cannot be counted in its own toll; remove counted_in")
    if other is None:
        return []
    if other.counted() is None and other.counted_in is None:
        return problem(
            f"{other.id!r} has no toll to count these dead in (no fatalities or "
            "fatalities_low); give it one, or remove counted_in"
        )
    if e.first > other.last:
        # a count closed before these dead died cannot hold them
        return problem(
            f"{other.id!r} ends before this event starts ({other.last_day().isoformat()} < "
            f"{e.first_day().isoformat()}), so its toll cannot hold these dead"
        )
    seen = [e.id]
    while other is not None and other.counted_in is not None:
        seen.append(other.id)
        if other.counted_in in seen:
            loop = " → ".join([*seen, other.counted_in])
            return problem(f"counted_in runs in a circle ({loop}): every toll would be left out")
        other = events.get(other.counted_in)
    return []
