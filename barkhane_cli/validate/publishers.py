"""The checks validate runs on a source's publisher and via, one problem a field.

Three rules judge a publisher, each in its own module: where the page was read, which
goes in via (validate/copies.py: "UNHCR (via ReliefWeb)", "UNHCR (copy on Docslib)");
whom the outlet carries, named in its bracket, or cites, in note (validate/relays.py:
"Maliweb (from RFI)" is "Maliweb (RFI)"); and one name for each publisher and site
(validate/names.py: "AP" is "Associated Press"). The checks sit above the rules they
run, for the relay rule reads the copy rule (a form it writes must pass it): beside
either, they would import the other, which imports them back (PB2).
The rules' names other modules use (the ACLED importer, publisher_names) are importable
from here, as they were when this was one module.
"""

from __future__ import annotations

from barkhane_cli.tomlwrite import string
from barkhane_cli.validate.copies import described
from barkhane_cli.validate.copies import read_elsewhere as read_elsewhere
from barkhane_cli.validate.copies import split as split
from barkhane_cli.validate.names import ALIASES as ALIASES
from barkhane_cli.validate.names import NAMES_WITH_WORDS as NAMES_WITH_WORDS
from barkhane_cli.validate.names import another_name as another_name
from barkhane_cli.validate.names import canonical as canonical
from barkhane_cli.validate.names import misnamed as misnamed
from barkhane_cli.validate.relays import CARRYING_WORDS as CARRYING_WORDS
from barkhane_cli.validate.relays import CITING_WORDS as CITING_WORDS
from barkhane_cli.validate.relays import carried as carried
from barkhane_cli.validate.relays import relayed as relayed
from barkhane_cli.validate.relays import unworded as unworded
from barkhane_cli.validate.relays import worded as worded


# Each field's rules as validate applies them, one problem a field: a name refused for
# where the page was read is not told again that it is another name, since the advice
# already gives the record's (RR33: "AP (copy on Docslib)" had two lines at odds). A name
# with spaces around it is refused, as a kind or an id is (K48: "   AP   " passed the
# one-name rule and was a publisher apart from "Associated Press"): the rules judge it
# without them, so the one line's advice is the name to write either way.
def publisher_problem(publisher: str, url: str | None) -> str | None:
    """Why ``publisher`` is refused and what to write instead, or None."""
    name = publisher.strip()
    return (
        read_elsewhere(name)
        or worded(name)
        or misnamed(name, url)
        or _padded("publisher", publisher)
    )


def via_problem(via: str) -> str | None:
    """Why ``via`` is refused and what to write instead, or None."""
    name = via.strip()
    return described(name) or another_name(name) or _padded("via", via)


def _padded(field: str, name: str) -> str | None:
    kept = name.strip()
    return (
        None
        if kept == name
        else f"{string(name)} has spaces around it; write {field} = {string(kept)}"
    )
