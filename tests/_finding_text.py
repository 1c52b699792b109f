"""What a finding's text must not contain, in Chinese and in English (tests/test_finding_text.py).

A reader of the Chinese report is a community or street-office worker: no English words, enum
values or record ids outside brackets and quotes; a reader of either language never sees a
placeholder (``{…}``, ``None``, ``nan``, ``∞``, a lone ``-`` or ``?``) or a wrong ordinal; a
reader of the English one no enum value or parameter id where words belong, and no noun that
leaves its number open (``day(s)``) or disagrees with its count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from governance_rules._words import ordinal
from governance_rules.report.model import Finding

_OPEN = {"（": "）", "(": ")", "「": "」", "『": "』", "“": "”", "\"": "\"", "《": "》", "【": "】"}
_QUOTES = {"「", "『", "“", "\"", "《"}
_LATIN = re.compile(r"[A-Za-z]")
_PROSE = re.compile(r"[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|\bNone\b|\bnull\b|\bnan\b|\bNaN\b|∞|\?|？{2,}")
_LONE_DASH = re.compile(r"(?:^|[\s：:，,；;（(])-(?=$|[\s；;，,）)。])")
_ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th)\b")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def split_zh(text: str) -> tuple[str, list[str], list[str]]:
    """``text`` outside brackets and quotes, the bracketed parts, the quoted parts (outermost)."""
    outside, brackets, quotes = [], [], []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if stack and ch == _OPEN[stack[-1]] and not (ch == "\"" and len(stack) > 1
                                                    and stack[-1] != "\""):
            opener = stack.pop()
            if not stack:
                (quotes if opener in _QUOTES else brackets).append(text[start:i])
                start = i + 1
        elif ch in _OPEN and (ch != "\"" or not stack or stack[-1] != "\""):
            if not stack:
                outside.append(text[start:i])
                start = i + 1
            stack.append(ch)
    outside.append(text[start:])
    return "".join(outside), brackets, quotes


_BARE_YEAR = re.compile(r"(?<![\d.:/-])(?:19|20)\d\d(?=[\u4e00-\u9fff])"
                        r"(?![年人名户元次项个天日条份票组件])")
"""A year in Chinese text with no 年 (``李庄村 2022被验收``); not a count with its measure
word (``2000人``)."""


_WORD_GAP = re.compile(r"[\u4e00-\u9fff）」] [\u4e00-\u9fff（「]")
"""A space between Chinese words or names (``主持人 书记（s） 当日``): Chinese sets none."""

_NUMBER_GAP = re.compile(r"[\u4e00-\u9fff，：；（] \d[\d./]*%?(?![\w-])"
                         r"|(?<![\w.-])\d[\d./]*%? [\u4e00-\u9fff，。；）]")
"""A space beside a number in Chinese (``只有 6/8 名``, ``还差 1 人``): the reports' own words set
none (``还差1人``, ``逾期3天``, ``2022年3月5日``), and one text mixing both reads as careless. A
space beside a Latin id or a path stays."""


def zh_problems(text: str) -> Iterator[str]:
    outside, brackets, _ = split_zh(text)
    if _LATIN.search(outside):
        yield f"English or a code outside brackets and quotes: {outside!r}"
    for match in _WORD_GAP.finditer(text):
        yield f"a space between Chinese words: {text[max(0, match.start() - 8):match.end() + 8]!r}"
    for match in _NUMBER_GAP.finditer(text):
        yield f"a space beside a number: {text[max(0, match.start() - 8):match.end() + 8]!r}"
    if re.search(r"\d年 ?年(?!度)", text):
        yield f"a year said twice (年年): {text!r}"
    for match in _BARE_YEAR.finditer(outside):
        yield f"a year without 年: {outside[max(0, match.start() - 8):match.end() + 4]!r}"
    for part in brackets:
        inner, _, _ = split_zh(part)
        if _PROSE.search(inner):
            yield f"English words in brackets: {part!r}"
        if split_zh(_NAME_PART.sub("", part))[1]:
            yield f"brackets inside brackets: {part!r}"


_NAME_PART = re.compile(r"(?<=[\u4e00-\u9fff])（[\u4e00-\u9fff、]{1,3}）(?=[\u4e00-\u9fff])")
"""A bracket inside a name, as the sources write it (社区党（总）支, 乡（镇）人民政府): not a
bracket inside a bracket, which a reader is left to untangle (``（书记为马军（ma-jun））``)."""


def common_problems(text: str) -> Iterator[str]:
    for match in _PLACEHOLDER.finditer(text):
        yield f"placeholder {match.group(0)!r}"
    if _LONE_DASH.search(text):
        yield "a lone '-' for a missing value"


def en_problems(text: str) -> Iterator[str]:
    for match in _ORDINAL.finditer(text):
        if ordinal(int(match.group(1))) != match.group(0):
            yield f"wrong ordinal {match.group(0)!r}"
    outside, brackets, _ = split_zh(text)
    for match in _CODE.finditer(" ".join([outside, *brackets])):
        yield f"a code, not words: {match.group(0)!r}"
    for match in _EITHER_NUMBER.finditer(text):
        yield f"a noun that leaves its number open: {match.group(0)!r}"
    for match in _DISAGREES.finditer(text):
        yield f"a count and its noun disagree: {match.group(0)!r}"
    for match in _OPERATOR.finditer(text):
        yield f"an operator or a catalogue id, not words: {match.group(0)!r}"
    for match in _COUNT_TWICE.finditer(text):
        yield f"says a count twice: {match.group(0)!r}"


_COUNT_TWICE = re.compile(r"\b(\d+ (?:days?|person-days?)) \(\1\b")
"""``on 14 days (14 days from 1 April 2022; …)``: the bracket's own count repeating the text's."""


_CODE = re.compile(r"(?<![\w.-])[a-z]+(?:_[a-z0-9]+)+\b|(?<![\w.-])[a-z]+\.[a-z]+_[a-z_]+\b")
"""An enum value (``legal_publicity``) or a parameter's id (``tpc.notice_days``) in English
text outside quotes (record ids, in brackets, are written with hyphens): a reader wants words
(``legal publicity materials``, ``15 days``)."""


_OPERATOR = re.compile(r">=|<=|!=|\s=\s|\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b")
"""``satisfaction >= 95%``, ``director = party secretary``, ``valid (PO-QUORUM)``: what a
rule file says in its own language; a reader wants words (``at least 95%``)."""

_EITHER_NUMBER = re.compile(r"\w\((?:s|es)\)")
"""``day(s)``: a count knows its number (``1 day``, ``3 days``)."""
_DISAGREES = re.compile(r"(?<![\d.,/])1 (?:more )?(?:[a-z-]+ )?(?:days|findings|records|steps|"
                        r"meetings|members|posts|votes|representatives|activities|villages|"
                        r"characters|expenses|deputies|reports|plans|contacts|sessions|"
                        r"lectures|assemblies|screenings|disclosures|reviews)\b"
                        r"|(?<![\d.,])(?:[02-9]|\d{2,}) (?:day|step|meeting|post)\b(?![-\w])")
"""``1 days``, ``1 more votes``, ``1 community activities``, ``3 day``."""


def finding_problems(finding: Finding) -> list[str]:
    """Every way ``finding`` reads unlike an inspector's note, each with the offending text."""
    out: list[str] = []
    ev = finding.evidence
    texts = {"message": finding.message, "measured": ev.measured, "required": ev.required}
    if ev.shortfall is not None:
        texts["shortfall"] = ev.shortfall
    if ev.denominator_basis is not None:
        texts["denominator_basis"] = ev.denominator_basis
    for name, text in texts.items():
        if not text.zh.strip() or not text.en.strip():
            out.append(f"{name}: empty in a language")
            continue
        if name != "message" and not _CJK.search(text.zh):
            out.append(f"{name}: not in Chinese: {text.zh!r}")
        out += [f"{name}.zh: {p}" for p in zh_problems(text.zh)]
        for lang in ("zh", "en"):
            out += [f"{name}.{lang}: {p}" for p in common_problems(text.get(lang))]
        out += [f"{name}.en: {p}" for p in en_problems(text.en)]
    if finding.body is not None:
        if finding.body.name == finding.body.id and _LATIN.search(finding.body.name):
            out.append(f"body {finding.body.id!r} has no name")
        for lang in ("zh", "en"):
            if finding.body.name not in finding.message.get(lang):
                out.append(f"message.{lang} does not name the body {finding.body.name!r}")
    return out
