"""Topics: a user-editable taxonomy (`knowledge/topics.yml`) assigned to articles by evidence.

Requires: Articles, their Mentions. Assigns: each article's topic ids.

A topic's cues are its vocabulary: words many articles on the subject use. One word, however
often repeated, is never enough: an article gets a topic only with two kinds of evidence,
that is when one of these RULES holds (documented in the README and topics.yml):

  two terms       two distinct cue terms in the title or body ("assassinated" ... "car bomb")
  term and entity a cue term and an entity listed under the topic ("spying" ... the Mossad)
  title and body  a cue in the headline and a cue in the body
  publisher tag   the publisher's own tags ("Filed under: ...") name the topic or one of its
                  cues, and the text has a cue or a listed entity

A *term* is a cue with its inflected and extended forms, which count once: cues that agree,
spaces and hyphens ignored, up to the last letter of the shorter one (the last two when it has
eight letters or more; three letters in common at least) are one term: "assassin",
"assassination", "assassinated" and "assassination attempt"; "rocket" and "rocket fire". For
the comparison a plural "-s"/"-ies" is dropped, and so are "a"/"the" and the Hebrew and Arabic
article ("spies" and "spy", "הקבינט" and "קבינט"). Where cues overlap in the text, the longest
counts ("assassination attempt", not also "assassination").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from os.path import commonprefix
from pathlib import Path
from typing import Any

from ..model import Article, Mention, Topic
from ..sentences import sentences
from .knowledge import ID_PATTERN, KnowledgeError, load_yaml, string_list
from .matcher import NameMatch, NameMatcher, fold, longest_first

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


@dataclass(frozen=True)
class Evidence:
    """What one article shows for one topic."""

    terms: frozenset[str]  # distinct cue terms found (each named by its first listed form)
    occurrences: int  # cue matches in all, repeats included
    in_title: bool  # a cue in the headline
    in_body: bool  # a cue in a paragraph
    entities: frozenset[str]  # listed entities the article mentions
    tagged: bool  # the publisher's tags name the topic
    places: frozenset[tuple[int, int]]  # (paragraph, sentence) holding a cue or a listed
    # entity; the headline is (-1, 0)

    @property
    def strength(self) -> int:
        """Orders an article's topics, strongest first."""
        return self.occurrences + len(self.entities) + 2 * self.in_title + 3 * self.tagged


RULES: dict[str, Callable[[Evidence], bool]] = {
    "two terms": lambda e: len(e.terms) >= 2 and len(e.places) >= 2,
    "term and entity": lambda e: bool(e.terms and e.entities) and len(e.places) >= 2,
    "title and body": lambda e: e.in_title and e.in_body,
    "publisher tag": lambda e: e.tagged and bool(e.terms or e.entities),
}


def rules_met(evidence: Evidence) -> list[str]:
    return [name for name, rule in RULES.items() if rule(evidence)]


class TopicScorer:
    def __init__(self, topics: tuple[Topic, ...]) -> None:
        self.topics = topics
        self.matcher = NameMatcher.for_terms(
            {topic.id: [p for phrases in topic.cues.values() for p in phrases]
             for topic in topics})
        self.term_of = {topic.id: cue_terms([p for ps in topic.cues.values() for p in ps])
                        for topic in topics}
        self.tag_names = {topic.id: {fold(topic.name), *(fold(p) for ps in topic.cues.values()
                                                          for p in ps)} for topic in topics}

    def evidence(self, article: Article, mentions: list[Mention]) -> dict[str, Evidence]:
        """Every topic the article shows any evidence for. A name that is also a cue counts
        once: a listed entity supports the topic only where it is mentioned outside the topic's
        cues ('האו"ם' alone is one piece of evidence, not a cue and the United Nations)."""
        found: dict[str, list[tuple[str, int, int, int]]] = {}  # topic -> term, paragraph, span
        headline = next((p for p in article.paragraphs if p.kind == "title"), None)
        title_place = headline.index if headline is not None else -1
        texts = [(headline.index, headline.text, headline.start) if headline is not None
                 else (-1, article.title or "", 0)]
        texts += [(p.index, p.text, p.start) for p in article.paragraphs
                  if p.kind in ("text", "heading", "caption")]
        for place, text, offset in texts:
            by_topic: dict[str, list[NameMatch]] = {}
            for match in self.matcher.find(text, overlapping=True):
                by_topic.setdefault(match.pattern.entity, []).append(match)
            for topic_id, matches in by_topic.items():
                terms = self.term_of[topic_id]
                found.setdefault(topic_id, []).extend(
                    (terms[fold(m.pattern.name)], place, m.start + offset, m.end + offset)
                    for m in longest_first(matches))
        read = {place for place, _, _ in texts}  # not bylines
        tags = {fold(tag) for tag in article.tags}
        sentence_of = SentenceIndex(article)
        result = {}
        for topic in self.topics:
            hits = found.get(topic.id, [])
            listed = set(topic.entities)
            supporting = [m for m in mentions if m.entity in listed and m.paragraph in read
                          and not any(place == m.paragraph and start < m.end and end > m.start
                                      for _, place, start, end in hits)]
            tagged = bool(tags & self.tag_names[topic.id]) or any(
                re.search(rf"\b{re.escape(tag)}\b", fold(topic.name)) for tag in tags)
            if hits or supporting or tagged:
                result[topic.id] = Evidence(
                    terms=frozenset(hit[0] for hit in hits), occurrences=len(hits),
                    in_title=any(hit[1] == title_place for hit in hits),
                    in_body=any(hit[1] != title_place for hit in hits),
                    entities=frozenset(m.entity for m in supporting), tagged=tagged,
                    places=frozenset([sentence_of(hit[1], hit[2]) for hit in hits]
                                     + [sentence_of(m.paragraph, m.start) for m in supporting]))
        return result

    def assign(self, article: Article, mentions: list[Mention]) -> tuple[str, ...]:
        evidence = self.evidence(article, mentions)
        return tuple(sorted((t for t, e in evidence.items() if rules_met(e)),
                            key=lambda t: (-evidence[t].strength, t)))


class SentenceIndex:
    """(paragraph, sentence) of an offset into the source text; paragraphs are split only
    when asked about."""

    def __init__(self, article: Article) -> None:
        self.paragraphs = {p.index: p for p in article.paragraphs}
        self.starts: dict[int, list[int]] = {}

    def __call__(self, paragraph: int, offset: int) -> tuple[int, int]:
        if paragraph not in self.paragraphs:
            return (paragraph, 0)  # the headline
        if paragraph not in self.starts:
            found = self.paragraphs[paragraph]
            self.starts[paragraph] = [found.start + start for _, start in sentences(found.text)]
        return (paragraph, max(0, bisect_right(self.starts[paragraph], offset) - 1))


def cue_terms(cues: list[str]) -> dict[str, str]:
    """Folded cue -> the term it is a form of (the first listed form), by the rule in the
    module's docstring."""
    keys = list(dict.fromkeys(fold(cue) for cue in cues))
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for i, first in enumerate(keys):
        for second in keys[i + 1:]:
            if same_term(first, second):
                a, b = root(first), root(second)
                if a != b:
                    parent[max(a, b, key=keys.index)] = min(a, b, key=keys.index)
    return {key: root(key) for key in keys}


def same_term(first: str, second: str) -> bool:
    """"assassin"/"assassinated", "rocket"/"rocket fire", "ceasefire"/"cease-fire",
    "spy"/"spies"; not "rocket fire"/"rocket attack", nor "truce"/"trust"."""
    a, b = ("".join(stem(word) for word in re.split(r"[\s\-]+", s)) for s in (first, second))
    shorter = min(len(a), len(b))
    common = len(commonprefix([a, b]))
    return common >= 3 and common >= shorter - (2 if shorter >= 8 else 1)


def stem(word: str) -> str:
    """Only what the comparison needs (see the module's docstring): "kills" as "kill",
    "spies" as "spy", no "a"/"the", the article off Hebrew and Arabic words."""
    if word in ("a", "an", "the"):
        return ""
    if len(word) > 4 and word.startswith("ال"):
        return word[2:]
    if len(word) > 3 and word.startswith("ה"):
        return word[1:]
    if len(word) <= 3:
        return word
    return re.sub(r"ies$|ied$", "y", word) if word.endswith(("ies", "ied")) else (
        word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
