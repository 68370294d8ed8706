"""Names and outlets in the lines of a page's head: bylines in their many forms ("By A and
B | Outlet", "A, Associated Press", a lone name, "CITY - NAME:"), agency datelines, photo
credits, logos and copyright owners. `head.py` decides which line to ask; this module says
what names the line holds.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS  # "The" is a given name somewhere, too

from . import language
from .extract.cues import cues
from .extract.gazetteer import places
from .extract.matcher import fold
from .line_shapes import (
    PHOTO_CREDIT,
    QUOTES,
    folded,
    is_outlet,
    is_section_label,
    is_ui_label,
    rtl_outlet_name,
    shapes,
)

NAME_MAX_WORDS = 4
MAX_LONE_NAMES = 3  # names on a byline line without a cue
RTL_INITIAL = re.compile(r"^(?:[א-ת][.'׳]|[\u0621-\u064a]\.)$")  # "ת. כהן", "ك. بن عيسى"
DATELINE_AGENCY = re.compile(r"^[^()]{0,60}?\(([^()]{2,40})\)\s*(?:[-–—]{1,2}|:)")
DASH_SPLIT = re.compile(r"\s+[-–—|]+\s+|\s*\|\s*")
NAME_SPLIT = re.compile(r"\s*(?:,|&|;|\b(?:and|AND)\b|\bو(?=\s))\s*|\s+ו-(?=\S)")
CREDIT_END = re.compile(r"[;)\n]|\s[-–—]\s|تحرير|"
                        r"\b(?:[Ee]dit|[Rr]eport|[Aa]dditional|[Cc]ompil)\w*|"
                        r"\bin [A-Z]|\bfor [A-Z]")
NAME_PARTICLES = frozenset({"al", "al-", "el", "bin", "ibn", "abu", "de", "da", "del", "della",
                            "van", "von", "der", "du", "la", "le", "di", "dos", "das", "ben"})


def is_person_name(name: str) -> bool:
    """A bylined name: one to four words, capitalised in Latin script, no digits."""
    words = name.split()
    if not 0 < len(words) <= NAME_MAX_WORDS or any(ch.isdigit() for ch in name) or ":" in name:
        return False  # "Contact: Jane Roe" is a press office's contact line
    if is_section_label(name):  # "כתבת משפט" is a legal correspondent, "משפט" no name
        return False
    if language.is_rtl_text(name):
        return True
    if is_ui_label(name) or name.casefold() in shapes().agencies or \
            words[0] == "The":  # "The Ledger | Daily News" is a site's header, not a byline
        return False
    return all(w[0].isupper() or w.casefold() in NAME_PARTICLES or w[0] in QUOTES
               or w.casefold().startswith(("al-", "el-")) for w in words) and \
        any(w[0].isupper() for w in words)


def is_job_title(text: str) -> bool:
    """"Local Democracy Reporter", "Health correspondent", "مراسل الجزيرة": a role."""
    return any(w.casefold().strip(".,") in shapes().role_words for w in text.split())


def split_names(text: str) -> list[str] | None:
    """["A B", "C D"] from "A B, C D and E F", or None when a part is not a person's name."""
    parts = [name for part in NAME_SPLIT.split(text) for name in split_attached_and(part)]
    parts = [p.strip(" .,:;–—-") for p in parts]
    parts = [p.strip(QUOTES) for p in parts if p and p.casefold() not in shapes().generic_credits
             and not is_job_title(p)]
    if not parts or not all(is_person_name(p) for p in parts):
        return None
    return parts


ATTACHED_AND = {"ar": "و", "he": "ו"}


def split_attached_and(part: str) -> list[str]:
    """"محمد شعبان وأحمد سعيد", "רועי שמעוני ואלון דגן": Arabic and Hebrew write "and" on the
    next name; a word that is a given name itself ("وليد") is not split."""
    script = language.script_language(part)
    words = part.split()
    if script not in ATTACHED_AND:
        return [part]
    for at in range(2, len(words)):
        word = words[at]
        if word.startswith(ATTACHED_AND[script]) and len(word) > 2 and \
                not starts_with_given_name(word, script) and \
                starts_with_given_name(word[1:], script):
            rest = " ".join([word[1:], *words[at + 1:]])
            return [" ".join(words[:at]), *split_attached_and(rest)]
    return [part]


def lone_names(text: str) -> list[str] | None:
    """The names of a line that holds only people's names, a byline without its cue ("Jane
    Roe", "ליאת כהן, יוסי מזרחי", "רועי שמעוני ואלון דגן"), perhaps with a job after them
    ("אבי רוזן, כתבנו בדרום")."""
    if (reporting_from := REPORTING_FROM.match(text)) is not None:
        text = reporting_from[1]  # where the reporter files from goes
    parts = [name.strip(" ,") for part in NAME_SPLIT.split(text)
             for name in split_attached_and(part) if name.strip(" ,")]
    if len(parts) > 1 and is_job_title(parts[-1]):
        parts = parts[:-1]
    if not 1 <= len(parts) <= MAX_LONE_NAMES or not all(is_lone_byline(p) for p in parts):
        return None
    return parts


def byline_cue(text: str) -> str | None:
    """The byline cue a line starts with, alone or before the names ("by", "By Jane Roe",
    "Reported by: Jane Roe"); the longest that fits."""
    key = folded(text)
    return next((cue for cue in shapes().byline_cues
                 if key == cue or key.startswith((cue + " ", cue + ":"))), None)


def byline(text: str) -> tuple[list[str], str | None] | None:
    """The names (and an outlet) of a byline line: "By A and B | Outlet", "Reported by: A",
    "A - Outlet Newspapers", "A, Associated Press". None when the line is not a byline."""
    cue = byline_cue(text)
    rest = text.strip()
    if cue is not None:
        rest = without_leading_role(rest[len(cue):].lstrip(" :–—-").strip())
    rest, special, outlet_named = rest.partition(", Special to ")  # a contributor's byline
    pieces = [p for p in DASH_SPLIT.split(rest) if p.strip()]
    if not pieces:
        return None
    if cue is not None and (credited := outlet_credit(pieces[0])) is not None:
        return [], credited  # "By The Associated Press", "By Times of Israel Staff"
    rest, caps_outlet = names_in_capitals(rest) if cue is not None else (rest, None)
    pieces = [p for p in DASH_SPLIT.split(rest) if p.strip()]
    outlet = next((p.strip() for p in pieces[1:] if is_outlet(p.strip())), None) or \
        (outlet_named.strip() if special else None) or caps_outlet
    # "A and B, Staff Writers", "נועה ברק | כתבת קול העמק": a job title vouches for the names
    role = any(is_job_title(p) for p in pieces[1:]) or is_job_title(pieces[0].split(",")[-1])
    names = split_names(pieces[0])
    if names is None and "," in pieces[0]:
        head, _, tail = pieces[0].rpartition(",")  # "(By) A, Associated Press"
        if is_outlet(tail.strip()):
            names, outlet = split_names(head), tail.strip()
    if names is None:
        return None
    if cue is None and ((outlet is None and not role) or len(pieces) > 2 or any(
            len(n.split()) < 2 or n.isupper() for n in names)):
        return None  # a name alone is a byline only after a cue, beside an outlet or a role
    return names, outlet


def without_leading_role(rest: str) -> str:
    """"court reporter Jane Roe" after "By": the job in lower case before the name goes."""
    words = rest.split()
    lower = next((i for i, w in enumerate(words) if not w.islower()), len(words))
    if 0 < lower < len(words) and any(is_job_title(w) for w in words[:lower]):
        return " ".join(words[lower:])
    return rest


def outlet_credit(text: str) -> str | None:
    """The outlet a byline credits instead of a person: "The Associated Press", "Reuters",
    "Times of Israel Staff", "AFP and TOI staff" (the outlet's own staff is the publisher)."""
    parts = [p.strip(" .,:;–—-") for p in NAME_SPLIT.split(text)]
    outlets: list[str] = []
    for part in [p for p in parts if p and folded(p) not in shapes().generic_credits]:
        name, staff = part, False
        for credit in sorted(shapes().generic_credits, key=len, reverse=True):
            if folded(name).endswith(" " + credit):
                name, staff = name[:-len(credit)].strip(), True
                break
        if staff and 0 < len(name.split()) <= NAME_MAX_WORDS and name[0].isupper():
            outlets.insert(0, name)  # the outlet's own staff: the publisher
        elif name.casefold() in shapes().agencies or (
                is_outlet(name) and not starts_with_latin_given_name(name)):
            outlets.append(name)  # "By Mark Post" is a person, "By Gulf News" an outlet
        else:
            return None
    return outlets[0] if outlets else None


def starts_with_latin_given_name(name: str) -> bool:
    first = name.split()[0].strip(QUOTES)
    return first.casefold() not in STOP_WORDS and \
        given_name_detector().get_gender(first) != "unknown"


def names_in_capitals(rest: str) -> tuple[str, str | None]:
    """"RHONDA KESSLER and TOMAS VIDAL Harbour Newswire": agency copy sets the names in
    capitals and runs the agency's name on; the names, and the outlet after them."""
    words = rest.split()
    if len(words) < 3 or not words[0].isupper() or not words[0].isalpha():
        return rest, None
    cut = next((i for i, w in enumerate(words) if not w.isupper() and w.casefold() != "and"),
               len(words))
    outlet = " ".join(words[cut:])
    return (" ".join(words[:cut]), outlet) if cut < len(words) and is_outlet(outlet) else \
        (rest, None)


def byline_for_outlet(text: str) -> tuple[list[str], str] | None:
    """"Jane Roe for The Outlet" and '"Pen Name" for Outlet Name': a contributor's byline."""
    name, sep, outlet = text.partition(" for ")
    outlet = outlet.strip()
    if not sep or not 0 < len(outlet.split()) <= 4 or not all(
            w[0].isupper() for w in outlet.split()):
        return None
    quoted = name.strip()[:1] in QUOTES
    names = split_names(name)
    if names is None or (not quoted and not all(len(n.split()) >= 2 for n in names)):
        return None
    return names, outlet


def credit_authors(text: str) -> list[str]:
    """Reporting and writing credits of agency copy: "(Reporting by A; Editing by B)"."""
    authors: list[str] = []
    lowered = text.casefold()
    for cue in shapes().credit_cues:
        at = lowered.find(cue + " ")
        while at >= 0:
            tail = text[at + len(cue) + 1:]
            # The next credit may follow without a stop ("Writing by A Editing by B"), and a
            # saved page may cut it short ("Writing by A Editi").
            chunk = CREDIT_END.split(tail, maxsplit=1)[0]
            names = split_names(chunk.strip())
            authors.extend(n for n in names or [] if n not in authors)
            at = lowered.find(cue + " ", at + 1)
    return authors


@cache
def given_name_detector() -> Any:
    import gender_guesser.detector as gender_guesser  # a list of given names in many languages

    return gender_guesser.Detector(case_sensitive=False)


def is_lone_byline(text: str) -> bool:
    """A line that is only a person's name ("Jane Roe" under the headline): two or three
    capitalised words starting with a known given name (in Arabic and Hebrew, which have no
    capitals, one of the given names the entity finder knows)."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not is_person_name(text) or is_outlet(text):
        return False
    script = language.script_language(text)
    if script is not None:  # a given name, or an initial ("ת. כהן", Israeli papers' style)
        return starts_with_given_name(text, script) or \
            RTL_INITIAL.match(words[0]) is not None
    return starts_with_latin_given_name(text) or \
        (len(words) == 3 and MIDDLE_INITIAL.match(words[1]) is not None)


def starts_with_given_name(name: str, script: str) -> bool:
    """An Arabic or Hebrew name that starts with a given name the entity finder knows, or one
    of the longer list for bylines (one that is also a word, "דנה", "حسن", counts here: the
    line holds nothing but the name)."""
    first = fold(name.split()[0])
    words = cues().scripts[script]
    return first in words.given or first in words.common_given or first in words.listed_given


REPORTING_FROM = re.compile(  # "Jane Roe in Cairo", "Jane Roe at the Harbour Stadium", "Jane
    # Roe reports"
    r"^(.+?) (?:(?:in|at)(?: the)? [A-Z][\w'’.-]*(?: [A-Z&][\w'’.-]*){0,3}|reports)$")
MIDDLE_INITIAL = re.compile(r"^[A-Z]\.$")  # "Jane Q. Roe"
RTL_CITY_AUTHOR = re.compile(r"^(\S+(?: \S+)?)\s+[-–—]\s+(\S+(?: \S+){1,3})$")
RTL_AUTHOR_CITY = re.compile(r"^(\S+(?: \S+){1,2})\s+[-–—]\s+(\S+(?: \S+)?)$")
RTL_CITY_COLON_AUTHOR = re.compile(r"^(\S+(?: \S+)?):\s+(\S+(?: \S+){1,2})$")  # "وهران: NAME"


def rtl_city_byline(text: str) -> list[str] | None:
    """Arabic and Hebrew pages' "CITY - NAME" line under the headline."""
    if text.endswith(":"):
        return None  # "CITY - OUTLET:": a dateline (rtl_dateline_outlet)
    colon = RTL_CITY_COLON_AUTHOR.match(text)
    script = language.script_language(text)
    if colon and script is not None and (starts_with_given_name(colon[2], script) or (
            colon[1] in places(script) and not is_section_label(colon[2]) and
            not any(c.isdigit() for c in colon[2]))):
        return [colon[2]]  # a given name we know, or a town the gazetteer knows before it
    match = RTL_CITY_AUTHOR.match(text)
    if match and language.is_rtl_text(match[2]) and not any(c.isdigit() for c in match[2]):
        return [match[2]]
    reverse = RTL_AUTHOR_CITY.match(text)  # "محمد أمزيان - أكادير": the name first
    if reverse and script is not None and starts_with_given_name(reverse[1], script) and \
            not any(c.isdigit() for c in reverse[2]):
        return [reverse[1]]
    return None


def own_photo_credit(text: str) -> str | None:
    """An outlet (not a wire agency) credited for a photo: usually the page's own."""
    if (match := PHOTO_CREDIT.match(text)) is None:
        return None
    credit = text[match.end():].strip()
    return credit if is_outlet(credit) and credit.casefold() not in shapes().agencies else None


def dateline_agency(text: str) -> str | None:
    """The agency of a dateline "CITY (Reuters) -" or "AMMAN - The Associated Press"."""
    match = DATELINE_AGENCY.match(text)
    candidates = [match[1]] if match else []
    pieces = DASH_SPLIT.split(text, maxsplit=1)
    if len(pieces) == 2 and len(pieces[0].split()) <= 3 and pieces[0].isupper():
        candidates.append(pieces[1].removeprefix("The ").strip())
    for candidate in candidates:
        key = candidate.strip().casefold()
        if key in shapes().agencies:
            return shapes().agencies[key]
    if match and (is_outlet(match[1].strip()) or rtl_outlet_name(match[1].strip())):
        return match[1].strip()  # "CHICAGO (Meridian Newswire) -", "دبي (وكالة X للأنباء) -"
    return None


RTL_DATELINE = re.compile(
    r"^[^\s:()]+(?: [^\s:()]+)?\s*[-–]\s*([^\s:()\d]+(?: [^\s:()\d]+){0,2})\s*:")


def rtl_dateline_outlet(text: str) -> str | None:
    """The outlet of an Arabic or Hebrew dateline "CITY - OUTLET: ..." ("رام الله- وطن:")."""
    match = RTL_DATELINE.match(text)
    if not match or not language.is_rtl_text(match[1]) or rtl_dateline_author(text):
        return None
    return match[1]


RTL_DATELINE_FROM = re.compile(  # "القاهرة ـ «المنبر» ـ من رامي الدباس:"
    r"^[^\s:()«»]+(?: [^\s:()«»]+)?\s*[-–ـ]\s*(?:«([^«»]{2,40})»\s*[-–ـ]\s*)?"
    r"من\s+(\S+(?: \S+){1,2})\s*:")


def rtl_dateline_from(text: str) -> tuple[str, str | None] | None:
    """The reporter and the outlet of an Arabic dateline "CITY - «OUTLET» - من NAME:" (the
    agency's "from"), when the name starts with a given name."""
    match = RTL_DATELINE_FROM.match(text)
    if match is None or not starts_with_given_name(match[2], "ar"):
        return None
    return match[2], match[1]


def rtl_dateline_author(text: str) -> str | None:
    """The reporter of an Arabic or Hebrew dateline "CITY - NAME: ..." ("عمّان - رامي الدباس:"):
    a name of two or three words that starts with a given name."""
    if (reporter := rtl_dateline_from(text)) is not None:
        return reporter[0]
    match = RTL_DATELINE.match(text)
    script = language.script_language(match[1]) if match else None
    if match is None or script is None or len(match[1].split()) < 2:
        return None
    return match[1] if starts_with_given_name(match[1], script) else None


def without_company(owner: str) -> str:
    """"The Ledger Company" -> "The Ledger": the outlet a copyright line's owner publishes
    (the year some lines print after the owner goes too)."""
    owner = re.sub(r"\s+\d{4}(?:\s*[-–]\s*\d{4})?$", "", owner)
    first, _, rest = owner.partition(" ")
    if first in shapes().company_prefixes and rest:
        owner = rest  # "הוצאת עיתון הארץ בע"מ" -> "עיתון הארץ בע"מ"
    for suffix in shapes().company_suffixes:
        if owner.casefold().endswith(" " + suffix):
            name = owner[:-len(suffix)].rstrip(" ,")
            if len(name.split()) >= (2 if name.startswith("The ") else 1):
                return name
    return owner


def logo_publisher(text: str) -> str | None:
    """"McClatchy DC Logo" -> "McClatchy DC"."""
    for suffix in shapes().logo_suffixes:
        if folded(text).endswith(" " + suffix):
            name = text.strip()[:-len(suffix)].strip(" -|")
            if 0 < len(name.split()) <= 5 and name[0].isupper():
                return name
    return None
