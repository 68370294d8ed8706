"""Names in Arabic and Hebrew text, where no model runs and no capital letter marks a name.

Three shapes, with the words in generator/data/ (see `cues.py`):
- a person: a given name starting a run of name words ("أحمد مزاريب", "חסן חליל חיזראן",
  "أبو عبد الله لافي"); a given name that is also an ordinary word ("حسن", "אור") only with
  support: a title before it, or a particle or another given name in the run, or a title right
  after a comma ("X Y, מפקד ...");
- an organisation or a place named by the noun before it: "صحيفة معاريف", "حي المزة",
  "בכלא קציעות", or a quoted name after it ("وكالة «مهر»");
- the letters attached in front of a word (و ب ل ف ك, ו ה ב כ ל מ ש) are not part of a name.

`skeleton` reduces a name in any of the three scripts to its consonants, so "חסן נצראללה",
"حسن نصر الله" and "Hassan Nasrallah" meet: names found here are linked to the knowledge base's
English names, and to names found in English in the same article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .cues import PREFIX_LETTERS, ScriptCues, cues
from .gazetteer import MAX_PLACE_WORDS, places
from .matcher import fold, marked_span, without_marks


class ScriptName(NamedTuple):
    start: int  # offsets into the paragraph
    end: int
    name: str  # without attached prefix letters
    label: str  # PERSON | ORG | GPE
    alias: str = ""  # the name with (or without) the trigger word that named it


TOKEN = {"ar": re.compile(r"[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u06fa-\u06ff'\-]+"),
         "he": re.compile(r"[\u05d0-\u05ea'\"\-]+")}
# Plain words a family name may have: Persian names in Arabic often two ("آذري جهرمي"); in
# Hebrew a second plain word is mostly the verb that follows ("חליל בהיתיני נהרג").
FAMILY_WORDS = {"ar": 2, "he": 1}
ARTICLE = {"ar": ("ال",), "he": ("אל-", "א-", "א־", "אל־")}
# A word right after a trigger noun that starts with these is a conjunction, a relative clause,
# (Hebrew) an infinitive or a definite common noun ("המשרד להוציא", "ארגון הטרור"), not a name.
NOT_A_NAME_START = {"ar": "و", "he": "והשל"}
NUMBER_AFTER = re.compile(r" (?:\d{1,3}|[\u0660-\u0669]{1,3})\b")
QUOTED = re.compile(r"\s*[\"«“']\s*([^\"»”'\n]{2,40}?)\s*[\"»”']")


class Token(NamedTuple):
    start: int
    end: int
    word: str  # folded
    joined: bool  # separated from the previous token by a space only


def tokens(folded: str, lang: str) -> list[Token]:
    found: list[Token] = []
    for match in TOKEN[lang].finditer(folded):
        word = match[0].strip("'\"-")
        if not word:
            continue
        start = match.start() + match[0].index(word)
        gap = folded[found[-1].end:start] if found else ""
        found.append(Token(start, start + len(word), word, gap == " "))
    return found


# Two letters attached in front: a conjunction (and a relative ש) before a preposition or
# the article; the article ה only last ("המחבל" is not מ + ה + "חבל").
TWO_LETTER_PREFIX = {"ar": re.compile(r"[وف][بلك]|لل"),
                     "he": re.compile(r"[וש][בכלמהש]|מה|כש")}


def bare_forms(word: str, lang: str) -> list[tuple[int, str]]:
    """(prefix length, word without it): the word itself, then without one or two of the
    letters attached in front ("ورياض" -> "رياض", "ובשכונת" -> "שכונת")."""
    forms = [(0, word)]
    if len(word) > 2 and word[0] in PREFIX_LETTERS[lang]:
        forms.append((1, word[1:]))
    if len(word) > 3 and TWO_LETTER_PREFIX[lang].fullmatch(word[:2]):
        forms.append((2, word[2:]))
    return forms


def find_script_names(text: str, lang: str) -> list[ScriptName]:
    """Person, organisation and place names in one Arabic or Hebrew paragraph."""
    if lang not in TOKEN:
        return []
    if (unmarked := without_marks(text)) is not None:
        plain, positions = unmarked
        return [name._replace(start=start, end=end)
                for name in find_script_names(plain, lang)
                for start, end in [marked_span(positions, name.start, name.end)]]
    words = cues().scripts[lang]
    folded = fold(text)
    toks = tokens(folded, lang)
    found = people(text, toks, lang, words)
    table = places(lang)
    by_trigger = [n._replace(name=table[n.name]) if n.label == "GPE" and n.name in table else n
                  for n in named_by_trigger(text, folded, toks, lang, words)]
    for more in (by_trigger, known_places(text, lang)):
        taken = [(n.start, n.end) for n in found]
        found += [n for n in more if not any(s < n.end and n.start < e for s, e in taken)]
    return found


def known_places(text: str, lang: str) -> list[ScriptName]:
    """Places the gazetteer knows by their Arabic or Hebrew names, named in English (a letter
    in front allowed: "بلندن", "בלונדון"); the longest name at each word."""
    table = places(lang)
    toks = tokens(text, lang)
    found = []
    index = 0
    while index < len(toks):
        hit = place_at(text, toks, index, table, lang)
        if hit is None:
            index += 1
            continue
        name, length = hit
        found.append(name)
        index += length
    return found


def place_at(text: str, toks: list[Token], index: int, table: dict[str, str],
             lang: str) -> tuple[ScriptName, int] | None:
    """The longest gazetteer name starting at token `index`, and its length in tokens."""
    for length in range(min(MAX_PLACE_WORDS, len(toks) - index), 0, -1):
        span = toks[index:index + length]
        if not all(t.joined for t in span[1:]):
            continue
        rest = [t.word for t in span[1:]]
        for size, form in bare_forms(span[0].word, lang):
            key = " ".join([form, *rest])
            following = toks[index + length].word if index + length < len(toks) else ""
            if key in table and f"{key} {following}" not in cues().scripts[lang].not_place_phrases:
                start = span[0].start + size
                return ScriptName(start, span[-1].end, table[key], "GPE", alias=key), length
    return None


# --- people --------------------------------------------------------------------------------

@cache
def word_sets(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words that start a name, words that stop one, first words of trigger nouns): one set
    lookup per token before the closer tests."""
    words = cues().scripts[lang]
    starts = words.given | words.common_given | words.leading_particles | words.listed_given
    stops = words.stop_words | words.person_titles | words.org_triggers | \
        words.place_triggers | words.org_heads | words.place_heads
    triggers = frozenset(t.split()[0] for t in words.org_triggers | words.org_heads |
                         words.place_triggers | words.place_heads)
    return starts, stops, triggers


def may_be(word: str, lang: str, table: frozenset[str]) -> bool:
    """Is the word, or the word without one or two letters in front, in `table`?"""
    return word in table or word[1:] in table or word[2:] in table


GIVEN, COMMON, LISTED = "given", "common", "listed"  # how much support a given name needs
FAMILY = "family"  # what supports a name: a particle or a frequent family name in it


def given_form(token: Token, lang: str, words: ScriptCues) -> tuple[int, str, str] | None:
    """(prefix length, given name, its kind) if the token is a given name: GIVEN needs no
    support; COMMON (also an ordinary word, or a particle that starts a name: "عبد", "أبو")
    and LISTED (only in the long derived list, which holds ordinary words too) the support of
    a title, a particle or another name word of the curated lists."""
    if not may_be(token.word, lang, word_sets(lang)[0]):
        return None
    for size, form in bare_forms(token.word, lang):
        if "ה" in token.word[:size]:
            continue  # "הג'יהאד" is "the jihad": a given name takes no article
        if form in words.given:
            return size, form, GIVEN
        if form in words.common_given or form in words.leading_particles:
            return size, form, COMMON
    for size, form in bare_forms(token.word, lang):
        if form in words.listed_given and "ה" not in token.word[:size]:
            return size, form, LISTED
    return None


def is_stop(word: str, lang: str, words: ScriptCues) -> bool:
    stops = word_sets(lang)[1]
    if word in words.family and word not in stops:
        return False  # "כהן" is the name Cohen, not כ + "הן" ("like them")
    return may_be(word, lang, stops) and any(form in stops for _, form in bare_forms(word, lang))


def has_article(word: str, lang: str) -> bool:
    return any(word.startswith(a) and len(word) > len(a) + 1 for a in ARTICLE[lang])


def people(text: str, toks: list[Token], lang: str, words: ScriptCues) -> list[ScriptName]:
    found = []
    index = 0
    while index < len(toks):
        given = given_form(toks[index], lang, words)
        if given is None and (after_honorific := honorific_name(toks, index, lang, words)):
            start, end = toks[index].start, toks[after_honorific - 1].end
            found.append(ScriptName(start, end, text[start:end], "PERSON"))
            index = after_honorific
            continue
        if given is None or text[toks[index].start + given[0]:toks[index].end] in \
                words.look_alikes:
            index += 1
            continue
        size, _, kind = given
        end, support = name_run(toks, index, lang, words)
        titled = title_before(toks, index, lang, words) or \
            (index > 0 and toks[index - 1].word in words.honorifics) or \
            title_after_comma(text, toks, end, lang, words) or \
            (toks[index].word[:size] in ("", "و", "ו") and speaks(text, toks, index, end, lang,
                                                                  words))
        # a listed word is vouched for by a title, or by a particle or family name right after
        # it; not by a given name after it (it is then as often a verb or a noun: "ولد بهاء"
        # is "was born") or a family name further on ("سنوات دون إجراءات سلامة")
        supported = kind == GIVEN or titled or (support is not None and kind == COMMON) or \
            (kind == LISTED and support == FAMILY and index + 1 < len(toks) and
             (toks[index + 1].word in words.family or toks[index + 1].word in words.particles))
        if end > index + 1 and supported:
            start = toks[index].start + size
            found.append(ScriptName(start, toks[end - 1].end, text[start:toks[end - 1].end],
                                    "PERSON"))
            index = end
        else:
            index += 1
    return found


def honorific_name(toks: list[Token], index: int, lang: str, words: ScriptCues) -> int | None:
    """Where a name no list holds ends (exclusive), when an honorific stands right before it:
    "الدكتورة رلى فرحات", "البروفيسور أندرياس فيشر", "ד"ר נועה זילבר": a given name and a
    family name, neither a function word, a verb of saying nor a definite word (an adjective:
    "الشاعر الراحل")."""
    if index == 0 or index + 1 >= len(toks) or not toks[index].joined or \
            not toks[index + 1].joined:
        return None
    before = toks[index - 1].word
    if lang == "ar" and index >= 2 and is_nisba(before) and toks[index - 1].joined:
        before = toks[index - 2].word  # "المدرب البرتغالي روي ماتوس": a nationality between
    if before not in words.honorifics and before + "'" not in words.honorifics:
        return None
    for token in toks[index:index + 2]:
        word = token.word
        if is_stop(word, lang, words) or is_definite(word, lang) or word in words.speech_verbs \
                or any(ch.isdigit() for ch in word) or len(word) < 2:
            return None
    return index + 2


def is_nisba(word: str) -> bool:
    """An Arabic adjective of origin with the article: "البرتغالي", "اللبنانية" (folded)."""
    return word.startswith("ال") and word.endswith(("ي", "يه")) and len(word) > 5


def name_run(toks: list[Token], first: int, lang: str,
             words: ScriptCues) -> tuple[int, str | None]:
    """Where the run of name words from a given name ends (exclusive), and what in it supports
    the name: FAMILY (a particle or a frequent family name), GIVEN (a second given name), or
    None."""
    index, plain, supported = first + 1, 0, None
    while index < len(toks) and index - first < 5 and toks[index].joined:
        word = toks[index].word
        if is_stop(word, lang, words) and not family_title(toks, index, lang, words):
            break
        conjunct = given_form(Token(0, 0, word[1:], True), lang, words) \
            if word[0] in "وו" else None
        if conjunct is not None and conjunct[2] != LISTED:
            break  # "وأحمد", "ועבאס": the next person of a list
        if word in words.particles:
            if index + 1 >= len(toks) or not toks[index + 1].joined:
                break
            index, supported = index + 2, FAMILY  # "أبو العطا", "بن زايد"
            continue
        if word in words.given or word in words.common_given or word in words.name_tails:
            index, supported = index + 1, supported or GIVEN  # "محمد جواد", "عز الدين"
            continue
        if word in words.family:
            return index + 1, FAMILY  # "רון שפירא": a family name ends the run
        if has_article(word, lang) and not (index == first + 1 and
                                            toks[first].word in words.particles):
            return index + 1, supported  # "الغصين", "אל-ערורי": the family name ends the run
        if has_article(word, lang):
            index += 1  # "عبد الحكيم سعدي", "أبو العطا": the particle's word is the given name
            continue
        if plain >= FAMILY_WORDS[lang] or (plain == 1 and word[0] in PREFIX_LETTERS[lang]):
            break
        index, plain = index + 1, plain + 1
    return index, supported


# How far back a title may stand from the name: three words, or an office's longer phrase
# when no punctuation breaks it ("ראש עיריית תל אביב-יפו רון חולדאי").
TITLE_REACH, OFFICE_REACH = 3, 6


def family_title(toks: list[Token], index: int, lang: str, words: ScriptCues) -> bool:
    """"طارق السيد،": a title word with the article after a given name and before a comma or
    the end is a family name (a title stands before a name, never at a clause's end)."""
    return lang == "ar" and has_article(toks[index].word, lang) and \
        toks[index].word in words.person_titles and \
        (index + 1 >= len(toks) or not toks[index + 1].joined)


def title_before(toks: list[Token], index: int, lang: str, words: ScriptCues) -> bool:
    """A title among the three words before ("الرئيس الإيراني السابق حسن روحاني"), or up to
    six before with no punctuation between ("المتحدثة الرسمية لوزارة التعليم ابتسام ...")."""
    unbroken = index
    while unbroken > 0 and index - unbroken < OFFICE_REACH and toks[unbroken].joined:
        unbroken -= 1
    for back in range(min(max(0, index - TITLE_REACH), unbroken), index):
        titles = words.person_titles if index - back <= TITLE_REACH else words.office_titles
        pair = " ".join(t.word for t in toks[back:back + 2])
        # a token loses the geresh of an abbreviated title ("פרופ'" is the token "פרופ")
        if any(form in titles or form + "'" in titles
               for _, form in bare_forms(toks[back].word, lang)) or pair in titles:
            return True
    return False


def title_after_comma(text: str, toks: list[Token], end: int, lang: str,
                      words: ScriptCues) -> bool:
    """"X Y, מפקד ...", "X Y، خبير ...": a title or a noun for a person in apposition right
    after the name."""
    if end >= len(toks) or end == 0:
        return False
    gap = text[toks[end - 1].end:toks[end].start]
    return gap.strip() in (",", "،") and (toks[end].word in words.person_after_comma or any(
        form in words.person_titles or form in words.role_nouns
        for _, form in bare_forms(toks[end].word, lang)))


SPEECH_REACH = 8  # words between an Arabic verb of saying and its subject's name


def speaks(text: str, toks: list[Token], first: int, end: int, lang: str,
           words: ScriptCues) -> bool:
    """The name is the subject of a verb of saying: "X Y אמר" (Hebrew puts the verb after),
    "وأوضح ... X Y أن" (Arabic before, the clause of what was said right after the name)."""
    if end >= len(toks) or not toks[end].joined or end - first < 2:
        return False
    after = toks[end].word
    if lang == "he":
        return after in words.speech_verbs or (after[0] == "ו" and after[1:] in words.speech_verbs)
    if after not in words.complementizers or \
            (first > 0 and is_stop(toks[first - 1].word, lang, words)):
        return False  # "وقال الحزب في بيان رسمي إن": a name after a preposition is no subject
    return any(form in words.speech_verbs
               for token in toks[max(0, first - SPEECH_REACH):first]
               for _, form in bare_forms(token.word, lang))


# --- organisations and places named by the noun before them --------------------------------

def named_by_trigger(text: str, folded: str, toks: list[Token], lang: str,
                     words: ScriptCues) -> list[ScriptName]:
    found = []
    kinds = ((words.org_triggers, "ORG", False), (words.org_heads, "ORG", True),
             (words.place_triggers, "GPE", False), (words.place_heads, "GPE", True))
    first_words = word_sets(lang)[2]
    for index, token in enumerate(toks):
        if token.word in words.numbered_triggers:
            if number := NUMBER_AFTER.match(folded, token.end):
                found.append(ScriptName(token.start, number.end(),
                                        text[token.start:number.end()], "ORG"))
            continue
        if not may_be(token.word, lang, first_words):
            continue
        for size, form in bare_forms(token.word, lang):
            if "ה" in token.word[:size]:
                continue  # "הרשות" is "the authority": a noun in the construct takes no article
            two = " ".join([form] + [t.word for t in toks[index + 1:index + 2]])
            for triggers, label, keep in kinds:
                width = 2 if index + 1 < len(toks) and two in triggers else \
                    1 if form in triggers else 0
                if width:
                    item = trigger_name(text, folded, toks, index, width, size, label, keep,
                                        lang, words)
                    if item is not None:
                        found.append(item)
    return found


# Indefinite endings of what follows a noun as a description, not a name, in Arabic: the
# adjective ("شركة هندسية", "محطة رئيسية") and the plural ("شركة مقاولات").
COMMON_ENDINGS = {"ar": ("يه", "ات"), "he": ()}


def is_common_after_trigger(word: str, lang: str) -> bool:
    return bool(COMMON_ENDINGS[lang]) and not has_article(word, lang) and \
        word.endswith(COMMON_ENDINGS[lang]) and len(word) > 4


def ends_clause(folded: str, toks: list[Token], index: int) -> bool:
    """Does a punctuation mark (or the paragraph's end) follow this token?"""
    if index + 1 >= len(toks):
        return not folded[toks[index].end:].strip(" ")[:1].isalnum()
    gap = folded[toks[index].end:toks[index + 1].start]
    return gap.strip() != ""


def trigger_name(text: str, folded: str, toks: list[Token], index: int, width: int, size: int,
                 label: str, keep: bool, lang: str, words: ScriptCues) -> ScriptName | None:
    """The name after a trigger: a quoted name, else one or two plain words."""
    trigger_start = toks[index].start + size
    after = toks[index + width - 1].end
    if label == "ORG" and (number := NUMBER_AFTER.match(folded, after)):
        # "ערוץ 12", "القناة 13": a channel named by its number is named with the noun
        return ScriptName(trigger_start, number.end(), text[trigger_start:number.end()], label)
    # A definite head ("האוניברסיטה", "المركز") names an institution only with a definite
    # adjective after it ("האוניברסיטה העברית", "المركز الوطني"), never a quote or a verb
    # ("הרשות תאפשר", "הרשות \"מודעת ...\"").
    head_words = [toks[index].word[size:], *(t.word for t in toks[index + 1:index + width])]
    definite_head = " ".join(head_words) in words.definite_heads
    if not definite_head and (quoted := QUOTED.match(folded, after)):
        start, end = quoted.start(1), quoted.end(1)
    else:
        first = index + width
        if not starts_name(toks, first, lang, words, keep and label == "ORG", definite_head):
            return None
        last = first
        nxt = first + 1
        if nxt < len(toks) and toks[nxt].joined and not is_stop(toks[nxt].word, lang, words) \
                and (toks[first].word in words.particles or ends_clause(folded, toks, nxt) or
                     toks[nxt].word[0] not in PREFIX_LETTERS[lang] and
                     has_article(toks[nxt].word, lang) and lang == "ar"):
            last = nxt  # "مخيم عين الحلوة", "בשכונת פסגת זאב, ...": a second word
        if keep and label == "ORG":
            last = chain_end(toks, first, lang, words)
            if (place := place_at(folded, toks, first, places(lang), lang)) is not None:
                last = max(last, first + place[1] - 1)  # "אוניברסיטת תל אביב", a whole place
        start, end = toks[first].start, toks[last].end
    name = text[start:end]
    with_trigger = f"{text[trigger_start:after]} {name}"
    if keep:
        return ScriptName(trigger_start, end, with_trigger, label, alias=name)
    return ScriptName(start, end, name, label, alias=with_trigger)


def starts_name(toks: list[Token], first: int, lang: str, words: ScriptCues, institution: bool,
                definite_head: bool) -> bool:
    """May the word after a trigger noun start the name? Not a function word, a description
    (an adjective, an Arabic plural), nor, after a definite head, anything but a definite word
    or a "for" phrase; a conjunction, a relative or a definite common noun only as an
    institution's next definite word ("משרד הבריאות")."""
    if first >= len(toks) or not toks[first].joined:
        return False
    word = toks[first].word
    if is_stop(word, lang, words) or is_common_after_trigger(word, lang) or \
            word in words.adjectives:
        return False
    if definite_head:
        if for_phrase(toks, first, lang):
            return True
        if not is_definite(word, lang):
            return False
    return word[0] not in NOT_A_NAME_START[lang] or (institution and is_definite(word, lang))


# "הרשות להגנת הצרכן", "المجلس الأعلى للتعليم": the preposition "for" attached to the word that
# goes on with an institution's name after its definite head.
FOR_PREFIX = {"ar": "لل", "he": "ל"}


def for_phrase(toks: list[Token], first: int, lang: str) -> bool:
    """"להגנת הצרכן": "for" and a noun in the construct before a definite one; not an
    infinitive ("הרשות לקצץ", the authority to cut) or a pronoun ("לעצמנו")."""
    return toks[first].word.startswith(FOR_PREFIX[lang]) and first + 1 < len(toks) and \
        toks[first + 1].joined and is_definite(toks[first + 1].word, lang)


# An institution's name after its head noun: at most this many words ("وزارة التربية
# والتعليم", "الجهاز المركزي للتعبئة العامة والإحصاء", "בית המשפט המחוזי").
HEAD_CHAIN_WORDS = {"ar": 4, "he": 2}


def is_definite(word: str, lang: str) -> bool:
    """A definite word, which continues a chain of nouns and adjectives: Arabic's article (also
    after "and", "for the": "والتعليم", "للتعبئة"), Hebrew's ה ("הבריאות", "המחוזי")."""
    if lang == "ar":
        return word.startswith(("ال", "وال", "لل")) and len(word) > 4
    return word.startswith("ה") and len(word) > 2


def chain_end(toks: list[Token], first: int, lang: str, words: ScriptCues) -> int:
    """The last token of an institution's name that starts at `first` after its head: the
    definite words joined to it, up to a verb, a function word or a punctuation mark."""
    last = first
    while last + 1 < len(toks) and last + 1 - first < HEAD_CHAIN_WORDS[lang]:
        word = toks[last + 1].word
        if not toks[last + 1].joined or not is_definite(word, lang) or \
                is_stop(word, lang, words):
            break
        last += 1
    return last


# --- matching across scripts ---------------------------------------------------------------

# Each letter's consonant class; vowels, alef, waw, yod, ayin and hamza carry none, and a
# final h (ة, ה, "-ah") is dropped, so the spellings of one name in three scripts agree.
LETTER_CLASS = {
    **dict.fromkeys("بב", "b"), **dict.fromkeys("تطתטث", "t"), **dict.fromkeys("جغג", "g"),
    **dict.fromkeys("حهخהח", "h"), **dict.fromkeys("دضדذ", "d"), **dict.fromkeys("رר", "r"),
    **dict.fromkeys("زזظ", "z"), **dict.fromkeys("سصشסצץש", "s"), **dict.fromkeys("فפף", "f"),
    **dict.fromkeys("قكכךק", "k"), **dict.fromkeys("لל", "l"), **dict.fromkeys("مמם", "m"),
    **dict.fromkeys("نנן", "n"),
}
LATIN_PAIRS = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "k"), ("th", "t"), ("dh", "d"),
               ("ph", "f"), ("ts", "s"), ("tz", "s"), ("ck", "k"), ("x", "ks"))
LATIN_CLASS = {"b": "b", "v": "b", "p": "f", "f": "f", "t": "t", "g": "g", "j": "g", "h": "h",
               "d": "d", "r": "r", "z": "z", "s": "s", "c": "k", "k": "k", "q": "k", "l": "l",
               "m": "m", "n": "n"}
LATIN_ARTICLE = re.compile(r"\b(?:al|el|ad|ed|as|ash|ar|an|at|az|ul)[-\s]", re.IGNORECASE)


def skeleton(name: str) -> str:
    """The consonant classes of a name, articles dropped, repeats collapsed."""
    words = []
    text = fold(name).replace("ע'", "ג").replace("'", "")
    for word in LATIN_ARTICLE.sub(" ", text).split():
        for article in ("ال", "אל-", "א-"):
            if word.startswith(article) and len(word) > len(article) + 2:
                word = word[len(article):]
        words.append(word_skeleton(word))
    classes = "".join(words)
    return re.sub(r"(.)\1+", r"\1", classes)


def word_skeleton(word: str) -> str:
    word = word.strip("-")
    if word.isascii():
        for pair, replacement in LATIN_PAIRS:
            word = word.replace(pair, replacement)
        classes = "".join(LATIN_CLASS.get(c, "") for c in word)
    else:
        classes = "".join(LETTER_CLASS.get(c, "") for c in word)
    return classes[:-1] if classes.endswith("h") and len(classes) > 2 else classes
