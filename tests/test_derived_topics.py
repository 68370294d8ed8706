"""Derived topics: a corpus the taxonomy knows nothing about still gets topics, from its own
words (generator/extract/derived_topics.py). The articles are made up for this test."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from generator.config import Config
from generator.export import corpus_document
from generator.extract.derived_topics import MIN_ARTICLES, derive_topics, topic_count
from generator.model import Corpus
from generator.pipeline import build_corpus
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent

BEES = [
    ("Beekeepers count their hives after a cold winter",
     "Beekeepers in the valley opened their hives this week and counted the colonies that "
     "survived the winter. Many hives lost their queen, and the honey stored in autumn ran out "
     "early. The beekeepers association asked members to report every colony and to feed the "
     "bees with sugar syrup until the orchards bloom."),
    ("Honey harvest falls for a second year",
     "The honey harvest fell again this summer, beekeepers said, because the colonies were weak "
     "after the mites spread through the hives. A beekeeper with forty hives collected half the "
     "honey of an ordinary year. Buyers paid more for each jar of honey at the market."),
    ("Mites threaten the valley's bee colonies",
     "Varroa mites have spread to most hives in the valley, the beekeepers association warned. "
     "The mites weaken the colonies and the bees cannot gather enough nectar. Beekeepers were "
     "told to treat every hive before the queen starts to lay eggs in spring."),
    ("A new queen for every weak hive",
     "Beekeepers who lost colonies can buy a young queen from the breeding station, which raised "
     "two hundred queens this season. A strong queen lays eggs quickly and the colony grows "
     "before the honey flow. The station asked beekeepers to order early."),
    ("Orchards rent hives to pollinate their trees",
     "Fruit growers rented hundreds of hives this spring so that the bees would pollinate the "
     "orchards. Each hive holds a colony of bees that visits the blossom for nectar and pollen. "
     "The beekeepers moved the hives at night when the bees were inside."),
    ("Swarm season keeps beekeepers busy",
     "In May the colonies raise new queens and the old queen leaves the hive with a swarm of "
     "bees. Beekeepers collected a dozen swarms from gardens and trees and housed each swarm in "
     "an empty hive, where the bees began to build comb and store honey."),
]
LIGHTHOUSES = [
    ("Lighthouse on the northern cape to be restored",
     "The old lighthouse on the northern cape will be restored next year, the maritime trust "
     "said. The tower has stood for two centuries and its lantern guided ships past the reef. "
     "Masons will repair the stone tower and the keeper's cottage before the storms of autumn."),
    ("Keepers remember life in the lighthouse",
     "Former keepers met at the harbour to remember the years when every lighthouse had a "
     "keeper who climbed the tower each night to light the lantern. The last keeper left the "
     "cape lighthouse when the lamp was automated, and the cottage has stood empty since."),
    ("Storm damages the harbour lighthouse",
     "A winter storm broke the lantern glass of the harbour lighthouse and flooded the base of "
     "the tower. Ships were warned by radio while the maritime trust sent masons and glaziers. "
     "The keeper's cottage lost part of its roof in the storm."),
    ("Trust buys the reef lighthouse",
     "The maritime trust has bought the reef lighthouse from the navy and plans to open the "
     "tower to visitors. The lantern room will show the great lens that once sent its beam "
     "twenty miles out to sea, and the keeper's cottage will become a small museum."),
    ("Masons finish the stone tower",
     "Masons finished repairing the stone tower of the cape lighthouse, replacing blocks that "
     "the sea had worn away. The lantern will be lit again in the autumn and ships passing the "
     "reef will see its beam for the first time in ten years, the trust said."),
    ("The lens returns to the lantern room",
     "The great glass lens of the harbour lighthouse returned to the lantern room after a year "
     "of cleaning. Keepers once polished the lens every morning. The trust hopes the lighthouse "
     "will guide ships again and welcome visitors to the tower and the keeper's cottage."),
]


def write_corpus(folder: Path, articles: list[tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, (title, body) in enumerate(articles):
        (folder / f"{number:03}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


def corpus_of(folder: Path, jobs: int = 1) -> Corpus:
    return build_corpus(Config(input_dir=folder, knowledge_dir=ROOT / "knowledge", ner=False,
                               jobs=jobs))


@pytest.fixture(scope="module")
def two_subjects(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("derived") / "input", BEES + LIGHTHOUSES)


def test_two_unrelated_subjects_get_topics_that_separate_them(two_subjects: Path) -> None:
    corpus = corpus_of(two_subjects)
    derived = {t.id: t for t in corpus.topics if t.derived}
    assert derived, "no topic was derived"
    subject = {a.id: ("bees" if int(a.source_file[:3]) < len(BEES) else "lighthouses")
               for a in corpus.articles}
    for article in corpus.articles:
        assert any(t in derived for t in corpus.article_topics[article.id]), article.id
    for topic_id in derived:
        members = {subject[a] for a, ts in corpus.article_topics.items() if topic_id in ts}
        assert len(members) == 1, (topic_id, members)
    labels = {" ".join(t.terms).lower() for t in derived.values()}
    assert any("hive" in label or "bees" in label for label in labels), labels
    assert any("lighthouse" in label or "keeper" in label for label in labels), labels
    assert all(t.id.startswith("derived-") and t.name and len(t.terms) >= 3
               for t in derived.values())


def test_the_same_input_gives_the_same_topics_whatever_the_workers(two_subjects: Path) -> None:
    first, second, parallel = corpus_of(two_subjects), corpus_of(two_subjects), \
        corpus_of(two_subjects, jobs=2)
    assert first.topics == second.topics == parallel.topics
    assert first.article_topics == second.article_topics == parallel.article_topics


def test_derived_topics_are_marked_in_corpus_json(two_subjects: Path) -> None:
    document = corpus_document(corpus_of(two_subjects))
    jsonschema.validate(document, json.loads((ROOT / "tests/data/corpus.schema.json")
                                             .read_text(encoding="utf-8")))
    derived = [t for t in document["topics"] if t["derived"]]
    assert derived and all(t["terms"] and t["articles"] >= 2 for t in derived)
    assert all(t["derived"] is False for t in document["topics"]
               if not t["id"].startswith("derived-"))


def test_a_curated_topic_wins(two_subjects: Path) -> None:
    corpus = corpus_of(two_subjects)
    covered = corpus.articles[0].id
    curated = replace(corpus, topics=tuple(t for t in corpus.topics if not t.derived),
                      article_topics={**{a.id: () for a in corpus.articles},
                                      covered: ("targeted-killing",)})
    topics, members = derive_topics(curated)
    assert topics and all(covered not in ids for ids in members.values())


def test_too_small_a_corpus_gets_no_derived_topic(tmp_path: Path) -> None:
    small = write_corpus(tmp_path / "input", (BEES + LIGHTHOUSES)[:MIN_ARTICLES - 1])
    assert not [t for t in corpus_of(small).topics if t.derived]


def test_the_number_of_topics_follows_the_corpus_size() -> None:
    assert [topic_count(n) for n in (8, 50, 200, 1000, 100_000)] == [2, 5, 10, 20, 20]


def test_a_derived_topic_page_says_it_is_derived(two_subjects: Path, tmp_path: Path) -> None:
    result = run_cli("generate", "--input", str(two_subjects), "--out", str(tmp_path / "out"),
                     "--no-ner", "-q")
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "out" / "topics").glob("derived-*.md"))
    assert pages
    assert "Derived from the corpus</strong>: top terms" in pages[0].read_text(encoding="utf-8")
    index = (tmp_path / "out" / "topics.md").read_text(encoding="utf-8")
    assert "## Derived from the corpus" in index and pages[0].stem in index
