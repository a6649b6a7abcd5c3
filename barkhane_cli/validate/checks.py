"""Checks across entries and files: references, seed quotes, source files, warnings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.validate.duplicates import duplicate_warnings, replacement_warnings
from barkhane_cli.validate.reader import Problem
from barkhane_cli.validate.suggest import Suggestions
from barkhane_cli.validate.tolls import counted_in_problems


def check_references(
    data: m.Dataset,
    problems: list[Problem],
    seed_texts: dict[str, str],
    only: m.Dataset | None = None,
    warnings: bool = True,
    suggestions: Suggestions | None = None,
    replaced_yours: Mapping[tuple[str, str, str], str] | None = None,
) -> None:
    """Every id an entry points at exists; every quote from a file source is verbatim.

    ``only``: check just these entries (ones rejected for other problems, built with
    placeholders for their bad fields) against ``data``, so that one run of validate
    lists every problem of an entry, its references included. ``warnings=False``: leave
    out the passes that can only warn (the same page twice, tag spellings, ...), for a
    caller that keeps only errors: ~55 ms of each store build of the record (K55).
    ``suggestions``: the run's "did you mean" lookups and what is left of their budget
    (validate/suggest.py), shared by the calls of one run; a new one by default.
    """
    scope = data if only is None else only
    suggest = suggestions if suggestions is not None else Suggestions()

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
                hint = suggest.hint(target, known)
                problems.append(
                    Problem(
                        file,
                        table,
                        ident,
                        field,
                        f"unknown {what} {target!r}{hint}",
                        unresolved=True,
                    )
                )

    def quotes(file: str, table: str, ident: str, field: str, srcs: Iterable[m.SourceRef]) -> None:
        for ref in srcs:
            if ref.id not in data.sources:
                hint = suggest.hint(ref.id, data.sources)
                problems.append(
                    Problem(
                        file,
                        table,
                        ident,
                        field,
                        f"unknown source {ref.id!r}{hint}",
                        unresolved=True,
                    )
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

    for a in scope.actors.values():
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
    for p in scope.places.values():
        quotes(p.origin, "places", p.id, "sources", p.sources)
        if p.point_source is not None:
            refs(
                p.origin, "places", p.id, "point_source", (p.point_source,), data.sources, "source"
            )
            if p.point_source not in {r.id for r in p.sources}:
                # the reference's note names the record read (R12 found 49 points whose
                # source no note of the place named)
                message = "cite it in sources too, with a note naming the record read"
                problems.append(
                    Problem(p.origin, "places", p.id, "point_source", message, warning=True)
                )
        if p.within is not None:
            refs(p.origin, "places", p.id, "within", (p.within,), data.places, "place")
        if p.kind != "country" and p.within is None and p.country is None:
            # an area's own countries list (the others were derived, so are known)
            refs(p.origin, "places", p.id, "countries", p.countries, countries, "country")
        refs(p.origin, "places", p.id, "made_of", p.made_of, data.places, "place")
        if p.namesake is not None:
            refs(p.origin, "places", p.id, "namesake", (p.namesake,), data.places, "place")
    if only is None and warnings:
        problems.extend(geometry_warnings(data.places))
        problems.extend(same_page_warnings(data.sources))
        problems.extend(tag_spelling_warnings([*data.events, *data.aftermath]))
        problems.extend(symmetric_copy_warnings(data.actors))
        # a user's event that is likely the record's own (U37)
        problems.extend(
            duplicate_warnings((("events", data.events), ("aftermath", data.aftermath)))
        )
        # and one that takes the place of the record's own, by its id (U41)
        problems.extend(replacement_warnings(data.replaced, replaced_yours or {}))
    all_events = {e.id: e for e in data.events} | {e.id: e for e in data.aftermath}
    for table, events in (("events", scope.events), ("aftermath", scope.aftermath)):
        for e in events:
            quotes(e.origin, table, e.id, "sources", e.sources)
            refs(e.origin, table, e.id, "actors", e.actors, data.actors, "actor")
            refs(e.origin, table, e.id, "places", e.places, data.places, "place")
            refs(e.origin, table, e.id, "follows", e.follows, all_events, "event")
            problems.extend(_sequel_problems(e, table, all_events))
            if e.counted_in is not None:
                refs(e.origin, table, e.id, "counted_in", (e.counted_in,), all_events, "event")
                problems.extend(counted_in_problems(e, table, all_events))
            if only is None and warnings:
                problems.extend(id_date_warnings(e, table))
                if table == "events":
                    problems.extend(core_event_warnings(e))
    for f in scope.facts.values():
        quotes(f.origin, "facts", f.id, "sources", f.sources)
        refs(f.origin, "facts", f.id, "actors", f.actors, data.actors, "actor")
    for era in scope.eras.values():
        quotes(era.origin, "eras", era.id, "sources", era.sources)
        refs(era.origin, "eras", era.id, "actors", era.actors, data.actors, "actor")
    for j in scope.judgments.values():
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


def geometry_warnings(places: dict[str, m.Place]) -> list[Problem]:
    """Where a settlement's point and what the data declares about it disagree: the point
    lies outside a place it is declared ``within`` (its region, area or country), or it
    lies in a bundled region although the place sits directly under a country."""
    from barkhane_cli import geo, shapes

    out: list[Problem] = []
    regions = [s for s in shapes.bundled().values() if s.label is not None]
    for p in places.values():
        at = shapes.point_of(p)
        if at is None:
            continue
        chain = geo.ancestors(places, p.id)
        for up in chain:
            shape = shapes.shape_of(places, up)
            if shape is not None and shape.clearly_outside(*at):
                what = "country" if places[up].kind == "country" else "shape"
                out.append(
                    Problem(
                        p.origin,
                        "places",
                        p.id,
                        "lat",
                        f"the point ({at[0]}, {at[1]}) lies outside the {what} of {up!r} "
                        f"(by more than {shapes.BORDER_TOLERANCE}°), which the place is "
                        "declared within",
                        warning=True,
                    )
                )
                break
        if p.within is not None and places.get(p.within, p).kind == "country":
            inside = [r.id for r in regions if r.id in places and r.contains(*at)]
            if inside and places[inside[0]].kind == "region":
                out.append(
                    Problem(
                        p.origin,
                        "places",
                        p.id,
                        "within",
                        f"sits directly under a country, but its point lies in {inside[0]!r}: "
                        f'say within = "{inside[0]}"',
                        warning=True,
                    )
                )
    return out


def _sequel_problems(e: m.Event, table: str, events: Mapping[str, m.Event]) -> list[Problem]:
    """A sequel starts no earlier than what it follows, and never follows itself."""
    out = []
    for before in e.follows:
        other = events.get(before)
        if before == e.id:
            out.append(Problem(e.origin, table, e.id, "follows", "an event cannot follow itself"))
        elif other is not None and other.first > e.first:
            out.append(
                Problem(
                    e.origin,
                    table,
                    e.id,
                    "follows",
                    f"follows {before!r}, which starts later ({other.date.iso()}); "
                    f"the link belongs on {before!r}",
                    warning=True,
                )
            )
    return out


# Two sources of one kind at one address published this close together are one page
# recorded twice (helpers reading it on different days gave it two ids); documents of
# different dates at one address are parts of one container, a dataset or an archive.
_SAME_PAGE_DAYS = 31


_SCHEME = re.compile(r"^[a-z]+://", re.IGNORECASE)  # compiled once: ~9,600 sources a build


def _address(url: str) -> str:
    """The page an address names: scheme, ``www.``, case of the host, fragment and a
    trailing slash do not make another page."""
    rest = _SCHEME.sub("", url.strip()).split("#")[0]
    host, _, path = rest.partition("/")
    return host.lower().removeprefix("www.") + "/" + path.rstrip("/")


def same_page_warnings(sources: Mapping[str, m.Source]) -> list[Problem]:
    """A source that records the same page as an earlier one (by id): cite one."""
    seen: dict[tuple[str, str], list[m.Source]] = {}
    out: list[Problem] = []
    for s in sorted(sources.values(), key=lambda s: s.id):
        if not s.url:
            continue
        earlier = seen.setdefault((_address(s.url), s.kind), [])
        for first in earlier:
            if (
                s.date is None
                or first.date is None
                or (
                    s.date.first_ordinal() - _SAME_PAGE_DAYS <= first.date.last_ordinal()
                    and first.date.first_ordinal() - _SAME_PAGE_DAYS <= s.date.last_ordinal()
                )
            ):
                out.append(
                    Problem(
                        s.origin,
                        "sources",
                        s.id,
                        "url",
                        f"records the same page as {first.id!r} (same address, kind and "
                        f"date): cite {first.id!r} and drop this one",
                        warning=True,
                    )
                )
                break
        else:
            earlier.append(s)
    return out


def tag_spelling_warnings(events: Sequence[m.Event]) -> list[Problem]:
    """A tag also spelled with a final "s" (war-crime, war-crimes): `--tag` asks for one
    spelling and missed the other (U13). Warned on each event of the rarer spelling."""
    counts = Counter(t for e in events for t in e.tags)
    out = []
    for e in events:
        for tag in e.tags:
            other = tag[:-1] if tag.endswith("s") and tag[:-1] in counts else tag + "s"
            if other in counts and (counts[tag], other) < (counts[other], tag):
                table = "aftermath" if e.aftermath else "events"
                message = f"{tag!r} is also spelled {other!r} ({counts[other]} events): use one"
                out.append(Problem(e.origin, table, e.id, "tags", message, warning=True))
    return out


def symmetric_copy_warnings(actors: dict[str, m.Actor]) -> list[Problem]:
    """A symmetric relation (allied-with, fought-against) declared on both its actors:
    one edge says it, and the two copies drift apart (the CMA–Platform war began in
    2014-06 on one and 2014-10-28 on the other). Warned on the copy with fewer fields."""
    out = []
    for (owner, a), (other, b) in m.symmetric_copies(actors):
        keep, drop = (owner, other) if m.kept_over(owner, a, other, b) else (other, owner)
        message = (
            f"{owner!r} {a.relation} {other!r} is declared on both actors, and one edge says "
            f"it (each actor's view shows both directions): keep the fuller, on {keep!r}; "
            f"drop the one on {drop!r}"
        )
        actor = actors[drop]
        out.append(Problem(actor.origin, "actors", drop, "affiliations", message, warning=True))
    return out


def id_date_warnings(e: m.Event, table: str) -> list[Problem]:
    """An event's or an aftermath entry's id ending in a date its `date` is not: a reader
    takes an id's numbers for its date (README), and `tin-...-2021-05-19` of the 18th sent
    them to the wrong day. A warning: the entry loads, and renaming it is the data's work
    (every `follows` naming it too)."""
    said = m.id_date_conflict(e.id, e.date)
    if said is None:
        return []
    message = (
        f"ends in {said} but its date is {e.date.iso()}: an id's numbers are its date; "
        "rename it (and every follows that names it) or correct the date"
    )
    return [Problem(e.origin, table, e.id, "id", message, warning=True)]


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
    filed = Path(e.origin)
    if filed.parent.name == "events" and filed.stem.isdigit() and int(filed.stem) != e.date.year:
        warn(
            "date",
            f"starts in {e.date.year} but is filed in {filed.name}; "
            "tools/datafmt.py moves it to the file of its year",
        )
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


# Each file read -> (the folder its ``file =`` paths are relative to, trusted?). The loader
# decides which files are the bundled, trusted data and says so here; validation never
# looks for the data itself.
Roots = Mapping[str, tuple[Path, bool]]


def _root(src: m.Source, roots: Roots) -> tuple[Path, bool]:
    return roots.get(src.origin, (Path(src.origin).parent, False))


def source_file(src: m.Source, roots: Roots) -> Path | None:
    """Where a source's ``file`` is: in its data file's folder (or below it).

    A user's file may not name a path outside its own folder (``../../etc/passwd``, an
    absolute path, a symlink out): the quote check would otherwise let a data file probe
    what any file on the machine says. The bundled data keeps its seeds beside its
    folder, so for it the folder above counts too.
    """
    if not src.file:
        return None
    base, trusted = _root(src, roots)
    for folder in [base, base.parent] if trusted else [base]:
        candidate = folder / src.file
        if candidate.is_file() and (trusted or _inside(candidate, base)):
            return candidate
    return None


def escapes_folder(src: m.Source, roots: Roots) -> bool:
    """A user data file's ``file`` that points outside the data file's folder."""
    base, trusted = _root(src, roots)
    if not src.file or trusted:
        return False
    return not _inside(base / src.file, base)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def read_source_files(data: m.Dataset, problems: list[Problem], roots: Roots) -> dict[str, str]:
    """The text of every source that names a file, so quotes can be checked against it."""
    texts: dict[str, str] = {}
    for src in data.sources.values():
        if not src.file:
            continue
        path = source_file(src, roots)
        if escapes_folder(src, roots):
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
