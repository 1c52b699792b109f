"""Safe parsing of YAML and JSON record files that keeps the line of every node.

No tags beyond the YAML core schema, no aliases (a YAML alias bomb is refused before it is
expanded), bounded size, depth, node count and numbers, each checked while the file is read,
never after. YAML is read event by event from libyaml (no recursive composer), JSON by the
:mod:`json` parser, with a small scanner that finds the line of every value and enforces the
bounds before anything is built. Floats keep their exact source text as :class:`Decimal`.
Files are opened with :func:`read_file`: regular files only (never a FIFO, a device or a
socket), at most :data:`MAX_FILE_BYTES` read.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

import yaml

from .._input_words import quoted_input
from .._said import os_reason
from ..errors import InputError, short_input
from ._events import (
    ALIAS,
    BOM,
    DOCUMENT_START,
    MAPPING_END,
    MAPPING_START,
    SCALAR,
    SEQUENCE_END,
    SEQUENCE_START,
    STREAM_END,
    Event,
    EventError,
    composer,
    events_of,
)

MAX_FILE_BYTES = 16 * 1024 * 1024
"""A record, rule or waivers file larger than this is refused before it is read."""
MAX_DEPTH = 64
"""Nesting deeper than this is refused as soon as the parser reaches it."""
MAX_NODES = 500_000
"""More values than this in one file are refused as soon as the parser reaches them."""
MAX_NUMBER_CHARS = 40
"""A number written with more characters than this (digits, sign, point, exponent) is refused."""
MAX_EXPONENT = 40
"""A number whose magnitude is 10**41 or more, or below 10**-40 (other than 0), is refused."""

Path_ = tuple[str | int, ...]


@dataclass
class LineIndex:
    """Maps a node's path inside a file to its 1-based (line, column)."""

    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """The position of ``path``, or of its nearest ancestor that has one.

        >>> LineIndex({("a",): (3, 1)}).locate(("a", 0, "b")), LineIndex().locate(("a",))
        ((3, 1), (None, None))
        """
        positions = self.positions
        if not positions:  # records given as data: no line is known, none is looked for
            return None, None
        probe = tuple(path)
        while True:
            hit = positions.get(probe)
            if hit is not None:
                return hit
            if not probe:
                return None, None
            probe = probe[:-1]


class ParseFailure(Exception):
    def __init__(self, error: InputError) -> None:
        super().__init__(error.msg)
        self.error = error


def read_file(path: str | os.PathLike[str], file: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; a parse failure for anything else.

    The file is opened without blocking (a FIFO never hangs), checked with ``fstat`` (a FIFO,
    a device such as ``/dev/zero`` or a socket is refused, and so is a file whose size is over
    ``limit``) and then at most ``limit + 1`` bytes are read, so a file that grows while it is
    read is refused too. A symbolic-link loop is an ``unreadable`` error.

    >>> try:
    ...     read_file("/dev/null", "null.yaml")
    ... except ParseFailure as failure:
    ...     print(failure.error.type)
    not_a_file
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        special = _special_mode(path)  # a socket cannot be opened at all (ENXIO)
        if special is not None:
            _not_a_file(file, special)
        _fail(file, "unreadable", f"cannot read: {exc.strerror or exc}",
              zh=f"无法读取：{os_reason(exc, 'zh')}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            _not_a_file(file, info.st_mode)
        if info.st_size > limit:
            _fail(file, "file_too_large", f"file is {info.st_size} bytes; at most {limit} are read",
                  zh=f"文件大小{info.st_size:,}字节，超过上限{limit:,}字节，未读取")
        # O_NONBLOCK does nothing to a regular file: no need to clear it. The first read asks
        # for one byte more than fstat saw (a buffer the file's size, not a chunk's: a large
        # buffer cut down to a small file costs the allocator a map and unmap each time);
        # getting less, at that size, is the end of the file.
        chunks: list[bytes] = []
        size = 0
        asked = min(info.st_size + 1, limit + 1)
        while size <= limit:
            chunk = os.read(fd, asked)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if len(chunk) < asked and size == info.st_size:
                break
            asked = min(1 << 20, limit + 1 - size)
        if size > limit:
            _fail(file, "file_too_large", f"file is over {limit} bytes; at most {limit} are read",
                  zh=f"文件超过上限{limit:,}字节，未读取")
        return b"".join(chunks)
    except OSError as exc:
        _fail(file, "unreadable", f"cannot read: {exc.strerror or exc}",
              zh=f"无法读取：{os_reason(exc, 'zh')}")
    finally:
        os.close(fd)


def _not_a_file(file: str, mode: int) -> NoReturn:
    _fail(file, "not_a_file", f"not a regular file ({_file_kind(mode)}); "
          "only regular files are read",
          zh=f"不是普通文件（{_file_kind(mode, 'zh')}），只读取普通文件")


def _special_mode(path: str | os.PathLike[str]) -> int | None:
    """The mode of what is at ``path`` when it is there and not a regular file, else ``None``."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return None if stat.S_ISREG(mode) else mode


def _file_kind(mode: int, lang: str = "en") -> str:
    for test, name, zh in ((stat.S_ISFIFO, "a FIFO", "命名管道"),
                           (stat.S_ISCHR, "a character device", "字符设备"),
                           (stat.S_ISBLK, "a block device", "块设备"),
                           (stat.S_ISSOCK, "a socket", "套接字"),
                           (stat.S_ISDIR, "a folder", "文件夹")):
        if test(mode):
            return zh if lang == "zh" else name
    return "特殊文件" if lang == "zh" else "a special file"


def parse_record_text(raw: bytes, file: str,
                      expected: str = "a mapping of records such as `meeting:`"
                      ) -> tuple[Any, LineIndex]:
    """Parse one file's bytes into plain data plus a :class:`LineIndex`; an empty file is a
    parse failure that says what the file should hold (``expected``: records, rules, waivers,
    cases).

    >>> data, index = parse_record_text(b"meeting:\\n  id: m1\\n", "m.yaml")
    >>> data, index.locate(("meeting", "id"))
    ({'meeting': {'id': 'm1'}}, (2, 3))
    """
    text = _decode(raw, file, expected)
    if file.lower().endswith(".json"):
        return _parse_json(text, file)
    return _YamlBuilder(file).build(text, raw[len(BOM):] if raw.startswith(BOM) else raw)


def parse_record_lines(raw: bytes, file: str) -> Iterator[tuple[Any, LineIndex] | InputError]:
    """JSON Lines: each non-blank line is one JSON object of records, as a record file holds.

    Yields the parsed line (with positions in the whole file) or the input error of a bad line,
    so that one bad line never hides the others.

    >>> lines = list(parse_record_lines(b'{"meeting": {"id": "m1"}}\\n\\n{"meeting": 1}', "m.jsonl"))
    >>> lines[1][1].locate(("meeting",))
    (3, 2)
    """
    text = _decode(raw, file, "one JSON object of records per line")
    nodes = 0
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            data, index = _parse_json(line, file, MAX_NODES - nodes)
        except ParseFailure as failure:
            error = failure.error
            yield error.model_copy(update={"file": file, "line": number})
            if error.type == "too_many_nodes":
                return
            # a bad line's values count too (at most one a comma), or a file of lines each
            # failing at its end is scanned without bound
            nodes += line.count(",") + 1
            if nodes > MAX_NODES:
                yield _too_many_nodes(file, number)
                return
            continue
        nodes += len(index.positions)
        index.positions = {path: (number, col) for path, (_, col) in index.positions.items()}
        yield data, index


def _too_many_nodes(file: str, line: int) -> InputError:
    return InputError(type="too_many_nodes", file=file, line=line, column=1,
                      msg=f"more than {MAX_NODES} values in one file; from this line on the "
                      "file is not read",
                      ctx={"zh": f"文件中的值超过{MAX_NODES:,}个的上限，自此行起未读取"})


def _decode(raw: bytes, file: str, expected: str) -> str:
    """The file's text, or a parse failure: too large, not UTF-8, or empty."""
    if len(raw) > MAX_FILE_BYTES:
        _fail(file, "file_too_large", f"file is {len(raw)} bytes; at most {MAX_FILE_BYTES} are read",
              zh=f"文件大小{len(raw):,}字节，超过上限{MAX_FILE_BYTES:,}字节，未读取")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _fail(file, "not_utf8", f"file is not UTF-8 text (bad byte at offset {exc.start})",
              raw[: exc.start].count(b"\n") + 1,
              zh=f"文件不是 UTF-8 编码的文本（第{exc.start + 1:,}个字节无法解码），未读取")
    if not text.strip():
        _fail(file, "empty_file", f"file is empty; expected {expected}", 1)
    return text


class NumberError(ValueError):
    """A number the parser will not read, said in both languages (``zh`` ends as a file's
    parse error does: the file is not read)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh


def _too_long(text: str) -> NumberError:
    shown = short_input(text, 24)
    return NumberError(f"a number written with more than {MAX_NUMBER_CHARS} characters",
                       f"数字{quoted_input(shown)}超过{MAX_NUMBER_CHARS}个字符，无法读取，文件未读取")


def bounded_decimal(text: str) -> Decimal:
    """``text`` as an exact :class:`Decimal`, within :data:`MAX_NUMBER_CHARS` and
    :data:`MAX_EXPONENT`; ``ValueError`` otherwise.

    >>> try:
    ...     bounded_decimal("1.0e+999999")
    ... except NumberError as exc:
    ...     print(exc)
    '1.0e+999999' is too large or too small a number (at most 40 digits before or after the point)
    """
    if len(text) > MAX_NUMBER_CHARS:
        raise _too_long(text)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a finite number")
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        raise NumberError(f"{text!r} is too large or too small a number (at most "
                          f"{MAX_EXPONENT} digits before or after the point)",
                          f"数字{quoted_input(short_input(text, 24))}过大或过小（小数点前后至多"
                          f"{MAX_EXPONENT}位），无法读取，文件未读取")
    return value


def bounded_int(text: str) -> int:
    """A YAML 1.1 integer (``0x1F``, ``0o17``, ``017``, ``0b101``, ``1:30``, ``1_000``) of at
    most :data:`MAX_NUMBER_CHARS` characters; ``ValueError`` otherwise."""
    digits = text.replace("_", "")
    if len(digits) > MAX_NUMBER_CHARS:
        raise _too_long(text)
    sign = -1 if digits[:1] == "-" else 1
    digits = digits.lstrip("+-")
    if digits == "0":
        return 0
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith(("0x", "0X")):
        return sign * int(digits[2:], 16)
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    if digits.startswith("0"):
        return sign * int(digits, 8)
    if ":" in digits:
        value = 0
        for part in digits.split(":"):
            value = value * 60 + int(part)
        return sign * value
    return sign * int(digits)


# ---------------------------------------------------------------------------------------- YAML

_RESOLVER = yaml.resolver.Resolver()
_Y = "tag:yaml.org,2002:"
_CORE_SCALARS = frozenset(f"{_Y}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))
_CORE_COLLECTIONS = frozenset({f"{_Y}map", f"{_Y}seq"})
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBERS = frozenset({f"{_Y}int", f"{_Y}float"})
_YAML11_ONLY = re.compile(r"^[-+]?(?:0[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$")
"""Plain numbers only YAML 1.1 reads as numbers of another value: a leading zero as octal
(``0600`` is 384) and base 60 (``8:20`` is 500). They stay text, as YAML 1.2 reads them: a
number field then takes ``0600`` as 600 and refuses ``8:20`` at its line, and an id or a
household number keeps its zero."""


_MERGE = f"{_Y}merge"


class _YamlBuilder:
    """Builds plain data from libyaml's events, enforcing every bound as events arrive.

    One pass: each event gives its value and its position at once (a mapping value's position
    is its key's). Where the package's binding of libyaml is built, its ``compose`` does this
    in C for a file with nothing unusual in it, and the loop reads only the files it hands
    back (and says what is wrong with them); elsewhere the loop reads every file, so it
    dispatches on the event's kind, keeps the open collection in local variables and handles a
    key and a plain string inline.
    """

    def __init__(self, file: str, *, fast: bool = True) -> None:
        self.file = file
        self.index = LineIndex()
        self.fast = fast  # False: PyYAML's events (the tests compare both)

    def build(self, text: str, utf8: bytes | None = None) -> tuple[Any, LineIndex]:
        """The data of ``text`` (``utf8``: the same text as UTF-8, when the caller has it).

        Where the binding is built, its ``compose`` builds the data of a file as this loop
        would, in C; at the first thing this loop refuses or treats apart it returns
        ``NotImplemented`` and the loop starts again and says what is wrong."""
        compose = composer(text) if self.fast else None
        if compose is not None:
            data = compose(text.encode() if utf8 is None else utf8, self.index.positions,
                           _PLAIN_VALUES, self._plain_at, MAX_NODES, MAX_DEPTH, *_PLAINLY_TEXT)
            if data is not NotImplemented:
                return data, self.index
            self.index = LineIndex()
        positions = self.index.positions
        plain_values = _PLAIN_VALUES
        # the open collection; its enclosing ones are saved on `stack`
        container: Any = None
        is_map = False
        where: Path_ = ()
        key: str | None = None
        key_path: Path_ = ()
        stack: list[tuple[Any, bool, Path_]] = []
        root: list[Any] = []
        nodes = documents = depth = 0  # depth: len(stack)
        try:
            for event in events_of(text, utf8, fast=self.fast):
                kind, line, column, value, tag, plain, _ = event
                if kind == SCALAR and is_map and key is None:  # a key
                    if tag is None or tag == "!":
                        # without a tag, only a plain `<<` resolves to a merge key
                        if value == "<<" and plain:
                            self._fail("yaml_merge", "merge keys (<<) are not allowed", event)
                    elif tag == _MERGE:
                        self._fail("yaml_merge", "merge keys (<<) are not allowed", event)
                    key = value  # libyaml gives text
                    if key in container:
                        self._fail("duplicate_key", f"key {short_input(key)} appears twice",
                                   event, where, zh=f"键{quoted_input(short_input(key))}写了两次，"
                                   "文件未读取")
                    key_path = where + (key,)  # noqa: RUF005 - 2.4x faster than unpacking, per key
                    positions[key_path] = (line + 1, column + 1)
                elif kind in (SCALAR, MAPPING_START, SEQUENCE_START):
                    if is_map and key is None:  # a collection where a key belongs
                        self._fail("bad_key", "mapping keys must be plain text", event, where)
                    if is_map:  # a mapping's value is where its key is
                        path = key_path
                    else:
                        path = where + (len(container),) if container is not None else ()  # noqa: RUF005
                        if path not in positions:
                            positions[path] = (line + 1, column + 1)
                    nodes += 1
                    if nodes > MAX_NODES or depth > MAX_DEPTH:
                        self._too_much(event, nodes, depth)
                    if kind == SCALAR:
                        if tag is None:
                            if plain:  # plain: its value depends on its text alone
                                known = plain_values.get(value, _UNSEEN)
                                value = self._plain(event, path) if known is _UNSEEN else known
                            # else quoted: the text as written
                        else:
                            value = self._scalar(event, path)
                    else:
                        if tag is not None and tag != "!" and tag not in _CORE_COLLECTIONS:
                            self._fail("yaml_tag", f"tag {tag!r} is not allowed in record files",
                                       event, path)
                        if tag is not None and tag != "!" and (tag == f"{_Y}map") != (
                                kind == MAPPING_START):  # `!!map` on a list, `!!seq` on a mapping
                            self._fail("bad_scalar", f"!!{tag.removeprefix(_Y)} on a "
                                       f"{'mapping' if kind == MAPPING_START else 'list'}", event,
                                       path)
                        value = {} if kind == MAPPING_START else []
                    if is_map:
                        container[key] = value
                        key = None
                    elif container is not None:
                        container.append(value)
                    else:
                        root.append(value)
                    if kind != SCALAR:
                        stack.append((container, is_map, where))
                        depth += 1
                        container, is_map, where = value, kind == MAPPING_START, path
                elif kind in (MAPPING_END, SEQUENCE_END):
                    container, is_map, where = stack.pop()
                    depth -= 1
                    key = None
                elif kind == ALIAS:
                    if is_map and key is not None:
                        path = key_path
                    elif is_map:
                        path = (*where, "")
                    else:
                        path = (*where, len(container)) if container is not None else ()
                    self._fail("yaml_alias", "anchors and aliases (&, *) are not allowed in "
                               "record files; write the value out", event, path)
                elif kind == DOCUMENT_START:
                    documents += 1
                    if documents > 1:
                        self._fail("yaml_syntax", "a file holds one YAML document; found a "
                                   "second `---`", event,
                                   zh=yaml_problem_zh("second `---`"))
                elif kind == STREAM_END:
                    break
                # else: the stream's start, a document's end
        except EventError as exc:
            if self.fast:  # libyaml's releases differ on a few malformed texts: PyYAML's decides
                return _YamlBuilder(self.file, fast=False).build(text)
            self._syntax_error(text, exc)
        except UnicodeDecodeError:  # PyYAML's binding: a tag whose %-escapes are not UTF-8
            found = _ESCAPED_TAG.search(text)
            at = found.start() if found else 0
            _fail(self.file, "yaml_tag", "a tag is not allowed in record files (this one's "
                  "%-escapes are not even UTF-8)", text.count("\n", 0, at) + 1,
                  at - (text.rfind("\n", 0, at) + 1) + 1)
        if not root:
            _fail(self.file, "empty_file", "file holds no records; expected a mapping such as "
                  "`meeting:`", 1)
        return root[0], self.index

    def _syntax_error(self, text: str, exc: Exception) -> NoReturn:
        """The input error of text libyaml could not parse, at the place it gave."""
        what, problem, line, column, offset, character = exc.args
        if what == "reader":  # a character YAML does not allow, or bad UTF-8
            position = max(offset, 0)
            line = text.count("\n", 0, position) + 1
            column = position - (text.rfind("\n", 0, position) + 1) + 1
            _fail(self.file, "yaml_syntax", f"invalid YAML: {problem} (character "
                  f"U+{character:04X})", line, column,
                  zh=f"YAML 格式错误：文本中有 YAML 不允许的字符（U+{character:04X}），文件未读取")
        if line is not None:
            line, column = line + 1, column + 1
        if "nesting depth" in problem:  # libyaml's own limit on flow nesting
            _fail(self.file, "too_deep", f"nesting deeper than {MAX_DEPTH} levels", line, column)
        _fail(self.file, "yaml_syntax", f"invalid YAML: {problem or what}",
              line if line is not None else 1 if what not in ("scanner", "parser") else None,
              column, zh=yaml_problem_zh(problem or what))

    def _plain_at(self, text: str, line: int, column: int, path: Path_) -> Any:
        """:meth:`_plain` of the plain scalar ``text`` at 0-based ``line`` and ``column``
        (``compose`` asks, for a text not yet in :data:`_PLAIN_VALUES`)."""
        return self._plain((SCALAR, line, column, text, None, True, False), path)

    def _plain(self, event: Event, path: Path_) -> Any:
        """A plain scalar's value (:meth:`_scalar`), remembered by its text when short: a
        record file repeats its values (dates, kinds, names), and every value is immutable."""
        value = self._scalar(event, path)
        text: str = event[3]
        if len(text) <= _PLAIN_CACHED_CHARS:
            if len(_PLAIN_VALUES) >= _PLAIN_CACHED:
                _PLAIN_VALUES.clear()
            _PLAIN_VALUES[text] = value
        return value

    def _too_much(self, event: Event, nodes: int, depth: int) -> NoReturn:
        if depth > MAX_DEPTH:
            self._fail("too_deep", f"nesting deeper than {MAX_DEPTH} levels", event,
                       zh=_TOO_DEEP_ZH)
        self._fail("too_many_nodes", f"more than {MAX_NODES} values in one file", event,
                   zh=_TOO_MANY_ZH)

    def _scalar(self, event: Event, path: Path_) -> Any:
        value: str = event[3]
        if event[4] in (None, "!"):
            tag = _resolve(value, (event[5], event[6]))
            if tag in (f"{_Y}merge", f"{_Y}value"):  # `<<` or `=` as a value: plain text
                return value
            if tag in _NUMBERS and _YAML11_ONLY.match(value):
                return value  # 0600, 8:20: YAML 1.2's reading (text; a number field reads 600)
        else:
            tag = event[4]
            if tag not in _CORE_SCALARS:
                self._fail("yaml_tag", f"tag {tag!r} is not allowed in record files", event, path)
            plain = _resolve(value, (True, False))
            if tag != f"{_Y}str" and plain != tag and not (tag == f"{_Y}float" and plain == f"{_Y}int"):
                self._fail("bad_scalar", f"{short_input(value)} is not a valid "
                           f"!!{tag.removeprefix(_Y)}", event, path)
        try:
            if tag == f"{_Y}str":
                return value
            if tag == f"{_Y}int":
                return bounded_int(value)
            if tag == f"{_Y}float":
                return bounded_decimal(value.replace("_", ""))
            if tag == f"{_Y}bool":
                return _BOOLS[value.lower()]
            if tag == f"{_Y}null":
                return None
        except (ValueError, KeyError) as exc:
            self._fail("bad_number" if tag in (f"{_Y}int", f"{_Y}float") else "bad_scalar",
                       f"cannot read value {short_input(value, 24)}: {exc}", event, path,
                       getattr(exc, "zh", None))
        return _timestamp(value)

    def _fail(self, kind: str, msg: str, event: Event, loc: Path_ = (),
              zh: str | None = None) -> NoReturn:
        line, column = (event[1] + 1, event[2] + 1) if event[1] is not None else (1, 1)
        _fail(self.file, kind, msg, line, column, loc=loc, zh=zh)


_ESCAPED_TAG = re.compile(r"!\S*%[0-9A-Fa-f]{2}|^%TAG\b.*%[0-9A-Fa-f]{2}", re.MULTILINE)
"""A tag, or a ``%TAG`` directive, with a %-escape: where a tag that is not UTF-8 is."""

_WORDS = frozenset(spelling for word in ("yes", "no", "true", "false", "on", "off", "null")
                   for spelling in (word, word.capitalize(), word.upper()))
"""The YAML 1.1 booleans and null written as words: what the resolvers keyed on a letter match."""


def _plainly_text() -> tuple[bytes, bytes, frozenset[str]]:
    """What ``compose`` needs to tell, by its first character, a plain scalar that is text
    whatever the resolver says (most names and ids) from one the resolver must read: the first
    characters PyYAML's implicit resolvers are keyed on, except the letters whose resolvers
    (booleans, null) match only :data:`_WORDS`; those letters; and the words."""
    keyed = _RESOLVER.yaml_implicit_resolvers
    letters = {first for first, resolvers in keyed.items() if first and first.isalpha()
               and all(tag in (f"{_Y}bool", f"{_Y}null") for tag, _ in resolvers)}
    others = {first for first in keyed if first and first not in letters}
    return ("".join(sorted(others)).encode(), "".join(sorted(letters)).encode(), _WORDS)


_PLAINLY_TEXT = _plainly_text()
_PLAIN_VALUES: dict[str, Any] = {}
"""Values of plain scalars already read, by their text (str, int, Decimal, bool, None, date)."""
_UNSEEN = object()
_PLAIN_CACHED = 4096
_PLAIN_CACHED_CHARS = 64


def _resolve(value: str, implicit: tuple[bool, bool]) -> str:
    """The core-schema tag PyYAML's resolver gives a scalar written without a tag: for a plain
    scalar it depends on the text alone, anything else is a string. (Not cached: a plain
    scalar's value is, by its text, in :data:`_PLAIN_VALUES`, so this is asked at its first
    sighting and for tagged scalars only.)"""
    if not implicit[0]:
        return f"{_Y}str"
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, implicit))  # type: ignore[no-untyped-call]


def _timestamp(value: str) -> date | datetime | str:
    """A YAML timestamp; text the models judge when it is not a real calendar day."""
    if _ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    try:
        node = yaml.ScalarNode(f"{_Y}timestamp", value)
        stamp = yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
    except Exception:  # a text that only looks like a timestamp (e.g. a 30 February)
        return value
    return stamp if isinstance(stamp, date) else value


# ---------------------------------------------------------------------------------------- JSON

_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}:,]|[^\s\[\]{}:,"]+')


def _parse_json(text: str, file: str, max_nodes: int = MAX_NODES) -> tuple[Any, LineIndex]:
    """JSON read by :func:`json.loads`, after a linear scan that bounds depth, node count and
    numbers and records the (line, column) of every value."""
    index = _scan_json(text, file, max_nodes)
    try:
        data = json.loads(text, parse_float=bounded_decimal, parse_int=bounded_int,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        _fail(file, "json_syntax", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno,
              zh=f"JSON 格式错误：{json_problem_zh(exc.msg)}，文件未读取")
    except ValueError as exc:  # a number the scanner did not see (invalid JSON around it)
        _fail(file, "json_syntax", f"invalid JSON: {exc}", 1)
    except RecursionError:  # pragma: no cover - the scan refuses deep nesting first
        _fail(file, "too_deep", f"nesting deeper than {MAX_DEPTH} levels")
    return data, index


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _scan_json(text: str, file: str, max_nodes: int) -> LineIndex:
    """Positions of every value, with the bounds enforced; stops quietly at a syntax error,
    which :func:`json.loads` then reports."""
    index = LineIndex()
    positions = index.positions
    # each frame: [path, is_object, next index, current key (None: a key is expected), keys]
    stack: list[list[Any]] = []
    line, line_start, last = 1, 0, 0
    nodes = 0

    def where(offset: int) -> tuple[int, int]:
        nonlocal line, line_start, last
        newlines = text.count("\n", last, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", last, offset) + 1
        last = offset
        return line, offset - line_start + 1

    def value_path(offset: int) -> Path_ | None:
        nonlocal nodes
        if len(stack) > MAX_DEPTH:
            _fail(file, "too_deep", f"nesting deeper than {MAX_DEPTH} levels", *where(offset),
                  zh=_TOO_DEEP_ZH)
        if stack:
            top = stack[-1]
            if top[1]:
                if top[3] is None:
                    return None
                path: Path_ = (*top[0], top[3])
            else:
                path = (*top[0], top[2])
        else:
            path = ()
        nodes += 1
        if nodes > max_nodes:
            _fail(file, "too_many_nodes", f"more than {MAX_NODES} values in one file",
                  *where(offset), zh=_TOO_MANY_ZH)
        if path not in positions:
            positions[path] = where(offset)
        return path

    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first in "[{":
            path = value_path(match.start())
            if path is None:
                break
            stack.append([path, first == "{", 0, None, set()])
        elif first in "]}":
            if not stack:
                break
            stack.pop()
        elif first == ",":
            if not stack:
                break
            top = stack[-1]
            top[2] += 1
            top[3] = None
        elif first == ":":
            continue
        elif first == '"' and stack and stack[-1][1] and stack[-1][3] is None:
            top = stack[-1]
            try:
                key = json.loads(token)
            except ValueError:
                break
            if key in top[4]:
                _fail(file, "duplicate_key", f"key {short_input(key)} appears twice",
                      *where(match.start()), loc=top[0],
                      zh=f"键{quoted_input(short_input(key))}写了两次，文件未读取")
            top[4].add(key)
            top[3] = key
            positions[(*top[0], key)] = where(match.start())
        else:
            path = value_path(match.start())
            if path is None:
                break
            if first in "-0123456789":
                try:
                    bounded_decimal(token)
                except ValueError as exc:
                    _fail(file, "bad_number", f"cannot read value {short_input(token, 24)}: {exc}",
                          *where(match.start()), loc=path, zh=getattr(exc, "zh", None))
    return index


def _fail(
    file: str,
    kind: str,
    msg: str,
    line: int | None = None,
    column: int | None = None,
    loc: Path_ = (),
    zh: str | None = None,
) -> NoReturn:
    raise ParseFailure(InputError(type=kind, file=file, line=line, column=column, loc=loc,
                                  msg=msg, ctx={"zh": zh} if zh else {}))


_TOO_DEEP_ZH = f"嵌套超过{MAX_DEPTH}层，文件未读取"
_TOO_MANY_ZH = f"文件中的值超过{MAX_NODES:,}个的上限，文件未读取"

_JSON_PROBLEMS_ZH = (
    ("Expecting property name enclosed in double quotes", "键须写在双引号内"),
    ("Expecting value", "此处缺少值"),
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Extra data", "文件末尾有多余的内容"),
    ("Unterminated string", "字符串缺少结尾的引号"),
    ("Invalid control character", "字符串中有控制字符"),
    ("Invalid \\escape", "无效的转义字符"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义"),
)
"""What :mod:`json` says of a syntax error, in Chinese (:func:`json_problem_zh`)."""


def json_problem_zh(problem: str) -> str:
    """A JSON syntax error in Chinese; one not listed is called a format error.

    >>> json_problem_zh("Expecting property name enclosed in double quotes")
    '键须写在双引号内'
    """
    for start, zh in _JSON_PROBLEMS_ZH:
        if problem.startswith(start):
            return zh
    return "不符合 JSON 格式"


_YAML_PROBLEMS_ZH = (
    ("mapping values are not allowed", "此处不能写「键: 值」（多为冒号后缺空格、缩进不齐，"
     "或值中的冒号未加引号）"),
    ("could not find expected ':'", "缺少冒号「:」（多为键或缩进有误）"),
    ("did not find expected key", "缩进不齐：此处应为一个键"),
    ("did not find expected '-' indicator", "列表缩进不齐：此处应为以「- 」开头的一项"),
    ("block sequence entries are not allowed", "此处不能开始列表（「- 」的缩进有误）"),
    ("cannot start any token", "此处的字符不能作为值的开头（如制表符、「@」或「`」：请加引号，"
     "缩进请用空格）"),
    ("found a tab character", "缩进中有制表符，请改用空格"),
    ("unknown escape character", "引号内有无法识别的转义字符"),
    ("did not find expected ',' or ']'", "方括号内缺少逗号，或方括号未闭合"),
    ("did not find expected ',' or '}'", "花括号内缺少逗号，或花括号未闭合"),
    ("did not find expected node content", "此处缺少值"),
    ("found unexpected end of stream", "文件意外结束（多为引号或括号未闭合）"),
    ("found undefined tag handle", "使用了未定义的 YAML 标签"),
    ("second `---`", "一个文件只能有一个 YAML 文档，此处出现了第二个「---」"),
)
"""libyaml's problems as a Chinese reader is told them (by a phrase of the English text)."""


def yaml_problem_zh(problem: str) -> str:
    """Why a YAML text could not be read, in Chinese: the known problems of libyaml in words,
    any other said to be a format error.

    >>> yaml_problem_zh("mapping values are not allowed in this context")[:12]
    'YAML 格式错误：此处'
    """
    for phrase, words in _YAML_PROBLEMS_ZH:
        if phrase in problem:
            return f"YAML 格式错误：{words}，文件未读取"
    return "YAML 格式错误，文件未读取"
