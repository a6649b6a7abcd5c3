"""Turning raw TOML tables into checked records, collecting every problem on the way.

Each problem names the file, the table and entry id, the field, the bad value and what
was expected, so that ``barkhane validate`` can list them all and loading can show the
first one in a single sentence. ``reader`` reads one entry field by field, ``builders``
make each table's records, ``checks`` look across entries and files, ``suggest``
says which known id an unknown one is close to.
"""

from barkhane_cli.validate.builders import BUILDERS, build_entry
from barkhane_cli.validate.checks import (
    check_references,
    core_event_warnings,
    escapes_folder,
    read_source_files,
    source_file,
)
from barkhane_cli.validate.reader import ID_RE, TABLES, EntryReader, Problem
from barkhane_cli.validate.suggest import Suggestions

__all__ = [
    "BUILDERS",
    "ID_RE",
    "TABLES",
    "EntryReader",
    "Problem",
    "Suggestions",
    "build_entry",
    "check_references",
    "core_event_warnings",
    "escapes_folder",
    "read_source_files",
    "source_file",
]
