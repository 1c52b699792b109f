"""Strict scalar types shared by the record models.

A string is never a number and a number is never a string; a date must be a
real calendar date written ``YYYY-MM-DD``; money is exact :class:`Decimal`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONEY = re.compile(r"^-?\d+(\.\d{1,2})?$")


def _parse_day(value: Any) -> date:
    if isinstance(value, datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
    raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")


def _parse_yuan(value: Any) -> Decimal:
    if isinstance(value, bool | float):
        raise ValueError(
            f"expected an exact amount of yuan such as 120.50, got {value!r}"
            + (" (quote it, or write it with at most two decimals)" if isinstance(value, float) else "")
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise ValueError(f"expected an amount of yuan, got {value!r}")
    if not _MONEY.match(text):
        raise ValueError(f"expected an amount of yuan with at most two decimals, got {value!r}")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"expected an amount of yuan, got {value!r}") from None


Day = Annotated[date, BeforeValidator(_parse_day)]
"""A calendar day; ``2022-02-30`` is rejected."""

Yuan = Annotated[Decimal, BeforeValidator(_parse_yuan), Field(ge=0)]
"""An exact, non-negative amount of yuan with at most two decimals."""

Slug = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"),
]
"""A record id: letters, digits, ``.``, ``_`` and ``-``, at most 128 characters."""

Text = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=2000)]
Count = Annotated[int, Field(strict=True, ge=0, le=10_000_000)]

_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$")


def _parse_period(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and _PERIOD.match(value):
        return value
    raise ValueError(f"expected a calendar period such as 2022, 2022-H1, 2022-Q3 or 2022-03, "
                     f"got {value!r}")


Period = Annotated[str, BeforeValidator(_parse_period),
                   Field(json_schema_extra={"pattern": _PERIOD.pattern,
                                            "examples": ["2022", "2022-H1", "2022-Q3", "2022-03"]})]
"""A calendar period: ``2022``, ``2022-H1``, ``2022-Q3`` or ``2022-03`` (a bare year may be unquoted)."""
