"""The seed corpus, pinned: what a reader checks on each article page and in corpus.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.model import Corpus

CHROME = ["Skip to content", "Menu", "Strategic Alliances for a Secure", "Filed under",
          "| 26 February 2024", "• Asharq Al-Awsat", "[Photo:", "TT"]
EXPECTED = {  # (file, index): (title, date, publisher)
    ("000_717154f2e6884032.txt", 0): (
        "Israeli Security Source Confirms Assassination Attempt Against Hamas Operative in "
        "Lebanon", None, None),
    ("001_a039a33b49e21385.txt", 0): (
        "Israel plans to kill Hamas leaders around the world after war", "2024-02-26",
        "Asharq Al-Awsat"),
    ("002_a6d630ddac496ea8.txt", 0): (None, None, "The Tower"),
    ("003_2a41dfe9b9266b36.txt", 0): (
        "Hamas’ Qassam Launches Probe after a Field Commander Flees to Israel", None,
        "Asharq Al-Awsat"),
    ("003_2a41dfe9b9266b36.txt", 1): (
        "UN Officials in Lebanon Call for Talks on Anniversary of Israel-Hezbollah Fighting",
        None, None),
    ("004_4415447d7751aba3.txt", 0): (
        "Israeli-Palestinian Coordination Against Hamas", None,
        "Jerusalem Center for Public Affairs"),
}


def test_articles_titles_dates_publishers(seed_corpus: Corpus) -> None:
    found = {(a.source_file, a.index_in_file): (a.title, a.date, a.publisher)
             for a in seed_corpus.articles}
    assert found == EXPECTED
    assert not seed_corpus.problems


def test_untitled_article_gets_a_derived_title(seed_corpus: Corpus) -> None:
    [untitled] = [a for a in seed_corpus.articles if a.title is None]
    assert untitled.title_derived
    assert untitled.display_title.startswith("Egyptian, Palestinian, and Israeli sources tell")


@pytest.mark.parametrize("chrome", CHROME)
def test_no_chrome_left_in_bodies(seed_corpus: Corpus, chrome: str) -> None:
    for article in seed_corpus.articles:
        for paragraph in article.paragraphs:
            assert not paragraph.text.startswith(chrome), (article.id, paragraph.text)


def test_headline_and_captions_not_repeated(seed_corpus: Corpus) -> None:
    for article in seed_corpus.articles:
        texts = [p.text for p in article.paragraphs if p.kind not in ("title", "byline")]
        assert len(texts) == len(set(texts)), article.id
        assert article.title not in texts


def test_captions_kept_as_captions(seed_corpus: Corpus) -> None:
    captions = [p.text for a in seed_corpus.articles for p in a.paragraphs if p.kind == "caption"]
    assert captions == ["Qassam Brigades members. (Reuters file photo)",
                        "Smoke rises from the site of an Israeli airstrike that targeted the "
                        "southern Lebanese village of Khiam on October 8, 2024. (AFP)"]


def test_languages_and_tags(seed_corpus: Corpus) -> None:
    by_file = {(a.source_file, a.index_in_file): a for a in seed_corpus.articles}
    first = by_file[("000_717154f2e6884032.txt", 0)]
    assert first.languages == ("en", "ar", "he")
    assert [p.lang for p in first.paragraphs[:2]] == ["ar", "he"]
    assert by_file[("004_4415447d7751aba3.txt", 0)].tags == ("Hamas", "Israeli Security",
                                                              "Palestinians")
    assert all(a.languages == ("en",) for key, a in by_file.items() if key[0] != first.source_file)


def test_corpus_json_matches_the_schema(seed_site: Path) -> None:
    document = json.loads((seed_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    schema_file = Path(__file__).parent / "data" / "corpus.schema.json"
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus.schema.json"
    if shared.exists():  # the project's copy must not drift from the shared contract
        assert json.loads(shared.read_text()) == json.loads(schema_file.read_text())
    jsonschema.validate(document, json.loads(schema_file.read_text(encoding="utf-8")))
    assert len(document["articles"]) == 6
    assert {a["date"] for a in document["articles"]} == {None, "2024-02-26"}
    assert [s["file"] for s in document["sources"]] == sorted(s["file"] for s in
                                                              document["sources"])
