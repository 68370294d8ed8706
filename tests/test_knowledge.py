"""The knowledge base is hand-edited: every mistake is one line with file and line number."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.knowledge import KnowledgeError, load_knowledge

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "entities.yml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("text", "message"), [
    ("entities:\n  - id: a\n    name: A\n    type: person\n  - id: b\n    name: [\n",
     "entities.yml:7: invalid YAML"),
    ("entities:\n  - id: a\n    name: A\n", "entities.yml:2: `type` is required"),
    ("entities:\n  - id: A B\n    name: A\n    type: person\n", "entities.yml:2: id 'A B'"),
    ("entities:\n  - id: a\n    name: A\n    type: human\n", "entities.yml:2: type 'human'"),
    ("entities:\n  - id: a\n    name: A\n    type: person\n    alias: [x]\n",
     "entities.yml:2: unknown key(s) alias"),
    ("entities:\n  - id: a\n    name: A\n    type: person\n  - id: a\n    name: B\n"
     "    type: person\n", "entities.yml:5: duplicate id 'a' (first at line 2)"),
    ("entities:\n  - id: a\n    name: A\n    type: person\n    aliases: {en: [Abu X]}\n"
     "  - id: b\n    name: B\n    type: person\n    aliases: {en: [Abu X]}\n",
     "entities.yml:6: name 'Abu X' of 'b' is already claimed by 'a'"),
    ("entities:\n  - id: a\n    name: A\n    type: place\n    aliases: {he: 5}\n",
     "entities.yml:2: aliases.he must be a list of names"),
])
def test_mistakes_are_one_line_with_file_and_line(tmp_path: Path, text: str,
                                                  message: str) -> None:
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(write(tmp_path, text))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_shipped_knowledge_base_loads_and_is_broad() -> None:
    knowledge = load_knowledge(ROOT / "knowledge")
    by_type: dict[str, int] = {}
    for entity in knowledge.entities:
        by_type[entity.type] = by_type.get(entity.type, 0) + 1
    assert len(knowledge.entities) >= 150
    assert by_type["person"] >= 40 and by_type["organization"] >= 30 and by_type["place"] >= 30
    hezbollah = knowledge.by_id()["hezbollah"]
    assert "حزب الله" in hezbollah.aliases["ar"] and "חיזבאללה" in hezbollah.aliases["he"]


def test_missing_knowledge_base_means_none(tmp_path: Path) -> None:
    assert load_knowledge(tmp_path).entities == ()
