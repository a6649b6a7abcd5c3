"""Reading a compiled store: the queries the commands need.

SQL only narrows: indexes on the day ordinals and the event–actor (with role),
event–place, event–country and event–tag tables pick the candidate events, whose records
are decoded and checked by ``query._matches``, the one definition of what a filter means.
So an answer from the store can never differ from an answer from the TOML files.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from barkhane_cli import model as m
from barkhane_cli import query, roles
from barkhane_cli import search as search_text
from barkhane_cli.errors import DataError
from barkhane_cli.resolve import fold, normalize
from barkhane_cli.store import records
from barkhane_cli.store.key import SCHEMA_VERSION, stamp
from barkhane_cli.store.records import KINDS


class Store:
    """An open, checked store (read-only)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self.output: dict[str, str] = {}  # event id -> its JSON text, for events selected

    def rows(self, sql: str, args: Any = ()) -> Iterator[Any]:
        """The rows of a query. A store damaged on disk (a bad page, a truncated file) is
        removed and said in one line; the next run rebuilds it from the data files, rather
        than every later command failing until someone deletes the cache by hand."""
        try:
            yield from self.conn.execute(sql, args)
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
        return cls(conn, path)

    def light(self) -> m.Dataset:
        """Every table except the events: what resolving names and drawing cards need."""
        tables: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        decoders = {kind: records.record_decoder(cls) for kind, cls in KINDS.items()}
        replaced: tuple[tuple[str, str, str], ...] = ()
        for kind, body in self.rows("SELECT kind, body FROM _records ORDER BY rowid"):
            if kind == "replaced":
                replaced = tuple((r[0], r[1], r[2]) for r in json.loads(body))
                continue
            entry = decoders[kind](json.loads(body))
            tables[kind][entry.id] = entry
        data = m.Dataset(replaced=replaced)
        for kind, entries in tables.items():
            setattr(data, kind, entries)
        return data

    def dataset(self) -> m.Dataset:
        """The whole dataset, as the TOML path builds it."""
        data = self.light()
        decode = records.record_decoder(m.Event)
        for (body,) in self.rows("SELECT body FROM _events ORDER BY rowid"):
            e = decode(json.loads(body))
            (data.aftermath if e.aftermath else data.events).append(e)
        return data

    def tags(self, aftermath: bool = False) -> set[str]:
        sql = "SELECT DISTINCT t.tag FROM event_tags t JOIN events e ON e.id = t.event_id"
        rows = self.rows(sql + ("" if aftermath else " WHERE e.aftermath = 0"))
        return {t for (t,) in rows}

    def _narrow(self, data: m.Dataset, q: query.EventQuery) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []

        def within(column: str, table: str, values: Any, extra: str = "") -> None:
            where.append(
                f"e.id IN (SELECT event_id FROM {table} WHERE {extra}"
                f"{column} IN (SELECT value FROM json_each(?)))"
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
        if q.tags:
            within("tag", "event_tags", {t for t in self.tags(True) if normalize(t) in q.tags})
        if q.search:
            # Candidates hold every plain word of the query; query._matches then applies
            # the whole rule (words in any order, phrases) to them.
            # One parameter however many words (a clause per word overflowed SQLite's
            # expression depth at about a thousand).
            where.append(
                "NOT EXISTS (SELECT 1 FROM json_each(?) w WHERE instr(b.hay, w.value) = 0)"
            )
            args.append(json.dumps(search_text.plain_words(q.search)))
        return " AND ".join(where) or "1", args

    def select(self, data: m.Dataset, q: query.EventQuery) -> Iterator[m.Event]:
        """What ``query.select`` gives over the whole dataset, reading only candidates."""
        if q.limit == 0:
            return
        where, args = self._narrow(data, q)
        order = "DESC" if q.reverse else "ASC"
        sql = (
            "SELECT b.body, b.json FROM events e JOIN _events b ON b.rowid = e.rowid "
            f"WHERE {where} ORDER BY e.rowid {order}"
        )
        decode = records.record_decoder(m.Event)
        count = 0
        for body, text in self.rows(sql, args):
            e = decode(json.loads(body))
            if query._matches(e, q):
                self.output[e.id] = text
                yield e
                count += 1
                if q.limit is not None and count >= q.limit:
                    return

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


def _rolled_up_from(data: m.Dataset, wanted: frozenset[str]) -> set[str]:
    """Every actor that can count for one of ``wanted`` at some date (a superset of
    ``roles.counts_for``, which also checks the dates, for the candidates)."""
    below: dict[str, set[str]] = {}
    for a in data.actors.values():
        for aff in a.affiliations:
            if aff.relation in roles.ROLL_UP:
                below.setdefault(aff.actor, set()).add(a.id)
    out, todo = set(wanted), list(wanted)
    while todo:
        for child in below.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out
