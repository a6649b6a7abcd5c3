"""Citations: what an entry rests on, and who cites a source, as data for the formats
reference managers read (BibTeX, CSL-JSON, RIS) and a plain author–date text.

Every entry key is the source's id: stable across releases, unique, and already made of
the characters BibTeX allows in a key (letters, digits and hyphens).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from barkhane_cli import model as m
from barkhane_cli.dates import PartialDate
from barkhane_cli.errors import NotFoundError
from barkhane_cli.resolve import Named, Resolver

CITE_KINDS = ("event", "fact", "actor", "place", "era", "source")
# Our source kinds as CSL item types, BibTeX entry types and RIS reference types.
CSL_TYPES = {
    # an online article (a blog's, a think tank's, a site's): a web page, as RIS's ELEC
    # says; CSL's "article" is a preprint to Zotero, which filed the seed and 223 others
    # as preprints (U32)
    "article": "webpage",
    "news": "article-newspaper",
    "reference": "entry-encyclopedia",
    "un-document": "document",
    "official": "webpage",
    "report": "report",
    "dataset": "dataset",
}
BIBTEX_TYPES = {"news": "article", "report": "techreport"}  # others: misc
RIS_TYPES = {
    "article": "ELEC",
    "news": "NEWS",
    "reference": "ENCYC",
    "un-document": "GOVDOC",
    "official": "GOVDOC",
    "report": "RPRT",
    "dataset": "DATA",
}


@dataclass(frozen=True, slots=True)
class Citing:
    """An entry that cites a source, and what it says the source supports."""

    kind: str
    id: str
    title: str
    date: str
    note: str | None
    quote: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "note": self.note,
            "quote": self.quote,
        }


def _entries(data: m.Dataset) -> Iterator[tuple[str, str, str, str, Iterable[m.SourceRef]]]:
    """(kind, id, title, date, references) of every entry that carries sources."""
    for e in data.events + data.aftermath:
        yield "event", e.id, e.title, e.date.iso(), e.sources
    for f in data.facts.values():
        yield "fact", f.id, f.label, f.as_of.iso(), f.sources
    for a in data.actors.values():
        yield "actor", a.id, a.name, a.start.iso() if a.start else "", a.sources
    for p in data.places.values():
        yield "place", p.id, p.name, "", p.sources
    for era in data.eras.values():
        yield "era", era.id, era.name, era.start.iso(), era.sources
    for j in data.judgments.values():
        refs = [m.SourceRef(m.SEED_ID, quote=j.quote), *j.outcome_sources]
        yield "judgment", j.id, j.quote, j.outcome_date.iso() if j.outcome_date else "", refs


def cited_by(data: m.Dataset, source_id: str) -> list[Citing]:
    """Every entry citing the source, in table order, with its note or quote."""
    out = []
    for kind, ident, title, date, refs in _entries(data):
        for ref in refs:
            if ref.id == source_id:
                out.append(Citing(kind, ident, title, date, ref.note, ref.quote))
                break
    return out


def events_citing(data: m.Dataset, source_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each of the sources, the events (the aftermath's too) that cite it, in date
    order: where a search that finds a source leads (U16: `search hammam` found two
    sources on his death, not the event citing them)."""
    wanted = set(source_ids)
    if not wanted:
        return {}  # a search that found no source reads no event's references
    found: dict[str, list[str]] = {sid: [] for sid in wanted}
    for e in data.events + data.aftermath:
        for sid in dict.fromkeys(ref.id for ref in e.sources if ref.id in wanted):
            found[sid].append(e.id)
    return {sid: tuple(ids) for sid, ids in found.items()}


def resolve(data: m.Dataset, wanted: str) -> tuple[str, str, list[m.SourceRef]]:
    """``ID`` or ``KIND:ID`` -> (kind, id, references). An id that names entries of several
    kinds (the operation ``serval`` and its launch event) asks for the kind."""
    kind, _, ident = wanted.rpartition(":")
    found = [
        (k, i, list(refs))
        for k, i, _, _, refs in _entries(data)
        if i == ident and (not kind or k == kind)
    ]
    if (kind == "source" or (not kind and not found)) and ident in data.sources:
        return "source", ident, [m.SourceRef(ident)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        forms = " or ".join(f"{k}:{i}" for k, i, _ in found)
        raise NotFoundError(f"{wanted!r} names several entries; give {forms}")
    every = list(dict.fromkeys([i for _, i, _, _, _ in _entries(data)] + list(data.sources)))
    close = difflib.get_close_matches(ident, every, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise NotFoundError(f"no event, fact, actor, place, era or source has the id {wanted!r}{hint}")


def events_named_after(data: m.Dataset, wanted: str) -> tuple[str, str, list[str]]:
    """(kind, id, events) when ``wanted`` (no ``KIND:``) cites an entry that is not an
    event while events carry its id as their first word: `cite solhan` cites the place,
    where `event solhan` points to solhan-massacre (U37), so cite names it as event does.
    No events when the kind was given or is an event's."""
    kind, ident, _ = resolve(data, wanted)
    if ":" in wanted or kind == "event":
        return kind, ident, []
    lead = f"{ident}-"
    return kind, ident, [e.id for e in data.events + data.aftermath if e.id.startswith(lead)]


def sources_of(data: m.Dataset, wanted: Iterable[str]) -> list[m.Source]:
    """The sources the given entries rest on, each once, in the order first cited."""
    seen: dict[str, m.Source] = {}
    for w in wanted:
        _, _, refs = resolve(data, w)
        for ref in refs:
            src = data.sources.get(ref.id)
            if src is not None:
                seen.setdefault(src.id, src)
    return list(seen.values())


def publishers(data: m.Dataset, text: str, words_only: bool = False) -> frozenset[str]:
    """The publishers sources --publisher ``text`` names, matched as --country and every
    name is (resolve.Resolver: accents, case and punctuation aside): the one it names
    whole ("rfi": RFI, not "PressAfrik (RFI)", a page republishing it), else every one
    holding it as words or beginning with it ("radio france"), with ``words_only`` not
    those only beginning with it (a short form's letters: "un" is not "Unknown"); none
    is a NotFoundError with the nearest, as an unknown country is."""
    names = sorted({s.publisher for s in data.sources.values()})
    named = (Named(n, n) for n in names)
    memo = data.memo("publishers")
    begun_apart = (lambda _typed, _begun: True) if words_only else None
    resolver = Resolver(named, "publisher", ("sources",), names_shown=False, memo=memo,
                        elsewhere_whole=begun_apart)  # fmt: skip
    return frozenset(resolver.candidates(text) or {resolver.resolve(text)})


def parts(d: PartialDate | None) -> list[int] | None:
    if d is None:
        return None
    return [x for x in (d.year, d.month, d.day) if x is not None]


# Words that begin a family name when they follow the given name ("Hademine Ould Sadi",
# "Iyad Ag Ghaly", "Jean de La Fontaine"): BibTeX's "von" part, for the names we cite.
_PARTICLES = frozenset(
    [
        "ag",
        "al",
        "ben",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "ould",
        "van",
        "von",
    ]
)
# Function words that tell a French title from an English one, for CSL's `language` (a
# French title must not be put in title case by an English style).
_FRENCH = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "au",
        "aux",
        "une",
        "et",
        "dans",
        "pour",
        "sur",
        "est",
        "après",
        "contre",
        "avec",
        "par",
        "sont",
        "vers",
        "entre",
        "depuis",
        "sans",
        "qui",
        "que",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "in",
        "to",
        "for",
        "on",
        "with",
        "after",
        "as",
        "is",
        "are",
        "from",
        "by",
        "at",
        "against",
    ]
)
_FRENCH_LETTERS = frozenset("éèêàçôûœîëï")


@dataclass(frozen=True, slots=True)
class Name:
    """One author: ``family`` and ``given``, or a ``literal`` name kept whole."""

    family: str = ""
    given: str = ""
    literal: str = ""

    def csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        return (
            {"family": self.family, "given": self.given} if self.given else {"family": self.family}
        )

    def inverted(self) -> str:
        """``Family, Given`` (what RIS and BibTeX want), or the literal name."""
        if self.literal:
            return self.literal
        return f"{self.family}, {self.given}" if self.given else self.family


def names(author: str | None) -> list[Name]:
    """The authors of a source. The data writes a person as ``Given Family`` (split at the
    last word, particles joining the family: "Hademine Ould Sadi"), as ``Family, Given``
    where the family has several words ("Molins Lliteras, Susana"), or ``{Whole Name}`` to
    keep a name unsplit; several authors are joined with `` and ``."""
    if not author:
        return []
    out = []
    for part in (p.strip() for p in author.split(" and ")):
        if not part:
            continue
        if part.startswith("{") and part.endswith("}"):
            out.append(Name(literal=part[1:-1].strip()))
        elif "," in part:
            family, _, given = part.partition(",")
            out.append(Name(family.strip(), given.strip()))
        else:
            words = part.split()
            cut = len(words) - 1
            for i, word in enumerate(words[1:-1], 1):
                if word.casefold() in _PARTICLES:
                    cut = i
                    break
            out.append(Name(" ".join(words[cut:]), " ".join(words[:cut])))
    return out


def publisher(s: m.Source) -> str | None:
    """The publisher, or None where the data says it is unknown (the seed article)."""
    return None if s.publisher.casefold().startswith("unknown") else s.publisher


# Where a source's ``file`` (a path in this repository: the seed's text) is kept, as a
# citation says it: the archive, then the path within it. The seed has no author,
# publisher, date or address; the file is what leads a reader of a bibliography to it (U41).
REPOSITORY = "barkhane repository"


def kept_at(s: m.Source) -> str | None:
    """``barkhane repository, seeds/...txt`` for a source whose text the repository keeps."""
    return f"{REPOSITORY}, {s.file}" if s.file else None


# A Wikipedia edition's language is its address's first label; the editions a citation
# can name (BibTeX's babel names are given for these two only).
_EDITIONS = {"en": "en", "simple": "en", "fr": "fr"}


def language(s: m.Source) -> str | None:
    """``fr`` or ``en`` when the title's own words say so clearly; else None (unsaid).
    A Wikipedia page's edition decides: its titles are names as often as sentences, and
    an English one holding an accented name or a loanword ("2020 Malian coup d'état",
    "Ménaka offensive") read as French; another edition's says nothing. A title we
    wrote (made_title) in English is our description, whatever the page's language (RFI's
    French report described in English went out as English): only French is said of it,
    a headline read back from a French address."""
    if _host(s.url).endswith(".wikipedia.org"):
        return _EDITIONS.get(_host(s.url).split(".")[0])
    words = [w.strip("«»“”\"'’.,:;!?()[]").casefold() for w in s.title.split()]
    french = sum(w in _FRENCH for w in words) + (2 if _FRENCH_LETTERS & set(s.title) else 0)
    english = sum(w in _ENGLISH for w in words)
    if french >= 2 and english == 0:
        return "fr"
    if english >= 2 and french == 0 and not made_title(s):
        return "en"
    return None


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # "http://[x": validate says what is wrong with it
        return ""


# How the record says a title is ours, written because the copy read showed none: a
# description ("descriptive title", "title ours"), the headline read back from the page's
# address ("title taken from the page address"), paraphrased from its text or translated
# ("title translated from the Arabic"). The record
# writes it in the source's note, in the many ways of ~1,000 notes; notes that only quote
# or discuss a headline ("the headline says ten") say nothing of the title's making.
_MADE_TITLE = re.compile(
    r"\b(?:descriptive title|title (?:is |as given here is )?descriptive|(?:the )?title (?:is )?ours"
    r"|title (?:is )?(?:taken |supplied |completed |shortened |reconstructed |paraphrased "
    r"|inferred |cut |understood |described )?(?:(?:and date )?(?:as (?:given )?(?:in|by) "
    r"|as (?:the|in the) |from |after )(?:the )?(?:page(?:'s)? |story's |post's )?(?:address|url|opening"
    r"|text|content|subject|first|subheading|document)|(?:as the )?(?:page(?:'s)? )?address "
    r"(?:gives|spells) it)|title (?:and date )?(?:as (?:summari[sz]ed|understood) from "
    r"|paraphrased|inferred|described|reconstructed|supplied|translated)"
    r"|(?:headline|title) not shown|shows no headline|no headline shown|no title in"
    r"|title is its first words|this title describes it)",
    re.IGNORECASE,
)


def made_title(s: m.Source) -> bool:
    """Whether the source's title is ours, not the page's: written in square brackets in
    the record, or its note says so (docs/data-format.md, `title`)."""
    return s.title.startswith("[") or bool(s.note and _MADE_TITLE.search(s.note))


def title(s: m.Source) -> str:
    """The title as a citation gives it: one we made (made_title) in square brackets, as
    reference managers and styles (APA's "[Description]") mark a description, so that a
    reader does not search for a headline the page never had; one the record already
    brackets ("[Reuters: ...] (AFP)", "[Info RFI] ...") as it is."""
    if made_title(s) and not s.title.startswith("["):
        return f"[{s.title}]"
    return s.title
