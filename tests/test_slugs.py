"""Every file name and URL comes from slugs.py: a table of tricky inputs."""

from __future__ import annotations

import pytest

from generator.slugs import page_path, relative_url, slug, unique_slugs


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel plans to kill Hamas leaders", "israel-plans-to-kill-hamas-leaders"),
    ("../../etc/passwd", "etc-passwd"),
    ("حزب الله", "hzb-llh"),
    ("חמאס", "khms"),
    ("!!!", "item"),
    ("", "item"),
    ("-leading dash", "leading-dash"),
    ("Türkiye’s role", "turkiyes-role"),
    ("a" * 200, "a" * 80),
])
def test_slug_table(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_duplicates_get_numbered_in_order() -> None:
    assert unique_slugs(["Same", "same", "Same!"], taken=["index"]) == ["same", "same-2", "same-3"]
    assert unique_slugs(["index"], taken=["index"]) == ["index-2"]


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("", "articles/a/", "articles/a/"),
    ("articles/a/", "entities/b/", "../../entities/b/"),
    ("articles/a/", "articles/a/#p3", "./#p3"),
    ("articles/a/", "#p3", "#p3"),
    ("articles/", "articles/a/", "a/"),
    ("sources/", "", "../"),
    ("articles/a/", "data/corpus.json", "../../data/corpus.json"),
])
def test_relative_urls(source: str, target: str, expected: str) -> None:
    assert relative_url(source, target) == expected


def test_page_paths() -> None:
    assert page_path("") == "index.md"
    assert page_path("articles/x/") == "articles/x.md"
