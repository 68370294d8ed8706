"""Topics: a user-editable taxonomy (`knowledge/topics.yml`) assigned to articles by score.

Requires: Articles, their Mentions. Assigns: each article's topic ids.

Score of a topic for an article (documented in the README and topics.yml):
  + 1   for each distinct cue phrase of the topic found in the title or body
  + 0.5 for each further occurrence of a cue, at most 2 points in all
  + 1   for each distinct entity listed under the topic that the article mentions, at most 2
  + 3   when one of the publisher's own tags ("Filed under: ...") names the topic or a cue
An article gets every topic scoring at least THRESHOLD (4).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..model import Article, Mention, Topic
from .knowledge import ID_PATTERN, KnowledgeError, load_yaml, string_list
from .matcher import NameMatcher, fold

THRESHOLD = 4.0
TOPIC_KEYS = {"id", "name", "description", "cues", "entities", "related"}


def load_topics(folder: Path, entity_ids: set[str] | None = None) -> tuple[Topic, ...]:
    path = folder / "topics.yml"
    if not path.exists():
        return ()
    document = load_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("topics"), list):
        raise KnowledgeError(f"{path}:1: expected a mapping with a list under `topics:`")
    topics = [parse_topic(entry, path) for entry in document["topics"]]
    ids = [topic.id for topic in topics]
    for topic, entry in zip(topics, document["topics"], strict=True):
        where = f"{path}:{entry.get('__line__', 0)}"
        if ids.count(topic.id) > 1:
            raise KnowledgeError(f"{where}: duplicate topic id {topic.id!r}")
        for other in topic.related:
            if other not in ids:
                raise KnowledgeError(f"{where}: related topic {other!r} is not defined")
        for entity in topic.entities:
            if entity_ids is not None and entity not in entity_ids:
                raise KnowledgeError(f"{where}: entity {entity!r} is not in entities.yml")
    return tuple(topics)


def parse_topic(entry: Any, path: Path) -> Topic:
    where = f"{path}:{entry.get('__line__', 0) if isinstance(entry, dict) else 0}"
    if not isinstance(entry, dict):
        raise KnowledgeError(f"{where}: each topic must be a mapping with id, name and cues")
    if unknown := set(entry) - TOPIC_KEYS - {"__line__"}:
        raise KnowledgeError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("id", "name"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise KnowledgeError(f"{where}: `{key}` is required and must be text")
    if not ID_PATTERN.match(entry["id"]):
        raise KnowledgeError(f"{where}: topic id {entry['id']!r} must be a lowercase slug")
    cues = entry.get("cues") or {}
    if not isinstance(cues, dict):
        raise KnowledgeError(f"{where}: `cues` must map a language code to a list of phrases")
    return Topic(
        id=entry["id"], name=entry["name"].strip(),
        description=str(entry.get("description") or "").strip(),
        cues={lang: string_list(values, f"{where}: cues.{lang}")
              for lang, values in cues.items() if lang != "__line__"},
        entities=string_list(entry.get("entities"), f"{where}: entities"),
        related=string_list(entry.get("related"), f"{where}: related"))


class TopicScorer:
    def __init__(self, topics: tuple[Topic, ...]) -> None:
        self.topics = topics
        self.matcher = NameMatcher.for_terms(
            {topic.id: [p for phrases in topic.cues.values() for p in phrases]
             for topic in topics})
        self.tag_names = {topic.id: {fold(topic.name), *(fold(p) for ps in topic.cues.values()
                                                          for p in ps)} for topic in topics}

    def scores(self, article: Article, mentions: list[Mention]) -> dict[str, float]:
        texts = [article.title or ""] + [p.text for p in article.paragraphs]
        hits: Counter[tuple[str, str]] = Counter()
        for text in texts:
            for match in self.matcher.find(text, overlapping=True):
                hits[(match.pattern.entity, match.pattern.name)] += 1
        mentioned = {m.entity for m in mentions}
        tags = {fold(tag) for tag in article.tags}
        result = {}
        for topic in self.topics:
            counts = [n for (t, _), n in hits.items() if t == topic.id]
            score = len(counts) + min(2.0, 0.5 * (sum(counts) - len(counts)))
            score += min(2, len(mentioned & set(topic.entities)))
            if tags & self.tag_names[topic.id] or any(
                    re.search(rf"\b{re.escape(tag)}\b", fold(topic.name)) for tag in tags):
                score += 3
            if score:
                result[topic.id] = score
        return result

    def assign(self, article: Article, mentions: list[Mention]) -> tuple[str, ...]:
        scores = self.scores(article, mentions)
        return tuple(sorted((t for t, s in scores.items() if s >= THRESHOLD),
                            key=lambda t: (-scores[t], t)))
