"""Citations read by the real readers: pybtex (BibTeX), citeproc-py (CSL-JSON), rispy (RIS)."""

from __future__ import annotations

import io
import json

import pytest
from conftest import ROOT, Run

from barkhane_cli.store import files

BUNDLED = ROOT / "data"


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "bundled_path", lambda: BUNDLED)


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
    # an organisation stays one name, not "Jazeera, Al"
    assert [str(p) for p in aj.persons["author"]] == ["{Al Jazeera}"]


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
