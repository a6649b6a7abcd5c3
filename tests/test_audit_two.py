"""Findings of the second hostile audit (issue 25), each reproduced as the attack it was."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from conftest import Run, checked_record, places_within

HUGE = 2**63


def _event(extra: str) -> str:
    return (
        '[[events]]\nid = "big"\ndate = "2021-03-01"\ntitle = "Big"\nsummary = "S"\n'
        f'type = "politics"\nplaces = ["bamako"]\n{extra}sources = [{{ id = "ref-a" }}]\n'
    )


def test_a_count_no_reader_can_hold_is_refused_by_validate(tmp_path: Path, run: Run) -> None:
    """fatalities >= 2**63 passed validate, then every command exited 1 with the cache on."""
    path = tmp_path / "huge.toml"
    path.write_text(_event(f"fatalities = {HUGE}\n"), encoding="utf-8")
    check = run("validate", str(path))
    assert check.exit_code == 4
    assert check.stdout == (
        f"{path}:8: events 'big' fatalities: {HUGE} is larger than 9,007,199,254,740,991, "
        "the largest number JSON readers and the store hold exactly\n"
    )
    used = run("timeline", "--data", str(path))
    assert used.exit_code == 4 and "is larger than 9,007,199,254,740,991" in used.stderr


def test_zero_width_characters_are_shown(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "zw.toml"
    path.write_text(
        _event("").replace('title = "Big"', 'title = "Wag\u200bner\ufeff"'), encoding="utf-8"
    )
    result = run("timeline", "--data", str(path), "--fields", "id,title", "--search", "wag")
    assert result.stdout.splitlines()[0] == "big\tWag\\u200bner\\ufeff"
    check = run("validate", str(path))
    assert "holds control characters (first \\u200b at character 4)" in check.stdout


def test_a_not_found_error_stays_one_short_line(run: Run) -> None:
    result = run("actor", "x" * 100_000)
    assert result.exit_code == 3
    assert result.stderr.startswith("barkhane: no actor matches 'xxxxxxxx")
    assert "… (100,000 characters)" in result.stderr
    assert len(result.stderr) < 300 and result.stderr.count("\n") == 1


def test_the_calendars_ends_are_answers_not_crashes(run: Run) -> None:
    for day in ("9999-12-31", "0001-01-01"):
        result = run("on", day, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["date"] == day
    # the aftermath's bars: without it a window after the record draws none (K41)
    chart = run(
        "chart", "--by", "month", "--since", "9999-11", "--until", "9999", "--aftermath",
        "-f", "json",
    )  # fmt: skip
    assert chart.exit_code == 0, chart.stderr
    assert [b["label"] for b in json.loads(chart.stdout)] == ["9999-11", "9999-12"]
    assert json.loads(chart.stdout)[-1]["end"] == "9999-12-31"


def test_a_cache_folder_whose_name_is_not_utf8_keeps_working(tmp_path: Path, run: Run) -> None:
    """It worked once, then every run exited 1 (the store's URI could not be encoded)."""
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/cache\xff"))
    for _ in range(3):
        result = run(
            "timeline", "--format", "json", "--limit", "1", env={"BARKHANE_CACHE": str(folder)}
        )
        assert result.exit_code == 0, result.stderr
    assert len(list(folder.glob("*.sqlite"))) == 1


def test_the_on_view_as_a_person_reads_it(run: Run, tty: dict[str, str]) -> None:
    """User paths with little test (issue 25): the on DATE terminal view at 80 columns."""
    result = run("on", "2013-01-20", env=tty | {"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    # on one screen (K42): each section in place, and where the whole page is
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "The situation on 2013-01-20",
        "",
        "Eras: 1 in place (every era: barkhane eras)",
        "  Operation Serval 2013–2014",
        "",
        "Leaders: each country's head of state",
        "  no leader recorded for: Mali",
        "",
        "Latest figures: one a series, the latest by the day (none is marked headline)",
        "  none recorded",
        "",
        "Events 2012-12-21 to 2013-02-19",
        "  2013-01-11 to 2014-07-15  Operation Serval",
        "",
        "  in full, with each leader's term, each dispute, every event and the map:",
        "    barkhane on 2013-01-20 --full",
    ]
    result = run("on", "2013-01-20", "--full", env=tty | {"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:6] == [
        "The situation on 2013-01-20",
        "In place",
        "  • Operation Serval (2013-01-11 to 2014-07-15)",
        "Leaders",
        # the fixture records Mali's leaders up to March 2012 and from May 2021
        "  no leader recorded for: Mali",
        "Latest figures (no figure is marked headline: French forces, MINUSMA, ",
    ]
    assert "Events 2012-12-21 to 2013-02-19" in lines
    assert "  • 2013-01-11 to 2014-07-15  operation  Operation Serval  [serval]" in lines
    assert "Borders: Natural Earth 1:50m; equirectangular at 14.8°N" in lines
    assert all(len(line) <= 80 for line in lines)


def test_the_source_card_as_a_person_reads_it(run: Run, tty: dict[str, str]) -> None:
    result = run("source", "ref-a", env=tty | {"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:5] == [
        "Reference A",
        "publisher  Publisher A",
        "kind       reference",
        "date       2022-11",
        "url        https://example.org/a",
    ]
    assert "Cited by 23 entries" in lines
    assert " event     coup-2012             Coup in Bamako" in lines
    missing = run("source", "ref-zz", env=tty)
    assert missing.exit_code == 3


def test_csv_safe_guards_eras_charts_and_judgments(tmp_path: Path, run: Run) -> None:
    """Issue 25: --csv-safe was applied to event tables only."""
    mine = tmp_path / "eras.toml"
    mine.write_text(
        '[[eras]]\nid = "formula"\nname = "=HYPERLINK(\\"http://x\\")"\nstart = "2013-01-11"\n'
        'end = "2014-07-15"\nkind = "operation"\ndescription = "D"\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    plain = run("eras", "--data", str(mine), "-f", "csv")
    assert plain.exit_code == 0, plain.stderr
    assert '"=HYPERLINK(""http://x"")"' in plain.stdout
    safe = run("--csv-safe", "eras", "--data", str(mine), "-f", "csv")
    assert safe.exit_code == 0, safe.stderr
    assert "'=HYPERLINK" in safe.stdout and ",=HYPERLINK" not in safe.stdout


def test_a_hostile_region_name_is_inert_in_the_choropleth(
    tmp_path: Path, run: Run, sliced: Callable[..., Path]
) -> None:
    """Issue 25: the choropleth's SVG with a hostile region name (a user layer renames a
    region): escaped in the SVG, escaped on the terminal. Over a slice of the record
    (conftest.sliced): the region, what the file names, and the events in the region,
    which shade it."""
    record, _ = checked_record()
    inside = set(places_within("gao-region"))
    shading = [e.id for e in record.events if inside & set(e.places)]
    sliced("gao-region", "northern-mali", "wikipedia-regions-of-mali", *shading)
    mine = tmp_path / "hostile.toml"
    mine.write_text(
        '[[places]]\nid = "gao-region"\nname = "<script>alert(1)</script>\\u001b[31m"\n'
        'kind = "region"\nwithin = "northern-mali"\nsources = [{ id = "wikipedia-regions-of-mali" }]\n',
        encoding="utf-8",
    )
    svg = tmp_path / "map.svg"
    result = run("map", "--by", "region", "--data", str(mine), "--export", str(svg))
    assert result.exit_code == 0, result.stderr
    text = svg.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text and "\x1b" not in text
    shown = run("map", "--by", "region", "--data", str(mine), "--ascii")
    assert shown.exit_code == 0 and "\x1b" not in shown.stdout


def test_a_zoomed_map_draws(run: Run, tty: dict[str, str]) -> None:
    """User paths with little test (issue 25): map --bbox, at 80 columns."""
    result = run("map", "--bbox", "-12,10,5,20", "--ascii", env=tty | {"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    bad = run("map", "--bbox", "5,10,-12,20")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("barkhane: --bbox '5,10,-12,20': need west < east")
