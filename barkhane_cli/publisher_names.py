"""sources --publisher by a publisher's short form too: its initials ("HRW", "ICG",
"MSF", "UNSC"), the acronym its own name gives in brackets ("UN Office for the
Coordination of Humanitarian Affairs (OCHA)"), and the other names the one-name rule
declares for it (validate/publishers.ALIASES: "Agence France-Presse" is AFP's).

U41: `sources --publisher hrw --count` said "no publisher matches 'hrw'" though the record
cites Human Rights Watch 20 times. The short forms are read from the record's own
publisher names, not from a list kept by hand: a publisher added is found by its initials
at once. A short form adds its publishers to what the name matches as a name
(cite.publishers: "un" holds the word in UN News and UN OCHA, and is United Nations'
initials); a name no publisher matches is offered the publishers of the nearest short
forms ("hwr": Human Rights Watch (HRW)). A body of the United Nations is one publisher
however the record writes it, with the name or without, and however it is typed
(_un_bodies: `--publisher unocha` found nothing where `ocha` found OCHA). The UN's name
alone ("un", "U.N.") is the UN and its bodies as the names declare them, not every name
holding the word (U50: French "Pour un monde solidaire", and "UNHCR Niger" by initials).

U57: `--publisher afp` listed the 52 sources AFP published and said nothing of the 1,300
more that are outlets carrying its text ("Jeune Afrique (AFP)"): those are the carriers
of what the name matched (the bracket read by validate's relay rule, relays.carried).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from barkhane_cli import model as m
from barkhane_cli.cite import publishers as named_publishers
from barkhane_cli.errors import NotFoundError, quoted
from barkhane_cli.resolve import normalize
from barkhane_cli.text import strip_accents
from barkhane_cli.validate.publishers import ALIASES, carried, relayed

# "Name (BRACKET)": the bracket is an agency (Jeune Afrique (AFP)), a site or the name's
# own acronym (... Humanitarian Affairs (OCHA)); only the last is the publisher's.
_BRACKET = re.compile(r"^(.*?\S)\s*\(([^()]+)\)$")
_ACRONYM = re.compile(r"[A-Z]{2,}")
_WORD = re.compile(r"[^\s\-–/&]+")
# As near as a short form typed must be to one of the record's to be offered: "hwr" is
# 0.67 of "hrw"; short words are near many another's at difflib's 0.6 alone.
_NEAR = 0.6
# The United Nations' name as normalize() leaves it typed or written ("UN", "U.N.",
# "United Nations"), declared once for the names read and the forms offered
_UN_NAMES = ("un", "u n", "united nations")
_UN_NAME = "|".join(_UN_NAMES)
# ... before one of its bodies' ("UN OCHA", "U.N. OCHA", "United Nations Secretary-General")
_UN = re.compile(rf"^(?:{_UN_NAME}) (.+)$")


def _initials(body: str) -> str:
    """The first letters of the capitalised words ("Human Rights Watch": HRW), lower
    words skipped ("Office for the Coordination ...": OC...); "" for fewer than two."""
    words = [w for w in _WORD.findall(strip_accents(body)) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _in_order(short: str, letters: str) -> bool:
    """Whether ``short``'s letters come in ``letters`` in order (OCHA in UOCHA)."""
    rest = iter(letters)
    return all(c in rest for c in short)


def short_forms(name: str, also: Iterable[str] = ()) -> set[str]:
    """``name``'s short forms, normalized: its initials, its own acronym in brackets, and
    ``also`` (the other names declared for it)."""
    found = _BRACKET.match(name)
    body, bracket = (found.group(1), found.group(2)) if found else (name, "")
    initials = _initials(body)
    out = set()
    if not bracket and not _ACRONYM.search(body):
        # initials of a name holding an acronym are no name of it: "UNHCR Niger" is no
        # "UN", "UN Secretary-General" no "US" (U50: `--publisher un` took UNHCR Niger)
        out.add(initials)
    elif _ACRONYM.fullmatch(bracket) and _in_order(bracket, initials):
        out |= {initials, bracket}
    # else the bracket is another's, an agency's or a site's: "Jeune Afrique (AFP)" is
    # no "JA", the outlet itself is
    return {normalize(s) for s in (*out, *also)} - {normalize(name), ""}


def _by_short_form(data: m.Dataset) -> dict[str, set[str]]:
    """Each short form (normalized) -> the record's publishers it stands for."""
    memo = data.memo("publisher-short-forms")
    if memo is not None and "forms" in memo:
        kept: dict[str, set[str]] = memo["forms"]
        return kept
    declared: dict[str, list[str]] = {}
    for other, kept_name in ALIASES.items():
        declared.setdefault(kept_name, []).append(other)
    forms: dict[str, set[str]] = {}
    names = sorted({s.publisher for s in data.sources.values()})
    for name in names:
        for short in short_forms(name, declared.get(name, ())):
            forms.setdefault(short, set()).add(name)
    for body, written in _un_bodies(names).items():
        for short in _un_forms(body):
            forms.setdefault(short, set()).update(written)
    if memo is not None:
        memo["forms"] = forms
    return forms


def _un_bodies(names: Iterable[str]) -> dict[str, set[str]]:
    """Each body of the United Nations the record names (normalized, without the UN's
    name) -> the publishers that are it: "UN OCHA", "OCHA" and "UN Office for the
    Coordination of Humanitarian Affairs (OCHA)" (by its own acronym) are all "ocha".
    Only where the record writes the body with the UN's name once (UN News is "news",
    UNHCR nothing), and never a name whose bracket is another's, an agency's or a site's
    ("OCHA (ReliefWeb)", "ReliefWeb (OCHA)": the record brackets both ways, so the name
    does not say whose page it is)."""
    bodies: dict[str, set[str]] = {}
    of_un: set[str] = set()
    for name in names:
        found = _BRACKET.match(name)
        head, bracket = (found.group(1), found.group(2)) if found else (name, "")
        own = _ACRONYM.fullmatch(bracket) is not None and _in_order(bracket, _initials(head))
        if bracket and not own:
            continue
        said = normalize(head)
        un = _UN.match(said)
        for body in {un.group(1) if un else said, normalize(bracket) if own else ""} - {""}:
            bodies.setdefault(body, set()).add(name)
            if un:
                of_un.add(body)
    return {body: written for body, written in bodies.items() if body in of_un}


# The United Nations' name alone, as normalize() leaves it typed ("UN", "U.N.")
_UN_ALONE = re.compile(rf"^(?:{_UN_NAME})$")


def _written_with_un(data: m.Dataset) -> frozenset[str]:
    """The publishers whose own name (not a bracket after it, another's) is the UN's or
    opens with it, in any of its forms: "United Nations Security Council" as "UN OCHA"."""
    names = {s.publisher for s in data.sources.values()}
    heads = {n: (found.group(1) if (found := _BRACKET.match(n)) else n) for n in names}
    return frozenset(
        n
        for n, head in heads.items()
        if _UN.match(said := normalize(head)) or _UN_ALONE.match(said)
    )


def _un_bodies_written(data: m.Dataset) -> frozenset[str]:
    """Every publisher that is a body of the UN (_un_bodies), however the record writes
    it: "OCHA" alone is the UN's, since the record writes it "UN OCHA" too."""
    names = sorted({s.publisher for s in data.sources.values()})
    return frozenset().union(*_un_bodies(names).values())


def _un_forms(body: str) -> set[str]:
    """How a body of the UN is typed (normalized): alone, after "UN", "U.N." or "United
    Nations", and a one-word body joined to "UN" ("unocha")."""
    joined = {f"un{body}"} if " " not in body else set()
    return {body, *(f"{un} {body}" for un in _UN_NAMES), *joined}


# The longest query read as an acronym (us, un, afp, rfi, hrw; "U.S." too): its
# letters begin many a name that is no one's of it.
_ACRONYM_LONGEST = 3


def _acronym(typed: str) -> bool:
    """Whether ``typed`` (normalized) is an acronym: one short word of letters, or its
    letters apart ("u s", from "U.S.")."""
    words = typed.split()
    letters = "".join(words)
    one_word = len(words) == 1 or all(len(w) == 1 for w in words)
    return one_word and letters.isalpha() and len(letters) <= _ACRONYM_LONGEST


def _declared(data: m.Dataset, typed: str) -> frozenset[str]:
    """The record's publishers ``typed`` is a declared other name of ("ap": Associated
    Press, validate/names.ALIASES), which it names before any whose initials it is."""
    names = {s.publisher for s in data.sources.values()}
    return frozenset(kept for other, kept in ALIASES.items() if normalize(other) == typed) & names


def _own_words(data: m.Dataset, text: str, typed: str) -> frozenset[str]:
    """The publishers an acronym ``typed`` names whole ("afp": AFP), else those holding
    it as a whole word of their own name, not of a bracket naming whose text they carry
    (relays.relayed): "US Department of State" holds "us"; "Rewards for Justice (US
    Department of State)" carries its text, which --carried adds."""
    try:
        found = named_publishers(data, text, words_only=True)
    except NotFoundError:
        return frozenset()

    def own(name: str) -> bool:
        outlet = relayed(name)
        return f" {typed} " in f" {normalize(outlet[0] if outlet else name)} "

    return frozenset(filter(own, found))


def publishers(data: m.Dataset, text: str) -> frozenset[str]:
    """The publishers --publisher ``text`` names: as a name (cite.publishers) and as a
    short form; none is a NotFoundError offering the nearest short forms' publishers,
    else cite.publishers' own nearest names.

    A short query (_acronym: "us", "afp") that a publisher's own name holds as a word,
    or that names one as a short form, is an acronym: it names the publisher it names
    whole (afp: AFP), the one it is declared another name of (ap: Associated Press;
    else those whose initials or own acronym it is, hrw: Human Rights Watch), and the
    names holding it as a word of their own: never a name it only begins (U57: `us`
    listed USAfricaonline and USAID), nor one holding it in the bracket naming whose
    text it carries ("Townhall (AP)", which --carried adds)."""
    forms = _by_short_form(data)
    typed = normalize(text)
    # the UN's name typed alone ("un", "U.N.") also the names written with it in full
    un = _UN_ALONE.match(typed) is not None
    acronym = _acronym(typed)
    by_short = (_declared(data, typed) or frozenset(forms.get(typed, ()))) | (
        _written_with_un(data) | _un_bodies_written(data) if un else frozenset()
    )
    if by_short and un:
        # the United Nations and its bodies as the names declare them, not every name
        # holding the word: French "un" (Pour un monde solidaire, U50), nor a page whose
        # bracket names the UN's agency it reprints (AllAfrica (UN News)), as `afp` is AFP
        return by_short
    if acronym:
        own = _own_words(data, text, typed)
        if own or by_short:
            return own | by_short
        # a word no publisher's own name holds: the names it begins ("van": Vanguard), or
        # holding it in a bracket naming whose text they carry ("dpa": Die Zeit (dpa))
    try:
        # a short form's letters begin other names (RV40: `un` listed Unknown, University
        # of Florida, UNICEF and UNP Versailles): as one, the names holding it as a word
        found = named_publishers(data, text, words_only=bool(by_short))
        # a name's editions too; not a short form's, which names a body as the record's
        # names declare it (OCHA is not "OCHA (ReliefWeb)", whose page it may not be)
        return found | by_short if by_short else found | _editions(data, found)
    except NotFoundError:
        if by_short:
            return by_short
        # a name written apart that the query runs together ("lemonde": Le Monde) before
        # any short form near it: TV5Monde was offered, and Le Monde not (U61 #4)
        squeezed = typed.replace(" ", "")
        same = sorted({s.publisher for s in data.sources.values()}, key=lambda n: (len(n), n))
        alike = [n for n in same if normalize(n).replace(" ", "") == squeezed]
        if alike:
            raise NotFoundError(
                f"no publisher matches {quoted(text)}; did you mean {' or '.join(alike[:3])}?"
            ) from None
        near = difflib.get_close_matches(typed, list(forms), n=10, cutoff=_NEAR)
        near.sort(key=lambda s: sorted(s) != sorted(typed))  # its letters swapped first
        # a short form said as typed in capitals (HRW); a declared other name, or a name
        # that brackets its own (... Affairs (OCHA)), as the name: a second bracket read
        # "(OCHA) (UOCHA)" (RV37)
        said: dict[str, str] = {}  # each publisher once, by its nearest short form
        for short in near:
            for n in sorted(forms[short]):
                bare = " " in short or _BRACKET.match(n) is not None
                said.setdefault(n, n if bare else f"{n} ({short.upper()})")
        offered = list(said.values())[:3]
        if not offered:
            raise
        raise NotFoundError(
            f"no publisher matches {quoted(text)}; did you mean {' or '.join(offered)}?"
        ) from None


def _editions(data: m.Dataset, named: frozenset[str]) -> frozenset[str]:
    """The record's publishers whose name is one of ``named`` followed by more words: an
    outlet's services and editions are the outlet ("Reuters TV", "Reuters French
    service", "Reuters (Yahoo News)" are Reuters). The whole name matched "Reuters" alone,
    127 sources, where its beginning `reuter` matched all three, 134 (U61 #4): a name
    finds at least what its beginning does."""
    heads = tuple(f"{normalize(n)} " for n in named)
    if not heads:
        return frozenset()
    return frozenset(
        n for n in {s.publisher for s in data.sources.values()} if normalize(n).startswith(heads)
    )


def carriers(data: m.Dataset, named: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The record's publishers, ``named`` aside, whose outlet carries the text of one
    of ``named`` (validate/relays.carried: "Jeune Afrique (AFP)" and "Press Review 24
    (RFI/AFP)" carry AFP's) -> which of ``named`` each carries, by the record's name."""
    wanted = set(named)
    out: dict[str, tuple[str, ...]] = {}
    for name in sorted({s.publisher for s in data.sources.values()} - wanted):
        theirs = tuple(n for n in carried(name) if n in wanted)
        if theirs:
            out[name] = theirs
    return out
