"""What reading an export says on stderr is said by every run, not by the one that built
the store (U54: `--data acled.csv` said "1 of 5 rows rejected" on the first run; runs 2
to 5, answered from the store, dropped the row with empty stderr and exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, Run

EXPORT = FIXTURES / "acled" / "2019-2022.csv"


def test_a_rejected_row_is_said_by_every_run_from_the_store(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BARKHANE_CACHE", str(tmp_path / "cache"))
    said = (
        f"{EXPORT}: 1 of 5 rows rejected "
        f"(barkhane import acled {EXPORT} -o 2019-2022.toml lists each with its reason)\n"
    )
    for command in ("timeline", "timeline", "gaps", "compare", "timeline"):
        result = run(command, "--data", str(EXPORT), "--count")
        assert (result.exit_code, result.stderr) == (0, said), command
    stores = list((tmp_path / "cache").glob("*.sqlite"))
    assert len(stores) == 2  # the record's and the export's: later runs read the store
