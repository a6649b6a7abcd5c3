"""Turning raw TOML tables into checked records, collecting every problem on the way.

Each problem names the file, the table and entry id, the field, the bad value and what
was expected, so that ``barkhane validate`` can list them all and loading can show the
first one in a single sentence.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.controls import inert
from barkhane_cli.dates import PartialDate, parse_iso

# Optional text fields that mean nothing when empty: a reason must say something.
_NON_EMPTY = frozenset({"long", "headline", "within", "short"})
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TABLES = m.TABLES
_SINGULAR = {
    "sources": "source",
    "actors": "actor",
    "places": "place",
    "events": "event",
    "aftermath": "aftermath event",
    "facts": "fact",
    "eras": "era",
    "judgments": "judgment",
}


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    table: str
    id: str | None
    field: str | None
    message: str
    # A warning is shown by ``validate`` but does not stop the data from loading.
    warning: bool = False
    line: int | None = None  # filled in by barkhane_cli.locate, for validate

    def located(self) -> str:
        """``FILE:LINE: table 'id' field: problem``, the form editors jump to."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = "warning: " if self.warning else ""
        if self.table:
            what += self.table
            if self.id is not None:
                what += f" {self.id!r}"
            if self.field is not None:
                what += f" {self.field}"
            what += ": "
        return f"{where}: {what}{self.message}"

    def sentence(self) -> str:
        where = self.file
        if self.id is not None:
            where += f": {_SINGULAR.get(self.table, self.table)} {self.id!r}"
        elif self.table:
            where += f": [[{self.table}]]"
        if self.field is not None:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"


class _Bad(Exception):
    """A field that cannot be used; the entry is skipped after recording the problem."""


# Stands in for a broken required date while the rest of the entry is checked.
_PLACEHOLDER_DATE = parse_iso("2000")


class EntryReader:
    """Reads the fields of one entry, recording a problem for each bad one.

    A field in ``broken`` already failed in an earlier pass over this entry: it reads as
    a harmless placeholder, so the other fields are still checked (see build_entry).
    """

    def __init__(
        self,
        raw: dict[str, Any],
        file: str,
        table: str,
        problems: list[Problem],
        broken: frozenset[str] = frozenset(),
    ) -> None:
        self.raw = raw
        self.file = file
        self.table = table
        self.problems = problems
        self.broken = broken
        ident = raw.get("id")
        self.id: str | None = ident if isinstance(ident, str) else None
        self.ok = True

    def intact(self, *fields: str) -> bool:
        """No field of a cross-field check was replaced by a placeholder."""
        return not self.broken.intersection(fields)

    def warn(self, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, self.table, self.id, field, message, True))

    def _controls(self, field: str, value: str) -> None:
        # Line breaks and tabs are text; other controls (ESC, bidi overrides) are shown
        # escaped by every view, but a person should know they are there.
        shown = inert(value, "\n\t")
        if shown != value:
            first = next(i for i, c in enumerate(value) if inert(c, "\n\t") != c)
            self.warn(
                field,
                f"holds control characters (first {inert(value[first])} at character "
                f"{first + 1}); views show them escaped",
            )

    def problem(self, field: str | None, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.file, self.table, self.id, field, message))

    def check_fields(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.raw:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(key, f"unknown field{hint}")

    def _get(self, field: str, required: bool) -> Any:
        value = self.raw.get(field)
        if value is None and required:
            self.problem(field, "is missing")
            raise _Bad
        return value

    def text(self, field: str, required: bool = True) -> str | None:
        if field in self.broken:
            return "" if required else None
        value = self._get(field, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(field, f"expected text, got {_shown(value)}")
            raise _Bad
        if not value.strip() and (required or field in _NON_EMPTY):
            self.problem(field, "is empty")
            raise _Bad
        if not value.isprintable():
            self._controls(field, value)
        return value

    def req_text(self, field: str) -> str:
        value = self.text(field, True)
        assert value is not None
        return value

    def choice(self, field: str, choices: Iterable[str], required: bool = True) -> str | None:
        if field in self.broken:
            return "" if required else None
        value = self.text(field, required)
        choices = tuple(choices)
        if value is not None and value not in choices:
            close = difflib.get_close_matches(value, choices, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.problem(field, f"{value!r} is not one of {', '.join(choices)}{hint}")
            raise _Bad
        return value

    def ident(self) -> str:
        if "id" in self.broken:
            return self.id or ""
        value = self.req_text("id")
        if not ID_RE.match(value):
            self.problem("id", f"{value!r} is not a kebab-case id (a-z, 0-9 and single hyphens)")
            raise _Bad
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        if field in self.broken:
            return ()
        value = self._get(field, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(field, f"expected a list of text, got {_shown(value)}")
            raise _Bad
        for item in value:
            if not item.isprintable():
                self._controls(field, item)
        return tuple(value)

    def date(self, field: str, required: bool = True) -> PartialDate | None:
        if field in self.broken:
            return _PLACEHOLDER_DATE if required else None
        value = self._get(field, required)
        if value is None:
            return None
        if not isinstance(value, str):
            hint = ' (write dates as quoted text, e.g. "2013-01-11")'
            self.problem(field, f"expected a date as text, got {_shown(value)}{hint}")
            raise _Bad
        try:
            return parse_iso(value)
        except ValueError as exc:
            self.problem(field, str(exc))
            raise _Bad from None

    def req_date(self, field: str) -> PartialDate:
        value = self.date(field, True)
        assert value is not None
        return value

    def integer(self, field: str) -> int | None:
        if field in self.broken:
            return None
        value = self._get(field, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problem(field, f"expected a whole number of 0 or more, got {_shown(value)}")
            raise _Bad
        return value

    def number(self, field: str, required: bool = False) -> float | None:
        if field in self.broken:
            return None
        value = self._get(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(field, f"expected a number, got {_shown(value)}")
            raise _Bad
        if not math.isfinite(value):
            # TOML allows nan and inf; no count or coordinate is either (and JSON has neither)
            self.problem(field, f"expected a finite number, got {value}")
            raise _Bad
        return float(value)

    def source_refs(self, field: str = "sources", required: bool = True) -> tuple[m.SourceRef, ...]:
        if field in self.broken:
            return ()
        value = self._get(field, required)
        if value is None:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.problem(field, "expected a non-empty list of { id = ..., quote = ... } tables")
            raise _Bad
        refs = []
        for item in value:
            if isinstance(item, str):
                item = {"id": item}
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.problem(field, f'expected {{ id = "..." }}, got {_shown(item)}')
                raise _Bad
            extra = set(item) - {"id", "quote", "note"}
            if extra:
                self.problem(field, f"unknown key {sorted(extra)[0]!r} in a source reference")
                raise _Bad
            for key in ("quote", "note"):
                if key in item and not isinstance(item[key], str):
                    self.problem(field, f"{key} must be text, got {_shown(item[key])}")
                    raise _Bad
                if key in item and not item[key].isprintable():
                    self._controls(field, item[key])
            refs.append(m.SourceRef(item["id"], item.get("quote"), item.get("note")))
        return tuple(refs)


def _shown(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


# --- one builder per table -------------------------------------------------------------

EntryBuilder = Callable[[EntryReader], Any]


def build_source(r: EntryReader) -> m.Source:
    r.check_fields(m.FIELDS[r.table])
    return m.Source(
        id=r.ident(),
        title=r.req_text("title"),
        publisher=r.req_text("publisher"),
        kind=r.choice("kind", m.SOURCE_KINDS) or "",
        date=r.date("date", False),
        url=r.text("url", False),
        author=r.text("author", False),
        file=r.text("file", False),
        note=r.text("note", False),
        origin=r.file,
    )


def _affiliations(r: EntryReader) -> tuple[m.Affiliation, ...]:
    value = r.raw.get("affiliations")
    if value is None or "affiliations" in r.broken:
        return ()
    if not isinstance(value, list):
        r.problem("affiliations", f"expected a list of tables, got {_shown(value)}")
        raise _Bad
    out = []
    for item in value:
        if not isinstance(item, dict):
            r.problem(
                "affiliations", f"expected {{ actor = ..., relation = ... }}, got {_shown(item)}"
            )
            raise _Bad
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
        except _Bad:
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
        long=r.text("long", False),
        disputed=r.text("disputed", False),
        sources=r.source_refs(),
        aftermath=r.table == "aftermath",
        origin=r.file,
        first=start.first_ordinal(),
        last=(end or start).last_ordinal(),
    )


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
    as_of = r.req_date("as_of")
    return m.Fact(
        id=r.ident(),
        label=r.req_text("label"),
        unit=r.req_text("unit"),
        kind=r.choice("kind", m.FACT_KINDS, False),
        headline=r.text("headline", False),
        aftermath=as_of.first() > parse_iso(m.RECORD_END).last(),
        as_of=as_of,
        scope=r.req_text("scope"),
        category=r.choice("category", m.FACT_CATEGORIES) or "",
        sources=r.source_refs(),
        value=value,
        low=low,
        high=high,
        actors=r.texts("actors"),
        disputed=r.text("disputed", False),
        note=r.text("note", False),
        origin=r.file,
    )


def build_era(r: EntryReader) -> m.Era:
    r.check_fields(m.FIELDS[r.table])
    start, end = r.req_date("start"), r.date("end", False)
    _check_order(r, start, end, "end")
    return m.Era(
        id=r.ident(),
        name=r.req_text("name"),
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
            "probability", f"expected [low, high] with 0 <= low <= high <= 1, got {_shown(prob)}"
        )
        raise _Bad
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


def build_entry(raw: Any, file: str, table: str, index: int, problems: list[Problem]) -> Any:
    """Build one record, or return None after recording why it cannot be used."""
    if not isinstance(raw, dict):
        problems.append(
            Problem(file, table, None, None, f"entry {index + 1} is {_shown(raw)}, not a table")
        )
        return None
    if not isinstance(raw.get("id"), str):
        problems.append(Problem(file, table, None, "id", f"entry {index + 1} has no text id"))
        return None
    # Field by field: a field that stops the builder is recorded, then read as a
    # placeholder on another pass, so one run lists every problem of the entry.
    broken: set[str] = set()
    stoppers: list[Problem] = []
    for _ in range(len(raw) + 2):
        found: list[Problem] = []
        reader = EntryReader(raw, file, table, found, frozenset(broken))
        try:
            record = BUILDERS[table](reader)
        except _Bad:
            culprit = next((p for p in reversed(found) if not p.warning), None)
            if culprit is None or culprit.field in broken:
                break
            stoppers.append(culprit)
            broken.add(culprit.field or "")
            continue
        order = {key: i for i, key in enumerate(raw)}
        everything = sorted([*stoppers, *found], key=lambda p: order.get(p.field or "", -1))
        problems.extend(everything)
        return record if reader.ok and not stoppers else None
    problems.extend(stoppers)
    return None


# --- checks across entries and files -------------------------------------------------


def check_references(data: m.Dataset, problems: list[Problem], seed_texts: dict[str, str]) -> None:
    """Every id an entry points at exists; every quote from a file source is verbatim."""

    def refs(
        file: str,
        table: str,
        ident: str,
        field: str,
        ids: Iterable[str],
        known: dict[str, Any],
        what: str,
    ) -> None:
        for target in ids:
            if target not in known:
                close = difflib.get_close_matches(target, list(known), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(
                    Problem(file, table, ident, field, f"unknown {what} {target!r}{hint}")
                )

    def quotes(file: str, table: str, ident: str, field: str, srcs: Iterable[m.SourceRef]) -> None:
        for ref in srcs:
            if ref.id not in data.sources:
                close = difflib.get_close_matches(ref.id, list(data.sources), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(
                    Problem(file, table, ident, field, f"unknown source {ref.id!r}{hint}")
                )
                continue
            text = seed_texts.get(ref.id)
            if ref.quote is not None and text is not None and ref.quote not in text:
                problems.append(
                    Problem(
                        file,
                        table,
                        ident,
                        field,
                        f"the quote from {ref.id!r} is not in it word for word: {ref.quote[:60]!r}",
                    )
                )

    for a in data.actors.values():
        quotes(a.origin, "actors", a.id, "sources", a.sources)
        refs(
            a.origin,
            "actors",
            a.id,
            "affiliations",
            (f.actor for f in a.affiliations),
            data.actors,
            "actor",
        )
    countries = {p.id: p for p in data.places.values() if p.kind == "country"}
    for p in data.places.values():
        quotes(p.origin, "places", p.id, "sources", p.sources)
        if p.within is not None:
            refs(p.origin, "places", p.id, "within", (p.within,), data.places, "place")
        if p.kind != "country" and p.within is None and p.country is None:
            # an area's own countries list (the others were derived, so are known)
            refs(p.origin, "places", p.id, "countries", p.countries, countries, "country")
    for table, events in (("events", data.events), ("aftermath", data.aftermath)):
        for e in events:
            quotes(e.origin, table, e.id, "sources", e.sources)
            refs(e.origin, table, e.id, "actors", e.actors, data.actors, "actor")
            refs(e.origin, table, e.id, "places", e.places, data.places, "place")
            if table == "events":
                problems.extend(core_event_warnings(e))
    for f in data.facts.values():
        quotes(f.origin, "facts", f.id, "sources", f.sources)
        refs(f.origin, "facts", f.id, "actors", f.actors, data.actors, "actor")
    for era in data.eras.values():
        quotes(era.origin, "eras", era.id, "sources", era.sources)
        refs(era.origin, "eras", era.id, "actors", era.actors, data.actors, "actor")
    all_events = {e.id: e for e in data.events} | {e.id: e for e in data.aftermath}
    for j in data.judgments.values():
        quotes(j.origin, "judgments", j.id, "outcome_sources", j.outcome_sources)
        refs(j.origin, "judgments", j.id, "outcome_events", j.outcome_events, all_events, "event")
        seed = seed_texts.get(m.SEED_ID)
        if seed is not None and j.quote not in seed:
            problems.append(
                Problem(
                    j.origin,
                    "judgments",
                    j.id,
                    "quote",
                    f"is not in the seed word for word: {j.quote[:60]!r}",
                )
            )


def core_event_warnings(e: m.Event) -> list[Problem]:
    """What a core event should have for its answers to be right; loading does not stop."""
    out = []

    def warn(field: str, message: str) -> None:
        out.append(Problem(e.origin, "events", e.id, field, message, warning=True))

    if e.type in m.VIOLENT_TYPES and not e.perpetrators and e.attribution != "unknown":
        warn(
            "perpetrators",
            f"a{'n' if e.type[0] in 'ae' else ''} {e.type} names no perpetrators; "
            'name them, or set attribution = "unknown"',
        )
    if e.perpetrators and e.attribution is None:
        warn("attribution", "say how the perpetrators are known: claimed, attributed or suspected")
    if not e.places:
        warn("places", "has no place; give the most precise one the sources support")
    # only a span counts: a date known to the year is imprecise, not long
    days = e.last - e.first + 1
    if e.end is not None and days > m.LONG_EVENT_DAYS and e.long is None:
        warn(
            "end",
            f"spans {days} days; a launch or decision is a point (drop end), a state "
            'of affairs is an era, or say why it is one event with long = "reason"',
        )
    return out


_MAX_SOURCE_BYTES = 64 * 1024**2  # a seed article is a few kB


def source_file(src: m.Source) -> Path | None:
    """Where a source's ``file`` is: next to its data file (or below it).

    A user's file may not name a path outside its own folder (``../../etc/passwd``, an
    absolute path, a symlink out): the quote check would otherwise let a data file probe
    what any file on the machine says. The bundled timeline keeps its seeds beside its
    folder, so for it the folder above counts too.
    """
    if not src.file:
        return None
    base = Path(src.origin).parent
    bases = [base, base.parent] if _is_bundled(src.origin) else [base]
    for folder in bases:
        candidate = folder / src.file
        if candidate.is_file() and (_is_bundled(src.origin) or _inside(candidate, base)):
            return candidate
    return None


def escapes_folder(src: m.Source) -> bool:
    """A user data file's ``file`` that points outside the data file's folder."""
    if not src.file or _is_bundled(src.origin):
        return False
    base = Path(src.origin).parent
    return not _inside(base / src.file, base)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def _is_bundled(origin: str) -> bool:
    """The timeline shipped with barkhane (installed or in a checkout), which we trust."""
    from barkhane_cli.store import files

    package = Path(m.__file__).resolve().parent
    shipped = {package / "data" / "timeline.toml", package.parent / "data" / "timeline.toml"}
    try:
        return Path(origin).resolve() in {*shipped, files.bundled_path().resolve()}
    except OSError:
        return False


def read_source_files(data: m.Dataset, problems: list[Problem]) -> dict[str, str]:
    """The text of every source that names a file, so quotes can be checked against it."""
    texts: dict[str, str] = {}
    for src in data.sources.values():
        if not src.file:
            continue
        path = source_file(src)
        if escapes_folder(src):
            problems.append(
                Problem(
                    src.origin,
                    "sources",
                    src.id,
                    "file",
                    f"{src.file!r} is outside the data file's folder; a source file must be "
                    "next to the data file or below it",
                )
            )
        elif path is not None and path.stat().st_size > _MAX_SOURCE_BYTES:
            problems.append(Problem(src.origin, "sources", src.id, "file", "is larger than 64 MiB"))
        elif path is not None:
            try:
                texts[src.id] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(
                    Problem(src.origin, "sources", src.id, "file", f"cannot be read: {exc}")
                )
        else:
            problems.append(
                Problem(
                    src.origin,
                    "sources",
                    src.id,
                    "file",
                    f"{src.file!r} does not exist next to the data file",
                )
            )
    return texts
