"""The curated knowledge base (`knowledge/entities.yml`): loading and validation.

The file is edited by hand, so every mistake is reported as one line with the file and the
line number of the entry, and nothing is merged silently: a duplicate id, or one name claimed
by two entities, is an error the user must resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model import Entity, EntityType

ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "place", "event", "other")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENTITY_KEYS = {"id", "name", "type", "aliases", "context_aliases", "demonyms", "description",
               "hints"}


class KnowledgeError(Exception):
    """One line: file, line number and what is wrong."""


@dataclass(frozen=True)
class Knowledge:
    entities: tuple[Entity, ...]

    def by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}


class LineLoader(yaml.SafeLoader):
    """A SafeLoader that remembers the line each mapping starts on, under the key `__line__`."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {str(key): value for key, value in
                               loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)  # noqa: S506
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise KnowledgeError(f"{path}{line}: invalid YAML: {error.problem}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(f"{path}: cannot read: {error}") from None


def load_knowledge(folder: Path) -> Knowledge:
    path = folder / "entities.yml"
    if not path.exists():
        return Knowledge(entities=())
    document = load_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("entities"), list):
        raise KnowledgeError(f"{path}:1: expected a mapping with a list under `entities:`")
    entities = [parse_entity(entry, path) for entry in document["entities"]]
    check_unique(entities, document["entities"], path)
    return Knowledge(entities=tuple(entities))


def parse_entity(entry: Any, path: Path) -> Entity:
    line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
    where = f"{path}:{line}"
    if not isinstance(entry, dict):
        raise KnowledgeError(f"{where}: each entity must be a mapping with id, name and type")
    unknown = set(entry) - ENTITY_KEYS - {"__line__"}
    if unknown:
        raise KnowledgeError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; "
                             f"allowed: {', '.join(sorted(ENTITY_KEYS))}")
    for key in ("id", "name", "type"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise KnowledgeError(f"{where}: `{key}` is required and must be text")
    if not ID_PATTERN.match(entry["id"]):
        raise KnowledgeError(f"{where}: id {entry['id']!r} must be lowercase letters, digits "
                             "and single hyphens")
    if entry["type"] not in ENTITY_TYPES:
        raise KnowledgeError(f"{where}: type {entry['type']!r} must be one of "
                             f"{', '.join(ENTITY_TYPES)}")
    aliases = entry.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise KnowledgeError(f"{where}: `aliases` must map a language code to a list of names")
    description = entry.get("description")
    if description is not None and not isinstance(description, str):
        raise KnowledgeError(f"{where}: `description` must be text")
    return Entity(
        id=entry["id"], name=entry["name"].strip(), type=entry["type"],
        aliases={lang: string_list(names, f"{where}: aliases.{lang}")
                 for lang, names in aliases.items() if lang != "__line__"},
        description=description,
        context_aliases=string_list(entry.get("context_aliases"), f"{where}: context_aliases"),
        demonyms=string_list(entry.get("demonyms"), f"{where}: demonyms"))


def string_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where} must be a list of names")
    return tuple(v.strip() for v in value)


def check_unique(entities: list[Entity], entries: list[dict[str, Any]], path: Path) -> None:
    """Ids are unique, and a name (any alias, case-sensitively) belongs to one entity only."""
    first_line: dict[str, int] = {}
    owner: dict[str, str] = {}
    for entity, entry in zip(entities, entries, strict=True):
        line = entry.get("__line__", 0)
        if entity.id in first_line:
            raise KnowledgeError(f"{path}:{line}: duplicate id {entity.id!r} "
                                 f"(first at line {first_line[entity.id]})")
        first_line[entity.id] = line
        for name in {*entity.all_names, *entity.context_aliases, *entity.demonyms}:
            if owner.get(name, entity.id) != entity.id:
                raise KnowledgeError(f"{path}:{line}: name {name!r} of {entity.id!r} is already "
                                     f"claimed by {owner[name]!r}; names must be unambiguous")
            owner[name] = entity.id
