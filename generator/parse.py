"""From decoded text to Articles: segmentation, page chrome, headline, date, publisher, language.

Scraped pages put everything on its own line, so the unit here is the line: each line is
classified (chrome, metadata, caption, headline, heading, text) by rules about its shape that
hold across outlets, never by the wording of one seed. Whatever is removed is kept in
`Article.removed`, so the provenance view can show what the parser threw away.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import language
from .dates import stated_date
from .model import Article, Paragraph, Problem, Source
from .sentences import sentences

# Navigation and widget labels that scrapers keep as lines of their own.
UI_LABELS = frozenset("""
skip to content|skip to main content|skip to navigation|menu|main menu|toggle navigation|search
|share|share this|share this article|print|email|close|advertisement|sponsored|subscribe
|sign in|sign up|log in|login|register|home|back to top|read more|related|related articles
|related stories|follow us|newsletter|comments|leave a comment|more|next|previous|tweet
|whatsapp|facebook|twitter|telegram|copy link|listen|listen to this article|open menu
""".replace("\n", "").split("|"))

KICKER = re.compile(r"^(?:BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|UPDATE[D]?|LIVE|ANALYSIS|OPINION)"
                    r"\s*[:|\-–—]\s*")
TAG_LINE = re.compile(r"^\s*(?:filed under|tags?|topics?|categories|category)\s*:\s*(.+)$", re.I)
PUBLISHED_LINE = re.compile(
    r"^\s*(published|posted|first published|date|updated|last updated)\s*(?:on|:|-)?\s*(.+)$",
    re.I)
DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},\s+([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\s*"
                      r"(?:\([A-Za-z .]+\))?\s*[-—–]")
BYLINE = re.compile(r"^\s*(?:by|written by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}"
                    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’ -]+)*\s*$", re.I)
FOOTER_PUBLISHER = re.compile(r"^\s*[•·|◆▪■]\s*([A-Z][^•·|]{1,60}?)\s*$")
PHOTO_CREDIT = re.compile(
    r"^\s*[\[(]?\s*(?:photo|image|picture|video|credit|photograph)s?\s*(?:credit)?\s*:", re.I)
CAPTION_CREDIT = re.compile(
    r"\((?:[^()]{0,40}?\b(?:photo|file|afp|reuters|ap|getty|epa|xinhua|anadolu|wafa|flash90|"
    r"gpo|idf|handout|screenshot|courtesy|archive|images?))[^()]{0,40}\)\s*$", re.I)
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b|all rights reserved)", re.I)
SEPARATOR = re.compile(r"^\s*(?:[-=*_~#]\s*){3,}$|\f")
DATE_BAR = re.compile(r"^[\s|•·\-–—]*([^|•·]{4,60}?)[\s|•·\-–—]*$")
# An outlet's name: up to five capitalised words. Cues that come before the name are found by
# scanning forward; cues that come after it ("... has learned") are found first, and the name
# is then looked for just before them: scanning forward for "a name, then a cue" would try a
# name at every capital letter of the article.
OUTLET = r"[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,4}"
TOLD_TO = re.compile(rf"\b(?:tells?|told|to)\s+((?:The\s+)?{OUTLET})")
HAS_LEARNED = re.compile(r"\s+has (?:learned|obtained)\b")
ACCORDING_TO = re.compile(rf"\baccording to\s+(?:the\s+)?((?:The\s+)?{OUTLET})")
WROTE = re.compile(r"\s+(?:wrote|said|reports?)\b")
OUTLET_BEFORE = {"The": re.compile(rf"\b((?:The\s+)?{OUTLET})$"),
                 "the": re.compile(rf"\b((?:the\s+)?{OUTLET})$")}
LONGEST_OUTLET = 160  # characters looked at before a cue
NOT_OUTLETS = frozenset({"He", "She", "They", "It", "We", "I", "Reuters"})

HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 8
MIN_ARTICLE_WORDS = 40


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int
    gap_before: int  # blank lines before this one

    @property
    def clean(self) -> str:
        return " ".join(self.text.split())


def split_lines(text: str) -> list[Line]:
    lines, gap, offset = [], 0, 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            gap += 1
        else:
            lead = len(raw) - len(raw.lstrip())
            start = offset + lead
            lines.append(Line(raw.strip(), start, start + len(stripped), gap))
            gap = 0
        offset += len(raw) + 1
    return lines


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
    segments = []
    for chunk in chunks:
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
                word_total(lines[position:]) >= MIN_ARTICLE_WORDS:
            segments.append([])
        segments[-1].append(line)
    return segments


def word_total(lines: Iterable[Line]) -> int:
    return sum(len(line.text.split()) for line in lines)


# --- line shapes ----------------------------------------------------------------------------

def is_headline_shaped(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= HEADLINE_MAX_WORDS and len(text) <= 220
            and not text.endswith((".", ",", ";", ":", "”", '"')) and text[0].isalnum()
            and not is_ui_label(text))


def is_heading_shaped(text: str) -> bool:
    """A subheading inside the body: a few words, most capitalised, no closing punctuation."""
    words = text.split()
    if not 0 < len(words) <= HEADING_MAX_WORDS or not is_headline_shaped(text):
        return False
    capitalised = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    return capitalised >= max(1, len(words) - 2) and capitalised * 2 > len(words)


def is_ui_label(text: str) -> bool:
    return text.strip().lower().rstrip(":") in UI_LABELS


def is_logo_remnant(text: str) -> bool:
    """A line of one to three capital letters ("TT", "AP") left by a logo image."""
    return len(text) <= 3 and text.isalpha() and text.isupper()


def is_caption(text: str) -> bool:
    return bool(CAPTION_CREDIT.search(text))


def date_bar(text: str) -> str | None:
    """A line that is only a date, perhaps between bars or bullets: the publication date."""
    match = DATE_BAR.match(text)
    if not match or not any(ch.isdigit() for ch in text) or len(text.split()) > 8:
        return None
    return stated_date(match.group(1))


# --- one article ----------------------------------------------------------------------------

@dataclass
class Draft:
    """What the line classifier has found so far; turned into an Article at the end."""

    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    tags: tuple[str, ...] = ()
    title_line: str | None = None  # the headline as printed, kicker included


def parse_article(lines: list[Line], source: Source, index: int) -> Article:
    draft = Draft()
    removed: list[str] = []
    lines = strip_site_header(lines, draft, removed)
    lines = strip_site_footer(lines, draft, removed)
    kept: list[tuple[Line, str]] = []  # (line, kind)
    seen_captions: set[str] = set()
    for line in lines:
        kind = classify(line, draft, kept, seen_captions)
        if kind is None:
            removed.append(line.clean)
            continue
        kept.append((line, kind))
    if draft.publisher is None:
        draft.publisher = self_reference_publisher(" ".join(line.clean for line, _ in kept))
    if draft.date is None and kept:
        match = DATELINE.match(kept[0][0].clean)
        draft.date = stated_date(match.group(1)) if match else None
    paragraphs = make_paragraphs(kept)
    display = draft.title or derived_title(paragraphs)
    return Article(
        id="", source_file=source.file, index_in_file=index, sha256=source.sha256,
        title=draft.title, display_title=display, date=draft.date, publisher=draft.publisher,
        languages=article_languages(paragraphs), paragraphs=paragraphs, tags=draft.tags,
        removed=tuple(removed))


def classify(line: Line, draft: Draft, kept: list[tuple[Line, str]],
             seen_captions: set[str]) -> str | None:
    """The kind of one line ("text", "caption", "heading"), or None to drop it as chrome or
    metadata (which then lands in `draft`)."""
    text = line.clean
    body_started = any(kind == "text" for _, kind in kept)
    if is_ui_label(text) or is_logo_remnant(text) or COPYRIGHT.match(text) or \
            PHOTO_CREDIT.match(text):
        return None
    if not body_started:
        if (tags := TAG_LINE.match(text)) is not None:
            draft.tags = tuple(t.strip() for t in tags.group(1).split(",") if t.strip())
            return None
        if (date := date_bar(text)) is not None:
            draft.date = draft.date or date
            return None
        if (published := PUBLISHED_LINE.match(text)) and (date := stated_date(published[2])):
            draft.date = draft.date or date
            return None
        if BYLINE.match(text):
            return None
    if is_caption(text):
        if text in seen_captions:
            return None
        seen_captions.add(text)
        return "caption"
    if draft.title is not None and text == draft.title_line:
        return None  # the headline printed again after the photo
    if draft.title is None and not kept and is_headline_shaped(text) and \
            not language.is_rtl_text(text):
        draft.title_line = text
        draft.title = KICKER.sub("", text) or text
        return None
    if kept and kept[-1][0].clean == text:
        return None  # a line printed twice in a row
    if body_started and is_heading_shaped(text):
        return "heading"
    return "text"


def strip_site_header(lines: list[Line], draft: Draft, removed: list[str]) -> list[Line]:
    """Lines up to the last navigation label near the top are the site's header; its first
    name-shaped line is the site name, i.e. the publisher."""
    top = []
    for line in lines[:8]:
        if len(line.text.split()) > HEADLINE_MAX_WORDS:
            break  # the body has begun
        top.append(line)
    last_label = max((i for i, line in enumerate(top) if is_ui_label(line.clean)), default=-1)
    if last_label < 0:
        return lines
    for line in lines[:last_label + 1]:
        text = line.clean
        if draft.publisher is None and not is_ui_label(text) and looks_like_name(text):
            draft.publisher = text
        removed.append(text)
    return lines[last_label + 1:]


def strip_site_footer(lines: list[Line], draft: Draft, removed: list[str]) -> list[Line]:
    """A last line such as "• Asharq Al-Awsat" names the publisher."""
    if len(lines) > 1 and (match := FOOTER_PUBLISHER.match(lines[-1].text)):
        draft.publisher = match.group(1).strip()
        removed.append(lines[-1].clean)
        return lines[:-1]
    return lines


def looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 8 and all(w[0].isupper() or w.lower() in NAME_PARTICLES
                                       for w in words)


NAME_PARTICLES = frozenset({"for", "of", "the", "and", "on", "in", "al", "de", "&"})


def self_reference_publisher(text: str) -> str | None:
    """An outlet the article speaks of as itself ("sources tell The Tower") more often than it
    cites it as someone else ("according to WSJ", "the WSJ wrote")."""
    score: Counter[str] = Counter()
    spelled: dict[str, str] = {}  # "Tower" -> "The Tower", as first written
    for name, points in [(m.group(1), 1) for m in TOLD_TO.finditer(text)] + \
            [(name, 2) for name in names_before(HAS_LEARNED, "The", text)]:
        key = outlet_key(name)
        spelled.setdefault(key, name)
        score[key] += points
    for name in [m.group(1) for m in ACCORDING_TO.finditer(text)] + \
            names_before(WROTE, "the", text):
        score[outlet_key(name)] -= 1
    candidates = [(count, spelled[key]) for key, count in score.items()
                  if count > 0 and looks_like_outlet(spelled[key])]
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
    """Outlets are capitalised multi-word names or names with "The"; a lone first name or a
    country after "to" ("fled to Israel") is not one."""
    words = name.split()
    if name in NOT_OUTLETS or not words:
        return False
    return words[0] == "The" or len(words) >= 2


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
