"""Matching knowledge-base names in text: boundaries, prefixes, case, longest match."""

from __future__ import annotations

from generator.extract.matcher import NameMatcher
from generator.model import Entity

ENTITIES = (
    Entity("israel", "Israel", "place", {"he": ("ישראל",), "ar": ("إسرائيل",)},
           demonyms=("Israeli", "Israelis")),
    Entity("israel-katz", "Israel Katz", "person"),
    Entity("lebanon", "Lebanon", "place", {"he": ("לבנון",), "ar": ("لبنان",)}),
    Entity("hamas", "Hamas", "organization", {"he": ("חמאס",), "ar": ("حماس",)}),
    Entity("hezbollah", "Hezbollah", "organization", {"he": ("חיזבאללה",), "ar": ("حزب الله",)}),
    Entity("shin-bet", "Shin Bet", "organization",
           {"en": ("Shabak", "Israel Security Agency", "Israeli Security Agency")}),
    Entity("palestinian-authority", "Palestinian Authority", "organization", {"en": ("PA",)}),
    Entity("gaza", "Gaza", "place", {"ar": ("غزة",)}),
)
MATCHER = NameMatcher.for_entities(ENTITIES)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.pattern.entity) for m in MATCHER.find(text)]


def test_longest_match_wins() -> None:
    assert found("Israel Katz said Israel would act.") == [("Israel Katz", "israel-katz"),
                                                          ("Israel", "israel")]
    assert found("The Israeli Security Agency (Shabak) said") == [
        ("Israeli Security Agency", "shin-bet"), ("Shabak", "shin-bet")]


def test_word_boundaries_and_possessives() -> None:
    assert found("Israel’s army and Israel's") == [("Israel", "israel"), ("Israel", "israel")]
    assert found("Israelite Hamasi") == []
    assert found("Hamas-Hezbollah weapons") == [("Hamas", "hamas"), ("Hezbollah", "hezbollah")]


def test_case_of_a_proper_name() -> None:
    assert found("HAMAS said; hamas did not") == [("HAMAS", "hamas")]
    assert found("the pa and Pa said, PA said") == [("PA", "palestinian-authority")]


def test_demonyms() -> None:
    assert found("Israeli officials") == [("Israeli", "israel")]


def test_hebrew_prefixes() -> None:
    assert found("מלבנון לעזה וחמאס והחיזבאללה") == [("מלבנון", "lebanon"), ("וחמאס", "hamas"),
                                                   ("והחיזבאללה", "hezbollah")]
    assert found("ישראלית") == []  # a suffix makes another word


def test_arabic_clitics_and_alef_forms() -> None:
    assert found("وحماس ولبنان بغزة ولحزب الله") == [("وحماس", "hamas"), ("ولبنان", "lebanon"),
                                                     ("بغزة", "gaza"), ("ولحزب الله", "hezbollah")]
    assert found("اسرائيل") == [("اسرائيل", "israel")]  # alef without hamza
    assert found("مع حزب الله") == [("حزب الله", "hezbollah")]


def test_arabic_marks_on_a_name_do_not_hide_it() -> None:
    """"حزبُ الله", "غزّة": short vowels and a shadda some texts write; the match keeps them."""
    text = "قالت حزبُ الله إن غزّة"
    matches = MATCHER.find(text)
    assert [(m.surface, m.pattern.entity) for m in matches] == [("حزبُ الله", "hezbollah"),
                                                                ("غزّة", "gaza")]
    assert all(text[m.start:m.end] == m.surface for m in matches)
