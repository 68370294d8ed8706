"""Cue words that tell what kind of name stands next to them, from generator/data/.

`entity_cues.yml` holds the English shapes (titles before a person, suffixes that end an
organisation or a place, lowercase nouns that make "the Sinaloa cartel" an organisation, alias
and credit cues) and the Arabic and Hebrew titles, triggers, particles and stop words;
`given_names.yml` the Arabic and Hebrew given names, `byline_given_names.yml` a longer list of
them derived from a names dataset (see scripts/derive_byline_names.py). They are loaded once
per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .matcher import fold

DATA = Path(__file__).resolve().parent.parent / "data"


# The letters Arabic and Hebrew attach in front of a word ("and", "in", "to", "the", ...).
PREFIX_LETTERS = {"ar": "وفبلك", "he": "והבכלמש"}


@dataclass(frozen=True)
class ScriptCues:
    """Arabic or Hebrew cue words, folded (see `matcher.fold`)."""

    person_titles: frozenset[str]  # one or two words
    office_titles: frozenset[str]  # titles whose office's words may stand before the name
    honorifics: frozenset[str]  # always right before a name: vouch for one no list holds
    person_after_comma: frozenset[str]  # "X Y، وهو ...": a person's name before the comma
    adjectives: frozenset[str]  # as written, after a trigger noun: a description, no name
    org_triggers: frozenset[str]  # the name follows the word ("صحيفة معاريف")
    numbered_triggers: frozenset[str]  # only with a number after them ("חדשות 12")
    org_heads: frozenset[str]  # the word is part of the name ("معهد ...")
    definite_heads: frozenset[str]  # org heads with the article: a definite word must follow
    place_triggers: frozenset[str]
    place_heads: frozenset[str]
    particles: frozenset[str]
    leading_particles: frozenset[str]  # particles that start a name ("عبد الله", "أبو مازن")
    name_tails: frozenset[str]  # words that end a compound given name ("عز الدين")
    stop_words: frozenset[str]
    look_alikes: frozenset[str]  # as written: function words that fold onto a given name
    given: frozenset[str]  # given names that are rarely anything else
    common_given: frozenset[str]  # given names that are also ordinary words
    family: frozenset[str]  # frequent family names: support for a common given name
    listed_given: frozenset[str]  # data/byline_given_names.yml: need a title or family name
    not_places: frozenset[str]  # ordinary words that are also a town's name (see gazetteer.py)
    not_place_phrases: frozenset[str]  # a town's name starting a phrase that is no place
    gazetteer_countries: frozenset[str]  # where the gazetteer's smaller towns are kept
    # from data/quote_cues.yml: what tells a speaker beside a name ("X אמר", "قال ... X أن",
    # "X، خبير ...")
    speech_verbs: frozenset[str]
    complementizers: frozenset[str]
    role_nouns: frozenset[str]


@dataclass(frozen=True)
class Cues:
    person_titles: frozenset[str]  # lowercase, words joined by one space
    title_words: frozenset[str]  # each word of a title, and the words that modify titles
    org_suffixes: frozenset[str]
    legal_forms: frozenset[str]  # "AG", "Inc.": the company is also named without them
    post_nominals: frozenset[str]  # "MP", "TD": after a person's name, not part of it
    sentence_openers: frozenset[str]  # "Outside", "Despite": capitalised, no part of a name
    place_suffixes: frozenset[str]
    place_before: frozenset[str]
    not_names: frozenset[str]
    share_bar: frozenset[str]
    org_before: frozenset[str]
    org_heads: frozenset[str]
    state_heads: frozenset[str]
    place_heads: frozenset[str]
    place_modifiers: frozenset[str]
    head_modifiers: frozenset[str]
    alias_cues: tuple[str, ...]  # longest first, so "also known as" wins over "known as"
    not_acronyms: frozenset[str]
    place_abbreviations: dict[str, str]  # "Ariz." -> "Arizona"
    credit_cues: frozenset[str]
    scripts: dict[str, ScriptCues]

    def title_before(self, words: list[str]) -> bool:
        """Do the last words (lowercase) end with a person's title?"""
        return ends_with(words, self.person_titles)

    def place_cue_before(self, words: list[str]) -> bool:
        return ends_with(words, self.place_before)


def ends_with(words: list[str], phrases: frozenset[str]) -> bool:
    """Do the last one to three words (lowercase) make one of `phrases`?"""
    return any(" ".join(words[-n:]) in phrases for n in range(1, min(3, len(words)) + 1))


def words_of(values: Any) -> list[str]:
    return [str(value).strip() for value in values or () if str(value).strip()]


def lower_set(values: Any) -> frozenset[str]:
    return frozenset(" ".join(value.lower().split()) for value in words_of(values))


def folded_set(values: Any) -> frozenset[str]:
    return frozenset(fold(value) for value in words_of(values))


def script_cues(section: dict[str, Any], names: dict[str, Any], listed: list[str],
                speech: dict[str, Any]) -> ScriptCues:
    common = folded_set(names.get("common"))
    return ScriptCues(
        person_titles=folded_set(section.get("person_titles")),
        office_titles=folded_set(section.get("office_titles")),
        honorifics=folded_set(section.get("honorifics")),
        person_after_comma=folded_set(section.get("person_after_comma")),
        adjectives=folded_set(section.get("adjectives")),
        org_triggers=folded_set(section.get("org_triggers")),
        numbered_triggers=folded_set(section.get("numbered_triggers")),
        org_heads=folded_set(section.get("org_heads")),
        definite_heads=folded_set(section.get("definite_heads")),
        place_triggers=folded_set(section.get("place_triggers")),
        place_heads=folded_set(section.get("place_heads")),
        particles=folded_set(section.get("particles")),
        leading_particles=folded_set(section.get("leading_particles")),
        name_tails=folded_set(section.get("name_tails")),
        stop_words=folded_set(section.get("stop_words")),
        look_alikes=frozenset(str(w) for w in section.get("look_alikes") or []),
        given=folded_set(names.get("names")) - common, common_given=common,
        family=folded_set(names.get("family")),
        # the derived list holds ordinary words too: none that the cues call something else
        listed_given=folded_set(listed) - folded_set(section.get("stop_words")) -
        folded_set(section.get("person_titles")) - folded_set(section.get("org_triggers")) -
        folded_set(section.get("org_heads")) - folded_set(section.get("place_triggers")),
        not_places=folded_set(section.get("not_places")),
        not_place_phrases=folded_set(section.get("not_place_phrases")),
        gazetteer_countries=frozenset(str(c) for c in section.get("gazetteer_countries") or []),
        speech_verbs=folded_set(speech.get("verbs")),
        complementizers=folded_set(speech.get("complementizers")),
        role_nouns=folded_set(speech.get("unnamed_people")))


@cache
def cues() -> Cues:
    data = yaml.safe_load((DATA / "entity_cues.yml").read_text(encoding="utf-8"))
    names = yaml.safe_load((DATA / "given_names.yml").read_text(encoding="utf-8"))
    listed = yaml.safe_load((DATA / "byline_given_names.yml").read_text(encoding="utf-8"))
    speech = yaml.safe_load((DATA / "quote_cues.yml").read_text(encoding="utf-8"))
    return Cues(
        person_titles=lower_set(data["person_titles"]),
        title_words=frozenset(word for title in lower_set(data["person_titles"])
                              for word in title.split()) | lower_set(data["title_modifiers"]),
        legal_forms=lower_set(data["legal_forms"]),
        post_nominals=lower_set(data["post_nominals"]),
        sentence_openers=lower_set(data["sentence_openers"]),
        org_suffixes=lower_set(data["org_suffixes"]),
        place_suffixes=lower_set(data["place_suffixes"]),
        place_before=lower_set(data["place_before"]),
        not_names=lower_set(data["not_names"]),
        share_bar=lower_set(data["share_bar"]),
        org_before=lower_set(data["org_before"]),
        org_heads=lower_set(data["org_heads"]),
        state_heads=lower_set(data["state_heads"]),
        place_heads=lower_set(data["place_heads"]),
        place_modifiers=lower_set(data["place_modifiers"]),
        head_modifiers=lower_set(data["head_modifiers"]),
        alias_cues=tuple(sorted(lower_set(data["alias_cues"]), key=len, reverse=True)),
        not_acronyms=frozenset(words_of(data["not_acronyms"])),
        place_abbreviations={str(k): str(v) for k, v in data["place_abbreviations"].items()},
        credit_cues=lower_set(data["credit_cues"]),
        scripts={lang: script_cues(data[lang], names.get(lang) or {}, listed.get(lang) or [],
                                   speech[language])
                 for lang, language in (("ar", "arabic"), ("he", "hebrew"))})


def alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """A regular-expression alternation of `words`, longest first (so the longest cue wins)."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+")
                    for word in sorted(words, key=len, reverse=True))
