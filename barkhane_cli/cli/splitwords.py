"""The hint for words the shell split off an option's value (``timeline --search djibo
mayor``): Click calls them unexpected extra arguments; the error line (lazy.py) adds how
to give them. Only an error's path imports this."""

from __future__ import annotations

import shlex

import click


def quote_hint(command: click.Command, args: list[str], extra: str) -> str | None:
    """For words left over after an option's value (``--search djibo mayor``): how to give
    them, since the shell split them (U11 met Click's bare "unexpected extra argument").
    Each option's leftovers get their hint (``--search djibo mayor --actor ansar dine``
    has two), the value given apart or attached (``--search=djibo``, ``-sdjibo``). None
    when no group of leftovers has one. ``extra`` is the error's list of the extra
    words, as Click joins them with spaces (its runs of spaces made one)."""
    groups = _split_groups(command, args)
    leftovers = [w for *_, words in groups for w in words]
    # Click's extras are the leftovers its positional arguments did not take: the last ones.
    # Counted by their text, as a word may hold a space (--search djibo "town hall"):
    # split at spaces, the two extras "town" "hall" matched no leftovers and got no hint.
    count = next(
        (
            n
            for n in range(1, len(leftovers) + 1)
            if " ".join(" ".join(leftovers[-n:]).split()) == extra
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
    """The hint for one option whose value the shell split: names and search words are
    quoted; a date only when the words make one; --fields takes commas; another
    repeatable option is given once per value. None otherwise."""
    from barkhane_cli.cli.options import COMMA_OPTIONS, DATE_OPTIONS, SPACED_OPTIONS
    from barkhane_cli.dates import parse_user_date

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
        try:
            parse_user_date(" ".join(words))
        except ValueError:
            return None
    elif not known & SPACED_OPTIONS:
        if option.multiple:
            return "give it once per value: " + " ".join(f"{name} {w}" for w in words)
        return None
    joined = " ".join(words)
    # double quotes unless the shell would still read something inside them
    plain = not any(c in joined for c in '"$`\\!')
    hint = f"quote several words: {name} " + (f'"{joined}"' if plain else shlex.quote(joined))
    if option.multiple:  # --actor jnim wagner may mean two actors as well as one name
        hint += ", or give one per value: " + " ".join(f"{name} {shlex.quote(w)}" for w in words)
    return hint
