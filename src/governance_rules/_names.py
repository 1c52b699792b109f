"""The nearest valid name, in the bracketed form rule authors' messages use.

The matching itself is :mod:`governance_rules._suggest`'s (one place decides what is "near").

>>> did_you_mean("expcet", ["expect", "records", "rule"])
" (did you mean 'expect'?)"
>>> did_you_mean("zzz", ["expect"])
''
"""

from __future__ import annotations

from collections.abc import Iterable

from ._suggest import close_matches


def did_you_mean(name: str, valid: Iterable[str], lang: str = "en") -> str:
    """`` (did you mean 'x'?)`` for the nearest valid name, or nothing when none is near.

    >>> did_you_mean("expcet", ["expect"], "zh")
    '（是否指「expect」？）'
    """
    found = close_matches(name, valid, n=1)
    if not found:
        return ""
    return f"（是否指「{found[0]}」？）" if lang == "zh" else f" (did you mean {found[0]!r}?)"
