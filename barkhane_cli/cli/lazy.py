"""Commands registered lazily (Click's lazy-loading group pattern, with Typer commands).

A run builds only the command it executes: the module that defines it is imported and its
Typer command converted to a Click one on first use. Building all of them (inspecting
every signature) cost about 25 ms a run, paid by every TAB completion too. Help and
error suggestions, which list every command, still build them all.

Completion is attached here as well, by parameter name, so every option that takes a
value from the data completes from the store the same way (see completion.py).
"""

from __future__ import annotations

import importlib
from typing import Any

import click
from typer.core import TyperGroup

# Every command, in the order help lists them, and the module that defines it.
COMMANDS: dict[str, str] = {
    "timeline": "timeline",
    "event": "lookups",
    "search": "lookups",
    "types": "timeline",
    "tags": "timeline",
    "actor": "lookups",
    "actors": "lookups",
    "place": "lookups",
    "places": "lookups",
    "map": "map",
    "on": "map",
    "facts": "lookups",
    "sources": "lookups",
    "source": "cite",
    "cite": "cite",
    "summary": "briefing",
    "eras": "briefing",
    "chart": "briefing",
    "judgments": "briefing",
    "validate": "datafiles",
    "new": "datafiles",
    "import": "datafiles",
    "export": "export",
}
# The groups of the command list in --help, in that order.
PANELS: dict[str, str] = {
    **dict.fromkeys(("timeline", "event", "search", "types", "tags"), "Events"),
    **dict.fromkeys(
        ("actor", "actors", "place", "places", "map", "on", "facts", "sources", "source", "cite"),
        "Lookups",
    ),
    **dict.fromkeys(("summary", "eras", "chart", "judgments"), "Briefing"),
    **dict.fromkeys(("validate", "new", "import", "export"), "Data"),
}
# One or two examples per command, shown at the end of its --help.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "timeline": (
        "barkhane timeline --since 2020 --until 2020 --type attack",
        "barkhane timeline --actor jnim --country 'burkina faso' -f csv > jnim.csv",
    ),
    "event": ("barkhane event mali-expels-french-ambassador", "barkhane event serval -f ics"),
    "search": ("barkhane search Ménaka", 'barkhane search "suicide bombing" --kind event'),
    "types": ("barkhane types", "barkhane timeline --type leader-killed"),
    "tags": ("barkhane tags", "barkhane timeline --tag kidnapping"),
    "actor": ("barkhane actor wagner", "barkhane actor goita --since 2021 -f json"),
    "actors": ("barkhane actors --kind armed-group",),
    "place": ("barkhane place menaka", "barkhane place 'Tombouctou' --type attack"),
    "places": ("barkhane places --country niger", "barkhane places -f geojson > places.json"),
    "facts": ("barkhane facts troops", "barkhane facts --actor minusma -f csv"),
    "sources": ("barkhane sources --fields id,cited_by,url",),
    "source": ("barkhane source seed",),
    "cite": ("barkhane cite serval-launched -f bibtex",),
    "summary": ("barkhane summary", "barkhane summary --since 2020 --actor wagner"),
    "eras": ("barkhane eras", "barkhane eras -f csv"),
    "chart": ("barkhane chart events --by month --since 2022", "barkhane chart troops"),
    "judgments": ("barkhane judgments", "barkhane judgments --outcome did-not-happen"),
    "validate": ("barkhane validate mine.toml",),
    "new": ("barkhane new actor > mine.toml && barkhane validate mine.toml",),
    "import": (
        "barkhane import acled export.csv -o acled.toml",
        "barkhane import ucdp GEDEvent_v23_1.csv --country Mali -o ucdp.toml",
    ),
}
# What a parameter's value is, for completion: (command, parameter) first, then parameter.
COMPLETES: dict[tuple[str | None, str], str] = {
    ("actor", "name"): "actors",
    ("place", "name"): "places",
    ("event", "ident"): "events",
    (None, "actor"): "actors",
    (None, "perpetrator"): "actors",
    (None, "target"): "actors",
    (None, "place"): "places",
    (None, "country"): "countries",
    (None, "type_"): "type",
    (None, "tag"): "tags",
    (None, "kind"): "kind",
    (None, "format_"): "format",
    (None, "fields"): "fields",
    (None, "outcome"): "outcome",
    (None, "category"): "category",
}


def _completer(what: str) -> Any:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        from barkhane_cli.completion import candidates, fixed

        if what in ("actors", "places", "events", "countries", "tags"):
            found = candidates(what, incomplete, ctx.params.get("data") or ())
        else:
            found = fixed(what, incomplete)
        # Not filtered by prefix (Typer's own autocompletion would drop assimi-goita for
        # "goi"): the candidates already match the typed text by id, name or alias.
        return [CompletionItem(value, help=label or None) for value, label in found]

    return complete


def _with_completion(name: str, command: click.Command) -> click.Command:
    kind = "places" if name == "places" else None
    for param in command.params:
        what = COMPLETES.get((name, param.name or "")) or COMPLETES.get((None, param.name or ""))
        if kind == "places" and param.name == "kind":
            what = "place-kind"
        if what is not None:
            param._custom_shell_complete = _completer(what)
    return command


class LazyGroup(TyperGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in COMMANDS:
            command = _build(cmd_name)
        if command is not None and not getattr(command, "_barkhane_ready", False):
            _with_completion(cmd_name, command)
            command.rich_help_panel = PANELS.get(cmd_name)  # type: ignore[attr-defined]
            command.help = flow(command.help)
            if cmd_name in EXAMPLES:
                # One paragraph each, so an example is never run into the next.
                command.epilog = "\n\n".join(("Examples:", *EXAMPLES[cmd_name]))
            command._barkhane_ready = True  # type: ignore[attr-defined]
            self.commands[cmd_name] = command
        return command


def flow(text: str | None) -> str | None:
    """Help text as paragraphs that wrap at any width: a docstring's line breaks inside
    a paragraph are for the source code, not for the terminal. Lines that start with
    two spaces (examples) keep theirs."""
    if not text:
        return text
    paragraphs = []
    for para in text.strip().split("\n\n"):
        lines = para.split("\n")
        if any(line.startswith("  ") for line in lines):
            paragraphs.append(para)
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _build(name: str) -> click.Command | None:
    import typer.main

    from barkhane_cli.cli.base import app

    importlib.import_module(f"barkhane_cli.cli.{COMMANDS[name]}")
    options: dict[str, Any] = {
        "pretty_exceptions_short": app.pretty_exceptions_short,
        "rich_markup_mode": app.rich_markup_mode,
    }
    for info in app.registered_commands:
        callback = info.callback
        if (
            callback is not None
            and (info.name or typer.main.get_command_name(callback.__name__)) == name
        ):
            return typer.main.get_command_from_info(info, **options)
    for group in app.registered_groups:
        if group.name == name and group.typer_instance is not None:
            return typer.main.get_group_from_info(
                group, suggest_commands=app.suggest_commands, **options
            )
    return None
