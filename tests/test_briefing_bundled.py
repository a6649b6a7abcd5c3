"""The briefing views on the bundled data: windows, the troop series, forecasts, formats."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from conftest import Run, terminal

from barkhane_cli import forecasts
from barkhane_cli import model as m
from barkhane_cli.dates import SPAN
from barkhane_cli.meta import RECORD_START
from barkhane_cli.render import summary as summary_view


@pytest.fixture
def real(run: Run, bundled: None) -> Run:
    """run, over the record as it ships (conftest's bundled): its store is the run's one
    (conftest._session_cache), checked and compiled once a run, not once a command."""
    return run


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# What a view of the whole record printed on a terminal, by width and arguments: the
# summary at 40, 80 and 160 columns, and `summary --full` at 80 and 160, were each drawn by
# two to four tests (~0.8 s of CPU a run, K91). Drawn once a worker by the first test that
# asks; the tests only read it (the record and the options the same, the same page).
_DRAWN: dict[tuple[object, ...], str] = {}


def _drawn(real: Run, columns: int, *args: str) -> str:
    """A view's output on a terminal ``columns`` wide, over the record as it ships."""
    key = (columns, *args)
    if key not in _DRAWN:
        result = real(*args, env=terminal(columns))
        assert result.exit_code == 0, result.output
        _DRAWN[key] = result.stdout
    return _DRAWN[key]


def _summary_json(real: Run) -> Any:
    """The whole record's summary as JSON: printed once a worker (six tests each ran it,
    ~0.06 s of CPU a time), parsed afresh for each test, so none changes another's."""
    key = (None, "summary", "--format", "json")
    if key not in _DRAWN:
        _DRAWN[key] = json.dumps(_json(real("summary", "--format", "json")))
    return json.loads(_DRAWN[key])


def _screen(real: Run, columns: int, *args: str) -> list[str]:
    """A view's lines as a terminal of ``columns`` shows them, their trailing blanks cut."""
    return [line.rstrip() for line in _drawn(real, columns, *args).splitlines()]


WINDOW = ["--since", "2021-06", "--until", "2021-12"]


def test_summary_keeps_to_its_window(real: Run) -> None:
    content = _json(real("summary", *WINDOW, "--format", "json"))
    assert content["axis"] == {"start": "2021-06-01", "end": "2021-12-31"}
    assert (content["period"]["start"], content["period"]["end"]) == ("2021-06-01", "2021-12-31")
    assert [y["year"] for y in content["events_per_year"]] == [2021]
    assert [m["month"] for m in content["events_per_month"]] == [
        f"2021-{m:02d}" for m in range(6, 13)
    ]
    for era in content["eras"]:
        assert "2021-06-01" <= era["shown_start"] <= era["shown_end"] <= "2021-12-31"
    ids = {e["id"] for e in content["eras"]}
    assert "serval" not in ids and "afisma" not in ids  # ended years before
    for fact in content["headline_facts"]:
        assert fact["as_of"] <= "2022-11-09"  # no aftermath figure


def test_a_later_central_sahel_figure_of_another_series_is_told_apart(real: Run) -> None:
    """summary's latest of the Central Sahel's displaced (2.5 million, 2021-12) is
    UNHCR's three countries; IOM's later 2,672,415 (2022-08) also counts Mauritania, a
    series apart. A reader took the older figure for out of date (U37): each label must
    say what sets it apart."""
    content = _summary_json(real)
    shown = [
        f
        for f in content["headline_facts"]
        if f["id"] in content["latest_figures"]
        and f["category"] == "displacement"
        and "Central Sahel" in f["label"]
    ]
    assert shown
    facts = _json(real("facts", "--category", "displacement", "--format", "json"))
    for head in shown:
        later = [
            f
            for f in facts
            if "Central Sahel" in f["label"]
            and f["as_of"] > head["as_of"]
            and f["id"] != head["id"]
        ]
        assert later, head["id"]
        for f in later:
            assert "Mauritania" in head["label"] and "Mauritania" in f["label"], f["id"]


def test_chart_by_month_keeps_to_its_window(real: Run) -> None:
    result = real("chart", "--by", "month", "--since", "2022", "--format", "json")
    bins = _json(result)
    assert bins[0]["label"] == "2022-01" and bins[0]["start"] == "2022-01-01"
    assert bins[-1]["label"] == "2022-11" and bins[-1]["end"] == "2022-11-09"
    bins = _json(real("chart", "--by", "month", *WINDOW, "--format", "json"))
    assert (bins[0]["start"], bins[-1]["end"]) == ("2021-06-01", "2021-12-31")
    assert len(bins) == 7


def test_eras_with_no_window_start_at_the_records_start(real: Run) -> None:
    """K37: an era begun before the record (Épervier, 1986) was drawn from 2011-01-05, the
    first event's day; the record starts where data/meta.toml says, 2011-01-01."""
    eras = _json(real("eras", "--format", "json"))
    earlier = [e for e in eras if e["start"] < "2011"]
    assert len(earlier) >= 3
    assert {e["shown_start"] for e in earlier} == {"2011-01-01"} == {RECORD_START.iso()}
    csv_rows = real("eras", "--format", "csv").stdout.splitlines()
    [epervier] = [row for row in csv_rows if row.startswith("epervier,")]
    assert epervier.endswith(",operation,1986-02,2014-07-31,2011-01-01,2014-07-31")


def test_the_whole_records_summary_and_chart_start_at_the_records_start(real: Run) -> None:
    """K41: with no window, `summary` and `chart` began on 2011-01-05, the first event's
    day, where `eras` began on 2011-01-01, the record's start; an actor's slice keeps its
    own span (Wagner's first event, 2021-09-14)."""
    header = real("summary", env=terminal(100)).stdout.splitlines()[1]
    assert header.startswith("│ 2011-01-01 to 2022-11-09  1,")
    chart = real("chart", env=terminal(80)).stdout.splitlines()
    assert chart[0] == "Events per year, 2011-01-01 to 2022-11-09"
    months = _json(real("chart", "--by", "month", "-f", "json"))
    assert (months[0]["start"], months[-1]["end"]) == ("2011-01-01", "2022-11-09")
    wagner = _json(real("summary", "--actor", "wagner", "-f", "json"))["axis"]
    assert wagner == {"start": "2021-09-14", "end": "2022-08-13"}


def test_eras_keep_to_their_window(real: Run) -> None:
    eras = _json(real("eras", "--year", "2013", "--format", "json"))
    assert {"serval", "afisma"} <= {e["id"] for e in eras}
    assert all("2013-01-01" <= e["shown_start"] <= e["shown_end"] <= "2013-12-31" for e in eras)
    serval = next(e for e in eras if e["id"] == "serval")
    assert (serval["shown_start"], serval["shown_end"]) == ("2013-01-11", "2013-12-31")


def test_an_organisation_is_not_drawn_as_a_phase_of_the_war(real: Run) -> None:
    """U23: the G5 Sahel's bar wore the colour and legend of "Rebel and jihadist control of
    northern Mali" (both `phase`); a body's lifetime is its own kind."""
    kinds = {e["id"]: e["kind"] for e in _json(real("eras", "--format", "json"))}
    assert kinds["g5-sahel"] == "organisation"
    assert kinds["northern-mali-occupation-2012"] == "phase"
    legend = real("eras", "--since", "2014", "--until", "2014", env=terminal(100)).stdout
    assert "organisation" in legend.split()


def test_actor_slice_uses_the_actors_own_window(real: Run) -> None:
    content = _json(real("summary", "--actor", "wagner", "--format", "json"))
    assert content["axis"]["start"] >= "2017"
    ids = {e["id"] for e in content["eras"]}
    assert not ids & {"serval", "afisma", "epervier"}


def test_month_ticks_on_a_short_window(real: Run) -> None:
    env = terminal(100)
    result = real("eras", *WINDOW, env=env)
    head = result.stdout.splitlines()[0]
    assert head.split() == ["2021", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def test_chart_troops_is_one_sorted_series_with_values(real: Run) -> None:
    series = _json(real("chart", "troops", "--format", "json"))
    keys = [(r["as_of"]) for r in series]
    assert keys == sorted(keys)
    assert all(r["force"] in ("france", "serval", "barkhane", "epervier") for r in series)
    assert all(r["as_of"] <= "2022-11-09" for r in series)  # no aftermath figure
    env = terminal(80)
    # Issue 26: one block per area a figure counts in (inside Mali, Sahel-wide, ...),
    # never one series mixing them; each block in date order.
    blocks: dict[str, list[str]] = {}
    current = ""
    for line in real("chart", "troops", env=env).stdout.splitlines()[1:]:
        if line.startswith("troops;"):
            break
        if line.startswith("    "):
            continue  # a label under its bar (80 columns)
        if line.startswith("  "):
            blocks[current].append(line)
        else:
            # the heading names the area, then its own scale (U16)
            current, _, scale = line.partition("  (full bar: ")
            top = max(
                r["high"] if r["high"] is not None else r["value"]
                for r in series
                if r["series"] == current
            )
            assert scale == f"{top:,})"
            blocks[current] = []
    expected: dict[str, list[dict[str, object]]] = {}
    for r in series:
        expected.setdefault(str(r["series"]), []).append(r)
    assert list(blocks) == list(expected)
    assert "Mali" in blocks and "Sahel" in blocks
    pairs = [
        (r, line)
        for area, rows in expected.items()
        for r, line in zip(rows, blocks[area], strict=True)
    ]
    for row, line in pairs:
        assert line.strip().startswith(str(row["as_of"]))
        assert f" {row['text']} " in line  # the value is always shown
    # Bars to scale, each block to its own (U16), said in its heading: within a block the
    # longest bar is its largest value; a range is drawn
    # from its low end (solid) to its high end (shaded).
    for area, rows in expected.items():
        bars = {
            r["value"]: line.count("█") + line.count("░")
            for r, line in zip(rows, blocks[area], strict=True)
            if r["value"]
        }
        if bars:
            assert max(bars, key=lambda v: bars[v]) == max(bars)
    assert any("▒" in line for r, line in pairs if r["low"] != r["high"] and r["low"] is not None)
    # a range alone gives no value: never a midpoint no source states (a round-three user
    # found 2,750 for 'cut to 2,500-3,000' in the CSV, plotted as if a source said it)
    assert [r["value"] for r in series if r["id"] == "french-troops-sahel-planned-2021"] == [None]


def test_chart_troops_draws_the_peak_of_5500_at_the_peak_not_at_the_end(real: Run) -> None:
    # The seed's "5,500 at their peak" was once a figure of its own dated 9 November 2022,
    # the day the seed was written, so the chart showed France at its peak on the last day.
    series = _json(real("chart", "troops", "--format", "json"))
    at_5500 = [(r["as_of"], r["id"]) for r in series if 5500 in (r["value"], r["high"])]
    assert at_5500 == [("2013-02", "serval-personnel-involved-total"),
                       ("2020-02", "barkhane-troops-peak")]  # fmt: skip


def test_chart_troops_of_g5_is_the_joint_force_the_one_with_figures(real: Run) -> None:
    # "g5" names the G5 Sahel and its Joint Force: once an ambiguity error (exit 3).
    result = real("chart", "troops", "--force", "g5", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert {r["force"] for r in _json(result)} == {"g5-sahel-joint-force"}
    # Where more than one force with figures answers, it stays a question for the user.
    assert real("chart", "troops", "--force", "operation", "-f", "json").exit_code == 3


def test_chart_troops_of_one_force_names_it_as_tables_do(real: Run) -> None:
    """K38: MINUSMA's chart was headed by its whole name, over two lines at 80 columns."""
    shown = real("chart", "troops", "--force", "minusma", env=terminal(80)).stdout
    assert shown.splitlines()[0] == "Troop strength: MINUSMA (numeric facts, by date)"


def test_chart_troops_of_takuba_is_not_french_forces(real: Run) -> None:
    takuba = _json(real("chart", "troops", "--force", "takuba", "--format", "json"))
    assert takuba and all(r["force"] == "takuba" for r in takuba)
    french = {r["id"] for r in _json(real("chart", "troops", "--format", "json"))}
    assert not french & {r["id"] for r in takuba}


def test_every_bundled_forecast_follows_its_probability_and_outcome(real: Run) -> None:
    doc = _json(real("judgments", "--format", "json"))
    errors = []
    for j in doc["judgments"]:
        low, high = j["probability"]
        likely = (low + high) / 2 > 0.5
        expected = {
            "happened": "right" if likely else "wrong",
            "did not happen": "wrong" if likely else "right",
            "partly": "partly",
        }.get(j["outcome"], "open")
        assert j["forecast"] == expected, j["id"]
        if j["outcome"] in ("happened", "did not happen"):
            errors.append(((low + high) / 2 - (j["outcome"] == "happened")) ** 2)
    assert doc["resolved"] == len(errors)
    assert doc["brier"] == pytest.approx(sum(errors) / len(errors), abs=1e-4)
    # The seed's "it seems unlikely that other missions will be able to fill the void":
    # no mission did, so the forecast was right.
    void = next(j for j in doc["judgments"] if j["id"] == "other-missions-unlikely-to-fill-void")
    assert (void["outcome"], void["forecast"]) == ("did not happen", "right")
    assert sum(b["judgments"] for b in doc["calibration"]) == len(doc["judgments"])


def test_judgments_view_shows_the_verdict_and_scores(real: Run) -> None:
    env = terminal(120)
    out = real("judgments", env=env).stdout
    assert "Verdict" in out
    assert "Calibration: 95%–100%: 2 of 2 right" in out
    assert "Brier score 0." in out


def test_judgments_chance_says_a_term_on_no_scale_was_mapped(real: Run) -> None:
    """U45 #20: the Chance column read "55%–75% / can be expected / none", "none"
    unexplained beside "UK PHIA". A term on no yardstick says so, and that its chance is
    the record's mapping (shown with the quote); the data and JSON keep "none"."""
    out = real("judgments", env=terminal(80)).stdout
    rows = [line.split("│") for line in out.splitlines() if line.count("│") == 5]
    cells = [row[2].strip() for row in rows]
    assert "none" not in cells
    assert "UK PHIA" in cells
    # said whole, by whom and onto what (RV39: "on no scale: mapped" said neither)
    assert "no scale; mapped to UK PHIA by the record" in " ".join(" ".join(cells).split())
    quotes = " ".join(" ".join(row[1] for row in rows).split())
    assert "mapping: 'Can be expected' is read as PHIA" in quotes
    doc = _json(real("judgments", "-f", "json"))
    assert {j["yardstick"] for j in doc["judgments"]} == {"UK PHIA", "none"}


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["chart"], ["label", "start", "end", "value"]),
        (
            ["chart", "troops"],
            ["as_of", "value", "low", "high", "kind", "marks", "force", "series", "id"],
        ),
        (["eras"], ["id", "name", "kind", "start", "end", "shown_start", "shown_end"]),
        (["judgments"], ["id", "low", "high", "term", "yardstick", "outcome", "forecast"]),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_table_formats_give_raw_numbers(
    real: Run, args: list[str], header: list[str], fmt: str
) -> None:
    result = real(*args, "--format", fmt)
    assert result.exit_code == 0, result.output
    table = list(csv.reader(io.StringIO(result.stdout), delimiter="\t" if fmt == "tsv" else ","))
    assert table[0][: len(header)] == header
    assert len(table) > 2
    if args == ["eras"]:
        return
    value_col = table[0].index("value") if "value" in table[0] else table[0].index("low")
    for row in table[1:]:
        assert "," not in row[value_col]  # 4300, not 4,300
        if row[value_col] == "" and "high" in table[0]:  # a range alone: no invented value
            float(row[table[0].index("low")]), float(row[table[0].index("high")])
        else:
            float(row[value_col])


def test_md_format_is_a_table(real: Run) -> None:
    lines = real("chart", "troops", "--format", "md").stdout.splitlines()
    assert lines[0].startswith("| as_of | value |")
    assert lines[1].startswith("|---|")


def test_no_colour_stacked_chart_uses_distinct_fills_shown_in_the_legend(real: Run) -> None:
    env = terminal(120)
    out = real("chart", env=env).stdout
    for fill, label in (("██", "attack"), ("▓▓", "massacre"), ("░░", "operation")):
        assert f"{fill} {label}" in out
    assert "▓" in out.split("██ attack")[0]  # massacres drawn in the bars


def test_width_and_title_of_an_export(real: Run, tmp_path: Any) -> None:
    target = tmp_path / "t.svg"
    result = real(
        "chart", "troops", "--force", "barkhane", "--width", "90", "--export", str(target)
    )
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "barkhane&#160;chart&#160;troops&#160;--force&#160;barkhane" in text
    assert "--width" not in text
    bad = real("chart", "--width", "10")
    assert bad.exit_code == 2 and "from 40 to 400" in bad.stderr


def test_forecast_of_an_even_chance_is_partly() -> None:
    from barkhane_cli import model as m

    j = m.Judgment("x", "q", "t", "none", (0.4, 0.6), "topic", outcome="happened")
    assert forecasts.forecast(j) == "partly"


def _panel_headings(text: str) -> list[str]:
    """The headings of a drawn chart's panels: the lines between the title and the legend
    that are not a year's bar."""
    lines = text.splitlines()[1:]
    return [
        line.strip()
        for line in lines[: next(i for i, x in enumerate(lines) if x.startswith("  "))]
        if not line[:4].isdigit()
    ]


def test_chart_facet_place_draws_the_places_with_most_events_and_says_how_many_are_left_out(
    real: Run,
) -> None:
    """`chart --facet place` on the whole record drew a panel for each of some 380 places.
    The drawing keeps the 12 with most events and says how many it left out; the data
    formats keep them all, and the 14 countries are all drawn."""
    env = terminal(80)
    places = _json(real("chart", "--facet", "place", "-f", "json"))
    # in the panels' order: most events first
    names = list(dict.fromkeys(r["place_name"] or "(none named)" for r in places))
    drawn = real("chart", "--facet", "place", "--no-pager", env=env).stdout
    assert _panel_headings(drawn) == names[:12]
    note = " ".join(drawn.split())
    assert (
        f"drawn: the 12 places with most events, {len(names) - 12:,} more left out "
        "(narrow with --country or --since; -f csv lists them all)"
    ) in note
    assert max(len(line) for line in drawn.splitlines()) <= 80
    countries = {r["country"] for r in _json(real("chart", "--facet", "country", "-f", "json"))}
    by_country = real("chart", "--facet", "country", "--no-pager", env=env).stdout
    assert len(_panel_headings(by_country)) == len(countries) > 12
    assert "left out" not in by_country


@pytest.mark.parametrize("columns", [80, 160])
def test_summary_cuts_a_headline_figures_dispute_and_says_where_it_is_whole(
    real: Run, columns: int
) -> None:
    """U20: the 140,289 displaced of Tillabéri and Tahoua printed their whole dispute
    note, ~9 lines at 160 columns, in a view meant for one screen (now `summary --full`'s,
    K41)."""
    shown = real(
        "summary", "--since", "2021-06", "--until", "2021-12", "--full", env=terminal(columns)
    )
    lines = shown.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "⚑ disputed: UNHCR's" in line)
    end = next(i for i, line in enumerate(lines) if "…" in line and i >= start)
    assert end - start < 2
    # the figure's id after the ellipsis, the command under the figures (U36: inside
    # the cell, a command carrying --data broke at 80 columns)
    cut = " ".join(" ".join(lines[start : end + 1]).split())
    assert cut.endswith("… (niger-tillaberi-tahoua-idps-2021-10)")
    said = [line.strip() for line in lines[end:]]
    assert "a note cut short (…) is whole in: barkhane fact ID" in said or (
        said[said.index("a note cut short (…) is whole in:") + 1] == "barkhane fact ID"
    )
    assert "157,804" not in shown.stdout  # the note's later clauses are left to the fact's card


def test_summary_of_a_year_heads_with_the_series_on_its_last_day_shows(real: Run) -> None:
    """U20: `summary --year 2021` listed 4 figures, the ones marked headline and dated
    2021, while `on 2021-12-31` showed Burkina Faso's 1,579,976 displaced and French and
    MINUSMA strength. One rule now chooses the series; each view shows, of a series, its
    latest figure by the day or the year's end, and summary the year's marked figure
    beside it (U28)."""
    shown = _json(real("summary", "--year", "2021", "--format", "json"))["headline_facts"]
    on = _json(real("on", "2021-12-31", "--format", "json"))["figures"]
    summary_ids = {f["id"] for f in shown}
    assert {"burkina-idps-2021-12", "barkhane-troops-2021-06", "minusma-military-2021"} <= (
        summary_ids
    )
    of_2021 = {f["id"] for f in on if f["as_of"].startswith("2021")}
    # every figure of 2021 `on` shows, the latest of a series whose mid-year figure the
    # data marks headline (Malians in exile) too, with the marked one
    assert of_2021 <= summary_ids
    assert {"mali-refugees-2021-12", "mali-refugees-2021-06"} <= summary_ids
    assert all(f["as_of"].startswith("2021") for f in shown)


def test_summary_names_a_headline_figures_first_source_and_counts_the_rest(real: Run) -> None:
    """U20: six source ids ran one figure to three lines of the one-screen summary; the
    figure's card (barkhane fact ID) lists them all."""
    shown = real("summary", *WINDOW, "--full", env=terminal(160)).stdout
    flat = " ".join(shown.split())
    assert "(as of 2021-10; unhcr-niger-factsheet-2021-10 and 5 more)" in flat
    assert "unhcr-niger-factsheet-tillaberi-tahoua-2020-01" not in flat


def _section(text: str, heading: str) -> list[str]:
    """The lines under a heading of a view, up to the blank line or the next heading (a
    line from column 0 that is not the one before it continued)."""
    lines = [line.rstrip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    ends = (i for i in range(start, len(lines)) if not lines[i] or lines[i][0].isupper())
    return lines[start : next(ends, len(lines))]


@pytest.mark.parametrize("columns", [80, 160])
def test_a_headline_figure_wraps_under_its_own_text(real: Run, columns: int) -> None:
    """U21: in `summary --year 2021` a figure's wrapped lines restarted at column 0 while
    its ⚑ disputed note hung at 15; `on DATE` shows the same series, as bullets."""
    full = real("summary", "--year", "2021", "--full", env=terminal(columns)).stdout
    figures = _section(full, "Headline")
    wrapped = [line for line in figures if not line.startswith("  ") or line[2] == " "]
    assert len(figures) > len(wrapped) > 0  # at 160 columns too, a figure or a note wraps
    assert all(line.startswith(" " * 15) and line[15] != " " for line in wrapped), wrapped
    on = _section(
        real("on", "2021-12-31", "--full", env=terminal(columns)).stdout, "Latest figures"
    )
    items = [line for line in on if "other figures were known" not in line]  # the closing line
    assert all(line.startswith(("  • ", "    ")) for line in items), on


@pytest.mark.parametrize("columns", [80, 160])
def test_a_key_judgment_wraps_under_its_quote_in_aligned_columns(real: Run, columns: int) -> None:
    """U22: a quote's second line started at column 0, and "95%–100% right" put its
    verdict and quote one column right of "25%–35% wrong": the band, the verdict and the
    quote each in a column, the quote's wrapped lines hanging under its text. `summary
    --full` lists every judgment (the first six, then "… and 10 more", before K41)."""
    shown = _drawn(real, columns, "summary", "--full")
    lines = [line.rstrip() for line in shown.splitlines()]
    start = lines.index("The seed's key judgments") + 1
    judgments = lines[start:]
    firsts = [line for line in judgments if line[2] != " "]
    assert len(firsts) == len(_json(real("judgments", "-f", "json"))["judgments"])
    quotes = {line.index("“") for line in firsts}
    assert len(quotes) == 1, firsts  # every quote opens in one column
    column = quotes.pop()
    # every verdict starts in one column too: the second word of each line
    verdicts = {len(line) - len(line[2:].split(" ", 1)[1].lstrip()) for line in firsts}
    assert len(verdicts) == 1, firsts
    wrapped = [line for line in judgments if line[2] == " "]
    assert wrapped, judgments  # at 160 columns too, a quote wraps
    assert all(line[:column].isspace() and line[column] != " " for line in wrapped), wrapped


# The displacement series summary's one screen shows at the record's end.
DISPLACED = ("burkina-idps-2022-10", "central-sahel-displaced-2021", "mali-idps-2022-09")


def test_the_whole_records_summary_fits_one_screen_with_one_figure_a_series(real: Run) -> None:
    """K41: at 80 columns `summary` ran to 176 lines: the 29 eras' chart, 25 headline
    figures with their sources (Malian refugees in Niger twice, 58,599 of 2020-02 and
    61,490 of 2021-12; Malians abroad twice, 150,000 and 183,392) and six judgments.
    Now the eras in place at the end (`on`'s), one row a series (its latest: JSON's
    latest_figures) and the judgments' tally (the counts of `judgments`), each list
    pointing to where it is whole. U41: that ran to 61 lines at 80 columns and opened the
    pager (the README promises one screen): it fits 50 rows, the prompt's two lines
    left, at most four series of a category and twelve in all, the rest counted; and
    fewer lines at 160."""
    doc = _summary_json(real)
    narrow, wide = _screen(real, 80, "summary"), _screen(real, 160, "summary")
    full = _drawn(real, 80, "summary", "--full").splitlines()
    assert len(wide) < len(narrow) <= summary_view.ONE_SCREEN == 48 < len(full)
    on = _json(real("on", "2022-11-09", "--format", "json"))
    assert doc["current_eras"] == {"day": "2022-11-09", "eras": [e["id"] for e in on["eras"]]}
    in_place = len(on["eras"])
    assert (
        f"Eras: {in_place} of {len(doc['eras'])} in place on 2022-11-09 (every era: barkhane eras)"
    ) in narrow
    # two points of one series, the marked one and the latest: the latest alone shown
    marked, latest = "niger-malian-refugees-2020-02", "niger-malian-refugees-2021-12"
    assert {marked, latest} <= {f["id"] for f in doc["headline_facts"]}
    assert latest in doc["latest_figures"] and marked not in doc["latest_figures"]
    figures = _section("\n".join(wide), "Headline figures: the latest on 2022-11-09")
    by_id = {f["id"]: f for f in doc["headline_facts"]}
    rows = figures[:-1]
    latest = [by_id[i] for i in doc["latest_figures"]]
    kept = [f["id"] for f in latest if f["category"] in ("casualties", "troops", "violence")]
    kept = kept[:4] + kept[5:]  # casualties' fifth, MINUSMA's 2022, gives way
    shown_ids = [i for i in doc["latest_figures"] if i in kept or i in DISPLACED]
    assert len(rows) == len(shown_ids) == 12
    left = len(doc["latest_figures"]) - 12
    for row, ident in zip(rows, shown_ids, strict=True):
        fact = by_id[ident]
        both = fact["value"] is not None and fact["low"] is not None  # a range after it
        spread = f"({fact['low']:,}–{fact['high']:,}) " if both else ""
        label = ("⚑ " if fact["disputed"] else "") + spread + fact["label"]
        assert f" {fact['unit']} " in row and f" {fact['as_of']} " in row, row
        shown = row.split(f" {fact['as_of']} ", 1)[1].lstrip()
        # whole, or cut at a word with an ellipsis
        assert shown == label or (label.startswith(shown[:-1]) and shown.endswith("…")), row
    said = [" ".join(row.split()) for row in rows]
    # displacement's first three: the Central Sahel's total holds Niger's displaced
    assert "440,436 people 2022-09 Internally displaced people in Mali" in said
    assert not [line for line in narrow if "58,599" in line or "61,490" in line]
    assert figures[-1] == (
        f"  ⚑ disputed; {left} more series, and each with its sources: barkhane summary --full"
    )
    tally = _json(real("judgments", "--format", "json"))["forecasts"]
    assert narrow[-1] == (
        f"The seed's judgments: {tally['right']} right · {tally['wrong']} wrong · "
        f"{tally['partly']} partly · {tally['open']} open (barkhane judgments)"
    )


def test_summary_header_groups_the_thousands_of_every_count(real: Run) -> None:
    """U22: the header read "1390 events · 408 disputed · 12,951 deaths"."""
    period = _summary_json(real)["period"]
    assert period["events"] >= 1000
    header = _drawn(real, 160, "summary").splitlines()[1]
    assert (
        f"  {period['events']:,} events · {period['disputed']:,} disputed · "
        f"{period['fatalities_recorded']:,} deaths in these events, not a total toll"
    ) in header


@pytest.mark.parametrize("columns", [80, 160])
def test_summary_says_its_deaths_are_its_events_and_a_figure_s_sector(
    real: Run, columns: int
) -> None:
    """U41 read summary's "13,704 deaths recorded" as the war's toll, and its one G5 Joint
    Force figure, "900 troops … G5 Sahel Joint Force troops at the…", as the force's
    strength: it was the Centre sector's, cut before the label said so. The sum is said
    to be the events', and the sector comes before the cut."""
    page = _drawn(real, columns, "summary")
    flat = " ".join(page.replace("│", " ").split())
    assert "deaths in these events, not a total toll" in flat
    g5 = [line for line in page.splitlines() if " 900 troops " in line]
    assert len(g5) == 1, page
    # its sector before the cut at 80 columns; at 160 its label whole says where it is
    scope = "Centre sector: G5" if columns < 100 else "Burkina Faso–Mali border"
    assert scope in g5[0], page


@pytest.mark.parametrize("columns", [80, 100])
def test_summary_names_the_most_active_actors_as_tables_do(real: Run, columns: int) -> None:
    """K38: at 80 columns "United Nations Multidimensional Integrated Stabilization Mission
    in Mali (183)" took a line of its own, beside "Jama'at Nusrat al-Islam wal-Muslimin
    (148)": the list names each actor as the timeline's table does, its count from the
    record, and breaks its lines between two actors (at 100, "Barkhane" | "(169)")."""
    top = {a["id"]: a["events"] for a in _summary_json(real)["top_actors"]}
    lines = _drawn(real, columns, "summary").splitlines()
    start = lines.index("Most active actors (every actor: barkhane actors)") + 1
    shown = [n.strip() for line in lines[start : lines.index("", start)] for n in line.split("  ")]
    shown = [n for n in shown if n]
    assert f"MINUSMA ({top['minusma']})" in shown
    assert f"JNIM ({top['jnim']})" in shown
    assert len(shown) == len(top), shown  # each whole on one line


def _era_labels(text: str) -> list[str]:
    """The eras chart's labels, in its order: each line's text before its bar (the label is
    padded, then a space and ◂ or one more space; no label holds two spaces)."""
    lines = text.splitlines()
    start = lines.index("Eras") + 2 if "Eras" in lines else 1  # under the axis's years
    end = next(i for i in range(start, len(lines)) if not lines[i] or lines[i][0] == " ")
    return [re.split("  | ◂", line, maxsplit=1)[0] for line in lines[start:end]]


def test_summary_eras_labels_grow_with_the_width(real: Run) -> None:
    """U22: at 160 columns the Eras labels were cut at 34 cells ("Presidency of Mahamadou
    Issoufou…") with half the line to spare; at 80 they keep 34, and a name longer than
    that is shown by its short name (K38)."""
    eras = _json(real("eras", "--format", "json"))
    wide, narrow = (_era_labels(_drawn(real, c, "summary", "--full")) for c in (160, 80))
    # the eras of a kind share one style (U33): a kind with a name over the 61 cells
    # of 160 columns (MINUSMA's) is shown by its short names there too
    long_kinds = {e["kind"] for e in eras if len(e["name"]) > 61}
    middling = [e for e in eras if 34 < len(e["name"]) <= 60 and e["kind"] not in long_kinds]
    assert middling
    assert len(wide) == len(narrow) == len(eras)
    shown = {e["id"]: (w, n) for e, w, n in zip(eras, wide, narrow, strict=True)}
    assert all(shown[e["id"]] == (e["name"], e["short"]) for e in middling), shown


@pytest.mark.parametrize("columns", [80, 160])
def test_the_eras_of_a_kind_are_named_in_one_style(real: Run, columns: int) -> None:
    """U33: the chart chose a name or a short name era by era, and "Presidency of Idriss
    Déby in Chad" (it fits 34 cells) stood above "Issoufou (Niger)" (its name does not).
    The eras of a kind are all named, or all by their short names; every government's
    short name says who and where, its name what, who and where."""
    eras = _json(real("eras", "--format", "json"))
    labels = _era_labels(real("eras", env=terminal(columns)).stdout)
    by_kind: dict[str, list[tuple[dict[str, Any], str]]] = {}
    for e, label in zip(eras, labels, strict=True):
        by_kind.setdefault(e["kind"], []).append((e, label))
    kinds = {}
    for kind, shown in by_kind.items():
        if all(label == e["name"] for e, label in shown):
            kinds[kind] = "name"
        else:  # every one by its short name, its name where it has none
            assert all(label == (e["short"] or e["name"]) for e, label in shown), shown
            kinds[kind] = "short"
    assert kinds["government"] == ("short" if columns == 80 else "name")
    governments = [e for e in eras if e["kind"] == "government"]
    assert all(re.fullmatch(r"[^()]+ \([A-Z][a-z]+( Faso)?\)", e["short"]) for e in governments)
    assert all(e["name"].endswith((" in Mali", " in Niger", " in Chad", " in Burkina Faso"))
               for e in governments)  # fmt: skip


@pytest.mark.parametrize("view", [("eras",), ("summary", "--full")])
def test_no_era_label_is_cut_at_80_columns(real: Run, view: tuple[str, ...]) -> None:
    """K38: at 80 columns the chart cut era names before what told them apart: "Presidency
    of Blaise Compaoré in…", "Presidency of Mahamadou Issoufou…", "MINUSMA (UN
    Multidimensional Inte…". Each era whose name does not fit shows its short name,
    whole; every other its name."""
    eras = _json(real("eras", "--format", "json"))
    labels = _era_labels(_drawn(real, 80, *view))
    assert len(labels) == len(eras)
    shown = {e["id"]: label for e, label in zip(eras, labels, strict=True)}
    assert shown["burkina-presidency-compaore"] == "Compaoré (Burkina Faso)"
    assert shown["minusma"] == "MINUSMA"
    assert not [label for label in labels if label.endswith("…")], labels
    assert all(shown[e["id"]] in (e["name"], e["short"]) for e in eras), shown


def test_no_french_soldier_left_in_mali_is_not_none_left_in_the_sahel(real: Run) -> None:
    """No French soldier was left in Mali on 15 August 2022 (a fact the record could not
    hold while French strength was one series: `on 2022-09-01` would have given France 0
    troops while some 3,000 stayed in Niger and Chad). French strength in Mali and in the
    Sahel are two series; and Serval's counts in Mali, of a force that ended in July 2014,
    are no current strength in 2016."""
    doc = _json(real("on", "2022-09-01", "--format", "json"))
    french = {f["figure"]: f["id"] for f in doc["figures"] if f["figure"].startswith("French")}
    assert french["French forces: strength, Mali"] == "french-troops-mali-2022-08-15"
    # the Sahel's count of the same day, not February's 4,300 that held Mali's 2,400
    assert french["French forces: strength, Sahel"] == "french-troops-sahel-2022-08-15"
    text = " ".join(real("on", "2022-09-01", "--full", env=terminal(200)).stdout.split())
    assert "French forces: strength, Sahel: some 2,500 as of 2022-08-15" in text
    assert "French forces: strength, Mali: 0 as of 2022-08-15" in text
    at_the_end = _json(real("on", "2022-11-09", "--format", "json"))["figures"]
    sahel = [f["id"] for f in at_the_end if f["figure"] == "French forces: strength, Sahel"]
    assert sahel == ["french-troops-sahel-at-barkhane-end"]
    in_2016 = _json(real("on", "2016-06-01", "--format", "json"))["figures"]
    assert not [f["id"] for f in in_2016 if "serval" in f["actors"]]
    assert {f["figure"] for f in in_2016 if f["figure"].startswith("French")} == {
        "French forces: strength, Sahel"
    }


def test_summary_of_the_whole_record_gives_each_series_its_latest_beside_its_peak(
    real: Run,
) -> None:
    """U28: the whole record's headline figures gave France's strength in Mali as its
    latest (0, 2022-08-15) but in the Sahel as its marked peak (5,100, 2020-02), so they
    read as 5,100 still in the Sahel; the latest there is 3,000 (2022-11-09), as `summary
    --year 2022` shows. Every series now gives its latest, and a marked figure beside it."""
    shown = _summary_json(real)["headline_facts"]
    troops = [(f["id"], f["as_of"], f["value"]) for f in shown if f["category"] == "troops"]
    assert troops[:3] == [
        ("french-troops-mali-2022-08-15", "2022-08-15", 0),
        ("barkhane-troops-peak", "2020-02", 5100),
        ("french-troops-sahel-at-barkhane-end", "2022-11-09", 3000),
    ]
    year = _json(real("summary", "--year", "2022", "--format", "json"))["headline_facts"]
    assert "french-troops-sahel-at-barkhane-end" in {f["id"] for f in year}


def test_on_a_day_fits_one_screen_and_points_to_the_whole_page(real: Run) -> None:
    """K42: `on 2021-05-24` at 80 columns ran to 224 lines: 12 eras, 17 leaders with their
    terms' notes, 19 figures with their disputes, 40 events and the map. On one screen
    now, fewer lines at 160: the eras in place, each country's head of state, one figure
    a series (the latest whose period is over by the day: JSON's latest_figures), the
    15 events nearest the day (nearest_events), each section pointing to where it is
    whole, and --full the whole page as it was."""
    doc = _json(real("on", "2021-05-24", "--format", "json"))
    narrow, wide = _screen(real, 80, "on", "2021-05-24"), _screen(real, 160, "on", "2021-05-24")
    full = real("on", "2021-05-24", "--full", env=terminal(80)).stdout.splitlines()
    # 62: a line of heads of state for each two or three states of the theatre; Senegal,
    # Algeria, Nigeria and Cameroon's added two lines to the 60 this was set at
    assert len(wide) < len(narrow) <= 62 < 200 < len(full)
    whole = "in full, with each leader's term, each dispute, every event and the map"
    assert narrow[-2:] == [f"  {whole}:", "    barkhane on 2021-05-24 --full"]
    assert wide[-1] == f"  {whole}: barkhane on 2021-05-24 --full"
    assert f"Eras: {len(doc['eras'])} in place (every era: barkhane eras)" in narrow
    assert "  Mali: Bah N'Daw (ends), Assimi Goïta (begins)" in narrow
    leaders = _section("\n".join(narrow), "Leaders: each country's head of state")
    assert not [line for line in leaders if "Moctar Ouane" in line]  # head of government
    # one figure a series, of a period over by the day: Mali's displaced of December
    # 2020, not the count of May 2021, the month under way (--full shows both)
    assert "mali-idps-2020-12" in doc["latest_figures"]
    assert "mali-idps-2021-05" not in doc["latest_figures"]
    # one of each series (its label and unit: two series may share a label), every
    # series with a figure over by the day
    series = {f["id"]: (f["figure"], f["unit"]) for f in doc["figures"]}
    over = {series[f["id"]] for f in doc["figures"] if not f["period_under_way"]}
    assert sorted(series[i] for i in doc["latest_figures"]) == sorted(over)
    figures = _section("\n".join(wide), "Latest figures: one a series, the latest by the day")
    assert len(figures) == len(doc["latest_figures"]) + 1
    said = [" ".join(row.split()) for row in figures]
    assert "1,074,993 people 2020-12-31 Internally displaced people in Burkina Faso" in said
    assert figures[-1] == "  ⚑ disputed; every figure known then: barkhane facts --until 2021-05-24"
    # the events nearest the day, and the command that lists the window's every one
    listed = real("timeline", "--since", "2021-04-24", "--until", "2021-06-23", "--count")
    assert int(listed.stdout) == len(doc["events"]) > len(doc["nearest_events"]) == 15
    assert "coup-2021-05-24" in doc["nearest_events"]
    assert "Events 2021-04-24 to 2021-06-23: the 15 nearest the day" in narrow
    assert "  2021-05-24  Second Malian coup: Ndaw and Ouane detained" in narrow
    assert (
        f"  all {len(doc['events'])} events: barkhane timeline --since 2021-04-24 --until "
        "2021-06-23"
    ) in narrow
    # --full: the page as it was, every event and the map under it
    headings = [line for line in full if line and not line.startswith(" ")]
    assert headings[:5] == [
        "The situation on 2021-05-24",
        "In place",
        "Leaders",
        "Latest figures",
        "Events 2021-04-24 to 2021-06-23",
    ]
    assert "barkhane on 2021-05-24: events 2021-04-24 to 2021-06-23" in full
    page = " ".join(full)
    assert all(f"[{e['id']}]" in page for e in doc["events"])


def test_a_pointer_wider_than_40_columns_continues_under_its_own_text(real: Run) -> None:
    """K45: at 40 columns a closing line's words, or its command's, wrapped to column 0
    ("--until 2021-06-23", "dispute, every event and the map:"): each continues under its
    own text now, as a bullet's wrapped lines do (onescreen.indented)."""
    n = len(_json(real("on", "2021-05-24", "--format", "json"))["events"])
    on = _screen(real, 40, "on", "2021-05-24")
    assert on[-3:] == [
        "  in full, with each leader's term, each",
        "  dispute, every event and the map:",
        "    barkhane on 2021-05-24 --full",
    ]
    at = on.index(f"  all {n} events:")
    # the command itself on one line, wider than the screen (U35: copied line by line, a
    # broken one ran another query); the terminal wraps it, unbroken
    assert on[at + 1] == "    barkhane timeline --since 2021-04-24 --until 2021-06-23"
    summary = _screen(real, 40, "summary")
    at = summary.index("  ⚑ disputed; 11 more series, and each")
    assert summary[at + 1 : at + 3] == ["  with its sources:", "    barkhane summary --full"]
    assert not [line for line in on if line.startswith(("--", "barkhane"))]


def test_headings_items_and_ages_at_40_columns_keep_to_their_own_text(real: Run) -> None:
    """K48: at 40 columns a heading's last words ("barkhane actors)"), an item wider than
    the line ("Transition under Assimi Goïta 2021–" | "begins") and the countries with no
    leader went on at column 0, and an old figure's age was cut ("3 years e…"). Each goes
    on two columns further in (onescreen.hanging); the age takes its short form."""
    summary = _screen(real, 40, "summary")
    at = summary.index("Most active actors (every actor:")
    assert summary[at + 1] == "  barkhane actors)"
    at = summary.index("Headline figures: the latest on")
    assert summary[at + 1 : at + 3] == ["  2022-11-09 (every figure:", "  barkhane facts)"]
    on = _screen(real, 40, "on", "2021")
    # (Goïta's transition, shown by its short name since U33, fits the line now)
    at = on.index("  Wagner Group presence in Mali 2021–")
    assert on[at + 1] == "    begins"
    assert on[on.index("  Burkina Faso: Roch Marc Christian") + 1] == "    Kaboré"
    # every state of the theatre has its heads of state now (Libya's since L31), so the
    # list no longer fills 40 columns; Algeria's vacancy of April 2019 alone, at 30, does
    gap = _screen(real, 30, "on", "2019-04-05")
    at = gap.index("  no leader recorded for:")
    assert gap[at + 1] == "    Algeria"
    doc = _json(real("on", "2021-06-01", "--format", "json"))
    old = [f for f in doc["figures"] if f["id"] in doc["latest_figures"] and f["as_of"] < "2019"]
    assert old  # Tillabéri's displaced of May 2018, the latest of its series
    day = _screen(real, 40, "on", "2021-06-01")
    rows = [line for line in day if f" {old[0]['as_of']} " in line]
    assert len(rows) == 1 and " 3y old: " in rows[0], rows
    assert "years earlier" in " ".join(_screen(real, 80, "on", "2021-06-01"))
    for screen in (summary, on, day):
        # but a command to copy, kept whole on its line (U35)
        assert max(len(line) for line in screen if "barkhane " not in line) <= 40
        assert not [line for line in screen if line.startswith(("begins", "barkhane", "Kaboré"))]


def test_the_judgments_tally_at_40_columns_keeps_to_its_own_text(real: Run) -> None:
    """RR35: K48 hung a heading's last words two columns in, but the summary's closing
    tally, a heading in all but name, still went on at column 0 at 40 columns ("· 4
    partly · 4 open (barkhane judgments)"). It goes on as a heading's does."""
    summary = _screen(real, 40, "summary")
    at = next(i for i, line in enumerate(summary) if line.startswith("The seed's judgments: "))
    rest = summary[at + 1 :]
    assert rest and all(line.startswith("  ") for line in rest), summary[at:]
    assert "(barkhane judgments)" in " ".join(line.strip() for line in summary[at:])
    assert max(len(line) for line in summary[at:]) <= 40


def test_a_charts_title_at_40_columns_keeps_to_its_own_text(real: Run) -> None:
    """RR35: at 40 columns `chart`'s title went on at column 0 ("Events per year,
    2011-01-01 to" | "2022-11-09"), as K48 found the one-screen views' headings did. It
    goes on two columns in, as a heading's last words do."""
    chart = _screen(real, 40, "chart")
    assert chart[:2] == ["Events per year, 2011-01-01 to", "  2022-11-09"], chart[:3]
    assert max(len(line) for line in chart) <= 40


def test_on_a_year_the_record_ends_in_lists_its_aftermath_by_one_rule(real: Run) -> None:
    """K48: whether `on`'s listings take --aftermath was worked out twice, the figures'
    from the day being wholly after the record, the events' from the window's end being
    after it. One rule now, a span running past the record's end: `on 2022`'s figures are
    the latest by the year's end, those of December 2022 after the record's 9 November
    among them (they stopped at the record's end while its events did not), and both
    commands take --aftermath and list what the page counts."""
    doc = _json(real("on", "2022", "--format", "json"))
    assert [f for f in doc["figures"] if f["as_of"] > "2022-11-09"]
    figures = doc["other_figures"]
    assert figures["command"] == "barkhane facts --until 2022 --aftermath"
    listed = {f["id"] for f in _json(real(*figures["command"].split()[1:], "-f", "json"))}
    shown = {f["id"] for f in doc["figures"]}
    assert shown <= listed and len(listed) == figures["count"] + len(shown)
    on = _screen(real, 160, "on", "2022")
    n = doc["events_on_date"]
    assert (
        f"  all {n} events of 2022: barkhane timeline --since 2022 --until 2022 --aftermath" in on
    )
    listed = real("timeline", "--since", "2022", "--until", "2022", "--aftermath", "--count")
    assert int(listed.stdout) == n
    day = _json(real("on", "2022-06-01", "--format", "json"))  # in the record: as it was
    assert day["other_figures"]["command"] == "barkhane facts --until 2022-06-01"


def test_on_json_keeps_its_keys_and_adds_what_the_one_screen_shows(real: Run) -> None:
    doc = _json(real("on", "2021-05-24", "--format", "json"))
    assert list(doc) == [
        "date", "in_record", "note", "window", "eras", "leaders", "no_leader_recorded",
        "figures", "figures_marked_headline", "other_figures", "events",
        "latest_figures", "nearest_events", "events_on_date",
    ]  # fmt: skip
    ids = [e["id"] for e in doc["events"]]
    assert doc["nearest_events"] == [i for i in ids if i in doc["nearest_events"]]
    assert set(doc["latest_figures"]) <= {f["id"] for f in doc["figures"]}


def _dates(event: dict[str, Any]) -> str:
    """An event's dates as `on` lists them: a month or a year padded to a day's width,
    a span's ends joined as every human view joins them (dates.SPAN)."""
    return (event["date"] + (f"{SPAN}{event['end']}" if event["end"] else "")).ljust(10)


def test_on_a_year_spreads_its_events_over_it_not_its_first_fifteen(real: Run) -> None:
    """K45: `on 2021` listed as "nearest" the first 15 events of January: a year or a
    month has no day to be near. Where more than 15 meet the period, 15 spread evenly
    over them in date order, its first and last among them, and the command listing the
    period's every one; a day's 15 nearest stay as they were."""
    doc = _json(real("on", "2021", "--format", "json"))
    period = [e["id"] for e in doc["events"] if e["date"] <= "2021-12-31" and
              (e["end"] or e["date"]) >= "2021"]  # fmt: skip
    listed = real("timeline", "--since", "2021", "--until", "2021", "-f", "json")
    assert [e["id"] for e in _json(listed)] == period
    assert doc["events_on_date"] == len(period) > 15 == len(doc["nearest_events"])
    assert doc["nearest_events"][0] == period[0] and doc["nearest_events"][-1] == period[-1]
    months = {e["date"][:7] for e in doc["events"] if e["id"] in doc["nearest_events"]}
    assert len(months) >= 10  # spread over the year, not January's
    screen = _screen(real, 160, "on", "2021")
    n = len(period)
    heading = f"Events 2020-12-02 to 2022-01-30: 15 of the {n} of 2021, spread over it"
    shown = {e["id"]: e for e in doc["events"] if e["id"] in doc["nearest_events"]}
    assert _section("\n".join(screen), heading) == [
        *(f"  {_dates(shown[i])}  {shown[i]['title']}" for i in doc["nearest_events"]),
        f"  all {n} events of 2021: barkhane timeline --since 2021 --until 2021",
    ]
    day = _json(real("on", "2021-05-24", "--format", "json"))
    assert day["events_on_date"] < 15 == len(day["nearest_events"])


def test_a_countrys_summary_lists_its_eras_not_every_countrys(real: Run) -> None:
    """K42: `summary --country mali` listed Chad's, Niger's and Burkina Faso's
    presidencies. An era is a country's when the actors it names are (a state, a regional
    organisation's member states, another actor's home country), as an event is when its
    places are: Barkhane names the G5 Sahel, so it is Mali's and Burkina Faso's too."""

    def eras(country: str) -> list[str]:
        rows = real("summary", "--country", country, "--year", "2021").stdout.splitlines()
        return [row for row in rows if row.startswith("era\t")]

    assert eras("mali") == [
        "era\t2013-02-18\t\tEUTM Mali (EU Training Mission)",
        "era\t2013-07-01\t\tMINUSMA (UN Multidimensional Integrated Stabilization Mission in Mali)",
        "era\t2014-02-16\t\tG5 Sahel",
        "era\t2014-08-01\t2022-11-09\tOperation Barkhane",
        "era\t2015-01-15\t\tEUCAP Sahel Mali",
        "era\t2017-07-02\t\tG5 Sahel Joint Force (FC-G5S)",
        "era\t2020-03-27\t2022-06-30\tTask Force Takuba",
        "era\t2020-09-25\t2021-05-24\tTransition under Bah N'Daw in Mali",
        "era\t2021-05-24\t\tTransition under Assimi Goïta in Mali",
        "era\t2021-12\t\tWagner Group presence in Mali",
    ]
    assert eras("burkina") == [
        "era\t2014-02-16\t\tG5 Sahel",
        "era\t2014-08-01\t2022-11-09\tOperation Barkhane",
        "era\t2015-12-29\t2022-01-24\tPresidency of Roch Marc Christian Kaboré in Burkina Faso",
        "era\t2017-07-02\t\tG5 Sahel Joint Force (FC-G5S)",
    ]
    # K45: France's seat on the UN Security Council made MINUSMA France's era, and EU
    # membership EUTM Mali's and EUCAP Sahel Mali's; only a regional body (the G5 Sahel,
    # ECOWAS, the AU) is its members' land and forces. France keeps the eras it is named in.
    # The literal was "eutm-mali", "minusma", "barkhane", "eucap-sahel-mali", "takuba".
    assert eras("france") == [
        "era\t2014-08-01\t2022-11-09\tOperation Barkhane",
        "era\t2020-03-27\t2022-06-30\tTask Force Takuba",
    ]
    assert eras("chad") == [
        "era\t1990-12\t2021-04-20\tPresidency of Idriss Déby in Chad",
        "era\t2014-02-16\t\tG5 Sahel",
        "era\t2014-08-01\t2022-11-09\tOperation Barkhane",
        "era\t2017-07-02\t\tG5 Sahel Joint Force (FC-G5S)",
        "era\t2021-04-20\t\tMilitary transition under Mahamat Déby in Chad",
    ]
    # Togo's troops served in MINUSMA, but no era names Togo: none, as before
    assert eras("togo") == []
    # an event's --country reads its places, never a membership: France's events are
    # those placed in France, and a country with no place is refused
    french = _json(real("timeline", "--country", "france", "-f", "json"))
    assert french and all("france" in e["countries"] for e in french)
    brazil = real("timeline", "--country", "brazil")
    assert (brazil.exit_code, brazil.stderr) == (
        3,
        "barkhane: no country matches 'brazil'; barkhane places --kind country lists them all\n",
    )
    # without --country, every era of the window, as before
    everything = real("summary", "--year", "2021").stdout.splitlines()
    assert "era\t1990-12\t2021-04-20\tPresidency of Idriss Déby in Chad" in everything
    # the one screen counts the country's eras
    mali = _json(real("summary", "--country", "mali", "--year", "2021", "--format", "json"))
    assert len(mali["eras"]) == 10
    assert mali["current_eras"]["eras"] == [
        "eutm-mali", "minusma", "g5-sahel", "barkhane", "eucap-sahel-mali",
        "g5-sahel-joint-force", "takuba", "transition-goita", "wagner-in-mali",
    ]  # fmt: skip


@pytest.mark.parametrize("view", [("on", "2021"), ("on", "2021-05-24"), ("summary",)])
def test_figures_of_one_subject_say_what_sets_them_apart_at_80_columns(
    real: Run, view: tuple[str, ...]
) -> None:
    """U36: at 80 columns `on 2021` listed "255 deaths MINUSMA personnel dead of all
    causes…", "146 deaths MINUSMA personnel killed in hostile…" and "19 deaths MINUSMA
    peacekeepers killed in…": two totals since 2013 and one year's count, the words that
    told them apart cut off. Each row of a subject shown more than once says what sets it
    apart, before its label (the cause counted, a running total's start, a year's
    count's year); at 160 columns, where the labels are whole, they say it themselves."""
    doc = _json(real(*view, "--format", "json"))
    figures = doc["figures"] if view[0] == "on" else doc["headline_facts"]
    shown = [f for f in figures if f["id"] in doc["latest_figures"]]
    narrow, wide = _screen(real, 80, *view), _screen(real, 160, *view)

    def row_of(f: dict[str, Any]) -> str:
        return rf"\s{f['value']:,} deaths {f['as_of']}\s"

    # those the screen shows (summary's one screen: at most four a category)
    deaths = [
        f
        for f in shown
        if f["unit"] == "deaths"
        and "minusma" in f["actors"]
        and any(re.search(row_of(f), line) for line in narrow)
    ]
    assert len(deaths) > 1
    causes = len({f["cause"] for f in deaths}) > 1
    totals = len({f["since"] for f in deaths}) > 1
    assert causes or totals
    for f in deaths:
        at = row_of(f)
        (row,) = [line for line in narrow if re.search(at, line)]
        said = row.split(f" {f['as_of']} ", 1)[1]
        if totals:
            assert (f"since {f['since'][:4]}" if f["since"] else f"in {f['as_of']}") in said
        if causes:
            assert m.FACT_CAUSES[f["cause"]] in said
        (whole,) = [line for line in wide if re.search(at, line)]
        label = rf"{f['as_of']}\s+(⚑ )?(\([^)]*\) )?{re.escape(f['label'])}"
        assert re.search(label, whole), whole


def test_chart_piped_writes_plain_integers_and_the_terminal_groups_them(real: Run) -> None:
    """U41: `barkhane chart fatalities | awk -F'\\t' '{s+=$2}'` summed 4,730, not the
    whole: the piped rows wrote "2,193", which awk reads as 2. Piped (plain) and tsv give
    the number as a spreadsheet reads it; the terminal keeps the separators."""
    piped = [line.split("\t") for line in real("chart", "fatalities").stdout.splitlines()]
    values = [row[1] for row in piped]
    assert all(v.isdigit() for v in values) and max(map(int, values)) >= 1000, values
    by_year = dict(row[:2] for row in piped)
    tsv = list(
        csv.DictReader(io.StringIO(real("chart", "fatalities", "-f", "tsv").stdout), delimiter="\t")
    )
    assert {row["label"]: row["value"] for row in tsv} == by_year
    faceted = real("chart", "fatalities", "--facet", "country").stdout.splitlines()
    assert all(line.split("\t")[2].isdigit() for line in faceted), faceted[:3]
    shown = real("chart", "fatalities", env=terminal(100)).stdout
    big = max(values, key=int)
    assert f"{int(big):,}" in shown and f" {big} " not in shown


def test_a_slice_s_figures_are_as_of_the_record_s_end_not_its_last_event(real: Run) -> None:
    """U45: `summary --country mali` ended its window at Mali's last event (2022-10-31),
    so MINUSMA's dead of 9 November dropped out and it gave 257 (May 2022) where
    `summary` gave 292. A slice by country or actor moves its events' span, never the
    "as of" of the figures asked for: the latest by the record's end, or by --until."""
    whole = set(_summary_json(real)["latest_figures"])
    minusma = {"minusma-deaths-2022-11-09", "minusma-hostile-deaths-2022-11-09"}
    assert minusma <= whole
    for sliced in (["--country", "mali"], ["--actor", "minusma"]):
        content = _json(real("summary", *sliced, "--format", "json"))
        assert content["period"]["end"] < "2022-11-09"  # its events' span keeps to them
        assert minusma <= set(content["latest_figures"]), sliced
        assert "minusma-deaths-2022-05" not in content["latest_figures"], sliced
    until = _json(real("summary", "--country", "mali", "--until", "2022-10", "-f", "json"))
    assert "minusma-deaths-2022-05" in until["latest_figures"]
    assert not minusma & set(until["latest_figures"])
