from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError


class RecordModel(BaseModel):
    """Base of every record model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Problem(ValueError):
    """A record's problem in both languages: ``str()`` gives the English, ``zh`` the Chinese
    (an input error's ``ctx["zh"]``, which its Chinese message is; see
    :mod:`governance_rules._input_words`).

    >>> problem = Problem("ends before it starts", "结束早于开始")
    >>> str(problem), problem.zh
    ('ends before it starts', '结束早于开始')
    """

    def __init__(self, msg: str, zh: str) -> None:
        super().__init__(msg)
        self.zh = zh


def field_error(record: BaseModel, loc: Sequence[str | int], msg: str,
                value: Any = None, *, zh: str = "") -> ValidationError:
    """A model validator's verdict on one field of ``record``, at that field's place.

    A ``ValueError`` raised in a model validator is placed at the whole record, so the input
    error would point at the record's first line; raising this instead places it at ``loc``
    (inside ``record``, as written in the file: ``("motions", 0, "votes")``), and pydantic
    prefixes the record's own place as it does for any nested error.

    >>> class Span(RecordModel):
    ...     start: int
    ...     end: int
    >>> error = field_error(Span(start=3, end=1), ("end",), "ends before it starts", 1)
    >>> error.errors(include_url=False)[0]["loc"], error.errors()[0]["msg"]
    (('end',), 'Value error, ends before it starts')
    """
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_none=True)
    return ValidationError.from_exception_data(type(record).__name__, [{
        "type": "value_error", "loc": tuple(loc), "input": value,
        "ctx": {"error": Problem(msg, zh) if zh else ValueError(msg)},
    }])
