"""Dates as the text states them, at the precision stated: "YYYY-MM-DD", "YYYY-MM" or "YYYY".

A table-driven reader (month names in English, Hebrew, Arabic and Russian, prefixes and cue
words live in data/dates.yml): a date needs a year written in the text, so "3 hours ago",
"yesterday" or "on Tuesday" are never dates, and the clock is never consulted: the same text
gives the same date on any day. Arabic-Indic (٠-٩) and Persian (۰-۹) digits read as 0-9.

Numeric dates keep only what is certain. The day and month of "07/23/17" are told apart by the
part above 12; when both parts are 12 or less, by the order the caller knows from the page's
other dates ("DMY" or "MDY", see `numeric_order`); without it only the year is kept
("07/04/17" -> "2017"). Year-first dates ("2014-08-22", "2021/12/02") are always Y-M-D.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

DATA_FILE = Path(__file__).parent / "data" / "dates.yml"
NUMERIC_HINT = re.compile(r"\d[./-]\d")  # what a numeric date ("23/07/17", "07.03.2015") has
TIME_ZONE_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")  # "EST", "BST"

# Folding that keeps every character's position (so spans found in the folded text are spans
# of the original): other digit sets to ASCII, Arabic letter variants to one form, the Arabic
# comma, dashes and invisible direction marks to their plain equivalents.
_FOLD = str.maketrans({
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic ٠-٩
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian ۰-۹
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "،": ",", "٫": ".",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200e": " ", "\u200f": " ", "\u061c": " ",
    "\u200b": " ", "\ufeff": " ",
})


def fold(text: str) -> str:
    """`text` with digits, Arabic letter variants, dashes and spaces folded; same length."""
    return text.translate(_FOLD)


class Found(NamedTuple):
    """A date stated in a text: where (offsets into the text) and what (ISO, as precise as
    stated)."""

    start: int
    end: int
    date: str
    published: bool  # a "Published"/"פורסם"/"نشر" cue stands right before it


class DayMonth(NamedTuple):
    """A day and month stated without a year ("Nov. 22", "3 March")."""

    start: int
    end: int
    month: int
    day: int


@dataclass(frozen=True)
class _Tables:
    month_of: dict[str, int]  # folded, casefolded name (single spaces) -> month number
    prefixes: str  # letters that may be attached in front of a Hebrew or Arabic month name
    pivot: int
    dates: re.Pattern[str]
    days: re.Pattern[str]
    year_alone: re.Pattern[str]
    published: re.Pattern[str]
    weekday_of: dict[str, int]  # folded, casefolded weekday name -> 0 (Monday) to 6
    weekdays: re.Pattern[str]


def _is_latin(word: str) -> bool:
    return all(ch.isascii() for ch in word)


# A month's place in a pattern: a word (two for "كانون الثاني", a hyphen for "ב-מרץ", a period
# for "Oct."), looked up in the month table once matched. Far faster than an alternation of
# every name, and a word that is no month simply gives no date.
_DIGIT = re.compile(r"\d")
_WORD = r"(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)?(?:\s+[^\W\d_]+)?\.?"


@cache
def date_words() -> dict[str, Any]:
    """data/dates.yml as read (month names, cue words; events.py reads its sections too)."""
    data: dict[str, Any] = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return data


@cache
def _tables() -> _Tables:
    data = date_words()
    month_of = {" ".join(fold(str(name)).casefold().split()): int(number)
                for number, names in data["months"].items() for name in names}
    he, ar = data["prefixes"]["he"], fold(data["prefixes"]["ar"])
    month = _WORD
    # "شباط (فبراير)", "كانون الثاني/يناير": a second name for the same month, skipped.
    alias = r"(?:\s*[/(]\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*\)?)?"
    ordinal = "(?:" + "|".join(map(re.escape, data["ordinals"])) + ")?"
    sep = r"(?:\s*[,/.\-]\s*|\s+)"
    year = r"(?:19|20)\d\d(?!\d)"
    # Where a month-first date may start: a word with a digit soon after (a quick refusal).
    word_then_digit = r"(?<![^\W\d_])(?=[^\W\d_]\D{0,40}\d)"
    dates = re.compile(
        # 2014-08-22, 2014-08-22T10:00:00Z, 2021/12/02, 2015.03.07
        rf"(?<![\d.,/\-])(?P<ymd_y>{year})(?P<ymd_s>[-/.])(?P<ymd_m>\d{{1,2}})(?P=ymd_s)"
        rf"(?P<ymd_d>\d{{1,2}})(?!\d|[.,/\-]\d)"
        # Mar 17, 2005; June 24th, 2011; Oct. 8, 2023
        rf"|{word_then_digit}(?P<mdy_m>{month}){alias}{sep}(?P<mdy_d>\d{{1,2}}){ordinal}{sep}"
        rf"(?P<mdy_y>{year})"
        # 12 March 2024; 27th, November 2024; 13-سبتمبر-2022; 12 במרץ 2024; a time glued
        # before the day, "10:22-2 أكتوبر 2024" (not a range's end, "1-2 March 2024")
        rf"|(?<![\d:])(?:(?<=\d:\d\d-)|(?<!\d-))(?P<dmy_d>\d{{1,2}}){ordinal}(?:\s+of\s+|{sep})"
        rf"(?P<dmy_m>{month}){alias}{sep}(?P<dmy_y>{year})"
        # 07/23/17, 12.03.2024, 23-07-2017
        # (a hyphen before it only after a word's letters: "ב-21.09.2023", not "10-21.09")
        rf"|(?<![\d.,/:])(?<![\d.,/:\-]-)(?P<num_a>\d{{1,2}})(?P<num_s>[./-])(?P<num_b>\d{{1,2}})"
        rf"(?P=num_s)"
        rf"(?P<num_y>\d{{4}}|\d{{2}})(?!\d|[.,/\-]\d)"
        # November 2012; March, 2024
        rf"|{word_then_digit}(?P<my_m>{month}){alias}(?:\s*,\s*|\s+|-)(?P<my_y>{year})",
        re.IGNORECASE)
    days = re.compile(
        rf"{word_then_digit}(?P<md_m>{month}){sep}(?P<md_d>\d{{1,2}})(?!\d|\s*[:.]\d){ordinal}"
        r"(?![^\W\d_])"
        rf"|(?<![\d:.,])(?P<dm_d>\d{{1,2}}){ordinal}(?:\s+of\s+|{sep})(?P<dm_m>{month})",
        re.IGNORECASE)
    cues = sorted((fold(str(c)).casefold() for c in data["published_cues"]), key=len,
                  reverse=True)
    published = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, cues)) +
                           r")(?![^\W\d_])[\s:\-–—|,]*(?:on|at|في|ב-?)?\s*[\w\s:,.|-]{0,12}$",
                           re.IGNORECASE)
    weekday_of = {fold(str(name)).casefold(): int(number)
                  for number, names in data["weekday_numbers"].items() for name in names}
    weekdays = re.compile(r"(?<![^\W\d_])(?:" + "|".join(
        map(re.escape, sorted(weekday_of, key=len, reverse=True))) + r")(?![^\W\d_])",
        re.IGNORECASE)
    return _Tables(month_of=month_of, prefixes=he + ar, pivot=int(data["two_digit_pivot"]),
                   dates=dates, days=days,
                   year_alone=re.compile(rf"^[\s|•·,.()\[\]\-–—/]*({year})[\s|•·,.()\[\]\-–—/]*$"),
                   published=published, weekday_of=weekday_of, weekdays=weekdays)


def _month(name: str) -> tuple[int, str] | None:
    """The month a matched word names, and that word as written: the word itself, or the
    last or first of two words ("Updated May", "March the"), less up to two attached prefix
    letters ("במרץ", "ب-مارس")."""
    tables = _tables()
    words = name.rstrip(".").split()
    for word in dict.fromkeys([" ".join(words), words[-1], words[0]]):
        key = word.casefold()
        for cut in range(3):
            stem = key[cut:].lstrip("-")
            if stem in tables.month_of and all(ch in tables.prefixes for ch in key[:cut]):
                return tables.month_of[stem], word
    return None


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(match: re.Match[str], order: str | None) -> str | None:
    a, b, y = match["num_a"], match["num_b"], match["num_y"]
    if len(y) == 2:
        # A two-digit year only in a clearly dated shape: "7/23/17", "07.09.18", or "3.11.15"
        # on a page whose order is known (Hebrew and Arabic pages are day-first); a hyphen
        # with two digits each is as likely a phone number: "03-12-12".
        if match["num_s"] == "-" or match["num_s"] == "." and (len(a) != 2 or len(b) != 2) \
                and order is None:
            return None
        year = int(y) + (2000 if int(y) < _tables().pivot else 1900)
    else:
        year = int(y)
        if not 1900 <= year <= 2099:
            return None
    first, second = int(a), int(b)
    if first > 12 and second > 12 or first == 0 or second == 0:
        return None
    if first > 12:
        order = "DMY"
    elif second > 12:
        order = "MDY"
    elif first == second:
        order = "DMY"
    if order == "DMY":
        return _iso(year, second, first)
    if order == "MDY":
        return _iso(year, first, second)
    return f"{year:04d}"  # 07/04/17: the year is certain, day and month are not


def _read(match: re.Match[str], order: str | None) -> str | None:
    if match["ymd_y"]:
        return _iso(int(match["ymd_y"]), int(match["ymd_m"]), int(match["ymd_d"]))
    if match["num_a"]:
        return _numeric(match, order)
    for shape in ("mdy", "dmy", "my"):
        if match[f"{shape}_m"]:
            named = _month(match[f"{shape}_m"])
            if named is None:
                return None
            month = named[0]
            day = None if shape == "my" else int(match[f"{shape}_d"])
            if day == 0:
                return None
            return _iso(int(match[f"{shape}_y"]), month, day)
    return None


def find_dates(text: str, order: str | None = None) -> list[Found]:
    """Every date with a year that `text` states, in order, at the precision stated.

    `order` ("DMY" or "MDY") settles numeric dates whose day and month are both 12 or less.
    """
    found: list[Found] = []
    if _DIGIT.search(text) is None:
        return found
    folded = fold(text)
    tables = _tables()
    weekday_read = order is not None
    position = 0
    while (match := tables.dates.search(folded, position)) is not None:
        if match["num_a"] and not weekday_read:  # a numeric date: a weekday may settle it
            order, weekday_read = weekday_order(folded), True
        if (iso := _read(match, order)) is None:
            # Not a date ("date 2014" before "-08-22", "Issue 5, 2024"): look again from the
            # next word, so what it swallowed can still be read.
            position = match.start() + 1
            continue
        before = folded[max(0, match.start() - 40):match.start()]
        found.append(Found(match.start(), match.end(), iso,
                           tables.published.search(before) is not None))
        position = match.end()
    return found


def weekday_order(folded: str) -> str | None:
    """"DMY" or "MDY" from the one weekday a line prints beside a numeric date whose day
    and month could be either ("Thu, 07/03/2019": 7 March was a Thursday, 3 July was not)."""
    tables = _tables()
    named = {tables.weekday_of[m[0].casefold()] for m in tables.weekdays.finditer(folded)}
    if len(named) != 1:
        return None
    [weekday] = named
    orders = set()
    for match in tables.dates.finditer(folded):
        if not match["num_a"]:
            continue
        for order in ("DMY", "MDY"):
            iso = _numeric(match, order)
            if iso is not None and len(iso) == 10 and date.fromisoformat(iso).weekday() == weekday:
                orders.add(order)
    return orders.pop() if len(orders) == 1 else None


def days_without_year(text: str, stated: list[Found] | None = None) -> list[DayMonth]:
    """Every day and month stated without a year ("on Nov. 22", "3 March"), in order.
    `stated` is `find_dates(text)` when the caller has it already."""
    folded = fold(text)
    dated = [(f.start, f.end) for f in (find_dates(text) if stated is None else stated)]
    result = []
    position = 0
    while (match := _tables().days.search(folded, position)) is not None:
        position = match.start() + 1
        if any(start < match.end() and match.start() < end for start, end in dated):
            continue
        name, day = (match["md_m"], match["md_d"]) if match["md_m"] else \
            (match["dm_m"], match["dm_d"])
        named = _month(name)
        if named is None or not 1 <= int(day) <= 31:
            continue
        if _is_latin(named[1]) and named[1][0].islower():
            continue  # "12 may die", "march 3 miles": the verbs, not the months
        result.append(DayMonth(match.start(), match.end(), named[0], int(day)))
        position = match.end()
    return result


HEBREW_LETTER_VALUES = dict(zip("אבגדהוזחטיכךלמםנןסעפףצץקרשת",
                                (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 20, 30, 40, 40, 50, 50, 60,
                                 70, 80, 80, 90, 90, 100, 200, 300, 400), strict=True))
HEBREW_LETTER = re.compile(r"[א-ת]")
HEBREW_NUMERAL = r"[א-ת]{1,4}(?:['׳]|[\"״][א-ת])"  # כ"ד, ט', תשע"ט


def gematria(numeral: str) -> int:
    """The value of a Hebrew numeral ('כ"ד' is 24, 'תשע"ט' 779)."""
    return sum(HEBREW_LETTER_VALUES.get(letter, 0) for letter in numeral)


@lru_cache(maxsize=1)
def _hebrew_calendar_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    months = {str(name): int(number)
              for number, names in date_words()["hebrew_calendar_months"].items()
              for name in names}
    names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    pattern = re.compile(rf"(?<![א-ת])({HEBREW_NUMERAL})\s+[בל]?-?({names})\s+"
                         rf"(?:ה['׳]?)?({HEBREW_NUMERAL})(?![א-ת])")
    return pattern, months


def hebrew_calendar_dates(text: str) -> list[Found]:
    """Dates by the Hebrew calendar ('כ"ד באייר התשע"ט' is 29 May 2019), in the Gregorian
    calendar; a year is written without its thousands (5779 as תשע"ט)."""
    from pyluach.dates import HebrewDate  # the Hebrew calendar's arithmetic

    pattern, months = _hebrew_calendar_pattern()
    found = []
    for match in pattern.finditer(text):
        day, year = gematria(match[1]), gematria(match[3]) + 5000
        try:
            iso = HebrewDate(year, months[match[2]], day).to_pydate().isoformat()
        except ValueError:  # a day the month does not have
            continue
        found.append(Found(match.start(), match.end(), iso, False))
    return found


@lru_cache(maxsize=16384)
def date_in_line(line: str, order: str | None = None) -> str | None:
    """The publication date a short line from the head of a page states, or None.

    The line may hold other words ("Published March 3rd, 2019 - 14:20 GMT", "Wed, 31 Jul 2024
    Source: BBC", " date 2014-08-22 Headline"). Of two dates, the one after a "Published" cue
    wins, else the first. A year alone counts only when the line is nothing but the year.
    """
    found = find_dates(line, order) or (
        hebrew_calendar_dates(line) if HEBREW_LETTER.search(line) is not None else [])
    if found:
        return next((f.date for f in found if f.published), found[0].date)
    alone = _tables().year_alone.match(fold(line))
    return alone[1] if alone else None


def time_zone_order(lines: Iterable[str]) -> str | None:
    """"MDY" or "DMY" from the time zones the lines print ("6:00 AM EDT" is American, so
    month-first); None when they print none, or both kinds."""
    # whole words in capitals, as zones are printed: "sharpest" holds no "EST"
    seen = {order for line in lines for word in TIME_ZONE_WORD.findall(line)
            if (order := _time_zone_orders().get(word.casefold())) is not None}
    return seen.pop() if len(seen) == 1 else None


@lru_cache(maxsize=1)
def _time_zone_orders() -> dict[str, str]:
    return {str(zone).casefold(): order
            for order, zones in date_words()["time_zone_order"].items() for zone in zones}


def numeric_order(lines: Iterable[str] | str) -> str | None:
    """"DMY" or "MDY" when the numeric dates in `lines` show it (a part above 12: "23/07/2017"
    is DMY, "07/23/17" MDY), or when the lines also write out the day a numeric date means in
    one order only ("04/01/2009" beside a caption's "January 4, 2009"); None when nothing
    shows it, or when the dates disagree."""
    lines = [lines] if isinstance(lines, str) else list(lines)
    seen, readings = set(), []
    pattern = _tables().dates
    for line in lines:
        folded = fold(line)
        if NUMERIC_HINT.search(folded) is None:
            continue  # most lines hold no numeric date: skip the full pattern
        for match in pattern.finditer(folded):
            if not match["num_a"] or _numeric(match, None) is None:
                continue
            first, second = int(match["num_a"]), int(match["num_b"])
            if first > 12 >= second:
                seen.add("DMY")
            elif second > 12 >= first:
                seen.add("MDY")
            elif first != second:
                readings.append({order: _numeric(match, order) for order in ("DMY", "MDY")})
    written = {found.date for line in lines for found in find_dates(line)
               if len(found.date) == len("2000-01-01")} if readings and not seen else set()
    seen |= {order for reading in readings for order, iso in reading.items()
             if iso in written and reading["MDY" if order == "DMY" else "DMY"] not in written}
    return seen.pop() if len(seen) == 1 else None


@lru_cache(maxsize=4096)
def stated_date(phrase: str, order: str | None = None) -> str | None:
    """ISO date ("2024-02-26", "2012-11", "1997") for a phrase that states a date with a year,
    else None (the same reading as `date_in_line`)."""
    return date_in_line(phrase.strip(), order)
