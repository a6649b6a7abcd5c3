"""One ACLED event (a dyadic row, or the merged rows of a monadic one) -> one entry.

A record is the row's fields plus, for a monadic export, the second actor's three fields
appended at the indices the layout gives ``actor2``, ``assoc_actor_2`` and ``inter2``, so
every layout converts through the same code. The whole record is checked before anything
is kept, so a rejected row leaves nothing behind.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from datetime import date

from barkhane_cli import model
from barkhane_cli.importers import parties
from barkhane_cli.importers.acled import dates, layouts, types
from barkhane_cli.importers.acled.actors import (
    STATE_INTERS,
    Actors,
    fitted,
    is_unidentified,
    slug,
)
from barkhane_cli.importers.acled.actors import strip_dates as strip_dates
from barkhane_cli.importers.acled.places import Places
from barkhane_cli.importers.acled.problems import Reject
from barkhane_cli.model import Dataset
from barkhane_cli.validate.publishers import canonical, read_elsewhere, split, unworded, worded

ZERO_NOTE = "ACLED reports 0 (may mean unknown)"
# Words with which ACLED's notes hedge who did it ("suspected JNIM militants", "presumed
# ISGS", "Dozo militiamen (presumably Dan Na Ambassagou)").
_SUSPECT = re.compile(r"\b(suspect(?:ed)?|presum(?:ed|ably)|alleged(?:ly)?|believed to be)\b", re.I)
# ... followed by words for state forces: only then does the hedge bear on a state actor
# ("the army killed suspected militants" hedges the targets, not the army).
_STATE_WORDS = r"(?:soldiers|army|troops|forces|gendarmes?|police(?:men)?|military|fama)"
_SUSPECT_STATE = re.compile(
    r"\b(?:suspect(?:ed)?|presum(?:ed|ably)|alleged(?:ly)?|believed to be)\s+(?:\w+\s+){0,2}"
    + _STATE_WORDS
    + r"\b|\b"
    + _STATE_WORDS
    + r"\s+(?:\w+\s+)?(?:allegedly|presumably|suspected of)\b",
    re.I,
)
_ANY_HEDGE = re.compile(r"suspect|presum|alleged|believed to be|claimed", re.I)
_CLAIMED = re.compile(r"\bclaimed (?:responsibility|the attack|the killing)|\bclaimed by\b", re.I)
_ROLE_FIELDS = "perpetrators" in model.FIELDS["events"]


def coordinate(text: str, column: str, limit: float) -> float:
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not -limit <= number <= limit:  # also false for nan
        raise Reject(f"{column} is not a number from {-limit:g} to {limit:g}", repr(text))
    return number


class Converter:
    def __init__(self, known: Dataset, col: dict[str, int], cites: list[dict[str, str]]) -> None:
        self.col = col
        self.actors = Actors(known)
        self.places = Places(known)
        self.cites = cites
        self.events: dict[str, tuple[int, dict[str, object]]] = {}  # id -> (line, entry)
        self.publishers: dict[str, str] = {}  # ACLED source name -> our source id
        self.source_refs: dict[str, list[dict[str, str]]] = {}  # raw field -> refs
        self.assoc: dict[str, list[str]] = {}
        self.source_prefix = cites[0]["id"] + "-src-"
        names = (*layouts.CORE, *layouts.DYADIC, *layouts.OPTIONAL)
        self.names = [n for n in names if n in col]
        picker = operator.itemgetter(*(col[n] for n in self.names))
        self.pick: Callable[[list[str]], tuple[str, ...]] = picker
        self.absent = {n: "" for n in names if n not in col}
        self.tag_memo: dict[tuple[str, str, tuple[str, ...]], list[str]] = {}
        self.anonymous: dict[tuple[str, str], set[str]] = {}
        self.stripped: dict[str, str] = {}
        self.days: dict[tuple[str, str], date] = {}
        # (actor, associates, inter, country) -> ids: an export repeats a few hundred sides.
        self.sides: dict[tuple[str, str, str, str], list[str]] = {}

    def values(self, f: list[str]) -> dict[str, str]:
        """The fields the conversion reads, stripped; "" for a column the layout lacks."""
        v = dict(zip(self.names, map(str.strip, self.pick(f)), strict=True))
        if self.absent:
            v |= self.absent
        return v

    def event_id(self, f: list[str]) -> str:
        i = self.col["event_id_cnty"]
        raw_id = f[i].strip()
        if not raw_id:
            raise Reject("event_id_cnty is empty")
        lower = raw_id.lower()
        # ACLED ids are letters and digits (MLI12345): skip the Unicode folding of slug().
        return "acled-" + (lower if lower.isascii() and lower.isalnum() else slug(raw_id))

    def event(self, f: list[str], line: int) -> dict[str, object]:
        v = self.values(f)
        ident = self.event_id(f)
        if ident in self.events:
            first = self.events[ident][0]
            detail = f"{v['event_id_cnty']!r} first on line {first}"
            raise Reject("event_id_cnty repeats an earlier row; the first is kept", detail)
        when = (v["event_date"], v["year"])
        day = self.days.get(when)
        if day is None:
            day = self.days[when] = dates.parse_date(*when)  # rows repeat a few thousand days
        start, end = dates.span(day, v["time_precision"])
        deaths_text = v["fatalities"]
        if not (deaths_text.isascii() and deaths_text.isdecimal()):
            raise Reject("fatalities is not a whole number", repr(deaths_text))
        deaths = int(deaths_text)
        event_type, sub_type = v["event_type"], v["sub_event_type"]
        kind, roles, extra_tags = types.classify(event_type, sub_type, deaths)
        lat = coordinate(v["latitude"], "latitude", 90)
        lon = coordinate(v["longitude"], "longitude", 180)
        country, location = v["country"], v["location"]
        if not country or not location:
            raise Reject("country or location is empty")

        side1 = self.side(v, "actor1", "assoc_actor_1", "inter1", country)
        side2 = self.side(v, "actor2", "assoc_actor_2", "inter2", country)
        actors = list(dict.fromkeys(side1 + side2))
        actor1 = self.stripped.get(v["actor1"])
        if actor1 is None:
            actor1 = self.stripped[v["actor1"]] = self.actors.title_name(v["actor1"], country)
        what = sub_type or event_type
        title = f"{what}: {actor1} in {location}" if actor1 else f"{what} in {location}"
        notes = v["notes"].replace("\r\n", "\n")
        tags = self.tags(v["tags"], sub_type, (*extra_tags, *([dates.WEEK_TAG] if end else [])))
        where = (country, v["admin1"], v["admin2"], v["admin3"], location)
        place = self.places.place(where, lat, lon, v["geo_precision"])
        entry: dict[str, object] = {
            "id": ident,
            "date": start,
            "end": end,
            "title": title,
            "summary": notes or self.summary(v, event_type, sub_type, location),
            "type": kind,
            "actors": actors or None,
        }
        if _ROLE_FIELDS and roles:
            entry |= self.roles(v, roles, side1, side2, notes)
        entry |= {
            "places": [place],
            "tags": tags,
            "fatalities": deaths or None,
            "fatalities_note": None if deaths else ZERO_NOTE,
            "sources": self.refs(v["source"]),
        }
        self.events[ident] = (line, entry)
        return entry

    def side(
        self, v: dict[str, str], actor: str, assoc: str, inter: str, country: str
    ) -> list[str]:
        key = (v[actor], v[assoc], v[inter], country)
        ids = self.sides.get(key)
        if ids is None:
            code = v[inter]
            ids = self.actors.resolve(v[actor], code, country, True)
            for name in self.split(v[assoc]):
                ids += [i for i in self.actors.resolve(name, code, country, False) if i not in ids]
            self.sides[key] = ids
        return ids

    def roles(
        self, v: dict[str, str], roles: str, side1: list[str], side2: list[str], notes: str
    ) -> dict[str, object]:
        """perpetrators, targets and attribution (SCHEMA), from ACLED's actor roles."""
        named1 = self.named(v, "actor1", "assoc_actor_1", side1)
        if roles == types.BOTH_SIDES:
            perpetrators = parties(named1, self.named(v, "actor2", "assoc_actor_2", side2))
            targets = perpetrators
        else:
            perpetrators, targets = named1, [i for i in side2 if i not in named1]
        either = " and/or " in v["actor1"] or " and/or " in v["actor2"]
        hedge = _ANY_HEDGE.search(notes)  # one pass for the common case: no wording at all
        if not perpetrators:
            attribution = "unknown"
        elif hedge and _CLAIMED.search(notes):
            attribution = "claimed"
        elif either or (hedge and self.hedged(v, notes)):
            attribution = "suspected"
        else:
            attribution = "attributed"
        return {
            "perpetrators": perpetrators or None,
            "targets": targets or None,
            "attribution": attribution,
        }

    def named(self, v: dict[str, str], actor: str, assoc: str, ids: list[str]) -> list[str]:
        """The ids of a side that name someone (not ACLED's "Unidentified Armed Group")."""
        key = (v[actor], v[assoc])
        anonymous = self.anonymous.get(key)
        if anonymous is None:
            names = [n for n in (v[actor], *self.split(v[assoc])) if n and is_unidentified(n)]
            anonymous = {i for n in names for i in self.actors.resolve(n, "", "", False)}
            self.anonymous[key] = anonymous
        return [i for i in ids if i not in anonymous] if anonymous else ids

    def hedged(self, v: dict[str, str], notes: str) -> bool:
        if not _SUSPECT.search(notes):
            return False
        states = v["inter1"].lower() in STATE_INTERS
        return not states or bool(_SUSPECT_STATE.search(notes))

    def split(self, field_text: str) -> list[str]:
        names = self.assoc.get(field_text)
        if names is None:
            names = self.assoc[field_text] = [n.strip() for n in field_text.split(";") if n.strip()]
        return names

    def refs(self, field_text: str) -> list[dict[str, str]]:
        """The import itself, then each publisher ACLED names in ``source``."""
        refs = self.source_refs.get(field_text)
        if refs is None:
            refs = list(self.cites)
            for name in dict.fromkeys(n.strip() for n in field_text.split(";")):
                if name:
                    ident = self.publishers.setdefault(
                        name, fitted(self.source_prefix + slug(name))
                    )
                    if {"id": ident} not in refs:
                        refs.append({"id": ident})
            self.source_refs[field_text] = refs
        return refs

    def tags(self, field_text: str, sub_type: str, extra: tuple[str, ...]) -> list[str]:
        """ "acled", ACLED's own tags, the sub-event type, then ours (memoised: few variants)."""
        key = (field_text, sub_type, extra)
        tags = self.tag_memo.get(key)
        if tags is None:
            found = [slug(t) for t in field_text.split(";") if t.strip()]
            own = [slug(sub_type)] if sub_type else []
            tags = self.tag_memo[key] = list(dict.fromkeys(["acled", *found, *own, *extra]))
        return tags

    def summary(self, v: dict[str, str], event_type: str, sub: str, location: str) -> str:
        names = [strip_dates(v[c]) for c in ("actor1", "actor2")]
        who = " and ".join(n for n in names if n)
        place = ", ".join(p for p in (location, v["admin1"], v["country"]) if p)
        kind = f"{event_type} ({sub})" if sub else event_type
        return f"ACLED records {kind.lower()} in {place}" + (f", involving {who}." if who else ".")

    def source_entries(self) -> list[dict[str, object]]:
        first: dict[str, str] = {}  # two spellings may share a slug: the first names it
        for name, ident in self.publishers.items():
            first.setdefault(ident, name)
        return [_source(ident, first[ident]) for ident in sorted(first)]


# A publisher that claims nothing, for ACLED's source names no split is computed for:
# "Unknown" as the record writes a page that names none.
UNNAMED = "Unknown"


def _source(ident: str, name: str) -> dict[str, object]:
    """The entry for a publisher ACLED names ``name``, by the record's rules, since a user
    cannot mend the export: "AP" is our "Associated Press" (K46); "AP (copy on Docslib)"
    the Associated Press read via Docslib, validate's own split (K48); "Maliweb (from
    RFI)" the format's "Maliweb (RFI)" (PB); a name refused with no split is kept whole in
    the note. The id keeps ACLED's name."""
    entry: dict[str, object] = {"id": ident, "title": "Reported via ACLED"}
    said = f'ACLED\'s source field names it "{name}".'
    halves = split(name)
    form = unworded(name)
    if halves is not None:
        entry |= {"publisher": halves[0], "via": halves[1]}
    elif form is not None:  # PB: "Maliweb (from RFI)" is "Maliweb (RFI)"
        entry["publisher"] = form[0]
        if form[1] is not None:
            entry["note"] = f"{form[1]}. {said}"
    elif read_elsewhere(name) is not None or worded(name) is not None:
        entry["publisher"] = UNNAMED
    else:
        entry["publisher"] = canonical(name)
    entry["kind"] = "news"
    if entry["publisher"] == UNNAMED:
        entry["note"] = said
    return entry
