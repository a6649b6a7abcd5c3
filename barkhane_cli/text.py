"""Accents removed from text, one way for every layer: names and searches (resolve) and
dates (``févr.``, ``aout``) alike; and a count's noun, one way for every message. Below the
model, so that dates may use it."""

from __future__ import annotations

import re
import unicodedata

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# The linking words a name or a label holds without their saying anything of the thing
# named: "Malian refugees in Mauritania" says "Refugees from Mali in Mauritania"
# (render/onescreen.py), and "the coup in mali in 2021" names the coup, whose title
# holds neither "the" nor "in" (cli/eventguess.py).
# French ones too, an elided article (d', l', qu') its letters alone: "massacre
# d'Ogossagou", "attaque de Solhan" (search.terms.in_english).
FRENCH_LINKS = frozenset({"de", "du", "des", "la", "le", "les", "en", "a", "d", "l", "qu"})
LINKS = frozenset({"from", "in", "of", "the", "and", "to", "at", "on"}) | FRENCH_LINKS
# Letters NFKD leaves whole, having no base letter and mark to split into: without this
# "Ł" folded to nothing and `actor "Ł 5"` was read as "5" (the June 5 Movement).
_UNDECOMPOSED = {
    **dict(zip("ŁłØøĐđÐðĦħŦŧŊŋıĸƒ", "LlOoDdDdHhTtNnikf", strict=True)),
    **{"ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe"},
    **{"Þ": "Th", "þ": "th"},
}
# Replaced by a pattern rather than str.translate: translate with a table looks up every
# character of the text in Python, ~9 times slower than this scan over summaries, and a
# store's build folds each of the record's ~45,000 texts.
_UNDECOMPOSED_AT = re.compile("[" + "".join(_UNDECOMPOSED) + "]")


def _plain_letters(found: re.Match[str]) -> str:
    return _UNDECOMPOSED[found.group()]


def _without_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def strip_accents(text: str) -> str:
    """``Goïta`` -> ``Goita``; compatibility forms too (NFKD): ``1ᵉʳ`` -> ``1er``, a
    ligature ``ﬁ`` -> ``fi``, and a mark typed apart (``e`` + U+0301) goes as one does;
    a letter with no mark to drop its plain letters: ``Łódź`` -> ``Lodz``, ``ß`` -> ``ss``."""
    # Most of what is folded (ids, summaries searched word by word) is plain ASCII, which
    # NFKD leaves as it is: skipping the per-character pass made search several times faster.
    if text.isascii():
        return text
    decomposed = _UNDECOMPOSED_AT.sub(_plain_letters, unicodedata.normalize("NFKD", text))
    # A combining mark is never ASCII: only the runs of other characters are looked at.
    return _NON_ASCII.sub(_without_marks, decomposed)


def plural(n: int, one: str, many: str | None = None) -> str:
    """``one`` when ``n`` is 1, else ``many``: a noun or a verb that agrees with a count
    (``plural(n, "lies", "lie")``). Unless given, ``many`` is ``one`` + s, or -ies for a
    consonant's y (U30: "matches 2 countrys"; entity, category, entry alike)."""
    if n == 1:
        return one
    if many is not None:
        return many
    if one.endswith("y") and one[-2:-1] not in ("", *"aeiou"):
        return one[:-1] + "ies"
    return one + "s"


def counted(n: int, one: str, many: str | None = None) -> str:
    """A count and its noun, agreeing: ``1 incident``, ``0 incidents``, ``2 entries``.
    Every count the program prints in words goes through here (U23: "1 incidents")."""
    return f"{n} {plural(n, one, many)}"


def and_joined(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: items named in a sentence."""
    return " and ".join(filter(None, (", ".join(parts[:-1]), parts[-1])))
