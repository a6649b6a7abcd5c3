"""Reading a compiled store: the queries the commands need.

SQL narrows: indexes on the day ordinals and the event–actor (with role), event–place,
event–country and event–tag tables (keyed on the integer ``event_seq``) pick the
candidate events, whose JSON is decoded and checked by ``query.matches``, the one
definition of what a filter means. For the filters SQL answers exactly (:data:`EXACT`),
``texts`` streams each event's stored JSON without decoding it; tests check that both
give the same bytes, so an answer from the store never differs from one from the TOML.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from barkhane_cli import model as m
from barkhane_cli import query, roles
from barkhane_cli import search as search_text
from barkhane_cli.errors import DataError
from barkhane_cli.resolve import fold, normalize
from barkhane_cli.store import records
from barkhane_cli.store.key import SAID_META, SCHEMA_VERSION, stamp
from barkhane_cli.store.records import KINDS
from barkhane_cli.store.tables import Table

# Tables and events this process already decoded, by the key of the store they came
# from (the key names the exact inputs and code a store was built from, so every store
# with that key holds the same records): a second load in one process (an import's
# matching and its warm-up, a library caller's repeated loads, the test suite) does not
# decode the same JSON again. Records are immutable; each load gets containers of its
# own. Only the stores of the last two keys are kept.
_DECODED: dict[str, dict[str, Any]] = {}
DECODED_KEYS = 2
T = TypeVar("T")
# What an event is decoded from (Store._event_decoder), as a query selects it
_BODY = "b.rowid, b.json, b.long, b.origin"


def _decoded(key: str | None) -> dict[str, Any] | None:
    """What this process decoded from the stores named ``key`` (marked most recent)."""
    if key is None:
        return None
    known = _DECODED.pop(key, None)
    if known is None:
        known = {}
        while len(_DECODED) >= DECODED_KEYS:
            del _DECODED[next(iter(_DECODED))]
    _DECODED[key] = known
    return known


def forget_decoded() -> None:
    """Drop every record this process decoded from a store."""
    _DECODED.clear()


class Store:
    """An open, checked store (read-only)."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None = None, key: str | None = None
    ) -> None:
        self.conn = conn
        self.path = path
        self.key = key  # the inputs it was built from (None: not known to be checked)
        self.output: dict[str, str] = {}  # event id -> its JSON text, for events selected
        self.max_span: int | None = None  # the longest event, in days (the meta row)
        # what reading its exports said on stderr when it was built, said by each run
        self.said: list[str] = []

    def rows(self, sql: str, args: Any = ()) -> Iterator[Any]:
        """The rows of a query. A store damaged on disk (a bad page, a truncated file) is
        removed and said in one line; the next run rebuilds it from the data files, rather
        than every later command failing until someone deletes the cache by hand."""
        try:
            yield from self.conn.execute(sql, args)
        except sqlite3.ProgrammingError:
            # a caller's slip (a table looked up by id after close()), not damage on disk:
            # the file stays
            raise
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            where = "" if self.path is None else f" {self.path}"
            if self.path is not None:
                with contextlib.suppress(OSError):
                    os.unlink(self.path)
            raise DataError(
                f"the compiled store{where} is damaged ({exc}); it was removed, and the next "
                "run rebuilds it from the data files"
            ) from None

    @classmethod
    def open(cls, path: Path, key: str) -> Store | None:
        """The store at ``path`` if it is one built from these inputs, else None.

        Anything else there (a foreign or truncated file, another schema, a seed file
        changed since) is ignored: the caller rebuilds it. Nothing in the file can run.
        """
        if not path.is_file():
            return None
        # quote the path's bytes: a folder name that is not UTF-8 must not stop the open
        uri = "file:" + urllib.parse.quote(os.fsencode(path)) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error:
            return None
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA query_only = ON")
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("schema_version") != str(SCHEMA_VERSION) or meta.get("key") != key:
                conn.close()
                return None
            for dep, saved in conn.execute("SELECT path, stamp FROM _deps"):
                now = stamp(dep)
                if now is None or list(now) != json.loads(saved):
                    conn.close()
                    return None
        except (sqlite3.Error, ValueError, TypeError):
            conn.close()
            return None
        with contextlib.suppress(OSError):  # recently used stores are kept when pruning
            os.utime(path)
        store = cls(conn, path, key)
        with contextlib.suppress(ValueError, TypeError):
            store.max_span = int(meta["max_span"])
        store.said = meta.get(SAID_META, "").splitlines()
        return store

    def light(self) -> m.Dataset:
        """Every table except the events: what resolving names and drawing cards need.
        Each table is decoded when first read (see :class:`LightDataset`)."""
        return LightDataset(self)

    def table(self, kind: str) -> Any:
        """One small table (sources, actors, ...) by id, or ``replaced``, decoded."""
        value = self._once(kind, lambda: self._table(kind))
        return value if kind == "replaced" else dict(value)

    def record(self, kind: str, ident: str) -> Any:
        """One record of a small table by its id (the ``_records_id`` index), decoded, or
        None: a card reads the few sources it cites, not the 10,780 (K67). From the table
        when this process decoded it whole already, else remembered as ``table`` is."""
        known = _decoded(self.key)
        if known is not None and kind in known:
            return known[kind].get(ident)
        by_id: dict[str, Any] = self._once(f"{kind}-by-id", dict)
        if ident not in by_id:
            if not isinstance(ident, str):  # no such key in a table of ids
                return None
            sql = "SELECT body FROM _records WHERE kind = ? AND id = ?"
            try:
                bodies = [body for (body,) in self.rows(sql, (kind, ident))]
            except UnicodeEncodeError:
                # a name not UTF-8 (a lone surrogate) cannot be bound, and no id has one: a
                # miss, as the dict said it before (the command line refuses such a name
                # first, since K70; a caller of the library may still pass one)
                bodies = []
            decode = records.record_decoder(KINDS[kind])
            by_id[ident] = decode(json.loads(bodies[0])) if bodies else None
        return by_id[ident]

    def _table(self, kind: str) -> Any:
        rows = self.rows("SELECT body FROM _records WHERE kind = ? ORDER BY rowid", (kind,))
        if kind == "replaced":
            return next((tuple((r[0], r[1], r[2]) for r in json.loads(b)) for (b,) in rows), ())
        decode = records.record_decoder(KINDS[kind])
        entries = (decode(json.loads(body)) for (body,) in rows)
        return {entry.id: entry for entry in entries}

    def dataset(self) -> m.Dataset:
        """The whole dataset, as the TOML path builds it."""
        data = self.light()
        events, aftermath = self._once("events", self._events)
        data.events, data.aftermath = list(events), list(aftermath)
        return data

    def _events(self) -> tuple[tuple[m.Event, ...], tuple[m.Event, ...]]:
        """Every event, decoded: the core ones and the aftermath, in the stored order."""
        core: list[m.Event] = []
        aftermath: list[m.Event] = []
        event = self._event_decoder()
        for row in self.rows("SELECT rowid, json, long, origin FROM _events ORDER BY rowid"):
            e = event(*row)
            (aftermath if e.aftermath else core).append(e)
        return tuple(core), tuple(aftermath)

    def _event_decoder(self, keep: bool = True) -> Callable[[int, str, str | None, str], m.Event]:
        """The event of a stored row (rowid, json, long, origin), decoded once in this
        process for this store's key (see _DECODED): a run that selects more than once (a
        table's footer counts what --limit cut and the aftermath hides, a second pass
        over the same store: ~60 ms for the record's 1,556 events each) and a process
        that runs many (a library caller, the test suite) decode each event's JSON once.
        ``keep`` false: an event not decoded yet is not remembered either (see stream)."""
        known: dict[int, m.Event] = self._once("events-by-row", dict)
        decode = records.event_from_json

        def event(row: int, text: str, long: str | None, origin: str) -> m.Event:
            e = known.get(row)
            if e is None:
                e = decode(text, long, origin)
                if keep:
                    known[row] = e
            return e

        return event

    def event(self, ident: str) -> m.Event | None:
        """The event whose id is ``ident`` (the events table's unique index), decoded, or
        None: a card of an id as `timeline` prints it reads that event, not a million
        (K79)."""
        sql = f"SELECT {_BODY} FROM events e JOIN _events b ON b.rowid = e.rowid WHERE e.id = ?"
        try:
            rows = list(self.rows(sql, (ident,)))
        except UnicodeEncodeError:  # a lone surrogate binds to nothing, and is no id
            rows = []
        event = self._event_decoder()
        return next((event(*row) for row in rows), None)

    def sharing(
        self,
        actors: Sequence[str],
        first: int,
        last: int,
        places: Sequence[str],
        ids: Sequence[str],
        followed: str,
    ) -> Iterator[m.Event]:
        """Every event naming one of ``actors`` whose span meets the days ``first`` to
        ``last`` (ordinals), or naming one of ``places`` itself, or whose id is in
        ``ids``, or that follows the event ``followed``: in the record's order (the core
        events, then the aftermath, each as stored: ``dataset``'s). Candidates for a
        caller's own rule (lookup.related_pool); each decoded as it is read, none kept."""
        lower = "" if self.max_span is None else " AND n.first_ordinal >= ?"
        sql = (
            f"SELECT {_BODY} FROM events e JOIN _events b ON b.rowid = e.rowid WHERE e.seq IN ("
            "SELECT n.seq FROM events n WHERE n.first_ordinal <= ? AND n.last_ordinal >= ?"
            f"{lower} AND EXISTS (SELECT 1 FROM event_actors a WHERE a.event_seq = n.seq "
            "AND a.role = 'actor' AND a.actor_id IN (SELECT value FROM json_each(?))) "
            "UNION SELECT event_seq FROM event_places WHERE direct = 1 "
            "AND place_id IN (SELECT value FROM json_each(?)) "
            "UNION SELECT seq FROM events WHERE id IN (SELECT value FROM json_each(?)) "
            "UNION SELECT event_seq FROM _follows WHERE follows = ?"
            ") ORDER BY e.aftermath, e.rowid"
        )
        args: list[Any] = [last, first]
        if self.max_span is not None:
            # no event is longer than max_span days: the index reads the days' range
            args.append(first - self.max_span)
        args += [json.dumps(list(actors)), json.dumps(list(places)), json.dumps(list(ids))]
        args.append(followed)
        event = self._event_decoder(keep=False)
        for row in self.rows(sql, args):
            yield event(*row)

    def reviewing(self) -> list[m.Event]:
        """The core events giving reviewed links (acled_ids, ucdp_ids), in the record's
        order, from the private _reviewed table: what matching.match links first, any
        event may carry them (K86). Each decoded as read, none kept."""
        sql = (
            f"SELECT {_BODY} FROM events e JOIN _events b ON b.rowid = e.rowid WHERE "
            "e.aftermath = 0 AND e.seq IN (SELECT event_seq FROM _reviewed) ORDER BY e.rowid"
        )
        return self._decoded_rows(sql, [])

    def events_of(self, ids: Sequence[str]) -> list[m.Event]:
        """The events whose ids are in ``ids`` (those there are), in the record's order
        (the core events, then the aftermath). Each decoded as read, none kept."""
        sql = (
            f"SELECT {_BODY} FROM events e JOIN _events b ON b.rowid = e.rowid WHERE "
            "e.id IN (SELECT value FROM json_each(?)) ORDER BY e.aftermath, e.rowid"
        )
        return self._decoded_rows(sql, [json.dumps(list(ids))])

    def beginning(self, prefixes: Sequence[str], first: int, last: int) -> list[m.Event]:
        """The events whose ids begin with one of ``prefixes`` (ASCII) and whose span
        meets the days ``first`` to ``last`` (ordinals), in the record's order (the core
        events, then the aftermath). Each decoded as read, none kept."""
        began, args = _begins(prefixes)
        lower = "" if self.max_span is None else " AND e.first_ordinal >= ?"
        sql = (
            f"SELECT {_BODY} FROM events e JOIN _events b ON b.rowid = e.rowid WHERE "
            f"e.first_ordinal <= ? AND e.last_ordinal >= ?{lower} AND ({began}) "
            "ORDER BY e.aftermath, e.rowid"
        )
        window: list[Any] = [last, first]
        if self.max_span is not None:
            # no event is longer than max_span days: the index reads the days' range
            window.append(first - self.max_span)
        return self._decoded_rows(sql, window + args)

    def core_but(self, prefixes: Sequence[str]) -> tuple[m.Event, ...]:
        """The core events whose ids begin with none of ``prefixes`` (ASCII), in the
        record's order: the curated events beside an import (a few thousand, read by the
        id index around the import's ids), decoded once in this process."""

        def read() -> tuple[m.Event, ...]:
            outside, args = _outside(prefixes)
            sql = (
                f"SELECT {_BODY} FROM events e JOIN _events b ON b.rowid = e.rowid WHERE "
                f"e.aftermath = 0 AND ({outside}) ORDER BY e.rowid"
            )
            return tuple(self._decoded_rows(sql, args, keep=True))

        return self._once(f"core-but-{prefixes}", read)

    def _decoded_rows(self, sql: str, args: Sequence[Any], keep: bool = False) -> list[m.Event]:
        event = self._event_decoder(keep)
        return [event(*row) for row in self.rows(sql, args)]

    def event_titles(self) -> list[tuple[str, str]]:
        """(id, title) of every event, in the record's order (the core events, then the
        aftermath: the order ``compile`` wrote ``_names`` in), none decoded: what `event
        NAME` resolves a name by (K83: the resolver was built from a million decoded
        events to read two fields of each)."""
        sql = "SELECT id, label FROM _names WHERE kind = 'events' ORDER BY rowid"
        return list(self.rows(sql))

    def event_kinds(
        self, types: Sequence[str], first: int, last: int, most: int
    ) -> list[tuple[str, str, str, str, str, str]]:
        """(id, title, type, date, tags and countries as JSON) of each event of one of
        ``types`` or begun from ``first`` to ``last`` (ordinals), none decoded: what `event NAME` ranks
        a guessed name's events by (U39: `event "august 2020 coup"` opened the AU's
        suspension, whose title holds the words, before the coup of that month). At most
        ``most`` + 1, in no order: more tells the caller there are too many to rank, and
        an order would sort them all (an import's hundreds of thousands of attacks)."""
        typed = ", ".join("?" * len(types))
        sql = (
            "SELECT id, title, type, date, tags, countries FROM events WHERE "
            f"type IN ({typed}) OR (first_ordinal BETWEEN ? AND ?) LIMIT ?"
        )
        return list(self.rows(sql, [*types, first, last, most + 1]))

    def event_ids(self, aftermath: bool) -> Iterator[str]:
        """The ids of the core events (or of the aftermath's), in ``dataset``'s order."""
        sql = "SELECT id FROM events WHERE aftermath = ? ORDER BY rowid"
        return (ident for (ident,) in self.rows(sql, (int(aftermath),)))

    def ids_begin(self, prefixes: Sequence[str]) -> bool:
        """Whether an event's id begins with one of ``prefixes`` (ASCII), by the id index
        (_begins)."""
        began, args = _begins(prefixes)
        return any(True for _ in self.rows(f"SELECT 1 FROM events e WHERE {began} LIMIT 1", args))

    def folded(self) -> dict[str, str]:
        """Each imported record the matcher pairs with a curated event (record id ->
        curated id), as the build worked them out (compile's _folded, matching.owners):
        read, never matched, by a query (folding.py). Read once per store key in a
        process; the caller gets its own copy."""
        sql = "SELECT record, curated FROM _folded"
        return dict(self._once("folded", lambda: dict(self.rows(sql))))

    def hays(self) -> dict[tuple[str, str], str]:
        """search.index as compiled: (kind, id) -> the text search finds words in."""
        sql = "SELECT kind, id, hay FROM _search"
        return self._once(
            "hays", lambda: {(kind, ident): hay for kind, ident, hay in self.rows(sql)}
        )

    def made_hays(self) -> Iterator[tuple[str, str]]:
        """(made_of, haystack) of every entry indexed: what a build of the same code
        reuses (store/reuse.py)."""
        return self.rows("SELECT made_of, hay FROM _search")

    def tags(self, aftermath: bool = False) -> set[str]:
        """Every tag on a core event (and on an aftermath one, with ``aftermath``). Read
        once per store key in a process: the query scans every event's tags (~3 ms), and
        each --tag or --not-tag query asked it again."""
        sql = "SELECT DISTINCT t.tag FROM event_tags t JOIN events e ON e.seq = t.event_seq"
        sql += "" if aftermath else " WHERE e.aftermath = 0"
        return set(self._once(f"tags-{aftermath}", lambda: frozenset(t for (t,) in self.rows(sql))))

    def _once(self, name: str, read: Callable[[], T]) -> T:
        """``read()``, remembered under ``name`` for this store's key in this process
        (see _DECODED): what callers may change they are given a copy of."""
        known = _decoded(self.key)
        if known is None:
            return read()
        if name not in known:
            known[name] = read()
        value: T = known[name]
        return value

    def _narrow(self, data: m.Dataset, q: query.EventQuery) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []

        def within(
            column: str, table: str, values: Any, extra: str = "", negated: bool = False
        ) -> None:
            where.append(
                f"e.seq {'NOT IN' if negated else 'IN'} (SELECT event_seq FROM {table} "
                f"WHERE {extra}{column} IN (SELECT value FROM json_each(?)))"
            )
            args.append(json.dumps(sorted(values)))

        if not q.aftermath:
            where.append("e.aftermath = 0")
        if q.first is not None:
            where.append("e.last_ordinal >= ?")
            args.append(q.first)
        if q.last is not None:
            where.append("e.first_ordinal <= ?")
            args.append(q.last)
        if q.first is not None and self.max_span is not None:
            # No event is longer than max_span days: a lower bound on first_ordinal too,
            # so the index reads the window's range, not every earlier event
            where.append("e.first_ordinal >= ?")
            args.append(q.first - self.max_span)
        if q.types:
            where.append("e.type IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(sorted(q.types)))
        if q.actors:
            within("actor_id", "event_actors", q.actors, "role = 'actor' AND ")
        for wanted, role in ((q.perpetrators, "perpetrator"), (q.targets, "target")):
            if wanted:
                within(
                    "actor_id",
                    "event_actors",
                    _rolled_up_from(data, wanted),
                    f"role = '{role}' AND ",
                )
        if q.places:
            within("place_id", "event_places", set().union(*q.places), "direct = 1 AND ")
        if q.countries:
            within("country_id", "event_countries", q.countries)
        if q.tags or q.not_tags:
            stored = self.tags(True)
            if q.tags:
                within("tag", "event_tags", {t for t in stored if normalize(t) in q.tags})
            if q.not_tags:
                left_out = {t for t in stored if normalize(t) in q.not_tags}
                within("tag", "event_tags", left_out, negated=True)
        if q.folded:
            # the imported records counted as their curated events (folding.py): one
            # parameter however many, as the search's words
            where.append("e.id NOT IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(sorted(q.folded)))
        if q.search:
            # Candidates hold every plain word of the query; query.matches then applies
            # the whole rule (words in any order, phrases) to them.
            # One parameter however many words (a clause per word overflowed SQLite's
            # expression depth at about a thousand).
            where.append(
                "NOT EXISTS (SELECT 1 FROM json_each(?) w WHERE instr(b.hay, w.value) = 0)"
            )
            args.append(json.dumps(search_text.plain_words(q.search)))
        return " AND ".join(where) or "1", args

    def _sql(self, data: m.Dataset, q: query.EventQuery, columns: str) -> tuple[str, list[Any]]:
        where, args = self._narrow(data, q)
        order = "DESC" if q.reverse else "ASC"
        sql = (
            f"SELECT {columns} FROM events e JOIN _events b ON b.rowid = e.rowid "
            f"WHERE {where} ORDER BY e.rowid {order}"
        )
        return sql, args

    def select(self, data: m.Dataset, q: query.EventQuery, keep: bool = True) -> Iterator[m.Event]:
        """What ``query.select`` gives over the whole dataset, reading only candidates.
        ``keep`` false: nothing of an event outlives the caller's hold on it, neither the
        decoded event nor its text (``output``), for a view that folds a million events
        into a few counts (summary, K75: 2.67 GiB when they were all kept)."""
        if q.limit == 0:
            return
        sql, args = self._sql(data, q, _BODY)
        event = self._event_decoder(keep)
        count = 0
        for row, text, long, origin in self.rows(sql, args):
            e = event(row, text, long, origin)
            if query.matches(e, q):
                if keep:
                    self.output[e.id] = text
                yield e
                count += 1
                if q.limit is not None and count >= q.limit:
                    return

    def count_among(self, data: m.Dataset, q: query.EventQuery, ids: Iterable[str]) -> int | None:
        """How many of the events whose ids are in ``ids`` ``select`` gives (its limit
        aside), by SQL alone, none decoded: the paired records a query folds (folding.py);
        None when the query has a filter SQL does not answer exactly (see EXACT)."""
        if not exact(q):
            return None
        where, args = self._narrow(data, q)
        sql = (
            "SELECT count(*) FROM events e JOIN _events b ON b.rowid = e.rowid WHERE "
            f"e.id IN (SELECT value FROM json_each(?)) AND {where}"
        )
        ((counted,),) = self.rows(sql, [json.dumps(sorted(ids)), *args])
        return int(counted)

    def texts(self, data: m.Dataset, q: query.EventQuery) -> Iterator[str] | None:
        """The stored JSON of each event ``select`` gives, in its order, without decoding
        one; None when the query has a filter SQL does not answer exactly (see EXACT)."""
        if not exact(q):
            return None
        return self._texts(data, q)

    def _texts(self, data: m.Dataset, q: query.EventQuery) -> Iterator[str]:
        if q.limit == 0:
            return
        sql, args = self._sql(data, q, "b.json")
        if q.limit is not None:
            sql += " LIMIT ?"
            args.append(q.limit)
        for (text,) in self.rows(sql, args):
            yield text

    def names(self, kind: str, incomplete: str) -> list[tuple[str, str]]:
        """(id, label) of the entries an id, name or alias of which starts with the text,
        or has a word that does, accents and case aside: ``goi`` finds ``assimi-goita``."""
        typed = fold(incomplete)
        out: dict[str, str] = {}
        rows = self.rows("SELECT id, folded, label FROM _names WHERE kind = ?", (kind,))
        for ident, folded, label in rows:
            if ident in out:
                continue
            if folded.startswith(typed) or any(
                w.startswith(typed) for w in folded.replace("-", " ").split()
            ):
                out[ident] = label
        return sorted(out.items())

    def close(self) -> None:
        self.conn.close()


class LightDataset(m.Dataset):
    """A dataset from a store whose small tables are read on first use: a timeline in
    JSON reads no source, fact or era, so it does not pay for decoding 2,000 records
    (start-up, issue 23), and a card looks up the few it shows by id, the table decoded
    whole only once something walks it (store/tables.py, K67). Read or compared, it is
    the dataset ``light`` used to build."""

    __slots__ = ("_store",)

    def __init__(self, store: Store) -> None:  # not the dataclass's: tables stay unset
        self._store = store
        self.events = []
        self.aftermath = []

    def __getattr__(self, name: str) -> Any:  # only for a table not read yet
        if name not in KINDS and name != "replaced":
            raise AttributeError(name)
        store = self._store
        if name == "replaced":
            value = store.table(name)
        else:  # read by id, or whole once walked (store/tables.py)
            value = Table(partial(store.record, name), partial(store.table, name))
        setattr(self, name, value)
        return value

    def memo(self, name: str) -> dict[str, Any] | None:
        # kept with what this process decoded from stores of this key (_DECODED): the
        # tables are that store's, never changed in place, and go with it
        memo: dict[str, Any] = self._store._once(f"memo-{name}", dict)
        return memo

    def with_events(self) -> m.Dataset:
        # a command selecting its events apart (Loaded.select) keeps none here: they are
        # decoded from this store, open already, not from the files read a second time
        return self._store.dataset() if not self.events else self

    def __eq__(self, other: object) -> bool:
        # equal to the same data read from the TOML files (a plain Dataset) too
        if not isinstance(other, m.Dataset):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(m.Dataset))

    __hash__ = None  # type: ignore[assignment]  # as a dataclass with eq: mutable


def _begins(prefixes: Sequence[str]) -> tuple[str, list[str]]:
    """SQL that an event's id (``e.id``) begins with one of ``prefixes`` (ASCII), by the
    id index: an id begins with ``p`` when it sorts from ``p`` up to, not including,
    ``p`` with its last character's next."""
    sql = " OR ".join("(e.id >= ? AND e.id < ?)" for _ in prefixes) or "0"
    args = [x for p in prefixes for x in (p, p[:-1] + chr(ord(p[-1]) + 1))]
    return sql, args


def _outside(prefixes: Sequence[str]) -> tuple[str, list[str]]:
    """SQL that an event's id (``e.id``) begins with none of ``prefixes`` (ASCII, none
    the beginning of another): the gaps before, between and after _begins' ranges, so
    the id index reads only them."""
    _, bounds = _begins(sorted(prefixes))  # low, high, low, high, ...
    gaps = ["(e.id >= ? AND e.id < ?)"] * len(prefixes) + ["e.id >= ?"]
    return " OR ".join(gaps), ["", *bounds]


def _rolled_up_from(data: m.Dataset, wanted: frozenset[str]) -> set[str]:
    """Every actor that can count for one of ``wanted`` at some date (a superset of
    ``roles.counts_for``, which also checks the dates, for the candidates)."""
    below: dict[str, set[str]] = {}
    for a in data.actors.values():
        for aff in a.affiliations:
            if roles.rolls_up(a, aff):
                below.setdefault(aff.actor, set()).add(a.id)
    out, todo = set(wanted), list(wanted)
    while todo:
        for child in below.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


# The EventQuery fields whose SQL in ``Store._narrow`` is exactly what ``query.matches``
# does with them (date window, type, actor, place, country, tag and tag left out, the
# aftermath switch, the imported records folded into their curated events)
# and those that only order or cut the result. Declared once: a field not listed here,
# such as a filter added later, sends every query that sets it to the decoding path
# (``select``), so it is correct without a change here.
EXACT = frozenset(
    {"first", "last", "types", "actors", "places", "countries", "tags", "not_tags", "aftermath"}
    | {"folded"}
    | {"limit", "reverse", "_actors"}
)


def exact(q: query.EventQuery) -> bool:
    """Whether SQL alone gives ``query.select``'s answer: no field outside EXACT is set."""
    for f in dataclasses.fields(q):
        if f.name in EXACT:
            continue
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:  # a field with no default cannot be "not set"
            return False
        if getattr(q, f.name) != default:
            return False
    return True
