"""A user's event that is likely the record's own, told by validate (U37: a --data event
for the Solhan massacre loaded beside the record's, and nothing said so).

Likely means one of two things: the same type (or a kin one: an attack, a battle and a
massacre are one incident as sources code it) at a shared place on overlapping dates,
or a near-identical title (accents, case and punctuation aside, or a ratio of at least
TITLE_RATIO) in the same year. Only a user's events (Event.yours) are checked, each
against the record's: every lookup is by an index, so a file of thousands of events
costs a pass, never a comparison with each of the record's events. A dataset's records
(an ACLED or UCDP import, m.DATASETS) are left out: that they report the record's
incidents is what `compare` pairs, not a mistake.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

from barkhane_cli import model as m
from barkhane_cli.resolve import normalize
from barkhane_cli.validate.reader import SINGULAR, Problem

TITLE_RATIO = 0.9  # "Solhan massacre in Burkina Faso" / "... in Burkina-Faso": alike


def _overlap(a: m.Event, b: m.Event) -> bool:
    return a.first <= b.last and b.first <= a.last


def _same_incident(mine: m.Event, index: dict[tuple[str, str], list[m.Event]]) -> m.Event | None:
    # a kin type is the same type here: the Solhan massacre is an attack to some sources
    # (m.kin_types), and a user's attack at Solhan that night went unsaid (RV36)
    types = (mine.type, *sorted(m.kin_types(frozenset({mine.type}))))
    for place in mine.places:
        for kind in types:
            for ours in index.get((kind, place), ()):
                if _overlap(mine, ours):
                    return ours
    return None


def _alike_title(mine: m.Event, by_year: dict[int, list[tuple[str, m.Event]]]) -> m.Event | None:
    folded = normalize(mine.title)
    matcher = difflib.SequenceMatcher(None, folded, autojunk=False)
    for title, ours in by_year.get(mine.date.year, ()):
        if title == folded:
            return ours
        matcher.set_seq1(title)
        # the cheap bounds first: most titles of a year are nothing alike
        if (
            matcher.real_quick_ratio() >= TITLE_RATIO
            and matcher.quick_ratio() >= TITLE_RATIO
            and matcher.ratio() >= TITLE_RATIO
        ):
            return ours
    return None


def duplicate_warnings(tables: Iterable[tuple[str, Sequence[m.Event]]]) -> list[Problem]:
    """A warning on each of the user's events (``tables``: (table, events)) that is likely
    one of the record's, naming it; none when either side has no events."""
    every = [(table, e) for table, events in tables for e in events]
    record = [e for _, e in every if not e.yours]
    if not record or len(record) == len(every):
        return []
    index: dict[tuple[str, str], list[m.Event]] = {}
    by_year: dict[int, list[tuple[str, m.Event]]] = {}
    for e in record:
        for place in e.places:
            index.setdefault((e.type, place), []).append(e)
        by_year.setdefault(e.date.year, []).append((normalize(e.title), e))
    out = []
    imported = tuple(m.DATASETS)
    for table, mine in every:
        if not mine.yours or mine.id.startswith(imported):
            continue
        ours = _same_incident(mine, index)
        why = "the same type at the same place and date"
        if ours is not None and ours.type != mine.type:
            why = f"a kin type ({ours.type}) at the same place and date"
        if ours is None:
            ours = _alike_title(mine, by_year)
            why = "a near-identical title"
        if ours is not None:
            message = (
                f"may be the record's event {ours.id!r} ({ours.date.iso()}, "
                f"{ours.title!r}): {why}; if it is the same incident, give it the id "
                f"{ours.id!r} to replace it, or leave it out"
            )
            out.append(Problem(mine.origin, table, mine.id, "id", message, warning=True))
    return out


LAYERED_NAMED = 3  # the ids a line of layered_twice_said names before "and N more"


def layered_twice_said(yours: Mapping[tuple[str, str, str], str]) -> list[str]:
    """What a run says on stderr of each id two of the user's files hold: ``yours`` maps
    (table, id, replacing file) to the user's file of the replaced entry. The later layer
    wins (README: a later --data file's entry replaces the one of its id under it); U61
    #9 layered two files sharing ids and the second won with nothing said). One line
    for each pair of files, naming the first ids (a file copied whole shares hundreds)."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for (table, ident, file), earlier in yours.items():
        pairs.setdefault((file, earlier), []).append(f"{SINGULAR.get(table, table)} {ident!r}")
    lines = []
    for (file, earlier), ids in pairs.items():
        named = ", ".join(ids[:LAYERED_NAMED])
        if len(ids) > LAYERED_NAMED:
            named += f" and {len(ids) - LAYERED_NAMED} more"
        are = "is" if len(ids) == 1 else "are"
        lines.append(
            f"{file}: {named} also in {earlier}: {file}'s {are} used (the later --data file wins)"
        )
    return lines


def replacement_warnings(
    replaced: Iterable[tuple[str, str, str]], yours: Mapping[tuple[str, str, str], str]
) -> list[Problem]:
    """A warning on each entry of a user's file that replaces one of the data under it
    (m.Dataset.replaced): U41's file reusing the id moura-massacre with 1,000 dead took
    the curated event's place, and validate said "ok" with no warning (a line on stderr
    that counted as none). Meant when it corrects the record; a slip when it is a new
    incident, which wants an id of its own. ``yours``: (table, id, replacing file) -> the
    user's file the replaced entry came from, named in place of "the record's" (U45: an id of
    good.toml alone, reused by reuse.toml, was said to be the record's)."""
    out = []
    for table, ident, file in replaced:
        what = f"{SINGULAR.get(table, table)} {ident!r}"
        earlier = yours.get((table, ident, file))
        said = f"{m.REPLACES} {what}" if earlier is None else f"replaces the {what} of {earlier}"
        message = f"{said}, shown in its place; if it is another, give it an id of its own"
        out.append(Problem(file, table, ident, "id", message, warning=True))
    return out
