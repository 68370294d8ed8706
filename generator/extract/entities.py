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
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from ..model import Article, Entity, EntityType, Mention, Paragraph
from ..slugs import slug
from .cues import cues
from .knowledge import Knowledge
from .matcher import NameMatcher, fold, script_of
from .ner import NerSpan, find_names
from .script_names import ScriptName, find_script_names, skeleton
from .shapes import (
    ACRONYM_WORD,
    SENTENCE_STARTERS,
    UPPER,
    Candidate,
    is_title_case,
    shapes,
)

NER_TYPES: dict[str, EntityType] = {"PERSON": "person", "ORG": "organization", "GPE": "place",
                                    "LOC": "place", "FAC": "place", "EVENT": "event"}
# Words that make a longer capitalised span without making it a different name.
ROLE_WORDS = frozenset("""operative operatives leader leaders official officials chief commander
member members spokesman spokeswoman minister ministry president premier prime general gen
senior former deputy head director founder militant militants fighters source sources
government forces army military movement group faction brigade brigades wing defense
defence security intelligence media police ministry""".split())
TITLES = re.compile(r"^(?:(?:Prime|Defense|Defence|Foreign|Finance|Intelligence|Deputy)\s+)?"
                    r"(?:President|Minister|Gen\.|Lt\.|Col\.|Maj\.|Sgt\.|Capt\.|Sheikh|Dr\.?|"
                    r"Mr\.?|Mrs\.?|Ms\.?|Sen\.|Rep\.|King|Queen|Prince|Chief|Senior|Former|General"
                    r"|Lt\. Gen\.|Brig\. Gen\.|Maj\. Gen\.)\s+")
# A name: a capital letter of any Latin (or Greek, Cyrillic) alphabet first ("Türk", "Åsa"),
# then letters, digits ("Channel 12"), spaces and the marks names carry.
NAME_CHARS = re.compile(r"^[^\W\d_][\w.'’&\- ]*[\w.]$|^[^\W\d_]$")
MAX_NAME_WORDS = 6
LEADING_THE = re.compile(r"^[Tt]he\s+")
TRAILING_MARKS = re.compile(r"(?:['’]s?|[.,;:])$")
# How a new name (not the knowledge base's) was found: by the model, a shape, a byline, or as
# another name (an acronym, a nickname) of one of those.
NEW_NAME_HOWS = frozenset({"ner", "rule", "author", "alias"})
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
    how: str  # "name" | "alias" | "context" | "demonym" | "ner" | "rule" | "author"
    label: str = ""  # NER label, for new names
    name: str = ""  # the cleaned name, for new names
    alias: str = ""  # another name it goes by (an Arabic or Hebrew name with its trigger noun)


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
    aliases: tuple[tuple[str, str], ...] = ()  # (entity id, other name) of new entities
    # Capitalised runs no name claimed: (article, paragraph, start, end, surface), for the
    # reduce to link where another article found the same name (see `corpus_names`).
    loose: tuple[tuple[str, int, int, int, str], ...] = ()


class EntityExtractor:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.by_id = knowledge.by_id()
        self.matcher = NameMatcher.for_entities(knowledge.entities)
        self.known_names = {fold(name): e.id for e in knowledge.entities for name in e.all_names}
        self.demonyms = {fold(d): e.id for e in knowledge.entities for d in e.demonyms}
        self.by_skeleton = skeletons(knowledge.entities)

    def extract(self, articles: Iterable[Article], ner: bool, cache: Path | None = None,
                rules: bool | None = None) -> Extraction:
        """Every article, in this process (the pipeline maps `names_in` over workers).
        `rules`: find new names by their shapes too (by default, when NER is on)."""
        articles = list(articles)
        ner_spans = run_ner(articles, cache) if ner else [[] for _ in articles]
        return self.combine([self.names_in(article, spans, ner if rules is None else rules)
                             for article, spans in zip(articles, ner_spans, strict=True)])

    def names_in(self, article: Article, ner_spans: list[tuple[int, NerSpan]],
                 rules: bool | None = None) -> ArticleNames:
        """What one article names. New names come from bylines always; from the model and
        the shapes of news text (`rules`) when NER is on, which by default is told by the
        spans: `run_ner` gives `ModelSpans`, NER off a plain list. NER off is the fast,
        knowledge-base-only build `--no-ner` promises."""
        if rules is None:
            rules = isinstance(ner_spans, ModelSpans)
        folded = [fold(paragraph.text) for paragraph in article.paragraphs]
        linked, unlinked = self.resolve(article, folded,
                                        self.found_in(article, folded, ner_spans, rules))
        new = [(mention, item) for mention, item in linked if item.entity is None and
               item.how in NEW_NAME_HOWS and new_entity_id(item.name) == mention.entity]
        new_names = tuple((mention.entity, item.name, item.label) for mention, item in new)
        aliases = tuple(dict.fromkeys(
            (mention.entity, alias) for mention, item in new
            for alias in (item.alias, item.surface if item.how == "alias" else "")
            if alias and alias != item.name))
        named_here = {entity for entity, _, _ in new_names}
        # A short name counts only if its full name was itself linked in this article.
        mentions = tuple(mention for mention, _ in linked
                         if mention.entity in self.by_id or mention.entity in named_here)
        loose = loose_runs(article, [m for m, _ in linked] + unlinked) if rules else ()
        return ArticleNames(mentions, tuple(unlinked), new_names, aliases, loose)

    def combine(self, per_article: Iterable[ArticleNames]) -> Extraction:
        per_article = list(per_article)
        ambiguous: list[Mention] = []
        new_names: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        aliases: dict[str, dict[str, None]] = defaultdict(dict)
        for names in per_article:
            ambiguous.extend(names.ambiguous)
            for entity, name, label in names.new_names:
                new_names[entity][(name, label)] += 1
            for entity, alias in names.aliases:
                aliases[entity][alias] = None
        seen_elsewhere = corpus_names(new_names, aliases)
        mentions: list[Mention] = []
        for names in per_article:
            mentions.extend(with_corpus_names(names, seen_elsewhere))
        entities = self.mentioned_entities(mentions, new_names, aliases)
        unknown = tuple(sorted(((e.name, e.type, sum(new_names[e.id].values()))
                                for e in entities if e.source == "ner"),
                               key=lambda row: (-row[2], row[0])))
        return Extraction(tuple(entities), tuple(mentions), tuple(ambiguous), unknown)

    # --- finding -------------------------------------------------------------------------

    def found_in(self, article: Article, folded: list[str],
                 ner_spans: list[tuple[int, NerSpan]], rules: bool = True) -> list[Found]:
        """Knowledge-base names, and the new names bylines, shapes (see `shapes.py`,
        `script_names.py`, only with `rules`) and the model find, the longest of overlapping
        ones kept. `folded` holds fold(text) of each paragraph."""
        known = []
        for paragraph, folded_text in zip(article.paragraphs, folded, strict=True):
            known += [Found(paragraph.start + m.start, paragraph.start + m.end, paragraph.index,
                            m.surface, m.pattern.entity, m.pattern.how)
                      for m in self.matcher.find(paragraph.text, folded=folded_text)]
        if not rules:
            chosen = Chosen(known)
            for item in self.bylined(article, folded) + self.published(article):
                chosen.offer(item, self)
            return sorted(chosen.found(), key=lambda f: (f.start, -f.end))
        # Candidates in order of trust: a byline is certain, a shape more precise than the
        # model's span boundaries ("NASA Administrator Jane Holt" is two names).
        paragraphs = {paragraph.index: paragraph for paragraph in article.paragraphs}
        # The model's names in a headline in Title Case are mostly its capitals ("Qassam
        # Launches Probe"): there only the names found elsewhere in the article count.
        headlines = {p.index for p in article.paragraphs if is_title_case(p.text)}
        nationalities = {fold(span.text) for _, span in ner_spans if span.label == "NORP"}
        candidates = self.bylined(article, folded) + self.published(article) + \
            self.shaped(article, folded, headlines, nationalities, known) + [
            item for index, span in ner_spans if index not in headlines
            for item in self.from_ner(paragraphs[index], span)]
        chosen = Chosen(known)
        for item in candidates:
            chosen.offer(item, self)
        for item in self.other_names(article, folded, chosen):
            chosen.offer(item, self)
        chosen.add_repeats(article)
        for item in self.repeated_acronyms(article, headlines):  # after the defined ones
            chosen.offer(item, self)
        chosen.new = same_person_across_scripts(chosen.new)
        return sorted(chosen.found(), key=lambda f: (f.start, -f.end))

    def other_names(self, article: Article, folded: list[str], chosen: Chosen) -> list[Found]:
        """"the Rapid Support Forces, known as the RSF", "Ismael Zambada (El Mayo)": the
        second name is another name of the entity the first one is. After a place nothing in
        parentheses is ("Beirut (AFP)")."""
        finder = shapes()
        cues = [(paragraph, hits) for paragraph, folded_text in zip(article.paragraphs, folded,
                                                                    strict=True)
                if not paragraph.rtl and (hits := finder.other_names(paragraph.text,
                                                                     folded_text))]
        if not cues:
            return []
        found = []
        by_paragraph: dict[int, list[Found]] = defaultdict(list)
        for item in chosen.found():
            by_paragraph[item.paragraph].append(item)
        for paragraph, hits in cues:
            names = by_paragraph.get(paragraph.index)
            if not names:
                continue
            for cue, start, end in hits:
                before = [n for n in names if n.end <= paragraph.start + cue and
                          paragraph.text[n.end - paragraph.start:cue].strip(" ,\"“”'—-") == ""]
                surface = paragraph.text[start:end]
                if not before or fold(surface) in self.known_names:
                    continue
                first = before[-1]
                kind = self.by_id[first.entity].type if first.entity in self.by_id else \
                    NER_TYPES.get(first.label, "other")
                if paragraph.text[cue] == "(" and kind not in ("person", "organization"):
                    continue
                found.append(first._replace(start=paragraph.start + start,
                                            end=paragraph.start + end, surface=surface,
                                            how="alias", name=first.name or first.surface))
        return found

    def repeated_acronyms(self, article: Article, headlines: AbstractSet[int]) -> list[Found]:
        """Capitals the article prints at least twice ("EY", "IRNA") that no name claimed: an
        organisation's acronym (the model misses most of them). Headlines in capitals and
        common abbreviations ("CEO", "GMT") are left out."""
        paragraphs = [p for p in article.paragraphs
                      if not p.rtl and p.index not in headlines]
        counts = Counter(ACRONYM_WORD.findall("\n".join(p.text for p in paragraphs)))
        words = {word for word, count in counts.items() if count > 1 and
                 word.lower() not in self.known_names and not is_common_abbreviation(word)}
        if not words:
            return []
        return [Found(p.start + match.start(), p.start + match.end(), p.index, match[0], None,
                      "rule", "ORG", match[0])
                for p in paragraphs for match in ACRONYM_WORD.finditer(p.text)
                if match[0] in words and (match.start() == 0 or
                                          p.text[match.start() - 1] not in WORD_MARKS)]

    def bylined(self, article: Article, folded: list[str]) -> list[Found]:
        """Each bylined author as a person, where the byline (or, failing that, the text)
        prints the name; found without the model, so also with NER off."""
        if not article.authors:
            return []
        found = []
        order = sorted(range(len(article.paragraphs)),
                       key=lambda i: article.paragraphs[i].kind != "byline")
        for author in article.authors:
            key = fold(author.strip())
            for i in order:
                at = folded[i].find(key) if key else -1
                if at != -1:
                    paragraph = article.paragraphs[i]
                    start = paragraph.start + at
                    found.append(Found(start, start + len(key), paragraph.index,
                                       paragraph.text[at:at + len(key)],
                                       self.known_names.get(key), "author", "PERSON",
                                       author.strip()))
                    break
        return found

    def published(self, article: Article) -> list[Found]:
        """The publisher as an organisation, where the page prints its name in its header or
        foot (the parser's "masthead" paragraph); as certain as a byline ("author")."""
        return [Found(p.start, p.end, p.index, p.text, self.known_names.get(fold(p.text)),
                      "author", "ORG", article.publisher or p.text)
                for p in article.paragraphs if p.kind == "masthead"]

    def shaped(self, article: Article, folded: list[str], headlines: AbstractSet[int],
               nationalities: AbstractSet[str], known: Sequence[Found] = ()) -> list[Found]:
        """Names the shapes of news text give: datelines, credits, acronyms, titles and
        suffixes in Latin script; given names and trigger nouns in Arabic and Hebrew.
        `headlines`: the paragraphs in Title Case; `nationalities`: the words the model calls
        nationalities in this article."""
        found = []
        finder = shapes()
        latin = []
        known_in: dict[int, list[Found]] = defaultdict(list)
        for match in known:
            known_in[match.paragraph].append(match)
        for paragraph, folded_text in zip(article.paragraphs, folded, strict=True):
            if paragraph.lang in ("ar", "he"):
                for name in find_script_names(paragraph.text, paragraph.lang):
                    kept = self.before_a_preposition(paragraph, name,
                                                     known_in.get(paragraph.index, []))
                    if kept is not None:
                        found.append(self.script_found(paragraph, kept.start, kept.end,
                                                       kept.name, kept.label, kept.alias))
                found += [item for candidate in finder.credits(paragraph.text, folded_text)
                          if (item := self.shape_found(paragraph, candidate, nationalities))]
            else:
                latin.append((paragraph, folded_text))
        # A dateline opens the text: it is looked for in the first paragraphs only.
        opening = {p.index for p, _ in sorted(latin, key=lambda pair: pair[0].start)[:3]}
        known_spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        starts = {p.index: p.start for p, _ in latin}
        for match in known:
            if match.paragraph in starts:
                base = starts[match.paragraph]
                known_spans[match.paragraph].append((match.start - base, match.end - base))
        shaped = finder.find_all(
            [p.text for p, _ in latin], [f for _, f in latin],
            # a heading is often a menu or section label: no names from its capitals
            [p.kind == "heading" or p.index in headlines for p, _ in latin],
            [p.index in opening for p, _ in latin],
            [sorted(known_spans.get(p.index, ())) for p, _ in latin])
        for (paragraph, _), candidates in zip(latin, shaped, strict=True):
            found += [item for candidate in candidates
                      if (item := self.shape_found(paragraph, candidate, nationalities))]
        return found

    def before_a_preposition(self, paragraph: Paragraph, name: ScriptName,
                             known: list[Found]) -> ScriptName | None:
        """"حي المزة بدمشق" is Mazzeh in Damascus: a name ends before a knowledge-base name
        with a preposition attached; nothing is left when only the trigger noun remains."""
        for item in known:
            start = item.start - paragraph.start
            if name.start < start < name.end and fold(item.surface) not in self.known_names:
                cut = paragraph.text[name.start:start].rstrip()
                rest = len(name.name) - len(name.alias) - 1 if len(name.alias) < len(
                    name.name) else 0  # the trigger noun's share of the name
                if len(cut) <= rest:
                    return None
                alias = name.alias[:len(name.alias) - (name.end - name.start - len(cut))] \
                    if name.alias else ""
                return name._replace(end=name.start + len(cut), name=cut, alias=alias)
        return name

    def shape_found(self, paragraph: Paragraph, candidate: Candidate,
                    nationalities: AbstractSet[str] = frozenset()) -> Found | None:
        start, end = paragraph.start + candidate.start, paragraph.start + candidate.end
        surface = paragraph.text[candidate.start:candidate.end]
        if script_of(surface) != "latin":
            return self.script_found(paragraph, candidate.start, candidate.end, candidate.name,
                                     candidate.label, "")
        name = candidate.alias_of or candidate.name
        entity = self.known_names.get(fold(surface)) or self.known_names.get(fold(name))
        if entity is not None:
            return Found(start, end, paragraph.index, surface, entity, "alias")
        if candidate.also and (fold(candidate.also) in self.demonyms or
                               fold(candidate.also) in nationalities) or \
                is_common_abbreviation(name):
            return None  # "a German newspaper", "the COO"
        also = candidate.also if fold(candidate.also) not in self.known_names else ""
        return Found(start, end, paragraph.index, surface, None,
                     "alias" if candidate.alias_of else "rule", candidate.label, name, also)

    def script_found(self, paragraph: Paragraph, start: int, end: int, name: str, label: str,
                     alias: str) -> Found:
        """An Arabic or Hebrew name: a knowledge-base entity when the knowledge base lists it
        or one of its English names has the same consonants, else a new name."""
        entity = self.known_names.get(fold(name)) or (
            self.known_names.get(fold(alias)) if alias else None)
        if entity is None and label == "PERSON":
            entity = self.by_skeleton.get(skeleton(name))
        surface = paragraph.text[start:end]
        if entity is not None:
            return Found(paragraph.start + start, paragraph.start + end, paragraph.index,
                         surface, entity, "alias")
        return Found(paragraph.start + start, paragraph.start + end, paragraph.index, surface,
                     None, "rule", label, name, alias)

    def from_ner(self, own: Paragraph, span: NerSpan) -> list[Found]:
        """A cleaned NER span, typed by its context where the model errs ("the city of X" is a
        place); nothing when it is noise or a nationality word we don't know."""
        if span.label == "NORP":
            country = self.demonyms.get(fold(span.text))
            return [] if country is None else [Found(
                span.start, span.end, own.index, span.text, country, "demonym")]
        start, text = span.start, span.text
        for pattern in (LEADING_THE, TITLES):
            if match := pattern.match(text):
                start, text = start + match.end(), text[match.end():]
        text = TRAILING_MARKS.sub("", text)
        text = without_post_nominal(without_trailing_roles(text))
        if " " in text and text.rsplit(" ", 1)[1].lower() in cues().share_bar:
            text = text.rsplit(" ", 1)[0]  # "Leeds Magistrates Share": the next line's button
        if (opener := text.split(" ", 1))[0].lower() in cues().sentence_openers and \
                len(opener) == 2:
            start, text = start + len(opener[0]) + 1, opener[1]  # "Outside Dublin"
        if "\n" in text or not text[:1].isupper() or not NAME_CHARS.match(text) or \
                len(text.split()) > MAX_NAME_WORDS or POSSESSIVE_INSIDE.search(text):
            return []  # "Islamic Republic’s Revolutionary Guard" is two names, not one
        at = start - own.start + len(text)
        if (state := cues().place_abbreviations.get(text + own.text[at:at + 1])) is not None:
            text = text + "."  # "Ariz." is Arizona: the period is part of the abbreviation
            entity = self.known_names.get(fold(state))
            return [Found(start, start + len(text), own.index, text, entity,
                          "alias" if entity else "ner", "GPE", state)]
        entity = self.known_names.get(fold(text))
        if entity is not None:
            return [Found(start, start + len(text), own.index, text, entity, "alias")]
        if is_common_abbreviation(text) or not_a_name(text, self.known_names) or \
                is_share_button(text, own.text):
            return []
        before = own.text[max(0, start - own.start - 40):start - own.start]
        after = own.text[start - own.start + len(text):start - own.start + len(text) + 30]
        town = span.label != "PERSON" and " of " not in text and before_a_state(after)
        label = shapes().label_of(text, before) or ("GPE" if town else span.label)
        return [Found(start, start + len(text), own.index, text, None, "ner", label, text)]

    def replaces(self, item: Found, inside: list[Found]) -> bool:
        """Does a new name stand instead of the knowledge-base names inside it?"""
        if any(k.start < item.start or k.end > item.end for k in inside):
            return False  # it overlaps a name without containing it
        if all(k.start == item.start and k.end == item.end for k in inside):
            return False  # the same span: the knowledge base's name
        if item.how == "author" or item.entity is not None:
            return True
        if item.how == "rule" and script_of(item.surface) != "latin":
            # "נמל התעופה בן גוריון", "משטרת מחוז ירושלים", but not "כלא בישראל" ("a prison
            # in Israel"): a name with a preposition attached is not part of a longer name;
            # and a person's name the knowledge base lists is whole ("محمود عباس أول أمس").
            return item.label != "PERSON" and all(fold(k.surface) in self.known_names
                                                  for k in inside)
        if item.how == "rule" and all(k.how == "demonym" or self.by_id[k.entity].type == "place"
                                      for k in inside if k.entity in self.by_id):
            return True  # "the Lebanese army", "the US embassy"
        return self.is_longer_name(item, inside)

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
        if item.how in ("author", "alias"):
            return item.entity or new_entity_id(item.name)
        if item.how in ("short", "ner", "rule") and len(item.surface.split()) == 1 and \
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
                           new_names: dict[str, Counter[tuple[str, str]]],
                           aliases: dict[str, dict[str, None]]) -> list[Entity]:
        entities = []
        for entity_id in sorted({m.entity for m in mentions}):
            if entity_id in self.by_id:
                entities.append(self.by_id[entity_id])
                continue
            names = new_names[entity_id]
            # The most frequent spelling, one in capitals ("MEXICO CITY") only when no other
            (name, _), _ = min(names.items(),
                               key=lambda item: (item[0][0].isupper(), -item[1], item[0]))
            labels: Counter[str] = Counter()
            for (_, label), count in names.items():
                labels[label] += count
            label = min(labels, key=lambda lab: (-labels[lab], lab))
            others = [alias for alias in aliases.get(entity_id, ()) if alias != name]
            entities.append(Entity(id=entity_id, name=name, type=NER_TYPES[label],
                                   aliases=by_language(others), source="ner"))
        return entities


class Chosen:
    """The names kept in one article so far: the knowledge base's, and new names offered in
    order of trust, each kept only where no name kept before it stands (a new name may stand
    instead of knowledge-base names inside it: see `EntityExtractor.replaces`)."""

    def __init__(self, known: list[Found]) -> None:
        # Knowledge-base matches never overlap, so sorted by start their ends rise too.
        self.known = sorted(known, key=lambda f: f.start)
        self.starts = [k.start for k in self.known]
        self.dropped: set[int] = set()
        self.new: list[Found] = []
        self.taken: list[tuple[int, int]] = []  # spans of `new`, sorted, never overlapping

    def known_inside(self, start: int, end: int) -> list[int]:
        at, inside = bisect_left(self.starts, end) - 1, []
        while at >= 0 and self.known[at].end > start:
            if at not in self.dropped:
                inside.append(at)
            at -= 1
        return inside

    def is_taken(self, start: int, end: int) -> bool:
        at = bisect_left(self.taken, (end, end)) - 1
        return at >= 0 and self.taken[at][1] > start

    def offer(self, item: Found, extractor: EntityExtractor | None) -> bool:
        """Keep `item` unless a name kept before stands there (with no extractor to ask,
        unless any knowledge-base name stands there)."""
        if item.end <= item.start or self.is_taken(item.start, item.end):
            return False
        inside = self.known_inside(item.start, item.end)
        if inside and (extractor is None or
                       not extractor.replaces(item, [self.known[i] for i in inside])):
            return False
        self.dropped.update(inside)
        insort(self.taken, (item.start, item.end))
        self.new.append(item)
        return True

    def add_repeats(self, article: Article) -> None:
        """One sense per article: a new name found once (by the model in the body, a shape,
        an acronym's definition) is a mention wherever the article prints it again, in its
        headline too. A lone word the model calls a person is left to the surname rule."""
        names: dict[str, Found] = {}
        for item in self.new:
            if item.alias and script_of(item.alias) == "latin" and item.alias[0].isupper():
                # "El Zorro" after Ramón “El Zorro” Medina, "Nordwind" after "Nordwind AG"
                names.setdefault(item.alias, item._replace(
                    surface=item.alias, how="alias" if item.entity is None else item.how))
            if item.how == "author" or item.how in ("ner", "rule") and \
                    item.label == "PERSON" and " " not in item.surface:
                continue
            names.setdefault(item.surface, item)
        if not names:
            return
        for paragraph in article.paragraphs:
            for start, end in whole_words(paragraph.text, names):
                item = names[paragraph.text[start:end]]
                start, end = paragraph.start + start, paragraph.start + end
                self.offer(item._replace(start=start, end=end, paragraph=paragraph.index,
                                         surface=paragraph.text[start - paragraph.start:
                                                                end - paragraph.start]), None)

    def found(self) -> list[Found]:
        return [k for i, k in enumerate(self.known) if i not in self.dropped] + self.new


CUT_OFF = frozenset("of the for and de in on at to".split())


STATE_AFTER = re.compile(r"^, ([A-Z][a-z]+(?: [A-Z][a-z]+)?\.?)(?![\w'’])")


def before_a_state(after: str) -> bool:
    """"near Sleepy Eye, Minnesota", "Antioch, Tenn.": a town is named with its state."""
    from .gazetteer import us_states

    match = STATE_AFTER.match(after)
    return match is not None and (match[1] in us_states() or
                                  match[1] in cues().place_abbreviations)


def is_share_button(text: str, paragraph: str) -> bool:
    """"Print" in "Share this story: Email | Print | Reprints": one button of a share bar."""
    share_bar = cues().share_bar
    return text.lower() in share_bar and \
        sum(word.strip(":|,").lower() in share_bar for word in paragraph.split()) >= 2


def not_a_name(text: str, known: dict[str, str]) -> bool:
    """Spans the model tags that are no name: a cut-off one ("Office for the Eastern District
    of"), a lone common noun or date word ("Cartel", "Monday"), or two names joined as an
    adjective ("U.S.-Mexico" border: its parts are the names)."""
    words = text.split()
    if words[-1].lower() in CUT_OFF:
        return True
    words_cues = cues()
    if text.lower() in words_cues.not_names:
        return True  # "World News": a page's section label
    if sum(word.lower() in words_cues.share_bar for word in words) >= 2:
        return True  # "Reddit LinkedIn Pinterest Share"
    if len(words) == 1 and (text.lower() in words_cues.not_names or text.lower() in ROLE_WORDS
                            or text.lower() in words_cues.org_suffixes
                            or text.lower() in words_cues.place_suffixes):
        return True
    return "-" in text and any(fold(part) in known for part in text.split("-"))


def same_person_across_scripts(found: list[Found]) -> list[Found]:
    """An Arabic or Hebrew name of a person whose English spelling the same article prints
    (a bilingual page, a caption in English) is that person: it takes the English name, so
    both are one entity. Only full names, by their consonants (`script_names.skeleton`)."""
    english: dict[str, set[str]] = defaultdict(set)
    for item in found:
        if item.entity is None and item.label == "PERSON" and " " in item.name and \
                script_of(item.name) == "latin":
            english[skeleton(item.name)].add(item.name)
    if not english:
        return found
    linked = []
    for item in found:
        if item.entity is None and item.label == "PERSON" and script_of(item.name) != "latin":
            names = english.get(skeleton(item.name), set())
            if len(names) == 1:
                item = item._replace(name=next(iter(names)), alias=item.name)
        linked.append(item)
    return linked


def is_common_abbreviation(name: str) -> bool:
    """"CEO", "TV", "GMT": capitals that abbreviate a common word, not a name."""
    return name.isupper() and name in cues().not_acronyms


def without_post_nominal(name: str) -> str:
    """"Aoife Brennan TD" -> "Aoife Brennan": the letters after a name are no part of it."""
    words = name.split()
    if len(words) > 2 and words[-1].isupper() and words[-1].lower() in cues().post_nominals:
        return name[:name.rindex(words[-1])].rstrip(" ,")
    return name


def without_trailing_roles(name: str) -> str:
    """"Hamas Operative" -> "Hamas": a role word the model took into an organisation's name."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in ROLE_WORDS and words[-1][0].isupper() and \
            words[-1].lower() not in NAME_ENDINGS:
        words.pop()
    return " ".join(words)


# Role words that do end names ("Qassam Brigades", "Popular Mobilization Forces").
NAME_ENDINGS = frozenset("""brigade brigades forces movement group faction army ministry
wing government security intelligence media police defense defence military""".split())


def by_language(names: list[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for name in names:
        script = script_of(name)
        grouped["en" if script == "latin" else script].append(name)
    return {lang: tuple(values) for lang, values in sorted(grouped.items())}


def skeletons(entities: Iterable[Entity]) -> dict[str, str]:
    """The consonants of each knowledge-base person's English names -> its id (see
    `script_names.skeleton`), so "חסן נצראללה" finds Hassan Nasrallah. Too short a skeleton, or
    one two people share, links nobody."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.type != "person":
            continue
        for name in entity.all_names:
            if script_of(name) == "latin" and len(name.split()) > 1:
                key = skeleton(name)
                if len(key) >= 5:
                    owners[key].add(entity.id)
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}


# Capitalised words in a row, no particles: enough to look a name up in the corpus, and twice
# as fast as RUN over every paragraph.
# No \b: it halves the speed. A space, not \s, between words: no run crosses paragraphs.
LOOSE_RUN = re.compile(rf"[{UPPER}]\w*(?: [{UPPER}]\w*)*")


WORD_MARKS = frozenset("'’.-_") | frozenset(UPPER) | frozenset(
    "abcdefghijklmnopqrstuvwxyz0123456789")


def loose_runs(article: Article,
               taken: list[Mention]) -> tuple[tuple[str, int, int, int, str], ...]:
    """Capitalised runs in Latin-script paragraphs that overlap no mention: the names this
    article alone could not tell. (The paragraphs are searched as one text in source order,
    the mentions blanked out, so the pattern only meets the rest; a sentence-initial "The"
    is dropped when the run is looked up.)"""
    paragraphs = sorted((p for p in article.paragraphs if not p.rtl), key=lambda p: p.start)
    if not paragraphs:
        return ()
    # Source offsets -> offsets in `joined`: each paragraph moves by its own shift.
    shifts, pieces, at = [], [], 0
    for paragraph in paragraphs:
        shifts.append(at - paragraph.start)
        pieces.append(paragraph.text)
        at += len(paragraph.text) + 1
    starts = [paragraph.start for paragraph in paragraphs]
    spans = []
    for m in taken:
        number = bisect_right(starts, m.start) - 1
        if number >= 0 and m.end <= paragraphs[number].end:
            spans.append((m.start + shifts[number], m.end + shifts[number]))
    joined = blanked("\n".join(pieces), sorted(spans))
    joined_starts = [start + shift for start, shift in zip(starts, shifts, strict=True)]
    loose = []
    for match in LOOSE_RUN.finditer(joined):
        number = bisect_right(joined_starts, match.start()) - 1
        start = match.start() - shifts[number]
        loose.append((article.id, paragraphs[number].index, start, start + len(match[0]),
                      match[0]))
    return tuple(loose)


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span (sorted) replaced by as many spaces: offsets stay the same."""
    pieces, at = [], 0
    for start, end in spans:
        start = max(start, at)
        pieces += [text[at:start], " " * (end - start)] if end > start else [text[at:start]]
        at = max(at, end)
    pieces.append(text[at:])
    return "".join(pieces)


def corpus_names(new_names: dict[str, Counter[tuple[str, str]]],
                 aliases: dict[str, dict[str, None]]) -> dict[str, str]:
    """Name -> entity for the new names found in the corpus that may be linked in articles
    that print them without the evidence (the model missed them there, or the byline or
    acronym that named them is elsewhere). A lone word must have been found twice and not be
    a person's (a surname alone is never linked across articles); a name two entities share
    links nobody."""
    owners: dict[str, set[str]] = defaultdict(set)
    alias_owners: dict[str, set[str]] = defaultdict(set)  # weaker: a name's owner wins
    # A person's last name, which the model sometimes calls an organisation ("Braun said"),
    # stays a surname: never linked across articles.
    surnames = {name.split()[-1] for counts in new_names.values()
                for (name, label) in counts if label == "PERSON" and " " in name}
    for entity, names in new_names.items():
        labels: Counter[str] = Counter()
        for (_, label), count in names.items():
            labels[label] += count
        label = min(labels, key=lambda lab: (-labels[lab], lab))
        for name, table in [(name, owners) for name, _ in names] + [
                (alias, alias_owners) for alias in aliases.get(entity, ())]:
            if " " not in name and (label == "PERSON" or sum(names.values()) < 2 or
                                    name in surnames):
                continue
            table[name].add(entity)
    for name, ids in alias_owners.items():
        owners.setdefault(name, ids)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}


def with_corpus_names(names: ArticleNames, table: dict[str, str]) -> list[Mention]:
    """The article's mentions, with its loose runs that name a corpus entity added, in order."""
    extra = []
    for article, paragraph, start, end, surface in names.loose:
        if surface not in table:
            first, _, rest = surface.partition(" ")
            if not rest or first.lower() not in SENTENCE_STARTERS or rest not in table:
                continue
            start, surface = end - len(rest), rest  # "The Nordwind": Nordwind
        extra.append(Mention(table[surface], surface, article, paragraph, start, end, "ner"))
    if not extra:
        return list(names.mentions)
    return sorted([*names.mentions, *extra], key=lambda m: m.start)


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


def is_lone_person(item: Found) -> bool:
    return item.how in ("ner", "rule") and item.label == "PERSON" and \
        len(item.surface.split()) == 1


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
    """The article's paragraphs in Latin script as one text (one model pass per article).
    Not only those detected as English: an English paragraph full of Spanish or German names
    is often detected as Spanish or German, and the model still reads its names; text in
    another script it would only misread ("أمني" as a PERSON)."""
    layout: Layout = []
    parts, offset = [], 0
    for paragraph in article.paragraphs:
        if not is_latin_script(paragraph):
            continue
        text = paragraph.text
        layout.append((offset, paragraph.index, paragraph.start))
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), layout


def is_latin_script(paragraph: Paragraph) -> bool:
    if paragraph.lang == "en":
        return True
    if paragraph.rtl:
        return False
    letters = [c for c in paragraph.text[:300] if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) > 0.8 * len(letters)


class ModelSpans(list[tuple[int, NerSpan]]):
    """The spans the model found in one article, as (paragraph index, span): what `run_ner`
    gives, and how `names_in` knows NER is on."""


def map_spans(spans: list[NerSpan], layout: Layout) -> ModelSpans:
    mapped = ModelSpans()
    for span in spans:
        for offset, index, start in reversed(layout):
            if span.start >= offset:
                mapped.append((index, NerSpan(span.start - offset + start,
                                              span.end - offset + start, span.label, span.text)))
                break
    return mapped
