"""Indexes over the Corpus that pages and exports share: who is mentioned where, and with whom.

Built in one pass over the mentions; read-only afterwards.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from .extract.same_story import story_of
from .model import Article, Corpus, Entity, Event, Mention


@dataclass(frozen=True)
class Index:
    mentions_by_entity: dict[str, list[Mention]]
    mentions_by_article: dict[str, list[Mention]]
    articles_by_entity: dict[str, list[str]]  # entity -> article ids, in corpus order
    entities_by_article: dict[str, list[str]]  # article -> entity ids, by first mention
    cooccurrence: dict[str, Counter[str]]  # entity -> other entity -> articles shared
    events_by_entity: dict[str, list[Event]]  # in date order
    events_by_article: dict[str, list[Event]]
    # With count_story_once, copies of one story (Corpus.same_story) count as one article in
    # `cooccurrence` and the counts below; `articles_by_entity` still lists every copy.
    story_of: dict[str, str] = field(default_factory=dict)  # a copy -> its story's id
    article_counts: Counter[str] = field(default_factory=Counter)  # entity -> articles

    def mention_count(self, entity_id: str) -> int:
        return len(self.mentions_by_entity.get(entity_id, []))

    def article_count(self, entity_id: str) -> int:
        return self.article_counts[entity_id]

    def story_count(self, article_ids: Iterable[str]) -> int:
        """How many articles these are, copies of one story counted once (count_story_once)."""
        return len({self.story_of.get(article, article) for article in article_ids})


def build_index(corpus: Corpus, count_story_once: bool = True) -> Index:
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in corpus.mentions:
        by_entity[mention.entity].append(mention)
        by_article[mention.article].append(mention)
    entities_by_article = {article: list(dict.fromkeys(m.entity for m in mentions))
                           for article, mentions in by_article.items()}
    articles_by_entity: dict[str, list[str]] = defaultdict(list)
    cooccurrence: dict[str, Counter[str]] = defaultdict(Counter)
    stories = story_of(corpus.same_story) if count_story_once else {}
    counted: set[tuple[str, ...]] = set()  # (story, entity) and (story, entity, entity) seen
    article_counts: Counter[str] = Counter()
    pair_counts: Counter[tuple[str, str]] = Counter()  # counted in C, in first-seen order
    for article in corpus.articles:
        present = sorted(set(entities_by_article.get(article.id, [])))
        for entity in present:
            articles_by_entity[entity].append(article.id)
        entities, pairs = present, list(combinations(present, 2))
        if (story := stories.get(article.id)) is not None:  # what another copy counted
            entities = [e for e in present if (story, e) not in counted]
            pairs = [pair for pair in pairs if (story, *pair) not in counted]
            counted.update((story, e) for e in entities)
            counted.update((story, *pair) for pair in pairs)
        article_counts.update(entities)
        pair_counts.update(pairs)
    # Filled in the order a pair was first seen: each key enters `cooccurrence` and its
    # Counters when it would have, had every pair been added one at a time.
    for (first, second), weight in pair_counts.items():
        cooccurrence[first][second] = weight
        cooccurrence[second][first] = weight
    events_by_entity: dict[str, list[Event]] = defaultdict(list)
    events_by_article: dict[str, list[Event]] = defaultdict(list)
    for event in corpus.events:
        events_by_article[event.article].append(event)
        for entity in event.entities:
            events_by_entity[entity].append(event)
    return Index(dict(by_entity), dict(by_article), dict(articles_by_entity),
                 entities_by_article, dict(cooccurrence), dict(events_by_entity),
                 dict(events_by_article), stories, article_counts)


def ranked(entities: list[Entity], index: Index) -> list[Entity]:
    """Most mentioned first, then by name: the order of every entity list on the site."""
    return sorted(entities, key=lambda e: (-index.mention_count(e.id), e.name.lower(), e.id))


def article_map(corpus: Corpus) -> dict[str, Article]:
    return {article.id: article for article in corpus.articles}
