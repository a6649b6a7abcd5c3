"""A figure on a new basis (series_break): its row marked, and why said under the table
and the chart (U45: Burkina Faso's displaced went from 1,902,150 to 1,719,332 unflagged,
a revision on a cleaned basis that only `fact burkina-idps-2022-09` told)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Run, as_json, terminal

_REVISED = "burkina-idps-2022-09"


def test_facts_marks_the_revised_figure_and_says_why_under_the_table(
    run: Run, bundled: None
) -> None:
    result = run("facts", "displaced", "--country", "burkina faso", env=terminal(80))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # the row: its id, then the mark, on the lines of its label cell
    row = out.index(f"{_REVISED} · Burkina Faso")
    assert out[row:].split("\n")[1].split() == ["↘", "new", "basis", "(under", "the", "table)"]
    # under the table, beside the figure before it in its series, the reason its data gives
    under = " ".join(out[out.index("↘ new basis: ") :].split())
    assert under.startswith(
        f"↘ new basis: {_REVISED}, 1,719,332 (2022-09-30), below 1,902,150 (2022-04-30) "
        "before it: a revision: CONASUR's count on the basis it adopted after cleaning"
    )
    # the next figure, rising from it on the same basis, has no mark; nor a fall whose
    # data gives no reason (burkina-refugees-2020-06 falls, its text says not why)
    assert out.count("new basis (under the table)") == 1
    assert out.count("↘ new basis: ") == 1


def test_a_fall_whose_data_says_no_why_is_not_marked(run: Run, bundled: None) -> None:
    # Niger's IDPs fell from 283,000 (August 2021) to 224,016 (end 2021): people went home
    result = run("facts", "displaced", "--country", "niger", "--until", "2021", env=terminal(160))
    assert result.exit_code == 0, result.stderr
    assert "niger-idps-2021-12" in result.stdout and "new basis" not in result.stdout


def test_scripts_get_the_reason_as_a_field(run: Run, bundled: None) -> None:
    found = {
        f["id"]: f["series_break"]
        for f in as_json(run("facts", "displaced", "--country", "burkina faso", "-f", "json"))
    }
    assert found[_REVISED].startswith("a revision: ")
    assert found["burkina-idps-2022-10"] is None and found["burkina-idps-2022-04"] is None
    header, *rows = run("facts", _REVISED, "-f", "csv").stdout.splitlines()
    assert header.split(",")[-1] == "series_break" and "a revision: " in rows[0]


def test_chart_marks_the_bar_and_says_why_under_it(run: Run, bundled: None) -> None:
    rows = as_json(run("chart", "displacement", "--country", "burkina faso", "-f", "json"))
    marked = {r["id"]: r["series_break"] for r in rows if "new basis" in r["marks"]}
    assert set(marked) == {_REVISED, "burkina-refugees-2014-02", "burkinabe-refugees-2021-12"}
    drawn = run("chart", "displacement", "--country", "burkina faso", env=terminal(80)).stdout
    # the line under it and the mark as facts gives them (RV40: the chart said "new
    # basis: 2022-09-30 1,719,332 (id): ..." with no figure before it, its bar no ↘)
    said = " ".join(drawn[drawn.index(f"↘ new basis: {_REVISED}") :].split())
    assert said.startswith(
        f"↘ new basis: {_REVISED}, 1,719,332 (2022-09-30), below 1,902,150 (2022-04-30) "
        "before it: a revision: "
    )
    # the bar itself drawn as counted (solid), the mark beside it
    bar = next(
        line
        for line in drawn.splitlines()
        if line.startswith("  2022-09-30  ") and "1,719,332" in line
    )
    assert "█" in bar and "░" not in bar and bar.rstrip().endswith("↘ new basis")


# Burkina Faso's displaced, the series the user's figure joins: its figures before and
# after the user's day, over a slice of the record (conftest.sliced), not the whole of it
# (a store of the record under the file: ~2.5 s of CPU)
_SERIES = ("burkina-idps-2022-04", _REVISED, "burkina-idps-2022-10")


def test_a_users_file_may_say_a_figures_series_break(
    run: Run, tmp_path: Path, sliced: Callable[..., Path]
) -> None:
    sliced("seed", *_SERIES)  # the source the file cites, and the series
    mine = tmp_path / "mine.toml"
    mine.write_text(
        """[[facts]]
id = "my-count"
label = "Internally displaced people in Burkina Faso"
value = 1000
unit = "people"
as_of = "2022-10-15"
scope = "Burkina Faso; internally displaced people (my count)"
category = "displacement"
series_break = "a change of scope: one province only"
sources = [{ id = "seed" }]
""",
        encoding="utf-8",
    )
    checked = run("validate", str(mine))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    # beside the record's figure before it in its series (the record's own of September)
    card = run("fact", "my-count", "--data", str(mine), env=terminal(200)).stdout
    assert "↘ new basis: my-count, 1,000 (2022-10-15), below 1,719,332 (2022-09-30)" in card
