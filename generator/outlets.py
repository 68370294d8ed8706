"""Publishers by their canonical names, from the curated list in `knowledge/outlets.yml`.

The parser reads a publisher as the page prints it ("الجزيرة", "Walla", "The Associated
Press"); this stage, which runs after parsing (so an edit of the list needs no re-parse),
gives a known outlet its canonical name, and finds the publisher of a page that only prints
its own name on a line of its own (a site header or a footer in any script).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from . import language
from .line_shapes import shapes
from .model import Article, Paragraph
from .parse import derived_title

OUTLETS_FILE = "outlets.yml"
# Letters Arabic and Hebrew attach in front of a word ("and", "in", "to", "from", "the").
ATTACHED_PREFIXES = ("و", "ب", "ل", "ف", "ו", "ב", "ל", "מ", "ה", "ש")
EDGE = " \t()[]{}|•·-–—:.,،\"'«»“”"
SHORT_LINE_WORDS = 6
SITE_TAGLINE_WORDS = 4  # "Outlet | a tagline this short" is the site's header line
LINE_PARTS = re.compile(r"\s+[|–—-]+\s+|\s*\|\|?\s*")
CUE_WINDOW = 5  # words after a self-reference cue within which the page's own name stands
OUTLET_MAX_WORDS = 4
Printed = tuple[str, str]  # an outlet's canonical name, and its spelling on the page


class OutletError(Exception):
    """outlets.yml cannot be used; the message names the file."""


@dataclass(frozen=True)
class Outlets:
    """Folded spelling -> canonical name. `credited` also holds the spellings that are
    ordinary words too ("الأخبار" is "the news"): recognised only where the page credits a
    source (a dateline, a sign-off, a byline's outlet), never as a line on its own."""

    named: dict[str, str] = field(default_factory=dict)
    credited: dict[str, str] = field(default_factory=dict)


def load_outlets(knowledge_dir: Path) -> Outlets:
    """The outlets of knowledge_dir/outlets.yml; none when the folder has no such file."""
    path = knowledge_dir / OUTLETS_FILE
    if not path.is_file():
        return Outlets()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise OutletError(f"{path}: cannot be read ({' '.join(str(error).split())})") from None
    outlets = Outlets()
    for position, entry in enumerate(data.get("outlets") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise OutletError(f"{path}: outlets[{position}] needs a 'name'")
        for spelling in [entry["name"], *(entry.get("aliases") or [])]:
            outlets.named.setdefault(fold(str(spelling)), entry["name"])
            outlets.credited.setdefault(fold(str(spelling)), entry["name"])
        for spelling in entry.get("credited_as") or []:
            outlets.credited.setdefault(fold(str(spelling)), entry["name"])
    return outlets


def fold(name: str) -> str:
    """The spelling compared: case and edge marks dropped, and a leading "The" where more than
    one word follows ("New York Times" is The New York Times; "National" is not The National,
    it is a menu's word)."""
    words = name.strip(EDGE).casefold().split()
    return " ".join(words[1:] if len(words) > 2 and words[0] == "the" else words)


def canonical(name: str, outlets: dict[str, str]) -> str | None:
    """The canonical name of a known outlet, spelled as `name` (perhaps with a prefix)."""
    key = fold(name)
    if key in outlets:
        return outlets[key]
    if key[:1] in ATTACHED_PREFIXES and key[1:] in outlets:
        return outlets[key[1:]]
    return None


def name_publishers(articles: list[Article], outlets: Outlets) -> list[Article]:
    return [with_publisher(article, outlets) for article in articles]


def with_publisher(article: Article, outlets: Outlets) -> Article:
    article = without_outlet_authors(article, outlets)
    printed = article.publisher  # as the parser read it where a page credits its source
    if printed is not None:
        publisher: str | None = canonical(printed, outlets.credited) or printed
    else:
        publisher, printed = next(
            (found for line in own_name_lines(article)
             if (found := outlet_in_line(line, outlets.named))), None) \
            or self_named_outlet(article, outlets.named) or (None, None)
    article = dataclasses.replace(article, publisher=publisher,
                                  paragraphs=article.paragraphs + masthead(article, printed))
    if article.title is not None and is_site_line(article.title, outlets.named):
        # the page's own name line is no headline: the page shows none
        article = dataclasses.replace(article, title=None,
                                      display_title=derived_title(article.paragraphs))
    return article


def masthead(article: Article, printed: str | None) -> tuple[Paragraph, ...]:
    """The publisher's name where the page prints it (the site's header or foot, which the
    parser took out, else the text: a dateline, a credit) as a paragraph of its own kind: the
    outlet is then a mention, an organisation of the article, as a byline's names are its
    people. The article page shows it in the metadata, not in the text."""
    if not printed:
        return ()
    spelled = re.compile(rf"(?<!\w){re.escape(printed)}(?!\w)", re.I)
    lines = [(line.text, line.start) for line in article.removed] + \
        [(p.text, p.start) for p in article.paragraphs]
    for text, offset in lines:
        if (match := spelled.search(text)) is not None:
            name = match[0]
            latin = next((p.lang for p in article.paragraphs if not p.rtl), "en")
            return (Paragraph(index=len(article.paragraphs), text=name,
                              start=offset + match.start(), end=offset + match.end(),
                              lang=language.script_language(name) or latin, kind="masthead"),)
    return ()


def without_outlet_authors(article: Article, outlets: Outlets) -> Article:
    """A byline that names a known outlet ("By PBS NewsHour") credits the outlet, not a
    person: it is no author, and it is the publisher when the page names no other. A byline
    "Outlet - Name" ("العربية.نت - سارة الجابري") credits both."""
    authors: list[str] = []
    credited: list[str] = []
    for author in article.authors:
        parts = [part.strip() for part in LINE_PARTS.split(author) if part.strip()]
        outlets_named = [part for part in parts if canonical(part, outlets.named)]
        credited += outlets_named
        authors += [part for part in parts if part not in outlets_named] \
            if outlets_named else [author]
    if not credited:
        return article
    return dataclasses.replace(article, authors=tuple(dict.fromkeys(authors)),
                               publisher=article.publisher or credited[0])


def is_site_line(line: str, outlets: dict[str, str]) -> bool:
    """A known outlet's name, alone or first before a short tagline or credit ("Outlet |
    translated by the desk"): a site's header line, not a headline ("Headline | Outlet" puts
    the outlet last)."""
    parts = [part for part in LINE_PARTS.split(line) if part.strip()]
    return bool(parts) and canonical(parts[0], outlets) is not None and all(
        len(part.split()) <= SITE_TAGLINE_WORDS for part in parts[1:])


def own_name_lines(article: Article) -> list[str]:
    """Where a page prints only its own name: the chrome removed from its top and foot, and
    short lines at the start or end of the body."""
    body = [p.text for p in article.paragraphs if p.kind in ("text", "caption")]
    edges = body[:3] + body[-2:]
    title = [article.title] if article.title else []  # "Site Name | tagline" taken as a title
    return [line.text for line in article.removed] + title + [t for t in edges
                                            if len(t.split()) <= SHORT_LINE_WORDS]


def outlet_in_line(line: str, outlets: dict[str, str]) -> Printed | None:
    """A known outlet that is the whole line, or one part of "Name | tagline"."""
    if len(line.split()) > 3 * SHORT_LINE_WORDS:
        return None
    for part in [line, *LINE_PARTS.split(line)]:
        if (known := canonical(part, outlets)) is not None:
            return known, part.strip(EDGE)
    return None


def self_named_outlet(article: Article, outlets: dict[str, str]) -> Printed | None:
    """A known outlet an Arabic or Hebrew page speaks of as itself: brought in by "to" or
    "with" a few words after a strict cue ("sources told X", "in a special interview with X";
    the cues are in page_shapes.yml). English pages' own cues are read by the parser."""
    cues = shapes().self_reference_cues
    for paragraph in article.paragraphs:
        if paragraph.kind != "text" or not paragraph.rtl or \
                self_reference_cue().search(paragraph.text) is None:
            continue  # most paragraphs: no cue word at all, so no need to split them
        words = paragraph.text.split()
        for at, word in enumerate(words):
            word = word.strip(EDGE)
            is_cue = word in cues or (word[:1] in ATTACHED_PREFIXES and word[1:] in cues)
            if is_cue and (found := linked_outlet(words[at + 1:at + 1 + CUE_WINDOW], outlets)):
                return found
    return None


@cache
def self_reference_cue() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(shapes().self_reference_cues))))


def linked_outlet(words: list[str], outlets: dict[str, str]) -> Printed | None:
    """The first known outlet (no wire agency) after a "to" or "with" among `words`, the
    preposition a word of its own ("مع", "עם") or attached to the name ("لـ"عربي21"")."""
    links = shapes().self_reference_links
    linked = False
    for start, word in enumerate(words):
        word = word.lstrip(EDGE)
        if word in links:
            linked = True
            continue
        link = next((link for link in links if word.startswith(link)), None)
        if not linked and link is None:
            continue
        first = word if linked else word[len(link or ""):]
        for length in range(OUTLET_MAX_WORDS, 0, -1):
            spelled = " ".join([first, *words[start + 1:start + length]]).strip(EDGE)
            known = canonical(spelled, outlets)
            if known is not None and known.casefold() not in shapes().agencies:
                return known, spelled
    return None
