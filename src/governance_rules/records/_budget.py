"""The input errors one file may list (parsing, validation and references each keep a budget a
file), so that a report of broken records stays the size of what a person reads.

>>> budget = ErrorBudget()
>>> budget.take(150), budget.summary("m.yaml")[0].msg[:40]
(100, '50 more input errors in this file are no')
"""

from __future__ import annotations

from ..errors import InputError

MAX_ERRORS_PER_FILE = 100
"""How many input errors a file's report lists; the rest are counted in one more error. A
small file of broken records gave millions of errors (1.2 MB of ``- {}``: 960,000 lines of
report and gigabytes of memory), and a person corrects the first ones first anyway."""


class ErrorBudget:
    """How many more input errors one file may list (:data:`MAX_ERRORS_PER_FILE`), and how
    many were left unlisted; :meth:`summary` is the error that counts them."""

    __slots__ = ("more", "room")

    def __init__(self) -> None:
        self.room, self.more = MAX_ERRORS_PER_FILE, 0

    def take(self, count: int) -> int:
        """How many of ``count`` new errors to list (the others are counted)."""
        listed = min(count, self.room)
        self.room -= listed
        self.more += count - listed
        return listed

    def summary(self, file: str) -> list[InputError]:
        """The error that counts those not listed (none when all were)."""
        if not self.more:
            return []
        return [InputError(
            type="more_input_errors", file=file,
            msg=f"{self.more} more input errors in this file are not listed (the first "
                f"{MAX_ERRORS_PER_FILE} are): correct those and check again",
            ctx={"zh": f"此文件另有{self.more}处输入错误未列出（只列出前{MAX_ERRORS_PER_FILE}处），"
                       "请先改正已列出的再检查"})]
