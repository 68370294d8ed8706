"""Topics for any subject: derived from the corpus itself where the curated taxonomy is silent.

Requires: the Corpus with its curated topics, entities and mentions. Assigns: derived Topics
(`derived=True`, labelled by their top terms) and the articles filed under them.

`knowledge/topics.yml` is the curated layer and wins where it applies: only articles that no
curated topic covers are used, and only they get derived topics, so a subject the taxonomy
knows keeps its names and a new subject still gets topics. Derivation is NMF over TF-IDF of
those articles' English text: title and body, words of three letters or more and pairs of
words, without English stop words and common news words ("said"); a term must occur in two
articles. Arabic and Hebrew paragraphs are left out: scikit-learn has neither stop words nor
stemming for them, and the curated cues cover those languages. With fewer than MIN_ARTICLES
such articles (of MIN_WORDS English words or more) nothing is derived.

The number of topics grows with the corpus: about sqrt(n / 2), between 2 and MAX_TOPICS. An
article is filed under its strongest component and under a second one of at least half that
weight; a component that fewer than two articles are filed under is dropped.

The result is the same for the same input, whatever the number of workers: the articles are
sorted by id, NMF starts from an SVD (init="nndsvda") with a fixed random_state, runs on one
BLAS thread, and weights are rounded before they are compared.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from dataclasses import replace
from typing import Any

import numpy as np
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from threadpoolctl import threadpool_limits

from ..model import Article, Corpus, Topic
from ..slugs import unique_slugs

MIN_ARTICLES = 8  # uncovered English articles needed before anything is derived
MAX_TOPICS = 20
MIN_WORDS = 30  # an article with less English text than this is left out
LABEL_TERMS = 3  # terms in a topic's name
TOP_TERMS = 10  # terms listed on its page and in corpus.json
CASE_SAMPLE = 20  # a topic's strongest articles, read for how its terms are written
TOKEN = r"(?u)\b[^\W\d_]{3,}\b"
# News words every subject uses, on top of scikit-learn's English stop words.
NEWS_WORDS = frozenset("""said says say saying told tells according reported reports report
reporting statement added news people just like including year years month months week weeks
day days time today yesterday monday tuesday wednesday thursday friday saturday sunday january
february march april june july august september october november december percent told
""".split())
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | NEWS_WORDS)


Derived = tuple[tuple[Topic, ...], dict[str, list[str]]]


def with_derived_topics(corpus: Corpus, derived: Derived | None = None) -> Corpus:
    """The corpus with derived topics added after the curated ones (unchanged when too few
    articles are uncovered); `derived`: what `derive_topics` gives for it, if known."""
    topics, members = derived if derived is not None else derive_topics(corpus)
    if not topics:
        return corpus
    article_topics = dict(corpus.article_topics)
    for topic in topics:
        for article_id in members[topic.id]:
            article_topics[article_id] = (*article_topics.get(article_id, ()), topic.id)
    return replace(corpus, topics=corpus.topics + topics, article_topics=article_topics)


def topic_count(articles: int) -> int:
    return max(2, min(MAX_TOPICS, round(math.sqrt(articles / 2))))


def english_text(article: Article) -> str:
    parts = [p.text for p in article.body if p.lang == "en"]
    if parts and article.title:
        parts.insert(0, article.title)
    return "\n".join(parts)


def derivation_inputs(corpus: Corpus) -> tuple[Any, ...]:
    """Everything `derive_topics` reads of the corpus, as values whose `==` is exact: the
    uncovered articles' English text in corpus order, the entities they name (with their
    names and how often), the curated topics' ids. An edit to a covered article leaves them
    equal, and a rebuild (`serve`, pipeline.BuildMemo) keeps the last build's topics."""
    uncovered = [a for a in corpus.articles if not corpus.article_topics.get(a.id)]
    wanted = {a.id for a in uncovered}
    named: dict[str, list[str]] = {}
    for mention in corpus.mentions:
        if mention.article in wanted:
            named.setdefault(mention.article, []).append(mention.entity)
    entities = {entity for found in named.values() for entity in found}
    return (tuple((a.id, english_text(a)) for a in uncovered),
            tuple((article, tuple(found)) for article, found in named.items()),
            tuple((e.id, e.name) for e in corpus.entities if e.id in entities),
            tuple(t.id for t in corpus.topics))


def derive_topics(corpus: Corpus) -> Derived:
    """Derived topics, and the article ids under each, in corpus order."""
    uncovered = sorted((a for a in corpus.articles if not corpus.article_topics.get(a.id)),
                       key=lambda a: a.id)
    texts = {a.id: english_text(a) for a in uncovered}
    used = [a for a in uncovered if len(texts[a.id].split()) >= MIN_WORDS]
    if len(used) < MIN_ARTICLES:
        return (), {}
    vectorizer = TfidfVectorizer(stop_words=STOP_WORDS, token_pattern=TOKEN, ngram_range=(1, 2),
                                 min_df=2, max_df=0.8, sublinear_tf=True, max_features=20_000)
    try:
        matrix = vectorizer.fit_transform([texts[a.id] for a in used])
    except ValueError:  # no term occurs in two articles
        return (), {}
    k = min(topic_count(len(used)), matrix.shape[1])
    if k < 2:
        return (), {}
    with threadpool_limits(limits=1), warnings.catch_warnings():
        # Not converging within max_iter only leaves the weights a little less sharp.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=500)
        weights = np.round(model.fit_transform(matrix), 8)
        components = np.round(model.components_, 8)
    members: dict[int, list[str]] = {j: [] for j in range(k)}
    for row, article in enumerate(used):
        strongest = float(weights[row].max())
        if strongest <= 0:
            continue
        ranked = sorted(range(k), key=lambda j: (-weights[row, j], j))
        for j in ranked[:2]:
            if weights[row, j] >= strongest / 2:
                members[j].append(article.id)
    kept = sorted((j for j in range(k) if len(members[j]) >= 2),
                  key=lambda j: (-len(members[j]), j))
    if not kept:
        return (), {}
    order = {a.id: i for i, a in enumerate(corpus.articles)}
    vocabulary = vectorizer.get_feature_names_out()
    rows = {a.id: row for row, a in enumerate(used)}
    labels = [top_terms(components[j], vocabulary, "\n".join(texts[a] for a in sorted(
        members[j], key=lambda a: (-weights[rows[a], j], a))[:CASE_SAMPLE])) for j in kept]
    ids = unique_slugs((" ".join(["derived", *terms[:2]]) for terms in labels),
                       fallback="derived", taken={t.id for t in corpus.topics})
    names = entity_names(corpus, {a for j in kept for a in members[j]})
    topics, assigned = [], {}
    for topic_id, j, terms in zip(ids, kept, labels, strict=True):
        people = most_mentioned(names, members[j])
        description = f"Derived from the corpus: top terms {', '.join(terms)}."
        if people:
            description += f" Most mentioned: {', '.join(people)}."
        name = ", ".join(label(terms))
        topics.append(Topic(id=topic_id, name=name[:1].upper() + name[1:],
                            description=description, derived=True, terms=tuple(terms)))
        assigned[topic_id] = sorted(members[j], key=order.__getitem__)
    return tuple(topics), assigned


def top_terms(weights: np.ndarray, vocabulary: np.ndarray, text: str) -> list[str]:
    """The component's strongest terms, each written as its strongest articles mostly write it
    ("Wirecard", "audit"); left out: a term whose words are listed already, and a pair the
    articles never write as one (TF-IDF pairs words across the stop words between them)."""
    terms: list[str] = []
    seen: set[str] = set()
    for index in sorted(range(len(vocabulary)), key=lambda i: (-weights[i], vocabulary[i])):
        if weights[index] <= 0 or len(terms) == TOP_TERMS:
            break
        words = str(vocabulary[index]).split()
        if set(words) <= seen:
            continue
        written = written_as(str(vocabulary[index]), text)
        if written is None:  # a pair across a stop word or a comma: not a phrase to show
            continue
        seen.update(words)
        terms.append(written)
    return terms


def label(terms: list[str]) -> list[str]:
    """The first LABEL_TERMS terms that share no word with an earlier one ("Peretz" but not
    then "Peretz met")."""
    chosen: list[str] = []
    words: set[str] = set()
    for term in terms:
        if len(chosen) < LABEL_TERMS and not words & set(term.lower().split()):
            chosen.append(term)
            words.update(term.lower().split())
    return chosen


def written_as(term: str, text: str) -> str | None:
    """The term as the text mostly writes it; None when it never writes it as such."""
    words = r"\s+".join(re.escape(word) for word in term.split())
    pattern = re.compile(rf"\b{words}\b", re.IGNORECASE)
    counts = Counter(" ".join(m.group().split()) for m in pattern.finditer(text))
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def entity_names(corpus: Corpus, article_ids: set[str]) -> dict[str, Counter[str]]:
    """Article -> entity names it mentions, for the entities a derived topic's page names."""
    names = {e.id: e.name for e in corpus.entities}
    found: dict[str, Counter[str]] = {}
    for mention in corpus.mentions:
        if mention.article in article_ids and mention.entity in names:
            found.setdefault(mention.article, Counter())[names[mention.entity]] += 1
    return found


def most_mentioned(names: dict[str, Counter[str]], members: list[str], top: int = 3) -> list[str]:
    """The entities most of the topic's articles mention."""
    articles: Counter[str] = Counter()
    for article_id in members:
        articles.update(set(names.get(article_id, ())))
    return [name for name, n in sorted(articles.items(), key=lambda i: (-i[1], i[0]))[:top]
            if n >= 2]
