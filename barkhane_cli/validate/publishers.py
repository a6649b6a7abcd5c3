"""The publisher rule: who wrote a page, never where it was read; and the via rule: the
site it was read on, never a description of the copy.

A publisher that says where the page was read, "UNHCR (via ReliefWeb)", "WikiMili
(mirror of English Wikipedia)", "UNHCR (copy on Docslib)", is what every citation export
(CSL-JSON, RIS, BibTeX, text) gives a reader as the publisher, and listings count it
apart from "UNHCR". The site read on is the source's `via`, named as a reader finds it
("Paperblog", "samasamp.blogspot.com"): "a mirror", "an RSS aggregator copy", "blog
repost" say what the page was and send nobody anywhere (K43 replaced 46 of them).
And one name for each publisher (K46): "AP" is "Associated Press", and a Wikipedia
page's publisher is the edition its own address serves; a site's copy of Wikipedia is
its edition's, the site the via, and which revision was read the note's (K47). One
spelling for each outlet and site, a via's too (K47, validate/spellings.py). And whom an
outlet carries is named in its bracket, never in words, "Maliweb (RFI)" for "Maliweb (from
RFI)" or "225.ci (AIP, after AFP)", and whom its article cites goes in note (PB, PB2).
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from barkhane_cli.tomlwrite import string
from barkhane_cli.validate.spellings import SPELLINGS

# The words by which a publisher says whom its outlet carries or cites, or where the page
# was read, wherever they sit: "Maliweb (from RFI)" (PB: 101 records), "225.ci (AIP, after
# AFP)", "Press TV (French), after AFP", "Le Monde with AFP and Reuters", "Bibblers (blog,
# relaying AFP and Reuters)", "Mardi hongrois (blog quoting ADIAC)" (PB2: 48 more). Whole
# words in lower case: "La Via Campesina" is a name.
CARRYING_WORDS = ("from", "after", "with", "relaying")
CITING_WORDS = ("citing", "quoting")
READ_ON_WORD = "via"  # the via rule's (READ_ELSEWHERE): the page was read on another site
_WORDED = re.compile(rf"\b({'|'.join((*CARRYING_WORDS, *CITING_WORDS))})\b")
# Names holding one of the words, which are no worded form: an outlet called so.
NAMES_WITH_WORDS = ("Latest News from Kenya",)


def _masked(publisher: str) -> str:
    """``publisher`` with the names ``NAMES_WITH_WORDS`` declares blanked, letter for
    letter, so the words are searched for outside them at the places they have."""
    for name in NAMES_WITH_WORDS:
        publisher = publisher.replace(name, "_" * len(name))
    return publisher


# The words of a copy, which both rules read, in lower case only: "Milford Mirror", "AP
# Archive" and "The National Archives" are publishers' names, "The Daily Blog" a site's;
# "mirror", "archived brief", "a blog copy" describe a page. "Reporters" (the Algerian
# paper) holds no word of it.
_COPY_WORDS = r"cop(?:y|ies|ied|ying)|mirror(?:ed|s)?|reprint\w*|repost\w*"
# A publisher's: a copy in any words, or an archive a page was kept in or read through.
_COPY = re.compile(
    rf"\b(?:{_COPY_WORDS}|reproduc\w*|republish\w*|archived|archives?|kept by|"
    r"read (?:on|in|through))\b"
)
# A site the bracket names: "(copy on Docslib)", "(mirror at kiwix.jackbot.fr)"; not a
# description ("copy on another site", "copy on the Samasamp blog"), which has no advice
_COPY_ON = re.compile(
    r"\s*\((?:copy|mirror) (?:on|at) ((?!(?:a|an|another|the)\b)[^()\s;,]+(?: [A-Z][^()\s;,]*)*)\)"
)

# Each way a publisher names where the page was read (one rule, one message): what it
# does, the words that show it, and the bracket naming the site, for exact advice.
READ_ELSEWHERE = (
    ("names the site the page was read on", re.compile(rf"\b{READ_ON_WORD}\b"), re.compile(rf"\s*\({READ_ON_WORD} ([^()]+)\)")),
    ("says the page was a copy, mirror or reprint", _COPY, _COPY_ON),
)  # fmt: skip

# A site's copy named by the site and the Wikipedia it comes from (K47): "Wikiwand (French
# Wikipedia)", "Tripomatic (from Italian Wikipedia)", "Kiddle (from Wikipedia)", "TriplyDB
# (DBpedia, from English Wikipedia)". A copy's edition wrote it; the site is the via. The
# bracket's last word is Wikipedia, after another name: "Wikipedia (French)" and "Simple
# English Wikipedia" have none. Its French spelling too: "Wikiwand (Wikipédia)".
_FROM_WIKIPEDIA = re.compile(
    r"^(?!Wikip[eé]dia\b)(.*?\S)\s*\(([^()]*?)((?:[A-Z][a-z]+ )*)Wikip[eé]dia\)$"
)
# Which copy of a page was read, a revision or a rendering, is the note's: "Wikipedia (old
# revision)", "Wikipedia (revision of 7 September 2024)", "Wikipedia (French rendering)".
_WHICH_COPY = re.compile(r"\s*\((?:old revision|revision of [^()]+|[^()]*\brendering)\)")


def _from_wikipedia(publisher: str) -> str | None:
    found = _FROM_WIKIPEDIA.match(publisher)
    if found is None:
        return None
    does = "names the Wikipedia the page comes from"
    halves = _wikipedia_halves(found)
    if halves is not None:
        return f"{does}; write {_written(halves)}"
    # a copy's writer is its edition, but a summary (Wikisum) or an edition not named
    # ("Kiddle (from Wikipedia)") is the writer's to settle: what goes where, not names
    return (
        f"{does}; write who wrote the page as the publisher, a copy's Wikipedia edition "
        '("Wikipedia (French)") with the site as via'
    )


def _wikipedia_halves(found: re.Match[str]) -> tuple[str, str] | None:
    """The edition and the site of a copy ``_FROM_WIKIPEDIA`` matched, where both pass."""
    site, words, language = found.group(1), found.group(2), found.group(3).strip()
    if words in ("", "from ") and language in WIKIPEDIA_LANGUAGES.values() and not _reads(site):
        return wikipedia(language), _site(site)
    return None


def _which_copy(publisher: str) -> str | None:
    found = _WHICH_COPY.search(publisher)
    if found is None:
        return None
    does = "names the revision or rendering read, which goes in note"
    alone = (publisher[: found.start()] + publisher[found.end() :]).strip()
    if alone and not _reads(alone):
        return f"{does}; write publisher = {string(canonical(alone))}"
    return f"{does}; write who wrote it as the publisher"


def _reads(name: str) -> bool:
    """Whether ``name``, a half of a split, is refused by the publisher rule."""
    return read_elsewhere(name) is not None


def _copy_rule(publisher: str) -> tuple[str, re.Pattern[str]] | None:
    """The copy rule whose words ``publisher`` holds, what it does and its bracket."""
    for does, shows, bracket in READ_ELSEWHERE:
        if shows.search(_masked(publisher)) is not None:
            return does, bracket
    return None


def _copy_halves(publisher: str, bracket: re.Pattern[str]) -> tuple[str, str] | None:
    read = bracket.search(publisher)
    if read is None:
        return None
    alone = (publisher[: read.start()] + publisher[read.end() :]).strip()
    via = read.group(1).strip()
    # only where both halves pass: "UNHCR (via a mirror)" was told to write via = "a
    # mirror", which the via rule refuses; each half by the record's name, which the
    # one-name rule takes (RR33: "AP (copy on Docslib)")
    if not _reads(alone) and described(via) is None:
        return canonical(alone), _site(via)
    return None


def split(publisher: str) -> tuple[str, str] | None:
    """The publisher and the via, by the record's names, that ``publisher`` naming where
    the page was read comes apart into; None where no split both rules take is computed.
    validate's advice and the ACLED importer (K48: an export's "AP (copy on Docslib)")."""
    rule = _copy_rule(publisher)
    if rule is not None:
        return _copy_halves(publisher, rule[1])
    found = _FROM_WIKIPEDIA.match(publisher)
    return None if found is None else _wikipedia_halves(found)


def _written(halves: tuple[str, str]) -> str:
    return f"publisher = {string(halves[0])} and via = {string(halves[1])}"


def read_elsewhere(publisher: str) -> str | None:
    """Why ``publisher`` is refused and what to write instead, or None when it is one."""
    rule = _copy_rule(publisher)
    if rule is not None:
        does, bracket = rule
        halves = _copy_halves(publisher, bracket)
        if halves is not None:
            return f"{does}; write {_written(halves)}"
        return f'{does}; write who wrote it as the publisher and the site as via = "..."'
    # after K43's: "WikiMili (mirror of English Wikipedia)" is told it names a mirror
    return _from_wikipedia(publisher) or _which_copy(publisher)


# A via's: a copy, or what kind of site held it. Whole words: "blogspot" (a host) is
# not "blog".
_DESCRIPTION = rf"(?:{_COPY_WORDS}|blogs?|aggregators?|prox(?:y|ies))"
# The two shapes of a description: an article opens one ("a mirror", "an RSS aggregator
# copy", "the Samasamp blog") as it opens a name ("The Straits Times", "the Web Archive"),
# told apart by those words; and those words alone ("blog repost"), with no name at all.
DESCRIBED = (
    re.compile(rf"^(?i:a|an|the)\s.*\b{_DESCRIPTION}\b"),
    re.compile(rf"^{_DESCRIPTION}(?:\s+{_DESCRIPTION})*$"),
)
NAME_THE_SITE = (
    "describes the copy, not the site it was read on; write the site's name or address "
    'as via = "..."'
)


def described(via: str) -> str | None:
    """Why ``via`` is refused and what to write instead, or None when it names a site."""
    return NAME_THE_SITE if any(d.search(via.strip()) for d in DESCRIBED) else None


# One name for each publisher (K46): a citation manager files a source under its
# publisher and `sources` counts them, so "AP" and "Associated Press" were two publishers
# to both. The record's other spellings of one publisher, and the name it writes: the most
# used, and its prose's ("AFP", not "Agence France-Presse"); then each outlet's and site's
# spellings that differ by case, spaces, accents or an address's ending (K47: "TV5 Monde"
# is "TV5Monde", "abamako.com" "aBamako"), a via's too. Whole names, and an outlet printing
# an agency's text outlet and agency apart ("20 minutes (AFP)" is "20 Minutes (AFP)"); names
# of their own ("AP Archive", "Associated Press of Pakistan") are other publishers.
ALIASES = {
    "Agence France-Presse": "AFP",
    "AP": "Associated Press",
    "Wikipédia": "Wikipedia (French)",
    "Wikipédia (French)": "Wikipedia (French)",
    "Wikipedia (English)": "Wikipedia",
    **{variant: kept for kept, variants in SPELLINGS.items() for variant in variants},
}
# In an outlet's bracket the record names an agency short, "Yahoo News (AP)" as "Jeune
# Afrique (AFP)": 110 "(AP)" to 22 "(Associated Press)" and "(The Associated Press)".
AGENCY_IN_BRACKET = {
    "Associated Press": "AP",
    "The Associated Press": "AP",
    "Agence France-Presse": "AFP",
}
_OUTLET_AGENCY = re.compile(r"^(.+?) \(([^()]+)\)$")


def _spelled(name: str) -> str:
    """``name`` as the record spells it, an outlet's or site's; a Wikipedia alias names
    its edition only whole, the bracket after it being the edition: "Wikipédia (German)"
    is "Wikipedia (German)", not French."""
    kept = ALIASES.get(name, name)
    return "Wikipedia" if kept.startswith("Wikipedia") else kept


def _bracketed(agency: str) -> str:
    """``agency`` as the record names it in an outlet's bracket: an agency short, else by
    the record's spelling."""
    short = AGENCY_IN_BRACKET.get(agency)
    if short is not None or agency in AGENCY_IN_BRACKET.values():
        return short or agency
    return _spelled(agency)


def canonical(publisher: str) -> str:
    """The name the record writes for ``publisher``: itself unless it is another."""
    whole = ALIASES.get(publisher)
    if whole is not None:
        return whole
    found = _OUTLET_AGENCY.match(publisher)
    if found is None:
        return publisher
    outlet, agency = found.groups()
    return f"{_spelled(outlet)} ({_bracketed(agency)})"


# An outlet running another's text names it bare in its bracket, "Maliweb (RFI)", several
# joined by "/" in the chain's order, "Dakarposte (Sahara Medias/AFP)"; a qualifier of the
# outlet itself in its own bracket before them, as the record writes "20 Minutes
# (Switzerland) (AFP)": "Press TV (French) (AFP)", "Isioma Daniel (blog) (AFP)". An
# outlet's own article citing another is the outlet's alone, whom it cites the note's.
# Said in words (_WORDED), citation managers file and `sources` counts them apart.
# the names a worded form lists, as the record wrote them: "France 24, AFP and RFI"
_LISTED = re.compile(r"\s*(?:,|/| and | with )\s*")
# a bracket describing the text's writer rather than naming one: "(from another outlet)"
_UNNAMED = re.compile(r"^(?:a|an|another|some)\s")
_CARRIES = "says in words whose text the outlet carries"
_CITES = "names whom the outlet's article cites, which goes in note"
_CITING = "Citing"  # how the note names them, heading it: "Citing Reuters"


class _Form(NamedTuple):
    """The format's form of a worded publisher: the publisher, what heads the note (None
    for nothing), and the publisher where the bracket's first name, a comma before the
    words, qualifies the outlet rather than carrying the text ("225.ci (AIP) (AFP)" to
    "225.ci (AIP/AFP)"; None where that is not in doubt), with that name."""

    publisher: str
    note: str | None
    otherwise: str | None = None
    first: str = ""


def _qualifies(name: str) -> bool:
    """Whether ``name``, before the words in an outlet's bracket, is known to describe
    the outlet: a description all in lower case ("blog", "press review"; "aNiamey" is a
    name) or a language ("French"); a place ("Algeria") or an agency ("AIP") is not told
    apart."""
    return name.islower() or name in WIKIPEDIA_LANGUAGES.values()


def _passes(publisher: str) -> bool:
    return read_elsewhere(publisher) is None and _WORDED.search(_masked(publisher)) is None


def _form(publisher: str) -> _Form | None:
    """The format's form of ``publisher`` saying in words whom its outlet carries or
    cites, or None where it has none that passes: "Outlet (word names)", "Outlet (first,
    word names)", "Outlet (qualifier), word names", "Outlet word names"."""
    found = _WORDED.search(_masked(publisher))
    if found is None:
        return None
    left, word, names = publisher[: found.start()], found.group(1), publisher[found.end() :]
    opened = left.rfind("(")
    if opened > left.rfind(")"):  # the words inside the last bracket, which ends the name
        outlet, first = left[:opened].strip(), left[opened + 1 :].strip(" ,")
        names = names.removesuffix(")") if names.endswith(")") else "("
    else:
        outlet, first = left.strip(" ,"), ""
    names = names.strip()
    # a list it cannot read ("... and UN OCHA Mali; public repository ...") has no advice
    if not outlet or not names or any(c in names + first for c in "();"):
        return None
    # "(AIP, after AFP)": a comma leaves the first name's part in doubt; "(Le Figaro with
    # AFP)", "(blog quoting ADIAC)": the words say what the first name's text did
    form = _unworded_form(outlet, first, word, names, in_doubt=left.rstrip().endswith(","))
    if not _passes(form.publisher):
        return None
    if form.otherwise is not None and not _passes(form.otherwise):
        return form._replace(otherwise=None)
    return form


def _unworded_form(outlet: str, first: str, word: str, names: str, in_doubt: bool) -> _Form:
    head = canonical(f"{outlet} ({first})" if first else outlet)
    if word in CITING_WORDS:
        return _Form(head, f"{_CITING} {names}")
    if _UNNAMED.match(names):
        return _Form(head, names)
    listed = "/".join(_bracketed(name) for name in _LISTED.split(names))
    if not first or _qualifies(first):
        return _Form(f"{head} ({listed})", None)
    chain = f"{_spelled(outlet)} ({'/'.join(map(_bracketed, _LISTED.split(first)))}/{listed})"
    return _Form(chain, None, f"{head} ({listed})" if in_doubt else None, first)


def unworded(publisher: str) -> tuple[str, str | None] | None:
    """The format's form of a ``publisher`` saying in words whom its outlet carries or
    cites: the publisher, and what goes at the head of note (None for nothing); None when
    none is computed. Validate's advice and an import's writing of a name it cannot mend
    (ACLED's source field) both take it from here."""
    form = _form(publisher)
    return None if form is None else (form.publisher, form.note)


def worded(publisher: str) -> str | None:
    """Why ``publisher`` says in words whose text its outlet carries or cites, and what to
    write instead; None when it says neither."""
    found = _WORDED.search(_masked(publisher))
    if found is None:
        return None
    form = _form(publisher)
    if form is None and found.group(1) in CITING_WORDS:
        return (
            f'{_CITES}; write the outlet alone as publisher and "{_CITING} ..." at the head of note'
        )
    if form is None:
        return f'{_CARRIES}; write whom it carries in the outlet\'s bracket, "Maliweb (RFI)"'
    written = string(form.publisher)
    if form.note is None and form.otherwise is not None:
        return (
            f"{_CARRIES}; write publisher = {written}, or {string(form.otherwise)} if "
            f"{form.first} describes the outlet"
        )
    if form.note is None:
        return f"{_CARRIES}; write publisher = {written}"
    if form.note.startswith(f"{_CITING} "):
        return f'{_CITES}; write publisher = {written} and "{form.note}" at the head of note'
    return f"{_CARRIES}; write publisher = {written} and {string(form.note)} in note"


def _site(via: str) -> str:
    """The name the record writes for the site ``via``: a whole name, no agency bracket."""
    return ALIASES.get(via, via)


def another_name(via: str) -> str | None:
    """Why ``via`` is refused, another spelling of a site the record names once, or None."""
    kept = _site(via)
    return None if kept == via else _another("via", via, kept)


def _another(field: str, name: str, kept: str) -> str:
    """The one-name rule's message, a publisher's and a via's: ``name`` is ``kept``'s."""
    return f"{string(name)} is another name for {kept}; write {field} = {string(kept)}"


# Wikipedia is one publisher per language edition, named by its language in English:
# "Wikipedia" for English, "Wikipedia (French)", "Wikipedia (German)" and so on. An edition
# by its address's first label (fr.wikipedia.org, fr.m.wikipedia.org); a label not here
# ("simple", a small edition's) is left unjudged rather than named wrong.
WIKIPEDIA_LANGUAGES = {
    "en": "English", "fr": "French", "de": "German", "it": "Italian", "es": "Spanish",
    "pt": "Portuguese", "nl": "Dutch", "ar": "Arabic", "ru": "Russian", "sv": "Swedish",
    "fi": "Finnish", "sr": "Serbian", "sw": "Swahili", "pl": "Polish", "uk": "Ukrainian",
    "tr": "Turkish", "fa": "Persian", "ha": "Hausa", "bm": "Bambara", "wo": "Wolof",
    "ff": "Fula", "ca": "Catalan", "cs": "Czech", "no": "Norwegian", "da": "Danish",
    "ja": "Japanese", "zh": "Chinese", "he": "Hebrew", "ro": "Romanian", "el": "Greek",
}  # fmt: skip
_WIKIPEDIA_HOST = re.compile(r"^([a-z]+)(?:\.m)?\.wikipedia\.org$")


def wikipedia(language: str) -> str:
    """The publisher of a Wikipedia edition by its language ("French")."""
    return "Wikipedia" if language == "English" else f"Wikipedia ({language})"


_EDITIONS = frozenset(wikipedia(language) for language in WIKIPEDIA_LANGUAGES.values())


def edition(host: str) -> str | None:
    """The Wikipedia edition whose page ``host`` serves, or None for any other host."""
    found = _WIKIPEDIA_HOST.match(host)
    language = WIKIPEDIA_LANGUAGES.get(found.group(1)) if found else None
    return None if language is None else wikipedia(language)


def host_of(url: str) -> str:
    """``url``'s host in lower case as a reader writes it, "" where it has none. A trailing
    dot is the same host ("de.wikipedia.org.": the record has three) and is dropped, or
    validate's message said "the url's fr.wikipedia.org.;" (K48)."""
    try:
        return (urlsplit(url).hostname or "").removesuffix(".")
    except ValueError:
        return ""


def misnamed(publisher: str, url: str | None) -> str | None:
    """Why ``publisher`` is another name of one the record names once (an alias, or a
    Wikipedia edition other than the url's) and the name to write; None when it is that."""
    named = canonical(publisher)
    if named in _EDITIONS and url:  # the address read only where it can settle it
        host = host_of(url)
        page = edition(host)
        if page is not None and page != named:
            return f"{string(publisher)} disagrees with the url's {host}; write publisher = {string(page)}"
    return None if named == publisher else _another("publisher", publisher, named)


# Each field's rules as validate applies them, one problem a field: a name refused for
# where the page was read is not told again that it is another name, since the advice
# already gives the record's (RR33: "AP (copy on Docslib)" had two lines at odds). A name
# with spaces around it is refused, as a kind or an id is (K48: "   AP   " passed the
# one-name rule and was a publisher apart from "Associated Press"): the rules judge it
# without them, so the one line's advice is the name to write either way.
def publisher_problem(publisher: str, url: str | None) -> str | None:
    """Why ``publisher`` is refused and what to write instead, or None."""
    name = publisher.strip()
    return (
        read_elsewhere(name)
        or worded(name)
        or misnamed(name, url)
        or _padded("publisher", publisher)
    )


def via_problem(via: str) -> str | None:
    """Why ``via`` is refused and what to write instead, or None."""
    name = via.strip()
    return described(name) or another_name(name) or _padded("via", via)


def _padded(field: str, name: str) -> str | None:
    kept = name.strip()
    return (
        None
        if kept == name
        else f"{string(name)} has spaces around it; write {field} = {string(kept)}"
    )
