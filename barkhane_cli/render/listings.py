"""Record sets for the list commands: actors, places, facts, sources, search hits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from barkhane_cli import cite, followups, geo, lookup
from barkhane_cli import model as m
from barkhane_cli.briefing.headline import break_line, break_mark
from barkhane_cli.render.events import FULL
from barkhane_cli.render.recordset import (
    DAY_WIDTH,
    Field,
    RecordSet,
    date_field,
    file_list,
    flag_field,
    id_field,
    list_field,
)
from barkhane_cli.render.styles import BLUE, GREEN, KIND_STYLES, ORANGE, PURPLE, SKY, disputed


def _iso(d: Any) -> str:
    return d.iso() if d is not None else ""


def actor_records(
    data: m.Dataset, actors: Iterable[m.Actor], counts: Counter[str]
) -> RecordSet[m.Actor]:
    """``counts``: how many events name each actor (lookup.event_counts), the Events
    column, counted once by the caller, which orders by them (actors --sort events)."""

    def to_json(a: m.Actor) -> dict[str, Any]:
        return {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "aliases": list(a.aliases),
            "country": a.country,
            "start": _iso(a.start) or None,
            "end": _iso(a.end) or None,
            "events": counts[a.id],
        }

    fields: dict[str, Field[m.Actor]] = {
        "id": id_field(lambda a: a.id),
        "name": Field("name", "Name", lambda a: a.name, ratio=2, min_width=12),
        "kind": Field("kind", "Kind", lambda a: a.kind),
        "country": Field("country", "Country", lambda a: a.country or ""),
        "aliases": Field(
            "aliases",
            "Aliases",
            lambda a: "; ".join(a.aliases),
            ratio=3,
            min_width=10,
            file_text=lambda a: file_list(a.aliases),
        ),
        "start": date_field("start", "From", lambda a: _iso(a.start)),
        "end": date_field("end", "To", lambda a: _iso(a.end)),
        "events": Field("events", "Events", lambda a: str(counts[a.id]), justify="right"),
    }
    return RecordSet(
        kind="actor",
        droppable=["aliases", "country"],
        basis=list(data.actors.values()),
        items=actors,
        fields=fields,
        default_fields=["id", "name", "kind", "country", "events", "aliases"],
        table_fields=["id", "name", "kind", "country", "events", "aliases"],
        to_json=to_json,
        style=lambda a: KIND_STYLES.get(a.kind),
        empty_message="no actors match",
        json_keys=["id", "name", "kind", "aliases", "country", "start", "end", "events"],
    )


def place_records(
    data: m.Dataset, places: Iterable[m.Place], counts: Counter[str]
) -> RecordSet[m.Place]:
    """``counts``: the events at or within each place (lookup.place_event_counts), the
    Events column, counted once by the caller, which orders by them (places --sort events)."""
    namer = geo.country_namer(data.places)

    def to_json(p: m.Place) -> dict[str, Any]:
        return {**lookup.place_json(data, p, namer), "events": counts[p.id]}

    def coord(x: float | None) -> str:
        return "" if x is None else f"{x:.4f}"

    fields: dict[str, Field[m.Place]] = {
        "id": id_field(lambda p: p.id),
        "name": Field("name", "Name", lambda p: p.name, ratio=2, min_width=10),
        "kind": Field("kind", "Kind", lambda p: p.kind),
        "region": Field(
            "region",
            "Region",
            lambda p: geo.region_name(data.places, p.id) or "",
            ratio=2,
            min_width=10,
        ),
        "country": Field("country", "Country", lambda p: lookup.country_names(data, p, namer)),
        "within": Field("within", "Within", lambda p: p.within or ""),
        "lat": Field("lat", "Lat", lambda p: coord(p.lat), justify="right"),
        "lon": Field("lon", "Lon", lambda p: coord(p.lon), justify="right"),
        "aliases": Field(
            "aliases",
            "Aliases",
            lambda p: "; ".join(p.aliases),
            ratio=2,
            min_width=8,
            file_text=lambda p: file_list(p.aliases),
        ),
        "events": Field("events", "Events", lambda p: str(counts[p.id]), justify="right"),
    }
    return RecordSet(
        kind="place",
        droppable=["region", "kind", "country"],
        basis=list(data.places.values()),
        items=places,
        fields=fields,
        default_fields=["id", "name", "kind", "region", "country", "lat", "lon", "events"],
        table_fields=["id", "name", "kind", "region", "country", "lat", "lon", "events"],
        to_json=to_json,
        empty_message="no places match",
        dataset=data,
        json_keys=[
            "id",
            "name",
            "short",
            "aliases",
            "kind",
            "lat",
            "lon",
            "region",
            "country",
            "within",
            "countries",
            "events",
        ],
    )


_FACT_COLUMNS = [
    *("id", "label", "value", "low", "high", "unit", "as_of", "scope", "category"),
    *("disputed", "sources"),
]
# Piped: why a figure is on a new basis, as the table marks it and JSON has it (U53: `facts
# | cat` had no such column); last, so positional readers keep working.
_FACT_DEFAULT_FIELDS = [*_FACT_COLUMNS, "series_break"]
# CSV and TSV: how each figure came to be and what it counts, as the table's Kind shows
# it (U11 found them only in JSON); at the end, so positional readers keep working. The
# note holds a figure's caveat ("a floor", who counted), lost in a spreadsheet without it
# (U17); the precision says how to read as_of, the qualifier how to read the value
# ("more than": a floor, not a count).
_FACT_FILE_FIELDS = [
    *_FACT_COLUMNS,
    *("kind", "cause", "since", "note", "precision", "qualifier", "series_break"),
]


def _fact_note(data: m.Dataset, f: m.Fact) -> str | None:
    """A fact's row's second line: its mark if it is on a new basis (the line under the
    table says why), then its dispute."""
    said = [f"{break_mark(data, f)} new basis (under the table)"] if f.series_break else []
    if f.disputed:
        said.append(disputed(f.disputed))
    return " · ".join(said) or None


# From the width where an event's id has a column (events.FULL), or with --wide, a fact's
# id has one of its own too; narrower, it goes under
# the label with the scope's area after it (RecordSet.ident), as an event's id and where
# under its title, and the kind under the date, as an event's type: at 80 columns the
# Fact column then holds an id whole (U34 found none at any width, its disputes cut
# with no way to the fact's own view). The sources are `fact ID`'s.
def _fact_layout(width: int, wide: bool) -> list[str]:
    if wide or width >= FULL:
        return ["as_of", "id", "label", "value", "unit", "kind", "scope", "sources"]
    return ["when", "label", "value", "unit"]


def _when(f: m.Fact) -> Any:
    from rich.text import Text

    return Text(f.as_of.iso()).append(f"\n{f.kind or ''}", style="dim")


def fact_records(data: m.Dataset, facts: Iterable[m.Fact]) -> RecordSet[m.Fact]:
    def num(x: float | None) -> str:
        v = lookup.plain_number(x)
        return "" if v is None else str(v)

    fields: dict[str, Field[m.Fact]] = {
        "id": id_field(lambda f: f.id),
        "label": Field("label", "Fact", lambda f: f.label, ratio=3, min_width=22),
        # a value's text can be a long range ("10,700–13,000"): it wraps rather than taking
        # the width of the longest in the data, which had cut the dates at 80 columns.
        # Read by a person (table, plain, md) it is as its source words it ("more than
        # 32500"); a file table keeps it a number, its qualifier in a column of its own.
        "value": Field(
            "value",
            "Value",
            lambda f: m.qualified(f.qualifier, num(f.value)),
            display=lookup.fact_value_text,
            ratio=1,
            min_width=9,
            file_text=lambda f: num(f.value),
        ),
        "qualifier": Field("qualifier", "Qualifier", lambda f: f.qualifier or ""),
        "low": Field("low", "Low", lambda f: num(f.low)),
        "high": Field("high", "High", lambda f: num(f.high)),
        "unit": Field("unit", "Unit", lambda f: f.unit),
        "kind": Field("kind", "Kind", lambda f: f.kind or ""),
        "since": date_field("since", "Since", lambda f: _iso(f.since)),
        "as_of": date_field("as_of", "As of", lambda f: f.as_of.iso()),
        # year, month or day: as_of mixes them ("2018", "2018-03"), as an event's date does
        "precision": Field("precision", "Precision", lambda f: f.as_of.precision),
        # A table shows the area, the scope up to its first ';' (the rest, who was counted
        # and by whom, ran a row of Niger's 2021 figures to a dozen lines at 80 columns);
        # every other format gives it whole.
        "scope": Field(
            "scope",
            "Scope",
            lambda f: f.scope,
            display=lambda f: f.area + (" …" if ";" in f.scope else ""),
            abridged=True,
            ratio=2,
            min_width=14,
        ),
        "category": Field("category", "Category", lambda f: f.category),
        "cause": Field("cause", "Cause", lambda f: f.cause or ""),
        "headline": Field("headline", "Headline", lambda f: f.headline or ""),
        "aftermath": flag_field("aftermath", "Aftermath", lambda f: f.aftermath),
        "actors": list_field("actors", "Actors", lambda f: f.actors),
        "disputed": Field("disputed", "Disputed", lambda f: f.disputed or ""),
        "series_break": Field("series_break", "Series break", lambda f: f.series_break or ""),
        "note": Field("note", "Note", lambda f: f.note or ""),
        # A table wraps the ids between them (as the event table does): --wide shows
        # each in full, where one unbroken "a,b,c" showed the first cut (U11).
        "sources": list_field(
            "sources",
            "Sources",
            lambda f: [s.id for s in f.sources],
            display=lambda f: ", ".join(s.id for s in f.sources),
            ratio=1,
            min_width=8,
        ),
    }
    return RecordSet(
        kind="fact",
        droppable=["sources", "scope"],
        basis=list(data.facts.values()),
        items=facts,
        fields=fields,
        default_fields=_FACT_DEFAULT_FIELDS,
        table_fields=["as_of", "label", "value", "unit", "kind", "scope", "sources"],
        file_fields=_FACT_FILE_FIELDS,
        to_json=lookup.fact_json,
        note=lambda f: _fact_note(data, f),
        footnotes=lambda shown: [break_line(data, f) for f in shown if f.series_break],
        empty_message="no facts match",
        note_field="label",
        ident=lambda f: f"{f.id} · {f.area}" + (" …" if ";" in f.scope else ""),
        whole=followups.command("fact", "ID"),
        layout=_fact_layout,
        cells={"when": date_field("when", "As of", lambda f: f.as_of.iso(), cell=_when)},
        json_keys=list(lookup.fact_json(next(iter(data.facts.values()))).keys())
        if data.facts
        else [],
    )


def source_records(
    data: m.Dataset,
    sources: Iterable[m.Source],
    cited: Counter[str],
    matched: Callable[[m.Source], str] | None = None,
) -> RecordSet[m.Source]:
    """``cited``: how many entries cite each source (lookup.citations), the Cited column,
    counted once by the caller, which orders by them (sources --sort cited): counting
    reads every event, a whole import's on a large one. ``matched``: how a source met
    --publisher, as its publisher or as an outlet carrying its text (--carried), which
    its JSON says; None where no publisher was asked for."""

    def to_json(s: m.Source) -> dict[str, Any]:
        said = s.to_json() | {"cited_by": cited[s.id]}
        return said if matched is None else said | {"matched": matched(s)}

    basis = list(data.sources.values())
    longest = max((len(s.id) for s in basis), default=0)

    fields: dict[str, Field[m.Source]] = {
        "id": id_field(lambda s: s.id),
        "cited_by": Field("cited_by", "Cited", lambda s: str(cited[s.id]), justify="right"),
        "publisher": Field("publisher", "Publisher", lambda s: s.publisher, ratio=1, min_width=12),
        "via": Field("via", "Via", lambda s: s.via or ""),
        # a title the record made in [brackets] on the table, as `cite` and `source ID`
        # give it (cite.title); piped and in files, the data's text
        "title": Field(
            "title",
            "Title",
            lambda s: s.title,
            display=cite.title,
            ratio=3,
            min_width=_TITLE_LEAST,
        ),
        "kind": Field("kind", "Kind", lambda s: s.kind),
        "date": date_field("date", "Date", lambda s: _iso(s.date)),
        "url": Field("url", "URL", lambda s: s.url or "", max_width=40, link=lambda s: s.url),
        "file": Field("file", "File", lambda s: s.file or ""),
    }
    return RecordSet(
        kind="source",
        droppable=["url", "publisher"],
        basis=basis,
        items=sources,
        fields=fields,
        default_fields=["id", "cited_by", "publisher", "title", "kind", "date", "url"],
        table_fields=_SOURCE_COLUMNS,
        layout=lambda width, wide: _source_layout(width, wide, longest),
        cells={
            "entry": Field(
                "entry",
                "Id / title",
                lambda s: s.id,
                ratio=1,
                min_width=longest,
                cell=_source_cell,
            )
        },
        to_json=to_json,
        empty_message="no sources match",
        # a source's JSON is its data file's fields (Source.to_json), then its citations
        json_keys=[*m.FIELDS["sources"], "cited_by", *(["matched"] if matched else [])],
    )


# The narrowest a source's title is in a column of its own; and the cells of the others
# beside it that are never dropped (Cited, a Date, the gaps between the four).
_TITLE_LEAST = 24
_BESIDE_TITLE = len("Cited") + DAY_WIDTH + 3
_SOURCE_COLUMNS = ["id", "cited_by", "publisher", "title", "date", "url"]


def _source_layout(width: int, wide: bool, longest: int) -> list[str]:
    """The id beside the title where both fit, whole; narrower, the title under the id
    in one column as wide as the longest id: an id is never cut (what `cite ID` takes),
    and a title in the room an id of 62 cells leaves at 80 columns was a word a line."""
    if wide or width >= longest + _TITLE_LEAST + _BESIDE_TITLE:
        return _SOURCE_COLUMNS
    return ["entry", "cited_by", "date"]


def _source_cell(s: m.Source) -> Any:
    """The id, then the title under it, wrapped at spaces; an id longer than the column
    (a terminal narrower than the longest id) is folded, never cut."""
    from barkhane_cli.render.safe import text as safe

    cell = safe(s.id, style="bold", keep="")
    cell.append_text(safe("\n" + cite.title(s), keep="\n"))
    cell.no_wrap, cell.overflow = False, "fold"
    return cell


# From this terminal width the search table gives ids a column of their own; narrower, an
# id is a dim line under its title (never cut: it is what `barkhane event ID` takes).
HIT_ID_COLUMN = 120


def _hit_layout(width: int, wide: bool) -> list[str]:
    if wide or width >= HIT_ID_COLUMN:
        return ["kind", "id", "title", "date", "match"]
    return ["kind", "entry", "date"]


# A source found lists the events citing it, these many by id (what `barkhane event ID`
# takes); more are counted and left to `barkhane source ID`, said under the table
# (_citing_more).
HIT_CITING_SHOWN = 3


def hit_citing(h: lookup.Hit) -> str:
    """The short line under a source found: the events that cite it ("" when none)."""
    if not h.cited_by:
        return ""
    shown = ", ".join(h.cited_by[:HIT_CITING_SHOWN])
    more = len(h.cited_by) - HIT_CITING_SHOWN
    return f"cited by {shown}" + (f" and {more} more" if more > 0 else "")


def _citing_more(hits: list[lookup.Hit]) -> list[tuple[str, str]]:
    """Under the table, where a source found is cited by more entries than it names:
    the command listing them. In the cell, `barkhane source --data '/tmp/x y/mine.toml'
    seed` was broken over two lines at 80 columns (U36)."""
    if not any(len(h.cited_by) > HIT_CITING_SHOWN for h in hits):
        return []
    return [("every entry citing a source", followups.command("source", "ID"))]


def _hit_cell(h: lookup.Hit, title: bool) -> Any:
    """The id, under the title when narrow (dim) or in its own column when wide, then the
    events citing a source: under the id, whose column fits ids whole."""
    from barkhane_cli.render.safe import text as safe

    cell = safe(h.title, style="bold", keep="") if title else safe(h.id, keep="")
    if title:
        cell.append_text(safe("\n" + h.id, style="dim", keep="\n"))
    if h.cited_by:
        cell.append_text(safe("\n" + hit_citing(h), style="dim", keep="\n"))
    # an id longer than the column is folded, never cut: it is what a command takes
    cell.no_wrap, cell.overflow = False, "fold"
    return cell


def hit_records(hits: Iterable[lookup.Hit]) -> RecordSet[lookup.Hit]:
    hits = list(hits)
    fields: dict[str, Field[lookup.Hit]] = {
        "kind": Field("kind", "Kind", lambda h: h.kind),
        "id": Field("id", "Id", lambda h: h.id, cell=lambda h: _hit_cell(h, title=False)),
        "title": Field("title", "Name / title", lambda h: h.title, ratio=3, min_width=14),
        "date": date_field("date", "Date", lambda h: h.date),
        "score": Field("score", "Score", lambda h: str(h.score)),
        "match": Field("match", "Matched", lambda h: h.match, ratio=2, min_width=12),
        "cited_by": list_field("cited_by", "Cited by", lambda h: h.cited_by),
    }
    styles = {"actor": SKY, "place": GREEN, "event": BLUE, "fact": ORANGE, "source": PURPLE}
    return RecordSet(
        kind="result",
        droppable=["match", "date"],
        items=hits,
        fields=fields,
        default_fields=["kind", "id", "title", "date", "score", "match"],
        table_fields=["kind", "id", "title", "date", "match"],
        to_json=lookup.Hit.to_json,
        style=lambda h: styles.get(h.kind),
        empty_message="nothing matches",
        json_keys=["kind", "id", "title", "date", "score", "match", "cited_by"],
        layout=_hit_layout,
        cells={
            "entry": Field(
                "entry",
                "Name / title",
                lambda h: h.title,
                ratio=1,
                min_width=20,
                cell=lambda h: _hit_cell(h, title=True),
            )
        },
        basis=hits,  # what the fixed columns (kind, id, date) fit
        below=_citing_more,
    )


def type_records(data: m.Dataset) -> RecordSet[tuple[str, str]]:
    """The event types, in the model's order, with their meaning and count."""
    counts = Counter(e.type for e in data.events)
    fields: dict[str, Field[tuple[str, str]]] = {
        "type": Field("type", "Type", lambda t: t[0]),
        "meaning": Field("meaning", "Meaning", lambda t: t[1], ratio=4, min_width=20),
        "events": Field("events", "Events", lambda t: str(counts[t[0]])),
    }
    return RecordSet(
        kind="type",
        items=list(m.EVENT_TYPES.items()),
        fields=fields,
        default_fields=["type", "events", "meaning"],
        table_fields=["type", "events", "meaning"],
        to_json=lambda t: {"type": t[0], "meaning": t[1], "events": counts[t[0]]},
        empty_message="no types",
        json_keys=["type", "meaning", "events"],
    )


def tag_records(data: m.Dataset, aftermath: bool = False) -> RecordSet[tuple[str, int]]:
    """Every tag with how many events carry it, most used first."""
    events = data.events + data.aftermath if aftermath else data.events
    counts = Counter(t for e in events for t in e.tags)
    items = sorted(counts.items(), key=lambda tc: (-tc[1], tc[0]))
    fields: dict[str, Field[tuple[str, int]]] = {
        "tag": Field("tag", "Tag", lambda t: t[0]),
        "events": Field("events", "Events", lambda t: str(t[1]), justify="right"),
    }
    return RecordSet(
        kind="tag",
        items=items,
        fields=fields,
        default_fields=["tag", "events"],
        table_fields=["tag", "events"],
        to_json=lambda t: {"tag": t[0], "events": t[1]},
        empty_message="no tags",
        json_keys=["tag", "events"],
        basis=items,
    )
