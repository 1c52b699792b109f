"""The parser reads what libyaml's own composer reads, each value at the line and column of
the node libyaml gives: an oracle independent of the parser's event loop."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules.records._parse import parse_record_text

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_KEYS = _TEXT.filter(lambda k: k.strip() not in ("<<", "=") and k.strip() != "")
_SCALARS = st.none() | st.booleans() | st.integers(-10**12, 10**12) | _TEXT
_DATA = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=25)


def _positions(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], Any]) -> None:
    """Where each value is, as the parser records it: a mapping's value at its key."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[(*path, key.value)] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _positions(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*path, i)] = (item.start_mark.line + 1, item.start_mark.column + 1)
            _positions(item, (*path, i), out)


@settings(max_examples=300, deadline=None)
@given(_DATA, st.booleans())
def test_values_and_positions_are_libyaml_s(data: Any, flow: bool) -> None:
    text = yaml.safe_dump({"meeting": data}, allow_unicode=True, default_flow_style=flow)
    parsed, index = parse_record_text(text.encode(), "m.yaml")
    assert parsed == yaml.load(text, Loader=yaml.CSafeLoader)
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    expected = {(): (root.start_mark.line + 1, root.start_mark.column + 1)}
    _positions(root, (), expected)
    assert index.positions == expected
