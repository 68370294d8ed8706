"""A deterministic synthetic corpus: N articles of realistic size whose names are drawn from a
Zipf distribution over a pool of entities, with some Arabic and Hebrew lines and dated events.

    python -m bench.synth --articles 1000 --out /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PEOPLE = ["Mohamed Hamdan", "Osama Hamdan", "Benjamin Netanyahu", "Yoav Gallant", "David Barnea",
          "Ismail Haniyeh", "Yahya Sinwar", "Mahmoud Abbas", "Khaled Meshaal", "Hassan Nasrallah",
          "Israel Katz", "Efraim Halevy", "Amos Yadlin", "Saleh al-Arouri", "Ronen Bergman"]
INVENTED_FIRST = ["Adam", "Rami", "Noa", "Yusuf", "Dana", "Karim", "Lior", "Samir", "Tamar", "Omar"]
INVENTED_LAST = ["Haddad", "Levin", "Nassar", "Cohen", "Khalil", "Peretz", "Saleh", "Mizrahi"]
GROUPS = ["Hamas", "Hezbollah", "the Mossad", "the Shin Bet", "the IDF", "Fatah",
          "Palestinian Islamic Jihad", "the Qassam Brigades", "UNIFIL", "the Palestinian Authority"]
PLACES = ["Gaza", "Beirut", "the West Bank", "Damascus", "Tehran", "Doha", "Cairo", "Jenin",
          "Rafah", "Sidon", "Dubai", "Amman", "Khan Younis", "southern Lebanon", "Jerusalem"]
ARABIC = ["قال مسؤول في حماس إن الاتصالات مع مصر مستمرة في غزة",
          "أعلن حزب الله أن مقاتليه استهدفوا موقعا إسرائيليا قرب الحدود مع لبنان"]
HEBREW = ["גורם ביטחוני אמר כי חמאס מנסה להבריח נשק לעזה",
          "צה\"ל תקף מטרות של חיזבאללה בדרום לבנון"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TEMPLATES = [
    "{p} said that {g} had been preparing the operation in {l} for months, according to "
    "officials who spoke on condition of anonymity.",
    "Sources close to {g} told reporters that {p} met envoys in {l} to discuss the exchange "
    "of prisoners and a possible truce.",
    "The statement from {g} accused {p} of ordering strikes near {l}, a charge that "
    "officials denied in a brief response.",
    "Analysts said the move by {g} reflected pressure on {p}, who has faced criticism over "
    "the handling of security in {l}.",
    "In {month} {year}, {g} carried out an attack in {l} that {p} later described as a "
    "turning point in the conflict.",
]


def zipf_choice(rng: random.Random, pool: list[str], exponent: float = 1.1) -> str:
    weights = [1 / (rank + 1) ** exponent for rank in range(len(pool))]
    return rng.choices(pool, weights=weights)[0]


def make_article(rng: random.Random, number: int, paragraphs: int = 12) -> str:
    people = PEOPLE + [f"{a} {b}" for a in INVENTED_FIRST for b in INVENTED_LAST]
    lead = zipf_choice(rng, people)
    lines = [f"{lead.split()[-1]} under pressure as talks stall in {zipf_choice(rng, PLACES)} "
             f"(report {number})", ""]
    if rng.random() < 0.3:
        lines += [f"| {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2005, 2025)} |", ""]
    for index in range(paragraphs):
        person = lead if index % 4 == 0 else zipf_choice(rng, people)
        sentence = rng.choice(TEMPLATES).format(
            p=person, g=zipf_choice(rng, GROUPS), l=zipf_choice(rng, PLACES),
            month=rng.choice(MONTHS), year=rng.randint(1990, 2025))
        follow = rng.choice(TEMPLATES).format(
            p=person.split()[-1], g=zipf_choice(rng, GROUPS), l=zipf_choice(rng, PLACES),
            month=rng.choice(MONTHS), year=rng.randint(1990, 2025))
        lines += [f"{sentence} {follow}", ""]
        if rng.random() < 0.08:
            lines += [rng.choice(ARABIC + HEBREW), ""]
    return "\n".join(lines)


def write_corpus(folder: Path, articles: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(articles):
        path = folder / f"{number:06d}.txt"
        path.write_text(make_article(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.out, args.articles, args.seed)


if __name__ == "__main__":
    main()
