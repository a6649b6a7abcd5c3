"""Words the shell split off a value (``timeline --search djibo mayor``, ``on 1 June
2015``): Click calls them unexpected extra arguments. A date given as several words is
joined and read as one (``dates_rejoined``, which lazy.py runs the command again with);
other words get a hint on the error line saying how to give them, and so does a
command's name split in words (``actor ansar dine``). A word a positional
argument took instead (``chart --actor ansar dine``) gets one where the command failed on
it or found nothing (``taken_hint``). Bare words that are options' values get the
options (``option_hint``: ``timeline mali 2020``), and a second date after a command of
one day the command of a period (``period_hint``: ``on 2015 2016``). Only those paths
import this.

Every function here reads the command line through ``_parse``, the one reading of it
(long and short options, values attached or not, flags, ``--``)."""

from __future__ import annotations

import re
import shlex
from typing import NamedTuple

import click

from barkhane_cli.cli.options import (
    COMMA_OPTIONS,
    DATE_METAVAR,
    DATE_OPTIONS,
    PERIOD_COMMAND,
    SPACED_OPTIONS,
)
from barkhane_cli.dates import MiswrittenError, NoYearError, PartialDate, parse_user_date
from barkhane_cli.text import plural

# For a command whose argument chooses what it shows (chart troops, chart displacement),
# the options only some choices take: option -> the choices that take it (option_hint).
OnlyFor = dict[str, tuple[str, ...]]


class _Group(NamedTuple):
    """An option as typed, its value and the bare words after it: a word after an
    option's value is one the shell split off it, or a positional argument."""

    name: str  # "--since", "-s", a flag; "" for the words before any option; "--"
    option: click.Option | None  # None unless the option takes a value
    value: str
    at: int  # where the value is in the command line (the option's word, if attached)
    start: int  # where its bare words start
    words: list[str]


def _parse(command: click.Command, args: list[str]) -> list[_Group]:
    """The command line as groups (``_Group``); the first holds the words before any
    option, and ``--`` ends the options: every word after it is bare."""
    takes_value = {
        name: option
        for option in command.params
        if isinstance(option, click.Option) and not option.is_flag and not option.count
        for name in option.opts
    }
    flags = {
        name
        for option in command.params
        if isinstance(option, click.Option)
        for name in (*option.opts, *option.secondary_opts)
        if name not in takes_value
    }
    groups = [_Group("", None, "", -1, 0, [])]
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            groups.append(_Group("--", None, "", -1, i + 1, list(args[i + 1 :])))
            break
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if word[:1] == "-" and word[:2] != "--":
            # short flags clustered before one that takes a value: `-cs djibo` is -c -s djibo
            k = 1
            while k < len(word) - 1 and f"-{word[k]}" in flags:
                k += 1
            if f"-{word[k : k + 1]}" in takes_value:
                name, value = f"-{word[k]}", word[k + 1 :]
                equals = "=" if value else ""
        option = takes_value.get(name)
        if option is not None:
            at = i
            if not equals:  # the value is the next word, whatever it looks like
                value = args[i + 1] if i + 1 < len(args) else ""
                at = i = i + 1
            groups.append(_Group(name, option, value, at, i + 1, []))
        elif word.startswith("-") and len(word) > 1:  # a flag, or an option unknown here
            groups.append(_Group(word, None, "", -1, i + 1, []))
        else:
            groups[-1].words.append(word)
        i += 1
    return groups


def _left_over(groups: list[_Group], extra: list[str]) -> int:
    """How many of the last bare words are Click's extra ones (those its positional
    arguments did not take). Counted by their text, as ``extra`` is the error's words as
    Click joins them with spaces and a word may hold one (``--search djibo "town hall"``,
    ``--since 1 "June 2015"``): counted at spaces they matched no words."""
    bare = [w for g in groups for w in g.words]
    said = " ".join(" ".join(extra).split())
    return next(
        (n for n in range(1, len(bare) + 1) if " ".join(" ".join(bare[-n:]).split()) == said),
        0,
    )


def quote_hint(command: click.Command, args: list[str], extra: list[str]) -> str | None:
    """For words left over after an option's value (``--search djibo mayor``): how to give
    them, since the shell split them (U11 met Click's bare "unexpected extra argument").
    Each option's leftovers get their hint (``--search djibo mayor --actor ansar dine``
    has two), the value given apart or attached (``--search=djibo``, ``-sdjibo``), and
    so does every date split, whether Click left its words over or an argument took them
    (``chart --since June 2015 --until Aug 2016``: WHAT took 2015). None when no group of
    leftovers has one. ``extra`` is the error's extra words (``_left_over``)."""
    groups = _parse(command, args)
    count = _left_over(groups, extra)
    hints = [h for h in [_argument_hint(command, groups)] if h is not None]
    for n, group in enumerate(groups):
        if group.option is None or not group.words:
            continue
        # only words Click left over (not ones an argument took: `place --year 2020 gao`),
        # or a date's, which are the date's wherever they went
        if sum(len(g.words) for g in groups[n:]) > count and not _split_date(group):
            continue
        hint = _group_hint(group.name, group.option, group.value, group.words, command)
        if hint is not None:
            hints.append(hint)
    return _joined(hints) or _name_hint(command, groups, count)


def option_hint(
    command: click.Command, args: list[str], extra: list[str], only_for: OnlyFor
) -> str | None:
    """``did you mean --force france?`` for the words Click left over when they are values
    options of the command take, given bare instead of after them (U27: `chart troops
    france`, meant `--force france`; a new user's `timeline mali 2020`, meant `--country
    mali --year 2020`). The words are read as runs of consecutive words, each a date
    (``_date_option``: `timeline Aug 2020`) or a value one option completes to (a name in
    several words is one run: `timeline ansar dine`), with the fewest runs that read
    (``_reading``); None when no reading takes every word. A run goes to its likeliest
    option (``_Fits.options``); a word alone, to its two likeliest (`timeline mali`: --country
    or --actor). Options given already are passed over, and so is one the choice of the
    command's argument does not take (``only_for``: chart troops takes --force, chart
    displacement --country), and one that leaves out (--not-tag)."""
    if not extra or any(w.startswith("-") for w in extra):
        return None
    groups = _parse(command, args)
    given = {name for g in groups for name in ([g.name] if g.option is None else g.option.opts)}
    bare = [w for g in groups for w in g.words]
    chosen = bare[0].casefold() if len(bare) > 1 and _arguments(command) else None
    options = {
        long_name(o): o
        for o in command.params
        if isinstance(o, click.Option)
        and not (o.is_flag or o.count or o.hidden or set(o.opts) & given)
        and not long_name(o).startswith("--not-")
        and (only_for.get(long_name(o)) is None or chosen in only_for[long_name(o)])
    }
    reading = _reading(extra, options, given, _Fits(command))
    if reading is None:
        return None
    if len(extra) == 1:  # a word alone: its two likeliest options, either of which it may be
        return f"did you mean {' or '.join(reading[0][:2])}?"
    return f"did you mean {' '.join(said[0] for said in reading)}?"


def _reading(
    words: list[str], options: dict[str, click.Option], given: set[str], fits: _Fits
) -> list[list[str]] | None:
    """``words`` as runs of option values, fewest runs first: for each run, how it is given
    to the options that take it, likeliest first (``_run``); None when no split of the
    words into runs reads (a word no option takes). `burkina faso 2015` is two runs,
    --country "burkina faso" --year 2015, not three (--country burkina --actor faso
    --year 2015: Faso completes to Burkina Faso alone); of readings of as many runs, the
    one whose first run is longest."""
    tried: set[tuple[int, int, frozenset[str]]] = set()

    def split(at: int, runs: int, left: dict[str, click.Option]) -> list[list[str]] | None:
        if runs == 1:
            last = _run(" ".join(words[at:]), left, given, fits)
            return None if last is None else [last[0]]
        key = (at, runs, frozenset(left))
        if key in tried:  # failed before with these options left: fails again
            return None
        tried.add(key)
        for end in range(len(words) - runs + 1, at, -1):
            head = _run(" ".join(words[at:end]), left, given, fits)
            if head is None:
                continue
            said, taken = head
            rest = split(end, runs - 1, {n: o for n, o in left.items() if n not in taken})
            if rest is not None:
                return [said, *rest]
        return None

    for runs in range(1, len(words) + 1):
        found = split(0, runs, options)
        if found is not None:
            return found
    return None


def _run(
    text: str, options: dict[str, click.Option], given: set[str], fits: _Fits
) -> tuple[list[str], set[str]] | None:
    """How one run of bare words is given, as ``--option value`` likeliest first, and the
    options it takes up (a date, every date option: a second date has no one option; a
    value, its option unless repeatable); None when it is no date and no option's value."""
    dated = _date_option(text, options, given)
    if dated is not None:
        return [dated], {n for n in options if n in _DATED}
    fitting = fits.options(text, options)
    if not fitting:
        return None
    said = [f"{name} {_as_typed(text)}" for name in fitting]
    return said, {fitting[0]} - {n for n, o in options.items() if o.multiple}


class _Fits:
    """Which options take a run of words as their value, likeliest first. A completion
    reads the store, and a line of several words has many runs to try: each option is
    asked once per text, and not of words that extend a text it completes to nothing
    (a value that starts with "ansar dine" starts with "ansar")."""

    def __init__(self, command: click.Command) -> None:
        self.ctx = click.Context(command)
        self.completed: dict[tuple[str, str], set[str]] = {}
        self.known: dict[str, int] = {}

    def values(self, name: str, option: click.Option, text: str) -> set[str]:
        """What ``option`` completes ``text`` to, casefolded."""
        if (name, text) not in self.completed:
            shorter = text.rpartition(" ")[0]
            if shorter and not self.values(name, option, shorter):
                self.completed[name, text] = set()
            else:
                found = option.shell_complete(self.ctx, text)
                self.completed[name, text] = {str(c.value).casefold() for c in found}
        return self.completed[name, text]

    def options(self, text: str, options: dict[str, click.Option]) -> list[str]:
        """The options that take ``text``: one completing to it, or a name's option
        (``SPACED_OPTIONS``) one entry alone completes to, as its resolver takes it
        (`chart displacement burkina`: --country, by Burkina Faso's alias). Likeliest
        first: a name's option before a tag's (`timeline gao`: --place, then --tag), then
        the one completing to fewest values (`timeline mali`: --country before --actor,
        which also offers minusma), then of fewest entries (burkina: a country before an
        actor), then the command's order."""
        fits: list[tuple[bool, int, int, int, str]] = []
        for n, (name, option) in enumerate(options.items()):
            values = self.values(name, option, text)
            spaced = bool(set(option.opts) & SPACED_OPTIONS)
            if text.casefold() in values or (spaced and len(values) == 1):
                if name not in self.known:
                    self.known[name] = len(option.shell_complete(self.ctx, ""))
                fits.append((not spaced, len(values), self.known[name], n, name))
        return [name for *_, name in sorted(fits)]


_SPANS = ("--since", "--until")
_DATED = ("--year", *_SPANS)


def _date_option(text: str, options: dict[str, click.Option], given: set[str]) -> str | None:
    """How the date ``text`` given bare is given to the date options among ``options``
    (those not given already; ``given``, the names typed): with none of --year, --since
    and --until given, a year to --year, else the period to --since and --until (both:
    --since alone runs to the record's end); with one of --since and --until given, to
    the other (`--since 2019 2020`); None for no date (``_a_date``), or no such option
    (U28: `timeline 2020` got only "unexpected extra argument (2020)")."""
    date = _a_date(text)
    if date is None:
        return None
    said = _as_typed(text)
    left = [name for name in _SPANS if name in options]
    if "--year" in given:
        return None  # a second year, or a window within it: no one option says which
    if set(_SPANS) & given:  # one given: the other
        return f"{left[0]} {said}" if len(left) == 1 else None
    if date.precision == "year" and "--year" in options:
        return f"--year {said}"
    return " ".join(f"{name} {said}" for name in left) or None


def _a_date(text: str) -> PartialDate | None:
    """``text`` read as a date, or None. A number is a date only as a year of four digits:
    `timeline 12` is no day."""
    if text.isdigit() and len(text) != 4:
        return None
    try:
        return parse_user_date(text)
    except ValueError:
        return None


def _as_typed(text: str) -> str:
    """``text`` as the shell takes it as one word: words quoted (_quoted), a word as is."""
    return _quoted(text) if " " in text else shlex.quote(text)


def long_name(option: click.Parameter) -> str:
    """An option's name as --help lists it: its long spelling, else its one short one."""
    return next((o for o in option.opts if o.startswith("--")), option.opts[0])


def _name_hint(command: click.Command, groups: list[_Group], count: int) -> str | None:
    """``quote the name: actor "ansar dine"`` when the words Click left over are the rest
    of the command's one name or id, the shell having split it (``actor ansar dine`` got
    only "unexpected extra argument (dine)"); None for a date (``_argument_hint``). Only
    for words typed together before any option (or after ``--``): after an option's value
    they may be that option's (``place --year 2020 gao mali``)."""
    arguments = _arguments(command)
    if len(arguments) != 1 or arguments[0].nargs != 1 or not arguments[0].required:
        return None
    typed = [g for g in groups if g.words]
    if _is_date(arguments[0]) or len(typed) != 1 or typed[0].name not in ("", "--"):
        return None
    words = typed[0].words
    if not 0 < count == len(words) - 1:
        return None
    return f"quote the name: {command.name} {_quoted(' '.join(words))}"


def date_hint(command: click.Command, args: list[str]) -> str | None:
    """``quote the date: --since "June 2015"`` for each date option whose value does not
    read as a date alone but does with the words after it; None when there is none."""
    hints = [
        _group_hint(g.name, g.option, g.value, g.words, command)
        for g in _parse(command, args)
        if g.option is not None and _split_date(g)
    ]
    return _joined([h for h in hints if h is not None])


def _joined(hints: list[str]) -> str | None:
    """'quote several words: --search "djibo mayor"; --actor "ansar dine"': a kind once."""
    said = [h.partition(": ") for h in hints]
    return (
        "; ".join(
            rest if n and kind == said[n - 1][0] else f"{kind}{sep}{rest}"
            for n, (kind, sep, rest) in enumerate(said)
        )
        or None
    )


def taken_hint(command: click.Command, args: list[str], message: str | None = None) -> str | None:
    """For words the shell split off an option's value that a positional argument then
    took (``chart --actor ansar dine``: WHAT took "dine"; ``facts --actor wagner group``:
    WORDS took "group"): what each was read as, and how to give it to the option. Said
    when the command failed on such a word (``message``, its error: only words it quotes
    count, so ``chart --actor wagner troops --by month`` is not told troops was Wagner's,
    and not when the error offers a near name for it: ``place --type attack gaoo`` is a
    typo of Gao) or found nothing (``message`` None). A word that repeats the option's
    value is said to be given again: ``jnim is given twice (--actor jnim and as WORDS)``.
    None when no such word has a hint."""
    return "; ".join(t.said for t in _taken(command, args, message)) or None


def taken_line(command: click.Command, args: list[str], message: str) -> str | None:
    """The command's error ``message`` with ``taken_hint``'s hints after it; a word that
    gives the option's value again leads, as the likely slip, in place of the error's
    clause about it: ``jnim is given twice (--actor jnim and as WHAT); charts are: ...``
    (it said "unknown chart 'jnim'; charts are: ...; "jnim" was read as WHAT; if it
    belongs to --actor jnim, jnim is given twice: --actor jnim once is enough"). None
    when no word has a hint."""
    taken = _taken(command, args, message)
    if not taken:
        return None
    slips = [t.said for t in taken if t.again is not None]
    clauses = [
        c
        for c in message.split("; ")
        if not any(t.again is not None and _quotes(c, t.again) for t in taken)
    ]
    return "; ".join([*slips, *clauses, *(t.said for t in taken if t.again is None)])


class _Taken(NamedTuple):
    said: str
    again: str | None  # the value, when the word taken repeats it (``_given_again``)


def _taken(command: click.Command, args: list[str], message: str | None) -> list[_Taken]:
    """``taken_hint``'s hints, one per option whose split words an argument took."""
    groups = _parse(command, args)
    takers = _takers(command, groups)
    said = []
    for n, (name, option, value, _, _, words) in enumerate(groups):
        if option is None or not words or (n, 0) not in takers:
            continue
        if message is not None and not any(_quotes(message, w) for w in words):
            continue
        if message is not None and "did you mean" in message:
            continue  # a near name for it (`place --type attack gaoo`): it went where meant
        if message is None and not _could_be(command, option, words):
            continue  # `search --kind event djibo`: djibo is no kind, but what is searched
        times = _given_again(option, [value, *words], command)
        if times is not None:
            typed = f"{name} {shlex.quote(value)}"
            said.append(_Taken(f"{value} is given {times} ({typed} and as {takers[n, 0]})", value))
            continue
        hint = _group_hint(name, option, value, words, command)
        if hint is not None:
            read = plural(len(words), "was", "were")
            said.append(
                _Taken(
                    f"{_quoted(' '.join(words))} {read} read as {takers[n, 0]}; if "
                    f"{plural(len(words), 'it belongs', 'they belong')} to {name} {value}, "
                    f"{hint}",
                    None,
                )
            )
    return said


def _could_be(command: click.Command, option: click.Option, words: list[str]) -> bool:
    """Whether each word could be a value of ``option``: any word for a name or text; for
    an option of a few values that TAB completes, the start of one of them. A command
    that found nothing was otherwise told a word of its search was --kind's."""
    if set(option.opts) & SPACED_OPTIONS:
        return True
    ctx = click.Context(command)
    if not option.shell_complete(ctx, ""):
        return True  # no values known to tell them by
    return all(option.shell_complete(ctx, w) for w in words)


def _takers(command: click.Command, groups: list[_Group]) -> dict[tuple[int, int], str]:
    """(group, word) -> the name (metavar) of the positional argument that took the word,
    in Click's order: each argument its number of words, one of any number (``nargs=-1``)
    what the arguments after it leave."""
    bare = [(n, i) for n, group in enumerate(groups) for i in range(len(group.words))]
    positional = _arguments(command)
    takers: dict[tuple[int, int], str] = {}
    at = 0
    for k, param in enumerate(positional):
        after = sum(max(p.nargs, 0) for p in positional[k + 1 :])
        count = max(len(bare) - at - after, 0) if param.nargs < 0 else param.nargs
        label = (param.metavar or (param.name or "").upper()).strip("[].")
        for place in bare[at : at + count]:
            takers[place] = label
        at += count
    return takers


def _quotes(message: str, word: str) -> bool:
    """Whether ``message`` names ``word`` inside quotes ("unknown chart 'dine'")."""
    spans = re.findall(r"'([^']*)'|\"([^\"]*)\"", message)
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", a or b) for a, b in spans)


def _group_hint(
    name: str, option: click.Option, value: str, extra: list[str], command: click.Command
) -> str | None:
    """The hint for one option whose value the shell split (``_spelled_hint``). A short
    option's value is all the word holds after it, an ``=`` too (``-s=djibo`` searches
    "=djibo"): the hint gives the words without it and says what was read. ``command``
    (the option's) tells a name that repeats a word from a value given twice."""
    if name[:2] != "--" and value.startswith("="):
        hint = _spelled_hint(name, option, value[1:], extra, command)
        return (
            None
            if hint is None
            else f"{hint} ({name} took {_quoted(value)}: a short option takes the = too)"
        )
    return _spelled_hint(name, option, value, extra, command)


def _spelled_hint(
    name: str, option: click.Option, value: str, extra: list[str], command: click.Command
) -> str | None:
    """Names and search words are quoted; a date only when the words make one; --fields
    takes commas; another repeatable option is given once per value; the value typed
    again is said to be (_given_again). None otherwise."""
    if option.nargs != 1 or not isinstance(option.type, click.types.StringParamType):
        return None
    if value.startswith("-"):
        return None
    words = [w for w in (value, *extra) if w]  # `--search= djibo mayor`: no empty word
    known = set(option.opts)
    if known & COMMA_OPTIONS:
        fields = ",".join(w for word in words for w in word.replace(" ", "").split(",") if w)
        return f"separate them with commas: {name} {shlex.quote(fields)}"
    if known & DATE_OPTIONS:
        n = date_words(value, extra)
        return _date_hint(name, words[: n + 1]) if n else None
    times = _given_again(option, words, command)
    if times is not None:
        return f"{words[0]} is given {times}: {name} {shlex.quote(words[0])} once is enough"
    if not known & SPACED_OPTIONS:
        if not option.multiple:
            return None
        said = _quoted(" ".join(words))
        whole = _one_value(option, words, command)
        if whole is not None:
            return f"{said} is one value, hyphenated: {name} {shlex.quote(whole)}"
        tag = _tag_instead(option, words, command)
        if tag is not None:
            return f"{said} is a tag, hyphenated: {tag[0]} {shlex.quote(tag[1])}"
        return "give it once per value: " + " ".join(f"{name} {shlex.quote(w)}" for w in words)
    hint = f"quote several words: {name} {_quoted(' '.join(words))}"
    if option.multiple and len({w.casefold() for w in words}) > 1:
        # --actor jnim wagner may mean two actors as well as one name (not --place tongo
        # tongo: one place given twice is the filter given once)
        hint += ", or give one per value: " + " ".join(f"{name} {shlex.quote(w)}" for w in words)
    return hint


def _one_value(option: click.Option, words: list[str], command: click.Command) -> str | None:
    """The one value ``words`` spell, hyphenated, when the option offers it (its TAB
    completion: a tag, a type): U45's `--tag suicide bombing` was told to give
    `--tag suicide --tag bombing`, which found no tag 'bombing'; the tag is
    suicide-bombing. None when the words are several values."""
    if len(words) < 2:
        return None
    joined = "-".join(words).casefold()
    for item in option.shell_complete(click.Context(command), joined):
        if item.value.casefold() == joined:
            return str(item.value)
    return None


def _tag_instead(
    option: click.Option, words: list[str], command: click.Command
) -> tuple[str, str] | None:
    """The command's --tag and the tag ``words`` spell, given to --type: as query.py says
    of one word ("'election' is a tag"), of words the shell split, which were told to be
    given once each (`--type suicide --type bombing`, failing on 'suicide')."""
    if "--type" not in option.opts:
        return None
    tags = [p for p in command.params if isinstance(p, click.Option) and "--tag" in p.opts]
    whole = _one_value(tags[0], words, command) if tags else None
    return None if whole is None else ("--tag", whole)


def _given_again(option: click.Option, words: list[str], command: click.Command) -> str | None:
    """``twice`` (``3 times``) when ``words``, the option's value and the words after it,
    are one word typed again (U28: `--country mali mali` was told to quote "mali mali",
    no country, or give --country mali twice, the same filter); None when one differs,
    for search words (words, not values: never said to repeat), and for the start of a
    name the option completes to (``--place tongo tongo``, a name to quote)."""
    first = words[0].casefold()
    if len(words) < 2 or any(w.casefold() != first for w in words) or "--search" in option.opts:
        return None
    named = set(option.opts) & SPACED_OPTIONS
    if named and option.shell_complete(click.Context(command), " ".join(words)):
        return None
    return "twice" if len(words) == 2 else f"{len(words)} times"


def _date_hint(typed: str, words: list[str]) -> str:
    """``quote the date: --since "June 2015"`` for a date the shell split, or what the
    date lacks when quoting it would not do: ``'1 June' has no year; give one, e.g.
    --since "1 June 2020"``."""
    date = " ".join(words)
    try:
        parse_user_date(date)
    except NoYearError as exc:
        return no_year(typed, exc)
    except ValueError:
        pass  # the quoted date's own error says why: quoting it is the first step
    return f"quote the date: {typed} {_quoted(date)}"


def no_year(typed: str, exc: NoYearError) -> str:
    """``'1 June' has no year; give one, e.g. on "1 June 2020"``: the example as it is
    typed after ``typed`` (the option, or the command whose argument it is), quoted, for
    an unquoted one is split by the shell (a new user's `on 1 June` got only "unexpected
    extra argument (June)")."""
    return exc.said(f"{typed} {_quoted(exc.example)}")


def _quoted(text: str) -> str:
    # double quotes unless the shell would still read something inside them
    plain = not any(c in text for c in '"$`\\!')
    return f'"{text}"' if plain else shlex.quote(text)


# A day, a month's name and a year, or a month's name and a year: a date in words, though
# it may not read as one ("31 June 2015", "1 juni 2015"). Its words are joined all the
# same, so the error is the one its quoted form gets: which date it is not, and why.
_WORDED_DATE = re.compile(r"(\d{1,2} )?[^\W\d_]+\.? \d{4}")


def date_words(value: str, following: list[str]) -> int:
    """How many of the words after a date's first word belong to it: the most that, joined
    to it, read as one date (``1`` + ``June 2015``: 2), else the most that are written as
    one (``_WORDED_DATE``) or read as one written wrongly (``31`` + ``June``, ``15`` +
    ``June 21``: MiswrittenError), else the most that read as a date with no year (``1`` +
    ``June``, which then gets the error its quoted form gets, not Click's "unexpected
    extra argument (June)"); bare words only; 0 when none do."""
    bare = 0
    while bare < len(following) and not following[bare].startswith("-"):
        bare += 1
    joined = [" ".join([value, *following[:n]]) for n in range(bare + 1)]
    no_year = miswritten = 0
    for n in range(bare, 0, -1):
        try:
            parse_user_date(joined[n])
        except NoYearError:
            no_year = no_year or n
            continue
        except MiswrittenError:  # a date, wrongly written: its own error says why
            miswritten = miswritten or n
            continue
        except ValueError:
            continue
        return n
    worded = (n for n in range(bare, 0, -1) if _WORDED_DATE.fullmatch(joined[n]))
    # the most words that are a date, however wrong ("31 June 2020" over its "31 June")
    return max(next(worded, 0), miswritten) or no_year


def _split_date(group: _Group) -> bool:
    """Whether the group is a date option's whose value is not a date alone but is one
    with the words after it (``--since June 2015``, not ``--since 2020 gao``)."""
    if (
        group.option is None
        or not _is_date(group.option)
        or not date_words(group.value, group.words)
    ):
        return False
    try:
        parse_user_date(group.value)
    except ValueError:
        return True
    return False


def _arguments(command: click.Command) -> list[click.Argument]:
    """The command's positional arguments, in Click's order."""
    return [p for p in command.params if isinstance(p, click.Argument)]


def _is_date(param: click.Parameter) -> bool:
    if isinstance(param, click.Argument):
        return param.metavar == DATE_METAVAR
    return bool(set(param.opts) & DATE_OPTIONS)


def _date_at(command: click.Command) -> int | None:
    """Which of the command's bare words its date argument (``on DATE``) starts at: the
    arguments before it take the words before. None for a command without one."""
    positional = _arguments(command)
    if not positional or not _is_date(positional[-1]) or any(p.nargs != 1 for p in positional):
        return None
    return len(positional) - 1


def _date_argument(command: click.Command, groups: list[_Group]) -> tuple[int, list[str]] | None:
    """For a command whose positional argument is a date (``on DATE``) given as several
    words (``date_words``): where its first word is in the command line, and its words.
    After ``--`` too (``on -- 1 June 2015``). None when it is one word or none."""
    at = _date_at(command)
    bare = [(g, k) for g in groups for k in range(len(g.words))]
    if at is None or len(bare) <= at:
        return None
    group, k = bare[at]
    n = date_words(group.words[k], group.words[k + 1 :])
    return (group.start + k, group.words[k : k + n + 1]) if n else None


def period_hint(command: click.Command, args: list[str], extra: list[str]) -> str | None:
    """``on takes one day; for a period, barkhane timeline --since 2015 --until 2016`` when
    the words Click left over after a command's date argument are a second date (`on 2015
    2016`, `on 1 June 2015 30 June 2015`: a new user asked for a period; Click said only
    "unexpected extra argument (2016)"). The earlier date is the period's start, however
    typed. None when the words are not all of one second date."""
    at = _date_at(command)
    groups = _parse(command, args)
    bare = [w for g in groups for w in g.words]
    if at is None or len(bare) <= at + 1:
        return None
    end = at + 1 + date_words(bare[at], bare[at + 1 :])
    first, second = " ".join(bare[at:end]), " ".join(bare[end:])
    if not second or _left_over(groups, extra) != len(bare) - at - 1:
        return None  # no second date, or the words after the argument's are not all left over
    dates = [(d, text) for text in (first, second) if (d := _a_date(text)) is not None]
    if len(dates) != 2:
        return None
    (_, since), (_, until) = sorted(dates, key=lambda d: d[0].first())
    return (
        f"{command.name} takes one day; for a period, barkhane {PERIOD_COMMAND} "
        f"--since {_as_typed(since)} --until {_as_typed(until)}"
    )


def _argument_hint(command: click.Command, groups: list[_Group]) -> str | None:
    """``quote the date: on "1 June 2015"`` when the date argument was split."""
    found = _date_argument(command, groups)
    return None if found is None else _date_hint(command.name or "", found[1])


def dates_rejoined(command: click.Command, args: list[str], extra: list[str]) -> list[str] | None:
    """``args`` with each date given as several words joined into one (``on 1 June 2015``,
    ``--since 1 June 2015``, ``--until=Aug 2020``), as the shell would pass them quoted;
    None unless the words joined are those Click left over (``_left_over``), so no word a
    positional argument took changes hands (``place --since 1 June 2015 gao`` gives Gao
    its NAME)."""
    groups = _parse(command, args)
    starts = {
        g.at: n
        for g in groups
        if g.option is not None and _is_date(g.option) and (n := date_words(g.value, g.words))
    }
    date_arg = _date_argument(command, groups)
    if date_arg is not None:
        starts[date_arg[0]] = len(date_arg[1]) - 1
    if not starts or sum(starts.values()) != _left_over(groups, extra):
        return None
    out = list(args)
    for at, n in sorted(starts.items(), reverse=True):
        out[at : at + n + 1] = [" ".join(out[at : at + n + 1])]
    return out
