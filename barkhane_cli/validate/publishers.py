"""The publisher rule: who wrote a page, never where it was read; and the via rule: the
site it was read on, never a description of the copy.

A publisher that says where the page was read, "UNHCR (via ReliefWeb)", "WikiMili
(mirror of English Wikipedia)", "UNHCR (copy on Docslib)", is what every citation export
(CSL-JSON, RIS, BibTeX, text) gives a reader as the publisher, and listings count it
apart from "UNHCR". The site read on is the source's `via`, named as a reader finds it
("Paperblog", "samasamp.blogspot.com"): "a mirror", "an RSS aggregator copy", "blog
repost" say what the page was and send nobody anywhere (K43 replaced 46 of them).
"""

from __future__ import annotations

import re

from barkhane_cli.tomlwrite import string

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
    ("names the site the page was read on", re.compile(r"\(via "), re.compile(r"\s*\(via ([^()]+)\)")),
    ("says the page was a copy, mirror or reprint", _COPY, _COPY_ON),
)  # fmt: skip


def read_elsewhere(publisher: str) -> str | None:
    """Why ``publisher`` is refused and what to write instead, or None when it is one."""
    for does, shows, bracket in READ_ELSEWHERE:
        if shows.search(publisher) is None:
            continue
        read = bracket.search(publisher)
        if read is not None:
            alone = (publisher[: read.start()] + publisher[read.end() :]).strip()
            via = read.group(1).strip()
            # the exact split only where both halves pass: "UNHCR (via a mirror)" was told
            # to write via = "a mirror", which the via rule refuses
            if read_elsewhere(alone) is None and described(via) is None:
                return f"{does}; write publisher = {string(alone)} and via = {string(via)}"
        return f'{does}; write who wrote it as the publisher and the site as via = "..."'
    return None


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
