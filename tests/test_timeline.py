"""`barkhane timeline` on the fixture file: filters, formats, the JSON contract, errors."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import click
import pytest
from conftest import (
    Run,
    as_json,
    column,
    command_at,
    commands,
    rows,
    scandir_fails_at,
    terminal,
    watched,
)

from barkhane_cli.cli.options import Whole

ALL_IDS = [
    "libya-collapse",
    "coup-2012",
    "timbuktu-falls",
    "serval",
    "ouaga-attack",
    "coup-2020",
    "year-end",
    "wagner-arrives",
    "ambassador-expelled",
    "barkhane-ends",
]


def ids(run: Run, *args: str) -> list[str]:
    result = run("timeline", "--fields", "id", *args)
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_piped_output_is_plain_tab_separated_rows_in_date_order(run: Run) -> None:
    result = run("timeline")
    assert result.exit_code == 0
    assert rows(result)[3] == [
        "2013-01-11",
        "2014-07-15",
        "operation",
        "serval",
        "Operation Serval",
        "france,serval,mali",
        "bamako,timbuktu",
        "",
        "",
        "",
        "",
        "",  # fatalities_counted: what sums add (U61), appended
    ]
    assert column(result, 3) == ALL_IDS
    assert "\x1b[" not in result.stdout


def test_plain_keeps_one_event_per_line_even_with_tabs_and_newlines(run: Run) -> None:
    result = run("timeline", "--fields", "id,title,summary")
    assert rows(result)[2] == [
        "timbuktu-falls",
        'Timbuktu falls, with a tab and a comma, "quoted"',
        "A line break inside.",
    ]


def test_precision_shows_in_plain_output(run: Run) -> None:
    result = run("timeline", "--fields", "date,precision", "--limit", "3")
    assert rows(result) == [["2011", "year"], ["2012-03", "month"], ["2012-04-01", "day"]]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--since", "2020", "--until", "2020"), ["coup-2020", "year-end"]),
        (("--year", "2020"), ["coup-2020", "year-end"]),
        (("--since", "2022-01", "--until", "2022-01"), ["ambassador-expelled"]),
        (("--since", "Jan 2022", "--until", "31 January 2022"), ["ambassador-expelled"]),
        # A month-precision event overlaps a day range inside that month.
        (("--since", "2021-12-15", "--until", "2021-12-15"), ["wagner-arrives"]),
        # A year-precision event overlaps any range inside its year.
        (("--since", "2011-06-01", "--until", "2011-06-30"), ["libya-collapse"]),
        # A span overlaps a range inside it, though neither end is in the range.
        (("--since", "2014", "--until", "2014"), ["serval"]),
        (("--until", "2011"), ["libya-collapse"]),
        (("--since", "2022-11-09"), ["barkhane-ends"]),
        (("--since", "2022-11-10"), []),
        (("--since", "18 August 2020", "--until", "2020-08-18"), ["coup-2020"]),
        (("--since", "Aug 2020", "--until", "2020-08"), ["coup-2020"]),
        (("--since", "2020-12-31", "--until", "2021-01-01"), ["year-end"]),
    ],
)
def test_date_ranges_cover_whole_periods_and_overlap_spans(
    run: Run, args: tuple[str, ...], expected: list[str]
) -> None:
    assert ids(run, *args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--actor", "goita"), ["coup-2020"]),
        (("--actor", "GOÏTA"), ["coup-2020"]),
        (("--actor", "Assimi Goïta"), ["coup-2020"]),
        (("--actor", "GSIM"), ["ouaga-attack"]),
        (("--actor", "Jama'at Nusrat al-Islam wa al-Muslimeen"), ["ouaga-attack"]),
        (("--actor", "wagner", "--actor", "jnim"), ["ouaga-attack", "wagner-arrives"]),
        (("--place", "Tombouctou"), ["timbuktu-falls", "serval"]),
        (("--country", "burkina faso"), ["ouaga-attack"]),
        (("--type", "coup"), ["coup-2012", "coup-2020"]),
        (("--type", "coup", "--type", "attack"), ["coup-2012", "ouaga-attack", "coup-2020"]),
        (
            ("--tag", "seed"),
            ["libya-collapse", "coup-2020", "ambassador-expelled", "barkhane-ends"],
        ),
        (("--search", "keita"), ["coup-2020"]),
        (("--search", "(.*)"), []),
        (("--search", "72 hours"), ["ambassador-expelled"]),
        (("--actor", "mali", "--type", "coup", "--since", "2015"), ["coup-2020"]),
        (("--limit", "2"), ["libya-collapse", "coup-2012"]),
        (("--reverse", "--limit", "2"), ["barkhane-ends", "ambassador-expelled"]),
        (("--aftermath", "--since", "2022-11"), ["barkhane-ends", "minusma-closes"]),
    ],
)
def test_filters(run: Run, args: tuple[str, ...], expected: list[str]) -> None:
    assert ids(run, *args) == expected


def test_json_contract(run: Run) -> None:
    result = run("timeline", "--format", "json", "--search", "ambassador")
    assert result.exit_code == 0
    [event] = as_json(result)
    assert event == {
        "id": "ambassador-expelled",
        "date": "2022-01-31",
        "end": None,
        "precision": "day",
        "end_precision": None,
        "first_day": "2022-01-31",
        "last_day": "2022-01-31",
        "title": "French ambassador expelled",
        "summary": "Mali gives the ambassador 72 hours to leave.",
        "type": "diplomacy",
        "actors": ["mali", "france"],
        "perpetrators": [],
        "targets": [],
        "attribution": None,
        "places": ["bamako"],
        "countries": ["mali"],
        "latitude": 12.65,
        "longitude": -8.0,
        "point_of": "bamako",
        "point_kind": "capital",
        "tags": ["france", "seed"],
        "fatalities": None,
        "fatalities_low": None,
        "fatalities_high": None,
        "fatalities_note": None,
        "counted_in": None,
        "fatalities_counted": None,  # no toll: a sum adds nothing (U61)
        "disputed": "The seed dates the expulsion to February 2022; it was announced on 31 January 2022.",
        "follows": [],
        "acled_ids": [],
        "ucdp_ids": [],
        "aftermath": False,
        "sources": [
            {"id": "ref-a"},
            {
                "id": "seed",
                "quote": "Alienating the Malian government first led to the expulsion of the French "
                "ambassador in Bamako in February 2022",
            },
        ],
        "yours": False,  # the record's own, not a --data file's (U37)
        "replaces": False,  # nor one replacing the record's by its id (U42)
        "same_as": None,  # nor an import paired with a curated event (--keep-matched)
    }


def test_json_of_nothing_is_an_empty_array(run: Run) -> None:
    result = run("timeline", "--format", "json", "--since", "2030")
    assert result.exit_code == 0
    assert as_json(result) == []


def test_jsonl_is_one_object_per_line_with_precision(run: Run) -> None:
    result = run("timeline", "--format", "jsonl", "--until", "2012")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["date"], e["precision"]) for e in lines] == [
        ("2011", "year"),
        ("2012-03", "month"),
        ("2012-04-01", "day"),
    ]


def test_json_fields_selects_keys(run: Run) -> None:
    result = run("timeline", "--format", "json", "--fields", "id,date", "--limit", "1")
    assert as_json(result) == [{"id": "libya-collapse", "date": "2011"}]


def test_csv_round_trips_through_the_csv_module(run: Run) -> None:
    result = run("timeline", "--format", "csv", "--fields", "id,title,summary,fatalities")
    parsed = list(csv.reader(io.StringIO(result.stdout)))
    assert parsed[0] == ["id", "title", "summary", "fatalities"]
    assert parsed[3] == [
        "timbuktu-falls",
        'Timbuktu falls, with a tab\tand a comma, "quoted"',
        "A line\nbreak inside.",
        "0",
    ]
    assert len(parsed) == 11


def test_tsv_has_a_header_and_round_trips(run: Run) -> None:
    result = run("timeline", "--format", "tsv", "--fields", "id,title", "--search", "tab")
    parsed = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert parsed == [
        ["id", "title"],
        ["timbuktu-falls", 'Timbuktu falls, with a tab\tand a comma, "quoted"'],
    ]


def test_piped_output_keeps_a_toll_known_only_as_a_range(run: Run, tmp_path: Path) -> None:
    # U6: Konna 2013 (100–149, no best estimate) was piped with an empty deaths column,
    # which reads as unknown; plain rows carry the range as CSV and TSV do.
    data = tmp_path / "range.toml"
    data.write_text(
        '[[events]]\nid = "raid"\ndate = "2013-01-10"\ntitle = "A raid"\nsummary = "S."\n'
        'type = "battle"\nplaces = ["timbuktu"]\nattribution = "unknown"\n'
        "fatalities_low = 100\nfatalities_high = 149\n"
        'sources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    result = run("timeline", "--data", str(data), "--search", "raid", "-f", "plain")
    # and, last, what a sum adds: the range's low end (U61)
    assert rows(result) == [
        ["2013-01-10", "", "battle", "raid", "A raid", "", "timbuktu", "", "100", "149", "", "100"]
    ]


_BOUNDS = "".join(
    f'[[events]]\nid = "{eid}"\ndate = "2019-02-0{day}"\ntitle = "A {eid} strike"\n'
    f'summary = "S."\ntype = "operation"\nplaces = ["timbuktu"]\n{toll}\n'
    'sources = [{ id = "ref-a" }]\n\n'
    for eid, day, toll in (
        ("upper", 3, "fatalities_high = 15"),
        ("lower", 5, "fatalities_low = 3"),
    )
)


def test_a_bound_alone_is_worded_as_one_not_as_a_toll(run: Run, tmp_path: Path) -> None:
    # U21: "fewer than ten ... about fifteen" (fatalities_high = 15 alone) showed as "15"
    # in the card and the Deaths column, as an exact toll does.
    data = tmp_path / "bounds.toml"
    data.write_text(_BOUNDS, encoding="utf-8")
    card = dict(rows(run("event", "upper", "--data", str(data))))
    assert card["fatalities"] == "up to 15"
    assert dict(rows(run("event", "lower", "--data", str(data))))["fatalities"] == "at least 3"
    window = ("--data", str(data), "--since", "2019-02", "--until", "2019-02")
    wide = run("timeline", *window, env=terminal(120)).stdout
    assert re.search(r"strike  upper .* up to 15   1\n", wide)
    # too wide for the column, broken at its space, never cut to "at least…"
    assert re.search(r"strike  lower .* at least   1\n +3 *\n", wide)
    narrow = run("timeline", *window, env=terminal(80)).stdout
    assert "upper  up to 15 dead" in narrow and "lower  at least 3 dead" in narrow
    # a sum counts a lower bound as its number and an upper bound alone as nothing
    chart = run("chart", "fatalities", *window, "--by", "month", "-f", "csv").stdout
    assert chart.splitlines()[1].split(",")[:4] == ["2019-02", "2019-02-01", "2019-02-28", "3"]


def test_disputed_note_shows_in_plain_output(run: Run) -> None:
    result = run("timeline", "--search", "ambassador")
    # before fatalities_counted, appended after it (U61)
    assert rows(result)[0][-2].startswith("The seed dates the expulsion to February 2022")


def test_a_table_shows_a_long_dispute_cut_at_a_word_and_json_gives_it_whole(
    run: Run, tmp_path: Path
) -> None:
    note = " ".join(["The first source puts the raid at dawn and the second at noon;"] * 4)
    data = tmp_path / "long.toml"
    data.write_text(
        '[[events]]\nid = "raid"\ndate = "2020-05-01"\ntitle = "A zyzzyva raid"\nsummary = "S."\n'
        f'type = "operation"\nplaces = ["timbuktu"]\ndisputed = "{note}"\n'
        'sources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    tty = terminal(160)
    table = run("timeline", "--data", str(data), "--search", "zyzzyva", env=tty).stdout
    (shown,) = [line.strip() for line in table.splitlines() if "⚑" in line]
    assert shown == (
        "⚑ disputed: The first source puts the raid at dawn and the second at noon; The first"
        " source puts the raid at …"
    )
    # at 80 columns the note runs on after who and where: its first line's worth
    narrow = run(
        "timeline", "--data", str(data), "--search", "zyzzyva", env=tty | {"COLUMNS": "80"}
    )
    assert "⚑ disputed: The first source puts" in narrow.stdout
    # read across the row's lines: the event is a --data file's, marked so before the
    # note ("(your data: long.toml)", U37), which moves where the note's lines break
    assert "the raid at dawn and the second at …" in " ".join(narrow.stdout.split())
    assert "noon" not in narrow.stdout  # 60 characters, cut at a word
    whole = run("timeline", "--data", str(data), "--search", "zyzzyva", "-f", "json").stdout
    assert [e["disputed"] for e in json.loads(whole)] == [note]


def test_table_on_a_terminal_has_colour_legend_and_dispute(run: Run) -> None:
    result = run(
        "timeline",
        "--year",
        "2022",
        env={"TTY_COMPATIBLE": "1", "COLUMNS": "300", "FORCE_COLOR": "1"},
    )
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b[" in out  # coloured
    assert "French ambassador expelled" in out
    assert "⚑ disputed: The seed dates the expulsion" in out
    text = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "■ withdrawal  ■ diplomacy" in text
    assert text.rstrip().endswith("2 events")


def test_no_color_and_color_never_remove_escape_codes(run: Run, tty: dict[str, str]) -> None:
    assert "\x1b[" not in run("timeline", env=tty).stdout
    env = dict(tty, NO_COLOR="")
    assert "\x1b[" not in run("timeline", "--color", "never", env=env).stdout
    assert "\x1b[" in run("timeline", "--color", "always", env=env).stdout


def test_table_shows_names_and_spans(run: Run, tty: dict[str, str]) -> None:
    out = run("timeline", "--type", "operation", env=tty).stdout
    # A span's end sits under its start: the date column keeps one width.
    assert re.search(r"^2013-01-11 .*\nto 2014-07-15 ", out, re.M)
    assert "Wagner Group" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--since", "not a date"), 2, "--since: 'not a date' is not a date"),
        (("--since", "2022-13-45"), 2, "'2022-13-45' has no month 13"),
        (("--until", "31 February 2020"), 2, "'31 February 2020' is not a real date"),
        (("--until", "2021-02-29"), 2, "February 2021 has 28 days"),
        (("--since", "August"), 2, "'August' has no year"),
        (("--since", "2022", "--until", "2011"), 2, "--since 2022 is after --until 2011"),
        (("--actor", "wagnr"), 3, "no actor matches 'wagnr'; did you mean Wagner Group (wagner)?"),
        (("--place", "tombuctu"), 3, "did you mean Timbuktu (timbuktu)?"),
        (("--country", "malli"), 3, "no country matches 'malli'; did you mean Mali (mali)?"),
        (("--type", "atack"), 2, "unknown event type 'atack'; did you mean 'attack'?"),
        # a list where the option takes one value: each is known, so say to repeat it
        (
            ("--type", "attack,coup"),
            2,
            "unknown event type 'attack,coup'; 'attack' and 'coup' are each known: give one"
            " value at a time (an option can be repeated)",
        ),
        (("--actor", "wagner, mali"), 3, "'wagner' and 'mali' are each known: give one value"),
        (("--tag", "wagner,x"), 3, "no event has tag 'wagner,x'; did you mean"),
        (("--format", "csv,json"), 2, "unknown format 'csv,json'; did you mean 'json'?"),
        (("--tag", "wagnr"), 3, "no event has tag 'wagnr'; did you mean 'wagner'?"),
        (("--fields", "id,titel"), 2, "unknown field 'titel' for events; did you mean 'title'?"),
        (("--format", "yaml"), 2, "unknown format 'yaml'"),
        (("--limit", "-1"), 2, "--limit -1: give a whole number, 0 or more"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_a_code(
    run: Run, args: tuple[str, ...], code: int, message: str
) -> None:
    result = run("timeline", *args)
    assert result.exit_code == code
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("barkhane: ")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("timeline", "--min-deaths", "-5"), "--min-deaths -5: give a whole number, 0 or more"),
        (("timeline", "--limit", "-3"), "--limit -3: give a whole number, 0 or more"),
        (
            ("actor", "wagner", "--min-deaths", "-1"),
            "--min-deaths -1: give a whole number, 0 or more",
        ),
        (("gaps", "--min-deaths", "-5"), "--min-deaths -5: give a whole number, 0 or more"),
        # it printed nothing, exit 0
        (("search", "mali", "--limit", "-3"), "--limit -3: give a whole number, 0 or more"),
    ],
)
def test_a_negative_count_option_is_refused_in_one_wording(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    """K37: --min-deaths -5 got Click's "-5 is not in the range x>=0; see 'barkhane
    timeline --help'" where --limit -3 got our line; K44: that line ("--limit must be 0 or
    more, not -3") is now the one a word gets (--limit 'x', below), one form an option."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"barkhane: {said}\n")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("timeline", "--year", "-1"), "--year -1: give a year from 1000 to 9999"),
        (("chart", "--year", "10000"), "--year 10000: give a year from 1000 to 9999"),
        (("map", "--height", "2"), "--height 2: give a number of rows from 4 to 200"),
        (("summary", "--width", "30"), "--width 30: give a number of columns from 40 to 400"),
    ],
)
def test_a_number_out_of_its_options_range_is_refused_in_one_wording(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    """K41: `--year 0` and `map --height 2` got Click's "--year: 0 is not in the range
    1<=x<=9999; see 'barkhane timeline --help'", where `--width 30` said this line."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"barkhane: {said}\n")


def _integer_options() -> list[tuple[tuple[str, ...], str]]:
    """Every option of every command (subcommands too) whose value is read as a number,
    by Click's own types or the project's: (the command's words, the option)."""
    numeric = (click.types.IntParamType, click.types.FloatParamType, Whole)
    return [
        (words, param.opts[0])
        for words, command in commands()
        for param in command.params
        if isinstance(param, click.Option) and isinstance(param.type, numeric)
    ]


INTEGER_OPTIONS = _integer_options()


def test_the_command_tree_has_the_integer_options_it_had() -> None:
    """The walk below finds them: 26 when K42 wrote it (--year, --limit, --min-deaths,
    --width, --height on the commands that take them)."""
    assert len(INTEGER_OPTIONS) >= 26
    assert (("chart",), "--year") in INTEGER_OPTIONS
    assert (("map",), "--height") in INTEGER_OPTIONS


@pytest.mark.parametrize(("words", "option"), INTEGER_OPTIONS)
def test_every_integer_option_refuses_a_word_in_the_projects_line(
    run: Run, words: tuple[str, ...], option: str
) -> None:
    """K42: `chart --year abc` said Click's "--year: 'abc' is not a valid integer; see
    'barkhane chart --help'" where `--year 0` said the project's line. Every option read
    as a number, found by walking the command tree (a new one cannot escape), is one
    type (options.Whole), and a word given to it is one stderr line naming the option,
    the word and what to give, exit 2 (a usage error)."""
    command = command_at(words)
    param = next(p for p in command.params if p.opts[0] == option)
    assert isinstance(param.type, Whole), (words, option, param.type)
    result = run(*words, option, "abc")
    assert (result.exit_code, result.stdout) == (2, ""), result.stderr
    said = f"barkhane: {option} 'abc': give {param.type.what}"
    assert result.stderr.startswith(said), result.stderr
    assert result.stderr.count("\n") == 1 and "valid integer" not in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("chart", "--year", "abc"), "--year 'abc': give a year from 1000 to 9999"),
        (("timeline", "--year", "2020.5"), "--year '2020.5': give a year from 1000 to 9999"),
        (("timeline", "--limit", "x"), "--limit 'x': give a whole number, 0 or more"),
        (("gaps", "--min-deaths", "many"), "--min-deaths 'many': give a whole number, 0 or more"),
        (("map", "--height", "tall"), "--height 'tall': give a number of rows from 4 to 200"),
        (("summary", "--width", ""), "--width '': give a number of columns from 40 to 400"),
    ],
)
def test_a_word_for_a_number_is_refused_in_the_projects_words(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"barkhane: {said}\n")


def test_ambiguous_actor_lists_candidates(run: Run) -> None:
    result = run("timeline", "--actor", "amadou")
    assert result.exit_code == 3
    assert result.stderr == (
        "barkhane: 'amadou' matches 2 actors: Amadou Koufa (amadou-koufa), "
        "Amadou Toumani Touré (amadou-toumani-toure); be more specific or give the id\n"
    )


def test_version(run: Run) -> None:
    from barkhane_cli import __version__

    result = run("--version")
    assert result.exit_code == 0
    from barkhane_cli.meta import DATA_VERSION

    assert result.stdout == f"barkhane {__version__} (data {DATA_VERSION})\n"


def test_user_data_layers_over_the_bundled_data(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[events]]\nid = "coup-2012"\ndate = "2012-03-22"\ntitle = "Coup in Bamako (corrected)"\n'
        'summary = "Corrected."\ntype = "coup"\nsources = [{ id = "ref-a" }]\n'
        '[[events]]\nid = "mine"\ndate = "2012-05"\ntitle = "Mine"\nsummary = "Added."\n'
        'type = "politics"\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    result = run("timeline", "--data", str(extra), "--year", "2012", "--fields", "id,date,title")
    assert rows(result) == [
        ["coup-2012", "2012-03-22", "Coup in Bamako (corrected)"],
        ["timbuktu-falls", "2012-04-01", 'Timbuktu falls, with a tab and a comma, "quoted"'],
        ["mine", "2012-05", "Mine"],
    ]
    check = run("validate", str(extra))
    assert check.exit_code == 0
    said = "warning: events 'coup-2012' id: replaces the record's event 'coup-2012'"
    assert said in check.stdout


def test_validate_reports_every_problem(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[events]]\nid = "a"\ndate = "2021-02-29"\ntitle = "A"\nsummary = "S"\ntype = "atack"\n'
        'sources = [{ id = "ref-a" }]\n'
        '[[events]]\nid = "b"\ndate = "2021"\ntitle = "B"\nsummary = "S"\ntype = "coup"\n'
        'actors = ["wagnr"]\nsources = [{ id = "nope" }]\n',
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.exit_code == 4
    # Every problem of entry 'a' (the bad date no longer hides the bad type), each as
    # FILE:LINE: table 'id' field: problem, in line order.
    assert result.stdout.splitlines() == [
        f"{bad}:3: events 'a' date: '2021-02-29' is not a real date: February 2021 has 28 days",
        f"{bad}:6: events 'a' type: 'atack' is not one of attack, battle, massacre, coup, "
        "coup-attempt, operation, withdrawal, accident, diplomacy, mandate, politics, armed-group, "
        "leader-killed, protest, humanitarian, report (did you mean 'attack'?)",
        f"{bad}:8: warning: events 'b' places: has no place; give the most precise one "
        "the sources support",
        f"{bad}:14: events 'b' actors: unknown actor 'wagnr'; did you mean 'wagner'?",
        f"{bad}:15: events 'b' sources: unknown source 'nope'",
    ]


def test_a_broken_data_file_is_one_sentence_with_exit_4(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.toml"
    bad.write_bytes(b"[[events]\nid = \xff")
    result = run("timeline", "--data", str(bad))
    assert result.exit_code == 4
    assert result.stderr.startswith(f"barkhane: {bad}: is not UTF-8 text")
    # A folder is a layer of every .toml below it: the broken file inside is named.
    folder = run("timeline", "--data", str(tmp_path))
    assert folder.exit_code == 4
    assert folder.stderr.startswith(f"barkhane: {bad}: is not UTF-8 text")
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("timeline", "--data", str(empty))
    assert nothing.exit_code == 4
    assert nothing.stderr == f"barkhane: bad data: {empty}: is a folder with no .toml files\n"


def test_a_data_folder_that_changes_while_read_is_a_read_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U28: `facts --data /tmp`, a folder whose files come and go, once said "cannot
    write the output (/tmp/...: No such file or directory)": Python 3.11's walk of a
    folder stops at a subfolder that goes away. A failure to read the data, said so."""
    gone = tmp_path / "gone"
    gone.mkdir()  # listed, then gone when the walk opens it
    scandir_fails_at(
        monkeypatch, gone, FileNotFoundError(2, "No such file or directory", str(gone))
    )
    result = run("facts", "--data", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr == (
        f"barkhane: {tmp_path}: cannot be read ({gone}: No such file or directory; "
        "it went away while the folder was read)\n"
    )


def test_an_integer_too_long_to_convert_is_bad_data_not_a_bug(run: Run, tmp_path: Path) -> None:
    """tomllib raises a plain ValueError (not TOMLDecodeError) for an integer of more
    digits than Python converts; it was reported as an internal error."""
    big = tmp_path / "big.toml"
    big.write_text("[meta]\nn = " + "9" * 5000 + "\n", encoding="utf-8")
    said = (
        f"{big}: is not valid TOML: Exceeds the limit (4300 digits) for integer string "
        "conversion: value has 5000 digits\n"
    )
    result = run("timeline", "--data", str(big))
    assert result.exit_code == 4 and result.stderr == "barkhane: " + said
    result = run("validate", str(big))  # its problems are its output; the count on stderr
    assert result.exit_code == 4 and result.stdout == said
    assert result.stderr.startswith("1 problem in 1 file")


def test_markdown_escapes_pipes_and_line_breaks(run: Run) -> None:
    result = run("timeline", "--format", "md", "--fields", "id,summary", "--search", "tab")
    assert result.stdout.splitlines() == [
        "| Id | Summary |",
        "|---|---|",
        "| timbuktu-falls | A line break inside. |",
    ]


def test_ics_is_read_by_the_icalendar_library(run: Run) -> None:
    icalendar = pytest.importorskip("icalendar")
    result = run("timeline", "--format", "ics")
    cal = icalendar.Calendar.from_ical(result.stdout)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 10
    day = events["coup-2020@barkhane"]
    assert (str(day.decoded("DTSTART")), str(day.decoded("DTEND"))) == ("2020-08-18", "2020-08-19")
    month = events["coup-2012@barkhane"]
    assert (str(month.decoded("DTSTART")), str(month.decoded("DTEND"))) == (
        "2012-03-01",
        "2012-04-01",
    )
    assert "Dated only to the month" in str(month["DESCRIPTION"])
    year = events["libya-collapse@barkhane"]
    assert (str(year.decoded("DTSTART")), str(year.decoded("DTEND"))) == (
        "2011-01-01",
        "2012-01-01",
    )
    assert "Disputed:" in str(events["ambassador-expelled@barkhane"]["DESCRIPTION"])


def test_timelinejs_shape(run: Run) -> None:
    doc = as_json(run("timeline", "--format", "timelinejs"))
    assert set(doc) == {"title", "events", "eras"}
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["coup-2012"]["start_date"] == {"year": 2012, "month": 3}
    assert by_id["libya-collapse"]["start_date"] == {"year": 2011}
    assert by_id["serval"]["end_date"] == {"year": 2014, "month": 7, "day": 15}
    assert by_id["serval"]["group"] == "operation"
    assert by_id["serval"]["text"]["headline"] == "Operation Serval"
    assert [e["text"]["headline"] for e in doc["eras"]] == ["Operation Serval", "Wagner in Mali"]


def test_calendar_formats_are_for_events_only(run: Run) -> None:
    result = run("actors", "--format", "ics")
    assert result.exit_code == 2
    assert "--format ics is not for actors; give table," in result.stderr


@pytest.mark.parametrize("command", ["timeline", "map"])
def test_a_tag_given_as_a_type_says_to_ask_for_the_tag(run: Run, command: str) -> None:
    """`--type election` was refused with only the list of types: elections are typed
    politics and tagged election. A word that is a tag, not a type, names the option."""
    result = run(command, "--type", "Libya")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("; 'Libya' is a tag: use --tag libya")
    assert run(command, "--type", "nothing").stderr.strip().endswith("humanitarian, report")
    assert run("timeline", "--tag", "libya", "--count").stdout == "1\n"


def test_a_search_for_a_place_name_says_how_to_ask_for_the_place(run: Run) -> None:
    """U8: `--search chinegodar` (an alias of Chinagodrar) missed the attack there, whose
    text spells it otherwise; the footer now says --place lists the place's events."""
    tty = terminal(160)
    result = run("timeline", "--search", "tombouctou", env=tty)
    shown = result.stdout + result.stderr  # a note under the table, or after "no events match"
    assert (
        "'tombouctou' is also Timbuktu: --place timbuktu lists its events, whatever words "
        "they use" in " ".join(shown.split())
    )
    partial = run("timeline", "--search", "tombouc", env=tty)
    assert "is also" not in partial.stdout + partial.stderr
    asked = run("timeline", "--search", "tombouctou", "--place", "timbuktu", env=tty)
    assert "is also" not in asked.stdout + asked.stderr  # not what --place already asks
    assert run("timeline", "--search", "tombouctou", "-f", "plain").stderr == ""


def test_a_search_matching_no_event_says_what_search_finds(run: Run) -> None:
    """U16: `timeline --search hammam` found nothing and said nothing, where `search
    hammam` found the sources an event cites. The fixture's words "Publisher A" are a
    source's only."""
    tty = terminal(100)
    out = run("timeline", "--search", "publisher", env=tty)
    assert (out.exit_code, out.stdout) == (0, "")
    assert out.stderr == (
        "no events match\n"
        "no event's text matches 'publisher'; 1 source matches: try barkhane search publisher\n"
    )
    assert "source\tref-a" in run("search", "publisher").stdout
    # piped, for a script: nothing on stderr, as the footer's notes
    piped = run("timeline", "--search", "publisher", "-f", "json")
    assert (piped.exit_code, piped.stdout, piped.stderr) == (0, "[]\n", "")
    # words found nowhere, and words of events the other filters leave out: no such line
    assert run("timeline", "--search", "zzqx", env=tty).stderr == "no events match\n"
    assert run("timeline", "--search", "regime", "--year", "2020", env=tty).stderr == (
        "no events match\n"
    )


def test_a_search_found_in_an_actors_alias_alone_says_what_search_finds(run: Run) -> None:
    """K36: `search` finds the events naming an actor by its aliases, which `--search`
    does not read: `--search lehbib` (al-Sahrawi's) said nothing, its note dropped as if
    the other filters had left those events out. The fixture's "Muslimeen" is a word of
    an alias of JNIM, which one event names."""
    out = run("timeline", "--search", "muslimeen", env=terminal(100))
    assert (out.exit_code, out.stdout) == (0, "")
    assert out.stderr == (
        "no events match\n"
        "no event's text matches 'muslimeen'; 1 actor and 1 event match: try barkhane search "
        "muslimeen\n"
    )


@pytest.mark.usefixtures("bundled")
def test_the_notes_after_no_events_match_wrap_at_words(run: Run) -> None:
    """U19 at 80 columns: `--search wagner --year 2012` printed its note in one line for
    the terminal to break, "whatever t" | "hey use"; notes under a table wrapped at words.
    Both now wrap at words to the terminal's width."""
    env = terminal(80)
    result = run("timeline", "--search", "wagner", "--year", "2012", "--no-pager", env=env)
    assert result.exit_code == 0
    assert result.stderr == (
        "no events match\n"
        "'wagner' is also Wagner Group: --actor wagner lists its events, whatever words\n"
        "they use\n"
    )


def test_a_count_of_a_search_matching_no_event_says_what_search_finds(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U19: `--search djazairess --count` on a terminal printed 0 and no word of the
    sources that match, which the table and `-f json` say. --count and --facet say it
    too, on a watched stderr (records.tell); stdout keeps the number alone."""
    told = watched(monkeypatch)
    hint = "no event's text matches 'publisher'; 1 source matches: try barkhane search publisher"
    assert run("timeline", "--search", "publisher", "--count").stdout == "0\n"
    assert told == [hint]
    told.clear()
    run("timeline", "--search", "publisher", "--facet", "year", "-f", "json")
    assert told == ["0 values; 0 events", hint]  # the facet's own count, then the hint
    told.clear()
    assert run("timeline", "--search", "zzqx", "--count").stdout == "0\n"
    assert told == []


def test_what_search_finds_wraps_at_words_on_a_narrow_terminal(run: Run) -> None:
    """U19 at 80 columns: the line saying what `search` finds broke "djaz" | "airess",
    left to the terminal to wrap. It wraps at words, as the notes under a table do."""
    tty = terminal(60)
    assert run("timeline", "--search", "publisher", env=tty).stderr == (
        "no events match\n"
        "no event's text matches 'publisher'; 1 source matches: try\n"
        "barkhane search publisher\n"
    )


AFTER_2030 = "2030 is after the record, which ends on 2022-11-09: its {} are the aftermath, shown with --aftermath"  # fmt: skip
BEFORE_1850 = "1850 is before the record, which starts in 2011: nothing to show but what began earlier"  # fmt: skip


@pytest.mark.parametrize(
    ("args", "err"),
    [
        (("timeline", "--year", "2030"), ["no events match", AFTER_2030.format("events")]),
        (("timeline", "--year", "1850"), ["no events match", BEFORE_1850]),
        # the fixture's aftermath event of 2023: the note, then how many it hides
        (
            ("timeline", "--year", "2023"),
            [
                "no events match",
                AFTER_2030.format("events").replace("2030", "2023"),
                "1 later event hidden; add --aftermath",
            ],
        ),
        (("facts", "--year", "2030"), ["no facts match", AFTER_2030.format("figures")]),
    ],
)
def test_a_list_of_a_window_outside_the_record_says_so_as_summary_does(
    run: Run, tty: dict[str, str], args: tuple[str, ...], err: list[str]
) -> None:
    """K37: `timeline --year 2030` on a terminal said only "no events match", where
    `summary` and `on` say the window is outside the record (meta.record_note); the
    exit code stays an empty result's, 0."""
    result = run(*args, env=tty)
    assert (result.exit_code, result.stdout, result.stderr.splitlines()) == (0, "", err)
    if args[0] == "timeline":  # summary's line, of its events and figures
        summary = run("summary", *args[1:], env=tty).stdout.splitlines()
        assert err[1].replace("its events are", "its events and figures are") in summary


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (("map", "--year", "2030"), AFTER_2030.format("events")),  # under the map
        (("chart", "--year", "2030"), AFTER_2030.format("events")),  # under the title
        (("chart", "troops", "--year", "2030"), AFTER_2030.format("figures")),
        (("chart", "fatalities", "--year", "1850"), BEFORE_1850),
    ],
)
def test_a_drawn_view_of_a_window_outside_the_record_says_so_in_it(
    run: Run, tty: dict[str, str], args: tuple[str, ...], note: str
) -> None:
    result = run(*args, env=tty)
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert note in lines
    if args[0] == "chart":
        assert lines.index(note) == 1


@pytest.mark.parametrize(
    ("args", "title", "note"),
    [
        (("--year", "2030"), "Events per year, 2030", AFTER_2030),
        (("fatalities", "--year", "1850", "--by", "month"),
         "Recorded fatalities per month, 1850", BEFORE_1850),
    ],
)  # fmt: skip
def test_a_chart_of_a_window_outside_the_record_draws_no_bar(
    run: Run, tty: dict[str, str], args: tuple[str, ...], title: str, note: str
) -> None:
    """K41: under its note, `chart --year 2030` drew "2030 0" and its caption, a bar
    read as a count of 2030; `--by month` twelve. Outside the record, the title and the
    note alone; its data formats, no bars; with --aftermath after the record, the
    aftermath's bars."""
    drawn = run("chart", *args, env=tty)
    assert (drawn.exit_code, drawn.stdout.splitlines(), drawn.stderr) == (
        0, [title, note.format("events")], ""
    )  # fmt: skip
    assert as_json(run("chart", *args, "-f", "json")) == []
    after = as_json(run("chart", "--year", "2023", "--aftermath", "-f", "json"))
    assert [(b["label"], b["value"]) for b in after] == [("2023", 1)]


def test_count_of_a_window_outside_the_record_says_so_on_a_watched_stderr(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = watched(monkeypatch, worked_out=True)
    result = run("timeline", "--year", "2030", "--count")
    assert (result.exit_code, result.stdout, told) == (0, "0\n", [AFTER_2030.format("events")])
    told.clear()
    assert run("timeline", "--year", "2020", "--count").stdout == "2\n"  # in the record
    assert told == []


def test_a_country_matching_no_event_says_how_many_name_it_as_an_actor(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U31: `--country mauritania --year 2022` printed "no events match" and nothing
    more, where `--actor mauritania` finds two events placed outside it. The fixture's
    arrival of Wagner (December 2021) names Mali and has no place."""
    out = run("timeline", "--country", "mali", "--year", "2021", env=terminal(120))
    assert (out.exit_code, out.stdout) == (0, "")
    assert out.stderr == (
        "no events match\n"
        "no event placed in Mali in 2021; 1 event involves it as an actor: try --actor mali\n"
    )
    since = run(
        "timeline", "--country", "mali", "--since", "2021-06", "--until", "2021", env=terminal(120)
    )
    assert since.stderr.splitlines()[1] == (
        "no event placed in Mali from 2021-06-01 to 2021-12-31; 1 event involves it as an "
        "actor: try --actor mali"
    )
    # another filter may be what left the events out: no such line
    typed = run(
        "timeline", "--country", "mali", "--year", "2021", "--type", "attack", env=terminal(120)
    )
    assert typed.stderr == "no events match\n"
    # piped, nothing on stderr; --count tells it on a watched stderr
    assert run("timeline", "--country", "mali", "--year", "2021", "-f", "json").stderr == ""
    told = watched(monkeypatch)
    assert run("timeline", "--country", "mali", "--year", "2021", "--count").stdout == "0\n"
    assert told == [
        "no event placed in Mali in 2021; 1 event involves it as an actor: try --actor mali"
    ]
