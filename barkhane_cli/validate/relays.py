"""The relay bracket: whom an outlet carries is named in its bracket, never in words, and
whom its article cites goes in note (PB, PB2).

An outlet running another's text names it bare in its bracket, "Maliweb (RFI)", several
joined by "/" in the chain's order, "Dakarposte (Sahara Medias/AFP)"; a qualifier of the
outlet itself in its own bracket before them, as the record writes "20 Minutes
(Switzerland) (AFP)": "Press TV (French) (AFP)", "Isioma Daniel (blog) (AFP)". An
outlet's own article citing another is the outlet's alone, whom it cites the note's,
"Citing Reuters" at its head. Said in words, "Maliweb (from RFI)", "225.ci (AIP, after
AFP)", citation managers file and `sources` counts them apart: worded says why and what
to write, unworded computes the form (validate's advice, and an import's writing of a
name it cannot mend). Whose text an outlet written so carries is read back from its
bracket here too (carried): validate's advice and `sources --publisher X --carried` read
the bracket by one rule.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from barkhane_cli.tomlwrite import string
from barkhane_cli.validate.copies import read_elsewhere
from barkhane_cli.validate.names import bracketed, canonical, describes, masked, spelled

# The words by which a publisher says whom its outlet carries or cites, or where the page
# was read, wherever they sit: "Maliweb (from RFI)" (PB: 101 records), "225.ci (AIP, after
# AFP)", "Press TV (French), after AFP", "Le Monde with AFP and Reuters", "Bibblers (blog,
# relaying AFP and Reuters)", "Mardi hongrois (blog quoting ADIAC)" (PB2: 48 more). Whole
# words in lower case: "La Via Campesina" is a name; names holding one are declared
# (validate/names.py's NAMES_WITH_WORDS). Where the page was read: validate/copies.py.
CARRYING_WORDS = ("from", "after", "with", "relaying")
CITING_WORDS = ("citing", "quoting")
_WORDED = re.compile(rf"\b({'|'.join((*CARRYING_WORDS, *CITING_WORDS))})\b")

# the names a worded form lists, as the record wrote them: "France 24, AFP and RFI"; and
# an outlet's bracket, "(AFP, Reuters)", "(Daily Nation, Kenya; AFP)"
_LISTED = re.compile(r"\s*(?:,|/|;| and | with )\s*")
# An outlet's last bracket, whose text it carries unless it describes the outlet
# (names.describes: "Press TV (French)", "20 Minutes (Switzerland)"); after a
# qualifier's own bracket it is always the text's ("20 Minutes (Switzerland) (AFP)")
_LAST_BRACKET = re.compile(r"^(.*?\S)\s*\(([^()]+)\)$")
_TWO_BRACKETS = re.compile(r"\)\s*\([^()]+\)$")
# a bracket describing the text's writer rather than naming one: "(from another outlet)"
_UNNAMED = re.compile(r"^(?:a|an|another|some)\s")
_CARRIES = "says in words whose text the outlet carries"
_CITES = "names whom the outlet's article cites, which goes in note"
_CITING = "Citing"  # how the note names them, heading it: "Citing Reuters"


class _Form(NamedTuple):
    """The format's form of a worded publisher: the publisher, what heads the note (None
    for nothing), and the publisher where the bracket's first name, a comma before the
    words, qualifies the outlet rather than carrying the text ("225.ci (AIP) (AFP)" to
    "225.ci (AIP/AFP)"; None where that is not in doubt), with that name. ``cites``: the
    words were a citing word's, so the note names whom the article cites. Declared when
    the form is made rather than read back from the note's opening word ("Citing"): the
    note is text for a reader, and a carrying form's note, a description of the writer
    ("another outlet"), is free text too."""

    publisher: str
    note: str | None
    otherwise: str | None = None
    first: str = ""
    cites: bool = False


def relayed(publisher: str) -> tuple[str, str] | None:
    """The outlet ``publisher`` names and the bracket naming whose text it carries,
    "Dakarposte (Sahara Medias/AFP)": ("Dakarposte", "Sahara Medias/AFP"); a qualifier's
    bracket stays with the outlet, "20 Minutes (Switzerland) (AFP)": ("20 Minutes
    (Switzerland)", "AFP"). None where it carries none: no bracket, or one describing the
    outlet ("Press TV (French)")."""
    found = _LAST_BRACKET.match(publisher)
    if found is None:
        return None
    outlet, bracket = found.groups()
    if _TWO_BRACKETS.search(publisher) or not describes(bracket, outlet):
        return outlet, bracket
    return None


def carried(publisher: str) -> tuple[str, ...]:
    """The publishers whose text the outlet ``publisher`` carries, by the names the
    record gives them as publishers, in its bracket's order: "Yahoo News (AP)" carries
    Associated Press's, "Press Review 24 (RFI/AFP)" RFI's and AFP's; none for a name
    without such a bracket. What a name's lower-case words after it say of the text is
    no name: "(AFP live)", "(AFP text)" are AFP's."""
    found = relayed(publisher)
    if found is None:
        return ()
    names = []
    for listed in _LISTED.split(found[1]):
        words = listed.split()
        while len(words) > 1 and words[-1].islower():
            words.pop()
        if words:
            names.append(canonical(" ".join(words)))
    return tuple(names)


def _passes(publisher: str) -> bool:
    return read_elsewhere(publisher) is None and _WORDED.search(masked(publisher)) is None


def _form(publisher: str) -> _Form | None:
    """The format's form of ``publisher`` saying in words whom its outlet carries or
    cites, or None where it has none that passes: "Outlet (word names)", "Outlet (first,
    word names)", "Outlet (qualifier), word names", "Outlet word names"."""
    found = _WORDED.search(masked(publisher))
    if found is None:
        return None
    left, word, names = publisher[: found.start()], found.group(1), publisher[found.end() :]
    opened = left.rfind("(")
    if opened > left.rfind(")"):  # the words inside the last bracket, which ends the name
        outlet, first = left[:opened].strip(), left[opened + 1 :].strip(" ,")
        names = names.removesuffix(")") if names.endswith(")") else "("
    else:
        outlet, first = left.strip(" ,"), ""
    names = names.strip()
    # a list it cannot read ("... and UN OCHA Mali; public repository ...") has no advice
    if not outlet or not names or any(c in names + first for c in "();"):
        return None
    # "(AIP, after AFP)": a comma leaves the first name's part in doubt; "(Le Figaro with
    # AFP)", "(blog quoting ADIAC)": the words say what the first name's text did
    form = _unworded_form(outlet, first, word, names, in_doubt=left.rstrip().endswith(","))
    if not _passes(form.publisher):
        return None
    if form.otherwise is not None and not _passes(form.otherwise):
        return form._replace(otherwise=None)
    return form


def _unworded_form(outlet: str, first: str, word: str, names: str, in_doubt: bool) -> _Form:
    head = canonical(f"{outlet} ({first})" if first else outlet)
    if word in CITING_WORDS:
        return _Form(head, f"{_CITING} {names}", cites=True)
    if _UNNAMED.match(names):
        return _Form(head, names)
    listed = "/".join(bracketed(name) for name in _LISTED.split(names))
    # the first name carried as a bracket of its own would be: else it is the outlet's
    if not first or not carried(f"{outlet} ({first})"):
        return _Form(f"{head} ({listed})", None)
    chain = f"{spelled(outlet)} ({'/'.join(map(bracketed, _LISTED.split(first)))}/{listed})"
    return _Form(chain, None, f"{head} ({listed})" if in_doubt else None, first)


def unworded(publisher: str) -> tuple[str, str | None] | None:
    """The format's form of a ``publisher`` saying in words whom its outlet carries or
    cites: the publisher, and what goes at the head of note (None for nothing); None when
    none is computed. Validate's advice and an import's writing of a name it cannot mend
    (ACLED's source field) both take it from here."""
    form = _form(publisher)
    return None if form is None else (form.publisher, form.note)


def worded(publisher: str) -> str | None:
    """Why ``publisher`` says in words whose text its outlet carries or cites, and what to
    write instead; None when it says neither."""
    found = _WORDED.search(masked(publisher))
    if found is None:
        return None
    form = _form(publisher)
    if form is None and found.group(1) in CITING_WORDS:
        return (
            f'{_CITES}; write the outlet alone as publisher and "{_CITING} ..." at the head of note'
        )
    if form is None:
        return f'{_CARRIES}; write whom it carries in the outlet\'s bracket, "Maliweb (RFI)"'
    written = string(form.publisher)
    if form.note is None and form.otherwise is not None:
        return (
            f"{_CARRIES}; write publisher = {written}, or {string(form.otherwise)} if "
            f"{form.first} describes the outlet"
        )
    if form.note is None:
        return f"{_CARRIES}; write publisher = {written}"
    if form.cites:
        return f'{_CITES}; write publisher = {written} and "{form.note}" at the head of note'
    return f"{_CARRIES}; write publisher = {written} and {string(form.note)} in note"
