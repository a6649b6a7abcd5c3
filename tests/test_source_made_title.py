"""A title the record made (from the page's address, a description) is in [brackets]
wherever a person reads a source, as `cite` gives it: U50's `source
slateafrique-afp-2021-06-solhan-deux-jihadistes` printed plainly the title `cite`
bracketed. JSON keeps the data file's text (cite.made_title tells a script)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run, terminal

_LAYER = """
[[sources]]
id = "zorb-daily-2020-attaque"
title = "Attaque a Zorb deux morts"
publisher = "Zorb Daily"
kind = "news"
date = "2020-08-20"
url = "https://zorb.example/2020/attaque-a-zorb-deux-morts"
note = "Title taken from the page address; the copy read showed none."

[[sources]]
id = "zorb-daily-2020-bilan"
title = "Le bilan de Zorb"
publisher = "Zorb Daily"
kind = "news"
date = "2020-08-21"
url = "https://zorb.example/2020/bilan"
"""

_MADE = "[Attaque a Zorb deux morts]"


@pytest.fixture
def layer(tmp_path: Path) -> str:
    path = tmp_path / "zorb.toml"
    path.write_text(_LAYER, encoding="utf-8")
    return str(path)


def test_cite_and_source_give_one_title(run: Run, layer: str) -> None:
    cited = run("cite", "zorb-daily-2020-attaque", "--data", layer)
    assert _MADE in cited.stdout, cited.stdout
    piped = run("source", "zorb-daily-2020-attaque", "--data", layer)
    assert f"title\t{_MADE}" in piped.stdout.splitlines(), piped.stdout
    drawn = run("source", "zorb-daily-2020-attaque", "--data", layer, env=terminal(120))
    assert drawn.stdout.splitlines()[0].strip() == _MADE, drawn.stdout


def test_a_title_of_the_page_stays_plain(run: Run, layer: str) -> None:
    piped = run("source", "zorb-daily-2020-bilan", "--data", layer)
    assert "title\tLe bilan de Zorb" in piped.stdout.splitlines()


@pytest.mark.parametrize("columns", [80, 200])
def test_the_sources_table_brackets_it_too(run: Run, layer: str, columns: int) -> None:
    table = run("sources", "--publisher", "zorb daily", "--data", layer, env=terminal(columns))
    text = " ".join(table.stdout.split())
    assert "[Attaque a Zorb" in text, table.stdout
    assert "[Le bilan" not in text


def test_json_keeps_the_data_file_s_title(run: Run, layer: str) -> None:
    doc = json.loads(run("source", "zorb-daily-2020-attaque", "--data", layer, "-f", "json").stdout)
    assert doc["title"] == "Attaque a Zorb deux morts"
