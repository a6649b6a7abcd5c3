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
from barkhane_cli.cli.lazy import LazyGroup
from barkhane_cli.errors import BarkhaneError, ExitCode, UsageError

F = TypeVar("F", bound=Callable[..., Any])

HELP = """A sourced timeline and fact lookup of the Sahel conflict, 2011 to 9 November 2022.

Exit codes: 0 success (also when nothing matches), 2 usage error, 3 not found or ambiguous, 4 bad data file or output that cannot be written (a full disk, a closed stdout), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

app = typer.Typer(
    cls=LazyGroup,  # each run builds only the command it runs
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


# The formats each kind of command prints (render/records.py checks the same lists).
EVENT_FORMATS = (
    "table", "plain", "tsv", "csv", "json", "jsonl", "md", "ics", "timelinejs", "geojson",
)  # fmt: skip
RECORD_FORMATS = ("table", "plain", "tsv", "csv", "json", "jsonl", "md", "geojson")


def format_option(formats: tuple[str, ...]) -> Any:
    """--format for a command, its help listing only the formats that command accepts."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"{', '.join(formats[:-1])} or {formats[-1]}. Default: table on a terminal, "
        "plain (tab-separated, no header) when piped. Any case.",
        show_default=False,
    )


FormatOpt = Annotated[str | None, format_option(EVENT_FORMATS)]
RecordFormatOpt = Annotated[str | None, format_option(RECORD_FORMATS)]
FieldsOpt = Annotated[
    str | None,
    typer.Option("--fields", help="Comma-separated fields to show, in order (e.g. id,date,title)."),
]
ColorOpt = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="WHEN",
        help="Colour: auto (on a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces "
        "it), always (also piped, for less -R), never.",
    ),
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


SinceOpt = Annotated[
    str | None, typer.Option(help="From this date: 2020, Aug 2020, 2020-08, 18 August 2020.")
]
UntilOpt = Annotated[
    str | None, typer.Option(help="Up to this date, inclusive of the whole period given.")
]
TYPE_HELP = (
    "Event type (repeatable): attack, battle, massacre, coup, coup-attempt, operation, "
    "withdrawal, diplomacy, mandate, politics, armed-group, leader-killed, protest, "
    "humanitarian, report (barkhane types says what each means)."
)
TypeOpt = Annotated[list[str] | None, typer.Option("--type", "-t", help=TYPE_HELP)]
ActorOpt = Annotated[
    list[str] | None, typer.Option("--actor", "-a", help="Actor id, name or alias (repeatable).")
]
WideOpt = Annotated[
    bool,
    typer.Option(
        "--wide", help="Every column, nothing cut (lines may be wider than the terminal)."
    ),
]
ExportOpt = Annotated[
    Path | None,
    typer.Option(
        "--export",
        help="Also save the terminal view to FILE.svg, FILE.html or FILE.txt.",
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
        except OSError as exc:
            # Reading data files is turned into DataError where it happens, so what is
            # left is writing: stdout full (> /dev/full), closed, or a file we did not
            # expect to fail. The data/IO code, one line.
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"cannot write the output ({where}{exc.strerror or exc})", ExitCode.DATA)
        except KeyboardInterrupt:
            sys.stderr.write("barkhane: interrupted\n")
            _INTERRUPTED[0] = True
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
_PAGER = [True]  # --no-pager, wherever it stands, turns it off
_CSV_SAFE = [False]
_INTERRUPTED = [False]  # "interrupted" was said: once per run


def _fail(message: str, code: int) -> None:
    from barkhane_cli.render.safe import inert

    # Messages quote data (a name, a "did you mean"): show its controls, keep it one line.
    sys.stderr.write(f"barkhane: {inert(message)}\n")
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


def make_env(color: str) -> Any:
    from dataclasses import replace

    from barkhane_cli.choices import choose
    from barkhane_cli.render.env import Env

    mode = choose(color, [c.value for c in Color], "colour mode", "--color values")
    env = Env.detect(mode)  # type: ignore[arg-type]
    return replace(env, csv_safe=True) if _CSV_SAFE[0] else env


def present(
    env: Any,
    format_: str | None,
    export: Path | None,
    show: Callable[[Any, str | None], object],
    title: str,
) -> None:
    """Show a view in the chosen format; with --export, also save its terminal form.
    A terminal view goes through the pager (see render/pager.py)."""
    if export is not None:
        from barkhane_cli.render.export import export as save

        save(env, export, lambda rec: show(rec, "table"), title)
    human = (format_ or ("table" if env.is_tty else "plain")).strip().lower() == "table"
    if not (human and env.is_tty and _PAGER[0]):
        show(env, format_)
        return
    from barkhane_cli.render.pager import paged

    with paged(env) as target:
        show(target, format_)


def parse_date(option: str, value: str | None) -> Any:
    if value is None:
        return None
    from barkhane_cli.dates import parse_user_date

    try:
        return parse_user_date(value)
    except ValueError as exc:
        # the parser's message already says which forms to use
        raise UsageError(f"{option}: {exc}") from None


def load(data: list[Path] | None) -> Any:
    """The whole dataset, for commands that read every event."""
    from barkhane_cli import store

    return store.load(data or ())


def open_data(data: list[Path] | None) -> Any:
    """The dataset with a query path that reads only the events it selects (store.Loaded)."""
    from barkhane_cli import store

    return store.open_data(data or ())


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
    csv_safe: Annotated[
        bool,
        typer.Option(
            "--csv-safe",
            help="In csv and tsv output, prefix cells that start with = + - @ (not plain "
            "numbers) with ' so spreadsheets do not run them as formulas. Also "
            "BARKHANE_CSV_SAFE=1. Given before the command: barkhane --csv-safe timeline -f csv.",
        ),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Do not page long terminal output, before or after the command (also "
            "BARKHANE_PAGER=''; the pager is BARKHANE_PAGER, else PAGER, else less -FRX).",
        ),
    ] = False,
) -> None:
    """A sourced timeline and fact lookup of the Sahel conflict, 2011 to 9 November 2022."""
    if debug:
        _DEBUG[0] = True
    if no_pager:
        _PAGER[0] = False
    _CSV_SAFE[0] = csv_safe


def main() -> None:
    sys.exit(run(sys.argv[1:]))


def run(argv: list[str]) -> int:
    """Run the command line on ``argv`` and return the exit code.

    Click's own errors (unknown command or option, bad or missing value) come back as
    exceptions here, so each becomes one stderr line like our own errors, instead of
    Typer's boxed panel; ``--debug`` may stand anywhere and shows tracebacks.
    """
    import click

    _INTERRUPTED[0] = False
    # Text that the terminal's encoding cannot show comes out escaped, never as a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    args = list(argv)
    cut = args.index("--") if "--" in args else len(args)
    # Like git's, these two work before or after the subcommand.
    for flag, state, value in (("--debug", _DEBUG, True), ("--no-pager", _PAGER, False)):
        if flag in args[:cut]:
            state[0] = value
            args = [a for a in args[:cut] if a != flag] + args[cut:]
            cut = args.index("--") if "--" in args else len(args)
    try:
        result = app(args=args, prog_name="barkhane", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        # `barkhane` alone, or a command group alone: the help is the answer.
        sys.stdout.write(exc.ctx.get_help() + "\n" if exc.ctx else "")
        return ExitCode.OK
    except click.ClickException as exc:
        from barkhane_cli.controls import inert

        sys.stderr.write(f"barkhane: {inert(click_error_line(exc, args))}\n")
        return exc.exit_code if isinstance(exc, click.UsageError) else ExitCode.USAGE
    except click.exceptions.Exit as exc:
        return _said_interrupted(exc.exit_code)
    except click.Abort:
        return _said_interrupted(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        try:
            _reader_gone()
        except typer.Exit:
            return ExitCode.OK
    return _said_interrupted(result) if isinstance(result, int) else ExitCode.OK


def _said_interrupted(code: int) -> int:
    # Typer turns a Ctrl-C outside a command (while it parses the options) into a silent
    # exit 130; say it once, as a Ctrl-C inside a command does.
    if code == ExitCode.INTERRUPTED and not _INTERRUPTED[0]:
        _INTERRUPTED[0] = True
        sys.stderr.write("barkhane: interrupted\n")
    return code


def click_error_line(exc: Any, args: list[str]) -> str:
    """One sentence for a Click error, with a suggestion or where to read more."""
    import difflib
    import re

    import click

    ctx = getattr(exc, "ctx", None)
    command = ctx.command if ctx is not None else _command_for(args)
    path = ctx.command_path.partition(" ")[2] if ctx is not None else ""
    where = f"barkhane {path}".rstrip() if ctx is not None else _path_for(args)
    more = f"; see '{where} --help'"
    if isinstance(exc, click.NoSuchOption):
        opts = [o for p in command.params for o in p.opts if o.startswith("-")]
        close = difflib.get_close_matches(exc.option_name, opts, n=2) or exc.possibilities
        if close:
            return f"no such option {exc.option_name!r}; did you mean {' or '.join(repr(c) for c in close[:2])}?"
        return f"no such option {exc.option_name!r}{more}"
    text = " ".join(exc.format_message().split())
    found = re.match(r"No such command '(.+?)'", text)
    if found and isinstance(command, click.Group):
        name = found.group(1)
        names = command.list_commands(ctx) if ctx is not None else []
        close = difflib.get_close_matches(name, names, n=2)
        if close:
            return f"no such command {name!r}; did you mean {' or '.join(repr(c) for c in close)}?"
        return f"no such command {name!r}; commands are: {', '.join(names)}"
    text = re.sub(r"^Invalid value for '([^']+)'(?: / '[^']+')*: ", r"\1: ", text)
    text = re.sub(r"(?<=') / '-\w'", "", text)
    text = text[:1].lower() + text[1:]
    return text.rstrip(".") + more


def _command_for(args: list[str]) -> Any:
    """The deepest (sub)command named in ``args``, for errors Click raises without one."""
    import click

    command: Any = typer.main.get_command(app)
    ctx = click.Context(command)
    for arg in args:
        if not isinstance(command, click.Group):
            break
        sub = command.get_command(ctx, arg)
        if sub is not None:
            command = sub
    return command


def _path_for(args: list[str]) -> str:
    import click

    command: Any = typer.main.get_command(app)
    ctx = click.Context(command)
    words = ["barkhane"]
    for arg in args:
        if not isinstance(command, click.Group):
            break
        sub = command.get_command(ctx, arg)
        if sub is not None:
            command, words = sub, [*words, arg]
    return " ".join(words)
