"""The source documents the rules cite, shipped with the package, and the clauses in them.

Every citation in a report (``HLS-356:26``, ``SQ-SIFANG:382,383``) can be followed here: the
files of ``../shared/sources/`` (with their README) are bundled, and :func:`read_clause` gives the
cited lines with the lines around them, within the document's span. The file of the Qingdao,
Dingyuan, Taonan and township documents is traditional Chinese with pinyin in brackets after many
characters (``社區(qū)``): each such line also has a *reading*, the pinyin removed and folded to
simplified Chinese (with OpenCC where it is installed, else left traditional and said so).

>>> from governance_rules import load_rulebook
>>> clause = read_clause(load_rulebook(), "HLS-356:26", context=0)
>>> [(line.number, line.cited) for line in clause.lines]
[(26, True)]
>>> parse_reference("SQ-SIFANG:382-384")
('SQ-SIFANG', [382, 383, 384])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._source_files import (
    _PINYIN,
    SourceError,
    _file_lines,
    _simplifier,
    default_sources_dir,
    document_folder,
    line_count,
)
from ._suggest import did_you_mean

if TYPE_CHECKING:
    from .rulebook import Rulebook
    from .rulebook.book import Document

__all__ = ["MAX_CONTEXT", "Clause", "SourceError", "SourceLine",
           "default_sources_dir", "parse_reference", "read_clause", "reading"]

MAX_CONTEXT = 50
_REFERENCE = re.compile(r"^(?P<doc>[A-Za-z0-9][A-Za-z0-9_-]{0,63})"
                        r"(?::(?P<lines>\d{1,18}(?:-\d{1,18})?(?:,\d{1,18}(?:-\d{1,18})?)*))?$")


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    """The line as it stands in the file."""
    reading: str | None
    """The line without pinyin, in simplified Chinese; ``None`` where that is the text itself."""
    cited: bool


@dataclass(frozen=True)
class Clause:
    """Lines of a source document: the ones asked for (``cited``) and the ones around them."""

    document: Document
    lines: list[SourceLine]
    cited_by: list[str]
    """Rules with a citation on one of the cited lines, then the parameters (``parameter
    cc.consent_share``) whose value, or a version of it, rests on one."""
    simplified: bool
    """Whether readings are simplified Chinese (OpenCC installed) or only stripped of pinyin."""


def parse_reference(text: str) -> tuple[str, list[int]]:
    """``DOC``, ``DOC:LINE``, ``DOC:FIRST-LAST`` or ``DOC:L1,L2`` (as reports print them) →
    the document id and the lines (none: the whole document)."""
    found = _REFERENCE.match(text.strip())
    if found is None:
        raise SourceError(f"expected DOC:LINE such as HLS-356:26, DOC:FIRST-LAST or DOC, "
                          f"got {text.strip()[:80]!r}",
                          f"「{text.strip()[:80]}」不是条文出处，须写作 文件编号:行号（如 "
                          "HLS-356:26）、文件编号:起-止 或 文件编号")
    lines: list[int] = []
    for part in (found["lines"] or "").split(","):
        if not part:
            continue
        first, _, last = part.partition("-")
        low, high = int(first), int(last or first)
        if low < 1 or high < low:
            raise SourceError(f"line numbers start at 1 and a range runs upwards, got {part!r}",
                              f"行号从1开始，范围须由小到大，实为「{part}」")
        if high - low > 10_000:
            raise SourceError(f"a range of at most 10,000 lines, got {part!r}",
                              f"范围至多10,000行，实为「{part}」")
        lines.extend(range(low, high + 1))
    return found["doc"], sorted(set(lines))


def read_clause(book: Rulebook, reference: str, context: int = 2,
                folder: Path | None = None) -> Clause:
    """The lines ``reference`` names in its document, ``context`` lines either side (kept
    within the document's span), each with its reading; raises :class:`SourceError`."""
    doc_id, wanted = parse_reference(reference)
    document = book.documents.get(doc_id)
    if document is None:
        raise SourceError(f"no document {doc_id!r}{did_you_mean(doc_id, book.documents)} "
                          f"(known: {', '.join(sorted(book.documents))})",
                          f"没有文件「{doc_id}」{did_you_mean(doc_id, book.documents, 'zh')}；"
                          f"已知的有：{'、'.join(sorted(book.documents))}")
    first, last = document.first_line, document.last_line
    outside = [n for n in wanted if not first <= n <= last]
    if outside:
        raise SourceError(f"{doc_id} spans lines {first}–{last} of {document.file}; "
                          f"line {outside[0]} is outside it",
                          f"{doc_id} 为 {document.file} 的第{first}至{last}行，"
                          f"第{outside[0]}行不在其中")
    context = max(0, min(context, MAX_CONTEXT))
    read_in = folder or document_folder(document.folder, document.file)
    text = _file_lines(read_in, document.file)
    count = line_count(text)
    if count < last:
        own = Path(document.folder) if document.folder else None
        where, where_zh = (("the overlay's folder", "规则覆盖层文件夹") if read_in == own
                           else ("the sources folder", "原文文件夹"))
        raise SourceError(f"{document.file} in {where} ({read_in}) has {count} lines; "
                          f"{doc_id} needs {last}",
                          f"{where_zh}（{read_in}）中的 {document.file} 只有{count}行，"
                          f"{doc_id} 需要到第{last}行")
    shown = (range(first, last + 1) if not wanted
             else sorted({n for w in wanted for n in range(max(first, w - context),
                                                            min(last, w + context) + 1)}))
    cited = set(wanted)
    lines = [SourceLine(n, text[n - 1], _reading(text[n - 1]), n in cited) for n in shown]
    cited_by = sorted({r.id for r in book.rules for c in r.source
                       if c.document == doc_id and cited & set(c.lines)})
    cited_by += sorted({f"parameter {p.name}" for p in book.parameters.values()
                        for ref in (p.reference, *(v.reference for v in p.values),
                                    *(v.reference for vs in p.overlays.values() for v in vs))
                        if ref is not None and ref.document == doc_id and cited & set(ref.lines)})
    return Clause(document, lines, cited_by, _simplifier() is not None)


def reading(text: str) -> str:
    """``text`` without the pinyin in brackets, folded to simplified Chinese where OpenCC is
    installed.

    >>> reading("社區(qū)居委會").startswith("社")
    True
    """
    plain = _PINYIN.sub("", text)
    convert = _simplifier()
    return convert(plain) if convert is not None else plain


def _reading(text: str) -> str | None:
    read = reading(text)
    return None if read == text else read


