"""Turning a date phrase the text states into an ISO date at the precision it was stated.

dateparser does the reading of month names and formats; this module only decides the
precision and refuses anything without a year, so "on Tuesday" never becomes a date.
"""

from __future__ import annotations

from functools import lru_cache

from dateparser.date import DateDataParser

_PARSER = DateDataParser(
    languages=["en", "ar", "he"],
    settings={"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first",
              "RETURN_TIME_AS_PERIOD": False, "DATE_ORDER": "DMY"},
)


@lru_cache(maxsize=4096)
def stated_date(phrase: str) -> str | None:
    """ISO date ("2024-02-26", "2012-11", "1997") for a phrase that states a year, else None."""
    phrase = phrase.strip(" |,.•-–—\u00a0")
    if not phrase or len(phrase) > 60:
        return None
    data = _PARSER.get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    value = data.date_obj
    if data.period == "year":
        return f"{value.year:04d}"
    if data.period == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
