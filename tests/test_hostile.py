"""Hostile input (issue 14): text from a data file reaches people inert.

The fixture ``hostile.toml`` holds terminal escapes, Rich markup, HTML, Markdown, bidi
overrides and formula prefixes; these tests run it through the commands and formats and
check what reaches stdout and stderr byte for byte where it matters.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Run, terminal
from hypothesis import given, settings
from hypothesis import strategies as st

from barkhane_cli.render.safe import (
    InertWriter,
    has_controls,
    inert,
    json_inert,
    safe_link,
    write_json,
)

HOSTILE = FIXTURES / "hostile.toml"
ESC = "\x1b"
BIDI = "\u202e"
NO_COLOR_TTY = terminal(120)

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
# tsv and jsonl share their writers with csv and json
FORMATS = ["table", "plain", "csv", "json", "md"]


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


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["", "\n", ",\n  ", "\t", "\r\n"]),
    st.sampled_from(["", "\n"]),
    st.booleans(),
)
def test_write_json_checks_once_and_writes_what_both_guards_did(
    value: str, before: str, after: str, dumped_by_json: bool
) -> None:
    """The streamed JSON path checks each text once (``write_json``): its bytes are those
    of json_inert then the InertWriter, for a json.dumps result and for a text that is not
    one (a stored text holding raw C0 controls still meets the writer's escaping)."""
    import io

    text = json.dumps(value, ensure_ascii=False) if dumped_by_json else value
    for wrap in (True, False):
        old, new = io.StringIO(), io.StringIO()
        old_out = InertWriter(old) if wrap else old
        new_out = InertWriter(new) if wrap else new
        old_out.write(before)
        old_out.write(json_inert(text))
        old_out.write(after)
        write_json(new_out, text, before, after)
        assert new.getvalue() == old.getvalue()
        if wrap or dumped_by_json:
            shown = new.getvalue()
            assert ESC not in shown and BIDI not in shown and "\x9b" not in shown
            assert "\x7f" not in shown and "\x07" not in shown


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_streamed_json_is_inert_and_keeps_the_value(run: Run, tmp_path: Path, fmt: str) -> None:
    """The store's stored texts (written without decoding) and the TOML path give the
    same bytes for hostile data, with no raw control, and parse back to the data."""
    stored = run(*ONE_DAY, "-f", fmt, env={"BARKHANE_CACHE": str(tmp_path / "cache")})
    again = run(*ONE_DAY, "-f", fmt, env={"BARKHANE_CACHE": str(tmp_path / "cache")})
    decoded = run(*ONE_DAY, "-f", fmt, env={"BARKHANE_CACHE": "0"})
    assert stored.exit_code == again.exit_code == decoded.exit_code == 0, stored.stderr
    assert stored.stdout == again.stdout == decoded.stdout
    for c in (ESC, BIDI, "\x9b", "\x07", "\x7f", "\r"):
        assert c not in stored.stdout
    lines = stored.stdout.splitlines()
    events = json.loads(stored.stdout) if fmt == "json" else [json.loads(x) for x in lines]
    (event,) = [e for e in events if e["id"] == "hostile-event"]
    assert {k: event[k] for k in EVENT} == EVENT


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


# Every writer escapes for its reader: each format is read back with a real parser.

EVENT = {
    "title": "Title \x1b]0;pwned\x07 *em* _u_ `code` <b>bold</b> [x](javascript:alert(1)) "
    "| pipe \\ back [/b]",
    "summary": "Line one\nline <script>alert(1)</script> two; semi, comma\rbare CR "
    "\u2066iso\u2069 \u202eevil\u202c",
    "disputed": "[link=javascript:alert(1)]click[/link] \x1b[5m",
}
ONE_DAY = ["timeline", "--since", "2021-06-01", "--until", "2021-06-01", "--data", str(HOSTILE)]


def test_markdown_cells_render_as_text(run: Run) -> None:
    from markdown_it import MarkdownIt

    result = run(*ONE_DAY, "-f", "md", "--fields", "id,title,disputed")
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    cells = [t for t in tokens if t.type == "inline"]
    texts = [c.content for c in cells]
    row = texts.index("hostile-event")
    title, disputed = cells[row + 1], cells[row + 2]
    for cell in (title, disputed):
        assert [c.type for c in cell.children or []] == ["text"] * len(cell.children or [])
    rendered = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<em>" not in rendered and "<code>" not in rendered and "<a " not in rendered
    assert "<b>" not in rendered and "<script>" not in rendered
    shown = "".join(c.content for c in title.children or [])
    assert shown == inert(EVENT["title"])
    assert "".join(c.content for c in disputed.children or []) == inert(EVENT["disputed"])


def test_ics_text_reads_back_exactly(run: Run) -> None:
    import icalendar

    result = run(*ONE_DAY, "-f", "ics")
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert all(line.endswith(b"\r") for line in raw.split(b"\n")[:-1])  # no bare LF or CR
    assert raw.count(b"\r") == raw.count(b"\r\n")
    cal = icalendar.Calendar.from_ical(raw)
    (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "hostile-event@barkhane"]
    assert str(event["SUMMARY"]) == inert(EVENT["title"])
    description = str(event["DESCRIPTION"])
    # The bare CR became a line break; controls are visible; separators survived.
    assert description.startswith(
        "Line one\nline <script>alert(1)</script> two; semi, comma\nbare CR \\u2066iso"
    )
    assert f"\nDisputed: {inert(EVENT['disputed'])}\n" in description


class _Html:
    def __init__(self, markup: str) -> None:
        from html.parser import HTMLParser

        self.tags: list[str] = []
        self.text: list[str] = []
        outer = self

        class P(HTMLParser):
            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                outer.tags.append(tag)

            def handle_data(self, data: str) -> None:
                outer.text.append(data)

        parser = P(convert_charrefs=True)
        parser.feed(markup)
        parser.close()


def test_timelinejs_text_is_escaped_html(run: Run) -> None:
    result = run(*ONE_DAY, "-f", "timelinejs")
    doc = json.loads(result.stdout)
    (item,) = [e for e in doc["events"] if e["unique_id"] == "hostile-event"]
    headline = _Html(item["text"]["headline"])
    assert headline.tags == [] and "".join(headline.text) == inert(EVENT["title"])
    body = _Html(item["text"]["text"])
    assert set(body.tags) <= {"br", "em"}
    assert body.text[:3] == ["Line one", "line <script>alert(1)</script> two; semi, comma", (
        "bare CR \\u2066iso\\u2069 \\u202eevil\\u202c"
    )]  # fmt: skip
    (era,) = [e for e in doc["eras"] if "Era" in e["text"]["headline"]]
    assert era["text"]["headline"] == "Era \\x1b]0;t\\x07 [bold]x"


def test_html_export_holds_no_markup_from_data(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "card.html"
    assert (
        run("event", "hostile-event", "--export", str(out), "--data", str(HOSTILE)).exit_code == 0
    )
    page = _Html(out.read_text(encoding="utf-8"))
    assert not {"a", "script", "b", "img"} & set(page.tags)
    text = "".join(page.text).replace("\xa0", " ")
    assert "<script>alert(1)</script>" in text and "[link=javascript:alert(1)]click[/link]" in text


def test_csv_is_written_as_is_unless_csv_safe(run: Run) -> None:
    args = [*ONE_DAY, "-f", "csv", "--fields", "id,tags"]
    plain = run(*args)
    assert "hostile-event,=cmd|' /C calc'!A0\n" in plain.stdout
    safe = run("--csv-safe", *args)
    assert "hostile-event,'=cmd|' /C calc'!A0\n" in safe.stdout
    places = run("--csv-safe", "places", "-f", "tsv", "--fields", "id,lon")
    assert "bamako\t-8.0000\n" in places.stdout  # plain numbers keep their sign


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
     ("-8.5", "-8.5"), ("+12", "+12"), ("\tx", "'\tx"), ("ok", "ok"), ("-inf", "'-inf")],
)  # fmt: skip
def test_csv_safe_cell(cell: str, shown: str) -> None:
    from barkhane_cli.render.records import csv_safe_cell

    assert csv_safe_cell(cell) == shown


@pytest.mark.parametrize("fmt", ["ics", "timelinejs", "geojson"])
@pytest.mark.parametrize("args", [COMMANDS[0], COMMANDS[1], COMMANDS[2]], ids=lambda a: a[0])
def test_event_formats_hold_no_raw_control(run: Run, args: list[str], fmt: str) -> None:
    result = run(*args, "--format", fmt, "--data", str(HOSTILE))
    assert result.exit_code == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert ESC not in stream and BIDI not in stream and "\x9b" not in stream


def test_validate_and_judgments_on_the_hostile_file(run: Run) -> None:
    result = run("validate", str(HOSTILE))
    assert result.exit_code == 0, result.stdout
    warned = [line for line in result.stdout.splitlines() if "holds control characters" in line]
    assert len(warned) >= 8 and ESC not in result.stdout
    assert (
        f"{HOSTILE}:15: warning: actors 'hostile-actor' name: holds control characters "
        "(first \\x1b at character 7); views show them escaped" in warned
    )


def test_a_title_near_the_size_limit(run: Run, tmp_path: Path) -> None:
    # a text field's limit is 100,000 characters (test_bounded_input): just under it, the
    # escape is still shown inert in every view
    big = "\\u001b[2J" + "x" * 99_000
    data = tmp_path / "big.toml"
    data.write_text(
        HOSTILE.read_text(encoding="utf-8").replace('title = "Title ', f'title = "{big} ', 1),
        encoding="utf-8",
    )
    result = run(*ONE_DAY[:-1], str(data), "-f", "plain", "--fields", "id,title")
    assert result.exit_code == 0
    (line,) = [row for row in result.stdout.splitlines() if row.startswith("hostile-event")]
    assert line.startswith("hostile-event\t\\x1b[2Jxxx") and len(line) > 99_000
    table = run(*ONE_DAY[:-1], str(data), env=NO_COLOR_TTY)
    assert table.exit_code == 0 and ESC not in table.stdout


_NASTY = ["\x1b", "\x07", "\x9b", "\x7f", "\r", "\x00", "\u202e", "\u2066", "[", "]", "/",
          "<", ">", "&", '"', "'", "\\", "`", "*", "_", "|", "a", "é", " ", "\n", "\t"]  # fmt: skip


def _toml_string(value: str) -> str:
    return (
        '"' + "".join(c if c.isalnum() and c.isascii() else f"\\u{ord(c):04x}" for c in value) + '"'
    )


@settings(max_examples=8, deadline=None)  # ~0.1 s a command: the suite stays under a minute
@given(st.text(alphabet=st.sampled_from(_NASTY), min_size=1, max_size=30))
def test_no_output_ever_holds_a_raw_control_from_data(value: str) -> None:
    import tempfile

    from typer.testing import CliRunner

    from barkhane_cli import atomic
    from barkhane_cli.cli import app

    body = HOSTILE.read_text(encoding="utf-8")
    body = body.replace('name = "Actor ', f"name = {_toml_string(value)[:-1]} ", 1)
    body = body.replace('title = "Title ', f"title = {_toml_string(value)[:-1]} ", 1)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "h.toml"
        data.write_text(body, encoding="utf-8")
        runner = CliRunner()
        day = ["timeline", "--since", "2021-06-01", "--until", "2021-06-01"]
        for args, fmt in ((["actor", "hostile-actor"], "table"), (day, "table"), (day, "plain"),
                          (["event", "hostile-event"], "md")):  # fmt: skip
            atomic._inputs.clear()
            env = {**NO_COLOR_TTY, "BARKHANE_CACHE": "0"}
            result = runner.invoke(app, [*args, "-f", fmt, "--data", str(data)], env=env)
            assert result.exit_code == 0, result.output
            for raw in ("\x1b", "\x9b", "\x07", "\x7f", "\x00", "\u202e", "\u2066"):
                assert raw not in result.stdout and raw not in result.stderr
