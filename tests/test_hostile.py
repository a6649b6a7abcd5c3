"""Hostile input (issue 14): text from a data file reaches people inert.

The fixture ``hostile.toml`` holds terminal escapes, Rich markup, HTML, Markdown, bidi
overrides and formula prefixes; these tests run it through the commands and formats and
check what reaches stdout and stderr byte for byte where it matters.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from barkhane_cli.render.safe import has_controls, inert, json_inert, safe_link
from tests.conftest import FIXTURES, Run

HOSTILE = FIXTURES / "hostile.toml"
ESC = "\x1b"
BIDI = "\u202e"
NO_COLOR_TTY = {"TTY_COMPATIBLE": "1", "COLUMNS": "120", "NO_COLOR": "1"}

COMMANDS = [
    ["timeline", "--since", "2021-06-01", "--until", "2021-06-01"],
    ["actor", "hostile-actor"],
    ["place", "hostile-place"],
    ["event", "hostile-event"],
    ["facts"],
    ["sources"],
    ["actors"],
    ["places"],
    ["eras"],
    ["summary"],
    ["search", "pwned"],
    ["chart", "events"],
]
FORMATS = ["table", "plain", "tsv", "csv", "json", "jsonl", "md"]


def test_inert_escapes_controls_bidi_and_c1() -> None:
    assert inert("a\x1b]0;t\x07b") == "a\\x1b]0;t\\x07b"
    assert inert("\u202eevil\u202c \u2066x\u2069") == "\\u202eevil\\u202c \\u2066x\\u2069"
    assert inert("\x9b31m\x7f") == "\\x9b31m\\x7f"
    assert inert("tab\tline\n", keep="\n") == "tab\\x09line\n"
    assert inert("Goïta — “quoted” [bold]") == "Goïta — “quoted” [bold]"
    assert has_controls("a\x1bb") and has_controls("\u202e") and not has_controls("Goïta")


def test_json_inert_keeps_the_value() -> None:
    value = "x\x7f\x85\u202ey\x1b"
    dumped = json_inert(json.dumps(value, ensure_ascii=False))
    assert dumped.isprintable()
    assert json.loads(dumped) == value


def test_only_plain_http_links_are_safe() -> None:
    assert safe_link("https://example.org/a?b=1")
    for bad in ("javascript:alert(1)", 'https://x" onclick="y', "data:text/html,x", "ftp://x"):
        assert not safe_link(bad)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_no_raw_control_from_data_in_any_format(run: Run, args: list[str], fmt: str) -> None:
    if fmt != "table" and args[0] in ("summary", "chart", "eras"):
        fmt = "json" if fmt in ("tsv", "csv", "md") else fmt
    result = run(*args, "--format", fmt, "--data", str(HOSTILE), env=NO_COLOR_TTY)
    assert result.exit_code == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert ESC not in stream and BIDI not in stream and "\x9b" not in stream
        assert "\x07" not in stream and "\x7f" not in stream


def test_card_shows_markup_and_escapes_literally(run: Run) -> None:
    result = run("actor", "hostile-actor", "--data", str(HOSTILE), env=NO_COLOR_TTY)
    assert result.exit_code == 0
    assert "Actor \\x1b[2J\\x1b[31mRED [bold]B[/bold] [/b] [sic]" in result.stdout
    assert "\\u202eesrever\\u202c alias" in result.stdout


def test_plain_card_bytes(run: Run) -> None:
    result = run("actor", "hostile-actor", "-f", "plain", "--data", str(HOSTILE))
    lines = result.stdout.splitlines()
    assert lines[1] == "name\tActor \\x1b[2J\\x1b[31mRED [bold]B[/bold] [/b] [sic]"
    assert lines[4] == "summary\t+1 \\x9b31m C1 csi, DEL\\x7f, @SUM(A1), -2"


def test_plain_timeline_row_bytes(run: Run) -> None:
    result = run(
        "timeline", "--since", "2021-06-01", "--until", "2021-06-01", "-f", "plain",
        "--fields", "id,title,summary", "--data", str(HOSTILE),
    )  # fmt: skip
    assert result.stdout == (
        "hostile-event\tTitle \\x1b]0;pwned\\x07 *em* _u_ `code` <b>bold</b> "
        "[x](javascript:alert(1)) | pipe \\ back [/b]\tLine one line <script>alert(1)</script> "
        "two; semi, comma bare CR \\u2066iso\\u2069 \\u202eevil\\u202c\n"
    )


def test_did_you_mean_on_stderr_is_inert(run: Run) -> None:
    result = run("actor", "hostile-actr", "--data", str(HOSTILE))
    assert result.exit_code == 3
    assert result.stderr == (
        "barkhane: no actor matches 'hostile-actr'; did you mean "
        "Actor \\x1b[2J\\x1b[31mRED [bold]B[/bold] [/b] [sic] (hostile-actor)?\n"
    )


def test_json_keeps_the_data_value(run: Run) -> None:
    result = run("actor", "hostile-actor", "-f", "json", "--data", str(HOSTILE))
    profile = json.loads(result.stdout)
    assert profile["name"] == "Actor \x1b[2J\x1b[31mRED [bold]B[/bold] [/b] [sic]"
    assert profile["aliases"] == ["\u202eesrever\u202c alias"]


@pytest.mark.parametrize("suffix", [".svg", ".html", ".txt"])
def test_export_is_inert(run: Run, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"view{suffix}"
    result = run("event", "hostile-event", "--export", str(out), "--data", str(HOSTILE))
    assert result.exit_code == 0, result.stderr
    body = out.read_text(encoding="utf-8")
    assert ESC not in body and BIDI not in body
    assert "href=" not in body  # markup in data made no link
    if suffix != ".txt":
        assert "<script>" not in body and "<b>bold</b>" not in body


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_inert_output_never_holds_a_control(value: str) -> None:
    shown = inert(value)
    assert ESC not in shown and "\x9b" not in shown and BIDI not in shown
    assert not has_controls(shown)
