"""A rebuild reuses what the cache holds: an unchanged file is not parsed again and an
unchanged article is not analysed again; an edit, or a changed knowledge base, is."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jinja2.meta
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator import incremental, pipeline
from generator.config import Config
from generator.extract import ner
from generator.extract.entities import EntityExtractor
from generator.model import Corpus
from generator.plugin import ResearchPlugin
from generator.render import INDEX_PAGE_INPUTS, TEMPLATES, environment, render_site
from generator.reuse import Reuse

from .conftest import ROOT, SEEDS


class Calls:
    """Counts the files parsed and the articles analysed during a build."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        self.analysed: list[str] = []
        parse, names_in = pipeline.parse_source, EntityExtractor.names_in

        def counting_parse(source):  # type: ignore[no-untyped-def]
            self.parsed.append(source.file)
            return parse(source)

        def counting_names_in(extractor, article, spans, **options):  # type: ignore[no-untyped-def]
            self.analysed.append(article.id)
            return names_in(extractor, article, spans, **options)

        monkeypatch.setattr(pipeline, "parse_source", counting_parse)
        monkeypatch.setattr(EntityExtractor, "names_in", counting_names_in)

    def reset(self) -> None:
        self.parsed.clear()
        self.analysed.clear()


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "in")
    shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge")
    return tmp_path


def build(project: Path, cache: bool = True) -> Corpus:
    return pipeline.build_corpus(Config(
        input_dir=project / "in", knowledge_dir=project / "knowledge", ner=False,
        cache_file=project / "cache.sqlite" if cache else None))


def test_an_unchanged_corpus_is_neither_parsed_nor_analysed_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Calls(monkeypatch)
    first = build(project)
    assert len(calls.parsed) == 5 and len(calls.analysed) == len(first.articles)
    calls.reset()
    assert build(project) == first
    assert calls.parsed == [] and calls.analysed == []


def test_an_edited_article_is_the_only_one_done_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Calls(monkeypatch)
    build(project)
    edited = sorted((project / "in").glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nHamas said on Friday it would "
                      "answer. The Shin Bet declined to comment.\n", encoding="utf-8")
    calls.reset()
    rebuilt = build(project)
    assert calls.parsed == [edited.name]
    assert calls.analysed == [a.id for a in rebuilt.articles if a.source_file == edited.name]
    assert rebuilt == build(project, cache=False)  # the same as a build from scratch


def test_a_changed_knowledge_base_analyses_every_article_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Calls(monkeypatch)
    build(project)
    entities = project / "knowledge" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    calls.reset()
    rebuilt = build(project)
    assert calls.parsed == []  # parsing does not depend on the knowledge base
    assert sorted(calls.analysed) == sorted(a.id for a in rebuilt.articles)


def test_an_unusable_cache_file_is_one_clear_error(project: Path) -> None:
    (project / "cache.sqlite").mkdir()  # a folder where the cache file should be
    with pytest.raises(pipeline.InputError, match="cache.sqlite: cannot use this file"):
        build(project)


def build_site(project: Path, site: Path, dirty: bool) -> ResearchPlugin:
    """One MkDocs build as `serve` runs it (dirty) or as `build` does."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=not dirty)
    config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
    mkdocs_build(config, dirty=dirty)
    plugin = config.plugins["research"]
    assert isinstance(plugin, ResearchPlugin)
    plugin.wait_for_search()  # serve indexes for Pagefind in the background after an edit
    return plugin


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but Pagefind's index (rebuilt from the HTML each time)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and "pagefind" not in p.relative_to(site).parts}


def html_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")
            if "pagefind" not in p.parts}


def test_a_dirty_rebuild_keeps_unchanged_html_and_equals_a_clean_build(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What `serve` does after an edit: pages whose Markdown did not change keep their HTML
    (with Pagefind, which indexes the whole site), a deleted article's page disappears, and
    the result is the site a clean build of the new input gives."""
    monkeypatch.setattr(ResearchPlugin, "overrides", {
        "input": str(project / "in"), "ner": False, "search": "pagefind",
        "cache": str(project / "cache.sqlite")})
    served = project / "served"
    build_site(project, served, dirty=True)
    before = {path: (served / path).stat().st_mtime_ns for path in html_pages(served)}
    files = sorted((project / "in").glob("*.txt"))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nThe ministry said on Friday "
                        "that it would answer.\n", encoding="utf-8")
    files[-1].unlink()
    build_site(project, served, dirty=True)
    after = html_pages(served)
    kept = [path for path in after if path in before and
            (served / path).stat().st_mtime_ns == before[path]]
    assert kept, "no page kept its HTML"
    assert any("ministry said on Friday" in page.decode() for page in after.values())
    build_site(project, project / "clean", dirty=False)
    assert after == html_pages(project / "clean")
    assert site_files(served) == site_files(project / "clean")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("search", ["material", "pagefind"])
def test_a_sequence_of_edits_served_equals_a_clean_build_each_time(
        project: Path, monkeypatch: pytest.MonkeyPatch, search: str) -> None:
    """`serve` after an edit, an added file, a renamed one, a deleted one and a knowledge-base
    edit: each time the site equals a clean build of the same input, byte for byte (search
    index and sitemap included), and only the pages the edit touches are rendered again."""
    monkeypatch.setattr(ResearchPlugin, "overrides", {
        "input": str(project / "in"), "ner": False, "search": search,
        "knowledge": str(project / "knowledge"), "cache": str(project / "cache.sqlite")})
    monkeypatch.setattr(incremental, "RACY_NS", 0)  # files written just now count as unchanged
    monkeypatch.setattr(incremental, "VERIFY_KEPT", True)  # a page kept by its inputs is right
    served = project / "served"
    files = sorted((project / "in").glob("*.txt"))

    def edit() -> None:
        append(files[0], "\nThe ministry said on Friday that Zorvanian Quell would answer.\n")

    def add() -> None:
        (project / "in" / "002a_new.txt").write_text(
            "Ceasefire talks resume in Cairo\n\nMediators said on Sunday that delegations from "
            "Hamas and Israel had arrived for a new round of talks in Cairo.\n", encoding="utf-8")

    def rename() -> None:
        files[1].rename(project / "in" / "zz_renamed.txt")

    def delete() -> None:
        files[-1].unlink()

    def knowledge() -> None:
        append(project / "knowledge" / "entities.yml",
               "\n  - id: zorvanian-quell\n    name: Zorvanian Quell\n    type: person\n")

    plugin = build_site(project, served, dirty=True)
    pages = len(plugin.page_memo.pages)
    for number, step in enumerate((edit, add, rename, delete, knowledge)):
        step()
        plugin = build_site(project, served, dirty=True)
        clean = project / f"clean-{number}"
        build_site(project, clean, dirty=False)
        assert site_files(served) == site_files(clean), step.__name__
        if step is edit:  # one file read again; a few pages rendered, the rest kept
            assert plugin.memo.reused_files == len(files) - 1
            assert 0 < plugin.page_memo.rendered < pages // 2
    assert "entities/zorvanian-quell/index.html" in site_files(served)


def test_a_knowledge_base_edit_does_not_run_ner_again_on_unchanged_text(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[str] = []

    def counting_model(pieces: list[str], batch_size: int) -> list[list[list[object]]]:
        texts.extend(pieces)
        return [[] for _ in pieces]

    monkeypatch.setattr(ner, "spans_of", counting_model)
    memo = incremental.BuildMemo()
    config = Config(input_dir=project / "in", knowledge_dir=project / "knowledge", ner=True,
                    cache_file=project / "cache.sqlite")
    first = pipeline.build_corpus(config, memo=memo)
    assert texts
    texts.clear()
    append(project / "knowledge" / "entities.yml",
           "\n  - id: zorvanian-quell\n    name: Zorvanian Quell\n    type: person\n")
    again = pipeline.build_corpus(config, memo=memo)
    assert texts == [] and memo.reused_findings == 0  # analysed again, without the model
    assert [a.id for a in again.articles] == [a.id for a in first.articles]


def test_a_file_changed_within_the_timestamp_granularity_is_read_again(
        project: Path) -> None:
    """Size and times are trusted only for a file modified RACY_NS before they were taken; a
    file rewritten with its old size and modification time has a new change time."""
    memo = incremental.BuildMemo()
    config = Config(input_dir=project / "in", knowledge_dir=project / "knowledge", ner=False,
                    cache_file=project / "cache.sqlite")
    for file in (project / "in").glob("*.txt"):
        os.utime(file)  # modified now
    pipeline.build_corpus(config, memo=memo)
    pipeline.build_corpus(config, memo=memo)
    assert memo.reused_files == 0  # modified just now: not trusted yet
    path = sorted((project / "in").glob("*.txt"))[0]
    for file in (project / "in").glob("*.txt"):
        os.utime(file, ns=(file.stat().st_atime_ns, file.stat().st_mtime_ns - 10**10))
    memo.files.clear()
    pipeline.build_corpus(config, memo=memo)
    assert memo.files  # now trusted
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Hamas", "HAMAS", 1), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    rebuilt = pipeline.build_corpus(config, memo=memo)
    assert memo.reused_files == len(list((project / "in").glob("*.txt"))) - 1
    assert any("HAMAS" in p.text for a in rebuilt.articles for p in a.paragraphs)


def test_memoised_templates_read_only_what_globals_read_declares() -> None:
    """A kept page is as good as its context digest: a memoised template that read more of
    `corpus` or `articles_by_id` than GLOBALS_READ says could show stale text."""
    allowed = {"corpus", "articles_by_id",  # handed on to a macro, which is checked too
               "corpus.article_topics.get(event.article,",  # GLOBALS_READ's events_read
               "articles_by_id[event.article].display_title",
               "corpus.topics,"}  # timeline_year.md.j2's, in GLOBALS_READ
    for template in incremental.GLOBALS_READ:
        names = [template, *re.findall(r'from "([^"]+)" import',
                                       (TEMPLATES / template).read_text(encoding="utf-8"))]
        for name in names:
            source = (TEMPLATES / name).read_text(encoding="utf-8")
            for use in re.findall(r"(?<![\w/.])(?:corpus|articles_by_id)\b(?!\.json)"
                                  r"(?:[.\[][^\s}|)]*)?", source):
                assert use in allowed, (name, use)


def test_stopping_serve_stops_a_background_search_index_run() -> None:
    """The index that follows an edit runs in the background; when serve stops, so does it
    (else it goes on writing into a site nobody serves)."""
    plugin = ResearchPlugin()
    run = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                           start_new_session=True, text=True)
    plugin.pagefind_run = run
    plugin.on_shutdown()
    assert run.returncode == -signal.SIGTERM and plugin.pagefind_run is None


# --- PageInputs: a page kept without its context is one whose inputs did not change -------

def with_article(corpus: Corpus, position: int, **changes: object) -> Corpus:
    articles = list(corpus.articles)
    articles[position] = replace(articles[position], **changes)  # type: ignore[arg-type]
    return replace(corpus, articles=tuple(articles))


def edited_paragraph(corpus: Corpus, position: int, entity: str | None = None) -> Corpus:
    """An article's text changed: words added to its last paragraph, or the first one naming
    `entity` in other letters (the same length: its mentions stay where they were)."""
    article = corpus.articles[position]
    named = {m.paragraph for m in corpus.mentions if m.article == article.id
             and m.entity == entity}
    index = min(named) if entity else max(p.index for p in article.body)
    paragraphs = list(article.paragraphs)
    text = paragraphs[index].text
    paragraphs[index] = replace(paragraphs[index],
                                text=text.swapcase() if entity else text + " More.")
    return with_article(corpus, position, paragraphs=tuple(paragraphs))


def renamed(corpus: Corpus, entity: str) -> Corpus:
    return replace(corpus, entities=tuple(replace(e, name=e.name + " Renamed") if e.id == entity
                                          else e for e in corpus.entities))


def fewer_mentions(corpus: Corpus, entity: str, keep_in: str) -> Corpus:
    """`entity` mentioned only in `keep_in`: it drops in every ranking and count."""
    return replace(corpus, mentions=tuple(m for m in corpus.mentions
                                          if m.entity != entity or m.article == keep_in))


def retopiced(corpus: Corpus, article: str) -> Corpus:
    topics = dict(corpus.article_topics)
    topics[article] = (*topics.get(article, ()), corpus.topics[-1].id)
    return replace(corpus, article_topics=topics)


def copies(corpus: Corpus) -> Corpus:
    first, second = corpus.articles[0].id, corpus.articles[2].id
    return replace(corpus, same_story={first: (second,), second: (first,)})


SEED_FIRST, SEED_SECOND = ("israeli-security-source-confirms-assassination-attempt-against-"
                           "hamas-operative", "israel-plans-to-kill-hamas-leaders-around-the-"
                           "world-after-war")
# Each: (the corpus before, the corpus after one input changed, a page that must change).
INPUTS = {
    "own text": (lambda c: c, lambda c: edited_paragraph(c, 0), f"articles/{SEED_FIRST}.md"),
    "a neighbour's title": (lambda c: c, lambda c: with_article(
        c, 1, title="A new headline", display_title="A new headline"),
        f"articles/{SEED_FIRST}.md"),
    "a copy's publisher": (copies, lambda c: with_article(copies(c), 2, publisher="Elsewhere"),
                           f"articles/{SEED_FIRST}.md"),
    "an entity's name": (lambda c: c, lambda c: renamed(c, "lebanon"),
                         f"articles/{SEED_FIRST}.md"),
    "the ranking of its entities": (lambda c: c, lambda c: fewer_mentions(c, "hamas", SEED_FIRST),
                                    f"articles/{SEED_SECOND}.md"),
    "corpus order": (lambda c: c, lambda c: replace(c, articles=c.articles[::-1]),
                     "entities/hamas.md"),
    "a quoted paragraph": (lambda c: c, lambda c: edited_paragraph(c, 1, "hamas"),
                           "entities/hamas.md"),
    "an article's date": (lambda c: c, lambda c: with_article(c, 1, date="1999-01-02"),
                          "entities/hamas.md"),
    "a neighbour's counts": (lambda c: c, lambda c: fewer_mentions(c, "israel", SEED_FIRST),
                             "entities/lebanon.md"),
    "an event's topics": (lambda c: c, lambda c: retopiced(c, c.events[0].article),
                          "entities/hamas.md"),
}

# Changes that leave the Graph page's communities and the corpus order as they were: most
# pages are kept without building their context (other changes check every entity page).
KEEPS_MOST = {"own text", "a neighbour's title", "a copy's publisher",
              "a quoted paragraph", "an article's date", "an event's topics"}


@pytest.mark.parametrize("change", INPUTS)
def test_a_change_to_any_input_of_a_kept_page_renders_it_again(
        seed_corpus: Corpus, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    """After each kind of change a page shows, a rebuild in the same process gives the pages
    a clean render gives, the page that shows it among them; VERIFY_KEPT checks each page
    kept without its context against its full context digest."""
    monkeypatch.setattr(incremental, "VERIFY_KEPT", True)
    before, after, page = INPUTS[change]
    config = Config(input_dir=SEEDS, knowledge_dir=ROOT / "knowledge", ner=False, jobs=1)
    memo = incremental.PageMemo()
    first = incremental.render_site_memo(before(seed_corpus), config, memo)
    changed = after(seed_corpus)
    again = incremental.render_site_memo(changed, config, memo)
    clean = render_site(changed, config)
    assert again.pages == clean.pages and again.files == clean.files
    assert first.pages[page] != again.pages[page], "the change does not show on the page"
    if change in KEEPS_MOST:
        assert memo.checked < len(memo.pages) // 2  # the other pages kept without a context


def test_derived_topics_are_derived_again_only_when_what_they_read_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit to an article a curated topic covers keeps the last build's derived topics;
    an edit to an uncovered one derives them again. Either way the corpus is a clean build's."""
    from tests.test_derived_topics import BEES, LIGHTHOUSES, write_corpus

    folder = write_corpus(tmp_path / "in", BEES + LIGHTHOUSES)
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder / "zz_seed.txt")
    monkeypatch.setattr(incremental, "RACY_NS", 0)
    calls: list[int] = []
    derive = pipeline.derive_topics

    def counting(corpus: Corpus) -> object:
        calls.append(1)
        return derive(corpus)

    monkeypatch.setattr(pipeline, "derive_topics", counting)
    config = Config(input_dir=folder, knowledge_dir=ROOT / "knowledge", ner=False,
                    cache_file=None)
    memo = incremental.BuildMemo()
    first = pipeline.build_corpus(config, memo=memo)
    seed = first.articles_from("zz_seed.txt")[0]
    assert calls and any(t.derived for t in first.topics) and first.article_topics[seed.id]
    for path, derived_again in ((folder / "zz_seed.txt", False),
                                (sorted(folder.glob("*.txt"))[0], True)):
        calls.clear()
        append(path, "\nThe beekeepers said on Friday that the queens were strong again.\n")
        rebuilt = pipeline.build_corpus(config, memo=memo)
        assert bool(calls) == derived_again, path.name
        assert rebuilt == pipeline.build_corpus(config)


def test_kept_index_pages_read_only_what_their_inputs_hold() -> None:
    """An index page in render.INDEX_PAGE_INPUTS is kept while those inputs are equal: its
    template may read only them (the corpus' fields named here, the articles' headings)."""
    env = environment()
    reads = {"articles.md.j2": ({"corpus", "dated", "undated", "by_publisher", "href"},
                                {"articles", "sources"}),
             "curation.md.j2": ({"corpus", "href"}, {"unknown_names", "ambiguous"})}
    assert reads.keys() == INDEX_PAGE_INPUTS.keys()
    for template, (names, fields) in reads.items():
        source = (TEMPLATES / template).read_text(encoding="utf-8")
        assert jinja2.meta.find_undeclared_variables(env.parse(source)) <= names, template
        assert set(re.findall(r"\bcorpus\.(\w+)", source)) <= fields, template
    macro = (TEMPLATES / "_macros.md.j2").read_text(encoding="utf-8")
    line = macro[macro.index("macro article_link"):macro.index("macro crumbs")]
    assert set(re.findall(r"\barticle\.(\w+)", line)) <= {
        "url", "display_title", "title_derived", "date", "publisher"}


def test_exports_made_per_article_are_the_whole_documents(seed_corpus: Corpus) -> None:
    """corpus.json, the CSVs, the CSL JSON and the Atom feed are put together from parts
    encoded one article at a time (so `serve` re-encodes only an edited article's): the text
    is what encoding the whole document at once gives."""
    import csv
    import io
    import json
    import xml.etree.ElementTree as ET

    from generator import export
    from generator.link import build_index

    index = build_index(seed_corpus)
    assert export.corpus_json(seed_corpus, index, Reuse()) == export.to_json(
        export.corpus_document(seed_corpus, index))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        [export.MENTIONS_HEADER, *([m.article, m.entity, m.surface, m.paragraph, m.start,
                                    m.end, m.how] for m in seed_corpus.mentions)])
    assert export.mentions_csv(seed_corpus) == buffer.getvalue()
    items = json.loads(export.csl_json(seed_corpus, "https://example.org/"))
    assert export.csl_json(seed_corpus, "https://example.org/") == json.dumps(
        items, ensure_ascii=False, indent=1) + "\n"
    for corpus in (seed_corpus, replace(seed_corpus, articles=())):
        feed = export.atom_feed(corpus, "Site <&>", "", "2020-01-01T00:00:00Z")
        root = ET.fromstring(feed)
        ET.indent(root)
        assert feed == ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
