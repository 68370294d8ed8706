"""Reading the publication date a head line states, in English, Arabic and Hebrew, at the
precision stated, never from the clock. The strings are written for these tests."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

from generator import dates
from generator.dates import (
    date_in_line,
    days_without_year,
    find_dates,
    numeric_order,
    stated_date,
    time_zone_order,
)

SHAPES = [
    # the Hebrew calendar alone: day and year as Hebrew numerals, the month with "in" attached
    ('יום רביעי, כ"ד באייר התשע"ט', "2019-05-29"),
    ("א׳ באדר ב׳ התשפ״ד", "2024-03-11"),
    ("ל' בחשוון ה'תשפ\"ה", "2024-12-01"),
    ("ל' בחשוון תשפ\"ד", None),  # that year's Heshvan had 29 days
    ('כ"ד באייר התשע"ט, 30.05.2019', "2019-05-30"),  # a Gregorian date beside it wins
    # a weekday settles a numeric date's order: 7 March 2019 was a Thursday, 3 July was not
    ("Thu, 07/03/2019, 06:00", "2019-03-07"),
    ("Wed, 07/03/2019", "2019-07-03"),
    ("יום ראשון 08/01/2012", "2012-01-08"),
    ("07/03/2019", "2019"),  # no weekday: the year is what is certain
    # English month names, with weekday, time, time zone and other words around them
    ("Jan 9, 2007 4:20 PM EST", "2007-01-09"),
    ("April 2, 2009 11:00 AM", "2009-04-02"),
    ("Published March 1st, 2013 - 17:45 GMT", "2013-03-01"),
    ("Last updated: 5 October 2022 08:10 BST", "2022-10-05"),
    ("Updated Thu, 14 Nov 2019", "2019-11-14"),
    ("Tue, 2 Jan 2018 Source: Some Wire", "2018-01-02"),
    ("May 30, 2016 / 6:12 PM / 2 years ago", "2016-05-30"),
    ("Friday 9 August 2019", "2019-08-09"),
    ("| 9 August 2019, Friday |", "2019-08-09"),
    ("Nov. 4, 2021", "2021-11-04"),
    ("Sept. 12, 2015", "2015-09-12"),
    ("Posted at 3:05 PM, Jun 6, 2020", "2020-06-06"),
    ("Updated Feb 2nd, 2022 at 10:01 IST", "2022-02-02"),
    ("the 14th of July 2010", "2010-07-14"),
    ("December 2012", "2012-12"),
    # numeric, year first: always Y-M-D, full precision
    ("2016-03-09", "2016-03-09"),
    ("2016-03-09T07:30:00Z", "2016-03-09"),
    (" date 2016-03-09 Minister resigns after a long week", "2016-03-09"),
    ("Posted 2019/04/05 at 16:00", "2019-04-05"),
    # numeric, day and month told apart by a part above 12
    ("Posted on 08/19/16", "2016-08-19"),
    ("19/08/16", "2016-08-19"),
    ("19.08.2016 10:15", "2016-08-19"),
    # Arabic: both month series, Arabic-Indic and Persian digits
    ("الخميس ٠٣ يونيو ٢٠٢١ - ٠٩:٤٥", "2021-06-03"),
    ("7 تموز 2014", "2014-07-07"),
    ("18 كانون الأول 2016", "2016-12-18"),
    ("1 تشرين الثاني 2011", "2011-11-01"),
    ("9 آذار (مارس) 2012", "2012-03-09"),
    ("20-أغسطس-2015", "2015-08-20"),
    ("٢٥ إبريل ٢٠١٨", "2018-04-25"),
    ("۱۵ مايو ۲۰۲۰", "2020-05-15"),
    ("نشر في: 11 أيلول 2001", "2001-09-11"),
    ("10:22-2 أكتوبر 2024", "2024-10-02"),  # the time glued before the day
    # Hebrew month names, with attached prefixes
    ("3 בינואר 2021", "2021-01-03"),
    ("17 ביולי 2014", "2014-07-17"),
    ("28 אוקטובר 2012", "2012-10-28"),
    ("פורסם: 22.09.2019", "2019-09-22"),
]


@pytest.mark.parametrize(("line", "expected"), SHAPES)
def test_head_line_shapes(line: str, expected: str) -> None:
    assert date_in_line(line) == expected


@pytest.mark.parametrize("line", [
    "5 hours ago", "Updated 40 minutes ago", "yesterday", "Yesterday at 10:15", "today",
    "3 Min Read", "On Tuesday", "12 March",  # no year: no date
    "Militants fired 2000 rockets", "About 2000 people marched", "© 2023 Some Outlet",
    "In 2024 the war went on",  # a year inside other words is not the page's date
    "Call +1 212-555-0199", "Tel 02-55-55", "a 6-year-old girl", "Version 3.1.18",
    "Page 2 of 14", "1920x1080", "Israel strikes targets in Lebanon", "",
])
def test_not_dates(line: str) -> None:
    assert date_in_line(line) is None


def test_a_year_alone_only_when_the_line_is_nothing_else() -> None:
    assert date_in_line("2019") == "2019"
    assert date_in_line(" | 2019 | ") == "2019"
    assert date_in_line("Since 2019") is None


def test_ambiguous_numeric_dates_keep_only_the_year() -> None:
    assert date_in_line("06/05/18") == "2018"
    assert date_in_line("פורסם: 06.05.2018") == "2018"
    assert date_in_line("06/05/2018 09:00") == "2018"
    assert date_in_line("05/05/2018") == "2018-05-05"  # either order gives the same day


def test_the_order_settles_ambiguous_numeric_dates_but_never_overrides_the_text() -> None:
    assert date_in_line("06/05/2018 09:00", "DMY") == "2018-05-06"
    assert date_in_line("06/05/2018 09:00", "MDY") == "2018-06-05"
    assert date_in_line("19/08/16", "MDY") == "2016-08-19"
    assert date_in_line("08/19/16", "DMY") == "2016-08-19"


def test_impossible_days_are_not_dates() -> None:
    assert date_in_line("February 30, 2021") is None
    assert date_in_line("31/04/2021") is None
    assert date_in_line("2021-13-01") is None


def test_numeric_order_from_the_pages_own_dates() -> None:
    assert numeric_order(["Some headline", "Posted 25/06/2019"]) == "DMY"
    assert numeric_order(["Posted 06/25/19", "By A Writer"]) == "MDY"
    assert numeric_order(["06/05/2019", "Jan 9, 2019", "2019-06-25"]) is None  # nothing shows it
    assert numeric_order(["25/06/2019", "06/25/2019"]) is None  # the page contradicts itself
    assert numeric_order("٢٥/٠٦/٢٠١٩") == "DMY"


def test_numeric_order_from_the_same_day_written_out() -> None:
    """A caption or stamp writes out the day a numeric date means in one of its orders."""
    assert numeric_order(["Issued on: 04/01/2009", "A strike on January 4, 2009."]) == "DMY"
    assert numeric_order(["Posted 04/01/2009", "Updated April 1, 2009"]) == "MDY"
    assert numeric_order(["Posted 04/01/2009", "On 12 March 2009 the talks"]) is None


def test_published_wins_over_updated_on_one_line() -> None:
    line = "Updated 14 June 2019, first published 12 June 2019"
    assert date_in_line(line) == "2019-06-12"
    assert date_in_line("Published 12 June 2019, updated 14 June 2019") == "2019-06-12"


def test_stated_date_keeps_its_precision_and_needs_a_year() -> None:
    assert stated_date("June 3, 2015") == "2015-06-03"
    assert stated_date("June 3 2015") == "2015-06-03"
    assert stated_date("November 2012") == "2012-11"
    assert stated_date("1997") == "1997"
    assert stated_date("June 3") is None
    for relative in ("3 years ago", "in 2 years", "last year", "next year", "yesterday"):
        assert stated_date(relative) is None


def test_find_dates_gives_every_date_and_where() -> None:
    text = "From June 2, 2021, to 30 April 2023 and again in 2024-07-02."
    found = find_dates(text)
    assert [f.date for f in found] == ["2021-06-02", "2023-04-30", "2024-07-02"]
    assert text[found[1].start:found[1].end] == "30 April 2023"


def test_days_without_a_year() -> None:
    found = days_without_year("It began on Nov. 22 and ended on 3 March, not on May 4, 2020.")
    assert [(d.month, d.day) for d in found] == [(11, 22), (3, 3)]
    assert days_without_year("officials said 12 may die") == []  # the verb, not the month


def frozen_clock(year: int) -> type[dt.date]:
    """`date` whose today() is 1 January of `year`."""
    class Frozen(dt.date):
        @classmethod
        def today(cls) -> Frozen:
            return cls(year, 1, 1)
    return Frozen


def test_no_dependence_on_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [line for line, _ in SHAPES] + ["5 hours ago", "yesterday", "06/05/18", "12 March"]

    def read_all() -> list[str | None]:
        date_in_line.cache_clear()
        stated_date.cache_clear()
        return [date_in_line(line) for line in lines] + [stated_date(line) for line in lines]

    results = read_all()
    for year in (1990, 2090):
        monkeypatch.setattr(dates, "date", frozen_clock(year))
        assert read_all() == results
    source = inspect.getsource(dates)
    assert "today(" not in source and ".now(" not in source and "dateparser" not in source


def test_a_head_line_reads_fast() -> None:
    import time
    lines = [f"{line} {i}" for i, (line, _) in enumerate(SHAPES * 30)]
    started = time.perf_counter()
    for line in lines:
        date_in_line(line)
    assert (time.perf_counter() - started) / len(lines) < 0.001


def test_a_time_zone_is_a_word_in_capitals() -> None:
    assert time_zone_order(["Rents rose the sharpest in the west"]) is None
    assert time_zone_order(["Updated 6:04 p.m. ET"]) == "MDY"
