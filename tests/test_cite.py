"""Citations read by the real readers: pybtex (BibTeX), citeproc-py (CSL-JSON), rispy (RIS)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import Run


def out(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_bibtex_of_every_bundled_source_parses_with_pybtex(bundled: None, run: Run) -> None:
    from pybtex.database import parse_string

    ids = json.loads(out(run, "sources", "--format", "json", "--fields", "id"))
    db = parse_string(out(run, "sources", "--format", "bibtex"), "bibtex")
    assert sorted(db.entries) == sorted(i["id"] for i in ids)  # keys are the source ids
    aj = db.entries["aljazeera-2012-04-25-mali-pm-forms-government"]
    assert aj.fields["year"] == "2012" and aj.fields["url"].startswith("http")
    # no author named: none invented (CSL-JSON and RIS agree); the paper is the journal
    assert "author" not in aj.persons and aj.fields["journal"] == "Al Jazeera"
    corbet = db.entries["ap-2022-02-17-france-to-withdraw-from-mali"].persons["author"]
    assert [(p.last_names, p.first_names) for p in corbet] == [(["Corbet"], ["Sylvie"])]
    molins = db.entries["tombouctoumanuscripts-2012-timeline-mali"].persons["author"]
    assert [(p.last_names, p.first_names) for p in molins] == [(["{Molins Lliteras}"], ["Susana"])]


def test_csl_json_renders_with_citeproc_py(bundled: None, run: Run) -> None:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    items = json.loads(out(run, "cite", "mali-expels-french-ambassador", "--format", "csl-json"))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bib.bibliography()]
    assert len(rendered) == len(items) >= 2
    assert any("2022" in r and "ambassador" in r.lower() for r in rendered)


def test_ris_reads_with_rispy(bundled: None, run: Run) -> None:
    import rispy

    records = rispy.load(io.StringIO(out(run, "sources", "--format", "ris")))
    ids = json.loads(out(run, "sources", "--format", "json", "--fields", "id"))
    assert len(records) == len(ids)
    first = next(r for r in records if r["id"] == "aljazeera-2012-04-25-mali-pm-forms-government")
    assert first["year"] == "2012" and first["urls"][0].startswith("http")


def test_cite_prints_author_date_text_by_default(run: Run) -> None:
    assert out(run, "cite", "barkhane-peak").splitlines() == [
        "Publisher A (2022, November). Reference A. https://example.org/a"
    ]


def test_cite_lists_by_who_as_every_listing_sorts_names(run: Run, tmp_path: Path) -> None:
    """By the casefold of who, Échos du Sahel came after every plain name (Ezine, Zed)."""
    data = tmp_path / "echo.toml"
    source = '[[sources]]\nid = "{}"\ntitle = "T"\npublisher = "{}"\nkind = "news"\n\n'
    data.write_text(
        source.format("zed", "Zed")
        + source.format("echos", "Échos du Sahel")
        + source.format("ezine", "Ezine")
        + '[[events]]\nid = "cited"\ndate = "2019"\ntitle = "Cited"\nsummary = "S."\n'
        'type = "attack"\nsources = [{ id = "zed" }, { id = "echos" }, { id = "ezine" }]\n',
        encoding="utf-8",
    )
    assert out(run, "cite", "cited", "--data", str(data)).splitlines() == [
        "Échos du Sahel (n.d.). T.",
        "Ezine (n.d.). T.",
        "Zed (n.d.). T.",
    ]


def test_cite_an_ambiguous_or_unknown_id(run: Run) -> None:
    result = run("cite", "serval")
    assert result.exit_code == 3
    assert result.stderr == (
        "barkhane: 'serval' names several entries; give event:serval or actor:serval "
        "or era:serval\n"
    )
    assert out(run, "cite", "event:serval", "-f", "ris").startswith("TY  - ")
    result = run("cite", "wagner-sise")
    assert result.exit_code == 3 and "did you mean 'wagner-size'" in result.stderr


def test_bibtex_escapes_what_latex_would_read() -> None:
    from barkhane_cli import model as m
    from barkhane_cli.render.citations import bibtex_entry

    src = m.Source("x-1", "50% of {all} & #1_a", "Pub & Co", "report", note="a~b")
    from pybtex.database import parse_string

    entry = parse_string(bibtex_entry(src), "bibtex").entries["x-1"]
    assert entry.type == "techreport"
    assert entry.fields["title"] == r"{50\% of \{all\} \& \#1\_a}"
    assert entry.fields["institution"] == r"Pub \& Co"


def test_source_shows_what_cites_it(run: Run) -> None:
    doc = json.loads(out(run, "source", "ref-a", "--format", "json"))
    assert doc["id"] == "ref-a" and doc["url"] == "https://example.org/a"
    kinds = {c["kind"] for c in doc["cited_by"]}
    assert {"event", "fact"} <= kinds
    lines = out(run, "source", "ref-a").splitlines()
    assert lines[0] == "id\tref-a"
    assert any(line.startswith("cited-by\tfact\tbarkhane-peak\t2020\t") for line in lines)
    missing = run("source", "nope")
    assert missing.exit_code == 3


def test_names_split_the_same_way_in_every_format() -> None:
    from barkhane_cli import cite
    from barkhane_cli import model as m

    assert [n.csl() for n in cite.names("Hademine Ould Sadi and Sylvie Corbet")] == [
        {"family": "Ould Sadi", "given": "Hademine"},
        {"family": "Corbet", "given": "Sylvie"},
    ]
    assert [n.csl() for n in cite.names("{Thiam Ndiaga}")] == [{"literal": "Thiam Ndiaga"}]
    src = m.Source("s", "Toujours beaucoup de questions après l'attaque", "RFI", "news")
    assert cite.language(src) == "fr"
    from barkhane_cli.render.citations import csl_item

    assert csl_item(src)["container-title"] == "RFI" and "publisher" not in csl_item(src)
    assert cite.language(m.Source("t", "Mali: 12 soldiers", "AFP", "news")) is None


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_citeproc_renders_them_as_a_reader_expects(
    bundled: None, run: Run, tmp_path: Path
) -> None:
    """Issue 26: URLs twice, days dropped, names as one block, French titles in title
    case, the publisher twice, "In. Wikipedia.", the seed's author as "Unknown (...)"."""
    ids = [
        "seed",
        "ap-2022-02-17-france-to-withdraw-from-mali",
        "wikipedia-battle-of-konna",
        "aljazeera-2012-04-25-mali-pm-forms-government",
    ]
    refs = tmp_path / "refs.json"
    refs.write_text(out(run, "cite", *ids, "--format", "csl-json"), encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text(f'---\nbibliography: {refs}\nnocite: "@*"\n---\n', encoding="utf-8")
    done = subprocess.run(
        ["pandoc", "--citeproc", "-t", "plain", "--wrap=none", str(doc)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    entries = [e for e in done.stdout.split("\n\n") if e.strip()]
    assert len(entries) == 4
    joined = done.stdout
    assert "Corbet, Sylvie. 2022." in joined and "February 17, 2022" in joined
    assert "In Wikipedia." in joined and "In. Wikipedia" not in joined
    assert "Unknown" not in joined
    for entry in entries:
        urls = [w for w in entry.split() if w.startswith("http")]
        assert len(urls) <= 1, entry
    assert joined.count("Al Jazeera") == 1


# K40: a UN agency's factsheet read on ReliefWeb, an AP story read on Yahoo News.
READ_ELSEWHERE = """\
[[sources]]
id = "unhcr-2021-05-12-diffa-factsheet"
title = "Niger Factsheet: Diffa Region"
publisher = "UNHCR"
via = "ReliefWeb"
kind = "report"
date = "2021-05-12"
url = "https://reliefweb.int/report/niger/diffa-factsheet"
note = "265,696 people in the Diffa region"

[[sources]]
id = "ap-2022-02-17-yahoo-france-leaves"
title = "France to withdraw troops from Mali"
publisher = "Associated Press"
via = "Yahoo News"
author = "Sylvie Corbet"
kind = "news"
date = "2022-02-17"
url = "https://news.yahoo.com/france-withdraw"

[[events]]
id = "read-elsewhere"
date = "2021-05"
title = "Read elsewhere"
summary = "S."
type = "humanitarian"
sources = [{ id = "unhcr-2021-05-12-diffa-factsheet" }, { id = "ap-2022-02-17-yahoo-france-leaves" }]
"""


def _ris_tags(text: str) -> list[dict[str, str]]:
    """Each RIS record as its tag lines, ``TAG  - value``."""
    records: list[dict[str, str]] = []
    for line in text.splitlines():
        tag, _, value = line.partition("  - ")
        if tag == "TY":
            records.append({})
        if tag and tag != "ER":
            records[-1][tag] = value
    return records


def test_the_site_a_page_was_read_on_is_never_its_publisher(run: Run, tmp_path: Path) -> None:
    """K40: "UNHCR (via ReliefWeb)" was the publisher every format gave; the site read on
    is now in each format's own place for it and the publisher is "UNHCR". A news story
    read on another outlet's site is that outlet's page carrying its text (U54)."""
    from pybtex.database import parse_string

    data = tmp_path / "via.toml"
    data.write_text(READ_ELSEWHERE, encoding="utf-8")
    cite = ("cite", "read-elsewhere", "--data", str(data))
    csl = {i["id"]: i for i in json.loads(out(run, *cite, "-f", "csl-json"))}
    unhcr, ap = csl["unhcr-2021-05-12-diffa-factsheet"], csl["ap-2022-02-17-yahoo-france-leaves"]
    assert (unhcr["publisher"], unhcr["source"]) == ("UNHCR", "ReliefWeb")
    assert (ap["container-title"], ap["note"]) == ("Yahoo News", "Associated Press text")
    assert [{k: r[k] for k in ("ID", "PB", "T2", "DP", "N1") if k in r} for r in
            _ris_tags(out(run, *cite, "-f", "ris"))] == [
        {"ID": "unhcr-2021-05-12-diffa-factsheet", "PB": "UNHCR", "DP": "ReliefWeb"},
        {"ID": "ap-2022-02-17-yahoo-france-leaves", "T2": "Yahoo News",
         "N1": "Associated Press text"},
    ]  # fmt: skip
    bib = parse_string(out(run, *cite, "-f", "bibtex"), "bibtex").entries
    report, story = (
        bib["unhcr-2021-05-12-diffa-factsheet"],
        bib["ap-2022-02-17-yahoo-france-leaves"],
    )
    # the site read on alone: our note on the source is no part of a citation (U37)
    assert (report.fields["institution"], report.fields["note"]) == ("UNHCR", "Via ReliefWeb")
    assert (story.fields["journal"], story.fields["note"]) == (
        "Yahoo News",
        "Associated Press text",
    )
    assert out(run, *cite).splitlines() == [
        "Corbet, Sylvie (2022, 17 February). France to withdraw troops from Mali. Yahoo News. "
        "Associated Press text. https://news.yahoo.com/france-withdraw",
        "UNHCR (2021, 12 May). Niger Factsheet: Diffa Region (via ReliefWeb). "
        "https://reliefweb.int/report/niger/diffa-factsheet",
    ]
    shown = json.loads(out(run, "source", "unhcr-2021-05-12-diffa-factsheet", "--data", str(data),
                           "-f", "json"))  # fmt: skip
    assert (shown["publisher"], shown["via"]) == ("UNHCR", "ReliefWeb")


def test_a_unhcr_factsheet_read_on_reliefweb_cites_unhcr(bundled: None, run: Run) -> None:
    """K40: the record's UNHCR factsheets read on ReliefWeb were published by "UNHCR (via
    ReliefWeb)" in every citation export."""
    ident = "unhcr-niger-diffa-factsheet-2021-03"
    [item] = json.loads(out(run, "cite", ident, "-f", "csl-json"))
    assert (item["publisher"], item["source"]) == ("UNHCR", "ReliefWeb")
    [ris] = _ris_tags(out(run, "cite", ident, "-f", "ris"))
    assert (ris["PB"], ris["DP"]) == ("UNHCR", "ReliefWeb")


def test_a_wikipedia_page_is_in_its_editions_language(run: Run, tmp_path: Path) -> None:
    """K66: English Wikipedia's "2020 Malian coup d'état" went to Zotero as French (its
    é), as did 16 other English pages titled by a name (Ménaka, Dioncounda Traoré) and 3
    German ones: the edition decides, and one with no BibTeX name says nothing."""
    data = tmp_path / "wiki.toml"
    data.write_text(
        '[[sources]]\nid = "wp-coup"\ntitle = "2020 Malian coup d\'état"\n'
        'publisher = "Wikipedia"\nkind = "reference"\n'
        'url = "https://en.wikipedia.org/wiki/2020_Malian_coup_d%27%C3%A9tat"\n\n'
        '[[sources]]\nid = "wp-de"\ntitle = "Ménaka"\npublisher = "Wikipedia (German)"\n'
        'kind = "reference"\nurl = "https://de.wikipedia.org/wiki/M%C3%A9naka"\n'
    )
    given = ("--data", str(data))
    assert "  language = {english},\n" in out(run, "cite", "wp-coup", "-f", "bibtex", *given)
    assert "LA  - en\n" in out(run, "cite", "wp-coup", "-f", "ris", *given)
    [item] = json.loads(out(run, "cite", "wp-coup", "-f", "csl-json", *given))
    assert item["language"] == "en"
    [german] = json.loads(out(run, "cite", "wp-de", "-f", "csl-json", *given))
    assert "language" not in german
    assert "language" not in out(run, "cite", "wp-de", "-f", "bibtex", *given)


def test_cite_of_a_place_names_the_event_named_after_it(
    run: Run, bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cite solhan` cites the place; `event solhan` points to the massacre, so cite
    says which it took and how to cite the other (U37), on a watched stderr."""
    from conftest import watched

    told = watched(monkeypatch)
    assert run("cite", "solhan").exit_code == 0
    assert len(told) == 1 and "cited the place solhan" in told[0]
    assert "barkhane cite solhan-massacre" in told[0]
    told.clear()
    run("cite", "solhan-massacre")
    run("cite", "place:solhan")
    assert told == []
