"""ACLED's actor names onto our actors, and the new actors an import creates.

ACLED names an actor with a date range for each period of a state's forces ("Military
Forces of Mali (2013-2020)", "(2020-2021)", "(2021-)") and writes groups as
"ACRONYM: Long name". A name resolves, in order: exactly (a curated name or alias, where
the bundled data lists ACLED's spellings); without its date range; through the table
below (for data files that do not carry ACLED's spellings); by its acronym, when the
actor with that alias belongs to the row's country. Only a name that matches none of
these becomes a new ``acled-…`` actor.

"X and/or Y" is ACLED saying that either group did it: both actors are involved and
neither is certain, so each resolves on its own and the event's attribution is
"suspected"; no actor named "X and/or Y" is created.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container
from dataclasses import dataclass, field

from barkhane_cli.model import MAX_ID_LENGTH, Dataset
from barkhane_cli.resolve import normalize

# Inter codes: the numbers of exports before 2024, the words of later ones (and the
# plural words of some converted files).
_INTER_KINDS = {
    "1": "state", "2": "armed-group", "3": "militia", "4": "militia", "5": "other",
    "6": "other", "7": "civilians", "8": "other",
    "state forces": "state", "rebel group": "armed-group", "rebel groups": "armed-group",
    "political militia": "militia", "political militias": "militia",
    "identity militia": "militia", "identity militias": "militia", "rioters": "other",
    "protesters": "other", "civilians": "civilians", "external/other forces": "other",
}  # fmt: skip
# State-like inter codes: a state's own account of what its forces did is an attribution.
STATE_INTERS = frozenset({"1", "8", "state forces", "external/other forces"})

# ACLED's spellings of actors the timeline knows under other names, date ranges removed.
# Used only when the id exists in the known data (the bundled data carries these as
# aliases too; the table serves data files that do not).
ACLED_NAMES = {
    "JNIM: Group for Support of Islam and Muslims": "jnim",
    "JNIM: Jama'a Nusrat al-Islam wal-Muslimin": "jnim",
    "Islamic State (Greater Sahara)": "isgs",
    "Islamic State (Sahel)": "isgs",
    "Islamic State Sahel Province": "isgs",
    "Islamic State (West Africa) - Greater Sahara Faction": "isgs",
    "Islamic State (West Africa)": "iswap",
    "Wagner Group": "wagner",
    "Military Forces of Mali": "mali",
    "Military Forces of France": "france",
    "Military Forces of Burkina Faso": "burkina-faso",
    "Military Forces of Niger": "niger",
    "Military Forces of Chad": "chad",
    "Military Forces of Mauritania": "mauritania",
    "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali": (
        "minusma"
    ),
    "Dan Na Ambassagou": "dan-na-ambassagou",
    "CMA: Coordination of Azawad Movements": "cma",
    "CMA: Coordination of Movements of the Azawad": "cma",
    "GATIA: Imghad Tuareg and Allies Self-Defense Group": "gatia",
    "VDP: Volunteer for Defense of Homeland": "vdp",
    "VDP: Volunteers for the Defense of the Homeland": "vdp",
    "Ansaroul Islam": "ansarul-islam",
    "AQIM: Al Qaeda in the Islamic Maghreb": "aqim",
    "Katiba Macina": "katiba-macina",
    "MNLA: National Movement for the Liberation of Azawad": "mnla",
    "HCUA: High Council for the Unity of Azawad": "hcua",
    "MUJAO: Movement for Unity and Jihad in West Africa": "mujao",
    "Al Mourabitoune Battalion": "al-mourabitoun",
    "Ansar Dine": "ansar-dine",
}
# "(2013-2020)", "(2021-)", "(2011-2019, Omar al-Bashir)".
_DATE_RANGE = re.compile(r"\s*\(\d{4}-(?:\d{4})?(?:,[^)]*)?\)")
_EITHER = re.compile(r"\s+and/or\s+")
_CIVILIANS = re.compile(r"^civilians \(.*\)$")
_UNIDENTIFIED = ("unidentified ", "unknown ")


def strip_dates(name: str) -> str:
    """``Police Forces of Mali (2021-) Gendarmerie`` -> ``Police Forces of Mali Gendarmerie``."""
    return " ".join(_DATE_RANGE.sub("", name).split())


def either(name: str) -> list[str]:
    """``A and/or B`` -> ``[A, B]``; any other name -> ``[name]``."""
    return [p.strip() for p in _EITHER.split(name) if p.strip()]


def is_unidentified(name: str) -> bool:
    """ACLED's "Unidentified Armed Group (Mali)": an actor no one has named."""
    return name.lower().startswith(_UNIDENTIFIED)


def slug(text: str) -> str:
    """Kebab-case for ids; text with no Latin letters or digits gets a stable hash."""
    out = normalize(text).replace(" ", "-")
    return out or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def kind_of(inter: str) -> str:
    return _INTER_KINDS.get(inter.strip().lower(), "other")


@dataclass
class NewActor:
    id: str
    name: str
    kind: str
    inter: str
    country: str
    primary: bool
    aliases: list[str] = field(default_factory=list)

    def entry(self, cites: list[dict[str, str]]) -> dict[str, object]:
        code = self.inter or "not given"
        if self.primary:
            summary = f"Imported from ACLED (inter code {code})."
        else:
            summary = (
                "Imported from ACLED, where it appears only as an associated actor"
                f" (inter code {code} is that of the actor it is associated with)."
            )
        return {
            "id": self.id,
            "name": self.name,
            "aliases": sorted(self.aliases),
            "kind": self.kind,
            "country": self.country or None,
            "summary": summary,
            "sources": cites,
        }


class Actors:
    """Resolves ACLED names (memoised: an export repeats a few hundred names)."""

    def __init__(self, known: Dataset) -> None:
        self.known = known
        self.names: dict[str, set[str]] = {}
        self.acronyms: dict[str, set[str]] = {}
        for actor in known.actors.values():
            for name in (actor.name, *actor.aliases):
                self.names.setdefault(normalize(name), set()).add(actor.id)
        self.builtin = {
            normalize(name): ident for name, ident in ACLED_NAMES.items() if ident in known.actors
        }
        self.civilians = "civilians" if "civilians" in known.actors else None
        self.memo: dict[tuple[str, str], list[str]] = {}  # (raw name, country) -> ids
        self.created: dict[str, NewActor] = {}  # id -> actor
        self.by_slug: dict[str, NewActor] = {}
        self.used: set[str] = set()  # known actors an event links

    def resolve(self, raw: str, inter: str, country: str, primary: bool) -> list[str]:
        """The ids one ACLED name stands for (two for "X and/or Y"); a new list each time."""
        key = (raw, country)
        ids = self.memo.get(key)
        if ids is None:
            ids = []
            for part in either(raw.strip()):
                ident = self._resolve(part, inter, country, primary)
                if ident is not None and ident not in ids:
                    ids.append(ident)
            self.used.update(i for i in ids if i not in self.created)
            self.memo[key] = ids
        if primary:
            for ident in ids:
                new = self.created.get(ident)
                if new is not None and not new.primary:
                    # First seen as an associate, it took that actor's inter code; its own
                    # is better.
                    new.kind, new.inter, new.country = kind_of(inter), inter, country
                    new.primary = True
        return list(ids)

    def title_name(self, raw: str, country: str) -> str:
        """How a title names ACLED's actor 1: a curated short name where there is one (JNIM,
        ISGS), else ACLED's name without its dates; "X or Y" for "X and/or Y"."""
        names = []
        for part in either(raw.strip()):
            ids = self.resolve(part, "", country, False)  # memoised: already resolved
            known = self.known.actors.get(ids[0]) if ids else None
            names.append(known.short if known is not None and known.short else strip_dates(part))
        return " or ".join(names)

    def _resolve(self, raw: str, inter: str, country: str, primary: bool) -> str | None:
        name = strip_dates(raw)
        if not name:
            return None
        for candidate in (raw, name):
            ids = self.names.get(normalize(candidate))
            if ids and len(ids) == 1:
                return next(iter(ids))
        norm = normalize(name)
        if norm in self.builtin:
            return self.builtin[norm]
        if self.civilians and _CIVILIANS.match(name.lower()):
            return self.civilians
        if ":" in name:
            acronym = self._by_acronym(name.split(":", 1)[0], country)
            if acronym:
                return acronym
        return self._create(name, raw, inter, country, primary)

    def _by_acronym(self, acronym: str, country: str) -> str | None:
        ids = self.names.get(normalize(acronym), set())
        fits = [
            i for i in ids if normalize(self.known.actors[i].country or "") == normalize(country)
        ]
        return fits[0] if len(fits) == 1 else None

    def _create(self, name: str, raw: str, inter: str, country: str, primary: bool) -> str:
        key = slug(name)
        new = self.by_slug.get(key)
        if new is None:
            ident = free_id("acled-" + key, self.known.actors, self.created)
            new = NewActor(ident, name, kind_of(inter), inter, country, primary)
            self.by_slug[key] = self.created[ident] = new
        if raw not in new.aliases:
            new.aliases.append(raw)
        return new.id

    def entries(self, cites: list[dict[str, str]]) -> list[dict[str, object]]:
        return [a.entry(cites) for a in sorted(self.created.values(), key=lambda a: a.id)]


def fitted(ident: str) -> str:
    """``ident`` as an id a table shows whole (model.MAX_ID_LENGTH): a longer one is cut
    at a hyphen and ends in a hash of the whole, so two names cut alike stay two ids
    ("MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
    an ACLED actor, made an id of 87 characters, which validate warns about)."""
    if len(ident) <= MAX_ID_LENGTH:
        return ident
    tag = hashlib.sha1(ident.encode("utf-8")).hexdigest()[:6]
    head = ident[: MAX_ID_LENGTH - len(tag) - 1]
    head = head[: head.rindex("-")] if "-" in head else head
    return f"{head.rstrip('-')}-{tag}"


def free_id(ident: str, known: Container[str], created: Container[str]) -> str:
    """An id the known data does not use, so that layering never replaces a curated entry,
    and that fits a table (fitted)."""
    candidate, n = fitted(ident), 1
    while candidate in known or candidate in created:
        n += 1
        candidate = fitted(f"{ident}-{n}")
    return candidate
