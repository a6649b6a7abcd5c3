"""What --perpetrator and --target leave out (roles_left_out): the events of groups
pledged to the perpetrator asked for (roles.PLEDGE), and those naming a group asked for
among their actors but not in its role (named_left_out), told as notes, the rows
unchanged: under timeline's table (stderr after --count or --facet), under map's drawing
and chart's bars (stderr for chart's other formats, as its caveat), each filtering with
timeline's --perpetrator and --target.

U41: `timeline --perpetrator al-qaeda --year 2019` listed 1 event and said nothing of
JNIM's 16, sworn to al-Qaeda. Listing them would make "al-Qaeda's attacks" hold a
coalition's that kept its own command, and JSON and --facet would change with it; a note
leaves the answer as the help defines it and says how to get the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from barkhane_cli import roles
from barkhane_cli.text import and_joined, plural

# How the start of a roll-up relation (roles.ROLL_UP) reads in the note: "2 by ISGS
# (pledged to Islamic State) before it became part of ISWAP (2019-03)"; its end reads
# "after it left ISWAP (2022-03)".
_BECAME = {"part-of": "became part of", "member-of": "joined", "merged-into": "merged into"}


def _name(actors: Mapping[str, Any], ident: str) -> str:
    """An actor's label as the notes say it; the id for one the data does not hold."""
    return actors[ident].label if ident in actors else ident


def pledged_left_out(
    actors: Mapping[str, Any], q: Any, select: Callable[[Any], Iterable[Any]]
) -> list[str]:
    """For --perpetrator, the events by a group pledged to one asked for (at the event's
    date) that the query did not list, per group: "16 events by JNIM (pledged to
    al-Qaeda) not listed (a pledge is not a part): add --perpetrator jnim". A group that
    was part of the one asked for at other times (ISGS, part of ISWAP from 2019-03) says
    why these are out: "2 by ISGS (pledged to Islamic State) before it became part of
    ISWAP (2019-03)" (U45: the bare pledge read as contradicting the ISGS rows listed
    above it). None without --perpetrator or when every such event is listed
    (--perpetrator jnim given too). ``select``: the events a query matches, as the
    command reads them (the store's stream, or query.select over a loaded dataset)."""
    if not q.perpetrators:
        return []
    wanted = q.perpetrators

    def name(ident: str) -> str:
        return _name(actors, ident)

    # (affiliate, why it is out beyond its pledge) -> [events, the groups pledged to]
    found: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for affiliate in roles.pledged_to(actors, wanted):
        for e in select(replace(q, perpetrators=frozenset({affiliate}), limit=None)):
            if roles.any_counts_for(actors, e.perpetrators, wanted, e):
                continue  # listed already (by AQIM as well as JNIM)
            held = roles.pledge_holds(actors, affiliate, wanted, e)
            if held is None:
                continue
            outside = roles.part_outside(actors, affiliate, wanted, e)
            why = ""
            if outside is not None:
                aff, before = outside
                when = aff.start if before else aff.end
                said = _BECAME.get(aff.relation, aff.relation) if before else "left"
                why = f" {'before' if before else 'after'} it {said} {name(aff.actor)} ({when})"
            n, to = found.get((affiliate, why), (0, []))
            found[affiliate, why] = (n + 1, to if held in to else [*to, held])
    if not found:
        return []
    parts = [
        f"{n}{' ' + plural(n, 'event') if i == 0 else ''} by {name(a)} "
        f"(pledged to {' and '.join(map(name, to))}){why}"
        for i, ((a, why), (n, to)) in enumerate(found.items())
    ]
    options = " ".join(f"--perpetrator {a}" for a in dict.fromkeys(a for a, _ in found))
    return [f"{and_joined(parts)} not listed (a pledge is not a part): add {options}"]


# The role filters named_left_out reads: the query's field, the option, the role's word.
_ROLES = (("perpetrators", "--perpetrator", "perpetrator"), ("targets", "--target", "target"))


def named_left_out(
    actors: Mapping[str, Any], q: Any, select: Callable[[Any], Iterable[Any]]
) -> list[str]:
    """For --perpetrator and --target, per group asked for, the events matching the other
    filters that name it among their actors but that the query does not list: "2 more
    events name Dan Na Ambassagou among those involved, not as the perpetrator: give
    --actor dan-na-ambassagou instead of --perpetrator to list them". U50: Ogossagou and
    Koulogon name the militia, while the inquiries named Dozo hunters as the perpetrators.
    The option is given as it works: --actor matches an event's actors as written, and
    with --perpetrator too it would narrow the rows, not add to them (kinds AND together).
    When the query lists none, they are not "more" and none is in the role: "3 events name
    Katiba du Gourma among those involved, none as the perpetrator" (U54 #12). The group
    is said by its name, not its short form: the short form is for a table's narrow
    column, and "Gourma katiba" was neither the name nor what the user typed."""
    notes = []
    listed: bool | None = None  # whether the query lists any event: asked once, if needed
    for field, option, role in _ROLES:
        wanted: frozenset[str] = getattr(q, field)
        for ident in sorted(wanted):
            # the user's own --actor filters stay, ANDed as the query does; else this group
            asked = q.actors or frozenset({ident})
            n = sum(
                1
                for e in select(replace(q, **{field: frozenset()}, actors=asked, limit=None))
                if ident in e.actors
                and not roles.any_counts_for(actors, getattr(e, field), wanted, e)
            )
            if not n:
                continue
            if listed is None:
                listed = any(True for _ in select(replace(q, limit=1)))
            name = actors[ident].name if ident in actors else ident
            names = plural(n, "names", "name")
            if listed:
                said = f"{n} more {plural(n, 'event')} {names} {name} among those involved, not"
            else:
                said = f"{n} {plural(n, 'event')} {names} {name} among those involved, none"
            notes.append(
                f"{said} as the {role}: give --actor {ident} instead of {option} to list them"
            )
    return notes


def roles_left_out(
    actors: Mapping[str, Any], q: Any, select: Callable[[Any], Iterable[Any]]
) -> list[str]:
    """Every note of what --perpetrator and --target leave out, in the order they are said."""
    return pledged_left_out(actors, q, select) + named_left_out(actors, q, select)
