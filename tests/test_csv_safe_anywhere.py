"""--csv-safe works after the command too, beside the -f csv it guards (U32).

`barkhane timeline -f csv --csv-safe` was refused ("no such option '--csv-safe'"), while
--no-pager and --debug work before or after the command, as in git.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run

FORMULA = """
[[events]]
id = "formula-2021"
date = "2021-05-03"
title = "=HYPERLINK(\\"http://example.org\\",\\"x\\")"
summary = "S."
type = "politics"
places = ["timbuktu"]
sources = [{ id = "ref-a" }]
"""


@pytest.mark.parametrize("where", ["before", "after"])
def test_csv_safe_before_or_after_the_command(run: Run, tmp_path: Path, where: str) -> None:
    data = tmp_path / "formula.toml"
    data.write_text(FORMULA, encoding="utf-8")
    line = ["timeline", "--data", str(data), "--search", "hyperlink", "-f", "csv",
            "--fields", "id,title"]  # fmt: skip
    line = ["--csv-safe", *line] if where == "before" else [*line, "--csv-safe"]
    result = run(*line)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "id,title",
        'formula-2021,"\'=HYPERLINK(""http://example.org"",""x"")"',
    ]


def test_after_a_double_dash_it_is_a_word(run: Run) -> None:
    """The word searched for, not the option taken off the line (which left search no
    word: "missing argument"); "no such option" alone could not fail either way."""
    result = run("search", "--", "--csv-safe")
    assert result.exit_code == 0, result.stderr
    assert "nothing matches '--csv-safe'" in result.stderr
