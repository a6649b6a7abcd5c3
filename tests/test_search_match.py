"""What `search` shows as matched when the words are found across an event's title and
the names of its actors (U31): joined by a comma, the actor read as the title's own
words, "French journalist Olivier Dubois kidnapped in Gao, Niger" for an event in Mali
that names Niger among its actors."""

from __future__ import annotations

from pathlib import Path

from conftest import TEST_SOURCE, Run, as_json, rows

KIDNAPPING = (
    TEST_SOURCE
    + """
[[events]]
id = "journalist-kidnapped"
date = "2021-04-08"
title = "Journalist kidnapped in Timbuktu"
summary = "A test kidnapping."
type = "attack"
actors = ["jnim", "france"]
perpetrators = ["jnim"]
attribution = "claimed"
places = ["timbuktu"]
sources = [{ id = "test-src" }]
"""
)


def test_a_match_across_title_and_actors_does_not_read_as_the_title(
    run: Run, tmp_path: Path
) -> None:
    data = tmp_path / "kidnapping.toml"
    data.write_text(KIDNAPPING, encoding="utf-8")
    result = run("search", "kidnapped", "france", "--kind", "event", "--data", str(data))
    assert result.exit_code == 0, result.stderr
    assert rows(result) == [
        [
            "event",
            "journalist-kidnapped",
            "Journalist kidnapped in Timbuktu",
            "2021-04-08",
            "60",
            "Journalist kidnapped in Timbuktu · France",
        ]
    ]
    result = run("search", "kidnapped", "france", "-f", "json", "--data", str(data))
    assert [h["match"] for h in as_json(result)] == ["Journalist kidnapped in Timbuktu · France"]
