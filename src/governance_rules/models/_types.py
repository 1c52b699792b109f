"""Strict scalar types shared by the record models.

A string is never a number and a number is never a string; a date must be a
real calendar date written ``YYYY-MM-DD`` in the years :data:`FIRST_YEAR` to :data:`LAST_YEAR`
(so that no date arithmetic downstream can leave the calendar); money is exact
:class:`Decimal` below :data:`MAX_YUAN`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints

from .._input_words import quoted_input
from ..errors import short_input
from ._base import Problem


def _zh_shown(value: Any) -> str:
    """``value`` bounded, for a Chinese message: 「2022-13」 (a text without its quotes), as
    an input error's Chinese shows its input (:func:`quoted_input`).

    >>> _zh_shown("2022-13"), _zh_shown(15), _zh_shown("x" * 500)[-3:], _zh_shown(None)
    ('「2022-13」', '「15」', 'x…」', '空值（未填写）')
    >>> print(_zh_shown('"' + "'" * 3))
    「"'''」
    """
    return quoted_input(short_input(value))

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONEY = re.compile(r"^-?\d{1,20}(\.\d{1,2})?$")

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a record date, period or parameter date may lie in."""
MAX_YUAN = Decimal("1000000000")
"""An amount must be below a billion yuan: in fen it stays exact in every engine."""


class TextEnum(StrEnum):
    """The choices of a record field (a body's kind, a role, a meeting's kind …): a
    :class:`~enum.StrEnum` whose ``value`` is read straight from the member.

    The fact builders read a member's ``value`` thousands of times a dossier; the standard
    ``value`` goes through two Python-level calls (``enum.property``, then ``Enum.value``),
    this one through none (an ``attrgetter`` property: 130 → 20 ns). The same text either way.

    >>> class Kind(TextEnum):
    ...     MEETING = "meeting"
    >>> Kind.MEETING.value, type(Kind.MEETING.value).__name__, Kind("meeting") is Kind.MEETING
    ('meeting', 'str', True)
    """


# Set after the class is made: in its body, a type checker would take it for a member.
setattr(TextEnum, "value", property(attrgetter("_value_")))  # noqa: B010


def _in_range(day: date, shown: Any) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Problem(f"{shown!s} is outside the years {FIRST_YEAR}–{LAST_YEAR} "
                      "that records may be dated in",
                      f"「{shown!s}」不在记录可用的年份（{FIRST_YEAR}至{LAST_YEAR}年）之内")
    return day


def _parse_day(value: Any) -> date:
    # The two usual cases first, by exact type: a failed isinstance costs more than the rest.
    if type(value) is str and len(value) <= 11:  # as JSON (and most callers) give it
        return _day_written(value)
    if type(value) is date and FIRST_YEAR <= value.year <= LAST_YEAR:  # as the parser gives it
        return value
    if isinstance(value, datetime):
        raise Problem("expected a date (YYYY-MM-DD), not a date and time",
                      "应为日期（YYYY-MM-DD），不带时间")
    if isinstance(value, date):
        return _in_range(value, value)
    if isinstance(value, str) and len(value) <= 11:  # YYYY-MM-DD, perhaps with a newline
        return _day_written(value)
    raise Problem(f"expected a date written YYYY-MM-DD, got {short_input(value)}",
                  f"应为日期（写作 YYYY-MM-DD），实为{_zh_shown(value)}")


@lru_cache(maxsize=4096)
def _day_written(value: str) -> date:
    """The day ``YYYY-MM-DD`` names (remembered: a dossier writes the same days many times)."""
    if not _ISO_DAY.match(value):
        raise Problem(f"expected a date written YYYY-MM-DD, got {value!r}",
                      f"应为日期（写作 YYYY-MM-DD），实为「{value}」")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Problem(f"{value!r} is not a real calendar date",
                      f"「{value}」不是真实存在的日期") from None
    return _in_range(day, value)


def _parse_yuan(value: Any) -> Decimal:
    """An exact amount of yuan, or a problem that says what is wrong with it (a thousands
    separator, a third decimal, more than :data:`MAX_YUAN`, not a number).

    >>> for given in ("1,000.00", "12.345", "99999999999999999999999999.99", Decimal("NaN")):
    ...     try:
    ...         _parse_yuan(given)
    ...     except Problem as problem:
    ...         print(problem.zh)
    金额（元）不用千位分隔符，应写作1000.00，实为「1,000.00」
    应为金额（元），至多两位小数，实为「12.345」
    金额须小于1000000000元，实为「99999999999999999999999999.99」
    应为金额（元），「NaN」不是数字
    """
    if isinstance(value, bool | float):
        raise Problem(
            f"expected an exact amount of yuan such as 120.50, got {short_input(value)}"
            + (" (quote it, or write it with at most two decimals)" if isinstance(value, float) else ""),
            f"应为精确的金额（元），如120.50，实为{_zh_shown(value)}"
            + ("；请加引号，或至多写两位小数" if isinstance(value, float) else ""))
    if isinstance(value, int):
        if not -MAX_YUAN < value < MAX_YUAN:  # not shown: it may have thousands of digits
            raise Problem(f"an amount must be below {MAX_YUAN} yuan", f"金额须小于{MAX_YUAN}元")
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():  # NaN, Infinity: as written, not as Decimal('NaN')
            what = "not a number" if value.is_nan() else "not a finite amount"
            raise Problem(f"expected an amount of yuan, got {short_input(value)}, which is {what}",
                          f"应为金额（元），{_zh_shown(value)}"
                          + ("不是数字" if value.is_nan() else "不是有限的金额"))
        if value and value.adjusted() >= len(str(MAX_YUAN)):  # not written out: it may be huge
            raise _too_large(value)
        if value and value.adjusted() < -20:
            raise _too_many_decimals(value)
        text = format(value, "f")
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise Problem(f"expected an amount of yuan, got {short_input(value)}",
                      f"应为金额（元），实为{_zh_shown(value)}")
    if not _MONEY.match(text):
        raise _money_written(text, value)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise Problem(f"expected an amount of yuan, got {short_input(value)}",
                      f"应为金额（元），实为{_zh_shown(value)}") from None
    if not -MAX_YUAN < amount < MAX_YUAN:
        raise _too_large(value)
    return amount


_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DIGITS = re.compile(r"^-?\d+(?:\.(\d+))?$")


def _money_written(text: str, value: Any) -> Problem:
    """What is wrong with ``text``, an amount :data:`_MONEY` refuses (``value`` as given)."""
    if _THOUSANDS.match(text):
        plain = text.replace(",", "")
        if not _MONEY.match(plain):  # more wrong with it than the separator
            return Problem(f"expected an amount of yuan without a thousands separator, got "
                           f"{short_input(value)}",
                           f"金额（元）不用千位分隔符，实为{_zh_shown(value)}")
        return Problem(f"expected an amount of yuan without a thousands separator ({plain}), "
                       f"got {short_input(value)}",
                       f"金额（元）不用千位分隔符，应写作{plain}，实为{_zh_shown(value)}")
    digits = _DIGITS.match(text)
    if digits is None:
        return Problem(f"expected an amount of yuan in digits, such as 120.50, got "
                       f"{short_input(value)}",
                       f"应为用数字写的金额（元），如120.50，实为{_zh_shown(value)}")
    if digits[1] is not None and len(digits[1]) > 2:
        return _too_many_decimals(value)
    return _too_large(value)  # more digits than any amount below MAX_YUAN has


def _too_many_decimals(value: Any) -> Problem:
    return Problem(f"expected an amount of yuan with at most two decimals, got "
                   f"{short_input(value)}", f"应为金额（元），至多两位小数，实为{_zh_shown(value)}")


def _too_large(value: Any) -> Problem:
    return Problem(f"an amount must be below {MAX_YUAN} yuan, got {short_input(value)}",
                   f"金额须小于{MAX_YUAN}元，实为{_zh_shown(value)}")


Day = Annotated[date, BeforeValidator(_parse_day)]
"""A calendar day in the years 1900–2200; ``2022-02-30`` and ``9999-12-31`` are rejected."""

Yuan = Annotated[Decimal, BeforeValidator(_parse_yuan), Field(ge=0)]
"""An exact, non-negative amount of yuan with at most two decimals."""

Slug = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"),
]
"""A record id: letters, digits, ``.``, ``_`` and ``-``, at most 128 characters."""

Text = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=2000)]
Count = Annotated[int, Field(strict=True, ge=0, le=10_000_000)]

_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-B[1-6]|-Q[1-4]|-H[12])?$")


def _parse_period(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and _PERIOD.match(value):
        if not FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
            raise Problem(f"{value!r} is outside the years {FIRST_YEAR}–{LAST_YEAR}",
                          f"「{value}」不在记录可用的年份（{FIRST_YEAR}至{LAST_YEAR}年）之内")
        return value
    raise Problem(f"expected a calendar period such as 2022, 2022-H1, 2022-Q3, 2022-B2 or 2022-03, "
                  f"got {short_input(value)}",
                  "应为日历期间，如 2022、2022-H1、2022-Q3、2022-B2（三四月）或 2022-03，"
                  f"实为{_zh_shown(value)}")


Period = Annotated[str, BeforeValidator(_parse_period),
                   Field(json_schema_extra={"pattern": _PERIOD.pattern,
                                            "examples": ["2022", "2022-H1", "2022-Q3", "2022-B2",
                                                         "2022-03"]})]
"""A calendar period: ``2022``, ``2022-H1``, ``2022-Q3``, ``2022-B2`` (two months, March–April:
how a bimonthly norm's period is named) or ``2022-03`` (a bare year may be unquoted)."""


def granularity_of(period: str) -> str:
    """The granularity of a :data:`Period` label: what the records' kinds of report are made
    for (a monthly report labelled ``2022-Q4`` is a mistake), and how the checks read a
    period's days.

    >>> [granularity_of(p) for p in ("2022", "2022-10", "2022-Q4", "2022-H1", "2022-B2")]
    ['year', 'month', 'quarter', 'half', 'bimonth']
    """
    if len(period) == 4:
        return "year"
    return {"Q": "quarter", "H": "half", "B": "bimonth"}.get(period[5], "month")
