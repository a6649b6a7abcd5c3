"""`timeline --place AREA`, an area made of regions or spanning countries, says under the
table what the area covers and where it is told: `timeline --place liptako` listed
events in Kidal, Gao, Niamey and Ouagadougou with no word of why (U38)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Run, terminal, watched


def _footer(run: Run, *args: str) -> str:
    """The lines under a timeline's table at 80 columns, joined as one text."""
    result = run("timeline", *args, "-n", "1", env=terminal(80))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"1 of \d", line))
    return " ".join(lines[start:])


@pytest.mark.parametrize(
    ("place", "said"),
    [
        (
            "liptako",
            "Liptako-Gourma covers 16 regions and 1 capital in Burkina Faso, Mali and"
            " Niger, wider than the tri-border area: barkhane place liptako-gourma",
        ),
        (
            "northern-mali",
            "Northern Mali covers Timbuktu Region, Taoudénit Region, Gao Region, Ménaka"
            " Region and Kidal Region: barkhane place northern-mali",
        ),
        (
            "lake chad",
            "Lake Chad covers places within 4 countries (Cameroon, Chad, Niger and"
            " Nigeria): barkhane place lake-chad",
        ),
    ],
)
def test_an_area_s_events_say_what_it_covers(
    run: Run, bundled: None, place: str, said: str
) -> None:
    assert said in _footer(run, "--place", place)


@pytest.mark.parametrize("place", ["tillaberi-region", "gao", "mali"])
def test_a_region_a_town_or_a_country_says_nothing_of_it(
    run: Run, bundled: None, place: str
) -> None:
    assert " covers " not in _footer(run, "--place", place)


def test_a_script_reads_the_events_alone(run: Run, bundled: None) -> None:
    piped = run("timeline", "--place", "liptako", "-n", "1")
    assert piped.exit_code == 0
    assert "covers" not in piped.stdout + piped.stderr
    assert len(piped.stdout.splitlines()) == 1


_WIDER = (
    "Liptako-Gourma covers 16 regions and 1 capital in Burkina Faso, Mali and Niger, wider "
    "than the tri-border area: barkhane place liptako-gourma"
)


def test_a_count_and_a_map_say_it_too(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U45 #10: `--place liptako-gourma --year 2019 --count` gave 103, Niamey's and
    Ouagadougou's events among them, with no word that the area is wider than the
    tri-border area the seed means by the name (the place's ``wider_than``)."""
    told = watched(monkeypatch, worked_out=True)  # as on a terminal's stderr
    count = run("timeline", "--place", "liptako-gourma", "--year", "2019", "--count")
    assert count.stdout.strip().isdigit()
    assert _WIDER in told, told
    drawn = run("map", "--place", "liptako-gourma", "--year", "2019", env=terminal(200))
    assert _WIDER in " ".join(drawn.stdout.split())


@pytest.mark.parametrize(
    "name", ["tri-border", "three borders", "trois frontières", "Zone des Trois Frontieres"]
)
def test_the_tri_border_area_is_no_place_and_the_nearest_is_named(
    run: Run, bundled: None, name: str
) -> None:
    """U45 #10: `--place tri-border` said "no place matches" and no more; the record has
    no place for it (no source gives its extent), and the nearest it has is the area the
    seed calls the tri-border area. No place is made up: the run still fails, exit 3."""
    for args in (("timeline", "--place", name), ("place", name), ("map", "--place", name)):
        result = run(*args)
        assert result.exit_code == 3, (args, result.stdout)
        said = result.stderr.strip()
        assert said.startswith(
            f"barkhane: no place matches '{name}': the record has no place for the tri-border "
            "area; the nearest is Liptako-Gourma (liptako-gourma), wider than it"
        ), said
        assert len(said.splitlines()) == 1


def test_only_a_region_or_an_area_is_wider_than_a_name(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "village.toml"
    path.write_text(
        '[[places]]\nid = "zorb-village"\nname = "Zorb"\nkind = "village"\nwithin = "mali"\n'
        'wider_than = ["zorb centre"]\nsources = [{ id = "seed" }]\n',
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.exit_code == 4
    assert "only a region or an area is wider than a name it is taken for" in result.stdout + (
        result.stderr
    )


def test_a_chart_says_it_as_timeline_and_map_do(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RV39: `chart --place liptako-gourma` drew 2019's 103 events as the area's with no
    word of what it covers, where timeline and map said it: under the bars when drawn,
    on a watched stderr before the rows when piped (as chart's caveat is)."""
    drawn = run("chart", "--place", "liptako-gourma", "--year", "2019", env=terminal(200))
    assert _WIDER in " ".join(drawn.stdout.split()), drawn.stdout
    told = watched(monkeypatch)
    piped = run("chart", "--place", "liptako-gourma", "--year", "2019")
    assert piped.stdout.split("\t")[0] == "2019"  # the rows stay data
    assert _WIDER in told, told


def test_a_place_s_json_names_what_it_is_wider_than(run: Run, bundled: None) -> None:
    """RV39: the card and the listings said the area is wider than the tri-border area,
    `place liptako-gourma -f json` had no key for it; a place with none gives []."""
    import json

    wide = json.loads(run("place", "liptako-gourma", "-f", "json").stdout)
    assert wide["wider_than"][0] == "tri-border area"
    assert json.loads(run("place", "gao", "-f", "json").stdout)["wider_than"] == []
