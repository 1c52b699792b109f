"""Where a rule's page in the reference is published, as an absolute URL.

Code scanning shows a rule's ``helpUri`` as a link, so it must be absolute. The base is the
``Documentation`` URL the package declares in ``[project.urls]`` (read from the installed
package's metadata, else from ``pyproject.toml`` of a source checkout), or the one a user
passes with ``--help-uri-base``; a rule's page is ``BASE/rules.md#RULE-ID``.

>>> rule_help_uri("https://example.org/docs/", "docs/rules.md#cc-consent-80")
'https://example.org/docs/rules.md#cc-consent-80'
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path
from urllib.parse import quote, urlsplit

DISTRIBUTION = "governance-rules"
DOCS_FOLDER = "docs/"


def is_absolute_url(text: str) -> bool:
    """An ``http``/``https`` URL with a host: what code scanning can open.

    >>> is_absolute_url("https://example.org/docs"), is_absolute_url("docs/rules.md")
    (True, False)
    """
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@cache
def documentation_url() -> str | None:
    """The ``Documentation`` URL the package declares, or None when none can be found."""
    try:
        urls = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "documentation" and is_absolute_url(url.strip()):
            return url.strip()
    return _checkout_documentation_url()


def _checkout_documentation_url() -> str | None:
    """The URL from ``pyproject.toml`` when running from a source tree (``PYTHONPATH=src``)."""
    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    if data.get("project", {}).get("name") != DISTRIBUTION:
        return None
    urls = data["project"].get("urls", {})
    url = next((v for k, v in urls.items() if k.lower() == "documentation"), None)
    return url if isinstance(url, str) and is_absolute_url(url) else None


def as_uri(url: str | None) -> str | None:
    """``url`` with the characters a URI cannot hold (Chinese, spaces) percent-encoded.

    >>> as_uri("https://docs.example.gov.cn/治理/")
    'https://docs.example.gov.cn/%E6%B2%BB%E7%90%86/'
    """
    if not url:
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def rule_help_uri(base: str | None, help_path: str) -> str | None:
    """The absolute URL of ``help_path`` (``docs/rules.md#ID``, relative to the project) under
    the documentation ``base``; None without a base."""
    if not base:
        return None
    page = help_path.removeprefix(DOCS_FOLDER)
    path, _, anchor = page.partition("#")
    url = base.rstrip("/") + "/" + quote(path)
    return url + ("#" + quote(anchor, safe="-._~") if anchor else "")
