"""Coverage of the rule catalogue: which rules implement each catalogue id, or why none can.

The catalogue (``shared/design/rule-catalogue.md``) is a Markdown file whose tables start each
row with a catalogue id, e.g. ``| CC-CONSENT-80 | … | error | HLS-356:26 |``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .book import Rulebook

_ROW = re.compile(r"^\|\s*([A-Z]+(?:-[A-Z0-9]+)+)\s*\|(.*)\|\s*$")


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    severity: str
    cite: str


@dataclass(frozen=True)
class Coverage:
    """One catalogue id and what answers it.

    An id is *implemented* (rules name it), *excluded* (it cannot be seen in records, with the
    reason), *pending* (accepted work in progress, with what it still needs) or *not covered*.
    """

    entry: CatalogueEntry
    rules: tuple[str, ...]
    exclusion: str | None
    pending: str | None = None

    @property
    def covered(self) -> bool:
        """Implemented or excluded: nothing left to do for this id."""
        return bool(self.rules) or self.exclusion is not None

    @property
    def status(self) -> str:
        """``implemented``, ``excluded``, ``pending`` or ``not covered``."""
        if self.rules:
            return "implemented"
        if self.exclusion is not None:
            return "excluded"
        return "pending" if self.pending is not None else "not covered"


def parse_catalogue(text: str) -> list[CatalogueEntry]:
    """The ids of a catalogue, in order.

    >>> parse_catalogue("| id | rule |\\n|---|---|\\n| RA-SIZE | 2–3 per group | error | SQ-SIFANG:147 |")
    [CatalogueEntry(id='RA-SIZE', severity='error', cite='SQ-SIFANG:147')]
    """
    out = []
    for line in text.splitlines():
        match = _ROW.match(line.strip())
        if match:
            cells = [c.strip() for c in match.group(2).split("|")]
            out.append(CatalogueEntry(match.group(1), cells[-2] if len(cells) >= 2 else "",
                                      cells[-1] if cells else ""))
    return out


def coverage(book: Rulebook, catalogue: list[CatalogueEntry]) -> list[Coverage]:
    by_id: dict[str, list[str]] = {}
    for rule in book.rules:
        for cid in rule.catalogue:
            by_id.setdefault(cid, []).append(rule.id)
    return [Coverage(entry, tuple(sorted(by_id.get(entry.id, ()))),
                     book.exclusions.get(entry.id), book.pending.get(entry.id))
            for entry in catalogue]


def find_catalogue(start: str | os.PathLike[str] | None = None) -> Path | None:
    """``shared/design/rule-catalogue.md`` beside this checkout, or above the current folder."""
    candidates = [Path(__file__).resolve().parents[3].parent,
                  *(p for p in [Path(start or Path.cwd()).resolve(),
                                *Path(start or Path.cwd()).resolve().parents])]
    for base in candidates:
        for path in (base / "shared" / "design" / "rule-catalogue.md",
                     base.parent / "shared" / "design" / "rule-catalogue.md"):
            if path.is_file():
                return path
    return None
