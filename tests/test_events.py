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


def test_a_number_is_a_year_only_in_a_date_context() -> None:
    years = {
        "The talks collapsed in 2006.": ["2006"],
        "They have fought since 1997.": ["1997"],
        "The 2006 war changed the border.": ["2006"],
        "A failed 1997 attempt embarrassed the agency.": ["1997"],
        "It followed the 1993 Oslo Accords.": ["1993"],
        "The ministry's 2019 report was leaked.": ["2019"],
        "Fighting flared in 2008 and 2012, and again in 2014.": ["2008", "2012", "2014"],
        "The siege lasted from 2007 to 2009.": ["2007", "2009"],
        "By mid-2015 the plan was dead.": ["2015"],
        "It ended in the summer of 2014.": ["2014"],
        "In 2000, the army withdrew.": ["2000"],
        "The 2000 election was close.": ["2000"],
        "March 2017 was quiet.": ["2017-03"],
    }
    for sentence, expected in years.items():
        assert sentence_dates(sentence, None) == expected, sentence
    for counted in ("Hamas fired 2000 missiles at the south.", "1,200 Palestinians were held.",
                    "Some 2000 people fled the town.", "Police said 2000 gathered.",
                    "They were killed in 2000 attacks.", "The 2000 prisoners were freed.",
                    "A total of 1967 were counted.", "Call 555-2000 for details.",
                    "Prices rose 2020% in a day.", "It cost $2019.", "Resolution 2334 passed.",
                    "The 1990s were hard."):
        assert sentence_dates(counted, None) == [], counted


def test_dates_in_the_text_keep_their_full_precision() -> None:
    assert sentence_dates("The order, dated 2019-04-05, was signed.", None) == ["2019-04-05"]
    assert sentence_dates("He was seen on 12 June 2018 and in July 2019.", None) == [
        "2018-06-12", "2019-07"]
    assert sentence_dates("وقع الهجوم في ١٢ مارس ٢٠٢٣.", None) == ["2023-03-12"]
    assert sentence_dates("اندلعت الحرب عام 2006.", None) == ["2006"]
    assert sentence_dates("המלחמה פרצה בשנת 2006.", None) == ["2006"]


def test_a_day_without_a_year_needs_the_side_the_sentence_gives() -> None:
    published = "2024-02-26"  # a Monday
    # told in the past: the latest such day on or before the article's date
    assert sentence_dates("The truce began on Nov. 22.", published) == ["2023-11-22"]
    assert sentence_dates("Israel said on Monday it had struck 12 targets.", published) == [
        "2024-02-26"]
    # told in the future: the first such day after it
    assert sentence_dates("Talks will resume on March 3.", published) == ["2024-03-03"]
    # said by the words themselves
    assert sentence_dates("They met last Monday.", published) == ["2024-02-19"]
    assert sentence_dates("They meet next Wednesday.", published) == ["2024-02-28"]
    # neither side, or both, or left open: undated
    for open_sentence in ("Talks resume on March 3.", "On Tuesday, the talks.",
                          "He said talks would resume on Tuesday.",
                          "The envoy could arrive on March 3.",
                          "She said the vote will be held on March 3."):
        assert sentence_dates(open_sentence, published) == [], open_sentence
    # a weekday naming something else, or the weekday of a stated date, is no day to resolve
    assert sentence_dates("Black Friday sales were weak.", published) == []
    assert sentence_dates("He died on Tuesday, June 8, 2021.", published) == ["2021-06-08"]
    # an article date without a day resolves only what needs no day
    assert sentence_dates("The truce began on Nov. 22 last year.", "2024") == ["2023"]
    assert sentence_dates("Rockets fell last month.", "2024-01") == ["2023-12"]
