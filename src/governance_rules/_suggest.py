""""Did you mean" for ids, formats, commands and keys a person typed."""

from __future__ import annotations

from collections.abc import Iterable


def close_matches(word: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known words nearest to ``word`` (case-insensitive), best first.

    >>> close_matches("cc-consent80", ["cc-consent-80", "ra-quorum", "cc-composition"])
    ['cc-consent-80']
    """
    import difflib

    by_folded: dict[str, str] = {}
    for name in known:  # of names equal but for case, the one written most like ``word``
        held = by_folded.get(name.casefold())
        if held is None or (difflib.SequenceMatcher(None, word, name).ratio()
                            > difflib.SequenceMatcher(None, word, held).ratio()):
            by_folded[name.casefold()] = name
    folded = word.casefold()
    found = difflib.get_close_matches(folded, list(by_folded), n=n, cutoff=0.6)
    if not found:
        return []
    best = difflib.SequenceMatcher(None, folded, found[0]).ratio()
    return [by_folded[f] for f in found
            if difflib.SequenceMatcher(None, folded, f).ratio() >= best - 0.1]


def did_you_mean(word: str, known: Iterable[str], lang: str = "en") -> str:
    """``"; did you mean 'x'?"`` (or ``'x' or 'y'``), or ``""`` when nothing is close.

    >>> did_you_mean("jsonn", ["json", "jsonl", "html"])
    "; did you mean 'json' or 'jsonl'?"
    >>> did_you_mean("jsonn", ["json", "jsonl", "html"], "zh")
    '（是否指「json」或「jsonl」？）'
    >>> did_you_mean("zzz", ["json"])
    ''
    """
    found = close_matches(word, known)
    if not found:
        return ""
    if lang == "zh":
        return "（是否指" + "或".join(f"「{f}」" for f in found) + "？）"
    return "; did you mean " + " or ".join(repr(f) for f in found) + "?"
