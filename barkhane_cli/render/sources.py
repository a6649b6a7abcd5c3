"""One source and the entries that cite it (``barkhane source ID``)."""

from __future__ import annotations

from collections.abc import Sequence

from barkhane_cli import model as m
from barkhane_cli.cite import Citing, title
from barkhane_cli.errors import UsageError
from barkhane_cli.render.env import Env
from barkhane_cli.render.records import resolve_format, write_document
from barkhane_cli.render.safe import inert
from barkhane_cli.render.safe import text as safe_text
from barkhane_cli.text import counted

COLUMNS = ["kind", "id", "date", "title", "note", "quote"]


def _rows(src: m.Source) -> list[tuple[str, str]]:
    """The card's lines for a person (table, plain): a title the record made (from the
    page's address, a description) in [brackets], as `cite` gives it (cite.title: U50
    read one plain here that `cite` bracketed); JSON keeps the data file's text."""
    return [
        ("id", src.id),
        ("title", title(src)),
        ("author", src.author or ""),
        ("publisher", src.publisher),
        ("via", src.via or ""),
        ("kind", src.kind),
        ("date", src.date.iso() if src.date else ""),
        ("url", src.url or ""),
        ("file", src.file or ""),
        ("note", src.note or ""),
    ]


def emit_source(env: Env, fmt: str | None, src: m.Source, citing: Sequence[Citing]) -> None:
    fmt = resolve_format(fmt, env)
    if fmt in ("json", "jsonl"):
        write_document(env, fmt, src.to_json() | {"cited_by": [c.to_json() for c in citing]})
    elif fmt in ("tsv", "csv", "md"):
        from barkhane_cli.render.charts import write_rows

        write_rows(env, fmt, COLUMNS, [[getattr(c, k) for k in COLUMNS] for c in citing])
    elif fmt == "plain":
        for label, value in _rows(src):
            if value:
                env.out.write(f"{label}\t{inert(' '.join(value.split()))}\n")
        for c in citing:
            cells = [c.kind, c.id, c.date, c.title, c.note or c.quote or ""]
            env.out.write(
                "cited-by\t" + "\t".join(inert(" ".join(x.split())) for x in cells) + "\n"
            )
    elif fmt == "table":
        _rich(env, src, citing)
    else:
        raise UsageError(f"--format {fmt} is for events (timeline, actor, place)")


def _rich(env: Env, src: m.Source, citing: Sequence[Citing]) -> None:
    from rich.table import Table
    from rich.text import Text

    from barkhane_cli.render.table import console

    con = console(env)
    con.print(safe_text(title(src), style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in _rows(src)[2:]:
        if value:
            grid.add_row(label, safe_text(value))
    con.print(grid)
    con.print(Text(f"\nCited by {counted(len(citing), 'entry', 'entries')}", style="bold"))
    table = Table(header_style="bold", expand=True, show_lines=False, box=None)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("What it supports", ratio=1, overflow="fold")
    for c in citing:
        what = safe_text(c.title)
        said = c.note or (f"“{c.quote}”" if c.quote else "")
        if said:
            what.append_text(safe_text("\n" + said, style="dim"))
        table.add_row(c.kind, c.id, what)
    con.print(table)
