"""A command refusing a --data file names it in the validate it suggests (U32).

`timeline --data hostile.toml` said "(and 3 more; run 'barkhane validate' to list them
all)"; run as given, `barkhane validate` checks the record and BARKHANE_DATA, not the
file, and answered "ok: 42 files, ...", exit 0, as if the file were sound.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from conftest import Run

BAD = """
[[events]]
id = "bad-date-1"
date = "2022-13-45"
title = "A date with no such month"
summary = "S."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]

[[events]]
id = "nowhere-1"
date = "2021-05-03"
title = "A place no one knows"
summary = "S."
type = "politics"
places = ["atlantis"]
sources = [{ id = "ref-a" }]
"""


def test_the_suggested_validate_lists_the_problems(run: Run, tmp_path: Path) -> None:
    """The command is said bare, as every "lists them all" says one: wrapped in quotes of
    its own, a path holding a quote came out as 'barkhane validate 'my '"'"'data.toml''
    (RV33), which run as selected was one word."""
    bad = tmp_path / "my data's.toml"
    bad.write_text(BAD, encoding="utf-8")
    refused = run("timeline", "--data", str(bad), "--count")
    assert refused.exit_code == 4
    said = refused.stderr.strip()
    suggested = f"barkhane validate {shlex.quote(str(bad))}"
    assert said.endswith(f"(and 1 more: {suggested} lists them all)"), said
    # as a user copies it: from "barkhane" to the words after it
    copied = said[said.index("barkhane validate") : said.index(" lists them all")]
    listed = run(*shlex.split(copied)[1:])
    assert listed.exit_code == 4
    assert [line.split(": ", 1)[1] for line in listed.stdout.splitlines()] == [
        "events 'bad-date-1' date: '2022-13-45' has no month 13",
        "events 'nowhere-1' places: unknown place 'atlantis'",
    ]


def test_every_file_given_is_named(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text("", encoding="utf-8")
    refused = run("timeline", "--data", str(good), "--data", str(bad))
    # quoted as the shell needs them: a temporary folder may hold a space (TMPDIR)
    named = " ".join(shlex.quote(str(p)) for p in (good, bad))
    assert f": barkhane validate {named} lists them all)" in refused.stderr
