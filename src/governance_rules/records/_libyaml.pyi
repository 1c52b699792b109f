"""Types of the C module ``_libyaml.c`` (libyaml's parser events as tuples)."""

from collections.abc import Iterator
from typing import Any

class Error(Exception): ...

class Events(Iterator[tuple[Any, ...]]):
    def __init__(self, text: bytes) -> None: ...
    def __next__(self) -> tuple[Any, ...]: ...
