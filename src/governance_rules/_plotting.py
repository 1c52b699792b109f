"""Matplotlib for the analysis helpers: imported only when a plot is asked for, with a font that
draws Chinese (matplotlib's default DejaVu Sans has no CJK glyphs and draws empty boxes)."""

from __future__ import annotations

import warnings
from functools import cache
from importlib import resources
from typing import Any

from .errors import EngineUnavailable

_BUNDLED = ("mplfonts", "fonts/NotoSansCJKsc-Regular.otf")
"""The font the ``analysis`` extra installs (the ``mplfonts`` package ships Noto Sans CJK SC)."""
_SYSTEM_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei",
                    "PingFang SC", "Heiti SC")


def pyplot() -> Any:
    """``matplotlib.pyplot``, or a clear error naming the extra to install."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise EngineUnavailable("plots need matplotlib: pip install 'governance-rules[analysis]' "
                                f"({exc})",
                                "作图需要安装 matplotlib：pip install 'governance-rules[analysis]'"
                                ) from None
    return plt


@cache
def cjk_font() -> Any:
    """A ``FontProperties`` that draws Chinese: the bundled Noto Sans CJK SC, else an installed
    CJK family; without either, matplotlib's default with a warning (Chinese shows as boxes).
    Passed to each text of a plot, so that no global matplotlib setting is changed.

    >>> cjk_font().get_name()  # doctest: +SKIP
    'Noto Sans CJK SC'
    """
    from matplotlib import font_manager

    try:
        path = resources.files(_BUNDLED[0]).joinpath(_BUNDLED[1])
        if path.is_file():
            return font_manager.FontProperties(fname=str(path))
    except ImportError:
        pass
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in _SYSTEM_FAMILIES:
        if family in installed:
            return font_manager.FontProperties(family=family)
    warnings.warn("no CJK font found: Chinese text in plots will show as boxes; "
                  "pip install 'governance-rules[analysis]' installs one", stacklevel=2)
    return font_manager.FontProperties()
