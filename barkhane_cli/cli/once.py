"""A single-valued option given twice is refused, never read as its last value.

Click keeps the last of two values of an option that takes one: `timeline -s raupach -s
mcmanus` listed McManus's events alone, exit 0, nothing said (U61), where the help says
two options of one kind match either. The repeatable options (--actor, --type, ...)
collect every value; every other one given twice is a usage error, one line, exit 2.
"""

from __future__ import annotations

from typing import Any

import click

from barkhane_cli.errors import UsageError

# What to do instead, for an option whose second value a user means as "or".
_INSTEAD = {
    "search": "its words must all match; to find either of two, run it once for each",
}


def install(command: click.Command) -> None:
    """Refuse a repeated single-valued option for ``command`` and a group's subcommands."""
    for each in (command, *getattr(command, "commands", {}).values()):
        _checked(each)


def _checked(command: click.Command) -> None:
    make = command.make_parser

    def make_parser(ctx: click.Context) -> Any:
        parser = make(ctx)
        given: dict[str, str] = {}
        for option in {*parser._long_opt.values(), *parser._short_opt.values()}:
            obj = option.obj
            if option.action == "store" and isinstance(obj, click.Option) and not obj.multiple:
                option.process = _once(option.process, obj, given)  # type: ignore[method-assign]
        return parser

    command.make_parser = make_parser  # type: ignore[method-assign]


def _once(process: Any, obj: click.Option, given: dict[str, str]) -> Any:
    def checked(value: Any, state: Any) -> None:
        name = obj.name or ""
        if name in given:
            instead = _INSTEAD.get(name, "it takes one value")
            raise UsageError(
                f"{obj.opts[0]} given twice ({given[name]!r}, then {value!r}): give it once; "
                f"{instead}"
            )
        given[name] = value
        process(value, state)

    return checked
