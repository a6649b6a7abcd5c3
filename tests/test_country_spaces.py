"""A country's name matches with its spaces aside, as with its apostrophes aside:
`--country 'cote d ivoire'` was "no country matches ... did you mean Côte d'Ivoire?"
while `cote divoire` and `ivory coast` matched (U61 #13)."""

from __future__ import annotations

import pytest
from conftest import Run

pytestmark = pytest.mark.usefixtures("bundled")


@pytest.mark.parametrize("typed", ["cote d ivoire", "Cote D Ivoire", "burkinafaso"])
def test_a_country_typed_with_other_spaces_is_found(run: Run, typed: str) -> None:
    as_written = {"cote d ivoire": "cote divoire", "Cote D Ivoire": "ivory coast"}
    same = as_written.get(typed, "burkina faso")
    result, expected = (
        run("timeline", "--country", typed, "--count"),
        run("timeline", "--country", same, "--count"),
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected.stdout and int(result.stdout) > 0
