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
