"""A publisher's full name finds at least what its beginning finds: `--publisher reuters`
gave 127 sources and left out "Reuters TV", "Reuters (French service)" and "Reuters
(Yahoo News)", which `--publisher reuter` listed (134) (U61 #4): an outlet's services and
editions are the outlet. And a name typed run together is offered the publisher it spells
(`lemonde`: Le Monde, not TV5Monde)."""

from __future__ import annotations

import pytest
from conftest import Run

pytestmark = pytest.mark.usefixtures("bundled")


def _publishers(run: Run, name: str) -> list[str]:
    result = run("sources", "--publisher", name, "--fields", "publisher")
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def test_a_full_name_finds_what_its_beginning_finds(run: Run) -> None:
    whole, begun = _publishers(run, "reuters"), _publishers(run, "reuter")
    assert sorted(whole) == sorted(begun)
    assert {"Reuters", "Reuters TV"} <= set(whole)
    assert any(p.startswith("Reuters (") for p in whole)


def test_a_name_run_together_is_offered_the_publisher_it_spells(run: Run) -> None:
    result = run("sources", "--publisher", "lemonde")
    assert result.exit_code == 3
    assert result.stderr == "barkhane: no publisher matches 'lemonde'; did you mean Le Monde?\n"
