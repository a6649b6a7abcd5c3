"""--facet attribution counts events by how their perpetrators are known (claimed,
attributed, suspected, unknown), and a perpetrator facet whose rows count events of
several attributions alike says so in one line (U50 #11: `--target minusma --year 2021
--facet perpetrator` gave JNIM 3, one of them only suspected, and nothing told them apart)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal

_EVENT = """
[[events]]
id = "{id}"
date = "2021-0{month}-01"
title = "Attack {id}"
summary = "Gunmen attack a convoy."
type = "attack"
actors = ["{who}", "mali"]
perpetrators = ["{who}"]
targets = ["mali"]
attribution = "{how}"
places = ["timbuktu"]
sources = [{{ id = "ref-a" }}]
"""
_UNKNOWN = """
[[events]]
id = "nobody"
date = "2021-05-01"
title = "Attack by no one named"
summary = "A mine blast."
type = "attack"
actors = ["mali"]
targets = ["mali"]
attribution = "unknown"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


@pytest.fixture
def attacks(tmp_path: Path) -> str:
    path = tmp_path / "attacks.toml"
    rows = [
        ("claimed-1", 1, "jnim", "claimed"),
        ("claimed-2", 2, "jnim", "claimed"),
        ("suspected-1", 3, "jnim", "suspected"),
        ("wagner-1", 4, "wagner", "attributed"),
    ]
    text = "".join(_EVENT.format(id=i, month=mo, who=w, how=h) for i, mo, w, h in rows)
    path.write_text(text + _UNKNOWN, encoding="utf-8")
    return str(path)


def _window(attacks: str) -> tuple[str, ...]:
    return ("timeline", "--data", attacks, "--year", "2021", "--target", "mali")


def test_facet_attribution_counts_how_the_perpetrators_are_known(run: Run, attacks: str) -> None:
    result = run(*_window(attacks), "--facet", "attribution", "-f", "json")
    assert result.exit_code == 0, result.stderr
    counts = {r["attribution"]: r["events"] for r in json.loads(result.stdout)}
    assert counts == {"claimed": 2, "suspected": 1, "attributed": 1, "unknown": 1}


def test_beside_perpetrator_it_tells_the_suspected_attack_from_the_claimed(
    run: Run, attacks: str
) -> None:
    result = run(*_window(attacks), "--facet", "perpetrator", "--facet", "attribution")
    assert result.exit_code == 0, result.stderr
    rows = {tuple(line.split("\t")) for line in result.stdout.splitlines()}
    assert ("jnim", "Jama'at Nusrat al-Islam wal-Muslimin", "claimed", "2") in rows
    assert ("jnim", "Jama'at Nusrat al-Islam wal-Muslimin", "suspected", "1") in rows


def test_a_perpetrator_facet_that_mixes_attributions_says_so_in_one_line(
    run: Run, attacks: str
) -> None:
    result = run(*_window(attacks), "--facet", "perpetrator", env=terminal(200))
    assert result.exit_code == 0, result.stderr
    said = (
        "jnim counts 2 claimed or admitted, 1 suspected "
        "(--facet perpetrator --facet attribution splits them)"
    )
    (line,) = [line for line in result.stdout.splitlines() if "counts" in line]
    assert line.endswith(said), result.stdout
    # one attribution alone (Wagner's, attributed) is not said to mix
    assert "wagner counts" not in result.stdout


def test_no_such_line_where_each_perpetrator_is_known_one_way(run: Run, attacks: str) -> None:
    result = run(*_window(attacks), "--since", "2021-04", "--facet", "perpetrator",
                 env=terminal(200))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert " counts " not in result.stdout and "--facet attribution" not in result.stdout


def test_the_help_names_the_facet_and_its_values(run: Run) -> None:
    out = " ".join(run("timeline", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "place, tag or attribution" in out
    assert "(claimed, attributed, suspected or unknown)" in out
