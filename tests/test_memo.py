"""What a run works out from a store's tables and keeps for the rest of the process
(Dataset.memo: a resolver's keys and words) is kept for that store's key alone: a data
file changed between two runs of one process is answered from what it says now."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import Result

from barkhane_cli.store import files
from tests.conftest import MINI, Run

ACTOR = """
[[actors]]
id = "zz-band"
name = "Zz Band"
aliases = ["{alias}"]
kind = "armed-group"
summary = "A band only this test knows."
sources = [{{ id = "ref-a" }}]
"""


@pytest.fixture(autouse=True)
def _cache_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))


def twice(run: Run, *args: str) -> Result:
    """The second of two runs: the first after a change builds the store and answers
    from the files; the second reads that store, and what this process kept for it."""
    first, second = run(*args), run(*args)
    assert (second.exit_code, second.stdout, second.stderr) == (
        first.exit_code,
        first.stdout,
        first.stderr,
    )
    return second


def _layer(path: Path, alias: str) -> Path:
    path.write_text(ACTOR.format(alias=alias), encoding="utf-8")
    return path


def test_an_alias_changed_in_a_data_file_is_read_anew(run: Run, tmp_path: Path) -> None:
    mine = _layer(tmp_path / "mine.toml", "Quill Riders")
    given = ("--data", str(mine), "-f", "json")
    assert '"id": "zz-band"' in twice(run, "actor", "quill riders", *given).stdout
    assert "Zz Band (zz-band)" in twice(run, "actor", "quill ridrs", *given).stderr
    _layer(mine, "Mosaic Riders")
    gone = twice(run, "actor", "quill riders", *given)
    assert gone.exit_code != 0
    assert "zz-band" not in gone.stderr  # nor suggested by the alias it no longer has
    assert "zz-band" not in twice(run, "actor", "quill ridrs", *given).stderr
    assert '"id": "zz-band"' in twice(run, "actor", "mosaic riders", *given).stdout
    # "did you mean" reads the words the names hold now
    assert "Zz Band (zz-band)" in twice(run, "actor", "mosaic ridrs", *given).stderr


def test_a_title_changed_in_the_record_is_read_anew(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # beside the record's seed file, as the fixture names it (../../seeds/)
    shutil.copytree(MINI.parent.parent.parent / "seeds", tmp_path / "seeds")
    record = tmp_path / "data" / "bundled" / "record.toml"
    record.parent.mkdir(parents=True)
    shutil.copy(MINI, record)
    monkeypatch.setattr(files, "bundled_path", lambda: record)
    found = twice(run, "event", "regime collapses", "-f", "json")
    assert '"id": "libya-collapse"' in found.stdout
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("Gaddafi's regime collapses", "Tripoli falls"), "utf-8")
    assert twice(run, "event", "regime collapses", "-f", "json").exit_code != 0
    assert '"id": "libya-collapse"' in twice(run, "event", "tripoli falls", "-f", "json").stdout


PLACES = """
[[places]]
id = "zz-region"
name = "Zz Region"
kind = "region"
country = "Mali"
sources = [{{ id = "ref-a" }}]

[[places]]
id = "zz-village"
name = "Zz Village"
kind = "village"
{within}country = "Mali"
sources = [{{ id = "ref-a" }}]
"""


def test_a_place_moved_in_a_data_file_is_placed_anew(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(PLACES.format(within='within = "zz-region"\n'), encoding="utf-8")
    given = ("--within", "zz-region", "--data", str(mine), "-f", "csv")
    assert "zz-village" in twice(run, "places", *given).stdout
    mine.write_text(PLACES.format(within=""), encoding="utf-8")
    assert "zz-village" not in twice(run, "places", *given).stdout
