"""``governance-rules serve``: the checker as an HTTP service with an OpenAPI schema, for apps
written in any language (docs/server.md).

Needs the ``server`` extra (FastAPI, uvicorn, python-multipart). Importing this package imports
neither: :mod:`.options` (the command's arguments) is all the CLI loads until ``serve`` runs, so
``governance-rules --help`` stays fast. The app itself is built by :func:`.app.create_app`.
"""
