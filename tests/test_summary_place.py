"""summary --place: the story of a place on one screen, its events those timeline --place
lists (the places within it too), with what timeline says of the place asked for (an
area wider than its name, a town named as its region). U50 #16: `summary --place` was
refused, so "Liptako-Gourma in 2019" had no one-screen view."""

from __future__ import annotations

import json

from conftest import Run, terminal


def _summary(run: Run, *args: str) -> dict[str, object]:
    result = run("summary", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_place_s_summary_counts_the_events_timeline_place_lists(run: Run, bundled: None) -> None:
    args = ("--place", "liptako-gourma", "--year", "2019")
    period = _summary(run, *args)["period"]
    assert isinstance(period, dict)
    listed = run("timeline", *args, "--count").stdout.strip()
    assert period["events"] == int(listed) > 50  # the regions within it, not its name alone
    assert period["places"] == ["liptako-gourma"]
    # what timeline --place says of an area wider than its name
    (note,) = period["place_notes"]
    assert "Liptako-Gourma covers" in note and "wider than the tri-border area" in note


def test_the_screen_names_the_place_and_says_what_it_is(run: Run, bundled: None) -> None:
    out = run("summary", "--place", "liptako-gourma", "--year", "2019", env=terminal(80)).stdout
    assert "Sahel conflict: the record in Liptako-Gourma" in out
    assert "wider than the tri-border area" in " ".join(out.split())
    town = run("summary", "--place", "mopti", "--year", "2019", env=terminal(80)).stdout
    assert "Mopti is the town; the Mopti Region is --place mopti-region" in town
    piped = run("summary", "--place", "mopti", "--year", "2019").stdout
    assert "note\tMopti is the town; the Mopti Region is --place mopti-region\n" in piped


def test_a_place_narrows_the_figures_to_those_that_count_in_it(run: Run, bundled: None) -> None:
    """A figure of all Mali is not Gao's: only those whose area names the place."""
    facts = _summary(run, "--place", "gao-region")["headline_facts"]
    assert isinstance(facts, list)
    assert all("Gao" in str(f["scope"]) for f in facts), facts


def test_a_place_that_is_none_is_refused_as_timeline_refuses_it(run: Run) -> None:
    result = run("summary", "--place", "timbuktoo")
    assert result.exit_code == 3
    assert "did you mean Timbuktu" in result.stderr
