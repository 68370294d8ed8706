"""Machine-readable exports of the Corpus (`data/corpus.json`, schema research-corpus/1)."""

from __future__ import annotations

import json
from typing import Any

from .link import Index
from .model import Corpus

SCHEMA = "research-corpus/1"


def corpus_document(corpus: Corpus) -> dict[str, Any]:
    mentions_by_article: dict[str, list[dict[str, Any]]] = {}
    for mention in corpus.mentions:
        mentions_by_article.setdefault(mention.article, []).append({
            "entity": mention.entity, "surface": mention.surface, "paragraph": mention.paragraph,
            "start": mention.start, "end": mention.end})
    return {
        "schema": SCHEMA,
        "sources": [{"file": s.file, "sha256": s.sha256, "encoding": s.encoding,
                     "problem": s.problem} for s in corpus.sources],
        "articles": [{
            "id": a.id, "source_file": a.source_file, "index_in_file": a.index_in_file,
            "title": a.title, "display_title": a.display_title, "date": a.date,
            "publisher": a.publisher, "languages": list(a.languages),
            "topics": list(corpus.article_topics.get(a.id, ())),
            "tags": list(a.tags), "url": a.url, "word_count": a.word_count,
            "mentions": mentions_by_article.get(a.id, [])} for a in corpus.articles],
        "entities": [{
            "id": e.id, "name": e.name, "type": e.type,
            "aliases": [name for name in e.all_names if name != e.name],
            "url": e.url, "source": e.source} for e in corpus.entities],
        "topics": [{"id": t.id, "name": t.name, "url": t.url, "description": t.description,
                    "articles": sum(t.id in ts for ts in corpus.article_topics.values())}
                   for t in corpus.topics],
        "events": [{"date": e.date, "text": e.text, "article": e.article,
                    "paragraph": e.paragraph, "entities": list(e.entities),
                    "url": f"articles/{e.article}/#p{e.paragraph}"} for e in corpus.events],
    }


def graph_document(corpus: Corpus, index: Index) -> dict[str, Any]:
    """The co-occurrence graph: entities, and pairs that share articles (weight = articles)."""
    nodes = [{"id": e.id, "name": e.name, "type": e.type, "url": e.url,
              "mentions": index.mention_count(e.id)} for e in corpus.entities]
    edges = [{"source": a, "target": b, "weight": weight}
             for a in sorted(index.cooccurrence) for b, weight in
             sorted(index.cooccurrence[a].items()) if a < b]
    return {"nodes": nodes, "edges": edges}


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
