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


def dask_address(text: str) -> str:
    """An argument type: ``local`` or a Dask scheduler's address (``tcp://host:8786``), refused
    at once with the reason when it is neither (not after a connect timeout).

    >>> dask_address("tcp://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    """
    from .scheduling.dask_cluster import scheduler_address

    try:
        return scheduler_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
