"""An imported record that matches a curated event is counted once (U54 #1).

`timeline --data acled.csv --year 2019 --count` gave 164 against 160 without it, while
`gaps --data acled.csv` said all 4 ACLED rows were incidents the record holds: Solhan
came out three times on 2021-06-05. A record the matcher of `gaps` and `compare` pairs
with a curated event is the same incident: counted, faceted, charted and listed once, as
the curated event, with a note; --keep-matched lists both, the record marked "= ID".
The rows are test_compare's, written from the ACLED codebook's columns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal, watched
from test_compare import files  # noqa: F401  (the synthetic ACLED rows and their import)

# of test_compare's 7 rows, these pair with a curated event (MLI9009 by a reviewed link);
# MLI9003, month-precise, fits two and pairs with neither; the others are gaps
PAIRED = {"acled-mli9001": "tbk-attack-1", "acled-mli9002": "tbk-attack-2",
          "acled-mli9009": "ouaga-reviewed"}  # fmt: skip
ROWS = 7


def _args(files: dict[str, Path], *more: str) -> tuple[str, ...]:  # noqa: F811
    return ("--data", str(files["curated"]), "--data", str(files["acled"]), "--year", "2019", *more)


def _count(run: Run, *args: str) -> int:
    result = run("timeline", *args, "--count")
    assert result.exit_code == 0, result.stderr
    return int(result.stdout)


def test_a_paired_record_is_counted_once(
    run: Run,
    files: dict[str, Path],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    curated = _count(run, "--data", str(files["curated"]), "--year", "2019")
    told = watched(monkeypatch, worked_out=True)
    assert _count(run, *_args(files)) == curated + ROWS - len(PAIRED)
    assert any("3 imported records are the same incident as a curated event" in t for t in told)
    assert _count(run, *_args(files, "--keep-matched")) == curated + ROWS
    listed = json.loads(run("timeline", *_args(files), "-f", "json").stdout)
    ids = {e["id"] for e in listed}
    assert not ids & set(PAIRED) and set(PAIRED.values()) <= ids
    assert {"acled-mli9003", "acled-mli9004"} <= ids  # unpaired records stay


def test_facets_and_charts_count_the_pair_once(run: Run, files: dict[str, Path]) -> None:  # noqa: F811
    total = _count(run, "--data", str(files["curated"]), "--year", "2019") + ROWS - len(PAIRED)
    facet = json.loads(run("timeline", *_args(files), "--facet", "type", "-f", "json").stdout)
    assert sum(row["events"] for row in facet) == total
    bars = json.loads(run("chart", "events", *_args(files), "-f", "json").stdout)
    assert sum(b["value"] for b in bars) == total


def test_the_table_says_the_fold_and_keep_matched_marks_the_record(
    run: Run,
    files: dict[str, Path],  # noqa: F811
) -> None:
    table = " ".join(run("timeline", *_args(files), env=terminal(160)).stdout.split())
    assert "3 imported records are the same incident as a curated event" in table
    assert "--keep-matched lists both" in table
    both = run("timeline", *_args(files, "--keep-matched"), env=terminal(160)).stdout
    assert "= tbk-attack-1" in " ".join(both.split())
    kept = json.loads(run("timeline", *_args(files, "--keep-matched"), "-f", "json").stdout)
    pairs = {e["id"]: e["same_as"] for e in kept if e["same_as"]}
    assert pairs == PAIRED


def test_the_summary_counts_the_pair_once_and_says_so(run: Run, files: dict[str, Path]) -> None:  # noqa: F811
    total = _count(run, "--data", str(files["curated"]), "--year", "2019") + ROWS - len(PAIRED)
    content = json.loads(run("summary", *_args(files), "-f", "json").stdout)
    assert content["period"]["events"] == total
    drawn = " ".join(run("summary", *_args(files), env=terminal(80)).stdout.split())
    assert "3 imported records are the same incident as a curated event" in drawn


def test_an_actor_and_a_place_card_count_the_pair_once(run: Run, files: dict[str, Path]) -> None:  # noqa: F811
    """Their own slices of the timeline fold the pairs as timeline does: at Timbuktu,
    MLI9001 and MLI9002 are the two curated attacks (MLI9003 pairs with neither); JNIM's
    are those two and MLI9009, linked by review."""
    for card, name, paired in (("place", "timbuktu", 2), ("actor", "jnim", 3)):
        kept = int(run(card, name, *_args(files, "--count", "--keep-matched")).stdout)
        assert int(run(card, name, *_args(files, "--count")).stdout) == kept - paired
    drawn = " ".join(run("place", "timbuktu", *_args(files), env=terminal(160)).stdout.split())
    assert "2 imported records are the same incident as a curated event" in drawn
    assert "acled-mli9001" not in drawn and "acled-mli9003" in drawn
    both = " ".join(
        run("place", "timbuktu", *_args(files, "--keep-matched"), env=terminal(160)).stdout.split()
    )
    assert "acled-mli9001" in both and "= tbk-attack-1" in both


def test_on_lists_the_pair_once_and_says_so(run: Run, files: dict[str, Path]) -> None:  # noqa: F811
    """`on`'s window holds the two Timbuktu attacks and the three records of that May:
    MLI9001 and MLI9002 are the attacks, MLI9003 pairs with neither."""
    layers = ("--data", str(files["curated"]), "--data", str(files["acled"]))

    def ids(*more: str) -> set[str]:
        page = json.loads(run("on", "2019-05-11", *layers, *more, "-f", "json").stdout)
        return {e["id"] for e in page["events"]}

    kept = ids("--keep-matched")
    assert {"acled-mli9001", "acled-mli9002", "acled-mli9003"} <= kept
    assert ids() == kept - {"acled-mli9001", "acled-mli9002"}
    drawn = " ".join(run("on", "2019-05-11", *layers, env=terminal(80)).stdout.split())
    assert "2 imported records are the same incident as a curated event" in drawn
