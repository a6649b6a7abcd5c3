"""An outlet carrying another's text is the container in every citation format, and whose
text it is a note, one rule whether the record writes "Kelnews (AFP)" or AFP read on
Le360 Afrique's site (U54: `journal = {Kelnews (AFP)}` beside `T2 AFP`, `DP Le360
Afrique`). Read back by the readers a reference manager uses: pybtex, rispy, citeproc-py."""

from __future__ import annotations

import io
import json

import pytest

from barkhane_cli import model as m
from barkhane_cli.render.citations import author_date, bibtex_entry, outlet, ris_entry
from barkhane_cli.render.env import Env
from barkhane_cli.validate import names
from barkhane_cli.validate.relays import carried

SOURCES = {
    "bracket": m.Source("bracket", "Mali army says 19 terrorists", "Kelnews (AFP)", "news"),
    "read-on": m.Source("read-on", "Nord du Mali", "AFP", "news", via="Le360 Afrique"),
    "chain": m.Source("chain", "Attaque", "Dakarposte (Sahara Medias/AFP)", "news"),
    "qualified": m.Source("qualified", "Mali", "20 Minutes (Switzerland) (AFP)", "news"),
    "place": m.Source("place", "Mali", "20 Minutes (Switzerland)", "news"),
    "edition": m.Source("edition", "Moura", "Wikipedia (French)", "reference"),
    "report": m.Source("report", "Sahel update", "UNHCR", "report", via="ReliefWeb"),
    "bare": m.Source("bare", "Mali coup", "Reuters", "news"),
    "blog": m.Source("blog", "Niger", "Diocèse de Maradi (blog)", "article"),
    "wire": m.Source("wire", "Mali", "Die Zeit (dpa)", "news"),
    "acronym": m.Source("acronym", "Djibo", "Agence d'Information du Burkina (AIB)", "news"),
    "agency": m.Source("agency", "Mali", "Antelope Valley Press (AP)", "news"),
}
# (container or publisher, whose text, read on) each source must be cited with
CITED = {
    "bracket": ("Kelnews", "AFP text", None),
    "read-on": ("Le360 Afrique", "AFP text", None),
    "chain": ("Dakarposte", "Sahara Medias/AFP text", None),
    "qualified": ("20 Minutes (Switzerland)", "AFP text", None),
    "place": ("20 Minutes (Switzerland)", None, None),
    "edition": ("Wikipedia (French)", None, None),
    "report": ("UNHCR", None, "ReliefWeb"),
    "bare": ("Reuters", None, None),
    "blog": ("Diocèse de Maradi (blog)", None, None),
    "wire": ("Die Zeit", "dpa text", None),
    "acronym": ("Agence d'Information du Burkina (AIB)", None, None),
    "agency": ("Antelope Valley Press", "AP text", None),
}


def test_bibtex_names_the_outlet_the_journal_and_the_agency_in_the_note() -> None:
    from pybtex.database import parse_string

    db = parse_string("\n".join(bibtex_entry(s) for s in SOURCES.values()), "bibtex")
    got = {}
    for ident, entry in db.entries.items():
        fields = ("journal", "institution", "publisher")
        who = next(entry.fields[f] for f in fields if f in entry.fields)
        note = entry.fields.get("note")
        carried = note.split(". Via ")[0] if note and not note.startswith("Via ") else None
        read_on = note.rsplit("Via ", 1)[1] if note and "Via " in note else None
        got[ident] = (who, carried, read_on)
    assert got == CITED


def test_ris_names_the_outlet_t2_and_the_agency_n1() -> None:
    import rispy

    records = rispy.load(io.StringIO("\n".join(ris_entry(s) for s in SOURCES.values())))
    got = {
        r["id"]: (
            r.get("secondary_title") or r.get("publisher"),
            (r.get("notes") or [None])[0],
            r.get("database_provider"),
        )
        for r in records
    }
    assert got == CITED


def test_csl_json_names_the_outlet_the_container_and_renders() -> None:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    from barkhane_cli.render.citations import write

    buffer = io.StringIO()
    env = Env(
        out=buffer, err=io.StringIO(), is_tty=False, color=False, width=None, ascii_only=False
    )
    write(env, "csl-json", list(SOURCES.values()))
    items = json.loads(buffer.getvalue())
    got = {
        i["id"]: (i.get("container-title") or i.get("publisher"), i.get("note"), i.get("source"))
        for i in items
    }
    assert got == CITED
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bib.register(Citation([CitationItem("bracket")]))
    (rendered,) = [str(entry) for entry in bib.bibliography()]
    assert "Kelnews" in rendered and "(AFP)" not in rendered


def test_text_names_the_outlet_once_and_the_agency_after_the_title() -> None:
    assert author_date(SOURCES["bracket"]) == (
        "Kelnews (n.d.). Mali army says 19 terrorists. AFP text."
    )
    assert author_date(SOURCES["read-on"]) == "Le360 Afrique (n.d.). Nord du Mali. AFP text."
    assert author_date(SOURCES["report"]) == "UNHCR (n.d.). Sahel update (via ReliefWeb)."


@pytest.mark.parametrize(
    ("publisher", "describes"),
    [
        ("20 Minutes (Switzerland)", True),  # a place
        ("Press TV (French)", True),  # a language
        ("Al-Ain (French edition)", True),  # an edition
        ("Diocèse de Maradi (blog)", True),  # a kind in lower case
        ("Agence d'Information du Burkina (AIB)", True),  # its own acronym
        ("Die Zeit (dpa)", False),  # a wire in lower case
        ("Antelope Valley Press (AP)", False),  # an agency as the record brackets it
        ("Kelnews (AFP)", False),
        ("Dakarposte (Sahara Medias/AFP)", False),
    ],
)
def test_validate_and_citations_read_a_bracket_by_one_rule(publisher: str, describes: bool) -> None:
    """U57: validate's relay advice and citations judged whether a bracket describes the
    outlet by two rules (validate's knew no place, edition or acronym). One rule now
    (validate/names.describes): whom the citation's note says the outlet carries is whom
    validate reads in the bracket."""
    out = outlet(m.Source("s", "T", publisher, "news"))
    assert (out.carried is None) == describes == (carried(publisher) == ())
    outlet_name, bracket = publisher[:-1].rsplit(" (", 1)
    assert names.describes(bracket, outlet_name) == describes
