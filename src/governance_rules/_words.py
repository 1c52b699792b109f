"""Dates, periods and ordinals as an inspector writes them, in Chinese and in English.

Records and facts name periods by code (``2022-Q3``, ``2022-B5``, ``2022-H1``); a reader wants
``2022年第三季度`` or ``Q3 2022``. Every function takes the language (``zh`` or ``en``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

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


def due_words(month_offset: int, day: int, lang: str) -> str:
    """A day of a month counted from a period's last month, as a deadline states it: ``0`` the
    month itself, ``1`` the next.

    >>> due_words(1, 5, "zh"), due_words(0, 25, "en"), due_words(1, 5, "en")
    ('次月5日', 'the 25th of the same month', 'the 5th of the next month')
    >>> due_words(2, 10, "zh"), due_words(2, 10, "en")
    ('其后第2个月10日', 'the 10th of the 2nd month after')
    """
    if lang == "zh":
        return (f"当月{day}日" if month_offset == 0 else f"次月{day}日" if month_offset == 1
                else f"其后第{month_offset}个月{day}日")
    if month_offset == 0:
        return f"the {ordinal(day)} of the same month"
    return (f"the {ordinal(day)} of the next month" if month_offset == 1
            else f"the {ordinal(day)} of the {ordinal(month_offset)} month after")


def day_name(day: date, lang: str) -> str:
    """``2022年6月15日`` or ``15 June 2022``.

    >>> day_name(date(2022, 6, 5), "zh"), day_name(date(2022, 6, 5), "en")
    ('2022年6月5日', '5 June 2022')
    """
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def not_yet_words(what_zh: str, what_en: str, day: date) -> tuple[str, str]:
    """A step that was not made by ``day``, the day the check is as of (``--as-of``): what is
    dated after it has not happened, so it is not yet made, neither late nor unrecorded.

    >>> not_yet_words("备案", "filing", date(2022, 3, 12))
    ('截至2022年3月12日（检查日）尚无备案', 'no filing by 12 March 2022, the day checked')
    """
    return (f"截至{day_name(day, 'zh')}（检查日）尚无{what_zh}",
            f"no {what_en} by {day_name(day, 'en')}, the day checked")


@lru_cache(maxsize=4096)
def period_name(label: str, lang: str) -> str:
    """A period code as words; text that is not a period code is returned as it is.
    Remembered: a dossier's findings name the same few periods.

    >>> [period_name(p, "zh") for p in ("2022", "2022-03", "2022-Q3", "2022-H1", "2022-B5")]
    ['2022年', '2022年3月', '2022年第三季度', '2022年上半年', '2022年9—10月']
    >>> [period_name(p, "en") for p in ("2022", "2022-03", "2022-Q3", "2022-H1", "2022-B5")]
    ['2022', 'March 2022', 'Q3 2022', 'the first half of 2022', 'September–October 2022']
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
                else f"the {'first' if first else 'second'} half of {year}")
    if bimonth is not None:
        start = (int(bimonth) - 1) * 2 + 1
        return (f"{year}年{start}—{start + 1}月" if zh
                else f"{_MONTHS_EN[start - 1]}–{_MONTHS_EN[start]} {year}")
    return f"{year}年" if zh and month is None else label


_ISO_DAY = re.compile(r"(\d(?<![\d-]\d)\d{3})-(\d{2})-(\d{2})(?![\d-])")
"""An ISO day not inside a longer run of digits and dashes. The pattern begins with the digit
(the test of the character before it follows the digit), so that the regex engine skips to the
digits of a text rather than trying every character (a long text was several times slower)."""
_FRACTION_WORDS = {(1, 2): ("半数", "half"), (2, 3): ("三分之二", "two thirds"),
                   (1, 3): ("三分之一", "one third"), (3, 4): ("四分之三", "three quarters"),
                   (1, 4): ("四分之一", "one quarter"), (1, 5): ("五分之一", "one fifth"),
                   (1, 10): ("十分之一", "one tenth")}


def days_in_words(text: str, lang: str) -> str:
    """Every ISO day in ``text`` as words (``2022-04-01`` → ``2022年4月1日`` / ``1 April 2022``).

    >>> days_in_words("自2022-04-01起", "zh"), days_in_words("from 2022-04-01", "en")
    ('自2022年4月1日起', 'from 1 April 2022')
    """
    def one(match: re.Match[str]) -> str:
        try:
            return day_name(date(*(int(g) for g in match.groups())), lang)
        except ValueError:
            return match.group(0)

    return _ISO_DAY.sub(one, text)


def percent_words(share: Fraction) -> str:
    """A share as a percentage, whole when it is whole: ``80%``, ``66.7%``.

    >>> percent_words(Fraction(4, 5)), percent_words(Fraction(2, 3)), percent_words(Fraction(3, 8))
    ('80%', '66.7%', '37.5%')
    """
    whole, rest = divmod(_rounded(share.numerator * 1000, share.denominator), 10)
    return f"{whole}%" if rest == 0 else f"{whole}.{rest}%"


def _rounded(numerator: int, denominator: int) -> int:
    """``round(Fraction(numerator, denominator))`` (halves to even) for a positive
    ``denominator``, in whole numbers: a finding's shares are read, not computed with.

    >>> [_rounded(n, 4) for n in (1, 2, 3, 5, 6, -2, -6)]
    [0, 0, 1, 1, 2, 0, -2]
    """
    whole, rest = divmod(numerator, denominator)
    twice = 2 * rest
    return whole + 1 if twice > denominator or (twice == denominator and whole % 2) else whole


def share_words(share: Fraction, lang: str) -> str:
    """A share as the sources say it: ``半数``, ``五分之一``, else a percentage.

    >>> share_words(Fraction(1, 5), "zh"), share_words(Fraction(4, 5), "en")
    ('五分之一', '80%')
    """
    words = _FRACTION_WORDS.get((share.numerator, share.denominator))
    if words is None:
        return percent_words(share)
    return words[0] if lang == "zh" else words[1]


def threshold_words(share: Fraction, comparison: str, lang: str) -> str:
    """A threshold in the sources' own terms: 以上 includes the share, 超过 (过半数) does not.
    Not remembered: hashing a :class:`~fractions.Fraction` to look it up cost more than this.

    >>> threshold_words(Fraction(4, 5), "at_least", "zh"), threshold_words(Fraction(1, 2), "more_than", "zh")
    ('达80%以上', '超过半数')
    >>> threshold_words(Fraction(4, 5), "at_least", "en"), threshold_words(Fraction(1, 2), "more_than", "en")
    ('at least 80%', 'more than half')
    """
    words = share_words(share, lang)
    if comparison == "at_least":
        return f"达{words}以上" if lang == "zh" else f"at least {words}"
    return f"超过{words}" if lang == "zh" else f"more than {words}"


def yuan(amount: Decimal | int | str, lang: str, *, paid: bool = False) -> str:
    """An amount of money: a limit as ``500元`` / ``500 yuan``, cents only when there are
    some; a sum paid (``paid``) always with its cents, ``185.00元``, as records and the other
    findings write a payment.

    >>> yuan(Decimal("500.00"), "zh"), yuan("600.01", "en"), yuan(320, "zh", paid=True)
    ('500元', '600.01 yuan', '320.00元')
    """
    value = Decimal(str(amount))
    text = f"{value:.2f}" if paid else f"{value:.2f}".removesuffix(".00")
    return f"{text}元" if lang == "zh" else f"{text} yuan"


def tier_words(number: int, lower: Decimal | None, upper: Decimal | None, lang: str) -> str:
    """An approval tier by its bounds and rank: ``超过500元（第三档）``, ``over 500 yuan (3rd tier)``
    (超过, not the source's 以上: a tier starts above its lower bound, which the tier below holds).

    A tier covers amounts above ``lower`` up to and including ``upper``.

    >>> tier_words(1, None, Decimal(100), "zh"), tier_words(3, Decimal(500), None, "zh")
    ('不超过100元（第一档）', '超过500元（第三档）')
    >>> tier_words(2, Decimal(100), Decimal(500), "en")
    'over 100 up to 500 yuan (2nd tier)'
    """
    if lang == "zh":
        if lower is None:
            span = f"不超过{yuan(upper or 0, 'zh')}"
        elif upper is None:
            span = f"超过{yuan(lower, 'zh')}"
        else:
            span = f"超过{yuan(lower, 'zh')}、不超过{yuan(upper, 'zh')}"
        return f"{span}（第{chinese_number(number)}档）"
    if lower is None:
        span = f"up to {yuan(upper or 0, 'en')}"
    elif upper is None:
        span = f"over {yuan(lower, 'en')}"
    else:
        span = f"over {yuan(lower, 'en').removesuffix(' yuan')} up to {yuan(upper, 'en')}"
    return f"{span} ({ordinal(number)} tier)"


def person_words(name: str, ident: str, lang: str) -> str:
    """A person by name with the id in brackets: ``沈建国（rep-07b）`` / ``沈建国 (rep-07b)``.

    >>> person_words("沈建国", "rep-07b", "zh"), person_words("", "rep-07b", "en")
    ('沈建国（rep-07b）', 'unnamed person (rep-07b)')
    """
    if not ident:
        return name or ("未记录姓名" if lang == "zh" else "unnamed person")
    if not name or name == ident:
        name = "未记录姓名者" if lang == "zh" else "unnamed person"
    return f"{name}（{ident}）" if lang == "zh" else f"{name} ({ident})"


def split_placeholder(name: str) -> tuple[str, tuple[str, str] | None]:
    """A template's placeholder: the value's name, and for a count written with its noun
    (``{days|day|days}``) the noun's two forms, one and more than one.

    >>> split_placeholder("days|day|days"), split_placeholder("days")
    (('days', ('day', 'days')), ('days', None))
    >>> split_placeholder("days|day")
    Traceback (most recent call last):
    ...
    ValueError: {days|day}: a count with its noun is {count|one|more}, e.g. {days|day|days}
    """
    if "|" not in name:
        return name, None
    parts = name.split("|")
    if len(parts) != 3 or not all(parts):
        raise ValueError(f"{{{name}}}: a count with its noun is {{count|one|more}}, "
                         "e.g. {days|day|days}")
    return parts[0], (parts[1], parts[2])


def count_with_noun(count: str, forms: tuple[str, str], lang: str) -> str:
    """A count as a text gives it, with the form of its noun that agrees: ``1 day``,
    ``3 days``, ``1,000 days``; in Chinese the noun follows the count (``3天``). A form of
    one with its article says the count itself (``{days|a day|days}``: ``a day``, ``5 days``).

    >>> count_with_noun("1", ("day", "days"), "en"), count_with_noun("12", ("day", "days"), "en")
    ('1 day', '12 days')
    >>> count_with_noun("1", ("a day", "days"), "en"), count_with_noun("5", ("a day", "days"), "en")
    ('a day', '5 days')
    >>> count_with_noun("3", ("天", "天"), "zh")
    '3天'
    """
    if lang == "zh":
        return f"{count}{forms[1]}"
    if count == "1" and forms[0].startswith(("a ", "an ")):
        return forms[0]
    return f"{count} {forms[0] if count == '1' else forms[1]}"


def fill_counts(template: str, counts: Mapping[str, object], lang: str) -> str:
    """``template`` with ``counts`` put in, each ``{name|one|more}`` with its noun agreeing.

    >>> fill_counts("{n|finding|findings}, {m} info", {"n": 1, "m": 2}, "en")
    '1 finding, 2 info'
    """
    return template.format_map(_Counts(counts, lang))


class _Counts(dict[str, str]):
    def __init__(self, counts: Mapping[str, object], lang: str) -> None:
        super().__init__((name, str(n)) for name, n in counts.items())
        self._lang = lang

    def __missing__(self, key: str) -> str:
        count, forms = split_placeholder(key)
        if forms is None:
            raise KeyError(key)
        return count_with_noun(self[count], forms, self._lang)


def counted(n: int, noun: str, lang: str, zh_unit: str = "") -> str:
    """A count with its noun: ``1 day``, ``3 days``; in Chinese ``3天``.

    >>> counted(1, "day", "en"), counted(3, "day", "en"), counted(3, "day", "zh", "天")
    ('1 day', '3 days', '3天')
    """
    if lang == "zh":
        return f"{n}{zh_unit}"
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_PERSON = re.compile(r"([A-Za-z](?<![A-Za-z0-9_-][A-Za-z])"
                     r"(?:[A-Za-z0-9]*+(?:[-_][A-Za-z0-9]++)++|[A-Za-z]*+\d[A-Za-z0-9]*+)) "
                     r"\(([^()（）\s]*[\u4e00-\u9fff][^()（）\s]*)\)")
"""An id (with a hyphen, an underscore or a digit, so that no English word is taken for one,
and not inside a longer word) followed by a name in brackets. The pattern begins with the id's
first letter, and gives back nothing it took (no shorter part of an id can be followed by
`` (``): an English text's words are passed over at once, not tried letter by letter."""


def names_first(text: str, lang: str, people: Mapping[str, str] | None = None) -> str:
    """People written ``id (name)`` by the facts, as a reader wants them: name first, the id
    in brackets (``he-ping (何平)`` → ``何平（he-ping）`` / ``何平 (he-ping)``).

    An id is known for one by its shape (a hyphen, an underscore or a digit, so that no English
    word is taken for one) or, given the dossier's ``people`` (id → the roster's name), by
    naming a person of the roster with that person's name: an id that is a plain word
    (``zhangwei``, as pinyin ids often are) is a person only where the roster says so.

    People listed one after another are separated as each language does (``、`` in Chinese).

    >>> names_first("held by xu-gang (徐刚)", "zh"), names_first("xu-gang (徐刚), d1 (李)", "en")
    ('held by 徐刚（xu-gang）', '徐刚 (xu-gang), 李 (d1)')
    >>> names_first("xu-gang (徐刚), d1 (李)", "zh")
    '徐刚（xu-gang）、李（d1）'
    >>> names_first("an informal slip (白条)", "en")
    'an informal slip (白条)'
    >>> names_first("held by zhangwei (张伟), not slip (白条)", "zh", {"zhangwei": "张伟"})
    'held by 张伟（zhangwei）, not slip (白条)'
    """
    text = _roster_people_first(text, lang, people)
    if lang == "zh":
        named = _PERSON.sub(lambda m: f"{m.group(2)}（{m.group(1)}）", text)
        return _NEXT_PERSON.sub("）、", named) if "）, " in named else named
    return _PERSON.sub(lambda m: f"{m.group(2)} ({m.group(1)})", text)


_NAMED = re.compile(r" \(([^()（）]+)\)")
"""A name in brackets: a person where the id just before it is the roster's for that name."""

_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
"""The characters of an id: an id is the whole run of them before `` (`` (``a.b-c (name)``),
and begins with a letter or a digit."""


def _roster_people_first(text: str, lang: str, people: Mapping[str, str] | None) -> str:
    """``text`` with the roster's ``people`` named name first, whatever their ids' shape.

    >>> _roster_people_first("zhangwei (张伟) asked wang (王), .x (李)", "en",
    ...                      {"zhangwei": "张伟", "wang": "汪", ".x": "李"})
    '张伟 (zhangwei) asked wang (王), .x (李)'
    """
    if not people or " (" not in text:
        return text
    out, done = [], 0
    named = (_people_named(text) if len(text) <= _REMEMBERED_TEXT
             else _people_named.__wrapped__(text))
    for start, end, ident, name in named:
        if people.get(ident) == name:
            out.append(text[done:start])
            out.append(f"{name}（{ident}）" if lang == "zh" else f"{name} ({ident})")
            done = end
    return "".join(out) + text[done:] if out else text


_REMEMBERED_TEXT = 200
"""The longest text whose people :func:`_people_named` remembers (a long list of absent members
is said once)."""


@lru_cache(maxsize=8192)
def _people_named(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Where ``text`` may name someone ``id (name)``: each one's start and end, id and name.
    Remembered by text, whatever the roster (a finding's texts are put in words twice: its
    names, then its message).

    Found from each name in brackets back to its id: a text has few of them, where a pattern
    that begins with the id tried every character of the text as its start.

    >>> _people_named("zhangwei (张伟) asked 汪 (wang), .x (李)")
    ((0, 13, 'zhangwei', '张伟'),)
    """
    out, after = [], 0  # after: the end of the last name (a ``)`` ends any id)
    for named in _NAMED.finditer(text):
        before = text[after:named.start()]
        start = after + len(before.rstrip(_ID_CHARS))
        ident, name, after = text[start:named.start()], named.group(1), named.end()
        if ident[:1].isalnum():
            out.append((start, after, ident, name))
    return tuple(out)


_NEXT_PERSON = re.compile(r"）, (?=[^\s,，;；、（）()]+（)")
"""Between two people of a Chinese list: the facts' ``, `` (one person named, then the next)."""


def in_words(text: str, lang: str, people: Mapping[str, str] | None = None) -> str:
    """A fact's text for a reader in ``lang``: ISO days in words, people by name first (with
    the dossier's ``people``, see :func:`names_first`), and a long list of people cut to its
    first :data:`LISTED_PEOPLE` with the count of all."""
    if "-" not in text and " (" not in text:  # neither an ISO day nor a person's `id (name)`
        return text
    if people and " (" in text:
        text = _roster_people_first(text, lang, people)  # before the rest, remembered by text
    if len(text) > 200:
        return people_counted(names_first(days_in_words(text, lang), lang), lang)
    return _short_in_words(text, lang)


@lru_cache(maxsize=8192)
def _short_in_words(text: str, lang: str) -> str:
    """:func:`in_words` of a short text, remembered: findings repeat their days and names."""
    return people_counted(names_first(days_in_words(text, lang), lang), lang)


LISTED_PEOPLE = 20
"""How many people a finding's text names in one list before it counts the rest, as an
inspector writes 甲、乙……等45人: a meeting of a 4,000-seat roster named every absent member, a
65,000-character message. The JSON report's ``evidence.details`` keep every name."""

_ZH_PERSON = r"[^\s、，,;；:：（）()]+（[^（）\s]+）"
_EN_PERSON = r"[^\s,，;；:：（）()]+ \([^()\s]+\)"
_LONG_LIST = {
    "zh": (re.compile(rf"{_ZH_PERSON}(?:、{_ZH_PERSON}){{{LISTED_PEOPLE},}}"), "、"),
    "en": (re.compile(rf"{_EN_PERSON}(?:, {_EN_PERSON}){{{LISTED_PEOPLE},}}"), ", "),
}


def people_counted(text: str, lang: str) -> str:
    """``text`` with every list of more than :data:`LISTED_PEOPLE` people (as
    :func:`names_first` writes them) cut to its first ones and the count of all.

    >>> absent = "、".join(f"成员{i}（p{i}）" for i in range(1, 26))
    >>> people_counted(f"缺席：{absent}。", "zh").endswith("、成员20（p20）等25人。")
    True
    >>> people_counted(", ".join(f"成员{i} (p{i})" for i in range(1, 22)), "en").endswith(
    ...     ", 成员20 (p20) and 1 more (21 in all)")
    True
    """
    pattern, separator = _LONG_LIST[lang]
    if text.count(separator) < LISTED_PEOPLE:
        return text

    def counted(match: re.Match[str]) -> str:
        people = match.group(0).split(separator)
        named = separator.join(people[:LISTED_PEOPLE])
        if lang == "zh":
            return f"{named}等{len(people)}人"
        rest = len(people) - LISTED_PEOPLE
        return f"{named} and {rest:,} more ({len(people):,} in all)"

    return pattern.sub(counted, text)
