"""Entities: knowledge-base matches and NER names, resolved within each article.

Requires: parsed Articles, the Knowledge base. Assigns: Entities (knowledge base ones that are
mentioned, plus new ones NER found), Mentions with source offsets, and the mentions left
unlinked because they are ambiguous.

Resolution rules, all local to one article:
- the longest name wins; an NER name that contains a knowledge-base name and adds capitalised
  words ("Israel Katz" around "Israel") is a different, longer name;
- a surname alone refers to the one person whose full name came earlier in the same article;
  when two such people share it, it stays unlinked and is counted as ambiguous;
- a context alias ("the Brigades") counts only after its entity was named in the article;
- nationality words ("Israeli") are mentions of their country, never new entities.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from ..model import Article, Entity, EntityType, Mention, Paragraph
from ..parse import CAPTION_CREDIT
from ..slugs import slug
from .knowledge import Knowledge
from .matcher import NameMatcher, fold
from .ner import NerSpan, find_names

NER_TYPES: dict[str, EntityType] = {"PERSON": "person", "ORG": "organization", "GPE": "place",
                                    "LOC": "place", "FAC": "place", "EVENT": "event"}
# Words that make a longer capitalised span without making it a different name.
ROLE_WORDS = frozenset("""operative operatives leader leaders official officials chief commander
member members spokesman spokeswoman minister ministry president premier prime general gen
senior former deputy head director founder militant militants fighters source sources
government forces army military movement group faction brigade brigades wing defense
defence security intelligence media police ministry""".split())
TITLES = re.compile(r"^(?:(?:Prime|Defense|Defence|Foreign|Finance|Intelligence|Deputy)\s+)?"
                    r"(?:President|Minister|Gen\.|Lt\.|Col\.|Maj\.|Sgt\.|Capt\.|Sheikh|Dr\.|"
                    r"Mr\.|Mrs\.|Ms\.|Sen\.|Rep\.|King|Queen|Prince|Chief|Senior|Former|General"
                    r"|Lt\. Gen\.|Brig\. Gen\.|Maj\. Gen\.)\s+")
NAME_CHARS = re.compile(r"^[A-Z][A-Za-z.'’\- ]*[A-Za-z.]$|^[A-Z]$")
MAX_NAME_WORDS = 6
LOWERCASE_WORD = re.compile(r"\b[a-z]{3,}\b")
POSSESSIVE_INSIDE = re.compile(r"['’]s?\s")


class Found(NamedTuple):
    """A span of an article that names something, before resolution. (A named tuple: tens of
    thousands are made per thousand articles, and tuples are made in C.)"""

    start: int  # source offsets
    end: int
    paragraph: int
    surface: str
    entity: str | None  # knowledge-base id, None for a new NER name
    how: str  # "name" | "alias" | "context" | "demonym" | "ner"
    label: str = ""  # NER label, for new names
    name: str = ""  # the cleaned name, for new names


@dataclass(frozen=True)
class Extraction:
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    ambiguous: tuple[Mention, ...]
    unknown_names: tuple[tuple[str, str, int], ...]


class ArticleNames(NamedTuple):
    """What one article names: the map half of extraction (see `combine` for the reduce)."""

    mentions: tuple[Mention, ...]
    ambiguous: tuple[Mention, ...]  # left unlinked: several entities fit
    new_names: tuple[tuple[str, str, str], ...]  # (entity id, name, NER label) per new name


class EntityExtractor:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.by_id = knowledge.by_id()
        self.matcher = NameMatcher.for_entities(knowledge.entities)
        self.known_names = {fold(name): e.id for e in knowledge.entities for name in e.all_names}
        self.demonyms = {fold(d): e.id for e in knowledge.entities for d in e.demonyms}

    def extract(self, articles: Iterable[Article], ner: bool,
                cache: Path | None = None) -> Extraction:
        """Every article, in this process (the pipeline maps `names_in` over workers)."""
        articles = list(articles)
        ner_spans = run_ner(articles, cache) if ner else [[] for _ in articles]
        return self.combine([self.names_in(article, spans)
                             for article, spans in zip(articles, ner_spans, strict=True)])

    def names_in(self, article: Article, ner_spans: list[tuple[int, NerSpan]]) -> ArticleNames:
        folded = [fold(paragraph.text) for paragraph in article.paragraphs]
        linked, unlinked = self.resolve(article, folded, self.found_in(article, folded, ner_spans))
        new_names = tuple((mention.entity, item.name, item.label) for mention, item in linked
                          if item.how == "ner" and new_entity_id(item.name) == mention.entity)
        named_here = {entity for entity, _, _ in new_names}
        # A short name counts only if its full name was itself linked in this article.
        mentions = tuple(mention for mention, _ in linked
                         if mention.entity in self.by_id or mention.entity in named_here)
        return ArticleNames(mentions, tuple(unlinked), new_names)

    def combine(self, per_article: Iterable[ArticleNames]) -> Extraction:
        mentions: list[Mention] = []
        ambiguous: list[Mention] = []
        new_names: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        for names in per_article:
            mentions.extend(names.mentions)
            ambiguous.extend(names.ambiguous)
            for entity, name, label in names.new_names:
                new_names[entity][(name, label)] += 1
        entities = self.mentioned_entities(mentions, new_names)
        unknown = tuple(sorted(((e.name, e.type, sum(new_names[e.id].values()))
                                for e in entities if e.source == "ner"),
                               key=lambda row: (-row[2], row[0])))
        return Extraction(tuple(entities), tuple(mentions), tuple(ambiguous), unknown)

    # --- finding -------------------------------------------------------------------------

    def found_in(self, article: Article, folded: list[str],
                 ner_spans: list[tuple[int, NerSpan]]) -> list[Found]:
        """`folded` holds fold(text) of each paragraph."""
        known = []
        for paragraph, folded_text in zip(article.paragraphs, folded, strict=True):
            text = without_credit(paragraph)
            known += [Found(paragraph.start + m.start, paragraph.start + m.end, paragraph.index,
                            m.surface, m.pattern.entity, m.pattern.how)
                      for m in self.matcher.find(text, folded=folded_text[:len(text)])]
        found = list(known)
        for index, span in ner_spans:
            item = self.from_ner(index, span)
            if item is None:
                continue
            inside = [k for k in known if k.start < item.end and item.start < k.end]
            if not inside:
                found.append(item)
            elif self.is_longer_name(item, inside):
                found = [f for f in found if f not in inside]
                found.append(item)
        return sorted(found, key=lambda f: (f.start, -f.end))

    def from_ner(self, paragraph: int, span: NerSpan) -> Found | None:
        """A cleaned NER span, or None when it is noise or a nationality word we don't know."""
        if span.label == "NORP":
            country = self.demonyms.get(fold(span.text))
            return None if country is None else Found(
                span.start, span.end, paragraph, span.text, country, "demonym")
        start, text = span.start, span.text
        for pattern in (re.compile(r"^[Tt]he\s+"), TITLES):
            if match := pattern.match(text):
                start, text = start + match.end(), text[match.end():]
        text = re.sub(r"(?:['’]s?|[.,;:])$", "", text)
        if "\n" in text or not NAME_CHARS.match(text) or len(text.split()) > MAX_NAME_WORDS \
                or POSSESSIVE_INSIDE.search(text):
            return None  # "Islamic Republic’s Revolutionary Guard" is two names, not one
        entity = self.known_names.get(fold(text))
        return Found(start, start + len(text), paragraph, text, entity,
                     "alias" if entity else "ner", span.label, text)

    def is_longer_name(self, item: Found, inside: list[Found]) -> bool:
        """Does the NER span add real name words around the knowledge-base names inside it?"""
        if item.entity is not None or item.label == "NORP":
            return False
        if any(k.start < item.start or k.end > item.end for k in inside):
            return False
        rest = item.surface
        for known in sorted(inside, key=lambda k: -k.start):
            a, b = known.start - item.start, known.end - item.start
            rest = rest[:a] + " " + rest[b:]
        extra = [w.strip("-'’") for w in rest.split() if w.strip("-'’")]
        return any(w[0].isupper() and w.lower() not in ROLE_WORDS and
                   fold(w) not in self.demonyms for w in extra)

    # --- resolving -----------------------------------------------------------------------

    def resolve(self, article: Article, folded: list[str],
                found: list[Found]) -> tuple[list[tuple[Mention, Found]], list[Mention]]:
        surnames = self.surname_index(found)
        linked: list[tuple[Mention, Found]] = []
        unlinked: list[Mention] = []
        seen: set[str] = set()
        taken_until = -1  # items come in start order, so overlap is "starts before this"
        items = found + self.surname_candidates(article, folded, found, surnames)
        common_words = LowercaseWords(article)
        for item in sorted(items, key=lambda f: (f.start, -f.end)):
            if item.start < taken_until:
                continue
            entity = self.entity_for(item, surnames, seen, common_words)
            if entity == AMBIGUOUS or (entity is None and is_lone_person(item)):
                unlinked.append(mention(article, item, ""))
                continue
            if entity is None:
                continue
            seen.add(entity)
            taken_until = max(taken_until, item.end)
            linked.append((mention(article, item, entity), item))
        return linked, unlinked

    def entity_for(self, item: Found, surnames: dict[str, list[tuple[int, str]]],
                   seen: set[str], common_words: LowercaseWords) -> str | None:
        if item.how == "context":
            return item.entity if item.entity in seen else None
        if item.how in ("short", "ner") and len(item.surface.split()) == 1 and \
                (item.label in ("", "PERSON") or fold(item.surface) in surnames):
            earlier = {entity for start, entity in surnames.get(fold(item.surface), [])
                       if start < item.start}
            if len(earlier) > 1:
                return AMBIGUOUS
            return next(iter(earlier)) if earlier else None
        if item.entity is not None:
            return item.entity
        if len(item.name.split()) == 1 and (item.name.lower() in common_words or
                                            item.name.lower() in ROLE_WORDS):
            return None  # "Media", "Defense": a word the article also uses in lowercase
        return new_entity_id(item.name)

    def surname_index(self, found: list[Found]) -> dict[str, list[tuple[int, str]]]:
        """Surname (folded) -> [(where the full name appears, entity id)] for the people whose
        full name this article uses."""
        index: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for item in found:
            if item.entity is not None:
                entity = self.by_id[item.entity]
                is_person = entity.type == "person"
            else:
                is_person = item.label == "PERSON"
            words = item.surface.split()
            if not is_person or len(words) < 2:
                continue
            entity_id = item.entity or new_entity_id(item.name)
            for key in surname_keys(words[-1]):
                index[key].append((item.start, entity_id))
        return index

    def surname_candidates(self, article: Article, folded: list[str], found: list[Found],
                           surnames: dict[str, list[tuple[int, str]]]) -> list[Found]:
        """Capitalised words outside other names that are a surname used in this article."""
        if not surnames:
            return []
        starts = [f.start for f in found]  # `found` is in start order
        reach = list(accumulate((f.end for f in found), max))  # furthest end so far

        def covered(start: int, end: int) -> bool:
            before = bisect_left(starts, end) - 1  # the spans that start before `end`
            return before >= 0 and reach[before] > start

        candidates = []
        for paragraph, folded_text in zip(article.paragraphs, folded, strict=True):
            # Searched in the folded text (same offsets), then kept only when capitalised.
            for start, end in whole_words(folded_text, surnames):
                surface = paragraph.text[start:end]
                start, end = paragraph.start + start, paragraph.start + end
                if surface[0].isupper() and not covered(start, end):
                    candidates.append(Found(start, end, paragraph.index, surface, None, "short"))
        return candidates

    # --- entities ------------------------------------------------------------------------

    def mentioned_entities(self, mentions: list[Mention],
                           new_names: dict[str, Counter[tuple[str, str]]]) -> list[Entity]:
        entities = []
        for entity_id in sorted({m.entity for m in mentions}):
            if entity_id in self.by_id:
                entities.append(self.by_id[entity_id])
                continue
            names = new_names[entity_id]
            (name, _), _ = min(names.items(), key=lambda item: (-item[1], item[0]))
            labels: Counter[str] = Counter()
            for (_, label), count in names.items():
                labels[label] += count
            label = min(labels, key=lambda lab: (-labels[lab], lab))
            entities.append(Entity(id=entity_id, name=name, type=NER_TYPES[label],
                                   source="ner"))
        return entities


AMBIGUOUS = "\0ambiguous"


class LowercaseWords:
    """The words an article writes in lowercase, collected only if a question needs them."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self.words is None:
            self.words = {w for p in self.article.paragraphs
                          for w in LOWERCASE_WORD.findall(p.text)}
        return word in self.words


def without_credit(paragraph: Paragraph) -> str:
    """A caption's text without its photo credit ("(Reuters file photo)"): the agency that
    took the picture is not something the article mentions."""
    if paragraph.kind != "caption":
        return paragraph.text
    credit = CAPTION_CREDIT.search(paragraph.text)
    return paragraph.text[:credit.start()] if credit else paragraph.text


def is_lone_person(item: Found) -> bool:
    return item.how == "ner" and item.label == "PERSON" and len(item.surface.split()) == 1


def whole_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of `words` stands in `text` as a whole word (a possessive "’s" may follow,
    a hyphenated compound may not: "Hamdan’s", not "Hamdan-led"). str.find, not a regular
    expression: an article has a handful of surnames and its text is scanned once per name."""
    spans = []
    for word in words:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "'")) and \
                    (end == len(text) or not (text[end].isalnum() or text[end] in "-_")):
                spans.append((at, end))
            at = text.find(word, at + 1)
    return spans


def surname_keys(last_word: str) -> set[str]:
    """"al-Mabhouh" -> {"al-mabhouh", "mabhouh"}; "Hennis-Plasschaert" -> both parts too."""
    word = last_word.strip("'’.,")
    keys = {fold(word)}
    parts = [p for p in word.split("-") if len(p) > 2 and p[0].isupper()]
    if "-" in word:
        keys.update(fold(p) for p in parts)
    return keys


def new_entity_id(name: str) -> str:
    """Ids of names NER found come from the name. A name whose id is a knowledge-base id is
    taken to be that entity (its spelling differs only in case or punctuation)."""
    return slug(name, fallback="name")


def mention(article: Article, item: Found, entity: str) -> Mention:
    how = item.how if item.how in ("name", "alias", "context", "demonym", "short") else "ner"
    return Mention(entity=entity, surface=item.surface, article=article.id,
                   paragraph=item.paragraph, start=item.start, end=item.end,
                   how=how)  # type: ignore[arg-type]


def run_ner(articles: list[Article],
            cache: Path | None = None) -> list[list[tuple[int, NerSpan]]]:
    """NER over each article's English paragraphs, with spans mapped back to (paragraph
    index, span in source offsets)."""
    texts, layouts = zip(*map(ner_text, articles), strict=True) if articles else ((), ())
    return [map_spans(spans, layout) for spans, layout in
            zip(find_names(list(texts), cache_path=cache), layouts, strict=True)]


Layout = list[tuple[int, int, int]]  # (offset in the NER text, paragraph index, source start)


def ner_text(article: Article) -> tuple[str, Layout]:
    """The article's English paragraphs as one text (one model pass per article)."""
    layout: Layout = []
    parts, offset = [], 0
    for paragraph in article.paragraphs:
        if paragraph.lang != "en":
            continue
        text = without_credit(paragraph)
        layout.append((offset, paragraph.index, paragraph.start))
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), layout


def map_spans(spans: list[NerSpan], layout: Layout) -> list[tuple[int, NerSpan]]:
    mapped = []
    for span in spans:
        for offset, index, start in reversed(layout):
            if span.start >= offset:
                mapped.append((index, NerSpan(span.start - offset + start,
                                              span.end - offset + start, span.label, span.text)))
                break
    return mapped
