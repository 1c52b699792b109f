"""Report models built from parts that are already valid, without pydantic's checks.

A finding is made of about a dozen small models (texts, its record's place, its evidence, its
sources), all from validated rules and facts. :meth:`pydantic.BaseModel.model_construct` skips
validation but still walks every field's aliases for each one; on a large run that walk was a
third of the cost of a finding. :func:`trusted` sets the same attributes directly.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import repeat
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
    fields = _FIELDS.get(model, _UNKNOWN)
    if fields is _UNKNOWN:
        fields = _FIELDS[model] = _fields(model)
    if fields is None:  # private attributes or aliases: pydantic's own way
        return model.model_construct(**values)
    given = set(values)
    return _made(model, fields, values, given, given)


def trusted_apart(model: type[M], apart: frozenset[str], values: dict[str, Any], /) -> M:
    """``model`` with ``values`` as :func:`trusted` makes it, but for its fields ``apart``:
    given, as its :attr:`~pydantic.BaseModel.model_fields_set` says, they are left out of its
    ``__dict__`` for the model to add when they are first read (a finding's explanation:
    :meth:`~governance_rules.report.model.Finding.explained_later`), in field order then.
    ``values`` may become the instance's ``__dict__``: the caller gives it up.

    >>> from governance_rules.report.model import Text
    >>> text = trusted_apart(Text, frozenset({"en"}), {"zh": "甲"})
    >>> text.__dict__, sorted(text.model_fields_set)
    ({'zh': '甲'}, ['en', 'zh'])
    """
    kept = (model, apart)
    fields = _FIELDS_APART.get(kept, _UNKNOWN)
    if fields is _UNKNOWN:
        whole = _FIELDS.get(model, _UNKNOWN)
        if whole is _UNKNOWN:
            whole = _FIELDS[model] = _fields(model)
        if whole is None or not apart <= whole.defaults.keys():
            raise TypeError(f"{model.__name__} is not made apart from {sorted(apart)}")
        fields = _FIELDS_APART[kept] = _Fields(
            {name: default for name, default in whole.defaults.items() if name not in apart},
            {name: make for name, make in whole.made.items() if name not in apart},
            whole.required - apart)
    given = set(values)
    return _made(model, fields, values, given, given | apart)


def _made(model: type[M], fields: _Fields, values: dict[str, Any], given: set[str],
          fields_set: set[str]) -> M:
    """``model`` of ``values``, the fields ``given`` (``fields`` says which the instance
    holds), each field not given taking its default; ``fields_set``: the fields it counts as
    set."""
    defaults = fields.defaults
    if len(given) != len(defaults):
        values = {**defaults, **values}  # in field order
        if len(values) != len(defaults):
            unknown = sorted(given - defaults.keys())[0]
            raise TypeError(f"{model.__name__} has no field {unknown!r}")
        if not fields.required <= given:
            missing = next(name for name in defaults if name in fields.required - given)
            raise TypeError(f"{model.__name__}.{missing} is required")
        for name, make in fields.made.items():
            if name not in given:
                values[name] = make()
    instance = _new(model)
    _set_dict(instance, values)
    _set_fields_set(instance, fields_set)
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


def all_whole(model: type[M], values: Sequence[dict[str, Any]], names: frozenset[str]
              ) -> list[M]:
    """``model`` from each of ``values``, dicts that give every one of its fields (``names``,
    the model's field names) in field order and already valid: :func:`trusted` without its
    look-ups, and one call for all, for the models a report makes one of per record checked.
    The instances share one set of the fields given: a frozen model's never changes (a copy,
    :meth:`~pydantic.BaseModel.model_copy`, gets its own). Each slot is set for all of them by
    one :func:`map`: called from a Python loop, each setter cost about a third more.

    >>> from governance_rules.report.model import Text
    >>> all_whole(Text, [{"zh": "甲", "en": "A"}], frozenset(Text.model_fields)) == [
    ...     Text(zh="甲", en="A")]
    True
    """
    made = list(map(_new, repeat(model, len(values))))
    _each(map(_set_dict, made, values))
    _each(map(_set_fields_set, made, repeat(set(names))))
    _each(map(_set_extra, made, repeat(None)))
    _each(map(_set_private, made, repeat(None)))
    return made


_each: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend
"""Runs an iterator of calls to its end, keeping none of their results."""

_new = object.__new__
"""How every report model is made bare (checked by :func:`_fields`), looked up once."""


@dataclass(frozen=True)
class _Fields:
    """A model's fields as :func:`trusted` fills them: each field's default, in field order
    (``None`` where it is made for each model or required), the makers of the defaults made
    for each model (a factory's, or a default pydantic copies), and the required fields."""

    defaults: dict[str, Any]
    made: dict[str, Callable[[], Any]]
    required: frozenset[str]


_UNKNOWN: Any = object()
_FIELDS: dict[type[BaseModel], _Fields | None] = {}
"""Each model's fields (:func:`_fields`), by model: a dictionary rather than a cache's
wrapper, asked once a model built."""
_FIELDS_APART: dict[tuple[type[BaseModel], frozenset[str]], _Fields] = {}
"""The fields :func:`trusted_apart` puts in an instance, by model and the fields apart."""


def _fields(model: type[BaseModel]) -> _Fields | None:
    """The fields of ``model``; ``None`` when the direct way would differ from
    :meth:`~pydantic.BaseModel.model_construct` (private attributes, aliases, extra fields, a
    ``__new__`` of its own, a default copied or made from the other fields)."""
    if (model.__private_attributes__ or model.model_config.get("extra") == "allow"
            or model.__new__ is not _new):
        return None
    defaults: dict[str, Any] = {}
    made: dict[str, Callable[[], Any]] = {}
    required: set[str] = set()
    for name, info in model.__pydantic_fields__.items():
        if info.alias not in (None, name) or info.validation_alias not in (None, name):
            return None
        defaults[name] = None
        if info.is_required():
            required.add(name)
        elif getattr(info, "default_factory_takes_validated_data", False):
            return None
        elif info.default_factory is not None:
            made[name] = info.default_factory  # type: ignore[assignment]
        elif type(info.default) in _SHARED_AS_IS:
            defaults[name] = info.default
        else:
            made[name] = partial(info.get_default, call_default_factory=True)
    return _Fields(defaults, made, frozenset(required))


_SHARED_AS_IS = frozenset({type(None), bool, int, float, str})
"""The types of defaults pydantic gives as they are, not copies."""
