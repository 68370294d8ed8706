"""The curated outlet directory (knowledge/outlets.yml): a page that prints only its own name
in a native script gets the outlet's canonical name, and a common word left out of the list on
purpose never becomes a publisher. The pages are made up, in the shapes of tests/test_head.py."""

from __future__ import annotations

import pytest
import yaml

from generator.extract.entities import EntityExtractor
from generator.extract.knowledge import Knowledge
from generator.outlets import fold, load_outlets, name_publishers

from .test_head import AR_BODY, BODY, KNOWLEDGE, parse

HE_BODY = ("השר אמר ביום שני כי השיחות יימשכו כל עוד שני הצדדים רואים סיכוי להסכם, וכי "
           "המתווכים עודכנו על כך בפגישה ארוכה בבירה.\n\n"
           "הפקידים סירבו להגיב על פרטי התוכנית שטרם פורסמה, אך אמרו כי סבב נוסף "
           "צפוי בשבוע הבא בקהיר.\n")


def publisher(page: str) -> str | None:
    [article] = name_publishers([parse(page)], load_outlets(KNOWLEDGE))
    return article.publisher


@pytest.mark.parametrize("page, name", [
    ("هسبريس\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY, "Hespress"),
    ("المحادثات تستأنف في القاهرة\n\n" + AR_BODY + "\nاليوم السابع\n", "Youm7"),
    ("عكاظ | أخبار السعودية والعالم\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY, "Okaz"),
    ("מקור ראשון\n\nהשיחות מתחדשות בקהיר\n\n" + HE_BODY, "Makor Rishon"),
    ("השיחות מתחדשות בקהיר\n\n" + HE_BODY + "\nתאגיד השידור הישראלי\n", "Kan News"),
    ("The National\n\nTalks resume in Cairo\n\n" + BODY, "The National"),
    ("New York Times\n\nTalks resume in Cairo\n\n" + BODY, "The New York Times"),
])
def test_site_name_in_arabic_or_hebrew_gives_the_canonical_name(page: str, name: str) -> None:
    assert publisher(page) == name


@pytest.mark.parametrize("page", [
    "כאן\n\nהשיחות מתחדשות בקהיר\n\n" + HE_BODY,
    "דבר\n\nהשיחות מתחדשות בקהיר\n\n" + HE_BODY,
    "News\n\nTalks resume in Cairo\n\n" + BODY,
    "Talks resume in Cairo\n\n" + BODY + "\nPrint\n",
    "الرياض\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY,
    "الوطن\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY,
    # a language switch, a section name, a menu word that is an outlet's name without "The"
    "English | العربية\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY,
    "الشرق الأوسط\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY,
    "National\n\nTalks resume in Cairo\n\n" + BODY,
])
def test_a_common_word_on_a_line_of_its_own_is_no_publisher(page: str) -> None:
    assert publisher(page) is None


def test_no_spelling_belongs_to_two_outlets() -> None:
    data = yaml.safe_load((KNOWLEDGE / "outlets.yml").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for entry in data["outlets"]:
        for spelling in [entry["name"], *(entry.get("aliases") or []),
                         *(entry.get("credited_as") or [])]:
            key = fold(spelling)
            assert owner.setdefault(key, entry["name"]) == entry["name"], spelling


def test_a_site_name_line_is_no_headline() -> None:
    """"Outlet | a short credit" heads the page: the publisher, and the page shows no title;
    "Headline | Outlet" keeps its headline."""
    page = "هسبريس | ترجمة فريق التحرير\n\n" + AR_BODY
    [article] = name_publishers([parse(page)], load_outlets(KNOWLEDGE))
    assert (article.publisher, article.title) == ("Hespress", None)
    assert article.display_title != "هسبريس | ترجمة فريق التحرير"
    [kept] = name_publishers([parse("Talks resume | Reuters\n\n" + BODY)],
                             load_outlets(KNOWLEDGE))
    assert kept.title is not None and kept.title.startswith("Talks resume")


def test_a_byline_naming_a_known_outlet_credits_the_outlet() -> None:
    """"By PBS NewsHour": the knowledge base knows the name, so it is the publisher and no
    person; the page's own header still wins over it."""
    [article] = name_publishers([parse(f"Talks resume in Cairo\nBy PBS NewsHour\n\n{BODY}")],
                                load_outlets(KNOWLEDGE))
    assert (article.authors, article.publisher) == ((), "PBS NewsHour")
    [headed] = name_publishers(
        [parse(f"Harbour Daily Logo\n\nTalks resume in Cairo\nBy Al Jazeera\n\n{BODY}")],
        load_outlets(KNOWLEDGE))
    assert (headed.authors, headed.publisher) == ((), "Harbour Daily")


@pytest.mark.parametrize("page, name", [
    # "sources told Arabi21", the name in quotes with "to" attached
    ("المحادثات تستأنف في القاهرة\n\nوقالت مصادر مطلعة لـ\"عربي21\" إن المحادثات ستستأنف "
     "الأسبوع المقبل في القاهرة بحضور الوسطاء.\n\n" + AR_BODY, "Arabi21"),
    # "in a special conversation with, today (Friday), Kan News": words between cue and name
    ("השיחות מתחדשות בקהיר\n\nהשר אמר בשיחה מיוחדת עם היום (שישי) כאן חדשות כי השיחות "
     "יימשכו עד שיושג הסכם.\n\n" + HE_BODY, "Kan News"),
])
def test_a_page_speaking_of_itself_after_a_strict_cue_names_its_publisher(
        page: str, name: str) -> None:
    assert publisher(page) == name


@pytest.mark.parametrize("page", [
    # a wire agency told: the agency's copy quoted
    "المحادثات تستأنف في القاهرة\n\nوقال مصدر مطلع لوكالة فرانس برس إن المحادثات ستستأنف "
    "الأسبوع المقبل.\n\n" + AR_BODY,
    # "in an interview with Al Jazeera": no strict cue, as often another outlet's interview
    "المحادثات تستأنف في القاهرة\n\nوقال الوزير في مقابلة مع قناة الجزيرة إن المحادثات "
    "ستستأنف الأسبوع المقبل.\n\n" + AR_BODY,
])
def test_an_outlet_quoted_without_a_strict_cue_is_no_publisher(page: str) -> None:
    assert publisher(page) is None


def named_outlets(page: str) -> tuple[str | None, list[tuple[str, str, str]]]:
    """The publisher, and the organisations the masthead paragraph names (NER off)."""
    [article] = name_publishers([parse(page)], load_outlets(KNOWLEDGE))
    result = EntityExtractor(Knowledge(entities=())).extract([article], ner=False)
    masthead = {p.index for p in article.paragraphs if p.kind == "masthead"}
    kinds = {e.id: e.type for e in result.entities}
    return article.publisher, [(m.surface, m.entity, kinds[m.entity]) for m in result.mentions
                               if m.paragraph in masthead]


@pytest.mark.parametrize("page, publisher, surface, entity", [
    # a site header the knowledge base lacks, over a menu
    ("Harbour Tribune\nHome | News | Sport\n\nTalks resume in Cairo\n\nBy Jane Roe\n\n" + BODY,
     "Harbour Tribune", "Harbour Tribune", "harbour-tribune"),
    # a known outlet printed in its own script over a tagline: its canonical name
    ("عكاظ | أخبار السعودية والعالم\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY,
     "Okaz", "عكاظ", "okaz"),
    # named only at the foot
    ("השיחות מתחדשות בקהיר\n\n" + HE_BODY + "\nתאגיד השידור הישראלי\n",
     "Kan News", "תאגיד השידור הישראלי", "kan-news"),
])
def test_the_publisher_printed_on_the_page_is_one_of_its_organisations(
        page: str, publisher: str, surface: str, entity: str) -> None:
    assert named_outlets(page) == (publisher, [(surface, entity, "organization")])


def test_a_publisher_the_page_does_not_print_is_no_mention() -> None:
    assert named_outlets("Talks resume in Cairo\n\n" + BODY) == (None, [])


def test_a_byline_naming_an_outlet_and_a_reporter_credits_both() -> None:
    page = "المحادثات تستأنف في القاهرة\nدبي - العربية.نت - سارة الجابري\n\n" + AR_BODY
    [article] = name_publishers([parse(page)], load_outlets(KNOWLEDGE))
    assert (article.authors, article.publisher) == (("سارة الجابري",), "Al Arabiya")
