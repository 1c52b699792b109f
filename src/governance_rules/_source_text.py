"""``governance-rules source``: the document registry, and a clause with the lines around it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._terminal import terminal_safe as _clean

if TYPE_CHECKING:
    from .rulebook import Rulebook
    from .rulebook.book import Document
    from .sources import Clause

_WORDS = {
    "en": {"issuer": "issued by", "issued": "dated", "undated": "none given", "place": "place",
           "file": "file {file}, lines {first}–{last}", "note": "note", "unknown": "not recorded",
           "cited_by": "cited by", "none": "no rule or parameter cites these lines",
           "sep": "; ", "colon": ": ",
           "reading": "(a line after = is the line above read in simplified Chinese, pinyin "
           "removed)",
           "reading_trad": "(a line after = is the line above with the pinyin removed; install "
           "opencc to read it in simplified Chinese)"},
    "zh": {"issuer": "发文机关", "issued": "日期", "undated": "未署", "place": "地方",
           "file": "文件 {file}，第 {first}–{last} 行", "note": "说明", "unknown": "未记载",
           "cited_by": "引用此处的规则和参数", "none": "没有规则或参数引用这几行",
           "sep": "；", "colon": "：",
           "reading": "（= 后为上一行去掉拼音的简体读法）",
           "reading_trad": "（= 后为上一行去掉拼音的读法；安装 opencc 可转为简体）"},
}


def render_registry(book: Rulebook, lang: str) -> str:
    """Every document: id, title (its own and in ``lang``), issuer, date, place, span."""
    blocks = [_header(doc, lang) for doc in book.documents.values()]
    return "\n".join(blocks)


def render_clause(clause: Clause, lang: str) -> str:
    """The document's header, then the lines (``>`` marks the cited ones), each line whose text
    has pinyin or traditional characters followed by its reading; then the rules citing them."""
    w = _WORDS[lang]
    width = len(str(clause.lines[-1].number)) if clause.lines else 1
    out = [_header(clause.document, lang)]
    if any(line.reading is not None for line in clause.lines):
        out.append(w["reading"] if clause.simplified else w["reading_trad"])
    previous = None
    for line in clause.lines:
        if previous is not None and line.number != previous + 1:
            out.append(f"  {'':>{width}}  …")
        previous = line.number
        mark = ">" if line.cited else " "
        out.append(f"{mark} {line.number:>{width}}  {_clean(line.text)}")
        if line.reading is not None:
            out.append(f"  {'':>{width}}  = {_clean(line.reading)}")
    if any(line.cited for line in clause.lines):
        names = [c.replace("parameter ", "参数 ") if lang == "zh" else c for c in clause.cited_by]
        out.append(f"{w['cited_by']}{w['colon']}{('、' if lang == 'zh' else ', ').join(names)}"
                   if names else w["none"])
    return "\n".join(out) + "\n"


def _issued(text: str, lang: str) -> str:
    """The date a document bears, in words: a day, a month or only a year, as the registry
    records it.

    >>> _issued("2021-12-25", "zh"), _issued("2021-12-25", "en"), _issued("2011", "zh")
    ('2021年12月25日', '25 December 2021', '2011年')
    >>> _issued("2020-07", "zh"), _issued("2020-07", "en")
    ('2020年7月', 'July 2020')
    """
    from datetime import date

    from ._words import _MONTHS_EN, day_name

    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return day_name(date(*numbers), lang)
        if len(numbers) == 2:
            year, month = numbers
            return f"{year}年{month}月" if lang == "zh" else f"{_MONTHS_EN[month - 1]} {year}"
        if len(numbers) == 1:
            return f"{numbers[0]}年" if lang == "zh" else str(numbers[0])
    except (ValueError, IndexError):
        pass
    return text


def _header(doc: Document, lang: str) -> str:
    w = _WORDS[lang]
    lines = [f"{doc.id}  {doc.title}"]
    if lang == "en" and doc.title_en:
        lines.append(f"{' ' * len(doc.id)}  {doc.title_en}")
    issuer = doc.issuer.get(lang) if doc.issuer else w["unknown"]
    place = doc.place.get(lang) if doc.place else w["unknown"]
    c, s = w["colon"], w["sep"]
    issued = _issued(doc.issued, lang) if doc.issued else w["undated"]
    lines.append(f"  {w['issuer']}{c}{issuer}{s}{w['issued']}{c}{issued}{s}"
                 f"{w['place']}{c}{place}")
    if doc.note:
        lines.append(f"  {w['note']}{c}{doc.note.get(lang)}")
    lines.append("  " + w["file"].format(file=doc.file, first=doc.first_line, last=doc.last_line))
    return "\n".join(lines) + "\n"
