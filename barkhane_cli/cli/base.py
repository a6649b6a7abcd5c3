"""The Typer app and the plumbing its commands share: the run's settings, the output
``Env``, presenting a view, parsing dates, loading the data.

Commands are listed in cli/lazy.py (the registry) and declared in their own modules as
plain functions; the options they share are in cli/options.py; errors become one line
and an exit code in one place, the group's ``main`` (cli/lazy.py).
"""

# No ``from __future__ import annotations`` here: Typer reads the root callback's
# annotations, and as strings each would be compiled again on every run (eval); as
# objects they are built once, from the bytecode (start-up, issue 23).
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, overload

import click
import typer

from barkhane_cli import __version__
from barkhane_cli.cli.lazy import LazyGroup, nothing_shown, search_command
from barkhane_cli.errors import ShortYearUsage, UsageError, quoted
from barkhane_cli.settings import Settings
from barkhane_cli.text import counted, plural

if TYPE_CHECKING:
    from barkhane_cli import model as m
    from barkhane_cli.dates import PartialDate
    from barkhane_cli.render.env import Env
    from barkhane_cli.store import Loaded

# Start-up (issue 23): a run imports only what it uses. The model, the options and the
# record's dates (meta.py reads data/meta.toml) are imported by the commands that use
# them and by --help, not here: --version and a TAB completion never load them.


def help_text() -> str:
    """The program's --help, written when it is shown (it names the record's window)."""
    from barkhane_cli.errors import exit_codes_text
    from barkhane_cli.meta import RECORD_END, RECORD_START

    return f"""A sourced timeline and fact lookup of the Sahel conflict, {RECORD_START.year} to {RECORD_END.human()}.

{exit_codes_text()}
"""


class RootGroup(LazyGroup):
    """The ``barkhane`` group: its help is made from the data's window when it is read."""

    @property
    def help(self) -> str:
        return help_text()

    @help.setter
    def help(self, value: str | None) -> None:
        pass  # Click sets the help at construction; it is made above instead


app = typer.Typer(
    cls=RootGroup,  # each run builds only the command it runs
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def settings() -> Settings:
    """The run's settings (built once, by the group's ``main``, and kept on the context)."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(Settings) if ctx is not None else None
    return found if found is not None else Settings.from_environ()


def make_env(color: str, width: int | None = None) -> "Env":
    """The output's environment for --color, drawn ``width`` columns wide (--width)
    instead of the terminal's when given."""
    import dataclasses

    from barkhane_cli.choices import choose
    from barkhane_cli.cli.options import Color
    from barkhane_cli.render.env import Env

    mode = choose(color, [c.value for c in Color], "colour mode", "--color values")
    env = Env.detect(mode, settings=settings())  # type: ignore[arg-type]
    return env if width is None else dataclasses.replace(env, width=width)


# What an export's title leaves out: how the view is drawn or saved, not what it shows.
_NOT_IN_TITLE = {"export", "width", "color", "format_", "data", "wide"}


def command_title() -> str:
    """The command line as typed, less the options about drawing (_NOT_IN_TITLE): the
    title of every --export. Each view had its own ("barkhane timeline", "barkhane"),
    and a saved picture did not say what it showed (U19)."""
    import shlex

    ctx = click.get_current_context()
    words = ["barkhane", ctx.info_name or ""]
    return " ".join(words + [shlex.quote(w) for w in _typed(_in_title)])


def again(*more: str) -> str:
    """The running command as a follow-up (followups.command: with its --data files),
    its arguments and options as typed less the drawing ones, then ``more``: `on DATE`'s
    one screen points to itself with --full."""
    from barkhane_cli import followups

    ctx = click.get_current_context()
    return followups.command(ctx.info_name or "", *_typed(_in_title), *more)


def _in_title(name: str) -> bool:
    return name not in _NOT_IN_TITLE


def typed_params(keep: Callable[[str], bool]) -> list[str]:
    """The running command's arguments and options given (not left at their default)
    whose parameter name ``keep`` takes, as typed and shell-quoted ("--year", "2020")."""
    import shlex

    return [shlex.quote(w) for w in _typed(keep)]


def _typed(keep: Callable[[str], bool]) -> list[str]:
    """What typed_params gives, each word as it is (unquoted): their names as the
    options declare them, never spelled again by a caller."""
    ctx = click.get_current_context()
    words: list[str] = []
    for param in ctx.command.params:
        name = param.name or ""
        value = ctx.params.get(name)
        if not keep(name) or value is None or value == param.default:
            continue
        if isinstance(param, click.Argument):
            words += [str(v) for v in (value if isinstance(value, list | tuple) else [value])]
            continue
        opt = param.opts[0]
        if isinstance(value, bool):
            words.append(opt if value else (param.secondary_opts or [f"--no-{opt[2:]}"])[0])
            continue
        for v in value if isinstance(value, list | tuple) else [value]:
            words += [opt, str(v)]
    return words


def given_format(env: "Env", fmt: str | None) -> str:
    """--format as given (options.format_option has checked it as it was read), or the
    default (render.records.default_format)."""
    from barkhane_cli.render.records import default_format

    return default_format(env) if fmt is None else fmt


def footer_seen(env: "Env", fmt: str | None) -> bool:
    """Whether a list's count line, and the notes it carries, is seen: in a table, or on
    a watched stderr (records.tell). A note costly to work out is worked out only then."""
    from barkhane_cli.render.records import watching

    return given_format(env, fmt) == "table" or watching(env)


def present(
    env: "Env",
    format_: str | None,
    export: Path | None,
    show: Callable[[Any, str | None], object],
) -> None:
    """Show a view in the chosen format; with --export, also save its terminal form,
    titled with the command line (command_title).
    A terminal view goes through the pager (see render/pager.py). A list view that shows
    no records tells the error boundary (lazy.nothing_shown), which says where words
    the shell split off an option went (`facts --actor wagner group`)."""
    if export is not None:
        from barkhane_cli.render.export import export as save

        save(env, export, lambda rec: show(rec, "table"), command_title())
    human = given_format(env, format_) == "table"
    # unset when the reader quits the pager before the view is written whole (paged
    # swallows the closed pipe): nothing is said of an empty list then
    shown: object = None
    if not (human and env.is_tty and env.settings.pager):
        shown = show(env, format_)
    else:
        from barkhane_cli.render.pager import paged

        with paged(env) as target:
            shown = show(target, format_)
    if shown == 0 and not isinstance(shown, bool):  # a list view's records: none
        nothing_shown()


@overload
def parse_date(option: str, value: str) -> "PartialDate": ...
@overload
def parse_date(option: str, value: str | None) -> "PartialDate | None": ...
def parse_date(option: str, value: str | None) -> "PartialDate | None":
    if value is None:
        return None
    from barkhane_cli.dates import NoYearError, ShortYearError, parse_user_date

    try:
        return parse_user_date(value)
    except ShortYearError as exc:
        raise ShortYearUsage(f"{option}: {exc}", f"{option}: {exc.plain}") from None
    except NoYearError as exc:
        from barkhane_cli.cli.splitwords import no_year

        # its example as typed: after the option, or after the command for an argument
        # (on "1 June 2020"), quoted, since unquoted the shell splits it
        ctx = click.get_current_context(silent=True)
        typed = ctx.info_name if ctx is not None and not option.startswith("-") else option
        raise UsageError(f"{option}: {no_year(typed or option, exc)}") from None
    except ValueError as exc:
        # the parser's message already says which forms to use
        raise UsageError(f"{option}: {exc}") from None


def window(
    dataset: "m.Dataset",
    data: list[Path] | None,
    since: str | None,
    until: str | None,
    year: int | None,
    **kw: Any,
) -> Any:
    """The query of --since/--until/--year (and any other filter given by name)."""
    start, end = parse_date("--since", since), parse_date("--until", until)
    return query_of(dataset, data, since=start, until=end, year=year, **kw)


def folded(
    loaded: Any, q: Any, keep: bool, listed: bool = False
) -> tuple[Any, str | None, dict[str, str]]:
    """``q`` leaving out the imported records the matcher pairs with a curated event
    (folding.py: the pair counted once, as the curated event), the note a count, a facet
    or a list says of them, and the pairs (record id -> curated id); with --keep-matched
    (``keep``) ``q`` as it is, and the pairs only for a view that lists the records
    (``listed``: marked "= ID"), with the note saying they are in twice: matching costs
    seconds at tens of thousands of records, which a count that keeps both need not pay."""
    from dataclasses import replace

    from barkhane_cli import folding, store

    if keep and not listed:
        return q, None, {}

    # a view that loaded the whole dataset (map) gives it as it is
    found = folding.folding(loaded if isinstance(loaded, store.Loaded) else store.Loaded(loaded), q)
    if not found.pairs:
        return q, None, {}
    if keep:
        return q, found.note(q, kept=True), found.pairs
    return replace(q, folded=found.ids()), found.note(q), found.pairs


def tell_unless_drawn(env: Any, fmt: str, note: str | None) -> None:
    """A note a drawn view says under its title or its list (a chart, a summary, `on`'s
    page), told on a watched stderr for the other formats, as a list's notes are
    (records.tell): their rows stay data."""
    if note and fmt != "table":
        from barkhane_cli.render.records import tell

        tell(env, note)


def marked(events: Any, pairs: dict[str, str]) -> Any:
    """``events`` with each record --keep-matched keeps marked with its curated pair
    (Event.same_as, which a table shows as "= ID")."""
    from dataclasses import replace

    return (replace(e, same_as=pairs[e.id]) if e.id in pairs else e for e in events)


# The filters naming an actor or a place (query.build_query's arguments), and what each
# names: a name in one that no actor or place matches but events carry is pointed to the
# search, by every command that takes them.
NAMED_FILTERS = (
    ("actors", "actor"),
    ("perpetrators", "actor"),
    ("targets", "actor"),
    ("places", "place"),
)


def query_of(dataset: "m.Dataset", data: list[Path] | None, **filters: Any) -> Any:
    """query.build_query over the filters, for every command that takes them; a name no
    actor or place matches but events carry points to the search that finds them
    (`timeline --actor petronin`, U12; `chart --actor petronin` said "did you mean
    Estonia" until each command took this one path)."""
    from barkhane_cli import query
    from barkhane_cli.errors import NotFoundError

    try:
        return query.build_query(dataset, **filters)
    except NotFoundError:
        for key, which in NAMED_FILTERS:
            for name in filters.get(key) or ():
                point_to_search(dataset, data, which, _resolver(dataset, which), name)
        raise


def resolved(dataset: "m.Dataset", data: list[Path] | None, which: str, name: str) -> str:
    """The id of the actor or place (``which``) ``name`` names, or the one error: with the
    pointer to the search when events carry the name (see query_of)."""
    from barkhane_cli.errors import NotFoundError

    resolver = _resolver(dataset, which)
    try:
        ident: str = resolver.resolve(name)
    except NotFoundError as error:
        another_kind(dataset, which, resolver, name, error)
        point_to_search(dataset, data, which, resolver, name)
        raise
    return ident


def looked_up(
    dataset: "m.Dataset",
    which: str,
    resolver: Any,
    name: str,
    elsewhere: Any = None,
    listed: Any = None,
) -> str:
    """The id of the ``which`` (a kind of lookup.ENTRY_KINDS) ``resolver`` reads ``name``
    as, or the one error (another_kind's, else resolve's)."""
    from barkhane_cli.errors import NotFoundError

    try:
        ident: str = resolver.resolve(name, elsewhere, listed)
    except NotFoundError as error:
        another_kind(dataset, which, resolver, name, error)
        raise
    return ident


def another_kind(
    dataset: "m.Dataset", which: str, resolver: Any, name: str, error: Exception
) -> None:
    """A name no ``which`` matches that is exactly the id of an entry of another kind is
    said to be that, with its command, in place of a "did you mean" (U25: `event` of a
    fact's id, as summaries point to one). An exact id beats a part of a name: when
    several of its own kind hold the name only in part, that comes first and ``error``
    (what they are) after it (U26: `source coup-2020-08` listed 3 sources, never that
    coup-2020-08 is an event); a name its own kind has whole keeps its own error.
    The events' ids are read from the store ``dataset`` came from, none decoded (K83:
    with_events decoded every event to read their ids), not from the data loaded again."""
    from barkhane_cli import lookup
    from barkhane_cli.errors import NotFoundError

    if resolver.exact(name):
        return
    said = lookup.other_kind(dataset, name, which)
    if said is None:
        return
    if resolver.candidates(name):
        said = f"{said}; {error}"
    raise NotFoundError(said) from None


def _resolver(dataset: "m.Dataset", which: str) -> Any:
    from barkhane_cli import query

    return (query.actor_resolver if which == "actor" else query.place_resolver)(dataset)


def load(data: list[Path] | None) -> "m.Dataset":
    """The whole dataset, for commands that read every event."""
    from barkhane_cli import followups, store

    followups.given(data)  # what the run points to next reads these files too
    return store.load(data or (), settings=settings())


def point_to_search(
    dataset: "m.Dataset", data: list[Path] | None, which: str, resolver: Any, name: str
) -> None:
    """No actor or place by that name, but events name it (U12: `actor petronin` suggested
    Estonia or Benin while three event titles carry Pétronin's name): say so and how to
    find them, in place of a far-fetched "did you mean". Only when nothing matched: "matches
    4 actors" and a list's advice stand as they are. A place name that a place's data
    says it is wider than (`--place tri-border`, Liptako-Gourma's) says the record has no
    such place and which it has nearest, whether events name it or not."""
    from barkhane_cli import store
    from barkhane_cli.errors import NotFoundError
    from barkhane_cli.lookup import wider_place
    from barkhane_cli.resolve import normalize
    from barkhane_cli.search import as_phrase, search

    wider = wider_place(dataset.places.values(), name) if which == "place" else None
    if wider is not None and resolver.exact(name):
        wider = None  # a place of the user's own by that name: it is theirs
    if wider is None and (resolver.candidates(name) or "," in name or not normalize(name)):
        return
    whole = load(data)  # the store's tables hold no events
    # The name whole, counted and pointed to by one query: prefix matching of each word
    # counted 108 events for `place "three borders"` (13 hold the phrase), 975 for `place
    # ba` (U30), while "N events name it" says they hold the name.
    words = as_phrase(name)
    found = search(whole, words, kinds=("event",), hays=store.search_index(whole))
    n = len(found)
    named = f"{counted(n, 'event')} {plural(n, 'names', 'name')} it: {search_command(words)}"
    if wider is not None:
        raise NotFoundError(
            f"no place matches {quoted(name)}: the record has no place for the "
            f"{wider.wider_than[0]}; the nearest is {wider.name} ({wider.id}), wider than it"
            + (f"; {named}" if found else "")
        )
    if found:
        raise NotFoundError(f"no {which} matches {quoted(name)}, but {named}")


# What a name given in words may have meant besides the entry it picked: the entries a
# lookup by name opens (actor, place, event), not the sources about them.
_READ_AMONG = ("actor", "place", "event")


def read_as(
    env: Any,
    dataset: "m.Dataset",
    which: str,
    name: str,
    ident: str,
    resolver: Any = None,
) -> None:
    """When ``name``, given in words (not an id, not a whole name, title or alias),
    picked the ``which`` (actor, place or event) ``ident`` by ``resolver`` (for an actor or
    a place, the one ``resolved`` reads by, built here only when someone watches) while
    other actors, places or events hold it in their names or titles: say so on a watched
    stderr (records.tell), with the search that lists them. `actor dicko` opened Mahmoud Dicko without a word of
    Ibrahim Malam Dicko, Ansarul Islam's founder, in event titles. The events an actor's
    or a place's card lists are its own, not others: `place boulkes` is not told of the
    attacks on Boulkessi. One rule for `actor`, `place` and `event`."""
    from barkhane_cli import query, store
    from barkhane_cli.render import records
    from barkhane_cli.search import named

    if not records.watching(env):
        return  # unread: a script saves the look
    if resolver is None:
        resolver = _resolver(dataset, which)
    if resolver.exact(name) or "," in name:
        return  # nothing was guessed: resolve gives an exact spelling before any part
    whole = dataset.with_events()  # a card's, from a store, has none: its slice is apart
    own = {ident}
    if which in ("actor", "place"):
        q = (
            query.build_query(whole, actors=[ident])
            if which == "actor"
            else query.build_query(whole, places=[ident])
        )
        own |= {e.id for e in query.select(whole, q)}
    hays = store.search_index(whole)
    others = [h for h in named(whole, name, _READ_AMONG, hays) if h.id not in own]
    if others:
        n = len(others)
        more = "1 more name or title holds" if n == 1 else f"{n} more names or titles hold"
        title = resolver.by_id[ident].name
        records.tell(
            env,
            f"read {quoted(name)} as {title} ({ident}); {more} it: {search_command(name)}",
        )


def open_data(data: list[Path] | None) -> "Loaded":
    """The dataset with a query path that reads only the events it selects (store.Loaded)."""
    from barkhane_cli import followups, store

    followups.given(data)  # what the run points to next reads these files too
    return store.open_data(data or (), settings=settings())


def _version(value: bool) -> None:
    if value:
        from barkhane_cli.meta import DATA_VERSION

        typer.echo(f"barkhane {__version__} (data {DATA_VERSION})")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
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
            "BARKHANE_CSV_SAFE=1. Before or after the command: barkhane timeline -f csv "
            "--csv-safe.",
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
    # --debug, --no-pager and --csv-safe are taken anywhere on the line by the group's
    # main (lazy.py), which built these settings: the options here are for --help and
    # completion.
    s = settings()
    ctx.obj = s._replace(
        debug=s.debug or debug,
        pager=None if no_pager else s.pager,
        csv_safe=s.csv_safe or csv_safe,
    )


def main() -> None:
    import sys

    sys.exit(run(sys.argv[1:]))


def run(argv: list[str]) -> int:
    """Run the command line on ``argv`` and return the exit code (see LazyGroup.main)."""
    code: int = typer.main.get_command(app).main(
        args=list(argv), prog_name="barkhane", standalone_mode=False
    )
    return code
