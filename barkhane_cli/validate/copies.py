"""The publisher rule: who wrote a page, never where it was read; and the via rule: the
site it was read on, never a description of the copy.

A publisher that says where the page was read, "UNHCR (via ReliefWeb)", "WikiMili
(mirror of English Wikipedia)", "UNHCR (copy on Docslib)", is what every citation export
(CSL-JSON, RIS, BibTeX, text) gives a reader as the publisher, and listings count it
apart from "UNHCR". The site read on is the source's `via`, named as a reader finds it
("Paperblog", "samasamp.blogspot.com"): "a mirror", "an RSS aggregator copy", "blog
repost" say what the page was and send nobody anywhere (K43 replaced 46 of them). A
site's copy of Wikipedia is its edition's, the site the via, and which revision was read
the note's (K47). The advice names each half by the record's names (validate/names.py).
"""

from __future__ import annotations

import re

from barkhane_cli.tomlwrite import string
from barkhane_cli.validate.names import WIKIPEDIA_LANGUAGES, canonical, masked, site, wikipedia

READ_ON_WORD = "via"  # the via rule's (READ_ELSEWHERE): the page was read on another site

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
    name, words, language = found.group(1), found.group(2), found.group(3).strip()
    if words in ("", "from ") and language in WIKIPEDIA_LANGUAGES.values() and not _reads(name):
        return wikipedia(language), site(name)
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
        if shows.search(masked(publisher)) is not None:
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
        return canonical(alone), site(via)
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
