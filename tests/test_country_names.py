"""A country no place entry holds, named by one rule in every view (K49): a user file's
places say `country = "Côte d'Ivoire"` and no country entry exists. `places` and `place X`
title-cased the id ("Cote Divoire"), the JSON `country` was each place's own spelling,
and the titles and names read took whichever place the file wrote last."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, as_json, rows, terminal, watched

_PLACE = """
[[places]]
id = "{}"
name = "{}"
kind = "{}"
lat = {}
lon = {}
country = "{}"
sources = [{{ id = "ref-a" }}]
"""
_EVENT = """
[[events]]
id = "{}"
date = "{}"
title = "{}"
summary = "S."
type = "attack"
places = ["{}"]
sources = [{{ id = "ref-a" }}]
"""
# Two places write the accent and the last one does not: the spelling most of them write
# names the country (geo.country_namer).
_IVORIAN = "".join(
    [
        _PLACE.format("kafolo", "Kafolo", "village", 9.6, -4.33, "Côte d'Ivoire"),
        _PLACE.format("korhogo", "Korhogo", "city", 9.46, -5.63, "Côte d'Ivoire"),
        _PLACE.format("tehini", "Téhini", "village", 9.6, -3.66, "Cote d'Ivoire"),
        _EVENT.format("kafolo-2020", "2020-06-11", "An attack on a border post", "kafolo"),
        _EVENT.format("tehini-2021", "2021-06-12", "Soldiers killed near Téhini", "tehini"),
    ]
)

IVORIAN = "Côte d'Ivoire"


@pytest.fixture
def ivorian(tmp_path: Path) -> list[str]:
    """The --data arguments of the user file."""
    data = tmp_path / "ivorian.toml"
    data.write_text(_IVORIAN, encoding="utf-8")
    return ["--data", str(data)]


def test_places_lists_the_country_as_its_places_write_it(run: Run, ivorian: list[str]) -> None:
    listed = [r for r in rows(run("places", *ivorian, "-f", "plain")) if r[4] != "Mali"]
    assert listed == [
        ["ouagadougou", "Ouagadougou", "capital", "Centre Region", "Burkina Faso",
         "12.3700", "-1.5300", "1"],
        ["kafolo", "Kafolo", "village", "", IVORIAN, "9.6000", "-4.3300", "1"],
        ["korhogo", "Korhogo", "city", "", IVORIAN, "9.4600", "-5.6300", "0"],
        ["tehini", "Téhini", "village", "", IVORIAN, "9.6000", "-3.6600", "1"],
    ]  # fmt: skip
    doc = as_json(run("places", *ivorian, "-f", "json"))
    named = {p["id"]: (p["country"], p["countries"]) for p in doc}
    assert [named[p] for p in ("kafolo", "korhogo", "tehini")] == [(IVORIAN, ["cote-divoire"])] * 3


def test_a_places_profile_names_its_country_as_the_listing_does(
    run: Run, ivorian: list[str]
) -> None:
    card = rows(run("place", "tehini", *ivorian, "-f", "plain"))
    assert ["country", IVORIAN] in card
    assert as_json(run("place", "tehini", *ivorian, "-f", "json"))["country"] == IVORIAN
    shown = run("place", "kafolo", *ivorian, "--no-pager", env=terminal(80)).stdout.splitlines()
    assert [" ".join(line.strip("│ ").split()) for line in shown if "country" in line] == [
        f"country {IVORIAN}"
    ]


def test_the_titles_and_the_names_read_say_the_country_so(
    run: Run, ivorian: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    asked = ["--country", IVORIAN, *ivorian]
    assert run("timeline", *asked, "--count").stdout == "2\n"
    assert told == [f"country: {IVORIAN} (cote-divoire)"]
    env = terminal(100)
    summary = run("summary", *asked, "--no-pager", env=env).stdout.splitlines()
    assert summary[0] == f"╭─ Sahel conflict: the record in {IVORIAN} " + "─" * 52 + "╮"
    chart = run("chart", *asked, "--no-pager", env=env).stdout.splitlines()
    assert chart[0] == f"Events in {IVORIAN} per year, 2020-06-11 to 2021-06-12"
    drawn = run("map", *asked, "--no-pager", env=env).stdout.splitlines()
    assert drawn[0] == f"barkhane map: 2 events, 2020-06-11 to 2021-06-12 (in {IVORIAN})"


def test_a_misspelt_country_is_offered_as_its_places_write_it(run: Run, ivorian: list[str]) -> None:
    result = run("timeline", "--country", "Kote d'Ivoire", *ivorian)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        f'barkhane: no country matches "Kote d\'Ivoire"; did you mean {IVORIAN} (cote-divoire)?\n'
    )


def test_a_facet_names_the_country_as_the_listing_does(run: Run, ivorian: list[str]) -> None:
    """--facet country named such a country by its id ("cote-divoire"; the record's
    Qatar "qatar"), as `on 2022` did before RR35."""
    counted = as_json(run("timeline", *ivorian, "--facet", "country", "-f", "json"))
    assert {"country": "cote-divoire", "country_name": IVORIAN, "events": 2} in counted
    pairs = run("timeline", *ivorian, "--facet", "country", "--facet", "year", "-f", "csv")
    assert [r for r in pairs.stdout.splitlines() if "cote-divoire" in r] == [
        f"cote-divoire,{IVORIAN},2020,1",
        f"cote-divoire,{IVORIAN},2021,1",
    ]


@pytest.mark.parametrize("first", [IVORIAN, "Cote d'Ivoire"])
def test_a_tie_between_spellings_names_the_country_whichever_file_comes_first(
    run: Run, tmp_path: Path, first: str
) -> None:
    """One place writes each spelling, in two files given in either order: the first
    spelling in code-point order names the country ("Cote" before "Côte"), not the one
    the files gave first or last (geo.country_namer)."""
    second = "Cote d'Ivoire" if first == IVORIAN else IVORIAN
    given = []
    for n, (place, country) in enumerate([("kafolo", first), ("tehini", second)]):
        path = tmp_path / f"{n}.toml"
        path.write_text(
            _PLACE.format(place, place.title(), "village", 9.6, -4.0, country)
            + _EVENT.format(f"{place}-2020", "2020-06-11", "An attack", place),
            encoding="utf-8",
        )
        given += ["--data", str(path)]
    counted = as_json(run("timeline", *given, "--facet", "country", "-f", "json"))
    assert {"country": "cote-divoire", "country_name": "Cote d'Ivoire", "events": 2} in counted


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_country_of_only_spaces_is_refused_as_an_empty_within_is(
    run: Run, tmp_path: Path, blank: str
) -> None:
    """A place's `country` of only spaces (or none) was read as a country: its id and
    name were the spaces, listed in `places`' Country column and by --facet country."""
    path = tmp_path / "blank.toml"
    path.write_text(_PLACE.format("kafolo", "Kafolo", "village", 9.6, -4.0, blank), "utf-8")
    result = run("places", "--data", str(path))
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        f"barkhane: bad data: {path}: place 'kafolo', field 'country': is empty\n"
    )
