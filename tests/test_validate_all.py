"""validate lists every problem in one run, where it is, for people and for CI (issue 14)."""

from __future__ import annotations

import csv
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, Run

from barkhane_cli.settings import ENV_VARS

SIX_MISTAKES = """\
[[events]]
id = "six"
date = "2021-02-30"
title = ""
summary = "Gunmen \\u001b]0;pwned\\u0007 attack."
type = "atack"
fatalities = -1
fatalities_low = 5
actors = "mali"
places = ["timbuktu"]
colour = "red"
sources = [{ id = "ref-a" }]

[[facts]]
id = "nan-fact"
label = "Troops"
value = nan
low = -inf
high = 3
unit = "troops"
as_of = "2020"
scope = "Mali"
category = "troops"
sources = [{ id = "ref-a" }]
"""


def test_every_problem_of_an_entry_in_one_run(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "six.toml"
    bad.write_text(SIX_MISTAKES, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 4
    assert result.stdout.splitlines() == [
        f"{bad}:3: events 'six' date: '2021-02-30' is not a real date: February 2021 has 28 days",
        f"{bad}:4: events 'six' title: is empty",
        f"{bad}:5: warning: events 'six' summary: holds control characters (first \\x1b at "
        "character 8); views show them escaped",
        f"{bad}:6: events 'six' type: 'atack' is not one of attack, battle, massacre, coup, "
        "coup-attempt, operation, withdrawal, accident, diplomacy, mandate, politics, armed-group, "
        "leader-killed, protest, humanitarian, report (did you mean 'attack'?)",
        f"{bad}:7: events 'six' fatalities: expected a whole number of 0 or more, got int -1",
        f"{bad}:9: events 'six' actors: expected a list of text, got str 'mali'",
        f"{bad}:11: events 'six' colour: unknown field",
        f"{bad}:17: facts 'nan-fact' value: expected a finite number, got nan",
        f"{bad}:18: facts 'nan-fact' low: expected a finite number, got -inf",
    ]
    # the count is of the files named, not of the bundled data loaded under them
    assert result.stderr.startswith("8 problems in 1 file")


def test_references_of_an_entry_with_field_errors_in_the_same_run(run: Run, tmp_path: Path) -> None:
    """Issue 25: a bad actor id behind a bad date used to show only once the date was fixed."""
    bad = tmp_path / "refs.toml"
    bad.write_text(
        '[[events]]\nid = "r"\ndate = "2021-13-01"\ntitle = "R"\nsummary = "S"\n'
        'type = "attack"\nactors = ["wagnr"]\nplaces = ["timbuctoo"]\n'
        'perpetrators = ["wagner"]\nattribution = "claimed"\nsources = [{ id = "nope" }]\n\n'
        '[[places]]\nid = "p"\nname = "P"\nkind = "villge"\nwithin = "mali-nowhere"\n'
        'sources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.exit_code == 4
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:3: events 'r' date: '2021-13-01'")
    assert f"{bad}:7: events 'r' actors: unknown actor 'wagnr'; did you mean 'wagner'?" in lines
    assert any(
        line.startswith(f"{bad}:8: events 'r' places: unknown place 'timbuctoo'") for line in lines
    )
    assert f"{bad}:11: events 'r' sources: unknown source 'nope'" in lines
    assert any(line.startswith(f"{bad}:16: places 'p' kind: 'villge'") for line in lines)
    assert any(
        line.startswith(f"{bad}:17: places 'p' within: unknown place 'mali-nowhere'")
        for line in lines
    )


def test_json_for_ci(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "six.toml"
    bad.write_text(SIX_MISTAKES, encoding="utf-8")
    result = run("validate", str(bad), "--format", "json")
    assert result.exit_code == 4
    rows = json.loads(result.stdout)
    assert rows[0] == {
        "file": str(bad), "line": 3, "column": None, "table": "events", "id": "six",
        "field": "date", "message": "'2021-02-30' is not a real date: February 2021 has 28 days",
        "severity": "error",
    }  # fmt: skip
    assert [r["severity"] for r in rows].count("warning") == 1
    assert {r["field"] for r in rows if r["id"] == "nan-fact"} == {"value", "low"}


def test_a_toml_syntax_error_says_its_line_and_column(run: Run, tmp_path: Path) -> None:
    """U21: `validate broken.toml -f json` gave "line": null, the line only inside the
    message, and the text form was not FILE:LINE: as CI annotations read it."""
    broken = tmp_path / "broken.toml"
    broken.write_text('[[events]]\nid = "x"\ndate = "2020"\ntitle = "cut\n', encoding="utf-8")
    ended = tmp_path / "ended.toml"
    ended.write_text('[[events]]\nid = "x"\ndate = ', encoding="utf-8")
    result = run("validate", str(broken), str(ended), "-f", "json")
    assert result.exit_code == 4
    message = "is not valid TOML: Illegal character '\\n' (at line 4, column 13)"
    assert json.loads(result.stdout) == [
        {"file": str(broken), "line": 4, "column": 13, "table": None, "id": None,
         "field": None, "message": message, "severity": "error"},
        {"file": str(ended), "line": 3, "column": None, "table": None, "id": None,
         "field": None, "message": "is not valid TOML: Invalid value (at end of document)",
         "severity": "error"},
    ]  # fmt: skip
    text = run("validate", str(broken)).stdout.splitlines()
    assert text == [f"{broken}:4: {message}"]


def test_an_error_at_the_end_is_on_the_last_line_as_editors_count_them(
    run: Run, tmp_path: Path
) -> None:
    """A line separator (U+2028) in a comment is not a line end to TOML or an editor;
    str.splitlines counted it, and the end of this file was said to be on line 5."""
    ended = tmp_path / "ended.toml"
    ended.write_text('# one\u2028rule\n[[events]]\nid = "x"\ndate = ', encoding="utf-8")
    result = run("validate", str(ended), "-f", "json")
    assert result.exit_code == 4
    assert [(r["line"], r["column"]) for r in json.loads(result.stdout)] == [(4, None)]


# barkhane run as its console script is, with tomli not importable (a checkout run
# without installing it): barkhane_cli.toml falls back to the stdlib's tomllib.
WITHOUT_TOMLI = """
import sys
sys.modules["tomli"] = None
sys.argv[0] = "barkhane"
from barkhane_cli.entry import main
main()
"""


def test_without_tomli_a_syntax_error_still_says_its_line(tmp_path: Path) -> None:
    """K62 read the position from tomli's lineno and colno, which tomllib's errors lack
    before Python 3.14: without tomli every command failed as an internal error."""
    broken = tmp_path / "broken.toml"
    broken.write_text('[[events]]\nid = "x"\ndate = "2020"\ntitle = "cut\n', encoding="utf-8")
    ended = tmp_path / "ended.toml"
    ended.write_text('[[events]]\nid = "x"\ndate = ', encoding="utf-8")
    args = ["validate", "--alone", "-f", "json", str(broken), str(ended)]
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS} | {"BARKHANE_CACHE": "0"}
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_TOMLI, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 4, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["file"], r["line"], r["column"]) for r in rows] == [
        (str(broken), 4, 13),
        (str(ended), 3, None),
    ]
    assert rows[1]["message"] == "is not valid TOML: Invalid value (at end of document)"


def test_goes_on_past_an_unreadable_file(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "six.toml"
    bad.write_text(SIX_MISTAKES, encoding="utf-8")
    missing = tmp_path / "missing.toml"
    result = run("validate", str(missing), "/dev/zero", str(bad))
    assert result.exit_code == 4
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"{missing}: no such data file",
        "/dev/zero: is not a regular file (give a file, or - for stdin)",
    ]
    assert f"{bad}:4: events 'six' title: is empty" in lines


def test_a_byte_that_is_not_utf8_is_placed_by_line_and_column(run: Run, tmp_path: Path) -> None:
    # K66: "bad byte at offset 5001256" in a file of one long line: no editor goes there
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'[[sources]]\nid = "x"\ntitle = "\xc3\xa9t\xe9"\n')
    said = "is not UTF-8 text (byte 0xe9 at line 3, column 12; save it as UTF-8)"
    result = run("validate", str(bad), "-f", "json")
    assert result.exit_code == 4
    [problem] = json.loads(result.stdout)
    assert (problem["line"], problem["column"], problem["message"]) == (3, 12, said)
    loading = run("timeline", "--data", str(bad))
    assert (loading.exit_code, loading.stderr) == (4, f"barkhane: {bad}: {said}\n")


def test_a_bad_bytes_line_is_counted_as_toml_counts_lines(run: Run, tmp_path: Path) -> None:
    """At a line feed only, as tomllib places every other problem: a lone carriage return
    (an old Mac editor's) is no line of its own to TOML, so the bad byte's line is not
    one more for each (it was, from bytes.splitlines, since U31)."""
    bad = tmp_path / "mac.toml"
    bad.write_bytes(b'[[sources]]\r# a note\rid = "x"\ntitle = "t\xe9"\n')
    said = "is not UTF-8 text (byte 0xe9 at line 2, column 11; save it as UTF-8)"
    result = run("validate", str(bad), "-f", "json")
    assert result.exit_code == 4
    [problem] = json.loads(result.stdout)
    assert (problem["line"], problem["column"], problem["message"]) == (2, 11, said)


def test_a_clean_file_is_ok(run: Run, tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[[sources]]\nid = "x"\ntitle = "T"\npublisher = "P"\nkind = "news"\n')
    result = run("validate", str(good), "-f", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_an_id_used_twice_is_placed_at_its_second_entry(run: Run, tmp_path: Path) -> None:
    # K66: the line was the first entry's, the one that is right, so an editor jumped
    # past the duplicate
    one = _source("x", "https://example.org/a", "2020")
    data = tmp_path / "dup.toml"
    data.write_text(one + _source("y", "https://example.org/b", "2020") + one)
    result = run("validate", str(data))
    assert (result.exit_code, result.stdout) == (
        4,
        f"{data}:18: sources 'x' id: is used twice (this file)\n",
    )


def _source(ident: str, url: str, date: str, kind: str = "news") -> str:
    return (
        f'[[sources]]\nid = "{ident}"\ntitle = "T"\npublisher = "P"\nkind = "{kind}"\n'
        f'date = "{date}"\nurl = "{url}"\n\n'
    )


def test_one_page_recorded_twice_is_named(run: Run, tmp_path: Path) -> None:
    # Session 8 found 28 pages recorded twice by helpers reading them on different days:
    # scheme, www. and a trailing slash do not make another page; a document of another
    # date at the same address (a dataset holding several decisions) or of another kind
    # (a news feed's item and the UN release at its address) is not the same source.
    data = tmp_path / "dup.toml"
    data.write_text(
        _source("a-page", "http://www.example.org/story/", "2021-03-30")
        + _source("b-page", "https://example.org/story", "2021-03-31")
        + _source("c-decision-2013", "https://dataverse.example/ds", "2013-02-18", "official")
        + _source("d-decision-2018", "https://dataverse.example/ds", "2018-05-14", "official")
        + _source("e-release", "https://example.org/story", "2021-03-30", "un-document"),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{data}:15: warning: sources 'b-page' url: records the same page as 'a-page' "
        "(same address, kind and date): cite 'a-page' and drop this one"
    ]
    assert result.stderr.endswith(" (1 warning)\n")  # not "(1 warnings)" (U19)
    two = tmp_path / "two.toml"
    two.write_text(data.read_text() + _source("f-page", "https://example.org/story/", "2021-03-30"))
    assert run("validate", str(two)).stderr.endswith(" (2 warnings)\n")


def test_a_source_url_that_is_no_web_address_is_a_problem(run: Run, tmp_path: Path) -> None:
    """K37: `url = "javascript:alert(1)"` was "ok", and `source ID` showed it for a reader
    to open. An address is http or https with a host; none (empty or absent) is none."""
    hostile = tmp_path / "hostile-urls.toml"
    hostile.write_text(
        _source("a-script", "javascript:alert(1)", "2021-03-30")
        + _source("b-data", "data:text/html,<script>alert(1)</script>", "2021-03-30")
        + _source("c-no-host", "https://", "2021-03-30")
        + _source("d-file", "file:///etc/passwd", "2021-03-30")
        + _source("e-none", "", "2021-03-30")
        + _source("f-caps", "HTTPS://Example.org/page", "2021-03-30"),
        encoding="utf-8",
    )
    result = run("validate", str(hostile))
    assert result.exit_code == 4
    advice = "is not a web address: give the page's http:// or https:// address, or no url"
    assert result.stdout.splitlines() == [
        f"{hostile}:7: sources 'a-script' url: 'javascript:alert(1)' {advice}",
        f"{hostile}:15: sources 'b-data' url: 'data:text/html,<script>alert(1)</script>' {advice}",
        f"{hostile}:23: sources 'c-no-host' url: 'https://' {advice}",
        f"{hostile}:31: sources 'd-file' url: 'file:///etc/passwd' {advice}",
    ]
    assert result.stderr.startswith("4 problems in 1 file")
    shown = run("source", "a-script", "--data", str(hostile))
    assert (shown.exit_code, shown.stdout) == (4, "")


def test_an_id_too_long_for_a_table_is_a_warning_and_the_file_loads(
    run: Run, tmp_path: Path
) -> None:
    """U21: an 80-column table split ids over 62 characters across two lines (40 bundled
    source ids). validate says so, and a user's file with one still loads."""
    longest = "publisher-2020-03-" + "w" * 44  # 62: whole in an 80-column table
    longer = longest + "x"
    data = tmp_path / "long.toml"
    data.write_text(
        _source(longest, "https://example.org/a", "2020-03")
        + _source(longer, "https://example.org/b", "2020-03"),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert (result.exit_code, result.stdout.splitlines()) == (
        0,
        [
            f"{data}:10: warning: sources '{longer}' id: is 63 characters long, over 62: an "
            "80-column table splits it across lines; shorten it"
        ],
    )
    assert run("source", longer, "--data", str(data)).exit_code == 0


def test_an_eras_short_name_the_chart_would_cut_is_a_warning_and_the_file_loads(
    run: Run, tmp_path: Path
) -> None:
    """K38: an era's short name is what the eras chart shows where its name would be cut
    at 80 columns (34 cells); a short name longer than that is cut there too."""
    era = (
        '[[eras]]\nid = "{id}"\nname = "Presidency of Blaise Compaoré in Burkina Faso"\n'
        'short = "{short}"\nstart = "1987-10-15"\nend = "2014-10-31"\nkind = "government"\n'
        'description = "D."\nsources = [{{ id = "s" }}]\n\n'
    )
    fits, cut = "Presidency: Compaoré, Burkina Faso", "Presidency: Compaoré, Burkina Faso."
    data = tmp_path / "eras.toml"
    data.write_text(
        _source("s", "https://example.org/a", "2020-03")
        + era.format(id="fits", short=fits)
        + era.format(id="cut", short=cut),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert (len(fits), result.exit_code, result.stdout.splitlines()) == (
        34,
        0,
        [
            f"{data}:22: warning: eras 'cut' short: is 35 characters long, over 34: the eras "
            "chart cuts it at 80 columns; shorten it"
        ],
    )
    shown = json.loads(run("eras", "--data", str(data), "-f", "json").stdout)
    assert {e["id"]: e["short"] for e in shown if e["id"] in ("fits", "cut")} == {
        "fits": fits,
        "cut": cut,
    }


def _refused_on_load(run: Run, data: Path, event: str, first: str, more: int) -> None:
    """A command loading ``data`` (cite ``event``) prints nothing and names its first
    problem, and how many more validate lists."""
    loading = run("cite", event, "--data", str(data))
    assert (loading.exit_code, loading.stdout, loading.stderr) == (
        4,
        "",
        f"barkhane: bad data: {data}: {first} (and {more} more: barkhane validate "
        f"{shlex.quote(str(data))} lists them all)\n",
    )


# A source by its id and publisher, the rest fixed (the publisher and via rules' tests).
PUBLISHED = '[[sources]]\nid = "{}"\ntitle = "T"\npublisher = "{}"\nkind = "news"\n\n'
# The same with the site it was read on.
READ_ON = '[[sources]]\nid = "{}"\ntitle = "T"\npublisher = "{}"\nkind = "news"\nvia = "{}"\n\n'
# An event by its id and the sources it cites (a TOML array): what `cite` asks for.
CITING = (
    '[[events]]\nid = "{}"\ndate = "2021"\ntitle = "T"\nsummary = "S."\n'
    'type = "humanitarian"\nplaces = ["bamako"]\nsources = {}\n'
)


def test_a_publisher_naming_the_site_it_was_read_on_is_refused(run: Run, tmp_path: Path) -> None:
    """K40: "UNHCR (via ReliefWeb)" as a publisher is what every citation export gave as
    the publisher; the site read on is a source's via. An agency credit ("Jeune Afrique
    (AFP)": the outlet ran the dispatch) is a publisher, as is a `via` given apart."""
    data = tmp_path / "via.toml"
    data.write_text(
        PUBLISHED.format("unhcr-factsheet", "UNHCR (via ReliefWeb)")
        + PUBLISHED.format("elwatan-afp", "El Watan (via Djazairess) / AFP")
        + PUBLISHED.format("ja-afp", "Jeune Afrique (AFP)")
        + READ_ON.format("unhcr-read", "UNHCR", "ReliefWeb")
        + CITING.format("cites-them", '[{ id = "unhcr-factsheet" }, { id = "elwatan-afp" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    # one line each, and none for the event citing them: the sources are still known
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'unhcr-factsheet' publisher: names the site the page was read "
            'on; write publisher = "UNHCR" and via = "ReliefWeb"',
            f"{data}:10: sources 'elwatan-afp' publisher: names the site the page was read on; "
            'write publisher = "El Watan / AFP" and via = "Djazairess"',
        ],
    )
    _refused_on_load(
        run,
        data,
        "cites-them",
        "source 'unhcr-factsheet', field 'publisher': names the site the page was read on; "
        'write publisher = "UNHCR" and via = "ReliefWeb"',
        1,
    )


def test_a_publisher_saying_the_page_was_a_copy_is_refused(run: Run, tmp_path: Path) -> None:
    """K43: "UNHCR (copy on Docslib)", "WikiMili (mirror of English Wikipedia)" gave every
    citation export the copy as the publisher, as "(via " did (K40). Where the bracket
    names the site the advice is exact; where it describes one ("another site"), or the
    writer is in the words ("mirror of English Wikipedia"), it says what goes where.
    Names holding the words in capitals are publishers: Milford Mirror, AP Archive."""
    data = tmp_path / "copies.toml"
    data.write_text(
        PUBLISHED.format("docslib", "UNHCR (copy on Docslib)")
        + PUBLISHED.format("wikimili", "WikiMili (mirror of English Wikipedia)")
        + PUBLISHED.format("elsewhere", "Jeune Afrique (copy on another site)")
        + PUBLISHED.format("nizkor", "Equipo Nizkor (reprinting The Long War Journal)")
        + PUBLISHED.format("archived", "Ministère des Armées (France), archived brief")
        + PUBLISHED.format("milford", "Milford Mirror (AP)")
        + PUBLISHED.format("ap-archive", "AP Archive")
        + PUBLISHED.format("reporters", "Reporters (Algeria)")
        + CITING.format("cites-it", '[{ id = "docslib" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    copy = "sources '{}' publisher: says the page was a copy, mirror or reprint; write "
    anyhow = 'who wrote it as the publisher and the site as via = "..."'
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: " + copy.format("docslib") + 'publisher = "UNHCR" and via = "Docslib"',
            f"{data}:10: " + copy.format("wikimili") + anyhow,
            f"{data}:16: " + copy.format("elsewhere") + anyhow,
            f"{data}:22: " + copy.format("nizkor") + anyhow,
            f"{data}:28: " + copy.format("archived") + anyhow,
        ],
    )
    _refused_on_load(
        run,
        data,
        "cites-it",
        "source 'docslib', field 'publisher': says the page was a copy, mirror or reprint; "
        'write publisher = "UNHCR" and via = "Docslib"',
        4,
    )


def test_a_publishers_split_is_given_only_where_validate_takes_it(run: Run, tmp_path: Path) -> None:
    """RR32: the exact split told "UNHCR (via a mirror)" to write via = "a mirror", which
    the via rule refuses, and "UNHCR (copy on Docslib) (via ReliefWeb)" to write publisher
    = "UNHCR (copy on Docslib)", which the publisher rule refuses: where a half of the
    split would be refused in turn, the advice says what goes where instead."""
    data = tmp_path / "splits.toml"
    data.write_text(
        PUBLISHED.format("via-mirror", "UNHCR (via a mirror)")
        + PUBLISHED.format("two-copies", "UNHCR (copy on Docslib) (via ReliefWeb)"),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    anyhow = 'write who wrote it as the publisher and the site as via = "..."'
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'via-mirror' publisher: names the site the page was read on; "
            + anyhow,
            f"{data}:10: sources 'two-copies' publisher: names the site the page was read on; "
            + anyhow,
        ],
    )


def test_a_publisher_refused_twice_over_is_told_once_what_passes(run: Run, tmp_path: Path) -> None:
    """RR33: "AP (copy on Docslib)" was told twice over, once to write publisher = "AP",
    which the one-name rule refuses, then to write "Associated Press (copy on Docslib)",
    which the copy rule refuses. One line a field, and a split names what validate takes:
    the record's name for the writer ("Associated Press") and for the site ("aBamako");
    a copy's edition too ("Wikipédia (old revision)" is "Wikipedia (French)")."""
    data = tmp_path / "twice.toml"
    data.write_text(
        PUBLISHED.format("ap-docslib", "AP (copy on Docslib)")
        + PUBLISHED.format("via-abamako", "UNHCR (via abamako.com)")
        + PUBLISHED.format("old-wikipedia", "Wikipédia (old revision)"),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'ap-docslib' publisher: says the page was a copy, mirror or "
            'reprint; write publisher = "Associated Press" and via = "Docslib"',
            f"{data}:10: sources 'via-abamako' publisher: names the site the page was read "
            'on; write publisher = "UNHCR" and via = "aBamako"',
            f"{data}:16: sources 'old-wikipedia' publisher: names the revision or rendering "
            'read, which goes in note; write publisher = "Wikipedia (French)"',
        ],
    )


def test_a_via_describing_the_copy_is_refused(run: Run, tmp_path: Path) -> None:
    """K44: K43 replaced 46 vias such as "a mirror", "an RSS aggregator copy" and "blog
    repost" by the sites they meant; nothing stopped them coming back. A via opening with
    an article is a site's name unless it describes the copy ("the Samasamp blog"), as the
    record's "The Straits Times", "the Web Archive" and "the UNHCR data portal" are; a
    host holding the word ("samasamp.blogspot.com") and a name in capitals are sites."""
    data = tmp_path / "vias.toml"
    vias = {
        "mirror": "a mirror",
        "aggregator": "an RSS aggregator copy",
        "blog": "the Samasamp blog",
        "repost": "blog repost",
        "proxy": "A proxy",
        "copied": "a copied page",  # RR32: the publisher rule's forms of the words too
        "straits": "The Straits Times",
        "web-archive": "the Web Archive",
        "portal": "the UNHCR data portal",
        "host": "samasamp.blogspot.com",
        "daily-blog": "The Daily Blog",
    }
    data.write_text(
        "".join(READ_ON.format(ident, "P", via) for ident, via in vias.items())
        + CITING.format("cites-it", '[{ id = "mirror" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    said = "describes the copy, not the site it was read on; write the site's name or address "
    said += 'as via = "..."'
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:{line}: sources '{ident}' via: {said}"
            for line, ident in ((6, "mirror"), (13, "aggregator"), (20, "blog"), (27, "repost"),
                                (34, "proxy"), (41, "copied"))
        ],
    )  # fmt: skip
    _refused_on_load(run, data, "cites-it", f"source 'mirror', field 'via': {said}", 5)


def test_another_name_for_a_publisher_is_refused(run: Run, tmp_path: Path) -> None:
    """K46: citation managers file a source under its publisher and `sources` counts
    them, so "Agence France-Presse" beside "AFP" was two publishers. A declared alias is
    refused with the name to write; a Wikipedia edition is the one its own address
    serves ("Wikipédia" on de.m.wikipedia.org is German, not the alias's French). Other
    names holding an alias pass: an outlet printing an agency's text, "AP Archive",
    "Associated Press of Pakistan"; so do a mirror's and an unknown edition's."""
    data = tmp_path / "aliases.toml"
    source = '[[sources]]\nid = "{}"\ntitle = "T"\npublisher = "{}"\nkind = "news"\nurl = "{}"\n\n'
    page = "https://{}/wiki/{}"
    published = {
        "afp": ("Agence France-Presse", "https://www.afp.com/fr/mali"),
        "ap": ("AP", "https://apnews.com/mali"),
        "frwiki": ("Wikipedia", page.format("fr.wikipedia.org", "Gao")),
        "dewiki-mobile": ("Wikipédia", page.format("de.m.wikipedia.org", "Gao")),
        "enwiki": ("Wikipedia (French)", page.format("en.wikipedia.org", "Gao")),
        "english": ("Wikipedia (English)", page.format("en.wikipedia.org", "Kidal")),
        "ja-afp": ("Jeune Afrique (AFP)", "https://www.jeuneafrique.com/mali"),
        "yahoo-ap": ("Yahoo News (AP)", "https://news.yahoo.com/mali"),
        "ap-archive": ("AP Archive", "https://www.aparchive.com/mali"),
        "app": ("Associated Press of Pakistan", "https://www.app.com.pk/mali"),
        "frwiki-ok": ("Wikipedia (French)", page.format("fr.wikipedia.org", "Kidal")),
        "mirror": ("Wikipedia", "https://wikimili.com/en/Gao"),
        "simple": ("Wikipedia", page.format("simple.wikipedia.org", "Gao")),
        # RR33: the alias as an outlet, its bracket the edition, passed as a name apart
        "dewiki-accent": ("Wikipédia (German)", page.format("de.wikipedia.org", "Gao")),
        # K48: the host's trailing dot was echoed, "the url's fr.wikipedia.org.;"
        "frwiki-dot": ("Wikipedia", page.format("fr.wikipedia.org.", "Kidal")),
    }
    data.write_text(
        "".join(source.format(ident, *named) for ident, named in published.items())
        + CITING.format("cites-it", '[{ id = "afp" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'afp' publisher: \"Agence France-Presse\" is another name for "
            'AFP; write publisher = "AFP"',
            f"{data}:11: sources 'ap' publisher: \"AP\" is another name for Associated Press; "
            'write publisher = "Associated Press"',
            f"{data}:18: sources 'frwiki' publisher: \"Wikipedia\" disagrees with the url's "
            'fr.wikipedia.org; write publisher = "Wikipedia (French)"',
            f"{data}:25: sources 'dewiki-mobile' publisher: \"Wikipédia\" disagrees with the "
            'url\'s de.m.wikipedia.org; write publisher = "Wikipedia (German)"',
            f"{data}:32: sources 'enwiki' publisher: \"Wikipedia (French)\" disagrees with the "
            'url\'s en.wikipedia.org; write publisher = "Wikipedia"',
            f"{data}:39: sources 'english' publisher: \"Wikipedia (English)\" is another name "
            'for Wikipedia; write publisher = "Wikipedia"',
            f"{data}:95: sources 'dewiki-accent' publisher: \"Wikipédia (German)\" is another "
            'name for Wikipedia (German); write publisher = "Wikipedia (German)"',
            f"{data}:102: sources 'frwiki-dot' publisher: \"Wikipedia\" disagrees with the "
            'url\'s fr.wikipedia.org; write publisher = "Wikipedia (French)"',
        ],
    )
    _refused_on_load(
        run,
        data,
        "cites-it",
        "source 'afp', field 'publisher': \"Agence France-Presse\" is another name for AFP; "
        'write publisher = "AFP"',
        7,
    )


def test_a_publisher_naming_the_wikipedia_copied_or_a_revision_is_refused(
    run: Run, tmp_path: Path
) -> None:
    """K47: "Wikiwand (French Wikipedia)", "Kiddle (from Wikipedia)" and "Wikipedia (old
    revision)" gave every citation export the copy, or which copy, as the publisher. The
    edition is the publisher and the site the via where the bracket names both; a
    revision or rendering goes in note. Wikipedia's own names pass, "Simple English
    Wikipedia" among them."""
    data = tmp_path / "wikipedias.toml"
    published = {
        "wikiwand": "Wikiwand (French Wikipedia)",
        "tripomatic": "Tripomatic (from Italian Wikipedia)",
        "wikimili": "WikiMili (English Wikipedia)",
        "kiddle": "Kiddle (from Wikipedia)",
        "triplydb": "TriplyDB (DBpedia, from English Wikipedia)",
        "old": "Wikipedia (old revision)",
        "revision": "Wikipedia (revision of 7 September 2024)",
        "rendering": "Wikipedia (French rendering)",
        "simple": "Simple English Wikipedia",
        "french": "Wikipedia (French)",
        "wikinews": "Wikinews",
        "wikipedie": "Wikiwand (Wikipédia)",  # RR33: the alias's accent passed
    }
    data.write_text(
        "".join(PUBLISHED.format(ident, name) for ident, name in published.items())
        + CITING.format("cites-it", '[{ id = "wikiwand" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    copied = "sources '{}' publisher: names the Wikipedia the page comes from; write "
    anyhow = (
        "who wrote the page as the publisher, a copy's Wikipedia edition "
        '("Wikipedia (French)") with the site as via'
    )
    which = "sources '{}' publisher: names the revision or rendering read, which goes in note; "
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: " + copied.format("wikiwand")
            + 'publisher = "Wikipedia (French)" and via = "Wikiwand"',
            f"{data}:10: " + copied.format("tripomatic")
            + 'publisher = "Wikipedia (Italian)" and via = "Tripomatic"',
            f"{data}:16: " + copied.format("wikimili")
            + 'publisher = "Wikipedia" and via = "WikiMili"',
            f"{data}:22: " + copied.format("kiddle") + anyhow,
            f"{data}:28: " + copied.format("triplydb") + anyhow,
            f"{data}:34: " + which.format("old") + 'write publisher = "Wikipedia"',
            f"{data}:40: " + which.format("revision") + 'write publisher = "Wikipedia"',
            f"{data}:46: " + which.format("rendering") + 'write publisher = "Wikipedia"',
            f"{data}:70: " + copied.format("wikipedie") + anyhow,
        ],
    )  # fmt: skip
    _refused_on_load(
        run,
        data,
        "cites-it",
        "source 'wikiwand', field 'publisher': names the Wikipedia the page comes from; "
        'write publisher = "Wikipedia (French)" and via = "Wikiwand"',
        8,
    )


def test_another_spelling_of_an_outlet_or_site_is_refused(run: Run, tmp_path: Path) -> None:
    """K47: "Burkina 24" beside "Burkina24", "abamako.com" beside "aBamako" and the via
    "fr.qaz.wiki" beside "qaz.wiki" were two publishers, or sites, to a citation manager.
    An outlet printing an agency's text is checked outlet and agency apart, the agency in
    the record's short form ("(AP)"); other papers that fold alike pass (La Presse and
    Italy's LaPresse, Maliweb and Mali-Web; RR33: Morocco's Al Alam, Libya's Alwasat,
    Senegal's L'Essentiel and Switzerland's 20 minutes, which K47 had as Iran's Al-Alam,
    Bahrain's Al Wasat, Luxembourg's L'essentiel and France's 20 Minutes)."""
    data = tmp_path / "spellings.toml"
    published = {
        "burkina24": ("Burkina 24 (AFP)", "ReliefWeb"),
        "yahoo": ("Yahoo News (Associated Press)", "ReliefWeb"),
        "abamako": ("abamako.com", "ReliefWeb"),
        "tv5": ("TV5 Monde", "ReliefWeb"),
        "qaz": ("Wikipedia", "fr.qaz.wiki"),
        "lapresse": ("LaPresse", "La Presse"),
        "mali-web": ("Mali-Web", "Maliweb"),
        "yahoo-ap": ("Yahoo News (AP)", "Yahoo News"),
        "alalam-ma": ("Al Alam", "ReliefWeb"),
        "alwasat-ly": ("Alwasat", "ReliefWeb"),
        "lessentiel-sn": ("L'Essentiel (RFI)", "ReliefWeb"),
        "20min-ch": ("20 minutes (AFP)", "ReliefWeb"),
    }
    data.write_text(
        "".join(READ_ON.format(ident, *named) for ident, named in published.items())
        + CITING.format("cites-it", '[{ id = "tv5" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'burkina24' publisher: \"Burkina 24 (AFP)\" is another name for "
            'Burkina24 (AFP); write publisher = "Burkina24 (AFP)"',
            f"{data}:11: sources 'yahoo' publisher: \"Yahoo News (Associated Press)\" is another "
            'name for Yahoo News (AP); write publisher = "Yahoo News (AP)"',
            f"{data}:18: sources 'abamako' publisher: \"abamako.com\" is another name for "
            'aBamako; write publisher = "aBamako"',
            f"{data}:25: sources 'tv5' publisher: \"TV5 Monde\" is another name for TV5Monde; "
            'write publisher = "TV5Monde"',
            f"{data}:34: sources 'qaz' via: \"fr.qaz.wiki\" is another name for qaz.wiki; "
            'write via = "qaz.wiki"',
        ],
    )
    _refused_on_load(
        run,
        data,
        "cites-it",
        "source 'burkina24', field 'publisher': \"Burkina 24 (AFP)\" is another name for "
        'Burkina24 (AFP); write publisher = "Burkina24 (AFP)"',
        4,
    )


def test_an_outlet_saying_in_words_whose_text_it_carries_is_refused(
    run: Run, tmp_path: Path
) -> None:
    """PB: 101 records wrote "Maliweb (from RFI)", "Leral (after Médiaguinée)", "VOA Afrique
    (with AFP)" for the format's "Maliweb (RFI)", publishers apart to a citation manager and
    to `sources`; and "EUobserver (citing Reuters)" for the outlet's own article, whom it
    cites the note's. The advice names the form to write, each name by the record's
    spelling, several joined by "/"; a bracket that does not open with the words passes."""
    data = tmp_path / "worded.toml"
    data.write_text(
        PUBLISHED.format("maliweb-rfi", "Maliweb (from RFI)")
        + PUBLISHED.format(
            "dakarposte", "Dakarposte (after Sahara Médias and Agence France-Presse)"
        )
        + PUBLISHED.format("euobserver", "EUobserver (citing Reuters)")
        + PUBLISHED.format("abamako", "aBamako (from another outlet)")
        + PUBLISHED.format("rtl", "RTL Info (Belga/AFP)")
        + PUBLISHED.format("autre", "aBamako (Autre presse)")
        + CITING.format("cites-it", '[{ id = "maliweb-rfi" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    carries = "publisher: says in words whose text the outlet carries; write publisher = "
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'maliweb-rfi' " + carries + '"Maliweb (RFI)"',
            f"{data}:10: sources 'dakarposte' " + carries + '"Dakarposte (Sahara Medias/AFP)"',
            f"{data}:16: sources 'euobserver' publisher: names whom the outlet's article "
            'cites, which goes in note; write publisher = "EUobserver" and "Citing Reuters" '
            "at the head of note",
            f"{data}:22: sources 'abamako' " + carries + '"aBamako" and "another outlet" in note',
        ],
    )
    _refused_on_load(
        run,
        data,
        "cites-it",
        "source 'maliweb-rfi', field 'publisher': says in words whose text the outlet "
        'carries; write publisher = "Maliweb (RFI)"',
        3,
    )


def test_the_words_are_refused_wherever_they_sit_in_a_publisher(run: Run, tmp_path: Path) -> None:
    """PB2: 48 records more said it in words past a bracket's opening, "225.ci (AIP, after
    AFP)", after a comma, "Press TV (French), after AFP", or with no bracket, "Le Monde with
    AFP and Reuters", or with other verbs, relaying, quoting, via. Whom the outlet carries
    is named in its bracket in the chain's order, a qualifier of the outlet in its own
    bracket before them; where the first name may be either ("AIP"), both forms are
    named. A name holding a word ("Latest News from Kenya") and "Via" in a name pass."""
    data = tmp_path / "worded.toml"
    data.write_text(
        PUBLISHED.format("aip", "225.ci (AIP, after AFP)")
        + PUBLISHED.format("presstv", "Press TV (French), after AFP")
        + PUBLISHED.format("lemonde", "Le Monde with AFP and Reuters")
        + PUBLISHED.format("bibblers", "Bibblers (blog, relaying Agence France-Presse and Reuters)")
        + PUBLISHED.format("sputnik", "Maliweb (Sputnik, citing AFP)")
        + PUBLISHED.format("reliefweb", "UNHCR (Geneva), via ReliefWeb")
        + PUBLISHED.format("kenya", "Latest News from Kenya (Capital FM/AFP)")
        + PUBLISHED.format("swiss", "20 Minutes (Switzerland) (AFP)")
        + PUBLISHED.format("campesina", "La Via Campesina")
        + CITING.format("cites-it", '[{ id = "kenya" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    carries = "publisher: says in words whose text the outlet carries; write publisher = "
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f'{data}:4: sources \'aip\' {carries}"225.ci (AIP/AFP)", or "225.ci (AIP) (AFP)" '
            "if AIP describes the outlet",
            f"{data}:10: sources 'presstv' {carries}\"Press TV (French) (AFP)\"",
            f"{data}:16: sources 'lemonde' {carries}\"Le Monde (AFP/Reuters)\"",
            f"{data}:22: sources 'bibblers' {carries}\"Bibblers (blog) (AFP/Reuters)\"",
            f"{data}:28: sources 'sputnik' publisher: names whom the outlet's article cites, "
            'which goes in note; write publisher = "Maliweb (Sputnik)" and "Citing AFP" at the '
            "head of note",
            f"{data}:34: sources 'reliefweb' publisher: names the site the page was read on; "
            'write who wrote it as the publisher and the site as via = "..."',
        ],
    )
    _refused_on_load(
        run,
        data,
        "cites-it",
        "source 'aip', field 'publisher': says in words whose text the outlet carries; "
        'write publisher = "225.ci (AIP/AFP)", or "225.ci (AIP) (AFP)" if AIP describes '
        "the outlet",
        5,
    )


def test_a_bracket_describing_the_outlet_is_judged_as_citations_judge_it(
    run: Run, tmp_path: Path
) -> None:
    """U57: validate knew a qualifier by lower-case words and languages alone, citations
    by places, editions and the outlet's own acronym too: "L'Expression (Algeria, from
    AFP)" was offered AIP's chain "(Algeria/AFP)" first, though "(Algeria)" is where the
    paper is and citations give it as the outlet's. One rule now (names.describes): a
    place, an edition, the outlet's own acronym qualify it, one form; a wire in lower
    case ("dpa") is carried, and may be either, both forms."""
    data = tmp_path / "qualified.toml"
    data.write_text(
        PUBLISHED.format("place", "L'Expression (Algeria, from AFP)")
        + PUBLISHED.format("edition", "Al-Ain (French edition, from AFP)")
        + PUBLISHED.format("acronym", "Agence d'Information du Burkina (AIB, from AFP)")
        + PUBLISHED.format("wire", "Al-Yaum (dpa, from AFP)"),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    carries = "publisher: says in words whose text the outlet carries; write publisher = "
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'place' {carries}\"L'Expression (Algeria) (AFP)\"",
            f"{data}:10: sources 'edition' {carries}\"Al-Ain (French edition) (AFP)\"",
            f"{data}:16: sources 'acronym' {carries}"
            '"Agence d\'Information du Burkina (AIB) (AFP)"',
            f'{data}:22: sources \'wire\' {carries}"Al-Yaum (dpa/AFP)", or "Al-Yaum (dpa) (AFP)" '
            "if dpa describes the outlet",
        ],
    )


def test_a_name_with_spaces_around_it_is_refused(run: Run, tmp_path: Path) -> None:
    """K48: "   AP   " passed the one-name rule, a publisher apart from "Associated Press"
    to a citation manager. A publisher or via with spaces around it is refused, as a kind
    or an id is, in one line whose advice is the name to write: the rules judge the name
    without its spaces."""
    data = tmp_path / "padded.toml"
    published = {
        "ap": ("   AP   ", "ReliefWeb"),
        "unhcr": (" UNHCR", "ReliefWeb"),
        "via": ("UNHCR", "ReliefWeb "),
        "copy": (" UNHCR (via ReliefWeb) ", "ReliefWeb"),
        "kept": ("UNHCR", "ReliefWeb"),
    }
    data.write_text(
        "".join(READ_ON.format(ident, *named) for ident, named in published.items())
        + CITING.format("cites-it", '[{ id = "unhcr" }]'),
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert (result.exit_code, result.stdout.splitlines()) == (
        4,
        [
            f"{data}:4: sources 'ap' publisher: \"AP\" is another name for Associated Press; "
            'write publisher = "Associated Press"',
            f"{data}:11: sources 'unhcr' publisher: \" UNHCR\" has spaces around it; "
            'write publisher = "UNHCR"',
            f"{data}:20: sources 'via' via: \"ReliefWeb \" has spaces around it; "
            'write via = "ReliefWeb"',
            f"{data}:25: sources 'copy' publisher: names the site the page was read on; "
            'write publisher = "UNHCR" and via = "ReliefWeb"',
        ],
    )
    _refused_on_load(
        run,
        data,
        "cites-it",
        "source 'ap', field 'publisher': \"AP\" is another name for Associated Press; "
        'write publisher = "Associated Press"',
        3,
    )


def test_source_files_stay_in_the_data_folder(run: Run, tmp_path: Path) -> None:
    inner = tmp_path / "data"
    inner.mkdir()
    (tmp_path / "secret.txt").write_text("the password is swordfish")
    (inner / "link.txt").symlink_to(tmp_path / "secret.txt")
    (inner / "ok.txt").write_text("a quote that is here")
    data = inner / "probe.toml"
    sources = [("up", "../secret.txt"), ("abs", str(tmp_path / "secret.txt")),
               ("link", "link.txt"), ("ok", "ok.txt")]  # fmt: skip
    data.write_text(
        "".join(
            f'[[sources]]\nid = "{i}"\ntitle = "T"\npublisher = "P"\nkind = "news"\nfile = "{f}"\n\n'
            for i, f in sources
        )
    )
    result = run("validate", str(data))
    assert result.exit_code == 4
    outside = [line for line in result.stdout.splitlines() if "outside the data file" in line]
    assert [line.split("'")[1] for line in outside] == ["up", "abs", "link"]
    assert "'ok'" not in result.stdout


def test_import_strips_control_characters_and_counts_them(run: Run, tmp_path: Path) -> None:
    with (FIXTURES / "acled" / "current.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    notes = rows[0].index("notes")
    rows[1][notes] = "Clash \x1b]0;pwned\x07 near \u202eKelmara\u202c."
    rows[2][rows[0].index("location")] += "\x1b[2J"
    export = tmp_path / "hostile.csv"
    with export.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    out = tmp_path / "out.toml"
    result = run("import", "acled", str(export), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert (
        "2 fields held control characters (terminal escapes, bidi overrides); they were removed\n"
        in result.stderr
    )
    text = out.read_text(encoding="utf-8")
    assert "Clash ]0;pwned near Kelmara." in text
    assert "\\u001b" not in text.lower() and "\\u202e" not in text.lower()


def test_an_unquoted_toml_date_is_named_as_one(run: Run, tmp_path: Path) -> None:
    """A new user saw Python's repr, 'got date datetime.date(2021, 2, 3)'."""
    bad = tmp_path / "unquoted.toml"
    bad.write_text(
        '[[events]]\nid = "x"\ndate = 2021-02-03\ntitle = "T"\nsummary = "S."\n'
        'type = "politics"\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.exit_code == 4
    assert result.stdout.splitlines()[0] == (
        f"{bad}:3: events 'x' date: expected a date as text, got an unquoted TOML date "
        '2021-02-03 (write dates as quoted text, e.g. "2013-01-11")'
    )


def _one_fact(path: Path, fields: str) -> Path:
    """A file of one source and one fact 'dead' whose fields from line 12 on are given."""
    path.write_text(
        '[[sources]]\nid = "s"\ntitle = "T"\npublisher = "P"\nkind = "news"\n\n'
        '[[facts]]\nid = "dead"\nlabel = "Dead"\nvalue = 3\nunit = "deaths"\n'
        f'{fields}\nsources = [{{ id = "s" }}]\n',
        encoding="utf-8",
    )
    return path


def test_a_running_total_since_after_its_as_of_is_a_problem(run: Run, tmp_path: Path) -> None:
    bad = _one_fact(
        tmp_path / "since.toml",
        'since = "2021"\nas_of = "2020-06"\nscope = "Mali"\ncategory = "casualties"',
    )
    result = run("validate", str(bad))
    assert result.exit_code == 4
    assert f"{bad}:13: facts 'dead' as_of: 2020-06 is before the start, 2021" in (
        result.stdout.splitlines()
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            'category = "troops"\ncause = "hostile"',
            "cause: only a casualty count says which deaths it counts",
        ),
        (
            'category = "casualties"\ncause = "hostil"',
            "cause: 'hostil' is not one of hostile, all, mort-pour-la-france (did you mean 'hostile'?)",
        ),
    ],
)
def test_a_facts_cause_is_a_known_one_and_only_for_casualties(
    run: Run, tmp_path: Path, fields: str, message: str
) -> None:
    bad = _one_fact(tmp_path / "cause.toml", f'as_of = "2020-06"\nscope = "Mali"\n{fields}')
    result = run("validate", str(bad))
    assert result.exit_code == 4
    assert f"{bad}:15: facts 'dead' {message}" in result.stdout.splitlines()


def test_a_tag_spelled_two_ways_is_named(run: Run, tmp_path: Path) -> None:
    # U13: one event tagged war-crimes, four war-crime: --tag war-crime missed it
    user = tmp_path / "user.toml"
    user.write_text(
        "".join(
            f'[[events]]\nid = "z{i}"\ndate = "2020-01-0{i}"\ntitle = "Z"\nsummary = "Z."\n'
            f'type = "politics"\nactors = ["mali"]\nplaces = ["bamako"]\ntags = ["{tag}"]\n'
            'sources = [{ id = "seed" }]\n\n'
            for i, tag in ((1, "drones"), (2, "drone"), (3, "drone"))
        )
    )
    result = run("validate", str(user), "-f", "json")
    [problem] = [p for p in json.loads(result.stdout) if p["field"] == "tags"]
    assert (problem["id"], problem["severity"]) == ("z1", "warning")
    assert problem["message"] == "'drones' is also spelled 'drone' (2 events): use one"


def test_a_points_source_is_cited_by_the_place(run: Run, tmp_path: Path) -> None:
    # R12: 49 places took their point from a GeoNames file no note of theirs named
    user = tmp_path / "user.toml"
    user.write_text(
        '[[places]]\nid = "kidal-x"\nname = "Kidal X"\nkind = "town"\nwithin = "mali"\n'
        'lat = 18.44\nlon = 1.4\npoint_source = "ref-a"\nsources = [{ id = "seed" }]\n'
    )
    result = run("validate", str(user), "-f", "json")
    [problem] = [p for p in json.loads(result.stdout) if p["field"] == "point_source"]
    assert (problem["id"], problem["severity"]) == ("kidal-x", "warning")
    assert problem["message"] == "cite it in sources too, with a note naming the record read"


def _count_fact(tmp_path: Path, numbers: str, unit: str = "troops", ident: str = "n") -> Path:
    """A file of one source and one fact of troops in Mali whose figures (``numbers``)
    start on line 10."""
    path = tmp_path / f"{ident}.toml"
    path.write_text(
        '[[sources]]\nid = "s"\ntitle = "T"\npublisher = "P"\nkind = "news"\n\n'
        f'[[facts]]\nid = "{ident}"\nlabel = "Troops"\n{numbers}\nunit = "{unit}"\n'
        'as_of = "2016-05"\nscope = "Mali"\ncategory = "troops"\nsources = [{ id = "s" }]\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("numbers", "line", "message"),
    [
        ("value = -5", 10, "value: -5 is negative"),
        ("low = -10\nhigh = 3", 10, "low: -10 is negative"),
        ("value = 4\nhigh = -1", 11, "high: -1 is negative"),
    ],
)
def test_a_negative_figure_is_a_problem(
    run: Run, tmp_path: Path, numbers: str, line: int, message: str
) -> None:
    """U27: a troop strength of -5 was "ok" and `on` showed "-5". A figure counts people,
    troops, deaths, money: 0 or more; a fall is said in the label."""
    bad = _count_fact(tmp_path, numbers, ident="neg")
    result = run("validate", str(bad))
    assert result.exit_code == 4
    assert (
        f"{bad}:{line}: facts 'neg' {message}: a figure is 0 or more; "
        "say a fall in the label, its size as the value"
    ) in result.stdout.splitlines()
    shown = run("on", "2016-06-01", "--data", str(bad))
    assert shown.exit_code == 4
    assert "is negative" in shown.stderr


@pytest.mark.parametrize(
    ("numbers", "unit", "message"),
    [
        ("value = 3.7", "troops", "value: 3.7 is not a whole number: troops are counted"),
        ("low = 1.5\nhigh = 3", "deaths", "low: 1.5 is not a whole number: deaths are counted"),
        ("value = 4\nhigh = 10.25", "people", "high: 10.25 is not a whole number: people are"),
    ],
)
def test_a_fraction_of_a_count_is_a_problem(
    run: Run, tmp_path: Path, numbers: str, unit: str, message: str
) -> None:
    """U28: `value = 3.7` troops was "ok" and `on` showed 3.7 troops: a count of troops,
    people, deaths... is a whole number, refused as a negative one is (exit 4)."""
    bad = _count_fact(tmp_path, numbers, unit)
    result = run("validate", str(bad))
    assert result.exit_code == 4
    assert [line for line in result.stdout.splitlines() if message in line] != []
    shown = run("on", "2016-06-01", "--data", str(bad))
    assert shown.exit_code == 4
    assert "is not a whole number" in shown.stderr


def test_a_whole_or_non_count_figure_with_a_point_is_no_problem(run: Run, tmp_path: Path) -> None:
    # 3.0 troops is whole; 3.7 percent and 1.5 EUR count no whole things
    for numbers, unit in (("value = 3.0", "troops"), ("value = 3.7", "percent"), ("value = 1.5", "EUR")):  # fmt: skip
        result = run("validate", str(_count_fact(tmp_path, numbers, unit)))
        assert result.exit_code == 0, result.stdout


def test_a_count_above_any_plausible_size_is_warned_of(run: Run, tmp_path: Path) -> None:
    """U28: 999,999,999,999 French troops in Mali passed without a word. Above its unit's
    bound (troops: the world's largest army), validate warns and the figure still loads."""
    big = _count_fact(tmp_path, "value = 999999999999")
    result = run("validate", str(big), "-f", "json")
    assert result.exit_code == 0
    [problem] = [p for p in json.loads(result.stdout) if p["field"] == "value"]
    assert (problem["id"], problem["severity"]) == ("n", "warning")
    assert problem["message"] == (
        "999,999,999,999 troops is more than the world's largest army (about 2 million); "
        "is a digit too many?"
    )
    assert run("on", "2016-06-01", "--data", str(big)).exit_code == 0


_ID_DATES = """\
[[events]]
id = "post-attack-2021-05-19"
date = "2021-05-18"
title = "A day off"
summary = "S."
type = "diplomacy"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "talks-2019-04"
date = "2019-03-31"
title = "A month off"
summary = "S."
type = "diplomacy"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "visit-2020-06-02"
date = "2020-06-02"
title = "Agrees"
summary = "S."
type = "diplomacy"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[events]]
id = "decree-2020-07-15"
date = "2020-07"
title = "A month known, the id finer: no disagreement"
summary = "S."
type = "diplomacy"
places = ["bamako"]
sources = [{ id = "ref-a" }]

[[aftermath]]
id = "closure-2023-12"
date = "2023-11-30"
title = "After the record"
summary = "S."
type = "withdrawal"
places = ["bamako"]
sources = [{ id = "ref-a" }]
"""


def test_an_id_ending_in_a_date_its_date_is_not_is_a_warning(run: Run, tmp_path: Path) -> None:
    # U32: README says an id's numbers are its date, and 8 ids of the record disagreed
    # with theirs (tin-akoff-adjarara-attack-2021-05-19 is of the 18th). A warning: the
    # file loads; the numbers are compared at the precision both give
    data = tmp_path / "ids.toml"
    data.write_text(_ID_DATES, encoding="utf-8")
    result = run("validate", str(data))
    advice = "an id's numbers are its date; rename it (and every follows that names it) or "
    advice += "correct the date"
    assert (result.exit_code, result.stdout.splitlines()) == (
        0,
        [
            f"{data}:2: warning: events 'post-attack-2021-05-19' id: ends in 2021-05-19 but "
            f"its date is 2021-05-18: {advice}",
            f"{data}:11: warning: events 'talks-2019-04' id: ends in 2019-04 but its date is "
            f"2019-03-31: {advice}",
            f"{data}:38: warning: aftermath 'closure-2023-12' id: ends in 2023-12 but its "
            f"date is 2023-11-30: {advice}",
        ],
    )
    assert result.stderr.endswith(" (3 warnings)\n")
    assert run("event", "talks-2019-04", "--data", str(data)).exit_code == 0


def test_a_file_that_cannot_be_read_is_said_first_and_last(run: Run, tmp_path: Path) -> None:
    """K61: one broken sources file left every citation of its entries unknown, and the
    line that said why came somewhere among 1,393 "unknown source" lines."""
    folder = tmp_path / "data"
    folder.mkdir()
    # events.toml sorts before sources.toml: in file order the cause would come last
    (folder / "events.toml").write_text(
        "".join(
            f'[[events]]\nid = "e-{i}"\ndate = "2020-01-0{i}"\ntitle = "E"\nsummary = "S"\n'
            f'type = "politics"\nsources = [{{ id = "src-{i}" }}]\n\n'
            for i in (1, 2)
        ),
        encoding="utf-8",
    )
    sources = folder / "sources.toml"
    sources.write_text(
        '[[sources]]\nid = "src-1"\ntitle = "T"\npublisher = "P"\nkind = "news"\nbroken = "x\n',
        encoding="utf-8",
    )
    cause = f"{sources}:6: is not valid TOML: Illegal character '\\n' (at line 6, column 12)"
    last = (
        f"1 file could not be read ({sources}): mend it first; "
        "the 2 unknown ids after it may be defined in it"
    )

    text = run("validate", str(folder), "--alone")
    assert text.exit_code == 4
    lines = text.stdout.splitlines()
    assert lines[0] == cause
    assert sum(" unknown source 'src-" in x for x in lines) == 2
    assert text.stderr.splitlines()[-1] == last

    listed = run("validate", str(folder), "--alone", "-f", "json")
    assert listed.exit_code == 4
    rows = json.loads(listed.stdout)
    assert f"{rows[0]['file']}:{rows[0]['line']}: {rows[0]['message']}" == cause
    assert listed.stderr.splitlines()[-1] == last


def test_the_last_line_names_every_unreadable_file(run: Run, tmp_path: Path) -> None:
    missing, empty = tmp_path / "missing.toml", tmp_path / "cut.toml"
    empty.write_text('[[events]]\nid = "x"\ndate = ', encoding="utf-8")
    result = run("validate", str(missing), str(empty), "--alone")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[-1] == (
        f"2 files could not be read ({missing}, {empty}): mend them first"
    )


def test_only_unknown_ids_may_follow_from_an_unread_file(run: Run, tmp_path: Path) -> None:
    """U61: `validate broken.toml good.toml syntax.toml` said the 14 problems "may follow
    from" syntax.toml, though all were broken.toml's own (a day that does not exist, a
    type, a range): an unread file's entries can only be ids the others name."""
    broken = tmp_path / "broken.toml"
    broken.write_text(
        '[[events]]\nid = "bad-day"\ndate = "2021-02-30"\ntitle = "E"\nsummary = "S"\n'
        'type = "ambush"\nplaces = ["bamako"]\nsources = [{ id = "ref-a" }]\n\n'
        '[[events]]\nid = "bad-ref"\ndate = "2021-03-01"\ntitle = "E"\nsummary = "S"\n'
        'type = "politics"\nplaces = ["bamako"]\nsources = [{ id = "my-notes" }]\n',
        encoding="utf-8",
    )
    good = tmp_path / "good.toml"
    good.write_text(
        '[[events]]\nid = "fine"\ndate = "2021-03-02"\ntitle = "E"\nsummary = "S"\n'
        'type = "politics"\nplaces = ["bamako"]\nsources = [{ id = "ref-a" }]\n',
        encoding="utf-8",
    )
    syntax = tmp_path / "syntax.toml"
    syntax.write_text('[[sources]]\nid = "my-notes"\ntitle = "unclosed\n', encoding="utf-8")
    res = run("validate", str(broken), str(good), str(syntax))
    assert res.exit_code == 4
    assert res.stdout.splitlines()[0].startswith(f"{syntax}:3: is not valid TOML")
    # the day and the type are broken.toml's own; only its unknown source may be the
    # unread file's entry
    assert sum(line.startswith(f"{broken}:") for line in res.stdout.splitlines()) == 3
    assert res.stderr.splitlines()[-1] == (
        f"1 file could not be read ({syntax}): mend it first; "
        "the 1 unknown id after it may be defined in it"
    )
    # with no unknown id anywhere, nothing is said to follow from it
    broken.write_text(broken.read_text().replace('"my-notes"', '"ref-a"'), encoding="utf-8")
    res = run("validate", str(broken), str(good), str(syntax))
    assert res.exit_code == 4
    assert res.stderr.splitlines()[-1] == f"1 file could not be read ({syntax}): mend it first"
