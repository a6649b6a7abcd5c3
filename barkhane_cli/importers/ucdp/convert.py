"""A UCDP GED file -> (TOML text in our schema, import report).

One GED row is one event (UCDP does not split an incident by actor, as monadic ACLED
does). What each field becomes, and why (docs/ucdp.md):

- ``date_start``/``date_end``: the day, or a span when they differ (UCDP's own bounds).
- ``best``, ``low``, ``high``: fatalities, with the range when low and high differ.
  UCDP's 0 is a count (its events are lethal by definition of the dataset's scope),
  unlike ACLED's 0, which may mean unknown.
- ``type_of_violence`` 1 (state-based) and 2 (non-state): a battle, each side on both
  sides (importers.parties: the codebook names no attacker, side A being the government
  or either group); 3 (one-sided): an attack, side A the perpetrator, civilians the target.
- ``side_a``/``side_b``: curated actors where UCDP's spelling is one of their names or
  aliases ("Government of Mali" is Mali; "IS" in Mali, Niger or Burkina Faso from May
  2015 is the Islamic State in the Greater Sahara); otherwise a new ``ucdp-…`` actor.
- ``where_prec`` (the codebook's scale, in our words: 1 the exact point, 2 a limited area
  around a named location, 3 a second-order division, ADM2, given by its centroid, 4 a
  first-order division, ADM1, by its centroid, 5 a part of a country, 6 the country,
  7 international waters or airspace): 1 the settlement, 2 an area around the point,
  3 the ADM2 division (``adm_2``) as an area at its centroid, never a settlement, 4 the
  first-level region (``adm_1``), 5 and 6 the country, 7 no place. A centroid is not
  where the event happened, so no centroid becomes a settlement's point.
- ``event_clarity`` 2 and a Candidate ``code_status`` other than Clear: a disputed note.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from barkhane_cli import inputs, tomlwrite
from barkhane_cli.controls import strip_controls
from barkhane_cli.errors import DataError
from barkhane_cli.importers import IMPORT, parties
from barkhane_cli.importers.acled.actors import fitted, free_id, slug
from barkhane_cli.importers.acled.places import Places, country_id
from barkhane_cli.importers.acled.problems import ImportReport, Reject
from barkhane_cli.importers.ucdp import layouts
from barkhane_cli.model import Dataset
from barkhane_cli.resolve import normalize

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T][0-9:.]*)?$")
# A GED source field can hold many articles; a field over this is a broken file, not data.
_FIELD_LIMIT = 16 * 1024**2
# The Islamic State's Sahel branch pledged allegiance on 13 May 2015 (data: isgs-formed).
_ISGS_FROM = date(2015, 5, 13)
_ISGS_COUNTRIES = frozenset({"mali", "niger", "burkina-faso"})
# where_prec codes (GED codebook): 2 is a limited area around a named location, 3 an ADM2
# division known by its centroid, 4 an ADM1 province by its centroid, 5 some part of the
# country, 6 the country, 7 no land at all.
_NEAR, _DIVISION, _REGION, _PART, _COUNTRY, _NOWHERE = "2", "3", "4", "5", "6", "7"
_CENTROID = (
    "A second-level division (ADM2): UCDP's point for it is its centroid, not where the "
    "event happened. "
)
# An area around a settlement is not it: its place and the title name it so (U24: it
# was "Boulkessi").
_NAMED = {_NEAR: "near {}"}


Tables = dict[str, list[dict[str, object]]]


# What the size cap and the not-UTF-8 error call the file
_WHAT = "a UCDP GED file"


def convert(
    path: Path, known: Dataset, countries: frozenset[str] = frozenset()
) -> tuple[str, ImportReport]:
    """Read a GED CSV; ``countries`` (our country ids) keeps only rows in those countries."""
    tables, header, report = convert_tables(path, known, countries)
    return tomlwrite.dumps(tables, header), report


def convert_tables(
    path: Path,
    known: Dataset,
    countries: frozenset[str] = frozenset(),
    progress: Callable[[int], None] | None = None,
) -> tuple[Tables, str, ImportReport]:
    """:func:`convert` as (the entries of each table, the header comment, report);
    ``progress`` is told the rows read, every thousand."""
    if str(path) == "-":
        raise DataError(
            "-: a GED file is read twice (its layout first), so it cannot come from stdin; "
            "save it to a file and name the file"
        )
    raw = inputs.open_bounded(path, inputs.EXPORT_MAX, _WHAT)
    try:
        with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
            return _convert(path, csv.reader(handle), known, countries, progress)
    except UnicodeDecodeError:
        raise inputs.export_not_utf8(path, _WHAT, "save the GED file as UTF-8") from None
    except csv.Error as exc:
        raise DataError(f"{path}: is not a readable CSV file ({exc})") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _convert(
    path: Path,
    reader: object,
    known: Dataset,
    countries: frozenset[str],
    progress: Callable[[int], None] | None = None,
) -> tuple[Tables, str, ImportReport]:
    csv.field_size_limit(_FIELD_LIMIT)
    rows = iter(reader)  # type: ignore[call-overload]
    header = next(rows, None)
    if not header or not any(h.strip() for h in header):
        raise DataError(f"{path}: has no header row, so it is not a UCDP GED file")
    layout = layouts.detect(header, str(path))
    report = ImportReport(layout=layout.describe())
    source_id = fitted("ucdp-" + slug(path.stem))
    conv = _Converter(known, layout, [{"id": source_id}])
    line = 1
    for fields in rows:
        line += 1
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        report.rows_read += 1
        if progress is not None and report.rows_read % 1000 == 0:
            progress(report.rows_read)
        if len(fields) != layout.width:
            detail = f"{len(fields)} fields, the header has {layout.width}"
            report.reject(line, Reject("has a different number of fields than the header", detail))
            continue
        if not "".join(fields).isprintable():
            clean = [strip_controls(f) for f in fields]
            report.controls_stripped += sum(a != b for a, b in zip(clean, fields, strict=True))
            fields = clean
        try:
            if not conv.event(fields, line, countries):
                report.left_out += 1
        except Reject as exc:
            report.reject(line, exc)
    report.rejected.sort()
    candidate = layouts.candidate_name(path.stem) or conv.unclear_status
    report.layout = layout.describe().replace(
        "(codebook columns)", "Candidate file" if candidate else "yearly release"
    )
    events = [conv.events[k] for k in sorted(conv.events)]
    if candidate:  # a Candidate event's id can still change: say so on every one
        for e in events:
            e["tags"] = [*e["tags"], "ucdp-candidate"]  # type: ignore[misc]
    for e in events:
        e["places"] = [conv.places.resolve(p) for p in e["places"]]  # type: ignore[attr-defined]
    newest = max((str(e["end"] or e["date"]) for e in events), default="")
    source: dict[str, object] = {
        "id": source_id,
        "title": f"UCDP GED file {path.name} ({report.layout})",
        "publisher": "Uppsala Conflict Data Program (UCDP)",
        "kind": "dataset",
        "date": newest or None,
        "url": "https://ucdp.uu.se/downloads/",
        "note": "UCDP Georeferenced Event Dataset, licensed CC BY 4.0; imported with "
        f"{IMPORT} ucdp. Each event cites it and the outlets UCDP names.",
    }
    tables: Tables = {
        "sources": [source],
        "actors": conv.actor_entries([{"id": source_id}]),
        "places": conv.places.entries([{"id": source_id}]),
        "events": events,
    }
    report.written(tables, source_id, len(conv.matched), len(conv.places.used))
    report.kept_apart = conv.places.kept_apart()
    header_text = f"Imported from the UCDP GED file {path.name} ({report.layout}) by barkhane."
    return tables, header_text, report


def parse_day(text: str, column: str) -> date:
    m = _DAY.match(text.strip())
    if m is None:
        raise Reject(f"{column} is not a date (YYYY-MM-DD)", repr(text))
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise Reject(f"{column} is not a real date", repr(text)) from None


def _count(text: str, column: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdecimal()):
        raise Reject(f"{column} is not a whole number", repr(text))
    return int(value)


def _coordinate(text: str, column: str, limit: float) -> float:
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if not -limit <= number <= limit:
        raise Reject(f"{column} is not a number from {-limit:g} to {limit:g}", repr(text))
    return number


def _settlement(f: list[str], get: Callable[[list[str], str], str], country: str) -> str:
    """The place a row names: ``Dioura town`` is Dioura, ``Gao (city)`` is Gao."""
    name = " ".join((get(f, "where_coordinates") or get(f, "where_description")).split())
    return re.sub(r"\s+(town|village|city)$", "", name.split(" (")[0]).strip() or country


class _Converter:
    def __init__(self, known: Dataset, layout: layouts.Layout, cites: list[dict[str, str]]):
        self.known = known
        self.col = layout.col
        self.unclear_status = False  # a code_status other than Clear: a Candidate file
        self.cites = cites
        self.places = Places(known, "UCDP", "where_prec", {_DIVISION: _CENTROID}, _NAMED)
        self.events: dict[str, dict[str, object]] = {}
        self.names: dict[str, set[str]] = {}
        for actor in known.actors.values():
            for name in (actor.name, actor.short or "", *actor.aliases):
                if name:
                    self.names.setdefault(normalize(name), set()).add(actor.id)
        self.created: dict[str, dict[str, object]] = {}
        self.by_name: dict[str, str] = {}
        self.matched: set[str] = set()

    def get(self, f: list[str], column: str) -> str:
        i = self.col.get(column)
        return f[i].strip() if i is not None else ""

    def event(self, f: list[str], line: int, countries: frozenset[str]) -> bool:
        """Convert one row; False for a row outside ``countries``."""
        status = self.get(f, "code_status")
        unclear = bool(status) and status.lower() != "clear"
        # Any row's, kept or not: a Candidate file's rows of the countries kept may all be
        # Clear (K65: a real one imported --country Mali read as a release)
        self.unclear_status = self.unclear_status or unclear
        country = self.get(f, "country")
        cid = country_id(country) if country else ""
        if countries and cid not in countries:
            return False
        ident = "ucdp-" + slug(self.get(f, "id"))
        if ident in self.events:
            raise Reject("id repeats an earlier row; the first is kept", repr(self.get(f, "id")))
        for column, codes in layouts.CODES.items():
            value = self.get(f, column)
            if value not in codes and (value or column in layouts.REQUIRED):
                raise Reject(f"{column} is not {layouts.codes_text(codes)}", repr(value))
        start = parse_day(self.get(f, "date_start"), "date_start")
        end = parse_day(self.get(f, "date_end") or self.get(f, "date_start"), "date_end")
        if end < start:
            raise Reject("date_end is before date_start", f"{start} > {end}")
        kind = layouts.KINDS[self.get(f, "type_of_violence")]
        best = _count(self.get(f, "best"), "best")
        low = _count(self.get(f, "low"), "low") if self.get(f, "low") else best
        high = _count(self.get(f, "high"), "high") if self.get(f, "high") else best
        if not low <= best <= high:
            raise Reject("best is not between low and high", f"{low}, {best}, {high}")
        side_a, side_b = self.get(f, "side_a"), self.get(f, "side_b")
        if not side_a or not side_b:
            raise Reject("side_a or side_b is empty")
        a = self.actor(side_a, cid, start)
        b = self.actor(side_b, cid, start)
        place, where = self.place(f, country)
        if kind == "one-sided":
            title = f"One-sided violence by {side_a} against civilians {where}"
            roles: dict[str, object] = {"perpetrators": [a], "targets": [b]}
        else:  # state-based or non-state: the codebook names no attacker
            title = f"{side_a} and {side_b} fight {where}"
            both = parties([a], [b])
            roles = {"perpetrators": both or None, "targets": both or None}
        deaths = [
            f"{self.get(f, k) or '?'} {label}"
            for k, label in (
                ("deaths_a", "on side A"), ("deaths_b", "on side B"),
                ("deaths_civilians", "civilians"), ("deaths_unknown", "unknown"),
            )
            if k in self.col
        ]  # fmt: skip
        summary = (
            f"UCDP GED event {self.get(f, 'id')} ({kind} violence): {side_a} and {side_b}, "
            f"{self.get(f, 'where_description') or where}"
            f"{', ' + self.get(f, 'adm_1') if self.get(f, 'adm_1') else ''}, {country}."
            + (f" Deaths by side: {', '.join(deaths)}." if deaths else "")
        )
        disputed = []
        if self.get(f, "event_clarity") == "2":
            disputed.append("UCDP codes this event as unclear (event_clarity 2)")
        if unclear:
            disputed.append(f"UCDP Candidate code_status: {status}")
        offices = [s.strip() for s in self.get(f, "source_office").split(";") if s.strip()]
        tags = ["ucdp", f"ucdp-{kind}"]
        self.events[ident] = {
            "id": ident,
            "date": start.isoformat(),
            "end": end.isoformat() if end != start else None,
            "title": title,
            "summary": summary,
            "type": "attack" if kind == "one-sided" else "battle",
            "actors": list(dict.fromkeys([a, b])),
            **roles,
            "attribution": "attributed" if roles["perpetrators"] else "unknown",
            "places": [place] if place else [],
            "tags": tags,
            "fatalities": best,
            "fatalities_low": low if low != high else None,
            "fatalities_high": high if low != high else None,
            "fatalities_note": "UCDP best estimate (0 is a count: UCDP records lethal events)",
            "disputed": "; ".join(disputed) or None,
            "sources": [
                {
                    "id": self.cites[0]["id"],
                    "note": "UCDP cites: " + "; ".join(dict.fromkeys(offices)),
                }
                if offices
                else {"id": self.cites[0]["id"]}
            ],
        }
        return True

    def place(self, f: list[str], country: str) -> tuple[str, str]:
        """The row's place ("" for none) and the title's place words, as precise as
        where_prec says and no more."""
        prec = self.get(f, "where_prec")
        adm_1, adm_2 = self.get(f, "adm_1"), self.get(f, "adm_2")
        if prec == _DIVISION and not adm_2:
            prec = _REGION  # no division named: its centroid places only the region
        if prec == _NOWHERE:
            return "", f"in {country}"
        if prec in (_REGION, _PART, _COUNTRY):
            # no point: UCDP's is a centroid (4) or absent (5, 6)
            cid = country_id(country)
            ref = cid if cid in self.known.places else ""
            if prec == _REGION:
                return self.places.region_of(country, adm_1) or ref, f"in {adm_1 or country}"
            return ref, f"in part of {country}" if prec == _PART else f"in {country}"
        lat = _coordinate(self.get(f, "latitude"), "latitude", 90)
        lon = _coordinate(self.get(f, "longitude"), "longitude", 180)
        if prec == _DIVISION:  # the division itself, an area at its centroid
            ref = self.places.place((country, adm_1, "", "", adm_2), lat, lon, prec)
            return ref, f"in {adm_2}"
        name = _settlement(f, self.get, country)
        ref = self.places.place((country, adm_1, adm_2, "", name), lat, lon, prec)
        return ref, _NAMED.get(prec, "at {}").format(name)

    def actor(self, raw: str, cid: str, day: date) -> str:
        """A curated actor for UCDP's name, else the import's own."""
        name = raw.strip()
        gov = re.match(r"^Government of (.+)$", name)
        if gov:
            target = country_id(gov.group(1))
            if target in self.known.actors:
                self.matched.add(target)
                return target
        if (
            name == "IS"
            and cid in _ISGS_COUNTRIES
            and day >= _ISGS_FROM
            and "isgs" in self.known.actors
        ):
            self.matched.add("isgs")
            return "isgs"
        if normalize(name) == "civilians" and "civilians" in self.known.actors:
            self.matched.add("civilians")
            return "civilians"
        ids = self.names.get(normalize(name), set())
        if len(ids) == 1:
            found = next(iter(ids))
            self.matched.add(found)
            return found
        existing = self.by_name.get(name)
        if existing is not None:
            return existing
        ident = free_id("ucdp-" + slug(name), self.known.actors, self.created)
        self.by_name[name] = ident
        self.created[ident] = {
            "id": ident,
            "name": name,
            "kind": "state" if gov else "armed-group",
            "summary": "Imported from UCDP GED, where it is a side of an event.",
        }
        return ident

    def actor_entries(self, cites: list[dict[str, str]]) -> list[dict[str, object]]:
        return [self.created[k] | {"sources": cites} for k in sorted(self.created)]
