"""Finding, reading and layering data files into one checked :class:`Dataset` (no store).

A layer is one data file or one data folder (every ``.toml`` below it). The bundled data
folder loads first; each user layer (``--data``, ``BARKHANE_DATA``) goes over it in order:
new ids are added, a known id replaces the earlier entry. Inside one layer an id may
appear once: the same id in two files of a folder is an error naming both.
A file's entries are checked once per process for each text it has (``_CHECKED``); a
file too large to keep so (an import) is parsed and checked a piece at a time
(``store.pieces``), its text and parsed document never held whole.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from barkhane_cli import geo, inputs, toml
from barkhane_cli import model as m
from barkhane_cli.errors import DataError
from barkhane_cli.meta import SHIPPED_FOLDERS, bundled_folder
from barkhane_cli.model import TABLES
from barkhane_cli.store import parsed

if TYPE_CHECKING:  # validation is imported only when files are read: a warm run never is
    from barkhane_cli.validate import Problem


def bundled_path() -> Path:
    """The curated data folder: inside the package when installed, ``data/`` in a checkout."""
    return bundled_folder()


def layer_files(path: Path) -> list[Path]:
    """The files of one layer: the data file (or export) itself, or every ``.toml`` below
    a folder, in a fixed order (so the store's key does not depend on how the folder
    lists them)."""
    if path != STDIN and path.is_dir():
        try:
            return sorted(_toml_below(path))
        except PermissionError as exc:  # as a file's reader says it (inputs.open_bounded)
            where = exc.filename or path
            raise DataError(
                f"{where}: permission denied; give a data folder you may read"
            ) from None
        except OSError as exc:
            # Python 3.11's rglob stops at a subfolder that goes away while it walks (a
            # folder whose files come and go, such as /tmp): a failure to read the data,
            # once said as "cannot write the output" (U28)
            where = f"{exc.filename}: " if exc.filename else ""
            vanished = isinstance(exc, FileNotFoundError) and exc.filename
            gone = "; it went away while the folder was read" if vanished else ""
            raise DataError(
                f"{path}: cannot be read ({where}{exc.strerror or exc}{gone})"
            ) from None
    return [path]


def _toml_below(folder: Path) -> Iterator[Path]:
    """The ``.toml`` files below ``folder``, as ``rglob("*.toml")`` finds them (symbolic
    links to folders not followed), but a folder it may not read is an error: rglob
    passed over it, so a folder of mode 000 was "a folder with no .toml files" and one
    below it had its files left out of the data unsaid (RV34)."""

    def refused(exc: OSError) -> None:
        raise exc

    for root, _, names in os.walk(folder, onerror=refused):
        found = (Path(root, name) for name in names if name.endswith(".toml"))
        yield from (p for p in found if p.is_file())


def expand(paths: Sequence[Path]) -> list[Path]:
    """Every file the layers ``paths`` consist of."""
    return [f for p in paths for f in layer_files(p)]


EXPORT_SUFFIXES = (".csv",)
# How an export becomes a document: set by the store package (store.read_export), which
# knows the bundled data it is matched against; files never imports the importers.
# Validate passes its problems, which the export's rejected rows join.
EXPORT_READER: list[Callable[[Path, list[Problem] | None], dict[str, Any]]] = []


def is_export(path: Path) -> bool:
    """Whether a data layer is an export to convert (by its name: ``*.csv``)."""
    return str(path) != "-" and path.suffix.lower() in EXPORT_SUFFIXES


def key_files(paths: Sequence[Path], expanded: Sequence[Path] | None = None) -> list[Path]:
    """Every file an answer depends on: the layers' files, and the bundled data's when an
    export (matched against it) is read without it (``--alone``). ``expanded``: the
    layers' files, when the caller has just listed them (``expand``)."""
    found = list(expanded) if expanded is not None else expand(paths)
    if any(is_export(p) for p in found):
        bundled = expand([bundled_path()])
        found += [f for f in bundled if f not in found]
    return found


Roots = dict[str, tuple[Path, bool]]


def _shipped_folders() -> set[Path]:
    """The folders of the data shipped with barkhane, ``bundled_path``'s among them
    wherever it points at the moment: what shipped_origins and layer_roots trust."""
    shipped = set(SHIPPED_FOLDERS)
    with contextlib.suppress(OSError):
        shipped.add(bundled_path().resolve())
    return shipped


def shipped_origins() -> Callable[[str], bool]:
    """Whether an entry's origin (the file it was read from) is the data shipped with
    barkhane, wherever ``bundled_path`` points: what layer_roots calls trusted, for a
    table whose entries carry no ``yours`` of their own (an export's sources, actors,
    places, facts). Each origin is resolved once."""
    shipped = _shipped_folders()
    cache: dict[str, bool] = {}

    def is_shipped(origin: str) -> bool:
        found = cache.get(origin)
        if found is None and not origin:  # made by barkhane, read from no file
            return True
        if found is None:
            try:
                path = Path(origin).resolve()
            except OSError:
                path = Path(origin)
            found = cache[origin] = any(path == s or s in path.parents for s in shipped)
        return found

    return is_shipped


def layer_roots(paths: Sequence[Path]) -> Roots:
    """For each file read, the folder its ``file =`` references are relative to and
    whether it is the data shipped with barkhane (trusted: its seed texts live beside
    the folder), wherever ``bundled_path`` points at the moment."""
    shipped = _shipped_folders()
    roots: Roots = {}
    for path in paths:
        base = path if path != STDIN and path.is_dir() else path.parent
        try:
            trusted = path.resolve() in shipped
        except OSError:
            trusted = False
        for f in layer_files(path):
            roots[str(f)] = (base, trusted)
    return roots


MAX_BYTES = inputs.TOML_MAX
# The deepest the data format nests: document > [[table]] > entry > sources list > reference.
MAX_DEPTH = 5
STDIN = Path("-")
_stdin_bytes: list[bytes] = []  # stdin can be read once; later layers see the same text


def _open(path: Path) -> BinaryIO:
    """A data file opened through the bounded reader every named input goes through."""
    return inputs.open_bounded(
        path, MAX_BYTES, "a data file", "no such data file", "give a file, or - for stdin"
    )


def _read_bytes(path: Path) -> bytes:
    """A data file's bytes (stdin's read once)."""
    if path == STDIN:
        import sys

        if not _stdin_bytes:
            _stdin_bytes.append(sys.stdin.buffer.read(MAX_BYTES + 1))
        raw = _stdin_bytes[0]
    else:
        with _open(path) as fh:
            raw = fh.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise DataError(inputs.too_big(path, MAX_BYTES, "a data file"))
    return raw


def _depth(value: Any) -> int:
    # Iterative, so a hostile document cannot exhaust the stack here either. Only tables
    # and arrays go on the stack: the values (most of a document) are looked at once.
    if not isinstance(value, dict | list):
        return 0
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, dict | list):
                stack.append((child, level + 1))
    return deepest


def read_text(path: Path) -> str:
    """A data file's text, turning every way reading it can fail into a DataError."""
    try:
        raw = _read_bytes(path)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        # utf-8-sig: a byte-order mark, which some Windows editors write, is accepted.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # lines as TOML counts them, and so validate's every other problem: at a line feed
        # only (bytes.splitlines broke at a lone carriage return too)
        raise inputs.not_utf8(path, raw.split(b"\n"), "save it as UTF-8") from None
    return text


def read_toml(path: Path) -> dict[str, Any]:
    """Parse one file, turning every way it can fail into a one-sentence DataError."""
    return parse_toml(path, read_text(path))


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """Parse the text of the data file ``path`` (named in the error), as :func:`read_toml`."""
    try:
        doc = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        line, column = _toml_position(exc, text)
        raise DataError(f"{path}: is not valid TOML: {exc}", line, column) from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        # its message ends with advice for programmers (sys.set_int_max_str_digits)
        raise DataError(f"{path}: is not valid TOML: {str(exc).split(';')[0]}") from None
    except RecursionError:
        doc = None
    if doc is not None:
        _refuse_foreign(path, doc)
    if doc is None or _depth(doc) > MAX_DEPTH:
        raise DataError(
            f"{path}: nests arrays or tables deeper than the data format allows ({MAX_DEPTH} levels)"
        )
    return doc


def _refuse_foreign(path: Path, doc: dict[str, Any]) -> None:
    """A TOML file none of whose tables is the data's, nor close to one (a pyproject.toml
    in a folder given to --data, which is read with its subfolders): one line naming it,
    before the depth or unknown-table problems its tables would raise (U22: "nests arrays
    or tables deeper than the data format allows", "unknown table 'project'"). A file
    with a misspelt table (``[[event]]``) is a data file, its problem said as such."""
    import difflib

    ours = (*TABLES, "meta")
    if not doc or any(k in ours or difflib.get_close_matches(k, ours, n=1) for k in doc):
        return
    theirs = ", ".join(list(doc)[:5]) + (", ..." if len(doc) > 5 else "")
    raise DataError(
        f"{path}: is not a barkhane data file: its top-level names ({theirs}) are none "
        f"of the data's tables ({', '.join(TABLES)}; docs/data-format.md)"
    )


def toml_lines(text: str) -> list[str]:
    """A data file's lines as TOML and editors count them: only "\n" ends one
    (str.splitlines also splits at U+2028, U+0085 and form feeds, which a string or a
    comment may hold, and would put every later line number past the real one)."""
    lines = text.split("\n")
    return lines[:-1] if text.endswith("\n") else lines


# Where a TOML error is, as its message says it: "... (at line 4, column 16)".
_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)$")


def _toml_position(exc: toml.TOMLDecodeError, text: str) -> tuple[int | None, int | None]:
    """The line and column a TOML syntax error is at; at the end of the document ("(at
    end of document)"), its last line (no column: the parser's is the one past the end).
    From the message when the error has no lineno (tomllib before Python 3.14, the
    fallback in barkhane_cli.toml)."""
    message = str(exc)
    if message.endswith("(at end of document)"):
        return max(len(toml_lines(text)), 1), None
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if line is None and (at := _TOML_AT.search(message)) is not None:
        line, column = int(at[1]), int(at[2])
    return line, column


@dataclass(slots=True)
class _Layer:
    records: dict[str, dict[str, Any]]
    replaced: list[tuple[str, str, str]]
    seen: dict[tuple[str, str], str]  # (table, id) -> the file of this layer that holds it
    rejected: dict[str, list[Any]]  # table -> entries with problems, built with placeholders
    # (table, id, the replacing file) -> the file of the entry it replaced: validate names
    # it when it is another of the user's files, not the record (U45). Keyed by the
    # replacing file too: an id in three files is replaced twice, each of another file.
    earlier: dict[tuple[str, str, str], str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Checked:
    """One step of checking a file, in its order: an entry of ``table`` built into
    ``record`` (``rejected``: built with placeholders for bad fields; None: refused) with
    the problems it raised, or a problem of a whole table (no record)."""

    table: str
    problems: tuple[Problem, ...]
    record: Any = None
    rejected: bool = False


# Files already checked by this process, by name and text: checking a file's entries
# is a pure function of the two, so a file read again unchanged (the bundled record
# under each import's warm-up, a cold build after a validate) is not parsed and checked
# again. Keyed on the whole text, not on a stamp: an edit is always seen. Bounded: a
# large import is never kept, and the oldest files go first.
# A file is kept only up to the size store.parsed keeps on disk (parsed.MAX_TEXT, above
# which it is an import), and all of them up to:
_CHECKED: dict[tuple[str, str], tuple[_Checked, ...]] = {}
CHECKED_TOTAL_MAX = 16 * 1024**2  # characters (the bundled record: ~2.5 M)


def _remember(file: str, text: str, steps: tuple[_Checked, ...]) -> None:
    for old in [k for k in _CHECKED if k[0] == file]:  # an earlier version of the file
        del _CHECKED[old]
    if len(text) > parsed.MAX_TEXT:
        return
    total = len(text) + sum(len(t) for _, t in _CHECKED)
    while _CHECKED and total > CHECKED_TOTAL_MAX:
        oldest = next(iter(_CHECKED))
        total -= len(oldest[1])
        del _CHECKED[oldest]
    _CHECKED[(file, text)] = steps


def forget_checked() -> None:
    """Drop what this process remembers of checked files (every file is read again)."""
    _CHECKED.clear()


def _check_file(
    file: str, doc: dict[str, Any], consume: bool = False, counts: Counter[str] | None = None
) -> list[_Checked]:
    """Build and check every entry of a parsed file, in order; ``consume``: drop each raw
    entry once it is built (a document made for this read, so a large one is never held
    twice). ``counts``: the entries of each table in the file's earlier pieces (which
    continue an entry's position), kept up to date."""
    from barkhane_cli.validate import Problem, build_entry

    steps: list[_Checked] = []
    for table, entries in doc.items():
        if table == "meta":
            continue
        if table not in TABLES:
            import difflib

            close = difflib.get_close_matches(table, TABLES, n=1)
            hint = (
                f"; did you mean {close[0]!r}?"
                if close
                else f"; expected one of {', '.join(TABLES)}"
            )
            problem = Problem(file, table, None, None, f"unknown table {table!r}{hint}")
            steps.append(_Checked(table, (problem,)))
            continue
        if not isinstance(entries, list):
            problem = Problem(file, table, None, None, f"must be an array of tables ([[{table}]])")
            steps.append(_Checked(table, (problem,)))
            continue
        start = counts[table] if counts is not None else 0
        if counts is not None:
            counts[table] += len(entries)
        for at, raw in enumerate(entries):
            found: list[Problem] = []
            rejected: list[Any] = []
            record = build_entry(raw, file, table, start + at, found, rejected)
            if consume:
                entries[at] = None
            if rejected:
                steps.append(_Checked(table, tuple(found), rejected[0], True))
            else:
                steps.append(_Checked(table, tuple(found), record))
    return steps


def _layer_file(
    file: str, steps: Iterable[_Checked], layer: _Layer, problems: list[Problem]
) -> None:
    """Put a checked file's entries into the layer: an id once per layer; a known id from
    an earlier layer is replaced."""
    from barkhane_cli.validate import Problem

    positions: Counter[str] = Counter()  # each step is an entry of its table, in order
    for step in steps:
        problems.extend(step.problems)
        record = step.record
        position = positions[step.table]
        positions[step.table] += 1
        if record is None:
            continue
        table = step.table
        if step.rejected:
            layer.rejected[table].append(record)
            continue
        first = layer.seen.get((table, record.id))
        if first is not None:
            where = "this file" if first == file else f"{first}, in the same layer"
            twice = f"is used twice ({where})"
            problems.append(Problem(file, table, record.id, "id", twice, position=position))
            continue
        layer.seen[(table, record.id)] = file
        target = layer.records[table]
        if record.id in target:
            layer.replaced.append((table, record.id, file))
            layer.earlier[(table, record.id, file)] = target[record.id].origin
        target[record.id] = record


def _with_countries(
    events: Iterable[m.Event],
    places: dict[str, m.Place],
    roots: Roots,
    replaced: frozenset[str] = frozenset(),
    count: int = 0,
) -> list[m.Event]:
    """Events in date order, each with the countries its places lie in and where it is
    drawn. An event known only by its country has no point (``point_kind = "country"``):
    it is listed, never put at the capital or anywhere else inside the country. One of a
    file that is not the shipped data (``roots``) is the user's (Event.yours), and one
    whose id is among ``replaced`` took the place of the data's (Event.replaces).
    ``count``: the build's events, which decides whether the copies are remembered."""
    from barkhane_cli.mapping import locate, point_fields
    from barkhane_cli.store import reuse

    out = []
    keep = reuse.worth_keeping(count)  # else each checked event is freed as it is copied
    # an import's events name a few thousand sets of places: each set's countries and
    # point worked out once
    cache: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]] = {}
    for e in events:
        found = cache.get(e.places)
        if found is None:
            at = point_fields(locate(places, e.places))
            found = cache[e.places] = (geo.event_countries(places, e.places), tuple(at.items()))
        countries, point = found
        yours = not roots.get(e.origin, (None, False))[1]
        replaces = e.id in replaced
        if countries or point or yours:
            # the same copy as the last build made of this checked event, if that had
            # the same countries and point: what the store encodes of it is then reused
            # (store/reuse.py), not worked out again for each build of one process
            e = (
                reuse.per_object(_placed, e, countries, point, yours, replaces)
                if keep
                else _placed(e, countries, point, yours, replaces)
            )
        out.append(e)
    return sorted(out, key=m.Event.sort_key)


def _placed(
    e: m.Event,
    countries: tuple[str, ...],
    point: tuple[tuple[str, Any], ...],
    yours: bool = False,
    replaces: bool = False,
) -> m.Event:
    return dataclasses.replace(
        e, countries=countries, yours=yours, replaces=replaces, **dict(point)
    )


def _drain(entries: dict[str, m.Event]) -> Iterator[m.Event]:
    """The events of a layer, each removed from it as it is handed out (in its order)."""
    for ident in list(entries):
        yield entries.pop(ident)


def collect(
    paths: Sequence[Path],
    keep_going: bool = False,
    docs: Mapping[str, dict[str, Any]] | None = None,
    warnings: bool = True,
    said: list[str] | None = None,
) -> tuple[m.Dataset, list[Problem]]:
    """Load and check every file, returning the dataset and every problem found.

    A file that cannot be read raises DataError, unless ``keep_going`` (validate): then
    it is one problem and the other files are still checked. ``docs`` gives the parsed
    document of a file by its path (what ``import`` just wrote), so it is not read again;
    its entries are dropped as they are checked (a large file is never held twice).
    An export (``*.csv``) is converted by its importer (``exports``).
    ``warnings=False``: the warnings found across entries are left out (check_references;
    a file's own entries are checked, and remembered, whole either way).
    ``said``: given, it gets a line for each id two of the user's files hold (the later
    one's entry used), which a run says on stderr and validate lists as a warning.
    """
    from barkhane_cli import atomic
    from barkhane_cli.validate import Problem, Suggestions, check_references, read_source_files

    atomic.note_input(expand(paths))
    problems: list[Problem] = []
    layer = _Layer({t: {} for t in TABLES}, [], {}, {t: [] for t in TABLES})
    for top in paths:
        members = layer_files(top)
        if not members:
            problems.append(Problem(str(top), "", None, None, "is a folder with no .toml files"))
        layer.seen = {}  # ids repeat freely across layers (a user file replaces), not inside
        for path in members:
            _read_into(path, layer, problems, keep_going, docs)
    rec = layer.records
    roots = layer_roots(paths)
    places, loops = geo.resolve_places(rec["places"])
    for pid in loops:
        p = places[pid]
        problems.append(Problem(p.origin, "places", pid, "within", "is part of a within loop"))
    dupes = set(rec["events"]) & set(rec["aftermath"])
    for ident in sorted(dupes):
        e = rec["aftermath"][ident]
        problems.append(Problem(e.origin, "aftermath", ident, "id", "is also an id in [[events]]"))
    count = len(rec["events"]) + len(rec["aftermath"])
    # the replacements of one user's file's entry by another's: not the record's
    yours = {k: f for k, f in layer.earlier.items() if not roots.get(f, (None, False))[1]}
    replaced = {  # the ids of each table's events a later file reused (Event.replaces)
        # of the record's own: a user's entry taking another user's place replaces
        # none (U61 read `replaces: yes` of good2.toml's event over good.toml's)
        t: frozenset(
            i for table, i, f in layer.replaced if table == t and (table, i, f) not in yours
        )
        for t in ("events", "aftermath")
    }
    data = m.Dataset(
        sources=rec["sources"],
        actors=rec["actors"],
        places=places,
        # each event leaves the layer as its copy with countries is made: never all twice
        events=_with_countries(_drain(rec["events"]), places, roots, replaced["events"], count),
        aftermath=_with_countries(
            _drain(rec["aftermath"]), places, roots, replaced["aftermath"], count
        ),
        facts=rec["facts"],
        eras=rec["eras"],
        judgments=rec["judgments"],
        replaced=tuple(layer.replaced),
    )
    texts = read_source_files(data, problems, roots)
    # one budget of "did you mean" work for the run, both checks (validate/suggest.py)
    suggestions = Suggestions()
    if said is not None:
        from barkhane_cli.validate.duplicates import layered_twice_said

        said.extend(layered_twice_said(yours))
    check_references(
        data, problems, texts, warnings=warnings, suggestions=suggestions, replaced_yours=yours
    )
    bad = layer.rejected
    if any(bad.values()):

        def by_id(table: str) -> dict[str, Any]:
            return {r.id: r for r in bad[table]}

        only = m.Dataset(
            actors=by_id("actors"),
            places=by_id("places"),
            events=bad["events"],
            aftermath=bad["aftermath"],
            facts=by_id("facts"),
            eras=by_id("eras"),
            judgments=by_id("judgments"),
        )
        check_references(data, problems, texts, only, suggestions=suggestions)
    return data, problems


def _read_into(
    path: Path,
    layer: _Layer,
    problems: list[Problem],
    keep_going: bool,
    docs: Mapping[str, dict[str, Any]] | None = None,
) -> None:
    from barkhane_cli.validate import Problem

    file = str(path)
    text = None
    try:
        if docs is not None and file in docs:
            doc = docs[file]
        elif is_export(path) and EXPORT_READER:
            doc = EXPORT_READER[0](path, problems if keep_going else None)
        else:
            pieced = _check_pieces(path) if large(path) else None
            if pieced is not None:
                _layer_file(file, pieced, layer, problems)
                return
            text = read_text(path)
            known = _CHECKED.get((file, text))
            if known is not None:
                _layer_file(file, known, layer, problems)
                return
            kept = parsed.get(text)  # parsed by an earlier build (store.parsed)
            if kept is not None and _depth(kept) <= MAX_DEPTH:
                doc = kept
            else:
                doc = parse_toml(path, text)
                parsed.put(text, doc)
    except DataError as exc:
        if not keep_going:
            raise
        prefix = f"{path}: "
        reason = exc.message[len(prefix) :] if exc.message.startswith(prefix) else exc.message
        problems.append(
            Problem(file, "", None, None, reason, line=exc.line, column=exc.column, unread=True)
        )
        return
    steps = []
    if not doc:
        # What a truncated write or an empty export leaves: loadable, but say so.
        empty = Problem(file, "", None, None, "holds no entries (is it empty or cut short?)", True)
        steps.append(_Checked("", (empty,)))
    steps += _check_file(file, doc, consume=True)
    if text is not None:
        _remember(file, text, tuple(steps))
    _layer_file(file, steps, layer, problems)


# A file larger than this (in bytes) is never kept (store.parsed, _CHECKED: its text is
# over parsed.MAX_TEXT characters, at most 4 bytes each): it is checked piece by piece.
PIECED_BYTES = 4 * parsed.MAX_TEXT


def large(path: Path) -> bool:
    """Whether a data file is read in pieces (over PIECED_BYTES): a build never holds its
    text or its parsed document whole (``import`` builds its store from it so, K89)."""
    try:
        return path != STDIN and path.stat().st_size > PIECED_BYTES
    except OSError:
        return False  # the whole read says why


def _check_pieces(path: Path) -> list[_Checked] | None:
    """A large file's entries built and checked as :func:`_check_file` builds the whole
    document's, in the same order, the file parsed a piece at a time (store.pieces), each
    piece's document dropped once its entries are built: the text and the document are
    never held whole. None when the pieces might not read as the whole text does, or the
    file cannot be read: the caller then reads it whole, which says any error."""
    from barkhane_cli.store import pieces

    file = str(path)
    steps: list[_Checked] = []
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}  # each table's first piece: the whole document's order
    try:
        with _open(path) as fh:
            for doc in pieces.documents(fh, TABLES):
                if _depth(doc) > MAX_DEPTH:
                    return None
                for table in doc:
                    first.setdefault(table, len(first))
                steps += _check_file(file, doc, consume=True, counts=counts)
    except (pieces.Unsure, DataError, OSError):
        return None
    # The whole document lists each table's entries together, in the order the tables
    # first appear: so do the steps (sorted stably, each table's entries in file order).
    steps.sort(key=lambda step: first[step.table])
    return steps


def data_paths(
    extra: Sequence[Path] = (), bundled: bool = True, layers: Sequence[Path] = ()
) -> list[Path]:
    """The files a run reads, in layer order: the bundled data, ``layers`` (the settings'
    BARKHANE_DATA), then ``extra`` (--data). A file given twice (in BARKHANE_DATA and to
    validate, or twice to --data) is read once, at its first place: read twice, each of
    its entries replaced itself, and validate said "s1.toml replaces the event
    'serval-launched' of s1.toml", twice, never that it replaced the record's (U45 #16).
    It keeps the spelling given last (the command line's, which validate names its
    problems by). Standard input ("-") is read wherever it is given. A file inside a
    folder given too, or a folder inside it, is read with that folder."""
    given = ([bundled_path()] if bundled else []) + list(layers) + list(extra)
    paths: list[Path] = []
    at: dict[str, int] = {}
    for path in given:
        same = os.path.realpath(path)
        if str(path) != "-" and same in at:
            paths[at[same]] = path
            continue
        at[same] = len(paths)
        paths.append(path)
    # a file a folder given too holds is read with that folder, once: read again on its
    # own, its entries replaced themselves (RV39: `validate mine mine/s1.toml`, or a file
    # of a BARKHANE_DATA folder given to validate, said "s1.toml replaces the event
    # 'serval' of s1.toml"); the folder's place stands, as the later reading did
    folders = [p for p in paths if str(p) != "-" and p.is_dir()]
    if not folders or len(paths) == 1:
        return paths  # nothing beside a folder: no folder walked here (~1 ms a run)
    held = {p: {os.path.realpath(f) for f in layer_files(p)} for p in folders}

    def read_in_another(path: Path) -> bool:
        """Whether a folder given too holds all of ``path`` (a file, or a folder in it)."""
        if str(path) == "-":
            return False
        own = held[path] if path in held else {os.path.realpath(path)}
        order = paths.index(path)
        return bool(own) and any(  # of two folders holding the same files, the first reads
            own < files or (own == files and (path not in held or paths.index(p) < order))
            for p, files in held.items()
            if p != path
        )

    return [p for p in paths if not read_in_another(p)]
