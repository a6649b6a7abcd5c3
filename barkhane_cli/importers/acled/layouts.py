"""Which ACLED layout a header row is, and where each column we read sits in it.

ACLED has changed its export columns several times, and people keep files of every
vintage (seen in public repositories):

- ``current``: the 2023- export (31 columns, ``disorder_type``, ``civilian_targeting``,
  ``tags``; since 2024 ``inter1``/``inter2`` are words such as "State forces").
- ``2019-2022``: ``data_id``, ``iso``, ``event_id_no_cnty``, ``region``, ``source_scale``,
  ``timestamp``, ``iso3`` (dashboard and API exports of 2019-2022).
- ``2016 API``: ``ally_actor_1``/``ally_actor_2`` for the associated actors, ``gwno``, no
  ``sub_event_type``; columns in alphabetical order and, when written by pandas, a leading
  unnamed index column.
- ``2015 upper-case``: ``GWNO``, ``EVENT_ID_CNTY``, ``ALLY_ACTOR_1``, ... and no
  ``sub_event_type``.

Each comes *dyadic* (one row per event, ``actor1`` and ``actor2``) or *monadic* (one row
per actor, no ``actor2``/``assoc_actor_2``/``inter2``: the rows of one event share its
``event_id_cnty``, the first being ACLED's actor 1). Headers are matched case-blind and
ignoring surrounding spaces and a byte-order mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from barkhane_cli.errors import DataError
from barkhane_cli.importers import IMPORT

# What every layout has and the conversion reads.
CORE = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "actor1", "assoc_actor_1",
    "inter1", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip
# The second actor of a dyadic export; a monadic export has none of these.
DYADIC = ("actor2", "assoc_actor_2", "inter2")
# Read when present.
OPTIONAL = ("sub_event_type", "admin3", "tags", "timestamp", "year")
# Older names of the same columns.
RENAMED = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}
# Columns that tell the vintages apart.
_MARKS_2019 = ("data_id", "iso3", "event_id_no_cnty")
_MARKS_CURRENT = ("disorder_type", "civilian_targeting")


class NotAnExport(DataError):
    """A header with neither of ACLED's key columns (event_id_cnty, event_date) nor
    UCDP's: the file is some other CSV. ``--data`` accepts UCDP GED files too, so it says
    so in its own words (store.exports); ``import acled`` says what ACLED's lacks."""


@dataclass(frozen=True, slots=True)
class Layout:
    name: str  # "current", "2019-2022", "2016 API", "2015 upper-case"
    monadic: bool
    col: dict[str, int]  # our column name -> index in a row
    width: int  # fields in a row of the file
    index_column: bool  # a leading unnamed column (a pandas index)

    def describe(self) -> str:
        """``ACLED 2016 API export, dyadic, with a leading index column``."""
        parts = [f"ACLED {self.name} export", "monadic" if self.monadic else "dyadic"]
        if self.index_column:
            parts.append("with a leading index column")
        return ", ".join(parts)


def detect(header: list[str], where: str) -> Layout:
    """The layout of a header row, or a DataError naming every column that is missing."""
    names = [h.strip().lstrip("\ufeff").strip().lower() for h in header]
    col: dict[str, int] = {}
    for i, name in enumerate(names):
        col.setdefault(RENAMED.get(name, name), i)
    index_column = bool(names) and names[0] in ("", "unnamed: 0") and len(names) > 1
    monadic = not any(c in col for c in DYADIC)
    wanted = CORE if monadic else CORE + DYADIC
    missing = [c for c in wanted if c not in col]
    if missing:
        listed = ", ".join(missing)
        noun = "column" if len(missing) == 1 else f"{len(missing)} columns"
        if "event_id_cnty" in missing and "event_date" in missing:
            if "type_of_violence" in col and "side_a" in col:
                raise DataError(
                    f"{where}: is a UCDP GED file, not an ACLED export: use {IMPORT} ucdp"
                )
            raise NotAnExport(f"{where}: is not an ACLED export: it lacks the {noun} {listed}")
        raise DataError(
            f"{where}: lacks the {noun} {listed} of an ACLED export; export again with all columns"
        )
    if all(h.strip() == h.strip().upper() for h in header if h.strip()):
        name = "2015 upper-case"
    elif "gwno" in col or "ally_actor_1" in names:
        name = "2016 API"
    elif any(c in col for c in _MARKS_CURRENT) and "data_id" not in col:
        name = "current"
    elif any(c in col for c in _MARKS_2019):
        name = "2019-2022"
    else:
        name = "current"
    return Layout(name, monadic, col, len(header), index_column)
