"""Argument types shared by the command line's subcommands (``check``, ``serve`` …): each turns
the text typed into a value or an :class:`argparse.ArgumentTypeError` saying what was expected."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def whole_number(what: str = "a whole number") -> Callable[[str], int]:
    """An argument type: a whole number ≥ 1, ``what`` naming it in the error.

    >>> whole_number("a number of processes")("2")
    2
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(f"expected {what} ≥ 1, got {text!r}")
        return value

    return parse
