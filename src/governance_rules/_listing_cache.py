"""What start-up can keep on disk: the listing of ``governance-rules rules`` and the rule set.

Listing the rules needs the whole rule set validated against the fact schemas, and those import
the record models: most of a second of start-up, for a listing that changes only when the rules
or this package change. Both are kept under a key made of this package's version and modules
(path, size, modification time), the ``--rules`` folders' files (their bytes) and what else the
cached thing depends on (the listing's language; the rule set's Python and pydantic versions,
:mod:`governance_rules.rulebook._cached`); any change is a new key. Each is written only after
the rule set loaded without error, so a hit never hides a broken rule set.
``GOVERNANCE_RULES_CACHE`` names the cache folder (an empty value turns the cache off); by
default ``$XDG_CACHE_HOME/governance-rules`` or ``~/.cache/governance-rules``. Only light
modules are imported here.
"""

from __future__ import annotations

import hashlib
import os
import stat
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
    return rules_key_for(extra_dirs, lang)


def rules_key_for(extra_dirs: Sequence[str | os.PathLike[str]], *salt: str) -> str | None:
    """A key that changes whenever the rule set loaded from the bundled rules and ``extra_dirs``
    could: this package's modules, every file of those folders, and ``salt`` (what else the
    cached thing depends on); ``None`` when it cannot be made."""
    from . import __version__

    bundled = bundled_rules_dir()
    if bundled is None:
        return None
    digest = hashlib.sha256("\0".join((__version__, *salt, "")).encode())
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
            for folder, dirs, files in os.walk(rules):  # links to folders not followed
                dirs.sort()
                for name in sorted(files):
                    # each file by its name, kind, size and time, as the modules above: never
                    # read (a 5 GB file or a link to /proc/kmsg beside an overlay is no key's)
                    info = os.stat(os.path.join(folder, name))
                    digest.update(f"{os.path.relpath(os.path.join(folder, name), rules)}\0"
                                  f"{stat.S_IFMT(info.st_mode)}\0{info.st_size}\0"
                                  f"{info.st_mtime_ns}\0{info.st_ino}\0".encode())
    except (OSError, RuntimeError, ValueError):  # unreadable, a symbolic-link loop, a NUL
        return None
    return digest.hexdigest()


def cached_listing(key: str | None) -> str | None:
    data = read_cached("rules", ".txt", key)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def store_listing(key: str | None, text: str) -> None:
    """Keep ``text`` under ``key``; quietly nothing when the folder cannot be written."""
    store_cached("rules", ".txt", key, text.encode("utf-8"))


def read_cached(kind: str, suffix: str, key: str | None, *, own: bool = False) -> bytes | None:
    """The bytes kept as ``kind`` under ``key``. With ``own`` (for a pickle, which runs code as it
    loads), only if this user wrote them: a file another user owns, or one others may write, is
    not read, nor is anything where owners are unknown."""
    folder = cache_dir()
    if key is None or folder is None:
        return None
    try:
        with open(folder / f"{kind}-{key}{suffix}", "rb") as handle:
            if own:
                info = os.fstat(handle.fileno())
                getuid = getattr(os, "getuid", None)
                if getuid is None or info.st_uid != getuid() or info.st_mode & 0o022:
                    return None
            return handle.read()
    except OSError:
        return None


def store_cached(kind: str, suffix: str, key: str | None, data: bytes) -> None:
    """Keep ``data`` as ``kind`` under ``key`` (written whole, then renamed into place, readable
    by this user only; a week-old entry of the same kind goes); quietly nothing when the folder
    cannot be written."""
    folder = cache_dir()
    if key is None or folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in folder.glob(f"{kind}-*{suffix}"):  # one entry per rule set in use is enough
            if old.stat().st_mtime < _week_ago():
                old.unlink(missing_ok=True)
        import tempfile

        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(name, folder / f"{kind}-{key}{suffix}")
        except OSError:
            os.unlink(name)
            raise
    except OSError:
        return


def _week_ago() -> float:
    import time

    return time.time() - 7 * 24 * 3600
