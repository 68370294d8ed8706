"""Dated events against a hand annotation of the seeds; no date the text does not support."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.extract.events import extract_events, sentence_dates
from generator.ingest import decode_source
from generator.model import Corpus
from generator.parse import parse_source

GOLD = Path(__file__).parent / "gold" / "events.yml"


def found_and_gold(corpus: Corpus) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    expected = {(key, item["date"], item["text"]) for key, items in gold.items()
                for item in items}
    found = set()
    for event in corpus.events:
        article = next(a for a in corpus.articles if a.id == event.article)
        key = f"{article.source_file}#{article.index_in_file}"
        fragment = next((text for k, date, text in expected
                         if k == key and date == event.date and text in event.text), event.text)
        found.add((key, event.date, fragment))
    return found, expected


def test_seed_events_precision_and_recall(seed_corpus: Corpus) -> None:
    found, expected = found_and_gold(seed_corpus)
    true = len(found & expected)
    precision, recall = true / len(found), true / len(expected)
    print(f"events: precision {precision:.2f}, recall {recall:.2f} ({true}/{len(expected)})")
    assert precision >= 0.9 and recall >= 0.9, (found - expected, expected - found)


def test_events_keep_the_stated_precision() -> None:
    assert sentence_dates("It ended the war in 2006.", None) == ["2006"]
    assert sentence_dates("The ceasefire of November 2012 held.", None) == ["2012-11"]
    assert sentence_dates("He spoke on March 26, 2017 and on Oct. 8, 2023.", None) == [
        "2017-03-26", "2023-10-08"]
    assert sentence_dates("Resolution 1701 passed; 2,000 troops and 1,300 killed.", None) == []


def test_relative_dates_without_an_article_date_invent_nothing() -> None:
    text = ("Rockets hit Sderot\n\nOn Tuesday rockets hit the city, and earlier today the army "
            "said more would follow. Yesterday talks failed; last year they had succeeded. "
            "The truce began on Nov. 22.\n")
    [article], _ = parse_source(decode_source(text.encode(), "a.txt"))
    assert article.date is None
    assert extract_events(article, []) == []


def test_relative_dates_resolve_against_the_stated_article_date() -> None:
    assert sentence_dates("Rockets fell on Tuesday and yesterday.", "2024-02-26") == [
        "2024-02-20", "2024-02-25"]
    assert sentence_dates("The truce began on Nov. 22.", "2024-02-26") == ["2023-11-22"]
    assert sentence_dates("Talks failed last year.", "2024-02-26") == ["2023"]
