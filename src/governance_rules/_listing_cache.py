"""A cache of ``governance-rules rules``: the listing of a rule set already loaded and validated.

Listing the rules needs the whole rule set validated against the fact schemas, and those import
the record models: most of a second of start-up, for a listing that changes only when the rules
or this package change. The listing is kept under a key made of this package's version and
modules (path, size, modification time), the ``--rules`` folders' files (their bytes) and the
language; any change is a new key. It is written only after the rule set loaded without error,
so a hit never hides a broken rule set. ``GOVERNANCE_RULES_CACHE`` names the cache folder (an
empty value turns the cache off); by default ``$XDG_CACHE_HOME/governance-rules`` or
``~/.cache/governance-rules``. Only light modules are imported here.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def bundled_rules_dir() -> Path | None:
    """Where :func:`governance_rules.rulebook.default_rules_dir` finds the bundled rules (the
    same two places, without importing the rule book)."""
    bundled = PACKAGE / "_bundled" / "rules"  # importlib.resources' answer for a folder install
    if bundled.is_dir():
        return bundled
    checkout = PACKAGE.parents[1] / "rules"
    return checkout if checkout.is_dir() else None


def cache_dir() -> Path | None:
    chosen = os.environ.get("GOVERNANCE_RULES_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "governance-rules"


def listing_key_for(extra_dirs: Sequence[str], lang: str) -> str | None:
    """The key of the listing for these rule folders, or ``None`` when it cannot be made."""
    from . import __version__

    bundled = bundled_rules_dir()
    if bundled is None:
        return None
    digest = hashlib.sha256(f"{__version__}\0{lang}\0".encode())
    try:
        for folder, dirs, files in os.walk(PACKAGE):
            dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "_bundled"))
            for name in sorted(files):
                if name.endswith(".py"):
                    info = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0"
                                  .encode())
        for rules in (bundled, *(Path(d) for d in extra_dirs)):
            digest.update(f"\0{rules.resolve()}\0{rules.is_dir()}\0".encode())
            for path in sorted(rules.rglob("*")):
                if path.is_file():
                    digest.update(f"{path.relative_to(rules)}\0".encode())
                    digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()


def cached_listing(key: str | None) -> str | None:
    folder = cache_dir()
    if key is None or folder is None:
        return None
    try:
        return (folder / f"rules-{key}.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def store_listing(key: str | None, text: str) -> None:
    """Keep ``text`` under ``key``; quietly nothing when the folder cannot be written."""
    folder = cache_dir()
    if key is None or folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("rules-*.txt"):  # one listing per rule set in use is enough
            if old.stat().st_mtime < _week_ago():
                old.unlink(missing_ok=True)
        import tempfile

        handle, name = tempfile.mkstemp(dir=folder, prefix=".rules-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(name, folder / f"rules-{key}.txt")
    except OSError:
        return


def _week_ago() -> float:
    import time

    return time.time() - 7 * 24 * 3600
