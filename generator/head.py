"""Reading the head of a page: headline, publication date, byline and publisher.

Outlets put these in any order: a section name or a menu before the headline, the byline
before or after the date, a caption between them. So the head is read as a zone (every line
before the body's first real paragraph) and each line in it is asked what it is, instead of
expecting the seeds' order. The words that decide (labels, section names, byline cues,
agencies) live in `data/page_shapes.yml`.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS  # "The" is a given name somewhere, too

from . import language
from .bylines import (
    DASH_SPLIT,
    NAME_MAX_WORDS,
    byline,
    byline_cue,
    byline_for_outlet,
    credit_authors,
    dateline_agency,
    is_job_title,
    is_lone_byline,
    is_person_name,
    logo_publisher,
    lone_names,
    own_photo_credit,
    rtl_city_byline,
    rtl_dateline_author,
    rtl_dateline_from,
    rtl_dateline_outlet,
    split_names,
    without_company,
)
from .dates import Found, date_in_line, find_dates, numeric_order, time_zone_order
from .extract.gazetteer import english_place_names
from .extract.matcher import fold
from .line_shapes import (
    ABBREVIATION_END,
    CLOCK_TIME,
    HEAD_MAX_LINES,
    HEADLINE_MAX_WORDS,
    LABEL_MAX_WORDS,
    QUOTES,
    SENTENCE_END,
    URL,
    LineLike,
    folded,
    head_end,
    is_caption,
    is_chrome,
    is_date_line,
    is_headline_shaped,
    is_label_shaped,
    is_menu_line,
    is_outlet,
    is_section_label,
    is_ui_label,
    shapes,
    starts_lowercase_latin,
    starts_lowercase_word,
    without_dates,
)
from .sentences import sentences

HEADLINE_MIN_WORDS = 6
LABEL_LOOKAHEAD_LINES = 3
GLUED_LABEL_MAX_WORDS = 3  # "Energy prices" run into a title-case headline
GLUED_CREDIT_MAX_WORDS = 3  # a photo credit glued to its caption's second printing
REPEATED_MIN_WORDS = 3  # a headline printed twice; "3 comments" twice is a widget
REPEATED_NAME_MAX_WORDS = 3  # a site's name printed alone, then again before its tagline
WRAPPED_MIN_WORDS = 3  # the lower-case rest of a sentence the page wrapped
WHOLE_LINE_ENDS = ("?", "!", ":", "\"", "”", "’")  # a line that ends so is complete
FOOT_DATE_MAX_WORDS = 20  # "This article was first published in X on 9 October 2009."
DATELINE_MAX_WORDS = 6  # "CAIRO (Reuters) -" or "القاهرة - الميناء:" alone on its line
BODY_METADATA_LINES = 4  # a byline or date line may follow the standfirst
FLATTENED_HEAD_CHARS = 600  # where a page saved as one line keeps its head
FLATTENED_MIN_LABELS = 3  # a run of widget labels ("Share", "Email", "Facebook") opens it
LABEL_RUN_GAP_WORDS = 3  # other words that end such a run
ROLE_LINE_MAX_WORDS = 8  # "BBC Scotland chief football writer at Tannadice"
HEADLINE_BLOCK_LINES = 3  # a kicker, the headline, its standfirst
LEAD_SHARED_SHARE = 0.6  # of a headline's words its lead paragraph also says
CONTENT_WORD_MIN_CHARS = 3
ATTACHED_LETTERS = "وبلفكובלהמשכ"  # "and", "in", "to", "the", "from", "that", "as"
ROW_SPLIT = re.compile(r"\s+[-–—|·•]+\s+|\s*\|\s*")  # the pieces of a metadata row
BYLINE_DATE_JOINT = re.compile(r"\s+(?:on|at|,)\s*$")  # "Posted by Jane Roe on 3 May 2024"
SOURCE_LINE = re.compile(r"^[/|\s]*(?:source|المصدر|מקור)\s*:\s*(.+)$", re.I)
COPYRIGHT_OWNER = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?"
                             r"\s*([A-Z][\w.&'’ -]{1,50}?)[.,]?\s*(?:all rights reserved.*)?$",
                             re.I)
# An Arabic or Hebrew copyright line: "© זמן אמת 2019 - כל הזכויות שמורות", "© القدس العربي 2006",
# or the owner after "all rights reserved to": "جميع الحقوق محفوظة لصحيفة الغد © 2012".
RTL_NAME = r"[\u0590-\u06ff][\u0590-\u06ff\"'״׳-]*(?: [\u0590-\u06ff][\u0590-\u06ff\"'״׳-]*){0,3}?"
RTL_COPYRIGHT_OWNER = re.compile(
    rf"^\s*©\s*(?:\d{{4}}\s*)?({RTL_NAME})\s*(?:\d{{4}}|[-–|.,]|$)"
    rf"|(?:جميع|كل) الحقوق محفوظة\s*(?:ل|لـ)\s*(?:صحيفة |جريدة |موقع |شبكة |قناة )?({RTL_NAME})"
    rf"\s*(?:©|\d{{4}}|[-–|.,]|$)"
    rf"|כל הזכויות שמורות\s*ל-?({RTL_NAME})\s*(?:©|\d{{4}}|[-–|.,]|$)"
    # the owner after the mark and the year: "כל הזכויות שמורות © 2013 X | אודות"
    rf"|(?:כל הזכויות שמורות|(?:جميع|كل) الحقوق محفوظة)\s*©\s*\d{{4}}\s*({RTL_NAME})"
    rf"\s*(?:[-–|.,]|$)")
RTL_RIGHTS_WORDS = ("كل", "جميع", "כל")  # "© כל הזכויות שמורות" names no owner
WELCOME = re.compile(r"^welcome to ([A-Z][\w.&'’!-]*(?: [A-Z][\w.&'’!-]*){0,4})[.!]", re.I)
REPORTS_FROM = re.compile(r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}) reports from [A-Z]")


@dataclass
class Head:
    """What the head of one article states, and which of its lines are not body text."""

    title: str | None = None
    title_line: int | None = None  # index of the headline's line
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    byline_lines: list[int] = field(default_factory=list)
    publisher: str | None = None
    dropped: set[int] = field(default_factory=set)  # chrome and metadata lines
    credit_outlet: str | None = None  # "Image Credit: Harbour News": the page's own photo
    date_lines: list[int] = field(default_factory=list)
    line_dates: list[tuple[int, str]] = field(default_factory=list)  # (line, date) in the head
    body_start: int = 0  # the first line of the body (a lead may come before the headline)

    def add_date(self, date: str | None, line: int) -> None:
        self.date = self.date or date
        self.date_lines.append(line)
        if date is not None:
            self.line_dates.append((line, date))

    def prefer_date_under_headline(self) -> None:
        """A date bar over the headline is the site's (the day the page was saved, its last
        update) when the story states its own date under the headline, by the byline."""
        under = [date for line, date in self.line_dates
                 if self.title_line is not None and line > self.title_line]
        if under:
            self.date = under[0]

    def add_authors(self, names: list[str], line: int | None) -> None:
        new = [n for n in names if n not in self.authors]
        self.authors.extend(new)
        if line is not None and line not in self.byline_lines:
            self.byline_lines.append(line)
            self.dropped.add(line)


def title_and_site(text: str) -> tuple[str, str | None]:
    """"Headline | Site Name" -> ("Headline", "Site Name"); "Opinion | Headline" -> headline."""
    pieces = [p.strip() for p in re.split(r"\s+\|\s+", text)]
    if len(pieces) == 1:
        return text, None
    if folded(pieces[0]) in shapes().kickers or is_section_label(pieces[0]):
        return " | ".join(pieces[1:]), None
    site = pieces[-1]
    if len(pieces) == 2 and len(site.split()) <= 5 and \
            (site[:1].isupper() or language.is_rtl_text(site)) and len(pieces[0].split()) >= 3:
        return pieces[0], site
    return text, None


def strip_kicker(text: str) -> str:
    """"Breaking: Headline" -> "Headline" (the kicker is printed, not part of the title)."""
    match = re.match(r"^([^:|–—]{2,25}?)\s*[:|–—]\s+(\S.*)$", text)
    if match and folded(match[1]) in shapes().kickers:
        return match[2]
    return text


def read_head(lines: Sequence[LineLike], rtl: bool) -> Head:
    """Headline, date, byline and publisher from the lines before the body (and the few body
    lines that carry them: a dateline's agency, a credit line at the foot)."""
    end = head_end(lines)
    head = Head(body_start=end)
    # a photo credit after a bar is no part of the line ("Jane Roe | Photo: Ali Hassan")
    texts = [PHOTO_TAIL.sub("", line.clean) for line in lines]
    order = numeric_order(texts[:end + 3]) or time_zone_order(texts[:end + 3]) or \
        ("DMY" if rtl else None)
    head.dropped.update(p for p, line in enumerate(lines[:end])
                        if is_menu_line(line.text) and byline(line.clean) is None
                        and metadata_row(line.clean, order) is None)
    candidates: list[int] = []
    for position in range(end):
        read_head_line(head, texts, position, order, candidates)
    choose_title(head, texts[:HEAD_MAX_LINES], candidates, end)
    if not head.authors:
        name_over_date(head, texts)
    head.publisher = head.publisher or name_of_domain(texts[:end])
    head.prefer_date_under_headline()
    read_body_metadata(head, texts, end, order)
    if head.title is None:
        head.title = headline_before_byline(head, texts, end) or (
            flattened_page_title(texts[0], order) if end == 0 and texts else None)
    if head.title is None and end == 0 and (title := headline_under_lead(texts)) is not None:
        head.title, head.title_line = title, 1
        head.dropped.add(1)
    if head.title is None and (over := two_sentence_headline(head, texts, end)) is not None:
        head.title, head.title_line = strip_kicker(texts[over]), over
        head.dropped.add(over)
    head.publisher = head.publisher or header_outlet(texts, head) or head.credit_outlet
    return head


def header_outlet(texts: list[str], head: Head) -> str | None:
    """The site's name over the headline: the first line there shaped as an outlet's name
    ("Harbour Tribune", "The Millbrook Courier"), not a menu, label or section."""
    for position in range(head.title_line or 0):
        text = texts[position].strip()
        if position in head.byline_lines or is_label_shaped(text) or is_ui_label(text) or \
                is_section_label(text) or is_chrome(text):
            continue
        if len(text.split()) <= NAME_MAX_WORDS and is_outlet(text):
            return text
    return None


def read_head_line(head: Head, texts: list[str], position: int, order: str | None,
                   candidates: list[int]) -> None:
    text = texts[position]
    if position in head.dropped:
        return
    if (publisher := logo_publisher(text)) is not None:
        head.publisher = head.publisher or publisher
        head.dropped.add(position)
    elif is_chrome(text):
        head.dropped.add(position)
        if (welcome := WELCOME.match(text)) is not None:
            head.publisher = head.publisher or welcome[1]
        head.credit_outlet = head.credit_outlet or own_photo_credit(text)
    elif is_caption(text):
        return
    elif (row := metadata_row(text, order)) is not None:
        names, outlet, row_date = row
        head.add_date(row_date, position)
        head.add_authors(names, position)
        head.publisher = head.publisher or outlet
    elif (date := date_in_line(text, order)) is not None and is_date_line(text, order):
        head.add_date(date, position)
        head.dropped.add(position)
        dated = next((piece_byline for piece in DASH_SPLIT.split(without_dates(text, order))
                      if (piece_byline := byline(piece)) is not None), None)
        if dated is not None:  # "By X, 3 May 2024", "Published 3 May 2024 | By X"
            head.add_authors(dated[0], position)
    elif (agency := dateline_agency(text) or rtl_dateline_outlet(text)) is not None and \
            len(text.split()) <= DATELINE_MAX_WORDS:  # a dateline on a line of its own
        head.publisher = head.publisher or agency
        head.dropped.add(position)
    elif (found := head_byline(texts, position)) is not None:
        names, outlet, lines_used = found
        for used in lines_used:
            head.add_authors(names, used)
        head.publisher = head.publisher or outlet
    elif (source := SOURCE_LINE.match(text)) is not None:
        if is_outlet(source[1].strip()) or source[1].strip().casefold() in shapes().agencies:
            head.publisher = head.publisher or source[1].strip()
        head.dropped.add(position)
    elif (site := latin_site_name(text)) is not None:
        head.publisher = head.publisher or site
        head.dropped.add(position)
    elif is_headline_shaped(text):
        candidates.append(position)


def metadata_row(text: str, order: str | None) -> tuple[list[str], str | None, str] | None:
    """Byline, outlet and dates on one row: "Jane Roe · Harbour News · Posted: Jun 03, 2024
    4:00 AM EDT | Last Updated: June 3, 2024". The names, the outlet, the first date."""
    if date_in_line(text, order) is None:
        return None  # most head lines: no date, no row (this runs on every one)
    pieces = [part for p in ROW_SPLIT.split(text) if p.strip()
              for part in byline_then_date(p, order)]
    dated = [p for p in pieces if date_in_line(p, order) is not None and is_date_line(p, order)]
    rest = [p for p in pieces if p not in dated]
    if not dated or not rest or (found := byline(" | ".join(rest))) is None or not found[0]:
        return None
    date = date_in_line(dated[0], order)
    return (found[0], found[1], date) if date is not None else None


def byline_then_date(piece: str, order: str | None) -> list[str]:
    """"Posted by Jane Roe on 3 November 2008 in Travel" -> the byline and the date: a blog's
    line, its categories after the date."""
    found = find_dates(piece, order)
    if not found or byline_cue(piece) is None:
        return [piece]
    before = piece[:found[0].start]
    if (joint := BYLINE_DATE_JOINT.search(before)) is None:
        return [piece]
    return [before[:joint.start()], piece[found[0].start:found[0].end]]


def latin_site_name(text: str) -> str | None:
    """An Arabic or Hebrew site's header line that also prints its Latin name ("وكالة ... -
    Name News || ..."): the outlet, and the line is not a headline."""
    if not language.is_rtl_text(text):
        return None
    parts = [p.strip() for p in re.split(r"\s+[-–—]+\s+|\s*\|\|?\s*", text) if p.strip()]
    return next((p for p in parts[1:] if not language.is_rtl_text(p) and is_outlet(p)), None)


def head_byline(texts: list[str], position: int) -> tuple[list[str], str | None, list[int]] | \
        None:
    """A byline on this line, or a lone "By" whose names are on the next line."""
    text = texts[position]
    if folded(text) in shapes().byline_cues and position + 1 < len(texts):
        found = byline(f"{text} {texts[position + 1]}")
        return (found[0], found[1], [position, position + 1]) if found else None
    if (found := byline(text)) is not None:
        role = position + 1 < len(texts) and is_role_line(texts, position + 1)
        return found[0], found[1], [position, position + 1] if role else [position]
    if (contributor := byline_for_outlet(text)) is not None:
        return contributor[0], contributor[1], [position]
    if (names := rtl_city_byline(text)) is not None:
        return names, None, [position]
    if (reporter := rtl_dateline_from(text)) is not None:
        return [reporter[0]], reporter[1], [position]
    if position + 1 < len(texts) and is_name_over_role(text, texts[position + 1]):
        return [text.strip()], None, [position, position + 1]
    return None


def is_name_over_role(text: str, following: str) -> bool:
    """"Yael Berger" over "Legal Correspondent" ("יעל ברגר" over "כתבת משפט"): a bylined name
    on its own line, its job on the next."""
    return 2 <= len(text.split()) <= 3 and is_person_name(text.strip()) and \
        text.split()[0].casefold() not in STOP_WORDS and \
        not is_outlet(text) and is_job_title(following) and \
        len(following.split()) <= ROLE_LINE_MAX_WORDS and byline(following) is None


def choose_title(head: Head, texts: list[str], candidates: list[int], end: int) -> None:
    """The headline among the head's headline-shaped lines: one the page prints twice (above
    and below the photo) or marks with a glued label if there is one, else the one right over
    the byline, date or body. Lines that repeat an author's name or the headline are
    dropped."""
    keys = [folded(html.unescape(text)) for text in texts]
    not_headlines = wrapped_lines(texts) | glued_captions(texts) | \
        site_name_lines(texts, keys) | ticker_lines(texts)
    usable = [p for p in candidates if p not in head.dropped and not is_section_label(texts[p])
              and lone_names(texts[p]) is None and p not in not_headlines]
    # A one-word line is a site or section name far more often than a headline.
    usable = [p for p in usable if len(texts[p].split()) >= 2] or usable
    # Printed twice in the head (above and below the photo): a tag or section name printed
    # again among the links at the foot is no headline.
    counts = Counter(keys[:end + 1])
    # A caption is printed twice as often as a headline, but ends with its credit or date.
    repeated = [p for p in usable if counts[keys[p]] > 1 and not texts[p].endswith(")")
                and len(texts[p].split()) >= REPEATED_MIN_WORDS]
    marked = [p for p in usable if after_glued_kicker(texts[p]) is not None]
    chosen = next(iter(repeated or marked), None)
    if chosen is None:
        chosen = headline_over_metadata(head, texts, usable, candidates, end)
    if chosen is not None:
        title, site = title_and_site(html.unescape(texts[chosen]))
        title = after_glued_kicker(title) or strip_glued_label(strip_kicker(title))
        head.title, head.title_line = title, chosen
        head.publisher = head.publisher or site
        head.dropped.add(chosen)
    title_key = keys[chosen] if chosen is not None else None
    author_keys = {folded(a) for a in head.authors}
    for position in candidates:
        key = keys[position]
        if position == chosen:
            continue
        if key == title_key or key.strip(",") in author_keys:
            head.dropped.add(position)  # the headline or a byline printed again
        elif not head.authors and (names := lone_names(texts[position])) and \
                (chosen is None or position > chosen) and \
                not any(fold(name) in fold(head.title or "") for name in names):
            head.add_authors(names, position)  # a name the headline holds is its subject


def headline_over_metadata(head: Head, texts: list[str], usable: list[int],
                           candidates: list[int], end: int) -> int | None:
    """The headline sits right over the story's byline or date, or over its body when the
    page prints neither there (menus, notices and labels sit higher up): the usable line
    nearest above the first of them that has one, past a standfirst under the headline."""
    # A lone name under no headline-long line is a menu item ("Asia Pacific"), not a byline.
    named = [p for p in candidates if lone_names(texts[p]) is not None and
             any(len(texts[q].split()) >= HEADLINE_MIN_WORDS for q in usable if q < p)]
    for anchor in [*sorted({*head.byline_lines, *head.date_lines, *named}), end]:
        above = [p for p in usable if p < anchor and not is_role_line(texts, p)
                 and not is_label_shaped(texts[p]) and not starts_lowercase_word(texts[p])]
        if above:
            return past_standfirst(texts, above)
    return None


def is_role_line(texts: list[str], position: int) -> bool:
    """"Court Reporter" under a bylined name: the name's job, not a headline."""
    return position > 0 and is_job_title(texts[position]) and \
        len(texts[position].split()) <= HEADLINE_MAX_WORDS // 2 and \
        (is_lone_byline(texts[position - 1]) or byline(texts[position - 1]) is not None)


PHOTO_TAIL = re.compile(r"\s+\|\s*(?:photos?|photograph|צילום|צילומים|تصوير)\s*:.*$", re.I)
RTL_DOUBLE_DOT = re.compile(r"(?<!\.)\.\.(?!\.)")


def headline_parts(text: str) -> list[tuple[str, int]]:
    """The sentences of a head line; in Arabic and Hebrew two dots join a headline's parts as a
    colon does ("بعد عامين من الترميم.. مسجد ..."), they end no sentence."""
    return sentences(RTL_DOUBLE_DOT.sub(": ", text) if language.is_rtl_text(text) else text)


def is_lone_headline(text: str) -> bool:
    """One headline on its line: no label, no menu row or bar, no run of sentences (a
    paywall's "Log in to read on. Subscribers? Sign in")."""
    return not is_label_shaped(text) and "|" not in text and len(headline_parts(text)) == 1


def past_standfirst(texts: list[str], above: list[int]) -> int:
    """The headline over the byline, date or body: the nearest line, or the line right over
    it while that one is no label and the nearest reads as its standfirst (a kicker or
    label, the headline and its standfirst each sit on a line of their own) or is a few
    words under it (a credit, "Associated Press", or the site's name). A label is
    shaped as one (breadcrumb marks, capitals) or is a few words over a line at least twice
    as long, except a magazine's short title-case headline over its sentence-case dek ("The
    Long Wait" over "Envoys say the talks could drag on")."""
    chosen = above[-1]
    if chosen - 1 in above and len(texts[chosen].split()) <= LABEL_MAX_WORDS and \
            len(texts[chosen - 1].split()) >= max(HEADLINE_MIN_WORDS,
                                                  2 * len(texts[chosen].split())):
        chosen -= 1  # a credit, outlet or section name under the headline
    for _ in range(HEADLINE_BLOCK_LINES - 1):
        upper = chosen - 1
        # a section label between the headline and its longer standfirst ("WEATHER")
        label_between = upper not in above and upper - 1 in above and upper > 0 and \
            (is_section_label(texts[upper]) or is_label_shaped(texts[upper])) and \
            len(texts[chosen].split()) > len(texts[upper - 1].split()) >= HEADLINE_MIN_WORDS and \
            is_lone_headline(texts[upper - 1])
        upper -= label_between
        if upper not in above:
            break
        text, below = texts[upper], texts[chosen]
        words, below_words = len(text.split()), len(below.split())
        sentence_like = len(headline_parts(below)) > 1 or (
            SENTENCE_END.search(below) is not None and not below.endswith(WHOLE_LINE_ENDS))
        if below_words < HEADLINE_MIN_WORDS:
            break  # a standfirst is never this short
        if words <= LABEL_MAX_WORDS and below_words >= 2 * words and not sentence_like:
            # ... not one item of a menu printed one item per line ("Top Scorers", "All Teams")
            # (and not a headline that has a standfirst of its own under it)
            own_dek = chosen + 1 < len(texts) and chosen + 1 not in above and \
                len(texts[chosen + 1].split()) >= HEADLINE_MIN_WORDS and \
                byline(texts[chosen + 1]) is None
            magazine = chosen == above[-1] and not own_dek and not language.is_rtl_text(text) and \
                words >= 2 and in_headline_case(text) and not in_headline_case(below) and \
                not is_ui_label(text) and \
                not (upper - 1 in above and len(texts[upper - 1].split()) <= LABEL_MAX_WORDS)
            if not magazine:
                break  # a label over the headline: "Morning Briefing", "More from X"
        chosen = upper
    return chosen


def wrapped_lines(texts: list[str]) -> set[int]:
    """Lines of one sentence the page wrapped ("Blog dedicated to news of the border" over "and
    the towns on both sides"): a Latin headline starts with a capital, a digit or a quote
    mark, so a line starting in lower case, and the line it continues, are not headlines."""
    wrapped: set[int] = set()
    for position, text in enumerate(texts[1:], start=1):
        if starts_lowercase_latin(text) and is_continuation(text) and \
                not texts[position - 1].endswith(WHOLE_LINE_ENDS):
            wrapped.update((position - 1, position))
    return wrapped


def is_continuation(text: str) -> bool:
    """Lower-case words that go on with a sentence, not a label ("cap:"), a byline's cue
    ("by Jane Roe"), a widget or a date line ("updated 3 hours ago", "posted on 3 May")."""
    return len(text.split()) >= WRAPPED_MIN_WORDS and not text.split()[0].endswith(":") and \
        not is_chrome(text) and byline_cue(text) is None and date_in_line(text) is None and \
        not any(w.casefold() in shapes().date_line_words for w in text.split()[:2])


def ticker_lines(texts: list[str]) -> set[int]:
    """A breaking-news ticker above the article ("Breaking: ..." or "عاجل | ..." lines, then
    the section's name over the headline): the kicker-led lines before a section label are
    other stories, not this page's headline. A kicker-led line with no section after it is
    the headline ("Breaking: Talks resume")."""
    tickers: set[int] = set()
    for position, text in enumerate(texts):
        if strip_kicker(text) != text and any(
                is_section_label(later) for later in
                texts[position + 1:position + 2 + LABEL_LOOKAHEAD_LINES]):
            tickers.add(position)
    return tickers


def glued_captions(texts: list[str]) -> set[int]:
    """A photo's text printed twice, the second time with its credit glued on ("Rescue teams
    at the site" then "Rescue teams at the siteAgency Photo"): the image's alternative text
    and its caption, neither of them the headline."""
    glued: set[int] = set()
    for position, (text, following) in enumerate(pairwise(texts)):
        rest = following[len(text):]
        if following.startswith(text) and rest[:1].isalnum() and \
                len(rest.split()) <= GLUED_CREDIT_MAX_WORDS:
            glued.update((position, position + 1))
    return glued


def site_name_lines(texts: list[str], keys: list[str]) -> set[int]:
    """A line that starts with a short name the page prints more than once on a line of its
    own (a logo's text, the header), then goes on ("Harbour" twice above "Harbour the city's
    first news site - around the clock"): the site's name and its tagline, not a headline. A
    tag or section printed once ("Gaza" over "Gaza ceasefire holds") does not count."""
    seen: Counter[str] = Counter()
    names: set[str] = set()  # printed alone twice so far
    found: set[int] = set()
    for position, (text, key) in enumerate(zip(texts, keys, strict=True)):
        if names and any(key.startswith(name + " ") for name in names):
            found.add(position)
        if len(key.split()) <= REPEATED_NAME_MAX_WORDS and not is_ui_label(text) and \
                key not in shapes().kickers and not is_section_label(text):
            seen[key] += 1
            if seen[key] == 2:
                names.add(key)
    return found


def after_glued_kicker(text: str) -> str | None:
    """"خبر أمن السلطة يحبط عملية ...": the headline after a label run into it, or None."""
    label, _, rest = text.strip().partition(" ")
    return rest if folded(label) in shapes().glued_kickers and \
        len(rest.split()) >= HEADLINE_MIN_WORDS - 1 else None


def strip_glued_label(title: str) -> str:
    """A section or tag label run into a title-case headline ("Energy prices Oil Firms Brace
    For A Long Winter"): a title-case headline capitalises every long word, so a first few
    words, capitalised at the start and ending in a lower-case word (not "of", "to", ...),
    are a label printed before it. The rest must show title case in a small word too ("For",
    "Into"): a run of names after a verb ("Biden hosts Saudi Crown Prince Mohammed Bin
    Salman") is sentence case."""
    words = title.split()
    if language.is_rtl_text(title) or len(words) < HEADLINE_MIN_WORDS or \
            not words[0][:1].isupper():
        return title
    for cut in range(1, GLUED_LABEL_MAX_WORDS + 1):
        last = words[cut - 1].strip(QUOTES + ",:")
        rest = words[cut:]
        if last[:1].islower() and last.casefold() not in STOP_WORDS and \
                len(rest) >= HEADLINE_MIN_WORDS - 1 and rest[0][:1].isupper() and \
                in_headline_case(" ".join(rest)) and capitalised_small_word(rest[1:]):
            return " ".join(rest)
    return title


def capitalised_small_word(words: list[str]) -> bool:
    """A word such as "For", "Into", "Via" capitalised: title case, not names."""
    return any(len(w) >= 3 and w[0].isupper() and w.casefold() in STOP_WORDS for w in words)


def in_headline_case(text: str) -> bool:
    """Every word of four letters or more capitalised, and not all in capitals: how a page
    sets a short headline and not its dek. (extract/shapes.is_title_case asks something else
    of a whole headline: whether its capitals say anything about names, capitals included.)"""
    words = [w.strip(QUOTES + "(),:;") for w in text.split()]
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and not text.isupper() and all(w[0].isupper() for w in long_words)


def headline_before_byline(head: Head, texts: list[str], end: int) -> str | None:
    """A byline right under the body's first line makes that line the headline run together
    with its standfirst ("Headline of the story. A dek that says more, in a sentence or
    two"): its first sentence, when it is headline-shaped, is the title. The line stays in the
    body, so nothing it says is lost."""
    parts = sentences(texts[end]) if end + 1 in head.byline_lines else []
    if len(parts) < 2:  # a lone sentence over a byline is a standfirst
        return None
    first = parts[0][0].strip()
    title = first[:-1] if first.endswith(".") and not ABBREVIATION_END.search(first) else first
    return title if len(title.split()) >= HEADLINE_MIN_WORDS and is_headline_shaped(title) \
        else None


DOMAIN_LINE = re.compile(r"^(?:www\.)?([a-z0-9-]+)\.[a-z]{2,}(?:\.[a-z]{2})?$", re.I)


def name_of_domain(texts: list[str]) -> str | None:
    """"techpulse.asia" over "TechPulse Asia": the site's name the header spells as its
    domain ("The Lakeshore Ledger" for "lakeshoreledger.com" too)."""
    # the name without its top-level domain, or with it ("TechPulse Asia")
    domains = {form.casefold().replace("-", "").replace(".", "") for text in texts
               if (match := DOMAIN_LINE.match(text.strip()))
               for form in (match[1], match[0].removeprefix("www."))}
    for text in texts if domains else []:
        if DOMAIN_LINE.match(text.strip()):
            continue
        squashed = "".join(ch for ch in text.casefold() if ch.isalnum())
        if squashed in domains or squashed.removeprefix("the") in domains:
            return text.strip()
    return None


CAPITALISED_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$")


def name_over_date(head: Head, texts: list[str]) -> None:
    """Two or three capitalised words on their own line between the headline and the date
    under it ("Thabo Mokoena" over "22 June 2017 | 16:05"): the byline, given names no list
    holds included."""
    for date_line in head.date_lines:
        over = date_line - 1
        if head.title_line is None or over <= head.title_line or over in head.dropped:
            continue
        text = texts[over].strip()
        words = text.split()
        if 2 <= len(words) <= 3 and all(CAPITALISED_WORD.match(w) for w in words) and \
                not any(w.lower() in STOP_WORDS for w in words) and not is_outlet(text) and \
                not is_section_label(text) and not is_job_title(text) and \
                not is_ui_label(text) and text not in english_place_names():
            head.add_authors([text], over)  # ("New York" over the date is where, not who)
            return


def two_sentence_headline(head: Head, texts: list[str], end: int) -> int | None:
    """A headline of two short sentences right over the byline ("Opinion: Four-day weeks save
    money. They cost kids more."), when no line above reads as the headline: its line."""
    for byline_line in sorted(head.byline_lines):
        over = byline_line - 1
        if over < 0 or over >= end or over in head.dropped:
            continue
        text = texts[over]
        if len(headline_parts(text)) == 2 and \
                HEADLINE_MIN_WORDS <= len(text.split()) <= HEADLINE_MAX_WORDS and \
                not is_label_shaped(text) and not starts_lowercase_word(text):
            return over
    return None


def headline_under_lead(texts: list[str]) -> str | None:
    """A page saved from its lead paragraph, the headline printed under it: a headline-shaped
    second line most of whose words the lead has already said (related headlines further
    down share few)."""
    if len(texts) < 2 or not is_headline_shaped(texts[1]) or \
            not HEADLINE_MIN_WORDS <= len(texts[1].split()) <= HEADLINE_MAX_WORDS:
        return None
    lead = {stem for word in content_words(texts[0]) for stem in word_stems(word)}
    words = content_words(texts[1])
    said = [w for w in words if any(stem in lead for stem in word_stems(w))]
    return texts[1].strip() if words and len(said) >= LEAD_SHARED_SHARE * len(words) else None


def content_words(text: str) -> list[str]:
    """The words of a line long enough to carry meaning, without punctuation, folded."""
    words = (w.strip(QUOTES + ".,:;!?()[]–—-").casefold() for w in text.split())
    return [w for w in words if len(w) >= CONTENT_WORD_MIN_CHARS]


def word_stems(word: str) -> set[str]:
    """The word, and the word without one letter Arabic or Hebrew attach in front ("בסמוך" is
    "סמוך", "والجيش" is "الجيش") or without the article ال."""
    stems = {word}
    if len(word) > CONTENT_WORD_MIN_CHARS and word[0] in ATTACHED_LETTERS:
        stems.add(word[1:])
    stems.update(s[2:] for s in list(stems) if s.startswith("ال") and len(s) > 4)
    return stems


def flattened_page_title(text: str, order: str | None) -> str | None:
    """The headline of a page saved as one line, head and body run together: after the run
    of widget labels its head starts with ("Share Copy URL Email Facebook Twitter"), before
    the section and date printed under it ("Politics Mar 17, 2005"). Only a title-case
    headline is taken: in sentence case nothing shows where the labels' words end."""
    start = text[:FLATTENED_HEAD_CHARS]
    dates = find_dates(start, order)
    if not dates or language.is_rtl_text(start):
        return None
    words = start[:dates[0].start].split()
    labels, begin = labels_at_start(words)
    if labels < FLATTENED_MIN_LABELS:
        return None  # no widget run: where the head begins cannot be told
    title = words[begin:]
    while title and folded(title[-1]) in shapes().section_words:
        title.pop()  # the section printed between the headline and its date
    headline = " ".join(title)
    return headline if HEADLINE_MIN_WORDS <= len(title) <= HEADLINE_MAX_WORDS and \
        is_headline_shaped(headline) and in_headline_case(headline) else None


def labels_at_start(words: list[str]) -> tuple[int, int]:
    """How many widget labels (one to four words each, or a bare URL) the first run of them
    in `words` holds, and the index of the word after its last label. A few other words may
    sit between labels ("Share on Facebook"); more end the run, so a label's word in the
    headline ("Watch", "Home") is not taken for one."""
    count, after, position = 0, 0, 0
    while position < len(words):
        size = next((n for n in range(LABEL_MAX_WORDS, 0, -1)
                     if is_ui_label(" ".join(words[position:position + n]))), 0)
        if size == 0 and URL.match(words[position]):
            size = 1
        if size:
            count, after = count + 1, position + size
        elif count and position - after >= LABEL_RUN_GAP_WORDS:
            break
        position += size or 1
    return count, after


def flattened_page_byline(text: str) -> tuple[list[str], str | None] | None:
    """The byline a page saved as one line starts with, before its first widget label ("By —
    Jane Roe Jane Roe Leave your feedback Share"): the name is often printed twice, as a
    link and as its text."""
    words = text[:FLATTENED_HEAD_CHARS].split()
    first_label = next((i for i in range(len(words)) if any(
        is_ui_label(" ".join(words[i:i + n])) for n in range(1, LABEL_MAX_WORDS + 1))), 0)
    lead = words[:first_label]
    if not lead or byline_cue(lead[0]) is None:
        return None
    names = [w for w in lead[1:] if w not in "—–-:"]
    half = len(names) // 2
    if names and len(names) % 2 == 0 and names[:half] == names[half:]:
        names = names[:half]
    return byline(" ".join([lead[0], *names])) if names else None


def flattened_page_date(text: str, order: str | None) -> str | None:
    """The date of a page saved as one long line, head and body run together: near its start,
    a date after a "Published" cue or right before a clock time ("Jun 3, 2011 9:40 AM")."""
    start = text[:FLATTENED_HEAD_CHARS]
    for found in find_dates(start, order):
        if found.published or CLOCK_TIME.match(start, found.end + 1) or \
                CLOCK_TIME.match(start, found.end + 2):
            return found.date
    return None


def foot_publication_dates(text: str, order: str | None) -> list[Found]:
    """"First published on 11 September 2024", "This story was originally published July 19,
    2022.": the dates a foot line gives as the story's own."""
    if folded(text).startswith(shapes().foot_date_leads):
        return find_dates(text, order)
    return [f for f in find_dates(text, order) if f.published] \
        if is_date_line(text, order) else []


def read_body_metadata(head: Head, texts: list[str], end: int, order: str | None) -> None:
    """What the first body lines and the foot state: a dateline's agency, "X reports from",
    credit lines, a footer or copyright line naming the outlet."""
    if end == 0 and texts:  # no head of its own: saved as one line?
        head.date = head.date or flattened_page_date(texts[0], order)
        if not head.authors and (credit := flattened_page_byline(texts[0])) is not None:
            head.add_authors(credit[0], None)
            head.publisher = head.publisher or credit[1]
    for position in range(end, min(end + BODY_METADATA_LINES, len(texts))):
        text = texts[position]
        head.publisher = head.publisher or dateline_agency(text) or rtl_dateline_outlet(text)
        if not head.authors and (reporter := rtl_dateline_author(text)) is not None:
            head.add_authors([reporter], None)
        if not head.authors and (match := REPORTS_FROM.search(text)) and \
                split_names(match[1]):
            head.add_authors([match[1]], None)
        if len(text.split()) > NAME_MAX_WORDS * 3:
            continue  # a paragraph; bylines and date lines under a standfirst are short
        if (found := head_byline(texts, position)) is not None:
            names, outlet, lines_used = found
            for used in lines_used:
                head.add_authors(names, used)
            head.publisher = head.publisher or outlet
        elif not head.authors and (lone := lone_names(text)):  # names under the standfirst
            head.add_authors(lone, position)
        elif head.date is None and (date := date_in_line(text, order)) is not None and \
                is_date_line(text, order) and not SENTENCE_END.search(text):
            head.date = date
            head.dropped.add(position)
    for position in range(max(end, len(texts) - 6), len(texts)):
        text = texts[position]
        if (names := credit_authors(text)) and not head.authors:
            head.add_authors(names, position)
        if head.publisher is None and (match := COPYRIGHT_OWNER.match(text)):
            head.publisher = without_company(match[1].strip())
        if head.publisher is None and (owner := rtl_copyright_owner(text)) is not None:
            head.publisher = owner
        if head.date is None and len(text.split()) <= FOOT_DATE_MAX_WORDS and \
                (published := foot_publication_dates(text, order)):
            head.date = published[0].date  # "First published on 11 September 2024" at the foot
            head.dropped.add(position)
    if len(texts) > 1:
        read_sign_off(head, texts[-1], len(texts) - 1)


def rtl_copyright_owner(text: str) -> str | None:
    """The owner an Arabic or Hebrew copyright line names ("© זמן אמת 2019", "جميع الحقوق محفوظة
    لصحيفة الغد")."""
    match = RTL_COPYRIGHT_OWNER.search(text)
    owner = next((group for group in match.groups() if group), None) if match else None
    if owner is None or owner.split()[0] in RTL_RIGHTS_WORDS:
        return None
    return without_company(owner.strip())


def read_sign_off(head: Head, last: str, position: int) -> None:
    """Arabic copy ends with its source in brackets: one word is the outlet or agency
    ("(رويترز)"), two or three a reporter's name."""
    if not (last.startswith("(") and last.endswith(")") and language.is_rtl_text(last)):
        return
    name = last.strip("() ")
    words = len(name.split())
    if folded(name) in shapes().generic_credits:
        head.dropped.add(position)  # "(وكالات)": wire services, none named
    elif words == 1 or name.casefold() in shapes().agencies:
        head.publisher = head.publisher or name
        head.dropped.add(position)
    elif not head.authors and 2 <= words <= 3:
        head.add_authors([name], position)
