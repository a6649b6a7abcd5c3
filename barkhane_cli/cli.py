"""The Typer app: each command parses its options, calls the library, hands over to a renderer."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from barkhane_cli import __version__
from barkhane_cli.errors import BarkhaneError, ExitCode, UsageError

F = TypeVar("F", bound=Callable[..., Any])

HELP = """A sourced timeline and fact lookup of the Sahel conflict, 2011 to 9 November 2022.

Exit codes: 0 success (also when nothing matches), 2 usage error, 3 not found or
ambiguous, 4 bad data file, 130 interrupted.
"""

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="table, plain, tsv, csv, json or jsonl. Default: table on a terminal, plain "
        "(tab-separated, no header) when piped.",
        show_default=False,
    ),
]
FieldsOpt = Annotated[
    str | None,
    typer.Option("--fields", help="Comma-separated fields to show, in order (e.g. id,date,title)."),
]
ColorOpt = Annotated[
    Color, typer.Option("--color", help="Colour: auto (terminal and no NO_COLOR), always, never.")
]
DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help="Extra data file layered over the bundled timeline (repeatable; also "
        "BARKHANE_DATA, separated by the path separator).",
        show_default=False,
    ),
]


def handled(func: F) -> F:
    """Turn expected failures into one stderr line and a documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()
            return result
        except BarkhaneError as exc:
            _fail(exc.message, exc.code)
        except BrokenPipeError:
            _reader_gone()
        except KeyboardInterrupt:
            sys.stderr.write("barkhane: interrupted\n")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if _DEBUG[0]:
                raise
            _fail(
                f"internal error ({type(exc).__name__}: {exc}); this is a bug: please report it "
                "with the output of the same command with --debug",
                ExitCode.INTERNAL,
            )

    return wrapper  # type: ignore[return-value]


_DEBUG = [os.environ.get("BARKHANE_DEBUG", "") not in ("", "0")]


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"barkhane: {message}\n")
    raise typer.Exit(code)


def _reader_gone() -> None:
    # The reader closed the pipe (`| head -n 1`): that is normal, so exit 0 quietly; point
    # stdout at devnull so the interpreter's final flush does not complain (Python docs,
    # "Note on SIGPIPE").
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise typer.Exit(ExitCode.OK)


def _env(color: Color) -> Any:
    from barkhane_cli.render.env import Env

    return Env.detect(color.value)


def _parse_date(option: str, value: str | None) -> Any:
    if value is None:
        return None
    from barkhane_cli.dates import parse_user_date

    try:
        return parse_user_date(value)
    except ValueError as exc:
        raise UsageError(
            f"{option}: {exc}; try a form like 2020, Aug 2020, 2020-08 or 2020-08-18"
        ) from None


def _load(data: list[Path] | None) -> Any:
    from barkhane_cli import store

    return store.load(data or ())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"barkhane {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on internal errors.", hidden=True)
    ] = False,
) -> None:
    """A sourced timeline and fact lookup of the Sahel conflict, 2011 to 9 November 2022."""
    if debug:
        _DEBUG[0] = True


@app.command()
@handled
def timeline(
    since: Annotated[
        str | None, typer.Option(help="From this date: 2020, Aug 2020, 2020-08, 18 August 2020.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Up to this date, inclusive of the whole period given.")
    ] = None,
    year: Annotated[int | None, typer.Option(help="Only this year.", min=1, max=9999)] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option("--actor", "-a", help="Actor id, name or alias (repeatable)."),
    ] = None,
    place: Annotated[
        list[str] | None,
        typer.Option("--place", "-p", help="Place id, name or alias (repeatable)."),
    ] = None,
    country: Annotated[
        list[str] | None, typer.Option(help="Country of the event's places (repeatable).")
    ] = None,
    type_: Annotated[
        list[str] | None, typer.Option("--type", "-t", help="Event type (repeatable).")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Tag (repeatable).")] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Literal text in title or summary.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most this many.")] = None,
    reverse: Annotated[bool, typer.Option(help="Newest first.")] = False,
    aftermath: Annotated[
        bool, typer.Option(help="Include the events after 9 November 2022.")
    ] = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """Events in date order, filtered.

    A --since/--until given as a year or month covers that whole period; an event matches
    when its own span (start to end, each widened to its precision) overlaps the range.
    Options of one kind (two --actor) match either; different kinds must all match.
    """
    from barkhane_cli import query
    from barkhane_cli.render.events import event_records
    from barkhane_cli.render.records import emit

    env = _env(color)
    start, end = _parse_date("--since", since), _parse_date("--until", until)
    dataset = _load(data)
    q = query.build_query(
        dataset,
        since=start,
        until=end,
        year=year,
        actors=actor or (),
        places=place or (),
        countries=country or (),
        types=type_ or (),
        tags=tag or (),
        search=search,
        aftermath=aftermath,
        limit=limit,
        reverse=reverse,
    )
    count = emit(env, format_, event_records(dataset, query.select(dataset, q)), fields)
    if count == 0 and env.is_tty and format_ not in (None, "table"):
        env.err.write("no events match\n")


SinceOpt = Annotated[
    str | None, typer.Option(help="From this date: 2020, Aug 2020, 2020-08, 18 August 2020.")
]
UntilOpt = Annotated[
    str | None, typer.Option(help="Up to this date, inclusive of the whole period given.")
]
TypeOpt = Annotated[list[str] | None, typer.Option("--type", "-t", help="Event type (repeatable).")]


def _complete(table: str) -> Callable[[str], list[tuple[str, str]]]:
    def complete(incomplete: str) -> list[tuple[str, str]]:
        from barkhane_cli.completion import candidates

        return candidates(table, incomplete)

    return complete


@app.command()
@handled
def actor(
    name: Annotated[
        str, typer.Argument(help="Id, name or alias.", autocompletion=_complete("actors"))
    ],
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """An actor's profile: aliases, affiliations, facts, sources and its own timeline.

    tsv and csv print the actor's events; json prints the whole profile.
    """
    from barkhane_cli import query
    from barkhane_cli.render.cards import emit_card
    from barkhane_cli.render.profiles import actor_card

    env = _env(color)
    start, end = _parse_date("--since", since), _parse_date("--until", until)
    dataset = _load(data)
    ident = query.actor_resolver(dataset).resolve(name)
    q = query.build_query(dataset, since=start, until=end, actors=[ident], types=type_ or ())
    events = list(query.select(dataset, q))
    emit_card(env, format_, actor_card(dataset, dataset.actors[ident], events), dataset, fields)


@app.command()
@handled
def actors(
    kind: Annotated[str | None, typer.Option(help="Only this kind (state, person, ...).")] = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """All actors, one per row, with how many events name them."""
    from barkhane_cli import model
    from barkhane_cli.render.listings import actor_records
    from barkhane_cli.render.records import emit

    env = _env(color)
    dataset = _load(data)
    items = sorted(dataset.actors.values(), key=lambda a: (a.kind, a.name.casefold()))
    if kind is not None:
        if kind not in model.ACTOR_KINDS:
            raise UsageError(f"unknown kind {kind!r}; kinds are: {', '.join(model.ACTOR_KINDS)}")
        items = [a for a in items if a.kind == kind]
    emit(env, format_, actor_records(dataset, items), fields)


@app.command()
@handled
def place(
    name: Annotated[
        str, typer.Argument(help="Id, name or alias.", autocompletion=_complete("places"))
    ],
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """A place: coordinates, region, country, aliases and the events there."""
    from barkhane_cli import query
    from barkhane_cli.render.cards import emit_card
    from barkhane_cli.render.profiles import place_card

    env = _env(color)
    start, end = _parse_date("--since", since), _parse_date("--until", until)
    dataset = _load(data)
    ident = query.place_resolver(dataset).resolve(name)
    q = query.build_query(dataset, since=start, until=end, places=[ident], types=type_ or ())
    events = list(query.select(dataset, q))
    emit_card(env, format_, place_card(dataset, dataset.places[ident], events), dataset, fields)


@app.command()
@handled
def places(
    country: Annotated[str | None, typer.Option(help="Only places in this country.")] = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """All places, with coordinates and how many events happened there."""
    from barkhane_cli import query
    from barkhane_cli.render.listings import place_records
    from barkhane_cli.render.records import emit
    from barkhane_cli.resolve import normalize

    env = _env(color)
    dataset = _load(data)
    items = sorted(dataset.places.values(), key=lambda p: (p.country, p.name))
    if country is not None:
        wanted = query.check_in([country], {p.country for p in items}, "country")
        items = [p for p in items if normalize(p.country) in wanted]
    emit(env, format_, place_records(dataset, items), fields)


@app.command()
@handled
def event(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Event id (or a unique part of it).",
            autocompletion=_complete("events"),
        ),
    ],
    format_: FormatOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """One event in full: every field, each source with its quote, related events."""
    from barkhane_cli.render.cards import emit_card
    from barkhane_cli.render.profiles import event_card
    from barkhane_cli.resolve import Named, Resolver

    env = _env(color)
    dataset = _load(data)
    everything = {e.id: e for e in dataset.events + dataset.aftermath}
    resolver = Resolver(
        (Named(e.id, e.id) for e in everything.values()), "event", "barkhane timeline --fields id"
    )
    found = everything[resolver.resolve(ident)]
    emit_card(env, format_, event_card(dataset, found), dataset, None)


@app.command()
@handled
def facts(
    text: Annotated[str | None, typer.Argument(help="Words in the fact's label or scope.")] = None,
    actor: Annotated[
        list[str] | None, typer.Option("--actor", "-a", help="Facts about this actor (repeatable).")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help="troops, casualties, displacement, budget, violence, other.")
    ] = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """Numeric facts (troop strengths, casualties, displacement ...) with their sources."""
    from barkhane_cli import model, query
    from barkhane_cli.render.listings import fact_records
    from barkhane_cli.render.records import emit
    from barkhane_cli.resolve import fold

    env = _env(color)
    dataset = _load(data)
    items = sorted(dataset.facts.values(), key=lambda f: (f.as_of.first(), f.id))
    if actor:
        resolver = query.actor_resolver(dataset)
        ids = {resolver.resolve(a) for a in actor}
        items = [f for f in items if ids & set(f.actors)]
    if category is not None:
        if category not in model.FACT_CATEGORIES:
            raise UsageError(
                f"unknown category {category!r}; categories are: {', '.join(model.FACT_CATEGORIES)}"
            )
        items = [f for f in items if f.category == category]
    if text:
        needle = fold(text)
        items = [f for f in items if needle in fold(" ".join((f.id, f.label, f.scope, f.unit)))]
    emit(env, format_, fact_records(dataset, items), fields)


@app.command()
@handled
def sources(
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """The bibliography, with how many entries cite each source (the seed is 'seed')."""
    from barkhane_cli import lookup
    from barkhane_cli.render.listings import source_records
    from barkhane_cli.render.records import emit

    env = _env(color)
    dataset = _load(data)
    cited = lookup.citations(dataset)
    items = sorted(dataset.sources.values(), key=lambda s: (-cited[s.id], s.id))
    emit(env, format_, source_records(dataset, items), fields)


@app.command()
@handled
def search(
    text: Annotated[str, typer.Argument(help="Literal text; case and accents do not matter.")],
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most this many.")] = None,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    data: DataOpt = None,
) -> None:
    """One ranked list across actors, places, events and facts."""
    from barkhane_cli import lookup
    from barkhane_cli.render.listings import hit_records
    from barkhane_cli.render.records import emit

    env = _env(color)
    if not text.strip():
        raise UsageError("give some text to search for")
    dataset = _load(data)
    hits = lookup.search(dataset, text)
    if limit is not None:
        hits = hits[: max(limit, 0)]
    emit(env, format_, hit_records(hits), fields)


@app.command()
@handled
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Data files to check, layered over the bundled data. Default: the bundled data."),
    ] = None,
    alone: Annotated[
        bool, typer.Option("--alone", help="Check the files on their own, without the bundled data.")
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


def main() -> None:
    # Text that the terminal's encoding cannot show comes out escaped, never as a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app()
    except BrokenPipeError:
        _reader_gone()
