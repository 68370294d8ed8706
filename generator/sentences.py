"""Splitting a paragraph into sentences without breaking at "Oct. 8" or "U.S. officials"."""

from __future__ import annotations

import re

BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9\u0590-\u06ff])")
# Words ending in a period that do not end a sentence ("Oct. 8", "U.S. officials").
ABBREVIATIONS = frozenset("""jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
prof gen lt col maj capt sgt cpl adm sen rep gov st no vs etc inc ltd co corp jr sr u.s u.n
u.k e.g i.e a.m p.m""".split())

def sentences(text: str) -> list[tuple[str, int]]:
    """(sentence, offset) pairs; a period after an abbreviation or an initial is no end."""
    result, start = [], 0
    for match in BOUNDARY.finditer(text):
        before = text[start:match.start() + 1].rsplit(None, 1)
        last = before[-1].rstrip(".").lower() if before else ""
        if match.group()[0] == "." and (last in ABBREVIATIONS or len(last) == 1):
            continue
        result.append((text[start:match.end()], start))
        start = match.end()
    if text[start:].strip():
        result.append((text[start:], start))
    return result
