"""Words a user types as a command that no command is named, but one answers.

U45: `barkhane leaders` was told "did you mean 'places'?" (a near spelling), and
`leader`, `president`, `who` were pointed to a search, while `on DATE` lists each
country's head of state on the day. A near spelling says nothing of what was meant: a
word declared here names the command that answers it instead, one table for every such
word (cli/lazy.py's unknown-command line reads it, at the top level only).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Answer:
    """What the words ask for, said after the unknown command, and the command line
    that shows it (after ``barkhane``; a runnable example, with ``also`` saying how to
    vary it)."""

    what: str
    words: tuple[str, ...]
    also: str = ""


_LEADERS = Answer("each country's leaders on a day", ("on", "2020-08-18"), "any date")
_DEATHS = Answer(
    "the deaths recorded in the events, per year", ("chart", "fatalities"),
    "the totals ACLED, UCDP and the UN counted: barkhane facts --category violence",
)  # fmt: skip
_TROOPS = Answer("troop strength over time", ("chart", "troops"), "or barkhane facts troops")
_DISPLACED = Answer(
    "the displaced over time", ("chart", "displacement"), "or barkhane facts displaced"
)
_ERAS = Answer("the operations, missions and phases, to scale", ("eras",))
_OVERVIEW = Answer("one screen of the story", ("summary",))
_EVENTS = Answer("the events, with filters", ("timeline",), "see barkhane timeline --help")
_FORECASTS = Answer("the seed's judgments and whether they came true", ("judgments",))
_COUNTRIES = Answer("the countries", ("places", "--kind", "country"))
_HELP = Answer("the commands", ("--help",))

ASKED_FOR: dict[str, Answer] = {
    **dict.fromkeys(
        ("leader", "leaders", "president", "presidents", "who", "ruler", "rulers"), _LEADERS
    ),
    **dict.fromkeys(("day", "date"), _LEADERS),
    **dict.fromkeys(("deaths", "dead", "fatalities", "casualties", "toll", "killed"), _DEATHS),
    **dict.fromkeys(("troops", "soldiers", "strength"), _TROOPS),
    **dict.fromkeys(("displaced", "displacement", "refugees", "idps"), _DISPLACED),
    **dict.fromkeys(("operations", "missions", "phases", "periods", "gantt"), _ERAS),
    **dict.fromkeys(("overview", "stats", "statistics", "story"), _OVERVIEW),
    **dict.fromkeys(("events", "list", "incidents"), _EVENTS),
    **dict.fromkeys(("forecasts", "predictions", "judgements"), _FORECASTS),
    **dict.fromkeys(("countries",), _COUNTRIES),
    **dict.fromkeys(("help",), _HELP),
}


def asked_for(name: str) -> Answer | None:
    """The command that answers ``name`` typed as a command (case aside), if declared."""
    return ASKED_FOR.get(name.casefold())
