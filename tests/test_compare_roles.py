"""compare's line of what differs says in which role our event names an actor that only
the records give as a perpetrator (U31): ACLED's battles count both sides as actors, so
an attack on Mali's army that ACLED codes as a clash gave "only theirs name: Mali" under
our own "JNIM → Mali". The rows are synthetic, written from the codebook's header."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, TEST_SOURCE, Run, first_row, write_rows

CURATED = (
    TEST_SOURCE
    + """
[[events]]
id = "tbk-army-attack"
date = "2019-05-10"
title = "Attack on the army in Timbuktu"
summary = "A test attack."
type = "attack"
actors = ["jnim", "mali", "france"]
perpetrators = ["jnim"]
targets = ["mali"]
attribution = "claimed"
places = ["timbuktu"]
fatalities = 10
sources = [{ id = "test-src" }]
"""
)


def _files(tmp_path: Path, actor2: str) -> list[str]:
    curated = tmp_path / "curated.toml"
    curated.write_text(CURATED, encoding="utf-8")
    header, row = first_row(FIXTURES / "acled" / "2019-2022.csv")
    row.update(
        event_id_cnty="MLI9101", event_id_no_cnty="9101", event_date="2019-05-10",
        year="2019", time_precision="1", event_type="Battles", sub_event_type="Armed clash",
        actor1="JNIM: Group for Support of Islam and Muslims", assoc_actor_1="", inter1="2",
        actor2=actor2, assoc_actor_2="", inter2="1", interaction="12", country="Mali",
        admin1="Timbuktu", admin2="Timbuktu", admin3="Timbuktu", location="Tombouctou",
        latitude="16.7735", longitude="-3.0074", geo_precision="1",
        notes="FICTIONAL TEST ROW.", fatalities="10",
    )  # fmt: skip
    acled = write_rows(tmp_path / "acled.csv", header, [row])
    return ["--data", str(curated), "--data", str(acled)]


def _differs(run: Run, tty: dict[str, str], data: list[str]) -> str:
    result = run("compare", *data, "--year", "2019", env=tty)
    assert result.exit_code == 0, result.stderr
    block = result.stdout.split("\n\n")[0].splitlines()
    assert block[-2].startswith("  ACLED MLI9101 "), block
    return block[-1]


def _pair(run: Run, tty: dict[str, str], data: list[str]) -> str:
    result = run("compare", *data, "--year", "2019", env=tty)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split("\n\n")[0].splitlines()[-2]


def test_the_attacked_side_of_their_clash_is_no_difference(
    run: Run, tmp_path: Path, tty: dict[str, str]
) -> None:
    """ACLED's battle names no attacker (U54): the side we name as the attacked is one of
    its two sides, not a perpetrator that only theirs gives."""
    data = _files(tmp_path, "Military Forces of Mali (2012-2021)")
    assert _differs(run, tty, data) == "  deaths: ours 10 · ACLED 10"
    assert _pair(run, tty, data).endswith("; attributed: JNIM ↔ Mali")
    as_json = run("compare", *data, "--year", "2019", "--format", "json")
    roles = json.loads(as_json.stdout)[0]["differences"]["perpetrators"]
    assert (roles["theirs"], roles["only_theirs"]) == (["jnim", "mali"], [])


def test_a_side_we_name_in_no_role_and_one_we_do_not_name_are_told_apart(
    run: Run, tmp_path: Path, tty: dict[str, str]
) -> None:
    line = _differs(run, tty, _files(tmp_path, "Military Forces of France (2017-)"))
    assert line == "  deaths: ours 10 · ACLED 10 · a side in theirs, named in ours: France"
    line = _differs(run, tty, _files(tmp_path, "Wagner Group"))
    assert line == "  deaths: ours 10 · ACLED 10 · only theirs name: Wagner Group"


def test_the_perpetrator_of_their_attack_that_we_name_as_the_target_is_said_so(
    run: Run, tmp_path: Path, tty: dict[str, str]
) -> None:
    """Remote violence has a direction (actor 1 fired): Mali's strike where we have an
    attack on Mali is a real difference."""
    data = _files(tmp_path, "JNIM: Group for Support of Islam and Muslims")
    rows = (
        Path(data[3])
        .read_text(encoding="utf-8")
        .replace(
            "Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2",
            "Explosions/Remote violence,Air/drone strike,Military Forces of Mali (2012-2021),,1",
        )
    )
    Path(data[3]).write_text(rows, encoding="utf-8")
    line = _differs(run, tty, data)
    assert line == "  deaths: ours 10 · ACLED 10 · perpetrator in theirs, target in ours: Mali"
