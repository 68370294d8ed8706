"""The head of a page, one made-up page per shape outlets use: where the headline, the byline,
the date and the publisher's name sit, and what is chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import decode_source
from generator.line_shapes import is_menu_line
from generator.model import Article
from generator.outlets import load_outlets, name_publishers
from generator.parse import parse_source

BODY = ("The minister said on Monday that the talks would continue for as long as both "
        "sides saw a chance of agreement, and that the mediators had been told as much.\n\n"
        "Officials from both delegations would not discuss the details of the plan, "
        "which has not been published, but said another round was expected next week.\n")
AR_BODY = ("قال مسؤول أمني إن المحادثات ستستمر ما دام الطرفان يريان فرصة للاتفاق، وإن الوسطاء "
           "أبلغوا بذلك يوم الاثنين في القاهرة بعد اجتماع طويل.\n\n"
           "ورفض المسؤولون التعليق على تفاصيل الخطة التي لم تنشر بعد، لكنهم قالوا إن جولة "
           "أخرى متوقعة الأسبوع المقبل في العاصمة المصرية.\n")
HE_BODY = ("השר אמר ביום שני כי השיחות יימשכו כל עוד שני הצדדים רואים סיכוי להסכם, וכי "
           "המתווכים עודכנו על כך בפגישה ארוכה בבירה.\n\n"
           "הפקידים סירבו להגיב על פרטי התוכנית שטרם פורסמה, אך אמרו כי סבב נוסף צפוי "
           "בשבוע הבא בקהיר.\n")
KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"


def parse(text: str) -> Article:
    articles, _ = parse_source(decode_source(text.encode("utf-8"), "page.txt"))
    return articles[0]


@pytest.mark.parametrize("page, title", [
    ("World News\n\nTalks resume in Cairo\n\n" + BODY, "Talks resume in Cairo"),
    ("• Politics\n• Business\n• Sport\n\nTalks resume in Cairo\n\n" + BODY,
     "Talks resume in Cairo"),
    ("Markets Funds Tax Legal\nTalks resume in Cairo\nA photo of the room. (Reuters)\n"
     "Talks resume in Cairo\n\n" + BODY, "Talks resume in Cairo"),
    ("“We will not give up,” minister says\n\n" + BODY, "“We will not give up,” minister says"),
    ("10 things to know about the talks\n\n" + BODY, "10 things to know about the talks"),
    # a programme or site label before the headline; a magazine's headline over its dek
    ("Morning Briefing\n\nEnvoys Return To Cairo As Truce Talks Enter Second Week\n\n" + BODY,
     "Envoys Return To Cairo As Truce Talks Enter Second Week"),
    ("LISTEN LIVE NOW\n\nEnvoys return to Cairo as truce talks enter a second week\n\n" + BODY,
     "Envoys return to Cairo as truce talks enter a second week"),
    ("More from Harbour Daily\n\nEnvoys return to Cairo as talks enter a second week\n\n"
     + BODY, "Envoys return to Cairo as talks enter a second week"),
    ("The Long Wait\n\nEnvoys say the talks in Cairo could drag on for another month\n\n"
     "by\nDana Levin\n\n" + BODY, "The Long Wait"),
    ("Breaking: Talks resume in Cairo\n\n" + BODY, "Talks resume in Cairo"),
    ("Opinion | Why the talks matter\n\n" + BODY, "Why the talks matter"),
    ("Mediators meet the U.S.\n\n" + BODY, "Mediators meet the U.S."),
    ("This browser is not supported. Please switch to a newer one for the best results.\n"
     "Talks resume in Cairo\n\n" + BODY, "Talks resume in Cairo"),
    ("Talks resume in Cairo &#39;today&#39;\nTalks resume in Cairo 'today'\n\n" + BODY,
     "Talks resume in Cairo 'today'"),
    # a blog's tagline wrapped over two lines before the date and the headline
    ("A blog about the harbour towns and\nthe ferries that link them\n.\n\n"
     "Friday, July 11, 2025\n\nFerry Strike Ends After Two Weeks\n\n" + BODY,
     "Ferry Strike Ends After Two Weeks"),
    # ... but a lower-case date line or cue under a headline is no wrapped sentence
    ("Talks resume in Cairo\nupdated 3 hours ago\n\n" + BODY, "Talks resume in Cairo"),
    ("Talks resume in Cairo\nposted on May 3, 2024\n\n" + BODY, "Talks resume in Cairo"),
    # a photo's alternative text, then its caption with the credit glued on
    ("Crowds at the quay\nCrowds at the quayHarbour Photo\n\nTalks resume in Cairo\n\n"
     + BODY, "Talks resume in Cairo"),
    # the site's name printed twice, then again before its tagline
    ("Ledgerline\nLedgerline\nLedgerline the city's first news site - around the clock\n\n"
     "Talks resume in Cairo\n\n" + BODY, "Talks resume in Cairo"),
    # a tag run into a title-case headline
    ("Cairo talks Envoys Return To Cairo As Truce Talks Enter Their Second Week\n\n" + BODY,
     "Envoys Return To Cairo As Truce Talks Enter Their Second Week"),
    # ... not a sentence-case headline that names a run of people
    ("Biden hosts Saudi Crown Prince Mohammed Bin Salman At White House\n\n" + BODY,
     "Biden hosts Saudi Crown Prince Mohammed Bin Salman At White House"),
    # a title-case site label over a headline and its dek, both in sentence case
    ("Ledger Nine Harbour Watch\n\nEnvoys return to Cairo as talks enter a second week\n\n"
     "Mediators say both sides have softened their terms since the spring\n\n" + BODY,
     "Envoys return to Cairo as talks enter a second week"),
])
def test_headline_among_the_head_lines(page: str, title: str) -> None:
    article = parse(page)
    assert article.title == title
    assert title not in [p.text for p in article.body]


HEADLINE = "Envoys return to Cairo as talks enter a second week"


@pytest.mark.parametrize("page", [
    # the headline sits right over the byline, whatever menus and widgets stand above it
    "Skip to navigation | Skip to content\nThe Ledger\nSign in\nMy Account\nTop Stories\n"
    f"All Sections\n{HEADLINE}\nBy Jane Roe\n\n{BODY}",
    # ... past a breadcrumb, a tag list, a section in capitals, and over the date
    f"Home › World › Africa\nSchools, Labor\nWORLD NEWS\n{HEADLINE}\n3 May 2024\n\n{BODY}",
    # ... over its standfirst, then a name and the name's job
    f"Opinion\nMore\n{HEADLINE}\nMediators say both sides have softened their terms since "
    f"the spring and a deal is close\nJane Roe\nDiplomatic Correspondent\n3 May 2024\n\n{BODY}",
    # ... over a credit line ("Associated Press") and a caption with its source and date
    f"Menu\nSearch for:\n{HEADLINE}\nAssociated Press\n"
    f"Envoys at the talks (Harbour Agency, 30 September 2024)\n\n{BODY}",
    # ... with a caption's photo credit and a file name between it and the body
    f"Sign out\n{HEADLINE}\nEnvoys at the talks. © Jane Roe\nphoto-1234.jpg\n\n{BODY}",
    # the publisher's tag list between the headline and the body
    f"{HEADLINE}\nTags: Diplomacy, Egypt\n\n{BODY}",
    # no byline or date: the headline right over the body, under a widget's label
    f"Show more\nLive\n{HEADLINE}\n\n{BODY}",
    # a title-case section name over a headline that has a standfirst of its own
    f"Energy And Utilities\n{HEADLINE}\nMediators say both sides have softened their terms "
    f"since the spring\nJane Roe\n3 May 2024\n\n{BODY}",
    # ... and the section name printed again among the tags at the foot
    f"Harbour league news\n{HEADLINE}\n3 May 2024\n\n{BODY}\nHarbour league news\n",
    # a menu one item per line with an item shaped as a name ("Asia Pacific")
    "News\nMiddle East\nAfrica\nAsia\nLatin America\nAsia Pacific\nFeatures\nEconomy\n\n"
    f"{HEADLINE}\n\nPublished On 22 Nov 2023\n\n{BODY}",
    # a section's path over the headline, its parts joined by a bar
    f"News\nWorld | Middle East & Africa\n{HEADLINE}\nJane Roe\n3 May 2024\n\n{BODY}",
    # a section label between the headline and its longer standfirst
    f"News\nWorld\n{HEADLINE}\nDIPLOMACY\nMediators from three countries say both sides have "
    f"softened their terms since the spring\nBy Jane Roe\n3 May 2024\n\n{BODY}",
    # capitals in a byline, names joined by "AND"
    f"World\n{HEADLINE}\nBY JANE ROE AND ALI HASSAN\nUpdated 6:48 PM GMT+3, April 29, 2024\n\n"
    f"{BODY}",
])
def test_headline_right_over_the_byline_date_or_body(page: str) -> None:
    article = parse(page)
    assert article.title == HEADLINE
    assert HEADLINE not in [p.text for p in article.body]


def test_the_header_over_the_headline_is_not_body() -> None:
    """Menus, the site's name and labels over the headline stay out of the story; the name
    shaped as an outlet's is the publisher. A byline's job line and a photo's caption and
    source labels are not body text either."""
    page = (f"Skip to navigation | Skip to content\nHarbour Tribune\nNewcastle • Hunter • Coast\n"
            f"News › Courts\n{HEADLINE}\nBy Jane Roe\nCourt Reporter\n"
            f"Image caption, Envoys at the talks\nImage source, Harbour Agency\n\n{BODY}")
    article = parse(page)
    assert (article.title, article.publisher, article.authors) == \
        (HEADLINE, "Harbour Tribune", ("Jane Roe",))
    texts = [p.text for p in article.body if p.kind == "text"]
    assert texts[0].startswith("The minister said")


def test_hebrew_standfirst_under_the_headline() -> None:
    """A Hebrew standfirst of two sentences, with no stop at its end, is not the headline."""
    page = ("חדשות > פוליטיקה\nהשיחות בקהיר נמשכות לשבוע שני ברציפות\n"
            "המתווכים אומרים כי שני הצדדים ריככו את עמדותיהם. בירושלים מקווים להסכם בקרוב\n"
            "יום רביעי, 3 באוגוסט 2022\n\n" + HE_BODY)
    assert parse(page).title == "השיחות בקהיר נמשכות לשבוע שני ברציפות"




def test_arabic_and_hebrew_headlines() -> None:
    assert parse("المحادثات تستأنف في القاهرة\n\n" + AR_BODY).title == "المحادثات تستأنف في القاهرة"
    hebrew = "השיחות מתחדשות בקהיר"
    body = ("השר אמר ביום שני כי השיחות יימשכו כל עוד שני הצדדים רואים סיכוי להסכם, וכי "
            "המתווכים עודכנו על כך בפגישה ארוכה בבירה.\n\n"
            "הפקידים סירבו להגיב על פרטי התוכנית שטרם פורסמה, אך אמרו כי סבב נוסף צפוי "
            "בשבוע הבא בקהיר.\n")
    assert parse(f"{hebrew}\n\n{body}").title == hebrew


@pytest.mark.parametrize("line, menu", [
    ("Home | World | Business | Sport | Video", True),
    ("News  Opinion  Sport  Culture  More", True),  # items set apart by two spaces
    ("News > Local News > Courts", True),
    ("الرئيسية | أخبار | اقتصاد | رياضة", True),
    ("Accept all   Reject all   Manage preferences", True),
    ("Opinion | Why the talks matter", False),
    ("Talks resume in Cairo after a long pause | World | The Daily Ledger", False),
    ("Tuesday | 14 May 2024 | 06:30", False),  # a date line
    ("14/05/2019", False),
])
def test_menu_lines(line: str, menu: bool) -> None:
    assert is_menu_line(line) is menu


@pytest.mark.parametrize("page, title, publisher", [
    # the site's name, its tagline, a menu, a section, then the headline
    ("The Harbour Ledger\nNotes on the town and the people who keep it going\n"
     "Home   About   Archive   Subscribe by email\n\nLOCAL NEWS\n\n"
     "Ferry service returns after a winter off\n\nBy Jane Roe\n\n" + BODY,
     "Ferry service returns after a winter off", "The Harbour Ledger"),
    # a cookie notice and its buttons above the site's name
    ("We value your privacy\nWe and our partners use cookies to store information on your "
     "device and to measure how the site is used by the people who read it.\n"
     "Accept all   Reject all   Manage preferences\nSkip to content\nThe Harbour Post\n"
     "Menu   Search   Newsletters\nNews | Business | Sport | Travel\n\nBusiness\n\n"
     "Ferry operator collapses, stranding hundreds\n\n" + BODY,
     "Ferry operator collapses, stranding hundreds", "The Harbour Post"),
    ("Welcome to Ledgerline. We use cookies to improve your experience.\nAccept\n"
     "Channels\n\nFerry operator collapses, stranding hundreds\n\n" + BODY,
     "Ferry operator collapses, stranding hundreds", "Ledgerline"),
    # an Arabic site's name above its menu
    ("جريدة الميناء\nالرئيسية | أخبار | اقتصاد | رياضة | صحة\n\nاقتصاد\n\n"
     "المحادثات تستأنف في القاهرة بعد توقف طويل\n\n" + AR_BODY,
     "المحادثات تستأنف في القاهرة بعد توقف طويل", "جريدة الميناء"),
    # a station's name with its number and tagline
    ("Harbour 7 News | The Valley's News Leader\nWatch Live  News  Weather  Sports\n\n"
     "Ferry service returns after a winter off\n\n" + BODY,
     "Ferry service returns after a winter off", "Harbour 7 News"),
    # a market ticker, a section and its subsection, a headline ending in "Co."
    ("Harbour Markets\nMarkets  Companies  Deals  Opinion\n"
     "DOW 38,912.40 ▲ 0.31% OIL 78.93 ▼ 1.10%\n\nCompanies | Mergers & Acquisitions\n\n"
     "Harbour Foods agrees deal for Brindle & Co.\n\n" + BODY,
     "Harbour Foods agrees deal for Brindle & Co.", "Harbour Markets"),
    # a live-blog label with a time and no date; a donation appeal
    ("LIVE   Updated 4:15 p.m. ET\n\nFerry talks: negotiators return to the table\n\n"
     + BODY, "Ferry talks: negotiators return to the table", None),
    ("Independent journalism needs your support. We take no money from governments, and "
     "your gift keeps this reporting free for everyone who reads it.\n\n"
     "Ferry service returns after a winter off\n\n" + BODY,
     "Ferry service returns after a winter off", None),
    # Arabic and Hebrew section names over the headline; a breaking-news ticker above them
    ("جريدة الميناء\nالرئيسية | أخبار | اقتصاد | رياضة\nعاجل: انقطاع الكهرباء في المدينة القديمة\n"
     "\nمقالات الرأي\n\nالمحادثات تستأنف في القاهرة بعد توقف طويل\n\n" + AR_BODY,
     "المحادثات تستأنف في القاهرة بعد توقف طويل", "جريدة الميناء"),
    ("זמן הנמל\nראשי | חדשות | כלכלה | ספורט\n\nפוליטיקה מקומית\n\n"
     "השיחות מתחדשות בקהיר אחרי הפסקה ארוכה\n\n" + HE_BODY,
     "השיחות מתחדשות בקהיר אחרי הפסקה ארוכה", "זמן הנמל"),
    # a menu printed one item per line, between the site's name and the headline
    ("Harbour Trails\nWalks\nGear\nWild camping\nRoutes\n\n"
     "Three days on the coast path in the rain\n\n" + BODY,
     "Three days on the coast path in the rain", "Harbour Trails"),
    # a gallery's headline starts with "PHOTOS:"; a short Arabic section name over a headline
    ("PHOTOS: Blue ribbons and a rainy finale at the county fair\n\n" + BODY,
     "Blue ribbons and a rainy finale at the county fair", None),
    ("ريادة أعمال\n\nشركة ناشئة في عمان تجمع أربعة ملايين دولار لتوسيع منصتها في الخليج\n\n"
     + AR_BODY, "شركة ناشئة في عمان تجمع أربعة ملايين دولار لتوسيع منصتها في الخليج", None),
    ("المحادثات تستأنف في القاهرة بعد توقف | صدى الميناء\n\n" + AR_BODY,
     "المحادثات تستأنف في القاهرة بعد توقف", "صدى الميناء"),
    # a label after the headline and byline does not take them into the header
    ("Talks resume in Cairo\nBy Jane Roe\nShare\n\n" + BODY, "Talks resume in Cairo", None),
    ("Ferry service returns to the harbour after a long winter\nJane Roe\nView Comments\n\n"
     + BODY, "Ferry service returns to the harbour after a long winter", None),
])
def test_site_header_above_the_headline(page: str, title: str, publisher: str | None) -> None:
    article = parse(page)
    assert (article.title, article.publisher) == (title, publisher)


def test_question_headline_under_a_blog_date_line() -> None:
    """A long question under "Posted on ... by ..." is the headline, not the body's start."""
    question = "Is the measles comeback in the harbour towns a warning for the rest of us?"
    article = parse(f"Home\nAbout\nPosted on March 3, 2013 by Jane Roe\n\n{question}\n\n"
                    f"Ten years after the scare, the bill is finally arriving.\n\n{BODY}")
    assert (article.title, article.authors, article.date) == (question, ("Jane Roe",),
                                                             "2013-03-03")


def test_blog_pager_links_and_posted_by_line() -> None:
    """A blog's links to the older and newer posts over the headline; "Posted by X on DATE
    in CATEGORIES | N Comments" under it."""
    article = parse("« Older: A wet weekend on the harbour line\nNewer: Why I still buy paper "
                    "tickets »\nFarewell to the old sleeper carriages\nPosted by Jane Roe on 3 "
                    "November 2008 in Sleepers, West Country | 14 Comments\n\n" + BODY)
    assert (article.title, article.authors, article.date) == (
        "Farewell to the old sleeper carriages", ("Jane Roe",), "2008-11-03")


def test_no_headline_when_the_page_starts_with_the_body() -> None:
    article = parse(BODY)
    assert article.title is None and article.display_title.startswith("The minister said")


def test_no_headline_from_a_share_widget_or_a_photo_caption() -> None:
    assert parse("Send this page to someone via email\n\n" + BODY).title is None
    caption = "שיירה בדרך לעיר\nשיירה בדרך לעירצילום 90\n\n"
    assert parse(caption + HE_BODY).title is None


def test_headline_run_together_with_its_standfirst_above_the_byline() -> None:
    """The first line holds the headline and the dek; the byline under it says so. The line
    stays in the body."""
    page = ("Envoys return to Cairo as talks enter a second week. Mediators say both sides "
            "have softened their terms since the spring, and that a draft could be ready "
            "within days if the pace holds.\nBy Jane Roe | The Ledger |\n\n" + BODY)
    article = parse(page)
    assert article.title == "Envoys return to Cairo as talks enter a second week"
    assert article.authors == ("Jane Roe",)
    assert article.body[0].text.startswith("Envoys return to Cairo")
    lone = parse("Envoys return to Cairo as talks enter a second week and mediators say both "
                 "sides have softened their terms since the spring.\nBy Jane Roe\n\n" + BODY)
    assert lone.title is None  # one sentence over a byline is a standfirst


def test_headline_of_a_page_saved_as_one_line() -> None:
    """Widget labels, the headline, its section and date, the body: all on one line."""
    body = " ".join(BODY.split())
    page = ("By Jane Roe Share Copy URL https://ledger.example/a/1 Email Facebook Twitter "
            "Share on Facebook Envoys Return To Cairo As Talks Enter Their Second Week "
            f"Politics Mar 17, 2005 1:15 PM EDT {body}")
    article = parse(page)
    assert article.title == "Envoys Return To Cairo As Talks Enter Their Second Week"
    assert article.date == "2005-03-17"
    word_in_headline = page.replace("Cairo As", "Cairo Watch As")
    assert parse(word_in_headline).title == \
        "Envoys Return To Cairo Watch As Talks Enter Their Second Week"
    assert parse(f"Share Email {body}").title is None


@pytest.mark.parametrize("lead, authors, publisher", [
    ("By Jane Roe", ("Jane Roe",), None),
    ("By — Jane Roe Jane Roe Leave your feedback", ("Jane Roe",), None),  # link and its text
    ("By — Harbour News Harbour News", (), "Harbour News"),
])
def test_byline_of_a_page_saved_as_one_line(lead: str, authors: tuple[str, ...],
                                            publisher: str | None) -> None:
    page = (f"{lead} Share Copy URL https://ledger.example/a/1 Email Facebook Twitter "
            "Envoys Return To Cairo As Talks Enter Their Second Week Politics Mar 17, 2005 "
            f"1:15 PM EDT {' '.join(BODY.split())}")
    article = parse(page)
    assert (article.authors, article.publisher) == (authors, publisher)


@pytest.mark.parametrize("body, language", [(BODY, "en"), (HE_BODY, "he")])
def test_page_saved_as_one_line_with_wide_gaps(body: str, language: str) -> None:
    """A saving tool joined the page's elements with two spaces: the gaps are the seams."""
    paragraphs = "  ".join(" ".join(part.split()) for part in body.split("\n\n"))
    header = {"en": "Harbour Ledger | Home  World  Sport  Business  Opinion  Log in  WORLD  "
                    "Envoys return to Cairo as talks enter a second week  "
                    "Mediators say both sides have softened their terms  By Jane Roe  "
                    "13:00 17 March 2005  Share  Tweet  Email  ",
              "he": "הנמל | ראשי  חדשות  ספורט  כלכלה  דעות  התחברות  "
                    "השליחים חוזרים לקהיר והשיחות נכנסות לשבוע השני  מאת ישראל ישראלי  "
                    "17/03/2005 13:00  שתפו  ציוץ  "}[language]
    article = parse(header + paragraphs + "  Related  Newsletter  Sign up")
    assert article.title == {"en": "Envoys return to Cairo as talks enter a second week",
                             "he": "השליחים חוזרים לקהיר והשיחות נכנסות לשבוע השני"}[language]
    assert article.date == "2005-03-17"
    assert article.authors == ({"en": "Jane Roe", "he": "ישראל ישראלי"}[language],)
    assert len(article.body) >= 2


def test_typed_double_spaces_are_not_seams() -> None:
    """Two spaces after every sentence end are typing, not a flattened page."""
    text = "  ".join(["The talks went on late into the night in the capital."] * 20)
    article = parse("Talks resume in Cairo\n\n" + text + "\n")
    assert len(article.body) == 1


def test_hebrew_headline_glued_to_the_body() -> None:
    """A page saved as one line: a Hebrew final letter followed by a letter is a seam."""
    article = parse("השיחות מתחדשות בלבנוןהשר אמר ביום שני כי השיחות יימשכו כל עוד שני "
                    "הצדדים רואים סיכוי להסכם, וכי המתווכים עודכנו על כך בפגישה ארוכה בבירה "
                    "אחרי לילה של דיונים.")
    assert article.title == "השיחות מתחדשות בלבנון"
    assert article.body[0].text.startswith("השר אמר")


def test_arabic_overline_above_a_headline_marked_by_a_glued_label() -> None:
    """"خبر" (a news item) run into the headline marks it; the short line above is an
    overline, not the headline."""
    article = parse("أوقفت الشرطة السائق عند المعبر\n\nخبر الوسطاء يعلنون استئناف المحادثات "
                    "في القاهرة غدا\n\nالساعة 10:20 ص|12 مايو 2021\n\n" + AR_BODY)
    assert article.title == "الوسطاء يعلنون استئناف المحادثات في القاهرة غدا"
    assert article.date == "2021-05-12"


@pytest.mark.parametrize("page, title", [
    (HE_BODY.replace("\n\n", "\nהשר אמר כי השיחות עם המתווכים יימשכו בשבוע הבא\n", 1),
     "השר אמר כי השיחות עם המתווכים יימשכו בשבוע הבא"),
    (BODY.replace("\n\n", "\nMinister says talks will continue while both sides see a "
                  "chance\n", 1),
     "Minister says talks will continue while both sides see a chance"),
])
def test_headline_printed_under_its_lead(page: str, title: str) -> None:
    """A page saved from the lead paragraph on: the headline under it repeats its words; a
    related headline that does not is no title."""
    assert parse(page).title == title
    unrelated = BODY.replace("\n\n", "\nFloods close the coastal road for a third day\n", 1)
    assert parse(unrelated).title is None


def test_saved_date_prefix_and_its_text() -> None:
    article = parse(" date 2021-05-28 " + BODY)
    assert article.date == "2021-05-28" and article.title is None
    assert article.body[0].text.startswith("The minister said")


@pytest.mark.parametrize("head, authors", [
    ("By Jane Roe", ["Jane Roe"]),
    ("By Jane Roe, Ali Hassan and Dana Levi | The Ledger |", ["Jane Roe", "Ali Hassan",
                                                             "Dana Levi"]),
    ("by\nJane Roe", ["Jane Roe"]),
    ("Reported by: Jane Roe", ["Jane Roe"]),
    ("Jane Roe - Knight Ledger Newspapers", ["Jane Roe"]),
    ("Jane Roe, Associated Press", ["Jane Roe"]),
    ("Jane Roe", ["Jane Roe"]),
    ('"Nightowl" for Border Ledger', ["Nightowl"]),
    ("By Jane Roe and agencies", ["Jane Roe"]),
    ("By Jane Roe, Local Democracy Reporter", ["Jane Roe"]),
    ("By Jane Roe | Politics | Analysis", ["Jane Roe"]),  # not a menu row
    ("Jane Roe and Ali Hassan, Staff Writers", ["Jane Roe", "Ali Hassan"]),  # a role vouches
    ("By JANE ROE and ALI HASSAN Harbour Newswire", ["JANE ROE", "ALI HASSAN"]),
    ("Interview by Jane Roe", ["Jane Roe"]),
    ("By Jane Roe, Special to The Ledger", ["Jane Roe"]),
    ("Published 13/06/2024 | By Jane Roe", ["Jane Roe"]),
    ("By court reporter Jane Roe", ["Jane Roe"]),  # the job in lower case before the name
    ("Jane Roe reports", ["Jane Roe"]),
    ("By Jane Roe, University Communications", ["Jane Roe"]),  # an office after the name
    ("Jane Roe in Alexandria", ["Jane Roe"]),  # where she reports from
    ("Jane Roe at the Harbour Stadium", ["Jane Roe"]),
    ("Vikram Q. Raghunathan\nHARBOUR CITY, July 07, 2019 22:14 IST", ["Vikram Q. Raghunathan"]),
])
def test_bylines(head: str, authors: list[str]) -> None:
    article = parse(f"Talks resume in Cairo\n{head}\n\n{BODY}")
    assert list(article.authors) == authors
    assert article.title == "Talks resume in Cairo"
    bylines = [p for p in article.paragraphs if p.kind == "byline"]
    assert bylines and all(a in " ".join(p.text for p in bylines) for a in authors)


@pytest.mark.parametrize("head, authors, publisher", [
    ("By The Associated Press", [], "The Associated Press"),
    ("By Harbour Daily Staff", [], "Harbour Daily"),
    ("By Ledger staff and agencies", [], "Ledger"),
    ("By AFP and Harbour Daily staff", [], "Harbour Daily"),  # the own staff publishes
    ("By Jane Roe, Reuters", ["Jane Roe"], "Reuters"),
    ("By Mark Post", ["Mark Post"], None),  # a given name: a person, not "the Post"
])
def test_bylines_that_credit_an_outlet(head: str, authors: list[str],
                                       publisher: str | None) -> None:
    article = parse(f"Talks resume in Cairo\n{head}\n\n{BODY}")
    assert (list(article.authors), article.publisher) == (authors, publisher)
    assert article.title == "Talks resume in Cairo"
    assert not any(head in p.text for p in article.body)


def test_byline_outlet_and_date_on_one_row() -> None:
    article = parse("Talks resume in Cairo\nJane Roe · Harbour News · Posted: Jun 03, 2024 4:00 AM "
                    "EDT | Last Updated: June 3, 2024\n\n" + BODY)
    assert (article.authors, article.publisher, article.date) == \
        (("Jane Roe",), "Harbour News", "2024-06-03")


@pytest.mark.parametrize("page, author", [
    ("Talks resume in Cairo\nJane Roe\nDiplomatic Correspondent\n3 May 2024\n\n" + BODY,
     "Jane Roe"),
    ("השיחות מתחדשות בקהיר\nיעל ברגר\nכתבת משפט\n12 בספטמבר 2023\n\n" + HE_BODY, "יעל ברגר"),
])
def test_name_over_its_job(page: str, author: str) -> None:
    """The job under a bylined name ("כתבת משפט", a legal correspondent) is no second name."""
    assert parse(page).authors == (author,)


def test_no_author_from_a_press_contact_line() -> None:
    article = parse("Harbour Alliance calls for an inquiry into the spill\nFOR IMMEDIATE RELEASE\n"
                    "Contact: Jane Roe, Communications Director\n\n" + BODY)
    assert article.authors == ()


def test_no_author_from_section_or_place_lines() -> None:
    for head in ("Latest Updates", "AMMAN - The Associated Press", "Reader Analysis"):
        assert parse(f"Talks resume in Cairo\n{head}\n\n{BODY}").authors == ()


def test_agency_credit_line_at_the_foot() -> None:
    article = parse(f"Talks resume in Cairo\n\n{BODY}\n(Reporting by Jane Roe in Cairo; "
                    "Editing by John Doe)\n")
    assert article.authors == ("Jane Roe",)
    for foot in ("Writing by Jane Roe Editing by John Doe", "(Writing by Jane Roe Editi"):
        assert parse(f"Talks resume in Cairo\n\n{BODY}\n{foot}\n").authors == ("Jane Roe",)


def test_lone_name_byline_in_hebrew_and_under_the_standfirst() -> None:
    hebrew_body = ("השר אמר ביום שני כי השיחות יימשכו כל עוד שני הצדדים רואים סיכוי להסכם, וכי "
                   "המתווכים עודכנו על כך בפגישה ארוכה בבירה.\n\n"
                   "הפקידים סירבו להגיב על פרטי התוכנית שטרם פורסמה, אך אמרו כי סבב נוסף "
                   "צפוי בשבוע הבא בקהיר.\n")
    assert parse(f"השיחות מתחדשות בקהיר\nדני כהן\n\n{hebrew_body}").authors == ("דני כהן",)
    assert parse(f"השיחות מתחדשות בקהיר\nד. לוי\n\n{hebrew_body}").authors == ("ד. לוי",)
    standfirst = "The two delegations will meet again next week, officials in Cairo said."
    article = parse(f"Talks resume in Cairo\n{standfirst}\nJane Roe\n\n{BODY}")
    assert article.authors == ("Jane Roe",)


@pytest.mark.parametrize("line, author", [
    ("سمير بلقاسم", "سمير بلقاسم"),  # a lone name that starts with a given name
    ("س. بلقاسم", "س. بلقاسم"),  # an initial
    ("وهران: سمير بلقاسم", "سمير بلقاسم"),  # "CITY: NAME"
    ("موفق الخطيب", "موفق الخطيب"),  # a given name only the byline list knows
    ("القاهرة ـ «المنبر» ـ من سمير بلقاسم:", "سمير بلقاسم"),  # the agency's "from NAME"
])
def test_arabic_bylines_under_the_headline(line: str, author: str) -> None:
    article = parse(f"المحادثات تستأنف في القاهرة\n{line}\nالأربعاء 17 يوليو 2024 - 11:32\n\n"
                    + AR_BODY)
    assert article.authors == (author,)


@pytest.mark.parametrize("line, author", [
    ("דנה שחר", "דנה שחר"),  # a given name that is also a word, alone on its line
    ("נועה ברק | כתבת העמק", "נועה ברק"),  # a role after the name
    ("יואב קרמר, כתב שוק ההון", "יואב קרמר"),
    ("אורנה שפירא", "אורנה שפירא"),  # a given name only the byline list knows
])
def test_hebrew_bylines_under_the_headline(line: str, author: str) -> None:
    article = parse(f"השיחות מתחדשות בקהיר\n{line}\n14.05.2024 | 10:32\n\n" + HE_BODY)
    assert article.authors == (author,)


def test_arabic_dateline_names_the_outlet_not_an_author() -> None:
    article = parse("المحادثات تستأنف في القاهرة\n\nالقاهرة - الميناء:\n" + AR_BODY)
    assert article.authors == () and article.publisher == "الميناء"


def test_arabic_city_dash_name_byline() -> None:
    article = parse(f"المحادثات تستأنف في القاهرة\nغزة - رندة سالم\n\n{AR_BODY}")
    assert article.authors == ("رندة سالم",)


@pytest.mark.parametrize("page, publisher", [
    ("The Ledger Logo\n\nTalks resume in Cairo\n\n" + BODY, "The Ledger"),
    ("Talks resume in Cairo | The Daily Ledger\n\n" + BODY, "The Daily Ledger"),
    ("Talks resume in Cairo\n\nCAIRO (Reuters) - " + BODY, "Reuters"),
    ("Talks resume in Cairo\n\nCAIRO, May 3 (AP) — " + BODY, "AP"),
    ("Welcome to Ledgerline. We use cookies to improve your experience.\n\n"
     "Talks resume in Cairo\n\n" + BODY, "Ledgerline"),
    ("Talks resume in Cairo\n\n" + BODY + "\n© 2024 The Daily Ledger. All rights reserved.\n",
     "The Daily Ledger"),
    ("Image Credit: Harbour News\n\n" + BODY, "Harbour News"),
    ("Talks resume in Cairo\n\n" + BODY + "\n© 2024 The Daily Ledger Company\n",
     "The Daily Ledger"),  # the owner's company form
    ("Talks resume in Cairo\n\n" + BODY + "\nCopyright Harbour Media Network 2019\n",
     "Harbour"),
    ("المحادثات تستأنف في القاهرة\n\nرام الله- صدى: " + AR_BODY, "صدى"),
    ("وكالة الميناء الإخبارية - Harbour News || آخر الأخبار\nالمحادثات تستأنف في القاهرة\n\n"
     + AR_BODY, "Harbour News"),
    ("Talks resume in Cairo\n\n" + BODY.replace("The minister said", "Sources told The "
                                                "Ledger")[:-1] + "\n", "The Ledger"),
    ("المحادثات تستأنف في القاهرة\n\n" + AR_BODY + "\n(الميناء)\n", "الميناء"),
    ("المحادثات تستأنف في القاهرة\n\n" + AR_BODY + "\n(وكالات)\n", None),
    # an Arabic or Hebrew copyright line names its owner
    ("المحادثات تستأنف في القاهرة\n\n" + AR_BODY + "\n© المرفأ اليوم 2019\n", "المرفأ اليوم"),
    ("المحادثات تستأنف في القاهرة\n\n" + AR_BODY + "\nجميع الحقوق محفوظة لصحيفة المرفأ © 2012\n",
     "المرفأ"),
    ("השיחות מתחדשות בקהיר\n\n" + HE_BODY + "\n© זמן הנמל 2019 - כל הזכויות שמורות\n",
     "זמן הנמל"),
    ("השיחות מתחדשות בקהיר\n\n" + HE_BODY + "\n© כל הזכויות שמורות\n", None),
    # ... in company form: the publishing house and its "Ltd." are not the outlet's name
    ("השיחות מתחדשות בקהיר\n\n" + HE_BODY + "\n© כל הזכויות שמורות להוצאת זמן הנמל בע\"מ\n",
     "זמן הנמל"),
    # an Arabic outlet's name first in its menu row, or alone with its acronym in brackets
    ("جريدة المرفأ | الأولى | محليات | اقتصاد | رياضة\nالمحادثات تستأنف في القاهرة غدا بعد توقف\n\n"
     + AR_BODY, "جريدة المرفأ"),
    ("وكالة أنباء المرفأ (ومف)\nالرئيسية | محليات | اقتصاد | رياضة\n"
     "المحادثات تستأنف في القاهرة غدا بعد توقف\n\n" + AR_BODY, "وكالة أنباء المرفأ"),
    # a breadcrumb in the header is no site name
    ("חדשות | פוליטיקה | בריאות | כלכלה\nראשי > בריאות\nהשיחות מתחדשות בקהיר מחר אחרי הפסקה\n\n"
     + HE_BODY, None),
])
def test_publisher_shapes(page: str, publisher: str | None) -> None:
    assert parse(page).publisher == publisher


@pytest.mark.parametrize("line", ["3 hours ago", "Updated 2 days ago", "منذ 3 ساعات",
                                  "לפני 3 שעות", "وقت القراءة: 2 دقيقة", "זמן קריאה: 4 דקות"])
def test_relative_times_and_reading_times_are_no_headline(line: str) -> None:
    body = AR_BODY if "\u0600" <= line[0] <= "\u06ff" else HE_BODY if "\u0590" <= line[0] <= \
        "\u05ff" else BODY
    headline = {AR_BODY: "المحادثات تستأنف في القاهرة غدا بعد توقف طويل",
                HE_BODY: "השיחות מתחדשות בקהיר מחר אחרי הפסקה ארוכה",
                BODY: "Talks resume in Cairo after a long pause"}[body]
    article = parse(f"{headline}\n{line}\n\n{body}")
    assert (article.title, article.date) == (headline, None)


def test_a_name_the_headline_holds_is_its_subject_not_its_byline() -> None:
    """A profile prints its subject's name alone under the headline (a photo's alt text)."""
    article = parse("سمير بلقاسم «الرجل الغامض» الذي قاد المفاوضات في القاهرة\nسمير بلقاسم\n"
                    "سمير بلقاسم\n\n" + AR_BODY)
    assert article.authors == ()
    article = parse("Jane Roe, the quiet negotiator of the harbour talks\nJane Roe\n\n" + BODY)
    assert article.authors == ()


def test_issue_number_in_brackets_is_no_caption_credit() -> None:
    line = "الأربعاء - ١٥ ذو الحجة ١٤٤١ هـ - ٠٥ أغسطس ٢٠٢٠ مـ رقم العدد [ ١٥٢٢٧ ]"
    assert parse(f"المحادثات تستأنف في القاهرة\n{line}\n\n{AR_BODY}").date == "2020-08-05"


def test_a_place_after_to_is_not_a_publisher() -> None:
    body = BODY.replace("The minister said", "Flights to Tel Aviv were cancelled and he said")
    assert parse("Talks resume in Cairo\n\n" + body).publisher is None


def test_known_outlet_by_its_canonical_name_in_any_script() -> None:
    outlets = load_outlets(KNOWLEDGE)
    header = parse("الجزيرة\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY)
    named = parse("Talks resume in Cairo\n\nCAIRO (Agence France-Presse) - " + BODY)
    arabic_dateline = parse("المحادثات تستأنف في القاهرة\n\nغزة (رويترز) - " + AR_BODY)
    site_line = parse("الجزيرة | أخبار العالم\n\n" + AR_BODY)
    header, named, arabic_dateline, site_line = name_publishers(
        [header, named, arabic_dateline, site_line], outlets)
    assert site_line.publisher == "Al Jazeera"
    assert header.publisher == "Al Jazeera"
    assert named.publisher == "AFP"
    assert arabic_dateline.publisher == "Reuters"


def test_a_common_word_names_an_outlet_only_where_the_page_credits_its_source() -> None:
    """"الأخبار" ("the news") is Al-Akhbar in a sign-off, and no publisher on a line alone."""
    outlets = load_outlets(KNOWLEDGE)
    signed, alone = name_publishers(
        [parse("المحادثات تستأنف في القاهرة\n\n" + AR_BODY + "\n(الأخبار)\n"),
         parse("الأخبار\n\nالمحادثات تستأنف في القاهرة\n\n" + AR_BODY)], outlets)
    assert signed.publisher == "Al-Akhbar"
    assert alone.publisher is None


def test_publication_date_at_the_foot() -> None:
    article = parse("Talks resume in Cairo\n\n" + BODY + "\nFirst published on 11 September "
                    "2024, 07:15 BST\n\nRead more\n")
    assert article.date == "2024-09-11"
    assert parse("Talks resume in Cairo\n\n" + BODY + "\nThe talks began on 11 September "
                 "2024 in the capital, the officials said.\n").date is None  # an event's date
    sentence = parse("Talks resume in Cairo\n\n" + BODY + "\nThis story was originally "
                     "published July 19, 2022.\n")
    assert sentence.date == "2022-07-19"


def test_a_consent_banner_over_the_head_is_not_the_body() -> None:
    banner = ("We and our partners use technologies, such as cookies, and process personal data "
              "to personalise ads and content, measure their performance and derive insights "
              "about the audiences who saw them.\nI Accept\nShow Purposes\n")
    article = parse(banner + "Talks resume in Cairo\nBy Jane Roe\nPublished: 12th November "
                    "2024\n\n" + BODY)
    assert (article.title, article.date, article.authors) == \
        ("Talks resume in Cairo", "2024-11-12", ("Jane Roe",))


def test_a_time_zone_settles_the_order_of_a_numeric_date() -> None:
    american = parse("Talks resume in Cairo\nBy Jane Roe\n07/04/2023 06:00 AM EDT\n\n" + BODY)
    british = parse("Talks resume in Cairo\nBy Jane Roe\n07/04/2023 06:00 BST\n\n" + BODY)
    unknown = parse("Talks resume in Cairo\nBy Jane Roe\n07/04/2023 06:00\n\n" + BODY)
    assert (american.date, british.date, unknown.date) == ("2023-07-04", "2023-04-07", "2023")


def test_a_reading_time_beside_the_date_keeps_the_date() -> None:
    page = "Talks resume in Cairo\nBy Jane Roe\n04/06/2018 • 4 min read\n\n" + BODY
    assert parse(page).date == "2018"  # day and month could be either way round


def test_a_long_first_published_line_at_the_foot_dates_the_page() -> None:
    page = ("Talks resume in Cairo\n\n" + BODY + "\nThis article was first published in the "
            "Harbour Tribune and its sister papers on 9 October 2009.\n\nHave your say\n")
    assert parse(page).date == "2009-10-09"


@pytest.mark.parametrize("caption", [
    "Envoys at the quay before the talks. Photo courtesy Harbour Port Authority",
    "A ground station near the port. Credit...Jane Roe for The Harbour Tribune",
    "Envoys arrive at the quay for an earlier round of talks. File photo",
])
def test_captions_credited_in_words_are_no_headline(caption: str) -> None:
    page = f"Talks resume in Cairo\nBy Jane Roe\n{caption}\n\n{BODY}"
    assert parse(page).title == "Talks resume in Cairo"
    assert parse(f"{caption}\n\nTalks resume in Cairo\nBy Jane Roe\n\n{BODY}").title == \
        "Talks resume in Cairo"


def test_a_standfirst_over_a_caption_is_not_the_body() -> None:
    page = (f"Harbour Tribune\n\n{HEADLINE}\nMediators say both sides have softened their terms "
            "since the spring, and a deal could be signed within days.\n\n"
            "Envoys at the quay before the talks. Credit...Jane Roe for the Tribune\n\n"
            f"By Jane Roe and Ali Hassan\nOct. 27, 2020\n\n{BODY}")
    article = parse(page)
    assert (article.title, article.authors, article.date) == (
        HEADLINE, ("Jane Roe", "Ali Hassan"), "2020-10-27")


def test_arabic_page_labels_and_a_hijri_date_line() -> None:
    page = ("تخطي إلى المحتوى\nالتعليق على الصورة، وفود في الميناء قبل المحادثات\n"
            "الاثنين - 10 شعبان 1429 هـ - 11 أغسطس 2008 مـ - رقم العدد 10849\n"
            "المحادثات تستأنف في القاهرة\n\n" + AR_BODY)
    article = parse(page)
    assert (article.title, article.date, article.publisher) == (
        "المحادثات تستأنف في القاهرة", "2008-08-11", None)


@pytest.mark.parametrize("line, authors", [
    ("רועי שמעוני ואלון דגן", ("רועי שמעוני", "אלון דגן")),  # "and" on the second name
    ("ליאת כהן, יוסי מזרחי", ("ליאת כהן", "יוסי מזרחי")),
    ("אבי רוזן, כתבנו בדרום", ("אבי רוזן",)),  # "our correspondent in the south"
])
def test_hebrew_names_under_the_headline_without_a_cue(line: str, authors: tuple) -> None:
    page = f"השיחות מתחדשות בקהיר\n{line}\nיום שבת, 20 במאי 2017, 22:45\n\n{HE_BODY}"
    assert parse(page).authors == authors


def test_arabic_bylines_and_a_reporters_dateline() -> None:
    cue = parse(f"المحادثات تستأنف في القاهرة\nكتب محمد شعبان وأحمد سعيد\n\n{AR_BODY}")
    assert cue.authors == ("محمد شعبان", "أحمد سعيد")
    dateline = parse("المحادثات تستأنف في القاهرة\n\nعمّان - رامي الدباس: " + AR_BODY)
    assert dateline.authors == ("رامي الدباس",) and dateline.publisher is None


def test_a_date_line_of_figures_only() -> None:
    assert parse("Talks resume in Cairo\n14.05.2019 | 10:32\n\n" + BODY).date == "2019-05-14"


def test_date_line_under_the_byline() -> None:
    article = parse("Talks resume in Cairo\nBy Jane Roe\nWed, 31 Jul 2024 10:15 GMT\n\n" + BODY)
    assert article.date == "2024-07-31" and article.authors == ("Jane Roe",)


def test_the_date_under_the_headline_beats_the_sites_date_bar() -> None:
    # the masthead's bar shows the day the page was saved; the story's date is by the byline
    page = ("Harbour Tribune\nTuesday, December 3, 2024\nHome | News | Sport\n"
            "Talks resume in Cairo\nBy Jane Roe\nPublished: 14 May 2019\n\n" + BODY)
    assert parse(page).date == "2019-05-14"
    only_bar = "Harbour Tribune\nTuesday, December 3, 2024\nTalks resume in Cairo\n\n" + BODY
    assert parse(only_bar).date == "2024-12-03"


def test_date_lines_with_weekdays_time_zones_and_the_hebrew_calendar() -> None:
    for line, date in [("Updated Wed, 31 Jul 2024 10:15 GMT", "2024-07-31"),
                       ("מבזקים - יום שלישי 14.05.2019 / ט״ו אייר התשע״ט", "2019-05-14"),
                       ("الثلاثاء 12 مايو 2020 / 09:15", "2020-05-12")]:
        assert parse(f"Talks resume in Cairo\n{line}\n\n{BODY}").date == date, line
    assert parse(f"Rivals say they will meet for talks on 12 March 2024\n\n{BODY}").date is None


def test_a_page_saved_as_one_line_keeps_its_date() -> None:
    flat = " ".join(["Print Share Talks resume in Cairo World Jun 9, 2011 4:40 PM BST",
                     *[BODY.replace("\n", " ")] * 12])
    assert parse(flat).date == "2011-06-09"
    prose = BODY.replace("The minister said on Monday", "On Mar 17, 2005 10:00 troops left and "
                         "the minister said")
    assert parse(f"Talks resume in Cairo\n\n{prose}").date is None  # an event's date


def test_relative_time_is_never_a_date() -> None:
    assert parse("Talks resume in Cairo\nUpdated 3 hours ago\n\n" + BODY).date is None


# --- shapes of a third set of made-up pages -------------------------------------------------

@pytest.mark.parametrize("page", [
    "THE LEDGER\nNEWS ▸ LOCAL ▸ WEATHER\n\nTalks resume in Cairo after a long pause\n\n" + BODY,
    "Harbour Wire\nRugby › Match Report\nMATCH REPORT\n\nTalks resume in Cairo after a long "
    "pause\n\nWords: Jane Roe\nSaturday 15 February 2020\n\n" + BODY,
])
def test_a_breadcrumb_with_triangles_or_a_words_credit_is_no_headline(page: str) -> None:
    assert parse(page).title == "Talks resume in Cairo after a long pause"


def test_words_colon_is_a_byline() -> None:
    article = parse("Talks resume in Cairo\nWords: Jane Roe\n\n" + BODY)
    assert article.authors == ("Jane Roe",)


def test_a_hebrew_section_path_with_bars_is_no_headline() -> None:
    article = parse("חדשות | פוליטיקה | ירושלים\n\nהשיחות מתחדשות בקהיר אחרי הפסקה ארוכה\n\n"
                    + HE_BODY)
    assert article.title == "השיחות מתחדשות בקהיר אחרי הפסקה ארוכה"


@pytest.mark.parametrize(("lead", "publisher"), [
    ("CHICAGO (Harbour Newswire) - ", "Harbour Newswire"),
    ("دبي (وكالة المرفأ للأنباء) - ", "وكالة المرفأ للأنباء"),
    ("תל אביב (חדשות הנמל) – ", "חדשות הנמל"),
])
def test_a_datelines_outlet_the_knowledge_base_does_not_list(lead: str, publisher: str) -> None:
    body = {"C": BODY, "د": AR_BODY, "ת": HE_BODY}[lead[0]]
    title = {"C": "Talks resume in Cairo", "د": "المحادثات تستأنف في القاهرة",
             "ת": "השיחות מתחדשות בקהיר"}[lead[0]]
    assert parse(f"{title}\n\n{lead}{body}").publisher == publisher


def test_an_arabic_agency_credit_at_the_foot_names_who_prepared_it() -> None:
    article = parse("المحادثات تستأنف في القاهرة\n\n" + AR_BODY +
                    "\n(إعداد: رامي الدباس - تحرير: منى سالم)\n")
    assert article.authors == ("رامي الدباس",)


def test_a_town_colon_name_byline_with_a_given_name_no_list_holds() -> None:
    article = parse(f"المحادثات تستأنف في القاهرة\nالجزائر: نسيمة العمراني\n\n{AR_BODY}")
    assert article.authors == ("نسيمة العمراني",)


def test_a_short_dotted_date_on_a_hebrew_page_is_day_first() -> None:
    article = parse(f"השיחות מתחדשות בקהיר\nיעל ברגר, כתבת\n3.11.15\n\n{HE_BODY}")
    assert article.date == "2015-11-03"


def test_a_two_sentence_headline_right_over_the_byline() -> None:
    article = parse("THE LEDGER\nOPINION | GUEST ESSAY\nOpinion: Ferries are cheaper now. They are "
                    "also slower.\nBy Jane Roe\nSeptember 12, 2022\n\n" + BODY)
    assert article.title == "Ferries are cheaper now. They are also slower."
    assert article.authors == ("Jane Roe",)


def test_a_masthead_in_capitals_takes_the_case_the_page_prints_it_in_elsewhere() -> None:
    article = parse("THE HARBOUR LEDGER\n\nTalks resume in Cairo\n\n" + BODY +
                    "\n© 2019 The Harbour Ledger. All rights reserved.\n")
    assert article.publisher == "The Harbour Ledger"


# --- shapes of a fourth set of made-up pages -------------------------------------------------

def test_two_dots_join_an_arabic_headlines_parts() -> None:
    article = parse("ثقافة ودين\nبعد عامين من الترميم.. مسجد المرفأ يستقبل المصلين\n"
                    "المرفأ - رامي الدباس\n\n" + AR_BODY)
    assert article.title == "بعد عامين من الترميم.. مسجد المرفأ يستقبل المصلين"


@pytest.mark.parametrize(("line", "authors"), [
    ("Story: Jane Roe", ("Jane Roe",)),
    ("من: رامي الدباس — مراسل الشؤون الصحية", ("رامي الدباس",)),
    ("מאת יעל ברגר ו-דנה לוי", ("יעל ברגר", "דנה לוי")),
    ("رامي الدباس - أكادير", ("رامي الدباس",)),
    ("יעל ברגר | צילום: דנה לוי", ("יעל ברגר",)),
])
def test_byline_shapes_of_many_outlets(line: str, authors: tuple[str, ...]) -> None:
    title, body = ("Talks resume in Cairo", BODY) if line[0].isascii() else (
        ("המשא ומתן מתחדש בקהיר", HE_BODY) if "\u05d0" <= line[0] <= "\u05ea" else
        ("المحادثات تستأنف في القاهرة", AR_BODY))
    assert parse(f"{title}\n{line}\n\n{body}").authors == authors


@pytest.mark.parametrize(("line", "authors"), [("Thabo Mokoena", ("Thabo Mokoena",)),
                                              ("New York", ())])  # where, not who
def test_a_name_no_list_holds_between_the_headline_and_its_date(line: str,
                                                                authors: tuple[str, ...]) -> None:
    article = parse("Talks resume in Cairo after a long pause\nMediators say both sides have "
                    f"softened their terms since the spring\n{line}\n22 June 2017 | 16:05"
                    "\n\n" + BODY)
    assert article.authors == authors


def test_a_hebrew_copyright_line_with_the_mark_and_year_before_the_owner() -> None:
    article = parse("השיחות מתחדשות בקהיר\n\n" + HE_BODY +
                    "\nכל הזכויות שמורות © 2013 זמן הנמל | אודות | תקנון\n")
    assert article.publisher == "זמן הנמל"


def test_a_header_domain_names_the_site_line_that_spells_it() -> None:
    article = parse("harbourledger.asia\nHarbour Ledger Asia\nHome | World | Business | Sport\n"
                    "\nTalks resume in Cairo\n\n" + BODY)
    assert article.publisher == "Harbour Ledger Asia"


def test_a_date_with_a_hebrew_prefix_and_hyphen() -> None:
    article = parse("השיחות מתחדשות בקהיר\nפורסם ב-21.09.2023, 09:05 | עודכן ב-21.09.2023\n\n"
                    + HE_BODY)
    assert article.date == "2023-09-21"
