"""Doctests import every module of the package: without the ``server`` extra the FastAPI app
module cannot be imported, so it is left out (tests/test_server.py skips itself then)."""

from importlib.util import find_spec

collect_ignore = [] if find_spec("fastapi") else ["src/governance_rules/server/app.py"]
