"""The MkDocs adapter: a thin shell over `pipeline` and `render`.

Generated pages are added as virtual files in `on_files` (never written into docs_dir, which
would make `mkdocs serve` rebuild forever), and the input folder is watched in `on_serve`.
MkDocs re-runs `on_config` on every rebuild, so the build's state is reset there; what a
rebuild may reuse (incremental.py: files read, findings, page Markdown, search entries) is
kept on purpose, checked against its inputs, per process.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

import watchdog.events
import watchdog.observers
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .config import Config, default_jobs, iso_timestamp, source_date_epoch
from .executor import EXECUTORS, ExecutorError
from .html_blocks import HtmlBlocks, anchor_ids
from .incremental import (
    BuildMemo,
    MemoryBytecodeCache,
    PageMemo,
    render_site_memo,
    search_entries_class,
    stat_key,
)
from .model import Corpus
from .pipeline import InputError, build_corpus
from .render import Site, render_site
from .report import StageTimer, log_problems

log = logging.getLogger("generator")


PAGEFIND_ABOVE = 2000  # articles; measured in bench/RESULTS.md
PAGEFIND_ROOT = "article.md-content__inner"  # Material's element around the page's content
# What every article page repeats around its text (metadata, the entity list, the citation,
# paragraph marks, breadcrumbs): left out of Pagefind's index (a quarter of its time at 10,000
# articles), and no search should land on a page for its "not stated in the text".
PAGEFIND_IGNORE = (".article-meta", ".article-entities", ".citation", ".paragraph-anchor",
                   "nav.crumbs")
# The user's SOURCE_DATE_EPOCH, if any: each build sets the variable for MkDocs' sitemap, and a
# rebuild in the same process (`serve`) must not take the last build's value for the user's.
USER_SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")


# Material's search validates `lang` against MkDocs' own list, which lacks Hebrew, and drops
# it silently although Material ships lunr.he; we add it back after validation.
# (Plugin order matters: `search` comes before `research` in mkdocs.yml.)
SEARCH_LANGUAGES = ("en", "ar", "he")


def add_search_languages(config: MkDocsConfig, languages: tuple[str, ...]) -> None:
    for name, plugin in config.plugins.items():
        if name.endswith("search") and isinstance(getattr(plugin, "config", None), base.Config):
            current = plugin.config.get("lang")
            if isinstance(current, list):  # extended in place: the search index holds it
                current.extend(lang for lang in languages if lang not in current)


def disable_material_search(config: MkDocsConfig) -> None:
    """Material's search hides its box and writes no index when disabled."""
    for name, plugin in config.plugins.items():
        if name.endswith("search") and isinstance(getattr(plugin, "config", None), base.Config):
            plugin.config["enabled"] = False


class ResearchPluginConfig(base.Config):
    input = c.Type(str, default="seeds")  # folder of *.txt articles, relative to mkdocs.yml
    knowledge = c.Type(str, default="knowledge")  # folder of entities.yml / topics.yml
    ner = c.Type(bool, default=True)
    jobs = c.Type(int, default=0)  # worker processes for the per-article stages; 0 = all cores
    executor = c.Choice(EXECUTORS, default="process")  # where they run: see executor.py
    scheduler = c.Type(str, default="")  # a Dask scheduler's address; "": a local cluster
    # NER, parse and extraction results by content hash; "" to switch off
    cache = c.Type(str, default=".cache/research.sqlite")
    max_file_bytes = c.Type(int, default=20_000_000)  # larger files are skipped, with a message
    max_articles = c.Type(int, default=100_000)  # more stops the build, with a message
    # Material's search downloads one index for the whole site; Pagefind loads a few small
    # fragments per query. "auto" switches to Pagefind above PAGEFIND_ABOVE articles.
    search = c.Choice(("auto", "material", "pagefind"), default="auto")
    # Copies of one story (a wire story republished, a page saved twice) count once in entity
    # and topic counts and the co-occurrence graph; every copy keeps its page.
    count_story_once = c.Type(bool, default=True)


class UnchangedPage(File):
    """A page whose Markdown is what the previous build of this site folder made its HTML
    from (or a data file with the text it wrote): a dirty build keeps that file instead of
    building or writing it again."""

    def is_modified(self) -> bool:
        # MkDocs asks twice per page and build (to read it, to build it): one look at the disk
        if "written" not in self.__dict__:
            self.__dict__["written"] = os.path.isfile(self.abs_dest_path)
        return not self.__dict__["written"]


def settings_from(config: MkDocsConfig, options: ResearchPluginConfig) -> Config:
    """The one Config every command uses, from mkdocs.yml (its `research` plugin options, site
    name and URL); relative folders are relative to mkdocs.yml."""
    root = Path(config.config_file_path or ".").resolve().parent
    return Config(
        input_dir=(root / options.input).resolve(),
        knowledge_dir=(root / options.knowledge).resolve(),
        ner=options.ner, jobs=options.jobs or default_jobs(),
        executor=options.executor, scheduler=options.scheduler or None,
        cache_file=(root / options.cache).resolve() if options.cache else None,
        max_file_bytes=options.max_file_bytes, max_articles=options.max_articles,
        count_story_once=options.count_story_once,
        site_name=config.site_name, site_url=config.site_url or "")


def theme_stamp(config: MkDocsConfig) -> str:
    """Sizes and times of mkdocs.yml and the theme's override files: a page's HTML depends on
    them besides its Markdown, so a dirty rebuild after one changed keeps no HTML."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    custom = config.theme.custom_dir
    paths += sorted(Path(custom).rglob("*")) if custom and Path(custom).is_dir() else []
    return repr([(str(path), stat_key(path)) for path in paths])


class ResearchPlugin(BasePlugin[ResearchPluginConfig]):
    # Options the command line gives this process (`python -m generator build --input DIR`):
    # applied over mkdocs.yml in `on_config`, by every instance MkDocs makes (serve makes a
    # new one per rebuild), so no environment variable has to carry them into MkDocs.
    overrides: ClassVar[dict[str, Any]] = {}

    def __init__(self) -> None:
        self.corpus: Corpus | None = None
        self.site: Site | None = None
        self.settings: Config | None = None
        self.timer = StageTimer()
        self.pagefind = False
        self.dirty = False
        # What the previous build wrote, so a dirty rebuild (`serve`) can keep its HTML.
        # per site folder (and URL and nav): page or data file path -> its text
        self.built: dict[tuple[str, ...], dict[str, str]] = {}
        # What the previous build of this process read, found, rendered and indexed: a
        # rebuild (`serve`) redoes only what an edit touches (see incremental.py).
        self.memo = BuildMemo()
        self.page_memo = PageMemo()
        self.bytecode = MemoryBytecodeCache()
        # per site folder: page src -> its entries in Material's search index
        self.search_entries: dict[tuple[str, ...], dict[str, list[dict[str, Any]]]] = {}
        self.search_index: Any = None  # Material's, when it is the search
        self.pagefind_run: subprocess.Popen[str] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook makes MkDocs keep this object across the rebuilds of `serve`.
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.wait_for_search(stop=True)
        for key, value in self.overrides.items():
            self.config[key] = value
        self.settings = settings_from(config, self.config)
        self.timer = StageTimer()
        try:
            self.corpus = build_corpus(self.settings, self.timer,
                                       self.memo if self.dirty else None)
        except (InputError, ExecutorError) as error:
            raise PluginError(str(error)) from None
        log_problems(self.corpus.problems)
        if USER_SOURCE_DATE_EPOCH is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        epoch = source_date_epoch(max((a.date for a in self.corpus.articles if a.date),
                                      default=None))
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # MkDocs dates the sitemap by it
        self.settings = replace(self.settings, built=iso_timestamp(epoch))
        self.pagefind = self.config.search == "pagefind" or (
            self.config.search == "auto" and len(self.corpus.articles) > PAGEFIND_ABOVE)
        self.settings = replace(self.settings, pagefind=self.pagefind)
        with self.timer.stage("render"):
            self.site = (render_site_memo(self.corpus, self.settings, self.page_memo)
                         if self.dirty else render_site(self.corpus, self.settings))
        config.nav = self.site.nav  # the generator owns the navigation: see DESIGN.md §5
        config.markdown_extensions.append(HtmlBlocks())  # type: ignore[arg-type]
        add_search_languages(config, SEARCH_LANGUAGES)
        if self.pagefind:
            disable_material_search(config)
        self.search_index = self.keep_search_entries(config)
        return config

    def wait_for_search(self, stop: bool = False) -> None:
        """Wait for (or stop) the Pagefind run a rebuild left going in the background."""
        if self.pagefind_run is not None:
            if stop and self.pagefind_run.poll() is None:
                # the whole group: were Pagefind's binary a child of `python -m pagefind`
                # (today it replaces it), it would go on writing beside the next run
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.pagefind_run.pid, signal.SIGTERM)
            self.pagefind_run.wait()
            self.pagefind_run = None

    def on_shutdown(self) -> None:
        # `serve` stopped: a background Pagefind run must not outlive it, still writing
        self.wait_for_search(stop=True)
        IDLE_COLLECTOR.stop()

    def keep_search_entries(self, config: MkDocsConfig) -> Any:
        """Material's search index, made to keep the entries of pages a dirty build does not
        build again (incremental.py); None when Material's search is not the one used."""
        for name, plugin in config.plugins.items():
            index = getattr(plugin, "search_index", None)
            if (name.endswith("search") and plugin.config.get("enabled", True) and index
                    and type(index).__module__.startswith("material.")):
                kept = search_entries_class(type(index))(**plugin.config)
                kept.store, kept.order = {}, []  # see on_files and on_env
                plugin.search_index = kept  # type: ignore[attr-defined]
                plugin.search_index_prev = None  # type: ignore[attr-defined]
                return kept
        return None

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.dirty:  # serve: theme templates compiled once per process
            env.bytecode_cache = self.bytecode
        if self.search_index is not None:  # the page order of a clean build
            self.search_index.order = [file.src_uri for file in files.documentation_pages()]
        return env

    def on_page_content(self, html: str, /, *, page: Any, config: MkDocsConfig,
                        files: Files) -> str:
        # the ids of the HTML blocks html_blocks.py passed by MkDocs' anchor scan
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchor_ids(html)
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.dirty:
            IDLE_COLLECTOR.built()
        if not self.pagefind:
            return
        # only the page's content: not the navigation, header and footer every page repeats
        command = [sys.executable, "-m", "pagefind", "--site", config.site_dir,
                   "--root-selector", PAGEFIND_ROOT]
        for selector in PAGEFIND_IGNORE:
            command += ["--exclude-selectors", selector]
        if self.dirty and (Path(config.site_dir) / "pagefind").is_dir():
            # serve, after an edit: Pagefind cannot update an index, and re-indexing a large
            # site takes tens of seconds; the page shows at once and the index follows in
            # the background (the next rebuild stops a run still going).
            self.pagefind_run = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                                 stderr=subprocess.DEVNULL, text=True,
                                                 start_new_session=True)
            return
        with self.timer.stage("search index"):
            result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            last = (result.stderr or result.stdout).strip().splitlines()[-1:]
            raise PluginError(f"pagefind failed: {' '.join(last) or result.returncode}")

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        in_nav = {path for entry in self.site.nav for path in entry.values()}
        # Pagefind indexes the whole site folder, so HTML kept from the last build is found;
        # Material's search keeps the entries of the pages not built again (keep_search_entries).
        this_build = (config.site_dir, config.site_url or "", repr(config.nav),
                      theme_stamp(config))
        same_site = self.dirty and this_build in self.built
        previous = self.built[this_build] if same_site else {}
        # the texts themselves, compared with the last build's: a page kept by the renderer
        # is the same string (compared by identity), another one is compared by its bytes
        built = {**self.site.pages, **self.site.files}
        for path, content in sorted(self.site.pages.items()):
            inclusion = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
            kind = UnchangedPage if previous.get(path) == content else File
            files.append(kind.generated(config, path, content=content, inclusion=inclusion))
        for path in (previous.keys() - built.keys()) if same_site else ():
            # a page gone since the last build: a dirty build does not empty the site folder
            Path(File.generated(config, path, content="").abs_dest_path).unlink(missing_ok=True)
        for path, content in sorted(self.site.files.items()):
            kind = UnchangedPage if previous.get(path) == content else File
            files.append(kind.generated(config, path, content=content))
        if self.dirty:  # what a dirty rebuild of this same site may keep (one site)
            self.built = {this_build: built}
        store = self.search_entries.get(this_build, {}) if same_site else {}
        if self.dirty:
            self.search_entries = {this_build: store}
        if self.search_index is not None:
            self.search_index.store = store
        for file in files.documentation_pages():
            # another site, theme or mkdocs.yml: no HTML is kept (MkDocs itself would keep the
            # docs folder's); with Material's search, neither is a page without kept entries
            if not same_site or (self.search_index is not None and file.src_uri not in store):
                file.is_modified = lambda: True  # type: ignore[method-assign]
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.settings is not None
        native_watcher(server, [config.docs_dir, config.config_file_path])
        server.watch(str(self.settings.input_dir))
        if self.settings.knowledge_dir.is_dir():
            server.watch(str(self.settings.knowledge_dir))
        return server



class IdleCollector:
    """`serve` keeps the last build's corpus, pages and memos (millions of objects), and
    Python's cyclic garbage collector goes through all of them in each full collection: a
    rebuild started after the first build spent a second in five of them. So what a build
    leaves is frozen (gc.freeze: never traversed again), and once the server has been idle
    for IDLE_S the collector runs over everything once (what became cyclic garbage is freed;
    memory stays bounded by about one build's) and freezes what is left."""

    IDLE_S = 1.0

    def __init__(self) -> None:
        self.timer: threading.Timer | None = None

    def built(self) -> None:
        gc.freeze()
        self.stop()
        self.timer = threading.Timer(self.IDLE_S, self.collect)
        self.timer.daemon = True
        self.timer.start()

    def collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None


IDLE_COLLECTOR = IdleCollector()


# What changes a file; not its being opened or read (the build reads every input file, and
# MkDocs rebuilds on any event but a folder's).
CHANGE_EVENTS: list[type[watchdog.events.FileSystemEvent]] = [
    watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent,
    watchdog.events.FileDeletedEvent, watchdog.events.FileMovedEvent,
    watchdog.events.FileClosedEvent, watchdog.events.FileAttribEvent]


class ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The platform's observer, reporting only changes (CHANGE_EVENTS)."""

    def schedule(self, handler: Any, path: Any, *, recursive: bool = False,
                 event_filter: Any = None, follow_symlink: bool = False) -> Any:
        return super().schedule(handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGE_EVENTS,
                                follow_symlink=follow_symlink)


def native_watcher(server: Any, watched: list[str | None]) -> None:
    """MkDocs' server polls the watched folders every 0.5 s (a PollingObserver, which also
    stats every file of the input folder each time): a quarter of a second on average
    between saving a file and the rebuild starting. The platform's own notifications
    (inotify on Linux) start it at once and cost nothing between edits. The paths MkDocs
    watched already (`watched`) move to the new observer; those watched after this (the
    input and knowledge folders, mkdocs.yml's `watch`) are on it from the start."""
    moved = []
    for path in watched:
        if path:
            with contextlib.suppress(KeyError):  # not watched (a later MkDocs)
                server.unwatch(path)
                moved.append(path)
    server.observer = ChangeObserver()
    for path in moved:
        server.watch(path)
