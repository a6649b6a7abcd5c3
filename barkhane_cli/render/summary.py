"""Drawing `summary`: the story of a window on one screen, or (``--full``) every list whole.

The one screen keeps what an analyst reads first and says, for each list it shortens,
how many there are and the command that gives them all: the eras in place at the
window's end (`barkhane eras`), the most active actors (`barkhane actors`), one latest
figure a series (`barkhane facts`), the judgments' tally (`barkhane judgments`). At 80
columns the whole list ran to some 176 lines (K41). Piped, every list is whole.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from barkhane_cli import followups, forecasts, query
from barkhane_cli import model as m
from barkhane_cli.briefing import COUNTED_DEATHS, Axis, Bin
from barkhane_cli.dates import span_said
from barkhane_cli.lookup import fact_value_text
from barkhane_cli.render.briefing import gantt_rich
from barkhane_cli.render.charts import bars_rich
from barkhane_cli.render.env import Env
from barkhane_cli.render.onescreen import era_item, figure_lines, heading, pointer
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import (
    DISPUTED_STYLE,
    GREY,
    KIND_STYLES,
    VERDICT_STYLES,
    disputed,
)
from barkhane_cli.text import counted, plural

# Where a headline figure's value starts in the full summary, after its category; its
# dispute note goes under it there.
_INDENT = 15
# The one screen: 50 rows at 80 columns, the README's "the story on one screen", less the
# two less -F keeps (the pager's LESS=FRX paged 49 lines in 50 rows; U41: 61 lines opened
# the pager, the judgments on its second page). Its headline figures are at most
# FIGURES_A_CATEGORY series of each category (casualties, displacement, troops,
# violence) and FIGURES in all, first in the record's order: displacement alone had 13,
# most of them refugees counted again from the other side of a border. The closing
# line says how many more --full gives; piped and JSON give every one.
ONE_SCREEN = 48
FIGURES_A_CATEGORY = 4
FIGURES = 12


def summary_rich(
    env: Env,
    data: m.Dataset,
    content: dict[str, Any],
    full: bool,
    whole: str,
    notes: tuple[str, ...] = (),
) -> None:
    """The drawn summary; ``whole``: the command that draws its lists whole (the
    summary's own, with --full); ``notes``: what its counts left out (an import's records
    folded into their curated events), said under its head."""
    from barkhane_cli.render.table import console

    con = console(env)
    _head(env, con, data, content, notes)
    if full:
        _eras_chart(env, con, data, content)
        _actors(con, data, content, "")
        _figures_whole(con, data, content)
        _judgments_whole(con, content)
        return
    _eras_in_place(con, data, content)
    _actors(con, data, content, f" (every actor: {followups.command('actors')})")
    _figures_latest(con, data, content, whole)
    _judgments_tally(con, content)


def _head(
    env: Env, con: Any, data: m.Dataset, content: dict[str, Any], notes: tuple[str, ...] = ()
) -> None:
    """The window and its counts in a panel, a note on a window outside the record, and
    the events per year (or month, on a window of two years or less)."""
    from rich.panel import Panel
    from rich.text import Text

    period = content["period"]
    head = Text(span_said(period["start"], period["end"]), style="bold")
    if not period["events"]:
        head.append("  0 events in this slice")
    else:
        # every count through one format, with its thousands separator (U22: "1390
        # events · 408 disputed · 12,951 deaths"), its noun agreeing ("1 events", RR31)
        deaths = period["fatalities_recorded"]
        # the sum over these events, not the war's toll, which the record does not count
        # (U41 read "13,704 deaths recorded" as one): said before the cut
        these = plural(period["events"], "this event", "these events")
        in_them = f"in {these}, not a total toll ({COUNTED_DEATHS})"
        counts = (
            (period["events"], plural(period["events"], "event")),
            (period["disputed"], "disputed"),
            (deaths, f"{plural(deaths, 'death')} {in_them}"),
        )
        # two spaces after the span: its " to " took the third, and at 80 columns the
        # counts' line would wrap once more
        head.append("  " + " · ".join(f"{n:,} {what}" for n, what in counts))
    title = "Sahel conflict: the record"
    if period.get("countries"):
        title += " in " + query.countries_said(data, period["countries"])
    if period.get("places"):
        named = [data.places[p].name if p in data.places else p for p in period["places"]]
        title += (" and " if period.get("countries") else " in ") + ", ".join(named)
    # what the deaths' sum left out, under it on the panel's edge: a line of its own
    # pushed the whole record's summary past one screen (ONE_SCREEN)
    elsewhere = m.counted_elsewhere_note(period["counted_elsewhere"]) if period["events"] else None
    edge = elsewhere if elsewhere and len(elsewhere) + 6 <= con.width else None
    con.print(Panel(head, title=title, title_align="left", subtitle=edge, subtitle_align="left"))
    if elsewhere and not edge:  # a narrow terminal would cut it on the edge
        con.print(Text(elsewhere, style="italic"))
    if period["note"]:
        con.print(Text(period["note"], style="italic"))  # as `on` shows it
    for told in period.get("place_notes", ()):  # as under timeline --place's table
        con.print(Text(told, style="italic"))
    for note in notes:  # under the counts they qualify
        con.print(Text(note, style="italic"))
    if content["events_per_month"] is not None:
        bins = _bins(content["events_per_month"], "month")
        bars_rich(env, bins, f"Events per month, {_BY_TYPE}", "", stack=True)
    elif content["events_per_year"]:  # none for a window outside the record
        bins = _bins(content["events_per_year"], "year")
        bars_rich(env, bins, f"Events per year, {_BY_TYPE}", "", stack=True)


# what the bars count, in their title: a caption line under the legend said it again
_BY_TYPE = "by type of event"


def _bins(rows: list[dict[str, Any]], key: str) -> list[Bin]:
    return [
        Bin(str(y[key]), float(y["events"]), {k: float(v) for k, v in y["by_type"].items()})
        for y in rows
    ]


def _eras_chart(env: Env, con: Any, data: m.Dataset, content: dict[str, Any]) -> None:
    eras = [data.eras[e["id"]] for e in content["eras"]]
    if eras:
        heading(con, "Eras")
        a, b = content["axis"]["start"], content["axis"]["end"]
        axis = Axis(dt.date.fromisoformat(a).toordinal(), dt.date.fromisoformat(b).toordinal())
        gantt_rich(env, eras, axis)


def _eras_in_place(con: Any, data: m.Dataset, content: dict[str, Any]) -> None:
    """The eras in place on the window's last day, each with its years, and how many of
    the window's they are: the chart of all 29 took 37 lines at 80 columns."""
    from barkhane_cli.render.table import item_lines

    current = content["current_eras"]
    # the window's eras and those in place on the day, which may begin after its last
    # event (an actor's, a country's): the day is the figures'
    total = len({e["id"] for e in content["eras"]} | set(current["eras"]))
    if not total:
        return
    running = [data.eras[i] for i in current["eras"]]
    heading(
        con,
        "Eras",
        f": {len(running)} of {total} in place on {current['day']} "
        f"(every era: {followups.command('eras')})",
    )
    items = [era_item(era) for era in running]
    if items:
        con.print(item_lines(items, con.width))


def _actors(con: Any, data: m.Dataset, content: dict[str, Any], pointer: str) -> None:
    from barkhane_cli.render.table import item_lines

    if not content["top_actors"]:
        return
    heading(con, "Most active actors", pointer)
    items = []
    for a in content["top_actors"]:
        # by the name tables give them: MINUSMA's whole name took a line of its own
        actor = data.actors.get(a["id"])
        name = actor.label if actor is not None else a["name"]
        item = safe_text(f"{name} ", style=KIND_STYLES.get(a["kind"] or "", GREY))
        item.append(f"({a['events']})", style="dim")
        items.append(item)
    con.print(item_lines(items, con.width))


def _figures_latest(con: Any, data: m.Dataset, content: dict[str, Any], full: str) -> None:
    """One line a series, its latest figure in the window (onescreen.figure_lines); the
    closing line says where each is whole, with its sources and its dispute."""
    every = [data.facts[i] for i in content["latest_figures"]]
    if not every:
        about = content.get("no_figures_about") or []
        if about:  # said, not left out unsaid: an actor's summary with no figures line
            names = " or ".join(data.actors[a].label if a in data.actors else a for a in about)
            said = f": the record holds none about {names} (every figure: "
            heading(con, "Headline figures", said + f"{followups.command('facts')})")
        return
    facts = first_of_each_category(every)
    # on the eras' day (said above them), the window's last: a slice's events end sooner
    day = content["figures_day"]
    said = f": the latest on {day} (every figure: {followups.command('facts')})"
    heading(con, "Headline figures", said)
    left = len(every) - len(facts)
    # on one line with its command at 80 columns, as "each in full, with its sources" is
    said = f"{left} more series, and each with its sources" if left else ""
    figure_lines(con, data, facts, said or "each in full, with its sources", full)


def first_of_each_category(facts: list[m.Fact]) -> list[m.Fact]:
    """At most FIGURES_A_CATEGORY of each category and FIGURES in all, each category's
    first in the order given; past FIGURES the category with most gives way first (at
    the record's end displacement keeps three: Burkina Faso's and Mali's displaced and
    the Central Sahel's total, Niger's among them), so no category is left out."""
    by_category: dict[str, list[m.Fact]] = {}
    for f in facts:
        by_category.setdefault(f.category, []).append(f)
    room = {c: min(len(fs), FIGURES_A_CATEGORY) for c, fs in by_category.items()}
    while sum(room.values()) > FIGURES:
        most = max(room, key=lambda c: (room[c], len(by_category[c])))
        room[most] -= 1
    kept = {id(f) for c, fs in by_category.items() for f in fs[: room[c]]}
    return [f for f in facts if id(f) in kept]


def _figures_whole(con: Any, data: m.Dataset, content: dict[str, Any]) -> None:
    """Every headline figure: of each series its latest and the figures marked headline,
    with its first source and its dispute's opening."""
    from rich.table import Table

    from barkhane_cli.render.table import CUT_SAID, clip_lines

    if not content["headline_facts"]:
        return
    heading(con, "Headline figures", f": the latest of each series on {content['figures_day']}")
    width = (con.width or 80) - _INDENT
    # the category in a column of its own, so a figure's wrapped lines hang under its
    # text as its dispute note does, not at column 0 (U21)
    grid = Table.grid()
    grid.add_column(width=_INDENT, no_wrap=True, overflow="ellipsis", style="dim")
    grid.add_column(width=width)
    cut = False
    for f in content["headline_facts"]:
        fact = data.facts[f["id"]]
        text = safe_text(f"{fact_value_text(fact)} {fact.unit}", style="bold")
        # the first source, and how many more: six source ids ran a figure to three
        # lines (U20); `barkhane fact ID` lists them all
        refs = fact.sources[0].id if fact.sources else ""
        if len(fact.sources) > 1:
            refs += f" and {len(fact.sources) - 1} more"
        text.append_text(safe_text(f"  {fact.label} (as of {fact.as_of}; {refs})"))
        grid.add_row(safe_text(f"  {fact.category}"), text)
        if fact.disputed:  # cut as a table cuts it: a whole note ran to 9 lines (U20)
            # its figure's id after the ellipsis, the command under the grid: in the
            # cell, `barkhane fact --data '/tmp/x y/mine.toml' ID` broke at 80 columns
            whole = disputed(fact.disputed)
            note = clip_lines(whole, width, fact.id)
            cut = cut or note != whole
            grid.add_row("", safe_text(note, style=DISPUTED_STYLE))
    con.print(grid)
    if cut:
        pointer(con, CUT_SAID, followups.command("fact", "ID"))


def _judgments_tally(con: Any, content: dict[str, Any]) -> None:
    """How many judgments each verdict has, in one line: a heading's, so at 40 columns
    its last words go on two columns in, not at column 0 (RR35)."""
    from rich.text import Text

    if not content["judgments"]:
        return
    line = Text(": ")
    tally = content["forecasts"]
    for at, name in enumerate(forecasts.FORECASTS):
        line.append(" · " if at else "")
        line.append(f"{tally[name]} {name}", style=VERDICT_STYLES[name])
    line.append(f" ({followups.command('judgments')})")
    # the closing line, under the figures' pointer with no blank line: a line of the one
    # screen (ONE_SCREEN) is worth more than a gap before one line
    heading(con, "The seed's judgments", line, gap=False)


def _judgments_whole(con: Any, content: dict[str, Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    if not content["judgments"]:
        return
    heading(con, "The seed's key judgments")
    # the band and the verdict in columns of their own, each as wide as its widest,
    # so the quotes start in one column and their wrapped lines hang under their text,
    # as the headline figures do (U22: a second line at column 0, and "95%–100%"
    # pushed its verdict and quote one column right of the others)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(no_wrap=True)
    grid.add_column()
    for j in content["judgments"]:
        low, high = j["probability"]
        verdict = Text(j["forecast"], style=f"bold {VERDICT_STYLES[j['forecast']]}")
        quote = safe_text(f"“{j['quote']}”", style="italic")
        grid.add_row(f"  {forecasts.band_label(low, high)}", verdict, quote)
    con.print(grid)


def summary_plain(env: Env, content: dict[str, Any]) -> None:
    """Piped: every list whole, one record a line, its kind first."""
    out = env.out
    p = content["period"]
    events = counted(p["events"], "event")
    out.write(f"period\t{p['start']}\t{p['end']}\t{events}\t{p['disputed']} disputed\n")
    if p["note"]:
        out.write(f"note\t{p['note']}\n")  # as `on` words a day outside the record
    for told in p.get("place_notes", ()):
        out.write(f"note\t{told}\n")
    for y in content["events_per_year"]:
        out.write(f"year\t{y['year']}\t{y['events']}\n")
    for e in content["eras"]:
        out.write(f"era\t{e['start']}\t{e['end'] or ''}\t{inert(e['name'])}\n")
    for a in content["top_actors"]:
        out.write(f"actor\t{a['id']}\t{inert(a['name'])}\t{a['events']}\n")
    for f in content["headline_facts"]:
        value = (
            m.qualified(f["qualifier"], str(f["value"]))
            if f["value"] is not None
            else f"{f['low']}-{f['high']}"
        )
        out.write(
            f"fact\t{f['id']}\t{value}\t{inert(f['unit'])}\t{f['as_of']}\t{inert(f['label'])}\n"
        )
    for j in content["judgments"]:
        low, high = j["probability"]
        out.write(
            f"judgment\t{j['id']}\t{low}-{high}\t{j['outcome'] or ''}\t{j['forecast']}\t"
            f"{inert(j['quote'])}\n"
        )
