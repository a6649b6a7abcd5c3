"""Sources written for reference managers: BibTeX, CSL-JSON, RIS, and plain text.

One rule in every format: the authors are the people the source names, split into family
and given names (cite.names); a source that names none has no author (its publisher is
its publisher, or its container, said once). The site a page was read on (``via``) is
never the publisher: CSL-JSON's ``source``, RIS's ``DP``, a BibTeX note; the file the
repository keeps a text in (the seed's) is its archive location (cite.kept_at). BibTeX text is
escaped (``&``, ``%``, ``#``, braces ...) and a family name of several words is braced, so
"Molins Lliteras" stays one family name; RIS lines carry no line breaks. A citation is
the reference alone: our note on a source stays in its JSON (source ID -f json), and a
title we wrote is bracketed (cite.title).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from barkhane_cli import cite
from barkhane_cli import model as m
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import escaped, inert

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
    pub = cite.publisher(s)
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
    if s.via:
        fields.append(("note", _bib(f"Via {s.via}")))
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
    pub = cite.publisher(s)
    if pub is not None:
        out += line("T2" if s.kind in ("news", "article", "reference") else "PB", pub)
    if s.via:
        out += line("DP", s.via)  # "database provider": where the page was read
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
    # no N1: Zotero makes it a child note, our working notes in the reader's library (U37)
    return out + "ER  - \n"


def write(env: Env, fmt: str, sources: Sequence[m.Source], by_who: bool = True) -> None:
    """The sources in a citation format, in the order given; text, a reference list, by
    who and when unless ``by_who`` is False (sources --sort: the order asked for)."""
    out = env.out
    if fmt == "csl-json":
        items = [cite.csl_item(s) for s in sources]
        out.write(json.dumps(items, ensure_ascii=env.ascii_only, indent=2) + "\n")
    elif fmt == "bibtex":
        out.write("\n".join(bibtex_entry(s) for s in sources))
    elif fmt == "ris":
        out.write("\n".join(ris_entry(s) for s in sources))
    else:
        for s in sorted(sources, key=cite.sort_key) if by_who else sources:
            out.write(inert(" ".join(cite.author_date(s).split())) + "\n")
