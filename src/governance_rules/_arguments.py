"""Argument types shared by the command line's subcommands (``check``, ``serve`` …): each turns
the text typed into a value or an :class:`ArgumentWords` saying what was expected, in English
and Chinese; the days asked for that a check cannot use (:func:`day_outside_years`,
:func:`days_refused`); and argparse's
own errors in Chinese (:func:`usage_error_zh`)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date

from ._said import Said


class ArgumentWords(argparse.ArgumentTypeError):
    """An argument type's refusal: English (``str(error)``, what argparse prints) and Chinese
    (``zh``, what the parser prints with ``--lang zh``)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh


def whole_number(what: str = "a whole number", what_zh: str = "整数") -> Callable[[str], int]:
    """An argument type: a whole number ≥ 1, ``what`` naming it in the error.

    >>> whole_number("a number of processes")("2")
    2
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise ArgumentWords(f"expected {what} ≥ 1, got {text!r}",
                                f"须为不小于1的{what_zh}，实为「{text}」")
        return value

    return parse


def dask_address(text: str) -> str:
    """An argument type: ``local`` or a Dask scheduler's address (``tcp://host:8786``), refused
    at once with the reason when it is neither (not after a connect timeout).

    >>> dask_address("tcp://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    """
    from .scheduling.dask_cluster import scheduler_address

    try:
        return scheduler_address(text)
    except ValueError as exc:
        raise ArgumentWords(str(exc), getattr(exc, "zh", str(exc))) from None


_ARGPARSE_ZH = (
    (r"the following arguments are required: (.+)", "缺少必填参数：{0}"),
    (r"unrecognized arguments: (.+)", "无法识别的参数：{0}"),
    (r"argument (\S+): expected one argument", "参数 {0} 后须跟一个值"),
    (r"argument (\S+): expected at least one argument", "参数 {0} 后须跟至少一个值"),
    (r"argument (\S+): expected at most one argument", "参数 {0} 后至多跟一个值"),
    (r"argument (\S+): expected (\d+) arguments?", "参数 {0} 后须跟{1}个值"),
    (r"argument (\S+): not allowed with argument (\S+)", "参数 {0} 不能与 {1} 同用"),
    (r"one of the arguments (.+) is required", "须给出以下参数之一：{0}"),
    (r"argument (\S+): ignored explicit argument '(.*)'", "参数 {0} 不带值，多出的「{1}」无法使用"),
    (r"argument (\S+): invalid int value: '(.*)'", "参数 {0}：须为整数，实为「{1}」"),
    (r"argument (\S+): invalid \S+ value: '(.*)'", "参数 {0}：取值「{1}」无效"),
    (r"ambiguous option: (\S+) could match (.+)", "选项 {0} 有歧义，可能是：{1}"),
)
"""argparse's messages (Python 3.11 to 3.13) and their Chinese; the names in them are the
command line's own."""


def usage_error_zh(message: str) -> str:
    """argparse's error ``message`` in Chinese; one it does not know points to the usage line
    printed above it.

    >>> usage_error_zh("the following arguments are required: PATH")
    '缺少必填参数：PATH'
    >>> usage_error_zh("argument --context/-C: invalid int value: 'x'")
    '参数 --context/-C：须为整数，实为「x」'
    """
    for pattern, zh in _ARGPARSE_ZH:
        found = re.fullmatch(pattern, message)
        if found:
            return zh.format(*found.groups())
    return "命令行参数有误，用法见上一行"


class DaysRefused(Said, ValueError):
    """Days asked for that a check cannot use (outside the years records are dated in, or
    holding none to judge), in English and Chinese: what the command line and the web service
    say, and what the Python API raises (a ``ValueError``)."""


def day_outside_years(day: date, name: str | None = None) -> DaysRefused | None:
    """Why ``day`` cannot be asked for, or ``None``: no record is dated outside the years
    1900–2200, so no check is as of such a day or judges it. ``name`` is the day as the caller
    called it (the API's ``as_of``, ``window[0]``); the command line leaves it out, argparse
    naming the option before the words (``argument --from: 1 January 1200 is outside …``).

    >>> print(day_outside_years(date(9999, 12, 31), "as_of"))
    as_of (31 December 9999) is outside the years 1900–2200 that records may be dated in
    >>> day_outside_years(date(1200, 1, 1)).text("zh")
    '1200年1月1日不在记录可用的年份（1900至2200年）之内'
    """
    from ._words import day_name
    from .models._types import FIRST_YEAR, LAST_YEAR

    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    en, zh = day_name(day, "en"), day_name(day, "zh")
    if name is not None:
        en, zh = f"{name} ({en})", f"{name}（{zh}）"
    return DaysRefused(f"{en} is outside the years {FIRST_YEAR}–{LAST_YEAR} that records may be "
                       "dated in", f"{zh}不在记录可用的年份（{FIRST_YEAR}至{LAST_YEAR}年）之内")


def days_refused(start: date | None, end: date | None, as_of: date | None,
                 names: tuple[str, str, str] = ("--from", "--to", "--as-of")
                 ) -> DaysRefused | None:
    """Why the days asked for (``--from``, ``--to``, ``--as-of``, or as ``names`` calls them:
    the web service's ``from``, ``to``, ``as_of``, the API's ``window[0]``, ``window[1]``,
    ``as_of``) hold none to judge, or ``None``: ``check``, ``explain``, ``serve`` and the API
    refuse them alike, before any record is read (an ``explain`` over them answered "no
    record … records it selects: none", the service an internal error).

    >>> print(days_refused(date(2022, 6, 1), None, date(2022, 3, 1)))
    --from (1 June 2022) is after --as-of (1 March 2022): no day of the window has come by then
    >>> days_refused(date(2022, 6, 1), date(2022, 6, 30), None) is None
    True
    """
    from ._words import day_name

    first, last, day = names
    for other, name in ((end, last), (as_of, day)):
        if start is not None and other is not None and start > other:
            en = f"{first} ({day_name(start, 'en')}) is after {name} ({day_name(other, 'en')})"
            zh = f"{first}（{day_name(start, 'zh')}）晚于 {name}（{day_name(other, 'zh')}）"
            if name == day:
                en += ": no day of the window has come by then"
                zh += "，期间内没有一天已经到来"
            return DaysRefused(en, zh)
    return None
