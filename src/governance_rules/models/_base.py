from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import InitErrorDetails


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


def field_problem(loc: Sequence[str | int], msg: str, value: Any = None, *,
                  zh: str = "") -> InitErrorDetails:
    """One problem a model validator finds at a field of its record (``loc``, inside the
    record as written in the file: ``("motions", 0, "votes")``), for :func:`field_errors`."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {"type": "value_error", "loc": tuple(loc), "input": value,
            "ctx": {"error": Problem(msg, zh) if zh else ValueError(msg)}}


def field_errors(record: BaseModel, problems: list[InitErrorDetails]) -> ValidationError:
    """A model validator's verdict on ``record``: every problem it found, each at its field's
    place, so that one run reports them all (not one a run).

    A ``ValueError`` raised in a model validator is placed at the whole record, so the input
    error would point at the record's first line; raising this instead places each problem at
    its field, and pydantic prefixes the record's own place as it does for any nested error.

    >>> class Span(RecordModel):
    ...     start: int
    ...     end: int
    >>> error = field_errors(Span(start=3, end=1), [
    ...     field_problem(("end",), "ends before it starts", 1),
    ...     field_problem(("start",), "starts after the year", 3)])
    >>> [(e["loc"], e["msg"]) for e in error.errors(include_url=False)]
    [(('end',), 'Value error, ends before it starts'), (('start',), 'Value error, starts after the year')]
    """
    return ValidationError.from_exception_data(type(record).__name__, problems)


def field_error(record: BaseModel, loc: Sequence[str | int], msg: str,
                value: Any = None, *, zh: str = "") -> ValidationError:
    """:func:`field_errors` of one problem.

    >>> class Span(RecordModel):
    ...     start: int
    ...     end: int
    >>> error = field_error(Span(start=3, end=1), ("end",), "ends before it starts", 1)
    >>> error.errors(include_url=False)[0]["loc"], error.errors()[0]["msg"]
    (('end',), 'Value error, ends before it starts')
    """
    return field_errors(record, [field_problem(loc, msg, value, zh=zh)])
