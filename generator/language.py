"""Which language a piece of text is in.

Arabic and Hebrew are told apart by their scripts, which is exact and free; a statistical
detector (lingua) is only asked about Latin and Cyrillic text, once per article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SCRIPTS = {"ar": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
           "he": re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")}
RIGHT_TO_LEFT = re.compile("|".join(script.pattern for script in SCRIPTS.values()))
LETTER = re.compile(r"[^\W\d_]")
DETECTED = ("ENGLISH", "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH",
            "TURKISH", "RUSSIAN", "UKRAINIAN", "INDONESIAN")
DEFAULT_LANGUAGE = "en"
MIN_DETECTABLE_CHARS = 40
# Words frequent in any English text and rare in the other detected languages' text. When they
# are this large a share of a sample, it is English without asking the detector (which costs
# about a millisecond per sample: most of the time of parsing a large English corpus).
ENGLISH_WORDS = frozenset("the and of to that with said from which were have has this".split())
ENGLISH_SHARE = 0.12
WORD = re.compile(r"[^\W\d_]+")


def script_language(text: str) -> str | None:
    """"ar" or "he" when most letters are in that script, else None (ask `latin_language`)."""
    if not RIGHT_TO_LEFT.search(text):
        return None  # the common case, decided without counting every letter
    counts = {code: len(script.findall(text)) for code, script in SCRIPTS.items()}
    letters = len(LETTER.findall(text))
    return next((code for code, count in counts.items() if count * 2 > letters), None)


def is_rtl_text(text: str) -> bool:
    return script_language(text) is not None


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in DETECTED]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def latin_language(text: str) -> str:
    """ISO 639-1 code of Latin- or Cyrillic-script text; English when too short to tell."""
    sample = text[:400]
    if len(sample) < MIN_DETECTABLE_CHARS:
        return DEFAULT_LANGUAGE
    words = WORD.findall(sample.lower())
    if sum(word in ENGLISH_WORDS for word in words) >= ENGLISH_SHARE * len(words):
        return "en"
    detected = _detector().detect_language_of(sample)
    return DEFAULT_LANGUAGE if detected is None else str(detected.iso_code_639_1.name).lower()
