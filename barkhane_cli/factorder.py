"""The orders `facts --sort` takes, declared once: --sort's help, its TAB completion and
the check of what was typed all read FACT_SORTS (as timeline's read query.SORTS)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.choices import choose


def _value(f: m.Fact) -> float | None:
    """What a figure orders by: its value, else the top of its range (a figure given only
    as "up to 1,000" orders as 1,000), else the bottom; None for a figure with none."""
    return next((v for v in (f.value, f.high, f.low) if v is not None), None)


# Each key with what it orders by; a leading minus is newest, largest or last first, as
# timeline's --sort reads it. A figure with no value comes last either way.
FACT_SORT_KEYS: dict[str, Callable[[m.Fact], Any]] = {
    "date": lambda f: (f.as_of.first(), f.id),  # as of: the listing's own order
    "value": _value,
    "id": lambda f: f.id,
}
FACT_SORTS = tuple(sign + key for key in FACT_SORT_KEYS for sign in ("", "-"))


def sorted_facts(facts: Iterable[m.Fact], sort: str | None) -> list[m.Fact]:
    """The facts in the order --sort names (date when not given); an order not in
    FACT_SORTS is a usage error listing them."""
    order = choose(sort, FACT_SORTS, "--sort value") if sort is not None else "date"
    key = FACT_SORT_KEYS[order.lstrip("-")]
    by_date = sorted(facts, key=FACT_SORT_KEYS["date"])  # ties keep the date order
    valued = [f for f in by_date if key(f) is not None]
    missing = [f for f in by_date if key(f) is None]
    return sorted(valued, key=key, reverse=order.startswith("-")) + missing
