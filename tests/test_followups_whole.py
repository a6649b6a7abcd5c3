"""A follow-up a user is meant to copy stays on one line at 80 columns, however long
(U35). Wrapped, `on 2021-06-10 --data '/tmp/x y/mine.toml'` printed "... --since
2021-05-11" and "--until 2021-07-10" on two lines: copied line by line, the first listed
every event since that day, the second failed; a path with a space was broken inside its
quotes. Each line named here is copied as printed and run: it gives what the view counted."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from conftest import Run, as_json, layer_event, terminal

_LAYER = layer_event()


@pytest.fixture
def layer(tmp_path: Path) -> Path:
    # a long folder name with spaces: every follow-up carrying it is wider than 80
    path = tmp_path / "my own layers of the sahel" / "extra events.toml"
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
def test_on_a_day_points_to_its_events_on_one_line(run: Run, layer: Path) -> None:
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
