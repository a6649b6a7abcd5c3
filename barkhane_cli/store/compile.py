"""A checked dataset compiled into one SQLite database, in one transaction.

The public tables (docs/sqlite.md, what ``barkhane export sqlite`` writes; keep the two in step)
hold every entry as columns, join tables for who and where, and full-text search on event
titles and summaries. Tables whose names start with ``_`` are the cache's own: each
record in the JSON form of ``records.py`` (decoded only for the events a query prints),
the JSON output of each event, the folded text ``--search`` looks in, the normalized
text of every entry ``barkhane search`` looks in, and the names completion offers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from barkhane_cli import geo, matching
from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate
from barkhane_cli.errors import DataError
from barkhane_cli.resolve import fold, normalize
from barkhane_cli.store import records
from barkhane_cli.store.key import SAID_META, SCHEMA_VERSION
from barkhane_cli.store.records import KINDS

PUBLIC = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources(id TEXT PRIMARY KEY, title TEXT, publisher TEXT, via TEXT, kind TEXT,
  date TEXT, url TEXT, author TEXT, file TEXT, note TEXT, yours INTEGER, data_file TEXT);
CREATE TABLE actors(id TEXT PRIMARY KEY, name TEXT, short TEXT, kind TEXT, country TEXT,
  start TEXT, "end" TEXT, summary TEXT, aliases TEXT, tags TEXT, yours INTEGER, data_file TEXT);
CREATE TABLE affiliations(actor_id TEXT REFERENCES actors(id), relation TEXT,
  other_actor_id TEXT REFERENCES actors(id), start TEXT, "end" TEXT, note TEXT);
CREATE TABLE places(id TEXT PRIMARY KEY, name TEXT, short TEXT, kind TEXT,
  within TEXT REFERENCES places(id), latitude REAL, longitude REAL, countries TEXT,
  region TEXT, country TEXT, summary TEXT, aliases TEXT, yours INTEGER, data_file TEXT);
CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT,
  "end" TEXT, precision TEXT, end_precision TEXT, first_day TEXT, last_day TEXT,
  first_ordinal INTEGER, last_ordinal INTEGER, title TEXT, summary TEXT, type TEXT,
  attribution TEXT, fatalities INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
  fatalities_note TEXT, counted_in TEXT REFERENCES events(id), disputed TEXT, aftermath INTEGER, latitude REAL, longitude REAL,
  place_id TEXT REFERENCES places(id), point_of TEXT REFERENCES places(id), actors TEXT, perpetrators TEXT, targets TEXT,
  places TEXT, countries TEXT, tags TEXT, names TEXT, words TEXT, yours INTEGER,
  replaces INTEGER, data_file TEXT, fatalities_counted INTEGER);
CREATE TABLE event_actors(event_id TEXT REFERENCES events(id),
  actor_id TEXT REFERENCES actors(id), role TEXT, event_seq INTEGER REFERENCES events(seq));
CREATE TABLE event_places(event_id TEXT REFERENCES events(id),
  place_id TEXT REFERENCES places(id), direct INTEGER,
  event_seq INTEGER REFERENCES events(seq));
CREATE TABLE event_countries(event_id TEXT REFERENCES events(id), country_id TEXT,
  event_seq INTEGER REFERENCES events(seq));
CREATE TABLE event_tags(event_id TEXT REFERENCES events(id), tag TEXT,
  event_seq INTEGER REFERENCES events(seq));
CREATE TABLE event_sources(event_id TEXT REFERENCES events(id),
  source_id TEXT REFERENCES sources(id), quote TEXT, note TEXT,
  event_seq INTEGER REFERENCES events(seq));
CREATE TABLE facts(id TEXT PRIMARY KEY, label TEXT, value REAL, qualifier TEXT, low REAL,
  high REAL, unit TEXT, kind TEXT, since TEXT, as_of TEXT, scope TEXT, category TEXT, cause TEXT,
  headline TEXT, disputed TEXT, note TEXT, aftermath INTEGER, actors TEXT, yours INTEGER,
  data_file TEXT);
CREATE TABLE eras(id TEXT PRIMARY KEY, name TEXT, short TEXT, start TEXT, "end" TEXT,
  kind TEXT, description TEXT, actors TEXT);
CREATE TABLE judgments(id TEXT PRIMARY KEY, quote TEXT, term TEXT, yardstick TEXT,
  probability_low REAL, probability_high REAL, mapping TEXT, topic TEXT, outcome TEXT,
  outcome_date TEXT, outcome_note TEXT, outcome_events TEXT);
CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, names, words, content="events",
  content_rowid="seq", tokenize="porter unicode61 remove_diacritics 2");
"""
INDEXES = """
CREATE INDEX events_days ON events(first_ordinal, last_ordinal);
CREATE INDEX events_type ON events(type);
CREATE INDEX event_actors_actor ON event_actors(actor_id, role, event_seq);
CREATE INDEX event_actors_event ON event_actors(event_seq);
CREATE INDEX event_places_place ON event_places(place_id, direct, event_seq);
CREATE INDEX event_countries_country ON event_countries(country_id, event_seq);
CREATE INDEX event_tags_tag ON event_tags(tag, event_seq);
CREATE INDEX event_sources_source ON event_sources(source_id);
"""
PRIVATE = """
CREATE TABLE _records(kind TEXT NOT NULL, id TEXT, body TEXT NOT NULL);
CREATE INDEX _records_id ON _records(kind, id);  -- a card's few sources, by id (K67)
CREATE TABLE _events(rowid INTEGER PRIMARY KEY, json TEXT NOT NULL, long TEXT,
  origin TEXT NOT NULL, hay TEXT NOT NULL);
CREATE TABLE _names(kind TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL,
  folded TEXT NOT NULL, label TEXT NOT NULL);
CREATE INDEX _names_folded ON _names(kind, folded);
CREATE TABLE _search(kind TEXT NOT NULL, id TEXT NOT NULL, hay TEXT NOT NULL,
  made_of TEXT NOT NULL);
CREATE TABLE _deps(path TEXT NOT NULL, stamp TEXT NOT NULL);
CREATE TABLE _follows(event_seq INTEGER NOT NULL, follows TEXT NOT NULL);
CREATE TABLE _reviewed(event_seq INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE _folded(record TEXT PRIMARY KEY, curated TEXT NOT NULL) WITHOUT ROWID;
"""
# An event's sequels by the id they follow: an event card finds what follows it without
# reading every event's JSON (K79; the scan took 0.7 s at 100,000 events). Made with the
# other indexes, after the rows. _reviewed: each reviewed link (acled_ids, ucdp_ids) by
# the event giving it, so a curated card beside an import finds every event whose links
# take records from the scoring without decoding a million (K86; any event may carry them).
# _folded: each imported record the matcher pairs with a curated event (record id ->
# curated id, matching.owners), worked out once here: a view that counts such a pair once
# (folding.py) reads it, where matching on every query cost 7.6 s a count at 20,000 rows
# (U55). The key names the inputs and the matcher's code (key._CODE), so a changed record
# or rule builds a new store and these pairs with it.
PRIVATE_INDEXES = """
CREATE INDEX _follows_id ON _follows(follows);
"""


def _iso(d: PartialDate | None) -> str | None:
    return d.iso() if d is not None else None


# json.dumps(x, ensure_ascii=False) builds an encoder per call: one, made once, writes
# the same text (the encoder json.dumps makes for these arguments).
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _list(values: Iterable[str]) -> str:
    return _encode(list(values))


def _point(places: dict[str, m.Place], e: m.Event) -> tuple[Any, Any, Any, Any]:
    """Coordinates of the place ``mapping.locate`` chooses (as the maps
    and GeoJSON draw it): latitude, longitude, that place, and whose coordinates they are."""
    from barkhane_cli.mapping import locate

    at = locate(places, e.places)
    if at is None:
        return None, None, None, None
    if at.kind == "country":  # listed, never drawn at a point inside the country
        return None, None, at.place, at.point_of
    return at.lat, at.lon, at.place, at.point_of


def _names(data: m.Dataset, e: m.Event, said: dict[tuple[bool, str], tuple[str, ...]]) -> str:
    """What a reader searches an event by besides its words: the names, short names and
    aliases of its actors and places (and of the countries it lies in), and its tags, so
    Datasette's full-text search finds what `barkhane search` finds. ``said``: each
    actor's and place's names by (is a place, id), kept between calls (an import's
    events name the same few thousand in ~60,000 combinations)."""
    names: list[str] = []
    for place, ids in (
        (False, (*e.actors, *e.perpetrators, *e.targets)),
        (True, (*e.places, *e.countries)),
    ):
        for ident in ids:
            own = said.get((place, ident))
            if own is None:
                own = said[(place, ident)] = _own_names(data, place, ident)
            names += own
    names += (t.replace("-", " ") for t in e.tags)
    return "; ".join(n for n in dict.fromkeys(names) if n)


def _own_names(data: m.Dataset, place: bool, ident: str) -> tuple[str, ...]:
    """An actor's (or a place's) name, short name and aliases; none for an unknown id."""
    if place:
        p = data.places.get(ident)
        return (p.name, p.short or "", *geo.aliases_of(p)) if p is not None else ()
    a = data.actors.get(ident)
    return (a.name, a.short or "", *a.aliases) if a is not None else ()


BATCH = 5000  # events written per executemany: memory stays bounded however large the data


def _words(e: m.Event, names: str) -> str:
    """For the export's full-text index: every beginning (three letters or more) of every
    word `barkhane search` looks in (id, title, summary, dispute, tags) and of the names,
    so Datasette's search for ``kidnap`` finds "kidnappers" and ``peacekeeper``
    "peacekeepers", as barkhane search does (a word matches the start of a word)."""
    from barkhane_cli.search import word_beginnings

    texts = (e.id, e.title, e.summary, e.disputed or "", " ".join(e.tags), names)
    return " ".join(word_beginnings(" ".join(texts)))


def _within(places: dict[str, m.Place], ids: tuple[str, ...]) -> list[tuple[str, int]]:
    """(place, direct) for each place an event names (1) and each containing one (0).
    Only places: a country a place names in free text alone (Doha's Qatar, before the record
    held Qatar) is no place,
    and its row broke the table's reference to places (U32: foreign_key_check, a dead
    link in Datasette); event_countries keeps it."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    for p in ids:
        if p not in seen:
            seen.add(p)
            out.append((p, 1))
    for p in ids:
        for up in (*geo.ancestors(places, p), *getattr(places.get(p), "countries", ())):
            if up not in seen and up in places:
                seen.add(up)
                out.append((up, 0))
    return out


def _event_rows(
    db: sqlite3.Connection,
    data: m.Dataset,
    private: bool,
    progress: Callable[[int], None] | None = None,
) -> int:
    events = sorted(data.events + data.aftermath, key=m.Event.sort_key)
    return write_events(db, data, events, private, progress)


def _bodies(e: m.Event) -> tuple[str, str]:
    """The event's one JSON copy: what --format json prints, and what it is decoded from
    (records.event_from_json) with the two fields the output leaves out; and the text
    --search narrows on, normalized as search.matches compares (apostrophes dropped,
    punctuation as spaces), so a word it finds is always a substring here: a safe
    narrowing."""
    from barkhane_cli.search import event_words

    return _encode(e.to_json()), normalize(event_words(e))


def write_events(
    db: sqlite3.Connection,
    data: m.Dataset,
    events: Iterable[m.Event],
    private: bool,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Every event's rows, in date order (``seq``), written in batches of :data:`BATCH`.

    The join tables key on the integer ``event_seq``; the export also writes the text
    ``event_id`` (for people joining by hand), the store leaves it empty (NULL).
    Returns the longest event's span in days (last minus first day ordinal)."""
    from barkhane_cli.store import reuse

    places = data.places
    rows: list[tuple[Any, ...]] = []
    who: list[tuple[str | None, str, str, int]] = []
    where: list[tuple[str | None, str, int, int]] = []
    countries: list[tuple[str | None, str, int]] = []
    tags: list[tuple[str | None, str, int]] = []
    refs: list[tuple[str | None, str, str | None, str | None, int]] = []
    bodies: list[tuple[int, str, str | None, str, str]] = []
    sequels: list[tuple[int, str]] = []
    reviewed: list[tuple[int, str]] = []

    def flush() -> None:
        db.executemany(f"INSERT INTO events VALUES ({','.join('?' * 37)})", rows)
        db.executemany("INSERT INTO event_actors VALUES (?,?,?,?)", who)
        db.executemany("INSERT INTO event_places VALUES (?,?,?,?)", where)
        db.executemany("INSERT INTO event_countries VALUES (?,?,?)", countries)
        db.executemany("INSERT INTO event_tags VALUES (?,?,?)", tags)
        db.executemany("INSERT INTO event_sources VALUES (?,?,?,?,?)", refs)
        if private:
            db.executemany("INSERT INTO _events VALUES (?,?,?,?,?)", bodies)
            db.executemany("INSERT INTO _follows VALUES (?,?)", sequels)
            db.executemany("INSERT INTO _reviewed VALUES (?,?)", reviewed)
        for batch in (rows, who, where, countries, tags, refs, bodies, sequels, reviewed):
            batch.clear()

    # An export repeats a few thousand places and sides: what depends only on them is
    # worked out once per distinct value (the same result, not once per event).
    points: dict[tuple[str, ...], tuple[Any, Any, Any, Any]] = {}
    within: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    named: dict[tuple[tuple[str, ...], ...], str] = {}
    said: dict[tuple[bool, str], tuple[str, ...]] = {}
    lists: dict[tuple[str, ...], str] = {}

    def listed(values: tuple[str, ...]) -> str:
        text = lists.get(values)
        if text is None:
            text = lists[values] = _list(values)
        return text

    keep = reuse.worth_keeping(len(data.events) + len(data.aftermath))
    seq = span = 0
    for seq, e in enumerate(events, 1):
        span = max(span, e.last - e.first)
        point = points.get(e.places)
        if point is None:
            point = points[e.places] = _point(places, e)
        lat, lon, pid, point_of = point
        names_key = (e.actors, e.perpetrators, e.targets, e.places, e.countries, e.tags)
        names = named.get(names_key)
        if names is None:
            names = named[names_key] = _names(data, e, said)
        rows.append((
            seq, e.id, e.date.iso(), _iso(e.end), e.date.precision,
            e.end.precision if e.end else None, e.first_day().isoformat(),
            e.last_day().isoformat(), e.first, e.last, e.title, e.summary, e.type,
            e.attribution, e.fatalities, e.fatalities_low, e.fatalities_high,
            e.fatalities_note, e.counted_in, e.disputed, int(e.aftermath), lat, lon, pid, point_of,
            listed(e.actors), listed(e.perpetrators), listed(e.targets), listed(e.places),
            listed(e.countries), listed(e.tags), names, None if private else _words(e, names),
            int(e.yours), int(e.replaces), e.origin if e.yours else None, e.counted_field(),
        ))  # fmt: skip
        ident = None if private else e.id
        for role, ids in (
            ("actor", e.actors),
            ("perpetrator", e.perpetrators),
            ("target", e.targets),
        ):
            who.extend((ident, a, role, seq) for a in dict.fromkeys(ids))
        inside = within.get(e.places)
        if inside is None:
            inside = within[e.places] = _within(places, e.places)
        where.extend((ident, p, direct, seq) for p, direct in inside)
        countries.extend((ident, c, seq) for c in e.countries)
        tags.extend((ident, t, seq) for t in dict.fromkeys(e.tags))
        refs.extend((ident, s.id, s.quote, s.note, seq) for s in e.sources)
        if private:
            output, hay = reuse.per_object(_bodies, e) if keep else _bodies(e)
            bodies.append((seq, output, e.long, e.origin, hay))
            sequels.extend((seq, before) for before in dict.fromkeys(e.follows))
            reviewed.extend((seq, record) for record in (*e.acled_ids, *e.ucdp_ids))
        if len(rows) >= BATCH:
            flush()
            if progress is not None:
                progress(seq)
    flush()
    if progress is not None:
        progress(seq)
    db.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
    return span


def _other_rows(db: sqlite3.Connection, data: m.Dataset) -> None:
    from barkhane_cli.store.files import shipped_origins

    is_shipped = shipped_origins()

    def whose(origin: str) -> tuple[int, str | None]:
        """yours and data_file, as an event's (U61 #9: only events said they were the
        user's; a source of the user's file looked like the record's own)."""
        return (0, None) if is_shipped(origin) else (1, origin)

    db.executemany(
        "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (s.id, s.title, s.publisher, s.via, s.kind, _iso(s.date), s.url, s.author, s.file,
             s.note, *whose(s.origin))
            for s in data.sources.values()
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (a.id, a.name, a.short, a.kind, a.country, _iso(a.start), _iso(a.end), a.summary,
             _list(a.aliases), _list(a.tags), *whose(a.origin))
            for a in data.actors.values()
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO affiliations VALUES (?,?,?,?,?,?)",
        [
            (a.id, f.relation, f.actor, _iso(f.start), _iso(f.end), f.note)
            for a in data.actors.values()
            for f in a.affiliations
        ],
    )
    db.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (p.id, p.name, p.short, p.kind, p.within, p.lat, p.lon, _list(p.countries),
             p.region, p.country, p.summary, _list(p.aliases), *whose(p.origin))
            for p in data.places.values()
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (f.id, f.label, f.value, f.qualifier, f.low, f.high, f.unit, f.kind,
             f.since.iso() if f.since else None, f.as_of.iso(), f.scope,
             f.category, f.cause, f.headline, f.disputed, f.note, int(f.aftermath),
             _list(f.actors), *whose(f.origin))
            for f in data.facts.values()
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO eras VALUES (?,?,?,?,?,?,?,?)",
        [
            (r.id, r.name, r.short, r.start.iso(), _iso(r.end), r.kind, r.description,
             _list(r.actors))
            for r in data.eras.values()
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO judgments VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (j.id, j.quote, j.term, j.yardstick, j.probability[0], j.probability[1], j.mapping,
             j.topic, j.outcome, _iso(j.outcome_date), j.outcome_note, _list(j.outcome_events))
            for j in data.judgments.values()
        ],
    )  # fmt: skip


def _private_rows(db: sqlite3.Connection, data: m.Dataset, deps: Sequence[tuple[str, Any]]) -> None:
    from barkhane_cli.store import reuse

    db.executemany(
        "INSERT INTO _records VALUES (?,?,?)",
        [
            (kind, entry.id, reuse.per_object(records.dumps, entry))
            for kind in KINDS
            for entry in getattr(data, kind).values()
        ],
    )
    db.execute("INSERT INTO _records VALUES ('replaced', NULL, ?)", (records.dumps(data.replaced),))
    names = []
    # a country answers to its ISO codes too (geo.aliases_of), in completion as in lookups
    for kind, entries in (("actors", data.actors.values()), ("places", data.places.values())):
        for x in entries:
            said = geo.aliases_of(x) if isinstance(x, m.Place) else x.aliases
            for value in dict.fromkeys((x.id, x.name, *said)):
                names.append((kind, x.id, value, fold(value), x.name))
    for p in data.places.values():
        if p.kind == "country":
            for value in dict.fromkeys((p.id, p.name, *geo.aliases_of(p))):
                names.append(("countries", p.id, value, fold(value), p.name))
    db.executemany("INSERT INTO _names VALUES (?,?,?,?,?)", names)
    events = (("events", e.id, e.id, fold(e.id), e.title) for e in data.events + data.aftermath)
    db.executemany("INSERT INTO _names VALUES (?,?,?,?,?)", events)
    facts = (("facts", f.id, f.id, fold(f.id), f.label) for f in data.facts.values())
    db.executemany("INSERT INTO _names VALUES (?,?,?,?,?)", facts)
    # what search finds words in, normalized once here rather than on every search, and
    # not again for an entry an earlier build indexed (reuse.py)
    db.executemany("INSERT INTO _search VALUES (?,?,?,?)", reuse.search_rows(data))
    db.executemany("INSERT INTO _deps VALUES (?,?)", [(p, json.dumps(s)) for p, s in deps])
    db.executemany("INSERT INTO _folded VALUES (?,?)", sorted(matching.owners(data).items()))


def build(
    path: str,
    data: m.Dataset,
    *,
    private: bool = True,
    key: str = "",
    deps: Sequence[tuple[str, Any]] = (),
    progress: Callable[[int], None] | None = None,
    said: Sequence[str] = (),
    layers: Sequence[str] = (),
) -> None:
    """Write the database at ``path`` (a new file), all in one transaction; ``progress``
    is told how many events are written, batch by batch; ``said``: the lines reading
    its exports said on stderr, which every run from the store says again (meta
    ``said``, store.exports.SAID); ``layers``: the user's files over the record, in
    layer order, which an export names in its meta (LAYERS_META)."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("BEGIN")
        for statement in (PUBLIC + (PRIVATE if private else "")).split(";"):
            if statement.strip():
                db.execute(statement)
        meta = {EXPORT_META: str(SCHEMA_VERSION)}
        if private:  # the store's own key: no row of it in an export (it would be empty)
            meta["key"] = key
            if said:
                meta[SAID_META] = "\n".join(said)
        else:
            meta[LAYERS_META] = json.dumps(list(layers), ensure_ascii=False)
        db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        _other_rows(db, data)
        span = _event_rows(db, data, private, progress)
        if private:
            _private_rows(db, data, deps)
            db.execute("INSERT INTO meta VALUES ('max_span', ?)", (str(span),))
        for statement in (INDEXES + (PRIVATE_INDEXES if private else "")).split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("COMMIT")
    finally:
        db.close()


# The rows of an export's meta table (the store has its key and max_span instead of
# LAYERS_META): how `export sqlite` tells an earlier export, which it may replace, from a
# database of the user's own (a Datasette file), which it must not.
EXPORT_META = "schema_version"
# the user's files layered over the record (--data, BARKHANE_DATA), a JSON array in layer
# order: what the events' data_file names (U54 #10); exports before schema 19 lack it
LAYERS_META = "data_files"


def is_export(path: Path) -> bool:
    """Whether ``path`` is a database ``write_public`` wrote, of any schema version: a
    meta table holding a numeric schema_version and no row but an export's. The file is
    opened read-only and immutable, so that not even a journal or lock file appears
    beside a user's database."""
    uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
    try:
        db = sqlite3.connect(uri, uri=True)
        try:
            rows = dict(db.execute("SELECT key, value FROM meta LIMIT 3").fetchall())
        finally:
            db.close()
    except sqlite3.Error:  # no meta table as ours, or not a database we can read
        return False
    return set(rows) <= {EXPORT_META, LAYERS_META} and str(rows.get(EXPORT_META)).isdigit()


def write_public(target: Path, data: m.Dataset, layers: Sequence[str] = ()) -> None:
    """``barkhane export sqlite``: the public tables only, written whole or not at all;
    ``layers``: the user's files over the record (build)."""
    from barkhane_cli import atomic
    from barkhane_cli.store import progress

    total = len(data.events) + len(data.aftermath)
    try:
        with atomic.replacing(target, "export") as tmp, progress.bar("exporting", total) as bar:
            build(tmp, data, private=False, progress=bar, layers=layers)
    except UnicodeEncodeError:
        raise DataError(
            f"export {atomic.shown(target)}: the data holds text that is not UTF-8 (a file "
            "name?), which SQLite cannot store; nothing was written"
        ) from None
    except sqlite3.Error as exc:  # SQLite's own "database or disk is full", say
        raise DataError(
            f"export {atomic.shown(target)}: cannot write it ({exc}); nothing was changed"
        ) from None
