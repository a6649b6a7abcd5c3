"""The one registry of output formats: which --format values each kind of view prints.

The renderers dispatch on these names and the command line's --format help lists them
from here, so a format is added in one place and appears on every view that takes it.
"""

from __future__ import annotations

from barkhane_cli.choices import choose, kebab, listed
from barkhane_cli.errors import UsageError

# Records (events, actors, places, facts, sources) in every format.
FORMATS = ("table", "plain", "tsv", "csv", "json", "jsonl", "md", "ics", "timelinejs", "geojson")
EVENT_ONLY = ("ics", "timelinejs")  # calendars and timelines need events
RECORD_FORMATS = tuple(f for f in FORMATS if f not in EVENT_ONLY)
# Lists of things with no point (actors, facts, sources, search hits, types, tags).
LIST_FORMATS = tuple(f for f in RECORD_FORMATS if f != "geojson")
# Briefing views are pictures or data; chart, eras and judgments also give their numbers.
PICTURE_FORMATS = ("table", "plain", "json", "jsonl")
TABLE_FORMATS = ("csv", "tsv", "md")
# compare and gaps: a picture, or their rows for jq, a spreadsheet or pandas.
MATCH_FORMATS = PICTURE_FORMATS + TABLE_FORMATS
# The situation on a day (barkhane on).
SITUATION_FORMATS = ("table", "plain", "json", "jsonl", "geojson")
# Bibliographies (cite, source, sources).
CITATION_FORMATS = ("text", "bibtex", "csl-json", "ris")
# validate's problem lists: FILE:LINE: lines, or JSON for CI.
VALIDATE_FORMATS = ("text", "json")
# Every format some view prints: one of these that a view does not print is "not for" it.
KNOWN = tuple(
    dict.fromkeys(
        FORMATS + PICTURE_FORMATS + TABLE_FORMATS + SITUATION_FORMATS + CITATION_FORMATS
        + VALIDATE_FORMATS
    )
)  # fmt: skip


def check(value: str, accepted: tuple[str, ...], what: str) -> str:
    """The one rule for every --format: a format ``what`` prints (any case); a known
    format it does not print, "--format csv is not for summary; give table, plain, json
    or jsonl"; any other word, choose's "unknown format" with a "did you mean"."""
    key = kebab(value)
    if key in accepted:
        return key
    if key in KNOWN:
        raise UsageError(f"--format {key} is not for {what}; give {listed(accepted)}")
    return choose(value, accepted, "format")
