"""The names the publisher rules know: one name for each publisher and site, Wikipedia's
editions, the names that hold one of the rules' words, and whether a bracket after an
outlet's name describes the outlet or names whose text it carries (describes).

One name for each publisher (K46): "AP" is "Associated Press", and a Wikipedia page's
publisher is the edition its own address serves; one spelling for each outlet and site,
a via's too (K47, validate/spellings.py). The rules that read a publisher's words
(validate/copies.py, validate/relays.py) write their advice in these names, and search
for their words outside the names declared to hold them (masked).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from barkhane_cli.tomlwrite import string
from barkhane_cli.validate.spellings import SPELLINGS

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

# Names holding one of the rules' words, which are no worded form: an outlet called so
# (the words: validate/relays.py's CARRYING_WORDS and CITING_WORDS).
NAMES_WITH_WORDS = ("Latest News from Kenya",)


def masked(publisher: str) -> str:
    """``publisher`` with the names ``NAMES_WITH_WORDS`` declares blanked, letter for
    letter, so the words are searched for outside them at the places they have."""
    for name in NAMES_WITH_WORDS:
        publisher = publisher.replace(name, "_" * len(name))
    return publisher


def spelled(name: str) -> str:
    """``name`` as the record spells it, an outlet's or site's; a Wikipedia alias names
    its edition only whole, the bracket after it being the edition: "Wikipédia (German)"
    is "Wikipedia (German)", not French."""
    kept = ALIASES.get(name, name)
    return "Wikipedia" if kept.startswith("Wikipedia") else kept


def bracketed(agency: str) -> str:
    """``agency`` as the record names it in an outlet's bracket: an agency short, else by
    the record's spelling."""
    short = AGENCY_IN_BRACKET.get(agency)
    if short is not None or agency in AGENCY_IN_BRACKET.values():
        return short or agency
    return spelled(agency)


def canonical(publisher: str) -> str:
    """The name the record writes for ``publisher``: itself unless it is another."""
    whole = ALIASES.get(publisher)
    if whole is not None:
        return whole
    found = _OUTLET_AGENCY.match(publisher)
    if found is None:
        return publisher
    outlet, agency = found.groups()
    return f"{spelled(outlet)} ({bracketed(agency)})"


# Whether a bracket after an outlet's name describes the outlet or names whose text it
# carries (data-format.md's `publisher`): one rule for validate's relay advice
# (validate/relays.py) and for citations (render/citations.py), which had one each (U57):
# validate's knew lower-case words and languages, so "L'Expression (Algeria, from AFP)"
# was offered "(Algeria/AFP)", AIP's chain, beside the qualifier the record writes. The
# places the record's publishers are told apart by in a bracket of their own ("20 Minutes
# (Switzerland)", "The Nation (Nigeria)", "Le Pays (Mali)"): a country or town names where
# the outlet is, never whose text it carries.
PLACE_QUALIFIERS = frozenset({
    "Abidjan", "Abu Dhabi", "Algeria", "Australia", "Bangladesh", "Benghazi",
    "Burkina Faso", "Cali", "Chad", "France", "Ghana", "Guinea", "Kenya", "Lebanon",
    "Liberia", "Luxembourg", "Mali", "Maroc", "Morocco", "Niger", "Nigeria", "Pakistan",
    "Senegal", "Sri Lanka", "Switzerland", "Tchad", "Togo", "Toronto", "Tunisia", "Uganda",
})  # fmt: skip
_EDITION_WORDS = frozenset({"edition", "service", "rendering"})
# ... but a bracket in lower case that names a wire is whose text it is ("(dpa)", "(news
# wires)", "(agencies)", "(relayed by rsprd.com)")
_WIRE = re.compile(r"\b(?:dpa|epd|wires?|agenc(?:y|ies)|relayed)\b")
_NAME_WORD = re.compile(r"[^\s\-–/&']+")


def describes(bracket: str, outlet: str) -> bool:
    """Whether ``bracket``, after ``outlet``'s name, describes the outlet itself (its
    country, language or kind) rather than naming whose text it carries: a place
    (PLACE_QUALIFIERS), a language or its edition ("French", "French edition"), a kind in
    lower-case words ("blog", "press review"; not a wire's, "dpa"; "aNiamey" is a name),
    or the outlet's own acronym ("... Humanitarian Affairs (OCHA)"); an agency as the
    record brackets it never ("Antelope Valley Press (AP)" runs AP's)."""
    words = bracket.split()
    if bracket in PLACE_QUALIFIERS or (bracket == bracket.lower() and not _WIRE.search(bracket)):
        return True
    if words[0] in WIKIPEDIA_LANGUAGES.values() and set(words[1:]) <= _EDITION_WORDS:
        return True
    if bracket in AGENCY_IN_BRACKET.values():
        return False
    initials = iter(w[0] for w in _NAME_WORD.findall(outlet) if w[:1].isupper())
    return len(bracket) > 1 and bracket.isupper() and all(c in initials for c in bracket)


def site(via: str) -> str:
    """The name the record writes for the site ``via``: a whole name, no agency bracket."""
    return ALIASES.get(via, via)


def another_name(via: str) -> str | None:
    """Why ``via`` is refused, another spelling of a site the record names once, or None."""
    kept = site(via)
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
