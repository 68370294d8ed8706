"""Dated events: sentences that state when something happened, at the precision stated.

Requires: Articles (with their own stated date, if any) and Mentions. Assigns: Events with
an ISO date ("2017-03-26", "2012-11", "1997"), the sentence, its paragraph and the entities
mentioned in it.

A date needs a year in the text: "March 26, 2017", "November 2012", "2014-08-22" (kept at
full precision), or a number that is a year by its context ("in 1997", "since 2009", "the
2006 war", "a botched 1997 attempt"); a number that counts things is not ("Hamas fired 2000
missiles", "2000 people"). The words are in data/dates.yml.

A day without a year ("on Nov. 22", "on Tuesday") is resolved against the date the article
itself states, and only when the sentence says on which side of it the day lies: "last
Tuesday", "next Tuesday", or a sentence told in the past ("Netanyahu spoke on Nov. 22") or
the future ("talks will resume on March 3"); a sentence that says neither, or both, leaves it
undated. "Yesterday", "today", "last year" and the like say their side themselves. Without
a stated article date nothing is resolved: no date is invented and no event is made.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ..dates import DayMonth, Found, date_words, days_without_year, find_dates, fold
from ..model import Article, Event, Mention
from ..sentences import sentences

# A four-digit number that may be a year: not inside a longer number ("2,000", "1.2000"), not
# a decade ("the 1990s"); Arabic and Hebrew letters may follow ("2024م").
YEAR = re.compile(r"(?<![0-9A-Za-z_,.])(?:19|20)\d\d(?![0-9A-Za-z_]|[,.]\d)")
RELATIVE = re.compile(r"\b(?:(?:earlier |later )?today|yesterday|tomorrow|"
                      r"(?:last|this|next) (?:year|month))\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
CONTINUES = re.compile(r"^\s*(?:,|and|or|to|through|until|-|–|—|/)\s*(?:in\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Words:
    """The sections of data/dates.yml that read running text, compiled."""

    year_before: re.Pattern[str]  # "in ", "since ", "mid-", "the summer of ", "عام "
    determiner_before: re.Pattern[str]  # "the ", "a botched ", "Israel's "
    not_a_year_before: re.Pattern[str]  # "Resolution ", "No. ", "$"
    event_nouns: frozenset[str]
    count_nouns: frozenset[str]
    weekdays: tuple[str, ...]
    weekday: re.Pattern[str]  # "last Tuesday", "on Tuesday", "Tuesday"
    weekday_before: frozenset[str]
    weekday_after: frozenset[str]
    weekday_names: frozenset[str]
    past_words: frozenset[str]
    not_past: frozenset[str]
    future_words: frozenset[str]
    future_phrases: re.Pattern[str]
    modal_words: frozenset[str]
    any_day: re.Pattern[str]  # a quick look: a weekday or a relative word anywhere


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


@cache
def words() -> Words:
    data = date_words()
    before = [w for ws in data["year_before"].values() for w in ws]
    weekdays = tuple(str(w) for w in data["weekdays"])
    side_words = list(data["weekday_before"]) + list(data["weekday_after"])
    future = [str(w) for w in data["future_words"]]
    return Words(
        year_before=re.compile(
            rf"(?:(?<![^\W\d_])(?:{_alternation(before)})(?:\s+|-)"
            rf"|(?<![^\W\d_])(?:{_alternation(data['year_of'])})\s+of\s+)$", re.IGNORECASE),
        determiner_before=re.compile(
            rf"(?:(?<![^\W\d_])(?i:{_alternation(data['determiners'])})|[^\W\d_]['’]s)\s+"
            rf"(?:(?!(?:{_alternation(data['not_adjectives'])})\s)[a-z][a-z-]*\s+){{0,2}}$"),
        not_a_year_before=re.compile(
            rf"(?:{_alternation(data['not_a_year_before'])})\s*$", re.IGNORECASE),
        event_nouns=frozenset(str(w) for w in data["event_nouns"]),
        count_nouns=frozenset(str(w) for w in data["count_nouns"]),
        weekdays=tuple(w.casefold() for w in weekdays),
        weekday=re.compile(
            rf"(?:\b(?P<side>(?i:{_alternation(side_words)}|on))\s+)?"
            rf"\b(?P<day>{_alternation([w.capitalize() for w in weekdays])})\b"),
        weekday_before=frozenset(data["weekday_before"]),
        weekday_after=frozenset(data["weekday_after"]),
        weekday_names=frozenset(data["weekday_names"]),
        past_words=frozenset(data["past_words"]),
        not_past=frozenset(data["not_past"]),
        future_words=frozenset(w for w in future if " " not in w),
        future_phrases=re.compile(
            rf"\b(?:{_alternation([w for w in future if ' ' in w])})\b", re.IGNORECASE),
        modal_words=frozenset(data["modal_words"]),
        any_day=re.compile(rf"\b(?:{_alternation([w.capitalize() for w in weekdays])})\b|"
                           + RELATIVE.pattern, re.IGNORECASE))


def extract_events(article: Article, mentions: list[Mention]) -> list[Event]:
    events: list[Event] = []
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        by_paragraph.setdefault(mention.paragraph, []).append(mention)
    for paragraph in article.paragraphs:
        if paragraph.kind in ("heading", "byline", "masthead") or \
                not may_state_a_date(paragraph.text, article.date):
            continue
        inside = by_paragraph.get(paragraph.index, [])
        starts = [m.start for m in inside]  # sorted: each sentence looks up its own mentions
        for sentence, offset in sentences(paragraph.text):
            dates = sentence_dates(sentence, article.date)
            if not dates:
                continue
            start, end = paragraph.start + offset, paragraph.start + offset + len(sentence)
            first = bisect_left(starts, start)
            entities = list(dict.fromkeys(m.entity for m in inside[first:bisect_left(starts, end)]
                                          if m.end <= end))
            for when in dates:
                events.append(Event(date=when, text=sentence.strip(), article=article.id,
                                    paragraph=paragraph.index, entities=tuple(entities)))
    return list(dict.fromkeys(events))


def may_state_a_date(text: str, article_date: str | None) -> bool:
    """A quick look at a whole paragraph, so most are never split into sentences."""
    folded = fold(text)
    if YEAR.search(folded):
        return True
    # A day without a year has digits ("Nov. 22"), a weekday or relative day a word.
    return article_date is not None and bool(words().any_day.search(folded)
                                             or DIGIT.search(folded))


def sentence_dates(sentence: str, article_date: str | None) -> list[str]:
    """Every date the sentence states (in order, each once)."""
    sentence = fold(sentence)
    stated = find_dates(sentence)
    found = [(f.start, f.date) for f in stated]
    spans = [(f.start, f.end) for f in stated]
    previous_year_end = -1
    for match in YEAR.finditer(sentence):
        if any(start <= match.start() < end for start, end in spans):
            continue
        if is_year(sentence, match, previous_year_end):
            found.append((match.start(), match.group()))
            previous_year_end = match.end()
    if article_date is not None:
        found.extend(resolved_days(sentence, article_date, stated))
    return list(dict.fromkeys(when for _, when in sorted(found)))


def is_year(sentence: str, match: re.Match[str], previous_year_end: int) -> bool:
    """Whether the four-digit number `match` is a year by its context in `sentence`."""
    table = words()
    before = sentence[max(0, match.start() - 40):match.start()]
    after = sentence[match.end():match.end() + 30]
    if table.not_a_year_before.search(before) or re.match(r"\s*(?:%|per ?cent)", after):
        return False
    following = re.match(r"[ \t]+([^\W\d_][\w'’-]*)", after)
    noun = following[1] if following else None
    if noun is not None and noun.casefold() in table.count_nouns:
        return False  # "2000 people", "fired 2000 missiles"
    if previous_year_end >= 0 and CONTINUES.match(sentence[previous_year_end:match.start()]):
        return True  # "in 2006 and 2009", "2006-2009"
    if before.endswith("(") and re.match(r"\s*[)\-–,]", after):
        return True  # "the Lebanon war (2006)"
    if re.search(r"\d\s*[-–]$", before):
        return False  # "555-2000"
    round_hundred = match.group().endswith("00")
    if table.year_before.search(before):
        # "in 2000 attacks" counts; "in 2000, Israel ..." is a year.
        return not (round_hundred and noun is not None and noun[0].islower()
                    and noun.endswith("s"))
    if table.determiner_before.search(before) and noun is not None:
        # "the 2006 war", "the 1993 Oslo Agreement"; "the 2000 prisoners" counts.
        return not round_hundred or noun[0].isupper() or noun.casefold() in table.event_nouns
    return False


# --- days without a year --------------------------------------------------------------------

def resolved_days(sentence: str, article_date: str, stated: list[Found]
                  ) -> list[tuple[int, str]]:
    """(position, date) for the relative days and days without a year that the sentence
    places on one side of the article's date (`stated`: the dates with a year in it)."""
    found: list[tuple[int, str]] = []
    spans = [(f.start, f.end) for f in stated]
    published = date.fromisoformat(article_date) if len(article_date) == 10 else None
    for match in RELATIVE.finditer(sentence):
        if (when := relative_date(match.group().lower(), article_date)) is not None:
            found.append((match.start(), when))
    if published is None:
        return found
    side: str | None | bool = False  # computed once, when first needed
    for day in days_without_year(sentence, stated):
        if side is False:
            side = tense_side(sentence)
        if isinstance(side, str) and (when := day_without_year(day, published, side)):
            found.append((day.start, when))
    table = words()
    for match in table.weekday.finditer(sentence):
        previous = sentence[:match.start()].split()[-1:]
        if previous and previous[0].casefold() in table.weekday_names:
            continue  # "Black Friday", "Bloody Sunday"
        if any(match.end() <= start <= match.end() + 3 or end <= match.start() <= end + 3
               for start, end in spans):
            continue  # "Tuesday, June 8, 2021": the weekday of a stated date
        modifier = (match["side"] or "").casefold()
        if modifier in table.weekday_before:
            when_side, same_day = "before", False
        elif modifier in table.weekday_after:
            when_side, same_day = "after", False
        else:
            if side is False:
                side = tense_side(sentence)
            if not isinstance(side, str):
                continue
            when_side, same_day = side, side == "before"  # "said on Tuesday", a Tuesday
        weekday = table.weekdays.index(match["day"].casefold())
        found.append((match.start(), weekday_date(weekday, published, when_side, same_day)))
    return found


def tense_side(sentence: str) -> str | None:
    """"before" when the sentence is told in the past, "after" when in the future, None when
    neither or both (or a modal leaves it open: "could meet")."""
    table = words()
    # Lower-case words only: "May 3" is no modal, "Edward Said" no verb.
    tokens = [t for t in re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", sentence) if t.islower()]
    future = bool(table.future_phrases.search(sentence)) or any(
        t in table.future_words or t.endswith(("'ll", "’ll")) for t in tokens)
    open_modal = any(t in table.modal_words and (i + 1 == len(tokens) or
                                                 tokens[i + 1] not in ("have", "not"))
                     for i, t in enumerate(tokens))
    past = any(t in table.past_words or (len(t) > 4 and t.endswith("ed") and
                                         not t.endswith("eed") and t not in table.not_past)
               for t in tokens)
    if past and not future and not open_modal:
        return "before"
    if future and not past:
        return "after"
    return None


def day_without_year(day: DayMonth, published: date, side: str) -> str | None:
    """"Nov. 22" said in the past in an article of 2024-02-26 is 2023-11-22 (the latest such
    day not after it); "March 3" said in the future is 2024-03-03 (the first not before)."""
    years = (published.year, published.year - 1) if side == "before" else \
        (published.year, published.year + 1)
    for year in years:
        try:
            when = date(year, day.month, day.day)
        except ValueError:
            continue
        if when <= published if side == "before" else when >= published:
            return when.isoformat()
    return None


def weekday_date(weekday: int, published: date, side: str, same_day: bool) -> str:
    """The nearest such weekday on that side of the article's date (the date itself when
    `same_day`: "Israel said on Tuesday" in an article of that Tuesday)."""
    if side == "before":
        back = (published.weekday() - weekday) % 7
        return (published - timedelta(days=back if back or same_day else 7)).isoformat()
    ahead = (weekday - published.weekday()) % 7 or 7
    return (published + timedelta(days=ahead)).isoformat()


def relative_date(phrase: str, article_date: str) -> str | None:
    """"yesterday", "last year" ... against the article's date, if it is precise enough."""
    year = int(article_date[:4])
    if phrase.endswith("year"):
        return f"{year + {'last': -1, 'this': 0, 'next': 1}[phrase.split()[0]]:04d}"
    if len(article_date) < 7:
        return None
    if phrase.endswith("month"):
        month = int(article_date[5:7]) - 1 + {"last": -1, "this": 0, "next": 1}[phrase.split()[0]]
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    if len(article_date) < 10:
        return None
    published = date.fromisoformat(article_date)
    shift = {"yesterday": -1, "tomorrow": 1}.get(phrase, 0)  # today, earlier/later today
    return (published + timedelta(days=shift)).isoformat()
