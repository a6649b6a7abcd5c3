"""How events look in every format: their fields, JSON shape, colours and legend."""

from __future__ import annotations

import re
from collections.abc import Iterable
from textwrap import shorten
from typing import Any

from barkhane_cli import followups
from barkhane_cli import model as m
from barkhane_cli.dates import SPAN, span_said
from barkhane_cli.render.recordset import (
    DAY_WIDTH,
    NO_EVENTS,
    Field,
    RecordSet,
    date_field,
    flag_field,
    id_field,
    list_field,
)
from barkhane_cli.render.styles import DISPUTED_STYLE, SKY, TYPE_STYLES, disputed

EVENT_JSON_KEYS = [
    "id", "date", "end", "precision", "end_precision", "first_day", "last_day", "title",
    "summary", "type", "actors", "perpetrators", "targets", "attribution", "places",
    "countries", "latitude", "longitude", "point_of", "point_kind", "tags", "fatalities",
    "fatalities_low", "fatalities_high", "fatalities_note", "counted_in", "fatalities_counted",
    "disputed", "follows",
    "acled_ids", "ucdp_ids", "aftermath", "sources", "yours", "replaces", "same_as",
]  # fmt: skip

# How much of a disagreement between sources a timeline table shows: on a wide terminal
# about one line (the note has its own); on a narrow one, where it runs on after who and
# where, about one line of the 80-column Event column, since each disputed event there
# would otherwise take a line more than the rest (this round's re-verification says
# every disagreement, 169 of the record's 900 events). Enough to see what is disputed.
DISPUTED_SHOWN = 100
DISPUTED_SHOWN_NARROW = 60

# Piped (plain) output keeps the range a table shows as "2–30": fatalities is the best
# estimate, fatalities_low and fatalities_high the range (equal to it when sources agree),
# so that an event known only by a range (Konna 2013: 100–149) is not shown as unknown.
_LEADING_FIELDS = [
    "date",
    "end",
    "type",
    "id",
    "title",
    "actors",
    "places",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "disputed",
]
# What every sum of deaths the tool makes adds for the event (its totals, charts and
# map), 0 when another event's toll holds its dead: a script's sum of this column is the
# tool's (U61 summed `fatalities` and got 2011's 60 where the chart said 462). Last in
# plain output and in files alike, so a reader taking columns by position keeps working.
COUNTED_FIELD = "fatalities_counted"
DEFAULT_FIELDS = [*_LEADING_FIELDS, COUNTED_FIELD]
# CSV and TSV files are read by spreadsheets and GIS tools: they also say where each
# event is drawn (empty for one known only by its country), how precise its date is ("2020"
# is a year, not a day) and who did it to whom (U9 read roles in the table, not the CSV).
# countries comes last (U11 found it only in JSON): a column added at the end keeps
# every reader that takes columns by position working. first_day and last_day, after it,
# are the span as days (U18: pd.to_datetime(df.date) raised on "2018-09").
FILE_FIELDS = [
    *_LEADING_FIELDS,
    *("latitude", "longitude", "point_of"),
    *("precision", "end_precision", "perpetrators", "targets", "attribution"),
    "countries",
    *("first_day", "last_day"),
    # true for an event of the user's own file (--data): last, as countries was added
    "yours",
    # and for one of those that took the place of the record's event of its id (U42)
    "replaces",
    COUNTED_FIELD,
]


def date_padded(text: str) -> str:
    """A date (or a date and its end) padded to a day's width (DAY_WIDTH): "2015-07   ".
    Wherever dates head a list of events (the timeline's date column, `on`'s event
    lines), the titles after them start in one column (U31: `on 2015-07-10` printed
    "2015-07  Deadly night raids" two columns left of its neighbours)."""
    return text.ljust(DAY_WIDTH)


TABLE_FIELDS = ["date", "type", "id", "title", "fatalities", "actors", "places", "sources"]

# Terminal widths at which the event table changes shape (see table_layout).
MEDIUM = 120  # from here: date, type, actors and places in columns of their own
FULL = 200  # from here (or with --wide): ids and source ids in columns of their own

PLACE_STYLE = SKY
YOURS_STYLE = "italic"  # the mark of a user's own event (yours_said)
YOURS = "your data"
# Labels the actors an event names beside its perpetrators and targets, in a table's
# who-did-it-to-whom: after a bare ";" a reader took them for more targets (U18).
ALSO_NAMED = "also named:"
# What a table's deaths count, under any table showing one: "kill 18 soldiers at
# Inates" beside "20 dead" read as a contradiction (the two attackers who died are in
# the toll, as data-format.md's `fatalities` says), and only the card's note said so (U45).
DEATHS_SAID = "deaths count all sides, attackers too; whose count it is"
# leads the parties of a fight among three or more, each on both sides (roles_text)
AMONG = "among"
# a row's "38 (37–40)", under the table: the figure before the range is what sums add
BEST_SAID = "totals add {counted}: {best} in {toll}"
_TOLL_SPACE = re.compile(r"(?<=\d) (?=dead\b)")


def yours_said(e: m.Event, replaces: bool = False) -> str:
    """How a table and a card mark an event of the user's own file, not the record's
    (U37: they looked alike): its file's name, so that one of several --data files is told
    apart too (``your data: mine.toml``), and whether it ``replaces`` the record's event
    of its id (m.REPLACES, U41); "" for the record's own."""
    if not e.yours:
        return ""
    said = f"{YOURS}: {e.origin.replace(chr(92), '/').rsplit('/', 1)[-1] or e.origin}"
    return f"{said}, {m.REPLACES}" if replaces else said


def best_said(e: m.Event) -> str:
    """The line under a table whose rows show a best estimate before its range: what the
    deaths count, then what the figure before a range is, in the first such row's words."""
    said = BEST_SAID.format(toll=e.toll(), best=e.best_apart(), counted=m.COUNTED_DEATHS)
    return DEATHS_SAID.replace("; ", f"; {said}; ", 1)


def place_name(place: m.Place) -> str:
    """The name a table shows for a place: its ``short`` when it has one, else its name
    without its parenthesis. (An actor's is ``Actor.label``, the one rule every list and
    chart uses.)"""
    return place.short or place.name.split(" (", 1)[0]


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _coord(e: m.Event, value: float | None) -> str:
    return (
        "" if value is None or e.point_kind == "country" else f"{value:.4f}".rstrip("0").rstrip(".")
    )


def _toll_cell(e: m.Event) -> Any:
    """The Deaths column's cell: a toll wider than the column ("at least 3", "up to
    1500") breaks at its space onto the row's second line, which every row at this
    width has, rather than being cut to "at least…"; a column wide enough for them cost
    the whole timeline 19 lines at 160 columns."""
    from rich.text import Text

    from barkhane_cli.render.table import Glued

    return Glued(Text(e.toll(), justify="right"))


def span_text(e: m.Event) -> str:
    return span_said(e.date, e.end) if e.end else e.date.iso()


def actor_names_of(data: m.Dataset, ids: Iterable[str]) -> str:
    actors = data.actors
    return ", ".join(actors[a].label if a in actors else a for a in ids)


def roles_text(data: m.Dataset, e: m.Event) -> str:
    """Who did it to whom, where the event says, in the words of both the timeline's
    cell and the event's card: "claimed or admitted: JNIM → MINUSMA, Togo" (a reader of
    `--target minusma` saw the attackers in one list with the attacked); "unknown → ..." only when
    attribution is unknown; "GATIA ↔ CMA" when each side is both; "by ..." when no target
    is named, "against ..." when no perpetrator is; "" when the event names no roles. How
    it is known leads, in model.ATTRIBUTION_READS' words (claimed or admitted, attributed,
    suspected: a bare name read as fact, U45), so it reads for every perpetrator at once:
    "claimed or admitted by Niger, Barkhane", "attributed to JNIM" with no target (U9 read
    "claimed: by" badly)."""
    doers, done_to = e.perpetrators, e.targets
    if not doers and not done_to and e.attribution != "unknown":
        return ""

    def names(ids: Iterable[str]) -> str:
        return actor_names_of(data, ids)

    # how it is known, as model.ATTRIBUTIONS words it ("claimed" alone read as a boast
    # where an army admitted a mistaken strike)
    how = m.ATTRIBUTION_READS.get((e.attribution or "") if doers else "", "")
    lead = f"{how}: " if how else ""
    if e.each_side_both():
        if len(doers) == 2:
            return lead + " ↔ ".join(names([a]) for a in doers)
        # three or more, each on both sides (Anéfis 2014: GATIA and a loyalist MAA against
        # the MNLA, the HCUA and a dissident MAA): a chain "A ↔ B ↔ C" read as pairs in a
        # line; the sides are the summary's to say
        *most, last = [names([a]) for a in doers]
        return f"{lead}{AMONG} {', '.join(most)} and {last}"
    if doers and done_to:
        return f"{lead}{names(doers)} → {names(done_to)}"
    if doers:
        # "claimed or admitted by", "attributed to": the phrase reads on; "suspected: X"
        joined = {"claimed": f"{how} by ", "attributed": f"{how} to "}
        return joined.get(e.attribution or "", lead or "by ") + names(doers)
    if e.attribution == "unknown":
        return f"unknown → {names(done_to)}" if done_to else "unknown"
    return f"against {names(done_to)}"


def event_records(data: m.Dataset, events: Iterable[m.Event]) -> RecordSet[m.Event]:
    # data.actors and data.places are read when a name is shown, not before: from the
    # store they are decoded on first use, and JSON output shows none (start-up, issue 23)

    def names(ids: Iterable[str]) -> str:
        return actor_names_of(data, ids)

    def actor_names(e: m.Event) -> str:
        return names(e.actors)

    def who_names(e: m.Event) -> str:
        """Who did it to whom (roles_text), else who is named; the others named on the
        event after "; also named:" (U18 read a bare semicolon's "→ Civilians; France,
        Benin" as more targets)."""
        roles = roles_text(data, e)
        if not roles:
            return actor_names(e)
        rest = names(a for a in e.actors if a not in e.perpetrators and a not in e.targets)
        return f"{roles}; {ALSO_NAMED} {rest}" if rest else roles

    def place_names(e: m.Event) -> str:
        places = data.places
        return ", ".join(place_name(places[p]) if p in places else p for p in e.places)

    whole = followups.command("event", "ID")

    def yours(e: m.Event) -> str:
        # the event's own flag, as JSON and CSV say it: the record's event replaced, not
        # another user file's (U61 read "replaces the record's" of good2.toml over good.toml)
        return yours_said(e, e.replaces)

    # the events whose toll a cell drew (the deaths column, or the event's cell on narrow
    # terminals): DEATHS_SAID speaks of what the table shows, not of a toll --fields left
    # out (`--fields date,id` had the line under a table with no deaths in it)
    tolled: set[str] = set()

    def toll_cell(e: m.Event) -> Any:
        if e.deaths():
            tolled.add(e.id)
        return _toll_cell(e)

    fields: dict[str, Field[m.Event]] = {
        # Wide enough for the longest id in the bundled data; longer ones get an ellipsis.
        "id": id_field(lambda e: e.id, width=44),
        "date": date_field(
            "date",
            "Date",
            lambda e: e.date.iso(),
            display=_date_lines,
            width=len(SPAN.lstrip()) + DAY_WIDTH,
            cell=_date_cell,
        ),
        "end": date_field("end", "End", lambda e: _opt(e.end)),
        "precision": Field("precision", "Precision", lambda e: e.date.precision),
        "end_precision": Field(
            "end_precision", "End precision", lambda e: e.end.precision if e.end else ""
        ),
        "first_day": date_field("first_day", "First day", lambda e: e.first_day().isoformat()),
        "last_day": date_field("last_day", "Last day", lambda e: e.last_day().isoformat()),
        # a table's title says an event is the user's (yours_said); the files' stays bare
        "title": Field(
            "title",
            "Event",
            lambda e: e.title,
            display=lambda e: f"{e.title} ({yours(e)})" if e.yours else e.title,
            ratio=4,
            min_width=16,
        ),
        "summary": Field("summary", "Summary", lambda e: e.summary, ratio=4),
        "type": Field("type", "Type", lambda e: e.type, width=max(map(len, m.EVENT_TYPES))),
        "actors": list_field(
            "actors",
            "Actors",
            lambda e: e.actors,
            display=actor_names,
            ratio=2,
            min_width=10,
        ),
        "places": list_field(
            "places", "Places", lambda e: e.places, display=place_names, ratio=1, min_width=8
        ),
        "tags": list_field("tags", "Tags", lambda e: e.tags),
        "follows": list_field("follows", "Follows", lambda e: e.follows),
        "perpetrators": list_field("perpetrators", "Perpetrators", lambda e: e.perpetrators),
        "targets": list_field("targets", "Targets", lambda e: e.targets),
        "attribution": Field("attribution", "Attribution", lambda e: _opt(e.attribution)),
        "countries": list_field("countries", "Countries", lambda e: e.countries),
        # where the event is drawn; empty for a country-wide event (listed, not drawn)
        "latitude": Field("latitude", "Lat", lambda e: _coord(e, e.latitude)),
        "longitude": Field("longitude", "Lon", lambda e: _coord(e, e.longitude)),
        "point_of": Field("point_of", "Point of", lambda e: _opt(e.point_of)),
        "point_kind": Field("point_kind", "Point kind", lambda e: _opt(e.point_kind)),
        # plain/csv keep the best estimate; people see the range where there is one
        "fatalities": Field(
            "fatalities",
            "Deaths",
            lambda e: _opt(e.fatalities),
            display=m.Event.toll,
            width=9,  # "1000–1500", "up to 150"
            justify="right",
            cell=toll_cell,
        ),
        "fatalities_low": Field("fatalities_low", "Deaths low", lambda e: _opt(e.fatalities_low)),
        "fatalities_high": Field(
            "fatalities_high", "Deaths high", lambda e: _opt(e.fatalities_high)
        ),
        "fatalities_note": Field(
            "fatalities_note", "Deaths note", lambda e: _opt(e.fatalities_note)
        ),
        # the event whose toll holds this one's dead: sums leave this one's out
        "counted_in": Field("counted_in", "Counted in", lambda e: _opt(e.counted_in)),
        COUNTED_FIELD: Field(
            COUNTED_FIELD, "Deaths counted", lambda e: _opt(e.counted_field()), justify="right"
        ),
        "disputed": Field("disputed", "Disputed", lambda e: _opt(e.disputed)),
        "aftermath": flag_field("aftermath", "Aftermath", lambda e: e.aftermath),
        "yours": flag_field("yours", "Yours", lambda e: e.yours),
        "replaces": flag_field("replaces", "Replaces", lambda e: e.replaces),
        "same_as": Field("same_as", "Same as", lambda e: _opt(e.same_as)),
        "sources": list_field(
            "sources",
            "Sources",
            lambda e: [s.id for s in e.sources],
            display=lambda e: ", ".join(s.id for s in e.sources),
            ratio=2,
            min_width=12,
        ),
    }

    def who_text(e: m.Event) -> Any:
        from barkhane_cli.render.safe import text as safe

        who = safe(who_names(e), keep="")
        where = place_names(e)
        if where:
            if who:
                who.append(" · ", style="dim")
            who.append_text(safe(where, style=PLACE_STYLE, keep=""))
        return who

    # the events whose dispute a table's cell cut (event_cell): under the table, the
    # command that gives it whole (U39: the note ended in "…" and nothing said where)
    clipped: set[str] = set()

    def below(shown: list[m.Event]) -> list[tuple[str, str]]:
        """Under the table: what its deaths count, where a row shows one; the command
        that gives a cut note whole, where a note was cut."""
        from barkhane_cli.render.table import CUT_SAID

        tolls = [e for e in shown if e.id in tolled]
        best = next((e for e in tolls if e.best_apart() is not None), None)
        # a best estimate before its range, in the first row showing one (U50: the sums
        # added Moura's 500 where the row said 200–500, and nothing said why)
        said = [(best_said(best) if best else DEATHS_SAID, whole)] if tolls else []
        return said + ([(CUT_SAID, whole)] if any(e.id in clipped for e in shown) else [])

    def event_cell(e: m.Event, deaths: bool) -> Any:
        """What happened as one paragraph: the title, its id (to go on to `barkhane
        event`), deaths on narrow terminals, who and where, and any dispute. Packing
        them, each styled apart, fills lines that separate rows would leave half empty;
        wrapping breaks only at spaces, so no id, date or number is ever split. So a
        title longer than the column ends on the id's line (U23): the title is bold, the
        id dim, and two spaces part them (no title in the record holds two); breaking
        before the id would cost a line for every title that wraps. The type beside it
        goes on the line after the title (table.UnderTitle), not beside its last words."""
        from barkhane_cli.render.safe import text as safe
        from barkhane_cli.render.table import GLUE, Glued

        cell = safe(e.title, style="bold", keep="")
        cell.append("  ")
        cell.append_text(safe(e.id, style="dim", keep=""))
        toll = e.toll().replace(" ", GLUE)  # never "37–39" / "dead", nor "up to" / "15"
        if deaths and toll:
            tolled.add(e.id)
            cell.append(f"  {toll}{GLUE}dead", style="bold")
        if e.actors or e.places:
            cell.append("  ")
            who = who_text(e)
            # an arrow or a label leads the name it points to: never "unknown →" /
            # "MINUSMA", nor "also" / "named: France"
            for lead in ("→ ", "↔ ", AMONG + " ", ALSO_NAMED + " "):
                who.plain = who.plain.replace(lead, lead.replace(" ", GLUE))
            cell.append_text(who)
        if e.yours:  # one piece, never broken: "(your data:" / "mine.toml)" read as two
            same = f"; = {e.same_as}" if e.same_as else ""  # --keep-matched's pair
            mark = f"({yours(e)}{same})".replace(" ", GLUE)
            cell.append("  ")
            cell.append_text(safe(mark, style=YOURS_STYLE, keep=""))
        if e.disputed:
            # On a narrow terminal the note runs on after who and where; wider, it has
            # its own line. A table is for scanning: the flag and the note's opening, cut
            # at a word; `barkhane event ID` and every file format give it whole.
            lead = "  " if deaths else "\n"
            shown = DISPUTED_SHOWN_NARROW if deaths else DISPUTED_SHOWN
            # the flag is glued to its word and the ellipsis to the last: neither ends or
            # begins a line alone ("⚑" | "disputed: ...", "(14" | "…" at 80 columns); a
            # toll in the note keeps its word as the row's own does ("9" | "dead (6 VDP")
            note = shorten(e.disputed, shown, placeholder=GLUE + "…")
            if note != e.disputed:
                clipped.add(e.id)
            note = _TOLL_SPACE.sub(GLUE, note)
            flagged = disputed(note).replace("⚑ ", "⚑" + GLUE, 1)
            cell.append_text(safe(lead + flagged, style=DISPUTED_STYLE, keep="\n"))
        return Glued(cell)

    def when_cell(e: m.Event) -> Any:
        from barkhane_cli.render.safe import text as safe
        from barkhane_cli.render.table import UnderTitle

        kind = safe(e.type, style=TYPE_STYLES.get(e.type, ""), keep="")
        return UnderTitle(_date_cell(e), kind, safe(e.title, style="bold", keep=""))

    cells: dict[str, Field[m.Event]] = {
        "when": date_field(
            "when", "Date", span_text, width=len(SPAN.lstrip()) + DAY_WIDTH, cell=when_cell
        ),
        "event": Field(
            "event", "Event", lambda e: e.title, ratio=1, cell=lambda e: event_cell(e, False)
        ),
        "event+deaths": Field(
            "event+deaths", "Event", lambda e: e.title, ratio=1, cell=lambda e: event_cell(e, True)
        ),
        "n_sources": Field(
            "n_sources", "Src", lambda e: str(len(e.sources)), width=3, justify="right"
        ),
    }

    def legend(items: list[m.Event]) -> list[tuple[str, str]]:
        present = {e.type for e in items}
        return [(t, s) for t, s in TYPE_STYLES.items() if t in present]

    return RecordSet(
        kind="event",
        items=events,
        fields=fields,
        default_fields=DEFAULT_FIELDS,
        table_fields=TABLE_FIELDS,
        file_fields=FILE_FIELDS,
        to_json=m.Event.to_json,
        style=lambda e: TYPE_STYLES.get(e.type),
        note=lambda e: disputed(e.disputed) if e.disputed else None,
        # a note cut in its own line (the widest layout, table.clip_lines) or in the
        # event's cell (narrower: below)
        whole=whole,
        below=below,
        legend=legend,
        empty_message=NO_EVENTS,
        json_keys=EVENT_JSON_KEYS,
        dataset=data,
        layout=table_layout,
        cells=cells,
        basis=data.events + data.aftermath,
    )


def table_layout(width: int, wide: bool) -> list[str]:
    """The event table's columns for a terminal ``width``. Every width shows what a
    reader acts on: date, type, id, title, deaths, actors and places. Narrow terminals
    stack the type under the date and put deaths in the text; sources are a count from
    MEDIUM and a column of ids from FULL (or with --wide). Measured on the bundled data
    (tests/test_layout.py): about 3.05 screen lines an event at 80 columns, 1.97 at 160."""
    if wide or width >= FULL:
        return TABLE_FIELDS
    if width >= MEDIUM:
        return ["date", "type", "event", "fatalities", "n_sources"]
    return ["when", "event+deaths"]


def _date_lines(e: m.Event) -> str:
    # the span's second line begins with the separator's word: "2013-01-11" / "to 2013-01-31"
    return f"{e.date}\n{SPAN.lstrip()}{e.end}" if e.end else e.date.iso()


def _date_cell(e: m.Event) -> Any:
    from barkhane_cli.render.safe import text as safe

    return safe(_date_lines(e), style=TYPE_STYLES.get(e.type, ""))
