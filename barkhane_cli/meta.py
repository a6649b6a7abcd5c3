"""What the bundled record is, read once from its ``data/meta.toml``: the window it
covers, the forces that make up "French forces", and the data's version.

These are facts about the data, so they live with the data and the code reads them
here (a tiny file, read on first use). They are the bundled layer's: a user's --data
overlay adds entries, it does not move the record's end.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from barkhane_cli import toml
from barkhane_cli.dates import PartialDate, parse_iso

PACKAGE = Path(__file__).resolve().parent
# Where the curated data can be: inside the package when installed, ``data/`` beside it
# in a checkout. bundled_folder picks the one that holds it; store.files.layer_roots
# trusts either as the data shipped with barkhane.
SHIPPED_FOLDERS = (PACKAGE / "data", PACKAGE.parent / "data")


def bundled_folder() -> Path:
    """The curated data folder: inside the package when installed, ``data/`` in a checkout."""
    packaged, checkout = SHIPPED_FOLDERS
    if (packaged / "meta.toml").is_file():
        return packaged
    return checkout


@dataclass(frozen=True, slots=True)
class Meta:
    version: str
    record_start: PartialDate
    record_end: PartialDate
    french_forces: frozenset[str]


@functools.cache
def meta() -> Meta:
    with open(bundled_folder() / "meta.toml", "rb") as fh:
        table = toml.load(fh)["meta"]
    return Meta(
        version=str(table["version"]),
        record_start=parse_iso(str(table["record_start"])),
        record_end=parse_iso(str(table["record_end"])),
        french_forces=frozenset(str(a) for a in table["french_forces"]),
    )


_META = meta()
RECORD_START = _META.record_start
RECORD_END = _META.record_end  # the last day of the record: later is the aftermath
FRENCH_FORCES = _META.french_forces
DATA_VERSION = _META.version


def outside_record(first: int, last: int) -> Literal["before", "after"] | None:
    """Where a day or window (ordinals ``first`` to ``last``) lies wholly outside the
    record, None when it meets it: the one rule behind the note on it (record_note) and
    what a view leaves undrawn (briefing.shows_nothing)."""
    if last < RECORD_START.first_ordinal():
        return "before"
    if first > RECORD_END.last_ordinal():
        return "after"
    return None


def record_note(first: int, last: int, shown: str, after: str) -> str | None:
    """What `on` and `summary` say of a day or window (ordinals ``first`` to ``last``,
    written ``shown``) wholly outside the record, None when it meets it: one rule for
    both (U27: `summary --year 1850` showed 0 events and the judgments with no word
    that 1850 is outside the record). ``after``: what the command shows after the
    record's end (the aftermath, or how to ask for it)."""
    side = outside_record(first, last)
    if side == "before":
        return (
            f"{shown} is before the record, which starts in {RECORD_START.year}: "
            "nothing to show but what began earlier"
        )
    if side == "after":
        return f"{shown} is after the record, which ends on {RECORD_END.iso()}: {after}"
    return None
