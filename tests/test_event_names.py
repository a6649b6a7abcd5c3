"""`event NAME` resolves a part of an id, a title word or a typo over the ids and titles
alone (the store's names, lookup.event_titles, K83), and says byte for byte what the
whole walk says: from the store (none decoded but the card's) and from the TOML files
(every event decoded, the resolver fed from them), in every format, for the record and
for an import layered over it, the misses' and the ambiguities' errors too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, layered_acled, terminal, watched

from barkhane_cli import lookup, store
from barkhane_cli.formats import FORMATS
from barkhane_cli.store import db, files

# Parts of ids and title words that name one event, two or a few; typos of an id and of
# a title word; nonsense; a place's and an actor's name (events_at, listed_as), another
# kind's id (other_kind: a fact, an actor), an id in capitals, a list, punctuation alone
NAMES = [
    "violence-surge",  # a unique part of an id
    "kidnappings",  # a title word
    "Lazarević",  # a title word with an accent
    "bouka",  # two events
    "attack",  # hundreds: the first eight and "more"
    "gao",  # a place's name: its events listed, the nearest three
    "hombori",
    "wagner",  # an actor's id: said before the events that hold it
    "sahel-violense-surge-2021",  # a typo of an id
    "boulkesi",  # a typo of a place: its events offered (events_at)
    "kidnapings",
    "xyzzy-qwerty",  # nonsense
    "burkina-idps-2020-08",  # a fact's id
    "COUP-2020-08",
    "coup, mali",
    "--",
    "bouka-toullorom",  # an aftermath event by a part of its id
    "",  # nothing, and blanks around a name: refused, or read without them
    "  gao ",
]


def _same(run: Run, args: list[str], env: dict[str, str], told: list[str]) -> list[str]:
    """args answer from the store as from the TOML files: stdout, stderr, exit code, and
    what a person watching stderr is told (``told``: read_as's note, which CliRunner's
    stderr, no terminal, never hears)."""
    told.clear()
    warm = run(*args, env=env)
    warm_told = list(told)
    told.clear()
    plain = run(*args, env={**env, "BARKHANE_CACHE": "0"})
    assert warm.stdout == plain.stdout, args
    assert (warm.exit_code, warm.stderr) == (plain.exit_code, plain.stderr), args
    assert warm_told == told, args
    return warm_told


def _same_names(
    run: Run, told: list[str], names: list[str], every_format: str | None = None
) -> list[str]:
    """Each name drawn on a terminal (read_as says what else holds a guessed name), one
    in two piped as JSON too (a name is found, or refused, before any format is asked);
    ``every_format``'s card in every format (the card itself is test_cards_by_id's: what
    is new here is how a name finds it). What a watcher was told, every run's."""
    run("event", "violence-surge", "-f", "json")  # builds the store if none is
    heard = []
    for name in names:
        heard += _same(run, ["event", name], terminal(100), told)
    for name in names[::2]:
        _same(run, ["event", name, "-f", "json"], {}, told)
    for fmt in FORMATS if every_format is not None else ():
        _same(run, ["event", str(every_format), "-f", fmt], {}, told)
    return heard


def test_event_names_resolve_from_the_store_as_from_the_files(
    run: Run, fast_toml: None, bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch, worked_out=True)
    heard = _same_names(run, told, NAMES, every_format="violence-surge")
    assert any(note.startswith("read 'kidnappings' as ") for note in heard), heard


def test_event_titles_are_the_events_own(bundled: None) -> None:
    """The store's names give every event's id and title, in the events' order."""
    whole = store.load()
    loaded = store.open_data()
    assert loaded.db is not None
    expected = [(e.id, e.title) for e in whole.events + whole.aftermath]
    assert lookup.event_titles(loaded) == expected
    for aftermath in (False, True):
        ids = store.event_ids(loaded.data, aftermath)
        assert ids is not None
        assert list(ids) == [e.id for e in (whole.aftermath if aftermath else whole.events)]
    assert store.event_ids(whole, False) is None  # its events are decoded: read them


@pytest.mark.parametrize("name", ["violence-surge", "sahel-violense-surge-2021", "gao"])
def test_a_name_decodes_no_event_but_its_card_s(run: Run, bundled: None, name: str) -> None:
    """Piped (nobody reads read_as's note): the names and, for a found event, its card's
    event and candidates, none kept; never every event (Store.dataset)."""
    run("event", "violence-surge", "-f", "json")  # builds the store if none is
    db.forget_decoded()
    run("event", name, "-f", "json")
    found = store.cached_store(files.data_paths([]))
    assert found is not None
    decoded = db._DECODED[found.key]
    assert "events" not in decoded and len(decoded.get("events-by-row", ())) <= 1


def test_a_layered_import_s_event_names_resolve_as_the_whole_walk_s(
    run: Run, layered_import: Path, fast_toml: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts of an import's ids and its titles' words, a typo of one, a curated event
    beside them (its card still walks every event) by a part of its id."""
    records = layered_acled(run)
    names = [
        records[0].upper(),
        records[0].removeprefix("acled-"),  # a unique part of an imported id
        "acled-mli",  # several
        "kelmara",  # a place of the import's titles
        "clash",  # a title word of curated events and of the import's
        "tombouctou",
        records[-1][:-1] + "x",  # a typo
        "violence-surge",
        "xyzzy-qwerty",
    ]
    _same_names(run, watched(monkeypatch, worked_out=True), names)
