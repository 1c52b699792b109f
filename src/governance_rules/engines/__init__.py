"""Engines evaluate the rulebook's conditions: ``native`` (default) or ``durable``."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._base import Case, Engine, EngineError, Verdict
    from .native import NativeEngine

ENGINES = ("native", "durable")

_LAZY = {"Case": "._base", "Engine": "._base", "EngineError": "._base", "Verdict": "._base",
         "NativeEngine": ".native"}


def __getattr__(name: str) -> Any:
    """The engines' classes, imported on first use (the command line starts without them)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def get_engine(name: str) -> Engine:
    """The engine called ``name``; ``durable`` needs the ``durable`` extra.

    >>> get_engine("native").name
    'native'
    """
    if name == "native":
        from .native import NativeEngine

        return NativeEngine()
    if name == "durable":
        from .durable import DurableEngine

        return DurableEngine()
    raise ValueError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Case", "Engine", "EngineError", "NativeEngine", "Verdict", "get_engine"]
