"""Country names, ISO codes and nationality words (demonyms), from pycountry and countryinfo.

One object, built once per process: ``CountryNames()``. Lookups are case-sensitive on purpose: news
capitalises countries and nationality words, and "turkey" or "chad" in lower case are other words.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import pycountry

from ..lexicon import lexicon_error, package_path, read_rows

# GeoNames' feature codes of a country (independent, dependent, freely associated, semi-independent, ...)
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    demonym: str | None
    lat: float | None
    lon: float | None
    capital: str | None


@functools.cache
def acled_country_names() -> MappingProxyType:
    """ISO alpha-2 -> ACLED's name of the country, where it differs from the packages' (data/acled_countries.tsv)."""
    names = {}
    for number, cells in read_rows(package_path("wirecoder.geo", "data/acled_countries.tsv")):
        if len(cells) != 2 or len(cells[0]) != 2:
            raise lexicon_error("acled_countries.tsv", number, "want ISO 3166-1 alpha-2<TAB>ACLED's name")
        names[cells[0]] = cells[1]
    return MappingProxyType(names)


def acled_country(alpha2: str | None) -> str | None:
    """A country's name as ACLED writes it ("Syria", "Democratic Republic of Congo", "Ivory Coast"): ACLED's own
    where it differs from the packages' (acled_country_names), else pycountry's common name or name."""
    if not alpha2:
        return None
    alpha2 = alpha2.upper()
    if alpha2 in acled_country_names():
        return acled_country_names()[alpha2]
    country = pycountry.countries.get(alpha_2=alpha2)
    return (getattr(country, "common_name", None) or country.name) if country else None


def _countryinfo_records() -> list[dict]:
    package = resources.files("countryinfo") / "data"
    records = []
    for entry in package.iterdir():
        if entry.name.endswith(".json"):
            with entry.open(encoding="utf-8") as handle:
                records.append(json.load(handle))
    return records


class CountryNames:
    """Maps country names, alternative spellings and demonyms to ISO 3166-1 alpha-2 codes."""

    def __init__(self) -> None:
        self._countries: dict[str, Country] = {}
        self._names: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        for rec in _countryinfo_records():
            iso = (rec.get("ISO") or {}).get("alpha2")
            if not iso:
                continue
            latlng = rec.get("latlng") or [None, None]  # the gazetteer's country point too (geo/sources.py)
            demonym = rec.get("demonym") or None
            self._countries[iso] = Country(iso, rec["name"], demonym, latlng[0], latlng[1], rec.get("capital"))
            self._add_name(rec["name"], iso)
            for alt in rec.get("altSpellings") or []:
                if len(alt) > 3:  # two/three-letter codes collide with ordinary words ("IN", "CAN")
                    self._add_name(alt, iso)
            for word in (demonym or "").split(","):
                if word.strip():
                    self._demonyms.setdefault(word.strip(), iso)
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self._add_name(value, country.alpha_2)
        for form, iso, kind in self._project_forms():
            (self._demonyms if kind == "demonym" else self._names)[form] = iso
            if iso not in self._countries:
                self._countries[iso] = Country(iso, form if kind == "name" else iso, None, None, None, None)

    @staticmethod
    def _project_forms() -> list[tuple[str, str, str]]:
        rows = read_rows(package_path("wirecoder.geo", "data/country_forms.tsv"))
        for number, cells in rows:
            if len(cells) != 3:
                raise lexicon_error("country_forms.tsv", number, "want form<TAB>ISO code<TAB>name or demonym")
        return [(r[0], r[1], r[2]) for _, r in rows]

    def _add_name(self, name: str, iso: str) -> None:
        self._names.setdefault(name, iso)
        if name.startswith("The "):
            self._names.setdefault(name[4:], iso)

    def iso_for_name(self, name: str) -> str | None:
        """ISO code of a country name ("Armenia", "the United States"), or None."""
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        return self._names.get(name)

    def iso_for_demonym(self, word: str) -> str | None:
        """ISO code of a nationality word ("Armenian", "Azeri"), or None."""
        word = word.strip()
        if word in self._demonyms:
            return self._demonyms[word]
        if word.endswith("s") and word[:-1] in self._demonyms:  # "Armenians", "Azerbaijanis"
            return self._demonyms[word[:-1]]
        return None

    def iso_for(self, text: str) -> str | None:
        """ISO code of a country name or a nationality word."""
        return self.iso_for_name(text) or self.iso_for_demonym(text)

    def get(self, iso: str) -> Country | None:
        return self._countries.get(iso)

    def name(self, iso: str) -> str:
        """The country's name as ACLED writes it in the names of actors ("Military Forces of Syria")."""
        if iso in acled_country_names():
            return acled_country_names()[iso]
        country = self._countries.get(iso)
        return country.name if country else iso

    def demonym(self, iso: str) -> str | None:
        country = self._countries.get(iso)
        return country.demonym if country else None

    def names(self) -> dict[str, str]:
        return dict(self._names)

    def demonyms(self) -> dict[str, str]:
        return dict(self._demonyms)
