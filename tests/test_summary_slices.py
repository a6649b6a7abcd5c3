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


def _days(run: Run, *args: str) -> tuple[str, str, str]:
    content = as_json(run("summary", *args, "-f", "json"))
    return content["period"]["end"], content["current_eras"]["day"], content["figures_day"]


def test_a_slices_eras_and_figures_answer_on_one_day_and_say_it(run: Run) -> None:
    """Mali's events end on 31 October 2022 and its figures were the latest on 9 November
    (U46), but its eras were those of 31 October: both are now of the one day, said."""
    assert _days(run, "--country", "mali") == ("2022-10-31", "2022-11-09", "2022-11-09")
    screen = _screen(run, "--country", "mali")
    assert "Eras: 8 of 18 in place on 2022-11-09 " in screen
    assert "Headline figures: the latest on 2022-11-09 (every figure: barkhane facts)" in screen
    # a window's end asked for is the day of both
    assert _days(run, "--country", "mali", "--until", "2021-05-20") == ("2021-05-20",) * 3
    # Wagner's last event is of 13 August 2022: on its figures' day, Burkina Faso's
    # Traoré junta (from 30 September 2022) was in place too
    assert _days(run, "--actor", "wagner") == ("2022-08-13", "2022-11-09", "2022-11-09")
    eras = as_json(run("summary", "--actor", "wagner", "-f", "json"))["current_eras"]["eras"]
    assert "burkina-traore-junta" in eras
    assert "Eras: 11 of 14 in place on 2022-11-09 " in _screen(run, "--actor", "wagner")


@pytest.mark.parametrize(
    ("window", "day"),
    [(("--country", "mali", "--until", "2021-05-24"), "2021-05-24"), ((), "2022-11-09")],
)
def test_a_summarys_latest_figures_are_those_on_gives_for_its_day(
    run: Run, window: tuple[str, ...], day: str
) -> None:
    """A reviewer: `summary --country mali --until 2021-05-24` headed its figures "the
    latest on 2021-05-24" and gave MINUSMA's 19 killed in all of 2021, a year not half
    over that day, where `on 2021-05-24` gives 2020's; the whole record gave 2022's 15
    (the Staff Union's count to 31 December) where `on 2022-11-09` gives 2021's 19. A
    figure is the latest on a day once its period is over, as `on` reads it."""
    summary = as_json(run("summary", *window, "-f", "json"))
    assert summary["figures_day"] == day
    on = run("on", day)
    assert on.exit_code == 0, on.stderr
    for year in ("2021", "2022"):
        killed = f"minusma-peacekeepers-killed-{year}"
        if year >= day[:4]:  # its year not over on the day
            assert killed not in summary["latest_figures"]
            assert f"\t{killed}\t" not in on.stdout
    # the series' latest on the day, as `on` gives it
    before = f"minusma-peacekeepers-killed-{int(day[:4]) - 1}"
    assert before in summary["latest_figures"]
    assert f"figure\t{before}\t" in on.stdout
