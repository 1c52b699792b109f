"""Every quote in rules/ must appear in the cited lines of ../shared/sources/."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from governance_rules import Rulebook, load_rulebook

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
_PINYIN = re.compile(r"\((?:[a-zü]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])+\)")


def normalise(text: str) -> str:
    """Drop pinyin in brackets after a character, punctuation and whitespace; unify widths."""
    text = unicodedata.normalize("NFKC", _PINYIN.sub("", text))
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZSC")


def cited_text(book: Rulebook, document: str, lines: list[int]) -> str:
    doc = book.documents[document]
    file_lines = (SOURCES / doc.file).read_text(encoding="utf-8").split("\n")
    return "".join(normalise(file_lines[n - 1]) for n in lines)


def _citations() -> list[tuple[str, str, list[int], str]]:
    book = load_rulebook()
    out = [(f"{r.id}#{i}", c.document, c.lines, c.quote)
           for r in book.rules for i, c in enumerate(r.source)]
    out += [(f"param:{p.name}", p.reference.document, p.reference.lines, p.reference.quote)
            for p in book.parameters.values() if p.reference is not None]
    return out


@pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is not beside this checkout")
@pytest.mark.parametrize(("where", "document", "lines", "quote"), _citations(),
                         ids=[c[0] for c in _citations()])
def test_quote_is_in_the_cited_lines(rulebook: Rulebook, where: str, document: str,
                                     lines: list[int], quote: str) -> None:
    assert normalise(quote) in cited_text(rulebook, document, lines)


def test_normalise_strips_pinyin_and_punctuation() -> None:
    assert normalise("社區(qū)成員，代表 大會") == "社區成員代表大會"
    assert normalise("80%以上") == "80以上"


@pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is not beside this checkout")
def test_a_wrong_quote_is_caught(rulebook: Rulebook) -> None:
    assert normalise("必须经过70%以上成员同意") not in cited_text(rulebook, "HLS-356", [26])
