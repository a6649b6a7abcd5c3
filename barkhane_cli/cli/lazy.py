"""The command registry and the group that runs it: Click's lazy-loading group pattern.

``COMMANDS`` is the one list of commands: each name, the function (or Typer group) that
implements it as ``module:attribute`` under barkhane_cli/cli/, its help panel and its
examples. A run imports and builds only the command it executes; help and error
suggestions, which list every command, build them all.

``LazyGroup.main`` is the one error boundary: every failure of a run (Click's own usage
errors, ours, a closed pipe, a full disk, Ctrl-C, a bug) becomes one stderr line and an
exit code from ``errors.ExitCode``. It also builds the run's ``Settings``, once.

Completion is attached here as well, by parameter name, so every option that takes a
value from the data completes from the store the same way (see completion.py).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, NamedTuple

import click
import typer
from typer.core import TyperGroup
from typer.utils import get_params_from_function

from barkhane_cli import followups
from barkhane_cli.errors import BarkhaneError, ExitCode, ShortYearUsage
from barkhane_cli.importers import import_line
from barkhane_cli.settings import Settings


class Command(NamedTuple):
    target: str  # "module:attribute" under barkhane_cli/cli/: a function or a Typer group
    panel: str  # the group of the command list in --help
    examples: tuple[str, ...] = ()  # shown at the end of its --help; tests run each one


# The import the examples of the commands reading one start from (tests run each).
ACLED_EXAMPLE = import_line("acled", "export.csv", "acled.toml")

# Every command, in the order help lists them.
COMMANDS: dict[str, Command] = {
    "timeline": Command(
        "timeline:timeline",
        "Events",
        (
            "barkhane timeline --since 2020 --until 2020 --type attack",
            "barkhane timeline --actor jnim --country 'burkina faso' -f csv > jnim.csv",
        ),
    ),
    "event": Command(
        "lookups:event",
        "Events",
        ("barkhane event mali-expels-french-ambassador", "barkhane event serval-launched -f ics"),
    ),
    "search": Command(
        "lookups:search",
        "Events",
        ("barkhane search Ménaka", 'barkhane search "suicide bombing" --kind event'),
    ),
    "types": Command(
        "timeline:types", "Events", ("barkhane types", "barkhane timeline --type leader-killed")
    ),
    "tags": Command(
        "timeline:tags", "Events", ("barkhane tags", "barkhane timeline --tag kidnapping")
    ),
    "actor": Command(
        "lookups:actor",
        "Lookups",
        ("barkhane actor wagner", "barkhane actor goita --since 2021 -f json"),
    ),
    "actors": Command("lookups:actors", "Lookups", ("barkhane actors --kind armed-group",)),
    "place": Command(
        "lookups:place",
        "Lookups",
        ("barkhane place menaka", "barkhane place 'Tombouctou' --type attack"),
    ),
    "places": Command(
        "lookups:places",
        "Lookups",
        ("barkhane places --country niger", "barkhane places -f geojson > places.json"),
    ),
    "map": Command("map:map_", "Lookups"),
    "on": Command("map:on", "Lookups"),
    "fact": Command(
        "lookups:fact",
        "Lookups",
        ("barkhane fact barkhane-troops-peak", "barkhane fact mali-refugees-2013-06 -f json"),
    ),
    "facts": Command(
        "lookups:facts",
        "Lookups",
        ("barkhane facts troops", "barkhane facts --actor minusma -f csv"),
    ),
    "sources": Command("cite:sources", "Lookups", ("barkhane sources --fields id,cited_by,url",)),
    "source": Command("cite:source", "Lookups", ("barkhane source seed",)),
    "cite": Command("cite:cite", "Lookups", ("barkhane cite serval-launched -f bibtex",)),
    "summary": Command(
        "briefing:summary",
        "Briefing",
        (
            "barkhane summary",
            "barkhane summary --since 2020 --actor wagner",
            "barkhane summary --year 2021 --full",
        ),
    ),
    "eras": Command("briefing:eras", "Briefing", ("barkhane eras", "barkhane eras -f csv")),
    "chart": Command(
        "briefing:chart",
        "Briefing",
        (
            "barkhane chart events --by month --since 2022",
            "barkhane chart --facet country --country mali --country burkina",
            "barkhane chart troops",
        ),
    ),
    "judgments": Command(
        "briefing:judgments",
        "Briefing",
        ("barkhane judgments", "barkhane judgments --outcome did-not-happen"),
    ),
    "compare": Command(
        "compare:compare",
        "Data",
        (f"{ACLED_EXAMPLE} && barkhane compare --data acled.toml --year 2021",),
    ),
    "gaps": Command(
        "compare:gaps",
        "Data",
        (f"{ACLED_EXAMPLE} && barkhane gaps --data acled.toml --min-deaths 1 --by region",),
    ),
    "validate": Command("datafiles:validate", "Data", ("barkhane validate mine.toml",)),
    "new": Command(
        "datafiles:new", "Data", ("barkhane new actor > mine.toml && barkhane validate mine.toml",)
    ),
    "import": Command(
        "datafiles:import_app",
        "Data",
        (
            ACLED_EXAMPLE,
            import_line("ucdp", "GEDEvent_v23_1.csv --country Mali", "ucdp.toml"),
        ),
    ),
    "export": Command("export:export_app", "Data"),
}
# What a parameter's value is, for completion: (command, parameter) first, then parameter.
COMPLETES: dict[tuple[str | None, str], str] = {
    ("actor", "name"): "actors",
    ("place", "name"): "places",
    ("event", "ident"): "events",
    ("fact", "ident"): "facts",
    (None, "actor"): "actors",
    (None, "perpetrator"): "actors",
    (None, "target"): "actors",
    (None, "place"): "places",
    (None, "within"): "places",
    (None, "country"): "countries",
    (None, "type_"): "type",
    (None, "tag"): "tags",
    (None, "not_tag"): "tags",
    (None, "kind"): "kind",
    (None, "format_"): "format",
    (None, "fields"): "fields",
    (None, "outcome"): "outcome",
    (None, "category"): "category",
}


def _completer(what: str) -> Any:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        from barkhane_cli.cli.completion import candidates, fixed

        if what in ("actors", "places", "events", "facts", "countries", "tags"):
            s = ctx.find_object(Settings) or Settings.from_environ()
            found = candidates(what, incomplete, ctx.params.get("data") or (), s)
        else:
            found = fixed(what, incomplete)
        # Not filtered by prefix (Typer's own autocompletion would drop assimi-goita for
        # "goi"): the candidates already match the typed text by id, name or alias.
        return [CompletionItem(value, help=label or None) for value, label in found]

    return complete


def _with_completion(name: str, command: click.Command) -> click.Command:
    kind = "places" if name == "places" else None
    for param in command.params:
        what = COMPLETES.get((name, param.name or "")) or COMPLETES.get((None, param.name or ""))
        if kind == "places" and param.name == "kind":
            what = "place-kind"
        if what is not None and param._custom_shell_complete is None:  # options.completes
            param._custom_shell_complete = _completer(what)
    return command


def flow(text: str | None) -> str | None:
    """Help text as paragraphs that wrap at any width: a docstring's line breaks inside
    a paragraph are for the source code, not for the terminal. Lines that start with
    two spaces (examples) keep theirs."""
    if not text:
        return text
    paragraphs = []
    for para in text.strip().split("\n\n"):
        lines = para.split("\n")
        if any(line.startswith("  ") for line in lines):
            paragraphs.append(para)
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _module(name: str) -> Any:
    """The module of cli/ that defines a registered command (its target's before ':')."""
    return importlib.import_module(f"barkhane_cli.cli.{COMMANDS[name].target.partition(':')[0]}")


def build(name: str) -> click.Command:
    """The Click command for a registered name, from its module's function or Typer group
    (through ``typer.main.get_command`` and ``get_group``, as Typer's docs on Click show)."""
    target = getattr(_module(name), COMMANDS[name].target.partition(":")[2])
    if isinstance(target, typer.Typer):
        group: click.Command = typer.main.get_group(target)
        group.name = name
        return group
    one = typer.Typer(add_completion=False)
    one.command(name)(target)
    return typer.main.get_command(one)


def _argument_help(command: click.Command) -> None:
    """Put back each argument's help, for the command and a group's subcommands. Click 8.5's
    Argument takes a help of its own, and Typer 0.25 sets its help before calling Click's
    __init__, which resets it to None: every Arguments panel and docs/cli.md showed the
    bare name (`cite --help`: "ids ID...", not what KIND:ID is for). Read from the
    function's own typer.Argument, as Typer read it."""
    for each in (command, *getattr(command, "commands", {}).values()):
        function = getattr(each.callback, "__wrapped__", None)
        if function is None:
            continue
        declared = get_params_from_function(function)
        for param in each.params:
            if isinstance(param, click.Argument) and not param.help and param.name in declared:
                param.help = getattr(declared[param.name].default, "help", None)


class LazyGroup(TyperGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in COMMANDS:
            command = build(cmd_name)
            _argument_help(command)
            _with_completion(cmd_name, command)
            command.rich_help_panel = COMMANDS[cmd_name].panel  # type: ignore[attr-defined]
            # A group's subcommands too (import acled, import ucdp): their docstrings
            # wrapped mid-sentence at 80 columns.
            for each in (command, *getattr(command, "commands", {}).values()):
                each.help = flow(each.help)
            from barkhane_cli.cli import helppage, once

            helppage.install(command)  # a long --help goes through the pager
            once.install(command)  # a single-valued option given twice is refused
            if COMMANDS[cmd_name].examples:
                # One paragraph each, so an example is never run into the next.
                command.epilog = "\n\n".join(("Examples:", *COMMANDS[cmd_name].examples))
            self.commands[cmd_name] = command
        return command

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from barkhane_cli.cli import helppage

        helppage.paged_help(ctx, lambda: super(LazyGroup, self).format_help(ctx, formatter))

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line: the one place a run's failures become exit codes."""
        with followups.one_run():
            code = self._run(
                list(sys.argv[1:] if args is None else args),
                prog_name or "barkhane",
                complete_var,
                extra,
            )
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self, args: list[str], prog_name: str, complete_var: str | None, extra: dict[str, Any]
    ) -> int:
        # Text that the terminal's encoding cannot show comes out escaped, never as a crash.
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
        args, settings = _global_flags(args, extra.get("obj") or Settings.from_environ())
        extra["obj"] = settings
        line = list(args)  # as typed: Click's parser consumes the list it is given
        try:
            try:
                code = self._invoke(args, prog_name, complete_var, extra)
            except click.UsageError as exc:
                # A date given as several words (`on 1 June 2015`): read as one, as if
                # quoted. Click stops at parsing, before the command runs: run it again.
                fixed = _dates_rejoined(self, exc, args)
                if fixed is None:
                    raise
                args, line = fixed, list(fixed)
                code = self._invoke(args, prog_name, complete_var, extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            # `barkhane` alone, or a command group alone: the help is the answer.
            # Typer's Rich help is printed as the error is made; plain help is its message.
            text = exc.format_message()
            try:
                sys.stdout.write(text + "\n" if text else "")
                sys.stdout.flush()
            except BrokenPipeError:
                _reader_gone()
            code = ExitCode.OK
        except click.exceptions.Exit as exc:
            code = exc.exit_code
        except click.ClickException as exc:
            _say(click_error_line(self, exc, args, line))
            code = exc.exit_code if isinstance(exc, click.UsageError) else ExitCode.USAGE
        except (click.Abort, KeyboardInterrupt):
            code = ExitCode.INTERRUPTED
        except BarkhaneError as exc:
            _say(_with_hint(self, exc, args))
            code = exc.code
        except BrokenPipeError:
            _reader_gone()
            code = ExitCode.OK
        except SystemExit as exc:
            # Rich's console (Typer's help) exits 1 when the reader goes away (`| head`);
            # it has already pointed stdout at devnull. That is normal: exit 0.
            if not isinstance(exc.__context__, BrokenPipeError):
                raise
            code = ExitCode.OK
        except OSError as exc:
            # Reading data files is turned into DataError where it happens, so what is
            # left is writing: stdout full (> /dev/full), closed, or a file we did not
            # expect to fail. The data/IO code, one line.
            where = f"{exc.filename}: " if exc.filename else ""
            _say(f"cannot write the output ({where}{exc.strerror or exc})")
            code = ExitCode.DATA
        except Exception as exc:
            if settings.debug:
                raise
            _say(
                f"internal error ({type(exc).__name__}: {exc}); this is a bug: please report it "
                "with the output of the same command with --debug"
            )
            code = ExitCode.INTERNAL
        if code == ExitCode.INTERRUPTED:
            _say("interrupted")
        return int(code)

    def _invoke(
        self, args: list[str], prog_name: str, complete_var: str | None, extra: dict[str, Any]
    ) -> int:
        # What click.Command.main does, less its own error printing (done by _run).
        self._main_shell_completion(extra, prog_name, complete_var)
        try:
            with self.make_context(prog_name, args, **extra) as ctx:
                ctx.meta[_ARGS] = args
                result = self.invoke(ctx)
        except EOFError:
            raise click.Abort() from None
        sys.stdout.flush()  # a full disk or a closed pipe is reported here, not at exit
        if ctx.meta.get(_NOTHING_SHOWN):
            # `facts --actor wagner group` found nothing: "group" went to WORDS
            hint = _taken(self, args)
            if hint is not None:
                _say(hint)
        return result if isinstance(result, int) else ExitCode.OK


_NOTHING_SHOWN = "barkhane.nothing_shown"
_ARGS = "barkhane.args"  # the command line as the run reads it (dates rejoined)


def _taken(group: click.Group, args: list[str]) -> str | None:
    """What the words the shell split off an option that a positional argument took were
    read as, and how to give them (splitwords.taken_hint), for a run that found nothing."""
    from barkhane_cli.cli.splitwords import taken_hint

    command, _, rest = _walk(group, args)
    return taken_hint(command, rest)


def words_taken() -> bool:
    """Whether this run's positional arguments took words the shell split off an option,
    which the boundary says when nothing is found (`search djibo --kind event actor`:
    "actor" went to WORDS). A command asks before offering a "did you mean" built from
    those words: `did you mean djibo act?` came before the line saying what happened."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or ctx.meta.get(_ARGS) is None:
        return False
    root = ctx.find_root().command
    return isinstance(root, click.Group) and _taken(root, ctx.meta[_ARGS]) is not None


def nothing_shown() -> None:
    """Mark the run as having shown no records (cli.base.present calls it): the boundary
    then says which words the shell split off an option went to a positional argument."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[_NOTHING_SHOWN] = True


def _global_flags(args: list[str], settings: Settings) -> tuple[list[str], Settings]:
    """Like git's, --debug and --no-pager work before or after the subcommand; so does
    --csv-safe, which goes with the -f csv it guards (U32: `timeline -f csv --csv-safe`
    was "no such option '--csv-safe'")."""
    cut = args.index("--") if "--" in args else len(args)
    head, tail = args[:cut], args[cut:]
    if "--debug" in head:
        settings = settings._replace(debug=True)
    if "--no-pager" in head:
        settings = settings._replace(pager=None)
    if "--csv-safe" in head:
        settings = settings._replace(csv_safe=True)
    return [a for a in head if a not in ("--debug", "--no-pager", "--csv-safe")] + tail, settings


def _say(message: str) -> None:
    from barkhane_cli.controls import inert

    # Messages quote data (a name, a "did you mean"): show its controls, keep it one line;
    # on a terminal, that line broken at words to its width, as a note is (progress.note):
    # left to the terminal, `event inates`'s broke mid-word at 80 columns (U45)
    line = f"barkhane: {inert(message)}"
    if _on_terminal():
        from barkhane_cli.store.progress import wrapped

        line = wrapped(line)
    sys.stderr.write(line + "\n")


def _on_terminal() -> bool:
    try:
        return bool(sys.stderr.isatty())
    except (AttributeError, ValueError):
        return False


def _reader_gone() -> None:
    # The reader closed the pipe (`| head -n 1`): that is normal, so exit 0 quietly; point
    # stdout at devnull so the interpreter's final flush does not complain (Python docs,
    # "Note on SIGPIPE").
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def search_command(words: str) -> str:
    """`barkhane search` for ``words``, as it can be run again: the same data
    (followups), the words after "--" when they begin with a dash."""
    return followups.command("search", *(["--"] if words.startswith("-") else []), words)


def _data_given(words: list[str]) -> list[str]:
    """The --data files among ``words`` as typed (``--data FILE``, ``--data=FILE``)."""
    found = []
    for at, word in enumerate(words):
        if word == "--data" and at + 1 < len(words):
            found.append(words[at + 1])
        elif word.startswith("--data="):
            found.append(word.removeprefix("--data="))
    return found


def click_error_line(
    group: click.Group, exc: click.ClickException, args: list[str], line: list[str]
) -> str:
    """One sentence for a Click error, with a suggestion or where to read more. ``args``:
    what Click left of the command line; ``line``: all of it, as typed."""
    import difflib
    import itertools
    import re

    ctx = getattr(exc, "ctx", None)
    command, words, rest = _walk(group, args)
    named = command  # the command the line names, wherever the error arose
    if ctx is not None:
        command = ctx.command
    path = ctx.command_path.partition(" ")[2] if ctx is not None else ""
    where = f"barkhane {path}".rstrip() if ctx is not None else " ".join(words)
    more = f"; see '{where} --help'"
    if isinstance(exc, click.NoSuchOption):
        misplaced = _before_its_command(named, command, words, line, exc.option_name)
        if misplaced:
            return misplaced
        from barkhane_cli.cli.outputs import output_hint  # an error's path only

        hint = output_hint(command, path, exc.option_name, line)
        if hint is not None:
            return hint
        close = _close_options(exc.option_name, command)
        if close:
            return f"no such option {exc.option_name!r}; did you mean {' or '.join(repr(c) for c in close[:2])}?"
        takes = _options_of(command)
        if 0 < len(takes) <= _OPTIONS_NAMED:
            from barkhane_cli.choices import listed

            return f"{path or 'barkhane'} takes no {exc.option_name}; it takes {listed(takes)}"
        return f"no such option {exc.option_name!r}{more}"
    text = " ".join(exc.format_message().split())
    extra = _extra_words(exc)
    if extra:
        from barkhane_cli.cli.splitwords import option_hint, period_hint, quote_hint

        hint = (  # a second date first: `on 1 June 2015 30 June 2015` is no date to quote
            period_hint(command, rest, extra)
            or quote_hint(command, rest, extra)
            or option_hint(command, rest, extra, _only_for(command))
        )
        if hint is not None:
            return f"{text[:1].lower()}{text[1:]}; {hint}"
    found = re.match(r"No such command '(.+?)'", text)
    if found and isinstance(command, click.Group):
        name = found.group(1)
        names = command.list_commands(ctx) if ctx is not None else []
        if command is group:
            answered = _answered(name, rest)
            if answered is not None:
                return answered
        close = difflib.get_close_matches(name, names, n=2)
        if close:
            return f"no such command {name!r}; did you mean {' or '.join(repr(c) for c in close)}?"
        # at the top, a bare word is likely something to look up (U31: `barkhane mali`)
        looked_up = ""
        if command is group:
            at = rest.index(name) if name in rest else len(rest)
            words = [name, *itertools.takewhile(lambda w: not w.startswith("-"), rest[at + 1 :])]
            # the search reads the files given with the word (`barkhane kelmara --data
            # import.toml`): the record alone had no event of the import's to find
            followups.given(_data_given(rest))
            looked_up = f"; did you mean: {search_command(' '.join(words))}"
        return f"no such command {name!r}{looked_up}; commands are: {', '.join(names)}"
    text = re.sub(r"^Invalid value for '([^']+)'(?: / '[^']+')*: ", r"\1: ", text)
    text = re.sub(r"(?<=') / '-\w'", "", text)
    text = text[:1].lower() + text[1:]
    return text.rstrip(".") + more


def _answered(name: str, rest: list[str]) -> str | None:
    """The line for a word typed as a command that another command answers (askedfor:
    `barkhane leaders` is `on DATE`), run as typed again: with its --data files."""
    from barkhane_cli.cli.askedfor import asked_for

    answer = asked_for(name)
    if answer is None:
        return None
    followups.given(_data_given(rest))
    line = followups.command(*answer.words)
    also = f" ({answer.also})" if answer.also else ""
    return f"no such command {name!r}; {answer.what}: {line}{also}"


def _only_for(command: click.Command) -> dict[str, tuple[str, ...]]:
    """The options only some values of the command's argument take, as its module
    declares them in ``ONLY_FOR`` by command name (cli/briefing.py: chart troops takes
    --force, chart displacement --country); empty for a command that declares none."""
    name = command.name or ""
    if name not in COMMANDS:
        return {}
    declared: dict[str, dict[str, tuple[str, ...]]] = getattr(_module(name), "ONLY_FOR", {})
    return declared.get(name, {})


# A command whose options fit one line has them named when one it lacks is given (eras
# --country); a longer list is its --help's.
_OPTIONS_NAMED = 12


def _close_options(given: str, command: click.Command) -> list[str]:
    """The command's options spelled nearly as ``given`` (--sinc: --since), compared
    without their dashes: with them, --country was "did you mean --until or --color?",
    which share a letter or two (U21). One slip of a key is near too, whatever the
    ratio: a letter wrong, missing, extra or two swapped (U39: --sinse, 0.8 of since,
    was told only to see --help, where Click had offered --since)."""
    import difflib

    names = {o.lstrip("-"): o for p in command.params for o in p.opts if o.startswith("--")}
    typed = given.lstrip("-")
    close = difflib.get_close_matches(typed, list(names), n=2, cutoff=0.85)
    slips = sorted(n for n in names if n not in close and _one_slip(typed, n))
    return [names[c] for c in [*close, *slips]]


def _one_slip(typed: str, name: str) -> bool:
    """Whether ``typed`` is ``name`` with one key slipped: a letter replaced, dropped,
    added, or two neighbours swapped (--tpye: --type). Not for a name of fewer than 4
    letters, where one letter is a quarter of it (--tag and --day, --map and --max)."""
    if len(name) < 4 or typed == name or abs(len(typed) - len(name)) > 1:
        return False
    start = next((i for i, (a, b) in enumerate(zip(typed, name, strict=False)) if a != b), None)
    if start is None:  # one is the other and a letter at its end
        return True
    if len(typed) == len(name):
        swapped = typed[start + 1 : start + 2] + typed[start : start + 1]
        return typed[start + 1 :] == name[start + 1 :] or (
            swapped == name[start : start + 2] and typed[start + 2 :] == name[start + 2 :]
        )
    longer, shorter = (typed, name) if len(typed) > len(name) else (name, typed)
    return longer[start + 1 :] == shorter[start:]


def _options_of(command: click.Command) -> list[str]:
    """The command's options by their long names, as --help lists them (not --help)."""
    from barkhane_cli.cli.splitwords import long_name  # an error's path only

    return [
        long_name(p)
        for p in command.params
        if isinstance(p, click.Option) and not p.hidden and p.name != "help"
    ]


def _extra_words(exc: click.ClickException) -> list[str] | None:
    """The words of Click's "Got unexpected extra arguments (...)", else None."""
    import re

    found = re.match(
        r"Got unexpected extra arguments? \((.+)\)$", " ".join(exc.format_message().split())
    )
    return found.group(1).split(" ") if found else None


def _with_hint(group: click.Group, exc: BarkhaneError, args: list[str]) -> str:
    """The error's line. For a usage error where a date the shell split gave its words to
    the command's own (`facts --since June 2015 troops`, `chart --since Aug 2020`: joining
    them would be a guess), with how to quote it. For an error about a word the shell
    split off another option's value that a positional argument took (`chart --actor
    ansar dine`: "unknown chart 'dine'"), with what it was read as and how to give it
    (splitwords.taken_line)."""
    if exc.code not in (ExitCode.USAGE, ExitCode.NOT_FOUND):
        return exc.message
    from barkhane_cli.cli.splitwords import date_hint, taken_line

    command, _, rest = _walk(group, args)
    hint = date_hint(command, rest) if exc.code == ExitCode.USAGE else None
    if hint is not None:  # a day split off its date is no year written short
        return f"{exc.split if isinstance(exc, ShortYearUsage) else exc.message}; {hint}"
    return taken_line(command, rest, exc.message) or exc.message


def _dates_rejoined(group: click.Group, exc: click.UsageError, args: list[str]) -> list[str] | None:
    """``args`` with the dates the shell split joined (cli/splitwords.py), or None."""
    extra = _extra_words(exc)
    if extra is None or exc.ctx is None:
        return None
    from barkhane_cli.cli.splitwords import dates_rejoined

    command, _, rest = _walk(group, args)
    fixed = dates_rejoined(command, rest, extra)
    return None if fixed is None else args[: len(args) - len(rest)] + fixed


def _before_its_command(
    named: click.Command, raised: click.Command, path: list[str], args: list[str], option: str
) -> str:
    """For an option of the named command given before it (`barkhane --data bad.toml
    timeline`), where it goes: "--data goes after the command: barkhane timeline --data
    bad.toml". Click said "no such option '--data'", of an option every command has (U19)."""
    at = next((n for n, a in enumerate(args) if a.partition("=")[0] == option), None)
    if named is raised or at is None:
        return ""
    param = next((p for p in named.params if option in p.opts), None)
    if not isinstance(param, click.Option):
        return ""
    import shlex

    joined = "=" in args[at]  # --data=bad.toml: one word
    given = args[at : at + (1 if joined or param.is_flag or param.count else 2)]
    example = " ".join([*path, *map(shlex.quote, given)])
    return f"{option} goes after the command: {example}"


def _walk(group: click.Group, args: list[str]) -> tuple[click.Command, list[str], list[str]]:
    """The deepest (sub)command named in ``args``, its path (``barkhane import acled``,
    for errors Click raises without a context) and the words after its name: the one
    walk down the command line every error path takes."""
    command: click.Command = group
    ctx = click.Context(group)
    path, rest = ["barkhane"], list(args)
    for n, arg in enumerate(args):
        if not isinstance(command, click.Group):
            break
        sub = command.get_command(ctx, arg)
        if sub is not None:
            command, path, rest = sub, [*path, arg], args[n + 1 :]
    return command, path, rest
