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
from .model import Article, Entity
from .render import TEMPLATES, ArticleHeading, Renderer, Site

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


@dataclass
class PageMemo:
    """Per-process: each memoised page's context digest and Markdown, and what they hold for."""

    key: Any = None  # the renderer's settings and templates
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # url -> digest, text
    rendered: int = 0  # templates run for memoised pages in the last build
    kept: int = 0
    digests: Digests = field(default_factory=lambda: Digests())


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
                               ArticleHeading: self.reduce_small, Entity: self.reduce_small}

    def reduce_article(self, article: Article) -> tuple[Any, ...]:
        return self.stand_in(article, lambda: article_digest(article, self.digests))

    def reduce_small(self, value: ArticleHeading | Entity) -> tuple[Any, ...]:
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

    # id -> (an Article, ArticleHeading or Entity of this build, its digest)
    stand_ins: dict[int, tuple[Any, bytes]] = field(default_factory=dict)
    paragraphs: dict[int, tuple[tuple[Any, ...], bytes]] = field(default_factory=dict)

    def kept_for(self, articles: Sequence[Article]) -> Digests:
        """What the next build may reuse: the paragraphs' digests of these articles."""
        kept = {id(a.paragraphs): self.paragraphs[id(a.paragraphs)] for a in articles
                if id(a.paragraphs) in self.paragraphs}
        return Digests(paragraphs=kept)


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

    def __init__(self, corpus: Corpus, config: Config, memo: PageMemo) -> None:
        super().__init__(corpus, config)
        self.env = shared_environment()
        key = (repr(config), templates_fingerprint())
        self.previous = memo.pages if memo.key == key else {}
        self.digests = memo.digests if memo.key == key else Digests()
        self.memo, self.memo_key = memo, key
        self.seen: dict[str, tuple[bytes, str]] = {}  # this build's, for the next one
        self.rendered = 0
        self.last: tuple[str, bytes | None, bool] = ("", None, False)

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
        self.last = (url, found, not kept)
        if found is not None:
            self.seen[url] = (found, text)
        return path, text

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
        self.rendered = sum(1 for *_, rendered in done if rendered)  # (nothing before)
        self.seen.update((url, (found, text)) for _, text, url, found, _ in done
                         if found is not None)
        return [(path, text) for path, text, *_ in done]

    def render(self) -> Site:
        site = super().render()
        self.memo.key, self.memo.pages = self.memo_key, self.seen
        self.memo.digests = self.digests.kept_for(self.corpus.articles)
        self.memo.rendered = self.rendered
        self.memo.kept = len(self.seen) - self.rendered
        return site


_FORKED: MemoRenderer | None = None


def memo_render_in_worker(pages: list[tuple[str, int]]
                          ) -> list[tuple[str, str, str, bytes | None, bool]]:
    """In a forked worker: each page with its url, digest and whether its template ran, so the
    parent remembers them."""
    assert _FORKED is not None
    done = []
    for page in pages:
        [(path, text)] = _FORKED.pages_of([page])
        url, found, rendered = _FORKED.last
        done.append((path, text, url, found, rendered))
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
