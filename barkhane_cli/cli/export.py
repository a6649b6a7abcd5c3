"""barkhane export sqlite: the data as a documented SQLite database, for Datasette and SQL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from barkhane_cli.atomic import checked_target, shown
from barkhane_cli.cli.base import (
    load,
    settings,
)
from barkhane_cli.cli.options import (
    DataOpt,
    FileName,
    QuietOpt,
)
from barkhane_cli.errors import DataError
from barkhane_cli.text import counted

# What every SQLite database file begins with (sqlite.org/fileformat.html, 1.3.1).
SQLITE_HEADER = b"SQLite format 3\x00"

export_app = typer.Typer(help="Write the data (with your layers) in other tools' formats.")


@export_app.command("sqlite")
def export_sqlite(
    output: Annotated[
        Path,
        typer.Argument(
            click_type=FileName("a file name (FILE.db)"),
            help="The database file to write (FILE.db).",
        ),
    ],
    data: DataOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write every table as a SQLite database with full-text search on events (docs/sqlite.md).

    Open it with `datasette FILE.db` (facets, maps with datasette-cluster-map) or any SQL
    tool. The file is written whole or not at all.
    """
    from barkhane_cli.store import data_paths, progress
    from barkhane_cli.store.compile import write_public

    with progress.silenced(quiet):
        dataset = load(data)
        refuse_other_files(output)
        # the user's files over the record, as the run read them: the meta table names them
        layers = data_paths(data or (), bundled=False, layers=settings().data)
        write_public(output, dataset, [str(p) for p in layers])
    sys.stderr.write(
        f"{counted(len(dataset.events) + len(dataset.aftermath), 'event')}, "
        f"{counted(len(dataset.actors), 'actor')}, {counted(len(dataset.places), 'place')}, "
        f"{counted(len(dataset.facts), 'fact')} -> {output}\n"
    )


def refuse_other_files(output: Path) -> None:
    """Replace only an earlier export or an empty file: `export sqlite mine.toml`, a slip
    for --data, would otherwise put a database where the user's data file was, and
    `export sqlite theirs.db` would overwrite a database of the user's own (a Datasette
    file: the header alone said SQLite); the atomic write keeps no copy of what it
    replaces. After loading and the write's own checks, so that one of this run's inputs,
    or a symlink another user planted, gets that more telling refusal."""
    from barkhane_cli.store.compile import is_export

    final = checked_target(output, "export")
    try:
        with open(final, "rb") as fh:
            start = fh.read(len(SQLITE_HEADER))
    except OSError:
        return  # missing (a new file), a folder or unreadable: the write itself says so
    if not start:
        return  # an empty file: nothing to lose
    if start != SQLITE_HEADER:
        what = "is not a SQLite database"
    elif not is_export(final):
        what = "is a SQLite database that barkhane did not export"
    else:
        return
    raise DataError(
        f"export {shown(output)}: {what}, so it is not replaced; nothing was changed "
        "(give a new file name, or remove it first)"
    )
