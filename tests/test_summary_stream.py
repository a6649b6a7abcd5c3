"""`summary` (K75) and `chart` (K77) fold the events the store streams, keeping none:
each prints the same bytes as from the TOML files (every event read and held, as they
always did), for windows, actors and countries, in every format (and chart's --export
files), on the bundled record and on an import layered over it; and the store remembers
nothing of the events it gave."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import Run

from barkhane_cli import store
from barkhane_cli.store import db

# Which formats a slice is drawn in, from the store's stream and from the files. What the
# two sides compute apart is the view's data: summary's content (its JSON whole), chart's
# bars and panels (their JSON) and its axis (the drawn title); and the drawn summary reads
# the eras, actors and figures that content names from each side's own tables (the
# store's decoded, the files' parsed), the --full summary more of them. Those formats
# every slice is compared in (EVERY_SLICE). The others (ONCE) are drawn from that same
# data alone, nothing read from either side again (summary_plain of the content, chart's
# rows of its bins, chart at another width): each once, on a slice of its own, where
# every slice in each format was 60-110 runs a test, each folding the events again.
EVERY_SLICE = (
    ["-f", "json"],
    ["-f", "table", "--color", "never"],
    ["-f", "table", "--color", "always", "--full", "--width", "100"],
)
ONCE = (
    ["-f", "jsonl"],
    ["-f", "plain"],
)


# chart's: its bars as data, and drawn in colour at 160 columns (its title, from the axis
# each side's events span, is drawn only); once each: as rows, plain, and drawn at 80
CHART_EVERY_SLICE = (
    ["-f", "json"],
    ["-f", "table", "--color", "always", "--width", "160"],
)
CHART_ONCE = (
    ["-f", "csv"],
    ["-f", "plain"],
    ["-f", "table", "--color", "never", "--width", "80"],
)


def same_as_from_the_files(
    run: Run,
    slices: list[list[str]],
    every: tuple[list[str], ...] = EVERY_SLICE,
    once: tuple[list[str], ...] = ONCE,
) -> None:
    """Each slice (a command and its words) in each format of ``every``, and each of
    ``once`` on one slice (the n-th on the n-th, round), from the store's stream and from
    the files; a word "EXPORT.x" is a file written by each run, compared too."""
    assert len(once) <= len(slices)  # each of them on a slice of its own
    run("summary", "-f", "json")  # builds the store if none is (that run reads the files)
    for n, words in enumerate(slices):
        for fmt in every + once[n : n + 1]:
            args = [*words, *fmt]
            warm = _run_keeping_export(run, args, "warm")  # the store's stream
            # every event decoded and held
            files = _run_keeping_export(run, args, "files", {"BARKHANE_CACHE": "0"})
            assert files[0] == 0, (args, files[2])
            assert warm[1] == files[1], args
            assert warm[0::2] == files[0::2], args
            assert warm[3] == files[3], args  # the file written, if any


def _run_keeping_export(
    run: Run, args: list[str], side: str, env: dict[str, str] | None = None
) -> tuple[int, str, str, bytes | None]:
    """One run's exit code, stdout, stderr and the bytes of the file it exported: its
    name made the side's own, and said as given ("wrote .../EXPORT.svg")."""
    named = [w.replace("EXPORT.", f"{side}.") for w in args]
    out = run(*named, env=env)
    said = out.stderr.replace(f"{side}.", "EXPORT.")
    if "--export" not in named:
        return out.exit_code, out.stdout, said, None
    return out.exit_code, out.stdout, said, Path(named[named.index("--export") + 1]).read_bytes()


def test_the_bundled_summary_is_the_same_streamed(run: Run, bundled: None, fast_toml: None) -> None:
    same_as_from_the_files(
        run,
        [
            ["summary"],
            ["summary", "--year", "2020"],
            ["summary", "--country", "burkina-faso", "--since", "2019-06", "--until", "2020-03"],
            ["summary", "--actor", "wagner"],
            ["summary", "--actor", "jnim", "--country", "mali", "--aftermath"],
            ["summary", "--since", "2030"],  # after the record: its note, nothing drawn
        ],
    )
    assert store.cached_store(store.data_paths([])) is not None  # they answered from it


def test_the_bundled_chart_is_the_same_streamed(
    run: Run, bundled: None, fast_toml: None, tmp_path: Path
) -> None:
    same_as_from_the_files(
        run,
        [
            ["chart"],
            ["chart", "fatalities", "--year", "2020", "--by", "month"],
            # the window's first month holds events that began before it (a note)
            ["chart", "--country", "burkina-faso", "--since", "2019-06", "--until", "2020-03"],
            ["chart", "fatalities", "--actor", "wagner", "--by", "month"],
            ["chart", "--facet", "country", "--since", "2019", "--no-stack"],
            ["chart", "fatalities", "--facet", "actor", "--country", "mali", "--year", "2021"],
            ["chart", "--facet", "place"],  # more panels than a terminal draws
            ["chart", "--facet", "country", "--country", "mali", "--country", "niger"],
            ["chart", "--since", "2030"],  # after the record: its note, nothing drawn
            ["chart", "troops"],  # figures, not events: the same as before, from the store
            ["chart", "displacement", "--country", "mali"],
        ],
        CHART_EVERY_SLICE,
        CHART_ONCE,
    )
    drawn = ["chart", "--facet", "type", "--year", "2020", "--width", "100", "--export"]
    same_as_from_the_files(
        run, [[*drawn, str(tmp_path / f"EXPORT.{x}")] for x in ("svg", "html", "txt")], ([],), ()
    )


def test_the_charts_bars_count_each_event_once_in_each_of_its_panels(
    run: Run, bundled: None
) -> None:
    """Both sides above fold the same way: held to timeline's counts, which read the
    events apart from chart's tallies (the record's axis leaves none before its bars)."""
    whole = json.loads(run("chart", "-f", "json").stdout)
    events = json.loads(run("timeline", "--count", "-f", "json").stdout)["events"]
    assert sum(b["value"] for b in whole) == events
    panels: Counter[str | None] = Counter()
    for row in json.loads(run("chart", "--facet", "country", "-f", "json").stdout):
        panels[row["country"]] += row["value"]
    faceted = json.loads(run("timeline", "--facet", "country", "-f", "json").stdout)
    assert panels == {r["country"]: r["events"] for r in faceted}


def test_a_layered_import_summary_is_the_same_streamed(
    run: Run, layered_import: Path, fast_toml: None
) -> None:
    same_as_from_the_files(
        run,
        [
            ["summary"],
            ["summary", "--country", "mali", "--year", "2022"],
            ["summary", "--actor", "wagner", "--since", "2022-06"],
        ],
    )


def test_the_store_keeps_nothing_of_the_events_it_streams() -> None:
    from barkhane_cli import query

    store.open_data()  # builds the store if none is
    db.forget_decoded()
    loaded = store.open_data()
    assert loaded.db is not None
    every = query.EventQuery()
    streamed = [e.id for e in loaded.stream(every)]
    kept = db._DECODED.get(loaded.db.key or "", {})
    assert not kept.get("events-by-row") and "events" not in kept
    assert not loaded.db.output
    assert streamed  # and the same events, in the same order, as select gives
    assert streamed == [e.id for e in loaded.select(every)]


@pytest.mark.parametrize("words", [[], ["--country", "mali", "--year", "2013"]])
def test_summary_itself_keeps_none_of_its_events(run: Run, words: list[str]) -> None:
    """The command, not only Loaded.stream: summary read through select (which keeps each
    event decoded, for a second pass) held every event of a million-row import at once."""
    run("summary", "-f", "json")  # builds the store if none is
    db.forget_decoded()
    result = run("summary", *words, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["period"]["events"] > 0  # it read some
    loaded = store.open_data()
    assert loaded.db is not None  # it answered from the store
    kept = db._DECODED.get(loaded.db.key or "", {})
    assert not kept.get("events-by-row"), len(kept.get("events-by-row") or ())


def test_a_layered_import_chart_is_the_same_streamed(
    run: Run, layered_import: Path, fast_toml: None
) -> None:
    same_as_from_the_files(
        run,
        [
            ["chart", "--by", "month", "--since", "2022"],
            ["chart", "fatalities", "--country", "mali", "--year", "2022"],
            ["chart", "--facet", "perpetrator", "--actor", "wagner", "--since", "2022-06"],
        ],
        CHART_EVERY_SLICE,
        CHART_ONCE,
    )
