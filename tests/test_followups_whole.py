"""A follow-up a user is meant to copy stays on one line at 80 columns, however long
(U35). Wrapped, `on 2021-06-10 --data '/tmp/x y/mine.toml'` printed "... --since
2021-05-11" and "--until 2021-07-10" on two lines: copied line by line, the first listed
every event since that day, the second failed; a path with a space was broken inside its
quotes. Each line named here is copied as printed and run: it gives what the view counted."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from conftest import DISPUTED_FACT, Run, as_json, layer_event, shared_part, terminal

_LAYER = shared_part(layer_event())  # over the bundled record, in the shared layer


@pytest.fixture(scope="module")
def layer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # a long folder name with spaces: every follow-up carrying it is wider than 80. One
    # file for the module's tests over the small fixture, which only read it; over the
    # bundled record, the run's shared layer (its folder's name as long, with spaces).
    folder = tmp_path_factory.mktemp("test_followups_whole")
    path = folder / "my own layers of the sahel" / "extra events.toml"
    path.parent.mkdir()
    path.write_text(_LAYER, encoding="utf-8")
    return path


def _lines(run: Run, layer: Path, *args: str) -> list[str]:
    result = run(*args, "--data", str(layer), env=terminal(80))
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def _copied(lines: list[str], name: str) -> list[str]:
    """The words of the one line holding ``barkhane NAME``, from there to the line's end
    (or a closing bracket after the command), as a shell reads them."""
    (line,) = [ln for ln in lines if f"barkhane {name} " in ln]
    said = line[line.index(f"barkhane {name} ") :]
    words = shlex.split(said.removesuffix(")"))
    assert words[:2] == ["barkhane", name]
    return words[2:]


@pytest.mark.usefixtures("bundled")
def test_on_a_day_points_to_its_events_on_one_line(run: Run, shared_layer: Path) -> None:
    layer = shared_layer  # its folder's long name has spaces too
    lines = _lines(run, layer, "on", "2020-08-20")
    words = _copied(lines, "timeline")
    assert words == ["--data", str(layer), "--since", "2020-07-21", "--until", "2020-09-19"]
    listed = as_json(run("timeline", *words, "-f", "json"))
    assert "layer-raid" in [e["id"] for e in listed]
    assert _copied(lines, "facts") == ["--data", str(layer), "--until", "2020-08-20"]
    assert _copied(lines, "eras") == ["--data", str(layer)]
    assert _copied(lines, "on") == ["--data", str(layer), "2020-08-20", "--full"]


def test_summary_points_on_one_line_each(run: Run, layer: Path) -> None:
    lines = _lines(run, layer, "summary")
    for name in ("eras", "actors", "facts", "judgments"):
        assert _copied(lines, name) == ["--data", str(layer)], name
    assert _copied(lines, "summary") == ["--data", str(layer), "--full"]


def test_chart_fatalities_points_to_the_totals_on_one_line(run: Run, layer: Path) -> None:
    lines = _lines(run, layer, "chart", "fatalities")
    assert _copied(lines, "facts") == ["--data", str(layer), "--category", "violence"]


# A figure whose dispute a table cuts at 80 columns, and three more events citing the
# seed: a search for it names three of the events and counts the rest.
_CUT = DISPUTED_FACT + "".join(
    layer_event(ident=f"seed-raid-{n}", title=f"Raid {n}", summary="S.") for n in range(3)
)


@pytest.fixture
def cut(tmp_path: Path) -> Path:
    path = tmp_path / "my own layers of the sahel" / "cut figures.toml"
    path.parent.mkdir()
    path.write_text(_CUT, encoding="utf-8")
    return path


def _inside(lines: list[str], name: str) -> list[str]:
    """The lines of a table or a card that hold ``barkhane NAME`` inside a cell (a
    border, or two columns' gap, before it on the line): none should."""
    return [
        ln for ln in lines if f"barkhane {name}" in ln and re.search(r"(│|\S  +\S).*barkhane", ln)
    ]


def test_a_facts_table_points_to_the_whole_note_on_one_line(run: Run, cut: Path) -> None:
    """U36: the facts table ended a cut dispute "… (barkhane fact ID)" inside its cell,
    without the run's --data file (every other follow-up carried it), and with it the
    cell broke the command over lines. It goes under the table, on one line, with the
    file; the id it takes is under each label."""
    lines = _lines(run, cut, "facts", "g5")
    assert _copied(lines, "fact") == ["--data", str(cut), "ID"]
    assert not _inside(lines, "fact")
    assert "g5-paper-strength · Mali" in " ".join(lines)
    card = run("fact", "--data", str(cut), "g5-paper-strength", "-f", "json")
    assert "names no date" in as_json(card)["disputed"]


def test_a_search_points_to_a_sources_citing_entries_on_one_line(run: Run, cut: Path) -> None:
    """U36: a source found cited by more events than a search names said "and 4 more:
    barkhane source --data '…' seed" inside its cell, broken over two lines at 80
    columns. The cell counts them; the command goes under the table, on one line."""
    lines = _lines(run, cut, "search", "seed")
    said = " ".join(" ".join(lines).split())
    assert re.search(r"cited by [\w-]+, [\w-]+, [\w-]+ and \d+ more ", said)
    assert _copied(lines, "source") == ["--data", str(cut), "ID"]
    assert not _inside(lines, "source")


@pytest.mark.usefixtures("bundled")
def test_a_town_card_points_to_its_region_on_one_line(run: Run, shared_layer: Path) -> None:
    """U36: `place menaka --data '…'`'s card said "the Ménaka Region is barkhane place
    --data" | "'…/extra events.toml' menaka-region" in its box at 80 columns. The box
    names the region's id; the command is under it, on one line; piped, the row keeps
    it whole."""
    layer = shared_layer
    lines = _lines(run, layer, "place", "menaka")
    assert "Ménaka is the town; the Ménaka Region is menaka-region" in " ".join(lines)
    assert _copied(lines, "place") == ["--data", str(layer), "menaka-region"]
    assert not _inside(lines, "place")
    piped = run("place", "menaka", "--data", str(layer)).stdout.splitlines()
    see = f"see also\tMénaka is the town; the Ménaka Region is barkhane place --data {shlex.quote(str(layer))} menaka-region"
    assert see in piped


@pytest.mark.usefixtures("bundled")
def test_summary_full_points_to_a_cut_dispute_on_one_line(run: Run, shared_layer: Path) -> None:
    """U36: `summary --full` ended each headline figure's cut dispute "… (barkhane fact
    --data '…' ID)" inside its column, broken over two lines at 80 columns. The figure's
    id follows the ellipsis; the command is under the figures, on one line."""
    layer = shared_layer
    lines = _lines(run, layer, "summary", "--full")
    assert _copied(lines, "fact") == ["--data", str(layer), "ID"]
    assert not [ln for ln in lines if "(barkhane fact" in ln]
    assert re.search(r"… \([\w-]+\)$", next(ln.rstrip() for ln in lines if "… (" in ln))
