"""Types of the C module ``_libyaml.c`` (libyaml's parser events as tuples, and a record
file's data built from them)."""

from collections.abc import Callable, Iterator
from typing import Any

class Error(Exception): ...

class Events(Iterator[tuple[Any, ...]]):
    def __init__(self, text: bytes) -> None: ...
    def __next__(self) -> tuple[Any, ...]: ...

def compose(text: bytes, positions: dict[tuple[str | int, ...], tuple[int, int]],
            plain_values: dict[str, Any],
            plain: Callable[[str, int, int, tuple[str | int, ...]], Any],
            max_nodes: int, max_depth: int, first: bytes, letters: bytes,
            words: frozenset[str], /) -> Any: ...
