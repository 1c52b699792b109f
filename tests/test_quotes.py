"""Every quote in rules/ stands on each line it cites in sources/ (../shared/sources/), one line at a time.

A clause that runs over two lines is cited twice, once per line, each with the words on that
line; the file's traditional characters (with pinyin in brackets) are folded to simplified, so a
quote may be written either way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import opencc
import pytest

from governance_rules import Rulebook, load_rulebook

SOURCES = Path(__file__).resolve().parents[1] / "sources"  # the copy shipped in the wheel
_PINYIN = re.compile(r"\((?:[a-zü]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])+\)")
_TO_SIMPLIFIED = opencc.OpenCC("t2s")
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(),
                                   reason="sources/ is missing from this checkout")


def normalise(text: str) -> str:
    """Drop pinyin in brackets, punctuation and whitespace; unify widths; fold to simplified."""
    text = unicodedata.normalize("NFKC", _PINYIN.sub("", text))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZSC")
    return str(_TO_SIMPLIFIED.convert(text))


@cache
def _file_lines(file: str) -> list[str]:
    return [normalise(line) for line in (SOURCES / file).read_text(encoding="utf-8").split("\n")]


def cited_line(book: Rulebook, document: str, line: int) -> str:
    return _file_lines(book.documents[document].file)[line - 1]


def _citations() -> list[tuple[str, str, int, str]]:
    book = load_rulebook()
    out = [(f"{r.id}#{i}:{n}", c.document, n, c.quote)
           for r in book.rules for i, c in enumerate(r.source) for n in c.lines]
    for p in book.parameters.values():
        refs = [("", p.reference)] + [(f"[{v.overlay or 'base'}]", v.reference)
                                      for v in [*p.values, *(x for vs in p.overlays.values()
                                                             for x in vs)]]
        out += [(f"param:{p.name}{tag}:{n}", ref.document, n, ref.quote)
                for tag, ref in refs if ref is not None for n in ref.lines]
    return out


CITATIONS = _citations()


@needs_sources
@pytest.mark.parametrize(("where", "document", "line", "quote"), CITATIONS,
                         ids=[c[0] for c in CITATIONS])
def test_quote_stands_on_each_cited_line(rulebook: Rulebook, where: str, document: str,
                                         line: int, quote: str) -> None:
    assert normalise(quote) in cited_line(rulebook, document, line)


def test_normalise_strips_pinyin_punctuation_and_folds_to_simplified() -> None:
    assert normalise("社區(qū)成員，代表 大會") == "社区成员代表大会"
    assert normalise("80%以上") == "80以上"


@needs_sources
def test_a_quote_is_held_to_each_line_not_to_the_lines_joined(rulebook: Rulebook) -> None:
    """RC-TERM's 每届任期三年 stands on SQ-SIFANG:151; the charter (:454) says 每届任期3年."""
    assert normalise("每屆任期三年") in cited_line(rulebook, "SQ-SIFANG", 151)
    assert normalise("每屆任期三年") not in cited_line(rulebook, "SQ-SIFANG", 454)
    assert normalise("必须经过70%以上成员同意") not in cited_line(rulebook, "HLS-356", 26)
