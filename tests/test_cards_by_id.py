"""A card reads the records it shows by id from the store (store/tables.py, K67), and
answers byte for byte what the TOML files answer: every card in every format, and the
errors of an id that is missing or names several entries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import Run, layered_acled, terminal

from barkhane_cli import store
from barkhane_cli.formats import FORMATS
from barkhane_cli.store import db, files
from barkhane_cli.store.records import KINDS
from barkhane_cli.store.tables import Table

CARDS = [
    ["fact", "burkina-idps-2020-08"],
    ["fact", "minusma-troops"],  # a unique part of an id
    ["event", "sahel-violence-surge-2021"],
    ["actor", "wagner", "--limit", "3"],
    ["place", "gao", "--limit", "3"],
]
MISSES = [
    ["fact", "no-such-fact"],
    ["fact", "mali"],
    ["event", "no-such-event"],
    # a name that is not UTF-8 (`cite $'ab\xff'`: a lone surrogate), which SQLite cannot
    # be given: an id no record has, not an internal error
    ["cite", "ab\udcffc"],
    ["cite", "source:ab\udcffc"],
]


def _forget_tables() -> None:
    """No small table's record decoded yet in this process, whole or by id (a new
    process's path); the events decoded stay (0.1 s a run to decode again)."""
    for known in db._DECODED.values():
        for kind in KINDS:
            known.pop(kind, None)
            known.pop(f"{kind}-by-id", None)


def _same(run: Run, args: list[str]) -> None:
    """args answer from the store, each record read by id, as from the TOML files."""
    _forget_tables()
    warm = run(*args, env=terminal(100))
    plain = run(*args, env={**terminal(100), "BARKHANE_CACHE": "0"})
    assert warm.stdout == plain.stdout, args
    assert (warm.exit_code, warm.stderr) == (plain.exit_code, plain.stderr), args


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c[0])
def test_a_card_answers_the_same_in_every_format(
    run: Run, card: list[str], fast_toml: None, bundled: None
) -> None:
    for fmt in FORMATS:
        _same(run, [*card, "-f", fmt])


def test_a_missing_or_shared_id_says_the_same(run: Run, fast_toml: None, bundled: None) -> None:
    for args in MISSES:
        _same(run, args)


def test_a_fact_card_reads_its_sources_by_id(run: Run, bundled: None) -> None:
    """Not the whole bibliography: the sources are read one by one, never whole."""
    db.forget_decoded()
    assert run("fact", "burkina-idps-2020-08", "-f", "json").exit_code == 0
    found = store.cached_store(files.data_paths([]))
    assert found is not None
    decoded = db._DECODED[found.key]
    assert decoded["sources-by-id"] and "sources" not in decoded
    assert "events" not in decoded


def test_every_record_by_id_is_the_table_s(bundled: None) -> None:
    """Each record of every table, read by its id, equals the whole table's (in its
    order); an id the table lacks is a KeyError, as a dict's."""
    found = store.cached_store(files.data_paths([]))
    assert found is not None
    for kind in KINDS:
        db.forget_decoded()
        whole = found.table(kind)
        db.forget_decoded()  # each record decoded on its own, not taken from ``whole``
        table = getattr(found.light(), kind)
        assert isinstance(table, Table), kind
        for ident, record in whole.items():
            assert table[ident] == record, (kind, ident)
        assert "no-such-id" not in table and table.get("no-such-id") is None
        assert "ab\udcff" not in table and table.get("ab\udcff") is None
        with pytest.raises(KeyError):
            table["no-such-id"]
        assert list(table.items()) == list(whole.items()) and table == whole
    db.forget_decoded()


def test_a_closed_store_is_not_taken_for_a_damaged_one() -> None:
    """A table read by id after its store was closed is a caller's slip (SQLite's
    "Cannot operate on a closed database"), not damage on disk: the store stays, where it
    was removed and said to be damaged, to be rebuilt by the next run."""
    store.open_data()  # its store built
    found = store.cached_store(files.data_paths([]))
    assert found is not None and found.path is not None
    light = found.light()
    found.close()
    db.forget_decoded()  # the look-up goes to the store, not to a table decoded already
    with pytest.raises(sqlite3.ProgrammingError):
        light.sources.get("no-such-source")
    assert found.path.is_file()


# `on DATE` selects its window's events through the store's query path (K71): the
# record's first and last days, a coup day (Mali, 24 May 2021), a day of the aftermath
# (Niger, 26 July 2023), a year and a month.
ON_DATES = ["2011-01-01", "2022-11-09", "2021-05-24", "2023-07-26", "2016", "2020-08"]
# the one screen at 80 and 160 columns, the whole page, and every piped format
ON_VIEWS = [
    ([], 80),
    ([], 160),
    (["--full"], 100),
    (["-f", "plain"], 100),
    (["-f", "json"], 100),
    (["-f", "geojson"], 100),
]


@pytest.mark.parametrize("date", ON_DATES)
def test_on_answers_from_the_store_as_from_the_files(
    run: Run, date: str, fast_toml: None, bundled: None
) -> None:
    for extra, columns in ON_VIEWS:
        args = ["on", date, *extra]
        warm = run(*args, env=terminal(columns))
        plain = run(*args, env={**terminal(columns), "BARKHANE_CACHE": "0"})
        assert warm.stdout == plain.stdout, args
        assert (warm.exit_code, warm.stderr) == (plain.exit_code, plain.stderr), args


def test_on_decodes_only_its_window_s_events(run: Run, bundled: None) -> None:
    """Not every event: the window's are read through the store's query path."""
    db.forget_decoded()
    assert run("on", "2021-05-24", "-f", "json").exit_code == 0
    found = store.cached_store(files.data_paths([]))
    assert found is not None
    assert "events" not in db._DECODED[found.key]


# `event ID` reads the event and the candidates of its related events from the store
# (lookup.event_by_id, K79): sequels both ways, years apart and sharing no actor (the
# kidnappings at Hombori and Timbuktu in 2011, followed by Lazarević's release in 2014
# and others), fifteen actors, an aftermath event, an id typed in capitals (read folded,
# as resolve reads ids)
BY_ID = [
    "hombori-timbuktu-kidnappings",
    "lazarevic-released-2014",
    "g5-sahel-joint-force-launched",
    "bouka-toullorom-boko-haram-attack-2022",
    "COUP-2020-08",
]


def _same_cards(run: Run, idents: list[str]) -> None:
    """Each event's card in every format (a terminal 100 wide), from the store by id and
    from the TOML files (every event walked): same stdout, stderr and exit code."""
    run("event", idents[0], "-f", "json")  # builds the store if none is
    for ident in idents:
        for fmt in FORMATS:
            _same(run, ["event", ident, "-f", fmt])


def test_an_event_card_by_id_is_the_whole_walk_s(run: Run, fast_toml: None, bundled: None) -> None:
    _same_cards(run, BY_ID)


def _related_alike(idents: list[str] | None = None) -> int:
    """related_events from the store's candidates (related_pool) against the walk of
    every event, for the given events, else those with sequels either way (one in ten)
    and one event in forty; how many were compared."""
    from barkhane_cli import lookup

    whole = store.load()
    loaded = store.open_data()
    assert loaded.db is not None
    everything = whole.events + whole.aftermath
    if idents is None:
        followed = {i for e in everything for i in e.follows}
        linked = [e for e in everything if e.follows or e.id in followed]
        picked = linked[::10] + everything[::40]
    else:
        picked = [e for e in everything if e.id in idents]
    for e in picked:
        pool = lookup.related_pool(loaded.data, e, loaded.db.sharing)
        assert lookup.related_events(loaded.data, e, pool) == lookup.related_events(whole, e), e.id
    return len(picked)


def test_related_events_from_candidates_are_the_walk_s(bundled: None) -> None:
    assert _related_alike() > 50


def test_an_event_card_by_id_decodes_no_other_event(run: Run, bundled: None) -> None:
    """The card's event and its related events' candidates, none kept: never every
    event (store.Store.dataset), nor each one remembered by its row."""
    db.forget_decoded()
    assert run("event", "sahel-violence-surge-2021", "-f", "json").exit_code == 0
    found = store.cached_store(files.data_paths([]))
    assert found is not None
    decoded = db._DECODED[found.key]
    assert "events" not in decoded and len(decoded.get("events-by-row", ())) == 1


def test_a_layered_import_s_event_cards_by_id_are_the_whole_walk_s(
    run: Run, layered_import: Path, fast_toml: None
) -> None:
    """An import's records by id; a curated event beside them still walks every event
    (its dataset records are the whole matching's), and says the same."""
    records = layered_acled(run)
    _same_cards(run, [records[0], records[-1], "sahel-violence-surge-2021"])
    assert _related_alike([*records, "sahel-violence-surge-2021", "wagner-arrives-mali"]) > 10
