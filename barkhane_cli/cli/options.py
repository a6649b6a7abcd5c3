"""Every option that more than one command takes, declared once, bounded the same way.

A command lists these as parameter annotations (``year: YearOpt = None``); a change here
(a bound, a help text) reaches every command that takes the option.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, get_args

import click
import typer
from typer.models import TyperPath

from barkhane_cli import model as m
from barkhane_cli.atomic import is_utf8, typed
from barkhane_cli.choices import listed
from barkhane_cli.dates import short_year
from barkhane_cli.errors import UsageError
from barkhane_cli.facets import FACETS, NONE_LABEL
from barkhane_cli.formats import CITATION_FORMATS, FORMATS, LIST_FORMATS, RECORD_FORMATS
from barkhane_cli.formats import check as check_format
from barkhane_cli.meta import RECORD_END
from barkhane_cli.orders import ACTOR_SORTS, FACT_SORTS, PLACE_SORTS, SOURCE_SORTS
from barkhane_cli.roles import ROLL_UP


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def completes(values: tuple[str, ...] | list[str]) -> Callable[..., list[Any]]:
    """TAB completion for a fixed vocabulary: the values that start with what is typed.
    A value with spaces is offered in its dashed spelling ("did-not-happen"), which every
    fixed-value option accepts (choices.kebab) and every shell inserts as one word."""

    def complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        typed = incomplete.casefold()
        offered = [v.replace(" ", "-") for v in values]
        return [CompletionItem(v) for v in offered if v.casefold().startswith(typed)]

    return complete


def refuses_blank(what: str) -> Callable[..., Any]:
    """The check of every option or argument naming something (an actor, a place, a
    country, a tag, a type, a force; `actor NAME`, `event ID`): a blank value is a usage
    error, one line, exit 2, as blank search words are (U31: `timeline --actor ""` said
    "'' names no actor", exit 3, as if a name had been given and not found, where
    `--search ""` exited 2). What an unset shell variable gives (`--actor "$who"`) is
    typed, not looked up. ``what``: what to give, said after the option (or the command,
    for its argument) and the value ("--actor '': give an actor's id, name or alias";
    "actor '': ...").

    A value with a byte that is not UTF-8 (a lone surrogate, as Python reads argv) is
    refused the same way, shown as typed: no name holds one, and normalizing dropped it,
    so `timeline --place $'gao\\xff'` read as gao. Here, where every naming option and
    lookup argument passes and the option is known, rather than in resolve, which is
    told a name and not where it came from."""

    def check(ctx: Any, param: Any, value: Any) -> Any:
        given = value if isinstance(value, list | tuple) else [value]
        said = param.opts[0] if isinstance(param, click.Option) else ctx.info_name
        for text in given:
            if not isinstance(text, str):
                continue
            if not text.strip():
                raise UsageError(f"{said} {text!r}: give {what}")
            if not text.isascii() and not is_utf8(text):
                raise UsageError(f"{said} {typed(text)}: is not UTF-8 text; give {what}")
        return value

    return check


class FileName(TyperPath):
    """Every option or argument naming a file: a blank one is refused as a blank name is
    (refuses_blank), where Click read it as the current folder, ".": `--data "$unset"`
    layered every .toml file under the folder the command ran in, and `--export ""` was
    refused as "--export .", which no one typed. Typer's own path type otherwise, as the
    annotation gave: it completes nothing itself (the shell completes file names), so no
    "did you mean --data france?" is built from a bare word (splitwords)."""

    def __init__(self, what: str) -> None:
        # readable=False: the file's reader says it cannot read it, as it says a missing
        # one, exit 4 (inputs.open_bounded); Click's check said "Path ... is not
        # readable", exit 2, a usage error for what is a data file's fault (U34)
        super().__init__(path_type=Path, readable=False)
        self.what = what

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            said = param.opts[0] if isinstance(param, click.Option) else command_name(ctx)
            raise UsageError(f"{said} {value!r}: give {self.what}")
        return super().convert(value, param, ctx)


# Every view's --export (map's too, with its own help), given blank.
AN_EXPORT = FileName("a file name ending in .svg, .html or .txt")

# What each kind of naming option or lookup argument asks for, given blank (refuses_blank).
AN_ACTOR = refuses_blank("an actor's id, name or alias")
A_PLACE = refuses_blank("a place's id, name or alias")
A_COUNTRY = refuses_blank("a country's id, name, alias or ISO code")
A_TAG = refuses_blank("a tag (barkhane tags lists them)")
AN_ID = refuses_blank("an id (barkhane search finds one)")


# The formats each kind of command prints, from the one registry.
EVENT_FORMATS = FORMATS


def command_name(ctx: Any) -> str:
    """The command a context runs, as typed after barkhane: ``summary``, ``import acled``
    (Click's command_path less the program, as lazy.click_error_line reads it)."""
    return str(ctx.command_path.partition(" ")[2])


def takes_formats(formats: tuple[str, ...]) -> Callable[..., str | None]:
    """--format's check, as it is read: the formats a command's --format lists are the
    ones it takes, and every other is refused by formats.check's one rule, naming the
    command (summary -f csv said "unknown format" where on -f csv said "not for on")."""

    def check(ctx: Any, param: Any, value: str | None) -> str | None:
        return None if value is None else check_format(value, formats, command_name(ctx))

    return check


def format_option(formats: tuple[str, ...]) -> Any:
    """--format for a command, its help listing only the formats that command accepts."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"{listed(formats)}. Default: table on a terminal, "
        "plain (tab-separated, no header) when piped. Any case.",
        show_default=False,
        shell_complete=completes(formats),
        callback=takes_formats(formats),
    )


FormatOpt = Annotated[str | None, format_option(EVENT_FORMATS)]
RecordFormatOpt = Annotated[str | None, format_option(RECORD_FORMATS)]  # places, map
ListFormatOpt = Annotated[str | None, format_option(LIST_FORMATS)]
# sources and source: the records, or a bibliography for a reference manager
SourceFormatOpt = Annotated[str | None, format_option(LIST_FORMATS + CITATION_FORMATS)]
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
        shell_complete=completes([c.value for c in Color]),
    ),
]
# What --data and validate's files take, given blank.
A_DATA_FILE = FileName("a data file or folder")
DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        click_type=A_DATA_FILE,
        help="Extra data file layered over the bundled timeline: TOML (a folder: every "
        ".toml file in it and its subfolders), or an ACLED or "
        "UCDP GED export (.csv) read as it is (repeatable; also BARKHANE_DATA, separated "
        "by the path separator).",
        show_default=False,
    ),
]
# Declared once (folding.py): the imported records that gaps and compare pair with a
# curated event are counted once, as it, unless this keeps them (U54 #1).
KeepMatchedOpt = Annotated[
    bool,
    typer.Option(
        "--keep-matched",
        help="With an ACLED or UCDP import layered (--data): also list, count and sum the "
        "imported records that gaps and compare pair with a curated event, each marked "
        "'= ID' (by default such a pair is one incident, counted once as the curated "
        "event, with its figures; a note says how many were folded).",
    ),
]
ExportOpt = Annotated[
    Path | None,
    typer.Option(
        "--export",
        click_type=AN_EXPORT,
        help="Also save the terminal view to FILE.svg, FILE.html or FILE.txt.",
        show_default=False,
    ),
]
WideOpt = Annotated[
    bool,
    typer.Option(
        "--wide", help="Every column, nothing cut (lines may be wider than the terminal)."
    ),
]


class Whole(click.ParamType[int, Any]):
    """Every integer option's type: a whole number, ``what`` (a year, a number of rows)
    from ``lo`` to ``hi`` (no ``hi``: a whole number, ``lo`` or more), read and refused in
    the project's one line, the option and what was given first, then what to give, exit 2
    (a usage error): "--year 10000: give a year from 1000 to 9999", "--limit -3: give a whole
    number, 0 or more", "--limit 'x': ..." (a number is shown as the number read, -3 for
    "-03", what is none quoted as typed). Click's own int said `chart --year abc` in its words ("'abc' is
    not a valid integer"), where the bound of the same option was said in ours (K42);
    `--year 0` and `map --height 2` had Click's range line (K41), and `search --limit -3`
    printed nothing (K37); a count said "--limit must be 0 or more, not -3" for -3 and
    the line above for x, two forms for one option (K44).
    tests/test_timeline.py walks the command tree for any other integer option."""

    name = "integer"  # --help's INTEGER, as Click's int says it

    def __init__(self, lo: int, hi: int | None = None, what: str = "a whole number") -> None:
        self.lo, self.hi, self.what = lo, hi, what

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        option = param.opts[0] if param is not None else "the value"
        try:  # a number given as one (a default) is held to the bounds too
            number: int | None = value if isinstance(value, int) else int(str(value).strip())
        except ValueError:
            number = None
        if number is not None and number >= self.lo and (self.hi is None or number <= self.hi):
            return number
        given = repr(value) if number is None else str(number)  # "2.5", "abc": quoted
        wanted = (
            f"{self.what}, {self.lo} or more"
            if self.hi is None
            else f"{self.what} from {self.lo} to {self.hi}"
        )
        raise UsageError(f"{option} {given}: give {wanted}")


class Year(Whole):
    """--year: a year of four digits (1000 to 9999); one of fewer is refused with the year
    it is likely short for (dates.short_year: `--year 19` listed the year 19, U50), by
    the rule every date option reads. A year outside the record (1850, 2030) is read: the
    views say where it lies (briefing.window_note)."""

    def __init__(self) -> None:
        super().__init__(1000, 9999, "a year")

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        said = None if isinstance(value, int) else short_year(str(value))
        if said is None:
            return super().convert(value, param, ctx)  # a year, or Whole's own refusal
        option = param.opts[0] if param is not None else "the value"
        raise UsageError(f"{option} {str(value).strip()}: {said}")


# A count (--limit, --min-deaths): 0 or more.
COUNT = Whole(0)

# One option for every view that draws (chart, the briefings, map): the terminal's
# columns, and so those of a saved terminal view. map's own help says its vector export
# has a size of its own: "on the terminal and in --export" read as a promise that
# `map --width 60 --export coup.svg` then refused (U45).
COLUMNS = Whole(40, 400, "a number of columns")
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        help="Draw N columns wide, on the terminal and in --export (40 to 400).",
        click_type=COLUMNS,
    ),
]
MapWidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        help="Draw the terminal map N columns wide, and --export FILE.txt (40 to 400); "
        "an .svg or .html map has a size of its own, which --width does not set.",
        click_type=COLUMNS,
    ),
]


# --limit 0 is none of the rows, as documented: a file's header alone (a script's warm-up,
# the columns), a table's "0 of 9 events (--limit 0)", never "no events match" (U45).
# Said in timeline's help; every list's table does the same (render/table.py).
LIMIT_ZERO = "0: none, the count of what matched said (a file: its header alone)"
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", "-n", help="At most this many.", click_type=COUNT),
]
# timeline, actor and place: -n cuts the events, or with --facet the facet's rows (U41:
# `--facet actor -n 5` counted the first 5 events and printed all 12 of their actors)
EventLimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        help="At most this many events; with --facet, the N values (or pairs) with the most "
        f"events, counted over every matching event ({LIMIT_ZERO}).",
        click_type=COUNT,
    ),
]
# import acled, import ucdp and export sqlite: the progress bar they draw on a terminal.
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="No progress bar (there is none when stderr is not a terminal)."
    ),
]

# --- the window and the event filters --------------------------------------------------------
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="From this date: 2020, Aug 2020, 2020-08, 18 August 2020; months in French "
        "too (18 août 2020, 1er juin 2015).",
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option("--until", help="Up to this date, inclusive of the whole period given."),
]
YearOpt = Annotated[
    int | None,
    typer.Option(
        help="Only this year (with --since/--until: within them).",
        metavar="YEAR",  # a type's name said less, and took the width of a description
        click_type=Year(),
    ),
]
AftermathOpt = Annotated[
    bool,
    typer.Option(help=f"Include what happened after {RECORD_END.human()} (events, figures)."),
]
TypeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--type",
        "-t",
        help=f"Event type (repeatable): {', '.join(m.EVENT_TYPES)} "
        "(barkhane types says what each means).",
        callback=refuses_blank("an event type (barkhane types lists them)"),
    ),
]
ActorOpt = Annotated[
    list[str] | None,
    typer.Option("--actor", "-a", help="Actor id, name or alias (repeatable).", callback=AN_ACTOR),
]


# roles.rolls_up, said in both options' help (query.matches rolls perpetrators and targets
# up alike): "counted the same way" left a reader of --target guessing whether an attack on
# Chad's army is one on MINUSMA (U18), and --target alone did not say a pledge is no part.
def _rolled_up(option: str) -> str:
    return (
        "a group counts for the one it was part of at the time; a state does not count for what "
        "it is a member of (Chad for MINUSMA, Mali for ECOWAS). The relations that count are "
        f"{listed(ROLL_UP)}, not pledged-to (JNIM's allegiance to al-Qaeda): to include an "
        f"affiliate, give it too ({option} al-qaeda {option} jnim)"
    )


# What each attribution level means, in model.ATTRIBUTIONS' words, led as the table leads
# every perpetrator with it (model.ATTRIBUTION_READS: "attributed: JNIM → Civilians",
# "claimed or admitted: France → ..."): a reader of the Solhan row could not tell
# "attributed" from established (U45), and the help's "claimed:" was no word a row says.
def _levels() -> str:
    def said(level: str, meaning: str) -> str:
        read = m.ATTRIBUTION_READS.get(level, level)
        return meaning if meaning.startswith(read) else f"{read}: {meaning}"

    return "; ".join(said(level, meaning) for level, meaning in m.ATTRIBUTIONS.items())


PerpetratorOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--perpetrator",
        help=f"Who carried it out (repeatable): {_rolled_up('--perpetrator')}; the footer "
        "(under timeline's table, map's drawing, chart's bars) says how many events the groups "
        "pledged to it carried out that it leaves out, and how many name it among those "
        "involved but not as the perpetrator (--actor lists those). "
        f"Timeline's rows say how the perpetrators are known ({_levels()}); "
        f"--fields attribution gives the level as the data names it ({listed(m.ATTRIBUTIONS)}).",
        callback=AN_ACTOR,
    ),
]
TargetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--target",
        help=f"Who was attacked (repeatable): {_rolled_up('--target')}; the footer says how "
        "many events name it among those involved but not as the target (--actor lists "
        "those).",
        callback=AN_ACTOR,
    ),
]
PlaceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--place",
        "-p",
        help="At this place or anywhere within it (id, name or alias).",
        callback=A_PLACE,
    ),
]
WithinOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--within",
        metavar="PLACE",
        help="Only the places inside this one (id, name or alias), as --place counts them: "
        "declared within it, part of it, or a settlement whose point lies in it. Repeatable, "
        "as --place: inside any.",
        show_default=False,
        callback=A_PLACE,
    ),
]
CountryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        help="In this country: id, name, alias or ISO code such as BF or BFA (repeatable).",
        callback=A_COUNTRY,
    ),
]
# How repeated --tag and --not-tag combine, in both helps (K57: a new user read two --tag
# as "both tags", as some tools have them): as every repeated filter here, either one.
ANY_TAG = "any of the tags given, not only those with all"
TagOpt = Annotated[
    list[str] | None,
    typer.Option(help=f"Tag (repeatable: the events with {ANY_TAG}).", callback=A_TAG),
]
NotTagOpt = Annotated[
    list[str] | None,
    typer.Option(
        help=f"Leave out the events with this tag (repeatable: those with {ANY_TAG}), read "
        "as --tag reads it"
        + "".join(
            f"; --type {t} --not-tag {tag}: the {t} events without those tagged {tag}"
            for t, tag in m.TYPE_PARTS.items()
        )
        + ".",
        callback=A_TAG,
    ),
]
# How a search word finds its other forms (search.stem), said by every help that searches.
STEMS_HELP = (
    "a plural or a word ending in y finds its other forms too (votes: vote; mutiny: mutinies)"
)
SearchOpt = Annotated[
    str | None,
    typer.Option(
        "--search",
        "-s",
        help="Words in the event's id, title, summary, dispute or tags, each the start of a "
        'word, in any order; "quoted" words and phrases whole. A number matches a whole '
        "number in the text, with its thousands comma or without (20: a toll of 20, not 200, "
        "1,200, 2019 or 20.5; 5100 finds 5,100), and so does a word ending in one (G5: not "
        f"G50); a word of letters is the start of any word (mq finds MQ-9); {STEMS_HELP}. "
        "A hyphen between "
        "up to three letters and a "
        "number of up to three digits joins them, typed or in the text (not a year: mid-2018 "
        "is found by 2018), and so does a space typed after a lone "
        "letter: G-5 and G 5 find G5. An id's numbers are its "
        "date, not searched: ask for dates with --year, --since and --until.",
    ),
]


def _names(*declared: Any) -> frozenset[str]:
    """The names (``--actor``, ``-a``) the options above declare: Typer keeps the first
    given to typer.Option in an Annotated declaration as its ``default``, the others as
    ``param_decls``."""
    infos = [get_args(d)[1] for d in declared]
    names = (n for i in infos for n in (i.default, *i.param_decls))
    return frozenset(n for n in names if isinstance(n, str) and n.startswith("-"))


# How words the shell split off an option's value should be given back (cli/splitwords.py's
# hints for "unexpected extra argument"): names and search words may hold spaces, so they
# are quoted; a date is quoted only when the words make one; --fields takes commas.
SPACED_OPTIONS = _names(
    SearchOpt, ActorOpt, PerpetratorOpt, TargetOpt, PlaceOpt, WithinOpt, CountryOpt
)
DATE_OPTIONS = _names(SinceOpt, UntilOpt)
COMMA_OPTIONS = _names(FieldsOpt)
# A positional argument that is a date (``on DATE``) is known by its metavar: its words
# are joined as an option's are (cli/splitwords.py). Given two dates, such a command of
# one day points to the command of a period (`on 2015 2016`: timeline --since --until).
DATE_METAVAR = "DATE"
PERIOD_COMMAND = "timeline"
DateArg = Annotated[
    str,
    typer.Argument(
        metavar=DATE_METAVAR,
        help="The day: 2020-08-18, 18 August 2020, 18 août 2020, Aug 2020.",
    ),
]

# --- asking the event views: order, threshold, counts ---------------------------------------


def _complete_sort(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """TAB completion of --sort: query.SORTS, read when completing, so that every
    command's start-up does not import query (which the views import when they run)."""
    from barkhane_cli.query import SORTS

    return completes(SORTS)(ctx, param, incomplete)


def sort_option(help: str, complete: Callable[..., list[Any]]) -> Any:
    """--sort for a command, its help saying the orders that command takes (timeline's
    events by date or deaths, facts by date, value or id, actors and places by name, id
    or events), then what every --sort shares: --limit cuts the sorted list."""
    return typer.Option(
        "--sort",
        metavar="ORDER",
        help=f"{help} --limit applies after.",
        show_default=False,
        shell_complete=complete,
    )


SortOpt = Annotated[
    str | None,
    sort_option(
        "date (the default), -date (newest first, as --reverse), deaths (fewest "
        "first) or -deaths (most first). Deaths compare the highest count the sources give "
        "(2–30 dead sorts as 30); deaths-low and -deaths-low the lowest, which leaves an "
        "army's claim of enemy dead out (an event whose one figure is such a claim has "
        f"none); deaths-best and -deaths-best what totals add ({m.COUNTED_DEATHS}: "
        "summary, chart and map sum these); events with no count come last.",
        _complete_sort,
    ),
]
FactSortOpt = Annotated[
    str | None,
    sort_option(
        "date (as of: the default), -date (newest first), value (smallest first), -value "
        "(largest first; a range by its top, facts with none last), id or -id.",
        completes(FACT_SORTS),
    ),
]
# actors and places: what a tie keeps, said in both (orders.ordered).
_TIES = "a tie keeps the default order"
ActorSortOpt = Annotated[
    str | None,
    sort_option(
        "kind (then name: the default), name (as names are matched, accents and case aside), "
        f"id, events (how many events name it: the Events column; -events most first); "
        f"a minus reverses each; {_TIES}.",
        completes(ACTOR_SORTS),
    ),
]
PlaceSortOpt = Annotated[
    str | None,
    sort_option(
        "country (by the countries' names, each country before its places, then name: the "
        "default), name, id, events (how many happened at or within it: the Events "
        f"column; -events most first); a minus reverses each; {_TIES}.",
        completes(PLACE_SORTS),
    ),
]
SourceSortOpt = Annotated[
    str | None,
    sort_option(
        "-cited (how many entries cite it, most first: the default), cited, date (undated "
        "last, either way; -date newest first), publisher, title (as names are matched, "
        "accents and case aside) or id; a minus reverses each; a tie keeps id order. "
        "bibtex, csl-json, ris and text follow --sort when it is given, else id order "
        "(text: by who and when).",
        completes(SOURCE_SORTS),
    ),
]
CARRIED = "--carried"  # named by sources' note and its refusal without --publisher
CarriedOpt = Annotated[
    bool,
    typer.Option(
        CARRIED,
        help="With --publisher, also the sources of other outlets carrying its text, the "
        "publisher written 'Jeune Afrique (AFP)' or 'Press Review 24 (RFI/AFP)' (-f json "
        "says which each is: matched, publisher or carried). Without it, a note says how "
        "many there are.",
    ),
]
MinDeathsOpt = Annotated[
    int | None,
    typer.Option(
        "--min-deaths",
        metavar="N",
        click_type=COUNT,
        help="Only those with at least N dead. An event recorded as a range counts by the "
        "highest count a source gives: 2–30 dead matches --min-deaths 20 (its range shows "
        "that sources differ); one with no count never matches.",
        show_default=False,
    ),
]


def count_option(what: str, more: str = "") -> Any:
    """--count for a command listing ``what`` (events, facts, actors, places, results):
    the number alone, the key -f json gives it under (the command's own noun, plural,
    as its footer counts them), and what every --count shares: it counts what --limit
    leaves, as the rows it stands for would be."""
    return typer.Option(
        "--count",
        "-c",
        help=f"Print only how many {what} match (as rg --count does), at most --limit's N; "
        f'-f json gives {{"{what}": N}}.{more}',
    )


CountOpt = Annotated[
    bool,
    count_option(
        "events",
        " A name not given as its id is said as read on a terminal's stderr (target: France "
        "(france)), never on stdout.",
    ),
]
FactCountOpt = Annotated[bool, count_option("facts")]
# gaps lists incidents (clusters of ACLED or UCDP records), as its footer counts them
IncidentCountOpt = Annotated[bool, count_option("incidents")]
ActorCountOpt = Annotated[bool, count_option("actors")]
PlaceCountOpt = Annotated[bool, count_option("places")]
SourceCountOpt = Annotated[bool, count_option("sources")]
# search's entries are "results", as its footer counts them ("3 of 120 results")
ResultCountOpt = Annotated[bool, count_option("results")]


FacetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--facet",
        metavar="FIELD",
        help=f"Count the matching events by {listed(tuple(FACETS))}: one row per value, "
        "most events first (years in order). An event counts once for each of its values; "
        f"one with none counts under {NONE_LABEL}. attribution is how the perpetrators are "
        f"known ({listed(tuple(m.ATTRIBUTIONS))}); a perpetrator facet whose rows mix them "
        "says so. Twice (--facet country --facet year): "
        "one row per pair of values, in the first field's order, then the second's.",
        show_default=False,
        shell_complete=completes(tuple(FACETS)),
    ),
]
