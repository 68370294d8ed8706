"""What one line of a page's head is, by its shape: a menu, a label, chrome, a caption, a
date line, a headline-shaped line, or the body's first paragraph (`head_end`). The words that
decide (labels, section names, chrome phrases, date-line words) live in `data/page_shapes.yml`,
read once into `Shapes`; `head.py` and `bylines.py` ask these questions of every head line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from . import language
from .dates import date_in_line, find_dates
from .sentences import ABBREVIATIONS

SHAPES_FILE = Path(__file__).parent / "data" / "page_shapes.yml"
HEAD_MAX_LINES = 60  # menus can be long; a head never is longer than this
BODY_MIN_WORDS = 26  # a line this long is a paragraph whatever it ends with
SENTENCE_MIN_WORDS = 10  # ... and one this long ending like a sentence is one too
HEADLINE_MAX_WORDS = 25
RTL_OUTLET_MAX_WORDS = 5  # "وكالة الأنباء الأردنية", "جريدة الشرق الأوسط اليومية"
# A head line this short, right over a headline-shaped line at least twice as long (and
# this long), is a label: see past_standfirst.
LABEL_MAX_WORDS = 4
RELATIVE_TIME_MAX_WORDS = 5  # "Updated about 3 hours ago"
DATE_LINE_MAX_WORDS = 3  # "Published", a weekday, a time zone: beside the date itself
MENU_MIN_ITEMS = 3  # "Home | World | Sport"
CREDIT_MAX_WORDS = 6  # "Photo: Jane Roe / Harbour Agency"
CREDIT_NAME_MAX_WORDS = 3  # "(الشرق الأوسط)" closing a caption
MARKET_ARROWS = ("▲", "▼")
DATA_MIN_FIGURES = 3
DATA_FIGURE_SHARE = 0.3  # a headline's figures are fewer ("to cut 1,200 jobs")
DATA_LINE_MAX_CHARS = 300
FIGURE = re.compile(r"\S*\d\S*")  # a word with a digit in it: "38,912.40", "341/6"
MENU_ITEM_MAX_WORDS = 4  # "What's On", "Ask a Doctor"
BREADCRUMB_MARKS = re.compile(r"\s*[›>»▸▹►▶❯]\s*")  # "Home > World > Africa"
SECTION_PATH_BAR = re.compile(r"\s+\|\s+")  # "Scotland | Edinburgh, Fife & East"
SECTION_PATH_MIN_PARTS = 3  # "תחבורה | רכבת קלה | גוש דן"; two may be "Outlet | credit"
SHORT_LABEL_MARKS = (",", "•")  # "Schools, Labor", "Politics • Local"
# The publisher's tag list, "Tags: Harvest, Farming": metadata, never the headline.
TAG_LINE = re.compile(r"^\s*(?:filed under|tags?|topics?|categories|category)\s*:\s*(.+)$", re.I)
# " date 2014-08-22 " left at the very start by the tool that saved the page.
SAVED_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[صم]\b)?", re.I)
HEBREW_NUMERAL = re.compile(r"^ה?[א-ת]{0,3}[\"״׳'][א-ת]$")  # ט״ז, התשע"ה: a Hebrew date
SENTENCE_END = re.compile(r"[.!?…:][\"”’»')\]]*$")
BULLET = re.compile(r"^[•·▪◦●■*>-]\s*")
FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|mp4|pdf)$", re.I)  # an image's name
# A blog's links to the posts before and after ("« Older: A wet weekend", "Newer: X »"); an
# Arabic quote mark sits against its word ("«التعليم» تعتمد"), a pager's arrow apart.
PAGER_LINK = re.compile(r"^[«‹←]\s|\s[»›→]$")
URL = re.compile(r"^(?:https?://|www\.)\S+$")
QUOTES = "\"'“”‘’«»„"
CAPTION_CREDIT = re.compile(
    r"\((?:[^()]{0,40}?\b(?:photo|file|afp|reuters|ap|getty|epa|xinhua|anadolu|wafa|flash90|"
    r"gpo|idf|handout|screenshot|courtesy|archive|images?))[^()]{0,40}\)\s*$"
    r"|\[(?:File|Photo|Image)\b[^\]]*\]\s*$"
    r"|\b(?:REUTERS|AFP|AP Photo|Getty Images|EPA)/\S|\b(?:Photograph|Photo|Image|Picture)"
    r"\s*:\s*\S|(?:צילום|קרדיט|تصوير|مصدر الصورة)\s*:?"
    # "Photo courtesy X", "Credit...Jane Roe for The Times", "... in 2019. File photo"
    r"|\b(?:Photo|Picture|Image) courtesy\b|\bCredit(?:\.{2,3}|…)\S"
    r"|\bFile (?:photo|picture|image)\.?\s*$", re.I)
# "Image caption, X", BBC Arabic's "التعليق على الصورة، X"
CAPTION_LABEL = re.compile(r"^(?:(?:image|photo|video) caption|التعليق على الصورة)\s*[:,،]",
                           re.I)
BRACKETED_TAIL = re.compile(r"\s*\([^()]*\)\s*$")  # " (بترا)" after a name
TRAILING_BRACKETS = re.compile(r"\s[(\[]([^()\[\]]{2,40})[)\]]\s*$")
PHOTO_CREDIT = re.compile(
    r"^\s*[\[(]?\s*(?:photo|image|picture|video|credit|photograph)s?\s*(?:credit|source)?"
    r"\s*[:,]", re.I)  # "Photo: X", "Image source, X"
# Between a menu's items: a bar, a bullet, an arrow or a slash with spaces, or a wide gap.
MENU_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[»›>/▸▹►▶❯]\s+|\s{2,}|\t")


class LineLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def clean(self) -> str: ...


@dataclass(frozen=True)
class Shapes:
    ui_labels: frozenset[str]
    section_words: frozenset[str]
    chrome_phrases: tuple[str, ...]
    kickers: frozenset[str]
    glued_kickers: frozenset[str]
    byline_cues: tuple[str, ...]  # longest first
    credit_cues: tuple[str, ...]
    generic_credits: frozenset[str]
    role_words: frozenset[str]
    agencies: dict[str, str]  # casefolded -> as written
    outlet_words: frozenset[str]
    rtl_outlet_words: frozenset[str]
    logo_suffixes: tuple[str, ...]
    company_suffixes: tuple[str, ...]  # longest first
    company_prefixes: tuple[str, ...]
    date_line_words: frozenset[str]
    relative_time_cues: frozenset[str]
    relative_time_words: frozenset[str]
    foot_date_leads: tuple[str, ...]
    self_reference_cues: frozenset[str]
    self_reference_links: tuple[str, ...]  # longest first


@cache
def shapes() -> Shapes:
    data: dict[str, Any] = yaml.safe_load(SHAPES_FILE.read_text(encoding="utf-8"))

    def words(key: str) -> list[str]:
        value = data[key]
        items = [w for ws in value.values() for w in ws] if isinstance(value, dict) else value
        return [str(w).casefold() for w in items]
    return Shapes(
        ui_labels=frozenset(words("ui_labels")), section_words=frozenset(words("section_words")),
        chrome_phrases=tuple(words("chrome_phrases")), kickers=frozenset(words("kickers")),
        glued_kickers=frozenset(words("glued_kickers")),
        byline_cues=tuple(sorted(words("byline_cues"), key=len, reverse=True)),
        credit_cues=tuple(words("credit_cues")),
        generic_credits=frozenset(words("generic_credits")),
        role_words=frozenset(words("role_words")),
        agencies={str(a).casefold(): str(a) for a in data["agencies"]},
        outlet_words=frozenset(words("outlet_words")),
        rtl_outlet_words=frozenset(words("rtl_outlet_words")),
        logo_suffixes=tuple(words("logo_suffixes")),
        company_suffixes=tuple(sorted(words("company_suffixes"), key=len, reverse=True)),
        company_prefixes=tuple(words("company_prefixes")),
        date_line_words=frozenset(words("date_line_words")),
        relative_time_cues=frozenset(words("relative_time_cues")),
        relative_time_words=frozenset(words("relative_time_words")),
        foot_date_leads=tuple(words("foot_date_leads")),
        self_reference_cues=frozenset(words("self_reference_cues")),
        self_reference_links=tuple(sorted(words("self_reference_links"), key=len, reverse=True)))


def saved_date_prefix(text: str) -> tuple[str | None, int]:
    """The date in a " date YYYY-MM-DD " prefix and the prefix's length, or (None, 0)."""
    match = SAVED_DATE_PREFIX.match(text)
    return (match.group(1), match.end()) if match else (None, 0)


def folded(text: str) -> str:
    return " ".join(text.casefold().strip(" :|•·-–—").split())


def is_ui_label(text: str) -> bool:
    key = folded(text)
    return key in shapes().ui_labels or key.removeprefix("ال").removeprefix("ה") in \
        shapes().ui_labels


def is_menu_line(raw: str) -> bool:
    """A row of navigation items: "Home | World | Business | Sport", "News > Local > Courts",
    "News  Opinion  Sport  Culture" (items set apart by two spaces), in any script. Four items
    of at most a few words, or three when one is a known label; never a line with a date
    ("Tuesday | 14 May 2024 | 06:30")."""
    items = [item for item in MENU_SEPARATOR.split(raw.strip()) if item.strip()]
    if len(items) < MENU_MIN_ITEMS or any(len(item.split()) > MENU_ITEM_MAX_WORDS
                                          for item in items):
        return False
    if date_in_line(raw) is not None:
        return False
    return len(items) >= MENU_MIN_ITEMS + 1 or any(
        is_ui_label(item) or is_section_label(item) for item in items)


def is_chrome(text: str) -> bool:
    """A widget label, cookie or browser notice, bare URL, short menu bullet, logo line, ticker
    or a time with no date."""
    key = text.casefold()
    short = len(text) <= DATA_LINE_MAX_CHARS  # a paragraph is no ticker
    return (is_ui_label(text) or URL.match(text) is not None or is_relative_time_line(text)
            or PAGER_LINK.search(text) is not None
            or (short and (is_data_line(text) or is_time_line(text))
                and date_in_line(text) is None)
            or (any(phrase in key for phrase in shapes().chrome_phrases)
                and date_in_line(text) is None)  # "3 May 2024 • 4 min read" dates the page
            or (BULLET.match(text) is not None and len(text.split()) <= 5)
            or is_photo_credit(text)
            # (a numeric date in some order: "3.11.15" is a date on a day-first page)
            or (not any(ch.isalpha() for ch in text) and date_in_line(text, "DMY") is None))


def is_photo_credit(text: str) -> bool:
    """"Photo: Jane Roe / Agency"; not "PHOTOS: Blue ribbons and a rainy finale at the fair",
    a gallery's headline."""
    match = PHOTO_CREDIT.match(text)
    return match is not None and len(text[match.end():].split()) <= CREDIT_MAX_WORDS


def is_caption(text: str) -> bool:
    """A photo's caption: it names its credit ("(Reuters)", "Photo: X", "© X", "[File: X]",
    "(الفرنسية)", "(Source, 30 September 2024)"); a headline's closing "(Video)" is a kicker,
    not a credit."""
    if CAPTION_CREDIT.search(text) is not None or "©" in text or \
            CAPTION_LABEL.match(text) is not None:
        return True
    credit = TRAILING_BRACKETS.search(text)
    if credit is None or folded(credit[1]) in shapes().kickers:
        return False
    name = credit[1].strip()
    source, comma, when = name.partition(",")  # "(Source, 30 September 2024)"
    if comma and len(source.split()) <= CREDIT_NAME_MAX_WORDS and find_dates(when, None):
        return True
    return name.casefold() in shapes().agencies or is_outlet(name) or \
        (language.is_rtl_text(name) and len(name.split()) <= CREDIT_NAME_MAX_WORDS
         and any(ch.isalpha() for ch in name))  # "[ ١٥٢٢٧ ]" is an issue's number


def is_section_label(text: str) -> bool:
    words = [w.strip(".,:&|/›»>") for w in folded(text).split()]
    words = [w for w in words if w and w not in ("and", "the", "&", "of")]
    return 0 < len(words) <= 4 and all(is_section_word(w) for w in words)


def is_section_word(word: str) -> bool:
    section = shapes().section_words
    return word in section or word.removeprefix("ال") in section or \
        word.removeprefix("ו").removeprefix("ה") in section or word.removeprefix("و") in section


def is_data_line(text: str) -> bool:
    """A ticker or a score strip ("DOW 38,912.40 ▲ 0.31% ...", "Harbour 341/6 v Dunmore 218"):
    as many figures as words, or the markets' arrows."""
    if any(arrow in text for arrow in MARKET_ARROWS):
        return True
    figures = len(FIGURE.findall(text))
    return figures >= DATA_MIN_FIGURES and figures >= DATA_FIGURE_SHARE * len(text.split())


def is_time_line(text: str) -> bool:
    """"LIVE Updated 4:15 p.m. ET": a clock time among date-line words and kickers."""
    if CLOCK_TIME.search(text) is None:
        return False
    rest = [w for w in CLOCK_TIME.sub(" ", text).split() if any(ch.isalpha() for ch in w)]
    return all(w.casefold().strip(".,:;|()") in shapes().date_line_words or
               w.casefold().strip(".,:;|()") in shapes().kickers for w in rest)


def is_relative_time_line(text: str) -> bool:
    """"3 hours ago", "Updated 2 days ago", "منذ 3 ساعات", "לפני 3 שעות": how long ago, only."""
    # asked of every line: a paragraph's words are not all cased and stripped first
    pieces = text.split(None, RELATIVE_TIME_MAX_WORDS)
    if not 0 < len(pieces) <= RELATIVE_TIME_MAX_WORDS:
        return False
    words = [w.casefold().strip(".,:;|()") for w in pieces]
    return any(w in shapes().relative_time_cues for w in words) and \
        all(w.isdigit() or w in shapes().relative_time_cues or w in shapes().relative_time_words
            for w in words)


def is_body_line(text: str) -> bool:
    """The first line of this shape ends the head: a paragraph, not a headline or label."""
    if is_caption(text) or is_chrome(text):
        return False
    words = len(text.split())
    # a question under the byline is a headline as often as it opens a body ("Is the ... a
    # warning for the rest of Britain?"): the head reader decides, not its length
    return words >= BODY_MIN_WORDS or (words >= SENTENCE_MIN_WORDS and
                                       SENTENCE_END.search(text) is not None and
                                       not text.rstrip(QUOTES).endswith("?"))


def is_headline_shaped(text: str) -> bool:
    """A few words without a sentence's closing stop (an abbreviation such as "U.S." or "Co."
    may end a headline), starting with a letter, a digit or a quote mark."""
    words = text.split()
    # a line ending with a dash leads into the next ("Outlet -" over the body's first line)
    ends_like_sentence = text.rstrip(QUOTES).endswith((".", ",", ";", " -", " –", " —")) and \
        not ABBREVIATION_END.search(text) and \
        words[-1].rstrip(".").casefold() not in ABBREVIATIONS if words else False
    return (0 < len(words) <= HEADLINE_MAX_WORDS and len(text) <= 250
            and not ends_like_sentence and (text[0].isalnum() or text[0] in QUOTES)
            and not FILE_NAME.match(text))


def without_dates(text: str, order: str | None) -> str:
    """The line with its dates and clock times taken out."""
    for found in reversed(find_dates(text, order)):
        text = text[:found.start] + " " + text[found.end:]
    return " ".join(CLOCK_TIME.sub(" ", text).split()).strip(" -–—|/,")


def is_date_line(text: str, order: str | None) -> bool:
    """A line that states the page's date, not a headline that names one: besides the date
    only a few words, a clock time or a "Published" cue."""
    found = find_dates(text, order)
    if found and all(text[:f.start].count("(") > text[:f.start].count(")") for f in found):
        return False  # "(Photo agency, 30 September 2024)": a caption's or headline's date
    rest = without_dates(text, order)
    words = [w for w in rest.split() if any(ch.isalpha() for ch in w)
             and w.casefold().strip(".,:;|()") not in shapes().date_line_words
             and not HEBREW_NUMERAL.match(w)]
    return len(words) <= DATE_LINE_MAX_WORDS or CLOCK_TIME.search(text) is not None or \
        any(f.published for f in found)


def head_end(lines: Sequence[LineLike]) -> int:
    """Where the body begins: a long line, or a sentence followed by another one (a lone
    sentence among short lines is a tagline or a notice, not the body)."""
    texts = [line.clean for line in lines[:HEAD_MAX_LINES + 1]]
    for position, text in enumerate(texts[:HEAD_MAX_LINES]):
        if not is_body_line(text):
            continue
        following = next((t for t in texts[position + 1:]
                          if not is_chrome(t) and not is_caption(t)), None)
        if len(text.split()) >= BODY_MIN_WORDS or following is None or \
                len(following.split()) >= SENTENCE_MIN_WORDS:
            return position
    return min(len(lines), HEAD_MAX_LINES) if len(lines) > 1 else 0


def is_outlet(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 6 and (text.casefold() in shapes().agencies or any(
        w.casefold().strip(".,") in shapes().outlet_words for w in words)) and text[0].isupper()


def rtl_outlet_name(text: str) -> str | None:
    """"جريدة الديوانية", "חדשות הכרמל": what the outlet is, then its name; the name without
    the acronym in brackets some print after it ("وكالة الأنباء الأردنية (بترا)")."""
    name = BRACKETED_TAIL.sub("", text)
    words = name.split()
    if not language.is_rtl_text(name) or not 2 <= len(words) <= RTL_OUTLET_MAX_WORDS or \
            words[0] not in shapes().rtl_outlet_words:
        return None
    return name


def is_label_shaped(text: str) -> bool:
    """A section label, breadcrumb or tag list: "News › Court & Crime", "LOCAL GOVERNMENT",
    "Schools, Labor" ("Opinion | Why the talks matter" is a kicker before a headline)."""
    if is_menu_line(text) or TAG_LINE.match(text):
        return True
    if BREADCRUMB_MARKS.search(text):
        return all(len(part.split()) <= LABEL_MAX_WORDS for part in BREADCRUMB_MARKS.split(text))
    if SECTION_PATH_BAR.search(text):  # a kicker's headline has lower-case words
        # (Arabic and Hebrew have no case: there, a path of three or more labels' few words)
        parts = SECTION_PATH_BAR.split(text)
        rtl = language.is_rtl_text(text) and len(parts) >= SECTION_PATH_MIN_PARTS
        return all(len(part.split()) <= LABEL_MAX_WORDS and (rtl or all(
            w[0].isupper() or w in ("&", "and", "of") for w in part.split()))
            for part in parts)
    return len(text.split()) <= LABEL_MAX_WORDS and (
        text.isupper() or any(mark in text for mark in SHORT_LABEL_MARKS))


def starts_lowercase_word(text: str) -> bool:
    """"updated 3 hours ago", "and the towns on both sides": no headline starts so ("iPhone"
    and "eBay" do)."""
    return starts_lowercase_latin(text) and not text[1:2].isupper()


def starts_lowercase_latin(text: str) -> bool:
    return text[:1].isalpha() and text[:1].islower() and not language.is_rtl_text(text[:1])
