"""An argument's help is shown (K66): under Click 8.5, whose Argument takes a help of its
own, Typer 0.25 lost every one, so `cite --help` showed "ids ID..." and never said what
KIND:ID is for; docs/cli.md, generated from --help, lost them too."""

from __future__ import annotations

import click
from conftest import Run, commands


def test_cite_says_what_kind_id_is_for(run: Run) -> None:
    result = run("cite", "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Event, fact, actor, place, era or source ids (KIND:ID where an id names several, " in (
        result.stdout
    )


def test_every_argument_keeps_the_help_it_declares() -> None:
    lost = [
        (words, param.name)
        for words, command in commands()
        for param in command.params
        if isinstance(param, click.Argument) and not param.help
    ]
    assert lost == []
