"""`on` says which countries have no leader recorded only for those the window's events
are about, not for a country where talks alone were held: U50's `on 2022-02-17` said
"no leader recorded for: Qatar", host of Chad's Doha talks, on a Sahel briefing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal

_ZORB = """
[[places]]
id = "zorb-city"
name = "Zorb City"
kind = "capital"
lat = 14.0
lon = 2.0
country = "Zorbland"
sources = [{ id = "ref-a" }]

[[events]]
id = "zorb-talks"
date = "2016-01-14"
title = "Talks held at Zorb City"
summary = "Envoys meet."
type = "diplomacy"
places = ["zorb-city"]
sources = [{ id = "ref-a" }]
"""

_RAID = """
[[events]]
id = "zorb-raid"
date = "2016-01-16"
title = "Gunmen raid Zorb City"
summary = "Gunmen raid the city."
type = "attack"
places = ["zorb-city"]
sources = [{ id = "ref-a" }]
"""


def _unled(run: Run, *args: str) -> list[str]:
    doc = json.loads(run("on", *args, "-f", "json").stdout)
    return [c["name"] for c in doc["no_leader_recorded"]]


@pytest.mark.parametrize("day", ["2022-02-17", "2022"])
def test_the_host_of_talks_is_no_gap(run: Run, bundled: None, day: str) -> None:
    assert "Qatar" not in _unled(run, day)
    page = run("on", day, "--full", "--no-pager", env=terminal(100)).stdout
    said = [line for line in page.splitlines() if "no leader recorded" in line]
    assert not [line for line in said if "Qatar" in line], said


def test_talks_alone_do_not_list_a_country_but_its_fighting_does(run: Run, tmp_path: Path) -> None:
    talks = tmp_path / "talks.toml"
    talks.write_text(_ZORB, encoding="utf-8")
    assert "Zorbland" not in _unled(run, "2016-01-15", "--data", str(talks))
    fought = tmp_path / "fought.toml"
    fought.write_text(_ZORB + _RAID, encoding="utf-8")
    assert "Zorbland" in _unled(run, "2016-01-15", "--data", str(fought))
