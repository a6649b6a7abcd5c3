"""Converting an ACLED export (CSV, any layout ACLED has used since 2015) into a data file.

Each event becomes one ``[[events]]`` entry; its actors and place are mapped onto the
known dataset (the bundled timeline) where they match, and written as new ``acled-…``
entries otherwise. Bad rows are rejected with their line number and reason, and the import
goes on. Modules: ``layouts`` (which export a header is), ``dates``, ``actors`` (ACLED
names onto ours), ``places``, ``types`` (event types and roles), ``rows`` (one event),
``convert`` (reading the file, merging monadic rows, the report), ``problems``.
"""

from barkhane_cli.importers.acled.actors import strip_dates
from barkhane_cli.importers.acled.convert import convert, convert_tables
from barkhane_cli.importers.acled.dates import parse_date
from barkhane_cli.importers.acled.problems import ImportReport, grouped

__all__ = ["ImportReport", "convert", "convert_tables", "grouped", "parse_date", "strip_dates"]
