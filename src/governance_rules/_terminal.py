"""Text written to a terminal: what a record says must not be able to drive it."""

from __future__ import annotations


def terminal_safe(text: str) -> str:
    """``text`` with every control or other unprintable character (an escape, a tab, a line
    break, a bidirectional override) shown as ``�``; spaces stay.

    Most text has none, and :meth:`str.isprintable` tells so without looking at each character
    in Python: a report's findings go through here several times each.

    >>> terminal_safe("会议\\x1b[2J记录"), terminal_safe("第 3 次")
    ('会议�[2J记录', '第 3 次')
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else "�" for ch in text)
