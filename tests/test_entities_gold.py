"""Entity extraction against the hand annotation in tests/gold/entities.yml.

Scored per article on (entity) and on (entity, surface) pairs. Gold entities are named by
canonical name; a name the knowledge base knows maps to its id, any other to its slug, the
same rule the generator uses for names NER finds.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from generator.extract.knowledge import load_knowledge
from generator.extract.matcher import fold
from generator.model import Corpus
from generator.slugs import slug

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((ROOT / "tests/gold/entities.yml").read_text(encoding="utf-8"))


def gold_id(name: str, known: dict[str, str]) -> str:
    return known.get(fold(name), slug(name))


def pairs(corpus: Corpus) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]],
                                   set[tuple[str, str]], set[tuple[str, str, str]]]:
    knowledge = load_knowledge(ROOT / "knowledge")
    known = {fold(name): e.id for e in knowledge.entities for name in e.all_names}
    keys = {a.id: f"{a.source_file}#{a.index_in_file}" for a in corpus.articles}
    found_entities: set[tuple[str, str]] = set()
    found_surfaces: set[tuple[str, str, str]] = set()
    for mention in corpus.mentions:
        found_entities.add((keys[mention.article], mention.entity))
        found_surfaces.add((keys[mention.article], mention.entity, mention.surface))
    gold_entities: set[tuple[str, str]] = set()
    gold_surfaces: set[tuple[str, str, str]] = set()
    for key, article in GOLD.items():
        for name, annotation in article["entities"].items():
            entity = gold_id(name, known)
            gold_entities.add((key, entity))
            gold_surfaces.update((key, entity, surface) for surface in annotation["surfaces"])
    return found_entities, found_surfaces, gold_entities, gold_surfaces


def scores(found: set, gold: set) -> tuple[float, float]:
    true = len(found & gold)
    return true / len(found), true / len(gold)


def test_precision_and_recall_on_the_seeds(seed_corpus: Corpus) -> None:
    found_entities, found_surfaces, gold_entities, gold_surfaces = pairs(seed_corpus)
    entity_p, entity_r = scores(found_entities, gold_entities)
    surface_p, surface_r = scores(found_surfaces, gold_surfaces)
    print(f"\nentities per article: precision {entity_p:.3f} recall {entity_r:.3f} "
          f"({len(found_entities & gold_entities)} of {len(gold_entities)} gold, "
          f"{len(found_entities)} found)")
    print(f"(entity, surface) pairs: precision {surface_p:.3f} recall {surface_r:.3f}")
    by_kind = defaultdict(list)
    for item in sorted(found_entities - gold_entities):
        by_kind["spurious"].append(item)
    for item in sorted(gold_entities - found_entities):
        by_kind["missed"].append(item)
    print(dict(by_kind))
    assert entity_p >= 0.9 and entity_r >= 0.9, dict(by_kind)
    assert surface_p >= 0.85 and surface_r >= 0.85


@pytest.mark.parametrize(("key", "entity", "surfaces"), [
    ("000_717154f2e6884032.txt#0", "mohamed-hamdan", {"Mohamed Hamdan", "Hamdan"}),
    ("004_4415447d7751aba3.txt#0", "osama-hamdan", {"Osama Hamdan"}),
    ("003_2a41dfe9b9266b36.txt#0", "shin-bet", {"Israeli Security Agency", "Shabak"}),
    ("004_4415447d7751aba3.txt#0", "shin-bet", {"Israel Security Agency"}),
    ("003_2a41dfe9b9266b36.txt#0", "qassam-brigades", {"Qassam Brigades", "Qassam",
                                                       "the Brigades"}),
    ("002_a6d630ddac496ea8.txt#0", "qassam-brigades", {"Iz al-Din Qassam Brigades"}),
    ("000_717154f2e6884032.txt#0", "hezbollah", {"Hezbollah", "حزب الله", "חיזבאללה"}),
    ("000_717154f2e6884032.txt#0", "lebanon", {"Lebanon", "Lebanese", "لبنان", "מלבנון"}),
    ("000_717154f2e6884032.txt#0", "israel-katz", {"Israel Katz", "Katz"}),
    ("004_4415447d7751aba3.txt#0", "mahmoud-abbas", {"Mahmoud Abbas", "Abbas"}),
])
def test_identity_cases(seed_corpus: Corpus, key: str, entity: str, surfaces: set[str]) -> None:
    keys = {a.id: f"{a.source_file}#{a.index_in_file}" for a in seed_corpus.articles}
    seen = {m.surface for m in seed_corpus.mentions
            if keys[m.article] == key and m.entity == entity}
    assert seen == surfaces


def test_identity_cases_that_must_stay_apart(seed_corpus: Corpus) -> None:
    keys = {a.id: f"{a.source_file}#{a.index_in_file}" for a in seed_corpus.articles}
    by_article = defaultdict(set)
    for mention in seed_corpus.mentions:
        by_article[keys[mention.article]].add(mention.entity)
    assert "osama-hamdan" not in by_article["000_717154f2e6884032.txt#0"]
    assert "mohamed-hamdan" not in by_article["004_4415447d7751aba3.txt#0"]
    qassam_article = "003_2a41dfe9b9266b36.txt#0"
    assert not by_article[qassam_article] & {"mahmoud-abbas", "mahmoud-al-mabhouh"}
    assert "Mahmoud" in {m.surface for m in seed_corpus.ambiguous
                         if keys[m.article] == qassam_article}
    assert "israel" not in {m.entity for m in seed_corpus.mentions if m.surface == "Israel Katz"}
