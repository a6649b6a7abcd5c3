"""Rich tables for a person at a terminal. Imported only when a table is drawn."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import DEFAULT_JUSTIFY, DEFAULT_OVERFLOW, Span, Text

from barkhane_cli.render.env import Env
from barkhane_cli.render.onescreen import hanging, indented
from barkhane_cli.render.recordset import Field, RecordSet
from barkhane_cli.render.safe import console_class, inert, raw_stream, safe_link
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.render.styles import DISPUTED_STYLE
from barkhane_cli.text import plural

# A space that wrapping must not break at: one cell wide and not whitespace to Rich's
# wrap, so "37–39" and "dead" stay on one line of a narrow table; Glued shows it as a
# space. (A no-break space does not do: Python's \s matches it, and Rich breaks there.)
GLUE = "\u2800"


class Glued:
    """A cell whose GLUE characters are spaces that never start a new line."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: Any) -> Any:
        # The lines drawn as Rich draws a Text of them (Text.__rich_console__: justified,
        # truncated, joined), without wrapping them a second time: each already fits, and
        # that second wrap was ~15 % of drawing the timeline. A line's base style becomes
        # its first span, as joining the lines made it, so padding added stays unstyled.
        width = options.max_width
        lines = self.text.wrap(console, width)
        for line in lines:
            line.plain = line.plain.replace(GLUE, " ")  # same length: styles stay put
            if line.style:
                line.spans.insert(0, Span(0, len(line), line.style))
                line.style = ""
        justify = options.justify or DEFAULT_JUSTIFY
        overflow = options.overflow or DEFAULT_OVERFLOW
        lines.justify(console, width, justify=justify, overflow=overflow)
        for line in lines:
            line.truncate(width, overflow=overflow)
        yield from Text("\n").join(lines).render(console, end="\n")


class UnderTitle:
    """A date cell whose last line (the event's type) goes on the line after the title
    beside it ends: the second line of a wrapped title sat beside the type and read as
    part of it ("attack        contractor  bourem-…" as the type "attack contractor",
    U54). The title is wrapped as the column to its right wraps it: the rest of the row,
    less the gap (the layout that stacks the type under the date has those two columns).
    A row grows only where its text is shorter than its date column."""

    def __init__(self, head: Text, last: Text, title: Text) -> None:
        self.head, self.last, self.title = head, last, title

    def _text(self, rows: int) -> Text:
        text = self.head.copy()
        pad = max(rows - len(text.plain.split("\n")), 0)
        text.append("\n" * (pad + 1))
        text.append_text(self.last)
        return text

    def __rich_measure__(self, console: Console, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement.get(console, options, self._text(1))

    def __rich_console__(self, console: Console, options: Any) -> Any:
        beside = console.width - options.max_width - GAP
        rows = len(self.title.wrap(console, beside)) if beside > 0 else 1
        yield self._text(rows)


def _console_class() -> Any:
    class TerminalConsole(console_class()):  # type: ignore[misc]
        def on_broken_pipe(self) -> None:
            # Rich's default exits 1; a reader that went away (`| head`) is normal, and
            # the CLI turns this into a quiet exit 0 like every other format.
            self.quiet = True
            raise BrokenPipeError

    return TerminalConsole


def console(env: Env) -> Console:
    if env.recorder is not None:
        return env.recorder  # type: ignore[no-any-return]
    con: Console = _console_class()(
        file=raw_stream(env.out),
        # --color always / FORCE_COLOR through a pipe (for less -R): draw as a terminal
        # would, with the 16 standard colours when there is no terminal to ask
        force_terminal=env.is_tty or env.color,
        no_color=not env.color,
        color_system=("auto" if env.is_tty else "standard") if env.color else None,
        width=env.width,
        highlight=False,
        emoji=False,
        safe_box=env.ascii_only,
        markup=False,
        # Rich reads the environment itself unless given one: give it only what sets the
        # colour depth, from the run's settings (whether to colour is env.color's call).
        _environ=env.settings.rich_environ() if env.color else {},
    )
    return con


# The first rows go out at once (a person sees them while the rest is drawn); later
# chunks are bigger, since each is one Rich table with the same fixed column widths.
FIRST_CHUNK = 20
CHUNK = 200
GAP = 1  # space between columns: SIMPLE_HEAD draws one, without padding


@dataclass(slots=True)
class Column:
    name: str
    header: str
    width: int
    prose: bool  # wraps at spaces; everything else (ids, dates, numbers) never wraps
    justify: str
    cell: Callable[[Any], Text]


def records_table(
    env: Env, rs: RecordSet[Any], items: Iterable[Any], names: list[str] | None, wide: bool = False
) -> int:
    """Draw the records as a table, streaming: the header and first rows are written
    before the rest is read. Column widths come from the field definitions and the whole
    data set, never from the rows shown, so they do not jump between result sets."""
    con = console(env)
    it = iter(items)
    first = list(islice(it, CHUNK if wide else FIRST_CHUNK))
    if not first:
        # --limit 0 of rows that matched says how many, never that none did (U45: -n 0
        # said "no events match" of 9)
        cut_all = rs.limit == 0 and bool(rs.total)
        for line in [count_line(rs, 0)] if cut_all else (rs.empty_message, *rs.notes):
            if line:  # no empty_message: the command said why nothing is listed
                env.err.write(wrapped(env, line) + "\n")
        return 0
    chosen = names is None
    if names is None:
        names = rs.layout(con.width, wide) if rs.layout else rs.table_fields
    # A record set with a layout (events) declares its widths: it streams even when the
    # store does not hand over a basis.
    sized_by_rows = wide or (not rs.basis and rs.layout is None)
    if sized_by_rows:
        # --wide fits every column to the rows; a record set without a basis (search
        # hits) has only its rows to go by. Either way the table is read whole first.
        first, it = first + list(it), iter(())
    dropping = chosen and not wide
    cut: list[Any] = []  # the rows whose note the table cut (clip_lines)
    columns = _columns(
        rs, names, con.width, wide, first if sized_by_rows else None, cut, fit=not dropping
    )
    if dropping:
        # As gh does: columns a reader can do without go first on a narrow terminal,
        # rather than ids or numbers being cut; --wide brings them back.
        for name in rs.droppable:
            if _needed(rs, columns) <= con.width:
                break
            columns = [c for c in columns if c.name != name]
        basis = None if not sized_by_rows else first
        columns = _columns(rs, [c.name for c in columns], con.width, False, basis, cut)
    needed, terminal = table_width(columns), con.width
    if needed > con.width:
        # --wide: nothing cut; the terminal (or less -S) shows the rest. Else dates wider
        # than the terminal alone (_fit): Rich would cut them to fit.
        con.width = needed
    if rs.title:
        con.print(safe_text(rs.title, style="bold", keep=""))
    shown: list[Any] = []
    chunk, header = first, True
    while chunk:
        table = _table(env, columns, header)
        for item in chunk:
            table.add_row(*(c.cell(item) for c in columns))
        con.print(table)
        shown.extend(chunk)
        chunk, header = list(islice(it, CHUNK)), False
    if not wide:
        # the lines under a table of dates wider than the terminal are wrapped to the
        # terminal, not to the table: the terminal broke them again mid-word, "add --type
        # attack --t" | "ype battle" at 40 columns (RV35)
        con.width = terminal
    if rs.legend:
        items = [("■", style, label) for label, style in rs.legend(shown)]
        con.print(legend_text(items, con.width))
    for note in rs.footnotes(shown) if rs.footnotes else ():
        # each under its own mark, as a pointer's continuation is (onescreen.indented)
        con.print(Text("\n".join(indented(note, con.width, 2, 4)), style="dim"))
    _followups(con, rs, shown, bool(cut))
    # its notes' options kept with their values ("add --type massacre"), as hanging keeps
    # them; the terminal wraps a longer one, unbroken
    line = hanging(Text(count_line(rs, len(shown)), style="dim"), con.width, 0, 0)
    con.print(line, soft_wrap=True)
    return len(shown)


# What the line under a table says before rs.whole, where a row's note was cut (…).
CUT_SAID = "a note cut short (…) is whole in"


def _followups(con: Console, rs: RecordSet[Any], shown: list[Any], cut: bool) -> None:
    """The commands the rows point to, under the table, each on a line of its own
    (onescreen.pointer): inside a cell, `barkhane fact --data '/tmp/x y/mine.toml' ID`
    was broken over three lines at 80 columns, and copied so it ran another command
    (U36). Where a note was cut, the command giving it whole (rs.whole); then the
    record set's own (rs.below)."""
    from barkhane_cli.render.onescreen import pointer

    said = [(CUT_SAID, rs.whole)] if cut and rs.whole else []
    for what, command in said + (rs.below(shown) if rs.below else []):
        pointer(con, what, command)


def wrapped(env: Env, note: str) -> str:
    """A note for stderr wrapped at words to the terminal's width, as the notes under a
    table are: left to the terminal, "whatever they use" broke as "whatever t" | "hey
    use", and "djazairess" as "djaz" | "airess" (U19)."""
    con = console(env)
    # as a table's footer is (an option kept with its value), each of its lines
    lines = (hanging(Text(part), con.width, 0, 0).plain for part in note.split("\n"))
    return "\n".join(line.rstrip() for part in lines for line in part.split("\n"))


def legend_text(items: Iterable[tuple[str, str, str]], width: int) -> Text:
    """A legend's (swatch, its style, label) items, in indented lines (``item_lines``)."""

    def item(swatch: str, style: str, label: str) -> Text:
        shown = Text(swatch + " ", style=style)
        shown.append_text(safe_text(label))
        return shown

    return item_lines((item(*i) for i in items), width, indent=2)


def item_lines(items: Iterable[Text], width: int, indent: int = 0) -> Text:
    """Items two spaces apart, in lines of at most ``width`` columns broken between two
    items: wrapped by the terminal, an item was cut in two (at 80 columns "■ operation,
    withdrawal," | "accident" under a chart, a "■" ending a line under a table, its label
    beginning the next; at 100 the summary's "Barkhane" | "(169)"). An item wider than a
    line is broken at its spaces on lines of its own, continuing two columns further in
    (onescreen.hanging): the terminal took its last words to column 0 (K48, 40 columns)."""
    lines = Text(" " * indent)
    used = indent
    for item in items:
        wide = item.cell_len
        if used > indent:  # a gap before every item but a line's first
            if used + 2 + wide > width:
                lines.append("\n" + " " * indent)
                used = indent
            else:
                lines.append("  ")
                used += 2
        if used + wide > width:  # alone on its line and wider still
            item = hanging(item, width, indent, indent + 2)[indent:]
            wide = width  # the next item on a line of its own
        lines.append_text(item)
        used += wide
    return lines


def count_line(rs: RecordSet[Any], shown: int) -> str:
    """'254 events', or '3 of 34 events (--limit 3)', then any notes ('… hidden; add …')."""
    noun = plural(rs.total or shown, rs.kind)
    line = f"{shown} {noun}"
    if rs.total is not None and rs.total > shown:
        line = cut_said(shown, rs.total, noun, rs.limit)
    return "; ".join([line, *rs.notes])


def cut_said(shown: int, total: int, noun: str, limit: int | None) -> str:
    """'3 of 34 events (--limit 3)': what a list shows of what matched, where --limit
    cut it (a card's events too, with none shown: -n 0)."""
    line = f"{shown} of {total} {noun}"
    return line if limit is None else f"{line} (--limit {limit})"


def _table(env: Env, columns: list[Column], header: bool) -> Table:
    table = Table(
        show_header=header,
        header_style="bold",
        show_edge=False,
        show_lines=False,
        pad_edge=False,
        padding=(0, 0),
        collapse_padding=True,
        expand=False,
        box=None if env.ascii_only else _box(),
    )
    for c in columns:
        table.add_column(
            c.header,
            width=c.width,
            justify=c.justify,  # type: ignore[arg-type]
            no_wrap=not c.prose,
            overflow="ellipsis",
        )
    return table


def _columns(
    rs: RecordSet[Any],
    names: list[str],
    total: int,
    wide: bool,
    items: list[Any] | None,
    cut: list[Any],
    fit: bool = True,
) -> list[Column]:
    """Fixed columns (ids, dates, numbers) take their width from the field or the whole
    data set; prose shares what is left by ratio. --wide sizes every column to the rows.
    ``fit``: narrowed to ``total`` (_fit) where wider, dates kept whole; not while
    records_table is still to drop the columns a reader can do without."""
    basis = items if items is not None else rs.basis
    fields = [rs.cells.get(n) or rs.fields[n] for n in names]
    widths: dict[str, int] = {}
    for f in fields:
        if f.ratio is not None:
            continue
        if f.width is not None and not wide:
            widths[f.name] = max(f.width, len(f.header))
            continue
        show = _shown(f, wide)
        longest = max((_longest_line(inert(show(i))) for i in basis), default=0)
        natural = max(len(f.header), longest, f.width or 0)
        cap = f.max_width if not (wide or f.whole) else None
        widths[f.name] = min(natural, cap) if cap else natural
    flexible = [f for f in fields if f.ratio is not None]
    spare = total - sum(widths.values()) - GAP * (len(fields) - 1)
    ratios = sum(f.ratio or 1 for f in flexible) or 1
    for f in flexible:
        share = spare * (f.ratio or 1) // ratios
        widths[f.name] = max(share, f.min_width or 4, 24 if wide else 0)
        if wide:  # prose wraps at spaces, so nothing is cut once its longest word fits
            show = _shown(f, wide)
            words = (w for i in basis for w in inert(show(i)).split())
            widths[f.name] = max(widths[f.name], max(map(len, words), default=0))
    if fit and not wide:
        _fit(widths, fields, total - GAP * (len(fields) - 1))
    return [
        Column(
            f.name,
            f.header,
            widths[f.name],
            f.ratio is not None,
            f.justify,
            f.cell or _plain_cell(rs, f, wide, widths[f.name], cut, "id" not in widths),
        )
        for f in fields
    ]


# The narrowest a column is made to fit the terminal: a cut token keeps a few letters
# and its ellipsis, a prose column a word's worth.
_NARROWEST = 4


def _fit(widths: dict[str, int], fields: list[Field[Any]], room: int) -> None:
    """Narrow the columns of ``widths`` to ``room`` cells where they are wider, a cell at a
    time from the widest that is not a date (an id cut with an ellipsis, a title wrapping
    on more lines), none below _NARROWEST; a date or an id never (Field.date, Field.whole:
    an id cut is one no command takes). Rich, left to it,
    took the excess from every column alike: `timeline --fields
    date,end,precision,end_precision,type,id` at 80 columns cut "to 2021-02-03" to "to
    2021-0…" (U36). Where the dates alone are wider still, so is the table: the terminal
    wraps its lines, and no date is cut."""
    over = sum(widths.values()) - room
    others = [f.name for f in fields if not (f.date or f.whole)]
    while over > 0 and others:
        name = max(others, key=lambda n: widths[n])
        if widths[name] <= _NARROWEST:
            break
        widths[name] -= 1
        over -= 1


def table_width(columns: list[Column]) -> int:
    """The cells a table of ``columns`` takes, gaps included."""
    return sum(c.width for c in columns) + GAP * (len(columns) - 1)


def _needed(rs: RecordSet[Any], columns: list[Column]) -> int:
    fields = {**rs.fields, **rs.cells}
    least = sum(c.width if not c.prose else (fields[c.name].min_width or 4) for c in columns)
    return least + GAP * (len(columns) - 1)


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


def _shown(f: Field[Any], wide: bool) -> Callable[[Any], str]:
    """What a cell shows: the field's display form, or its whole text under --wide when
    the display form is a shortening."""
    return f.text if wide and f.abridged else (f.display or f.text)


# The lines a record's note (a dispute) may take under its text in a table: a whole
# note ran a G5 figure's row to 12 lines at 80 columns (U17). The table is for
# scanning; the record's own view (`fact ID`), --wide and every file format give it whole.
NOTE_LINES = 2


def clip_lines(text: str, width: int, whole: str = "") -> str:
    """``text`` cut at a word to what wraps in NOTE_LINES lines of ``width`` cells, with
    an ellipsis where it was cut (room kept for it on the last line), and after it the
    id of the record whose card holds it whole (``whole``) when the view does not show
    the id: the command taking it goes under the table, whole (U36: a command in the
    cell broke at 80 columns)."""
    import textwrap

    width = max(width, 8)
    wrapped = textwrap.wrap(text, width)
    if len(wrapped) <= NOTE_LINES:
        return text
    tail = f"… ({whole})" if whole else "…"
    words = wrapped[NOTE_LINES - 1].split()
    while len(words) > 1 and len(" ".join(words)) + 1 + len(tail) > width:
        words.pop()
    last = " ".join(words)[: max(width - 1 - len(tail), 1)]
    return " ".join([*wrapped[: NOTE_LINES - 1], last, tail])


def _plain_cell(
    rs: RecordSet[Any],
    f: Field[Any],
    wide: bool,
    width: int,
    cut: list[Any],
    no_id_column: bool = True,
) -> Callable[[Any], Text]:
    """A cell's text; the note field's with the record's id under it where there is no
    id column and its note (rs.note), cut (clip_lines): the item is added to ``cut``."""
    show = _shown(f, wide)
    styled = f.name in ("type", "kind", "date")

    def cell(item: Any) -> Text:
        text = safe_text(show(item), style=(rs.style(item) or "") if styled else "")
        if f.link is not None:
            url = f.link(item)
            if url and safe_link(url):
                text.stylize(f"link {url}")
        if f.name == rs.note_field:
            text.stylize("bold")
            if rs.ident is not None and no_id_column:
                text.append_text(safe_text("\n" + rs.ident(item), style="dim"))
            extra = whole = rs.note(item)
            if extra and not wide:
                extra = clip_lines(extra, width)
                if extra != whole:
                    cut.append(item)
            if extra:
                text.append_text(safe_text("\n" + extra, style=DISPUTED_STYLE))
        return text

    return cell


def _box() -> Any:
    from rich import box

    return box.SIMPLE_HEAD
