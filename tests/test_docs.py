"""Docs that cannot drift: the CLI reference is generated from the code, the README's
exit codes are the enum's, and every example in the README, the docs it hands on to, and
--help runs."""

from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Run, as_json, cli, terminal, tool, watched

from barkhane_cli.cli.lazy import COMMANDS
from barkhane_cli.errors import exit_codes_markdown
from barkhane_cli.shapes import SETTLEMENT_KINDS

ROOT = Path(__file__).resolve().parent.parent
# The user's documents whose statements these tests hold to the program: the README, the
# front door, and the docs/ pages it hands the detail on to. A statement that moves from
# one to another stays checked; a page added here is checked like the README.
DOCS = ("README.md", "docs/guide.md", "docs/scripting.md", "docs/your-data.md", "docs/record.md")
FRONT_DOOR = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS_TEXT = "\n\n".join((ROOT / doc).read_text(encoding="utf-8") for doc in DOCS)
PROSE = " ".join(DOCS_TEXT.split())  # the docs as read: their line breaks are spaces
ACLED = ROOT / "tests" / "fixtures" / "acled" / "current.csv"
UCDP = ROOT / "tests" / "fixtures" / "ucdp" / "GEDEvent_v23_0_4.csv"


def test_cli_reference_is_generated_from_the_code() -> None:
    clidoc = tool("clidoc")
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == clidoc.generate(), (
        "docs/cli.md is out of date: run python tools/clidoc.py"
    )


def test_readme_exit_codes_are_the_enum() -> None:
    assert exit_codes_markdown() in FRONT_DOOR


def test_readme_sets_up_and_tests_as_ci_does() -> None:
    """The front door's two commands set up and run the tool, and its one test command is
    the one .ci/run calls: CI installs with the same constraints and runs the same line."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    blocks = re.findall(r"## Set up and run\n(.*?)\n## ", FRONT_DOOR, flags=re.S)
    assert len(blocks) == 1, "README: no one '## Set up and run' section"
    setup, tests = re.findall(r"```sh\n(.*?)```", blocks[0], flags=re.S)
    install, run_it = setup.splitlines()
    venv, pip = install.split(" && ")
    assert venv in ci  # python3 -m venv .venv
    assert pip.replace("pip install", "pip install -q") in ci  # quiet in CI, else the same
    assert run_it == ".venv/bin/barkhane timeline"
    assert tests.strip() in ci


def _readme_examples() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOCS_TEXT, flags=re.S)
    return [
        line.strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip().startswith("barkhane ") or line.strip() == "barkhane"
    ]


def _commands(line: str) -> list[tuple[list[str], str | None]]:
    """The barkhane runs of an example line: (arguments, file stdout goes to)."""
    runs: list[tuple[list[str], str | None]] = []
    for part in line.split("&&"):
        words = shlex.split(part, comments=True)
        target = None
        if ">" in words:
            at = words.index(">")
            words, target = words[:at], words[at + 1]
        assert words[0] == "barkhane", line
        runs.append((words[1:], target))
    return runs


EXAMPLES = sorted({*_readme_examples(), *(e for c in COMMANDS.values() for e in c.examples)})


def _distinct_runs(lines: list[str]) -> dict[str, list[str]]:
    """The examples by what they run, each run once: lines that differ only in their
    comment (`barkhane tags` and `barkhane tags   # every tag...`) run the same commands,
    and a line whose commands begin another's (`import acled ... -o acled.toml`, then
    `... && barkhane compare`) is run, and its exit code checked, by that longer line
    (each test starts in a fresh folder, so the same commands meet the same files).
    Key: the line run; value: every example line it stands for (in failure messages)."""
    runs = {line: _commands(line) for line in lines}
    kept: dict[str, list[str]] = {}
    for line in sorted(lines, key=lambda one: -len(runs[one])):  # the longest first
        mine = runs[line]
        cover = next((k for k in kept if runs[k][: len(mine)] == mine), None)
        if cover is None:
            kept[line] = [line]
        else:
            kept[cover].append(line)
    return dict(sorted(kept.items()))


RUNS = _distinct_runs(EXAMPLES)


def test_there_are_examples_to_run() -> None:
    assert len(EXAMPLES) > 40
    assert "barkhane facts troops" in EXAMPLES


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize("line", RUNS)
def test_every_readme_and_help_example_runs(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(ACLED, tmp_path / "export.csv")  # what `import acled export.csv` reads
    shutil.copy(UCDP, tmp_path / "GEDEvent_v23_1.csv")  # and `import ucdp` its example
    runner = CliRunner()
    if "mine.toml" in line:  # what `validate mine.toml` reads: a new entry's skeleton
        (tmp_path / "mine.toml").write_text(runner.invoke(cli(), ["new", "actor"]).stdout)
    for args, target in _commands(line):
        result = runner.invoke(
            cli(), args, prog_name="barkhane", env={"COLUMNS": "100"}, catch_exceptions=False
        )
        assert result.exit_code == 0, f"{RUNS[line]}: exit {result.exit_code}: {result.stderr}"
        if target is not None:
            (tmp_path / target).write_text(result.stdout, encoding="utf-8")


# How the README quotes what a command says: `COMMAND` → "what it says", `COMMAND`:
# "what it says" and For `COMMAND` that is "what it says". Only the arrow was read, so
# U20 found three quotes stale that no test had checked (`actor dicko`'s note, the
# djazairess count; a numeric date said to read one way, test below).
_SAYS = r"`([a-z][^`]*)`(?: →|:| that is) \"(.*?)\"(?=[.,;)\s])"


# And in a sentence about a command: `COMMAND` ..., its heading says what that is — "what
# it says". The arrow's pattern missed it, so chart displacement's quoted heading kept a
# full bar of 69,766 after the record's 89,000 (U21). The command is the paragraph's
# nearest before the quote.
_SAYS_IN_PROSE = r"\bsays [^.;\"`]*— \"(.*?)\"(?=[.,;)\s])"


def _command_before(at: int) -> str | None:
    """The last `COMMAND ...` code span before ``at`` in its paragraph."""
    paragraph = DOCS_TEXT[DOCS_TEXT.rfind("\n\n", 0, at) + 2 : at]
    spans = re.findall(r"`([a-z][^`]*)`", paragraph)
    return next((s for s in reversed(spans) if s.split()[0] in COMMANDS), None)


def _stated_outputs() -> list[tuple[str, str]]:
    """The README's `COMMAND` → "what it says" pairs (_SAYS, _SAYS_IN_PROSE), for the
    commands barkhane has: the text as stated, a "..." standing for what it leaves out."""
    pairs = re.findall(_SAYS, DOCS_TEXT, flags=re.S)
    for found in re.finditer(_SAYS_IN_PROSE, DOCS_TEXT, flags=re.S):
        command = _command_before(found.start())
        pairs += [(command, found.group(1))] if command else []
    return [(" ".join(args.split()), said) for args, said in pairs if args.split()[0] in COMMANDS]


def test_readme_states_outputs_to_check() -> None:
    stated = dict(_stated_outputs())
    assert {"event expeled", "event boulkesi", "event solhan", "on 1 June"} <= set(stated)
    assert {"timeline --search djazairess", "actor gaddafi", "actor dicko"} <= set(stated)
    assert "chart displacement" in stated  # its heading, quoted in prose


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize(("args", "said"), _stated_outputs())
def test_readme_stated_output_is_what_the_program_says(
    args: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README quotes what a command says (`event boulkesi` → "did you mean the 9
    events at Boulkessi?"); the data grew and the quotes went stale (U19). A note said
    only to a person watching stderr (records.tell) counts as said."""
    told = watched(monkeypatch, worked_out=True)
    said_by = []
    for env in ({}, terminal(120)):  # piped, and drawn (a chart's heading is drawn only)
        result = CliRunner().invoke(cli(), shlex.split(args), prog_name="barkhane", env=env)
        said_by.append(result.stdout + result.stderr)
    shown = " ".join((" ".join(said_by) + " ".join(told)).split())
    for part in said.split("..."):
        assert " ".join(part.split()) in shown, f"{args}: README says {said!r}; got {shown!r}"


# The README's tour shows what a command draws on a terminal 80 columns wide: a ```text
# block opening with `$ barkhane ARGS`, then the page as drawn without colour (each line's
# trailing blanks dropped), a last line `…` alone standing for the rest of the page.
_SHOWN = r"```text\n\$ barkhane (.*?)\n(.*?)```"


def test_readme_shows_outputs_to_check() -> None:
    shown = dict(re.findall(_SHOWN, FRONT_DOOR, flags=re.S))
    assert {"timeline --since 2013-01-11 --until 2013-01-11", "on 2020-08-18"} <= set(shown)


@pytest.mark.usefixtures("bundled")
@pytest.mark.parametrize(("args", "shown"), re.findall(_SHOWN, DOCS_TEXT, flags=re.S))
def test_readme_shown_output_is_what_the_program_draws(args: str, shown: str) -> None:
    """A page quoted whole, or its opening, goes stale as the record grows unless it is
    drawn again: it is the program's at 80 columns, line for line."""
    result = CliRunner().invoke(
        cli(), shlex.split(args), prog_name="barkhane", env=terminal(80), catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    drawn = [line.rstrip() for line in result.stdout.splitlines()]
    said = shown.splitlines()
    if said[-1] == "…":  # the page's opening
        said, drawn = said[:-1], drawn[: len(said) - 1]
    assert said == drawn, f"README shows for {args}:\n{shown}\nthe program draws:\n" + "\n".join(
        drawn
    )


@pytest.mark.usefixtures("bundled")
def test_readme_numeric_dates_read_as_it_says(run: Run) -> None:
    """README: numeric dates "such as `A` or `B` are read the one way they can be", and
    one "that reads both ways (`C`..." is refused. It gave 4.2.2022, which reads both ways
    and is refused (U20)."""
    one_way = re.search(r"Numeric dates such as (.*?) are read the one way", DOCS_TEXT, re.S)
    both = re.search(r"one that reads both ways \(`([^`]+)`", DOCS_TEXT)
    assert one_way is not None and both is not None
    for date in re.findall(r"`([^`]+)`", one_way.group(1)):
        result = run("on", date)
        assert result.exit_code == 0, f"README: {date} reads one way; got {result.stderr!r}"
    assert run("on", both.group(1)).exit_code == 2, both.group(1)


@pytest.mark.usefixtures("bundled")
def test_readme_says_what_sort_deaths_opens_with(run: Run) -> None:
    """README: `--sort -deaths` "otherwise opens with" … — it said Operation Bohoma Anger,
    second behind the fall of Tripoli (U19)."""
    assert "opens with the fall of Tripoli, 400–2,803 dead, then Operation Bohoma Anger" in PROSE
    top = as_json(run("timeline", "--sort", "-deaths", "-n", "2", "-f", "json"))
    assert [e["id"] for e in top] == ["fall-of-tripoli", "operation-bohoma-anger-2020"]
    # and the tolls it quotes: a range, then the army's dead and its claim of the others'
    low, high, soldiers, claimed = _readme_figures(
        r"the fall of Tripoli, ([\d,]+)–([\d,]+) dead, then Operation Bohoma Anger, (\d+) "
        r"Chadian soldiers and ([\d,]+) fighters by the army's count"
    )
    tripoli, bohoma = top
    assert (tripoli["fatalities_low"], tripoli["fatalities_high"]) == (_number(low), _number(high))
    assert (bohoma["fatalities_low"], bohoma["fatalities_high"]) == (
        _number(soldiers), _number(soldiers) + _number(claimed),
    )  # fmt: skip


def test_data_format_says_what_each_attribution_means() -> None:
    """The meanings are model.ATTRIBUTIONS' ("claimed" is "claimed or admitted by the
    perpetrator": Togo's army admitting a mistaken strike has not boasted of it)."""
    from barkhane_cli.model import ATTRIBUTIONS

    text = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `attribution` |"))
    for value, meaning in ATTRIBUTIONS.items():
        assert f"`{value}` ({meaning}" in row


def test_data_format_lists_the_qualifiers_with_their_meanings() -> None:
    """The qualifier row names model.QUALIFIERS' words, exactly and in order, each with
    the model's meaning: a word added, dropped or reworded in one place fails here."""
    from barkhane_cli.model import QUALIFIERS

    text = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `qualifier` |"))
    listed = row.split("One of ", 1)[1].split("; the words", 1)[0]
    found = re.findall(r"`([^`]+)` \(([^()]+)\)(?:, |$)", listed)
    assert ", ".join(f"`{w}` ({m})" for w, m in found) == listed, listed
    assert found == list(QUALIFIERS.items())


def _readme_figures(pattern: str) -> tuple[str, ...]:
    """The groups of the one place ``pattern`` matches in the README (PROSE)."""
    found = [m.groups() for m in re.finditer(pattern, PROSE)]
    assert len(found) == 1, f"README: {pattern!r} matches {len(found)} times, not once"
    return found[0]


def _number(text: str) -> int:
    return int(text.replace(",", ""))


@pytest.mark.usefixtures("bundled")
def test_readme_counts_from_the_data_are_the_programs(run: Run) -> None:
    """The README quotes counts the data gives, which move as the record grows: "(7 against
    34 for Diffa)" stayed after the record made them 8 and 36 (U23), and four more had gone
    stale with it (the phrase search, a facet pair, a map's title, Boulkessi's events)."""

    def count(*args: str) -> int:
        result = run("timeline", *args, "--count")
        assert result.exit_code == 0, result.stderr
        return int(result.stdout)

    town, region = _readme_figures(r"\((\d+) against (\d+) for Diffa\)")
    assert (count("--place", "diffa"), count("--place", "diffa-region")) == (
        int(town), int(region),
    )  # fmt: skip
    apart, whole = _readme_figures(r"\((\d+) events for the phrase's (\d+)\)")
    assert (count("--search", "peace agreement"), count("--search", '"peace agreement"')) == (
        int(apart), int(whole),
    )  # fmt: skip
    (pair,) = _readme_figures(r'\{"country": "mali", "country_name": "Mali", "year": 2020, '
                              r'"events": (\d+)\}')  # fmt: skip
    pairs = as_json(run("timeline", "--facet", "country", "--facet", "year", "-f", "json"))
    assert {"country": "mali", "country_name": "Mali", "year": 2020, "events": int(pair)} in pairs
    (title,) = _readme_figures(r"`(barkhane map: \d+ events?, 2018 \(in Burkina Faso; [^`]*\))`")
    drawn = run(
        "map", "--year", "2018", "--country", "burkina-faso", "--actor", "jnim",
        "--type", "attack", "-f", "table",
    )  # fmt: skip
    assert drawn.stdout.splitlines()[0] == title
    (said,) = _readme_figures(r"\"(Boulkessi has no point [^\"]*)\"")
    drawn = run("map", "--place", "boulkessi", "-f", "table")
    assert said in " ".join(drawn.stdout.split())
    # K45's `on 2021` quote: its "15 of the N of 2021" and "all N events of 2021"
    spread, listed = (
        _readme_figures(r"15 of the (\d+) of 2021"),
        _readme_figures(r"all (\d+) events of 2021"),
    )
    assert {int(n) for n in spread + listed} == {count("--since", "2021", "--until", "2021")}


@pytest.mark.usefixtures("bundled")
def test_readme_says_how_large_the_record_is(run: Run) -> None:
    """README, "The data": how many events (by year), entries of each table, located
    settlements and sources the record holds; data sessions add to them every round."""
    figures = _readme_figures(
        r"([\d,]+) events from 2011 to 9 November 2022 \((\d+) in 2011, at least (\d+) in "
        r"every year from 2012, most in 2020–2022\), (\d+) aftermath events, (\d+) actors, "
        r"([\d,]+) places \(countries, regions, areas, towns and villages: (\d+) of the (\d+) "
        r"settlements located [^)]*\), (\d+) numeric facts, (\d+) eras, (\d+) judgments and "
        r"about ([\d,]+) sources"
    )
    (events, in_2011, least, aftermath, actors, places, located, settlements, facts, eras,
     judgments, sources) = (_number(f) for f in figures)  # fmt: skip
    check = run("validate")
    assert check.exit_code == 0, check.stderr
    tables = {noun: int(n) for n, noun in re.findall(r"(\d+) ([a-z ]+?)s?(?:,|$)", check.stderr)}
    assert {k: tables[k] for k in ("event", "aftermath event", "actor", "place")} == {
        "event": events, "aftermath event": aftermath, "actor": actors, "place": places,
    }  # fmt: skip
    assert (tables["fact"], tables["era"], tables["judgment"]) == (facts, eras, judgments)
    assert round(tables["source"], -2) == sources  # "about"
    years = {
        row["year"]: row["events"]
        for row in as_json(run("timeline", "--facet", "year", "-f", "json"))
    }
    assert years[2011] == in_2011
    assert min(n for year, n in years.items() if year >= 2012) == least
    assert sorted(years, key=years.__getitem__)[-3:] == [2020, 2021, 2022]
    places = as_json(run("places", "-f", "json"))
    listed = [p for p in places if p["kind"] in SETTLEMENT_KINDS]
    assert (sum(p["lat"] is not None for p in listed), len(listed)) == (located, settlements)


def test_readme_states_one_rule_for_what_csv_keeps(run: Run, tmp_path: Path) -> None:
    """U23: README said CSV cells "are written exactly as they are, so they round-trip",
    and elsewhere that control characters come out as visible escapes (`\\x1b`). Every
    promise of a round trip now names that exception, and the program does as they say:
    quotes, separators and line breaks come back, an escape character as its escape."""
    promises = [
        s for s in re.split(r"(?<=[.;])\s", PROSE) if "round-trip" in s and "not round" not in s
    ]
    assert len(promises) >= 2
    assert all("control characters" in s for s in promises), promises
    data = tmp_path / "ctl.toml"
    data.write_text(
        '[[events]]\nid = "ctl-test"\ndate = "2019-05-10"\n'
        'title = "A \\"quoted\\", comma\\ttab and \\u001b[31mred"\n'
        'summary = "Line one\\nline two."\ntype = "attack"\nattribution = "unknown"\n'
        'places = ["timbuktu"]\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    for fmt, dialect in (("csv", "excel"), ("tsv", "excel-tab")):
        result = run("timeline", "--data", str(data), "-f", fmt, "--fields", "id,title,summary")
        assert result.exit_code == 0, result.stderr
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout), dialect=dialect)}
        assert (rows["ctl-test"]["title"], rows["ctl-test"]["summary"]) == (
            'A "quoted", comma\ttab and \\x1b[31mred',
            "Line one\nline two.",
        )


def test_data_format_names_the_worded_forms_validate_refuses() -> None:
    """PB2: the publisher row names the words validate refuses in a publisher, exactly,
    and the names declared to hold one: a word added or dropped in one place fails here."""
    from barkhane_cli.validate.publishers import CARRYING_WORDS, CITING_WORDS, NAMES_WITH_WORDS

    text = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `publisher` |"))
    *words, last = (*CARRYING_WORDS, *CITING_WORDS)
    assert f"refuses the words {', '.join(words)} and {last} in lower case" in row
    assert all(f"`{name}`" in row for name in NAMES_WITH_WORDS)
