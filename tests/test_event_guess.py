"""`event NAME` with an event type or a date in the name opens the event of that type
and date before one whose title merely holds the words (U37, U38: `event "august 2020
coup"` opened the African Union's suspension of Mali, not the coup), from the store as
from the TOML files."""

from __future__ import annotations

import pytest
from conftest import Run, as_json, watched

# What a user guesses, and the event it names
OPENS = {
    "august 2020 coup": "coup-2020-08",  # the AU's suspension holds all three words
    "mali coup 2021": "coup-2021-05-24",  # opened the prosecution of a 2021 plot
    "burkina coup january 2022": "burkina-coup-2022-01-24",  # no title says "january"
    "niger coup 2021": "niger-coup-attempt-2021",  # a coup attempt, tagged coup
    "chad coup 2021": "chad-military-council-takes-power-2021",
    "ogossagou 2019": "ogossagou-massacre",  # the 2020 attack's id holds "ogossagou"
    # a linking word is no word of the title to find: "the" opened the AU's suspension,
    # "in" and "at" left the coup and the massacre out (RV36)
    "the august 2020 coup": "coup-2020-08",
    "the coup in mali in 2021": "coup-2021-05-24",
    "massacre at moura": "moura-massacre",
}


@pytest.mark.parametrize("cache", ["store", "files"])
@pytest.mark.parametrize("name", list(OPENS))
def test_a_type_or_a_date_in_a_name_opens_that_event(
    run: Run, bundled: None, name: str, cache: str
) -> None:
    env = {"BARKHANE_CACHE": "0"} if cache == "files" else None
    result = run("event", name, "-f", "json", env=env)
    assert result.exit_code == 0, result.stderr
    assert as_json(result)["id"] == OPENS[name]


def test_several_of_the_type_and_date_are_listed_without_the_others(
    run: Run, bundled: None
) -> None:
    # 2012 had two coups (Sanogo's, and Diarra's forced resignation); the AU's
    # suspension after the first holds "2012 coup" in its title, and is not one
    result = run("event", "2012 coup")
    assert result.exit_code == 3, result.stderr
    assert "matches 2 events" in result.stderr
    assert "coup-2012-03" in result.stderr
    assert "diarra-forced-to-resign" in result.stderr
    assert "african-union-suspends-mali" not in result.stderr


# A name whose every event of its type and date, or whose place word's events of the date,
# are more than one: all of them are listed, none picked by its title (U41: "coup 2021"
# left out Chad's military council, whose title does not say "coup", and "aguelhok 2021"
# opened the Bakabo strike, whose id holds the words, over the attack on the UN camp).
LISTS = {
    "coup 2021": {
        "chad-military-council-takes-power-2021",
        "coup-2021-05-24",
        "guinea-coup-2021-09-05",
    },
    "aguelhok 2021": {"aguelhok-minusma-attack-2021", "bakabo-killed-aguelhok-2021"},
}


@pytest.mark.parametrize("name", list(LISTS))
def test_equals_of_the_type_date_or_place_are_all_listed(
    run: Run, bundled: None, name: str
) -> None:
    result = run("event", name)
    assert result.exit_code == 3, result.stderr
    assert f"matches {len(LISTS[name])} events" in result.stderr
    assert all(f"({i})" in result.stderr for i in LISTS[name])


def test_a_guess_says_what_else_holds_the_words(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch, worked_out=True)
    result = run("event", "august 2020 coup", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert told and told[0].startswith("read 'august 2020 coup' as Military coup topples")


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("coup", "barkhane timeline --type coup lists"),  # a type alone: its listing
        ("2019-03", "barkhane on 2019-03 shows the month"),  # a date alone: on DATE
    ],
)
def test_a_type_or_a_date_alone_still_points_to_its_listing(
    run: Run, bundled: None, name: str, said: str
) -> None:
    result = run("event", name)
    assert result.exit_code == 3
    assert said in result.stderr


@pytest.mark.parametrize("cache", ["store", "files"])
def test_too_many_of_the_type_and_date_to_rank_leave_resolve_s_reading(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    # an import's hundreds of thousands of attacks are not read to guess a name: over the
    # most ranked, the words in the titles decide, as before, from the store as without
    monkeypatch.setattr("barkhane_cli.cli.eventguess._MOST_RANKED", 50)
    env = {"BARKHANE_CACHE": "0"} if cache == "files" else None
    result = run("event", "mali coup 2021", "-f", "json", env=env)
    assert result.exit_code == 0, result.stderr
    assert as_json(result)["id"] == "mali-coup-plot-investigation-2021-11"
