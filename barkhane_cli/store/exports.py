"""An export is data: an ACLED or UCDP GED CSV read directly as a layer (``--data x.csv``).

The importer converts it (matched against the bundled data alone, exactly as ``barkhane
import`` does) into the entries of each table, which go through the same checks as a
TOML file's, as the document ``barkhane_cli.toml`` reads from the file ``import`` writes
(:func:`as_document`; a test keeps the two equal). The first run compiles the store; its
key covers the CSV, the bundled data it was matched against and the importers' code, so
later runs query the store and a changed export is read again.

``store.load_export(path)`` is the entry point for commands that read an export as data
(``compare``, ``gaps``): the bundled data with the export over it, checked, from the
store when built. (This module imports neither ``store`` nor ``store.files``: they call it.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barkhane_cli import model as m
from barkhane_cli.errors import DataError
from barkhane_cli.importers import import_line
from barkhane_cli.text import counted

if TYPE_CHECKING:
    from barkhane_cli.importers.acled.problems import ImportReport
    from barkhane_cli.validate import Problem

Tables = Mapping[str, Sequence[Mapping[str, object]]]
# The lines said on stderr of the exports read in this process (rejected rows, places
# kept apart): a build keeps them with its store, and every run answered from that store
# says them again (store.said_again). Said only on the run that read the export, they
# left every later run's stderr empty, a row dropped without a word (U54).
SAID: list[str] = []


def _import_of(path: Path) -> str:
    """The import of this export, as a user runs it: where a run reading it, and validate,
    point for its rejected rows and the places kept apart. "barkhane import" alone, as
    `gaps` said it, exits 2 "missing command" (U34); the file written is named after the
    export, in the folder the user is in."""
    import shlex

    from barkhane_cli.atomic import shown

    out = shlex.quote(f"{path.stem}.toml")
    return import_line(kind(path), shlex.quote(shown(path)), out)


def kind(path: Path) -> str:
    """``"ucdp"`` for a UCDP GED file (its header has type_of_violence and side_a),
    else ``"acled"`` (whose importer names what is missing from anything else)."""
    from barkhane_cli import inputs

    try:
        with inputs.open_bounded(path, inputs.EXPORT_MAX, "an export") as fh:
            head = fh.read(64 * 1024).split(b"\n", 1)[0].lower()
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return "ucdp" if b"type_of_violence" in head and b"side_a" in head else "acled"


def convert(
    path: Path, known: m.Dataset, progress: Callable[[int], None] | None = None
) -> tuple[Tables, str, ImportReport]:
    """(tables, header comment, import report) of an export, by its kind."""
    if kind(path) == "ucdp":
        from barkhane_cli.importers.ucdp import convert_tables as ucdp

        return ucdp(path, known, frozenset(), progress)
    from barkhane_cli.importers.acled import convert_tables as acled
    from barkhane_cli.importers.acled.layouts import NotAnExport

    try:
        return acled(path, known, progress)
    except NotAnExport:
        raise DataError(neither(path)) from None


def neither(path: Path) -> str:
    """What a CSV that is neither export lacks, in one line: U21's `--data bad.csv` was
    told it "is not an ACLED export" alone, though a UCDP GED file would do as well."""
    from barkhane_cli.importers.acled.layouts import CORE
    from barkhane_cli.importers.ucdp.layouts import REQUIRED

    acled = f"{len(CORE)} columns ({', '.join(CORE[:2])}, …)"
    ucdp = f"{len(REQUIRED)} ({', '.join(REQUIRED[:3])}, …)"
    return (
        f"{path}: is not an ACLED or UCDP GED export: ACLED's needs {acled}, UCDP GED's "
        f"{ucdp}; docs/acled.md and docs/ucdp.md list them"
    )


def _plain(value: Any) -> Any:
    """A value as ``toml.loads`` reads back what ``tomlwrite`` wrote: None left out of inline
    tables, tuples as lists."""
    kind = type(value)  # exact types first: an ABC check per value is slow at scale
    if kind is str or kind is int or kind is float or kind is bool:
        return value
    if kind is dict or isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if kind is list or kind is tuple or isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def valid_text(text: str) -> str:
    """Text `import` can write: a CSV name that is not UTF-8 (surrogate escapes, kept in
    the source's title) becomes U+FFFD, so the TOML file, its standard-output copy and
    the document the store is compiled from hold the same text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def as_document(tables: Tables, consume: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The document ``toml.loads(tomlwrite.dumps(tables))`` gives, without the text:
    tables and fields in the written order, None values left out. ``consume``: each
    entry of ``tables`` (lists) is dropped once copied, so the two are never both whole."""
    from barkhane_cli.tomlwrite import FIELD_ORDER, TABLE_ORDER, ordered

    names = [t for t in TABLE_ORDER if t in tables] + sorted(
        t for t in tables if t not in TABLE_ORDER
    )
    doc: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        order = FIELD_ORDER.get(name, ("id",))
        rows = []
        entries = tables[name]
        for index, entry in enumerate(entries):
            if consume:
                entries[index] = None  # type: ignore[index]
            row = {}
            for k in ordered(entry, order):
                v: Any = entry[k]
                if v is None:
                    continue
                kind = type(v)
                if kind is str:
                    if not v.isascii():
                        v = valid_text(v)
                elif kind is list or kind is dict or isinstance(v, list | tuple | Mapping):
                    v = _plain(v)
                row[k] = v
            rows.append(row)
        if rows:  # a table with no entries writes nothing
            doc[name] = rows
    return doc


def document(path: Path, matched: m.Dataset, problems: list[Problem] | None) -> dict[str, Any]:
    """An export as the document a data file with the same entries parses to;
    ``matched`` is what its actors and places are matched against (the bundled data).
    ``problems``: where validate collects them; a rejected row is one there (the file
    does not wholly import), where a run reading the export says it on stderr and goes
    on, as import does."""
    from barkhane_cli.store import progress

    with progress.bar(f"reading {path.name}") as bar:
        tables, _, report = convert(path, matched, bar if progress.watching() else None)
    if report.too_many_rejected():
        how = "every row was" if len(report.rejected) == report.rows_read else "most rows were"
        raise DataError(f"{path}: {how} rejected; {_import_of(path)} shows each row and why")
    if report.rejected and problems is not None:
        from barkhane_cli.validate import Problem

        problems.append(
            Problem(str(path), "", None, None, _rejected(path, report), line=report.rejected[0][0])
        )
    elif report.rejected:  # kept with the store, said again by every run from it (SAID)
        _say(path, f"{_how_many(report)} ({_import_of(path)} lists each with its reason)")
    if report.kept_apart and problems is None:  # as the rejected rows
        from barkhane_cli.importers.acled.places import kept_apart_said

        _say(path, f"{kept_apart_said(len(report.kept_apart))}; {_import_of(path)} lists each")
    return as_document(tables, consume=True)


def _say(path: Path, text: str) -> None:
    """A line on stderr about an export as it is read, kept in SAID for its store."""
    from barkhane_cli.atomic import shown

    say(f"{shown(path)}: {text}")


def say(line: str) -> None:
    """A line on stderr as a build reads its data, kept in SAID for its store, which
    every run answered from that store says again."""
    import sys

    from barkhane_cli.controls import strip_controls

    line = strip_controls(line)
    SAID.append(line)
    sys.stderr.write(line + "\n")


def _how_many(report: ImportReport) -> str:
    """How many of an export's rows were rejected, as a run reading it and validate say."""
    return f"{len(report.rejected)} of {counted(report.rows_read, 'row')} rejected"


def _rejected(path: Path, report: ImportReport) -> str:
    """Validate's problem for an export's rejected rows (U31: `validate FILE.csv` said
    "ok", exit 0, with a row rejected): how many, and the first (on the problem's line)
    with its reason."""
    _, reason, detail = report.rejected[0]
    example = f" ({detail})" if detail else ""
    return (
        f"{_how_many(report)}, so it does not wholly import; the first: {reason}{example} "
        f"({_import_of(path)} lists each with its reason)"
    )
