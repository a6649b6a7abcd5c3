"""The pieces `summary` and `on DATE` draw on their one screen (K41, K42).

Each one-screen view shows in place what answers its question and points, under each
section it shortens, to the command that gives it whole: an era as one item with its
years, and one figure a series, a line each, cut at the line's end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from textwrap import shorten, wrap
from typing import TYPE_CHECKING, Any

from barkhane_cli import followups
from barkhane_cli import model as m
from barkhane_cli.dates import parse_iso
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import DISPUTED_STYLE, era_colour
from barkhane_cli.text import LINKS

if TYPE_CHECKING:
    from rich.text import Text

# The option that draws every list whole, said after the view's own command line in its
# pointers; `summary` and `on` (cli/briefing.py, cli/map.py) take it by this name. The
# commands import this module to build their options: what it imports at its top is
# loaded by every --help and usage error of theirs, so lookup is imported where used.
FULL = "--full"


# A follow-up as followups.command writes it (followups.WRITTEN). A wrap keeps it on one
# line, however wide: broken at 80 columns ("--since 2021-05-11" | "--until 2021-07-10",
# "'/tmp/x" | "y/mine.toml'"), copied line by line it ran another query, then failed
# (U34). Prose after it that reads as words ("... gao lists them all") is kept with it: a
# longer line, never a wrong command. Printed with soft_wrap: the terminal wraps it, unbroken.
_COMMAND = followups.WRITTEN
# An option and its value in prose, as a note says what to add ("add --type battle
# --type massacre", "--place solhan lists its events"): kept together as a command is.
# Broken, the footer's "add --type" | "massacre" at 40 columns read as two things to do.
_OPTION = re.compile(r"--[a-z][\w-]* (?!-)[\w@%+=:,./-]+")
_GLUE = "\0"  # a space inside a command while the text is wrapped


def heading(con: Any, title: str, said: str | Text = "", gap: bool = True) -> None:
    """A section's bold title after a blank line (none without ``gap``), and what it says
    of its list, plain or in its own styles (the judgments' tally); a line it does not fit
    continues two columns in (hanging), not as a heading of its own."""
    from rich.text import Text

    line = Text(title, style="bold")
    line.append(said)
    lead = Text("\n" if gap else "")
    con.print(lead.append_text(hanging(line, con.width, 0, 2)), soft_wrap=True)


def age(as_of: str, day: str, room: int | None = None) -> str:
    """How long before ``day`` a figure's period ended, when two years or more: "3 years
    earlier", else nothing. The latest figure of a series can be old (Tillabéri's
    displaced of May 2018 is still the latest of its series at the end of 2021), and a
    reader must not take it for news: `on`'s whole page and its one screen both say it.
    Counted from ``day``'s last day, by which a month's or a year's figures are the
    latest (situation.figure_rows): from its first, `on 2021` called the May 2018 figure
    "2 years earlier" beside December 2021's, and `on 2021-12` "3 years earlier". In a
    narrow column (``room``), "3y old"."""
    years = (parse_iso(day).last() - parse_iso(as_of).last()).days // 365
    if years < 2:
        return ""
    said = f"{years} years earlier"
    # in a label's column of ``room`` cells, the words and ten of the label's, else the
    # short form: at 40 columns a 10-cell column cut the age itself, "2 years e…" (K48)
    return said if room is None or len(said) + 2 + 10 <= room else f"{years}y old"


def _cut(label: str, room: int) -> str:
    """A figure's label cut at a word to ``room`` cells, as a dispute note is
    (table.clip_lines): "since 201…" read as a year; where the flag and the range fill
    the column, the label is "…" and the column cuts the row (textwrap refuses a width
    under 1: at 40 columns, an internal error)."""
    return shorten(label, max(1, room), placeholder="…")


def apart(data: m.Dataset, facts: Sequence[m.Fact]) -> list[list[str]]:
    """For each figure, what sets its series apart from those of the other figures of
    its subject (briefing.series_of: "Casualties (MINUSMA)"), in words: where, the cause
    counted, a running total's start ("since 2013"), and for a count that is not one,
    beside totals, its year or month ("in 2021"). Cut at 80 columns, `on 2021`'s three
    MINUSMA death tolls read "MINUSMA personnel dead of all causes…", "MINUSMA personnel
    killed in hostile…" and "MINUSMA peacekeepers killed in…": a total since 2013 and a
    year's count, the words that told them apart cut off (U36)."""
    from barkhane_cli.briefing.headline import series_of

    series = [series_of(data, f) for f in facts]
    said: list[list[str]] = [[] for _ in facts]
    subjects: dict[str, list[int]] = {}
    for at, s in enumerate(series):
        subjects.setdefault(s.subject, []).append(at)
    for members in subjects.values():
        ones = [series[at] for at in members]
        # a subject's only series says its area too: alone, a part's count read as the
        # whole's (U41: summary's one G5 Joint Force figure, "900 troops … G5 Sahel Joint
        # Force troops at the…", was the Centre sector's, cut before it said so)
        areas = len({s.area for s in ones}) > 1 or len(ones) == 1
        causes = len({s.cause for s in ones}) > 1
        totals = len({s.since for s in ones}) > 1
        for at in members:
            s, f = series[at], facts[at]
            period = f.as_of.precision != "day" and f"in {f.as_of}"
            total = f"since {s.since.year}" if s.since else period
            for word, differs in ((s.area, areas), (s.cause, causes), (total, totals)):
                if differs and word:  # "Central Sahel", its parenthesis left to the label,
                    # and of two names its first ("Central Sahel / Liptako-Gourma crisis")
                    first = _PARENTHESIS.sub(" ", word).split(" / ")[0]
                    said[at].append(" ".join(first.split()))
    return said


# A parenthesis, which a part leaves to the label ("Central Sahel (Burkina Faso, Mali,
# Niger)": "Central Sahel"); the words a label says a part without are text.LINKS.
_PARENTHESIS = re.compile(r"\([^)]*\)?")


def _says(shown: str, part: str) -> bool:
    """Whether the words ``shown`` (normalized) say ``part``: each of its words, a link
    aside (text.LINKS), begins one of them ("Mali" is said by "Malian")."""
    from barkhane_cli.resolve import normalize

    words = shown.split()
    wanted = normalize(part).split()
    return all(any(w.startswith(p) for w in words) for p in wanted if p not in LINKS)


def _unsaid(label: str, parts: list[str], room: int) -> list[str]:
    """The ``parts`` the label does not say as it is shown (_says), each after the others
    in ``room`` cells: not said twice ("Mali" beside "Internally displaced people in
    Mali"). One said takes room from the label, which may lose another's words: those are
    said too. None beside a label shown whole: its own words say what it counts; none
    that the room holds whole (at 40 columns, "3y old" is all of the lead there is)."""
    from barkhane_cli.resolve import normalize

    if len(label) <= room:
        return []
    unsaid: list[str] = []
    while True:
        lead = len(", ".join(unsaid) + ": ") if unsaid else 0
        shown = normalize(_cut(label, room - lead))
        more = [p for p in parts if p not in unsaid and not _says(shown, p)]
        if not more:
            break
        unsaid += more
    said = [p for p in parts if p in unsaid]
    while said and len(", ".join(said) + ": ") > room:
        said.pop()
    return said


def era_item(era: m.Era, mark: str = "") -> Any:
    """An era as an item of a line of eras: its short name in its kind's colour, its
    years dim, then ``mark`` in bold ("begins"): one item, never parted by a wrap."""
    item = safe_text(era.label, style=era_colour(era.kind))
    end = era.end.year if era.end else ""
    # a range of years, as prose writes one ("2013–2022", "2013–" while it runs), not a
    # span of dates (dates.SPAN): " to " in each item took summary past one screen
    years = era.start.year if end == era.start.year else f"{era.start.year}–{end}"
    item.append(f" {years}", style="dim")
    if mark:
        item.append(f" {mark}", style="bold")
    return item


def indented(text: str, width: int, indent: int, hang: int | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` columns broken at spaces, each ``indent``
    columns in: a continuation goes under its own text, as a bullet's does, not to
    column 0 as a terminal wraps it, or ``hang`` columns in where that is given (a
    heading's, an item's); a word wider than the line (an option, a date) is kept whole,
    never broken at its hyphens, nor a command to copy (_COMMAND) at its spaces, nor an
    option from its value (_OPTION)."""
    glued = _COMMAND.sub(lambda m: m.group().replace(" ", _GLUE), text)
    glued = _OPTION.sub(lambda m: m.group().replace(" ", _GLUE), glued)
    lines = wrap(
        glued,
        max(width, indent + 1, (hang or 0) + 1),
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent if hang is None else hang),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_GLUE, " ") for line in lines]


def hanging(text: Any, width: int, indent: int, hang: int) -> Any:
    """A styled ``text`` (a Rich Text) broken as ``indented`` breaks it, its styles kept:
    at 40 columns a heading's last words ("barkhane actors)") and an item wider than the
    line ("Transition under Assimi Goïta 2021– begins") went on at column 0 (K48)."""
    from rich.text import Text

    plain, out, at = text.plain, Text(), 0
    for number, line in enumerate(indented(plain, width, indent, hang)):
        words = line.lstrip(" ")
        start = plain.find(words, at)
        if start < 0:  # not a piece of the text (a tab or a line break in it): as it
            # was, at ``indent`` as the first of the lines would be (item_lines cuts it)
            return Text(" " * indent).append_text(text)
        at = start + len(words)
        out.append("\n" if number else "")
        out.append(line[: len(line) - len(words)])
        out.append_text(text[start:at])
    return out


def pointer_lines(said: str, command: str, width: int) -> str:
    """A closing line, "  ``said``: ``command``", the command on a line of its own when
    the two do not fit ``width``: wrapped, a command's last words began the next line at
    column 0 (`on 2030-01-01` at 80 columns: "--aftermath"), no longer a command to copy
    whole. Where ``said`` or the command is wider still (40 columns), each continues
    under its own text (indented)."""
    line = f"  {said}: {command}"
    if len(line) <= width:
        return line
    return "\n".join([*indented(f"{said}:", width, 2), *indented(command, width, 4)])


def pointer(con: Any, said: str, command: str) -> None:
    """A dim closing line (pointer_lines): what ``command`` gives, then the command."""
    from rich.text import Text

    con.print(Text(pointer_lines(said, command, con.width), style="dim"), soft_wrap=True)


def figure_lines(
    con: Any,
    data: m.Dataset,
    facts: Sequence[m.Fact],
    said: str,
    command: str,
    day: str | None = None,
) -> None:
    """One line a figure: the value, its unit and day in columns, then the label, cut at
    the line's end, a ⚑ before a disputed one, as of ``day`` its age (age) before an old
    one, and what sets it apart from a figure of the same subject (apart); the closing
    line says what ``command`` gives of them (``said``)."""
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.lookup import fact_value_parts

    # the figure in its column and its range, if any, before the label: "5,100 (5,000–
    # 5,500)" in the column took the labels' room on every line
    values = [fact_value_parts(f) for f in facts]
    rows = [
        (figure, inert(f.unit), str(f.as_of)) for (figure, _), f in zip(values, facts, strict=True)
    ]
    widths = [max(len(r[at]) for r in rows) for at in range(3)]
    grid = Table.grid(padding=(0, 1))
    # each column as wide as its widest cell and the label the rest of the line, cut
    # there: left to share the width out, a grid cut "1,761,915" to "1…"
    grid.add_column(width=1)  # an indent: the figures read as the list they are
    for width, style, justify in zip(
        widths, ("bold", "", "dim"), ("right", "left", "left"), strict=True
    ):
        grid.add_column(width=width, no_wrap=True, style=style, justify=justify)  # type: ignore[arg-type]
    rest = max(10, con.width - 1 - sum(widths) - 4)  # less the indent and four gaps
    grid.add_column(width=rest, no_wrap=True, overflow="ellipsis")
    for f, row, (_, rng), parts in zip(facts, rows, values, apart(data, facts), strict=True):
        label = Text()
        if f.disputed:  # the flag alone in the dispute's colour: the label is no note
            label.append("⚑ ", style=DISPUTED_STYLE)
        if rng:
            label.append(f"({rng}) ", style="bold")
        old = age(str(f.as_of), day, rest) if day else ""
        # first of the words: a label cut at the line's end keeps them; of what sets it
        # apart, the parts its label does not say where it is cut (_unsaid)
        room = rest - len(label) - (len(old) + 2 if old else 0)
        lead = ", ".join([old] * bool(old) + _unsaid(f.label, parts, room))
        if lead:
            label.append(f"{lead}: ", style="bold")
        label.append_text(safe_text(_cut(f.label, rest - len(label))))
        grid.add_row("", *row, label)
    con.print(grid)
    flagged = "⚑ disputed; " if any(f.disputed for f in facts) else ""
    pointer(con, flagged + said, command)
