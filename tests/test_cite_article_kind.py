"""An online article is one kind of item in every citation format (U32).

`sources -f csl-json` typed the record's 224 sources of kind `article` (blogs, think
tanks' and sites' articles, the seed) as CSL `article`, which Zotero reads as a preprint,
while `-f ris` typed them ELEC, a web page: the same source became a different item
depending on the format a user picked.
"""

from __future__ import annotations

import json
from pathlib import Path

import rispy
from conftest import Run

BLOG = """
[[sources]]
id = "sahelblog-2017-03-merger"
title = "The Jihadist Merger in Mali and the Sahara"
publisher = "Sahel Blog"
kind = "article"
date = "2017-03"
url = "https://sahelblog.example.org/merger"

[[events]]
id = "merger-2017"
date = "2017-03-02"
title = "Four groups merge"
summary = "S."
type = "armed-group"
places = ["timbuktu"]
sources = [{ id = "sahelblog-2017-03-merger" }]
"""


def test_an_article_is_a_web_page_in_csl_json_as_in_ris(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "blog.toml"
    data.write_text(BLOG, encoding="utf-8")
    given = ("cite", "merger-2017", "--data", str(data))
    csl = run(*given, "-f", "csl-json")
    assert csl.exit_code == 0, csl.stderr
    [item] = json.loads(csl.stdout)
    assert (item["type"], item["container-title"]) == ("webpage", "Sahel Blog")
    [entry] = rispy.loads(run(*given, "-f", "ris").stdout)
    assert entry["type_of_reference"] == "ELEC"
