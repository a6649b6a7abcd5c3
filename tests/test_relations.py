"""A symmetric relation (allied-with, fought-against) declared on both its actors: validate
warns, and the actor view shows the pair once (the CMA–Platform war was listed twice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, as_json

# alpha and beta fought, declared on both (beta's copy has fewer fields); they were allied
# twice, in periods that do not overlap: two relations, each declared once.
PAIR = """\
[[actors]]
id = "alpha"
name = "Alpha Front"
kind = "armed-group"
summary = "One side."
sources = [{ id = "ref-a" }]
affiliations = [
  { actor = "beta", relation = "fought-against", start = "2015", end = "2019-06", note = "the fuller" },
  { actor = "beta", relation = "allied-with", start = "2010", end = "2012-03" },
]

[[actors]]
id = "beta"
name = "Beta Movement"
kind = "armed-group"
summary = "The other side."
sources = [{ id = "ref-a" }]
affiliations = [
  { actor = "alpha", relation = "fought-against", start = "2016" },
  { actor = "alpha", relation = "allied-with", start = "2020" },
]
"""


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    path = tmp_path / "pair.toml"
    path.write_text(PAIR, encoding="utf-8")
    return path


def test_validate_warns_of_a_symmetric_relation_declared_on_both_actors(
    run: Run, pair: Path
) -> None:
    result = run("validate", str(pair))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{pair}:18: warning: actors 'beta' affiliations: 'alpha' fought-against 'beta' is "
        "declared on both actors, and one edge says it (each actor's view shows both "
        "directions): keep the fuller, on 'alpha'; drop the one on 'beta'"
    ]


@pytest.mark.parametrize("who", ["alpha", "beta"])
def test_the_actor_view_shows_a_symmetric_pair_once(run: Run, pair: Path, who: str) -> None:
    profile = as_json(run("actor", who, "--data", str(pair), "-f", "json"))
    other = "beta" if who == "alpha" else "alpha"
    pairs = [
        (a["relation"], a["actor"], a["start"], a["end"], a["note"])
        for a in profile["affiliations"]
    ]
    assert pairs == [
        ("allied-with", other, "2010", "2012-03", None),
        ("fought-against", other, "2015", "2019-06", "the fuller"),  # the fuller copy
        ("allied-with", other, "2020", None, None),
    ]
    table = run("actor", who, "--data", str(pair), "-f", "table", env={"COLUMNS": "200"})
    fought = [line for line in table.stdout.splitlines() if "fought:" in line]
    assert len(fought) == 1 and fought[0].count(f"({other})") == 1


# A relation held within one year or on one day: its start and its end are the same date.
ONE_PERIOD = """\
[[actors]]
id = "gamma"
name = "Gamma Brigade"
kind = "armed-group"
summary = "One side."
sources = [{ id = "ref-a" }]
affiliations = [
  { actor = "delta", relation = "fought-against", start = "2013-01-11", end = "2013-01-11", note = "one battle" },
  { actor = "delta", relation = "allied-with", start = "2014", end = "2014" },
]

[[actors]]
id = "delta"
name = "Delta Column"
kind = "armed-group"
summary = "The other side."
sources = [{ id = "ref-a" }]
affiliations = [
  { actor = "gamma", relation = "fought-against", start = "2013-01-11", end = "2013-01-11" },
  { actor = "gamma", relation = "allied-with", start = "2014-03", end = "2014-06" },
]
"""


def test_a_pair_held_within_one_date_is_a_copy_too(run: Run, tmp_path: Path) -> None:
    """A period whose start and end are one day, month or year ("2014" to "2014") was read
    as ending before it began: two copies of one battle were listed twice, unwarned."""
    path = tmp_path / "one.toml"
    path.write_text(ONE_PERIOD, encoding="utf-8")
    warned = run("validate", str(path)).stdout
    assert "'delta' fought-against 'gamma' is declared on both" in warned
    assert "'delta' allied-with 'gamma' is declared on both" in warned
    profile = as_json(run("actor", "gamma", "--data", str(path), "-f", "json"))
    pairs = [(a["relation"], a["start"], a["end"]) for a in profile["affiliations"]]
    # each once: the battle's fuller copy (gamma's, with its note), the alliance's on delta
    # (as fully given as gamma's, on the id that sorts first, as validate advises)
    assert pairs == [
        ("fought-against", "2013-01-11", "2013-01-11"),
        ("allied-with", "2014-03", "2014-06"),
    ]
