"""Line rules of the parser, on made-up pages (the seeds are pinned in test_golden_seeds)."""

from __future__ import annotations

import pytest

from generator.ingest import decode_source
from generator.language import latin_language
from generator.model import Article
from generator.parse import parse_source, self_reference_publisher

BODY = ("The minister said on Monday that the talks would continue for as long as both "
        "sides saw a chance of agreement, and that the mediators had been told as much. ")


def parse(text: str) -> list[Article]:
    articles, _ = parse_source(decode_source(text.encode("utf-8"), "page.txt"))
    return articles


def test_header_menu_and_site_name() -> None:
    [article] = parse("Skip to content\nThe Daily Ledger\nNews you can trust\nMenu\n\n"
                      "Talks resume in Cairo\n\nBy Jane Roe\n\n" + BODY + "\n\nShare\n")
    assert article.title == "Talks resume in Cairo"
    assert article.publisher == "The Daily Ledger"
    assert [p.text for p in article.body] == [BODY.strip()]
    assert "Skip to content" in [line.text for line in article.removed]
    assert article.authors == ("Jane Roe",)
    assert [(p.kind, p.text) for p in article.paragraphs[1:]] == [
        ("title", "Talks resume in Cairo"), ("byline", "By Jane Roe")]


def test_published_line_and_date_precision() -> None:
    [article] = parse("Talks resume\nPublished: March 3, 2021\n" + BODY)
    assert article.date == "2021-03-03"
    [article] = parse("Talks resume\n| 5 May 2019 |\n" + BODY)
    assert article.date == "2019-05-05"


def test_event_dates_in_the_body_are_not_the_publication_date() -> None:
    [article] = parse("Talks resume\n\nIn March 2017 the talks began. " + BODY)
    assert article.date is None


def test_no_headline_gives_null_title_and_a_derived_one() -> None:
    [article] = parse(BODY + "\n" + BODY)
    assert article.title is None
    assert article.display_title.startswith("The minister said on Monday")
    assert article.display_title.endswith("…")


def test_kicker_is_not_part_of_the_title() -> None:
    [article] = parse("EXCLUSIVE: Ceasefire talks collapse\n\n" + BODY)
    assert article.title == "Ceasefire talks collapse"


def test_captions_are_kept_once_and_repeated_headline_dropped() -> None:
    caption = "Rescue workers at the site. (AP Photo/John Doe)"
    [article] = parse(f"Strike hits city\n\n{caption}\n{caption}\nAP\n\nStrike hits city\n\n"
                      f"{caption}\n\n" + BODY)
    kinds = [(p.kind, p.text) for p in article.paragraphs]
    assert kinds == [("caption", caption), ("text", BODY.strip()), ("title", "Strike hits city")]


def test_footer_and_tags() -> None:
    [article] = parse("Strike hits city\n\nTags: Gaza, Rockets\n\n" + BODY + "\n\n\n  • The Ledger")
    assert article.publisher == "The Ledger"
    assert article.tags == ("Gaza", "Rockets")


def test_two_articles_in_one_file() -> None:
    articles = parse("First headline here\n\n" + BODY * 2 + "\n\n\n\nSecond headline here\n\n"
                     + BODY * 2)
    assert [a.title for a in articles] == ["First headline here", "Second headline here"]
    assert [a.index_in_file for a in articles] == [0, 1]


def test_closing_link_lists_after_a_wide_gap_are_no_second_article() -> None:
    links = ("Trending Stories\n\nCrews restore power to thousands after overnight storms\n\n"
             "Harbour club signs veteran linebacker ahead of the preseason finale\n\n"
             "Riverside woman wins a million in the weekly lottery scratch-off game\n\n"
             "Sign up for the Harbour Daily Headlines newsletter\n\nEmail address\n\nSubscribe\n")
    articles = parse("First headline here\n\n" + BODY * 2 + "\n\n\n\n" + links)
    assert [a.title for a in articles] == ["First headline here"]


def test_separator_line_splits_articles() -> None:
    articles = parse("One\n\n" + BODY + "\n-----\nTwo\n\n" + BODY)
    assert [a.title for a in articles] == ["One", "Two"]
    assert [a.title for a in parse("One\n\n" + BODY + "\n──────────\nTwo\n\n" + BODY)] == \
        ["One", "Two"]


@pytest.mark.parametrize("foot", [
    "###\n\nShare: Facebook | Twitter | Email\n\nHarbour Alliance · 12 Quay Street · Harbour",
    "___\n\nHarbour Agency writer Jane Roe in Alexandria contributed to this report.\n",
])
def test_end_marks_before_the_foot_split_nothing(foot: str) -> None:
    """A press release's "###" and an agency's "___" before its contributor line."""
    [article] = parse("Strike hits city\n\n" + BODY + "\n\n" + foot)
    assert article.title == "Strike hits city"


def test_subheadings_are_headings_not_titles() -> None:
    [article] = parse("Main title\n\n" + BODY + "\n\nThe Secret War\n\n" + BODY)
    assert [p.kind for p in article.paragraphs] == ["text", "heading", "text", "title"]


def test_paragraph_offsets_point_into_the_source_text() -> None:
    text = "Main title\n\n  " + BODY + "\n\nقال مسؤول أمني إن حزب الله وحماس يعملان معا\n"
    source = decode_source(text.encode("utf-8"), "page.txt")
    [article], _ = parse_source(source)
    assert source.text is not None
    for paragraph in article.paragraphs:
        assert source.text[paragraph.start:paragraph.end] == paragraph.text
    assert [(p.kind, p.lang) for p in article.paragraphs] == [
        ("text", "en"), ("text", "ar"), ("title", "en")]
    assert article.languages == ("en", "ar")


def test_self_reference_publisher_versus_cited_outlet() -> None:
    assert self_reference_publisher("Officials told The Daily Ledger that ... The Daily Ledger "
                                    "reported.") == "The Daily Ledger"
    cited = ("Officials told The Wall Street Journal. The WSJ wrote that, according to The "
             "Wall Street Journal, the Wall Street Journal said")
    assert self_reference_publisher(cited) is None
    assert self_reference_publisher("The commander fled to Israel in June.") is None


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Le gouvernement israélien a annoncé mardi que les frappes contre le Hezbollah "
           "continueraient jusqu'à ce que les habitants du nord puissent rentrer chez eux."),
    ("de", "Die israelische Regierung hat am Dienstag angekündigt, dass die Angriffe auf die "
           "Hisbollah fortgesetzt werden. Was das bedeutet, ist unklar."),
    ("nl", "De Israëlische regering heeft dinsdag aangekondigd dat de aanvallen op Hezbollah "
           "doorgaan tot de bewoners veilig kunnen terugkeren. Dat was de boodschap."),
    ("en", "Israeli forces struck targets in southern Lebanon on Tuesday, the military said, "
           "in a widening campaign against the group that has fired rockets."),
    ("en", "Hezbollah commander killed in Israeli strike on Beirut suburb, IDF says"),
])
def test_language_of_latin_text(code: str, text: str) -> None:
    assert latin_language(text) == code
