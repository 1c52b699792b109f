"""Engines evaluate the rulebook's conditions: ``native`` (default) or ``durable``."""

from ._base import Case, Engine, EngineError, Verdict
from .native import NativeEngine

ENGINES = ("native", "durable")


def get_engine(name: str) -> Engine:
    """The engine called ``name``; ``durable`` needs the ``durable`` extra.

    >>> get_engine("native").name
    'native'
    """
    if name == "native":
        return NativeEngine()
    if name == "durable":
        from .durable import DurableEngine

        return DurableEngine()
    raise ValueError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Case", "Engine", "EngineError", "NativeEngine", "Verdict", "get_engine"]
