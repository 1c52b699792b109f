"""libyaml's parser events as tuples, from the fastest source this installation has.

An event is ``(kind, line, column, value, tag, plain_implicit, quoted_implicit)``: ``kind``
one of the constants below (libyaml's event types), ``line`` and ``column`` its start,
0-based (``None`` for the end of a collection, a document or the stream, whose place no one
reads), ``value`` a scalar's text, ``tag`` as libyaml resolved it (``None`` when the node has
none), the implicit flags a scalar's (else ``False``). A parse error is an :class:`EventError`
whose ``args`` are ``(what, problem, line, column, offset, character)``: ``what`` is
``"reader"`` (then ``offset`` and ``character`` say where and which), ``"scanner"``,
``"parser"``, ``"memory"`` (the binding) or ``"other"`` (PyYAML); ``line`` and ``column``
the problem's place, else ``None``.

The sources, fastest first, each giving the same events (``tests/test_yaml_events.py``):

- ``governance_rules.records._libyaml``, built with the package where libyaml's headers are
  installed (``hatch_build.py``): the tuples made in C, 2.7× faster than reading PyYAML's
  event objects (a fifth of the instructions a community's check took); its ``compose``
  (:func:`composer`) builds a record file's data from them without making tuples at all;
- PyYAML's binding of libyaml (``yaml._yaml.CParser``), its events turned into tuples;
- PyYAML's own Python parser, where PyYAML was built without libyaml.

>>> [event[0] == SCALAR for event in events_of("a: 1")]
[False, False, False, True, True, False, False, False]
>>> next(e for e in events_of("a: 1") if e[0] == SCALAR)
(6, 0, 0, 'a', None, True, False)
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import Any

import yaml

Event = tuple[Any, ...]
"""``(kind, line, column, value, tag, plain_implicit, quoted_implicit)``: a plain tuple, which
the parser's loop unpacks once an event."""

STREAM_START, STREAM_END, DOCUMENT_START, DOCUMENT_END, ALIAS = 1, 2, 3, 4, 5
SCALAR, SEQUENCE_START, SEQUENCE_END, MAPPING_START, MAPPING_END = 6, 7, 8, 9, 10
BOM = codecs.BOM_UTF8


class _PyYamlEventError(Exception):
    """A parse error of PyYAML's parsers, told as :class:`EventError` tells it."""


try:
    from . import _libyaml
except ImportError:  # not built here: no compiler, or no libyaml headers
    _libyaml = None  # type: ignore[assignment]
    EventError: tuple[type[Exception], ...] = (_PyYamlEventError,)
else:
    EventError = (_libyaml.Error, _PyYamlEventError)

try:  # libyaml's parser alone: its events, without a loader's constructor and resolver
    from yaml._yaml import CParser

    _Parser: Callable[[str], yaml.SafeLoader] = CParser  # type: ignore[assignment]
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

_KINDS: dict[type[yaml.Event], int] = {
    yaml.StreamStartEvent: STREAM_START, yaml.StreamEndEvent: STREAM_END,
    yaml.DocumentStartEvent: DOCUMENT_START, yaml.DocumentEndEvent: DOCUMENT_END,
    yaml.AliasEvent: ALIAS, yaml.ScalarEvent: SCALAR,
    yaml.SequenceStartEvent: SEQUENCE_START, yaml.SequenceEndEvent: SEQUENCE_END,
    yaml.MappingStartEvent: MAPPING_START, yaml.MappingEndEvent: MAPPING_END,
}
_PLACELESS = frozenset({STREAM_START, STREAM_END, DOCUMENT_END, SEQUENCE_END, MAPPING_END})


def events_of(text: str, utf8: bytes | None = None, *, fast: bool = True) -> Iterator[Event]:
    """The events of ``text`` (``utf8``: the same text as UTF-8 without a byte-order mark, when
    the caller has it); from PyYAML's parser when ``fast`` is false or this module's binding
    was not built.

    A text that still starts with a byte-order mark (a file that began with two) is read by
    PyYAML's binding too: the libyaml PyYAML carries skips it, the 0.2.5 release the binding
    may be built against reads it as a character.
    """
    if fast and _binding_reads(text):
        return _libyaml.Events(text.encode() if utf8 is None else utf8)
    return _pyyaml_events(text)


def composer(text: str) -> Callable[..., object] | None:
    """The binding's ``compose`` for ``text`` (its data and places, built in C from libyaml's
    events: see ``_libyaml.c``), or ``None`` where the binding was not built or is not the one
    to read ``text`` (:func:`events_of`)."""
    return _libyaml.compose if _binding_reads(text) else None


def _binding_reads(text: str) -> bool:
    return _libyaml is not None and not text.startswith("\ufeff")


def fast_events() -> bool:
    """Whether the events come from this package's own binding of libyaml (it was built)."""
    return _libyaml is not None


def _pyyaml_events(text: str) -> Iterator[Event]:
    parser = _Parser(text)
    try:
        while True:
            try:
                event = parser.get_event()  # type: ignore[no-untyped-call]
            except yaml.MarkedYAMLError as exc:
                mark = exc.problem_mark or exc.context_mark
                what = "scanner" if isinstance(exc, yaml.scanner.ScannerError) else "parser"
                raise _PyYamlEventError(what, exc.problem or str(exc),
                                        mark.line if mark else None,
                                        mark.column if mark else None, -1, -1) from None
            except yaml.reader.ReaderError as exc:
                char = exc.character
                raise _PyYamlEventError("reader", exc.reason, None, None, exc.position,
                                        ord(char) if isinstance(char, str) else int(char)
                                        ) from None
            except yaml.YAMLError as exc:
                raise _PyYamlEventError("other", str(exc), None, None, -1, -1) from None
            kind = _KINDS[type(event)]
            if kind in _PLACELESS:
                yield (kind, None, None, None, None, False, False)
                if kind == STREAM_END:
                    return
                continue
            mark = event.start_mark
            if kind == SCALAR:
                yield (kind, mark.line, mark.column, event.value, event.tag, event.implicit[0],
                       event.implicit[1])
            elif kind in (SEQUENCE_START, MAPPING_START):
                yield (kind, mark.line, mark.column, None, event.tag, False, False)
            else:
                yield (kind, mark.line, mark.column, None, None, False, False)
    finally:
        parser.dispose()
