"""The commands a view prints to run next carry the run's --data files (U33): `on DATE
--data FILE` pointed to `barkhane timeline --since ...` without the file, and a user who
copied it got the bundled record's answer, not the one `on` counted. A path with a space
is quoted as a shell needs it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from conftest import Run, as_json, layer_event, shared_part, terminal

# JNIM's raid (layer-raid): in a file of the test's own over the small fixture; over the
# bundled record, part of the run's shared layer (conftest.shared_part)
_LAYER = shared_part(layer_event())

# "barkhane" then a command's name: each follow-up a view prints
_COMMAND = re.compile(r"barkhane [a-z]+")


@pytest.fixture
def layer(tmp_path: Path) -> Path:
    path = tmp_path / "my layers" / "extra.toml"
    path.parent.mkdir()
    path.write_text(_LAYER, encoding="utf-8")
    return path


def _followups(text: str, layer: Path) -> list[str]:
    """Each follow-up in ``text`` ("barkhane NAME"), checked to carry ``layer`` quoted.
    A line wrapped at a space of the path is joined again (the path has single spaces)."""
    text = " ".join(text.split())
    found = []
    carried = f" --data {shlex.quote(str(layer))}"
    for start in (m.start() for m in _COMMAND.finditer(text)):
        name_end = text.index(" ", start + len("barkhane "))
        assert text[name_end:].startswith(carried), text[start : start + 200]
        found.append(text[start:name_end])
    return found


@pytest.mark.usefixtures("bundled")  # more events than the screen lists: their command
def test_on_points_to_commands_reading_the_same_data(run: Run, shared_layer: Path) -> None:
    layer = shared_layer  # a path with spaces, as the `layer` fixture's
    result = run("on", "2020-08-20", "--data", str(layer), env=terminal(200))
    assert result.exit_code == 0, result.stderr
    assert "A raid only the layer holds" in result.stdout
    # the eras, the figures, the events, and the page in full
    assert _followups(result.stdout, layer) == [
        "barkhane eras",
        "barkhane facts",
        "barkhane timeline",
        "barkhane on",
    ]
    # the events' follow-up, run as a user would copy it, lists the layer's event
    line = next(ln for ln in result.stdout.splitlines() if "barkhane timeline" in ln)
    words = shlex.split(line[line.index("barkhane timeline") :])
    listed = run(*words[1:], "-f", "json")
    assert "layer-raid" in [e["id"] for e in as_json(listed)]


def test_on_json_gives_the_figures_command_with_the_data(run: Run, layer: Path) -> None:
    result = run("on", "2020-08-20", "--data", str(layer), "-f", "json")
    assert as_json(result)["other_figures"]["command"] == (
        f"barkhane facts --data {shlex.quote(str(layer))} --until 2020-08-20"
    )


def test_summary_points_to_commands_reading_the_same_data(run: Run, layer: Path) -> None:
    result = run("summary", "--data", str(layer), env=terminal(200))
    assert result.exit_code == 0, result.stderr
    assert _followups(result.stdout, layer) == [
        "barkhane eras",
        "barkhane actors",
        "barkhane facts",
        "barkhane summary",
        "barkhane judgments",
    ]


def test_chart_fatalities_points_to_the_counted_totals_in_the_same_data(
    run: Run, layer: Path
) -> None:
    result = run("chart", "fatalities", "--data", str(layer), env=terminal(200))
    assert result.exit_code == 0, result.stderr
    assert _followups(result.stdout, layer) == ["barkhane facts"]
    said = " ".join(result.stdout.split())  # the line is wrapped at a space
    assert f"barkhane facts --data {shlex.quote(str(layer))} --category violence)" in said


def test_a_listing_pointed_to_reads_the_same_data(run: Run, layer: Path) -> None:
    """A name that matches nothing points to the listing of them all, on the same data."""
    result = run("actor", "zzzzzz", "--data", str(layer))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        "barkhane: no actor matches 'zzzzzz'; "
        f"barkhane actors --data {shlex.quote(str(layer))} lists them all\n"
    )


def test_without_data_a_follow_up_names_none(run: Run, layer: Path) -> None:
    """A run after one with --data (in one process) points to the record alone, a run
    that reads no data too (a bare word is pointed to the search)."""
    assert "--data" in run("on", "2020-08-20", "--data", str(layer), "-f", "json").stdout
    result = run("on", "2020-08-20", env=terminal(200))
    assert "--data" not in result.stdout
    assert _COMMAND.search(result.stdout)
    run("on", "2020-08-20", "--data", str(layer), "-f", "json")
    word = run("mali")
    assert word.exit_code == 2
    assert "did you mean: barkhane search mali; " in word.stderr


def test_a_run_leaves_no_data_files_behind(run: Run, layer: Path) -> None:
    """The files are a run's, forgotten when it ends: what the process does next outside
    a run (a library call, the next test) points to the record alone, not to files a run
    before it was given."""
    from barkhane_cli import lookup, store

    assert run("place", "timbuktu", "--data", str(layer), "-f", "json").exit_code == 0
    assert lookup.other_kind(store.load(), "timbuktu", "event") == (
        "timbuktu is a place, not an event: barkhane place timbuktu"
    )


def test_a_bare_word_s_search_reads_the_data_given(run: Run, layer: Path) -> None:
    """`barkhane raid --data FILE` is no command; the search it points to reads FILE too,
    as typed after the word or joined to its option (--data=FILE), and finds its event."""
    quoted = shlex.quote(str(layer))
    for given in (["--data", str(layer)], [f"--data={layer}"]):
        word = run("layer-raid", *given)
        assert word.exit_code == 2
        assert f"did you mean: barkhane search --data {quoted} layer-raid; " in word.stderr
        said = word.stderr[word.stderr.index("barkhane search") :].split(";")[0]
        found = run(*shlex.split(said)[1:], "-f", "json")
        assert "layer-raid" in found.stdout, said
