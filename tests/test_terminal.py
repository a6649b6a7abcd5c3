"""How the program behaves for a person at a terminal and for a pipe: errors, exits."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run, as_json, checked_record, rows

from barkhane_cli.cli.base import run as cli_run

ROOT = Path(__file__).parent.parent


def one_line_error(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli_run(list(args))
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err and "╭" not in captured.err
    return code, lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["timline"], "barkhane: no such command 'timline'; did you mean 'timeline'?"),
        (
            ["timeline", "--sinc", "2020"],
            "barkhane: no such option '--sinc'; did you mean '--since'?",
        ),
        # an option the command lacks, spelled like none of its own: what it takes, not
        # "did you mean '--until' or '--color'?", which share a letter or two (U21)
        (
            ["eras", "--country", "mali"],
            "barkhane: eras takes no --country; it takes --since, --until, --year, --format, "
            "--color, --export, --width or --data",
        ),
        (
            ["judgments", "--count"],
            "barkhane: judgments takes no --count; it takes --outcome, --forecast, --format, "
            "--color, --export, --width or --data",
        ),
        (
            ["chart", "--colour", "never"],
            "barkhane: no such option '--colour'; did you mean '--color'?",
        ),
        (["timeline", "--zzz"], "barkhane: no such option '--zzz'; see 'barkhane timeline --help'"),
        (["actor"], "barkhane: missing argument 'NAME'; see 'barkhane actor --help'"),
        (
            ["timeline", "--limit", "x"],
            "barkhane: --limit 'x': give a whole number, 0 or more",
        ),
        (
            ["timeline", "--since"],
            "barkhane: option '--since' requires an argument; see 'barkhane timeline --help'",
        ),
        (
            ["import", "acled", "x.csv"],
            "barkhane: missing option '--output'; see 'barkhane import acled --help'",
        ),
        (["import"], "barkhane: missing command; see 'barkhane import --help'"),
        # an option of the command given before it: Click said "no such option '--data'"
        # of an option every command takes (U19)
        (
            ["--data", "bad.toml", "timeline", "--count"],
            "barkhane: --data goes after the command: barkhane timeline --data bad.toml",
        ),
        (
            ["--data=my data.toml", "place", "gao"],
            "barkhane: --data goes after the command: barkhane place '--data=my data.toml'",
        ),
        (
            ["--count", "timeline"],
            "barkhane: --count goes after the command: barkhane timeline --count",
        ),
        (
            ["timeline", "extra"],
            "barkhane: got unexpected extra argument (extra); see 'barkhane timeline --help'",
        ),
    ],
)
def test_every_click_error_is_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    assert one_line_error(capsys, *args) == (2, expected)


def test_unknown_command_without_a_close_match_lists_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, line = one_line_error(capsys, "zzzz")
    assert code == 2
    assert line.startswith(
        "barkhane: no such command 'zzzz'; did you mean: barkhane search zzzz; commands are: "
    )
    assert "timeline" in line and "judgments" in line


def test_a_bare_word_not_a_command_points_to_search(capsys: pytest.CaptureFixture[str]) -> None:
    """U31: `barkhane mali` listed the commands and no more; a bare word is likely a name
    to look up, so the line says how (the words up to an option, quoted as one), exit 2 as
    before. A close command name keeps its suggestion; a subcommand's group lists its own."""
    code, line = one_line_error(capsys, "mali")
    assert (code, line.partition("; commands are: ")[0]) == (
        2,
        "barkhane: no such command 'mali'; did you mean: barkhane search mali",
    )
    code, line = one_line_error(capsys, "ansar", "dine", "--year", "2012")
    assert line.startswith(
        "barkhane: no such command 'ansar'; did you mean: barkhane search 'ansar dine'; "
    )
    assert one_line_error(capsys, "timelin") == (
        2,
        "barkhane: no such command 'timelin'; did you mean 'timeline'?",
    )
    assert one_line_error(capsys, "import", "foo") == (
        2,
        "barkhane: no such command 'foo'; commands are: acled, ucdp",
    )


def test_debug_works_after_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    # --debug is taken wherever it stands, so it is never an unknown option.
    assert cli_run(["timeline", "--debug", "--limit", "1", "--format", "plain"]) == 0
    assert cli_run(["--debug", "timeline", "--limit", "1", "--format", "plain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2


FORMATS = ["table", "plain", "tsv", "csv", "json", "jsonl", "md", "ics", "timelinejs"]


def test_a_reader_going_away_exits_zero_in_every_format(bundled: None) -> None:
    """`barkhane timeline -f X | head -n 1` ends quietly with 0, for every format.

    The reader's end is closed before the program writes, so every write hits a broken
    pipe, whatever the size of the output. All formats run at once to keep this quick.
    """
    env = dict(os.environ, TTY_COMPATIBLE="", COLUMNS="80")
    # The bundled record's store is in the run's cache (the fixture: built once a run), so
    # the runs do not all parse the TOML at once; a warm-up run here did that, a process.
    # 100 events: more than a write buffer (8 KiB) in every format (the table, the least,
    # 28 KiB), so a write fails during the run, not only the flush at exit; the whole
    # record drew 1,500 events that no write could take (ics: 1.06 s of CPU, now 0.23 s).
    procs = {}
    for fmt in FORMATS:
        cmd = [sys.executable, "-m", "barkhane_cli", "timeline", "-f", fmt, "--limit", "100"]
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
        )
        assert proc.stdout is not None
        proc.stdout.close()
        procs[fmt] = proc
    for fmt, proc in procs.items():
        _, err = proc.communicate(timeout=60)
        assert (fmt, proc.returncode, err.decode()) == (fmt, 0, "")


def test_table_into_head_through_a_shell_pipe(bundled: None) -> None:
    proc = subprocess.run(
        f"set -o pipefail; {sys.executable} -m barkhane_cli timeline -f table | head -n 1",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert len(proc.stdout.splitlines()) == 1


def test_limit_says_what_it_cut(run: Run, tty: dict[str, str]) -> None:
    total = len(run("timeline").stdout.splitlines())
    out = run("timeline", "--limit", "2", env=tty).stdout.rstrip().splitlines()
    assert out[-1].startswith(f"2 of {total} events (--limit 2)")


def test_hidden_aftermath_is_named(run: Run, tty: dict[str, str]) -> None:
    later = len(run("timeline", "--aftermath").stdout.splitlines()) - len(
        run("timeline").stdout.splitlines()
    )
    assert later > 0
    out = run("timeline", env=tty).stdout.rstrip().splitlines()
    noun = "event" if later == 1 else "events"
    assert out[-1].endswith(f"; {later} later {noun} hidden; add --aftermath")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "md"])
def test_event_prints_its_one_row_in_record_formats(run: Run, fmt: str) -> None:
    lines = run("event", "serval", "--format", fmt).stdout.splitlines()
    assert len(lines) == (3 if fmt == "md" else 2)
    assert "serval" in lines[-1]


def test_event_ics_is_one_vevent(run: Run) -> None:
    assert run("event", "serval", "--format", "ics").stdout.count("BEGIN:VEVENT") == 1


def test_piped_event_card_dates_are_iso(run: Run) -> None:
    dates = [r for r in rows(run("event", "serval")) if r[0] == "date"]
    assert len(dates) == 1 and re.fullmatch(r"\d{4}(-\d\d){0,2}(/\d{4}(-\d\d){0,2})?", dates[0][1])


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "less -FRX"),
        ({"PAGER": "more"}, "more"),
        ({"PAGER": "more", "BARKHANE_PAGER": "less -S"}, "less -S"),
        ({"PAGER": "more", "BARKHANE_PAGER": ""}, None),
        ({"PAGER": "cat"}, None),
    ],
)
def test_pager_choice(environ: dict[str, str], expected: str | None) -> None:
    from barkhane_cli.settings import Settings

    assert Settings.from_environ(environ).pager == expected


def test_no_pager_is_taken_anywhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_run(["timeline", "--no-pager", "-n", "1", "-f", "plain"]) == 0
    assert cli_run(["--no-pager", "timeline", "-n", "1", "-f", "plain"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "-t", "atack"], "unknown event type 'atack'; did you mean 'attack'?"),
        (
            ["actors", "--kind", "armed-grup"],
            "unknown kind 'armed-grup'; did you mean 'armed-group'?",
        ),
        (["facts", "--category", "troop"], "unknown category 'troop'; did you mean 'troops'?"),
        (["chart", "event"], "unknown chart 'event'; did you mean 'events'?"),
        (["chart", "--by", "yeer"], "unknown --by value 'yeer'; did you mean 'year'?"),
        (
            ["judgments", "--outcome", "partely"],
            "unknown outcome 'partely'; did you mean 'partly'?",
        ),
        (
            ["timeline", "--color", "allways"],
            "unknown colour mode 'allways'; did you mean 'always'?",
        ),
        (["timeline", "-f", "jsn"], "unknown format 'jsn'; did you mean 'json'?"),
        (["timeline", "--fields", "idd"], "unknown field 'idd' for events; did you mean 'id'?"),
    ],
)
def test_fixed_values_answer_a_typo_with_a_suggestion_and_the_list(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, line = one_line_error(capsys, *args)
    assert code == 2
    assert line.startswith(f"barkhane: {message} ")
    assert " are: " in line


# A format some view prints, asked of a view that does not print it: one rule and one
# message, naming the view and what it takes. summary -f csv said "unknown format 'csv'"
# where on -f csv said "--format csv is not for on" (U21), and others "is for events".
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["summary", "-f", "csv"], "--format csv is not for summary; give table, plain, json or jsonl"),
        (["on", "2020", "-f", "csv"], "--format csv is not for on; give table, plain, json, jsonl or geojson"),
        (["eras", "-f", "ICS"], "--format ics is not for eras; give table, plain, json, jsonl, csv, tsv or md"),
        (["actors", "-f", "ics"], "--format ics is not for actors; give table, plain, tsv, csv, json, jsonl or md"),
        (["sources", "-f", "geojson"], "--format geojson is not for sources; give table, plain, tsv, csv, json, jsonl, md, text, bibtex, csl-json or ris"),
        (["cite", "seed", "-f", "json"], "--format json is not for cite; give text, bibtex, csl-json or ris"),
        (["validate", "-f", "csv"], "--format csv is not for validate; give text or json"),
        (["timeline", "--count", "-f", "geojson"], "--format geojson is not for --count; give table, plain, tsv, csv, json, jsonl or md"),
    ],
)  # fmt: skip
def test_a_known_format_a_view_does_not_print_is_refused_one_way(
    run: Run, args: list[str], said: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"barkhane: {said}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "-t", "LEADER_KILLED"],
        ["actors", "--kind", "Armed_Group"],
        ["judgments", "--outcome", "did-not-happen"],
        ["chart", "TROOPS"],
        ["chart", "Fatalities", "--by", "Month"],
        ["timeline", "--color", "NEVER", "-f", "CSV", "--fields", "ID,Date"],
    ],
)
def test_fixed_values_take_any_case_and_the_kebab_form(run: Run, args: list[str]) -> None:
    result = run(*args, "-f", "json") if "-f" not in args else run(*args)
    assert result.exit_code == 0, result.stderr


def test_help_lists_only_the_formats_a_command_accepts(run: Run) -> None:
    env = {"COLUMNS": "200"}
    assert "timelinejs" in run("timeline", "--help", env=env).stdout
    assert "timelinejs" not in run("facts", "--help", env=env).stdout
    assert "csv" not in run("summary", "--help", env=env).stdout.split("--format")[1].split("\n")[0]
    assert "ics" not in run("eras", "--help", env=env).stdout.split("--format")[1].split("\n")[0]


@pytest.mark.parametrize("kind", ["event", "actor", "place", "fact", "source", "Actor"])
def test_every_skeleton_validates_as_it_is(
    run: Run, tmp_path: Path, kind: str, bundled: None
) -> None:
    # Over the bundled data, whose places (mali) and actors a skeleton may name.
    text = run("new", kind).stdout
    path = tmp_path / "new.toml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "[[sources]]" in text


def test_the_place_skeleton_names_its_country(
    run: Run, tmp_path: Path, sliced: Callable[..., Path]
) -> None:
    """`new place` shows the `country` field beside `within` (docs/data-format.md: one of
    them), and the skeleton with it in place of `within` is a place in Mali. Over a slice
    of the record (conftest.sliced) holding every country, what a `country` is read by
    (geo._country_index), not the record's ~13,700 entries."""
    record, _ = checked_record()
    sliced(*(p.id for p in record.places.values() if p.kind == "country"))
    text = run("new", "place").stdout
    country = (
        '# country = "Mali"         # or, in place of within: its country\'s English name or alias'
    )
    assert text.splitlines()[6:8] == [
        'within = "mali"            # the place that contains it: town in region in country',
        country,
    ]
    path = tmp_path / "new.toml"
    path.write_text(
        re.sub(r"^within = .*\n", "", text, flags=re.M).replace(country, 'country = "Mali"'),
        encoding="utf-8",
    )
    shown = run("place", "my-new-place", "--data", str(path), "-f", "json")
    assert shown.exit_code == 0, shown.stderr
    assert (as_json(shown)["within"], as_json(shown)["countries"]) == (None, ["mali"])


def test_tags_lists_each_tag_with_its_count(run: Run) -> None:
    listed = {r[0]: int(r[1]) for r in rows(run("tags"))}
    counted: dict[str, int] = {}
    for e in json.loads(run("timeline", "--format", "json").stdout):
        for t in e["tags"]:
            counted[t] = counted.get(t, 0) + 1
    assert listed == counted and listed
    assert list(listed.values()) == sorted(listed.values(), reverse=True)


def test_help_flows_is_grouped_and_gives_examples(run: Run) -> None:
    from barkhane_cli import model
    from barkhane_cli.cli.lazy import COMMANDS

    top = run("--help", env={"COLUMNS": "240"}).stdout
    # Groups in order, and a docstring's source line breaks do not show.
    assert top.index("Events") < top.index("Lookups") < top.index("Briefing") < top.index("Data")
    assert re.search(
        r"chart +Bars over the window: .* troops \(one force's strength\) or displacement", top
    )
    for name, command in COMMANDS.items():
        if command.examples:
            out = run(name, "--help", env={"COLUMNS": "240"}).stdout
            assert "Examples:" in out and command.examples[0] in out, name
    timeline = run("timeline", "--help", env={"COLUMNS": "240"}).stdout
    assert all(t in timeline for t in model.EVENT_TYPES)


@pytest.mark.parametrize("command", ["chart", "timeline", "map"])
def test_help_descriptions_are_readable_at_80_columns(run: Run, command: str) -> None:
    """U16, U17: at 80 columns the option names, negative flags and metavars took some 55
    columns and left descriptions about 20 characters a line (`chart --help` ran to 100
    lines). An option's names and metavar are now one column, wrapped within a third of
    the width, and nothing is lost: every name, negative flag and metavar is still said."""
    out = run(command, "--help", env={"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}).stdout
    rows = [line[2:-1].rstrip() for line in out.splitlines() if line.startswith("│ ")]
    # where each option's description begins: one column for all, within the first third
    named = [r for r in rows if r.startswith("--") and "  " in r]
    begins = {len(r) - len(r.split("  ", 1)[1].lstrip()) for r in named}
    assert len(begins) == 1 and begins.pop() <= 80 // 3 + 2, named  # and its gap
    assert any(
        r.startswith("--year YEAR ") and r.endswith("Only this year (with --since/--until: within")
        for r in rows
    ), rows
    # K41: a range is said in the help's words, not as Click's "[1<=x<=9999]" after it
    assert not [r for r in rows if "<=x<=" in r], rows
    assert any(r.startswith("--actor, -a TEXT ") for r in rows)
    assert any(r.startswith("--format, -f FORMAT ") for r in rows)
    # a negative flag under its flag, each whole
    flag = next(i for i, r in enumerate(rows) if r.startswith("--aftermath /"))
    assert rows[flag + 1].startswith("--no-aftermath "), rows[flag : flag + 2]
