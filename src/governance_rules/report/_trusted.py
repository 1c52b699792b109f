"""Report models built from parts that are already valid, without pydantic's checks.

A finding is made of about a dozen small models (texts, its record's place, its evidence, its
sources), all from validated rules and facts. :meth:`pydantic.BaseModel.model_construct` skips
validation but still walks every field's aliases for each one; on a large run that walk was a
third of the cost of a finding. :func:`trusted` sets the same attributes directly.
"""

from __future__ import annotations

from functools import partial
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_SLOTS = BaseModel.__dict__
_set_dict = _SLOTS["__dict__"].__set__
_set_fields_set = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__
"""The setters of the attributes a model instance keeps (pydantic's slots), taken once: a
report has one model per finding part and per record checked."""


def trusted(model: type[M], /, **values: Any) -> M:
    """``model`` with ``values`` (already valid), as ``model.model_construct(**values)`` makes
    it: fields not given take their defaults, and only the given ones count as set.

    >>> from governance_rules.report.model import Text
    >>> trusted(Text, zh="甲", en="A") == Text(zh="甲", en="A")
    True
    """
    defaults = _DEFAULTS.get(model, _UNKNOWN)
    if defaults is _UNKNOWN:
        defaults = _DEFAULTS[model] = _defaults(model)
    if defaults is None:  # private attributes or aliases: pydantic's own way
        return model.model_construct(**values)
    given = set(values)
    if len(given) != len(defaults):
        unknown = given - defaults.keys()
        if unknown:
            raise TypeError(f"{model.__name__} has no field {sorted(unknown)[0]!r}")
        for name, make in defaults.items():
            if name not in values:
                values[name] = make()
        values = {name: values[name] for name in defaults}
    instance = model.__new__(model)
    _set_dict(instance, values)
    _set_fields_set(instance, given)
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


def whole(model: type[M], values: dict[str, Any], names: frozenset[str]) -> M:
    """``model`` from ``values`` that give every one of its fields (``names``, the model's
    field names), in field order and already valid: :func:`trusted` without its look-ups, for
    the models a report makes one of per record checked.

    >>> from governance_rules.report.model import Text
    >>> whole(Text, {"zh": "甲", "en": "A"}, frozenset(Text.model_fields)) == Text(zh="甲", en="A")
    True
    """
    instance = model.__new__(model)
    _set_dict(instance, values)
    _set_fields_set(instance, set(names))
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


_UNKNOWN: Any = object()
_DEFAULTS: dict[type[BaseModel], dict[str, Any] | None] = {}
"""Each model's default makers (:func:`_defaults`), by model: a dictionary rather than a
cache's wrapper, asked once a model built."""


def _defaults(model: type[BaseModel]) -> dict[str, Any] | None:
    """Each field's default maker, in field order (a required field's raises); ``None`` when
    the direct way would differ from :meth:`~pydantic.BaseModel.model_construct` (private
    attributes, aliases, extra fields)."""
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
