"""Two of the user's --data files holding one id: the later layer's entry is used, as
README's layer order has it, and every run says so once on stderr (U61 #9: `timeline
--data good.toml --data good2.toml` showed good2.toml's toll with nothing said)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal

from barkhane_cli import model as m

ENTRY = """\
[[events]]
id = "my-raid"
date = "2020-08-19"
title = "A raid of my own"
summary = "Told in two files."
type = "attack"
places = ["bamako"]
fatalities = {n}
sources = [{{ id = "ref-a" }}]
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "good.toml", tmp_path / "good2.toml"
    first.write_text(ENTRY.format(n=12), encoding="utf-8")
    second.write_text(ENTRY.format(n=13), encoding="utf-8")
    return first, second


@pytest.mark.parametrize("cache", ["1", "0"])
def test_the_later_file_wins_and_it_is_said_once(
    run: Run, pair: tuple[Path, Path], tmp_path: Path, cache: str
) -> None:
    first, second = pair
    env = {"BARKHANE_CACHE": str(tmp_path / "cache") if cache == "1" else "0"}
    for _ in range(2):  # built, then answered from the store: said both times
        res = run("timeline", "--data", str(first), "--data", str(second), "-f", "json", env=env)
        assert res.exit_code == 0, res.output
        [mine] = [e for e in json.loads(res.stdout) if e["id"] == "my-raid"]
        assert mine["fatalities"] == 13  # good2.toml's, the later layer
        # it took the place of the user's own entry, not the record's (README: "an entry
        # with a bundled id replaces it"): U61 read `replaces: yes` here
        assert (mine["yours"], mine["replaces"]) == (True, False)
        lines = [x for x in res.stderr.splitlines() if "my-raid" in x]
        assert lines == [
            f"{second}: event 'my-raid' also in {first}: {second}'s is used (the later --data "
            "file wins)"
        ], res.stderr


def test_one_file_alone_says_nothing(run: Run, pair: tuple[Path, Path]) -> None:
    res = run("timeline", "--data", str(pair[0]), "-f", "json")
    assert res.exit_code == 0 and "my-raid" not in res.stderr


def test_a_table_and_a_card_do_not_say_it_replaced_the_record_s(
    run: Run, pair: tuple[Path, Path]
) -> None:
    layers = ("--data", str(pair[0]), "--data", str(pair[1]))
    table = run("timeline", "--year", "2020", *layers, env=terminal(160)).stdout
    assert "(your data: good2.toml)" in table and "replaces" not in table
    card = run("event", "my-raid", *layers, env=terminal(160)).stdout
    assert "not the record's" in card and m.REPLACES not in card
