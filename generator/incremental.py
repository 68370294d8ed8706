"""What a rebuild in the same process (`serve`) keeps from the previous one, so that an edit
costs what it touches (issue 14, item 1).

Three memories, each only a shortcut: whenever one cannot tell, the work is done again, and a
rebuild gives the site a clean build gives (tests/test_incremental.py).

- `BuildMemo` (reading and extraction): a file whose size, modification and change times and
  inode are those of the last build is not read again; its parsed articles are the last
  build's. An article whose extraction key (the content-hash cache's own key: knowledge base,
  code, NER setting, the article's id, hash and place in its file) is unchanged keeps its
  findings. The SQLite cache stays the truth for everything else: a changed file is hashed and
  looked up there, so NER never runs again on text it has seen.
- `PageMemo` (rendering): article and entity pages are most of the site. Each is rendered
  from its template's context (the values the renderer hands to the template) plus what the
  template reads from the whole corpus (`GLOBALS_READ`); a page whose context digest equals
  the last build's keeps the last build's Markdown, without running the template. Every other
  page (the indexes, topics, timeline, a few dozen) is rendered every time. The page list of
  the dependency map is thus computed, not declared: its own article, its neighbours, the
  entities and topics it names, copies of its story, whatever a template is handed.
- `SearchEntries` (Material's search): a page whose Markdown did not change is not built
  again (MkDocs' `--dirty` and `File.is_modified`); its entries in `search_index.json` are the
  ones its HTML gave last time, re-emitted in the page order of a clean build.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import jinja2
import jinja2.bccache

from . import render
from .executor import ProcessPool
from .model import Article, Entity, Event, Mention
from .render import TEMPLATES, ArticleHeading, Renderer, Site
from .reuse import Reuse

if TYPE_CHECKING:
    from .config import Config
    from .model import Corpus

Value = TypeVar("Value")

# A file modified this close to the moment its size and times were taken may be written again
# within the file system's timestamp granularity without its times changing: it is trusted
# only once it is older than this (git's "racy" rule).
RACY_NS = 2_000_000_000


def stat_key(path: os.PathLike[str] | str) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


@dataclass
class BuildMemo:
    """Per-process: what the last build read (by file stat) and found (by extraction key)."""

    read_setup: Any = None  # the ReadSetup the files were read with
    files: dict[str, tuple[tuple[int, int, int, int], Any]] = field(default_factory=dict)
    findings: dict[str, Any] = field(default_factory=dict)  # extraction key -> findings
    loaded: tuple[Any, Any] | None = None  # the knowledge folder's stats, what was loaded
    values: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # kind -> inputs, value
    reused_files: int = 0  # of the last build, for tests and the log
    reused_findings: int = 0

    def read(self, setup: Any, names: list[str],
             read_changed: Callable[[list[str]], list[Any]]) -> list[Any]:
        """One result per name, in order: the last build's for a file whose stat is the same,
        `read_changed` for the others."""
        if setup != self.read_setup:
            self.files = {}
        started = time.time_ns()
        stats = {name: stat_key(setup.folder / name) for name in names}
        kept = {name: self.files[name][1] for name in names
                if stats[name] is not None and name in self.files
                and self.files[name][0] == stats[name]}
        changed = [name for name in names if name not in kept]
        fresh = dict(zip(changed, read_changed(changed), strict=True))
        self.read_setup, self.reused_files = setup, len(kept)
        self.files = {name: (key, kept[name] if name in kept else fresh[name])
                      for name in names if (key := stats[name]) is not None
                      and key[1] < started - RACY_NS}
        return [kept[name] if name in kept else fresh[name] for name in names]

    def knowledge(self, folder: Path, load: Callable[[Path], Value]) -> Value:
        """The knowledge base as the last build loaded it, if no file in `folder` changed."""
        started = time.time_ns()
        key = (folder, tuple(sorted((path.name, stat_key(path)) for path in folder.glob("*"))))
        if self.loaded is not None and self.loaded[0] == key:
            return self.loaded[1]  # type: ignore[no-any-return]
        loaded = load(folder)
        recent = any(stat[1] >= started - RACY_NS for _, stat in key[1] if stat is not None)
        self.loaded = None if recent else (key, loaded)
        return loaded

    def value(self, kind: str, inputs: Any, make: Callable[[], Value]) -> Value:
        """What `make` gives, the last build's if its `inputs` were equal (reuse.py says
        which values compare exactly)."""
        old = self.values.get(kind)
        if old is not None and old[0] == inputs:
            return old[1]  # type: ignore[no-any-return]
        made = make()
        self.values[kind] = (inputs, made)
        return made

    def extract(self, keys: list[str], items: Sequence[Value],
                extract_changed: Callable[[list[Value]], list[Any]]) -> list[Any]:
        """One finding per item, in order: the last build's where its key is the same."""
        missing = [item for item, key in zip(items, keys, strict=True)
                   if key not in self.findings]
        fresh = iter(extract_changed(missing))
        found = [self.findings[key] if key in self.findings else next(fresh) for key in keys]
        self.reused_findings = len(items) - len(missing)
        self.findings = dict(zip(keys, found, strict=True))
        return found


# --- pages --------------------------------------------------------------------------------

# Templates whose pages are kept when their context is unchanged, and for each, what the
# template reads besides its context (from `corpus` and `articles_by_id`, which every page is
# handed): `_events.md.j2` prints each event's article's topics and title. A template of this
# list that reads anything else from them must say so here; tests/test_incremental.py checks
# that these templates (and the macros they import) read nothing else.
def events_read(renderer: Renderer, context: dict[str, Any]) -> list[Any]:
    return [(renderer.corpus.article_topics.get(event.article, ()),
             renderer.articles[event.article].display_title)
            for event in context.get("events", ())]


GLOBALS_READ: dict[str, Callable[[Renderer, dict[str, Any]], Any]] = {
    "article.md.j2": lambda renderer, context: None,
    "entity.md.j2": events_read,
    "topic.md.j2": events_read,
    # the year's filters list every topic
    "timeline_year.md.j2": lambda renderer, context: (events_read(renderer, context),
                                                      renderer.corpus.topics),
}


def templates_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """A template edited while `serve` runs is loaded again by Jinja: its pages are not kept."""
    return tuple(sorted((path.name, key[0], key[1]) for path in TEMPLATES.glob("*.j2")
                        if (key := stat_key(path)) is not None))


# A memoised page: its context digest, its Markdown, and what `PageInputs.may_change` needs
# of it (an article page's entity list, an entity page's neighbours: ids).
Memoised = tuple[bytes, str, Any]


@dataclass
class PageMemo:
    """Per-process: each memoised page's context digest and Markdown, and what they hold for."""

    key: Any = None  # the renderer's settings and templates
    pages: dict[str, Memoised] = field(default_factory=dict)  # url -> digest, text, shown ids
    rendered: int = 0  # templates run for memoised pages in the last build
    kept: int = 0
    checked: int = 0  # memoised pages whose context was built and digested
    digests: Digests = field(default_factory=lambda: Digests())
    inputs: PageInputs | None = None  # what the last build's article and entity pages read
    reused: dict[Any, tuple[Any, Any]] = field(default_factory=dict)  # see reuse.py


# Set by tests: every article or entity page kept because its inputs are unchanged has its
# context built and digested anyway, and a digest that differs from the last build's is an
# error (PageInputs missed an input the page reads).
VERIFY_KEPT = False


@dataclass(frozen=True)
class PageInputs:
    """What the article and entity pages of one build are made from, per article and entity,
    in values whose `==` is exact (str, int, None, and tuples and dataclasses of them), so that
    a rebuild can tell without building a page's context that the page cannot have changed.

    An article page shows its Article, its mentions, the entities they name (ranked by their
    corpus-wide mention counts), the headings of its neighbours in corpus order and of the
    copies of its story. An entity page shows its entity, its mentions, the headings and
    quoted paragraphs of the articles naming it, its events (with their articles' topics
    and titles) and quotes, and its top neighbours (names, counts, Graph-page community).
    Everything else a page reads is in the memo's key (settings, templates). A page these
    say may have changed has its context built and digested, as before (`digest`), so that
    this is only a shortcut: it may name too many pages, never too few (VERIFY_KEPT)."""

    # article -> (Article, mentions, topics, events, quotes, other copies of its story)
    articles: dict[str, tuple[Any, ...]]
    order: dict[str, tuple[str | None, str | None]]  # article -> the ids before and after it
    entities: dict[str, tuple[Any, ...]]  # entity -> its fields, aliases in order
    counts: dict[str, tuple[int, int]]  # entity -> mentions, articles (as the pages count)
    community: dict[str, int]  # entity -> its community on the Graph page

    @classmethod
    def of(cls, renderer: Renderer) -> PageInputs:
        corpus, index = renderer.corpus, renderer.index
        quotes: dict[str, list[Any]] = {}
        for quote in corpus.quotes:
            quotes.setdefault(quote.article, []).append(quote)
        articles = {a.id: (a, tuple(index.mentions_by_article.get(a.id, ())),
                           corpus.article_topics.get(a.id, ()),
                           tuple(index.events_by_article.get(a.id, ())),
                           tuple(quotes.get(a.id, ())), corpus.same_story.get(a.id, ()))
                    for a in corpus.articles}
        ids = [a.id for a in corpus.articles]
        order = {article: (ids[n - 1] if n else None, ids[n + 1] if n + 1 < len(ids) else None)
                 for n, article in enumerate(ids)}
        entities = {e.id: (e.name, e.type, tuple(e.aliases.items()), e.description,
                           e.context_aliases, e.demonyms, e.source) for e in corpus.entities}
        counts = {e.id: (index.mention_count(e.id), index.article_count(e.id))
                  for e in corpus.entities}
        view = renderer.graph
        community = {e.id: view.community[n] for n, e in enumerate(view.nodes)}
        return cls(articles, order, entities, counts, community)

    def changes(self, old: PageInputs, index: Any) -> PageChanges:
        """Which pages may differ from `old`'s build's."""
        changed = {a for a, facts in self.articles.items() if old.articles.get(a) != facts}
        changed |= old.articles.keys() - self.articles.keys()
        entities = {e for e, token in self.entities.items() if old.entities.get(e) != token}
        entities |= old.entities.keys() - self.entities.keys()
        counts = {e for e, n in self.counts.items() if old.counts.get(e) != n}
        counts |= old.counts.keys() - self.counts.keys()
        touched = entities | counts
        for article in changed:
            touched |= touched_by(old.articles.get(article), self.articles.get(article))
        pages = {article for article, around in self.order.items()
                 if article in changed or old.order.get(article) != around
                 or not changed.isdisjoint(around) or not changed.isdisjoint(
                     self.articles[article][5])}
        for entity in entities:  # its name, type or names on the pages of its articles
            pages.update(index.articles_by_entity.get(entity, ()))
        reranked = {article for entity in counts
                    for article in index.articles_by_entity.get(entity, ())} - pages
        # an entity page lists its articles in corpus order: a file renamed (moved in it)
        # may reorder any list; an added or removed one leaves the others' order as it was
        reordered = [a for a in old.order if a in self.order] != \
            [a for a in self.order if a in old.order]
        return PageChanges(pages, reranked,
                           None if reordered or old.community != self.community else touched,
                           entities | counts)


def named_in(facts: tuple[Any, ...] | None) -> set[str]:
    """The entities an article's mentions, events and quotes name."""
    if facts is None:
        return set()
    _, mentions, _, events, quotes, _ = facts
    return ({m.entity for m in mentions} | {e for event in events for e in event.entities}
            | {q.speaker for q in quotes if q.speaker is not None})


def touched_by(old: tuple[Any, ...] | None, new: tuple[Any, ...] | None) -> set[str]:
    """The entities whose pages may show what changed in an article: an entity page shows of
    it its heading, its events (with its topics), its quotes and the paragraphs that mention
    the entity or quote it, and counts it among the entity's articles and neighbours'."""
    if old is None or new is None or heading_of(old[0]) != heading_of(new[0]) \
            or old[5] != new[5]:  # copies of a story: counts too
        return named_in(old) | named_in(new)
    touched: set[str] = set()
    if old[1] != new[1]:
        before, after = by_entity(old[1]), by_entity(new[1])
        if before.keys() != after.keys():  # who appears with whom: every one's neighbours
            return named_in(old) | named_in(new)
        touched |= {entity for entity, found in after.items() if before[entity] != found}
    if old[2:4] != new[2:4]:  # topics, events
        touched |= {e for facts in (old, new) for event in facts[3] for e in event.entities}
    if old[4] != new[4]:
        touched |= {q.speaker for facts in (old, new) for q in facts[4] if q.speaker}
    if old[0].paragraphs != new[0].paragraphs:
        before, after = old[0].paragraphs, new[0].paragraphs
        edited = {n for n in range(max(len(before), len(after)))
                  if n >= len(before) or n >= len(after) or before[n] != after[n]}
        touched |= {m.entity for m in new[1] if m.paragraph in edited}
        touched |= {q.speaker for facts in (old, new) for q in facts[4]
                    if q.speaker and q.paragraph in edited}
    return touched


def by_entity(mentions: tuple[Mention, ...]) -> dict[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.entity, []).append(mention)
    return grouped


def heading_of(article: Article) -> tuple[Any, ...]:
    """What of an article other pages than its own show (render.ArticleHeading)."""
    return (article.id, article.title, article.display_title, article.date, article.publisher)


@dataclass(frozen=True)
class PageChanges:
    """The article and entity pages an edit may have changed (`PageInputs.changes`)."""

    articles: set[str]
    reranked: set[str]  # articles naming an entity whose count changed: its list's order may
    entities: set[str] | None  # None: every entity page (the Graph page's communities moved)
    shown: set[str]  # entities whose name or counts changed: so may their neighbours' pages

    def may_change(self, renderer: Renderer, kind: str, item: Any, shown: Any) -> bool:
        if kind == "article":
            return item.id in self.articles or (item.id in self.reranked and shown != shown_of(
                "article.md.j2", {"entities_by_type": renderer.entities_by_type(
                    renderer.present(item.id))}))
        return self.entities is None or item.id in self.entities or \
            not self.shown.isdisjoint(shown)


def shown_of(template: str, context: dict[str, Any]) -> Any:
    """What of a page `PageChanges.may_change` compares: the ids of an article page's entity
    list in order, an entity page's neighbours."""
    if template == "article.md.j2":
        return tuple((title, tuple(e.id for e in group))
                     for title, group in context["entities_by_type"])
    if template == "entity.md.j2":
        return tuple(entity.id for entity, _ in context["neighbours"])
    return None


class ContextPickler(pickle.Pickler):
    """Pickles a page's context to digest it. Fast mode (no memo): the bytes are a function of
    the values only, not of which equal strings happen to be one object (parsed now, or read
    from the cache). An Article (or ArticleHeading, or Entity), often in many contexts, is
    pickled once per build and stands for its digest: through the dispatch table, which the
    pickler consults only for those types (a Python hook called for every object pickled would
    cost more than the rest)."""

    def __init__(self, file: io.BytesIO, digests: Digests) -> None:
        super().__init__(file, protocol=5)
        self.digests = digests
        self.dispatch_table = {**copyreg.dispatch_table, Article: self.reduce_article,
                               ArticleHeading: self.reduce_small, Entity: self.reduce_small,
                               Event: self.reduce_small}

    def reduce_article(self, article: Article) -> tuple[Any, ...]:
        return self.stand_in(article, lambda: article_digest(article, self.digests))

    def reduce_small(self, value: ArticleHeading | Entity | Event) -> tuple[Any, ...]:
        return self.stand_in(value, lambda: pickled_digest(pickle.Pickler, value, self.digests))

    def stand_in(self, obj: Any, make: Callable[[], bytes]) -> tuple[Any, ...]:
        found = self.digests.stand_ins.get(id(obj))
        if found is None or found[0] is not obj:
            found = self.digests.stand_ins[id(obj)] = (obj, make())
        return (bytes, (found[1],))


@dataclass
class Digests:
    """Digests of the values that stand in a context's digest (this build's Articles,
    headings and entities) and of Articles' paragraphs, most of an Article's size: a rebuild
    keeps the parsed paragraphs of unchanged files (BuildMemo.read), and the Article copies
    made after parsing share them, so their digests are kept by the tuple's identity from one
    build to the next."""

    # id -> (an Article, ArticleHeading, Entity or Event of this build, its digest)
    stand_ins: dict[int, tuple[Any, bytes]] = field(default_factory=dict)
    paragraphs: dict[int, tuple[tuple[Any, ...], bytes]] = field(default_factory=dict)

    def kept_for(self, articles: Sequence[Article], events: Sequence[Event]) -> Digests:
        """What the next build may reuse: the paragraphs' digests of these articles, and the
        digests of these events (the timeline, topic and entity pages list thousands; an
        unchanged article's findings, its events among them, are the same objects in the
        next build: BuildMemo.extract)."""
        kept = {id(a.paragraphs): self.paragraphs[id(a.paragraphs)] for a in articles
                if id(a.paragraphs) in self.paragraphs}
        stand_ins = {id(e): found for e in events
                     if (found := self.stand_ins.get(id(e))) is not None and found[0] is e}
        return Digests(stand_ins=stand_ins, paragraphs=kept)


def article_digest(article: Article, digests: Digests) -> bytes:
    paragraphs = article.paragraphs
    found = digests.paragraphs.get(id(paragraphs))
    if found is None or found[0] is not paragraphs:
        found = digests.paragraphs[id(paragraphs)] = (
            paragraphs, pickled_digest(pickle.Pickler, paragraphs, digests))
    return pickled_digest(pickle.Pickler, (replace(article, paragraphs=()), found[1]), digests)


def pickled_digest(kind: type[pickle.Pickler] | type[ContextPickler], value: Any,
                   digests: Digests) -> bytes:
    buffer = io.BytesIO()
    pickler = ContextPickler(buffer, digests) if kind is ContextPickler else \
        pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.sha256(buffer.getvalue()).digest()


def digest(renderer: MemoRenderer, template: str, context: dict[str, Any]) -> bytes | None:
    """A digest of what the page is rendered from; None (rendered every time) when it cannot
    be told."""
    try:
        return pickled_digest(ContextPickler, (template, context,
                                               GLOBALS_READ[template](renderer, context)),
                              renderer.digests)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None


_ENVIRONMENT: list[Any] = []


def shared_environment() -> Any:
    """One Jinja environment per process: its compiled templates are kept between rebuilds
    (and compiled again when a template file changes, Jinja's auto_reload)."""
    if not _ENVIRONMENT:
        _ENVIRONMENT.append(render.environment())
    return _ENVIRONMENT[0]


class MemoRenderer(Renderer):
    """A Renderer that keeps the Markdown of unchanged article and entity pages."""

    background_rest = False  # its Reuse (self.reuse.made) must see the exports made

    def __init__(self, corpus: Corpus, config: Config, memo: PageMemo) -> None:
        super().__init__(corpus, config)
        self.env = shared_environment()
        key = (repr(config), templates_fingerprint())
        self.reuse = Reuse(memo.reused if memo.key == key else None)
        self.previous = memo.pages if memo.key == key else {}
        self.digests = memo.digests if memo.key == key else Digests()
        self.inputs = PageInputs.of(self)
        self.changes = (self.inputs.changes(memo.inputs, self.index)
                        if memo.key == key and memo.inputs is not None else None)
        self.memo, self.memo_key = memo, key
        self.seen: dict[str, Memoised] = {}  # this build's, for the next one
        self.rendered = self.checked = 0
        self.last: tuple[str, bytes | None, bool, Any] = ("", None, False, None)

    def page(self, template: str, url: str, **context: Any) -> tuple[str, str]:
        if template not in GLOBALS_READ:
            return super().page(template, url, **context)
        found = digest(self, template, context)
        old = self.previous.get(url)
        kept = found is not None and old is not None and old[0] == found
        if kept:
            path, text = render.page_path(url), old[1]  # type: ignore[index]
        else:
            path, text = super().page(template, url, **context)
            self.rendered += 1
        self.checked += 1
        self.last = (url, found, not kept, shown_of(template, context))
        if found is not None:
            self.seen[url] = (found, text, self.last[3])
        return path, text

    def pages_of(self, pages: list[tuple[str, int]]) -> list[tuple[str, str]]:
        """Pages whose inputs are unchanged (PageInputs) as the last build made them, without
        building their context; the others as `Renderer.pages_of` makes them."""
        done = []
        for kind, position in pages:
            item = (self.corpus.entities if kind == "entity" else self.corpus.articles)[position]
            old = self.previous.get(item.url)
            if old is None or self.changes is None or \
                    self.changes.may_change(self, kind, item, old[2]):
                done.extend(super().pages_of([(kind, position)]))
                continue
            if VERIFY_KEPT:
                counts = self.checked, self.rendered
                super().pages_of([(kind, position)])
                assert self.last[1] == old[0], f"{item.url}: kept, but its context changed"
                self.checked, self.rendered = counts
            self.seen[item.url] = old
            self.last = (item.url, old[0], False, old[2])
            done.append((render.page_path(item.url), old[1]))
        return done

    def article_and_entity_pages(self) -> list[tuple[str, str]]:
        pages = [("article", position) for position in range(len(self.corpus.articles))]
        pages += [("entity", position) for position in range(len(self.corpus.entities))]
        if self.previous or sys.platform != "linux":  # most pages kept: no workers
            return self.pages_of(pages)
        global _FORKED
        pool = ProcessPool(self.config.jobs)
        _FORKED = self
        try:
            done = pool.map(memo_render_in_worker, pages)
        finally:
            pool.close()
            _FORKED = None
        self.rendered = sum(1 for *_, rendered, _ in done if rendered)  # (nothing before)
        self.checked = len(done)
        self.seen.update((url, (found, text, shown)) for _, text, url, found, _, shown in done
                         if found is not None)
        return [(path, text) for path, text, *_ in done]

    def render(self) -> Site:
        site = super().render()
        self.memo.key, self.memo.pages = self.memo_key, self.seen
        self.memo.digests = self.digests.kept_for(self.corpus.articles, self.corpus.events)
        self.memo.inputs, self.memo.reused = self.inputs, self.reuse.made
        self.memo.rendered, self.memo.checked = self.rendered, self.checked
        self.memo.kept = len(self.seen) - self.rendered
        return site


_FORKED: MemoRenderer | None = None


def memo_render_in_worker(pages: list[tuple[str, int]]
                          ) -> list[tuple[str, str, str, bytes | None, bool, Any]]:
    """In a forked worker: each page with its url, digest, whether its template ran and what
    of it PageChanges compares, so the parent remembers them."""
    assert _FORKED is not None
    done = []
    for page in pages:
        [(path, text)] = _FORKED.pages_of([page])
        url, found, rendered, shown = _FORKED.last
        done.append((path, text, url, found, rendered, shown))
    return done


def render_site_memo(corpus: Corpus, config: Config, memo: PageMemo) -> Site:
    return MemoRenderer(corpus, config, memo).render()


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between rebuilds: MkDocs makes a new Jinja
    environment for each build, which would compile every theme template again (about 1.5 s).
    Keyed by the template's source checksum (Jinja's own) and the environment's options."""

    def __init__(self) -> None:
        self.codes: dict[tuple[Any, ...], Any] = {}

    @staticmethod
    def key(bucket: jinja2.bccache.Bucket) -> tuple[Any, ...]:
        env = bucket.environment
        return (bucket.key, bucket.checksum, tuple(sorted(env.extensions)), env.trim_blocks,
                env.lstrip_blocks, env.keep_trailing_newline, env.block_start_string,
                env.variable_start_string, env.comment_start_string, env.line_statement_prefix)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.codes.get(self.key(bucket))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[self.key(bucket)] = bucket.code


# --- Material's search index --------------------------------------------------------------

def search_entries_class(base: type) -> type:
    """A subclass of Material's SearchIndex whose entries are those of this build's pages in
    this build's page order, taking a page not built again (a dirty build) from `store`."""

    class SearchEntries(base):  # type: ignore[misc,valid-type]
        store: dict[str, list[dict[str, Any]]]
        order: list[str]

        def add_entry_from_context(self, page: Any) -> None:
            start = len(self.entries)
            super().add_entry_from_context(page)
            self.store[page.file.src_uri] = self.entries[start:]

        def generate_search_index(self, prev: Any) -> str:
            self.entries = [entry for uri in self.order for entry in self.store.get(uri, ())]
            return str(super().generate_search_index(None))

    return SearchEntries
