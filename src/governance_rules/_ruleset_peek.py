"""A quick look at the bundled rule set without loading it: its version, rule ids, catalogue ids
and document ids, for ``--version`` and shell completion (a fraction of the second that loading
and validating the rule set takes). Nothing here is trusted beyond that: ``load_rulebook``
validates the rule set."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ._listing_cache import bundled_rules_dir


@dataclass(frozen=True)
class Peek:
    version: str
    rule_ids: tuple[str, ...]
    catalogue_ids: tuple[str, ...]
    document_ids: tuple[str, ...]


@cache
def peek(folder: Path | None = None) -> Peek:
    """What ``folder`` (the bundled rules) holds; empty where it cannot be read.

    >>> found = peek()
    >>> "cc-consent-80" in found.rule_ids, "CC-CONSENT-80" in found.catalogue_ids
    (True, True)
    """
    folder = folder or bundled_rules_dir()
    if folder is None:
        return Peek("", (), (), ())
    header = _read(folder / "ruleset.yaml")
    listed_documents = header.get("documents")
    documents = listed_documents if isinstance(listed_documents, list) else []
    rules: list[str] = []
    catalogue: set[str] = set()
    for path in sorted(folder.glob("*.y*ml")):
        listed = _read(path).get("rules")
        for rule in listed if isinstance(listed, list) else []:
            if isinstance(rule, dict) and isinstance(rule.get("id"), str):
                rules.append(rule["id"])
                ids = rule.get("catalogue")
                if isinstance(ids, list):
                    catalogue.update(i for i in ids if isinstance(i, str))
    return Peek(str(header.get("version", "")), tuple(sorted(rules)), tuple(sorted(catalogue)),
                tuple(str(d["id"]) for d in documents if isinstance(d, dict) and "id" in d))


def _read(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def version_text(package_version: str) -> str:
    """``--version``: the package, and the rule set bundled with it."""
    found = peek()
    return (f"governance-rules {package_version}\n"
            f"rule set {found.version or 'unversioned'} (bundled): {len(found.rule_ids)} rules "
            f"for {len(found.catalogue_ids)} catalogue ids, citing {len(found.document_ids)} "
            "documents\n")
