"""The whole pipeline in one place: read everything, build one Corpus, render pages.

Both entry points (the CLI and the MkDocs plugin) call `build_corpus` and `render_site`, so
there is exactly one way a folder of articles becomes a site.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .cache import Cache, CacheError, code_fingerprint, fingerprint
from .config import Config
from .executor import Executor, make_executor
from .extract.derived_topics import derivation_inputs, derive_topics, with_derived_topics
from .extract.entities import ArticleNames, EntityExtractor, run_ner
from .extract.events import extract_events
from .extract.knowledge import Knowledge, KnowledgeError, load_knowledge
from .extract.quotes import article_quotes
from .extract.same_story import find_same_story
from .extract.topics import TopicScorer, load_topics
from .incremental import BuildMemo
from .ingest import decode_source, read_bytes, scan_input
from .model import Article, Corpus, Entity, Event, Problem, Quote, Source, Topic
from .outlets import OutletError, Outlets, load_outlets, name_publishers
from .parse import parse_source
from .report import StageTimer
from .slugs import unique_slugs

log = logging.getLogger("generator")


def build_corpus(config: Config, timer: StageTimer | None = None,
                 memo: BuildMemo | None = None) -> Corpus:
    """Map the per-file and per-article stages (on `config.executor`), reduce into a Corpus.
    With a `memo` (what this process's last build read and found: `serve`), files and
    articles that did not change are taken from it rather than read and looked up again."""
    timer = timer or StageTimer()
    if not config.input_dir.is_dir():
        raise InputError(f"{config.input_dir}: input folder does not exist")
    try:
        scan = scan_input(config.input_dir)
    except OSError as error:
        raise InputError(f"{config.input_dir}: cannot read the input folder "
                         f"({error.strerror})") from None
    files = [p.relative_to(config.input_dir).as_posix() for p in scan.files]
    if not files:
        raise InputError(f"{config.input_dir}: no *.txt files in the input folder"
                         + unreadable_names(scan.unreadable))
    try:
        knowledge, outlets, topics = (
            memo.knowledge(config.knowledge_dir, load_knowledge_folder) if memo is not None
            else load_knowledge_folder(config.knowledge_dir))
    except (KnowledgeError, OutletError) as error:
        raise InputError(str(error)) from None
    try:
        Cache(config.cache_file, "files", "")  # fail here, in one line, not in every worker
    except CacheError as error:
        raise InputError(str(error)) from None
    executor = make_executor(config.executor, config.jobs, config.scheduler)
    try:
        namespace = fingerprint(config.knowledge_dir)
        with timer.stage("read and parse"):
            setup = ReadSetup(config.input_dir, config.max_file_bytes, config.cache_file,
                              code_fingerprint())
            read = (memo.read(setup, files, partial(executor.map, partial(read_files, setup)))
                    if memo is not None else executor.map(partial(read_files, setup), files))
            # Files that could not even be read are Sources too, in path order with the rest.
            read = sorted([*read, *(FileRead(source, [], []) for source in scan.unreadable)],
                          key=lambda item: item.source.file)
            sources, articles, problems = combine_files(read)
            problems[:0] = [Problem(note.name, note.message) for note in scan.notes]
            articles = name_publishers(assign_ids(articles), outlets)
        if len(articles) > config.max_articles:
            raise InputError(f"{config.input_dir}: {len(articles)} articles, over the limit "
                             f"of {config.max_articles} (max_articles)")
        with timer.stage("extract"):
            found = extract_all(executor, ExtractionSetup(knowledge, topics, config.ner,
                                                          config.cache_file, namespace),
                                articles, memo)
    finally:
        executor.close()
    with timer.stage("link"):
        names = extractor_for(knowledge).combine(item.names for item in found)
        events = sorted((event for item in found for event in item.events),
                        key=lambda e: (e.date, e.article, e.paragraph, e.text))
        corpus = Corpus(sources=tuple(sources), articles=tuple(articles),
                        problems=tuple(problems), entities=names.entities,
                        mentions=names.mentions, ambiguous=names.ambiguous,
                        unknown_names=names.unknown_names, topics=topics,
                        article_topics={a.id: item.topics for a, item in zip(articles, found,
                                                                              strict=True)},
                        events=tuple(events), quotes=corpus_quotes(found, names.entities),
                        same_story=find_same_story(articles))  # a reduce too: every article
        # needs every article: the reduce, not the map; a rebuild whose inputs to it are equal
        # (an edit to an article a curated topic covers) keeps the last build's topics
        return with_derived_topics(corpus, None if memo is None else memo.value(
            "derived topics", derivation_inputs(corpus), partial(derive_topics, corpus)))


def load_knowledge_folder(folder: Path) -> tuple[Knowledge, Outlets, tuple[Topic, ...]]:
    """The knowledge base: entities, outlets and topics."""
    knowledge = load_knowledge(folder)
    return knowledge, load_outlets(folder), load_topics(folder, {e.id for e in knowledge.entities})


Basis = TypeVar("Basis")
Made = TypeVar("Made")
# kind -> (the object it was last made for, what was made)
_LAST_MADE: dict[str, tuple[Any, Any]] = {}


def made_for(kind: str, source: Basis, make: Callable[[Basis], Made]) -> Made:
    """What `make` gives for this object, made again only for a different one: the name
    automaton and the topic cues take a while to build, a rebuild that keeps the knowledge
    base (BuildMemo.knowledge) keeps the objects they are made from, and a worker receives an
    equal copy of them with each chunk."""
    last = _LAST_MADE.get(kind)
    if last is None or (last[0] is not source and last[0] != source):
        last = _LAST_MADE[kind] = (source, make(source))
    return last[1]  # type: ignore[no-any-return]


def extractor_for(knowledge: Knowledge) -> EntityExtractor:
    return made_for("extractor", knowledge, EntityExtractor)


def unreadable_names(unreadable: list[Source]) -> str:
    """The entries that could not be read, for the one line saying nothing was built."""
    names = [source.file for source in unreadable]
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return f" that can be read (skipped: {', '.join(names[:3])}{more})" if names else ""


# --- map: files -> sources and articles ------------------------------------------------------

class FileRead(NamedTuple):
    source: Source
    articles: list[Article]  # ids not yet unique
    problems: list[Problem]


class ReadSetup(NamedTuple):
    folder: Path
    max_bytes: int
    cache: Path | None
    namespace: str  # what a parsed file depends on besides its bytes: see cache.fingerprint


def read_files(setup: ReadSetup, names: list[str]) -> list[FileRead]:
    """Each file read, decoded and parsed, or taken from the cache when its bytes (and the
    code) are unchanged."""
    cache = Cache(setup.cache, "files", setup.namespace)
    contents = {name: read_bytes(setup.folder / name, name, setup.max_bytes) for name in names}
    keys = {name: cache.key(name, hashlib.sha256(data).hexdigest())
            for name, data in contents.items() if isinstance(data, bytes)}
    cached = cache.get_many(list(keys.values()))
    results, new = [], []
    for name, data in contents.items():
        if isinstance(data, Source):
            results.append(FileRead(data, [], []))
        elif keys[name] in cached:
            results.append(pickle.loads(cached[keys[name]]))
        else:
            results.append(parse_file(decode_source(data, name)))
            new.append((keys[name], pickle.dumps(results[-1])))
    cache.put_many(new)
    return results


def parse_file(source: Source) -> FileRead:
    if source.text is None:
        return FileRead(source, [], [])
    articles, problems = parse_source(source)
    return FileRead(source, articles, problems)


def combine_files(read: list[FileRead]) -> tuple[list[Source], list[Article], list[Problem]]:
    """In path order; a byte-identical copy of an earlier file is listed but not used."""
    sources: list[Source] = []
    articles: list[Article] = []
    problems: list[Problem] = []
    first_with: dict[str, str] = {}
    for source, parsed, found in read:
        if source.text is not None and source.sha256 in first_with:
            source = replace(source, text=None,
                             problem=f"byte-identical to {first_with[source.sha256]}; "
                                     "its article is that file's")
            parsed, found = [], []
        elif source.text is not None:
            first_with[source.sha256] = source.file
        sources.append(source)
        if source.problem is not None:
            duplicate = source.problem.startswith("byte-identical")
            problems.append(Problem(source.file, f"skipped: {source.problem}",
                                    skipped=not duplicate))
            continue
        problems.extend(Problem(source.file, warning) for warning in source.warnings)
        problems.extend(found)
        articles.extend(parsed)
    return sources, articles, problems


# --- map: articles -> names, topics, events ---------------------------------------------------

class ExtractionSetup(NamedTuple):
    """What the extraction map needs besides the articles (sent to each worker)."""

    knowledge: Knowledge
    topics: tuple[Topic, ...]
    ner: bool
    cache: Path | None
    namespace: str  # what the results depend on besides the article: see cache.fingerprint


class ArticleFindings(NamedTuple):
    names: ArticleNames
    topics: tuple[str, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = ()


def extract_all(executor: Executor, setup: ExtractionSetup, articles: list[Article],
                memo: BuildMemo | None = None) -> list[ArticleFindings]:
    if memo is None:
        return executor.map(partial(extract_chunk, setup), articles)
    keys = [findings_key(setup, article) for article in articles]
    return memo.extract(keys, articles, partial(executor.map, partial(extract_chunk, setup)))


def findings_key(setup: ExtractionSetup, article: Article) -> str:
    """What an article's findings depend on: the extraction cache's key for it."""
    return Cache(None, "findings", f"{setup.namespace}\0ner={setup.ner}").key(
        article.id, article.sha256, str(article.index_in_file))


def extract_chunk(setup: ExtractionSetup, articles: list[Article]) -> list[ArticleFindings]:
    """Everything that can be known from one article alone, or what the cache holds for an
    unchanged article. NER runs once over the chunk's other articles (one model pass per
    article, batched): the worker is the unit of parallelism."""
    cache = Cache(setup.cache, "findings", f"{setup.namespace}\0ner={setup.ner}")
    keys = [findings_key(setup, a) for a in articles]
    cached = cache.get_many(keys)
    missing = [article for article, key in zip(articles, keys, strict=True)
               if key not in cached]
    extractor = extractor_for(setup.knowledge)
    scorer = made_for("topic scorer", setup.topics, TopicScorer)
    ner_spans = run_ner(missing, setup.cache) if setup.ner else [[] for _ in missing]
    new = {}
    for article, spans in zip(missing, ner_spans, strict=True):
        # NER off is the fast knowledge-base-and-bylines build: the news-shape rules run
        # with the model (where they cost about 1 % more), not without it.
        names = extractor.names_in(article, spans, rules=setup.ner)
        new[article.id] = ArticleFindings(names, scorer.assign(article, list(names.mentions)),
                                          tuple(extract_events(article, list(names.mentions))),
                                          article_quotes(article, names, extractor.by_id))
    cache.put_many((key, pickle.dumps(new[article.id]))
                   for article, key in zip(articles, keys, strict=True) if article.id in new)
    return [new[article.id] if article.id in new else pickle.loads(cached[key])
            for article, key in zip(articles, keys, strict=True)]


def corpus_quotes(found: list[ArticleFindings],
                  entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Every article's quotes in corpus order; a speaker the reduce made no entity of
    becomes None."""
    known = {entity.id for entity in entities}
    return tuple(quote if quote.speaker is None or quote.speaker in known
                 else quote._replace(speaker=None)
                 for item in found for quote in item.quotes)


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
