"""Cards for one actor, place, event or fact, built from the lookup library's profiles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from textwrap import shorten
from typing import TYPE_CHECKING

from barkhane_cli import followups, geo, lookup
from barkhane_cli import model as m
from barkhane_cli.briefing.headline import break_line
from barkhane_cli.dates import SPAN, parse_iso, span_said
from barkhane_cli.meta import RECORD_END
from barkhane_cli.render.cards import Card, Section
from barkhane_cli.render.events import YOURS, roles_text
from barkhane_cli.render.listings import fact_records
from barkhane_cli.render.styles import KIND_STYLES, TYPE_STYLES, disputed

if TYPE_CHECKING:
    from barkhane_cli import matching

# What an event's or a fact's card says of an entry from after the record.
AFTERMATH_PART = f"aftermath (after {RECORD_END.human()})"

# Each relation as the card's actor reads it: (its own, another's to it). Symmetric
# relations read the same both ways, so a pair recorded on both actors shows once.
_READS = {
    "leader-of": ("leads", "led by"),
    "member-of": ("member of", "members"),
    "part-of": ("part of", "includes"),
    "merged-into": ("merged into", "absorbed"),
    "pledged-to": ("pledged to", "allegiance from"),
    "split-from": ("split from", "split off"),
    "successor-of": ("successor of", "succeeded by"),
    "supported-by": ("supported by", "supports"),
    "contracted-by": ("contracted by", "contracted"),
    "allied-with": ("allied with", "allied with"),
    "fought-against": ("fought", "fought"),
}


def _period(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    return span_said(start, end)


def source_lines(refs: Iterable[dict[str, object]]) -> list[str]:
    """A card's Sources section: each source once, in the order first cited, with the
    quote and note of every reference citing it under it, in their order (U37: the seed
    was listed four times on Goïta's card, once for each of its quotes). JSON keeps each
    reference apart, as the data does."""
    grouped: dict[str, list[dict[str, object]]] = {}
    for ref in refs:
        grouped.setdefault(str(ref["id"]), []).append(ref)
    return [_source_line(group) for group in grouped.values()]


def _source_line(refs: list[dict[str, object]]) -> str:
    ref = refs[0]  # what is said of the source is the same on each of its references
    bits = [str(ref["id"])]
    if ref.get("publisher"):
        via = f" (via {ref['via']})" if ref.get("via") else ""
        bits.append(f"{ref['publisher']}{via}, “{ref.get('title')}”")
    if ref.get("date"):
        bits.append(str(ref["date"]))
    line = " — ".join(bits)
    if ref.get("url"):
        line += f"\n    {ref['url']}"
    for each in refs:
        if each.get("quote"):
            line += f"\n    “{each['quote']}”"
        if each.get("note"):
            line += f"\n    note: {each['note']}"
    return line


def _fact_line(fact: dict[str, object], data: m.Dataset) -> str:
    f = data.facts[str(fact["id"])]
    text = f"{f.label}: {lookup.fact_value_text(f)} {f.unit} (as of {f.as_of}; {f.scope})"
    text += f" [{', '.join(s.id for s in f.sources)}]"
    if f.disputed:
        text += " " + disputed(f.disputed)
    return text


def _affiliation(a: Mapping[str, object]) -> m.Affiliation:
    """A relation of the profile (its JSON) as the model has it, for the model's rules."""
    start, end = (parse_iso(str(a[k])) if a[k] else None for k in ("start", "end"))
    note = str(a["note"]) if a["note"] else None
    return m.Affiliation(str(a["actor"]), str(a["relation"]), start, end, note)


def _relations(affiliations: list[dict[str, object]]) -> tuple[str, list[str]]:
    """(the leaders, one line per kind of relation): each other actor once per reading
    and period, leaders first, in the order of _READS."""
    # reading -> [(relation, dated, item)] in the order given: a prime minister's two
    # terms are two items; copies whose periods overlap (model.overlap, the rule that
    # finds a symmetric pair declared on both actors) are one, the dated then the fuller
    # kept. Not model.kept_over's choice: lookup.affiliations_of has already kept one copy
    # of each pair declared on two actors, so the copies met here are declared on one
    # actor, twice, where kept_over's last word (the owner whose id sorts first) decides
    # nothing, and its "fuller" counts the fields given, where this keeps the finer dates
    # of two as fully given: Chad led 2016 – 2018 and 2016-02 – 2018-05 shows the second
    # (test_a_second_term_with_the_same_actor_is_shown), where kept_over would keep the
    # first met. No row of the bundled record is merged here.
    grouped: dict[str, list[tuple[m.Affiliation, bool, str]]] = {}
    for a in affiliations:
        own, theirs = _READS.get(str(a["relation"]), (str(a["relation"]), str(a["relation"])))
        reading = own if a["direction"] == "outgoing" else theirs
        period = _period(a["start"], a["end"])  # type: ignore[arg-type]
        extra = "; ".join(str(x) for x in (period, a["note"]) if x)
        item = f"{a['name']} ({a['actor']})" + (f" [{extra}]" if extra else "")
        kept = grouped.setdefault(reading, [])
        new = (_affiliation(a), bool(period), item)
        for n, (relation, dated, old) in enumerate(kept):
            if relation.actor == new[0].actor and m.overlap(relation, new[0]):
                if (bool(period), len(item)) > (dated, len(old)):
                    kept[n] = new
                break
        else:
            kept.append(new)
    order = [r for pair in _READS.values() for r in pair]
    items = {reading: [item for *_, item in kept] for reading, kept in grouped.items()}
    leaders = "; ".join(items.pop("led by", []))
    lines = [
        f"{reading}: {'; '.join(found)}"
        for reading, found in sorted(
            items.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
        )
    ]
    return leaders, lines


def actor_card(data: m.Dataset, actor: m.Actor, events: list[m.Event]) -> Card:
    profile = lookup.actor_profile(data, actor, events)
    leaders, relations = _relations(profile["affiliations"])
    return Card(
        title=actor.name,
        subtitle=f"{actor.id} · {actor.kind}",
        style=KIND_STYLES.get(actor.kind, "white"),
        rows=[
            ("id", actor.id),
            ("name", actor.name),
            ("kind", actor.kind),
            ("aliases", "; ".join(actor.aliases)),
            ("country", actor.country or ""),
            ("active", _period(profile["start"], profile["end"])),
            ("leaders", leaders),
            ("summary", actor.summary),
        ],
        sections=[
            Section("Relations", relations),
            Section("Facts", [_fact_line(f, data) for f in profile["facts"]]),
            Section("Sources", source_lines(profile["sources"]), below=True),
        ],
        machine={
            "active": "/".join(x or ".." for x in (profile["start"], profile["end"]))
            if profile["start"] or profile["end"]
            else ""
        },
        profile=profile,
        events=events,
    )


def _coordinates(data: m.Dataset, place: m.Place) -> str:
    if place.lat is not None and place.lon is not None:
        return f"{place.lat:.4f}, {place.lon:.4f}"
    if place.unlocated:  # U12 read "none given" where the data says why (three villages)
        return f"none: {place.unlocated}"
    return "none given by the sources"


def place_card(data: m.Dataset, place: m.Place, events: list[m.Event]) -> Card:
    profile = lookup.place_profile(data, place, events)
    # the town's card answers "what happened in Mopti" with the town's events alone; it
    # names the region's id, and under the box the command for its card
    region = geo.namesake_region(data.places, place.id)
    see_also = lookup.namesake_note(data, place.id, str) or ""
    pointers, machine = [], {}
    if region is not None:
        command = followups.command("place", region)
        pointers.append((lookup.the_place(data.places[region]), command))
        machine["see also"] = lookup.namesake_note(data, place.id, lambda _: command) or ""
    return Card(
        title=place.name,
        subtitle=f"{place.id} · {place.kind}",
        style="cyan",
        rows=[
            ("id", place.id),
            ("name", place.name),
            ("kind", place.kind),
            ("aliases", "; ".join(place.aliases)),
            ("region", geo.region_name(data.places, place.id) or ""),
            ("within", place.within or ""),
            ("see also", see_also),
            ("country", lookup.country_names(data, place)),
            ("coordinates", _coordinates(data, place)),
            ("summary", place.summary or ""),
        ],
        sections=[Section("Sources", source_lines(profile["sources"]), below=True)],
        profile=profile,
        events=events,
        machine=machine,
        followups=pointers,
    )


def _named(entries: Mapping[str, m.Actor] | Mapping[str, m.Place], ids: Iterable[str]) -> str:
    """ "Name (id), ..." for a card's row; an id the data does not hold stands alone."""
    return ", ".join(f"{entries[i].name} ({i})" if i in entries else i for i in ids)


def event_card(
    data: m.Dataset,
    event: m.Event,
    pool: list[m.Event] | None = None,
    matched: matching.Matches | None = None,
) -> Card:
    """``pool``: the events its related events are picked from (lookup.related_pool),
    else every event of ``data``; ``matched``: its dataset records' matching
    (lookup.curated_matches), else the whole of ``data``'s."""
    links = lookup.related_events(data, event, pool)  # once: the rows and JSON keep its order
    detail = lookup.event_detail(data, event, links)
    actors, places = _named(data.actors, event.actors), _named(data.places, event.places)
    span = span_said(event.date.human(), event.end.human()) if event.end else event.date.human()
    # each end's precision, written as the date row writes the span (U33: "day – day"
    # under "22 February 2011 to 24 February 2011")
    precision = event.date.precision + (f"{SPAN}{event.end.precision}" if event.end else "")
    deaths = event.deaths()
    if event.counted_in is not None:  # said before the note, which may run long
        deaths = f"{deaths}; {m.counted_in_said(event.counted_in)}".lstrip("; ")
    if event.fatalities_note:
        deaths = f"{deaths} ({event.fatalities_note})".strip()
    # in lookup.related_events' order, which JSON's "related" keeps too
    # each led by its reason: "follows: ", "at Timbuktu: ", "shares JNIM, 8 days later: "
    related = [f"{r.why}: {r.event.date} {r.event.title} ({r.event.id})" for r in links]
    return Card(
        title=event.title,
        subtitle=f"{event.id} · {event.type}",
        style=TYPE_STYLES.get(event.type, "white"),
        rows=[
            ("id", event.id),
            ("date", span),
            ("precision", precision),
            ("type", event.type),
            ("title", event.title),
            ("summary", event.summary),
            ("actors", actors),
            # who did it to whom, worded as the timeline's cell words it
            ("roles", roles_text(data, event)),
            ("places", places),
            ("tags", ", ".join(event.tags)),
            ("fatalities", deaths),
            # what summary, chart and map add for it, where the range does not say
            ("in totals", counted_said(event)),
            ("part", AFTERMATH_PART if event.aftermath else ""),
            # a user's own event is said to be (U37: it looked like the record's)
            ("data", _yours(data, event)),
        ],
        sections=[
            Section("Sources", source_lines(detail["sources"]), below=True),
            Section("Related events", related),
            *_dataset_records(data, event, matched),
        ],
        profile=detail,
        warning=event.disputed,
        records=[event],
        # ISO 8601: a date at its precision, a span as start/end.
        machine={"date": event.date.iso() + (f"/{event.end.iso()}" if event.end else "")},
    )


def counted_said(event: m.Event) -> str:
    """What sums of deaths add for an event (m.Event.counted), where its toll as shown
    does not make it plain: the best estimate inside or atop a range ("500, the best
    estimate"), whose it is where the note says in a clause naming the best; a range's
    low end where no best is given; nothing for an upper bound alone. "" for a single
    figure, which is what a sum adds (U50: 200–500 on every screen, 500 in the sums)."""
    counted, shown = event.counted(), event.deaths()
    if not shown or shown == str(counted):
        return ""
    if counted is None:
        return "nothing: an upper bound alone is no count"
    if event.fatalities is None:
        low = "the lower bound" if event.fatalities_high is None else "the range's low end"
        return f"{counted}, {low} (no best estimate given)"
    whose = _best_clause(event.fatalities_note or "")
    return f"{counted}, the best estimate" + (f"; the note: “{whose}”" if whose else "")


# A clause of a toll's note that names the best figure ("Best: the ministry's 19, the
# latest and official count"): whose the figure a sum adds is, in the note's own words.
_BEST_CLAUSE = re.compile(r"[^;.()]*\bbest\b[^;.()]*(?:\([^()]*\)[^;.()]*)*", re.IGNORECASE)
BEST_CLAUSE_SHOWN = 160


def _best_clause(note: str) -> str:
    found = _BEST_CLAUSE.search(note)
    return shorten(found.group().strip(" ,"), BEST_CLAUSE_SHOWN, placeholder=" …") if found else ""


def _dataset_records(
    data: m.Dataset, event: m.Event, matched: matching.Matches | None
) -> list[Section]:
    """With an ACLED or UCDP import loaded: the records of the same incident (reviewed
    links first, then by score; docs/matching.md), as barkhane compare shows them."""
    from barkhane_cli import matching
    from barkhane_cli.render.matching import pair_line

    if matching.dataset_of(event) is not None:
        return []
    found = matched  # a store's, of the records this event can show (lookup)
    if found is None:
        curated, records = matching.split(data)
        if not records:
            if event.acled_ids or event.ucdp_ids:
                ids = [f"{d} {i}" for d, i in matching.reviewed_ids(event)]
                line = f"reviewed links (not loaded): {', '.join(ids)}"
                return [Section("Dataset records", [line])]
            return []
        found = matching.match(data, curated, records)
    pairs = found.linked.get(event.id, []) + found.possible.get(event.id, [])
    lines = [pair_line(data, p).strip() for p in pairs]
    lines += [
        f"reviewed link {r}: not in the loaded data"
        for r in found.missing_reviewed.get(event.id, [])
    ]
    return [Section("Dataset records", lines or ["none in the loaded data"])]


def _fact_period(fact: m.Fact) -> str:
    """What the figure covers in time: a running total from its start, else its date's
    whole period (a figure "as of 2013-05" is May's)."""
    if fact.since is not None:
        return f"{span_said(fact.since.iso(), fact.as_of.iso())} (a running total)"
    first, last = fact.as_of.first(), fact.as_of.last()
    return first.isoformat() if first == last else span_said(first.isoformat(), last.isoformat())


def fact_card(data: m.Dataset, fact: m.Fact) -> Card:
    """One fact in full; its JSON is the object `facts -f json` lists (lookup.fact_json)."""
    actors = _named(data.actors, fact.actors)
    sources = [lookup.source_ref_json(data, s) for s in fact.sources]
    return Card(
        title=fact.label,
        subtitle=f"{fact.id} · {fact.category}",
        style="white",
        rows=[
            ("id", fact.id),
            ("label", fact.label),
            ("value", lookup.fact_value_text(fact)),
            ("unit", fact.unit),
            ("as of", fact.as_of.human()),
            ("period", _fact_period(fact)),
            ("scope", fact.scope),
            ("category", fact.category),
            ("kind", fact.kind or ""),
            ("cause", fact.cause or ""),
            ("since", fact.since.human() if fact.since else ""),
            ("actors", actors),
            # after the value's rows: why it is not comparable with the figure before it
            ("series", break_line(data, fact)),
            ("note", fact.note or ""),
            ("part", AFTERMATH_PART if fact.aftermath else ""),
        ],
        sections=[Section("Sources", source_lines(sources), below=True)],
        profile=lookup.fact_json(fact),
        warning=fact.disputed,
        listing=fact_records(data, [fact]),
        # ISO 8601, as every machine output: a date at its precision.
        machine={"as of": fact.as_of.iso(), "since": fact.since.iso() if fact.since else ""},
    )


def _yours(data: m.Dataset, event: m.Event) -> str:
    """A card's "data" row: a user's own event is said to be (U37: it looked like the
    record's), and so is its taking the place of the record's event of its id (U41)."""
    if not event.yours:
        return ""
    said = f"{YOURS}: {event.origin}, not the record's"
    if event.replaces:  # the record's event replaced, not another user file's (U61)
        said += f"; it {m.REPLACES} event {event.id!r}"
    return said
