"""The briefing views (summary, eras, chart, judgments) on the fixture file, plus the
seed-quote and yardstick checks on the real bundled data."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, MINI, ROOT, Run, as_json, rows, terminal, watched

from barkhane_cli import store
from barkhane_cli.render.styles import ERA_STYLES

SEED = ROOT / "seeds" / "000_51f17ae3e7170128.txt"
REAL_DATA = ROOT / "data"

# UK Professional Head of Intelligence Assessment probability yardstick. Longer phrases
# first, so that "highly unlikely" is not read as "unlikely" or "likely".
PHIA = {
    "almost certain": (0.95, 1.0),
    "highly unlikely": (0.10, 0.20),
    "highly likely": (0.80, 0.90),
    "realistic possibility": (0.40, 0.50),
    "remote chance": (0.0, 0.05),
    "unlikely": (0.25, 0.35),
    "likely": (0.55, 0.75),
}

YEARS = list(range(2011, 2023))
EVENTS_PER_YEAR = {2011: 1, 2012: 2, 2013: 1, 2016: 1, 2020: 2, 2021: 1, 2022: 2}


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return result


def phia_range(term: str) -> tuple[float, float]:
    for phrase, bounds in PHIA.items():
        if phrase in term.lower():
            return bounds
    raise AssertionError(f"no UK PHIA phrase in the term {term!r}")


def test_phia_lookup_prefers_the_longer_phrase() -> None:
    assert phia_range("highly unlikely") == (0.10, 0.20)
    assert phia_range("seems unlikely") == (0.25, 0.35)
    assert phia_range("are likely to") == (0.55, 0.75)
    assert phia_range("highly likely") == (0.80, 0.90)


# --- summary -----------------------------------------------------------------------------


def test_summary_json_period(run: Run) -> None:
    content = as_json(ok(run("summary", "--format", "json")))
    assert content["period"] == {
        "start": "2011-01-01",
        "end": "2022-11-09",
        "events": 10,
        "disputed": 1,
        "fatalities_recorded": 30,
        "counted_elsewhere": 0,
        "countries": [],
        "places": [],
        "place_notes": [],
        "note": None,
    }


def test_the_summary_header_counts_one_event_as_one(run: Run) -> None:
    """`summary --year 2011` (one event) read "1 events · 0 disputed": every count in
    words agrees with its number (text.counted, U23), the header's too (RR31)."""
    head = run("summary", "--year", "2011", "--no-pager", env=terminal(120)).stdout
    said = "2011-01-01 to 2011-12-31  1 event · 0 disputed · 0 deaths in this event, not a"
    assert said in head
    head = run("summary", "--year", "2016", "--no-pager", env=terminal(120)).stdout
    assert "  1 event · 0 disputed · 30 deaths in this event, not a total toll (" in head


def test_summary_json_events_per_year_has_every_year_including_empty_ones(run: Run) -> None:
    content = as_json(ok(run("summary", "--format", "json")))
    per_year = content["events_per_year"]
    assert [y["year"] for y in per_year] == YEARS
    assert {y["year"]: y["events"] for y in per_year} == {
        y: EVENTS_PER_YEAR.get(y, 0) for y in YEARS
    }
    by_year = {y["year"]: y["by_type"] for y in per_year}
    assert by_year[2012] == {"coup": 1, "battle": 1}
    assert by_year[2014] == {}
    assert by_year[2020] == {"coup": 1, "politics": 1}
    assert by_year[2022] == {"diplomacy": 1, "withdrawal": 1}
    assert sum(y["events"] for y in per_year) == content["period"]["events"]


def test_summary_json_eras_actors_facts_judgments(run: Run) -> None:
    content = as_json(ok(run("summary", "--format", "json")))
    assert [e["id"] for e in content["eras"]] == ["serval", "wagner-in-mali"]
    assert content["top_actors"][:2] == [
        {"id": "mali", "name": "Mali", "kind": "state", "events": 5},
        {"id": "france", "name": "France", "kind": "state", "events": 3},
    ]
    # Ties broken by id.
    assert [a["id"] for a in content["top_actors"][2:]] == [
        "assimi-goita",
        "jnim",
        "serval",
        "wagner",
    ]
    assert all(a["events"] == 1 for a in content["top_actors"][2:])
    # No fact is marked headline: French forces are a headline series, and of it the
    # latest figure, the disputed 5,500 (its flag shown), as `on` reads it (U20: one rule).
    assert [f["id"] for f in content["headline_facts"]] == ["barkhane-peak-seed"]
    assert content["headline_facts"][0]["value"] == 5500
    assert [j["id"] for j in content["judgments"]] == ["vacuum", "region"]


def test_summary_slice_2020(run: Run) -> None:
    content = as_json(ok(run("summary", "--since", "2020", "--until", "2020", "--format", "json")))
    # The window, not the first and last events (18 August, 31 December).
    assert content["period"] == {
        "start": "2020-01-01",
        "end": "2020-12-31",
        "events": 2,
        "disputed": 0,
        "countries": [],
        "places": [],
        "place_notes": [],
        "note": None,
        "fatalities_recorded": 0,
        "counted_elsewhere": 0,
    }
    assert content["axis"] == {"start": "2020-01-01", "end": "2020-12-31"}
    assert content["events_per_year"] == [
        {"year": 2020, "events": 2, "by_type": {"coup": 1, "politics": 1}}
    ]
    months = content["events_per_month"]
    assert [m["month"] for m in months] == [f"2020-{m:02d}" for m in range(1, 13)]
    assert {m["month"]: m["events"] for m in months if m["events"]} == {"2020-08": 1, "2020-12": 1}
    assert content["eras"] == []  # Serval ended in 2014; Wagner arrived in December 2021
    assert content["top_actors"] == [
        {"id": "assimi-goita", "name": "Assimi Goïta", "kind": "person", "events": 1},
        {"id": "mali", "name": "Mali", "kind": "state", "events": 1},
    ]
    assert [f["id"] for f in content["headline_facts"]] == ["barkhane-peak"]


def test_summary_on_one_screen_says_what_is_current_and_where_each_list_is_whole(
    run: Run,
) -> None:
    """K41: the summary drew every era, every headline figure with its sources and six
    judgments in full (176 lines at 80 columns on the record). On one screen: the eras in
    place at the window's end and how many there are, one figure a series, the
    judgments' tally, each list pointing to the command that gives it whole; --full draws
    them as before, and every judgment."""
    shown = ok(run("summary", env=terminal(80))).stdout
    lines = [line.rstrip() for line in shown.splitlines()]
    assert lines[
        lines.index("Eras: 1 of 2 in place on 2022-11-09 (every era: barkhane eras)") - 1 :
    ] == [
        "",
        "Eras: 1 of 2 in place on 2022-11-09 (every era: barkhane eras)",
        "Wagner in Mali 2021–",
        "",
        "Most active actors (every actor: barkhane actors)",
        "Mali (5)  France (3)  Assimi Goïta (1)  JNIM (1)  Operation Serval (1)",
        "Wagner Group (1)",
        "",
        "Headline figures: the latest on 2022-11-09 (every figure: barkhane facts)",
        "  5,500 troops 2022-11 ⚑ French troops in Barkhane, peak (seed)",
        "  ⚑ disputed; each in full, with its sources: barkhane summary --full",
        "The seed's judgments: 1 right · 0 wrong · 0 partly · 1 open (barkhane judgments)",
    ]
    # what the bars count said in their title, not again under their legend (U41)
    assert "Events per year, by type of event" in lines and "events, by type of event" not in lines
    content = as_json(ok(run("summary", "--format", "json")))
    assert content["current_eras"] == {"day": "2022-11-09", "eras": ["wagner-in-mali"]}
    assert content["latest_figures"] == ["barkhane-peak-seed"]
    assert content["forecasts"] == {"right": 1, "wrong": 0, "partly": 0, "open": 1}
    full = [
        line.rstrip() for line in ok(run("summary", "--full", env=terminal(80))).stdout.splitlines()
    ]
    # the chart of both eras, Serval's too, which ended in 2014
    serval = [line for line in full if line.startswith("Operation Serval ")]
    assert len(serval) == 1 and "█" in serval[0]
    assert not [line for line in lines if line.startswith("Operation Serval")]
    judged = full[full.index("The seed's key judgments") + 1 :]
    assert [line.split()[:2] for line in judged if line[2] != " "] == [
        ["95%–100%", "right"],
        ["80%–90%", "open"],
    ]
    # the window's end: Serval's, 2013 (Wagner not yet come), with its own window
    year = as_json(ok(run("summary", "--year", "2013", "--format", "json")))
    assert year["current_eras"] == {"day": "2013-12-31", "eras": ["serval"]}


def test_summary_on_one_screen_aligns_a_figure_given_with_its_range(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """K41: "5,100 (5,000–5,500)" in the figures' column widened it on every line and
    left the labels some 30 cells at 80 columns: the figure stays in its column, its
    range opens the label."""
    monkeypatch.chdir(tmp_path)  # the file named short, as the follow-ups give it
    data = Path("range.toml")
    data.write_text(
        '[[facts]]\nid = "barkhane-2021"\nlabel = "French troops in Barkhane, 2021"\n'
        'value = 5100\nlow = 5000\nhigh = 5500\nunit = "troops"\nas_of = "2021-06"\n'
        'scope = "Sahel"\ncategory = "troops"\nactors = ["france"]\n'
        'sources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    shown = ok(run("summary", "--year", "2021", "--data", str(data), env=terminal(80)))
    lines = [line.rstrip() for line in shown.stdout.splitlines()]
    # the command to copy on one line, not broken before its file (U35)
    at = lines.index("Headline figures: the latest on 2021-12-31 (every figure:")
    assert lines[at + 1 : at + 5] == [
        "  barkhane facts --data range.toml)",
        "  5,100 troops 2021-06 (5,000–5,500) French troops in Barkhane, 2021",
        # its own command line with its data (U33), less --width, --color...
        "  each in full, with its sources:",
        "    barkhane summary --data range.toml --year 2021 --full",
    ]


def test_summary_on_a_narrow_screen_cuts_a_label_its_range_leaves_no_room_for(
    run: Run, tmp_path: Path
) -> None:
    """RR30: at 40 columns the label's column is 10 cells and "⚑ (1,500,000–2,000,000) "
    took 24: `summary --year 2013 --width 40` on the record stopped on an internal error
    (textwrap's "invalid width -2"). The row is cut at the column's end instead."""
    data = tmp_path / "range.toml"
    data.write_text(
        '[[facts]]\nid = "barkhane-2021"\nlabel = "French troops in Barkhane, 2021"\n'
        'value = 1761915\nlow = 1500000\nhigh = 2000000\nunit = "troops"\n'
        'as_of = "2021-06-30"\nscope = "Sahel"\ncategory = "troops"\nactors = ["france"]\n'
        'disputed = "Another count."\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    shown = run("summary", "--year", "2021", "--width", "40", "--data", str(data), env=terminal(80))
    assert (shown.exit_code, shown.stderr) == (0, "")
    lines = [line.rstrip() for line in shown.stdout.splitlines()]
    row = next(line for line in lines if line.startswith("  1,761,915"))
    assert row.startswith("  1,761,915 troops 2021-06-30 ⚑ (1,500") and row.endswith("…"), row
    assert len(row) <= 40


def test_summary_plain_when_piped(run: Run) -> None:
    result = ok(run("summary"))
    lines = rows(result)
    assert lines[0] == ["period", "2011-01-01", "2022-11-09", "10 events", "1 disputed"]
    assert ["year", "2014", "0"] in lines
    assert ["era", "2013-01-11", "2014-07-15", "Operation Serval"] in lines
    assert ["era", "2021-12", "", "Wagner in Mali"] in lines
    assert ["actor", "mali", "Mali", "5"] in lines
    assert "\x1b[" not in result.stdout


# --- eras --------------------------------------------------------------------------------


def test_eras_json(run: Run) -> None:
    items = as_json(ok(run("eras", "--format", "json")))
    assert [(e["id"], e["name"], e["start"], e["end"], e["description"]) for e in items] == [
        ("serval", "Operation Serval", "2013-01-11", "2014-07-15", "France's intervention."),
        ("wagner-in-mali", "Wagner in Mali", "2021-12", None, "Russian contractors."),
    ]
    assert [e["kind"] for e in items] == ["operation", "presence"]


def test_eras_jsonl_is_one_object_per_line(run: Run) -> None:
    import json

    result = ok(run("eras", "--format", "jsonl"))
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "serval",
        "wagner-in-mali",
    ]


def test_eras_since_filters_out_eras_that_ended_before(run: Run) -> None:
    items = as_json(ok(run("eras", "--since", "2015", "--format", "json")))
    assert [e["id"] for e in items] == ["wagner-in-mali"]


@pytest.mark.parametrize(
    ("window", "said"),
    [
        (("--year", "2021"), "2021"),  # a whole year, as every view says one
        (("--since", "2021-03"), "2021-03-01 to 2022-11-09"),
    ],
)
def test_the_gantt_says_its_window_as_every_view_does(
    run: Run, window: tuple[str, ...], said: str
) -> None:
    # it said "2021-01-01 to 2021-12-31" where the chart's title and the map's say 2021
    lines = [
        line.strip() for line in ok(run("eras", *window, env=terminal(100))).stdout.splitlines()
    ]
    assert lines[-3:-2] == [said], lines[-4:]


def _gantt(run: Run, columns: int = 100) -> tuple[str, dict[int, int], int, list[str]]:
    env = terminal(columns)
    result = ok(run("eras", env=env))
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "2011" in line and "2022" in line)
    cols = {y: header.index(str(y)) for y in YEARS}
    widths = {cols[y + 1] - cols[y] for y in YEARS[:-1]}
    assert max(widths) - min(widths) <= 1, header  # years equally wide, to the character
    return header, cols, max(widths), lines


def test_gantt_serval_bar_spans_2013_to_mid_2014(run: Run) -> None:
    _, cols, width, lines = _gantt(run)
    serval = next(line for line in lines if line.startswith("Operation Serval"))
    first, last = serval.index("▓" if "▓" in serval else "█"), serval.rindex("█")
    assert first == cols[2013]  # 11 January is within the first character of the year
    assert cols[2014] <= last < cols[2014] + width  # ends within 2014 (15 July)
    assert "→" not in serval  # it ended


def test_gantt_ongoing_wagner_bar_ends_with_arrow(run: Run) -> None:
    _, cols, width, lines = _gantt(run)
    wagner = next(line for line in lines if line.startswith("Wagner in Mali"))
    assert wagner.rstrip().endswith("░→")  # without colour, a presence is drawn ░
    first = wagner.index("░")
    assert cols[2021] + width - 2 <= first <= cols[2021] + width  # December 2021
    assert cols[2022] <= wagner.index("→") <= cols[2022] + width + 1  # to November 2022


def test_gantt_legend_and_footnote(run: Run) -> None:
    _, _, _, lines = _gantt(run)
    text = "\n".join(lines)
    assert "██ operation" in text  # without colour the legend shows each fill
    assert "░░ presence" in text
    assert "still running on 9 November 2022" in text


MINUSMA_ERA = """\
[[eras]]
id = "minusma"
name = "MINUSMA (UN Multidimensional Integrated Stabilization Mission in Mali)"
short = "MINUSMA"
start = "2013-07-01"
kind = "mission"
description = "UN peacekeeping mission."
sources = [{ id = "ref-a" }]
"""


@pytest.mark.parametrize(("columns", "label"), [(80, "MINUSMA"), (160, "MINUSMA"), (240, None)])
def test_an_era_whose_name_is_cut_shows_its_short_name(
    run: Run, tmp_path: Path, columns: int, label: str | None
) -> None:
    """K38: "MINUSMA (UN Multidimensional Inte…" at 80 columns, cut at 160 too: where its
    name does not fit, the chart shows the era's short name; where it fits, the name. JSON
    and the plain rows keep the name, with the short name beside it in JSON."""
    data = tmp_path / "eras.toml"
    data.write_text(MINUSMA_ERA, encoding="utf-8")
    name = "MINUSMA (UN Multidimensional Integrated Stabilization Mission in Mali)"
    lines = ok(run("eras", "--data", str(data), env=terminal(columns))).stdout.splitlines()
    shown = next(line for line in lines if line.startswith("MINUSMA"))
    assert shown.startswith(f"{label or name} ") and "…" not in shown
    era = as_json(ok(run("eras", "--data", str(data), "-f", "json")))[1]
    assert (era["name"], era["short"]) == (name, "MINUSMA")
    assert rows(ok(run("eras", "--data", str(data))))[1][4] == name


def test_eras_plain_when_piped(run: Run) -> None:
    assert rows(ok(run("eras"))) == [
        [
            "serval",
            "2013-01-11",
            "2014-07-15",
            "operation",
            "Operation Serval",
            "France's intervention.",
        ],
        ["wagner-in-mali", "2021-12", "", "presence", "Wagner in Mali", "Russian contractors."],
    ]


# --- chart -------------------------------------------------------------------------------


def test_chart_events_json(run: Run) -> None:
    bins = as_json(ok(run("chart", "events", "--format", "json")))
    assert [b["label"] for b in bins] == [str(y) for y in YEARS]
    assert {b["label"]: b["value"] for b in bins} == {
        str(y): EVENTS_PER_YEAR.get(y, 0) for y in YEARS
    }
    assert bins[1]["by_type"] == {"coup": 1, "battle": 1}


def test_chart_default_is_events(run: Run) -> None:
    assert as_json(ok(run("chart", "--format", "json"))) == as_json(
        ok(run("chart", "events", "--format", "json"))
    )


def test_chart_fatalities_json(run: Run) -> None:
    bins = as_json(ok(run("chart", "fatalities", "--format", "json")))
    assert [b["label"] for b in bins] == [str(y) for y in YEARS]
    assert {b["label"]: b["value"] for b in bins} == {
        str(y): (30 if y == 2016 else 0) for y in YEARS
    }
    assert bins[YEARS.index(2016)]["by_type"] == {"attack": 30}


def test_chart_troops_json(run: Run) -> None:
    series = as_json(ok(run("chart", "troops", "--format", "json")))
    # Only facts about French forces; Wagner's range is not French troops.
    assert [(r["as_of"], r["value"], r["marks"], r["id"]) for r in series] == [
        ("2020", 5100, [], "barkhane-peak"),
        ("2022-11", 5500, ["disputed"], "barkhane-peak-seed"),
    ]


def test_chart_troops_of_one_force(run: Run) -> None:
    series = as_json(ok(run("chart", "troops", "--force", "wagner", "--format", "json")))
    assert [(r["as_of"], r["value"], r["low"], r["high"], r["marks"]) for r in series] == [
        ("2022", None, 1000, 1500, ["range"])  # a range alone: no midpoint
    ]


def test_chart_troops_unknown_force_or_by_is_a_usage_error(run: Run) -> None:
    result = run("chart", "troops", "--force", "mali")
    assert result.exit_code == 2
    assert result.stderr == (
        "barkhane: no troop figures for 'mali'; forces with figures: france, wagner\n"
    )
    result = run("chart", "troops", "--by", "month")
    assert result.exit_code == 2
    assert "--by does not apply to chart troops" in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["troops", "--actor", "minusma"], "--actor does not apply to chart troops"),
        (["troops", "--country", "niger"], "--country does not apply to chart troops"),
        (["troops", "--no-stack"], "--stack does not apply to chart troops"),
        (["displacement", "--actor", "jnim"], "--actor does not apply to chart displacement"),
        (["displacement", "--force", "minusma"], "--force does not apply to chart displacement"),
        (["fatalities", "--force", "minusma"], "--force does not apply to chart fatalities"),
    ],
)
def test_chart_refuses_an_option_its_kind_ignores(run: Run, args: list[str], said: str) -> None:
    """U22: `chart troops --actor minusma` drew the French troops, rc 0: every option a
    chart kind would ignore is refused in one wording, saying what to use instead."""
    result = run("chart", *args)
    assert result.exit_code == 2 and result.stderr.startswith(f"barkhane: {said} (it is for")
    assert len(result.stderr.splitlines()) == 1
    if args[0] == "troops":
        assert "choose it with --force" in result.stderr


def test_chart_by_month_skips_year_precision_event_with_a_note(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch)
    result = ok(run("chart", "--by", "month", "--format", "json"))
    bins = as_json(result)
    # From the first event's start (2011) to the last one's end (9 November 2022).
    assert len(bins) == 12 * len(YEARS) - 1
    assert bins[0]["label"] == "2011-01"
    assert bins[-1]["label"] == "2022-11"
    assert bins[-1]["end"] == "2022-11-09"
    values = {b["label"]: b["value"] for b in bins}
    assert {k: v for k, v in values.items() if v} == {
        "2012-03": 1,
        "2012-04": 1,
        "2013-01": 1,
        "2016-01": 1,
        "2020-08": 1,
        "2020-12": 1,
        "2021-12": 1,
        "2022-01": 1,
        "2022-11": 1,
    }
    # The 2011 event is dated only to the year: not counted, and said so to a person
    # watching stderr, as a list's notes are (U32); the drawn chart says it under itself
    assert sum(values.values()) == 9
    assert told == ["1 event dated only to the year is not in a month's bar"]


def test_chart_by_year_has_no_note(run: Run) -> None:
    assert ok(run("chart", "--format", "json")).stderr == ""


def test_chart_plain_when_piped(run: Run) -> None:
    result = ok(run("chart"))
    assert result.stdout.splitlines() == [
        f"{y}\t{EVENTS_PER_YEAR.get(y, 0)}\t{'#' * (25 * EVENTS_PER_YEAR.get(y, 0))}" for y in YEARS
    ]
    for line in result.stdout.splitlines():
        assert re.fullmatch(r"\d{4}\t\d+\t#*", line)


def test_chart_troops_plain_when_piped(run: Run) -> None:
    """The columns TSV gives, without its header: U30 could not tell Mali's 2,500 from
    the Sahel's in plain text, which had no force or series."""
    piped = rows(ok(run("chart", "troops")))
    assert piped == [
        ["2020", "5100", "", "", "", "", "france", "Sahel", "barkhane-peak",
         "French troops in Barkhane, peak", ""],
        ["2022-11", "5500", "", "", "", "disputed", "france", "Sahel", "barkhane-peak-seed",
         "French troops in Barkhane, peak (seed)", ""],
    ]  # fmt: skip
    assert rows(ok(run("chart", "troops", "-f", "tsv")))[1:] == piped


# --- judgments ---------------------------------------------------------------------------


def test_judgments_json(run: Run) -> None:
    doc = as_json(ok(run("judgments", "--format", "json")))
    items = doc["judgments"]
    assert [j["id"] for j in items] == ["vacuum", "region"]
    assert [j["forecast"] for j in items] == ["right", "open"]
    # vacuum: 95-100% and it happened: (0.975 - 1)^2
    assert doc["brier"] == pytest.approx(0.0006, abs=1e-4)
    assert doc["resolved"] == 1
    assert doc["forecasts"] == {"right": 1, "wrong": 0, "partly": 0, "open": 1}
    seed = SEED.read_text(encoding="utf-8")
    for j in items:
        assert j["quote"] and j["term"] and j["yardstick"]
        low, high = j["probability"]
        assert 0 <= low <= high <= 1
        assert j["quote"] in seed
        if j["yardstick"] == "UK PHIA":
            assert (low, high) == pytest.approx(phia_range(j["term"]))
    assert items[1]["probability"] == [0.8, 0.9]
    assert items[0]["outcome"] == "happened"
    assert items[1]["outcome"] is None


def test_judgments_outcome_filter(run: Run) -> None:
    doc = as_json(ok(run("judgments", "--outcome", "happened", "--format", "json")))
    assert [j["id"] for j in doc["judgments"]] == ["vacuum"]


def test_judgments_unknown_outcome_exits_2(run: Run) -> None:
    result = run("judgments", "--outcome", "maybe")
    assert result.exit_code == 2
    assert "unknown outcome 'maybe'" in result.stderr


def test_judgments_plain_when_piped(run: Run) -> None:
    assert rows(ok(run("judgments")))[1] == [
        "region",
        "highly likely",
        "UK PHIA",
        "0.8",
        "0.9",
        "",
        "open",
        "rising insecurity in Mali is highly likely to destabilize the wider region",
    ]


def _judgments(path: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for file in store.expand([path]):
        with file.open("rb") as f:
            out.extend(tomllib.load(f).get("judgments", []))
    return out


@pytest.mark.parametrize("path", [MINI, REAL_DATA], ids=["fixture", "bundled"])
def test_every_judgment_quote_is_verbatim_in_the_seed(path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    judgments = _judgments(path)
    assert judgments
    missing = [j["id"] for j in judgments if j["quote"] not in seed]
    assert missing == []


@pytest.mark.parametrize("path", [MINI, REAL_DATA], ids=["fixture", "bundled"])
def test_every_judgment_probability_is_a_range_and_phia_ranges_match(path: Path) -> None:
    judgments = _judgments(path)
    assert any(j["yardstick"] == "UK PHIA" for j in judgments)
    for j in judgments:
        low, high = j["probability"]
        assert 0 <= low <= high <= 1, j["id"]
        assert j["term"].lower() in j["quote"].lower(), j["id"]
        if j["yardstick"] == "UK PHIA":
            assert (low, high) == pytest.approx(phia_range(j["term"])), j["id"]


# --- export ------------------------------------------------------------------------------

VIEWS = {
    "summary": (["summary"], "Sahel conflict: the record"),
    "eras": (["eras"], "Operation Serval"),
    "chart": (["chart"], "Events per year"),
    "judgments": (["judgments"], "Judgment (seed, verbatim)"),
    "timeline": (["timeline"], "Operation Serval"),
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_export_svg(run: Run, tmp_path: Path, view: str) -> None:
    args, _ = VIEWS[view]
    target = tmp_path / f"{view}.svg"
    result = ok(run(*args, "--export", str(target)))
    assert result.stderr == f"wrote {target}\n"
    root = ET.parse(target).getroot()
    assert root.tag.endswith("svg")


@pytest.mark.parametrize("view", list(VIEWS))
def test_export_html(run: Run, tmp_path: Path, view: str) -> None:
    args, known = VIEWS[view]
    target = tmp_path / f"{view}.html"
    ok(run(*args, "--export", str(target)))
    text = target.read_text(encoding="utf-8")
    assert "<html" in text
    assert known in text


@pytest.mark.parametrize("view", list(VIEWS))
def test_export_txt(run: Run, tmp_path: Path, view: str) -> None:
    args, known = VIEWS[view]
    target = tmp_path / f"{view}.txt"
    ok(run(*args, "--export", str(target)))
    text = target.read_text(encoding="utf-8")
    assert known in text
    assert "\x1b" not in text


def test_export_still_prints_the_view(run: Run, tmp_path: Path) -> None:
    result = ok(run("chart", "--export", str(tmp_path / "c.txt")))
    assert result.stdout.splitlines()[0] == "2011\t1\t" + "#" * 25


def test_export_eras_txt_is_the_gantt_chart(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "eras.txt"
    ok(run("eras", "--export", str(target)))
    text = target.read_text(encoding="utf-8")
    assert "2013" in text and "█" in text and "→" in text


@pytest.mark.parametrize("view", ["summary", "eras", "chart", "judgments", "timeline"])
def test_bad_export_extension_exits_2_with_one_line(run: Run, tmp_path: Path, view: str) -> None:
    target = tmp_path / "out.pdf"
    result = run(view, "--export", str(target))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert ".svg, .html or .txt" in result.stderr
    assert not target.exists()
    assert result.stdout == ""


def test_export_into_missing_folder_exits_4(run: Run, tmp_path: Path) -> None:
    """Output that cannot be written is exit 4 for every writer (issue 25: --export said 2,
    export sqlite 4)."""
    target = tmp_path / "nope" / "s.svg"
    result = run("summary", "--export", str(target))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: --export {target}: the folder {target.parent} does not exist; "
        "nothing was written\n"
    )
    db = run("export", "sqlite", str(tmp_path / "nope" / "x.db"))
    assert db.exit_code == 4 and "the folder" in db.stderr and "does not exist" in db.stderr
    imported = run(
        "import",
        "acled",
        str(FIXTURES / "acled" / "current.csv"),
        "-o",
        str(tmp_path / "nope" / "x.toml"),
    )
    assert imported.exit_code == 4 and "does not exist" in imported.stderr


# --- formats and colour ------------------------------------------------------------------


@pytest.mark.parametrize("view", ["summary", "eras", "chart", "judgments"])
@pytest.mark.parametrize(("fmt", "said"), [("xml", "unknown format 'xml'"), ("ics", "is not for")])
def test_unknown_format_for_briefing_view_exits_2(run: Run, view: str, fmt: str, said: str) -> None:
    result = run(view, "--format", fmt)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert said in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("view", ["summary", "eras", "chart", "judgments"])
def test_format_is_case_insensitive(run: Run, view: str) -> None:
    assert ok(run(view, "--format", "JSON")).stdout == ok(run(view, "--format", "json")).stdout


@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize(
    "args",
    [["summary"], ["eras"], ["chart"], ["chart", "fatalities"], ["chart", "troops"], ["judgments"]],
    ids=lambda a: "-".join(a),
)
def test_no_color_terminal_output_has_no_escape_codes(
    run: Run, columns: int, args: list[str]
) -> None:
    env = terminal(columns)
    result = ok(run(*args, env=env))
    assert result.stdout.strip()
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= columns


def test_export_with_json_format_keeps_json_on_stdout(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "summary.svg"
    result = ok(run("summary", "--format", "json", "--export", str(target)))
    assert as_json(result)["period"]["events"] == 10
    assert result.stderr == f"wrote {target}\n"
    text = target.read_text(encoding="utf-8")
    assert "barkhane" in text and "summary" in text  # the window title


def test_export_svg_has_the_view_text(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    ok(run("chart", "troops", "--export", str(target)))
    root = ET.parse(target).getroot()
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Troop strength: French forces" in text
    assert "5,500" in text


def test_summary_actor_slice(run: Run) -> None:
    content = as_json(ok(run("summary", "--actor", "france", "--format", "json")))
    assert content["period"] == {
        "start": "2013-01-11",
        "end": "2022-11-09",
        "events": 3,
        "countries": [],
        "places": [],
        "place_notes": [],
        "note": None,
        "disputed": 1,
        "fatalities_recorded": 0,
        "counted_elsewhere": 0,
    }
    # The actor itself is not listed among the most active actors of its own slice.
    assert content["top_actors"] == [
        {"id": "mali", "name": "Mali", "kind": "state", "events": 2},
        {"id": "serval", "name": "Operation Serval", "kind": "operation", "events": 1},
    ]
    assert [f["id"] for f in content["headline_facts"]] == ["barkhane-peak-seed"]


def test_summary_aftermath_adds_2023(run: Run) -> None:
    content = as_json(ok(run("summary", "--aftermath", "--format", "json")))
    assert content["period"]["end"] == "2023-12-31"
    assert content["period"]["events"] == 11
    assert content["events_per_year"][-1] == {
        "year": 2023,
        "events": 1,
        "by_type": {"withdrawal": 1},
    }


# --- bugs found by these tests -----------------------------------------------------------


@pytest.mark.parametrize("args", [["--until", "2010"], ["--since", "2023"]], ids=["until", "since"])
def test_eras_on_a_terminal_for_a_range_without_events_is_not_an_internal_error(
    run: Run, args: list[str]
) -> None:
    result = run("eras", *args, env=terminal(100))
    assert "internal error" not in result.stderr
    assert result.exit_code == 0


def test_eras_export_for_a_range_without_events(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "eras.svg"
    result = run("eras", "--until", "2010", "--export", str(target))
    assert "internal error" not in result.stderr
    assert result.exit_code == 0
    assert ET.parse(target).getroot().tag.endswith("svg")


def test_summary_plain_of_an_empty_slice_has_empty_dates(run: Run) -> None:
    result = ok(run("summary", "--until", "2010"))
    assert rows(result)[0] == ["period", "2010-01-01", "2010-12-31", "0 events", "0 disputed"]


def test_summary_of_a_window_outside_the_record_says_so_as_on_does(run: Run) -> None:
    """U27: `summary --year 1850` gave 0 events and the judgments with no word that 1850
    is outside the record, which `on 1999-01-01` says: one rule and wording for both."""
    before = ok(run("summary", "--year", "1850"))
    assert rows(before)[1] == [
        "note",
        "1850 is before the record, which starts in 2011: nothing to show but what began earlier",
    ]
    on_note = as_json(ok(run("on", "1850", "-f", "json")))["note"]
    assert on_note == rows(before)[1][1]
    after = as_json(ok(run("summary", "--since", "2030-03", "--until", "2031", "-f", "json")))
    assert after["period"]["note"] == (
        "2030-03-01 to 2031-12-31 is after the record, which ends on 2022-11-09: "
        "its events and figures are the aftermath, shown with --aftermath"
    )
    shown = ok(run("summary", "--year", "1850", env=terminal(100)))
    assert "1850 is before the record, which starts in 2011" in shown.stdout


def test_summary_of_a_window_outside_the_record_draws_nothing_from_it(run: Run) -> None:
    """U28: after the note on 1850, a terminal showed twelve "1850-MM 0" bars, an empty
    "events, by type of event" heading, and JSON the seed's judgments, all under
    "nothing to show": outside the record, the note and nothing drawn from the window,
    as `on 1850` shows no judgment."""
    doc = as_json(ok(run("summary", "--year", "1850", "-f", "json")))
    assert doc["period"]["note"] is not None
    assert (doc["events_per_year"], doc["events_per_month"], doc["judgments"]) == ([], None, [])
    assert [r[0] for r in rows(ok(run("summary", "--year", "1850")))] == ["period", "note"]
    drawn = ok(run("summary", "--year", "1850", env=terminal(100))).stdout
    assert "1850-01 " not in drawn and "by type of event" not in drawn
    assert "judgments" not in drawn
    # after the record, the same without --aftermath; with it, the aftermath's bars
    after = as_json(ok(run("summary", "--year", "2030", "-f", "json")))
    assert (after["events_per_year"], after["judgments"]) == ([], [])
    shown = as_json(ok(run("summary", "--year", "2023", "--aftermath", "-f", "json")))
    assert shown["events_per_year"] != [] and shown["judgments"] != []


def test_summary_terminal_of_an_empty_slice_shows_no_none(run: Run) -> None:
    env = terminal(100)
    result = ok(run("summary", "--until", "2010", env=env))
    assert "0 events" in result.stdout
    assert "None" not in result.stdout


def test_chart_troops_honours_since(run: Run) -> None:
    series = as_json(ok(run("chart", "troops", "--since", "2021", "--format", "json")))
    assert [r["id"] for r in series] == ["barkhane-peak-seed"]


def test_the_chart_the_map_and_the_summary_count_an_event_known_as_a_range_alike(
    run: Run, tmp_path: Path
) -> None:
    """U8: February 2019 in Burkina Faso charted 34 deaths and mapped 53: the chart left
    out events known only as a range (Kain, 14–160) while the map counted their low end.
    All three now sum the best estimate, else the low end."""
    data = tmp_path / "range.toml"
    data.write_text(
        '[[events]]\nid = "zyzz-1"\ndate = "2019-02-03"\ntitle = "A count"\nsummary = "S."\n'
        'type = "operation"\nplaces = ["timbuktu"]\nfatalities = 5\nsources = [{ id = "ref-a" }]\n\n'
        '[[events]]\nid = "zyzz-2"\ndate = "2019-02-09"\ntitle = "A range"\nsummary = "S."\n'
        'type = "operation"\nplaces = ["timbuktu"]\nfatalities_low = 14\nfatalities_high = 160\n'
        'sources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    window = (
        "--data",
        str(data),
        "--since",
        "2019-02",
        "--until",
        "2019-02",
    )
    result = run("chart", "fatalities", *window, "--by", "month", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    chart = result.stdout.splitlines()
    assert chart[1].split(",")[:4] == ["2019-02", "2019-02-01", "2019-02-28", "19"]
    assert [mk["deaths"] for mk in as_json(run("map", *window, "-f", "json"))] == [19]
    assert as_json(run("summary", *window, "-f", "json"))["period"]["fatalities_recorded"] == 19


_TWO_AREAS = "".join(
    f'[[facts]]\nid = "{fid}"\nlabel = "{fid}"\nvalue = {value}\nunit = "people"\n'
    f'as_of = "{as_of}"\nscope = "{scope}"\ncategory = "displacement"\n'
    'sources = [{ id = "ref-a" }]\n\n'
    for fid, value, as_of, scope in (
        ("mbera-2019", 56000, "2019-10", "Refugees from Mali in Mauritania; Mbera"),
        ("mbera-2022", 69766, "2022-02", "Refugees from Mali in Mauritania; Mbera"),
        ("central-sahel", 2672415, "2022-08-22", "Burkina Faso, Mali, Niger and Mauritania"),
    )
)


def test_chart_displacement_draws_each_area_to_its_own_scale_and_says_it(
    run: Run, tmp_path: Path
) -> None:
    """U16: on one scale with the Central Sahel's 2.67 million, each of Mauritania's
    56,000-69,766 refugees was one block."""
    extra = tmp_path / "areas.toml"
    extra.write_text(_TWO_AREAS, encoding="utf-8")
    env = terminal(100)
    out = run("chart", "displacement", "--data", str(extra), env=env)
    lines = out.stdout.splitlines()
    assert "Refugees from Mali in Mauritania  (full bar: 69,766)" in lines
    assert "Burkina Faso, Mali, Niger and Mauritania  (full bar: 2,672,415)" in lines
    bars = {line.split()[0]: line.count("█") for line in lines if line.startswith("  20")}
    # the largest of each block is a full bar; 56,000 is most of 69,766, not one block
    assert bars["2022-02"] == bars["2022-08-22"]
    assert bars["2019-10"] == round(56000 / 69766 * bars["2022-02"])
    assert "each to its own scale" in out.stdout


def test_chart_bars_take_the_line_the_numbers_leave_at_80_columns(run: Run, tmp_path: Path) -> None:
    """K37: at 80 columns `chart troops` and `chart displacement` drew the longest bar in
    10 cells (two fifths of the line, less what the labels beside were to keep), though
    the labels went under their bars: values a tenth apart drew the same bar. Now the
    labels go under and each block's largest figure is a bar to the line's end."""
    env = terminal(80)
    troops = [line.rstrip() for line in run("chart", "troops", env=env).stdout.splitlines()]
    # the seed's 5,500 (disputed: shaded, marked), the block's largest, then its label
    at = troops.index("  2022-11 5,500 " + "░" * 55 + " disputed")
    assert troops[at + 1].strip() == "French troops in Barkhane, peak (seed)"
    assert "  2020    5,100 " + "█" * 51 in troops  # 5,100 / 5,500 of 55 cells
    extra = tmp_path / "areas.toml"
    extra.write_text(_TWO_AREAS, encoding="utf-8")
    drawn = run("chart", "displacement", "--data", str(extra), env=env).stdout.splitlines()
    assert "  2022-02       69,766 " + "█" * 57 in drawn
    assert "  2022-08-22 2,672,415 " + "█" * 57 in drawn


def test_chart_facet_country_draws_one_panel_per_country_on_one_scale(run: Run) -> None:
    """U17: `chart --country mali --country burkina` added both into one bar per year;
    --facet country draws each country's bars, as timeline --facet counts them."""
    doc = as_json(run("chart", "--facet", "country", "-f", "json"))
    crosstab = as_json(run("timeline", "--facet", "country", "--facet", "year", "-f", "json"))
    counted = {(c["country"], str(c["year"])): c["events"] for c in crosstab}
    drawn = {(r["country"], r["label"]): r["value"] for r in doc if r["value"]}
    assert drawn == counted and len({c for c, _ in drawn}) >= 2
    names = {c["country"]: c["country_name"] for c in crosstab}
    assert all(r["country_name"] == names[r["country"]] for r in doc)
    env = terminal(100)
    table = run("chart", "--facet", "country", env=env).stdout.splitlines()
    assert table[0].endswith(", by country")
    # a heading per panel, most events first (--facet's order), the events with no
    # country under timeline's "(none named)"
    facet = as_json(run("timeline", "--facet", "country", "-f", "json"))
    order = [c["country_name"] or "(none named)" for c in facet]
    assert [line for line in table if line in order] == order
    assert "one scale for every panel" in table[-1] + table[-2]
    # --country keeps the panels to the countries asked for
    only = as_json(run("chart", "--facet", "country", "--country", "mali", "-f", "json"))
    assert {r["country"] for r in only} == {"mali"}
    rows = run("chart", "--facet", "country", "-f", "csv").stdout.splitlines()
    assert rows[0].startswith("country,country_name,label,start,end,value,")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["troops", "--facet", "country"], "--facet does not apply to chart troops"),
        (["--facet", "year"], "--facet year: the bars are years already"),
        (["--facet", "colour"], "unknown --facet field 'colour'"),
    ],
)
def test_chart_facet_refuses_what_it_cannot_split(run: Run, args: list[str], said: str) -> None:
    result = run("chart", *args)
    assert result.exit_code == 2 and result.stderr.startswith(f"barkhane: {said}")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.usefixtures("bundled")
def test_summary_country_slice_holds_its_events_and_figures(run: Run) -> None:
    """U21: `summary --country mali` was "no such option '--country'; did you mean
    '--until' or '--color'?": the story of one country is its events and its figures,
    as timeline --country and facts --country read them."""
    content = as_json(ok(run("summary", "--country", "ML", "--format", "json")))
    counted = int(ok(run("timeline", "--country", "mali", "--count")).stdout)
    assert (content["period"]["events"], content["period"]["countries"]) == (counted, ["mali"])
    theirs = {f["id"] for f in as_json(ok(run("facts", "--country", "mali", "-f", "json")))}
    shown = {f["id"] for f in content["headline_facts"]}
    everyone = {f["id"] for f in as_json(ok(run("summary", "--format", "json")))["headline_facts"]}
    assert shown and shown <= theirs and shown != everyone
    drawn = ok(run("summary", "--country", "mali", env=terminal(100))).stdout
    assert "Sahel conflict: the record in Mali" in drawn


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize("columns", [80, 100])
def test_an_era_starting_in_the_last_cell_keeps_its_marker(run: Run, columns: int) -> None:
    # U24: Kaboré's presidency (from 29 December 2015) was one █ in the column kept for
    # the ▸ of an era running past the window, and its ▸ was cropped
    result = run("eras", "--year", "2015", env=terminal(columns))
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("Kaboré (Burkina Faso)"))
    assert line.endswith("▸") and len(line) == columns
    bar = line[:-1].rstrip("".join(fill for _, fill in ERA_STYLES.values()))  # any kind's fill
    assert len(line) - 1 - len(bar) == 1  # one cell: the window's last
    ends = {len(x) for x in result.stdout.splitlines() if x.endswith("▸")}
    assert ends == {columns}  # every era running past the window ends in the same column


def _strength(fid: str, value: int, as_of: str, scope: str, actors: str) -> str:
    return (
        f'[[facts]]\nid = "{fid}"\nlabel = "{fid}"\nvalue = {value}\nunit = "troops"\n'
        f'kind = "announced"\nas_of = "{as_of}"\nscope = "{scope}"\ncategory = "troops"\n'
        f'actors = {actors}\nsources = [{{ id = "ref-a" }}]\n\n'
    )


def _french_strengths(run: Run, day: str, data: Path) -> list[tuple[str, str, int]]:
    doc = as_json(ok(run("on", day, "--data", str(data), "-f", "json")))
    return [
        (f["figure"], f["id"], f["value"])
        for f in doc["figures"]
        if f["figure"].startswith("French forces")
    ]


def _summary_strengths(run: Run, data: Path, *window: str) -> list[str]:
    doc = as_json(ok(run("summary", "--data", str(data), *window, "-f", "json")))
    return [f["id"] for f in doc["headline_facts"] if f["category"] == "troops"]


def test_french_strength_in_mali_is_a_series_apart_from_the_sahel(run: Run, tmp_path: Path) -> None:
    """A Mali-only count of French forces stood as their strength in the whole Sahel: a
    0 in Mali dated after the Sahel-wide 5,100 made `on` say France had no troops, and a
    count of Serval's (ended July 2014) was France's strength years later. A strength's
    series is its force and its area: each keeps its label, and a series whose latest
    figure is of a force that has ended is not current."""
    extra = tmp_path / "mali.toml"
    extra.write_text(
        _strength("serval-mali-2014", 2000, "2014-01", "Mali; Serval", '["france", "serval"]')
        + _strength("left-mali-2022", 0, "2022-08-15", "Mali; none left", '["france"]'),
        encoding="utf-8",
    )
    sahel, mali = "French forces: strength, Sahel", "French forces: strength, Mali"
    assert _french_strengths(run, "2014-03-01", extra) == [(mali, "serval-mali-2014", 2000)]
    # Serval had ended: its count in Mali is no current strength, and no other is known
    assert _french_strengths(run, "2016-06-01", extra) == []
    assert _french_strengths(run, "2022-09-01", extra) == [
        (mali, "left-mali-2022", 0),
        (sahel, "barkhane-peak", 5100),
    ]
    # summary heads its figures with the same series and labels
    assert _summary_strengths(run, extra) == ["left-mali-2022", "barkhane-peak-seed"]
    # and, as `on` on the window's last day, no count of Serval's once it has ended
    assert _summary_strengths(run, extra, "--since", "2014", "--until", "2016") == []
    assert _summary_strengths(run, extra, "--year", "2014") == []
    assert _summary_strengths(run, extra, "--until", "2014-06") == ["serval-mali-2014"]
    # the chart draws the same two series, one block for each area
    rows = as_json(ok(run("chart", "troops", "--data", str(extra), "-f", "json")))
    assert [(r["id"], r["series"]) for r in rows] == [
        ("serval-mali-2014", "Mali"),
        ("barkhane-peak", "Sahel"),
        ("left-mali-2022", "Mali"),
        ("barkhane-peak-seed", "Sahel"),
    ]


def test_a_country_is_named_by_whole_words_in_a_figures_area(run: Run, tmp_path: Path) -> None:
    """Niger is not Nigeria, for facts --country and chart displacement --country alike.
    Over the small fixture with Niger in the file (it was over the bundled record, which
    compiled the record's store with this file over it, 1-3 s, for two facts)."""
    extra = tmp_path / "refugees.toml"
    extra.write_text(
        '[[sources]]\nid = "s"\ntitle = "T"\npublisher = "P"\nkind = "news"\n\n'
        '[[places]]\nid = "niger"\nname = "Niger"\nkind = "country"\nlat = 17.6\nlon = 8.1\n'
        'sources = [{ id = "s" }]\n\n'
        + "".join(
            f'[[facts]]\nid = "{fid}"\nlabel = "{fid}"\nvalue = 7\nunit = "people"\n'
            f'as_of = "2020-06"\nscope = "{scope}; test"\ncategory = "displacement"\n'
            'sources = [{ id = "s" }]\n\n'
            for fid, scope in (
                ("to-niger", "Refugees from Mali in Niger"),
                ("nigeria", "Refugees from Nigeria"),
            )
        ),
        encoding="utf-8",
    )
    facts = as_json(run("facts", "--country", "niger", "--data", str(extra), "-f", "json"))
    assert "to-niger" in {f["id"] for f in facts} and "nigeria" not in {f["id"] for f in facts}
    chart = as_json(
        run("chart", "displacement", "--country", "niger", "--data", str(extra), "-f", "json")
    )
    assert "to-niger" in {r["id"] for r in chart} and "nigeria" not in {r["id"] for r in chart}
