"""Read waivers files with the same safety and error contract as record files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError
from ..records._parse import ParseFailure, parse_record_text, read_file
from ..records.loader import display_path, has_community_file, validation_errors
from .model import LocatedWaiver, WaiverFile

WAIVERS_FILE = "governance-waivers.yaml"


def find_waiver_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The ``governance-waivers.yaml`` each checked path is judged with, once each: the one in
    the checked folder itself (a file's own folder), else the nearest in a folder above it up
    to and including its dossier's root (the folder with ``community.yaml``), wherever the
    check runs: ``check sifang/meetings``, and a pre-commit hook naming
    ``sifang/meetings/assembly.yaml``, read ``sifang/governance-waivers.yaml`` as ``check
    sifang`` does. A file or a dossier's subfolder whose dossier has none reads the nearest
    above it up to the folder the check runs in (a repository's one file for all its
    dossiers, as ``check records`` reads it); a whole dossier, or a folder of them, only its
    own."""
    found: dict[Path, Path] = {}
    here = Path.cwd().resolve()
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            for folder in _folders_up(path if is_dir else path.parent, here, whole=is_dir):
                candidate = folder / WAIVERS_FILE
                if candidate.is_file():
                    found.setdefault(candidate.resolve(), candidate)
                    break
        except OSError:  # a folder that cannot be read: the check reports it
            continue
    return list(found.values())


def _folders_up(folder: Path, top: Path, *, whole: bool) -> list[Path]:
    """``folder`` and the folders above it up to its dossier's root (inclusive), nearest first;
    then, unless ``folder`` is checked ``whole`` and is a dossier's root or in none, those
    above up to ``top`` (inclusive)."""
    real = folder.resolve()
    up = [real, *real.parents]
    root = next((i for i, above in enumerate(up) if has_community_file(above)), None)
    if whole and not root:  # a dossier's root, or a folder of dossiers
        return [folder]
    mine = up[:(root or 0) + 1]
    return [*mine, *[p for p in up[len(mine):] if p == top or top in p.parents]]


def whole_folders(paths: Sequence[str | os.PathLike[str]]) -> bool:
    """Whether every path checked is a whole dossier or a folder of whole dossiers (a folder
    in no dossier's root below its own): only then does a waiver that matched nothing match
    nothing there. A check of some files (a commit's) or of a dossier's subfolder
    (``sifang/meetings``) leaves out the records of the waivers for the rest."""
    try:
        return all(Path(p).is_dir() and not any(map(has_community_file, Path(p).resolve().parents))
                   for p in paths)
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
