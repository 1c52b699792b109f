"""Report models built from parts that are already valid, without pydantic's checks.

A finding is made of about a dozen small models (texts, its record's place, its evidence, its
sources), all from validated rules and facts. :meth:`pydantic.BaseModel.model_construct` skips
validation but still walks every field's aliases for each one; on a large run that walk was a
third of the cost of a finding. :func:`trusted` sets the same attributes directly.
"""

from __future__ import annotations

from functools import cache, partial
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_set = object.__setattr__


def trusted(model: type[M], /, **values: Any) -> M:
    """``model`` with ``values`` (already valid), as ``model.model_construct(**values)`` makes
    it: fields not given take their defaults, and only the given ones count as set.

    >>> from governance_rules.report.model import Text
    >>> trusted(Text, zh="甲", en="A") == Text(zh="甲", en="A")
    True
    """
    defaults = _defaults(model)
    if defaults is None:  # private attributes or aliases: pydantic's own way
        return model.model_construct(**values)
    given = set(values)
    if len(given) != len(model.__pydantic_fields__):
        unknown = given - model.__pydantic_fields__.keys()
        if unknown:
            raise TypeError(f"{model.__name__} has no field {sorted(unknown)[0]!r}")
        for name, make in defaults.items():
            if name not in values:
                values[name] = make()
        values = {name: values[name] for name in model.__pydantic_fields__}
    instance = model.__new__(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", given)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


@cache
def _defaults(model: type[BaseModel]) -> dict[str, Any] | None:
    """Each optional field's default maker; ``None`` when the direct way would differ from
    :meth:`~pydantic.BaseModel.model_construct` (private attributes, aliases, extra fields)."""
    if model.__private_attributes__ or model.model_config.get("extra") == "allow":
        return None
    makers: dict[str, Any] = {}
    for name, info in model.__pydantic_fields__.items():
        if info.alias not in (None, name) or info.validation_alias not in (None, name):
            return None
        if info.is_required():
            makers[name] = _missing(model, name)
        elif getattr(info, "default_factory_takes_validated_data", False):
            return None
        else:
            makers[name] = partial(info.get_default, call_default_factory=True)
    return makers


def _missing(model: type[BaseModel], name: str) -> Any:
    def fail() -> Any:
        raise TypeError(f"{model.__name__}.{name} is required")
    return fail
