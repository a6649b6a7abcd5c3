"""A year among a search's words ranks the entries dated in it above those that only say
it (U50: `search gao 2019` opened with the Netherlands' 2018 decision to leave MINUSMA "by
May 2019", its title's year scoring as the 2019 events' dates do)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, column

_EVENT = """
[[events]]
id = "{id}"
date = "{date}"
title = "{title}"
summary = "A decision."
type = "diplomacy"
actors = ["mali"]
places = ["timbuktu"]
sources = [{{ id = "ref-a" }}]
"""


@pytest.fixture
def data(tmp_path: Path) -> str:
    path = tmp_path / "years.toml"
    events = [
        # the year in its title, its closest name: it would score highest
        ("says-2019", "2018-06-15", "Timbuktu 2019 plan announced"),
        ("of-2019", "2019-03-01", "Talks held at Timbuktu"),
        ("late-2019", "2019-11-20", "Timbuktu council meets"),
    ]
    path.write_text(
        "".join(_EVENT.format(id=i, date=d, title=t) for i, d, t in events), encoding="utf-8"
    )
    return str(path)


def _ids(run: Run, data: str, *words: str) -> list[str]:
    result = run("search", *words, "--data", data, "--kind", "event", "-f", "plain")
    assert result.exit_code == 0, result.stderr
    return [i for i in column(result, 1) if i in ("says-2019", "of-2019", "late-2019")]


def test_the_events_of_the_year_typed_come_before_one_that_only_says_it(
    run: Run, data: str
) -> None:
    assert _ids(run, data, "timbuktu", "2019") == ["of-2019", "late-2019", "says-2019"]


def test_without_a_year_the_order_is_the_score_s(run: Run, data: str) -> None:
    """No year typed, nothing is dated out: the title naming both words scores as before."""
    assert _ids(run, data, "timbuktu", "plan")[0] == "says-2019"
