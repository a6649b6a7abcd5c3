"""Words the shell split off a value (``timeline --search djibo mayor``, ``on 1 June
2015``): Click calls them unexpected extra arguments. A date given as several words is
joined and read as one (``dates_rejoined``, which lazy.py runs the command again with);
other words get a hint on the error line saying how to give them. A word a positional
argument took instead (``chart --actor ansar dine``) gets one where the command failed on
it or found nothing (``taken_hint``). Only those paths import this."""

from __future__ import annotations

import shlex

import click


def quote_hint(command: click.Command, args: list[str], extra: list[str]) -> str | None:
    """For words left over after an option's value (``--search djibo mayor``): how to give
    them, since the shell split them (U11 met Click's bare "unexpected extra argument").
    Each option's leftovers get their hint (``--search djibo mayor --actor ansar dine``
    has two), the value given apart or attached (``--search=djibo``, ``-sdjibo``). None
    when no group of leftovers has one. ``extra`` is the error's extra words, as Click
    joins them with spaces (a word the user quoted with a space in it comes apart)."""
    groups = _split_groups(command, args)
    leftovers = [w for *_, words in groups for w in words]
    date_arg = _date_argument(command, args)
    if date_arg is not None and date_arg[1]:  # ``on 1 June 2015 x``: what can be read
        where, n = date_arg
        return f"quote the date: {command.name} {_quoted(' '.join(args[where : where + n + 1]))}"
    # Click's extras are the leftovers its positional arguments did not take: the last ones.
    # Counted by their text, as a word may hold a space (--search djibo "town hall"):
    # split at spaces, the two extras "town" "hall" matched no leftovers and got no hint.
    said_extra = " ".join(" ".join(extra).split())
    count = next(
        (
            n
            for n in range(1, len(leftovers) + 1)
            if " ".join(" ".join(leftovers[-n:]).split()) == said_extra
        ),
        0,
    )
    if not count:
        return None
    hints = [
        hint
        for n, (name, option, value, words) in enumerate(groups)
        if option is not None
        and words
        # only words Click left over: not ones an argument took (`place --year 2020 gao`)
        and sum(len(g[3]) for g in groups[n:]) <= count
        and (hint := _group_hint(name, option, value, words)) is not None
    ]
    # "quote several words: --search "djibo mayor"; --actor "ansar dine"": a kind once
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
    typo of Gao) or found nothing (``message`` None). None when no such word has a hint."""
    groups = _split_groups(command, args)
    takers = _takers(command, groups)
    said = []
    for n, (name, option, value, words) in enumerate(groups):
        if option is None or not words or (n, 0) not in takers:
            continue
        if message is not None and not any(_quotes(message, w) for w in words):
            continue
        if message is not None and "did you mean" in message:
            continue  # a near name for it (`place --type attack gaoo`): it went where meant
        hint = _group_hint(name, option, value, words)
        if hint is not None:
            read = "was" if len(words) == 1 else "were"
            said.append(
                f"{_quoted(' '.join(words))} {read} read as {takers[n, 0]}; if "
                f"{'it belongs' if len(words) == 1 else 'they belong'} to {name} {value}, {hint}"
            )
    return "; ".join(said) or None


def _takers(
    command: click.Command, groups: list[tuple[str, click.Option | None, str, list[str]]]
) -> dict[tuple[int, int], str]:
    """(group, word) -> the name (metavar) of the positional argument that took the word,
    in Click's order: each argument its number of words, one of any number (``nargs=-1``)
    what the arguments after it leave."""
    bare = [(n, i) for n, group in enumerate(groups) for i in range(len(group[3]))]
    positional = [p for p in command.params if isinstance(p, click.Argument)]
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
    import re

    spans = re.findall(r"'([^']*)'|\"([^\"]*)\"", message)
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", a or b) for a, b in spans)


def _split_groups(
    command: click.Command, args: list[str]
) -> list[tuple[str, click.Option | None, str, list[str]]]:
    """The command line as (option, its value, the bare words after it): a word after an
    option's value is one the shell split off it, or a positional argument. The first
    group (no option) holds the words before any option; ``--`` ends the options."""
    takes_value = {
        name: option
        for option in command.params
        if isinstance(option, click.Option) and not option.is_flag and not option.count
        for name in option.opts
    }
    groups: list[tuple[str, click.Option | None, str, list[str]]] = [("", None, "", [])]
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            groups.append(("--", None, "", list(args[i + 1 :])))
            break
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if not equals and word[:1] == "-" and word[:2] != "--" and word[:2] in takes_value:
            name, value, equals = word[:2], word[2:], "=" if len(word) > 2 else ""
        option = takes_value.get(name)
        if option is not None:
            if not equals:  # the value is the next word, whatever it looks like
                value = args[i + 1] if i + 1 < len(args) else ""
                i += 1
            groups.append((name, option, value, []))
        elif word.startswith("-") and len(word) > 1:  # a flag, or an option unknown here
            groups.append((word, None, "", []))
        else:
            groups[-1][3].append(word)
        i += 1
    return groups


def _group_hint(name: str, option: click.Option, value: str, extra: list[str]) -> str | None:
    """The hint for one option whose value the shell split (``_spelled_hint``). A short
    option's value is all the word holds after it, an ``=`` too (``-s=djibo`` searches
    "=djibo"): the hint gives the words without it and says what was read."""
    if name[:2] != "--" and value.startswith("="):
        hint = _spelled_hint(name, option, value[1:], extra)
        return (
            None
            if hint is None
            else f"{hint} ({name} took {_quoted(value)}: a short option takes the = too)"
        )
    return _spelled_hint(name, option, value, extra)


def _spelled_hint(name: str, option: click.Option, value: str, extra: list[str]) -> str | None:
    """Names and search words are quoted; a date only when the words make one; --fields
    takes commas; another repeatable option is given once per value. None otherwise."""
    from barkhane_cli.cli.options import COMMA_OPTIONS, DATE_OPTIONS, SPACED_OPTIONS

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
        return f"quote the date: {name} {_quoted(' '.join(words[: n + 1]))}" if n else None
    if not known & SPACED_OPTIONS:
        if option.multiple:
            return "give it once per value: " + " ".join(f"{name} {w}" for w in words)
        return None
    hint = f"quote several words: {name} {_quoted(' '.join(words))}"
    if option.multiple:  # --actor jnim wagner may mean two actors as well as one name
        hint += ", or give one per value: " + " ".join(f"{name} {shlex.quote(w)}" for w in words)
    return hint


def _quoted(text: str) -> str:
    # double quotes unless the shell would still read something inside them
    plain = not any(c in text for c in '"$`\\!')
    return f'"{text}"' if plain else shlex.quote(text)


def date_words(value: str, following: list[str]) -> int:
    """How many of the words after a date's first word belong to it: the most that, joined
    to it, read as one date (``1`` + ``June 2015``: 2), bare words only; 0 when none do."""
    from barkhane_cli.dates import parse_user_date

    bare = 0
    while bare < len(following) and not following[bare].startswith("-"):
        bare += 1
    for n in range(bare, 0, -1):
        try:
            parse_user_date(" ".join([value, *following[:n]]))
        except ValueError:
            continue
        return n
    return 0


def date_hint(command: click.Command, args: list[str]) -> str | None:
    """``quote the date: --since "June 2015"`` for the first date option whose value does
    not read as a date alone but does with the words after it; None when there is none."""
    from barkhane_cli.dates import parse_user_date

    for at, n in _option_dates(command, args):
        words = args[at].partition("=")[2] if args[at].startswith("--") else args[at]
        try:
            parse_user_date(words)
        except ValueError:
            name = args[at].partition("=")[0] if "=" in args[at] else args[at - 1]
            return (
                f"quote the date: {name} {_quoted(' '.join([words, *args[at + 1 : at + 1 + n]]))}"
            )
    return None


def _is_date(param: click.Parameter) -> bool:
    from barkhane_cli.cli.options import DATE_METAVAR, DATE_OPTIONS

    if isinstance(param, click.Argument):
        return param.metavar == DATE_METAVAR
    return bool(set(param.opts) & DATE_OPTIONS)


def _date_argument(command: click.Command, args: list[str]) -> tuple[int, int] | None:
    """For a command whose positional argument is a date (``on DATE``): where its first
    word is in ``args`` and how many words after it belong to it (``date_words``)."""
    positional = [p for p in command.params if isinstance(p, click.Argument)]
    if not positional or not _is_date(positional[-1]) or any(p.nargs != 1 for p in positional):
        return None
    skip = len(positional) - 1  # the bare words the arguments before it take
    values = {n for o in command.params if isinstance(o, click.Option) for n in o.opts}
    flags = {
        n
        for o in command.params
        if isinstance(o, click.Option) and (o.is_flag or o.count)
        for n in o.opts
    }
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            return None
        if word.startswith("-") and len(word) > 1:
            # an option's value is the next word, unless attached or the option a flag
            i += 1 if "=" in word or word in flags or word not in values else 2
            continue
        if skip == 0:
            return i, date_words(word, args[i + 1 :])
        skip -= 1
        i += 1
    return None


def dates_rejoined(command: click.Command, args: list[str], extra: list[str]) -> list[str] | None:
    """``args`` with each date given as several words joined into one (``on 1 June 2015``,
    ``--since 1 June 2015``, ``--until=Aug 2020``), as the shell would pass them quoted;
    None unless the words joined are as many as Click left over, so no word a positional
    argument took changes hands (``place --since 1 June 2015 gao`` gives Gao its NAME)."""
    out = list(args)
    date_arg = _date_argument(command, args)
    starts = dict(_option_dates(command, args))
    if date_arg is not None and date_arg[1]:
        starts[date_arg[0]] = date_arg[1]
    for at, n in sorted(starts.items(), reverse=True):
        out[at : at + n + 1] = [" ".join(out[at : at + n + 1])]
    return out if starts and sum(starts.values()) == len(extra) else None


def _option_dates(command: click.Command, args: list[str]) -> list[tuple[int, int]]:
    """(where, how many words after it belong to it) for each date option's value that
    more words make a date with (``--since 1 June 2015``; ``--until=Aug 2020``: the word
    with the option)."""
    takes_value = {
        name: option
        for option in command.params
        if isinstance(option, click.Option) and not option.is_flag and not option.count
        for name in option.opts
    }
    found = []
    i = 0
    while i < len(args) and args[i] != "--":
        name, equals, value = args[i].partition("=")
        option = takes_value.get(name) if args[i].startswith("--") else None
        at = i if equals else i + 1  # where the option's value is
        if option is not None and _is_date(option) and at < len(args):
            value = value if equals else args[at]
            if (n := date_words(value, args[at + 1 :])) > 0:
                found.append((at, n))
        i = at + 1 if option is not None else i + 1
    return found
