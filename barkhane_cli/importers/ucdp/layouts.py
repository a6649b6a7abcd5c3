"""Which UCDP GED layout a header is, named as the user would name it.

The GED codebook's 49 columns (release 19.1 onwards, yearly releases and the monthly
Candidate files alike); API dumps carry a subset, sometimes behind an unnamed row-number
column. A Candidate file is told from a release by its name (``GEDEvent_v23_0_4``: a
``_0_`` month; ``GEDEvent_v26_01_26_06``: its first and last months) or by a
``code_status`` other than Clear in any row (see convert.py).
The columns barkhane needs are :data:`REQUIRED`; a file lacking any of them is refused
with every missing column named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from barkhane_cli.choices import listed
from barkhane_cli.errors import DataError
from barkhane_cli.importers import IMPORT
from barkhane_cli.text import plural

GED_COLUMNS = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
]
# The codebook's coded columns and the codes each may hold. A row with any other value is
# refused by reason, as a bad date is (U24: where_prec 8 made an area "Dioura" whose
# summary said "where_prec 8", and an empty one put a "near" row on the curated town). A
# required column must hold a code; an optional one (absent from API dumps) may be empty.
KINDS = {"1": "state-based", "2": "non-state", "3": "one-sided"}  # type_of_violence
CODES = {
    "type_of_violence": tuple(KINDS),
    "where_prec": ("1", "2", "3", "4", "5", "6", "7"),
    "date_prec": ("1", "2", "3", "4", "5"),
    "event_clarity": ("1", "2"),
}
REQUIRED = (
    "id", "type_of_violence", "side_a", "side_b", "where_prec", "latitude", "longitude",
    "country", "date_start", "date_end", "best",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    col: dict[str, int]
    width: int

    def describe(self) -> str:
        return self.name


def detect(header: list[str], where: str) -> Layout:
    """The layout of a GED header, or a DataError naming every missing column."""
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    col = {n: i for i, n in enumerate(names) if n}
    missing = [c for c in REQUIRED if c not in col]
    if missing:
        raise DataError(
            f"{where}: is not a UCDP GED file: no {', '.join(missing)} "
            f"{plural(len(missing), 'column')} (the GED codebook's names; is it an ACLED "
            f"export? use {IMPORT} acled)"
        )
    full = all(c in col for c in GED_COLUMNS if c != "code_status")
    name = "UCDP GED (codebook columns)" if full else "UCDP GED API dump"
    return Layout(name, col, len(header))


def codes_text(codes: tuple[str, ...]) -> str:
    """``1 to 7``, ``1, 2 or 3``, ``1 or 2``: the codes a column may hold, as a reason says
    (a short list as choices.listed words every vocabulary)."""
    if len(codes) > 3:
        return f"{codes[0]} to {codes[-1]}"
    return listed(codes)


def candidate_name(stem: str) -> bool:
    """``GEDEvent_v23_0_4``: UCDP names its monthly Candidate files with a ``_0_`` month,
    and the files of several months with their first and last (``GEDEvent_v26_01_26_06``,
    January to June 2026: K65, a real one read as a yearly release)."""
    return re.search(r"v\d+_(0_\d+|\d\d_\d\d_\d\d)\b", stem, re.IGNORECASE) is not None
