"""A card lists each source once, the quotes and notes of all its references under it
(U37: an event's and a fact's cards listed the seed once for each reference citing it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal

SEED_TWICE = """\
[[events]]
id = "seed-twice"
date = "2022-02-17"
title = "France announces its withdrawal"
summary = "S."
type = "diplomacy"
places = ["bamako"]
sources = [
  { id = "seed", quote = "Relations between France and Mali soured after Assimi Goita seized power through a coup in August 2020." },
  { id = "ref-a", note = "the announcement" },
  { id = "seed", quote = "Alienating the Malian government first led to the expulsion of the French ambassador in Bamako in February 2022", note = "why it left" },
]

[[facts]]
id = "seed-twice-figure"
label = "French troops, seed twice"
value = 5000
unit = "troops"
as_of = "2022-02"
scope = "Mali"
category = "troops"
sources = [
  { id = "seed", note = "first" },
  { id = "seed", note = "second" },
]
"""
FIRST = "Relations between France and Mali soured"
SECOND = "Alienating the Malian government"


@pytest.fixture
def data(tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "twice.toml"
    path.write_text(SEED_TWICE, encoding="utf-8")
    return ("--data", str(path))


def _ok(run: Run, *args: str, env: dict[str, str] | None = None) -> str:
    res = run(*args, env=env)
    assert res.exit_code == 0, res.output
    return res.stdout


def test_an_event_card_lists_the_seed_once_with_both_quotes(
    run: Run, data: tuple[str, str]
) -> None:
    plain = _ok(run, "event", "seed-twice", *data, "-f", "plain")
    rows = [line for line in plain.splitlines() if line.startswith("sources\t")]
    assert [r.split("\t")[1].split(" ")[0] for r in rows] == ["seed", "ref-a"]
    seed = rows[0]
    # both quotes, in the data's order, and the note of the reference it belongs to
    assert seed.index(FIRST) < seed.index(SECOND) < seed.index("note: why it left")
    shown = _ok(run, "event", "seed-twice", *data, env=terminal(80))
    assert shown.count("France calls an end to Operation Barkhane") == 1
    assert FIRST in shown and SECOND in shown
    # JSON keeps each reference as the data has it
    card = json.loads(_ok(run, "event", "seed-twice", *data, "-f", "json"))
    assert [s["id"] for s in card["sources"]] == ["seed", "ref-a", "seed"]


def test_a_fact_card_lists_the_seed_once(run: Run, data: tuple[str, str]) -> None:
    plain = _ok(run, "fact", "seed-twice-figure", *data, "-f", "plain")
    rows = [line for line in plain.splitlines() if line.startswith("sources\t")]
    assert len(rows) == 1, plain
    assert rows[0].index("note: first") < rows[0].index("note: second")


def test_goitas_card_lists_the_seed_once(bundled: None, run: Run) -> None:
    """The record's actor cards cite the seed for several quotes (Goïta's four)."""
    plain = _ok(run, "actor", "assimi-goita", "-f", "plain")
    seed = [line for line in plain.splitlines() if line.startswith("sources\tseed ")]
    assert len(seed) == 1
    assert "neo-colonial arrogance" in seed[0] and "Wagner Group" in seed[0]
