"""`--type coup-attempt` says how many of its events are mutinies and how to leave them
out (U54 #9): the type is "a failed coup or mutiny, or a coup plot", and a researcher
counting coup attempts announced as such got 2011's pay mutinies and Kindia's in the 18,
with nothing said. The rows stay the type's; the footer (stderr after --count) counts the
events carrying the part's tag (model.TYPE_PARTS) and gives --not-tag, which every
command taking --tag takes."""

from __future__ import annotations

import pytest
from conftest import Run, as_json, terminal, watched

from barkhane_cli.model import TYPE_PARTS

pytestmark = pytest.mark.usefixtures("bundled")


def _ids(run: Run, *args: str) -> set[str]:
    return {
        e["id"] for e in as_json(run("timeline", "--type", "coup-attempt", *args, "-f", "json"))
    }


def _note(mutinies: int, of: int) -> str:
    return (
        f"{mutinies} of these {of} coup-attempt events carry the tag mutiny: "
        "add --not-tag mutiny to leave them out"
    )


def test_the_footer_counts_the_mutinies_and_the_option_leaves_them_out(run: Run) -> None:
    assert TYPE_PARTS["coup-attempt"] == "mutiny"
    every = _ids(run)
    mutinies = _ids(run, "--tag", "mutiny")
    assert {"burkina-police-mutiny-2011-04", "kindia-samoreyah-mutiny-2020"} <= mutinies
    assert _ids(run, "--not-tag", "mutiny") == every - mutinies
    table = run("timeline", "--type", "coup-attempt", env=terminal(400))
    assert table.exit_code == 0, table.stderr
    said = " ".join(table.stdout.split())
    assert _note(len(mutinies), len(every)) in said, said
    # said once, in one line, with no id in it
    assert said.count("carry the tag mutiny") == 1
    assert not any(ident in _note(len(mutinies), len(every)) for ident in mutinies)
    # asked without them, or for them alone, nothing more to say
    for given in ("--not-tag", "--tag"):
        asked = run("timeline", "--type", "coup-attempt", given, "mutiny", env=terminal(400))
        assert "carry the tag mutiny" not in asked.stdout + asked.stderr


def test_a_count_tells_it_on_a_watched_stderr_only(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = run("timeline", "--type", "coup-attempt", "--count")
    n = int(piped.stdout)
    assert "mutiny" not in piped.stderr  # a script reading the number hears nothing
    told = watched(monkeypatch, worked_out=True)
    count = run("timeline", "--type", "coup-attempt", "--year", "2011", "--count")
    in_2011 = int(count.stdout)
    mutinies = len(_ids(run, "--year", "2011", "--tag", "mutiny"))
    assert 0 < mutinies < in_2011 <= n
    assert _note(mutinies, in_2011) in told, told


def test_one_event_listed_is_said_as_one(run: Run) -> None:
    """`--search kindia` lists the one mutiny: "1 of these 1 coup-attempt events carry"."""
    assert _ids(run, "--search", "kindia") == {"kindia-samoreyah-mutiny-2020"}
    table = run("timeline", "--type", "coup-attempt", "--search", "kindia", env=terminal(400))
    said = " ".join(table.stdout.split())
    assert (
        "the coup-attempt event carries the tag mutiny: add --not-tag mutiny to leave it out"
    ) in said, said
    assert "1 of these 1" not in said


def test_other_types_say_nothing_of_it(run: Run) -> None:
    coups = run("timeline", "--type", "coup", env=terminal(400))
    assert "carry the tag" not in coups.stdout + coups.stderr


def test_the_help_of_not_tag_says_how(run: Run) -> None:
    for command in ("timeline", "map", "chart", "gaps"):
        said = " ".join(run(command, "--help", env={"COLUMNS": "400"}).stdout.split())
        assert (
            "--type coup-attempt --not-tag mutiny: the coup-attempt events without those "
            "tagged mutiny"
        ) in said, command
