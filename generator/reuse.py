"""Values the last build of this process made, kept for a rebuild whose inputs are equal
(`serve`: incremental.MemoRenderer hands the last build's to the renderer). A plain build
starts with none and makes every value, so a value kept is always the one it would make.

Inputs are compared with `==`, so they must be values whose equality is exact for what is
made from them: str, int, None, and tuples and frozen dataclasses of them (not floats, and not
dicts where the order of their items matters to the output)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

Value = TypeVar("Value")


class Reuse:
    def __init__(self, last: dict[Hashable, tuple[Any, Any]] | None = None) -> None:
        self.last = last or {}
        self.made: dict[Hashable, tuple[Any, Any]] = {}  # this build's, for the next one
        self.kept = 0  # values taken from the last build, for tests

    def get(self, key: Hashable, inputs: Any, make: Callable[[], Value]) -> Value:
        """What `make` gives; the last build's value under `key` if its inputs were equal."""
        old = self.last.get(key)
        if old is not None and old[0] == inputs:
            value: Value = old[1]
            self.kept += 1
        else:
            value = make()
        self.made[key] = (inputs, value)
        return value
