"""Accents removed from text, one way for every layer: names and searches (resolve) and
dates (``févr.``, ``aout``) alike. Below the model, so that dates may use it."""

from __future__ import annotations

import re
import unicodedata

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Letters NFKD leaves whole, having no base letter and mark to split into: without this
# "Ł" folded to nothing and `actor "Ł 5"` was read as "5" (the June 5 Movement).
_UNDECOMPOSED = str.maketrans(
    {
        **dict(zip("ŁłØøĐđÐðĦħŦŧŊŋıĸƒ", "LlOoDdDdHhTtNnikf", strict=True)),
        **{"ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe"},
        **{"Þ": "Th", "þ": "th"},
    }
)


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
    decomposed = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
    # A combining mark is never ASCII: only the runs of other characters are looked at.
    return _NON_ASCII.sub(_without_marks, decomposed)
