"""The data model: plain, typed records, built once by the loader and never mutated."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from barkhane_cli.dates import PartialDate

EVENT_TYPES: dict[str, str] = {
    "attack": "armed or terrorist attack, ambush, bombing",
    "battle": "clash, offensive, capture or recapture of a town, siege",
    "massacre": "mass killing of civilians",
    "coup": "a successful military takeover (a junta seizing power, a council taking over on a leader's death)",
    "coup-attempt": "a failed coup or mutiny, or a coup plot that the authorities announce they foiled",
    "operation": "a military operation or mission launched, changed or ended",
    "withdrawal": "forces leaving, drawdowns",
    "accident": "a deadly accident, or a soldier's death the sources do not put down to fighting",
    "diplomacy": "talks, agreements, summits, sanctions, expulsions",
    "mandate": "UN Security Council resolutions and other legal mandates",
    "politics": "elections, governments, declarations, transitions",
    "armed-group": "a group formed, merged, split, renamed or pledging allegiance",
    "leader-killed": "an armed-group leader killed or captured, as the sources confirm",
    "protest": "demonstrations",
    "humanitarian": "displacement, famine, aid",
    "report": "statistics, reports and claims about a period, not a happening of their own",
}
# The French words for kinds of event, as the Sahel's press names them ("massacre
# d'Ogossagou", "bataille de Tessit"), and the English word the record's titles use for
# each: a search reads a French name in English as well (search.terms.in_english), as
# `event` reads a type's name (cli/eventnames.type_named).
FRENCH_EVENT_WORDS: dict[str, str] = {
    "attaque": "attack",
    "attentat": "attack",
    "bataille": "battle",
    "combats": "battle",
    "coup d'état": "coup",
    "embuscade": "ambush",
    "enlèvement": "kidnap",
    "massacre": "massacre",
    "tuerie": "massacre",
}
# A part of a type's definition that a count may want without, by the tag its events
# carry: `timeline --type coup-attempt` says how many are mutinies and to add --not-tag
# mutiny to leave them out (U54: "every coup attempt" counted 2011's pay mutinies).
TYPE_PARTS: dict[str, str] = {"coup-attempt": "mutiny"}
# Who is said to have done it, from strongest to weakest (ACLED/UCDP spirit), and what each
# value means, as every output and docs/data-format.md say it. "claimed" is the
# perpetrator's own word, a boast or an avowal: an army that admits a mistaken strike
# (Natigou, 2022) has "claimed" it too, and "claimed" alone read as a boast there.
CLAIMED_READS = "claimed or admitted"
# How each level leads a perpetrator wherever one is shown (the timeline's cell, the
# card's roles): every level says itself, since a bare "JNIM → Civilians" read as fact
# where others named JNIM and JNIM denied it (Solhan, 2021; U45). "unknown" names no one.
ATTRIBUTION_READS: dict[str, str] = {
    "claimed": CLAIMED_READS,
    "attributed": "attributed",
    "suspected": "suspected",
}
ATTRIBUTIONS: dict[str, str] = {
    "claimed": f"{CLAIMED_READS} by the perpetrator",
    "attributed": "named by authorities or credible reporting",
    "suspected": "suspected, not established",
    "unknown": "no one has been credibly named: then no perpetrators",
}
# Types that have an author: each core event of these types names perpetrators or says
# that attribution is unknown.
VIOLENT_TYPES = ("attack", "battle", "massacre")
# The id prefixes an import gives a dataset's records (ACLED's, UCDP's): matching pairs
# them with the record's events, and validate never calls one a duplicate of them.
DATASETS = {"acled-": "ACLED", "ucdp-": "UCDP"}
# The violent types are also kin: one incident is coded as either way, so that a filter
# on one leaves out the others' share of it (Solhan, 2021, villagers killed by gunmen, is
# an attack to one source and a massacre to another; a clash a battle or an attack).
# `timeline --type` says the kin events it leaves out (U35). Not matching.py's
# families, which pair types a dataset codes one incident as for a link (a coup with
# ACLED's strategic developments, politics; a leader killed in a strike with an attack):
# asked for coups, "225 politics events not listed" was noise.


def kin_types(types: frozenset[str]) -> frozenset[str]:
    """The violent types other than ``types`` when ``types`` holds one, else none."""
    violent = frozenset(VIOLENT_TYPES)
    return violent - types if violent & types else frozenset()


# How a figure came to be: a count, an announcement, a plan, an estimate or a claim.
FACT_KINDS = ("measured", "announced", "planned", "estimated", "claimed")
# What a casualty count counts: deaths in hostile acts only, deaths of every cause
# (accidents and illness too), or, for France, the soldiers given the legal mention "mort
# pour la France" (the general staff's count, between the other two: Le Figaro's 55 dead of
# December 2020 were 48 so declared and 7 of natural or accidental causes). The UN and the
# general staff publish several, and a latest figure that switched between them from one
# day to the next would mislead.
FACT_CAUSES = {
    "hostile": "hostile acts",
    "all": "all causes",
    "mort-pour-la-france": "'morts pour la France'",
}
# A figure's qualifier: the word its source gives the figure with ("more than 2.5
# million", UNHCR), shown before the figure in every view (``qualified``), so that none
# shows a flat 2,500,000 the source never gave. Each is the source's word, kept as it
# reads, with what it says of the count: a floor, a ceiling or a round figure. That is
# for the reader (docs/data-format.md quotes these meanings, a test holds it to them); no
# code computes with the direction, so it is said in words and nowhere else. The words
# are those the record's facts quote; a range (low, high) states its own bounds and takes
# none.
QUALIFIERS: dict[str, str] = {
    "more than": "a floor: the count is above the figure",
    "over": 'a floor: the count is above the figure, as "more than"',
    "at least": "a floor: the count is the figure or above it",
    "nearly": "a ceiling: the count is just under the figure",
    "almost": 'a ceiling: the count is just under the figure, as "nearly"',
    "close to": "near the figure, the side not said",
    "about": "a round figure: the count is near it, on either side",
    "around": 'a round figure, as "about"',
    "some": 'a round figure, as "about"',
}


def qualified(qualifier: str | None, figure: str) -> str:
    """A figure as its source words it: ``more than 32,500``; the figure alone when it has
    no qualifier (or is empty: no value). The one rendering of every view."""
    return f"{qualifier} {figure}" if qualifier and figure else figure


# A core event longer than this is a state of affairs (an era) unless it says why not.
LONG_EVENT_DAYS = 180

ACTOR_KINDS = (
    "state",
    "armed-group",
    "militia",
    "mission",
    "operation",
    "organisation",
    "company",
    "person",
    "civilians",
    "other",
)
# The actor kinds that put troops on the ground: what a strength figure is a figure of.
FORCE_KINDS = ("operation", "mission", "company")
PLACE_KINDS = ("country", "capital", "city", "town", "village", "base", "region", "area")
RELATIONS = (
    "member-of",
    "part-of",
    "merged-into",
    "split-from",
    "pledged-to",
    "allied-with",
    "leader-of",
    "renamed-to",
    "successor-of",
    "fought-against",
    "supported-by",
    "contracted-by",
)
# The relations that read the same from either side. One declaration, on either actor,
# says it (an actor's view shows the edges declared on others too), so the same pair
# declared on both actors is a copy: validate warns, the actor view shows it once.
SYMMETRIC_RELATIONS = frozenset({"allied-with", "fought-against"})
SOURCE_KINDS = ("article", "news", "reference", "un-document", "official", "report", "dataset")
FACT_CATEGORIES = ("troops", "casualties", "displacement", "budget", "violence", "other")
# Units that count whole things: a figure in one is a whole number (U28: 3.7 troops
# passed validate). Of each, the size above which validate warns, and why no count can
# be that large, where one can be said honestly: troops and police, the world's largest
# army (China's, about 2 million active); people and the dead, more than live in Africa
# (about 1.4 billion), as a figure of this record counts at most the continent. Events,
# attacks and battalions have no such bound to state.
_ARMY = (2_000_000, "more than the world's largest army (about 2 million)")
_AFRICA = (1_500_000_000, "more than live in Africa (about 1.4 billion)")
COUNT_UNITS: dict[str, tuple[int, str] | None] = {
    "troops": _ARMY,
    "soldiers": _ARMY,
    "personnel": _ARMY,
    "police": _ARMY,
    "people": _AFRICA,
    "refugees": _AFRICA,
    "hostages": _AFRICA,
    "deaths": _AFRICA,
    "fatalities": _AFRICA,
    "events": None,
    "attacks": None,
    "battalions": None,
}
# "organisation" is a body's lifetime (the G5 Sahel), not a phase of the war (U23).
ERA_KINDS = ("operation", "mission", "force", "presence", "government", "organisation", "phase")
OUTCOMES = ("happened", "did not happen", "partly", "open")
SEED_ID = "seed"
# The longest id an entry should have: the widest an 80-column table shows whole (search's,
# whose Kind and Date columns leave 62 to the id under its title). A longer one is split
# across two lines, and a reader copying it gets half (U21: 40 source ids of 63 to 71
# characters). validate warns, so a user's own file still loads.
MAX_ID_LENGTH = 62
# An event's id may end in its date (`-YYYY-MM-DD` or `-YYYY-MM`): those numbers are its
# date (README), and search leaves them out for that reason. One that disagrees with the
# entry's `date` tells a reader the wrong day (K58 found 8), so validate warns.
_ID_DATE = re.compile(r"-(\d{4})-(\d{2})(?:-(\d{2}))?$")


def id_date_conflict(ident: str, date: PartialDate) -> str | None:
    """The date an id ends in, as written (``2021-05-19``), when it disagrees with
    ``date`` at the precision both give (an id's month under a date known to the year
    says nothing against it); None when it agrees or ends in no such date."""
    found = _ID_DATE.search(ident)
    if found is None:
        return None
    year, month = int(found[1]), int(found[2])
    day = int(found[3]) if found[3] else None
    if not 1 <= month <= 12:  # not a month: no date (a number ending a name)
        return None
    said = (year, month if date.month else None, day if date.day else None)
    if said == (date.year, date.month, date.day if day is not None else None):
        return None
    return found[0][1:]


# The cells an era's name has beside its bar in the eras chart (and the summary's) on an
# 80-column terminal, the least it gets: a longer name is shown there by its short form,
# which validate warns of when it is longer still, as the chart would cut it too.
ERA_LABEL_ROOM = 34

_EVENT_FIELDS = (
    "id", "date", "end", "long", "title", "summary", "type", "actors", "perpetrators",
    "targets", "attribution", "places", "tags", "fatalities", "fatalities_low",
    "fatalities_high", "fatalities_note", "counted_in", "disputed", "follows", "acled_ids", "ucdp_ids",
    "sources",
)  # fmt: skip
# Every table of a data file and its fields, in the documented order: what validation
# accepts and the order the TOML writer uses.
FIELDS: dict[str, tuple[str, ...]] = {
    "sources": ("id", "title", "publisher", "via", "kind", "date", "url", "author", "file", "note"),
    "actors": (
        "id", "name", "short", "aliases", "kind", "country", "start", "end", "summary",
        "affiliations", "tags", "sources",
    ),
    "places": (
        "id", "name", "short", "aliases", "kind", "within", "countries", "made_of", "wider_than",
        "lat", "lon", "geonames", "point_source", "unlocated", "namesake", "region", "country",
        "summary", "sources",
    ),
    "events": _EVENT_FIELDS,
    "aftermath": _EVENT_FIELDS,
    "facts": (
        "id", "label", "value", "qualifier", "low", "high", "unit", "kind", "since", "as_of",
        "scope",
        "category", "cause", "headline", "actors", "disputed", "series_break", "note", "sources",
    ),
    "eras": ("id", "name", "short", "start", "end", "kind", "description", "actors", "sources"),
    "judgments": (
        "id", "quote", "term", "yardstick", "probability", "mapping", "topic", "outcome",
        "outcome_date", "outcome_note", "outcome_events", "outcome_sources",
    ),
}  # fmt: skip
TABLES = tuple(FIELDS)
AFFILIATION_FIELDS = ("actor", "relation", "start", "end", "note")
# A source's url is a web page's: validate refuses any other scheme (K37: `url =
# "javascript:alert(1)"` was "ok", and a reader copying it runs it), and the views link
# no other (render.safe.safe_link).
URL_SCHEMES = ("http", "https")


def web_address(url: str) -> bool:
    """Whether ``url`` is an address of a web page: http or https, with a host."""
    from urllib.parse import urlsplit  # off the start-up path (tests/test_startup.py)

    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1" is no address at all
        return False
    return parts.scheme.lower() in URL_SCHEMES and bool(parts.hostname)


@dataclass(frozen=True, slots=True)
class SourceRef:
    id: str
    quote: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.quote is not None:
            out["quote"] = self.quote
        if self.note is not None:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    kind: str
    date: PartialDate | None = None
    url: str | None = None
    # The site or database the page was read on when it is not the publisher's own
    # (ReliefWeb, AllAfrica, an archive): kept apart from the publisher, which citations
    # and listings give as the one who published it ("UNHCR", never "UNHCR (via ...)").
    via: str | None = None
    author: str | None = None
    file: str | None = None
    note: str | None = None
    origin: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "via": self.via,
            "kind": self.kind,
            "date": _iso(self.date),
            "url": self.url,
            "author": self.author,
            "file": self.file,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Affiliation:
    actor: str
    relation: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "relation": self.relation,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "note": self.note,
        }

    def fullness(self) -> tuple[int, int]:
        """Of two copies the fuller is kept: more of its optional fields given, then the
        longer note."""
        return sum(x is not None for x in (self.start, self.end, self.note)), len(self.note or "")


def same_pair(owner: str, a: Affiliation, other_owner: str, b: Affiliation) -> bool:
    """Whether ``a`` (declared on ``owner``) and ``b`` (on ``other_owner``) are one
    symmetric relation declared from both sides: the same relation, each pointing at the
    other's actor, in periods that overlap. A period ending the month (or day) the other
    begins is not an overlap, and no start or no end is open."""
    if a.relation not in SYMMETRIC_RELATIONS or a.relation != b.relation:
        return False
    if a.actor != other_owner or b.actor != owner or owner == other_owner:
        return False
    return overlap(a, b)


def overlap(a: Affiliation, b: Affiliation) -> bool:
    """Whether two relations' periods overlap, as copies of one relation do: a period
    ending the month (or day) the other begins does not; no start or no end is open."""
    (a_from, a_to), (b_from, b_to) = _days(a), _days(b)
    return a_from < b_to and b_from < a_to


def _days(a: Affiliation) -> tuple[float, float]:
    """The days a relation holds, the end excluded: up to its end's first day ("until
    2021-05" and "from 2021-05" do not overlap), or through its end's last day when the
    end falls within the start's day, month or year ("2014" to "2014", a battle of one day
    from "2013-01-11" to "2013-01-11"), which the end's first day would leave empty: two
    such copies were never found. No start or no end is open."""
    start = a.start.first_ordinal() if a.start is not None else float("-inf")
    if a.end is None:
        return start, float("inf")
    end = a.end.first_ordinal()
    return start, end if end > start else a.end.last_ordinal() + 1


def kept_over(owner: str, a: Affiliation, other: str, b: Affiliation) -> bool:
    """Of two copies of one symmetric relation (``same_pair``), whether ``a`` (declared on
    ``owner``) is the one kept over ``b`` (on ``other``): the fuller, else the one on the
    actor whose id sorts first. The actor view shows that copy; validate advises dropping
    the other."""
    return (a.fullness(), other) > (b.fullness(), owner)


def symmetric_copies(
    actors: dict[str, Actor],
) -> list[tuple[tuple[str, Affiliation], tuple[str, Affiliation]]]:
    """Each symmetric relation declared on both its actors, once: ((owner, declaration),
    (other owner, its declaration)), the first owner's id sorting first."""
    found = []
    for owner in sorted(actors):
        for a in actors[owner].affiliations:
            other = actors.get(a.actor)
            if other is None or a.actor <= owner:
                continue
            for b in other.affiliations:
                if same_pair(owner, a, other.id, b):
                    found.append(((owner, a), (other.id, b)))
    return found


# An actor's name longer than this reads as long beside others in a line or a column, and
# an alias like this is an acronym that can stand for it (Actor.label).
_LONG_NAME = 20
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{1,7}$")


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    summary: str
    sources: tuple[SourceRef, ...]
    aliases: tuple[str, ...] = ()
    country: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    affiliations: tuple[Affiliation, ...] = ()
    tags: tuple[str, ...] = ()
    short: str | None = None
    origin: str = ""

    @property
    def label(self) -> str:
        """The name shown where room is short (tables, the summary's most active actors, a
        chart's or a map's title): the short form where there is one; until the data gives
        every long name one, an organisation's acronym among its aliases (MINUSMA, JNIM).
        People keep their names: their aliases may be a junta's acronym (CNSP), not theirs."""
        if self.short:
            return self.short
        if len(self.name) > _LONG_NAME and self.kind != "person":
            for alias in self.aliases:
                if _ACRONYM.match(alias):
                    return alias
        return self.name


@dataclass(frozen=True, slots=True)
class Place:
    """A place; ``within`` makes the hierarchy (village → region → country).

    ``countries`` is the resolved list of country ids (filled by the loader from
    ``within``, an area's own ``countries`` list, or the old free-text ``country``), so
    that every filter and output agrees on which countries a place lies in.
    """

    id: str
    name: str
    kind: str
    sources: tuple[SourceRef, ...]
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    region: str | None = None
    summary: str | None = None
    short: str | None = None
    within: str | None = None
    countries: tuple[str, ...] = ()
    # Where the point comes from: a GeoNames id (what UCDP and ACLED users join on) and the
    # source whose page gives the coordinates; or, with no point, the reason none is given.
    geonames: int | None = None
    point_source: str | None = None
    unlocated: str | None = None
    # An area that is not administrative, as the regions (or other places) that make it:
    # its shape is their union, and whatever lies in them lies in it.
    made_of: tuple[str, ...] = ()
    # Names of a narrower area readers take this one for, which the record holds no place
    # for (the tri-border area the seed calls Liptako Gourma; no source read gives its
    # extent): a listing of this place's events says it is wider than the first, and
    # --place or `place` given one of them says there is no such place and points here
    # (U45: `--place tri-border` said "no place matches", `--place liptako-gourma` counted
    # 103 events of 2019, Niamey's and Ouagadougou's among them, with no word of that).
    wider_than: tuple[str, ...] = ()
    # A place an import made where a row named a curated settlement far from that
    # settlement's point: the settlement's id (docs/matching.md, "Places").
    namesake: str | None = None
    origin: str = ""

    @property
    def label(self) -> str:
        return self.short or self.name


# What a sum of deaths adds for each event (Event.counted), as help, captions and cards
# say it: summary, chart fatalities, the map and --sort deaths-best read this one rule.
COUNTED_DEATHS = "best estimates, else a range's low end"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: PartialDate
    title: str
    summary: str
    type: str
    sources: tuple[SourceRef, ...]
    end: PartialDate | None = None
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    fatalities: int | None = None
    fatalities_note: str | None = None
    disputed: str | None = None
    aftermath: bool = False
    perpetrators: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    attribution: str | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    long: str | None = None
    # The events this one is a sequel of, by id (a release follows its kidnapping): a
    # curated link, declared on the later event, that the event card shows both ways.
    follows: tuple[str, ...] = ()
    # The event whose toll already holds this one's dead (an air strike within the
    # clashes' count, executions within the mass graves'), by id: declared on the part,
    # it keeps every sum of deaths from adding them twice (counted; U54's #5).
    counted_in: str | None = None
    # Reviewed links to the dataset records of the same incident (ACLED event_id_cnty,
    # UCDP id): they override the scores of compare and gaps (docs/matching.md).
    acled_ids: tuple[str, ...] = ()
    ucdp_ids: tuple[str, ...] = ()
    # Resolved by the loader through the place hierarchy: the country ids, sorted.
    countries: tuple[str, ...] = ()
    # Resolved by the loader (mapping.locate): where the event is drawn, the place whose
    # geometry that is and its kind ("country": listed, never drawn at a point).
    latitude: float | None = None
    longitude: float | None = None
    point_of: str | None = None
    point_kind: str | None = None
    # True for an event of a file the user gave (--data, BARKHANE_DATA), false for the
    # record's own: set by the loader, which knows which files are the shipped data. A
    # user's events looked like curated ones in every view (U37).
    yours: bool = False
    # True for an event of a user's file that took the place of the data's under it by
    # reusing its id (REPLACES, Dataset.replaced): set by the loader, as ``yours`` is, so
    # that JSON and CSV say it as a table does (U41 read it only in plain output).
    replaces: bool = False
    # For an imported record listed with --keep-matched: the curated event the matcher
    # pairs it with (folding.py), which a table marks "= ID"; None otherwise. Set by the
    # view that keeps both, never stored: by default such a record is left out.
    same_as: str | None = None
    origin: str = ""
    # The span widened to the precision of each end, as day ordinals: what filters compare.
    first: int = field(default=0, compare=False)
    last: int = field(default=0, compare=False)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.first, self.last, self.id)

    def each_side_both(self) -> bool:
        """Two sides, neither named the attacker: every perpetrator is also a target and
        the other way round (GATIA and the CMA in Kidal, 2016; an ACLED or UCDP battle,
        whose codebooks give no direction). The roles read "GATIA ↔ CMA", and compare
        takes a side of such a record for no claim of who attacked."""
        return bool(self.perpetrators) and set(self.perpetrators) == set(self.targets)

    def first_day(self) -> dt.date:
        """The span's first day, widened to the start's precision ("2018-09" from the 1st)."""
        return self.date.first()

    def last_day(self) -> dt.date:
        """The span's last day, widened to the end's (or the date's) precision: with
        first_day, the days the date filters compare, as a day any reader parses."""
        return (self.end or self.date).last()

    def counted(self) -> int | None:
        """What the event adds to a sum of deaths (a chart's bar, a map's marker, a
        summary's total): the best estimate, else the low end of a range (the fewest any
        source gives; a lower bound alone too), else None: an upper bound alone ("up to
        15") is no count, so it adds nothing. One rule, so the chart and the map agree
        (U8: a month's bar dropped events known only as a range while the map counted
        their low end). An event whose dead are counted in another's toll (counted_in)
        adds nothing: that toll holds them already (U54: Murzuq's 42 inside its 90)."""
        return None if self.counted_in is not None else self._summable()

    def counted_field(self) -> int | None:
        """What a script sums to get the tool's own totals: the ``fatalities_counted`` of
        every event output (JSON, CSV, plain, SQLite). ``counted``, with 0 for an event
        whose dead another's toll holds (``counted_in`` says whose), so a sum of the
        column is the chart's and the summary's (U61: summing ``fatalities`` gave 2011 60
        dead where the chart said 462, as 60 events are known only by a range); None where
        a sum adds nothing as unknown (no toll, or an upper bound alone)."""
        return 0 if self.counted_in is not None else self.counted()

    def _summable(self) -> int | None:
        """The figure a sum would take, the best estimate else a range's low end, before
        counted_in is asked: what ``counted`` adds and ``counted_elsewhere`` leaves out."""
        return self.fatalities if self.fatalities is not None else self.fatalities_low

    def best_apart(self) -> int | None:
        """The best estimate where a range stands beside it and it is not the low end
        (Moura's 500 of 200–500, Koulogon's 38 of 37–40), else None: the one case where
        what a sum adds (``counted``) cannot be read off the range, which a sum would
        otherwise take at its low end (U50: summary added 500 where every screen said
        200–500)."""
        low, best, high = self.fatalities_low, self.fatalities, self.fatalities_high
        if best is None or low is None or high is None or low == high or best == low:
            return None
        return best

    def toll(self) -> str:
        """Deaths as a table shows them: ``deaths`` with the best estimate before its
        range where a sum adds it and not the range's low end (``best_apart``):
        ``38 (37–40)``, ``500 (200–500)``."""
        best = self.best_apart()
        return self.deaths() if best is None else f"{best} ({self.deaths()})"

    def counted_elsewhere(self) -> bool:
        """True when the event has a toll that sums leave out, as counted in another's:
        what their note "counted in another's toll" counts."""
        return self.counted_in is not None and self._summable() is not None

    def deaths(self) -> str:
        """Deaths as a reader should see them, in every view that words a toll: ``42``,
        ``13–50`` (a range), ``up to 15`` or ``at least 3`` (a bound alone), or ``""``.
        A bound alone was shown as the bare number, an exact toll to a reader (U21: "fewer
        than ten … about fifteen" read as 15 dead); a sum (``counted``) adds an upper bound
        alone as nothing, a lower bound alone as its number."""
        low, best, high = self.fatalities_low, self.fatalities, self.fatalities_high
        if low is not None and high is not None and low != high:
            return f"{low}–{high}"
        if best is None and (low is None) != (high is None):
            return f"up to {high}" if low is None else f"at least {low}"
        value = best if best is not None else low
        return "" if value is None else str(value)

    def to_json(self) -> dict[str, Any]:
        """The documented, stable JSON shape of an event (see README, "JSON output")."""
        return {
            "id": self.id,
            "date": self.date.iso(),
            "end": _iso(self.end),
            "precision": self.date.precision,
            "end_precision": self.end.precision if self.end else None,
            "first_day": self.first_day().isoformat(),
            "last_day": self.last_day().isoformat(),
            "title": self.title,
            "summary": self.summary,
            "type": self.type,
            "actors": list(self.actors),
            "perpetrators": list(self.perpetrators),
            "targets": list(self.targets),
            "attribution": self.attribution,
            "places": list(self.places),
            "countries": list(self.countries),
            "latitude": self.latitude,
            "longitude": self.longitude,
            "point_of": self.point_of,
            "point_kind": self.point_kind,
            "tags": list(self.tags),
            "fatalities": self.fatalities,
            "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "fatalities_note": self.fatalities_note,
            "counted_in": self.counted_in,
            "fatalities_counted": self.counted_field(),
            "disputed": self.disputed,
            "follows": list(self.follows),
            "acled_ids": list(self.acled_ids),
            "ucdp_ids": list(self.ucdp_ids),
            "aftermath": self.aftermath,
            "sources": [s.to_json() for s in self.sources],
            "yours": self.yours,
            "replaces": self.replaces,
            "same_as": self.same_as,
        }


def counted_elsewhere_note(n: int) -> str | None:
    """What every sum of deaths says under it when it left out ``n`` events' tolls as
    counted in another's (Event.counted): one wording, in chart, map and summary alike."""
    if not n:
        return None
    whose = "event's" if n == 1 else "events'"
    return f"{n} {whose} dead counted in another's toll, not added again"


def counted_in_said(other: str) -> str:
    """What an event's card says of its toll when it is counted in another's (``other``
    that event's id, which `barkhane event` opens)."""
    return f"its dead are counted in {other}'s toll, not added again in sums"


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    label: str
    unit: str
    as_of: PartialDate
    scope: str
    category: str
    sources: tuple[SourceRef, ...]
    value: float | None = None
    low: float | None = None
    high: float | None = None
    # the source's word for the value ("more than"): a key of QUALIFIERS, or None
    qualifier: str | None = None
    actors: tuple[str, ...] = ()
    disputed: str | None = None
    note: str | None = None
    kind: str | None = None
    # A running total counts from ``since`` to ``as_of`` (MINUSMA's dead since July 2013):
    # a series of its own, apart from counts of one period (a year's dead) in one place.
    since: PartialDate | None = None
    # for casualty counts: a key of FACT_CAUSES, or None when the sources do not say
    cause: str | None = None
    headline: str | None = None
    # Why the figure is not comparable with the one before it in its series, as its own
    # sources say (a revision, a new method, a change of scope): a fall on a new basis is
    # no fall in what was counted (U45: Burkina Faso's displaced went from 1,902,150 to
    # 1,719,332 in `facts` unflagged, a revision on a cleaned basis). None when they don't.
    series_break: str | None = None
    # After the record's end (9 November 2022): left out of views unless asked for.
    aftermath: bool = False
    origin: str = ""

    @property
    def area(self) -> str:
        """Where the figure counts: its scope up to the first ';' (what follows says who
        was counted and by whom). A ';' inside a parenthesis cuts before the parenthesis:
        cut at it, "Central Sahel / Liptako-Gourma crisis (Burkina Faso, Mali, Niger" was
        left open in every label (U19)."""
        head = self.scope.split(";", 1)[0]
        opened = head.rfind("(")
        if opened > head.rfind(")"):
            head = head[:opened]
        return head.strip()


@dataclass(frozen=True, slots=True)
class Era:
    id: str
    name: str
    start: PartialDate
    kind: str
    description: str
    sources: tuple[SourceRef, ...]
    end: PartialDate | None = None
    actors: tuple[str, ...] = ()
    # The name shortened, for where the whole one would be cut (the eras chart, beside its
    # bars): who led it or what it is, and its country ("Compaoré (Burkina Faso)").
    short: str | None = None
    origin: str = ""

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Judgment:
    id: str
    quote: str
    term: str
    yardstick: str
    probability: tuple[float, float]
    topic: str
    mapping: str | None = None
    outcome: str | None = None
    outcome_date: PartialDate | None = None
    outcome_note: str | None = None
    outcome_events: tuple[str, ...] = ()
    outcome_sources: tuple[SourceRef, ...] = ()
    origin: str = ""


# How an entry of a user's file that reuses an id of the data under it is said, in
# validate's warning and beside the event wherever it is marked the user's (U41: a file
# reusing moura-massacre with 1,000 dead took the curated event's place unsaid).
REPLACES = "replaces the record's"


@dataclass(slots=True)
class Dataset:
    """Everything loaded, keyed by id, events in date order."""

    sources: dict[str, Source] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    aftermath: list[Event] = field(default_factory=list)
    facts: dict[str, Fact] = field(default_factory=dict)
    eras: dict[str, Era] = field(default_factory=dict)
    judgments: dict[str, Judgment] = field(default_factory=dict)
    replaced: tuple[tuple[str, str, str], ...] = ()  # (table, id, file) a user file overrode

    def with_events(self) -> Dataset:
        """This dataset with every event: itself, read from the files or already whole. A
        store's (store.db.LightDataset, ``Loaded.data``) holds none when a command selects
        its events apart (``Loaded.select``), and decodes them from that store, open
        already, not from the files opened, keyed and checked a second time."""
        return self

    def memo(self, name: str) -> dict[str, Any] | None:
        """A dict this process keeps under ``name`` for exactly these tables, or None.
        None here: a dataset read from the files may be changed by its caller. A store's
        (store.db.LightDataset) gives one kept for that store's key, which names its
        inputs (paths, sizes, mtimes) and the code: what a run works out from its tables
        (a resolver's keys) is then worked out once a process, never for changed data."""
        return None


def _iso(d: PartialDate | None) -> str | None:
    return d.iso() if d is not None else None
