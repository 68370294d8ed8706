"""A deterministic synthetic corpus: N articles of realistic size whose names are drawn from a
Zipf distribution over a pool of entities, with some Arabic and Hebrew lines and dated events.

    python -m bench.synth --articles 1000 --out /tmp/corpus-1000

With `--entities N`, the articles name N invented entities instead (people, organisations,
places and events in clusters that tend to appear together, every one at least once), and a
knowledge folder listing them (the project's own entities plus the invented ones) is written
beside the corpus, as `<out>-knowledge/`: a corpus with as many entities as a large real one,
without NER.

    python -m bench.synth --articles 1000 --entities 1000 --out /tmp/corpus-e1000
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

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


# Invented names: syllables no knowledge-base name is made of, so every one is a new entity.
SYLLABLES = ["ka", "lo", "mi", "ren", "vo", "tas", "bel", "nu", "dar", "el", "fi", "gor", "han",
             "ix", "jul", "mar", "os", "pel", "quin", "ru", "tev", "ul", "var", "wen", "zor", "yb"]
KINDS = (("person", 10), ("organization", 5), ("place", 4), ("event", 1))
ORG_WORDS = ["Front", "Council", "League", "Party", "Movement", "Alliance", "Institute", "Union"]
PLACE_WORDS = ["", "", " Valley", " Province", " Bay", " Heights"]
EVENT_WORDS = ["Accord", "Summit", "Offensive", "Talks", "Uprising"]
CLUSTER_SIZE = 40  # invented entities per cluster (articles mostly name one cluster's)


def invented_word(rng: random.Random, used: set[str]) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
        if word not in used and len(word) > 3:
            used.add(word)
            return word


def invented_entities(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """`count` invented entities (knowledge-base entries), types in the ratio of KINDS."""
    rng = random.Random(seed)
    used: set[str] = set()
    kinds = [kind for kind, share in KINDS for _ in range(share)]
    entries = []
    for number in range(count):
        kind = kinds[number % len(kinds)]
        first = invented_word(rng, used)
        if kind == "person":
            name = f"{first} {invented_word(rng, used)}"
        elif kind == "organization":
            name = f"{first} {rng.choice(ORG_WORDS)}"
        elif kind == "place":
            name = f"{first}{rng.choice(PLACE_WORDS)}"
        else:
            name = f"{first} {rng.choice(EVENT_WORDS)}"
        entries.append({"id": f"synth-{number:05d}-{first.lower()}", "name": name, "type": kind})
    return entries


def write_knowledge(folder: Path, entities: list[dict[str, Any]]) -> None:
    """The project's knowledge folder with `entities` added to its entities.yml."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in KNOWLEDGE.glob("*.yml"):
        shutil.copyfile(path, folder / path.name)
    document = yaml.safe_load((KNOWLEDGE / "entities.yml").read_text(encoding="utf-8"))
    document["entities"] += entities
    (folder / "entities.yml").write_text(yaml.safe_dump(document, allow_unicode=True,
                                                        sort_keys=False), encoding="utf-8")


def make_clustered_article(rng: random.Random, number: int, entities: list[dict[str, Any]],
                           paragraphs: int = 8) -> str:
    """An article naming mostly one cluster's entities (Zipf within it), the odd one from
    anywhere, and entity `number` (mod the pool), so that every entity is named somewhere."""
    clusters = [entities[i:i + CLUSTER_SIZE] for i in range(0, len(entities), CLUSTER_SIZE)]
    home = clusters[rng.randrange(len(clusters))]
    by_kind: dict[str, list[str]] = {kind: [] for kind, _ in KINDS}
    for entry in home:
        by_kind[entry["type"]].append(entry["name"])

    def pick(kind: str) -> str:
        pool = by_kind[kind] or [e["name"] for e in entities if e["type"] == kind]
        if rng.random() < 0.1:
            pool = [e["name"] for e in entities[:200] if e["type"] == kind]
        return zipf_choice(rng, pool, 0.8)

    chosen = entities[number % len(entities)]
    lines = [f"{pick('person')} under pressure as talks stall in {pick('place')} "
             f"(report {number})", "",
             f"{chosen['name']} was named in this report first, before {pick('event')}.", ""]
    for _ in range(paragraphs):
        sentences = [rng.choice(TEMPLATES).format(
            p=pick("person"), g=pick("organization"), l=pick("place"),
            month=rng.choice(MONTHS), year=rng.randint(1990, 2025)) for _ in range(2)]
        lines += [" ".join(sentences), ""]
    return "\n".join(lines)


def write_clustered_corpus(folder: Path, articles: int, entities: int, seed: int = 7,
                           knowledge: Path | None = None) -> tuple[list[Path], Path]:
    """`articles` files naming `entities` invented entities, and the knowledge folder that
    lists them (`knowledge`, by default `<folder>-knowledge`)."""
    pool = invented_entities(entities, seed)
    knowledge = knowledge or folder.parent / f"{folder.name}-knowledge"
    write_knowledge(knowledge, pool)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(articles):
        path = folder / f"{number:06d}.txt"
        path.write_text(make_clustered_article(rng, number, pool), encoding="utf-8")
        paths.append(path)
    return paths, knowledge


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--entities", type=int, default=0,
                        help="name this many invented entities (and write their knowledge)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.entities:
        write_clustered_corpus(args.out, args.articles, args.entities, args.seed)
    else:
        write_corpus(args.out, args.articles, args.seed)


if __name__ == "__main__":
    main()
