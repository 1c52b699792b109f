"""Quotes in simplified characters, beside the traditional ones a source is written in.

SQ-SIFANG is printed in traditional characters (with pinyin, stripped from quotes); a reader in
the mainland reads simplified ones. The conversion is OpenCC's (``t2s``), done once per quote.

>>> simplified_quote("建立十檔六簿")
'建立十档六簿'
>>> simplified_quote("必须经过80%以上成员同意") is None
True
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@cache
def simplified_quote(quote: str) -> str | None:
    """``quote`` in simplified characters, or ``None`` when it already is."""
    converted: str = _converter().convert(quote)
    return converted if converted != quote else None
