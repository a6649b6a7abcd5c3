"""An output file asked for by an option the command does not take: the way it does take
one, as the command to run. The commands name their file three ways: `export sqlite
FILE.db` as its argument, `import ... --output FILE` (-o), the views `--export FILE`;
and some write to stdout alone. U45: `export sqlite -o FILE` said "export sqlite takes
no -o; it takes --data or --quiet", not where the file goes. One message for every
command (lazy.click_error_line asks it first for an unknown option). A file named for a
format the command prints (x.csv, m.geojson) is that --format to stdout: RV39, `timeline
-o x.csv` was told `--export x.csv`, which --export refuses (.svg, .html, .txt only)."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from barkhane_cli.render.export import EXPORT_KINDS

# What other tools, and barkhane's other commands, call an output file's option.
OUTPUT_OPTIONS = ("-o", "--output", "--out", "--export", "--file", "--to")
# The parameters by which a command takes the file it writes: an argument named output
# (export sqlite), or one of these options.
_FILE_OPTIONS = ("output", "export")
# --format as typed, kept where the file's format was given already (-f json -o x.json).
_FORMAT_OPTIONS = ("--format", "-f")
# A file --export takes, where none was named.
_EXPORT_PLACEHOLDER = f"FILE{EXPORT_KINDS[0]}"


def output_hint(command: click.Command, path: str, option: str, line: list[str]) -> str | None:
    """The line for ``option`` (an OUTPUT_OPTIONS word the command does not take), with
    the command as typed (``line``) made right: "export sqlite takes the file to write as
    its argument, not -o: barkhane export sqlite x.db"; "timeline writes a file with
    --export, not -o: barkhane timeline --export x.csv"; "cite writes to stdout, not -o:
    barkhane cite seed > x.bib". None for any other option."""
    name = option
    if name not in OUTPUT_OPTIONS or not path:  # before any command: no file to write yet
        return None
    words = list(line)
    at = next((i for i, w in enumerate(words) if _typed_as(w, name)), None)
    if at is None:
        return None
    if words[at] != name:  # its value attached: --output=x.db, -ox.db
        words[at : at + 1] = [name, words[at][len(name) :].removeprefix("=")]
    value = words[at + 1] if at + 1 < len(words) and not words[at + 1].startswith("-") else None
    fmt = _format_for(command, path, value)
    for p in command.params:
        if isinstance(p, click.Argument) and p.name == "output":
            del words[at]
            if value is None:
                words.insert(at, "FILE")
            return f"{path} takes the file to write as its argument, not {name}: {_command(words)}"
        if isinstance(p, click.Option) and p.name in _FILE_OPTIONS and not p.hidden:
            if fmt is not None:  # a table's file is --format's, not --export's (RV39)
                break
            right = max(p.opts, key=len)
            words[at] = right
            if value is None:
                words.insert(at + 1, _EXPORT_PLACEHOLDER if right == "--export" else "FILE")
            return f"{path} writes a file with {right}, not {name}: {_command(words)}"
    del words[at : at + 1 + (value is not None)]
    if any(_typed_as(w, o) for w in words for o in _FORMAT_OPTIONS):
        fmt = None  # the format the user gave stands
    what = f"{fmt} " if fmt is not None else ""
    words += ["--format", fmt] if fmt is not None else []
    return (
        f"{path} writes {what}to stdout, not {name}: {_command(words)} "
        f"> {shlex.quote(value or 'FILE')}"
    )


def _format_for(command: click.Command, path: str, value: str | None) -> str | None:
    """The --format the command prints that ``value`` (a file name) is named for, by its
    suffix: x.csv is csv, m.geojson geojson; None for any other (x.svg, x.db, x.bib)."""
    from barkhane_cli.errors import UsageError
    from barkhane_cli.formats import KNOWN

    fmt = Path(value).suffix.lower().removeprefix(".") if value else ""
    if fmt not in KNOWN:
        return None
    for p in command.params:
        if isinstance(p, click.Option) and "--format" in p.opts and p.callback is not None:
            try:  # --format's own check: the formats this command prints
                p.callback(click.Context(command, info_name=path), p, fmt)
            except UsageError:
                return None
            return fmt
    return None


def _typed_as(word: str, option: str) -> bool:
    """Whether ``word`` is ``option`` as typed: alone, with =VALUE, or a short one with its
    value attached (-ox.db)."""
    if word == option or word.startswith(option + "="):
        return True
    return not option.startswith("--") and word.startswith(option) and not word.startswith("--")


def _command(words: list[str]) -> str:
    return shlex.join(["barkhane", *words])
