"""Which places lie inside a place: one rule for --place, places --within and the map's
regions (U14: Yirgou, declared in Centre-Nord, was counted in the Sahel region too)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from conftest import Run, as_json, events_found, shared_part

from barkhane_cli import geo, resolve
from barkhane_cli import model as m

YIRGOU = ("yirgou-massacre-2019", "yirgou-detachment-attack-2021-10")
ANEFIS = ("anefis-mnla-clashes-2013-05", "anefis-gatia-cma-battle-2015")


def _ids(run: Run, *args: str) -> list[str]:
    result = run(*args, "--fields", "id", "-f", "plain")
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_a_settlement_declared_in_a_region_is_in_no_sibling_region() -> None:
    """Two regions of one country: V's point falls in B's outline (Natural Earth's Gao),
    but V is declared within A: it is in A only. W, declared in no region, is in B by its
    point. An area made of B holds what B holds (RV3: it took V by its point, so V was in
    two regions' worth of places again, the area's and A's); one made of both holds both."""
    places = {
        "mali": m.Place("mali", "Mali", "country", ()),
        "kidal-region": m.Place("kidal-region", "Kidal Region", "region", (), within="mali"),
        "gao-region": m.Place("gao-region", "Gao Region", "region", (), within="mali"),
        "south": m.Place("south", "South", "area", (), within="mali", made_of=("gao-region",)),
        "both": m.Place(
            "both", "Both", "area", (), within="mali", made_of=("gao-region", "kidal-region")
        ),
        "v": m.Place("v", "V", "village", (), lat=16.5, lon=0.5, within="kidal-region"),
        "w": m.Place("w", "W", "village", (), lat=16.5, lon=0.5, within="mali"),
    }
    assert geo.contained(places, "gao-region") == {"gao-region", "w"}
    assert geo.contained(places, "kidal-region") == {"kidal-region", "v"}
    assert geo.contained(places, "south") == {"south", "gao-region", "w"}
    assert geo.contained(places, "both") == {"both", "gao-region", "kidal-region", "v", "w"}


def test_yirgou_and_anefis_count_in_their_declared_regions_only(run: Run, bundled: None) -> None:
    sahel = _ids(run, "timeline", "--place", "sahel-region-bf")
    centre_nord = _ids(run, "timeline", "--place", "centre-nord-region-bf")
    gao = _ids(run, "timeline", "--place", "gao-region")
    kidal = _ids(run, "timeline", "--place", "kidal-region")
    for event in YIRGOU:
        assert event in centre_nord and event not in sahel, event
    for event in ANEFIS:
        assert event in kidal and event not in gao, event
    # geometry still decides the areas made of regions: both stay in Liptako-Gourma
    liptako = _ids(run, "timeline", "--place", "liptako-gourma")
    assert set(YIRGOU + ANEFIS) <= set(liptako)
    markers = run("map", "--place", "sahel-region-bf", "--fields", "place", "-f", "plain")
    assert markers.exit_code == 0 and "yirgou" not in markers.stdout.split()


def test_the_choropleth_shades_yirgou_in_centre_nord(run: Run, bundled: None) -> None:
    result = run("map", "--by", "region", "--year", "2019", "-f", "json")
    assert result.exit_code == 0, result.stderr
    shaded = {r["region"]: r["event_ids"] for r in as_json(result)}
    assert "yirgou-massacre-2019" in shaded["centre-nord-region-bf"]
    assert "yirgou-massacre-2019" not in shaded["sahel-region-bf"]


def test_places_within_lists_the_places_inside_a_region(run: Run, bundled: None) -> None:
    ids = _ids(run, "places", "--within", "sahel-region-bf")
    assert {"arbinda", "djibo", "solhan", "seytenga", "inata"} <= set(ids)
    assert "sahel-region-bf" not in ids and "yirgou" not in ids
    assert "yirgou" in _ids(run, "places", "--within", "Centre-Nord")  # a name, as --place
    shown = run("places", "--within", "sahel-region-bf", "--fields", "id,country", "-f", "json")
    assert shown.exit_code == 0, shown.stderr
    rows = as_json(shown)
    assert [r["id"] for r in rows] == ids
    assert {r["country"] for r in rows} == {"Burkina Faso"}
    csv = run("places", "--within", "sahel-region-bf", "--fields", "id", "-f", "csv")
    assert csv.stdout.split() == ["id", *ids]


def test_places_sort_by_name_without_accents_or_case(run: Run, bundled: None) -> None:
    """The review: sorted by the raw name, Béléhédé came after Bourzanga, Déou after Djibo.
    These places keep this order whatever places the record adds between them."""
    first = [
        "arbinda", "baliata", "baraboule", "belehede", "bombofa",
        "boukouma", "dambam", "demniol", "deou", "djibo",
    ]  # fmt: skip
    listed = _ids(run, "places", "--within", "sahel-region-bf")
    assert [i for i in listed if i in first] == first


@pytest.mark.parametrize(
    ("kind", "first"),
    [
        # Operation Épervier came after Serval, Côte d'Ivoire after the Czech Republic
        ("operation", ["barkhane", "epervier", "serval", "sabre", "takuba"]),
        ("state", ["algeria", "benin", "burkina-faso", "canada", "chad", "china",
                   "cote-divoire", "czech-republic", "denmark"]),
    ],
)  # fmt: skip
def test_actors_sort_by_name_as_places_do(
    run: Run, bundled: None, kind: str, first: list[str]
) -> None:
    """`actors` sorted by the name's casefold: an accented name sorted apart from its
    plain neighbours, where `places` sorts by the name as names are matched. The listed
    actors keep this order whatever actors the record adds between them."""
    listed = _ids(run, "actors", "--kind", kind)
    assert [i for i in listed if i in first] == first


def test_facet_values_of_one_count_sort_by_name_as_places_do(run: Run, bundled: None) -> None:
    """--facet ranks by count, then by name: by casefold, Anéfis (5 events) came after
    Ansongo (5) and Béléhédé (1) after Bourasso (1)."""
    rows = [
        r.split("\t")
        for r in run("timeline", "--facet", "place", "-f", "plain").stdout.splitlines()
    ]
    # every run of one count is in name order, as names are matched (the counts move with
    # the data; the rule does not)
    for (_, name, count), (_, after, count2) in itertools.pairwise(rows):
        if count == count2:
            assert resolve.name_order(name) <= resolve.name_order(after), (name, after)
    # and the rule has accented names to order among plain ones of their count
    accented = {count for _, name, count in rows if not name.isascii()}
    assert any(name.isascii() for _, name, count in rows if count in accented)


def test_an_actors_affiliations_of_one_day_sort_by_name_as_places_do(
    run: Run, bundled: None
) -> None:
    """Barkhane succeeded Épervier and Serval on 1 August 2014: by casefold, Serval came
    first (É sorts after every plain letter)."""
    shown = json.loads(run("actor", "barkhane", "-f", "json").stdout)["affiliations"]
    succeeded = [a["actor"] for a in shown if a["relation"] == "successor-of"]
    assert succeeded == ["epervier", "serval"]


def test_places_within_given_twice_lists_the_places_inside_either(run: Run, bundled: None) -> None:
    """As --place: the review found the second --within silently replaced the first."""
    gao = _ids(run, "places", "--within", "gao-region")
    kidal = _ids(run, "places", "--within", "kidal-region")
    both = _ids(run, "places", "--within", "gao-region", "--within", "kidal-region")
    assert "tessit" in gao and "tessalit" in kidal
    assert sorted(both) == sorted({*gao, *kidal})


def test_places_within_and_place_on_timeline_agree(run: Run, bundled: None) -> None:
    """timeline --place X has exactly the events at X or at a place places --within X
    lists, on the bundled data: one rule, whether a region, an area made of regions, or
    an area that spans borders."""
    every = run("timeline", "--fields", "id,places", "-f", "jsonl")
    events = [json.loads(line) for line in every.stdout.splitlines()]
    for place in (
        "sahel-region-bf", "centre-nord-region-bf", "gao-region", "kidal-region",
        "menaka-region", "timbuktu-region", "liptako-gourma", "northern-mali", "anzourou",
    ):  # fmt: skip
        inside = {place, *_ids(run, "places", "--within", place)}
        expected = [e["id"] for e in events if inside & set(e["places"])]
        assert _ids(run, "timeline", "--place", place) == expected, place


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (
            ("places", "--within", "petronin"),
            3,
            "barkhane: no place matches 'petronin', but {named} events name it: "
            "barkhane search '\"petronin\"'\n",
        ),
        (
            ("places", "--within", "sahel", "region", "bf"),
            2,
            "barkhane: got unexpected extra arguments (region bf); "
            'quote several words: --within "sahel region bf", or give one per value: '
            "--within sahel --within region --within bf\n",
        ),
    ],
)
def test_places_within_a_name_it_cannot_resolve(
    run: Run, bundled: None, args: tuple[str, ...], code: int, line: str
) -> None:
    result = run(*args)
    # as many events as `barkhane search '"petronin"'` lists (the record's wording changes)
    named = events_found(run, '"petronin"')
    assert named >= 3
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", line.format(named=named))


def test_places_within_a_town_named_like_its_region_says_how_to_ask(
    run: Run, bundled: None, tty: dict[str, str]
) -> None:
    """The town of Ménaka holds no place: the empty answer says how to ask for the region,
    as timeline --place menaka does."""
    shown = run("places", "--within", "menaka", "-f", "table", env=tty)
    assert (shown.exit_code, shown.stdout) == (0, "")
    assert shown.stderr.splitlines() == [
        "no places match",
        "Ménaka is the town; the Ménaka Region is --within menaka-region",
    ]


USER_PLACES = """
[[places]]
id = "rv3-province"
name = "RV3 Province"
kind = "region"
within = "sahel-region-bf"
summary = "A province, declared as a region within Burkina Faso's Sahel region."
sources = [{ id = "rv3-source", note = "test" }]

[[places]]
id = "rv3-village"
name = "RV3 Village"
kind = "village"
within = "rv3-province"
lat = 14.2296
lon = -0.8654
summary = "A village of the province, at Arbinda's point."
sources = [{ id = "rv3-source", note = "test" }]

[[places]]
id = "rv3-astray"
name = "RV3 Astray"
kind = "village"
within = "mopti-region"
lat = 14.0986
lon = -1.6266
summary = "Declared in Mali's Mopti region, its point at Djibo in Burkina Faso."
sources = [{ id = "rv3-source", note = "test" }]

[[places]]
id = "rv3-direct"
name = "RV3 Direct"
kind = "village"
within = "burkina-faso"
lat = 14.15
lon = -1.60
summary = "Declared directly in Burkina Faso, its point in the Sahel region."
sources = [{ id = "rv3-source", note = "test" }]

[[events]]
id = "rv3-village-attack"
date = "2019-05-05"
title = "Attack on the village"
summary = "Test."
type = "attack"
attribution = "unknown"
places = ["rv3-village"]
fatalities = 3
sources = [{ id = "rv3-source", note = "test" }]

[[events]]
id = "rv3-astray-attack"
date = "2019-05-06"
title = "Attack on the village astray"
summary = "Test."
type = "attack"
attribution = "unknown"
places = ["rv3-astray"]
fatalities = 4
sources = [{ id = "rv3-source", note = "test" }]

[[sources]]
id = "rv3-source"
title = "Test"
publisher = "Test"
kind = "news"
date = "2022-11-09"
url = "https://example.org/article"
"""


@pytest.fixture
def user_places(shared_layer: Path) -> Path:
    """USER_PLACES and NEW_REGION, layered over the bundled record by three tests: parts of
    the run's shared layer (conftest.shared_part, one store a run). Each test's places and
    events are its own (rv3-...), so the other entries of the file change none of its
    answers."""
    return shared_layer


def test_a_users_village_in_a_province_or_astray_is_shaded_where_it_is_counted(
    run: Run, bundled: None, user_places: Path
) -> None:
    """RV3: a village in a province declared as a region within the Sahel region was in
    no region of the choropleth (the province has no outline); a village declared in
    Mopti whose point lies in Burkina Faso (its country, by the point) was in no Burkina
    region, and the choropleth shaded Mopti while its marker stood at Djibo."""
    data = ("--data", str(user_places))
    result = run("map", "--by", "region", "--year", "2019", *data, "-f", "json")
    assert result.exit_code == 0, result.stderr
    shaded = {r["region"]: r["event_ids"] for r in as_json(result)}
    assert {"rv3-village-attack", "rv3-astray-attack"} <= set(shaded["sahel-region-bf"])
    assert "rv3-astray-attack" not in shaded.get("mopti-region", [])
    sahel = _ids(run, "timeline", "--place", "sahel-region-bf", *data)
    assert {"rv3-village-attack", "rv3-astray-attack"} <= set(sahel)
    assert {"rv3-village", "rv3-astray"} <= set(
        _ids(run, "places", "--within", "sahel-region-bf", *data)
    )
    country = _ids(run, "timeline", "--country", "burkina-faso", *data)
    assert "rv3-astray-attack" in country
    rows = as_json(run("places", "--fields", "id,region,country", *data, "-f", "json"))
    assert {"id": "rv3-village", "region": "Sahel Region", "country": "Burkina Faso"} in rows


def test_the_region_column_says_the_region_places_within_lists_a_village_in(
    run: Run, bundled: None, user_places: Path
) -> None:
    """RV3: places --within sahel-region-bf lists a village declared directly in Burkina
    Faso, or in Mopti with its point in Burkina Faso, by its point; the region column
    said nothing for the one and Mopti for the other."""
    data = ("--data", str(user_places))
    within = set(_ids(run, "places", "--within", "sahel-region-bf", *data))
    rows = as_json(run("places", "--fields", "id,region,country", *data, "-f", "json"))
    for pid in ("rv3-direct", "rv3-astray"):
        assert pid in within
        assert {"id": pid, "region": "Sahel Region", "country": "Burkina Faso"} in rows
    profile = as_json(run("place", "rv3-astray", *data, "-f", "json"))
    assert profile["region"] == "Sahel Region"


NEW_REGION = """
[[places]]
id = "rv3-bandiagara-region"
name = "RV3 Bandiagara Region"
kind = "region"
within = "mali"
summary = "A region created in 2023 from part of the Mopti region."
sources = [{ id = "rv3-source", note = "test" }]

[[places]]
id = "rv3-bandiagara-village"
name = "RV3 Bandiagara Village"
kind = "village"
within = "rv3-bandiagara-region"
lat = 14.35
lon = -3.61
summary = "A village near Bandiagara."
sources = [{ id = "rv3-source", note = "test" }]

[[events]]
id = "rv3-bandiagara-attack"
date = "2019-05-07"
title = "Attack near Bandiagara"
summary = "Test."
type = "attack"
attribution = "unknown"
places = ["rv3-bandiagara-village"]
fatalities = 2
sources = [{ id = "rv3-source", note = "test" }]
"""
shared_part(USER_PLACES.replace("[[events]]", NEW_REGION + "\n[[events]]", 1))


def test_a_village_of_a_region_with_no_outline_is_shaded_where_its_point_lies(
    run: Run, bundled: None, user_places: Path
) -> None:
    """RV3: a region a --data file adds (one of Mali's of 2023, Bandiagara) has no
    outline; since K3 the choropleth took its village's event for one placed only in a
    country and shaded nothing. It counts in the outline its point lies in (Mopti's), as
    Taoudénit's villages count in Timbuktu's."""
    data = ("--data", str(user_places))
    result = run("map", "--by", "region", "--year", "2019", *data, "-f", "json")
    assert result.exit_code == 0, result.stderr
    shaded = {r["region"]: r["event_ids"] for r in as_json(result)}
    assert "rv3-bandiagara-attack" in shaded["mopti-region"]


def test_who_attacked_minusma_lists_attacks_on_minusma_not_on_its_contributors(
    run: Run, bundled: None
) -> None:
    """A state that sends troops to MINUSMA (Burkina Faso, Niger, Chad) is not a unit of
    it: `--target minusma` for 2021 had listed Solhan and Banibangou, attacks on Burkina
    Faso's and Niger's own people at home, 32 of its 41 rows."""
    listed = _ids(run, "timeline", "--target", "minusma", "--year", "2021")
    assert listed and "solhan-massacre" not in listed
    assert "banibangou-market-massacre" not in listed
    events = as_json(run("timeline", "--target", "minusma", "--year", "2021", "-f", "json"))
    assert all("minusma" in e["targets"] for e in events)
    # nor is Mali an ECOWAS unit, nor France a NATO one
    assert "tessit-attack-2022" not in _ids(run, "timeline", "--target", "ecowas")
    # a group's part in another still counts: Katiba Macina's attacks are JNIM's
    macina = _ids(run, "timeline", "--perpetrator", "katiba-macina", "--since", "2017-04")
    assert macina and set(macina) <= set(_ids(run, "timeline", "--perpetrator", "jnim"))


@pytest.mark.parametrize("command", ["timeline", "map", "compare"])
def test_the_help_of_perpetrator_and_target_says_a_states_memberships_do_not_count(
    run: Run, command: str
) -> None:
    """U18 read `--target  Who was attacked, counted the same way` and could not tell
    whether an attack on Chad's army is one on MINUSMA; each option says the rule."""
    result = run(command, "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    said = " ".join(line.strip("│ ") for line in result.stdout.splitlines())
    said = " ".join(said.split())
    rule = (
        "(repeatable): a group counts for the one it was part of at the time; a state does "
        "not count for what it is a member of (Chad for MINUSMA, Mali for ECOWAS)."
    )
    assert f"--perpetrator TEXT Who carried it out {rule}" in said
    assert f"--target TEXT Who was attacked {rule}" in said
