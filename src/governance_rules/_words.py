"""Dates, periods and ordinals as an inspector writes them, in Chinese and in English.

Records and facts name periods by code (``2022-Q3``, ``2022-B5``, ``2022-H1``); a reader wants
``2022年第三季度`` or ``Q3 2022``. Every function takes the language (``zh`` or ``en``).
"""

from __future__ import annotations

import re
from datetime import date

_DIGITS = "零一二三四五六七八九"
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|B([1-6])))?$")


def chinese_number(n: int) -> str:
    """A whole number from 0 to 99 in Chinese numerals, as in 第三季度 or 第二十一次.

    >>> chinese_number(3), chinese_number(10), chinese_number(21), chinese_number(40)
    ('三', '十', '二十一', '四十')
    """
    if not 0 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def ordinal(n: int) -> str:
    """An English ordinal: ``1st``, ``2nd``, ``3rd``, ``11th``, ``21st``, ``112th``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']
    """
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_name(day: date, lang: str) -> str:
    """``2022年6月15日`` or ``15 June 2022``.

    >>> day_name(date(2022, 6, 5), "zh"), day_name(date(2022, 6, 5), "en")
    ('2022年6月5日', '5 June 2022')
    """
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def period_name(label: str, lang: str) -> str:
    """A period code as words; text that is not a period code is returned as it is.

    >>> [period_name(p, "zh") for p in ("2022", "2022-03", "2022-Q3", "2022-H1", "2022-B5")]
    ['2022年', '2022年3月', '2022年第三季度', '2022年上半年', '2022年9—10月']
    >>> [period_name(p, "en") for p in ("2022", "2022-03", "2022-Q3", "2022-H1", "2022-B5")]
    ['2022', 'March 2022', 'Q3 2022', 'first half of 2022', 'September–October 2022']
    """
    match = _PERIOD.match(label)
    if match is None:
        return label
    year, month, quarter, half, bimonth = match.groups()
    zh = lang == "zh"
    if month is not None and 1 <= int(month) <= 12:
        m = int(month)
        return f"{year}年{m}月" if zh else f"{_MONTHS_EN[m - 1]} {year}"
    if quarter is not None:
        q = int(quarter)
        return f"{year}年第{chinese_number(q)}季度" if zh else f"Q{q} {year}"
    if half is not None:
        first = half == "1"
        return (f"{year}年{'上' if first else '下'}半年" if zh
                else f"{'first' if first else 'second'} half of {year}")
    if bimonth is not None:
        start = (int(bimonth) - 1) * 2 + 1
        return (f"{year}年{start}—{start + 1}月" if zh
                else f"{_MONTHS_EN[start - 1]}–{_MONTHS_EN[start]} {year}")
    return f"{year}年" if zh and month is None else label
