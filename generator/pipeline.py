"""The whole pipeline in one place: read everything, build one Corpus, render pages.

Both entry points (the CLI and the MkDocs plugin) call `build_corpus` and `render_site`, so
there is exactly one way a folder of articles becomes a site.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from .config import Config
from .extract.entities import EntityExtractor
from .extract.events import extract_events
from .extract.knowledge import KnowledgeError, load_knowledge
from .extract.topics import TopicScorer, load_topics
from .ingest import ignored_files, read_sources
from .model import Article, Corpus, Mention, Problem
from .parse import parse_source
from .report import StageTimer, progress
from .slugs import unique_slugs

log = logging.getLogger("generator")


def build_corpus(config: Config, timer: StageTimer | None = None) -> Corpus:
    timer = timer or StageTimer()
    if not config.input_dir.is_dir():
        raise InputError(f"{config.input_dir}: input folder does not exist")
    with timer.stage("ingest"):
        sources = read_sources(config.input_dir, config.max_file_bytes)
    if not sources:
        raise InputError(f"{config.input_dir}: no *.txt files in the input folder")
    problems: list[Problem] = [Problem(name, "ignored: only visible *.txt files are read")
                               for name in ignored_files(config.input_dir)]
    articles: list[Article] = []
    with timer.stage("parse"):
        for source in progress(sources, "parse"):
            if source.problem is not None:
                duplicate = source.problem.startswith("byte-identical")
                problems.append(Problem(source.file, f"skipped: {source.problem}",
                                        skipped=not duplicate))
                continue
            problems.extend(Problem(source.file, warning) for warning in source.warnings)
            parsed, found = parse_source(source)
            articles.extend(parsed)
            problems.extend(found)
        articles = assign_ids(articles)
    if len(articles) > config.max_articles:
        raise InputError(f"{config.input_dir}: {len(articles)} articles, over the limit of "
                         f"{config.max_articles} (max_articles)")
    try:
        knowledge = load_knowledge(config.knowledge_dir)
        topics = load_topics(config.knowledge_dir, {e.id for e in knowledge.entities})
    except KnowledgeError as error:
        raise InputError(str(error)) from None
    with timer.stage("entities"):
        names = EntityExtractor(knowledge).extract(articles, ner=config.ner, jobs=config.jobs,
                                                   cache=config.cache_file)
    mentions_by_article: dict[str, list[Mention]] = {}
    for mention in names.mentions:
        mentions_by_article.setdefault(mention.article, []).append(mention)
    with timer.stage("topics and events"):
        scorer = TopicScorer(topics)
        article_topics = {a.id: scorer.assign(a, mentions_by_article.get(a.id, []))
                          for a in articles}
        events = [event for a in articles
                  for event in extract_events(a, mentions_by_article.get(a.id, []))]
        events.sort(key=lambda e: (e.date, e.article, e.paragraph, e.text))
    return Corpus(sources=tuple(sources), articles=tuple(articles), problems=tuple(problems),
                  entities=names.entities, mentions=names.mentions, ambiguous=names.ambiguous,
                  unknown_names=names.unknown_names, topics=topics,
                  article_topics=article_topics, events=tuple(events))


def assign_ids(articles: list[Article]) -> list[Article]:
    """Slugs from titles, unique across the corpus in source order (so stable between builds)."""
    ids = unique_slugs((a.display_title for a in articles), fallback="article",
                       taken=RESERVED_ARTICLE_IDS)
    return [replace(article, id=article_id) for article, article_id in zip(articles, ids,
                                                                             strict=True)]


# "articles/index.md" is the Articles index, so no article may be called "index".
RESERVED_ARTICLE_IDS = ("index",)


class InputError(Exception):
    """A problem with the input that stops the build; its message is one line for the user."""
