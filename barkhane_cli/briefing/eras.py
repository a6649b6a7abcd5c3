"""The eras a briefing view shows: those of a window, of a country, as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from barkhane_cli import model as m
from barkhane_cli import query
from barkhane_cli.briefing.axis import Axis
from barkhane_cli.meta import RECORD_END
from barkhane_cli.resolve import Resolver


def era_json(era: m.Era, axis: Axis | None = None) -> dict[str, Any]:
    out = {
        "id": era.id,
        "name": era.name,
        "short": era.short,
        "start": era.start.iso(),
        "end": era.end.iso() if era.end else None,
        "kind": era.kind,
        "description": era.description,
        "actors": list(era.actors),
        "sources": [s.to_json() for s in era.sources],
    }
    if axis is not None:
        # The part of the era the view draws: clipped to the axis.
        a = max(era.start.first_ordinal(), axis.first)
        b = min((era.end or RECORD_END).last_ordinal(), axis.last)
        out["shown_start"] = dt.date.fromordinal(a).isoformat()
        out["shown_end"] = dt.date.fromordinal(b).isoformat()
    return out


# The tag (data/actors.toml) of an organisation made of the region's states, whose land
# and forces its members' are: an era naming it is its member states' (era_countries).
REGIONAL = "regional"


def era_countries(data: m.Dataset, era: m.Era, by_name: Resolver) -> frozenset[str]:
    """The countries an era concerns, read from the actors it names, its one declaration
    of scope (data/eras.toml): the eras in which a country's own state, forces or
    territory took part. A state is its country (a state actor's id is its country's),
    a regional organisation (tagged REGIONAL: the G5 Sahel, ECOWAS, the African Union)
    its member states, whose land and forces it is (Barkhane names the G5 Sahel, in whose
    five countries it fought; the G5's joint force is their troops), and every actor but
    a state its home country (``country``: MINUSMA's and EUTM Mali's Mali, Wagner's
    Russia, the CNSP junta's Mali). Membership of any other body is no part in what it
    does (K45: France's seat on the UN Security Council, which created MINUSMA, made
    MINUSMA France's era, as EU membership made EUTM Mali every member's), as a state does
    not count for what it is a member of in an event's roles. Kaboré's presidency names
    Burkina Faso alone: it is no era of Mali's (K42). ``by_name``: query.country_resolver,
    built once for all the eras read, as its own docstring asks (rebuilt per era, it took
    `summary --country mali`'s eras from under 0.5 ms to some 7 ms)."""
    found: set[str] = set()
    for ident in era.actors:
        actor = data.actors.get(ident)
        if actor is None:
            continue
        if actor.kind == "state":
            found.add(actor.id)
        elif actor.kind == "organisation" and REGIONAL in actor.tags:
            found.update(
                a.id
                for a in data.actors.values()
                if a.kind == "state"
                and any(f.relation == "member-of" and f.actor == ident for f in a.affiliations)
            )
        if actor.kind != "state" and actor.country:
            home = by_name.candidates(actor.country)
            found.update(home if len(home) == 1 else ())
    return frozenset(found)


def eras_in(
    data: m.Dataset, first: int | None, last: int | None, countries: frozenset[str] = frozenset()
) -> list[m.Era]:
    """Eras overlapping the range, in start order; an era with no end runs to the record's
    end. With ``countries`` (ids), the eras of those countries (era_countries), as
    --country reads events (query.in_countries)."""
    by_name = query.country_resolver(data) if countries else None
    out = []
    for era in data.eras.values():
        end = (era.end or RECORD_END).last_ordinal()
        if first is not None and end < first:
            continue
        if last is not None and era.start.first_ordinal() > last:
            continue
        if by_name is not None and not query.in_countries(
            countries, era_countries(data, era, by_name)
        ):
            continue
        out.append(era)
    return sorted(out, key=lambda e: (e.start.first(), e.id))
