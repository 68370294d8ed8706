"""Names in Latin-script text found by the shapes news outlets share, without a model.

Each finder reads one paragraph and returns `Candidate`s with offsets into that paragraph:
- datelines: "MEXICO CITY, March 2 (Reuters) –" names a place and an agency;
- photo credits: "(Photo: Jane Roe / AFP)", "REUTERS/John Doe": photographers and agencies;
- acronyms defined beside their long form: "Rapid Support Forces (RSF)" (Schwartz and Hearst's
  rule for which words the letters stand for);
- nicknames inside a name: Joaquín “El Chapo” Guzmán;
- a capitalised run after a person's title ("spokesman Hazem Qassem"), ending in an
  organisation's or place's word ("Wirecard AG", "Gaza City"), or a lowercase noun that makes a
  name an organisation ("the Sinaloa cartel", "the Lebanese army").
The cue words live in generator/data/entity_cues.yml (see `cues.py`). Labels are spaCy's
(PERSON, ORG, GPE), so these names go through the same resolution as the model's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cues import Cues, alternation, cues


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
# A run of capitalised words, perhaps joined by lowercase particles ("Bank of England").
RUN = re.compile(rf"(?<![\w'’])(?:{WORD})(?:(?:\s+(?:{JOINERS}))*\s+(?:{WORD}))*")
SENTENCE_STARTERS = frozenset("""the a an in on at but and or when as after before this that
these those his her its their our my if while since for from with by to so yet then there
here it he she they we i you what who why how where which""".split())
ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
         r"(?:,\s*\d{4})?")
# "WASHINGTON (AP) —", "MEXICO CITY, March 2 (Reuters) –", "Gaza City (AFP) -", after the
# " date 2023-10-02" some saving tools put first.
DATELINE = re.compile(
    rf"^\W*(?:date\s+\d{{4}}-\d\d-\d\d\s+)?(?P<place>(?:{WORD})(?:\s+(?:{WORD})){{0,3}})"
    rf"(?:,\s*(?P<region>(?:{WORD})(?:\s+(?:{WORD})){{0,2}}))?(?:,?\s+{MONTH})?\s*"
    r"(?:\((?P<agency>[^()]{2,30})\)\s*)?[-–—:]\s")
PARENTHESISED = re.compile(rf"\(\s*[\"“]?(?P<name>(?:{WORD})(?:\s+(?:{WORD})){{0,3}})[\"”]?\s*\)")
# Capitals standing alone ("IRNA", "EY"): an acronym, when the article prints it more than once.
ACRONYM_WORD = re.compile(r"(?<![\w'’.-])[A-Z][A-Z0-9&]{1,5}(?![\w'’-])")
NICKNAME = re.compile(rf"(?P<first>{WORD})\s+[\"“](?P<nick>[{UPPER}][^\"”\n]{{1,25}})[\"”]\s+"
                      rf"(?P<last>(?:{WORD})(?:\s+(?:{WORD}))?)")
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
        heads = alternation(words.org_heads | words.state_heads)
        modifiers = alternation(words.head_modifiers)
        self.org_head = re.compile(
            rf"(?P<name>(?:(?:{WORD})\s+){{0,2}}(?:{WORD}))\s+(?:(?:{modifiers})\s+)?"
            rf"(?P<head>{heads})\b(?P<where>\s+in\s+(?:{WORD}))?")
        self.known_as = re.compile(
            rf"(?i:{alternation(words.alias_cues)})\s+(?:the\s+)?[\"“‘']?"
            rf"(?P<name>(?:{WORD})(?:\s+(?:{WORD})){{0,3}})")
        self.place_head = re.compile(
            rf"(?P<name>(?:(?:{WORD})\s+){{0,2}}(?:{WORD}))\s+"
            rf"(?:(?:{alternation(words.place_modifiers)})\s+)?"
            rf"(?:{alternation(words.place_heads)})\b")

    # --- the finders --------------------------------------------------------------------

    def find(self, text: str, title_case: bool) -> list[Candidate]:
        """Every shape in one paragraph; in a Title Case paragraph (a headline) only those that
        do not rest on capital letters."""
        found = self.dateline(text) + self.credits(text) + self.acronyms(text)
        if not title_case:
            found += self.nicknames(text) + self.titled_runs(text) + self.org_heads(text) + \
                self.place_heads(text)
        return found

    def dateline(self, text: str) -> list[Candidate]:
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

    def credits(self, text: str) -> list[Candidate]:
        """Photographers and agencies in "Photo: A / B", "(A/B/C)" and "AGENCY/Name"."""
        found: list[Candidate] = []
        for match in self.credit.finditer(text):
            found += credit_parts(text, match.start("body"), match.end("body"), self.words)
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
        """Joaquín “El Chapo” Guzmán: the person Joaquín Guzmán, "El Chapo" another name."""
        found = []
        for match in NICKNAME.finditer(text):
            name = f"{match['first']} {match['last']}"
            found.append(Candidate(match.start(), match.end(), name, "PERSON",
                                   also=match["nick"].strip()))
        return found

    def titled_runs(self, text: str) -> list[Candidate]:
        """Capitalised runs the context types: after a person's title, or ending in an
        organisation's or a place's word."""
        found = []
        for match in RUN.finditer(text):
            start, end = trim_run(text, match.start(), match.end())
            words = text[start:end].split()
            if not words:
                continue
            before = text[max(0, start - 40):start].lower().split()
            if (split := inner_title(words, self.words)) is not None:
                # "DEA Administrator Anne Milgram": an organisation, a title, a person
                organisation, title = split
                if organisation == 1 and words[0].isupper() and len(words[0]) > 1:
                    found.append(Candidate(start, start + len(words[0]), words[0], "ORG"))
                start += len(" ".join(words[:organisation])) + 1
                before, words = words[organisation:organisation + title], words[
                    organisation:]
                before = [w.lower() for w in before]
            inside = leading_title_words(words, self.words)
            if inside:
                start += len(" ".join(words[:inside])) + 1
                words = words[inside:]
            while words and not words[0][0].isupper():  # "COO of Wirecard": no name
                start += len(words[0]) + 1
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            if inside or self.words.title_before(before):
                if len(words) >= 2 and not self.label_of(name, ""):
                    found.append(Candidate(start, end, name, "PERSON"))
            elif len(words) >= 2 and (label := self.label_of(name, "")):
                # "Wirecard AG", later "Wirecard": the company without its legal form
                stem = " ".join(words[:-1]) if words[-1].lower() in self.words.legal_forms else ""
                found.append(Candidate(start, end, name, label, also=stem))
            elif len(words) == 1 and before and before[-1] in self.words.org_before:
                found.append(Candidate(start, end, name, "ORG"))
        return found

    def org_heads(self, text: str) -> list[Candidate]:
        """"the Sinaloa cartel", "the US embassy in Beirut": a name and a lowercase noun."""
        found = []
        for match in self.org_head.finditer(text):
            start, _ = trim_run(text, match.start("name"), match.end("name"))
            if start >= match.end("name"):
                continue
            end = match.end("head")
            name = text[start:end]
            if match["where"] and match["head"] in ("embassy", "consulate"):
                name += match["where"]  # the place stays a mention of its own
            proper = match["head"] in self.words.org_heads
            found.append(Candidate(start, end, name, "ORG",
                                   also=text[start:match.end("name")] if proper else ""))
        return found

    def place_heads(self, text: str) -> list[Candidate]:
        """"Gaza City’s Shejaia district": the place Shejaia (the noun is no part of it)."""
        found = []
        for match in self.place_head.finditer(text):
            start, end = trim_run(text, match.start("name"), match.end("name"))
            if start < end:
                found.append(Candidate(start, end, text[start:end], "GPE"))
        return found

    def other_names(self, text: str) -> list[tuple[int, int, int]]:
        """(where the cue starts, where the name starts and ends) for "X, known as Y",
        "X, dubbed 'Y'" and "X (Y)": Y is another name of whatever X names."""
        found = [(match.start(), match.start("name"), match.end("name"))
                 for match in self.known_as.finditer(text)]
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


def shapes() -> Shapes:
    global _SHAPES
    if _SHAPES is None:
        _SHAPES = Shapes(cues())
    return _SHAPES


_SHAPES: Shapes | None = None


def display(name: str) -> str:
    """"MEXICO CITY" -> "Mexico City"; names in mixed case are kept as printed."""
    if not name.isupper() or len(name) <= 4 and " " not in name:
        return name
    return " ".join(word.capitalize() for word in name.split())


def is_title_case(text: str) -> bool:
    """A headline in Title Case or capitals ("El Chapo and the Fog of the Drug War"): capital
    letters say nothing about names there. A sentence dense with names still has lowercase
    words ("President X met Gen. Y")."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in MINOR]
    lowercase = sum(not w[0].isupper() for w in words)
    return 3 <= len(words) <= 25 and lowercase <= len(words) // 10


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


def inner_title(words: list[str], words_cues: Cues) -> tuple[int, int] | None:
    """(words before, words of the title) when a title stands inside a run after other words
    and before at least two more: "DEA Administrator Anne Milgram" -> (1, 1)."""
    for at in range(1, len(words) - 2):
        for size in (2, 1):
            if " ".join(words[at:at + size]) in words_cues.title_inside and \
                    len(words) - at - size >= 2:
                return at, size
    return None


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
