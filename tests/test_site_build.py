"""MkDocs on every core (generator/site_build.py): the site is byte-identical to MkDocs' own
one-process build, and a warning logged in a worker still fails a strict build."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from generator import executor
from generator.__main__ import main

from .conftest import ROOT, SEEDS


def differences(a: Path, b: Path) -> list[str]:
    compared = filecmp.dircmp(a, b)
    found = [str(a / name) for name in
             compared.left_only + compared.right_only + compared.diff_files + compared.funny_files]
    for name in compared.common_dirs:
        found += differences(a / name, b / name)
    return found


def build(site: Path, jobs: int, *extra: str) -> int:
    return main(["build", "--input", str(SEEDS), "--no-ner", "--jobs", str(jobs),
                 "--site", str(site), "-q", *extra])


def test_workers_build_the_site_mkdocs_builds(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executor, "MIN_ITEMS_PER_WORKER", 1)  # workers even for the seeds
    for search in ("material", "pagefind"):
        assert build(tmp_path / f"one-{search}", 1, "--search", search) == 0  # MkDocs' own
        assert build(tmp_path / f"two-{search}", 2, "--search", search) == 0
        assert differences(tmp_path / f"one-{search}", tmp_path / f"two-{search}") == []
    assert (tmp_path / "two-material" / "search" / "search_index.json").stat().st_size > 10_000


def test_a_warning_in_a_worker_fails_the_strict_build(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executor, "MIN_ITEMS_PER_WORKER", 1)
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "site_src", docs)
    (docs / "notes.md").write_text("# Notes\n\nSee [the missing page](missing.md).\n",
                                   encoding="utf-8")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: site_src", f"docs_dir: {docs}")
    text = text.replace("custom_dir: site_src/overrides", f"custom_dir: {docs / 'overrides'}")
    text = text.replace("knowledge: knowledge ", f"knowledge: {ROOT / 'knowledge'} ")
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert build(tmp_path / "site", 2, "--config", str(config)) == 1
    assert not (tmp_path / "site").exists()  # the failed build left nothing behind
