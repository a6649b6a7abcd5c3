"""`summary` of a slice: an actor's figures, and one date for its eras and its figures."""

from __future__ import annotations

import pytest
from conftest import Run, as_json, terminal

pytestmark = pytest.mark.usefixtures("bundled")


def _screen(run: Run, *args: str) -> str:
    result = run("summary", *args, env=terminal(100))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_an_actors_summary_gives_its_own_figures(run: Run) -> None:
    """A reviewer: `summary --actor wagner` gave no figures. The Wagner Group's are in
    no headline series (its strength in Mali, the Moura toll): an actor's figures are
    its headline series', else every series of its own, the latest of each."""
    content = as_json(run("summary", "--actor", "wagner", "-f", "json"))
    assert content["latest_figures"] == ["moura-deaths-un"]
    assert content["no_figures_about"] == []
    assert "Moura, Mopti region, Mali: People killed by Malian troops" in _screen(
        run, "--actor", "wagner"
    )
    # an actor in a headline series keeps that rule: France's strength and its dead
    france = as_json(run("summary", "--actor", "france", "-f", "json"))["latest_figures"]
    assert "french-troops-sahel-at-barkhane-end" in france


def test_an_actor_the_record_holds_no_figure_about_is_said_to_have_none(run: Run) -> None:
    content = as_json(run("summary", "--actor", "ansar-dine", "-f", "json"))
    assert (content["latest_figures"], content["no_figures_about"]) == ([], ["ansar-dine"])
    assert (
        "Headline figures: the record holds none about Ansar Dine (every figure: barkhane facts)"
        in _screen(run, "--actor", "ansar-dine")
    )
