"""The help names each chart as `chart` takes it (U54 #13): `barkhane --help` said chart
draws "the displaced", and `chart displaced` then answered "unknown chart 'displaced';
did you mean 'displacement'?"."""

from __future__ import annotations

from conftest import Run

from barkhane_cli.cli.briefing import ChartKind


def _chart_line(text: str) -> str:
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip("│ ").startswith("chart "))
    said = [lines[at]]
    for line in lines[at + 1 :]:  # its wrapped lines, up to the next command
        inner = line.strip("│ ")
        if not inner or not line.startswith("│" + " " * 10):
            break
        said.append(line)
    return " ".join(" ".join(line.strip("│ ").split()) for line in said)


def test_the_top_help_names_every_chart_by_its_name(run: Run) -> None:
    for columns in ("80", "200"):
        said = _chart_line(run("--help", env={"COLUMNS": columns}).stdout)
        assert "the displaced" not in said, said
        for kind in ChartKind:
            assert kind.value in said, (kind, said)


def test_chart_help_opens_with_the_same_names(run: Run) -> None:
    said = " ".join(run("chart", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "the displaced" not in said.split("Troop strength")[0]
