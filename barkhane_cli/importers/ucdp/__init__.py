"""UCDP's Georeferenced Event Dataset (GED) onto barkhane's data format.

Reads the yearly releases (49 columns), the monthly Candidate files (which add
``code_status``) and dumps of UCDP's API (a subset of the columns, ISO timestamps,
sometimes an unnamed row-number column). See docs/ucdp.md for how each field maps.
"""

from barkhane_cli.importers.ucdp.convert import convert, convert_tables
from barkhane_cli.importers.ucdp.layouts import Layout, detect

__all__ = ["Layout", "convert", "convert_tables", "detect"]
