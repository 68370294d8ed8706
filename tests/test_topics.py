"""Topics: the seeds against a hand annotation, the taxonomy's validation, and the assignment
rules, each with a short article written for it (generator/extract/topics.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.extract.knowledge import KnowledgeError
from generator.extract.topics import RULES, TopicScorer, load_topics, rules_met, same_term
from generator.ingest import decode_source
from generator.model import Article, Corpus, Mention, Topic
from generator.parse import parse_source

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((ROOT / "tests/gold/topics.yml").read_text(encoding="utf-8"))

# A made-up subject, so the rules are tested apart from the shipped vocabulary.
HARVEST = Topic("harvest", "Harvest", cues={"en": ("harvest", "harvests", "threshing",
                                                   "combine harvester")},
                entities=("grain-board", "harvest-festival"))
SCORER = TopicScorer((HARVEST,))


def article(text: str) -> Article:
    [parsed], _ = parse_source(decode_source(text.encode(), "a.txt"))
    return parsed


def mentions_of(parsed: Article, entity: str, surface: str) -> list[Mention]:
    """Every occurrence of `surface` in the body, as a mention of `entity`."""
    found = []
    for paragraph in parsed.paragraphs:
        at = paragraph.text.find(surface)
        while at >= 0:
            start = paragraph.start + at
            found.append(Mention(entity, surface, parsed.id, paragraph.index, start,
                                 start + len(surface)))
            at = paragraph.text.find(surface, at + 1)
    return found


def rules_for(text: str, mentions: tuple[str, str] | None = None) -> list[str]:
    parsed = article(text)
    found = mentions_of(parsed, *mentions) if mentions else []
    evidence = SCORER.evidence(parsed, found).get("harvest")
    assigned = "harvest" in SCORER.assign(parsed, found)
    met = rules_met(evidence) if evidence else []
    assert assigned == bool(met)
    return met


# --- one article per rule ------------------------------------------------------------------

def test_two_terms_in_two_sentences() -> None:
    assert rules_for("Farm notes\n\nThe harvest began early this year.\n\n"
                     "Threshing went on into the night at the co-operative.\n") == ["two terms"]


def test_a_term_and_a_listed_entity() -> None:
    text = "Farm notes\n\nThe harvest began early this year.\n\nThe Grain Board welcomed it.\n"
    assert rules_for(text, ("grain-board", "Grain Board")) == ["term and entity"]


def test_a_cue_in_the_headline_and_one_in_the_body() -> None:
    assert rules_for("Harvest begins in the valley\n\nFarmers expect the harvest to be "
                     "large after a wet spring.\n") == ["title and body"]


def test_the_publishers_tag_with_a_cue_in_the_text() -> None:
    assert rules_for("Farm notes\n\nTags: Harvest\n\nFarmers met on Sunday to plan the "
                     "harvest.\n") == ["publisher tag"]


# --- and what is not enough ----------------------------------------------------------------

def test_one_word_however_often_repeated_is_not_enough() -> None:
    assert rules_for("Farm notes\n\nThe harvest began early. The harvest was large.\n\n"
                     "Everyone spoke of the harvests.\n") == []


def test_a_cue_only_in_the_headline_is_not_enough() -> None:
    assert rules_for("Harvest begins in the valley\n\nFarmers expect a large crop after a "
                     "wet spring.\n") == []


def test_two_terms_in_one_sentence_are_one_piece_of_evidence() -> None:
    assert rules_for("Farm notes\n\nThe harvest and the threshing began early.\n") == []


def test_a_name_that_is_also_a_cue_counts_once() -> None:
    text = "Farm notes\n\nThe Harvest Festival opened.\n\nCrowds came to the Harvest Festival.\n"
    assert rules_for(text, ("harvest-festival", "Harvest Festival")) == []


def test_a_tag_without_any_support_in_the_text_is_not_enough() -> None:
    assert rules_for("Farm notes\n\nTags: Harvest\n\nFarmers met on Sunday.\n") == []


def test_every_rule_has_its_test() -> None:
    assert set(RULES) == {"two terms", "term and entity", "title and body", "publisher tag"}


@pytest.mark.parametrize(("first", "second", "same"), [
    ("assassin", "assassinated", True), ("rocket", "rocket fire", True),
    ("ceasefire", "cease-fire", True), ("spy", "spies", True), ("kills top", "kill top", True),
    ("הקבינט", "קבינט", True), ("הברחה", "הברחות", True), ("الأسرى", "أسرى", True),
    ("rocket fire", "rocket attack", False), ("truce", "trust", False),
    ("revenge", "reveal", False), ("informant", "infiltrate", False)])
def test_forms_of_one_term(first: str, second: str, same: bool) -> None:
    assert same_term(first, second) is same


# --- the shipped taxonomy ------------------------------------------------------------------

def test_seed_topics_precision_and_recall(seed_corpus: Corpus) -> None:
    keys = {a.id: f"{a.source_file}#{a.index_in_file}" for a in seed_corpus.articles}
    found = {(keys[a], t) for a, topics in seed_corpus.article_topics.items() for t in topics}
    gold = {(key, t) for key, topics in GOLD.items() for t in topics}
    true = len(found & gold)
    precision, recall = true / len(found), true / len(gold)
    print(f"\ntopics: precision {precision:.2f} recall {recall:.2f}; extra {sorted(found - gold)}"
          f"; missed {sorted(gold - found)}")
    assert precision >= 0.85 and recall >= 0.85


def test_shipped_taxonomy_is_valid_and_covers_the_subject() -> None:
    topics = load_topics(ROOT / "knowledge")
    ids = {t.id for t in topics}
    assert {"targeted-killing", "intelligence-espionage", "collaborators-infiltration",
            "weapons-smuggling", "rockets-ceasefires", "hostages-negotiations",
            "security-coordination", "lebanon-hezbollah-front", "diplomacy-un"} <= ids
    assert all(t.cues.get("en") and t.cues.get("ar") and t.cues.get("he") for t in topics)


@pytest.mark.parametrize("text", [
    "Strike in the north\n\nThe commander was assassinated on Tuesday.\n\n"
    "Witnesses said a car bomb went off as he left his home.\n",
    "أعلنت الحركة اغتيال أحد قادتها.\n\nوقالت إن سيارة مفخخة انفجرت قرب منزله.\n",
    "צה\"ל חיסל הלילה מפקד בכיר.\n\nלפי הדיווח, היה זה סיכול ממוקד.\n"])
def test_the_shipped_vocabulary_in_each_language(text: str) -> None:
    scorer = TopicScorer(load_topics(ROOT / "knowledge"))
    assert "targeted-killing" in scorer.assign(article(text), [])


def test_a_mistake_in_topics_yml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("topics:\n  - id: a\n    name: A\n    related: [b]\n")
    with pytest.raises(KnowledgeError, match=r"topics.yml:2: related topic 'b' is not defined"):
        load_topics(tmp_path)
