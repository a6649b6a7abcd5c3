"""What --perpetrator leaves out by the roll-up's rule: the events of groups pledged to
the one asked for (roles.PLEDGE), told as a note, the rows unchanged.

U41: `timeline --perpetrator al-qaeda --year 2019` listed 1 event and said nothing of
JNIM's 16, sworn to al-Qaeda. Listing them would make "al-Qaeda's attacks" hold a
coalition's that kept its own command, and JSON and --facet would change with it; a note
leaves the answer as the help defines it and says how to get the rest.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from barkhane_cli import roles
from barkhane_cli.text import and_joined, plural


def pledged_left_out(loaded: Any, q: Any) -> list[str]:
    """For --perpetrator, the events by a group pledged to one asked for (at the event's
    date) that the query did not list, per group: "16 events by JNIM (pledged to
    al-Qaeda) not listed (a pledge is not a part): add --perpetrator jnim". None without
    --perpetrator or when every such event is listed (--perpetrator jnim given too)."""
    if not q.perpetrators:
        return []
    actors = loaded.data.actors
    wanted = q.perpetrators
    found: list[tuple[str, int, list[str]]] = []  # (affiliate, events, pledged to)
    for affiliate in roles.pledged_to(actors, wanted):
        n, to = 0, []
        for e in loaded.stream(replace(q, perpetrators=frozenset({affiliate}), limit=None)):
            if roles.any_counts_for(actors, e.perpetrators, wanted, e):
                continue  # listed already (by AQIM as well as JNIM)
            held = roles.pledge_holds(actors, affiliate, wanted, e)
            if held is not None:
                n += 1
                to += [held] if held not in to else []
        if n:
            found.append((affiliate, n, to))
    if not found:
        return []

    def name(ident: str) -> str:
        return actors[ident].label if ident in actors else ident

    parts = [
        f"{n}{' ' + plural(n, 'event') if i == 0 else ''} by {name(a)} "
        f"(pledged to {' and '.join(map(name, to))})"
        for i, (a, n, to) in enumerate(found)
    ]
    options = " ".join(f"--perpetrator {a}" for a, _, _ in found)
    return [f"{and_joined(parts)} not listed (a pledge is not a part): add {options}"]
