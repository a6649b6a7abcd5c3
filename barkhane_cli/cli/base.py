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

Exit codes: 0 success (also when nothing matches), 2 usage error, 3 not found or ambiguous, 4 bad data file, 130 interrupted.
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
        help="table, plain, tsv, csv, json, jsonl, md, ics or timelinejs. Default: table on a terminal, plain "
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


SinceOpt = Annotated[
    str | None, typer.Option(help="From this date: 2020, Aug 2020, 2020-08, 18 August 2020.")
]
UntilOpt = Annotated[
    str | None, typer.Option(help="Up to this date, inclusive of the whole period given.")
]
TypeOpt = Annotated[list[str] | None, typer.Option("--type", "-t", help="Event type (repeatable).")]
ActorOpt = Annotated[
    list[str] | None, typer.Option("--actor", "-a", help="Actor id, name or alias (repeatable).")
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


def make_env(color: Color) -> Any:
    from barkhane_cli.render.env import Env

    return Env.detect(color.value)


def present(
    env: Any,
    format_: str | None,
    export: Path | None,
    show: Callable[[Any, str | None], object],
    title: str,
) -> None:
    """Show a view in the chosen format; with --export, also save its terminal form."""
    if export is not None:
        from barkhane_cli.render.export import export as save

        save(env, export, lambda rec: show(rec, "table"), title)
    show(env, format_)


def parse_date(option: str, value: str | None) -> Any:
    if value is None:
        return None
    from barkhane_cli.dates import parse_user_date

    try:
        return parse_user_date(value)
    except ValueError as exc:
        raise UsageError(
            f"{option}: {exc}; try a form like 2020, Aug 2020, 2020-08 or 2020-08-18"
        ) from None


def load(data: list[Path] | None) -> Any:
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
