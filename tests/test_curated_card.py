"""A curated event's card beside an import reads the records it can show, not the whole
import (K86): its "Dataset records" come from matching.match over the records whose days
meet its span's window, the curated events those records can score with and the reviewed
links (lookup.curated_matches), and say what the whole match says."""

from __future__ import annotations

import csv
import os
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    FIXTURES,
    TEST_SOURCE,
    Run,
    checked_record,
    first_row,
    layer_event,
    terminal,
    write_rows,
)

from barkhane_cli import lookup, matching, store
from barkhane_cli import model as m
from barkhane_cli.formats import FORMATS
from barkhane_cli.store import db

TEMPLATES = FIXTURES / "acled" / "current.csv"
# days from a curated event's first day, and from its last: the window is DATE_TOLERANCE
# (2) days either side, so 2 is its edge and 3 just outside
BEFORE, AFTER = (-3, -2, 0), (2, 3)
START = date(2011, 1, 1)
TAKEN = "BFA100002"  # before the record's first event: reviewed links' records only

# A user's layer: a curated event whose records come only from reviewed links (one of
# them missing), a record of the user's giving a reviewed link to a record of the import
# (taking it from the scoring), and a curated event with a span.
LAYER = (
    TEST_SOURCE
    + layer_event("k86-reviewed-only", title="Reviewed links alone")
    + 'acled_ids = ["MLI900000", "MLI900001", "MLI999999"]\n'
    + layer_event("acled-mli800000", title="A user's record")
    + 'acled_ids = ["{taken}"]\n'
    + layer_event("k86-span", title="A week of raids").replace(
        'date = "2020-08-20"', 'date = "2020-08-18"\nend = "2020-08-25"'
    )
).replace('{ id = "seed" }', '{ id = "test-src" }')


def _rows(curated: list[m.Event]) -> list[dict[str, str]]:
    """Records around every curated event, each a fixture row moved to a day at or just
    beyond the window's edges (the template rows lie in four countries, so some score
    and some do not), and two far from any event, for reviewed links alone."""
    with TEMPLATES.open(encoding="utf-8-sig", newline="") as handle:
        templates = list(csv.DictReader(handle))
    out: list[dict[str, str]] = []

    def add(number: int, day: date, template: dict[str, str], precision: str = "1") -> None:
        row = dict(template)
        prefix = re.match(r"[A-Z]+", template["event_id_cnty"])
        row["event_id_cnty"] = f"{prefix.group(0) if prefix else 'MLI'}{number}"
        row["event_date"], row["year"], row["time_precision"] = (
            day.isoformat(),
            str(day.year),
            precision,
        )
        out.append(row)

    add(900000, START, templates[0])
    add(900001, START + timedelta(days=40), templates[1])
    for i, e in enumerate(curated):
        first, last = e.first_day(), e.last_day()
        days = [first + timedelta(d) for d in BEFORE] + [last + timedelta(d) for d in AFTER]
        for j, day in enumerate(days):
            # one record in eight known to its month (time_precision 3): coarse, so
            # ambiguous where it fits several events
            coarse = "3" if (i + j) % 8 == 0 else "1"
            add(100000 + i * 10 + j, day, templates[(i * 3 + j) % len(templates)], coarse)
    return out


# The worker's synthetic import and its store, made by the first test that asks (a
# store of the record with ~6,300 records over it: seconds to build, once a worker).
_MADE: dict[str, Path] = {}


def _made(run: Run, folder: Path, curated: list[m.Event]) -> Path:
    csv_path = write_rows(folder / "synthetic.csv", first_row(TEMPLATES)[0], _rows(curated))
    imported = run(
        "import", "acled", str(csv_path), "-o", str(folder / "synthetic.toml"), "--no-store"
    )
    assert imported.exit_code == 0, imported.stderr
    # the user's record takes a record that lies in the first curated event's window
    # (its first day: the third row of the first event, from the third template)
    (folder / "layer.toml").write_text(LAYER.replace("{taken}", TAKEN), encoding="utf-8")
    _MADE["folder"] = folder
    return folder


@pytest.fixture
def synthetic(
    run: Run,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    bundled: None,
) -> tuple[store.Loaded, list[str]]:
    """A synthetic import of ~7,700 rows around the bundled record's curated events,
    and the user's LAYER over it (BARKHANE_DATA; the store in a folder of the worker's):
    the store, and the curated events' ids."""
    curated = [e for e in checked_record()[0].events if matching.dataset_of(e) is None]
    folder = _MADE.get("folder") or _made(run, tmp_path_factory.mktemp("synthetic"), curated)
    toml, layer = folder / "synthetic.toml", folder / "layer.toml"
    monkeypatch.setenv("BARKHANE_CACHE", str(folder / "cache"))
    monkeypatch.setenv("BARKHANE_DATA", os.pathsep.join((str(toml), str(layer))))
    store.open_data()  # builds the store the first time (a build answers from the files)
    loaded = store.open_data()
    assert loaded.db is not None
    return loaded, [e.id for e in curated]


# The whole import decoded and matched: the oracle of both tests, made once a worker by
# the first that asks (the same store, from the same folder: ~2 s of CPU a time).
_WHOLE: dict[str, tuple[m.Dataset, matching.Matches]] = {}


def _whole(loaded: store.Loaded) -> tuple[m.Dataset, matching.Matches]:
    """Every event decoded (its dataset) and the whole import matched."""
    if "whole" not in _WHOLE:
        whole = loaded.full()
        _WHOLE["whole"] = whole, matching.match(whole, *matching.split(whole))
    return _WHOLE["whole"]


def _said(found: matching.Matches, ident: str) -> list[Any]:
    """What a card shows of a curated event's matching: its pairs, then its missing
    reviewed links."""
    pairs = found.linked.get(ident, []) + found.possible.get(ident, [])
    shown: list[Any] = [
        (p.record.id, p.score, p.date_gap, p.distance_km, p.coarse, p.reviewed, p.ambiguous)
        for p in pairs
    ]
    shown += [p.namesake for p in pairs]
    return shown + found.missing_reviewed.get(ident, [])


def test_every_curated_event_s_records_are_the_whole_match_s(
    synthetic: tuple[store.Loaded, list[str]],
) -> None:
    loaded, _ = synthetic
    light, stored = loaded.data, loaded.db
    assert stored is not None
    whole, found = _whole(loaded)  # every event decoded, the whole import matched
    events = [e for e in whole.events + whole.aftermath if matching.dataset_of(e) is None]
    said = {e.id: _said(found, e.id) for e in events}
    for e in events:
        assert _said(lookup.curated_matches(light, e, stored), e.id) == said[e.id], e.id
    # the import does what the test needs of it: records scored, ambiguous, reviewed
    # (the user's record's and the curated event's), missing, at the window's edge
    assert sum(bool(found.linked.get(e.id)) for e in events) > 50
    assert any(found.possible.get(e.id) for e in events)
    assert said["k86-reviewed-only"][-1] == "ACLED MLI999999"
    assert [p[0] for p in said["k86-reviewed-only"][:2]] == ["acled-mli900000", "acled-mli900001"]
    assert found.owner[f"acled-{TAKEN.lower()}"] == "acled-mli800000"
    assert any(abs(p.date_gap) == 2 for ps in found.linked.values() for p in ps)


# the card as a user meets it: on a terminal 80 and 160 columns wide, and piped in every
# format (the first event chosen below; the others at 80 and 160, where the dataset
# records are shown: JSON has no such key)
VIEWS = [([], 80), ([], 160), *((["-f", fmt], 100) for fmt in FORMATS)]


def _whole_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """`event ID` as it was before K86: a curated event beside an import read every
    event and matched the whole import (event_by_id said None). The whole match is made
    by the first of these runs and kept for the next ones, which give it the same
    curated events and records (their ids compared): every run matched the same import
    again (~0.5 s each, 28 runs, half of the test's CPU)."""
    by_id = lookup.event_by_id

    def before(loaded: store.Loaded, event: m.Event) -> lookup.ByID | None:
        found = by_id(loaded, event)
        return None if found is not None and found.matched is not None else found

    monkeypatch.setattr(lookup, "event_by_id", before)
    real = matching.match
    kept: dict[tuple[Any, ...], matching.Matches] = {}

    def once(data: m.Dataset, curated: Any, records: Any, reviews: Any = None) -> matching.Matches:
        key = (tuple(e.id for e in curated), tuple(r.id for r in records), reviews is None)
        if key not in kept:
            kept[key] = real(data, curated, records, reviews)
        return kept[key]

    monkeypatch.setattr(matching, "match", once)


def test_a_curated_card_beside_an_import_says_what_the_whole_match_says(
    run: Run, synthetic: tuple[store.Loaded, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, curated = synthetic
    whole, found = _whole(loaded)
    by_id = {e.id: e for e in whole.events + whole.aftermath}

    def first(keep: Any) -> str:
        return next(i for i in curated if keep(i))

    def gap(i: str, days: int) -> bool:
        return any(p.date_gap == days for p in found.linked.get(i, []))

    shown = [
        first(lambda i: len(found.linked.get(i, [])) > 1),  # several records, every view
        first(lambda i: bool(found.possible.get(i))),  # ambiguous records
        first(lambda i: gap(i, 2)),  # a record at the window's edge
        first(lambda i: by_id[i].end is not None and bool(found.linked.get(i))),  # a span
        first(lambda i: bool(by_id[i].acled_ids)),  # the record's own reviewed link
        "k86-reviewed-only",  # reviewed links alone, one missing
        "k86-span",  # a span, beside the user's record
        "acled-mli800000",  # the user's record giving a reviewed link
        next(e.id for e in whole.aftermath if matching.dataset_of(e) is None),
    ]
    answers: dict[tuple[str, ...], tuple[str, str, int]] = {}
    for n, ident in enumerate(shown):
        for extra, columns in VIEWS if n == 0 else VIEWS[:2]:
            args = ("event", ident, *extra, str(columns))
            said = run(*args[:-1], env=terminal(columns))
            answers[args] = (said.stdout, said.stderr, said.exit_code)
            assert said.exit_code == 0, args
    db.forget_decoded()
    _whole_path(monkeypatch)
    for args, answer in answers.items():
        said = run(*args[:-1], env=terminal(int(args[-1])))
        assert (said.stdout, said.stderr, said.exit_code) == answer, args
