"""Input errors in Chinese, made from the error contract (``type``, ``loc``, ``input``, ``ctx``)
as pydantic's messages are made from theirs: the English ``msg`` is the error's own text; a
reader of the Chinese report gets the same problem in Chinese.

Where the check that found a problem says it in Chinese itself (``ctx["zh"]``, as the record
models' validators do), that text is used; otherwise the error's type gives it, with the values
the context and the input hold.

>>> chinese_message("missing", None, {})
'缺少必填项'
>>> chinese_message("enum", "'nope'", {"expected": "'regular' or 'ad_hoc'"})
'取值「nope」不可用，须为以下之一：「regular」、「ad_hoc」'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

NOTHING = "nothing"
"""How a message shows a value left empty (``amount:`` in YAML, ``null`` in JSON): a quoted text
``'nothing'`` is told apart by its quotes."""
NOTHING_ZH = "空值（未填写）"
""":data:`NOTHING` in a Chinese message."""

_BY_TYPE: dict[str, str] = {
    # pydantic's own types (https://docs.pydantic.dev/latest/errors/validation_errors/)
    "missing": "缺少必填项",
    "extra_forbidden": "不是这类记录的字段（字段名有误，或写在了别的记录下）",
    "string_type": "应为文本，实为{input}",
    "int_type": "应为整数，实为{input}",
    "int_parsing": "应为整数，实为{input}",
    "int_from_float": "应为整数，实为{input}",
    "float_type": "应为数字，实为{input}",
    "float_parsing": "应为数字，实为{input}",
    "decimal_type": "应为数字，实为{input}",
    "decimal_parsing": "应为数字，实为{input}",
    "decimal_max_places": "小数点后至多{decimal_places}位，实为{input}",
    "decimal_max_digits": "至多{max_digits}位数字，实为{input}",
    "decimal_whole_digits": "小数点前至多{whole_digits}位，实为{input}",
    "fraction_parsing": "应为分数（如「4/5」），实为{input}",
    "fraction_type": "应为分数（如「4/5」），实为{input}",
    "bool_type": "应为「true」或「false」，实为{input}",
    "bool_parsing": "应为「true」或「false」，实为{input}",
    "list_type": "应为列表，实为{input}",
    "tuple_type": "应为列表，实为{input}",
    "set_type": "应为列表，实为{input}",
    "dict_type": "应为键值对，实为{input}",
    "model_type": "应为键值对，实为{input}",
    "model_attributes_type": "应为键值对，实为{input}",
    "date_type": "应为日期（写作 YYYY-MM-DD），实为{input}",
    "date_parsing": "应为日期（写作 YYYY-MM-DD），实为{input}",
    "date_from_datetime_parsing": "应为日期（写作 YYYY-MM-DD），实为{input}",
    "date_from_datetime_inexact": "应为日期，不带时间，实为{input}",
    "enum": "取值{input}不可用，须为以下之一：{expected}",
    "literal_error": "取值{input}不可用，须为以下之一：{expected}",
    "greater_than": "须大于{gt}，实为{input}",
    "greater_than_equal": "不得小于{ge}，实为{input}",
    "less_than": "须小于{lt}，实为{input}",
    "less_than_equal": "不得大于{le}，实为{input}",
    "too_short": "至少须有{min_length}项",
    "too_long": "至多{max_length}项，实有{actual_length}项",
    "string_too_short": "至少须有{min_length}个字符",
    "string_too_long": "至多{max_length}个字符",
    "string_pattern_mismatch": "格式不符：编号只用字母、数字、点、连字符和下划线，实为{input}",
    "day_pattern_mismatch": "日期须写作 YYYY-MM-DD，实为{input}",
    "value_error": "取值{input}不符合要求",
    "union_tag_invalid": "类型{input}不可用，须为以下之一：{expected_tags}",
    "union_tag_not_found": "缺少区分类型的字段{discriminator}",
    # reading a file (records/_parse.py)
    "unreadable": "无法读取",
    "not_utf8": "文件不是 UTF-8 编码的文本，未读取",
    "string_unicode": "文本中有无效的字符（如不成对的代理字符），未读取",
    # a waivers file (waivers/model.py)
    "waiver_everything_unstated": "这条豁免使全部规则对全部记录不计入：如确有此意，请在该豁免中写明"
                                  "「scope: everything」，否则请缩小「rule」或「record」的范围",
    "waiver_scope_mismatch": "「scope: everything」只用于「rule」和「record」都匹配全部编号的豁免",
    "not_a_file": "不是文件",
    "file_too_large": "文件过大，未读取",
    "empty_file": "文件为空",
    "yaml_syntax": "YAML 格式错误，文件未读取",
    "json_syntax": "JSON 格式错误，文件未读取",
    "yaml_tag": "使用了不支持的 YAML 标签，文件未读取",
    "yaml_alias": "使用了 YAML 别名（&、*），记录中不支持，文件未读取",
    "yaml_merge": "使用了 YAML 合并键（<<），记录中不支持，文件未读取",
    "duplicate_key": "同一个键写了两次，文件未读取",
    "bad_key": "键须为文本，文件未读取",
    "bad_scalar": "无法识别的值，文件未读取",
    "bad_number": "无法识别的数字，文件未读取",
    "too_deep": "嵌套层数过多，文件未读取",
    "too_many_nodes": "内容过多，超过单个文件的上限，文件未读取",
    # a folder and its files (records/loader.py)
    "path_not_found": "路径不存在",
    "no_records": "此文件夹中没有记录文件",
    "broken_link": "符号链接指向的文件不存在",
    "symlink_outside": "符号链接指向所检查的文件夹之外，未读取",
    "pseudo_file_system": "该文件夹位于内核的虚拟文件系统中（内容为系统运行状态，不是记录），未检查",
    "not_a_mapping": "文件内容须为“记录类型: 内容”的键值对",
    "unknown_key": "不是可识别的记录类型",
    "second_community": "一个卷宗只能有一条社区（community）记录",
    "duplicate_id": "编号{input}已被本卷宗另一条同类记录使用",
    "more_input_errors": "此文件另有输入错误未列出，请先改正已列出的再检查",
    # the records of one dossier (records/_resolve*.py)
    "missing_community": "本卷宗没有社区（community）记录，无法确定所属辖区及适用的规则",
    "unknown_id": "所指的{input}在本卷宗中不存在（或已因其他输入错误未予检查）",
    "wrong_body_kind": "所指的机构{input}不是这类记录所属的那类机构",
    "not_seated": "{input}当日未在该机构任职",
    "left_out_with": "{input}因输入错误未予检查，引用它的记录随之未予检查",
    "names_left_out": "所指的{input}因输入错误未予检查，此处对它的引用不计",
    "window_too_long": "检查期间过长，请用「--from」和「--to」指定期间",
    "unknown_document": "引用了规则集中不存在的文件",
}
"""Each error type's Chinese text; ``{input}`` is the value as written, the other names the
error's ``ctx``."""

_BY_TYPE_EN: dict[str, str] = {
    "missing": "a required field is missing",
    "extra_forbidden": "not a field of this record (a misspelt name, or one that belongs under "
                       "another record)",
    "string_type": "expected text, got {input}",
    "string_unicode": "the text holds a character that is no character (an unpaired surrogate "
                      "such as \\ud800); not read",
    "fraction_parsing": "expected a fraction such as 4/5, got {input}",
    "int_type": "expected a whole number, got {input}",
    "int_parsing": "expected a whole number, got {input}",
    "int_from_float": "expected a whole number, got {input}",
    "float_type": "expected a number, got {input}",
    "float_parsing": "expected a number, got {input}",
    "decimal_type": "expected a number, got {input}",
    "decimal_parsing": "expected a number, got {input}",
    "decimal_max_places": "at most {decimal_places} decimal places, got {input}",
    "decimal_max_digits": "at most {max_digits} digits, got {input}",
    "decimal_whole_digits": "at most {whole_digits} digits before the point, got {input}",
    "bool_type": "expected true or false, got {input}",
    "bool_parsing": "expected true or false, got {input}",
    "list_type": "expected a list, got {input}",
    "tuple_type": "expected a list, got {input}",
    "set_type": "expected a list, got {input}",
    "dict_type": "expected a mapping of fields, got {input}",
    "model_type": "expected a mapping of fields, got {input}",
    "model_attributes_type": "expected a mapping of fields, got {input}",
    "enum": "{input} is not one of the allowed values: {expected}",
    "literal_error": "{input} is not one of the allowed values: {expected}",
    "greater_than": "must be greater than {gt}, got {input}",
    "greater_than_equal": "must be at least {ge}, got {input}",
    "less_than": "must be less than {lt}, got {input}",
    "less_than_equal": "must be at most {le}, got {input}",
    "too_short": "needs at least {min_length} items",
    "too_long": "at most {max_length} items, got {actual_length}",
    "string_too_short": "needs at least {min_length} characters",
    "string_too_long": "at most {max_length} characters",
    "string_pattern_mismatch": "an id takes letters, digits, '.', '-' and '_' only; got {input}",
    "day_pattern_mismatch": "expected a day written YYYY-MM-DD, got {input}",
}
"""The English of pydantic's own error types, as an inspector writes it (pydantic's ``Input
should be …`` speaks to a programmer); ``{input}`` is the value as written."""


_LEFT_EMPTY = {"enum": "未填写，须为以下之一：{expected}",
               "literal_error": "未填写，须为以下之一：{expected}",
               "value_error": "未填写"}
_LEFT_EMPTY_EN = {"enum": "nothing given; one of the allowed values: {expected}",
                  "literal_error": "nothing given; one of the allowed values: {expected}",
                  "value_error": "nothing given"}
"""The messages of a choice left empty (``kind:`` with nothing after it): not "the value
nothing is not one of …"."""


def english_message(type_: str, shown_input: str | None, ctx: Mapping[str, Any],
                    given: str) -> str:
    """An input error's message in English: for pydantic's own types, the wording above with
    the value given; else ``given`` (the check's own words).

    >>> english_message("int_parsing", "'很多'", {}, "Input should be a valid integer")
    "expected a whole number, got '很多'"
    >>> english_message("enum", "'chairman'", {"expected": "'chair' or 'member'"}, "")
    "'chairman' is not one of the allowed values: 'chair' or 'member'"
    """
    template = _BY_TYPE_EN.get(_day_pattern(type_, ctx))
    if template is None:
        return given
    if shown_input == NOTHING:
        template = _LEFT_EMPTY_EN.get(type_, template)
    values = {name: str(value) for name, value in ctx.items()}
    values["input"] = shown_input or "nothing"
    return template.format_map(_Blank(values))


def _day_pattern(type_: str, ctx: Mapping[str, Any]) -> str:
    """``day_pattern_mismatch`` for a pattern a day is written to (a query's ``as_of``, ``to``:
    YYYY-MM-DD), not an id's; the type as it is otherwise."""
    if type_ == "string_pattern_mismatch" and r"\d{4}-" in str(ctx.get("pattern", "")):
        return "day_pattern_mismatch"
    return type_


_UNKNOWN = "输入有误，此记录未予检查"
"""An error of a type not listed above (none is made today: a test checks every type)."""


def chinese_message(type_: str, shown_input: str | None, ctx: Mapping[str, Any]) -> str:
    """An input error's message in Chinese, from its ``type``, ``input`` and ``ctx`` (see the
    module's description)."""
    given = ctx.get("zh")
    if isinstance(given, str) and given:
        return given
    template = _BY_TYPE.get(_day_pattern(type_, ctx))
    if template is None:
        return _UNKNOWN
    if shown_input == NOTHING:
        template = _LEFT_EMPTY.get(type_, template)
    values = {name: _listed(str(value)) for name, value in ctx.items()}
    values["input"] = quoted_input(shown_input)
    return template.format_map(_Blank(values))


def quoted_input(shown: str | None) -> str:
    r"""A value as an error shows it (``'2022-13-01'``, Python's way) in Chinese quotes, its
    own quotes no longer escaped: 「\'」 told a reader of the Chinese nothing.

    >>> quoted_input("'2022-13-01'"), quoted_input("12"), quoted_input(None)
    ('「2022-13-01」', '「12」', '')
    >>> quoted_input("nothing")  # a field left empty
    '空值（未填写）'
    >>> print(quoted_input(repr("\"it's\"\n")))
    「"it's"\n」
    """
    if not shown:
        return ""
    if shown == NOTHING:
        return NOTHING_ZH
    if len(shown) >= 2 and shown[0] == shown[-1] and shown[0] in "'\"":
        quote = shown[0]  # escaped wherever the text holds it, and bare nowhere else
        shown = shown[1:-1].replace("\\" + quote, quote)
    return f"「{shown}」"


_CHOICES = re.compile(r"'([^']*)'(?:, | or )?")


def _listed(expected: str) -> str:
    """Pydantic's ``'a', 'b' or 'c'`` as a Chinese list: ``「a」、「b」、「c」``; other values as
    given."""
    choices = _CHOICES.findall(expected)
    if choices and _CHOICES.sub("", expected).strip() == "":
        return "、".join(f"「{choice}」" for choice in choices)
    return expected


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""
