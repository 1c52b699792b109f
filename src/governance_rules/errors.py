"""The input-error contract: what was wrong with which file, where, and what was expected.

Modelled on pydantic's error contract (``type``, ``loc``, ``msg``, ``input``, ``ctx``), with
the file, line and column of the offending node added.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

from ._input_words import NOTHING
from ._said import Said


class InputError(BaseModel):
    """One problem with the input that stops a record from being checked.

    >>> InputError(type="unknown_id", file="m.yaml", line=3, loc=("meeting", "body"),
    ...            msg="no body with id 'x'").render()
    "m.yaml:3: meeting.body: no body with id 'x' [unknown_id]"
    """

    model_config = ConfigDict(frozen=True)

    type: str
    file: str
    line: int | None = None
    column: int | None = None
    loc: tuple[str | int, ...] = ()
    msg: str
    input: str | None = Field(default=None, description="a short rendering of the offending value")
    ctx: dict[str, Any] = Field(default_factory=dict)

    @field_validator("file", "msg", "input")
    @classmethod
    def _printable(cls, text: str | None) -> str | None:
        return printable(text) if text is not None else None

    @field_validator("loc")
    @classmethod
    def _printable_path(cls, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """A key of the record's path as every output can write it (a JSON key may be a lone
        surrogate, ``"\ud800"``, which no report in UTF-8 can hold)."""
        return tuple(printable(part) if isinstance(part, str) else part for part in loc)

    @field_validator("ctx")
    @classmethod
    def _printable_context(cls, ctx: dict[str, Any]) -> dict[str, Any]:
        return {key: printable(value) if isinstance(value, str) else value
                for key, value in ctx.items()}

    @property
    def field(self) -> str:
        return dotted(self.loc)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``: ``msg`` in English; in Chinese, made from the error's type,
        input and context (:mod:`governance_rules._input_words`).

        >>> InputError(type="missing", file="m.yaml", msg="Field required").text("zh")
        '缺少必填项'
        """
        if lang != "zh":
            return self.msg
        from ._input_words import chinese_message

        return chinese_message(self.type, self.input, self.ctx)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def message(self) -> dict[str, str]:
        """The message in both languages, as a program shows it to a person (a finding's
        ``message`` has the same keys): ``en`` is ``msg``, ``zh`` is :meth:`text` in Chinese.

        >>> InputError(type="missing", file="m.yaml", msg="Field required").message
        {'zh': '缺少必填项', 'en': 'Field required'}
        """
        return {"zh": self.text("zh"), "en": self.msg}

    def render(self, lang: str = "en") -> str:
        """``file:line:column: field: message [type]``, the message in ``lang``."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.loc else ""
        return f"{where}:{field} {self.text(lang)} [{self.type}]"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 0, self.column or 0, self.field, self.msg)


def printable(text: str) -> str:
    r"""``text`` as every output can write it: a file name's bytes that are not UTF-8 (which
    Python keeps as lone surrogates) escaped as ``\xe9``, as ``ls -b`` shows them; a report in
    UTF-8 could not hold them, and one such name ended the whole run.

    >>> printable("b\udce9.yaml"), printable("会议.yaml")
    ('b\\xe9.yaml', '会议.yaml')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name gives (from JSON text: "\ud800")
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def dotted(loc: tuple[str | int, ...]) -> str:
    """Render a location path the way users write it: ``meetings[2].motions[0].votes.yes``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def pydantic_error_en(error: Mapping[str, Any]) -> str:
    """One of pydantic's errors in English as the checker words it (the value given, not
    pydantic's "Input should be …"); a validator's own reason as it gave it.

    >>> pydantic_error_en({"type": "string_type", "input": ["present"], "ctx": {},
    ...                    "msg": "Input should be a valid string"})
    'expected text, got ["present"]'
    """
    from ._input_words import english_message

    given = str(error.get("msg", "")).removeprefix("Value error, ")
    return english_message(error["type"], short_input(error.get("input")),
                           error.get("ctx") or {}, given)


def pydantic_error_zh(error: Mapping[str, Any]) -> str | None:
    """One of pydantic's errors (an item of ``ValidationError.errors()``) in Chinese: the
    Chinese of the problem a validator raised (``ctx["error"].zh``, see
    :class:`~governance_rules.models._base.Problem`), else said from its type; ``None`` for a
    validator's plain ``ValueError``, whose reason only its English gives (the type alone would
    say "not as required" and lose it).

    >>> pydantic_error_zh({"type": "fraction_parsing", "input": "2/x", "ctx": {}})
    '应为分数（如「4/5」），实为「2/x」'
    """
    from ._input_words import chinese_message

    ctx = error.get("ctx") or {}
    zh = getattr(ctx.get("error"), "zh", None)
    if isinstance(zh, str) and zh:
        return zh
    if error["type"] == "value_error":
        return None
    return chinese_message(error["type"], short_input(error.get("input")), ctx)


def _as_written(value: Any, limit: int, depth: int = 0) -> str:
    """A mapping or list as JSON writes it, reading no more of it than ``limit`` characters
    could show (a list of a million items is not walked)."""
    if depth > 3:
        return "…"
    if isinstance(value, dict):
        items = [f"{_as_written(k, limit, depth + 1)}: {_as_written(v, limit, depth + 1)}"
                 for k, v in itertools.islice(value.items(), limit // 4)]
        more = ", …" if len(value) > limit // 4 else ""
        return "{" + ", ".join(items) + more + "}"
    if isinstance(value, list):
        parts = [_as_written(v, limit, depth + 1) for v in value[: limit // 4]]
        return "[" + ", ".join(parts) + (", …" if len(value) > limit // 4 else "") + "]"
    if isinstance(value, str):
        return json.dumps(value[: 4 * limit], ensure_ascii=False)
    if isinstance(value, date):
        return f'"{value.isoformat()}"'
    if isinstance(value, Decimal) and value.is_finite():
        return str(value)
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    return short_input(value, limit)




def short_input(value: Any, limit: int = 80) -> str:
    """A bounded rendering of ``value`` for a message; never fails, never grows with the input.

    >>> short_input(10 ** 5000), short_input(date(9999, 1, 1)), short_input(Decimal("1.5"))
    ('<an integer of 5001 digits>', "'9999-01-01'", '1.5')
    >>> short_input(Decimal("NaN")), short_input(Decimal("-Infinity"))
    ('NaN', '-Infinity')
    >>> short_input(None)  # a field left empty (``amount:``), not Python's None
    'nothing'
    """
    if value is None:
        return NOTHING
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return f"<an integer of {_digits(value)} digits>"
    if isinstance(value, date):  # as the file wrote it, not datetime.date(9999, 1, 1)
        return repr(value.isoformat())
    if isinstance(value, Fraction):  # 3/2, not Fraction(3, 2)
        text = f"{value.numerator}/{value.denominator}"
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if isinstance(value, Decimal):  # 1.5 and NaN, not Decimal('1.5') and Decimal('NaN')
        text = str(value)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if isinstance(value, str | bytes):
        return _quoted_cut(value, limit)
    if isinstance(value, dict | list) and type(value) in (dict, list):
        text = _as_written(value, limit)  # {"id": "m1"} as a record file writes it
        return text if len(text) <= limit else text[: limit - 1] + "…"
    try:
        text = repr(value)
    except Exception:  # a value whose repr fails (e.g. past Python's integer-string limit)
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quoted_cut(value: str | bytes, limit: int) -> str:
    r"""``repr(value)``, or that of its longest start whose quotes and ``…`` fit in ``limit``:
    the text is cut before it is quoted, so that the result ends with its closing quote and
    never in the middle of an escape.

    >>> print(_quoted_cut("\n" * 50, 12), _quoted_cut("x" * 6 + "\\" * 20, 12))
    '\n\n\n\n…' 'xxxxxx\\…'
    """
    text = repr(value[: 4 * limit])
    if len(text) <= limit and len(value) <= 4 * limit:
        return text
    low, high = 0, min(len(value), 4 * limit)  # the longest start that fits: between them
    while low < high:
        middle = (low + high + 1) // 2
        if len(repr(value[:middle])) < limit:  # room for the …
            low = middle
        else:
            high = middle - 1
    text = repr(value[:low])
    return f"{text[:-1]}…{text[-1]}"


def _digits(value: int) -> int:
    """The number of decimal digits of a large integer, without converting it to text."""
    from decimal import Decimal

    return Decimal(abs(value)).adjusted() + 1


class RulebookError(Said):
    """A rule or parameter file is malformed; the message names the file and line, in English
    (``str(error)``) and Chinese (:meth:`text`). ``zh`` is the problem in Chinese; without it,
    the Chinese says the rule set did not load and quotes the checker's own words (a schema's
    or a compiler's, about the rule language itself).

    >>> error = RulebookError("local/x.yaml", 3, "no such key", "没有这一项")
    >>> str(error), error.text("zh")
    ('local/x.yaml:3: no such key', '规则集文件 local/x.yaml 第3行：没有这一项')
    """

    def __init__(self, file: str, line: int | None, msg: str, zh: str | None = None) -> None:
        self.file, self.line, self.msg = file, line, msg
        said = self.zh_msg = zh or f"写法有误，规则集未能载入（校验结果：{msg}）"
        super().__init__(f"{file}:{line}: {msg}" if line else f"{file}: {msg}",
                         f"规则集文件 {file}{f' 第{line}行' if line else ''}：{said}")
        self.given_zh = zh

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.file, self.line, self.msg, self.given_zh))


class EngineUnavailable(Said):
    """The requested engine cannot run here (e.g. durable-rules is not installed), or another
    optional part (pandas, matplotlib); said in English and Chinese."""
