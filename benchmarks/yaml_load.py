"""The baseline of the 40k target: `python benchmarks/yaml_load.py DIR` loads every YAML file
under DIR with libyaml's ``CSafeLoader`` in one process (no lines, no checks) and prints how
many top-level records it read. Time it beside `governance-rules check DIR --jobs 2`."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main() -> None:
    records = 0
    for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
        with path.open("rb") as handle:
            data = yaml.load(handle, Loader=yaml.CSafeLoader)
        for value in (data or {}).values():
            records += len(value) if isinstance(value, list) else 1
    print(records, "top-level records")


if __name__ == "__main__":
    main()
