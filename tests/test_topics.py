"""Topics against a hand annotation of the seeds, the taxonomy's validation, and tags."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.extract.knowledge import KnowledgeError
from generator.extract.topics import TopicScorer, load_topics
from generator.ingest import decode_source
from generator.model import Corpus
from generator.parse import parse_source

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((ROOT / "tests/gold/topics.yml").read_text(encoding="utf-8"))


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


def test_publisher_tags_file_an_article_under_a_topic() -> None:
    topics = load_topics(ROOT / "knowledge")
    text = ("Talks resume\n\nTags: Security coordination\n\nOfficials met on Sunday; the "
            "coordination of their services was discussed at length by both sides.\n")
    [article], _ = parse_source(decode_source(text.encode(), "a.txt"))
    assert "security-coordination" in TopicScorer(topics).assign(article, [])


def test_a_mistake_in_topics_yml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("topics:\n  - id: a\n    name: A\n    related: [b]\n")
    with pytest.raises(KnowledgeError, match=r"topics.yml:2: related topic 'b' is not defined"):
        load_topics(tmp_path)
