"""Places inside places: the one hierarchy behind ``--place``, ``--country`` and ``countries``.

A place sits ``within`` another (village → region → country); an area that spans borders
lists its ``countries`` instead, and an area that is not administrative says which
regions it is ``made_of``. Countries are places of kind ``country``. Old files that give
only a free-text ``country`` still work: the text is matched to a country place by name
or alias. Where a settlement has a point, geometry decides its country (the one whose
outline holds the point); its first-level region is the one it is declared within, if
any, else the one whose outline holds its point, and it lies in the areas made of that
region (``in_by_point`` states the rule; ``shapes.py`` the outlines).
Everything here is computed once, when the data loads or a filter is resolved, but for
a country's name (country_namer), which each view that names countries builds.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from barkhane_cli import model as m
from barkhane_cli import shapes
from barkhane_cli.resolve import normalize

# The record's countries' ISO 3166-1 codes, alpha-2 and alpha-3: ACLED's iso3 and HDX
# name countries by the second (U21 was refused MLI where ML worked). Read wherever a
# country is named, as its aliases are (names_of); a data file need not list them.
ISO_CODES: dict[str, tuple[str, str]] = {
    "algeria": ("DZ", "DZA"),
    "benin": ("BJ", "BEN"),
    "burkina-faso": ("BF", "BFA"),
    "cameroon": ("CM", "CMR"),
    "chad": ("TD", "TCD"),
    "cote-divoire": ("CI", "CIV"),
    "france": ("FR", "FRA"),
    "ghana": ("GH", "GHA"),
    "guinea": ("GN", "GIN"),
    "libya": ("LY", "LBY"),
    "mali": ("ML", "MLI"),
    "mauritania": ("MR", "MRT"),
    "niger": ("NE", "NER"),
    "nigeria": ("NG", "NGA"),
    "qatar": ("QA", "QAT"),
    "senegal": ("SN", "SEN"),
    "togo": ("TG", "TGO"),
}


def aliases_of(place: m.Place) -> tuple[str, ...]:
    """A place's aliases and, for a country, its ISO codes: every name it answers to
    besides its id and name."""
    if place.kind != "country":
        return place.aliases
    given = {a.casefold() for a in place.aliases}
    codes = (c for c in ISO_CODES.get(place.id, ()) if c.casefold() not in given)
    return (*place.aliases, *codes)


def _country_index(places: Mapping[str, m.Place]) -> dict[str, str]:
    """Normalized names, aliases and ids of the country places → their ids."""
    index: dict[str, str] = {}
    for p in places.values():
        if p.kind == "country":
            for name in (p.id, p.name, *aliases_of(p)):
                index.setdefault(normalize(name), p.id)
    return index


def country_key(text: str) -> str:
    """An id for a country named only in free text and absent from the places."""
    return "-".join(normalize(text).replace("'", "").split()) or text


# A country's name by its id (country_namer).
CountryNamer = Callable[[str], str]


def country_namer(places: Mapping[str, m.Place]) -> CountryNamer:
    """How every view names a country by its id, one rule for the titles, the names read,
    a "did you mean", `places`, `place X` and JSON (K49: a user file's Côte d'Ivoire was
    "Cote Divoire" in some and "Côte d'Ivoire" in others): the country's place entry's
    name; else, for one named only in places' free-text ``country`` (its id made by
    country_key), the spelling those fields write, and where they spell it differently
    the one most of them write, a tie going to the first in code-point order (so the name
    never depends on the order files were read); else the id title-cased
    ("burkina-faso" → "Burkina Faso"). Built once (a pass over the places) for all the ids
    to name."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for p in places.values():
        if p.country:
            spellings[country_key(p.country)][p.country] += 1
    written = {cid: min(counts, key=lambda s: (-counts[s], s)) for cid, counts in spellings.items()}

    def name(cid: str) -> str:
        place = places.get(cid)
        if place is not None:
            return place.name
        return written.get(cid) or cid.replace("-", " ").title()

    return name


def resolve_places(places: Mapping[str, m.Place]) -> tuple[dict[str, m.Place], list[str]]:
    """Every place with its ``countries`` filled in, and the ids caught in a ``within`` loop."""
    by_name = _country_index(places)
    done: dict[str, tuple[str, ...]] = {}
    loops: list[str] = []

    def declared_countries(pid: str, seen: tuple[str, ...]) -> tuple[str, ...]:
        p = places[pid]
        if p.countries:
            return tuple(p.countries)
        if p.within is not None:
            return countries_of(p.within, (*seen, pid))
        if p.country:
            return (by_name.get(normalize(p.country)) or country_key(p.country),)
        return ()

    def countries_of(pid: str, seen: tuple[str, ...]) -> tuple[str, ...]:
        if pid in done:
            return done[pid]
        p = places.get(pid)
        if p is None:
            return ()
        if pid in seen:
            loops.append(pid)
            return ()
        at = shapes.point_of(p)
        if p.kind == "country":
            out: tuple[str, ...] = (p.id,)
        elif at is not None and (
            (found := shapes.country_by_point(*at, declared_countries(pid, seen))) in places
        ):
            out = (str(found),)  # the point decides (validate warns: ``within`` disagrees)
        elif p.countries:
            out = tuple(sorted(set(p.countries)))
        elif p.within is not None:
            out = countries_of(p.within, (*seen, pid))
        elif p.country:
            out = (by_name.get(normalize(p.country)) or country_key(p.country),)
        else:
            out = ()
        done[pid] = out
        return out

    resolved = {
        pid: dataclasses.replace(p, countries=countries_of(pid, ())) for pid, p in places.items()
    }
    return _one_name_one_place(resolved), sorted(set(loops))


def _one_name_one_place(places: dict[str, m.Place]) -> dict[str, m.Place]:
    """A region or area whose short label is a settlement's name shows its full name
    ("Ménaka Region", not "Ménaka"), so a table never shows two places as one."""
    settlements = {normalize(p.label) for p in places.values() if p.kind in shapes.SETTLEMENT_KINDS}
    for pid, p in list(places.items()):
        if p.kind in ("region", "area") and p.short and normalize(p.short) in settlements:
            places[pid] = dataclasses.replace(p, short=None)
    return places


def children(places: Mapping[str, m.Place]) -> dict[str, list[str]]:
    kids: dict[str, list[str]] = defaultdict(list)
    for p in places.values():
        if p.within is not None:
            kids[p.within].append(p.id)
    return kids


def contained(
    places: Mapping[str, m.Place],
    pid: str,
    kids: Mapping[str, list[str]] | None = None,
    memo: dict[str, Any] | None = None,
) -> frozenset[str]:
    """The place and every place inside it, at any depth; for a country, every place in it.

    Inside means: declared inside (``within``, at any depth), inside one of the places an
    area is ``made_of``, or a settlement whose point lies in the place's shape. ``kids``:
    ``children(places)``, for a caller asking of every place (worked out once, not once a
    place: 455 walks of the 455 places for `places`' counts). ``memo``: kept for exactly
    these places (Dataset.memo), each place's answer worked out once a process: a shape's
    settlements are a walk of every place (`places` 455 of them, each --place one)."""
    if memo is None:
        return _contained(places, pid, kids)
    found: frozenset[str] | None = memo.get(pid)
    if found is None:
        found = memo[pid] = _contained(places, pid, kids)
    return found


def _contained(
    places: Mapping[str, m.Place], pid: str, kids: Mapping[str, list[str]] | None
) -> frozenset[str]:
    place = places.get(pid)
    if place is not None and place.kind == "country":
        return frozenset(p.id for p in places.values() if pid in p.countries)
    kids = children(places) if kids is None else kids
    out, todo = {pid}, [pid]
    if place is not None:
        todo.extend(q for q in place.made_of if q in places)
        out.update(todo)
        out.update(_by_shape(places, pid))
        todo = list(out)
    while todo:
        current = todo.pop()
        more = list(kids.get(current, ()))
        sub = places.get(current)
        if sub is not None and current != pid:
            more += [q for q in sub.made_of if q in places]
        for child in more:
            if child not in out:
                out.add(child)
                todo.append(child)
    return frozenset(out)


def _by_shape(places: Mapping[str, m.Place], pid: str) -> set[str]:
    """Settlements that lie in the place by their point (``in_by_point``)."""
    shape = shapes.shape_of(places, pid)
    if shape is None:
        return set()
    return {p.id for p in places.values() if in_by_point(places, p.id, pid, shape)}


def in_by_point(places: Mapping[str, m.Place], pid: str, target: str, shape: shapes.Shape) -> bool:
    """Whether settlement ``pid`` lies in ``target`` (a region or area drawn as ``shape``)
    by its point: the one membership rule behind ``--place``, ``places --within`` and the
    map's regions.

    A settlement declared within a first-level region (directly or through a chain) is in
    that region and in what holds it (the areas made of it), and in no other by its
    point: the outlines are simplified, so a point near a border may fall in the
    neighbour's (U14: Yirgou, in Centre-Nord, was counted in the Sahel region too, and the
    choropleth shaded its massacre there; RV3: an area made of Gao alone took a village of
    Kidal that Gao did not). Its ``home_region`` says which, and none when its point lies
    in another country. Geometry decides the settlements with no home region: a region or
    an area made of regions holds them where its shape holds their point. Taoudénit's
    villages, inside Natural Earth's Timbuktu outline, are left to Taoudénit by the same
    rule."""
    at = shapes.point_of(places[pid])
    if at is None or not shape.contains(*at):
        return False
    return home_region(places, pid) in (None, target)


def first_level_region(places: Mapping[str, m.Place], pid: str) -> str | None:
    """The first-level region ``pid`` is declared within, or ``pid`` itself when it is
    one: the outermost place of kind region in its chain that is not made of others
    (northern Mali, a grouping of regions, is not one; a province declared as a region
    within Burkina Faso's Sahel region is below the first level, so a village in it is in
    the Sahel region). None when its chain holds none."""
    found = None
    for up in (pid, *ancestors(places, pid)):
        container = places.get(up)
        if container is not None and container.kind == "region" and not container.made_of:
            found = up
    return found


def home_region(places: Mapping[str, m.Place], pid: str) -> str | None:
    """The first-level region a settlement counts in by its declaration (``in_by_point``):
    the one it is declared within, unless that region lies in none of the countries the
    settlement is given. Its point then lies in another country's outline, which decides
    its country (``resolve_places``), and so its region too, by the point; validate warns
    that ``within`` disagrees. None when geometry decides."""
    region = first_level_region(places, pid)  # found in places, so pid is there too
    if region is None:
        return None
    own, theirs = set(places[pid].countries), set(places[region].countries)
    return region if not own or not theirs or own & theirs else None


def ancestors(places: Mapping[str, m.Place], pid: str) -> list[str]:
    """The chain of places containing ``pid``, nearest first (``tessit`` → region → country)."""
    out: list[str] = []
    current = places.get(pid)
    while current is not None and current.within is not None and current.within not in out:
        out.append(current.within)
        current = places.get(current.within)
    return out


def region_name(places: Mapping[str, m.Place], pid: str) -> str | None:
    """The first-level region a settlement or area lies in, as text, by the rule
    ``--place`` follows (``in_by_point``): the name of its ``home_region``; else the
    data's own ``region`` text; else, for a settlement with a point, the name of the
    region whose outline holds it (RV3: one declared directly in Burkina Faso, or in Mopti
    with its point in Burkina Faso, was listed by ``places --within sahel-region-bf`` with
    a blank region, or Mopti's). None for a region or a country. U10 grepped `places
    --country niger` for Tillabéri and found a third of its places: the column showed only
    the optional text, blank for the places that say where they are by ``within``, and
    the text spells some regions apart ("Sahel" beside "Sahel Region")."""
    place = places.get(pid)
    if place is None or place.kind in ("region", "country"):
        return None
    region = home_region(places, pid)
    if region is None and not place.region and (at := shapes.point_of(place)) is not None:
        region = shapes.region_at(*at)  # Bamako's own outline: its text says the district
    if region is not None and region in places and region != pid:
        return places[region].name
    return place.region or None


def event_countries(places: Mapping[str, m.Place], place_ids: Iterable[str]) -> tuple[str, ...]:
    found: set[str] = set()
    for pid in place_ids:
        p = places.get(pid)
        if p is not None:
            found.update(p.countries)
    return tuple(sorted(found))


def namesake_region(places: Mapping[str, m.Place], pid: str) -> str | None:
    """The region or area that shares a settlement's name ("Ménaka" the town and the
    Ménaka Region): a name meaning both gives the town, and this says which id asks for
    the region. Only a region: an area of the same name is not one (U24: an imported
    UCDP area around Boulkessi was offered as the base's namesake region)."""
    town = places.get(pid)
    if town is None or town.kind not in shapes.SETTLEMENT_KINDS:
        return None
    name = normalize(town.name)
    for p in places.values():
        if p.kind == "region" and p.id != pid:
            names = (p.name, p.short or "", *p.aliases)
            bare = {normalize(n).removesuffix(" region") for n in names}
            bare |= {normalize(n).removeprefix("region de ") for n in names}
            if name in bare:
                return p.id
    return None
