"""ACLED locations onto our places, and the places an import creates.

A location links a curated place only when the name (or an alias) and the country agree,
the curated place is a located settlement, and ACLED's coordinates are within 25 km of
its point: the Sahel has many villages of one name (two Nagare 127 km apart; a Tabankort
in Kidal and another in Gao), and a name alone would merge them. A curated place with no
point of its own (an unlocated village, a region) is never matched: the import makes its
own place at the row's coordinates, so no row loses the point ACLED gave it (issue 22).
New places are one per (country, admin1, admin2, location), kept
apart when the same name lies more than 25 km away; their ids carry the country and the
admin-1 region, and also the admin-2 area when two of them would otherwise share an id.

A row placed exactly that names a located curated settlement of its country and region
but lies more than 25 km from it is kept apart too, at the row's point: the two may be
namesakes, or one point may be wrong, and the import cannot tell which. The new place
says so (its ``namesake`` is the settlement's id, which compare and gaps match by name:
docs/matching.md) and the import lists each such place on stderr, with both points and
the distance, so that nobody finds a second Dioura only when ``gaps`` lists its attack.

New places sit ``within`` a region by the record's own geography first: the region of
the curated settlement of the name within 25 km (whatever the row's precision), else the
curated region whose outline holds the point. ACLED and UCDP name first-level regions as
they were when coded: the Ménaka Region was made from Gao's in 2016, and UCDP's GED still
says "Gao region" for a point 6 km from Ménaka (U24). Only where the record has neither
does the export's admin-1 decide: the curated region of that name (``gao-region``,
``sahel-region-bf``), else an ``acled-…`` region made for it, itself within the country
place (``mali``), made as ``acled-…`` too for a country we do not have.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from barkhane_cli import geo, shapes
from barkhane_cli.importers.acled.actors import fitted, free_id, slug
from barkhane_cli.model import Dataset, Place
from barkhane_cli.resolve import normalize
from barkhane_cli.text import counted, plural

MATCH_KM = 25.0
# ACLED's country names -> our country place ids (SCHEMA: countries are places).
COUNTRY_IDS = {
    "mali": "mali", "burkina faso": "burkina-faso", "niger": "niger", "algeria": "algeria",
    "libya": "libya", "mauritania": "mauritania", "chad": "chad",
    "ivory coast": "cote-divoire", "cote d ivoire": "cote-divoire", "senegal": "senegal",
    "nigeria": "nigeria", "benin": "benin", "togo": "togo", "guinea": "guinea",
    "france": "france",
}  # fmt: skip
# Region ids of SCHEMA.md whose suffix is not simply "-region".
_REGION_SUFFIX = {"burkina-faso": "-region-bf"}
_EARTH_KM = 6371.0


def near(lat1: float, lon1: float, lat2: float, lon2: float) -> bool:
    """Within MATCH_KM. Points under 0.15 degrees apart both ways are (at most 23.6 km), which
    spares the trigonometry for most rows of a place."""
    if abs(lat1 - lat2) <= 0.15 and abs(lon1 - lon2) <= 0.15:
        return True
    return km(lat1, lon1, lat2, lon2) <= MATCH_KM


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def kept_apart_said(n: int) -> str:
    """What ``n`` places of :meth:`Places.kept_apart` are: the heading of import's list,
    and what a run reading an export says of them."""
    return (
        f"{counted(n, 'place')} {plural(n, 'has', 'have')} the name of a curated place over "
        f"{MATCH_KM:g} km away, kept apart at the export's point (compare and gaps match the "
        "two by name)"
    )


def country_id(name: str) -> str:
    norm = normalize(name)
    return COUNTRY_IDS.get(norm, slug(name))


def _region_key(name: str, country: str) -> str:
    """``Région de Tillabéri`` / ``Tillaberi Region`` / ``Sahel Region (Burkina Faso)`` -> the
    name alone, as ACLED's admin1 gives it."""
    n = normalize(name)
    n = n.removesuffix(" " + normalize(country)) if country else n
    for prefix in ("region de ", "region du ", "region d ", "region des "):
        n = n.removeprefix(prefix)
    return n.removesuffix(" region")


@dataclass
class _New:
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    lat: float
    lon: float
    code: str
    namesake: str = ""  # a curated settlement of the name, over MATCH_KM away (see above)
    apart_km: float = 0.0


class Places:
    """``dataset`` names the export's maker in the places an import creates (their ids start
    with its lower-case name: ``acled-…``, ``ucdp-…``) and ``precision`` the column whose
    code each new place's summary repeats; UCDP's importer uses the same matching.

    ``apart`` maps precision codes whose point is a division's centroid to the sentence
    that opens such a place's summary: a centroid is not where anything happened, so its
    place is an area, never merged with a settlement of the same name nearby. ``named``
    maps codes whose place is an area around the location to how it is named (UCDP's 2:
    "near {}"), kept apart from the settlement of the name as well."""

    def __init__(
        self,
        known: Dataset,
        dataset: str = "ACLED",
        precision: str = "geo_precision",
        apart: dict[str, str] | None = None,
        named: dict[str, str] | None = None,
    ) -> None:
        self.known = known
        self.dataset = dataset
        self.precision = precision
        self.apart = apart or {}
        self.named = named or {}
        self.prefix = dataset.lower() + "-"
        self.by_name: dict[str, list[Place]] = {}
        for place in known.places.values():
            for name in (place.name, *place.aliases):
                self.by_name.setdefault(normalize(name), []).append(place)
        self.memo: dict[tuple[str | float, ...], str] = {}
        self.candidates: dict[tuple[str, str, str], list[Place]] = {}
        self.new: list[_New] = []  # index + 1 is the key "#n" events carry until ids are made
        self.by_identity: dict[tuple[str, str, str, str, str], list[int]] = {}
        self.used: set[str] = set()
        self.ids: list[str] = []
        self.regions: dict[tuple[str, str], str] = {}  # (country id, admin1) -> region id
        for place in known.places.values():
            if place.kind == "region" and len(place.countries) == 1:
                country = known.places.get(place.countries[0])
                cname = country.name if country else ""
                for name in (place.name, *place.aliases):
                    key = (place.countries[0], _region_key(name, cname))
                    self.regions.setdefault(key, place.id)

    def place(
        self, where: tuple[str, str, str, str, str], lat: float, lon: float, code: str
    ) -> str:
        """A curated place id, or ``#n`` for a new place (see :meth:`resolve`).

        ``code`` is the row's precision code (ACLED's geo_precision, UCDP's where_prec).

        ``where`` is ACLED's (country, admin1, admin2, admin3, location).
        """
        memo_key = (*where, lat, lon, code)
        ref = self.memo.get(memo_key)
        if ref is None:
            ref = self.memo[memo_key] = self._place(where, lat, lon, code)
        if not ref.startswith("#"):
            self.used.add(ref)
        return ref

    def _place(
        self, where: tuple[str, str, str, str, str], lat: float, lon: float, code: str
    ) -> str:
        country, admin1, admin2, admin3, location = where
        # Only a row placed exactly (precision 1, or not given) can be an event AT a curated
        # settlement: ACLED codes a row known only to its area (2) or region (3) at a town of
        # that name or the region's capital, and attaching it there would put it in the town
        # and lose the wider tolerance its own place carries.
        exact = code.strip() in ("", "1")
        curated = self._curated(country, admin1, location, lat, lon) if exact else ""
        if curated:
            return curated
        own = code in self.apart or code in self.named
        identity = (country, admin1, admin2, location, code if own else "")
        for n in self.by_identity.get(identity, []):
            seen = self.new[n]
            if near(seen.lat, seen.lon, lat, lon):
                return f"#{n}"
        made = _New(country, admin1, admin2, admin3, location, lat, lon, code)
        if exact:
            made.namesake, made.apart_km = self._namesake(country, admin1, location, lat, lon)
        self.new.append(made)
        self.by_identity.setdefault(identity, []).append(len(self.new) - 1)
        return f"#{len(self.new) - 1}"

    def _curated(self, country: str, admin1: str, location: str, lat: float, lon: float) -> str:
        key = (country, admin1, location)
        found = self.candidates.get(key)
        if found is None:
            found = self.candidates[key] = self._candidates(country, admin1, location)
        if not found:
            return ""
        best: tuple[float, str] | None = None
        for place in found:
            if place.lat is None or place.lon is None:
                continue  # never matched: the row keeps its own point
            if len(found) == 1:
                return place.id if near(place.lat, place.lon, lat, lon) else ""
            d = km(place.lat, place.lon, lat, lon)
            if d <= MATCH_KM and (best is None or d < best[0]):
                best = (d, place.id)
        return best[1] if best else ""

    def _namesake(
        self, country: str, admin1: str, location: str, lat: float, lon: float
    ) -> tuple[str, float]:
        """(id, km) of the nearest curated settlement of this name and country, in the
        row's admin-1 region where both are known, that the row was not matched to (it
        lies over MATCH_KM away); ("", 0.0) for none. Another region's settlement of the
        name is another village (a Tabankort in Kidal, another in Gao)."""
        region = self.region_of(country, admin1) if admin1 else ""
        best: tuple[str, float] = ("", 0.0)
        for place in self.candidates.get((country, admin1, location), ()):
            assert place.lat is not None and place.lon is not None  # _candidates: located
            theirs = geo.home_region(self.known.places, place.id)
            if region and theirs and region != theirs:
                continue
            d = km(place.lat, place.lon, lat, lon)
            if not best[0] or d < best[1]:
                best = (place.id, d)
        return best

    def kept_apart(self) -> list[str]:
        """A line for each new place kept apart from a curated settlement of its name:
        its id, name and point, the settlement's id and point, and the distance."""
        out = []
        for p, ident in zip(self.new, self._ids(), strict=True):
            if p.namesake:
                theirs = self.known.places[p.namesake]
                out.append(
                    f"{ident} ({self._name(p)}, {p.lat:g}, {p.lon:g}) is {p.apart_km:.0f} km "
                    f"from the curated {p.namesake} ({theirs.lat:g}, {theirs.lon:g})"
                )
        return sorted(out)

    def _candidates(self, country: str, admin1: str, location: str) -> list[Place]:
        """Curated places of this name in this country (memoised: rows repeat locations)."""
        out = []
        for place in self.by_name.get(normalize(location), []):
            if not _same_country(place, country) or shapes.point_of(place) is None:
                continue  # only a located settlement: a region or an unlocated village
                # would take the row's point away
            out.append(place)
        return out

    def resolve(self, ref: str) -> str:
        """The id of a place reference; ids of new places are made once all rows are read."""
        if not ref.startswith("#"):
            return ref
        return self._ids()[int(ref[1:])]

    def _ids(self) -> list[str]:
        """The new places' ids, in their order, made once: resolve, entries and
        kept_apart each made them again when no row had been resolved yet."""
        if not self.ids:
            self.ids = self._make_ids()
        return self.ids

    def _name(self, p: _New) -> str:
        return self.named.get(p.code, "{}").format(p.location)

    def _make_ids(self) -> list[str]:
        base = [slug(f"{p.country} {p.admin1} {self._name(p)}") for p in self.new]
        shared = {b for b, n in Counter(base).items() if n > 1}
        taken: set[str] = set()
        ids = []
        for p, b in zip(self.new, base, strict=True):
            key = slug(f"{p.country} {p.admin1} {p.admin2} {self._name(p)}") if b in shared else b
            ident = free_id(self.prefix + key, self.known.places, taken)
            taken.add(ident)
            ids.append(ident)
        return ids

    def region_of(self, country: str, admin1: str) -> str:
        """The curated region id of an ACLED admin1 (``Mopti``) or a UCDP adm_1 (``Mopti
        region``, ``Sahel region``), or ""."""
        cid = country_id(country)
        found = self.regions.get((cid, _region_key(admin1, country)))
        if found:
            return found
        guess = slug(admin1) + _REGION_SUFFIX.get(cid, "-region")
        place = self.known.places.get(guess)
        return guess if place is not None and place.kind == "region" else ""

    def entries(self, cites: list[dict[str, str]]) -> list[dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        for p, ident in zip(self.new, self._ids(), strict=True):
            admins = [f"{a} ({c})" for a, c in ((p.admin2, "admin2"), (p.admin3, "admin3")) if a]
            where = f"In {', '.join(admins)}. " if admins else ""
            where = self.apart.get(p.code, "") + where
            # not self.apart's sentence (a centroid's): the far namesake's, said last
            namesake_said = (
                f" The name of the curated {p.namesake}, {p.apart_km:.0f} km away; kept apart"
                f" at {self.dataset}'s point."
                if p.namesake
                else ""
            )
            out[ident] = {
                "id": ident,
                "name": self._name(p),
                "kind": "town" if p.code == "1" else "area",
                "within": self._region_by_point(p) or self._within(p.country, p.admin1, cites, out),
                "lat": p.lat,
                "lon": p.lon,
                "namesake": p.namesake or None,
                "summary": f"{where}{self.dataset} {self.precision} {p.code or 'not given'}."
                + namesake_said,
                "sources": cites,
            }
        return [out[k] for k in sorted(out)]

    def _region_by_point(self, p: _New) -> str:
        """The curated region a new place lies in by the record's geography (the module's
        docstring says why): that of the curated settlement it matches by name, country
        and 25 km, else the region whose outline holds its point; "" when neither."""
        found = self._curated(p.country, p.admin1, p.location, p.lat, p.lon)
        region = geo.home_region(self.known.places, found) if found else None
        if region:
            return region
        at = shapes.region_at(p.lat, p.lon)
        place = self.known.places.get(at) if at else None
        if (
            place is not None
            and place.kind == "region"
            and country_id(p.country) in place.countries
        ):
            return place.id
        return ""

    def _within(
        self,
        country: str,
        admin1: str,
        cites: list[dict[str, str]],
        out: dict[str, dict[str, object]],
    ) -> str:
        """The region a new place sits in, making the region (and country) when we have none."""
        cid = country_id(country)
        if cid not in self.known.places:
            cid = fitted(self.prefix + slug(country))
            made: dict[str, object] = {"id": cid, "name": country, "kind": "country"}
            made |= {"summary": f"A country named by {self.dataset}.", "sources": cites}
            out.setdefault(cid, made)
        if not admin1:
            return cid
        region = self.region_of(country, admin1)
        if region:
            return region
        region = fitted(self.prefix + slug(f"{country} {admin1}"))
        if region in self.known.places:
            return region
        made = {"id": region, "name": admin1, "kind": "region", "within": cid}
        made |= {
            "summary": f"{self.dataset}'s admin-1 area {admin1} ({country}).",
            "sources": cites,
        }
        out.setdefault(region, made)
        return region


def _same_country(place: Place, country: str) -> bool:
    countries = getattr(place, "countries", ())
    if countries:
        return country_id(country) in countries
    return country_id(place.country or "") == country_id(country)
