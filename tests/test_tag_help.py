"""Two --tag: either tag, as every repeated filter (K57: a new user read them as both, as
some tools have them). Every command that takes --tag says so in its help, in the words a
user reads (written out here, so that a wrong wording of options.ANY_TAG fails), and does
what it says."""

from __future__ import annotations

import click
from conftest import Run, as_json, commands

SAID = "any of the tags given, not only those with all"


def test_every_command_taking_tag_says_two_are_either(run: Run) -> None:
    taking = [
        words
        for words, command in commands()
        if any("--tag" in getattr(p, "opts", ()) for p in command.params)
        and not isinstance(command, click.Group)
    ]
    assert set(taking) == {("timeline",), ("map",), ("compare",), ("gaps",), ("chart",)}
    for words in taking:
        shown = " ".join(run(*words, "--help", env={"COLUMNS": "200"}).stdout.split())
        assert f"--tag TEXT Tag (repeatable: the events with {SAID})." in shown, words
        assert (
            "--not-tag TEXT Leave out the events with this tag (repeatable: those with "
            f"{SAID}), read as --tag reads it"
        ) in shown, words


def test_two_tags_find_either_and_two_not_tags_leave_out_either(run: Run) -> None:
    # the fixture's coups (coup-2012, coup-2020) and France's events (serval,
    # ambassador-expelled, barkhane-ends): five, none tagged both
    either = as_json(run("timeline", "--tag", "coup", "--tag", "france", "-f", "json"))
    assert [e["id"] for e in either] == [
        "coup-2012", "serval", "coup-2020", "ambassador-expelled", "barkhane-ends",
    ]  # fmt: skip
    rest = as_json(run("timeline", "--not-tag", "coup", "--not-tag", "france", "-f", "json"))
    assert {"coup-2012", "serval", "coup-2020"}.isdisjoint(e["id"] for e in rest)
    assert "libya-collapse" in {e["id"] for e in rest}
