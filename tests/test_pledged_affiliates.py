"""--perpetrator says what a pledge leaves out (U41 #7): `timeline --perpetrator al-qaeda
--year 2019` listed 1 event and said nothing of JNIM, sworn to al-Qaeda, whose attacks it
does not count (roles.ROLL_UP). The rows stay the strict answer; the footer (and stderr
after --count or --facet) says how many events the pledged groups carried out, from the
record's pledged-to affiliations at each event's date, and the option that adds them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, as_json, layer_event, terminal, watched


def _actor(ident: str, name: str, affiliations: str) -> str:
    return f"""
[[actors]]
id = "{ident}"
name = "{name}"
kind = "armed-group"
country = "Mali"
summary = "A test group."
affiliations = [{affiliations}]
sources = [{{ id = "seed" }}]
"""


def _event(ident: str, date: str, perpetrators: list[str]) -> str:
    text = layer_event(ident, "attack", f"Zorblat raid {ident}", "A test raid.")
    text = text.replace('date = "2020-08-20"', f'date = "{date}"')
    said = ", ".join(f'"{p}"' for p in perpetrators)
    text = text.replace('actors = ["jnim", "mali"]', f'actors = [{said}, "mali"]')
    return text.replace('perpetrators = ["jnim"]', f"perpetrators = [{said}]")


@pytest.fixture
def layer(tmp_path: Path) -> str:
    """Zorb Core, its branch (part of it) and its front (pledged to it, and to the branch:
    one count for the two oaths); the Offshoot, pledged from 2015 and part from 2019 (as
    ISGS to the Islamic State)."""
    path = tmp_path / "zorblat.toml"
    actors = [
        _actor("zorb-core", "Zorb Core", ""),
        _actor("zorb-branch", "Zorb Branch", '{ actor = "zorb-core", relation = "part-of" }'),
        _actor(
            "zorb-front",
            "Zorb Front",
            '{ actor = "zorb-core", relation = "pledged-to", start = "2017-03" }, '
            '{ actor = "zorb-branch", relation = "pledged-to", start = "2017-03" }',
        ),
        _actor(
            "zorb-offshoot",
            "Zorb Offshoot",
            '{ actor = "zorb-core", relation = "pledged-to", start = "2015-05" }, '
            '{ actor = "zorb-core", relation = "part-of", start = "2019-03" }',
        ),
    ]
    events = [
        ("z-branch", "2020-08-20", ["zorb-branch"]),  # part of the core: listed
        ("z-both", "2020-08-21", ["zorb-front", "zorb-branch"]),  # listed, not in the note
        ("z-front", "2020-08-22", ["zorb-front"]),  # pledged: noted
        ("z-front-2", "2020-09-01", ["zorb-front"]),
        ("z-front-2016", "2016-09-01", ["zorb-front"]),  # before its oath: not noted
        ("z-offshoot-2018", "2018-05-01", ["zorb-offshoot"]),  # pledged: noted
        ("z-offshoot-2020", "2020-05-01", ["zorb-offshoot"]),  # a part: listed
    ]
    text = "".join(actors) + "".join(_event(*e) for e in events)
    path.write_text(text, encoding="utf-8")
    return str(path)


def _args(layer: str, *more: str) -> tuple[str, ...]:
    return ("timeline", "--search", "zorblat", "--data", layer, *more)


def test_the_footer_says_the_pledged_groups_events(run: Run, layer: str) -> None:
    result = run(*_args(layer, "--perpetrator", "zorb-core"), env=terminal(400))
    assert result.exit_code == 0, result.stderr
    assert "z-front" not in result.stdout  # the rows: the strict answer
    footer = result.stdout.splitlines()[-1]
    assert footer == (
        "3 events; 2 events by Zorb Front (pledged to Zorb Core) and 1 by Zorb Offshoot "
        "(pledged to Zorb Core) before it became part of Zorb Core (2019-03) not listed "
        "(a pledge is not a part): add --perpetrator zorb-front --perpetrator zorb-offshoot"
    )
    # the option it names lists them, and then nothing is left to say
    both = ("--perpetrator", "zorb-core", "--perpetrator", "zorb-front", "--since", "2019")
    added = run(*_args(layer, *both), env=terminal(400))
    assert added.stdout.splitlines()[-1] == "5 events"
    assert "pledge" not in added.stdout + added.stderr


def test_the_pledge_counts_at_the_events_date(run: Run, layer: str) -> None:
    """The Offshoot in 2018 was pledged to the core; in 2020 it was part of it (as ISGS
    of the Islamic State)."""
    result = run(
        *_args(layer, "--perpetrator", "zorb-core", "--since", "2018", "--until", "2020-06"),
        env=terminal(400),
    )
    assert "z-offshoot-2020" in result.stdout and "z-offshoot-2018" not in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "1 event; 1 event by Zorb Offshoot (pledged to Zorb Core) before it became part "
        "of Zorb Core (2019-03) not listed (a pledge is not a part): add --perpetrator "
        "zorb-offshoot"
    )
    # nor is a group's raid before its oath said
    before = run(*_args(layer, "--perpetrator", "zorb-core", "--year", "2016"), env=terminal(400))
    assert "pledge" not in before.stdout + before.stderr


def test_a_group_part_of_it_at_other_times_says_when(run: Run, bundled: None) -> None:
    """U45 #9: the record's ISGS rows of 2019 are listed (part of ISWAP, part of the
    Islamic State, from 2019-03), and the two raids of January 2019 are not: the note
    says why, from ISGS's affiliations, where "pledged to Islamic State" alone read as
    contradicting the rows above it."""
    result = run("timeline", "--perpetrator", "islamic state", "--year", "2019", env=terminal(400))
    footer = result.stdout.splitlines()[-1]
    assert (
        " and 2 by ISGS (pledged to Islamic State) before it became part of ISWAP (2019-03)"
        " not listed (a pledge is not a part): add --perpetrator boko-haram --perpetrator isgs"
    ) in footer, footer
    # a group never part of it keeps its pledge alone
    assert "14 events by Boko Haram (pledged to Islamic State) and" in footer


def test_json_and_the_facet_stay_the_strict_answer(
    run: Run, layer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = _args(layer, "--perpetrator", "zorb-core", "--since", "2019")
    rows = as_json(run(*args, "-f", "json"))
    assert sorted(e["id"] for e in rows) == ["z-both", "z-branch", "z-offshoot-2020"]
    facet = as_json(run(*args, "--facet", "perpetrator", "-f", "json"))
    assert {f["perpetrator"]: f["events"] for f in facet}.get(
        "zorb-front"
    ) == 1  # z-both, as the rows
    told = watched(monkeypatch, worked_out=True)  # --count's notes: on a watched stderr
    count = run(*args, "--count")
    assert count.stdout.strip() == "3"
    said = " ".join(told)
    assert "2 events by Zorb Front" in said and "add --perpetrator zorb-front" in said


def test_piped_output_says_nothing_of_it(run: Run, layer: str) -> None:
    result = run(*_args(layer, "--perpetrator", "zorb-core", "--count"))
    assert result.stdout.strip() == "3"
    assert "pledge" not in result.stderr


_NOTE = "2 events by Zorb Front (pledged to Zorb Core) and 1 by Zorb Offshoot"


def test_map_and_chart_say_it_as_timeline_does(
    run: Run, layer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They filter with timeline's --perpetrator, so they say what it leaves out: under
    the drawn map and bars, and before a piped chart's rows (as its caveat: a head that
    has gone would lose a note told after them)."""
    asked = ("--search", "zorblat", "--data", layer, "--perpetrator", "zorb-core")
    drawn = run("map", *asked, env=terminal(400))
    assert drawn.exit_code == 0, drawn.stderr
    assert _NOTE in drawn.stdout and "add --perpetrator zorb-front" in drawn.stdout
    bars = run("chart", "events", *asked, env=terminal(400))
    assert bars.exit_code == 0, bars.stderr
    assert _NOTE in " ".join(bars.stdout.split())
    told = watched(monkeypatch)
    piped = run("chart", "fatalities", *asked, "-f", "csv")
    assert piped.stdout.startswith("label,") and "pledge" not in piped.stdout
    assert any(_NOTE in said for said in told), told
    # no pledged group's event left out, nothing said
    told.clear()
    run("chart", "events", *asked[:-1], "zorb-front", "-f", "csv")
    assert not any("pledge" in said for said in told), told


def test_a_group_that_left_it_says_since_when(run: Run, tmp_path: Path) -> None:
    """The other side of U45 #9's rule: a group once part of the one asked for, pledged
    to it after it left, is said to have left it, with when."""
    path = tmp_path / "exile.toml"
    exile = _actor(
        "zorb-exile",
        "Zorb Exile",
        '{ actor = "zorb-core", relation = "part-of", start = "2015", end = "2016-12" }, '
        '{ actor = "zorb-core", relation = "pledged-to", start = "2017-01" }',
    )
    events = [
        ("z-exile-2016", "2016-05-01", ["zorb-exile"]),
        ("z-exile-2018", "2018-05-01", ["zorb-exile"]),
    ]
    path.write_text(
        _actor("zorb-core", "Zorb Core", "") + exile + "".join(_event(*e) for e in events),
        encoding="utf-8",
    )
    result = run(*_args(str(path), "--perpetrator", "zorb-core"), env=terminal(400))
    assert "z-exile-2016" in result.stdout and "z-exile-2018" not in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "1 event; 1 event by Zorb Exile (pledged to Zorb Core) after it left Zorb Core "
        "(2016-12) not listed (a pledge is not a part): add --perpetrator zorb-exile"
    )
