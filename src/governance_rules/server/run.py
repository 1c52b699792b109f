"""``governance-rules serve``: check the options, load the rule set once to fail early, then
hand over to uvicorn (each worker process builds the app from the same configuration)."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import RulebookError
from .options import CONFIG_ENV, ConfigError, config_from_args

EXIT_OK, EXIT_USAGE = 0, 2


def serve(args: argparse.Namespace) -> int:
    """Run the server until interrupted; 2 when the extra is missing or an option is unusable."""
    try:
        import uvicorn

        from .app import create_app_from_env
    except ImportError as exc:
        sys.stderr.write(f"governance-rules: serve needs the server extra ({exc.name} is missing):"
                         " pip install 'governance-rules[server]'\n")
        return EXIT_USAGE
    try:
        config = config_from_args(args)
    except ConfigError as exc:
        sys.stderr.write(f"governance-rules: {exc}\n")
        return EXIT_USAGE
    os.environ[CONFIG_ENV] = config.to_json()
    try:
        app = create_app_from_env()  # loads the rule set: a broken overlay stops here
    except RulebookError as exc:
        sys.stderr.write(f"governance-rules: {exc}\n")
        return EXIT_USAGE
    if config.host not in ("127.0.0.1", "localhost", "::1") and config.token is None:
        sys.stderr.write(f"governance-rules: warning: serving on {config.host} without a token; "
                         "anyone who can reach it may call it (see --token-file)\n")
    target = "governance_rules.server.app:create_app_from_env" if config.workers > 1 else app
    try:
        uvicorn.run(target, factory=config.workers > 1, host=config.host, port=config.port,
                    workers=config.workers, log_level=config.log_level, server_header=False,
                    proxy_headers=False, timeout_graceful_shutdown=5)
    except SystemExit as exc:  # uvicorn exits 1 when it cannot bind (the port is taken)
        return EXIT_USAGE if exc.code else EXIT_OK
    return EXIT_OK
