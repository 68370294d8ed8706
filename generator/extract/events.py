"""Dated events: sentences that state when something happened, at the precision stated.

Requires: Articles (with their own stated date, if any) and Mentions. Assigns: Events with
an ISO date ("2017-03-26", "2012-11", "1997"), the sentence, its paragraph and the entities
mentioned in it.

A date needs a year in the text ("March 26, 2017", "in 1997", "November 2012"). A day and
month without a year ("on Nov. 22") or a relative date ("on Tuesday", "yesterday", "last
year") is resolved only against the date the article itself states; without one, no date is
invented and no event is made.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..dates import stated_date
from ..model import Article, Event, Mention
from ..sentences import sentences

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
YEAR = r"(?:19\d\d|20[0-4]\d)"
# Longest forms first: the alternation tries them in order at each position.
STATED = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}"  # March 26, 2017
    rf"|\d{{1,2}}\s+{MONTH},?\s+{YEAR}"  # 26 March 2017
    rf"|{MONTH},?\s+{YEAR}"  # November 2012
    rf"|{YEAR})(?![\d,.]\d|\s*(?:%|percent|km|kilomet|people|troops|rockets|soldiers))\b")
NO_YEAR = re.compile(rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{MONTH})\b"
                     rf"(?!,?\s+{YEAR})(?!\d)")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = re.compile(r"\b(?:(?:earlier |later )?today|yesterday|last year|this year|"
                      r"(?:on |last )(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday))\b", re.I)
NOT_A_YEAR_BEFORE = re.compile(r"(?:resolution|No\.|number|\$|€|£|#)\s*$", re.I)


def extract_events(article: Article, mentions: list[Mention]) -> list[Event]:
    events: list[Event] = []
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_paragraph.setdefault(mention.paragraph, []).append(mention)
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading" or not may_state_a_date(paragraph.text, article.date):
            continue
        for sentence, offset in sentences(paragraph.text):
            dates = sentence_dates(sentence, article.date)
            if not dates:
                continue
            start, end = paragraph.start + offset, paragraph.start + offset + len(sentence)
            entities = list(dict.fromkeys(m.entity for m in by_paragraph.get(paragraph.index, [])
                                          if start <= m.start and m.end <= end))
            for when in dates:
                events.append(Event(date=when, text=sentence.strip(), article=article.id,
                                    paragraph=paragraph.index, entities=tuple(entities)))
    return list(dict.fromkeys(events))


def may_state_a_date(text: str, article_date: str | None) -> bool:
    """A quick look at a whole paragraph, so most are never split into sentences."""
    if STATED.search(text):
        return True
    return article_date is not None and bool(NO_YEAR.search(text) or RELATIVE.search(text))


def sentence_dates(sentence: str, article_date: str | None) -> list[str]:
    """Every date the sentence states (in order, each once)."""
    found: list[str] = []
    for match in STATED.finditer(sentence):
        if NOT_A_YEAR_BEFORE.search(sentence, max(0, match.start() - 20), match.start()):
            continue
        when = stated_date(match.group())
        if when is not None:
            found.append(when)
    if article_date is not None and len(article_date) == 10:
        published = date.fromisoformat(article_date)
        for match in NO_YEAR.finditer(sentence):
            if (when := day_without_year(match.group(), published)) is not None:
                found.append(when)
        for match in RELATIVE.finditer(sentence):
            found.append(relative_date(match.group().lower(), published))
    return list(dict.fromkeys(found))


def day_without_year(phrase: str, published: date) -> str | None:
    """"Nov. 22" in an article of 2024-02-26 is 2023-11-22: the latest such day not after it."""
    for year in (published.year, published.year - 1):
        when = stated_date(f"{phrase} {year}")
        if when is not None and len(when) == 10 and date.fromisoformat(when) <= published:
            return when
    return None


def relative_date(phrase: str, published: date) -> str:
    if "today" in phrase:
        return published.isoformat()
    if phrase == "yesterday":
        return (published - timedelta(days=1)).isoformat()
    if phrase == "last year":
        return f"{published.year - 1:04d}"
    if phrase == "this year":
        return f"{published.year:04d}"
    weekday = WEEKDAYS.index(phrase.split()[-1])
    back = (published.weekday() - weekday) % 7 or 7  # the last such day before publication
    return (published - timedelta(days=back)).isoformat()
