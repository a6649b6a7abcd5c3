"""What the bundled record is, read once from its ``data/meta.toml``: the window it
covers, the forces that make up "French forces", and the data's version.

These are facts about the data, so they live with the data and the code reads them
here (a tiny file, read on first use). They are the bundled layer's: a user's --data
overlay adds entries, it does not move the record's end.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from barkhane_cli.dates import PartialDate, parse_iso

PACKAGE = Path(__file__).resolve().parent


def bundled_folder() -> Path:
    """The curated data folder: inside the package when installed, ``data/`` in a checkout."""
    packaged = PACKAGE / "data"
    if (packaged / "meta.toml").is_file():
        return packaged
    return PACKAGE.parent / "data"


@dataclass(frozen=True, slots=True)
class Meta:
    version: str
    record_start: PartialDate
    record_end: PartialDate
    french_forces: frozenset[str]


@functools.cache
def meta() -> Meta:
    with open(bundled_folder() / "meta.toml", "rb") as fh:
        table = tomllib.load(fh)["meta"]
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
