"""From decoded text to Articles: segmentation, page chrome, headline, date, publisher, language.

Scraped pages put everything on its own line, so the unit here is the line: each line is
classified (chrome, metadata, caption, headline, heading, text) by rules about its shape that
hold across outlets, never by the wording of one seed. Whatever is removed is kept in
`Article.removed` with its offset: the outlet stage finds the site's own name there.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from . import bylines, head, language, line_shapes
from .dates import date_in_line, stated_date
from .model import Article, Paragraph, Problem, Removed, Source
from .sentences import sentences

DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},\s+([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\s*"
                      r"(?:\([A-Za-z .]+\))?\s*[-—–]")
FOOTER_PUBLISHER = re.compile(r"^\s*[•·|◆▪■]\s*([A-Z][^•·|]{1,60}?)\s*$")
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b|all rights reserved)", re.I)
HEBREW_SEAM = re.compile(r"[ךםןףץ](?=[א-ת])")
# A page saved as one line by a tool that joins the page's elements with wide spaces ("Home
# News  Sport  Headline here  By Jane Roe  12 May 2019  Share"): the wide gaps are the seams.
# Typed text has wide gaps too, but after sentence ends ("end.  Next"); a flattened page has
# most of its gaps between words that end no sentence (menu items, the headline, the byline).
WIDE_GAP = re.compile(r"(?<=\S)[ \t\u00a0]{2,}(?=\S)")
FLATTENED_MIN_CHARS = 300  # a menu row with wide gaps is shorter
FLATTENED_MIN_GAPS = 8
FLATTENED_MID_SENTENCE_SHARE = 0.3
SENTENCE_END_MARKS = ".!?…\"”’»:)"
SEPARATOR = re.compile(r"^\s*(?:[-=*_~#─━═—–]\s*){3,}$|\f")  # "-----", "───", a form feed
# An outlet's name: up to five capitalised words. Cues that come before the name are found by
# scanning forward; cues that come after it ("... has learned") are found first, and the name
# is then looked for just before them: scanning forward for "a name, then a cue" would try a
# name at every capital letter of the article. Only cues a page uses of itself count: "told X"
# ("sources told The Tower"), "X has learned", "in an interview with X"; never "to X", which
# is as often a place ("flights to Tel Aviv").
OUTLET = r"[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,4}"
TOLD_TO = re.compile(rf"\b(?:tells?|told|in an interview with)\s+((?:The\s+)?{OUTLET})")
SOURCES_BEFORE = re.compile(r"\bsources?\b[^.]*$", re.I)
HAS_LEARNED = re.compile(r"\s+has (?:learned|obtained)\b")
ACCORDING_TO = re.compile(rf"\baccording to\s+(?:the\s+)?((?:The\s+)?{OUTLET})")
WROTE = re.compile(r"\s+(?:wrote|said|reports?)\b")
OUTLET_BEFORE = {"The": re.compile(rf"\b((?:The\s+)?{OUTLET})$"),
                 "the": re.compile(rf"\b((?:the\s+)?{OUTLET})$")}
LONGEST_OUTLET = 160  # characters looked at before a cue
NOT_OUTLETS = frozenset({"He", "She", "They", "It", "We", "I", "Reuters"})

HEADING_MAX_WORDS = 8
SITE_HEADER_MAX_WORDS = 10  # site names, taglines and menu labels are shorter than headlines
SITE_HEADER_LINES = 12  # where a site's header ends, a cookie notice and skip links included
SITE_NAME_MAX_WORDS = 5
SECTION_MAX_WORDS = 3  # "Local News", "Dispatches / Region"
TAGLINE_MAX_WORDS = 14
MENU_ITEM_WORDS = 2  # a menu printed one item per line: "Wild camping"
RTL_SITE_NAME_MAX_WORDS = 3  # "جريدة المرفأ", "זמן צפון"; a banner is longer
MIN_ARTICLE_WORDS = 40
SEPARATED_MIN_BODY_WORDS = 20  # after a separator line: less is the foot of the one before


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int
    gap_before: int  # blank lines before this one

    @cached_property  # asked of every line by the head reader and again by the classifier
    def clean(self) -> str:
        return " ".join(self.text.split())


def split_lines(text: str) -> list[Line]:
    lines, gap, offset = [], 0, 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            gap += 1
        else:
            start = offset + len(raw) - len(raw.lstrip())
            for piece_start, piece in unglued(stripped):
                lines.append(Line(piece, start + piece_start, start + piece_start + len(piece),
                                  gap))
                gap = 0
        offset += len(raw) + 1
    return lines


def unglued(line: str) -> list[tuple[int, str]]:
    """(offset, text) of the pieces of a line that a saving tool glued together, where the
    text itself shows the seam: a Hebrew final letter (ך ם ן ף ץ) ends a word, so one with a
    Hebrew letter right after it is the end of one element ("...בדרום לבנון") run into the
    next ("ושוב ..."); a long line whose elements are joined by wide gaps is cut at every
    gap (`WIDE_GAP`). Other lines are left whole."""
    pieces = []
    for start, end in wide_gap_pieces(line):
        part = line[start:end]
        cuts = [0] + [m.end() for m in HEBREW_SEAM.finditer(part)] + [len(part)]
        pieces += [(start + a, part[a:b]) for a, b in pairwise(cuts)]  # seams between letters
    return pieces


def wide_gap_pieces(line: str) -> list[tuple[int, int]]:
    """(start, end) of the elements of a line saved with wide gaps between them, or the whole
    line when it is not one (short, few gaps, or gaps only after sentence ends)."""
    whole = [(0, len(line))]
    if len(line) < FLATTENED_MIN_CHARS:
        return whole
    gaps = list(WIDE_GAP.finditer(line))
    mid_sentence = sum(line[gap.start() - 1] not in SENTENCE_END_MARKS for gap in gaps)
    if len(gaps) < FLATTENED_MIN_GAPS or mid_sentence < FLATTENED_MID_SENTENCE_SHARE * len(gaps):
        return whole
    bounds = [0] + [edge for gap in gaps for edge in (gap.start(), gap.end())] + [len(line)]
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def parse_source(source: Source) -> tuple[list[Article], list[Problem]]:
    """Articles in one file (ids not yet unique: see `assign_ids`)."""
    assert source.text is not None
    articles, problems = [], []
    for index, segment in enumerate(segment_lines(split_lines(source.text))):
        article = parse_article(segment, source, index)
        if article.paragraphs:
            articles.append(article)
        else:
            problems.append(Problem(source.file, f"article {index} has no body text after "
                                                 "removing page chrome; kept with an empty body"))
            articles.append(article)
    return articles, problems


# --- segmentation ---------------------------------------------------------------------------

def segment_lines(lines: list[Line]) -> list[list[Line]]:
    """Split a file into articles at explicit separators or at unusually wide gaps that are
    followed by a headline-shaped line and a real article on both sides."""
    chunks: list[list[Line]] = [[]]
    for line in lines:
        if SEPARATOR.match(line.text):
            chunks.append([])
        else:
            chunks[-1].append(line)
    segments: list[list[Line]] = []
    for chunk in chunks:
        if segments and body_words(chunk) < SEPARATED_MIN_BODY_WORDS:
            segments[-1].extend(chunk)  # "###" or "___" before a press release's or agency's foot
        else:
            segments.extend(split_at_wide_gaps(chunk))
    return [segment for segment in segments if segment] or [[]]


def split_at_wide_gaps(lines: list[Line]) -> list[list[Line]]:
    gaps = [line.gap_before for line in lines[1:]]
    if not gaps:
        return [lines]
    typical = statistics.median(gaps)
    segments: list[list[Line]] = [[]]
    for position, line in enumerate(lines):
        wide = position > 0 and line.gap_before >= 2 and line.gap_before > typical
        if wide and is_headline_shaped(line.clean) and \
                word_total(segments[-1]) >= MIN_ARTICLE_WORDS and \
                body_words(lines[position:]) >= MIN_ARTICLE_WORDS:
            segments.append([])
        segments[-1].append(line)
    return segments


def body_words(lines: Iterable[Line]) -> int:
    """The words of the lines shaped as paragraphs: a site's closing lists of links, sign-up
    boxes and contributor notes ("Trending Stories", three headlines, "Email address") make no
    second article, however many words they hold."""
    return sum(len(line.clean.split()) for line in lines if line_shapes.is_body_line(line.clean))


def word_total(lines: Iterable[Line]) -> int:
    return sum(len(line.text.split()) for line in lines)


# --- line shapes ----------------------------------------------------------------------------

def is_headline_shaped(text: str) -> bool:
    return line_shapes.is_headline_shaped(text) and not line_shapes.is_ui_label(text)


def is_heading_shaped(text: str) -> bool:
    """A subheading inside the body: a few words, most capitalised, no closing punctuation."""
    words = text.split()
    if not 0 < len(words) <= HEADING_MAX_WORDS or not is_headline_shaped(text) or \
            text.endswith((":", '"', "”")):
        return False
    capitalised = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    return capitalised >= max(1, len(words) - 2) and capitalised * 2 > len(words)


def is_logo_remnant(text: str) -> bool:
    """A line of one to three capital letters ("TT", "AP") left by a logo image."""
    return len(text) <= 3 and text.isalpha() and text.isupper()


def is_caption(text: str) -> bool:
    return line_shapes.is_caption(text)


# --- one article ----------------------------------------------------------------------------

@dataclass
class Draft:
    """What the line classifier has found so far; turned into an Article at the end."""

    publisher: str | None = None
    tags: tuple[str, ...] = ()


def in_printed_case(name: str | None, lines: list[Line]) -> str | None:
    """A name the masthead prints in capitals ("THE DECCAN OBSERVER"), as the page prints it
    elsewhere in ordinary case ("© 2019 The Deccan Observer"), if it does."""
    if name is None or not name.isupper():
        return name
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    return next((found[0] for line in lines for found in [pattern.search(line.clean)]
                 if found is not None and not found[0].isupper()), name)


def parse_article(lines: list[Line], source: Source, index: int) -> Article:
    draft = Draft()
    removed: list[Removed] = []
    lines, saved_date = strip_saved_date(lines)
    lines = strip_site_header(lines, draft, removed)
    lines = strip_site_footer(lines, draft, removed)
    facts = head.read_head(lines, rtl=any(language.is_rtl_text(line.clean) for line in lines[:5]))
    kept: list[tuple[Line, str]] = []  # (line, kind)
    seen_captions: set[str] = set()
    for position, line in enumerate(lines):
        # Over the headline is the site's header (menus, its name, labels), and the lead
        # photo, whose caption is kept.
        above_title = facts.title_line is not None and \
            position < min(facts.title_line, facts.body_start) and not is_caption(line.clean)
        kind = None if position in facts.dropped or above_title else \
            classify(line, draft, kept, seen_captions)
        if kind is None:
            if position != facts.title_line and position not in facts.byline_lines:
                removed.append(Removed(line.text, line.start))
            continue
        kept.append((line, kind))
    publisher = in_printed_case(draft.publisher or facts.publisher or self_reference_publisher(
        " ".join(line.clean for line, _ in kept)), lines)
    date = saved_date or facts.date
    if date is None and kept:
        match = DATELINE.match(kept[0][0].clean)
        date = stated_date(match.group(1)) if match else None
    paragraphs = make_paragraphs(kept)
    paragraphs += header_paragraphs(lines, facts, len(paragraphs), paragraphs)
    display = facts.title or derived_title(paragraphs)
    return Article(
        id="", source_file=source.file, index_in_file=index, sha256=source.sha256,
        title=facts.title, display_title=display, date=date, publisher=publisher,
        languages=article_languages(paragraphs), paragraphs=paragraphs, tags=draft.tags,
        authors=tuple(facts.authors), removed=tuple(removed))


def strip_saved_date(lines: list[Line]) -> tuple[list[Line], str | None]:
    """The " date YYYY-MM-DD " prefix some saving tools put before the page: a stated date."""
    if not lines:
        return lines, None
    date, length = line_shapes.saved_date_prefix(lines[0].text)
    if date is None:
        return lines, None
    first = lines[0]
    rest = first.text[length:]
    shifted = [Line(rest, first.start + length, first.end, first.gap_before)] if rest else []
    return shifted + lines[1:], stated_date(date)


def header_paragraphs(lines: list[Line], facts: head.Head, first_index: int,
                      body: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The headline and byline lines as paragraphs of their own kinds, after the body (so the
    body's anchors do not depend on them): names in them are mentions like any other."""
    latin = next((p.lang for p in body if not p.rtl), "en")
    spans: list[tuple[str, Line, str]] = []
    if facts.title is not None and facts.title_line is not None:
        line = lines[facts.title_line]
        spans.append(("title", line, facts.title if facts.title in line.text else line.text))
    spans.extend(("byline", lines[position], lines[position].text)
                 for position in facts.byline_lines)
    paragraphs: list[Paragraph] = []
    for kind, line, text in spans:
        start = line.start + line.text.index(text)
        paragraphs.append(Paragraph(index=first_index + len(paragraphs), text=text, start=start,
                                    end=start + len(text),
                                    lang=language.script_language(text) or latin,
                                    kind=kind))  # type: ignore[arg-type]
    return tuple(paragraphs)


def classify(line: Line, draft: Draft, kept: list[tuple[Line, str]],
             seen_captions: set[str]) -> str | None:
    """The kind of one line ("text", "caption", "heading"), or None to drop it as chrome or
    metadata (which then lands in `draft`)."""
    text = line.clean
    body_started = any(kind == "text" for _, kind in kept)
    if line_shapes.is_ui_label(text) or is_logo_remnant(text) or COPYRIGHT.match(text) or \
            line_shapes.PHOTO_CREDIT.match(text):
        return None
    if not body_started and (tags := line_shapes.TAG_LINE.match(text)) is not None:
        draft.tags = tuple(t.strip() for t in tags.group(1).split(",") if t.strip())
        return None
    if is_caption(text):
        if text in seen_captions:
            return None
        seen_captions.add(text)
        return "caption"
    if kept and kept[-1][0].clean == text:
        return None  # a line printed twice in a row
    if body_started and is_heading_shaped(text):
        return "heading"
    return "text"


def strip_site_header(lines: list[Line], draft: Draft, removed: list[Removed]) -> list[Line]:
    """Lines up to the last navigation label or menu near the top (past a cookie notice) are
    the site's header; its first name-shaped line is the site name, i.e. the publisher."""
    navigation = header_navigation(lines)
    last_label = max(navigation, default=-1)
    if last_label < 0:
        return lines
    kept = []
    for position, line in enumerate(lines[:last_label + 1]):
        text = line.clean
        if date_in_line(text):
            kept.append(line)  # a date bar inside the header is the page's date: read it
            continue
        if draft.publisher is None and (welcome := head.WELCOME.match(text)):
            draft.publisher = welcome[1]  # "Welcome to X. We use cookies..."
        elif draft.publisher is None and (outlet := menu_outlet(text)) is not None:
            draft.publisher = outlet  # "جريدة الديوانية | الأولى | محليات": the name opens the menu
        elif draft.publisher is None and position not in navigation and \
                not line_shapes.is_chrome(text) and \
                not line_shapes.BREADCRUMB_MARKS.search(text) and \
                looks_like_name(site_part(text)):  # a breadcrumb ("Home > Health") is no name
            draft.publisher = bylines.logo_publisher(text) or site_part(text)
        removed.append(Removed(line.text, line.start))
    return kept + lines[last_label + 1:]


def menu_outlet(text: str) -> str | None:
    """An Arabic or Hebrew outlet's name alone on a header line or first in its menu row
    ("جريدة الديوانية | الأولى | محليات", "وكالة الأنباء الأردنية (بترا)")."""
    return line_shapes.rtl_outlet_name(site_part(text))


def header_navigation(lines: list[Line]) -> set[int]:
    """The navigation lines of a site's header, read in the order sites print it: notices and
    skip links, the site's name and its tagline (or a short banner), then menus, section
    names and the name again. The first other line ends the header (a headline, a byline,
    the body), so a label printed after the headline ("Share") does not take the headline
    with it."""
    navigation: set[int] = set()
    named = menus_seen = False
    above_menus = 0  # lines other than notices and labels before the first menu
    site_name = ""
    in_menu = one_item_menus(lines[:SITE_HEADER_LINES])
    for position, line in enumerate(lines[:SITE_HEADER_LINES]):
        text = line.clean
        words = len(text.split())
        if bylines.byline(text) is not None or bylines.is_lone_byline(text):
            break  # "Jane Roe | Politics | Analysis" is a byline, not a menu
        if position == 0 and is_site_name(text) and not is_navigation(line):
            named = True  # the name at the top, even where a one-item menu follows it
            above_menus += 1
            site_name = text
        elif site_name and text.startswith(site_name + " "):
            navigation.add(position)  # the name again, before its tagline
        elif is_navigation(line) or position in in_menu:  # a skip link starts no menus
            navigation.add(position)
            menus_seen = menus_seen or named or line_shapes.is_menu_line(line.text) or \
                position in in_menu
        elif line_shapes.is_chrome(text) or date_in_line(text):
            pass
        elif menus_seen:
            if not named and is_site_name(text):
                named = True
            elif words > SECTION_MAX_WORDS:
                break  # after the menus only section names and the site's name are short
        else:
            tagline = named and above_menus == 1 and words <= TAGLINE_MAX_WORDS
            banner = above_menus == 0 and words < SITE_HEADER_MAX_WORDS
            if above_menus == 0 and is_site_name(text):
                named = True
            elif not (tagline or banner):
                break
            above_menus += 1
    return navigation


def one_item_menus(lines: list[Line]) -> set[int]:
    """Menus printed one item per line ("Walks", "Gear", "Wild camping", "Routes"): runs of
    at least three lines of one or two words."""
    short = [len(line.clean.split()) <= MENU_ITEM_WORDS and not date_in_line(line.clean)
             and not line_shapes.is_chrome(line.clean)  # labels count on their own
             for line in lines]
    found: set[int] = set()
    start = 0
    for position in range(len(short) + 1):
        if position == len(short) or not short[position]:
            if position - start >= line_shapes.MENU_MIN_ITEMS:
                found.update(range(start, position))
            start = position + 1
    return found


def is_site_name(text: str) -> bool:
    return len(text.split()) <= SITE_NAME_MAX_WORDS and looks_like_name(site_part(text))


def is_navigation(line: Line) -> bool:
    """A label, a menu row, or a section's name: a header's menus, one item per line too."""
    return line_shapes.is_ui_label(line.clean) or line_shapes.is_menu_line(line.text) or \
        line_shapes.is_section_label(line.clean)


def site_part(text: str) -> str:
    """"Harbour 7 News | The Valley's News Leader" -> "Harbour 7 News": the name before its
    tagline."""
    return re.split(r"\s+[|–—-]\s+|\s*\|\s*", text, maxsplit=1)[0].strip()


def strip_site_footer(lines: list[Line], draft: Draft, removed: list[Removed]) -> list[Line]:
    """A last line such as "• Asharq Al-Awsat" names the publisher."""
    if len(lines) > 1 and (match := FOOTER_PUBLISHER.match(lines[-1].text)):
        draft.publisher = match.group(1).strip()
        removed.append(Removed(lines[-1].text, lines[-1].start))
        return lines[:-1]
    return lines


def looks_like_name(text: str) -> bool:
    """A few capitalised words; in Arabic and Hebrew, which have no capitals, a few words."""
    words = text.split()
    if language.is_rtl_text(text):
        return 0 < len(words) <= RTL_SITE_NAME_MAX_WORDS
    return 0 < len(words) <= 8 and all(w[0].isupper() or w[0].isdigit() or
                                       w.lower() in NAME_PARTICLES for w in words)


NAME_PARTICLES = frozenset({"for", "of", "the", "and", "on", "in", "al", "de", "&"})


def self_reference_publisher(text: str) -> str | None:
    """An outlet the article speaks of as itself ("sources tell The Tower") more often than it
    cites it as someone else ("according to WSJ", "the WSJ wrote"). A name told by the
    article's own sources ("sources told Asharq Al-Awsat") need not look like an outlet."""
    score: Counter[str] = Counter()
    spelled: dict[str, str] = {}  # "Tower" -> "The Tower", as first written
    own_sources: set[str] = set()
    told = [(m.group(1), 1, m.start()) for m in TOLD_TO.finditer(text)]
    for name, points, at in told + [(name, 2, -1) for name in names_before(HAS_LEARNED, "The",
                                                                           text)]:
        key = outlet_key(name)
        spelled.setdefault(key, name)
        score[key] += points
        if at > 0 and SOURCES_BEFORE.search(text, max(0, at - 60), at):
            own_sources.add(key)
    if not score:
        return None  # most pages: the citations below need not be looked for
    for name in [m.group(1) for m in ACCORDING_TO.finditer(text)] + \
            names_before(WROTE, "the", text):
        score[outlet_key(name)] -= 1
    candidates = [(count, spelled[key]) for key, count in score.items() if count > 0 and (
        looks_like_outlet(spelled[key]) or (key in own_sources and len(key.split()) >= 2))]
    return max(candidates)[1] if candidates else None


def names_before(cue: re.Pattern[str], article: str, text: str) -> list[str]:
    """The outlet-like name that ends right before each match of `cue`."""
    names = []
    for match in cue.finditer(text):
        before = OUTLET_BEFORE[article].search(
            text, max(0, match.start() - LONGEST_OUTLET), match.start())
        if before:
            names.append(before.group(1))
    return names


def outlet_key(name: str) -> str:
    return name.removeprefix("The ").removeprefix("the ")


def looks_like_outlet(name: str) -> bool:
    """An outlet is "The X" or a name with an outlet's word ("ABC News", "Channel 12"); a lone
    first name or a place ("Tel Aviv") is not one."""
    words = name.split()
    if name in NOT_OUTLETS or not words:
        return False
    return (words[0] == "The" and len(words) >= 2) or line_shapes.is_outlet(name)


def make_paragraphs(kept: list[tuple[Line, str]]) -> tuple[Paragraph, ...]:
    latin_language = language.latin_language(
        " ".join(line.clean for line, _ in kept if not language.is_rtl_text(line.clean)))
    return tuple(
        Paragraph(index=i, text=line.text, start=line.start, end=line.end,
                  lang=language.script_language(line.text) or latin_language,
                  kind=kind)  # type: ignore[arg-type]
        for i, (line, kind) in enumerate(kept))


def article_languages(paragraphs: tuple[Paragraph, ...]) -> tuple[str, ...]:
    """Languages by the amount of text in each, largest first."""
    size: Counter[str] = Counter()
    for paragraph in paragraphs:
        size[paragraph.lang] += len(paragraph.text)
    return tuple(lang for lang, _ in sorted(size.items(), key=lambda item: (-item[1], item[0])))


def derived_title(paragraphs: tuple[Paragraph, ...]) -> str:
    """The first sentence of the body, cut at 12 words: shown (marked) when there's no headline."""
    body = [p for p in paragraphs if p.kind == "text"]
    if not body:
        return "Untitled article"
    words = sentences(body[0].text)[0][0].split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
