"""validate gives an entry without an id the line of its own ``[[events]]``: U50's
`validate other-broken.toml` said "other-broken.toml:1: events id: entry 2 has no text
id" for an empty ``[[events]]`` on line 18, to be counted by hand in a long file."""

from __future__ import annotations

from pathlib import Path

from conftest import Run

_GOOD = """\
[[events]]
id = "first"
date = "2021-02-03"
title = "A raid"
summary = "Gunmen raid a village."
type = "attack"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


def _problems(run: Run, path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 4, result.stdout
    return result.stdout.splitlines()


def test_an_entry_without_an_id_is_at_its_header(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    # the second entry's header on line 11 (after a blank line and a comment), the
    # third's with an id that is no text on line 14, its id on line 15
    text = _GOOD + "\n# to be written\n[[events]]\ntitle = 'Later'\n\n[[events]]\nid = 5\n"
    problems = _problems(run, path, text)
    assert f"{path}:11: events id: entry 2 has no text id" in problems, problems
    assert f"{path}:15: events id: entry 3 has no text id" in problems, problems


def test_a_sources_entry_counts_in_its_own_table(run: Run, tmp_path: Path) -> None:
    """The position is the entry's in its table, not in the file: an event between two
    sources does not shift the second source's line."""
    path = tmp_path / "mixed.toml"
    source = (
        '[[sources]]\nid = "src-one"\ntitle = "T"\npublisher = "P"\nurl = "https://example.org/a"\n'
    )
    text = source + "\n" + _GOOD + "\n[[sources]]\ntitle = 'no id'\n"
    problems = _problems(run, path, text)
    line = len((source + "\n" + _GOOD + "\n").splitlines()) + 1
    assert f"{path}:{line}: sources id: entry 2 has no text id" in problems, problems


def test_entries_written_inline_are_not_guessed_past_their_table(run: Run, tmp_path: Path) -> None:
    """Entries as inline tables are found by their id alone: one without an id has no
    line to count, and none past the table's first entry is made up."""
    path = tmp_path / "inline.toml"
    text = 'events = [\n  { id = "a", title = "x" },\n  { title = "y" },\n]\n'
    problems = _problems(run, path, text)
    said = [p for p in problems if "entry 2 has no text id" in p]
    assert said and all(p.startswith((f"{path}:2:", f"{path}: ")) for p in said), problems
