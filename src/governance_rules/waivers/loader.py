"""Read waivers files with the same safety and error contract as record files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError
from ..records._parse import ParseFailure, parse_record_text, read_file
from ..records.loader import display_path, validation_errors
from .model import LocatedWaiver, WaiverFile

WAIVERS_FILE = "governance-waivers.yaml"


def find_waiver_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The ``governance-waivers.yaml`` at the top of each checked folder, once each."""
    found: dict[Path, Path] = {}
    for raw in paths:
        candidate = Path(raw) / WAIVERS_FILE
        try:
            if Path(raw).is_dir() and candidate.is_file():
                found.setdefault(candidate.resolve(), candidate)
        except OSError:  # a folder that cannot be read: the check reports it
            continue
    return list(found.values())


def load_waivers(
    path: str | os.PathLike[str], base: Path | None = None
) -> tuple[list[LocatedWaiver], list[InputError]]:
    """Parse one waivers file; problems come back as input errors, never as exceptions.

    >>> load_waivers("no-such-file.yaml")[1][0].type
    'unreadable'
    """
    name = display_path(Path(path), base if base is not None else Path.cwd())
    try:
        data, index = parse_record_text(read_file(path, name), name, "a `waivers:` list")
    except ParseFailure as failure:
        return [], [failure.error]
    try:
        parsed = WaiverFile.model_validate(data)
    except ValidationError as exc:
        return [], validation_errors(exc, name, (), index)
    located = [LocatedWaiver(waiver, name, index.locate(("waivers", i))[0], i)
               for i, waiver in enumerate(parsed.waivers)]
    return located, []
