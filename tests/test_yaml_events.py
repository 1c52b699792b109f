"""The package's own binding of libyaml (``records/_libyaml.c``) gives the events PyYAML's
binding gives, and the parser reads the same data, places and errors from either: on every
YAML file the package ships or writes as an example, on generated documents in block and flow
style, and on those documents cut and spliced with characters YAML refuses. The binding's
``compose`` (the data and places built in C) gives what the parser's own loop gives."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from governance_rules.records import _parse
from governance_rules.records._events import EventError, events_of, fast_events
from governance_rules.records._parse import ParseFailure, _YamlBuilder

ROOT = Path(__file__).resolve().parents[1]
needs_binding = pytest.mark.skipif(not fast_events(), reason="the libyaml binding is not built")

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_SCALARS = st.none() | st.booleans() | st.integers(-10**12, 10**12) | _TEXT | st.dates()
_DATA = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(_TEXT, inner, max_size=4), max_leaves=25)
_ODD = st.sampled_from(["\x00", "\x01", "\x85", "\ufeff", "\t", "&a ", "*a", "!!python/none ",
                        "<<: ", "{", "]", "'", '"', "\\", "---\n", "- ", ": ", "#", "%YAML 1.1\n",
                        "\u2028", "\U0001f600", "? ", "|\n", ">-\n  ", "!x ", "!!str ", "\r"])


def _events(text: str, fast: bool) -> list[Any] | tuple[str, Any]:
    try:
        return list(events_of(text, fast=fast))
    except EventError as exc:
        return ("error", exc.args)


def _parsed(text: str, fast: bool, *, composed: bool = True) -> Any:
    """What the parser makes of ``text``: with the binding's events, built by its ``compose``
    (``composed``) or by the parser's loop; else with PyYAML's events."""
    with mock.patch.object(_parse, "composer", _parse.composer if composed else lambda _: None):
        try:
            return _YamlBuilder("m.yaml", fast=fast).build(text)
        except ParseFailure as failure:
            return failure.error


def _parsed_every_way(text: str) -> None:
    composed = _parsed(text, True)
    assert composed == _parsed(text, True, composed=False), text
    assert composed == _parsed(text, False), text


def test_the_binding_is_built_where_ci_asks_for_it() -> None:
    """CI installs libyaml's headers and sets ``GOVERNANCE_RULES_REQUIRE_LIBYAML``: there, a
    package that silently fell back to PyYAML's binding fails."""
    if os.environ.get("GOVERNANCE_RULES_REQUIRE_LIBYAML") != "1":
        pytest.skip("GOVERNANCE_RULES_REQUIRE_LIBYAML is not set")
    assert fast_events()


@needs_binding
def test_the_same_events_on_every_shipped_yaml_file() -> None:
    files = sorted(p for folder in ("examples", "rules", "src", "tests", "docs")
                   for p in (ROOT / folder).rglob("*.y*ml"))
    assert len(files) > 100
    for path in files:
        text = path.read_bytes().decode("utf-8-sig")
        assert _events(text, True) == _events(text, False), path
        _parsed_every_way(text)


@needs_binding
@settings(max_examples=int(os.environ.get("GR_EVENT_EXAMPLES", "400")), deadline=None)
@given(_DATA, st.booleans(), st.lists(st.tuples(st.integers(0, 400), _ODD), max_size=3),
       st.integers(0, 400))
@example({"a": [1, {"b": "c"}]}, True, [(3, "\x01")], 400)
@example({"a": "x"}, False, [(0, "---\n"), (4, "---\n")], 400)
@example({"a": "x"}, False, [(2, "*a")], 400)
@example({"a": ["x"]}, True, [(0, "[" * 80)], 400)
def test_the_same_events_and_errors_on_generated_documents(
        data: Any, flow: bool, splices: list[tuple[int, str]], cut: int) -> None:
    text = yaml.safe_dump({"meeting": data}, allow_unicode=True, default_flow_style=flow)
    for at, odd in splices:
        text = text[:at] + odd + text[at:]
    text = text[:cut] if cut < len(text) else text
    fast = _events(text, True)
    if not isinstance(fast, tuple):  # an error is read again by PyYAML's binding (below)
        assert fast == _events(text, False)
    _parsed_every_way(text)


@needs_binding
@pytest.mark.parametrize("text", ["a: [?]\n", "a: [?]x\n", "{[?][\n"])
def test_where_libyaml_releases_disagree_pyyaml_s_decides(text: str) -> None:
    """libyaml 0.2.5 (Debian's, which the binding may be built against) refuses an empty
    explicit key in a flow sequence that the libyaml PyYAML carries reads: a text the binding
    cannot parse is parsed again with PyYAML's, so the outcome is the same either way."""
    _parsed_every_way(text)


@needs_binding
def test_an_error_after_events_stops_the_iteration() -> None:
    events = events_of("a: [1, 2\nb: c\n")
    with pytest.raises(EventError) as raised:
        list(events)
    assert raised.value.args[:4] == ("parser", "did not find expected ',' or ']'", 1, 1)
    assert list(events) == []


def test_the_events_name_their_places() -> None:
    """Either source: a scalar's place and flags, a collection's tag, the end's placelessness."""
    for fast in (True, False):
        events = list(events_of("a: !!str 1\nb: [x]\n", fast=fast))
        scalars = [e for e in events if e[0] == 6]
        assert scalars[1] == (6, 0, 3, "1", "tag:yaml.org,2002:str", False, False)
        assert scalars[2] == (6, 1, 0, "b", None, True, False)
        assert events[-1] == (2, None, None, None, None, False, False)


@needs_binding
def test_compose_builds_the_data_and_places_of_a_record_file() -> None:
    positions: dict[Any, Any] = {}
    seen: list[Any] = []

    def plain(text: str, line: int, column: int, path: Any) -> Any:
        seen.append((text, line, column, path))
        return f"<{text}>"

    compose = _parse.composer("")
    assert compose is not None
    data = compose(b"meeting:\n  id: 1m\n  votes: [3, '4', x]\n", positions, {"1m": "M1"},
                   plain, 100, 8, *_parse._PLAINLY_TEXT)
    assert data == {"meeting": {"id": "M1", "votes": ["<3>", "4", "x"]}}
    assert seen == [("3", 2, 10, ("meeting", "votes", 0))]
    assert positions == {(): (1, 1), ("meeting",): (1, 1), ("meeting", "id"): (2, 3),
                         ("meeting", "votes"): (3, 3), ("meeting", "votes", 0): (3, 11),
                         ("meeting", "votes", 1): (3, 14), ("meeting", "votes", 2): (3, 19)}


@needs_binding
@pytest.mark.parametrize("text", [
    "a: !!str 1\n", "a: &x 1\nb: *x\n", "<<: {a: 1}\n", "a: 1\na: 2\n", "? [a]\n: 1\n",
    "a: 1\n---\nb: 2\n", "", "# nothing\n", "a: [1\n", "a: [[[1]]]\n", "a: [1, 2, 3, 4]\n",
])
def test_compose_leaves_what_the_loop_refuses_or_treats_apart_to_it(text: str) -> None:
    """A tag, an alias, a merge or duplicate key, a collection as a key, a second document, no
    document, a syntax error, more depth or values than allowed: ``NotImplemented`` (the
    parser's loop then says what is wrong)."""
    compose = _parse.composer("")
    assert compose is not None
    assert compose(text.encode(), {}, {}, lambda text, *_: text, 4, 2,
                   *_parse._PLAINLY_TEXT) is NotImplemented
    _parsed_every_way(text)


@needs_binding
def test_what_compose_s_plain_raises_is_the_parser_s_error() -> None:
    error = _parsed("meeting:\n  n: 1.0e+999999\n", True)
    assert error.type == "bad_number" and (error.line, error.column) == (2, 6)
    assert error.loc == ("meeting", "n")
    _parsed_every_way("meeting:\n  n: 1.0e+999999\n")


_WORDISH = ["yes", "Yes", "YES", "yES", "no", "No", "NO", "nO", "true", "True", "TRUE", "tRUE",
            "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "oFF", "null",
            "Null", "NULL", "nULL", "~", "y", "Y", "n", "N", "yesterday", "normal", "ordinary",
            "treasurer", "finance", "office", "onward", "nullable", "no one", "yes\n\n  x",
            ".inf", "-.inf", ".NaN", ".5", "+1", "-1", "0x1F", "1_000", "1:30", "2024-01-02",
            "2024-01-02 10:00", "=", "<<", "a<<", "张三", "é", "x", "M1", "m-2023-01"]


@needs_binding
@pytest.mark.parametrize("word", _WORDISH)
def test_compose_reads_plain_words_as_the_resolver_does(word: str) -> None:
    """``compose`` takes a plain scalar for text by its first character where no implicit
    resolver can apply, and asks the parser otherwise: the same value either way."""
    _parsed_every_way(f"a: {word}\nb: [{word.splitlines()[0]}]\n")


def test_the_words_compose_knows_are_all_the_letter_resolvers_match() -> None:
    """The resolvers PyYAML keys on a letter are alternations of the words in ``_WORDS`` (and
    ``~`` and the empty text, whose first character is not a letter): a PyYAML that resolved
    more words would fail here rather than be read wrongly."""
    first, letters, words = _parse._PLAINLY_TEXT
    assert letters and set(letters.decode()) <= set("yYnNtTfFoO")
    for letter in letters.decode():
        for _, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers[letter]:
            body = regexp.pattern.removeprefix("^(?:").removesuffix(")$")
            assert regexp.flags & re.VERBOSE  # the spaces and line breaks are not matched
            assert "".join(body.split()).replace("|", "").replace("~", "").isalpha(), body
            assert {part.strip() for part in body.split("|")} - {"~", ""} <= words
    assert set(first.decode()) >= set("-+0123456789.<=~")


def test_numbers_only_yaml_1_1_reads_so_stay_text() -> None:
    """``0600`` (octal 384 in YAML 1.1) and ``8:20`` (base 60: 500) are not read as those
    numbers: they stay text as YAML 1.2 reads them, so an amount of ``0600`` is 600 and an id
    or a household number keeps its leading zero; plain numbers are unchanged."""
    from governance_rules.records._parse import parse_record_text

    data, _ = parse_record_text(
        b"a: 0600\nb: 0101\nc: 8:20\nd: 0\ne: 600\nf: 0x1F\ng: 1_000\nh: -012\ni: 1:30.5\n",
        "x.yaml")
    assert data == {"a": "0600", "b": "0101", "c": "8:20", "d": 0, "e": 600, "f": 31,
                    "g": 1000, "h": "-012", "i": "1:30.5"}


def test_an_amount_with_a_leading_zero_is_its_decimal_value() -> None:
    from decimal import Decimal

    from governance_rules.models import Expense
    from governance_rules.records._parse import parse_record_text

    data, _ = parse_record_text(
        b"expense: {id: e1, body: rc, amount: 0600, paid_on: 2022-01-10, payee: p, purpose: q,"
        b" voucher: invoice, accountant: a, cashier: c}\n", "e.yaml")
    assert Expense.model_validate(data["expense"]).amount == Decimal("600")
