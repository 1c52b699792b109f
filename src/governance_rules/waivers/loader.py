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
    """The ``governance-waivers.yaml`` at the top of each checked folder, once each; for a
    file named on its own (a pre-commit hook names the files a commit touches), the one in
    its folder or the nearest folder above it, up to the folder the check runs in."""
    found: dict[Path, Path] = {}
    here = Path.cwd().resolve()
    for raw in paths:
        path = Path(raw)
        try:
            folders = [path] if path.is_dir() else _folders_up(path.parent, here)
            for folder in folders:
                candidate = folder / WAIVERS_FILE
                if candidate.is_file():
                    found.setdefault(candidate.resolve(), candidate)
                    break
        except OSError:  # a folder that cannot be read: the check reports it
            continue
    return list(found.values())


def _folders_up(folder: Path, top: Path) -> list[Path]:
    """``folder`` and the folders above it up to ``top`` (inclusive), nearest first; only
    ``folder`` when it does not lie under ``top``."""
    real = folder.resolve()
    if real != top and top not in real.parents:
        return [folder]
    return [real, *[p for p in real.parents if p == top or top in p.parents]]


def whole_folders(paths: Sequence[str | os.PathLike[str]]) -> bool:
    """Whether every path checked is a folder (a whole dossier or tree): only then does a
    waiver that matched nothing match nothing there. A check of some files (a commit's) leaves
    out the records of the waivers for the rest."""
    try:
        return all(Path(p).is_dir() for p in paths)
    except OSError:
        return False


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
