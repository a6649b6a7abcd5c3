"""Commands about data files: validate, import, new."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from barkhane_cli.cli.base import settings
from barkhane_cli.cli.options import A_DATA_FILE, CountryOpt, FileName, QuietOpt, takes_formats
from barkhane_cli.errors import DataError, ExitCode, UsageError
from barkhane_cli.formats import VALIDATE_FORMATS
from barkhane_cli.meta import RECORD_END
from barkhane_cli.settings import Settings
from barkhane_cli.text import counted, plural

# validate --format json: each problem's keys, in order, and where each comes from (the
# one declaration; --help lists the keys from it). ``column`` is known for a TOML syntax
# error only, ``line`` wherever the entry or the error can be found.
PROBLEM_JSON: dict[str, Callable[[Any], Any]] = {
    "file": lambda p: p.file,
    "line": lambda p: p.line,
    "column": lambda p: p.column,
    "table": lambda p: p.table or None,
    "id": lambda p: p.id,
    "field": lambda p: p.field,
    "message": lambda p: p.message,
    "severity": lambda p: "warning" if p.warning else "error",
}


def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            click_type=A_DATA_FILE,
            help="Data files to check, layered over the bundled data. Default: the bundled data.",
        ),
    ] = None,
    alone: Annotated[
        bool,
        typer.Option("--alone", help="Check the files on their own, without the bundled data."),
    ] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text: FILE:LINE: table 'id' field: problem, one a line; json: a list of "
            f"{{{', '.join(PROBLEM_JSON)}}} for CI.",
            callback=takes_formats(VALIDATE_FORMATS),
        ),
    ] = "text",
) -> None:
    """Check data files and list every problem: file, line, entry, field, what was wrong.

    Every problem of every entry is listed in one run, as FILE:LINE: table 'id' field:
    problem (the form editors jump to); a file that cannot be read is one problem, listed
    first and named again last (an unknown id after it may be defined in it), and the others
    are still checked. Exits 4 when there is any error. Warnings (an attack
    with no perpetrators, an event with no place, a long span without a reason, control
    characters in text, an event of yours that is likely one of the record's, named, an
    entry that replaces the record's by its id) are listed for the files checked but do
    not stop the data from loading (exit 0). An ACLED or UCDP export
    (.csv) is read as --data reads it: a row it rejects is an error, the file not
    importing whole (barkhane import lists each row and still writes the others).
    """
    from barkhane_cli import store
    from barkhane_cli.render.safe import inert, json_inert
    from barkhane_cli.store import locate
    from barkhane_cli.validate.reader import SINGULAR

    paths = store.data_paths(files or (), bundled=not alone, layers=settings().data)
    data, found = store.collect(paths, keep_going=True)
    # what the user asked about, not what lies under it; a file given twice once, as read
    named = store.expand(store.data_paths(files, bundled=False) if files else paths)
    # by the file, however spelled: a file of a folder given too is read as the folder's
    checked = {os.path.realpath(p) for p in named}
    problems = [p for p in found if not p.warning]
    warnings = [p for p in found if p.warning and os.path.realpath(p.file) in checked]
    # A file that could not be read first: the unknown ids of its entries may be the
    # problems after it (one broken sources file: 1,393 lines before the one that matters).
    # Then in file order, then line order, as a compiler lists them.
    rank = {str(p): i for i, p in enumerate(store.expand(paths))}
    listed = sorted(
        locate.with_lines(problems + warnings),
        key=lambda p: (not p.unread, rank.get(p.file, len(rank)), p.line or 0),
    )
    if fmt == "json":
        import json

        rows = [{key: value(p) for key, value in PROBLEM_JSON.items()} for p in listed]
        sys.stdout.write(json_inert(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n")
    else:
        for problem in listed:
            sys.stdout.write(inert(problem.located()) + "\n")
    tables = ("events", "aftermath", "actors", "places", "facts", "eras", "judgments", "sources")
    counts = ", ".join(counted(len(getattr(data, t)), SINGULAR[t]) for t in tables)
    read = counted(len(named), "file")
    if problems:
        sys.stderr.write(f"{counted(len(problems), 'problem')} in {read} ({counts})\n")
        unread = list(dict.fromkeys(p.file for p in problems if p.unread))
        if unread:
            # only an unknown id can be the unread file's doing: its entries are unknown
            after = sum(p.unresolved for p in problems)
            sys.stderr.write(inert(_unread_said(unread, after)) + "\n")
        raise typer.Exit(ExitCode.DATA)
    said = f" ({counted(len(warnings), 'warning')})" if warnings else ""
    sys.stderr.write(f"ok: {read}, {counts}{said}\n")


def _unread_said(files: list[str], after: int) -> str:
    """validate's last line when files could not be read: the cause, said last too."""
    it = plural(len(files), "it", "them")
    said = f"{counted(len(files), 'file')} could not be read ({', '.join(files)}): mend {it} first"
    if after:
        said += f"; the {counted(after, 'unknown id')} after {it} may be defined in {it}"
    return said


import_app = typer.Typer(help="Convert other tools' exports into barkhane data files.")
OutputOpt = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        click_type=FileName("a .toml file name, or - for standard output"),
        help="The TOML data file to write.",
    ),
]
# The store is compiled for the written file so the first query is fast; a script that
# imports several files before querying pays that once per file for nothing (a 100,000-row
# import spends most of its time there), hence the choice.
NoStoreOpt = Annotated[
    bool,
    typer.Option(
        "--no-store",
        help="Write the file only: the first query that loads it compiles the store "
        "(for scripts importing several files before querying).",
    ),
]


@import_app.command("acled")
def import_acled(
    export: Annotated[
        Path,
        typer.Argument(
            click_type=FileName("an ACLED export (CSV)"),
            help="An ACLED export (CSV of any layout since 2015).",
        ),
    ],
    output: OutputOpt,
    quiet: QuietOpt = False,
    no_store: NoStoreOpt = False,
) -> None:
    """Convert an ACLED export into a data file to load with --data or BARKHANE_DATA.

    Reads dyadic and monadic exports, current and older column sets (the README lists
    them) and says which it read. Actors and places that match the bundled data are
    linked; others are created. Rows that cannot be used are reported by reason with
    their line numbers; the rest import. Exits 4, writing nothing, when every row or
    more than half of them were rejected, or no event is left to write. Re-importing the same export writes the same
    file.
    """
    from barkhane_cli.importers.acled import convert_tables

    def run(known: Any, progress: Any) -> Any:
        return convert_tables(export, known, progress)

    _import(export, output, run, quiet, not no_store)


@import_app.command("ucdp")
def import_ucdp(
    export: Annotated[
        Path,
        typer.Argument(
            click_type=FileName("a UCDP GED file (CSV)"),
            help="A UCDP GED file: a yearly release, a Candidate file or an API dump (CSV).",
        ),
    ],
    output: OutputOpt,
    country: CountryOpt = None,
    quiet: QuietOpt = False,
    no_store: NoStoreOpt = False,
) -> None:
    """Convert a UCDP GED file into a data file to load with --data or BARKHANE_DATA.

    Reads the yearly releases and Candidate files (the codebook's 49 columns) and API
    dumps, and says which it read (docs/ucdp.md). One row is one event: a battle for
    state-based and non-state violence, an attack on civilians for one-sided violence;
    deaths from best, low and high; the place at UCDP's precision (a division, a region
    or the country when where_prec says so: a centroid is never taken for a town, and no
    point is invented). --country keeps the rows of the countries named, as every
    --country names them: the global file is large. Exits 4, writing nothing, when every
    row or more than half of them were rejected, or no event is left to write.
    """
    from barkhane_cli import query
    from barkhane_cli.importers.ucdp import convert_tables

    def run(known: Any, progress: Any) -> Any:
        # resolved as every --country is (U24: "Maly", "MLI" and "Narnia" kept no row,
        # and an empty file replaced a good one)
        by_country = query.country_resolver(known)
        wanted = frozenset(by_country.resolve(c) for c in country or ())
        return convert_tables(export, known, wanted, progress)

    _import(export, output, run, quiet, not no_store)


def _import(export: Path, output: Path, run: Any, quiet: bool = False, warm: bool = True) -> None:
    """What every importer does around its conversion: check the output first, match
    against the bundled data alone, report rejected rows, write all or nothing."""
    from barkhane_cli.store import progress

    with progress.silenced(quiet):
        _import_quietly(export, output, run, warm)


def _import_quietly(export: Path, output: Path, run: Any, warm: bool) -> None:
    from barkhane_cli import atomic, store, tomlwrite
    from barkhane_cli.importers.acled import grouped
    from barkhane_cli.render.safe import inert
    from barkhane_cli.store import exports, progress

    s = settings()
    to_stdout = str(output) == "-"
    # Matched against the bundled data alone: an earlier import (or any user layer) in
    # BARKHANE_DATA would make its actors and places look known, and the new file would
    # then fail when loaded without it. Each import stands on the bundled data by itself.
    paths = [store.files.bundled_path()]
    in_env = not to_stdout and any(
        atomic.same_file(p, output) for p in store.data_paths(layers=s.data)
    )
    atomic.note_input([export, *store.expand(paths)])
    if not to_stdout:
        _check_output(output)
    existed = not to_stdout and output.exists()
    known = store.load_paths(paths, s)
    with progress.bar(f"importing {export.name}") as bar:
        tables, header, report = run(known, bar if progress.watching() else None)
    del known
    err = sys.stderr
    err.write(inert(f"{atomic.shown(export)}: read as {report.layout}") + "\n")
    if report.rejected:
        err.write(f"{len(report.rejected)} of {counted(report.rows_read, 'row')} rejected:\n")
        err.writelines(inert(f"  {line}") + "\n" for line in grouped(report.rejected))
    if report.warnings:
        rows = counted(len(report.warnings), "monadic row")
        disagree = plural(len(report.warnings), "disagrees", "disagree")
        err.write(f"{rows} {disagree} with their event's first row:\n")
        err.writelines(inert(f"  {line}") + "\n" for line in grouped(report.warnings))
    if report.kept_apart:
        from barkhane_cli.importers.acled.places import kept_apart_said

        err.write(kept_apart_said(len(report.kept_apart)) + ":\n")
        err.writelines(inert(f"  {line}") + "\n" for line in report.kept_apart)
    if report.controls_stripped:
        err.write(
            f"{counted(report.controls_stripped, 'field')} held control characters (terminal escapes, "
            "bidi overrides); they were removed\n"
        )
    if report.too_many_rejected():
        how = "every row was" if len(report.rejected) == report.rows_read else "most rows were"
        raise DataError(
            f"{atomic.shown(export)}: {how} rejected, so nothing was written to "
            f"{atomic.shown(output)}"
        )
    if not report.events_written:  # an empty file would replace a good one for nothing
        if not report.rows_read:
            why = "it has no row"
        elif report.left_out == report.rows_read:
            why = f"all {counted(report.rows_read, 'row')} are outside --country"
        else:
            why = f"{report.left_out} outside --country, {len(report.rejected)} rejected"
        kept = f"; {atomic.shown(output)} was kept as it was" if existed else ""
        raise DataError(
            f"{atomic.shown(export)}: no event to write ({why}), so nothing was written{kept}"
        )
    if to_stdout:  # -o - is standard output, as everywhere else
        for chunk in tomlwrite.chunks(tables, header):
            sys.stdout.write(exports.valid_text(chunk))
        sys.stdout.flush()
    else:
        _write(output, tables, header)
        # With the cache off (BARKHANE_CACHE=0) a compiled store could not be kept.
        if warm and s.cache_folder() is not None:
            docs = None
            if not store.files.large(output):
                # A small file's store is compiled from the entries just written, as the
                # document the file parses to (exports.as_document): no TOML read back.
                docs = {str(output): exports.as_document(tables, consume=True)}
            # A large one's is compiled as the first query's would be, from the file read
            # back in pieces (store.pieces): the entries are dropped first, so neither they
            # nor a document of them is held whole beside the checked dataset (K89: 2.32
            # GiB at a million rows, over issue 23's 2 GiB).
            del tables
            _warm_store(output, in_env, s, docs)
    merged = f" ({report.merged_rows} merged, monadic)" if report.merged_rows else ""
    if report.left_out:
        merged += f" ({report.left_out} outside --country left out)"
    where = "stdout" if to_stdout else atomic.shown(output)
    replaced = " (it replaced the file that was there)" if existed else ""
    # the events after the record are said only when there are some (U31: "0 events
    # after 9 November 2022 ... (shown by default)" told of nothing to show)
    after = (
        f"{counted(report.after_record, 'event')} after {RECORD_END.human()}, outside the "
        "bundled record (shown by default)\n"
        if report.after_record
        else ""
    )
    err.write(
        f"{counted(report.rows_read, 'row')} read{merged}, {len(report.rejected)} rejected; "
        f"{counted(report.events_written, 'event')} written -> {where}{replaced}"
        f" (source {report.source_id})\n"
        f"{after}"
        f"actors: {report.actors_matched} matched, {report.actors_created} created; "
        f"places: {report.places_matched} matched, {report.places_created} created\n"
    )


def _write(output: Path, tables: Any, header: str) -> None:
    """The data file, written piece by piece (never its whole text at once), all or
    nothing (atomic.replacing)."""
    import os

    from barkhane_cli import atomic, tomlwrite
    from barkhane_cli.store.exports import valid_text

    with atomic.replacing(output, "--output") as tmp, open(tmp, "wb") as fh:
        for chunk in tomlwrite.chunks(tables, header):
            fh.write(valid_text(chunk).encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())


def _warm_store(
    output: Path, in_env: bool, s: Settings, docs: dict[str, Any] | None = None
) -> None:
    """Compile the store for the data set the next query will load (the new file over the
    bundled data), so the first query after an import is already fast."""
    from barkhane_cli import atomic, store
    from barkhane_cli.errors import BarkhaneError

    paths = store.data_paths(layers=s.data) if in_env else store.data_paths([output], layers=s.data)
    # Every write of this run is done: what the warm-up reads is not an input of it.
    # Bad data is reported by the query that loads it, with its exit code.
    with atomic.not_inputs(), contextlib.suppress(BarkhaneError):
        store.open_paths(paths, s, docs)


def _check_output(output: Path) -> None:
    """Refuse a bad --output before the (possibly long) conversion starts."""
    from barkhane_cli import atomic

    atomic.refuse_inputs(output, "--output")
    if output.is_dir():
        raise UsageError(f"--output {atomic.shown(output)}: is a folder; give a .toml file name")
    atomic.check_folder(output, "--output")


def new(
    what: Annotated[
        str, typer.Argument(help="What to start: event, actor, place, fact or source.")
    ] = "event",
) -> None:
    """Print a TOML skeleton for a new entry, to edit and load with --data.

    Each skeleton checks clean as it is (barkhane validate FILE) and lists the valid
    values in comments. Example: barkhane new actor > mine.toml; barkhane validate mine.toml
    """
    from barkhane_cli.choices import choose
    from barkhane_cli.skeletons import KINDS, skeleton

    sys.stdout.write(skeleton(choose(what, KINDS, "kind of entry", "kinds")))
