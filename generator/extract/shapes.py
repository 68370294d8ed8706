"""Names in Latin-script text found by the shapes news outlets share, without a model.

Each finder reads one paragraph and returns `Candidate`s with offsets into that paragraph:
- datelines: "SAN JOSE, May 9 (Reuters) –" names a place and an agency;
- photo credits: "(Photo: Jane Roe / AFP)", "REUTERS/John Doe": photographers and agencies;
- acronyms defined beside their long form: "Rapid Support Forces (RSF)" (Schwartz and Hearst's
  rule for which words the letters stand for);
- nicknames inside a name: Ramón “El Zorro” Medina;
- a capitalised run after a person's title ("spokesman Hazem Qassem"), ending in an
  organisation's or place's word ("Wirecard AG", "Gaza City"), or a lowercase noun that makes a
  name an organisation ("the Sinaloa cartel", "the Lebanese army").
The cue words live in generator/data/entity_cues.yml (see `cues.py`). Labels are spaCy's
(PERSON, ORG, GPE), so these names go through the same resolution as the model's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

import ahocorasick

from .cues import Cues, alternation, cues
from .matcher import fold


class Candidate(NamedTuple):
    start: int  # offsets into the paragraph
    end: int
    name: str  # the name as it should be listed (ALL-CAPS datelines title-cased)
    label: str  # PERSON | ORG | GPE
    alias_of: str = ""  # the long form or full name this surface is another name of
    also: str = ""  # another name of the same thing ("IRNA" for "the IRNA news agency")


# Upper- and lowercase letters of the Latin, Greek and Cyrillic blocks: `re` has no \p{Lu}.
UPPER = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper())
LOWER = "".join(chr(c) for c in range(0x61, 0x530) if chr(c).islower())
# A capitalised word: "O’Neill", "Hennis-Plasschaert", "al-Arouri", never "Egypt-controlled"
# or a possessive "Republic’s".
# A dot only inside ("U.S.") or after an initial ("J."): "Trump. He" is two sentences.
_LETTERS = r"(?:[\w&]|['’](?!s\b)|\.(?=\w))*"
WORD = (rf"(?:(?:al|el|ad|as|ash|an|ar|at|bin|ibn|abu|abd)-)?(?:[{UPPER}]\.(?!\w)|"
        rf"[{UPPER}]{_LETTERS}(?:-[{UPPER}\d]{_LETTERS})*)")
JOINERS = r"of|the|for|de|del|della|di|da|dos|du|la|le|van|von|der|den|al|el|bin|ibn|y"
WHOLE_WORD = re.compile(WORD)
RUN_GOES_ON = re.compile(rf"(?:\s+(?:{JOINERS}))*\s+[{UPPER}]")
# A run of capitalised words, perhaps joined by lowercase particles ("Bank of England").
RUN = re.compile(rf"(?<![\w'’])(?:{WORD})(?:(?:\s+(?:{JOINERS}))*\s+(?:{WORD}))*")
SENTENCE_STARTERS = frozenset("""the a an in on at but and or when as after before this that
these those his her its their our my if while since for from with by to so yet then there
here it he she they we i you what who why how where which""".split())
ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
         r"(?:,\s*\d{4})?")
# "WASHINGTON (AP) —", "SAN JOSE, May 9 (Reuters) –", "Gaza City (AFP) -", after the
# " date 2023-10-02" some saving tools put first.
DATELINE = re.compile(
    rf"^\W*(?:date\s+\d{{4}}-\d\d-\d\d\s+)?(?P<place>(?:{WORD})(?:\s+(?:{WORD})){{0,3}})"
    rf"(?:,\s*(?P<region>(?:{WORD})(?:\s+(?:{WORD})){{0,2}}))?(?:,?\s+{MONTH})?\s*"
    r"(?:\((?P<agency>[^()]{2,30})\)\s*)?[-–—:]\s")
PARENTHESISED = re.compile(rf"\(\s*[\"“]?(?P<name>(?:{WORD})(?:\s+(?:{WORD})){{0,3}})[\"”]?\s*\)")
# Capitals standing alone ("IRNA", "EY"): an acronym, when the article prints it more than once.
# (It starts with its letters, not \b, so the search skips ahead to capitals in C; the word
# boundary before it is checked where it matters, see `EntityExtractor.repeated_acronyms`.)
ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]{1,5}\b(?![’'-])")
# A broadcaster named by its number: "Channel 12", "TV 2", "Radio 1".
CHANNEL = re.compile(r"\b(?:Channel|TV|Radio)\s\d{1,3}\b")
DATELINE_MARK = re.compile(r"[(\-–—:]")
NICKNAME = re.compile(rf"(?P<first>{WORD})\s+[\"“](?P<nick>[{UPPER}][^\"”\n]{{1,25}})[\"”]\s+"
                      rf"(?P<last>(?:{WORD})(?:\s+(?:{WORD}))?)")
# What ends a credit's cue ("Photo:", "Photo by"), and what ends its body.
CREDIT_SEPARATOR = re.compile(r"\s*[:：]\s*|\s+by\s+")
IN_PLACE = re.compile(rf"\s+in\s+(?:{WORD})")
CREDIT_END = re.compile(r"[)\]\n]")
CREDIT_PART = re.compile(r"\s*(?:[/|;,]|\.\s|\s-\s|\bvia\b|\bfor\b)\s*")
SLASH_CREDIT = re.compile(r"\(([^()\n]{2,90}/[^()\n]{2,90})\)")
AGENCY_SLASH = re.compile(
    rf"\b([A-Z]{{2,}}(?:\s[A-Z]{{2,}})?)/((?:{WORD})(?:\s+(?:{WORD})){{0,3}})")
CREDIT_SKIP = frozenset("""file handout archive archives screenshot courtesy illustrative
illustration pool supplied social media getty file photo photo by via אילוסטרציה ארכיון
توضيحية أرشيف ارشيف""".split())


class Shapes:
    """The compiled patterns over the cue words (one per process: see `shapes()`)."""

    def __init__(self, words: Cues) -> None:
        self.words = words
        self.credit = re.compile(
            rf"(?:^|(?<=[\s(\[|]))(?:{alternation(words.credit_cues)})(?:\s+by\s+|\s*[:：]\s*)"
            r"(?P<body>[^()\[\]\n]{2,90}?)\s*(?=[)\]]|$|\n)", re.IGNORECASE)
        # Every cue word is found in one Aho–Corasick pass over the folded paragraph; the
        # capitalised run next to it is read only there (a pattern trying every capital
        # letter, or an alternation of a few hundred words, is ten times slower).
        self.cue_words = cue_automaton(words)
        self.name_before_head = re.compile(
            rf"(?P<name>(?:(?:{WORD})\s+){{0,2}}(?:{WORD}))\s+"
            rf"(?:(?:{alternation(words.head_modifiers)})\s+)?$")
        self.name_before_place = re.compile(
            rf"(?P<name>(?:(?:{WORD})\s+){{0,2}}(?:{WORD}))\s+"
            rf"(?:(?:{alternation(words.place_modifiers)})\s+)?$")
        self.known_as = re.compile(
            rf"(?i:{alternation(words.alias_cues)})\s+(?:the\s+)?[\"“‘']?"
            rf"(?P<name>(?:{WORD})(?:\s+(?:{WORD})){{0,3}})")

    # --- the finders --------------------------------------------------------------------

    def find(self, text: str, title_case: bool, folded: str | None = None) -> list[Candidate]:
        """Every shape in one paragraph; in a Title Case paragraph (a headline) only those that
        do not rest on capital letters. `folded` is fold(text), when the caller has it."""
        cues = self.cues_in(fold(text) if folded is None else folded)
        return self.found_with(text, title_case, cues, dateline=True)

    def find_all(self, texts: list[str], folded: list[str], title_case: list[bool],
                 dateline: list[bool], known: list[list[tuple[int, int]]]
                 ) -> list[list[Candidate]]:
        """`find` for several paragraphs with one cue search over all of them (most paragraphs
        hold no cue, and a search per paragraph costs more than the search). A cue inside a
        name the knowledge base already found (`known`, sorted spans per paragraph: "West
        Bank", "Qassam Brigades") types nothing new."""
        starts = [0, *accumulate(len(text) + 1 for text in folded)][:-1]
        cues: list[list[tuple[str, int, int]]] = [[] for _ in texts]
        for kind, start, end in self.cues_in("\x00".join(folded)):
            number = bisect_right(starts, start) - 1
            start, end = start - starts[number], end - starts[number]
            spans = known[number]
            at = bisect_right(spans, (start, len(texts[number]))) - 1
            if kind == "credit" or at < 0 or spans[at][1] < end:
                cues[number].append((kind, start, end))
        return [self.found_with(*paragraph) for paragraph in
                zip(texts, title_case, cues, dateline, strict=True)]

    def found_with(self, text: str, title_case: bool, cues: list[tuple[str, int, int]],
                   dateline: bool) -> list[Candidate]:
        """The shapes of one paragraph whose cue words were found (cheap tests first: few
        paragraphs hold a bracket, a slash or a quote mark)."""
        found = self.dateline(text) if dateline else []
        if "(" in text:
            found += self.acronyms(text)
        if "Channel" in text or "TV" in text or "Radio" in text:
            found += [Candidate(m.start(), m.end(), m[0], "ORG") for m in CHANNEL.finditer(text)]
        found += self.slash_credits(text)
        for kind, start, end in cues:
            if kind == "credit":
                found += self.credit_after(text, end)
            elif not title_case:
                found += self.typed_by_cue(kind, text, start, end)
        if not title_case:
            found += self.nicknames(text)
        return found

    def cues_in(self, folded: str) -> list[tuple[str, int, int]]:
        """(kind, start, end) of each cue word standing as a word of its own. The keys are
        stored between spaces and the text is searched with its punctuation turned to
        spaces, so a cue inside a word ("sa" in "said") is never even reported."""
        spaced = f" {folded.translate(PUNCTUATION_TO_SPACE)} "
        # `last` is where the key's last character (a space) lies in `spaced`, one place to
        # the right of the same character in `folded`; `tail` counts the key's characters
        # after the word (" " or ". ").
        return [(kind, last - tail - length, last - tail)
                for last, entries in self.cue_words.iter(spaced)
                for kind, length, tail in entries]

    def typed_by_cue(self, kind: str, text: str, start: int, end: int) -> list[Candidate]:
        if kind in ("title", "org_before"):
            after = end + 1
            if after >= len(text) or text[end] != " " or not text[after].isupper():
                return []
            run = RUN.match(text, after)
            if run is None:
                return []
            if kind == "org_before":
                return [] if " " in run[0] else [Candidate(after, run.end(), run[0], "ORG")]
            if ends_with_title(text, run.end()):
                return []  # "Executive Committee Member for Agriculture Dr. Jane Roe": an
                # office's words up to the person's own title, which the next cue reads
            found = self.typed_run(text, after, run.end(), titled=True)
            if found and text[start].isupper() and start > 2 and text[start - 1] == " ":
                # "NASA Administrator Jane Holt": the capitals before the title
                words_before = text[max(0, start - 30):start - 1].split()
                word = words_before[-1] if words_before else ""
                if len(word) > 1 and word.isupper() and word.isalpha():
                    found.append(Candidate(start - 1 - len(word), start - 1, word, "ORG"))
            return found
        if kind == "suffix":
            if not text[start].isupper() or RUN_GOES_ON.match(text, end):
                return []  # "Mizan News Agency", "Bank of England": the run ends later
            run_start = run_start_before(text, start)
            return self.typed_run(text, run_start, end, titled=False) if run_start < start else []
        if kind == "org_head" and not text[start].isupper():
            return self.org_head(text, start, end)
        if kind == "place_head" and not text[start].isupper():
            return self.place_head(text, start)
        return []

    def dateline(self, text: str) -> list[Candidate]:
        if not DATELINE_MARK.search(text, 0, 90):
            return []  # no bracket, dash or colon where a dateline would end
        match = DATELINE.match(text)
        if match is None:
            return []
        place, agency = match["place"], match["agency"]
        if not (place.isupper() and len(place) > 2) and agency is None:
            return []  # "Hamas — the group said" is no dateline; an agency or capitals are
        found = [Candidate(match.start("place"), match.end("place"), display(place), "GPE")]
        if match["region"] and match["region"][0].isupper():
            found.append(Candidate(match.start("region"), match.end("region"),
                                   display(match["region"]), "GPE"))
        if agency and agency.strip():
            start = match.start("agency") + len(agency) - len(agency.lstrip())
            found.append(Candidate(start, start + len(agency.strip()), agency.strip(), "ORG"))
        return found

    def credits(self, text: str, folded: str | None = None) -> list[Candidate]:
        """Photographers and agencies in "Photo: A / B", "(A/B/C)" and "AGENCY/Name"."""
        found = self.slash_credits(text)
        for kind, _, end in self.cues_in(fold(text) if folded is None else folded):
            if kind == "credit":
                found += self.credit_after(text, end)
        return found

    def credit_after(self, text: str, end: int) -> list[Candidate]:
        """The credit after a cue word ("Photo: ...", "Photo by ...")."""
        separator = CREDIT_SEPARATOR.match(text, end)
        if separator is None:
            return []
        stop = CREDIT_END.search(text, separator.end())
        return credit_parts(text, separator.end(), stop.start() if stop else len(text),
                            self.words)

    def slash_credits(self, text: str) -> list[Candidate]:
        if "/" not in text:
            return []
        found: list[Candidate] = []
        for match in SLASH_CREDIT.finditer(text):
            found += credit_parts(text, match.start(1), match.end(1), self.words)
        for match in AGENCY_SLASH.finditer(text):
            found += credit_parts(text, match.start(), match.end(), self.words)
        return found

    def acronyms(self, text: str) -> list[Candidate]:
        """"Rapid Support Forces (RSF)": the long form, and the acronym as its alias."""
        found = []
        for match in ACRONYM.finditer(text):
            acronym = match[1]
            if sum(c.isupper() for c in acronym) < 2 and not acronym[1:].islower():
                continue
            long_form = long_form_before(text, match.start(), acronym)
            if long_form is None:
                continue
            start, end = long_form
            name = text[start:end]
            label = self.label_of(name, text[:start]) or "ORG"
            found.append(Candidate(start, end, name, label))
            found.append(Candidate(match.start(1), match.end(1), acronym, label, alias_of=name))
        return found

    def nicknames(self, text: str) -> list[Candidate]:
        """Ramón “El Zorro” Medina: the person Ramón Medina, "El Zorro" another name."""
        found = []
        if '"' not in text and "“" not in text:
            return []
        for match in NICKNAME.finditer(text):
            name = f"{match['first']} {match['last']}"
            found.append(Candidate(match.start(), match.end(), name, "PERSON",
                                   also=match["nick"].strip()))
        return found

    def typed_run(self, text: str, start: int, end: int, titled: bool) -> list[Candidate]:
        """A run of two words or more: a person when a title stands before it (`titled`) or
        starts it ("Foreign Minister Lars Holm"), else typed by its last word."""
        start, end = trim_run(text, start, end)
        words = text[start:end].split()
        inside = leading_title_words(words, self.words)
        if inside:
            start += len(" ".join(words[:inside])) + 1
            words = words[inside:]
        while words and not words[0][0].isupper():  # "COO of Wirecard": no name
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) > 2 and words[-1].isupper() and words[-1].lower() in self.words.post_nominals:
            end = start + len(text[start:end].rsplit(words.pop(), 1)[0].rstrip(" ,"))
        if (inside or titled) and "of" in words[2:]:
            # "State Senator Carla Voss of Hutchinson": where the person is from, not her name
            words = words[:words.index("of", 2)]
            end = start + len(" ".join(words))
        if len(words) < 2:
            return []
        name = " ".join(words)
        label = self.label_of(name, "")
        if inside or titled:
            return [] if label else [Candidate(start, end, name, "PERSON")]
        if label is None:
            return []
        # "Wirecard AG", later "Wirecard": the company without its legal form
        stem = " ".join(words[:-1]) if words[-1].lower() in self.words.legal_forms else ""
        return [Candidate(start, end, name, label, also=stem)]

    def org_head(self, text: str, start: int, end: int) -> list[Candidate]:
        """"the Tarragona cartel", "the French embassy in Amman": a name and a lowercase noun."""
        before = self.name_before_head.search(text, max(0, start - 80), start)
        if before is None:
            return []
        name_start, _ = trim_run(text, before.start("name"), before.end("name"))
        if name_start >= before.end("name"):
            return []
        head = text[start:end].lower()
        name = text[name_start:end]
        if head in ("embassy", "consulate") and (where := IN_PLACE.match(text, end)):
            name += where[0]  # the place stays a mention of its own
        proper = head in self.words.org_heads
        return [Candidate(name_start, end, name, "ORG",
                          also=text[name_start:before.end("name")] if proper else "")]

    def place_head(self, text: str, start: int) -> list[Candidate]:
        """"Hebron’s Harat district": the place Harat (the noun is no part of it)."""
        before = self.name_before_place.search(text, max(0, start - 80), start)
        if before is None:
            return []
        name_start, name_end = trim_run(text, before.start("name"), before.end("name"))
        return [Candidate(name_start, name_end, text[name_start:name_end], "GPE")] \
            if name_start < name_end else []

    def org_heads(self, text: str) -> list[Candidate]:
        return [c for kind, start, end in self.cues_in(fold(text)) if kind == "org_head"
                for c in self.typed_by_cue(kind, text, start, end)]

    def place_heads(self, text: str) -> list[Candidate]:
        return [c for kind, start, end in self.cues_in(fold(text)) if kind == "place_head"
                for c in self.typed_by_cue(kind, text, start, end)]

    def other_names(self, text: str, folded: str | None = None) -> list[tuple[int, int, int]]:
        """(where the cue starts, where the name starts and ends) for "X, known as Y",
        "X, dubbed 'Y'" and "X (Y)": Y is another name of whatever X names."""
        found = []
        if may_hold_alias_cue(text.lower() if folded is None else folded):
            found += [(match.start(), match.start("name"), match.end("name"))
                      for match in self.known_as.finditer(text)]
        if "(" in text:
            found += [(match.start(), match.start("name"), match.end("name"))
                      for match in PARENTHESISED.finditer(text)]
        return [(cue, start, len(text[:end].rstrip("'’\"”"))) for cue, start, end in found]

    # --- types from context -------------------------------------------------------------

    def label_of(self, name: str, before: str) -> str | None:
        """The label a name's own last word or the words before it give, if any."""
        last = name.split()[-1].lower() if name.split() else ""
        if last in self.words.org_suffixes:
            return "ORG"
        if last in self.words.place_suffixes and len(name.split()) > 1:
            return "GPE"
        words = before.lower().split()
        if words and self.words.title_before(words):
            return "PERSON"
        if words and self.words.place_cue_before(words):
            return "GPE"
        if words and words[-1] in self.words.org_before and len(name.split()) == 1:
            return "ORG"
        return None


# Marks that end or start a word for the cue search ("spokesman," "(Photo:"); the dot, hyphen
# and apostrophe stay, as cues hold them ("Gen.", "secretary-general").
PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys("()[]{}\"“”«»,;:!?/|\x00", " "))


def cue_automaton(words: Cues) -> ahocorasick.Automaton:
    """" cue word " (folded, between spaces) -> [(kind, length, tail)]: titles before a
    person, words before a lone organisation, last words of organisations and places,
    lowercase nouns after them, and credit cues."""
    kinds = (("title", words.person_titles), ("org_before", words.org_before),
             ("suffix", words.org_suffixes | words.place_suffixes),
             ("org_head", words.org_heads | words.state_heads),
             ("place_head", words.place_heads), ("credit", words.credit_cues))
    table: dict[str, list[tuple[str, int, int]]] = {}
    for kind, values in kinds:
        for value in values:
            key = fold(value).translate(PUNCTUATION_TO_SPACE)
            # " bank " and, at a sentence's end, " bank. "
            for spaced, tail in ((f" {key} ", 1), (f" {key}. ", 2)) if not key.endswith(".") \
                    else ((f" {key} ", 1),):
                table.setdefault(spaced, []).append((kind, len(value), tail))
    automaton = ahocorasick.Automaton()
    for key, entries in table.items():
        automaton.add_word(key, entries)
    automaton.make_automaton()
    return automaton


def shapes() -> Shapes:
    global _SHAPES
    if _SHAPES is None:
        _SHAPES = Shapes(cues())
    return _SHAPES


_SHAPES: Shapes | None = None


ALIAS_HINTS = ("known as", "aka", "a.k.a", "dubbed", "nicknamed", "called", "formerly")


def may_hold_alias_cue(folded: str) -> bool:
    """A cheap test before the alias pattern: most paragraphs hold none of its cues."""
    return any(hint in folded for hint in ALIAS_HINTS)


JOINER_WORDS = frozenset(JOINERS.split("|"))


def run_start_before(text: str, start: int) -> int:
    """Where the capitalised run that a word at `start` ends begins ("Deutsche Bank",
    "Bank of England"): the words before it, back to the first that is neither capitalised
    nor a particle, or that carries punctuation."""
    words = text[max(0, start - 100):start].split(" ")
    if words and words[-1] == "":
        words.pop()  # the space right before the word
    else:
        return start
    taken = 0
    for word in reversed(words):
        if not word or not (word[0].isupper() and WHOLE_WORD.fullmatch(word) or
                            word in JOINER_WORDS):
            break
        taken += len(word) + 1
    return start - taken


def display(name: str) -> str:
    """"MEXICO CITY" -> "Mexico City"; names in mixed case are kept as printed."""
    if not name.isupper() or len(name) <= 4 and " " not in name:
        return name
    return " ".join(word.capitalize() for word in name.split())


def is_title_case(text: str) -> bool:
    """A headline in Title Case or capitals ("El Chapo and the Fog of the Drug War"): capital
    letters say nothing about names there. A sentence dense with names still has lowercase
    words ("President X met Gen. Y")."""
    if len(text) > 300:
        return False  # a paragraph of running text, not a headline
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in MINOR]
    lowercase = sum(not w[0].isupper() for w in words)
    return 3 <= len(words) <= 25 and lowercase <= len(words) // 10


TITLE_CHARS = 12  # longer than any abbreviated title ("Lt.", "Brig.", "Sgt.")


def ends_with_title(text: str, end: int) -> bool:
    """Does the run ending at `end` end with an abbreviated title ("... Dr.", "... Gen.")?"""
    words = text[max(0, end - TITLE_CHARS):end].split()  # the last word only: no whole text
    dotted = text[end - 1:end] == "." or text[end:end + 1] == "."
    return bool(words) and dotted and words[-1].rstrip(".").lower() + "." in cues().person_titles



def trim_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a sentence-initial function word ("The", "In"), or a sentence-initial word and
    the particle after it ("Shares of Nordwind AG"), and trailing dots from a run."""
    span = text[start:end]
    words = span.split(" ")
    first = words[0]
    sentence_start = start == 0 or text[:start].rstrip()[-1:] in ".!?:\"“"
    if first.lower() in SENTENCE_STARTERS or sentence_start and len(words) > 2 and \
            words[1] in ("of", "for", "at", "in"):
        cut = len(first) if first.lower() in SENTENCE_STARTERS else len(first) + len(words[1]) + 1
        rest = span[cut:]
        start += cut + len(rest) - len(rest.lstrip())
    while end > start and text[end - 1] in ".-’'":
        end -= 1
    return start, end


def leading_title_words(words: list[str], words_cues: Cues) -> int:
    """How many of the run's first words are a title ("President", "Deputy Foreign
    Minister"): words of titles and their modifiers, the last of them a title."""
    count = 0
    for n in range(1, min(len(words), 5)):
        prefix = [w.lower() for w in words[:n]]
        if not all(w in words_cues.title_words for w in prefix):
            break
        if words_cues.title_before(prefix):
            count = n
    return count


def credit_parts(text: str, start: int, end: int, words: Cues) -> list[Candidate]:
    """The names in a credit's body: one word is an agency, two to four a photographer."""
    body = text[start:end]
    parts = []
    position = 0
    for piece in CREDIT_PART.split(body):
        at = body.find(piece, position)
        position = at + len(piece)
        parts.append((at, piece))
    found = []
    for at, piece in parts:
        if len(piece.split()) > 4:
            break  # a sentence: the credit ended before it
        clean = piece.strip(" .()[]©:")
        if not clean or clean.lower() in CREDIT_SKIP or not clean[0].isalnum() or \
                ":" in clean or clean.lower() in words.credit_cues:
            continue  # "Image:self": another credit's label
        offset = start + at + piece.find(clean)
        tokens = clean.split()
        last = tokens[-1].lower()
        if len(tokens) == 1 or last in words.org_suffixes or clean.isupper() and len(clean) <= 6:
            found.append(Candidate(offset, offset + len(clean), clean, "ORG"))
        elif all(t[0].isupper() or not t[0].isascii() for t in tokens):
            found.append(Candidate(offset, offset + len(clean), display_words(clean), "PERSON"))
    return found


def display_words(name: str) -> str:
    """"Anwar AMRO" -> "Anwar Amro": photographers' surnames are often printed in capitals."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


# Words Title Case leaves in lowercase (articles, conjunctions, prepositions), and particles.
MINOR = frozenset("""of the and for de la del di da du van von der al el on in a an at by to
with from as or but nor so yet if is are was be vs via per after before over under into onto
amid against than up off out about near upon past since until""".split())


def long_form_before(text: str, paren: int, acronym: str) -> tuple[int, int] | None:
    """Where the long form an acronym abbreviates ends before "(": Schwartz and Hearst's
    backward match of its letters against the preceding words, kept only when the long form
    is a proper name (its first and last words capitalised)."""
    end = paren
    while end > 0 and text[end - 1] == " ":
        end -= 1
    if end == 0 or not (text[end - 1].isalpha() or text[end - 1] == "."):
        return None
    letters = [c.lower() for c in acronym if c.isalnum()]
    window_words = text[max(0, end - 200):end].split()
    window_words = window_words[-min(len(letters) + 5, 2 * len(letters) + 2):]
    window = " ".join(window_words)
    offset = end - len(window)
    if text[offset:end] != window:
        return None  # newlines or double spaces inside: no long form across them
    index = len(window) - 1
    for position in range(len(letters) - 1, -1, -1):
        char = letters[position]
        while index >= 0 and (window[index].lower() != char or position == 0 and index > 0
                              and window[index - 1].isalnum()):
            index -= 1
        if index < 0:
            return None
        index -= 1
    start = offset + index + 1
    words = text[start:end].split()
    significant = [w for w in words if w.lower() not in MINOR]
    if len(words) < 2 or not significant or not all(w[0].isupper() for w in significant):
        return None
    return start, end
