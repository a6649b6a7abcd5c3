"""Converting an ACLED export (CSV) into a data file of our schema.

Each row becomes one ``[[events]]`` entry; its actors and place are mapped onto the known
dataset (the bundled timeline) where a name or alias matches, and written as new
``acled-…`` entries otherwise. Bad rows are rejected with their row number and the import
goes on. The output depends only on the file, so re-importing it gives the same bytes.

Dates and ``time_precision``. ACLED's codebook ("Event Time", "Time precision codes";
https://acleddata.com/methodology/acled-codebook, read through a stored copy of that page)
says: 1 means the sources give the actual date; 2 means they say the event happened some
time during a week or a similar period such as a weekend, and ACLED then records the
*middle* of that period as the event date ("with an event occurring last week, the Event
date would be recorded on either Wednesday or Thursday of that week"); 3 means only the
month is known, and the month's midpoint (or its first or last day, when the sources say
"beginning" or "end" of the month) is recorded. So for precision 2 the recorded day is a
midpoint, not a day the event is known to fall on: we write the seven-day span centred on
it (``date`` = recorded day - 3, ``end`` = recorded day + 3, which is the Monday-to-Sunday
week when the midpoint is a Thursday and the Sunday-to-Saturday week when it is a
Wednesday) and tag the event ``acled-week-precision``. Precision 3 becomes a month date
(``YYYY-MM``), never a padded day.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from barkhane_cli import tomlwrite
from barkhane_cli.errors import DataError
from barkhane_cli.model import Dataset
from barkhane_cli.resolve import normalize

# Of ACLED's 31 columns, those the conversion reads; `tags` (added in 2023) is optional.
REQUIRED = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "country",
    "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)  # fmt: skip

EXPORT_SOURCE = "acled-export"
WEEK_TAG = "acled-week-precision"
ZERO_NOTE = "ACLED reports 0 (may mean unknown)"
PROGRESS_EVERY = 1000

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = (
    {n: i for i, n in enumerate(_MONTH_NAMES, 1)}
    | {n[:3]: i for i, n in enumerate(_MONTH_NAMES, 1)}
    | {"sept": 9}
)

_EVENT_TYPES = {
    "battles": "battle",
    "explosions/remote violence": "attack",
    "violence against civilians": "attack",
    "protests": "protest",
    "riots": "protest",
    "protests and riots": "protest",
    "strategic developments": "politics",
}
_STRATEGIC = {
    "agreement": "diplomacy",
    "headquarters or base established": "operation",
    "change to group/activity": "armed-group",
    "non-violent transfer of territory": "battle",
}
_MASSACRE_FATALITIES = 10

# Inter codes: the numbers of exports before 2024, the words of later ones.
_INTER_KINDS = {
    "1": "state", "2": "armed-group", "3": "militia", "4": "militia",
    "5": "other", "6": "other", "7": "civilians", "8": "other",
    "state forces": "state", "rebel group": "armed-group", "political militia": "militia",
    "identity militia": "militia", "rioters": "other", "protesters": "other",
    "civilians": "civilians", "external/other forces": "other",
}  # fmt: skip

# ACLED's usual spellings of actors the timeline knows under other names (used only when
# the id exists in the known dataset).
_ACLED_NAMES = {
    "JNIM: Jama'a Nusrat al-Islam wal-Muslimin": "jnim",
    "Islamic State (Greater Sahara)": "isgs",
    "Islamic State (Sahel)": "isgs",
    "Islamic State Sahel Province": "isgs",
    "Islamic State (West Africa) - Greater Sahara Faction": "isgs",
    "Islamic State (West Africa)": "iswap",
    "Wagner Group": "wagner",
    "Military Forces of Mali": "mali",
    "Military Forces of France": "france",
    "Military Forces of Burkina Faso": "burkina-faso",
    "Military Forces of Niger": "niger",
    "Military Forces of Chad": "chad",
    "Military Forces of Mauritania": "mauritania",
    "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali": (
        "minusma"
    ),
    "Dan Na Ambassagou": "dan-na-ambassagou",
    "CMA: Coordination of Azawad Movements": "cma",
    "Ansaroul Islam": "ansarul-islam",
    "AQIM: Al Qaeda in the Islamic Maghreb": "aqim",
    "Katiba Macina": "katiba-macina",
    "MNLA: National Movement for the Liberation of Azawad": "mnla",
    "HCUA: High Council for the Unity of Azawad": "hcua",
}

_DATE_RANGE = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


class _Reject(Exception):
    """A row that cannot be used; the message is the reason shown to the user."""


@dataclass
class ImportReport:
    rows_read: int = 0
    events_written: int = 0
    actors_matched: int = 0
    actors_created: int = 0
    places_matched: int = 0
    places_created: int = 0
    # (row number in the CSV, counting the header as row 1; reason). A row is a CSV record,
    # so a note with a line break inside it does not shift the numbers that follow.
    rejected: list[tuple[int, str]] = field(default_factory=list)


def slug(text: str) -> str:
    """Kebab-case for ids; text with no Latin letters or digits gets a stable hash."""
    out = normalize(text).replace(" ", "-")
    return out or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def strip_dates(name: str) -> str:
    """``Police Forces of Mali (2021-) Gendarmerie`` -> ``Police Forces of Mali Gendarmerie``."""
    return " ".join(_DATE_RANGE.sub("", name).split())


def parse_date(text: str) -> date:
    """``2022-03-27``, ``27 March 2022``, ``27-March-2022`` or ``27 Mar 2022``."""
    s = text.strip()
    if not s.isascii():
        raise _Reject(f"event_date {text!r} is not a date")
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        parts = [s[:4], s[5:7], s[8:]]
        year, month, day = parts if all(p.isdecimal() for p in parts) else ("", "", "")
    else:
        pieces = s.replace("-", " ").split()
        day, name, year = pieces if len(pieces) == 3 else ("", "", "")
        month = str(_MONTHS.get(name.lower(), ""))
    if not (len(year) == 4 and year.isdecimal() and day.isdecimal() and month.isdecimal()):
        raise _Reject(f"event_date {text!r} is not a date (expected 2022-03-27 or 27 March 2022)")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise _Reject(f"event_date {text!r} is not a real date") from None


def _coordinate(text: str, column: str, limit: float) -> float:
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not -limit <= number <= limit:  # also false for nan
        raise _Reject(f"{column} {text!r} is not a number from {-limit:g} to {limit:g}")
    return number


@dataclass
class _NewActor:
    id: str
    name: str
    aliases: list[str]
    kind: str
    inter: str
    country: str
    primary: bool


class _Converter:
    def __init__(self, known: Dataset, file_name: str) -> None:
        self.known = known
        self.known_actor_names: dict[str, set[str]] = {}
        for actor in known.actors.values():
            for name in (actor.name, *actor.aliases):
                self.known_actor_names.setdefault(normalize(name), set()).add(actor.id)
        self.builtin = {
            normalize(name): ident for name, ident in _ACLED_NAMES.items() if ident in known.actors
        }
        self.known_places: dict[tuple[str, str], set[str]] = {}
        for place in known.places.values():
            # country ids are the names in kebab case: "burkina-faso" ~ "Burkina Faso"
            for country in place.countries:
                for name in (place.name, *place.aliases):
                    key = (normalize(country), normalize(name))
                    self.known_places.setdefault(key, set()).add(place.id)
        self.export: dict[str, object] = {
            "id": EXPORT_SOURCE,
            "title": f"ACLED export {file_name}",
            "publisher": "ACLED",
            "kind": "dataset",
        }
        self.cites_export = [{"id": EXPORT_SOURCE}]
        self.events: dict[str, tuple[int, dict[str, object]]] = {}  # id -> (row, entry)
        self.actor_ids: dict[str, str | None] = {}  # raw ACLED name -> id
        self.new_actors: dict[str, _NewActor] = {}  # slug -> actor
        self.created_actors: dict[str, _NewActor] = {}  # id -> actor
        self.used_actors: set[str] = set()
        self.place_ids: dict[tuple[str, str, str], str] = {}
        self.new_places: dict[str, dict[str, object]] = {}  # id -> entry
        self.place_slugs: dict[str, str] = {}  # slug -> id
        self.used_places: set[str] = set()
        self.sources: dict[str, dict[str, object]] = {}
        self.source_ids: dict[str, str] = {}  # ACLED source name -> id
        self.source_refs: dict[str, list[dict[str, str]]] = {}  # raw field -> refs
        self.tag_lists: dict[str, list[str]] = {}  # raw field -> tags
        self.assoc: dict[str, list[str]] = {}  # raw field -> names

    # --- actors --------------------------------------------------------------------------

    def actor(self, raw: str, inter: str, country: str, primary: bool) -> str | None:
        ident = self.actor_ids.get(raw, "")
        if ident == "":
            ident = self._resolve_actor(raw, inter, country, primary)
            self.actor_ids[raw] = ident
        if ident is None:
            return None
        new = self.created_actors.get(ident)
        if new is None:
            self.used_actors.add(ident)
        elif primary and not new.primary:
            # First seen as an associate, it took the main actor's inter code; its own is better.
            new.kind, new.inter, new.country, new.primary = _kind(inter), inter, country, True
        return ident

    def _resolve_actor(self, raw: str, inter: str, country: str, primary: bool) -> str | None:
        name = strip_dates(raw)
        if not name:
            return None
        norm = normalize(name)
        ids = self.known_actor_names.get(norm)
        if ids and len(ids) == 1:
            return next(iter(ids))
        if norm in self.builtin:
            return self.builtin[norm]
        key = slug(name)
        new = self.new_actors.get(key)
        if new is None:
            ident = _free_id("acled-" + key, self.known.actors, self.created_actors)
            new = _NewActor(ident, name, [], _kind(inter), inter, country, primary)
            self.new_actors[key] = self.created_actors[ident] = new
        if raw not in new.aliases:
            new.aliases.append(raw)
        return new.id

    def row_actors(self, f: list[str], col: dict[str, int]) -> list[str]:
        out: list[str] = []
        country = f[col["country"]].strip()
        for actor_col, assoc_col, inter_col in (
            ("actor1", "assoc_actor_1", "inter1"),
            ("actor2", "assoc_actor_2", "inter2"),
        ):
            inter = f[col[inter_col]].strip()
            names = [(f[col[actor_col]].strip(), True)]
            names += [(n, False) for n in self._split(f[col[assoc_col]])]
            for raw, primary in names:
                if raw:
                    ident = self.actor(raw, inter, country, primary)
                    if ident is not None and ident not in out:
                        out.append(ident)
        return out

    def _split(self, field_text: str) -> list[str]:
        names = self.assoc.get(field_text)
        if names is None:
            names = [n.strip() for n in field_text.split(";") if n.strip()]
            self.assoc[field_text] = names
        return names

    # --- places, sources, tags --------------------------------------------------------------

    def place(self, f: list[str], col: dict[str, int], lat: float, lon: float) -> str:
        country, admin1 = f[col["country"]].strip(), f[col["admin1"]].strip()
        location = f[col["location"]].strip()
        ident = self.place_ids.get((country, admin1, location))
        if ident is None:
            ids = self.known_places.get((normalize(country), normalize(location)))
            if ids and len(ids) == 1:
                ident = next(iter(ids))
            else:
                ident = self._new_place(f, col, country, admin1, location, lat, lon)
            self.place_ids[(country, admin1, location)] = ident
        if ident not in self.new_places:
            self.used_places.add(ident)
        return ident

    def _new_place(
        self,
        f: list[str],
        col: dict[str, int],
        country: str,
        admin1: str,
        location: str,
        lat: float,
        lon: float,
    ) -> str:
        key = slug(f"{country} {admin1} {location}")
        if key in self.place_slugs:
            return self.place_slugs[key]
        ident = self.place_slugs[key] = _free_id("acled-" + key, self.known.places, self.new_places)
        geo = f[col["geo_precision"]].strip()
        admins = [f"{f[col[c]].strip()} ({c})" for c in ("admin2", "admin3") if f[col[c]].strip()]
        where = f"In {', '.join(admins)}. " if admins else ""
        self.new_places[ident] = {
            "id": ident,
            "name": location,
            "kind": "town" if geo == "1" else "area",
            "lat": lat,
            "lon": lon,
            "region": admin1 or None,
            "country": country,
            "summary": f"{where}ACLED geo_precision {geo or 'not given'}.",
            "sources": self.cites_export,
        }
        return ident

    def refs(self, field_text: str) -> list[dict[str, str]]:
        refs = self.source_refs.get(field_text)
        if refs is None:
            refs = list(self.cites_export)
            for name in dict.fromkeys(n.strip() for n in field_text.split(";")):
                if not name:
                    continue
                ident = self.source_ids.get(name, "")
                if not ident:
                    ident = self.source_ids[name] = "acled-src-" + slug(name)
                if ident not in self.sources:
                    self.sources[ident] = {
                        "id": ident,
                        "title": "Reported via ACLED",
                        "publisher": name,
                        "kind": "news",
                    }
                if {"id": ident} not in refs:
                    refs.append({"id": ident})
            self.source_refs[field_text] = refs
        return refs

    def tags(self, field_text: str) -> list[str]:
        tags = self.tag_lists.get(field_text)
        if tags is None:
            tags = list(
                dict.fromkeys(["acled", *(slug(t) for t in field_text.split(";") if t.strip())])
            )
            self.tag_lists[field_text] = tags
        return tags

    # --- one row -------------------------------------------------------------------------

    def event(self, f: list[str], col: dict[str, int], row: int) -> None:
        """Check the whole row first, so that a rejected row leaves nothing behind."""
        raw_id = f[col["event_id_cnty"]].strip()
        if not raw_id:
            raise _Reject("event_id_cnty is empty")
        lower = raw_id.lower()
        # ACLED ids are letters and digits (MLI12345): skip the Unicode folding of slug().
        ident = "acled-" + (lower if lower.isascii() and lower.isalnum() else slug(raw_id))
        if ident in self.events:
            first = self.events[ident][0]
            raise _Reject(f"event_id_cnty {raw_id!r} repeats row {first}; the first is kept")
        day = parse_date(f[col["event_date"]])
        precision = f[col["time_precision"]].strip()
        end: str | None = None
        if precision == "1":
            start = day.isoformat()
        elif precision == "2":
            try:
                start = (day - timedelta(days=3)).isoformat()
                end = (day + timedelta(days=3)).isoformat()
            except OverflowError:
                raise _Reject(
                    f"event_date {day} is too close to the ends of the calendar"
                ) from None
        elif precision == "3":
            start = f"{day.year:04d}-{day.month:02d}"
        else:
            raise _Reject(f"time_precision {precision!r} is not 1, 2 or 3")
        event_type = f[col["event_type"]].strip()
        sub_type = f[col["sub_event_type"]].strip()
        kind = _EVENT_TYPES.get(event_type.lower())
        if kind is None:
            raise _Reject(f"unknown event_type {event_type!r}")
        deaths_text = f[col["fatalities"]].strip()
        if not (deaths_text.isascii() and deaths_text.isdecimal()):
            raise _Reject(f"fatalities {deaths_text!r} is not a whole number")
        deaths = int(deaths_text)
        lat = _coordinate(f[col["latitude"]].strip(), "latitude", 90)
        lon = _coordinate(f[col["longitude"]].strip(), "longitude", 180)
        country, location = f[col["country"]].strip(), f[col["location"]].strip()
        if not country or not location:
            raise _Reject("country or location is empty")

        sub_key = sub_type.lower()
        if kind == "politics":
            kind = _STRATEGIC.get(sub_key, kind)
        elif event_type.lower() == "violence against civilians":
            abduction = sub_key == "abduction/forced disappearance"
            kind = "massacre" if deaths >= _MASSACRE_FATALITIES and not abduction else "attack"
        actors = self.row_actors(f, col)
        actor1 = strip_dates(f[col["actor1"]])
        what = sub_type or event_type
        title = f"{what}: {actor1} in {location}" if actor1 else f"{what} in {location}"
        notes = f[col["notes"]].strip().replace("\r\n", "\n")
        tags = self.tags(f[col["tags"]]) if "tags" in col else ["acled"]
        self.events[ident] = (
            row,
            {
                "id": ident,
                "date": start,
                "end": end,
                "title": title,
                "summary": notes or _summary(f, col, event_type, sub_type, location),
                "type": kind,
                "actors": actors or None,
                "places": [self.place(f, col, lat, lon)],
                "tags": [*tags, WEEK_TAG] if end else tags,
                "fatalities": deaths or None,
                "fatalities_note": None if deaths else ZERO_NOTE,
                "sources": self.refs(f[col["source"]]),
            },
        )

    def tables(self) -> dict[str, list[dict[str, object]]]:
        actors: list[dict[str, object]] = [
            {
                "id": a.id,
                "name": a.name,
                "aliases": sorted(a.aliases),
                "kind": a.kind,
                "country": a.country or None,
                "summary": _actor_summary(a),
                "sources": self.cites_export,
            }
            for a in sorted(self.new_actors.values(), key=lambda a: a.id)
        ]
        return {
            "sources": [self.export, *(self.sources[k] for k in sorted(self.sources))],
            "actors": actors,
            "places": [self.new_places[k] for k in sorted(self.new_places)],
            "events": [self.events[k][1] for k in sorted(self.events)],
        }


def _actor_summary(a: _NewActor) -> str:
    code = a.inter or "not given"
    if a.primary:
        return f"Imported from ACLED (inter code {code})."
    return (
        "Imported from ACLED, where it appears only as an associated actor"
        f" (inter code {code} is that of the actor it is associated with)."
    )


def _kind(inter: str) -> str:
    return _INTER_KINDS.get(inter.lower(), "other")


def _free_id(ident: str, known: Container[str], created: Container[str]) -> str:
    """An id the known data does not use, so that layering never replaces a curated entry."""
    candidate, n = ident, 1
    while candidate in known or candidate in created:
        n += 1
        candidate = f"{ident}-{n}"
    return candidate


def _summary(f: list[str], col: dict[str, int], event_type: str, sub: str, location: str) -> str:
    names = [strip_dates(f[col[c]]) for c in ("actor1", "actor2")]
    who = " and ".join(n for n in names if n)
    place = ", ".join(
        p for p in (location, f[col["admin1"]].strip(), f[col["country"]].strip()) if p
    )
    kind = f"{event_type} ({sub})" if sub else event_type
    return f"ACLED records {kind.lower()} in {place}" + (f", involving {who}." if who else ".")


def _rows(path: Path) -> Iterator[tuple[int, list[str] | str]]:
    """(row number, fields) for each record, or (row number, reason) for an unreadable one."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            row = 0
            while True:
                row += 1
                try:
                    fields = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield row, f"unreadable CSV record ({exc})"
                    continue
                yield row, fields
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not an ACLED export") from None
    except UnicodeDecodeError:
        # The decoder works in chunks, so exc.start is no offset in the file: do not show it.
        raise DataError(f"{path}: is not UTF-8 text; export it from ACLED as UTF-8") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def convert(
    path: Path, known: Dataset, progress: Callable[[int], None] | None = None
) -> tuple[str, ImportReport]:
    """Read an ACLED export CSV and return (TOML text in our schema, report)."""
    rows = _rows(path)
    first = next(rows, None)
    if first is None or isinstance(first[1], str) or not any(first[1]):
        raise DataError(f"{path}: has no header row, so it is not an ACLED export")
    col: dict[str, int] = {}
    for i, name in enumerate(first[1]):
        col.setdefault(name.strip().lower(), i)
    missing = [c for c in REQUIRED if c not in col]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise DataError(f"{path}: is not an ACLED export: it has no {missing[0]!r} column{more}")
    width = len(first[1])
    conv = _Converter(known, path.name)
    report = ImportReport()
    for row, fields in rows:
        if isinstance(fields, str):
            report.rows_read += 1
            report.rejected.append((row, fields))
            continue
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue  # a blank line
        report.rows_read += 1
        if progress is not None and report.rows_read % PROGRESS_EVERY == 0:
            progress(report.rows_read)
        if len(fields) != width:
            report.rejected.append((row, f"has {len(fields)} fields, the header has {width}"))
            continue
        try:
            conv.event(fields, col, row)
        except _Reject as exc:
            report.rejected.append((row, str(exc)))
    if progress is not None and report.rows_read % PROGRESS_EVERY:
        progress(report.rows_read)
    tables = conv.tables()
    report.events_written = len(tables["events"])
    report.actors_created = len(tables["actors"])
    report.actors_matched = len(conv.used_actors)
    report.places_created = len(tables["places"])
    report.places_matched = len(conv.used_places)
    header = f"Imported from the ACLED export {path.name} by barkhane (one event per row)."
    return tomlwrite.dumps(tables, header), report
