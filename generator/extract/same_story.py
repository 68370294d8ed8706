"""The same story across outlets: articles that are copies of one another.

Requires: every parsed article (a reduce over the whole corpus, run in the main process after
the map, so the result is the same whatever the number of workers). Assigns: for each article
that has copies, the ids of the others (`Corpus.same_story`).

A copy is a wire story republished with other chrome and another headline, the same page saved
twice into different files, or a lightly edited or shortened version. Only the body counts
(`Article.body`: text and subheadings, never the headline, byline or captions), so a copy is
never found by its title, and a new headline or page chrome does not hide one.

1. Each body becomes the set of its 5-word shingles: runs of five consecutive casefolded words
   (`\\w+`) within one paragraph, each word hashed with BLAKE2b and the five combined into one
   64-bit number (no Python `hash()`, which changes between processes).
2. Shingles found in more than COMMON_MIN articles (or COMMON_FRACTION of the corpus, if more)
   are boilerplate (a newsletter line, a template), not evidence of copying: they are left out.
   A body with fewer than MIN_BODY_SHINGLES shingles, or fewer than MIN_SHINGLES left, is too
   short to judge.
3. MinHash signatures (rensa's R-MinHash, NUM_PERM permutations, a fixed seed) go into rensa's
   LSH index of BANDS bands; two bodies that share a band are candidates. With 3 rows a band,
   a pair of Jaccard similarity 0.25 is a candidate with probability 0.64, 0.3 with 0.83, 0.4
   with 0.985; pairs below 0.05 almost never are, which keeps the checks few.
4. Every candidate pair is checked exactly on the shingle sets: it is a copy when the shorter
   body's shingles are at least MIN_CONTAINMENT in the longer one (so a shortened copy counts)
   and their Jaccard similarity is at least MIN_JACCARD (so a short piece inside a long live
   blog or round-up does not make the round-up "the same story"). Two articles about one event
   that share a few sentences or quotes stay far below both.
5. Copies are grouped transitively (a copy of a copy is the same story); each article lists
   the other members of its group, sorted by id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import rensa

from ..model import Article

SHINGLE_WORDS = 5
NUM_PERM = 192
BANDS = 64  # 3 rows a band
SEED = 1515  # MinHash permutations: fixed, so the same input gives the same candidates
MIN_BODY_SHINGLES = 20  # a body of about 25 words or fewer is too short to judge
MIN_SHINGLES = 10  # and so is one with fewer shingles than this that are not boilerplate
MIN_CONTAINMENT = 0.8
MIN_JACCARD = 0.2  # the shorter copy holds at least about a fifth of the longer's shingles
COMMON_MIN = 50
COMMON_FRACTION = 0.01

WORD = re.compile(r"\w+")
MIX = np.uint64(0x100000001B3)  # FNV's 64-bit prime: mixes the five word hashes of a shingle

Shingles = npt.NDArray[np.uint64]  # sorted, unique


def find_same_story(articles: Sequence[Article]) -> dict[str, tuple[str, ...]]:
    """Article id -> ids of the other articles of its story, for articles that have copies."""
    every = body_shingles(articles)
    shingles = without_common(every)
    usable = [position for position, found in enumerate(shingles)
              if len(every[position]) >= MIN_BODY_SHINGLES and len(found) >= MIN_SHINGLES]
    pairs = [(first, second) for first, second in candidate_pairs([shingles[p] for p in usable])
             if is_copy(shingles[usable[first]], shingles[usable[second]])]
    groups = connected([(usable[first], usable[second]) for first, second in pairs])
    same: dict[str, tuple[str, ...]] = {}
    for members in groups:
        ids = sorted(articles[position].id for position in members)
        for article_id in ids:
            same[article_id] = tuple(other for other in ids if other != article_id)
    return dict(sorted(same.items()))


def story_of(same_story: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Article id -> its story's id (the smallest article id among the copies), for the
    articles that have copies: what counts a story once."""
    return {article: min((article, *others)) for article, others in same_story.items()}


# The last build's shingles by article (its id and its body's texts, whose hashes Python keeps
# on the strings): a rebuild (`serve`) computes only those of the articles that changed.
_LAST_SHINGLES: dict[tuple[str, int], Shingles] = {}


def body_shingles(articles: Sequence[Article]) -> list[Shingles]:
    global _LAST_SHINGLES
    vocabulary: dict[str, int] = {}
    keys = [(article.id, hash(tuple(p.text for p in article.body))) for article in articles]
    found = [_LAST_SHINGLES[key] if key in _LAST_SHINGLES else article_shingles(article, vocabulary)
             for key, article in zip(keys, articles, strict=True)]
    _LAST_SHINGLES = dict(zip(keys, found, strict=True))
    return found


def article_shingles(article: Article, vocabulary: dict[str, int]) -> Shingles:
    """The hashes of the body's 5-word runs within a paragraph; `vocabulary` caches the word
    hashes."""
    paragraphs = [WORD.findall(p.text.casefold()) for p in article.body]
    words = [word for paragraph in paragraphs for word in paragraph]
    for word in set(words).difference(vocabulary):
        vocabulary[word] = int.from_bytes(
            hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
    hashes = np.fromiter(map(vocabulary.__getitem__, words), dtype=np.uint64,
                         count=len(words))
    count = len(hashes) - SHINGLE_WORDS + 1
    if count <= 0:
        return hashes[:0]
    combined = hashes[:count].copy()
    for offset in range(1, SHINGLE_WORDS):
        combined *= MIX  # wraps around modulo 2**64, as intended
        combined ^= hashes[offset:offset + count]
    # within a paragraph only: a copy that ends or starts elsewhere, or whose paragraphs
    # are cut differently, has no shingles across its own paragraph ends
    paragraph_of = np.repeat(np.arange(len(paragraphs)), [len(p) for p in paragraphs])
    within = paragraph_of[:count] == paragraph_of[SHINGLE_WORDS - 1:]
    return np.unique(combined[within])


def without_common(shingles: list[Shingles]) -> list[Shingles]:
    """The sets without shingles that too many articles share."""
    limit = max(COMMON_MIN, int(len(shingles) * COMMON_FRACTION))
    if len(shingles) <= limit:
        return shingles
    every = np.concatenate(shingles)
    values, counts = np.unique(every, return_counts=True)
    common = values[counts > limit]
    if not len(common):
        return shingles
    # one test over every article's shingles at once, split back by article (one np.isin
    # per article was most of the time at 10,000 articles)
    kept = ~np.isin(every, common)
    ends = np.cumsum([len(found) for found in shingles])[:-1]
    return [found[mask] for found, mask in zip(shingles, np.split(kept, ends), strict=True)]


def candidate_pairs(shingles: list[Shingles]) -> list[tuple[int, int]]:
    """Positions (first < second) of bodies that share an LSH band, sorted."""
    if len(shingles) < 2:
        return []
    tokens = [[data[i:i + 8] for i in range(0, len(data), 8)]
              for data in (found.tobytes() for found in shingles)]
    signatures = rensa.RMinHash.from_token_sets(tokens, NUM_PERM, SEED)
    index = rensa.RMinHashLSH(MIN_JACCARD, NUM_PERM, BANDS)
    index.insert_many(signatures, 0)
    return sorted({(first, second) for first, keys in enumerate(index.query_all(signatures))
                   for second in keys if second > first})


def is_copy(first: Shingles, second: Shingles) -> bool:
    shared = len(np.intersect1d(first, second, assume_unique=True))
    smaller = min(len(first), len(second))
    union = len(first) + len(second) - shared
    return shared >= MIN_CONTAINMENT * smaller and shared >= MIN_JACCARD * union


def connected(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The groups that the pairs join (union-find), each sorted, in order of first member."""
    parent: dict[int, int] = {}

    def root(item: int) -> int:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in pairs:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for item in sorted(parent):
        groups.setdefault(root(item), []).append(item)
    return list(groups.values())
