"""Coverage of the rule catalogue: which rules implement each catalogue id, or why none can.

The catalogue (``shared/design/rule-catalogue.md``) is a Markdown file whose tables start each
row with a catalogue id, e.g. ``| CC-CONSENT-80 | … | error | HLS-356:26 |``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .._said import os_reason
from ..report.model import Text
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


def read_catalogue(path: str | os.PathLike[str]) -> tuple[str | None, Text | None]:
    """The catalogue's text, read as a record file is (a regular file of at most 16 MiB, never
    a FIFO or a device, in UTF-8), else ``None`` and why not in both languages.

    >>> read_catalogue("/dev/zero")[1].en
    'not a regular file (a character device); only regular files are read'
    """
    from ..records._parse import MAX_FILE_BYTES, ParseFailure, read_file

    try:
        raw = read_file(path, os.fspath(path), MAX_FILE_BYTES)
    except ParseFailure as failure:
        error = failure.error  # "cannot read: …" said once, by the caller
        return None, Text(zh=error.text("zh").removeprefix("无法读取："),
                          en=error.msg.removeprefix("cannot read: "))
    except (OSError, ValueError) as exc:  # a name too long, or with a NUL
        return None, Text(zh=os_reason(exc, "zh"), en=getattr(exc, "strerror", None) or str(exc))
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, Text(zh="文件不是 UTF-8 编码的文本，未读取", en="not UTF-8 text; not read")


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
