"""MkDocs' build on every core: the same steps as `mkdocs.commands.build.build`, with the pages
turned into HTML by worker processes.

MkDocs has no parallel build. Here one process runs everything MkDocs does before its page
loops (the `config`, `files` and `nav` events, the navigation) and reads every page's source,
which gives every page its title and metadata: what the navigation, the previous/next links
and the sitemap of any page need from the others. Forked workers then take shares of the
pages and do for each what MkDocs' two loops do (`_populate_page`: Markdown to HTML;
`_build_page`: the theme's template, written to the site folder), and send back what the rest
of the build needs from them: the page's anchors (MkDocs checks links to them once every page
is rendered), its entries in Material's search index, and the warnings they logged (strict
mode fails on them as on the parent's). The parent writes the static files, the 404 page and
the sitemap once, and runs `post_build`. A page's HTML depends only on its own Markdown and
on the other pages' titles and URLs, so the site is byte-identical to MkDocs' own one-process
build (tests/test_site_build.py compares the two).

Only the plugins this project ships are known to allow it (their per-page events keep no state
across pages, apart from the search entries sent back). With another plugin, or outside Linux
(the workers are forked with the pages in memory), MkDocs' own build runs instead.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from typing import Any

from mkdocs import utils
from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from .executor import ProcessPool

log = logging.getLogger("generator")

PARALLEL_PLUGINS = {"search", "material/search", "research"}


@dataclass
class PageResult:
    """What a worker sends back for one page."""

    index: int
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]]  # target page's src_uri -> anchor -> link
    search_entries: list[dict[str, Any]] | None
    warnings: list[str]  # the levels of the warnings it logged
    process: int  # the process that built it: this one's warnings are counted already


@dataclass
class PageBuild:
    """Everything a worker needs, in memory before the workers are forked."""

    config: MkDocsConfig
    files: Files
    doc_files: list[File]
    nav: Navigation
    env: Any
    search_store: dict[str, list[dict[str, Any]]] | None


CURRENT: PageBuild | None = None  # the forked workers' view of the build


def build(config: MkDocsConfig, jobs: int) -> None:
    """`mkdocs build` (clean, not dirty) with the pages spread over `jobs` processes."""
    if jobs < 2 or sys.platform != "linux" or set(config.plugins) - PARALLEL_PLUGINS:
        mkdocs_build(config)
        return
    warnings = utils.CountHandler()
    warnings.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    if config.strict:
        mkdocs_log.addHandler(warnings)
    try:
        worker_warnings = build_steps(config, jobs)
        counts = dict(warnings.get_counts())
        for level, count in worker_warnings.items():
            counts[level] = counts.get(level, 0) + count
        if config.strict and counts:
            summary = ", ".join(f"{count} {level.lower()}s" for level, count in counts.items())
            raise Abort(f"Aborted with {summary} in strict mode!")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        mkdocs_log.removeHandler(warnings)


def build_steps(config: MkDocsConfig, jobs: int) -> dict[str, int]:
    """MkDocs' build steps, in its order; returns the warnings the workers logged, by level."""
    global CURRENT
    inclusion = InclusionLevel.is_included
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    utils.clean_directory(config.site_dir)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    doc_files = files.documentation_pages(inclusion=inclusion)
    pages = [file.page or Page(None, file, config) for file in doc_files]
    for page in pages:  # every page's title and metadata, for the others' navigation
        page.read_source(config)
    env = config.plugins.on_env(env, config=config, files=files)
    research = config.plugins.get("research")
    kept_index = getattr(research, "search_index", None)
    # MkDocs' order of writing: a page overwrites a theme file of the same name
    files.copy_static_files(dirty=False, inclusion=inclusion)
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    CURRENT = PageBuild(config, files, list(doc_files), nav, env,
                        getattr(kept_index, "store", None))
    pool = ProcessPool(jobs)
    try:
        results = pool.map(build_pages, spread(len(pages), jobs))
    finally:
        pool.close()
        CURRENT = None
    worker_warnings = apply_results(results, pages, files, kept_index)
    for page in pages:
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    config.plugins.on_post_build(config=config)
    return worker_warnings


def spread(count: int, jobs: int) -> list[int]:
    """Page indices in an order whose contiguous chunks (how the pool shares them out) each
    hold pages from all over the site: the big index and entity pages sit together."""
    stride = jobs * 4
    return [index for start in range(stride) for index in range(start, count, stride)]


def build_pages(indices: list[int]) -> list[PageResult]:
    """In a worker (or this process, for a small site): MkDocs' two page steps."""
    assert CURRENT is not None
    build = CURRENT
    return [build_one(build, index) for index in indices]


def build_one(build: PageBuild, index: int) -> PageResult:
    collected = WarningCollector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collected)
    try:
        file = build.doc_files[index]
        page = file.page
        assert page is not None
        _populate_page(page, build.config, build.files)
        _build_page(page, build.config, build.doc_files, build.nav, build.env,
                    excluded=file.inclusion.is_excluded())
    finally:
        mkdocs_log.removeHandler(collected)
    links = {target.src_uri: dict(anchors)
             for target, anchors in (page.links_to_anchors or {}).items()}
    entries = None if build.search_store is None else build.search_store.get(file.src_uri)
    return PageResult(index, page.present_anchor_ids, links, entries, collected.levels,
                      os.getpid())


class WarningCollector(logging.Handler):
    """The warnings one page logged (the worker prints them itself, as MkDocs would)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.levels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.levels.append(record.levelname)


def apply_results(results: list[PageResult], pages: list[Page], files: Files,
                  kept_index: Any) -> dict[str, int]:
    """Give this process's pages what their workers found; returns warnings by level."""
    counts: dict[str, int] = {}
    for result in results:
        page = pages[result.index]
        page.present_anchor_ids = result.present_anchor_ids
        targets = {uri: files.get_file_from_path(uri) for uri in result.links_to_anchors}
        page.links_to_anchors = {target: result.links_to_anchors[uri]
                                 for uri, target in targets.items() if target is not None}
        if kept_index is not None and result.search_entries is not None:
            kept_index.store[page.file.src_uri] = result.search_entries
        for level in result.warnings if result.process != os.getpid() else ():
            counts[level] = counts.get(level, 0) + 1
    return counts
