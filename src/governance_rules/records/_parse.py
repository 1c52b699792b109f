"""Safe parsing of YAML and JSON record files that keeps the line of every node.

No tags beyond the YAML core schema, no aliases (a YAML alias bomb is refused before it is
expanded), bounded size and depth. Floats keep their exact source text as :class:`Decimal`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NoReturn

import yaml

from ..errors import InputError, short_input

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

Path_ = tuple[str | int, ...]


@dataclass
class LineIndex:
    """Maps a node's path inside a file to its 1-based (line, column)."""

    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        probe = tuple(path)
        while True:
            hit = self.positions.get(probe)
            if hit is not None:
                return hit
            if not probe:
                return None, None
            probe = probe[:-1]


class ParseFailure(Exception):
    def __init__(self, error: InputError) -> None:
        super().__init__(error.msg)
        self.error = error


def parse_record_text(raw: bytes, file: str) -> tuple[Any, LineIndex]:
    """Parse one file's bytes into plain data plus a :class:`LineIndex`.

    >>> data, index = parse_record_text(b"meeting:\\n  id: m1\\n", "m.yaml")
    >>> data, index.locate(("meeting", "id"))
    ({'meeting': {'id': 'm1'}}, (2, 3))
    """
    text = _decode(raw, file, "a mapping of records such as `meeting:`")
    if file.lower().endswith(".json"):
        try:
            json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            _fail(file, "json_syntax", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)
        except RecursionError:
            _fail(file, "too_deep", f"nesting deeper than {MAX_DEPTH} levels")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "nesting depth" in str(exc.problem):  # PyYAML >= 6.0.3 stops deep nesting itself
            _fail(file, "too_deep", f"nesting deeper than {MAX_DEPTH} levels",
                  mark.line + 1 if mark else None, mark.column + 1 if mark else None)
        _fail(file, "yaml_syntax", f"invalid YAML: {exc.problem or exc}",
              mark.line + 1 if mark else None, mark.column + 1 if mark else None)
    except yaml.YAMLError as exc:
        _fail(file, "yaml_syntax", f"invalid YAML: {exc}")
    except RecursionError:
        _fail(file, "too_deep", f"nesting deeper than {MAX_DEPTH} levels")
    if node is None:
        _fail(file, "empty_file", "file holds no records; expected a mapping such as `meeting:`")
    assert node is not None
    index = LineIndex()
    builder = _Builder(file, index)
    return builder.build(node, (), 0), index


def parse_record_lines(raw: bytes, file: str) -> Iterator[tuple[Any, LineIndex] | InputError]:
    """JSON Lines: each non-blank line is one JSON object of records, as a record file holds.

    Yields the parsed line (with positions in the whole file) or the input error of a bad line,
    so that one bad line never hides the others.

    >>> lines = list(parse_record_lines(b'{"meeting": {"id": "m1"}}\\n\\n{"meeting": 1}', "m.jsonl"))
    >>> lines[1][1].locate(("meeting",))
    (3, 2)
    """
    text = _decode(raw, file, "one JSON object of records per line")
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            data, index = parse_record_text(line.encode("utf-8"), file + ".json")
        except ParseFailure as failure:
            error = failure.error
            yield error.model_copy(update={"file": file, "line": number})
            continue
        index.positions = {path: (number, col) for path, (_, col) in index.positions.items()}
        yield data, index


def _decode(raw: bytes, file: str, expected: str) -> str:
    """The file's text, or a parse failure: too large, not UTF-8, or empty."""
    if len(raw) > MAX_FILE_BYTES:
        _fail(file, "file_too_large", f"file is {len(raw)} bytes; at most {MAX_FILE_BYTES} are read")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _fail(file, "not_utf8", f"file is not UTF-8 text (bad byte at offset {exc.start})",
              raw[: exc.start].count(b"\n") + 1)
    if not text.strip():
        _fail(file, "empty_file", f"file is empty; expected {expected}")
    return text


class _Builder:
    def __init__(self, file: str, index: LineIndex) -> None:
        self.file = file
        self.index = index
        self.nodes = 0
        self.constructor = yaml.SafeLoader("")
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.nodes += 1
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if id(node) in self.seen:
            _fail(self.file, "yaml_alias", "anchors and aliases (&, *) are not allowed in record "
                  "files; write the value out", line, col, loc=path)
        self.seen.add(id(node))
        self.index.positions.setdefault(path, (line, col))
        if depth > MAX_DEPTH:
            _fail(self.file, "too_deep", f"nesting deeper than {MAX_DEPTH} levels", line, col)
        if self.nodes > MAX_NODES:
            _fail(self.file, "too_many_nodes", f"more than {MAX_NODES} values in one file", line)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _CORE_TAGS:
            _fail(self.file, "yaml_tag", f"tag {node.tag!r} is not allowed in record files",
                  line, col, loc=path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                _fail(self.file, "yaml_merge", "merge keys (<<) are not allowed", key_line)
            if not isinstance(key_node, yaml.ScalarNode):
                _fail(self.file, "bad_key", "mapping keys must be plain text", key_line)
            key = str(key_node.value)
            if key in out:
                _fail(self.file, "duplicate_key", f"key {key!r} appears twice", key_line,
                      key_node.start_mark.column + 1, loc=path)
            child = (*path, key)
            self.index.positions[child] = (key_line, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def _scalar(self, node: yaml.Node, path: Path_) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            _fail(self.file, "yaml_syntax", "unsupported node", node.start_mark.line + 1)
        if node.tag == "tag:yaml.org,2002:float":
            try:
                return Decimal(node.value.replace("_", ""))
            except ArithmeticError:
                _fail(self.file, "bad_number", f"{node.value!r} is not a number",
                      node.start_mark.line + 1, loc=path)
        if node.tag not in _CORE_TAGS:
            _fail(self.file, "yaml_tag", f"tag {node.tag!r} is not allowed in record files",
                  node.start_mark.line + 1, loc=path)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                return node.value  # the model says why it is not a real date
            _fail(self.file, "bad_scalar", f"cannot read value {short_input(node.value)}: {exc}",
                  node.start_mark.line + 1, loc=path)


_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "bool", "null", "timestamp", "map", "seq")
)


def _fail(
    file: str,
    kind: str,
    msg: str,
    line: int | None = None,
    column: int | None = None,
    loc: Path_ = (),
) -> NoReturn:
    raise ParseFailure(InputError(type=kind, file=file, line=line, column=column, loc=loc, msg=msg))
