"""Commands about data files: validate, import, new."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from barkhane_cli.cli.base import (
    app,
    handled,
)
from barkhane_cli.errors import ExitCode


@app.command()
@handled
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Data files to check, layered over the bundled data. Default: the bundled data."
        ),
    ] = None,
    alone: Annotated[
        bool,
        typer.Option("--alone", help="Check the files on their own, without the bundled data."),
    ] = False,
) -> None:
    """Check data files and list every problem: file, entry, field, value, what was expected.

    Exits 4 when there is any problem. Entries that replace a bundled one are reported.
    """
    from barkhane_cli import store

    paths = store.data_paths(files or (), bundled=not alone)
    data, problems = store.collect(paths)
    for table, ident, file in data.replaced:
        sys.stderr.write(f"{file}: replaces {table} entry {ident!r}\n")
    for problem in problems:
        sys.stdout.write(problem.sentence() + "\n")
    counts = (
        f"{len(data.events)} events, {len(data.aftermath)} aftermath events, {len(data.actors)} "
        f"actors, {len(data.places)} places, {len(data.facts)} facts, {len(data.eras)} eras, "
        f"{len(data.judgments)} judgments, {len(data.sources)} sources"
    )
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        sys.stderr.write(f"{len(problems)} {noun} in {len(paths)} file(s) ({counts})\n")
        raise typer.Exit(ExitCode.DATA)
    sys.stderr.write(f"ok: {len(paths)} file(s), {counts}\n")
