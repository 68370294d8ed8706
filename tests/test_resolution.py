"""Identity rules of point 4: surnames, shared surnames, context aliases, never across articles."""

from __future__ import annotations

from dataclasses import replace

from generator.extract.entities import EntityExtractor
from generator.extract.knowledge import Knowledge
from generator.ingest import decode_source
from generator.model import Article, Entity
from generator.parse import parse_source

KNOWLEDGE = Knowledge(entities=(
    Entity("mohamed-hamdan", "Mohamed Hamdan", "person"),
    Entity("osama-hamdan", "Osama Hamdan", "person"),
    Entity("mahmoud-abbas", "Mahmoud Abbas", "person"),
    Entity("mahmoud-al-mabhouh", "Mahmoud al-Mabhouh", "person"),
    Entity("qassam-brigades", "Izz ad-Din al-Qassam Brigades", "organization",
           {"en": ("Qassam Brigades", "Iz al-Din Qassam Brigades")},
           context_aliases=("the Brigades",)),
    Entity("shin-bet", "Shin Bet", "organization", {"en": ("Shabak", "Israel Security Agency")}),
))


def article(text: str, name: str = "a") -> Article:
    [parsed], _ = parse_source(decode_source(("Headline\n\n" + text).encode(), f"{name}.txt"))
    return replace(parsed, id=name)


def links(*texts: str) -> list[list[tuple[str, str]]]:
    articles = [article(text, f"a{i}") for i, text in enumerate(texts)]
    result = EntityExtractor(KNOWLEDGE).extract(articles, ner=False)
    return [[(m.surface, m.entity) for m in result.mentions if m.article == a.id]
            for a in articles]


def test_surname_refers_to_the_full_name_earlier_in_the_article() -> None:
    [found] = links("Mohamed Hamdan was hurt. Later Hamdan left.")
    assert found == [("Mohamed Hamdan", "mohamed-hamdan"), ("Hamdan", "mohamed-hamdan")]


def test_surname_never_resolves_across_articles_or_before_the_full_name() -> None:
    first, second = links("Mohamed Hamdan was hurt.", "Hamdan spoke. Then Osama Hamdan spoke.")
    assert first == [("Mohamed Hamdan", "mohamed-hamdan")]
    assert second == [("Osama Hamdan", "osama-hamdan")]


def test_shared_surname_stays_apart_and_unlinked_when_ambiguous() -> None:
    articles = [article("Mohamed Hamdan and Osama Hamdan met. Hamdan said no.")]
    result = EntityExtractor(KNOWLEDGE).extract(articles, ner=False)
    assert [(m.surface, m.entity) for m in result.mentions] == [
        ("Mohamed Hamdan", "mohamed-hamdan"), ("Osama Hamdan", "osama-hamdan")]
    assert [m.surface for m in result.ambiguous] == ["Hamdan"]


def test_a_bare_first_name_is_nobody() -> None:
    [found] = links("Mahmoud Abbas spoke. Mahmoud al-Mabhouh was killed. Mahmoud fled. "
                    "Mabhouh was a founder.")
    assert found == [("Mahmoud Abbas", "mahmoud-abbas"),
                     ("Mahmoud al-Mabhouh", "mahmoud-al-mabhouh"),
                     ("Mabhouh", "mahmoud-al-mabhouh")]


def test_aliases_resolve_to_one_entity_and_context_aliases_need_the_entity_first() -> None:
    [found] = links("The Brigades denied it. The Israel Security Agency (Shabak) and the Shin "
                    "Bet watched the Iz al-Din Qassam Brigades. The Brigades said so.")
    assert found == [("Israel Security Agency", "shin-bet"), ("Shabak", "shin-bet"),
                     ("Shin Bet", "shin-bet"), ("Iz al-Din Qassam Brigades", "qassam-brigades"),
                     ("The Brigades", "qassam-brigades")]
