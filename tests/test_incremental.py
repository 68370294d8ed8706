"""A rebuild reuses what the cache holds: an unchanged file is not parsed again and an
unchanged article is not analysed again; an edit, or a changed knowledge base, is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator import pipeline
from generator.config import Config
from generator.extract.entities import EntityExtractor
from generator.model import Corpus
from generator.plugin import ResearchPlugin

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

        def counting_names_in(extractor, article, spans):  # type: ignore[no-untyped-def]
            self.analysed.append(article.id)
            return names_in(extractor, article, spans)

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


def build_site(project: Path, site: Path, dirty: bool) -> None:
    """One MkDocs build as `serve` runs it (dirty) or as `build` does."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=not dirty)
    config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
    mkdocs_build(config, dirty=dirty)


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
