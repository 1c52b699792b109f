"""Types of the C module ``_libyaml.c`` (libyaml's parser events as tuples)."""

from collections.abc import Iterator
from typing import Any

SCALAR: int
SEQUENCE_START: int
SEQUENCE_END: int
MAPPING_START: int
MAPPING_END: int
ALIAS: int
DOCUMENT_START: int
STREAM_END: int

class Error(Exception): ...

class Events(Iterator[tuple[Any, ...]]):
    def __init__(self, text: bytes) -> None: ...
    def __next__(self) -> tuple[Any, ...]: ...
