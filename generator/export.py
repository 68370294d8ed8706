"""Machine-readable exports of the Corpus (`data/corpus.json`, schema research-corpus/1)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from functools import partial
from itertools import groupby
from operator import attrgetter
from typing import Any

from .link import Index
from .model import Article, Corpus, Entity, Mention, Quote
from .reuse import Reuse

SCHEMA = "research-corpus/1"


def corpus_document(corpus: Corpus, index: Index | None = None) -> dict[str, Any]:
    """With the site's `index`, a topic's `articles` counts copies of one story once when
    count_story_once is on, as the pages do."""
    mentions = mentions_by_article(corpus)
    rest = corpus_parts(corpus, index)
    return {"schema": rest.pop("schema"), "sources": rest.pop("sources"),
            "articles": [article_entry(corpus, a, mentions.get(a.id, ()))
                         for a in corpus.articles], **rest}


def corpus_json(corpus: Corpus, index: Index, reuse: Reuse) -> str:
    """`to_json(corpus_document(corpus, index))`, each article's part (most of the file)
    encoded once and kept while the values it is made from are equal (`serve`)."""
    mentions = index.mentions_by_article  # as mentions_by_article groups them
    articles = ",".join(reuse.get(
        ("corpus.json", a.id), (a, *article_links(corpus, a), mentions.get(a.id, ())),
        partial(compact_entry, corpus, a, mentions.get(a.id, ()))) for a in corpus.articles)
    parts = {key: reuse.get(("corpus.json", key), inputs(corpus, index),
                            partial(compact_part, make, corpus, index))
             for key, (inputs, make) in CORPUS_PARTS.items()}
    parts = {"schema": parts.pop("schema"), "sources": parts.pop("sources"),
             "articles": f"[{articles}]", **parts}
    return "{" + ",".join(f"{compact(key)}:{text}" for key, text in parts.items()) + "}\n"


def mentions_by_article(corpus: Corpus) -> dict[str, tuple[Mention, ...]]:
    grouped: dict[str, list[Mention]] = {}
    for article, found in groupby(corpus.mentions, key=attrgetter("article")):
        grouped.setdefault(article, []).extend(found)  # (an article's come together)
    return {article: tuple(found) for article, found in grouped.items()}


def article_links(corpus: Corpus, article: Article) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An article's topics and the other copies of its story."""
    return corpus.article_topics.get(article.id, ()), corpus.same_story.get(article.id, ())


def compact_part(make: Callable[[Corpus, Index | None], Any], corpus: Corpus,
                 index: Index | None) -> str:
    return compact(make(corpus, index))


def compact_entry(corpus: Corpus, a: Article, mentions: Iterable[Mention]) -> str:
    return compact(article_entry(corpus, a, mentions))


def article_entry(corpus: Corpus, a: Article, mentions: Iterable[Mention]) -> dict[str, Any]:
    topics, copies = article_links(corpus, a)
    return {
        "id": a.id, "source_file": a.source_file, "index_in_file": a.index_in_file,
        "title": a.title, "display_title": a.display_title, "date": a.date,
        "publisher": a.publisher, "languages": list(a.languages), "topics": list(topics),
        "tags": list(a.tags), "authors": list(a.authors), "url": a.url,
        "word_count": a.word_count, "same_story": list(copies),
        "mentions": [{"entity": m.entity, "surface": m.surface, "paragraph": m.paragraph,
                      "start": m.start, "end": m.end} for m in mentions]}


def corpus_parts(corpus: Corpus, index: Index | None) -> dict[str, Any]:
    """corpus.json but its articles, in the file's order."""
    return {key: make(corpus, index) for key, (_, make) in CORPUS_PARTS.items()}


def topics_part(corpus: Corpus, index: Index | None) -> list[dict[str, Any]]:
    count = index.story_count if index else lambda articles: sum(1 for _ in articles)
    return [{"id": t.id, "name": t.name, "url": t.url, "description": t.description,
             "articles": count(a for a, ts in corpus.article_topics.items() if t.id in ts),
             "derived": t.derived, "terms": list(t.terms)} for t in corpus.topics]


# corpus.json's parts but its articles: for each, what it is made from (values whose `==` is
# exact, see reuse.py: `serve` encodes a part again only when they changed) and how.
CORPUS_PARTS: dict[str, tuple[Callable[[Corpus, Index | None], Any],
                              Callable[[Corpus, Index | None], Any]]] = {
    "schema": (lambda corpus, index: SCHEMA, lambda corpus, index: SCHEMA),
    "sources": (lambda corpus, index: corpus.sources, lambda corpus, index: [
        {"file": s.file, "sha256": s.sha256, "encoding": s.encoding, "problem": s.problem}
        for s in corpus.sources]),
    "entities": (lambda corpus, index: tuple((e.id, e.name, e.type, e.all_names, e.source)
                                             for e in corpus.entities),
                 lambda corpus, index: [{
                     "id": e.id, "name": e.name, "type": e.type,
                     "aliases": [name for name in e.all_names if name != e.name],
                     "url": e.url, "source": e.source} for e in corpus.entities]),
    "topics": (topics_part, topics_part),  # small; counting is its cost, not encoding
    "events": (lambda corpus, index: corpus.events, lambda corpus, index: [
        {"date": e.date, "text": e.text, "article": e.article, "paragraph": e.paragraph,
         "entities": list(e.entities), "url": f"articles/{e.article}/#p{e.paragraph}"}
        for e in corpus.events]),
    "quotes": (lambda corpus, index: corpus.quotes, lambda corpus, index: [
        {"article": q.article, "paragraph": q.paragraph, "speaker": q.speaker, "text": q.text,
         "kind": q.kind, "start": q.start, "end": q.end, "url": q.url}
        for q in corpus.quotes]),
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
    """Compact JSON: the C encoder (indented output takes the slow pure-Python path, seconds
    at 10,000 articles). Pretty-print with `python -m json.tool` when reading by eye."""
    return compact(document) + "\n"


def compact(value: Any) -> str:
    """A value as to_json writes it inside a document: so a document's parts can be encoded
    one at a time and joined with "," and ":" to the same text."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def csv_text(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def entities_csv(corpus: Corpus, index: Index) -> str:
    return csv_text(
        ["id", "name", "type", "source", "aliases", "mentions", "articles", "url"],
        ([e.id, e.name, e.type, e.source, " | ".join(n for n in e.all_names if n != e.name),
          index.mention_count(e.id), index.article_count(e.id), e.url]
         for e in corpus.entities))


MENTIONS_HEADER = ["article", "entity", "surface", "paragraph", "start", "end", "how"]


def mentions_csv(corpus: Corpus, reuse: Reuse | None = None) -> str:
    """One row per mention; with `reuse`, each article's rows kept while its mentions are
    equal (a csv writer's rows do not depend on each other)."""
    reuse = reuse or Reuse()
    runs = ((article, tuple(run)) for article, run in groupby(corpus.mentions,
                                                               key=attrgetter("article")))
    return csv_text(MENTIONS_HEADER, ()) + "".join(
        reuse.get(("mentions.csv", article), found, partial(mention_rows, found))
        for article, found in runs)


def mention_rows(mentions: tuple[Mention, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        [m.article, m.entity, m.surface, m.paragraph, m.start, m.end, m.how] for m in mentions)
    return buffer.getvalue()


def events_csv(corpus: Corpus) -> str:
    return csv_text(["date", "article", "paragraph", "entities", "text"],
                    ([e.date, e.article, e.paragraph, " ".join(e.entities), e.text]
                     for e in corpus.events))


QUOTES_HEADER = ["article", "paragraph", "kind", "speaker", "speaker_name", "text", "url"]


def quotes_csv(corpus: Corpus, reuse: Reuse | None = None) -> str:
    """Who said what: the speaker's id and name (empty when the text does not say who); with
    `reuse`, each article's rows kept while its quotes and their speakers' names are equal."""
    reuse = reuse or Reuse()
    names = {e.id: e.name for e in corpus.entities}
    runs = ((article, tuple(run)) for article, run in groupby(corpus.quotes,
                                                               key=attrgetter("article")))
    return csv_text(QUOTES_HEADER, ()) + "".join(
        reuse.get(("quotes.csv", article), (found, [names.get(q.speaker or "") for q in found]),
                  partial(quote_rows, found, names))
        for article, found in runs)


def quote_rows(quotes: tuple[Quote, ...], names: dict[str, str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        [q.article, q.paragraph, q.kind, q.speaker or "",
         names.get(q.speaker, "") if q.speaker else "", q.text, q.url] for q in quotes)
    return buffer.getvalue()


GRAPHML = "http://graphml.graphdrawing.org/xmlns"


def graphml(corpus: Corpus, index: Index) -> str:
    """The co-occurrence graph for Gephi and networkx."""
    ET.register_namespace("", GRAPHML)
    root = ET.Element(f"{{{GRAPHML}}}graphml")
    for key, owner, name, kind in (("name", "node", "name", "string"),
                                   ("type", "node", "type", "string"),
                                   ("mentions", "node", "mentions", "int"),
                                   ("weight", "edge", "weight", "int")):
        ET.SubElement(root, f"{{{GRAPHML}}}key", id=key, attrib={
            "for": owner, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{GRAPHML}}}graph", id="cooccurrence",
                          edgedefault="undirected")
    document = graph_document(corpus, index)
    for node in document["nodes"]:
        element = ET.SubElement(graph, f"{{{GRAPHML}}}node", id=node["id"])
        for key in ("name", "type", "mentions"):
            ET.SubElement(element, f"{{{GRAPHML}}}data", key=key).text = str(node[key])
    for number, edge in enumerate(document["edges"]):
        element = ET.SubElement(graph, f"{{{GRAPHML}}}edge", id=f"e{number}",
                                source=edge["source"], target=edge["target"])
        ET.SubElement(element, f"{{{GRAPHML}}}data", key="weight").text = str(edge["weight"])
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(corpus: Corpus, site_name: str, site_url: str, built: str,
              reuse: Reuse | None = None) -> str:
    """Articles newest first; `built` (from SOURCE_DATE_EPOCH) stands in for missing dates.
    Each entry is serialised on its own (as ElementTree indents it in the whole feed: by its
    depth) and, with `reuse`, kept while its article is equal."""
    reuse = reuse or Reuse()
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = site_name
    ET.SubElement(feed, f"{{{ATOM}}}id").text = site_url or "urn:research-site"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = built
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url or "./")
    head = xml_text(feed)
    articles = sorted(corpus.articles, key=lambda a: (a.date or "", a.id), reverse=True)
    if not articles:
        return head + "\n"
    entries = "".join("\n  " + reuse.get(("atom", a.id), (a, site_url, built),
                                          partial(atom_entry, a, site_url, built))
                      for a in articles)
    return head.removesuffix("\n</feed>") + entries + "\n</feed>\n"


def atom_entry(article: Article, site_url: str, built: str) -> str:
    """One <entry> element, indented as the feed's child (its own tail left out)."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(entry, f"{{{ATOM}}}title").text = article.display_title
    ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:sha256:{article.sha256}:" \
                                                   f"{article.index_in_file}"
    ET.SubElement(entry, f"{{{ATOM}}}link", href=(site_url or "") + article.url)
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = \
        iso_datetime(article.date) if article.date else built
    for name in article.authors or (article.publisher or "Unknown",):
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = name
    body = [p.text for p in article.body]
    ET.SubElement(entry, f"{{{ATOM}}}summary").text = body[0] if body else ""
    text = xml_text(feed)
    return text[text.index("<entry>"):text.rindex("</entry>") + len("</entry>")]


def xml_text(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def iso_datetime(stated: str) -> str:
    """"2017-03" -> "2017-03-01T00:00:00Z": feeds need a full timestamp."""
    parts = (stated.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def csl_json(corpus: Corpus, site_url: str, reuse: Reuse | None = None) -> str:
    """`json.dumps(items, indent=1)`, each article's item encoded once and kept while what it
    is made from is equal (`reuse`)."""
    reuse = reuse or Reuse()
    if not corpus.articles:
        return "[]\n"
    items = ",\n".join(reuse.get(
        ("csl", article.id), (article.id, article.display_title, article.url,
                              article.publisher, article.authors, article.date, site_url),
        partial(csl_item, article, site_url)) for article in corpus.articles)
    return f"[\n{items}\n]\n"


def csl_item(article: Article, site_url: str) -> str:
    """One item as `json.dumps(items, indent=1)` writes it inside the list: one level in (no
    JSON string holds a newline, so every line of the item is indented one more space)."""
    item: dict[str, Any] = {"id": article.id, "type": "article-newspaper",
                            "title": article.display_title,
                            "URL": (site_url or "") + article.url}
    if article.publisher:
        item["container-title"] = article.publisher
    if article.authors:
        item["author"] = [{"literal": name} for name in article.authors]
    if article.date:
        item["issued"] = {"date-parts": [[int(p) for p in article.date.split("-")]]}
    return " " + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n ")


def bibtex(corpus: Corpus, site_url: str, reuse: Reuse | None = None) -> str:
    """One entry per article; with `reuse`, an article's kept while the article is equal."""
    reuse = reuse or Reuse()
    return "\n".join(reuse.get(("bibtex", article.id), (article, site_url),
                               partial(bibtex_entry, article, site_url))
                     for article in corpus.articles)


def bibtex_entry(article: Article, site_url: str) -> str:
    fields = [("title", article.display_title),
              ("author", " and ".join(article.authors) or None),
              ("journal", article.publisher),
              ("year", article.date[:4] if article.date else None),
              ("month", article.date[5:7] if article.date and len(article.date) > 4
               else None),
              ("url", (site_url or "") + article.url),
              ("note", f"Source file {article.source_file}, SHA-256 {article.sha256}")]
    body = ",\n".join(f"  {key} = {{{bibtex_escape(value)}}}" for key, value in fields
                      if value)
    return f"@article{{{article.id},\n{body}\n}}\n"


def bibtex_escape(value: str) -> str:
    """Braces and backslashes would change BibTeX structure; the rest is literal."""
    return "".join("\\" + ch if ch in "{}\\&%$#_" else ch for ch in value)


def article_json_ld(article: Article, entities: list[Entity], site_url: str) -> str:
    """schema.org NewsArticle for the article page; '<' escaped so text cannot end the
    <script> element."""
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": article.display_title, "inLanguage": list(article.languages),
        "wordCount": article.word_count, "url": (site_url or "") + article.url,
        "mentions": [{"@type": SCHEMA_TYPES[e.type], "name": e.name,
                      "url": (site_url or "") + e.url} for e in entities]}
    if article.date:
        data["datePublished"] = article.date
    if article.publisher:
        data["publisher"] = {"@type": "Organization", "name": article.publisher}
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if entities:
        data["about"] = data["mentions"][:3]
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place",
                "event": "Event", "other": "Thing"}
