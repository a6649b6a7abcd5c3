"""barkhane export sqlite: the data as a documented SQLite database, for Datasette and SQL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from barkhane_cli.cli.base import (
    load,
)
from barkhane_cli.cli.options import (
    DataOpt,
    QuietOpt,
)
from barkhane_cli.text import counted

export_app = typer.Typer(help="Write the data (with your layers) in other tools' formats.")


@export_app.command("sqlite")
def export_sqlite(
    output: Annotated[Path, typer.Argument(help="The database file to write (FILE.db).")],
    data: DataOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write every table as a SQLite database with full-text search on events (docs/sqlite.md).

    Open it with `datasette FILE.db` (facets, maps with datasette-cluster-map) or any SQL
    tool. The file is written whole or not at all.
    """
    from barkhane_cli.store import progress
    from barkhane_cli.store.compile import write_public

    with progress.silenced(quiet):
        dataset = load(data)
        write_public(output, dataset)
    sys.stderr.write(
        f"{counted(len(dataset.events) + len(dataset.aftermath), 'event')}, "
        f"{counted(len(dataset.actors), 'actor')}, {counted(len(dataset.places), 'place')}, "
        f"{counted(len(dataset.facts), 'fact')} -> {output}\n"
    )
