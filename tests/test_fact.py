"""A fact in full: the facts table with --wide, and `fact ID` (U11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run

# A figure resting on four sources with long ids, as mali-refugees-2013-06 does.
_IDS = [
    "ocha-2013-06-21-mali-sitrep-35",
    "ocha-2013-05-23-mali-sitrep-33",
    "ocha-2013-07-05-mali-sitrep-36",
    "reliefweb-2013-06-01-mali-situation-update-19",
]
_SOURCES = "".join(
    f'[[sources]]\nid = "{i}"\ntitle = "Mali situation report {n}"\npublisher = "OCHA"\n'
    f'kind = "report"\ndate = "2013-06"\n\n'
    for n, i in enumerate(_IDS)
)
_FACT = (
    _SOURCES
    + """[[facts]]
id = "mali-refugees-2013-06"
label = "Malian refugees in neighbouring countries"
value = 174129
unit = "people"
as_of = "2013-05-20"
kind = "estimated"
scope = "Refugees from Mali; in Burkina Faso, Mauritania and Niger"
category = "displacement"
note = "The sum of the three countries' registrations."
sources = [
  { id = "ocha-2013-06-21-mali-sitrep-35", note = "table on page 2" },
  { id = "ocha-2013-05-23-mali-sitrep-33" },
  { id = "ocha-2013-07-05-mali-sitrep-36" },
  { id = "reliefweb-2013-06-01-mali-situation-update-19" },
]
"""
)


@pytest.fixture
def refugees(tmp_path: Path) -> str:
    path = tmp_path / "refugees.toml"
    path.write_text(_FACT, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("width", ["80", "250"])
def test_facts_wide_shows_every_source_id_in_full(run: Run, refugees: str, width: str) -> None:
    env = {"TTY_COMPATIBLE": "1", "COLUMNS": width, "NO_COLOR": "1"}
    result = run("facts", "mali-refugees", "--wide", "--data", refugees, env=env)
    assert result.exit_code == 0
    assert "…" not in result.stdout.replace("Refugees from Mali …", "")  # the scope's mark
    words = result.stdout.replace(",", " ").split()
    assert [w for w in words if w in _IDS] == _IDS
