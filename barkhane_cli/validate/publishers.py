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

# The wording of a copy in lower case only: "Milford Mirror", "AP Archive" and "The
# National Archives" are publishers' names; "mirror", "archived brief" describe a page.
# "Reporters" (the Algerian paper) holds no word of it.
_COPY = re.compile(
    r"\b(?:cop(?:y|ies|ied|ying)|mirror(?:ed|s)?|reprint\w*|repost\w*|reproduc\w*|"
    r"republish\w*|archived|archives?|kept by|read (?:on|in|through))\b"
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


# The words of a description of a copy, in lower case only, as _COPY's: "The Daily Blog"
# would be a site's name. Whole words: "blogspot" (a host) is not "blog".
_DESCRIPTION = (
    r"(?:cop(?:y|ies)|mirror(?:s|ed)?|blogs?|repost(?:s|ed)?|aggregators?|prox(?:y|ies)|"
    r"reprint(?:s|ed)?)"
)
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
