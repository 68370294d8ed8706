"""The same story across outlets (generator/extract/same_story.py): copies are found by their
body, whatever the chrome and headline; different articles about one event are not copies.

Every article here is written for this test.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.config import Config
from generator.extract.same_story import find_same_story, story_of
from generator.link import build_index
from generator.model import Corpus
from generator.pipeline import build_corpus

from .conftest import ROOT, run_cli
from .test_settings import project

STORY = [
    "Egyptian mediators opened a fresh round of talks in Cairo on Sunday, hoping to narrow the "
    "gaps between Hamas and Israel over a truce that would let aid convoys cross at Rafah "
    "before the start of the holy month.",
    "Two officials briefed on the meetings said the delegations sat in separate rooms of a "
    "government guesthouse while Egyptian and Qatari envoys carried written proposals back and "
    "forth for most of the afternoon.",
    "The draft under discussion would pause the fighting for six weeks, free a first group of "
    "hostages and detainees, and raise the number of lorries allowed through the crossing to "
    "several hundred a day.",
    "A senior Egyptian official, who asked not to be named because the talks were confidential, "
    "described the mood as cautious and said the sides still disagreed about what would follow "
    "the first phase.",
    "Long lines of trucks loaded with flour, medicine and fuel have waited for days on the "
    "Egyptian side of the border, their drivers sleeping in their cabs as inspections moved "
    "slowly.",
    "Aid agencies warned that hunger was spreading in the north of the territory, where "
    "families have been surviving on animal feed and whatever wild plants they can gather near "
    "their shelters.",
    "Israel's delegation was led by the head of its foreign intelligence service, according to "
    "a person familiar with the arrangements, while the Hamas team included members of the "
    "group's political bureau based abroad.",
    "Further sessions were expected on Monday, and mediators hoped to announce at least a "
    "framework agreement before the end of the week if neither side walked away from the table.",
]
QUOTE = ("A senior Egyptian official, who asked not to be named because the talks were "
         "confidential, described the mood as cautious and said the sides still disagreed "
         "about what would follow the first phase.")
SAME_EVENT = [
    "Delegations gathered in the Egyptian capital at the weekend for what diplomats called the "
    "most serious attempt in months to halt the war in Gaza and reopen the Rafah crossing.",
    QUOTE,
    "Residents of Rafah interviewed by telephone said they had heard rumours of a deal many "
    "times before and would believe it only when the bombardment stopped and the markets "
    "filled again.",
    "In Jerusalem, the families of hostages held a vigil outside the prime minister's office, "
    "holding photographs and urging the government to accept any arrangement that would bring "
    "their relatives home.",
    "Analysts in the region cautioned that previous rounds had collapsed over the sequencing of "
    "releases and the question of whether Israeli troops would withdraw from populated areas.",
    "Egypt has framed its mediation as a matter of national security, fearing that a "
    "humanitarian collapse on its border could push desperate people towards the Sinai desert.",
    "Two officials briefed on the meetings said the delegations sat in separate rooms of a "
    "government guesthouse while Egyptian and Qatari envoys carried written proposals back and "
    "forth for most of the afternoon.",
    "Neither Hamas nor the Israeli government commented publicly on the substance of the "
    "proposals on Sunday evening.",
]

ORIGINAL = "\n\n".join([
    "Egypt hosts new round of truce talks as aid convoys wait at Rafah", "By Jane Roe",
    "March 3, 2024", *STORY]) + "\n"
REPUBLISHED = "\n\n".join([
    "The Harbour Times", "Skip to content", "Menu",
    "Truce talks resume in Cairo while trucks idle at the border crossing",
    "Published: 4 March 2024", *STORY,
    "Copyright 2024 The Harbour Times. All rights reserved."]) + "\n"
SHORTENED = "\n\n".join([
    "Mediators try again in Cairo", "March 5, 2024",
    *(p.replace("on Sunday", "at the weekend") for p in STORY[:4])]) + "\n"
OTHER = "\n\n".join([
    "Hopes and doubts as Cairo talks begin", "By Sam Doe", "March 3, 2024", *SAME_EVENT]) + "\n"
UNRELATED = "\n\n".join([
    "City council approves new tram line after years of debate", "June 2, 2023",
    "The city council voted on Thursday to build a tram line linking the university to the "
    "old harbour, ending a dispute that had divided residents and shopkeepers for almost a "
    "decade.",
    "Supporters said the line would cut traffic on the coastal road, while opponents worried "
    "about years of construction outside their doors and the loss of parking spaces.",
    "Work is due to start next spring, and the first trams should carry passengers within four "
    "years if the national government confirms its share of the funding.",
]) + "\n"

FILES = {
    "a_original.txt": ORIGINAL,
    "b_republished.txt": REPUBLISHED,
    # The same page saved twice: the same text, but not the same bytes (Windows line endings),
    # so it is not the byte-identical duplicate the pipeline already drops.
    "c_saved_again.txt": ORIGINAL.replace("\n", "\r\n"),
    "d_shortened.txt": SHORTENED,
    "e_other_article_same_event.txt": OTHER,
    "f_unrelated.txt": UNRELATED,
}
COPIES = ("a_original.txt", "b_republished.txt", "c_saved_again.txt", "d_shortened.txt")


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = write_corpus(tmp_path_factory.mktemp("same-story") / "in")
    return build_corpus(Config(input_dir=folder, knowledge_dir=ROOT / "knowledge", ner=False))


def by_file(corpus: Corpus) -> dict[str, str]:
    return {a.source_file: a.id for a in corpus.articles}


def test_every_copy_lists_the_others(corpus: Corpus) -> None:
    ids = by_file(corpus)
    copies = sorted(ids[name] for name in COPIES)
    for name in COPIES:
        assert corpus.same_story[ids[name]] == tuple(c for c in copies if c != ids[name]), name


def test_wire_story_with_other_chrome_and_headline_is_found(corpus: Corpus) -> None:
    ids = by_file(corpus)
    republished = next(a for a in corpus.articles if a.source_file == "b_republished.txt")
    original = next(a for a in corpus.articles if a.source_file == "a_original.txt")
    assert republished.display_title != original.display_title  # never found by title
    assert ids["a_original.txt"] in corpus.same_story[ids["b_republished.txt"]]


def test_same_page_saved_twice_is_found(corpus: Corpus) -> None:
    ids = by_file(corpus)
    assert ids["a_original.txt"] in corpus.same_story[ids["c_saved_again.txt"]]


def test_shortened_copy_is_found(corpus: Corpus) -> None:
    ids = by_file(corpus)
    assert ids["d_shortened.txt"] in corpus.same_story[ids["a_original.txt"]]


def test_different_articles_about_the_same_event_are_not_copies(corpus: Corpus) -> None:
    ids = by_file(corpus)
    for name in ("e_other_article_same_event.txt", "f_unrelated.txt"):
        assert ids[name] not in corpus.same_story
        assert all(ids[name] not in others for others in corpus.same_story.values())


def test_byte_identical_file_is_still_dropped_not_a_copy(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in")
    (folder / "g_byte_identical.txt").write_bytes(ORIGINAL.encode("utf-8"))
    corpus = build_corpus(Config(input_dir=folder, knowledge_dir=ROOT / "knowledge", ner=False))
    assert "g_byte_identical.txt" not in {a.source_file for a in corpus.articles}
    assert len(corpus.same_story) == len(COPIES)


def test_deterministic_and_independent_of_order(corpus: Corpus) -> None:
    articles = list(corpus.articles)
    first = find_same_story(articles)
    assert first == find_same_story(articles) == corpus.same_story
    assert find_same_story(articles[::-1]) == first
    assert list(first) == sorted(first)


def test_a_story_counts_once_in_entity_counts_and_graph(corpus: Corpus) -> None:
    story = story_of(corpus.same_story)
    assert len(set(story.values())) == 1
    once, each = build_index(corpus), build_index(corpus, count_story_once=False)
    present = {a.id for a in corpus.articles if "hamas" in once.entities_by_article.get(a.id, [])}
    stories = {story.get(a, a) for a in present}
    assert len(stories) < len(present)
    assert once.article_count("hamas") == len(stories)
    assert each.article_count("hamas") == len(present)
    assert once.articles_by_entity["hamas"] == each.articles_by_entity["hamas"]  # all listed
    pair = next(iter(once.cooccurrence["hamas"]))
    assert once.cooccurrence["hamas"][pair] < each.cooccurrence["hamas"][pair]
    assert once.story_count(a.id for a in corpus.articles) == len(corpus.articles) - 3


def test_site_lists_copies_in_corpus_json_and_on_article_pages(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    result = run_cli("generate", "--input", str(folder), "--out", str(out), "--no-ner", "-q",
                     "--jobs", "1")
    assert result.returncode == 0, result.stderr
    document = json.loads((out / "data" / "corpus.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "corpus.schema.json").read_text())
    shared = ROOT.parent / "shared" / "corpus.schema.json"
    if shared.exists():
        assert json.loads(shared.read_text()) == schema
    jsonschema.validate(document, schema)
    articles = {a["source_file"]: a for a in document["articles"]}
    original = articles["a_original.txt"]
    assert sorted(original["same_story"]) == original["same_story"]
    assert set(original["same_story"]) == {articles[name]["id"] for name in COPIES[1:]}
    assert articles["e_other_article_same_event.txt"]["same_story"] == []

    page = (out / f"{original['url'].rstrip('/')}.md").read_text(encoding="utf-8")
    listed = re.search(r"<dt>Same story</dt><dd[^>]*>(.*?)</dd>", page, re.S)
    assert listed, "no Same story line on the article page"
    links = re.findall(r'<a href="([^"]+)">', listed.group(1))
    assert len(links) == len(COPIES) - 1
    base = original["url"]  # a directory URL; links are relative to it
    for link in links:
        target = Path(base, link).as_posix()
        parts: list[str] = []
        for part in target.split("/"):
            if part == "..":
                parts.pop()
            elif part and part != ".":
                parts.append(part)
        assert (out / ("/".join(parts) + ".md")).is_file(), link
    republished = articles["b_republished.txt"]
    assert f"({republished['publisher'] or 'publisher not stated'}, " \
           f"{republished['date'] or 'date not stated'})" in listed.group(1)
    # the other article about the same event has no such line
    other = articles["e_other_article_same_event.txt"]
    assert "Same story" not in (out / f"{other['url'].rstrip('/')}.md").read_text()

    again = tmp_path / "again"
    result = run_cli("generate", "--input", str(folder), "--out", str(again), "--no-ner", "-q",
                     "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert (again / "data" / "corpus.json").read_bytes() == \
        (out / "data" / "corpus.json").read_bytes()


def test_count_story_once_is_a_setting_of_mkdocs_yml(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in")
    hamas = {}
    for value in ("true", "false"):
        config = project(tmp_path, input="in", ner="false", cache='""',
                         count_story_once=value)
        out = tmp_path / f"out-{value}"
        result = run_cli("generate", "--config", str(config), "--out", str(out))
        assert result.returncode == 0, result.stderr
        with (out / "data" / "entities.csv").open(encoding="utf-8", newline="") as handle:
            hamas[value] = next(int(row["articles"]) for row in csv.DictReader(handle)
                                if row["id"] == "hamas")
    assert hamas == {"true": 2, "false": 5}  # four copies of one story, one other article
