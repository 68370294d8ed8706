"""Write generator/data/byline_given_names.yml: the given names a byline line may start with in
Arabic and Hebrew, taken from the `names-dataset` package (its first names by country, with a
popularity rank per country).

    pip install names-dataset==3.3.1
    python scripts/derive_byline_names.py

Run by hand when the thresholds change; the build reads only the YAML file it writes (the
package's data is 55 MB and takes seconds to load, so it is never a run-time dependency).
The names are used only where a line of the head holds nothing but a name ("موفق كمال" under
the headline), never to find names in running text: the dataset comes from social-network
profiles and holds ordinary words too ("رجل", "בית"), which that narrow use tolerates.
"""

from __future__ import annotations

import gzip
import pickle
import re
from importlib import resources
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "byline_given_names.yml"
ARAB_COUNTRIES = frozenset("AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE".split())
# language: the name's letters, the countries whose ranks count, and the rank a name needs
# among a country's first names (1 = the most frequent). Israel's ranks count names in every
# script, so a name written in Hebrew ranks lower there than an Arabic one in an Arab country.
SCRIPTS = {
    "ar": (re.compile(r"[\u0621-\u064a]{3,}"), ARAB_COUNTRIES, 1500),
    "he": (re.compile(r"[\u05d0-\u05ea][\u05d0-\u05ea'׳]{1,}"), frozenset({"IL"}), 4000),
}
ARTICLE = "ال"  # "الطيب", "الفتى": a name with the article is as often an ordinary word


def first_names() -> dict[str, dict]:
    path = resources.files("names_dataset") / "v3" / "first_names.pkl.gz"
    with gzip.open(str(path)) as handle:
        return pickle.load(handle)  # noqa: S301 - the package's own data file


def names_for(data: dict[str, dict], language: str) -> list[str]:
    letters, countries, max_rank = SCRIPTS[language]
    chosen = []
    for name, info in data.items():
        ranks = [rank for country, rank in (info.get("rank") or {}).items()
                 if country in countries and rank]
        if letters.fullmatch(name) and ranks and min(ranks) <= max_rank and \
                not (language == "ar" and name.startswith(ARTICLE)):
            chosen.append(name)
    return sorted(chosen)


def main() -> None:
    data = first_names()
    names = {language: names_for(data, language) for language in SCRIPTS}
    header = ("# Written by scripts/derive_byline_names.py from names-dataset 3.3.1: first names\n"
              "# frequent in an Arab country or in Israel. Read only for a head line holding only "
              "a name.\n")
    OUT.write_text(header + yaml.safe_dump(names, allow_unicode=True, width=100),
                   encoding="utf-8")
    print(OUT, {language: len(found) for language, found in names.items()})


if __name__ == "__main__":
    main()
