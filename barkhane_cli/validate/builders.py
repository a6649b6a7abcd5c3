"""One builder per table: a raw TOML entry into a checked record."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate
from barkhane_cli.meta import RECORD_END
from barkhane_cli.validate.publishers import publisher_problem, via_problem
from barkhane_cli.validate.reader import BadField, EntryReader, Problem, shown_value

EntryBuilder = Callable[[EntryReader], Any]


def build_source(r: EntryReader) -> m.Source:
    r.check_fields(m.FIELDS[r.table])
    source = m.Source(
        id=r.ident(),
        title=r.req_text("title"),
        publisher=r.req_text("publisher"),
        via=r.text("via", False),
        kind=r.choice("kind", m.SOURCE_KINDS) or "",
        date=r.date("date", False),
        url=r.url("url"),
        author=r.text("author", False),
        file=r.text("file", False),
        note=r.text("note", False),
        origin=r.file,
    )
    # after the url: a Wikipedia page's edition is settled by its address; the entry kept
    ruled = (
        ("publisher", publisher_problem(source.publisher, source.url)),
        ("via", None if source.via is None else via_problem(source.via)),
    )
    for field, wrong in ruled:
        if wrong is not None:
            r.refuse(field, wrong)
    return source


def _affiliations(r: EntryReader) -> tuple[m.Affiliation, ...]:
    value = r.raw.get("affiliations")
    if value is None or "affiliations" in r.broken:
        return ()
    if not isinstance(value, list):
        r.problem("affiliations", f"expected a list of tables, got {shown_value(value)}")
        raise BadField
    out = []
    for item in value:
        if not isinstance(item, dict):
            r.problem(
                "affiliations",
                f"expected {{ actor = ..., relation = ... }}, got {shown_value(item)}",
            )
            raise BadField
        sub = EntryReader(item, r.file, r.table, r.problems)
        sub.id = r.id
        sub.check_fields(m.AFFILIATION_FIELDS)
        try:
            start = sub.date("start", False)
            end = sub.date("end", False)
            out.append(
                m.Affiliation(
                    actor=sub.req_text("actor"),
                    relation=sub.choice("relation", m.RELATIONS) or "",
                    start=start,
                    end=end,
                    note=sub.text("note", False),
                )
            )
        except BadField:
            r.ok = False
            continue
        if start and end and end.last() < start.first():
            r.problem("affiliations", f"ends ({end}) before it starts ({start})")
    return tuple(out)


def build_actor(r: EntryReader) -> m.Actor:
    r.check_fields(m.FIELDS[r.table])
    start, end = r.date("start", False), r.date("end", False)
    _check_order(r, start, end, "end")
    return m.Actor(
        id=r.ident(),
        name=r.req_text("name"),
        short=r.text("short", False),
        kind=r.choice("kind", m.ACTOR_KINDS) or "",
        summary=r.req_text("summary"),
        sources=r.source_refs(),
        aliases=r.texts("aliases"),
        country=r.text("country", False),
        start=start,
        end=end,
        affiliations=_affiliations(r),
        tags=r.texts("tags"),
        origin=r.file,
    )


def build_place(r: EntryReader) -> m.Place:
    r.check_fields(m.FIELDS[r.table])
    # Coordinates only where a source gives them: a village with no checkable point is
    # still a place, located by what contains it.
    lat, lon = r.number("lat"), r.number("lon")
    if (lat is None) != (lon is None) and r.intact("lat", "lon"):
        r.problem("lat" if lat is None else "lon", "give both lat and lon, or neither")
    if lat is not None and not -90 <= lat <= 90:
        r.problem("lat", f"{lat} is not a latitude (-90 to 90)")
    if lon is not None and not -180 <= lon <= 180:
        r.problem("lon", f"{lon} is not a longitude (-180 to 180)")
    kind = r.choice("kind", m.PLACE_KINDS) or ""
    within, countries = r.text("within", False), r.texts("countries")
    country = r.text("country", False)
    placed = within is not None or countries or country is not None
    if kind != "country" and not placed and r.intact("kind", "within", "countries", "country"):
        r.problem("within", "say where the place is: within = a place id (or countries = [...])")
    if within is not None and countries:
        r.problem("countries", "give within or countries, not both")
    geonames = r.number("geonames")
    if geonames is not None and (not float(geonames).is_integer() or geonames <= 0):
        r.problem("geonames", f"{geonames} is not a GeoNames id (a positive whole number)")
    made_of = r.texts("made_of")
    if made_of and kind not in ("region", "area"):
        r.problem("made_of", "only a region or an area is made of other places")
    wider_than = r.texts("wider_than")
    if wider_than and kind not in ("region", "area"):
        r.problem("wider_than", "only a region or an area is wider than a name it is taken for")
    unlocated = r.text("unlocated", False)
    if unlocated is not None and lat is not None:
        r.problem("unlocated", "a place with lat and lon is located; drop unlocated")
    return m.Place(
        id=r.ident(),
        name=r.req_text("name"),
        short=r.text("short", False),
        kind=kind,
        lat=lat,
        lon=lon,
        country=country,
        within=within,
        countries=countries,
        sources=r.source_refs(),
        aliases=r.texts("aliases"),
        region=r.text("region", False),
        summary=r.text("summary", False),
        geonames=int(geonames) if geonames is not None else None,
        point_source=r.text("point_source", False),
        unlocated=unlocated,
        made_of=made_of,
        wider_than=wider_than,
        namesake=r.text("namesake", False),
        origin=r.file,
    )


def _check_order(
    r: EntryReader, start: PartialDate | None, end: PartialDate | None, field: str
) -> None:
    if (
        start is not None
        and end is not None
        and end.last() < start.first()
        and r.intact("date", "start", "end")
    ):
        r.problem(field, f"{end} is before the start, {start}")


def build_event(r: EntryReader) -> m.Event:
    r.check_fields(m.FIELDS[r.table])
    start, end = r.req_date("date"), r.date("end", False)
    _check_order(r, start, end, "end")
    best = r.integer("fatalities")
    low, high = r.integer("fatalities_low"), r.integer("fatalities_high")
    _check_range(r, low, best, high)
    perpetrators, targets = r.texts("perpetrators"), r.texts("targets")
    # perpetrators and targets are among the actors involved, whether or not listed there
    actors = tuple(dict.fromkeys((*r.texts("actors"), *perpetrators, *targets)))
    return m.Event(
        id=r.ident(),
        date=start,
        end=end,
        title=r.req_text("title"),
        summary=r.req_text("summary"),
        type=r.choice("type", m.EVENT_TYPES) or "",
        actors=actors,
        perpetrators=perpetrators,
        targets=targets,
        attribution=r.choice("attribution", m.ATTRIBUTIONS, False),
        places=r.texts("places"),
        tags=r.texts("tags"),
        fatalities=best,
        # One figure is its own range (UCDP's best/low/high): low = best = high.
        fatalities_low=best if low is None else low,
        fatalities_high=best if high is None else high,
        fatalities_note=r.text("fatalities_note", False),
        counted_in=r.text("counted_in", False),
        long=r.text("long", False),
        disputed=r.text("disputed", False),
        follows=r.texts("follows"),
        acled_ids=_record_ids(r, "acled_ids", _ACLED_ID, "an ACLED event_id_cnty (MLI4682)"),
        ucdp_ids=_record_ids(r, "ucdp_ids", _UCDP_ID, "a UCDP GED id (digits: 412345)"),
        sources=r.source_refs(),
        aftermath=r.table == "aftermath",
        origin=r.file,
        first=start.first_ordinal(),
        last=(end or start).last_ordinal(),
    )


_ACLED_ID = re.compile(r"^[A-Z]{2,4}[0-9]+$")
_UCDP_ID = re.compile(r"^[0-9]+$")


def _record_ids(r: EntryReader, field: str, shape: re.Pattern[str], what: str) -> tuple[str, ...]:
    """Reviewed links to dataset records: each an id in the dataset's own form, once."""
    ids = r.texts(field)
    for i in ids:
        if not shape.match(i):
            r.problem(field, f"{i!r} is not {what}")
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            r.problem(field, f"{i!r} is listed twice")
        seen.add(i)
    return ids


def _check_range(r: EntryReader, low: int | None, best: int | None, high: int | None) -> None:
    if low is not None and high is not None and low > high:
        r.problem("fatalities_low", f"{low} is above fatalities_high ({high})")
    if best is not None and low is not None and best < low:
        r.problem("fatalities", f"{best} is below fatalities_low ({low})")
    if best is not None and high is not None and best > high:
        r.problem("fatalities", f"{best} is above fatalities_high ({high})")


def build_fact(r: EntryReader) -> m.Fact:
    r.check_fields(m.FIELDS[r.table])
    value, low, high = r.number("value"), r.number("low"), r.number("high")
    if value is None and (low is None or high is None) and r.intact("value", "low", "high"):
        r.problem("value", "give a value, or both low and high")
    if low is not None and high is not None and low > high:
        r.problem("low", f"low ({low:g}) is above high ({high:g})")
    qualifier = r.choice("qualifier", m.QUALIFIERS, False)
    if qualifier is not None and (low is not None or high is not None):
        r.problem("qualifier", "a range (low, high) states its own bounds: give the value alone")
    unit = r.req_text("unit")
    _check_numbers(r, unit, value, low, high)
    as_of = r.req_date("as_of")
    since = r.date("since", False)
    _check_order(r, since, as_of, "as_of")
    category = r.choice("category", m.FACT_CATEGORIES) or ""
    cause = r.choice("cause", m.FACT_CAUSES, False)
    if cause is not None and category and category != "casualties":  # a bad category says so itself
        r.problem("cause", "only a casualty count says which deaths it counts")
    return m.Fact(
        id=r.ident(),
        label=r.req_text("label"),
        unit=unit,
        kind=r.choice("kind", m.FACT_KINDS, False),
        since=since,
        headline=r.text("headline", False),
        aftermath=as_of.first() > RECORD_END.last(),
        as_of=as_of,
        scope=r.req_text("scope"),
        category=category,
        cause=cause,
        sources=r.source_refs(),
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        actors=r.texts("actors"),
        disputed=r.text("disputed", False),
        series_break=r.text("series_break", False),
        note=r.text("note", False),
        origin=r.file,
    )


def _check_numbers(
    r: EntryReader, unit: str, value: float | None, low: float | None, high: float | None
) -> None:
    """A figure counts something (people, troops, deaths, events, money): never below 0.
    A change is a rise or a fall that the label says, its size the value ("Rise in
    violence ... 70 percent"), so no unit, percent included, is ever negative (U27: a
    troop strength of -5 passed and `on` showed it). A count (m.COUNT_UNITS) is a whole
    number, an error as a negative one is; above its unit's bound it is no count of this
    war, a warning (U28: 3.7 troops and 999,999,999,999 troops passed, and `on` showed
    them)."""
    bound = m.COUNT_UNITS.get(unit)
    for field, number in (("value", value), ("low", low), ("high", high)):
        if number is None:
            continue
        if number < 0:
            r.problem(
                field,
                f"{number:g} is negative: a figure is 0 or more; "
                "say a fall in the label, its size as the value",
            )
        elif unit in m.COUNT_UNITS and number != int(number):
            r.problem(
                field, f"{number:g} is not a whole number: {unit} are counted in whole numbers"
            )
        elif bound is not None and number > bound[0]:
            r.warn(field, f"{number:,.0f} {unit} is {bound[1]}; is a digit too many?")


def build_era(r: EntryReader) -> m.Era:
    r.check_fields(m.FIELDS[r.table])
    start, end = r.req_date("start"), r.date("end", False)
    _check_order(r, start, end, "end")
    short = r.text("short", False)
    if short is not None and len(short) > m.ERA_LABEL_ROOM:
        r.warn(
            "short",
            f"is {len(short)} characters long, over {m.ERA_LABEL_ROOM}: the eras chart cuts it "
            "at 80 columns; shorten it",
        )
    return m.Era(
        id=r.ident(),
        name=r.req_text("name"),
        short=short,
        start=start,
        end=end,
        kind=r.choice("kind", m.ERA_KINDS) or "",
        description=r.req_text("description"),
        actors=r.texts("actors"),
        sources=r.source_refs(),
        origin=r.file,
    )


def build_judgment(r: EntryReader) -> m.Judgment:
    r.check_fields(m.FIELDS[r.table])
    prob = [0.0, 1.0] if "probability" in r.broken else r.raw.get("probability")
    if (
        not isinstance(prob, list)
        or len(prob) != 2
        or not all(isinstance(p, int | float) and not isinstance(p, bool) for p in prob)
        or not 0 <= prob[0] <= prob[1] <= 1
    ):
        r.problem(
            "probability",
            f"expected [low, high] with 0 <= low <= high <= 1, got {shown_value(prob)}",
        )
        raise BadField
    return m.Judgment(
        id=r.ident(),
        quote=r.req_text("quote"),
        term=r.req_text("term"),
        yardstick=r.req_text("yardstick"),
        probability=(float(prob[0]), float(prob[1])),
        topic=r.req_text("topic"),
        mapping=r.text("mapping", False),
        outcome=r.choice("outcome", m.OUTCOMES, False),
        outcome_date=r.date("outcome_date", False),
        outcome_note=r.text("outcome_note", False),
        outcome_events=r.texts("outcome_events"),
        outcome_sources=r.source_refs("outcome_sources", False),
        origin=r.file,
    )


BUILDERS: dict[str, EntryBuilder] = {
    "sources": build_source,
    "actors": build_actor,
    "places": build_place,
    "events": build_event,
    "aftermath": build_event,
    "facts": build_fact,
    "eras": build_era,
    "judgments": build_judgment,
}


def build_entry(
    raw: Any,
    file: str,
    table: str,
    index: int,
    problems: list[Problem],
    rejected: list[Any] | None = None,
) -> Any:
    """Build one record, or return None after recording why it cannot be used.

    An entry that could be built with placeholders for its bad fields goes to
    ``rejected``, so that its references can still be checked in the same run."""
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                file,
                table,
                None,
                None,
                f"entry {index + 1} is {shown_value(raw)}, not a table",
                position=index,
            )
        )
        return None
    if not isinstance(raw.get("id"), str):
        # its position, as no id can place it (U50: "line 1" for the entry on line 18)
        no_id = f"entry {index + 1} has no text id"
        problems.append(Problem(file, table, None, "id", no_id, position=index))
        return None
    # Field by field: a field that stops the builder is recorded, then read as a
    # placeholder on another pass, so one run lists every problem of the entry. Each pass
    # breaks one more field, written or missing: as many passes as there are of both
    # (counted by what the entry wrote alone, `id = "x"`, `date = 2019` stopped after
    # four and never said `sources: is missing`, U54 #19).
    broken: set[str] = set()
    stoppers: list[Problem] = []
    for _ in range(len(set(raw) | set(m.FIELDS[table])) + 1):
        found: list[Problem] = []
        reader = EntryReader(raw, file, table, found, frozenset(broken))
        try:
            record = BUILDERS[table](reader)
        except BadField:
            culprit = next((p for p in reversed(found) if not p.warning), None)
            if culprit is None or culprit.field in broken:
                break
            stoppers.append(culprit)
            broken.add(culprit.field or "")
            continue
        order = {key: i for i, key in enumerate(raw)}
        everything = sorted([*stoppers, *found], key=lambda p: order.get(p.field or "", -1))
        problems.extend(everything)
        if reader.ok and not stoppers:
            return record
        if rejected is not None:
            rejected.append(record)
        return None
    problems.extend(stoppers)
    return None
