"""This tool's own reports, told apart from record files by all they hold.

Why: ``check . --output report.json``, run again, finds its last report among the record
files; the report holds no records and must not be read as records (each of its keys would be
an input error). Telling it by its first bytes alone let any file that began
``{"format_version"`` go unread, records and all, without a word: an exit 0 on records never
checked. So a file is a report only when all of it is one: JSON (one object, or JSON Lines of
them, one a line) whose every top-level key is one the report, a SARIF log, a JSON Lines
finding or summary line has, and that holds no record under a record key (a finding's
``community`` is a name, its ``body`` an ``{id, name}`` reference); or a GitLab code quality
report, a list of issues with an issue's keys only (an empty list too: it holds no records).
Anything else is read as records, and says what is wrong with it as any record file does.

The file is parsed with :mod:`json`, bounded before it is: a file (at most the reader's size
limit) with more objects, arrays or commas than a record file may have nodes is not a report,
and is read as records, which refuse it; nesting past Python's recursion limit is not one
either.

>>> is_own_report(b'{"format_version": "2.1", "ruleset_version": "x", "findings": []}')
True
>>> is_own_report(b'{"format_version": "2.1", "meetings": [{"id": "m1"}]}')
False
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import Any

from ..models.record_file import RECORD_KEYS
from ._parse import MAX_NODES


def is_own_report(raw: bytes) -> bool:
    """Whether ``raw``, a whole file, is a report this tool writes (JSON, SARIF or JSON Lines)
    and nothing else: see the module's description."""
    if raw.count(b"{") + raw.count(b"[") > MAX_NODES or raw.count(b",") > 2 * MAX_NODES:
        return False
    try:
        objects = _json_objects(raw.decode("utf-8"))
        first = next(objects)
        if isinstance(first, list):  # a whole text: a GitLab report's issues
            return all(isinstance(issue, dict) and issue.keys() == _GITLAB_ISSUE
                       and issue["type"] == "issue" for issue in first)
        keys = _report_keys()
        before = None  # what the object before was: only finding lines come before another
        for obj in chain([first], objects):
            if before not in (None, "finding"):
                return False
            before = _kind(obj, keys)
            if before is None:
                return False
        return before is not None
    except (ValueError, RecursionError):  # not UTF-8, not JSON, nested past the limit
        return False


def _json_objects(text: str) -> Iterator[Any]:
    """The JSON value of ``text``, or its lines' values, one at a time, where it is JSON Lines:
    each line an object (a line that is not is not a report's), at most :data:`MAX_NODES`.

    >>> list(_json_objects('{"a": 1}\\n{"b": 2}\\n'))
    [{'a': 1}, {'b': 2}]
    """
    try:
        yield json.loads(text)
        return
    except json.JSONDecodeError:
        if text.count("\n") > MAX_NODES:
            raise
    lines = 0
    for line in io.StringIO(text):
        if not line.strip():
            continue
        lines += 1
        if not line.lstrip().startswith("{"):
            raise ValueError("a JSON Lines report's lines are objects")
        yield json.loads(line)
    if lines < 2:
        raise ValueError("one line that is not JSON")


@cache
def _report_keys() -> dict[str, frozenset[str]]:
    """The top-level keys of each kind of report, from the models that write them."""
    from ..report.model import Finding, Report

    return {
        "report": frozenset(Report.model_fields),
        "sarif": frozenset({"$schema", "version", "runs", "inlineExternalProperties",
                            "properties"}),
        "summary line": frozenset({"summary", "input_errors", "exit_status", "format_version",
                                   "ruleset_version", "engine", "as_of", "interrupted"}),
        "finding": frozenset(Finding.model_fields),
    }


_GITLAB_ISSUE = frozenset({"type", "description", "check_name", "fingerprint", "severity",
                           "location"})
"""The keys of an issue of a GitLab code quality report (render/gitlab.py)."""

_REQUIRED = {"report": {"format_version", "ruleset_version"}, "sarif": {"$schema", "runs"},
             "summary line": {"summary", "format_version"}, "finding": {"rule_id", "catalogue"}}
"""The keys that make an object one of each kind."""


def _kind(obj: Any, keys: dict[str, frozenset[str]]) -> str | None:
    """Which kind of report object ``obj`` is, if any; a key a record file also has must hold
    what cannot be a record."""
    if not isinstance(obj, dict):
        return None
    for kind, required in _REQUIRED.items():
        if not required <= obj.keys() or not obj.keys() <= keys[kind]:
            continue
        if kind == "sarif" and "sarif" not in str(obj["$schema"]).lower():
            continue
        if all(_holds_no_record(key, obj[key]) for key in obj.keys() & RECORD_KEYS.keys()):
            return kind
    return None


def _holds_no_record(key: str, value: object) -> bool:
    """A finding's ``community`` (its name) and ``body`` (``{"id", "name"}``: a body record
    has a ``kind``)."""
    if key == "community":
        return value is None or isinstance(value, str)
    if key == "body":
        return value is None or (isinstance(value, dict) and value.keys() <= {"id", "name"})
    return False
