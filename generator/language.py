"""Which language a piece of text is in.

Arabic and Hebrew are told apart by their scripts, which is exact and free; a statistical
detector (lingua) is only asked about Latin and Cyrillic text, once per article.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

# Script name prefix (from the Unicode character name) -> language code.
SCRIPT_LANGUAGES = {"ARABIC": "ar", "HEBREW": "he"}
DETECTED = ("ENGLISH", "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH",
            "TURKISH", "RUSSIAN", "UKRAINIAN", "INDONESIAN")
DEFAULT_LANGUAGE = "en"
MIN_DETECTABLE_CHARS = 40


def letter_scripts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return counts


def script_language(text: str) -> str | None:
    """"ar" or "he" when most letters are in that script, else None (ask `latin_language`)."""
    counts = letter_scripts(text)
    total = sum(counts.values())
    for script, code in SCRIPT_LANGUAGES.items():
        if total and counts.get(script, 0) * 2 > total:
            return code
    return None


def is_rtl_text(text: str) -> bool:
    return script_language(text) is not None


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in DETECTED]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def latin_language(text: str) -> str:
    """ISO 639-1 code of Latin- or Cyrillic-script text; English when too short to tell."""
    sample = text[:2000]
    if len(sample) < MIN_DETECTABLE_CHARS:
        return DEFAULT_LANGUAGE
    detected = _detector().detect_language_of(sample)
    return DEFAULT_LANGUAGE if detected is None else str(detected.iso_code_639_1.name).lower()
