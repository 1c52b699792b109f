"""Doctests import every module of the package: without the ``server`` extra the FastAPI app
module cannot be imported, so it is left out (tests/test_server.py skips itself then). Tests and
doctests keep the caches they make (the rule set, the rules listing) in the session's temporary
folder, not in the user's."""

from collections.abc import Iterator
from importlib.util import find_spec

import pytest

collect_ignore = [] if find_spec("fastapi") else ["src/governance_rules/server/app.py"]


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    patch = pytest.MonkeyPatch()
    patch.setenv("GOVERNANCE_RULES_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    patch.undo()
