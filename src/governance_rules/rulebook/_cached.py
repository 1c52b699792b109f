"""The rule set kept on disk between commands, so that a check does not load it again.

Loading the rule set (reading its YAML files, validating and compiling every rule) takes about
0.2 s of every command's start; reading it back from a pickle takes about 10 ms. The pickle is
kept under a key of everything the loaded rule set depends on (:func:`rules_key_for`: this
package's modules, every file of the rule folders, and here the Python and pydantic versions),
written only after a load without error, and read only if this user wrote it (a pickle runs
code as it loads). A missing, stale or unreadable entry is a miss: the rule set is loaded as
usual. Library calls keep :func:`~governance_rules.load_rulebook` (no files written); the
command line uses :func:`load_rulebook_cached`.

>>> load_rulebook_cached().rule("ra-quorum").severity.value
'error'
"""

from __future__ import annotations

import os
import pickle
import sys
from dataclasses import fields
from typing import Any

import pydantic
import pydantic_core

from .._listing_cache import read_cached, rules_key_for, store_cached
from . import model
from .book import Document, Rulebook
from .loader import load_rulebook

_KIND, _SUFFIX = "rulebook", ".pickle"


def rulebook_key_for(dirs: tuple[str | os.PathLike[str], ...]) -> str | None:
    """The cache key of the rule set loaded from the bundled rules and ``dirs``."""
    return rules_key_for(dirs, _KIND, sys.version, pydantic.VERSION, pydantic_core.__version__,
                         _layout())


def _layout() -> str:
    """The fields of what the pickle holds, as this process's classes have them.

    The modules' files are in the key too, but a process that imported them before they
    changed (an upgrade under a running server, a test run while the code is edited) would
    keep its old rule set under the new files' key, and every later command would read a rule
    set without the fields its code asks for. With the classes' own fields in the key, it
    keeps it under a key no newer code makes.

    >>> "_selected" in _layout() and "applies_to" in _layout()
    True
    """
    classes: list[Any] = [Rulebook, Document, *(
        value for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, pydantic.BaseModel))]
    return ";".join(f"{c.__name__}:" + ",".join(
        c.model_fields if issubclass(c, pydantic.BaseModel) else (f.name for f in fields(c)))
        for c in classes)


def load_rulebook_cached(*dirs: str | os.PathLike[str]) -> Rulebook:
    """:func:`~governance_rules.load_rulebook` of ``dirs``, from the cache when this rule set
    was loaded before (by any earlier command), else loaded and kept."""
    key = rulebook_key_for(dirs)
    data = read_cached(_KIND, _SUFFIX, key, own=True)
    if data is not None:
        try:
            book = pickle.loads(data)
        except Exception:
            book = None
        if isinstance(book, Rulebook):
            return book
    book = load_rulebook(*dirs)
    store_cached(_KIND, _SUFFIX, key, pickle.dumps(book.without_caches(),
                                                   protocol=pickle.HIGHEST_PROTOCOL))
    return book
