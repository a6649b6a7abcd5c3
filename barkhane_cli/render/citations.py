"""Sources written for reference managers: BibTeX, CSL-JSON, RIS, and plain text.

One rule in every format: the authors are the people the source names, split into family
and given names (cite.names); a source that names none has no author (its publisher is
its publisher, or its container, said once). An outlet carrying another's text is the
container, whose text it is a note, one rule whether the record writes ``Outlet (AFP)``
or AFP read on the outlet's site (outlet()): CSL-JSON's ``note``, RIS's ``N1``, BibTeX's
``note``, "AFP text." in text. The site a report was read on (``via``) is never the
publisher: CSL-JSON's ``source``, RIS's ``DP``, a BibTeX note; the file the
repository keeps a text in (the seed's) is its archive location (cite.kept_at). BibTeX text is
escaped (``&``, ``%``, ``#``, braces ...) and a family name of several words is braced, so
"Molins Lliteras" stays one family name; RIS lines carry no line breaks. A citation is
the reference alone: our note on a source stays in its JSON (source ID -f json), and a
title we wrote is bracketed (cite.title).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from barkhane_cli import cite
from barkhane_cli import model as m
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import escaped, inert
from barkhane_cli.resolve import name_order
from barkhane_cli.validate.relays import relayed

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIB_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# One pass in C over the text: a generator of one lookup a character was most of the time
# `sources --format bibtex` spent on the record's ~10,000 sources (3.5 million calls);
# translated only when it holds one (controls.escaped): most titles and names hold none.
_BIB_TABLE = str.maketrans(_BIB_ESCAPES)


# Kinds whose publisher a citation gives as the container (the newspaper, the site, the
# encyclopedia): the rest have a publisher and no container.
CONTAINER_KINDS = frozenset({"news", "article", "reference"})


@dataclass(frozen=True, slots=True)
class Outlet:
    """Who a citation names for a source, by one rule for an outlet carrying another's
    text, whether the record writes it ``Outlet (Agency)`` or as a publisher read on
    another site (``via``, data-format.md): the outlet (the container of news, articles
    and reference works, the publisher of the rest), whose text it carries (a note in
    every format: "AFP text"), and the site or database it was read on. U54 saw
    ``journal = {Kelnews (AFP)}`` beside ``T2 AFP``/``DP Le360 Afrique`` for the same
    kind of page: a reference manager filed the agency as the journal."""

    name: str | None
    carried: str | None = None
    read_on: str | None = None

    def carried_note(self) -> str | None:
        """ "AFP text"; a bracket already in words ("AFP, translated") as it is."""
        if self.carried is None:
            return None
        words = self.carried.split()
        worded = len(words) > 1 and any(w[:1].islower() for w in words)
        return self.carried if worded else f"{self.carried} text"


def outlet(s: m.Source) -> Outlet:
    """The source's Outlet: an outlet's last bracket, unless it describes the outlet
    (validate/relays.relayed, by validate/names.describes; a qualifier before it stays: "20 Minutes (Switzerland) (AFP)" is 20 Minutes
    (Switzerland), AFP text), is the text it carries; a news item, article or
    reference page read on another site is that site's, carrying the publisher's text
    ("AFP" via Le360 Afrique: Le360 Afrique, AFP text); a report read on ReliefWeb
    stays its publisher's, read on ReliefWeb."""
    who = cite.publisher(s)
    if who is None:
        return Outlet(None, None, s.via)
    found = relayed(who)  # validate's relay rule: whom the bracket says it carries
    if found is not None:
        return Outlet(*found, s.via)
    if s.via and s.kind in CONTAINER_KINDS:
        return Outlet(s.via, who)
    return Outlet(who, None, s.via)


def csl_item(s: m.Source) -> dict[str, Any]:
    """A CSL-JSON item (what Zotero and pandoc's citeproc read).

    The publisher is said once: as the container (the newspaper, the encyclopedia) for
    news, articles and reference works, as the publisher for the rest. A source that names
    no author has none (never the publisher standing in for one), in every format. Our
    note on the source is no part of a citation, in any format: CSL's `note` lands in
    Zotero's Extra and is printed by some styles (the note is in the source's own JSON);
    it holds whose text the outlet carries alone (Outlet: "AFP text").
    """
    item: dict[str, Any] = {
        "id": s.id,
        "type": cite.CSL_TYPES.get(s.kind, "document"),
        "title": cite.title(s),
    }
    authors = cite.names(s.author)
    if authors:
        item["author"] = [n.csl() for n in authors]
    out = outlet(s)
    if out.name is not None:
        item["container-title" if s.kind in CONTAINER_KINDS else "publisher"] = out.name
    parts = cite.parts(s.date)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if out.read_on:  # CSL's "database or archive from which the item was retrieved"
        item["source"] = out.read_on
    if out.carried:  # whose text the outlet carries: CSL's note (Zotero's Extra)
        item["note"] = out.carried_note()
    if s.url:
        item["URL"] = s.url
    if s.file:  # Zotero's "Archive" and "Loc. in Archive"
        item["archive"], item["archive_location"] = cite.REPOSITORY, s.file
    lang = cite.language(s)
    if lang is not None:
        item["language"] = lang
    return item


def author_date(s: m.Source) -> str:
    """``Corbet, Sylvie (2020, 20 November). Title. Publisher. URL``; with no author, the
    publisher leads (as for an organisation), and with neither, the title. A source with
    no address that the repository keeps ends with where (kept_at). The site the
    page was read on follows what comes last before the address: ``UNHCR (2021, 12 May).
    Title (via ReliefWeb). URL``, ``Corbet, Sylvie (...). Title. AP (via Yahoo News). URL``."""
    authors = cite.names(s.author)
    out = outlet(s)
    who = " & ".join(n.inverted() for n in authors) or out.name
    when = "n.d."
    if s.date is not None:
        when = str(s.date.year)
        if s.date.month is not None:
            when += ", " + s.date.human().rsplit(" ", 1)[0]
    title_ = cite.title(s).rstrip(".")
    pub = out.name
    via = f" (via {out.read_on})" if out.read_on else ""
    tail = f" {pub}{via}." if authors and pub else ""
    if not tail:
        title_ += via
    carried = out.carried_note()
    if carried:
        tail += f" {carried}."
    kept = cite.kept_at(s)
    url = f" {s.url}" if s.url else f" {kept}." if kept else ""
    if who is None:
        return f"{title_} ({when}).{url}"
    return f"{who} ({when}). {title_}.{tail}{url}"


def sort_key(s: m.Source) -> tuple[tuple[str, str], str, str]:
    """A bibliography's order: by who, as every listing sorts names, then date."""
    authors = cite.names(s.author)
    who = authors[0].inverted() if authors else (outlet(s).name or s.title)
    return (name_order(who), s.date.iso() if s.date else "", s.id)


def _bib(text: str) -> str:
    flat = " ".join(inert(text).split())
    return escaped(flat, _BIB_TABLE)


def _bib_url(url: str) -> str:
    # \url{} takes the address as it is; only braces would break the field.
    return " ".join(url.split()).replace("{", "%7B").replace("}", "%7D")


def _bib_name(n: cite.Name) -> str:
    if n.literal:
        return "{" + _bib(n.literal) + "}"
    family = _bib(n.family)
    family = "{" + family + "}" if " " in family else family
    return f"{family}, {_bib(n.given)}" if n.given else family


def bibtex_entry(s: m.Source) -> str:
    kind = cite.BIBTEX_TYPES.get(s.kind, "misc")
    fields: list[tuple[str, str]] = [("title", "{" + _bib(cite.title(s)) + "}")]
    authors = cite.names(s.author)
    if authors:
        fields.append(("author", " and ".join(_bib_name(n) for n in authors)))
    out = outlet(s)
    pub = out.name
    if pub is not None:
        where = {"article": "journal", "techreport": "institution"}.get(kind, "publisher")
        fields.append((where, _bib(pub)))
        if not authors:
            fields.append(("key", _bib(pub)))  # what styles sort an authorless entry by
    lang = cite.language(s)
    if lang is not None:
        fields.append(("language", {"fr": "french", "en": "english"}[lang]))
    if s.date is not None:
        fields.append(("year", str(s.date.year)))
        if s.date.month is not None:
            fields.append(("month", MONTHS[s.date.month - 1]))
        if s.date.day is not None:
            fields.append(("day", str(s.date.day)))
    if s.url:
        fields.append(("url", _bib_url(s.url)))
        fields.append(("howpublished", "\\url{" + _bib_url(s.url) + "}"))
    elif (kept := cite.kept_at(s)) is not None:  # the seed: its text's file, no address
        fields.append(("howpublished", _bib(kept)))
    # The site read on goes in the note, which every standard style prints for every entry
    # type; howpublished is printed for @misc alone (not our news' @article or reports'
    # @techreport) and already holds the address. Our own note on the source never does:
    # a style would print its paragraphs in the reader's bibliography (U37).
    said = [out.carried_note(), out.read_on and f"Via {out.read_on}"]
    if any(said):  # whose text the outlet carries ("AFP text"), where it was read
        fields.append(("note", _bib(". ".join(n for n in said if n))))
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{kind}{{{s.id},\n{body}\n}}\n"


def ris_entry(s: m.Source) -> str:
    def line(tag: str, value: str) -> str:
        return f"{tag}  - {' '.join(inert(value).split())}\n"

    out = line("TY", cite.RIS_TYPES.get(s.kind, "GEN"))
    out += line("ID", s.id)
    out += line("TI", cite.title(s))
    for n in cite.names(s.author):
        out += line("AU", n.inverted())
    who = outlet(s)
    if who.name is not None:
        out += line("T2" if s.kind in CONTAINER_KINDS else "PB", who.name)
    if who.read_on:
        out += line("DP", who.read_on)  # "database provider": where the page was read
    lang = cite.language(s)
    if lang is not None:
        out += line("LA", lang)
    if s.date is not None:
        out += line("PY", str(s.date.year))
        parts = [f"{s.date.year:04d}", f"{s.date.month:02d}" if s.date.month else "",
                 f"{s.date.day:02d}" if s.date.day else ""]  # fmt: skip
        out += line("DA", "/".join(parts) + "/")
    if s.url:
        out += line("UR", s.url)
    if (kept := cite.kept_at(s)) is not None:
        out += line("AV", kept)  # "archive location": Zotero's "Loc. in Archive"
    # N1 holds whose text the outlet carries alone ("AFP text"), never our working notes:
    # Zotero makes N1 a child note in the reader's library (U37)
    carried = who.carried_note()
    if carried:
        out += line("N1", carried)
    return out + "ER  - \n"


def write(env: Env, fmt: str, sources: Sequence[m.Source], by_who: bool = True) -> None:
    """The sources in a citation format, in the order given; text, a reference list, by
    who and when unless ``by_who`` is False (sources --sort: the order asked for)."""
    out = env.out
    if fmt == "csl-json":
        items = [csl_item(s) for s in sources]
        out.write(json.dumps(items, ensure_ascii=env.ascii_only, indent=2) + "\n")
    elif fmt == "bibtex":
        out.write("\n".join(bibtex_entry(s) for s in sources))
    elif fmt == "ris":
        out.write("\n".join(ris_entry(s) for s in sources))
    else:
        for s in sorted(sources, key=sort_key) if by_who else sources:
            out.write(inert(" ".join(author_date(s).split())) + "\n")
