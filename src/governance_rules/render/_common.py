"""Small pieces that several output formats share."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from .._words import day_name
from ..errors import InputError
from ..report.model import Evidence, Finding, Report, Severity, Source, Suppression

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
"""SARIF levels (``note`` for info); GitHub uses the same words with ``notice``."""

_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 does not allow, and C1 controls and line separators: written as what is left
out rather than as what is kept (the same characters; a class of the kept ranges took 3.4 ms
to compile at every start)."""


def fingerprint(finding: Finding) -> str:
    """A hash of what the finding is about, not where: moving unrelated lines keeps it.

    Rule, file, record type and id, and the English message (which names the member or
    motion) identify a finding; its line does not.
    """
    key = "\x1f".join((finding.rule_id, finding.record.file, finding.record.type,
                       finding.record.id, finding.message.en))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def input_fingerprint(error: InputError) -> str:
    """A hash of what an input error is about (file, kind, field, message), not its line."""
    key = "\x1f".join((error.file, error.type, error.field, error.msg))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def xml_safe(text: str) -> str:
    """Replace characters XML 1.0 cannot carry (control characters, lone surrogates), and those
    a log would act on (C1 controls, line separators), with U+FFFD.

    >>> xml_safe("a\\x01b")
    'a�b'
    """
    return _NOT_XML.sub("\ufffd", text)


def quoted(source: Source, lang: str = "zh") -> str:
    """The clause's words in 「」, followed by their simplified form where the document is
    written in traditional characters.

    >>> quoted(Source(document="SQ-SIFANG", lines=[390], quote="建立十檔六簿",
    ...               quote_simplified="建立十档六簿"), "zh")
    '「建立十檔六簿」（简体：「建立十档六簿」）'
    """
    text = f"「{source.quote}」"
    if source.quote_simplified:
        text += (f"（简体：「{source.quote_simplified}」）" if lang == "zh"
                 else f" (simplified: 「{source.quote_simplified}」)")
    return text


def citation_text(finding: Finding, lang: str = "zh") -> str:
    """``DOC:LINES 《title》 「quote」`` (in English the title in brackets), or ``""``."""
    src = finding.source
    if src is None:
        return ""
    title = ""
    if src.title is not None:
        title = f" 《{src.title.zh}》" if lang == "zh" else f" ({src.title.en})"
    return f"{src.document}:{','.join(str(n) for n in src.lines)}{title} {quoted(src, lang)}"


def waiver_note(waiver: Suppression, lang: str) -> str:
    """Why a finding is waived, as every report format says it: the reason, who approved it,
    until when (in words) and the waiver's place.

    >>> waiver = Suppression(reason="财务另案处理", approved_by="街道财政所", expires="2027-12-31",
    ...                      file="w.yaml", line=17)
    >>> waiver_note(waiver, "zh")
    '已豁免：财务另案处理（批准人：街道财政所；有效期至2027年12月31日；豁免依据 w.yaml:17）'
    >>> waiver_note(waiver, "en")
    'waived: 财务另案处理 (approved by 街道财政所 until 31 December 2027; w.yaml:17)'
    """
    place = waiver.file + (f":{waiver.line}" if waiver.line else "")
    try:
        until = day_name(date.fromisoformat(waiver.expires), lang)
    except ValueError:  # a hand-made suppression's own words
        until = waiver.expires
    if lang == "zh":
        return (f"已豁免：{waiver.reason}（批准人：{waiver.approved_by}；有效期至{until}；"
                f"豁免依据 {place}）")
    return f"waived: {waiver.reason} (approved by {waiver.approved_by} until {until}; {place})"


def one_line(text: str) -> str:
    """Record text on one line: every line break becomes `` ⏎ `` and other control characters
    U+FFFD, so that nothing a record says can start a line of the output (a GitHub Actions
    workflow command such as ``::warning`` is read from the start of any line a step prints).

    >>> one_line("title\\n::warning file=x::pwned\\x1b[2J")
    'title ⏎ ::warning file=x::pwned�[2J'
    """
    return _CONTROLS.sub("\ufffd", _BREAKS.sub(" ⏎ ", text))


def indented_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for plain JSON values (dicts, lists,
    text, whole numbers), written by pydantic's serializer in Rust: the standard library's
    encoder indents in Python (55 of the 67 µs a SARIF result took; 16 now).

    >>> indented_json({"a": [1, "é"], "b": {}})
    '{\\n  "a": [\\n    1,\\n    "é"\\n  ],\\n  "b": {}\\n}'
    """
    try:
        return to_json(value, indent=2).decode()
    except PydanticSerializationError:  # text no UTF-8 can hold (a lone surrogate)
        return json.dumps(value, ensure_ascii=False, indent=2)


def json_inert(text: str) -> str:
    """JSON text with the C1 controls and line separators that ``ensure_ascii=False`` leaves raw
    written as ``\\u`` escapes: the same JSON value, nothing a terminal or a log acts on."""
    data = text.encode("utf-8", "surrogatepass")
    if b"\x7f" not in data and b"\xc2" not in data and b"\xe2\x80\xa8" not in data \
            and b"\xe2\x80\xa9" not in data:  # none of them (searching bytes is quick)
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def evidence_text(evidence: Evidence, lang: str) -> str:
    """The evidence as one sentence in ``lang``: what the record shows, what the rule asks,
    the shortfall and the denominator's basis.

    >>> from governance_rules.report.model import Text
    >>> evidence_text(Evidence(measured=Text(zh="8人中6人同意", en="6 of 8 consented"),
    ...     required=Text(zh="须达80%以上", en="at least 80%"),
    ...     shortfall=Text(zh="还差1人", en="1 short")), "zh")
    '实际：8人中6人同意；要求：须达80%以上；差距：还差1人'
    """
    zh = lang == "zh"
    parts = [("实际：" if zh else "measured: ") + evidence.measured.get(lang),
             ("要求：" if zh else "required: ") + evidence.required.get(lang)]
    if evidence.shortfall is not None:
        parts.append(("差距：" if zh else "shortfall: ") + evidence.shortfall.get(lang))
    basis = evidence.denominator_basis.get(lang) if evidence.denominator_basis else ""
    if basis and evidence.denominator is not None and basis not in evidence.measured.get(lang):
        parts.append(f"分母：{basis}{evidence.denominator}人" if zh
                     else f"denominator: {evidence.denominator} {basis}")
    return ("；" if zh else "; ").join(parts)


def document_titles(report: Report) -> dict[str, str]:
    """Document id → title, from what the report knows (the scopes of its communities).

    >>> from governance_rules import check_data
    >>> document_titles(check_data({"community.yaml": {"community": {
    ...     "id": "demo", "name": "示范社区", "jurisdiction": ["cn"]}}}))["HLS-356"][:10]
    '黑龙江省哈尔滨市香坊'
    """
    titles: dict[str, str] = {}
    for scope in report.scopes:
        for doc in (*scope.applied, *scope.not_applied):
            if doc.title:
                titles.setdefault(doc.document, doc.title)
    return titles


def source_title(source: Source, titles: dict[str, str], lang: str = "zh") -> str:
    """The title of the document ``source`` cites in ``lang``: its own ``title`` when the model
    has one (in ``lang``, else in Chinese), else the report's registry ``titles`` (Chinese),
    else empty."""
    own = getattr(source, "title", None)
    if isinstance(own, str) and own:
        return own
    for language in (lang, "zh"):
        text = getattr(own, language, None)
        if isinstance(text, str) and text:
            return text
    return titles.get(source.document, "")


def source_label(source: Source, titles: dict[str, str], lang: str = "zh") -> str:
    """``HLS-356:26《title》``: the clause's document and lines, with its title when known (in
    ``lang``)."""
    return clause_label(source.document, ",".join(str(n) for n in source.lines),
                        source_title(source, titles, lang), lang)


def clause_label(document: str, lines: str, title: str, lang: str = "zh") -> str:
    """:func:`source_label` from its parts (``lines`` written out, ``title`` possibly empty):
    the title in 《》 in Chinese, in brackets in English.

    >>> clause_label("HLS-356", "26", "工作法"), clause_label("HLS-356", "26", "method", "en")
    ('HLS-356:26《工作法》', 'HLS-356:26 (method)')
    """
    if not title:
        return f"{document}:{lines}"
    return f"{document}:{lines}《{title}》" if lang == "zh" else f"{document}:{lines} ({title})"
