"""Options with a fixed set of values: what the user typed, matched the forgiving way.

Case does not matter, and ``_``, spaces and ``-`` are one separator, so ``Attack``,
``leader_killed`` and ``did-not-happen`` (for "did not happen") all work; a typo gets a
"did you mean" and the whole list. Every fixed-value option goes through :func:`choose`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping

from barkhane_cli.atomic import typed
from barkhane_cli.errors import UsageError
from barkhane_cli.text import plural as plural_of


def kebab(text: str) -> str:
    """The one spelling of a choice: separators one hyphen, a leading minus kept, as it
    is --sort's order (-deaths), no separator."""
    minus = "-" if text.strip().startswith("-") else ""
    return minus + "-".join(text.strip().casefold().replace("_", " ").replace("-", " ").split())


def listed(values: tuple[str, ...] | list[str]) -> str:
    """A vocabulary for a message or a help text, from the tuple the code checks against:
    a, b or c. A value with a space is quoted, as it is typed."""
    shown = [f"'{v}'" if " " in v else v for v in values]
    return f"{', '.join(shown[:-1])} or {shown[-1]}" if len(shown) > 1 else "".join(shown)


def list_hint(value: str, known: Callable[[str], bool]) -> str:
    """What to say when ``value`` is a comma-separated list of known values
    (``--type politics,coup``): options take one value each and are repeated, and a
    user who typed a list meant every item of it. Empty when it is not such a list."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) < 2 or not all(parts) or not all(known(p) for p in parts):
        return ""
    named = ", ".join(repr(p) for p in parts[:-1]) + f" and {parts[-1]!r}"
    return f"; {named} are each known: give one value at a time (an option can be repeated)"


def choose(
    value: str,
    choices: Iterable[str],
    what: str,
    plural: str | None = None,
    context: str = "",
    several: bool = False,
    synonyms: Mapping[str, Iterable[str]] | None = None,
) -> str:
    """The choice ``value`` names, or a UsageError that lists them ("unknown field
    'titel' for events; did you mean 'title'? fields are: ..."). ``several``: the option
    can be repeated, so a comma-separated list of choices gets list_hint's advice.
    ``synonyms``: what a user may call a choice (``deaths`` for ``fatalities``), each
    with the choices it may mean, first present first; suggested before a spelling
    that is merely close ("deaths" is nearer "date" by letters)."""
    options = list(choices)
    table = {kebab(c): c for c in options}
    key = kebab(value)
    if key in table:
        return table[key]
    said = typed(value)  # a byte that is not UTF-8 as typed ('\xff'), as names show it
    listed = list_hint(value, lambda part: kebab(part) in table) if several else ""
    if listed:
        raise UsageError(f"unknown {what} {said}{context}{listed}")
    meant = [kebab(c) for c in (synonyms or {}).get(key, ())]
    close = [c for c in meant if c in table][:1]
    # a start one choice alone has: `cite -f csl` got no "did you mean 'csl-json'", its
    # letters too few beside the rest for difflib, where `-f bib` got bibtex (U31)
    starts = [c for c in table if key and c.startswith(key)]
    if not close and len(starts) == 1:
        close = starts
    close = close or difflib.get_close_matches(key, list(table), n=1, cutoff=0.6)
    hint = f"did you mean {table[close[0]]!r}? " if close else ""
    many = plural or plural_of(2, what)
    raise UsageError(f"unknown {what} {said}{context}; {hint}{many} are: {', '.join(options)}")
