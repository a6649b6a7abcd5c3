"""The pairs a layered import is folded by are worked out once, when its store is built.

U55 counted an imported record paired with a curated event once by running the matcher on
every query: 7.6 s a count over 20,000 imported rows against 0.34 s without. The store
now keeps the pairs (its _folded table, matching.owners over the whole data), so a query
reads them: the same pairs a fresh match gives, made again when the record changes. The
rows are test_compare's synthetic ones, written from the ACLED codebook's columns.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, watched
from test_compare import files  # noqa: F401  (the synthetic ACLED rows and their import)
from test_layered_once import PAIRED, ROWS

from barkhane_cli import matching, store
from barkhane_cli.settings import Settings
from barkhane_cli.store import files as layers


def _paths(files: dict[str, Path]) -> list[Path]:  # noqa: F811
    return [layers.bundled_path(), files["curated"], files["acled"]]


def _stored_pairs(files: dict[str, Path]) -> dict[str, str]:  # noqa: F811
    """The pairs the store of these files holds, built first if it is not."""
    store.open_paths(_paths(files))  # builds it, or opens it
    loaded = store.open_paths(_paths(files))
    assert loaded.db is not None, "the layered store was not built"
    try:
        return loaded.db.folded()
    finally:
        loaded.db.close()


def _fresh_pairs(files: dict[str, Path]) -> dict[str, str]:  # noqa: F811
    """The matcher's pairs over the files read without a store (the cache off)."""
    return matching.owners(store.open_paths(_paths(files), Settings(cache="0")).data)


def _count(run: Run, files: dict[str, Path], *names: str, **env: str) -> int:  # noqa: F811
    """timeline --count over the files ``names`` (the curated file and the import, by
    default) layered over the record, for 2019."""
    given = [a for n in names or ("curated", "acled") for a in ("--data", str(files[n]))]
    result = run("timeline", *given, "--year", "2019", "--count", env=env or None)
    assert result.exit_code == 0, result.stderr
    return int(result.stdout)


def test_a_query_reads_the_pairs_its_store_was_built_with(
    run: Run,
    files: dict[str, Path],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _stored_pairs(files) == _fresh_pairs(files) == PAIRED
    uncached = _count(run, files, BARKHANE_CACHE="0")  # matched on the run, no store

    def matched(*_: object, **__: object) -> None:
        raise AssertionError("a query ran the matcher: the store's pairs were not read")

    monkeypatch.setattr(matching, "match", matched)
    curated = _count(run, files, "curated")
    assert _count(run, files) == uncached == curated + ROWS - len(PAIRED)


def test_a_changed_record_pairs_its_import_again(run: Run, files: dict[str, Path]) -> None:  # noqa: F811
    before = _count(run, files)
    assert _stored_pairs(files) == PAIRED
    # the curator's reviewed link taken off: MLI9009, 800 km from the event, pairs with
    # nothing, and is counted as an incident of its own
    text = files["curated"].read_text(encoding="utf-8")
    files["curated"].write_text(text.replace('acled_ids = ["MLI9009"]\n', ""), encoding="utf-8")
    unlinked = {k: v for k, v in PAIRED.items() if k != "acled-mli9009"}
    assert _stored_pairs(files) == _fresh_pairs(files) == unlinked
    assert _count(run, files) == before + 1


@pytest.mark.parametrize("cache", ["", "0"], ids=["stored", "uncached"])
def test_the_note_counts_the_pairs_a_filter_keeps(
    run: Run,
    files: dict[str, Path],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    cache: str,
) -> None:
    """--min-deaths is a filter SQL does not answer: the note counts the paired records
    it keeps (MLI9001's 10 dead of the three, 3 and 4 the others') over the paired records
    alone, from the store or from the files."""
    if cache:
        monkeypatch.setenv("BARKHANE_CACHE", cache)
    told = watched(monkeypatch, worked_out=True)
    given = [a for n in ("curated", "acled") for a in ("--data", str(files[n]))]
    result = run("timeline", *given, "--year", "2019", "--min-deaths", "5", "--count")
    assert result.exit_code == 0, result.stderr
    assert any("1 imported record is the same incident as a curated event" in t for t in told)
