"""Detail views (an actor, a place, an event, a fact): a card of labelled rows and sections.

On a terminal the card is drawn with Rich; piped, it is ``label<TAB>value`` lines that
grep and awk can read; JSON gets the profile object. A card may carry a slice of events,
shown as a table below it (or as ``event<TAB>...`` rows when piped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.render import records
from barkhane_cli.render.env import Env
from barkhane_cli.render.records import emit, pick_fields, resolve_format, write_document
from barkhane_cli.render.styles import DISPUTED_STYLE, disputed


@dataclass(slots=True)
class Section:
    title: str
    lines: list[str] = field(default_factory=list)
    # A tree's lines are shown with branches on a terminal; flat lines are bullets.
    tree: bool = False
    # Drawn under the card's box, where a long URL is printed whole (never cut or folded
    # across lines, so it can be copied or clicked).
    below: bool = False


@dataclass(slots=True)
class Card:
    title: str
    subtitle: str
    style: str
    rows: list[tuple[str, str]]
    sections: list[Section]
    profile: dict[str, Any]
    events: list[m.Event] = field(default_factory=list)
    warning: str | None = None
    # What record formats (csv, tsv, md, ics, timelinejs) print when the card has no
    # events of its own: an event card prints its one event.
    records: list[m.Event] = field(default_factory=list)
    # Piped (plain), a row shows this instead: ISO dates like every machine output.
    machine: dict[str, str] = field(default_factory=dict)
    # How many events matched before --limit cut them (None: no limit was given).
    total: int | None = None
    limit: int | None = None
    # What record formats print for a card about something else than events (a fact
    # card: its fact as `facts` lists it); None: the events (or records) above.
    listing: Any = None
    # An actor's or a place's card: what its events section says when the filters leave
    # none ("No events of Wagner Group match --year 2020."). None: a card with no events
    # section (an event's, a fact's).
    no_events: str | None = None
    # An actor's or a place's card: what its events section says under its events (an
    # import's records folded into the curated events they pair with), as timeline's
    # footer says it; piped, told on a watched stderr.
    notes: list[str] = field(default_factory=list)
    # The commands the card points to, (what it gives, command), each on a line of its
    # own under the box (onescreen.pointer): inside it, `barkhane place --data '/tmp/x
    # y/mine.toml' menaka-region` broke over two lines at 80 columns (U36). Piped, a row
    # says them itself (``machine``).
    followups: list[tuple[str, str]] = field(default_factory=list)


def emit_card(
    env: Env,
    fmt: str | None,
    card: Card,
    data: m.Dataset,
    fields: str | None,
    wide: bool = False,
) -> None:
    fmt = resolve_format(fmt, env)
    if fmt in ("json", "jsonl"):
        write_document(env, fmt, card.profile)
    elif fmt in ("tsv", "csv", "md", "ics", "timelinejs", "geojson"):
        from barkhane_cli.render.events import event_records

        listed = card.listing or event_records(data, card.events or card.records)
        emit(env, fmt, listed, fields)
    elif fmt == "plain":
        _plain(env, card, data, fields)
    else:
        _rich(env, card, data, fields, wide)


def _plain(env: Env, card: Card, data: m.Dataset, fields: str | None) -> None:
    out = env.out
    for label, value in card.rows:
        value = card.machine.get(label, value)
        if value:
            out.write(f"{label}\t{' '.join(value.split())}\n")
    if card.warning:
        out.write(f"disputed\t{card.warning}\n")
    for section in card.sections:
        key = section.title.lower().split()[0]
        for line in section.lines:
            out.write(f"{key}\t{' '.join(line.split())}\n")
    if card.events:
        from barkhane_cli.render.events import event_records

        rs = event_records(data, card.events)
        names = pick_fields(rs, fields, "plain")
        for e in card.events:
            cells = [" ".join(rs.fields[n].text(e).split()) for n in names if n in rs.fields]
            out.write("event\t" + "\t".join(cells) + "\n")
    elif card.no_events:  # to a person watching stderr, as timeline's notes: rows stay rows
        records.tell(env, card.no_events)
    for note in card.notes if card.events else ():
        records.tell(env, note)


def _is_url(line: str) -> bool:
    return line.strip().startswith(("http://", "https://"))


def bullets(lines: Iterable[Any]) -> Any:
    """A bulleted list whose wrapped lines stay indented under their bullet; a line's own
    continuation lines (a quote, a note) go under it without a bullet. A line already
    made safe and styled (a rich Text) is shown as it is."""
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.render.safe import text as safe

    grid = Table.grid(padding=(0, 0))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for line in lines:
        if isinstance(line, Text):
            grid.add_row("  • ", line)
            continue
        first, *rest = line.split("\n")
        grid.add_row("  • ", safe(first))
        for more in rest:
            grid.add_row("    ", safe(more.strip()))
    return grid


def _rich(env: Env, card: Card, data: m.Dataset, fields: str | None, wide: bool) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    from barkhane_cli.render.onescreen import pointer
    from barkhane_cli.render.safe import text as safe
    from barkhane_cli.render.table import console

    con = console(env)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in card.rows:
        if value:
            grid.add_row(label, safe(value))
    parts: list[Any] = [grid]
    if card.warning:
        parts.append(safe(disputed(card.warning), style=DISPUTED_STYLE))
    for section in card.sections:
        if not section.lines or section.below:
            continue
        if section.tree:
            tree = Tree(Text(section.title, style="bold"), guide_style="dim")
            for line in section.lines:
                tree.add(safe(line))
            parts.append(tree)
        else:
            parts.append(Text(section.title, style="bold"))
            parts.append(bullets(section.lines))
    # The box's title keeps the id whole and shortens the name, with an ellipsis, to fit
    # (the full title is a row of the card).
    room = max(10, (con.width or 80) - 6 - len(card.subtitle) - 2)
    name = card.title if len(card.title) <= room else card.title[: room - 1].rstrip() + "…"
    title = safe(name, style=f"bold {card.style}", keep="")
    title.append_text(safe(f"  {card.subtitle}", style="dim", keep=""))
    con.print(Panel(Group(*parts), title=title, title_align="left", border_style=card.style))
    for said, command in card.followups:
        pointer(con, said, command)
    # The card's own events before the sources under it: the sources are a bibliography,
    # read last, and an actor's 30 of them put Wagner's events below line 265 at 80
    # columns (U32). Piped, the rows keep their place (_plain): a machine format.
    _events(env, card, data, fields, wide)
    for section in card.sections:
        if section.below and section.lines:
            con.print(safe(section.title, style="bold"))
            for line in section.lines:
                # the URL line is printed whole: a terminal may wrap it, but no newline
                # is put inside it, so it can be copied or clicked
                text = [p for p in line.split("\n") if not _is_url(p)]
                con.print(bullets(["\n".join(text)]))
                for url in (p.strip() for p in line.split("\n") if _is_url(p)):
                    con.print(safe("    " + url), no_wrap=True, crop=False, overflow="ignore")


def _events(env: Env, card: Card, data: m.Dataset, fields: str | None, wide: bool) -> None:
    """The card's events as a table under its title, or the line saying the filters left
    none (U32: `actor wagner --year 2020` dropped the section without a word)."""
    from rich.text import Text

    from barkhane_cli.render.events import event_records
    from barkhane_cli.render.safe import text as safe
    from barkhane_cli.render.table import console, records_table

    title = f"Events of {card.title}"
    if not card.events:
        if card.no_events:
            con = console(env)
            con.print(safe(title, style="bold", keep=""))
            con.print(Text(card.no_events))
        return
    rs = event_records(data, card.events)
    # The count is the table's closing line's (count_line), with --limit's cut: the
    # title saying it too printed "3 of 148 events (--limit 3)" twice (U30).
    rs.title = title
    if card.total is not None and card.total > len(card.events):
        rs.total, rs.limit = card.total, card.limit
    rs.notes = list(card.notes)
    names = pick_fields(rs, fields, "table") if fields else None
    records_table(env, rs, card.events, names, wide)
