"""How ``barkhane on DATE`` looks: a briefing page on a terminal, lines when piped, JSON.

On a terminal it fits one screen, as `summary` does (K42: `on 2021-05-24` ran to 224
lines at 80 columns): the eras in place, the heads of state, one figure a series (the
latest by the day), the events nearest the day (of a month or a year holding more than
the screen lists, those spread over it), the eras, figures and events each pointing to
the command that gives them whole; ``--full`` draws the whole page, every leader with
their term and note, every figure with its dispute, every event of the window and their
map.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from barkhane_cli import followups
from barkhane_cli import model as m
from barkhane_cli.dates import parse_iso, span_said
from barkhane_cli.render.env import Env
from barkhane_cli.render.events import date_padded
from barkhane_cli.render.onescreen import (
    age,
    era_item,
    figure_lines,
    heading,
    indented,
    pointer,
    pointer_lines,
)
from barkhane_cli.render.records import resolve_format, write_document
from barkhane_cli.render.safe import inert
from barkhane_cli.render.styles import DISPUTED_STYLE, disputed
from barkhane_cli.situation import events_command, head_of_government
from barkhane_cli.text import counted, plural

if TYPE_CHECKING:
    from barkhane_cli.mapping import MapData

FIGURES = "Latest figures"
# What the one screen's last line says --full adds.
WHOLE_PAGE = "in full, with each leader's term, each dispute, every event and the map"
LEADERS = "Leaders"


def _mark(row: dict[str, Any]) -> str:
    """What begins or ends on the day, as an item's closing words: "begins and ends"."""
    return " and ".join(w for w, on in (("begins", row["begins"]), ("ends", row["ends"])) if on)


def _when(row: dict[str, Any], day: str) -> str:
    """_mark and the day: "ends 2021-05-24"; for a leader, _ended; or nothing."""
    return f"{_mark(row)} {day}" if _mark(row) else _ended(row, day)


def _ended(row: dict[str, Any], day: str) -> str:
    """For a leader listed as of the record's end (``as_of``: a day after it) whose
    recorded term ended before the day, "term ended 2023-07-26"; else nothing. In office
    at the record's end, not on the day: `on 2024-05-01` listed "Niger: Mohamed Bazoum"
    under the leaders as if current, though his term is recorded to end on 26 July 2023,
    overthrown (U54). Who followed is not known to the record."""
    end = row.get("end")
    if not row.get("as_of") or not end:
        return ""
    over = parse_iso(end).last_ordinal() < parse_iso(day).first_ordinal()
    return f"term ended {end}" if over else ""


def _dates(event: dict[str, Any]) -> str:
    """An event's day, or its first and last: "2021-06-04 to 2021-06-05"."""
    return span_said(event["date"], event["end"]) if event["end"] else str(event["date"])


def _span(start: str | None, end: str | None) -> str:
    return span_said(start, end)


def _figure_lines(figures: list[dict[str, Any]], day: str) -> list[str]:
    """One line per series and date: figures of one series at one date (the UN Staff
    Union's 23 and the UN fatality list's 26 for MINUSMA's dead in 2016) read as one,
    each value beside its source's label, and every dispute under it as `facts` flags
    it. Shown as two lines under one label, they read as a change, and a dispute went
    unshown (U19). A series is its label and unit (briefing.figure_kind's key holds the
    unit, its label not): a year's deaths and a year's violent events in the Sahel, both
    "Violence: Sahel", read as one figure, "6,200 or 2,400" (RR31)."""
    groups: dict[tuple[str, str, str, bool], list[dict[str, Any]]] = {}
    for f in figures:
        at = (f["figure"], f["unit"], f["as_of"], f["period_under_way"])
        groups.setdefault(at, []).append(f)
    out = []
    for (figure, _, as_of, under_way), rows in groups.items():
        # a month under way: the figure may have been counted after the day
        old = age(as_of, day)
        when = ", the month under way" if under_way else f", {old}" if old else ""
        if len(rows) == 1:
            values, labels = rows[0]["value_text"], rows[0]["label"]
        else:
            values = " or ".join(dict.fromkeys(f["value_text"] for f in rows))
            labels = "; ".join(f"{f['value_text']}: {f['label']}" for f in rows)
        disputes = dict.fromkeys(disputed(f["disputed"]) for f in rows if f["disputed"])
        out.append("\n".join([f"{figure}: {values} as of {as_of}{when} ({labels})", *disputes]))
    return out


def lines(content: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(section, rows) of the whole page (--full), as text."""
    day = content["date"]
    eras = [
        f"{e['name']} ({_span(e['start'], e['end'])}){'; ' + _when(e, day) if _when(e, day) else ''}"
        for e in content["eras"]
    ]
    leaders = []
    for c in content["leaders"]:
        for p in c["leaders"]:
            when = _when(p, day)
            note = f", {p['note']}" if p["note"] else ""
            leaders.append(
                f"{c['name']}: {p['name']} ({_span(p['start'], p['end'])}{note})"
                + (f"; {when}" if when else "")
            )
    figures = _figure_lines(content["figures"], day)
    # Each event's date padded to a day's width and its type to the list's widest, so
    # that the titles start in one column, as on the one screen (a month's "2015-07" put
    # its title two columns left of its neighbours').
    type_width = max((len(e["type"]) for e in content["events"]), default=0)
    events = [
        f"{date_padded(_dates(e))}  {e['type']:<{type_width}}  {e['title']}  [{e['id']}]"
        for e in content["events"]
    ]
    w = content["window"]
    return [
        ("In place", eras),
        (LEADERS + _as_of(content), leaders),
        (
            FIGURES
            + (
                ""
                if content["figures_marked_headline"]
                else " (no figure is marked headline: French forces, MINUSMA, displacement)"
            ),
            figures,
        ),
        (f"Events {span_said(w['start'], w['end'])}", events),
    ]


def _more_figures(content: dict[str, Any], width: int) -> str | None:
    """The line closing the figures: how many others were known by then, and the command
    that lists them, on a line of its own when the two do not fit ``width``
    (onescreen.pointer_lines); none when there are none. With no headline figure shown
    it stands in for "none recorded", which the figures it counts would belie (`on
    2012-01`: no headline series yet, one figure known)."""
    other = content["other_figures"]
    n = other["count"]
    if not n:
        return None
    many = plural(n, "figure was", "figures were")
    said = (
        f"{n:,} other {many} known by then"
        if content["figures"]
        else f"no headline figure yet; {n:,} {many} known by then"
    )
    return pointer_lines(said, other["command"], width)


def _no_leader(content: dict[str, Any], width: int) -> str | None:
    """The line closing the leaders: the countries of the window's events, and those whose
    leaders the data holds, for which it records no leader on the day, lest their absence
    read as a country without one; wider than ``width``, it goes on two columns further
    in, as a leader's item does (K48)."""
    names = [c["name"] for c in content["no_leader_recorded"]]
    said = f"no leader recorded for: {', '.join(names)}"
    return "\n".join(indented(said, width, 2, 4)) if names else None


def _row(env: Env, *cells: str) -> None:
    # One record per line: data text never breaks a row.
    env.out.write("\t".join(" ".join(c.split()) for c in cells) + "\n")


def _plain(env: Env, content: dict[str, Any]) -> None:
    day = content["date"]
    _row(env, "date", day)
    if content["note"]:
        _row(env, "note", content["note"])
    for e in content["eras"]:
        # as of the record's end for a day after it, last as a leader's row has it
        _row(env, "era", e["id"], e["start"], e["end"] or "", e["name"], _when(e, day),
             e["as_of"] or "")  # fmt: skip
    for c in content["leaders"]:
        for p in c["leaders"]:
            # the role last (U10 could not tell the president from the prime minister),
            # then the office it holds, a column added at the end (U36), then the day
            # it was known to hold, the record's end for a day after it (U41)
            _row(env, "leader", c["country"], p["id"], p["name"], p["start"] or "",
                 p["end"] or "", _when(p, day), p["note"] or "", p["office"],
                 p["as_of"] or "")  # fmt: skip
    for c in content["no_leader_recorded"]:  # no leader recorded on the day
        _row(env, "no-leader", c["country"], c["name"])
    for f in content["figures"]:
        # value, low, high as `facts` prints them: a range has no single value, and a
        # script reading the value column alone must not take it for a missing figure;
        # the value as its source words it ("more than 32500")
        low, high = (("" if f[k] is None else str(f[k])) for k in ("low", "high"))
        value = m.qualified(f["qualifier"], "" if f["value"] is None else str(f["value"]))
        # under_way last: a series may hold the latest completed figure and a month's
        # under way, which a script taking "the latest" must tell apart
        _row(env, "figure", f["id"], f["as_of"], value, low, high, f["unit"], f["figure"],
             f["label"], "true" if f["period_under_way"] else "false")  # fmt: skip
        if f["disputed"]:  # a row of its own: the figure rows keep their columns
            _row(env, "disputed", f["id"], f["disputed"])
    other = content["other_figures"]
    if other["count"]:  # as the terminal's closing line: the rest, and how to list them
        _row(env, "other-figures", str(other["count"]), other["command"])
    for e in content["events"]:
        _row(env, "event", e["date"], e["end"] or "", e["type"], e["id"], e["title"])


def _item(row: str) -> Any:
    """A row as a bullet's text: bold when something begins or ends on the day; a
    dispute under a figure (_figure_lines) styled as `facts` styles it."""
    from rich.text import Text

    first, *disputes = row.split("\n")
    text = Text(inert(first), style="bold" if "ends " in first or "begins " in first else "")
    for note in disputes:
        text.append("\n" + inert(note), style=DISPUTED_STYLE)
    return text


def _title(con: Any, content: dict[str, Any]) -> None:
    from rich.text import Text

    con.print(Text(inert(f"The situation on {content['date']}"), style="bold"))
    if content["note"]:
        con.print(Text(inert(content["note"]), style="italic"))


def _one_screen(
    env: Env, data: m.Dataset, content: dict[str, Any], whole: str, notes: tuple[str, ...] = ()
) -> None:
    """The page on one screen; ``whole``: the command that draws it whole (`on`'s own,
    with --full); ``notes``: said under the events."""
    from barkhane_cli.render.table import console

    con = console(env)
    _title(con, content)
    _eras_now(con, data, content)
    _leaders_now(con, content)
    _figures_now(con, data, content)
    _events_now(con, content)
    _notes(con, notes)
    con.print()
    pointer(con, WHOLE_PAGE, whole)


def _notes(con: Any, notes: tuple[str, ...]) -> None:
    """What the events listed leave out, under them, as a summary says it under its head."""
    from rich.text import Text

    for note in notes:
        con.print(Text(note, style="italic"))


def _eras_now(con: Any, data: m.Dataset, content: dict[str, Any]) -> None:
    """The eras in place, one item each with its years (as `summary` lists them)."""
    from barkhane_cli.render.table import item_lines

    rows = content["eras"]
    said = f": {len(rows)} in place" if rows else ": none in place"
    said += _as_of_rows(rows)
    heading(con, "Eras", f"{said} (every era: {followups.command('eras')})")
    if rows:
        items = [era_item(data.eras[e["id"]], _mark(e)) for e in rows]
        con.print(item_lines(items, con.width, indent=2))


def _as_of(content: dict[str, Any]) -> str:
    """The words ", as of the record's end (2022-11-09)" for leaders listed as of its end
    (situation.leaders_as_of: a day after it), else nothing."""
    return _as_of_rows([p for c in content["leaders"] for p in c["leaders"]])


def _as_of_rows(rows: list[dict[str, Any]]) -> str:
    """_as_of for any rows carrying ``as_of`` (leaders, eras): one wording for both."""
    as_of = rows[0]["as_of"] if rows else None
    return f", as of the record's end ({as_of})" if as_of else ""


def _leader_items(rows: list[tuple[str, list[dict[str, Any]]]], day: str) -> list[Any]:
    """One item a country: its name, then its leaders' names, each with what begins or
    ends on the day, or that the term had ended by then (_ended)."""
    from rich.text import Text

    items = []
    for name, people in rows:
        item = Text(f"{inert(name)}: ", style="dim")
        for at, p in enumerate(people):
            item.append(", " if at else "")
            item.append(inert(p["name"]))
            said = _mark(p) or _ended(p, day)
            if said:
                item.append(f" ({said})", style="bold")
        items.append(item)
    return items


def _leaders_now(con: Any, content: dict[str, Any]) -> None:
    """Each country's head of state, one item a country, and under a heading of their
    own the heads of government of the countries with no head of state recorded: with
    every term and note, the leaders ran to 53 lines of `on 2021-05-24` at 80 columns.
    A prime minister once stood under "each country's head of state" where no head of
    state was recorded (U41: Choguel Maïga as Mali's on 1 March 2023)."""
    from rich.text import Text

    from barkhane_cli.render.table import item_lines

    states, governments = [], []
    for c in content["leaders"]:
        heads = [p for p in c["leaders"] if not head_of_government(p)]
        if heads:
            states.append((c["name"], heads))
        else:
            governments.append((c["name"], c["leaders"]))
    heading(con, LEADERS, f": each country's head of state{_as_of(content)}")
    if states:
        con.print(item_lines(_leader_items(states, content["date"]), con.width, indent=2))
    more = _no_leader(content, con.width)
    if more or not content["leaders"]:
        con.print(Text(more or "  none recorded", style="dim"))
    if governments:
        said = f", where no head of state is recorded{_as_of(content)}"
        heading(con, "Heads of government", said)
        con.print(item_lines(_leader_items(governments, content["date"]), con.width, indent=2))


def _figures_now(con: Any, data: m.Dataset, content: dict[str, Any]) -> None:
    """One figure a series, the latest by the day (situation.figure_rows)."""
    from rich.text import Text

    marked = "" if content["figures_marked_headline"] else " (none is marked headline)"
    heading(con, FIGURES, f": one a series, the latest by the day{marked}")
    facts = [data.facts[i] for i in content["latest_figures"]]
    if not facts:
        con.print(
            Text(_more_figures(content, con.width) or "  none recorded", style="dim"),
            soft_wrap=True,
        )
        return
    command = content["other_figures"]["command"]
    figure_lines(con, data, facts, "every figure known then", command, content["date"])


def _events_now(con: Any, content: dict[str, Any]) -> None:
    """The events nearest the day (situation.nearest_events), a line each, cut at the
    line's end, and the command listing the window's every one; for a month or a year
    holding more than the screen lists, those spread over it, and the command listing the
    period's."""
    from rich.text import Text

    w, day = content["window"], content["date"]
    events = content["events"]
    near = set(content["nearest_events"])
    shown = [e for e in events if e["id"] in near]
    spread = content["events_on_date"] > len(shown)
    if spread:
        said = f": {len(shown)} of the {content['events_on_date']:,} of {day}, spread over it"
    else:
        said = f": the {len(shown)} nearest the day" if len(shown) < len(events) else ""
    heading(con, f"Events {span_said(w['start'], w['end'])}", said)
    if not events:
        con.print(Text("  none recorded", style="dim"))
        return
    for e in shown:
        line = Text("  ")
        line.append(date_padded(_dates(e)), style="dim")
        line.append("  " + inert(e["title"]))
        con.print(line, no_wrap=True, overflow="ellipsis")
    if len(shown) < len(events):
        start, end = (day, day) if spread else (w["start"], w["end"])
        n = content["events_on_date"] if spread else len(events)
        said = f"all {counted(n, 'event')}" + (f" of {day}" if spread else "")
        pointer(con, said, events_command(start, end))


def _rich(
    env: Env,
    content: dict[str, Any],
    md: MapData,
    title: str,
    max_rows: int,
    ascii_only: bool,
    fixed: bool,
    notes: tuple[str, ...] = (),
) -> None:
    from rich.text import Text

    from barkhane_cli.render import maps
    from barkhane_cli.render.cards import bullets
    from barkhane_cli.render.table import console

    con = console(env)
    _title(con, content)
    for section, rows in lines(content):
        con.print(Text(section, style="bold"))
        more = (
            _more_figures(content, con.width)
            if section.startswith(FIGURES)
            else _no_leader(content, con.width)
            if section.startswith(LEADERS)
            else None
        )
        if not rows:
            con.print(Text(more or "  none recorded", style="dim"), soft_wrap=True)
            continue
        # as on cards: a wrapped item continues under its own text, not at column 0
        con.print(bullets(_item(row) for row in rows))
        if more:
            con.print(Text(more, style="dim"), soft_wrap=True)
    _notes(con, notes)  # under the events, the last section
    if md.markers:
        maps.render(env, md, title, max_rows, ascii_only, fixed)


def page(
    content: dict[str, Any],
    dataset: m.Dataset,
    events: list[m.Event],
    title: str,
    max_rows: int,
    ascii_only: bool,
    whole: str,
    fixed: bool = False,
    full: bool = False,
    notes: tuple[str, ...] = (),
) -> Callable[[Env, str | None], None]:
    """The page, drawn on a target in a format (cli.base.present's view: the terminal, and
    an --export's the terminal form): ``full`` the whole page (--full), else one screen;
    ``whole`` the command the one screen points to for the whole page. The page as the
    terminal shows it is what --export saves, one screen or with --full the whole page and
    its map (a vector map alone left out what the .txt export had, U19). ``notes``:
    what the events listed leave out (an import's records folded into their curated
    events), said under them on the drawn page."""

    @cache
    def markers() -> MapData:
        """The events' map, which only the whole page draws: worked out for every `on`,
        the one screen and JSON too, it cost them the map module and some 25 ms of
        locating; once for the terminal and an --export both."""
        from barkhane_cli import mapping

        return mapping.markers(dataset, events)

    def view(target: Env, f: str | None) -> None:
        f = resolve_format(f, target)
        if f in ("json", "jsonl"):
            write_document(target, f, content)
        elif f == "geojson":
            from barkhane_cli.render.events import event_records
            from barkhane_cli.render.records import emit

            emit(target, "geojson", event_records(dataset, events))
        elif f == "plain":
            _plain(target, content)
        elif not full:
            _one_screen(target, dataset, content, whole, notes)
        else:
            _rich(target, content, markers(), title, max_rows, ascii_only, fixed, notes)

    return view
