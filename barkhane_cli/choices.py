"""Options with a fixed set of values: what the user typed, matched the forgiving way.

Case does not matter, and ``_``, spaces and ``-`` are one separator, so ``Attack``,
``leader_killed`` and ``did-not-happen`` (for "did not happen") all work; a typo gets a
"did you mean" and the whole list. Every fixed-value option goes through :func:`choose`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from barkhane_cli.errors import UsageError


def kebab(text: str) -> str:
    return "-".join(text.strip().casefold().replace("_", " ").replace("-", " ").split())


def choose(
    value: str, choices: Iterable[str], what: str, plural: str | None = None, context: str = ""
) -> str:
    """The choice ``value`` names, or a UsageError that lists them ("unknown field
    'titel' for events; did you mean 'title'? fields are: ...")."""
    options = list(choices)
    table = {kebab(c): c for c in options}
    key = kebab(value)
    if key in table:
        return table[key]
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.6)
    hint = f"did you mean {table[close[0]]!r}? " if close else ""
    many = plural or f"{what}s"
    raise UsageError(f"unknown {what} {value!r}{context}; {hint}{many} are: {', '.join(options)}")
