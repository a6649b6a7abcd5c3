"""Who did what to whom: perpetrators and targets, rolled up through affiliations.

A group that is part (or a member) of another at the date of an event counts for it: an
attack by Katiba Macina in 2019 is an attack by JNIM, one in 2015 is not (JNIM was formed
in March 2017). A state's membership of an organisation, alliance or mission is not such a
part: an attack on Chad's army in Chad is not an attack on MINUSMA, though Chad sends it
troops, nor one on Mali an attack on ECOWAS. ``--actor`` means "named on the event" and is
not rolled up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from barkhane_cli import model as m

# merged-into: a group that merged into another goes on as one of its units (Katiba
# Macina in JNIM from March 2017)
ROLL_UP = ("part-of", "member-of", "merged-into")
# A state belongs to the UN, ECOWAS, the G5 Sahel and the EU and sends troops to MINUSMA
# and Takuba all at once: counting its every fight for each of them answered "who attacked
# MINUSMA in 2021" with attacks on Burkina Faso's and Niger's own armies at home.
NOT_ROLLED_UP_FROM = frozenset({"state"})


def rolls_up(actor: m.Actor, aff: m.Affiliation) -> bool:
    """Whether ``actor`` counts for ``aff.actor`` (while the affiliation lasts)."""
    return aff.relation in ROLL_UP and actor.kind not in NOT_ROLLED_UP_FROM


def _active(aff: m.Affiliation, first: int, last: int) -> bool:
    # the affiliation's period, widened to its precision, overlaps the event's span
    if aff.start is not None and aff.start.first_ordinal() > last:
        return False
    return not (aff.end is not None and aff.end.last_ordinal() < first)


def counts_for(
    actors: Mapping[str, m.Actor], actor_id: str, first: int, last: int
) -> frozenset[str]:
    """``actor_id`` and every group it is part of (at any depth) during ``first..last``."""
    out, todo = {actor_id}, [actor_id]
    while todo:
        actor = actors.get(todo.pop())
        if actor is None:
            continue
        for aff in actor.affiliations:
            if rolls_up(actor, aff) and aff.actor not in out and _active(aff, first, last):
                out.add(aff.actor)
                todo.append(aff.actor)
    return frozenset(out)


def any_counts_for(
    actors: Mapping[str, m.Actor], named: Iterable[str], wanted: frozenset[str], e: m.Event
) -> bool:
    """Whether any of ``named`` (an event's perpetrators or targets) counts for ``wanted``."""
    return any(not wanted.isdisjoint(counts_for(actors, a, e.first, e.last)) for a in named)


# A pledge of allegiance is not a part (JNIM kept its own command while sworn to al-Qaeda),
# so --perpetrator al-qaeda does not list JNIM's attacks; but a user asking for al-Qaeda
# must not read "al-Qaeda did 1 attack in 2019" without hearing of them (U41).
PLEDGE = "pledged-to"
# every day a date can name: a pledge to AQIM counts for al-Qaeda if AQIM ever did
ALL_TIME = (dt.date.min.toordinal(), dt.date.max.toordinal())


def pledged_to(actors: Mapping[str, m.Actor], wanted: frozenset[str]) -> list[str]:
    """The groups that pledged allegiance, at some time, to one of ``wanted`` or to a group
    that counts for one (JNIM's oath to AQIM, part of al-Qaeda), sorted by id: what
    ``pledge_holds`` then checks event by event."""
    return sorted(
        a.id
        for a in actors.values()
        if a.id not in wanted
        and any(
            aff.relation == PLEDGE
            and not wanted.isdisjoint(counts_for(actors, aff.actor, *ALL_TIME))
            for aff in a.affiliations
        )
    )


def pledge_holds(
    actors: Mapping[str, m.Actor], affiliate: str, wanted: frozenset[str], e: m.Event
) -> str | None:
    """The group of ``wanted`` (or counting for one) ``affiliate`` was pledged to over the
    event's span (al-Qaeda, for JNIM in 2019), or None (al-Mourabitoun's pledge ended
    when it merged into JNIM in March 2017)."""
    actor = actors.get(affiliate)
    for aff in actor.affiliations if actor else ():
        if (
            aff.relation == PLEDGE
            and _active(aff, e.first, e.last)
            and not wanted.isdisjoint(counts_for(actors, aff.actor, e.first, e.last))
        ):
            return aff.actor
    return None


def part_outside(
    actors: Mapping[str, m.Actor], affiliate: str, wanted: frozenset[str], e: m.Event
) -> tuple[m.Affiliation, bool] | None:
    """Of ``affiliate``'s roll-up affiliations that make it count for one of ``wanted``
    at some time, the one nearest the event that does not hold over it, and whether the
    event came before it: None when the group never counts for them. Why a pledged
    group's event is left out when its others are listed (U45: ISGS's two raids of
    January 2019 predate its being part of ISWAP, from 2019-03)."""
    actor = actors.get(affiliate)
    if actor is None:
        return None
    nearest: tuple[int, m.Affiliation, bool] | None = None
    for aff in actor.affiliations:
        if not rolls_up(actor, aff) or wanted.isdisjoint(counts_for(actors, aff.actor, *ALL_TIME)):
            continue
        if aff.start is not None and aff.start.first_ordinal() > e.last:
            gap, before = aff.start.first_ordinal() - e.last, True
        elif aff.end is not None and aff.end.last_ordinal() < e.first:
            gap, before = e.first - aff.end.last_ordinal(), False
        else:
            continue  # it holds over the event (the event is listed) or is open-ended
        if nearest is None or gap < nearest[0]:
            nearest = (gap, aff, before)
    return None if nearest is None else (nearest[1], nearest[2])
