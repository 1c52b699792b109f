"""Builds ``governance_rules.records._libyaml`` (libyaml's events as tuples, and a record file's
data built from them) with the wheel.

The binding needs a C compiler, Python's headers and libyaml's (Debian: ``libyaml-dev``).
Where one is missing the package is built without it and parses YAML with PyYAML's binding
of the same library: the same data, places and errors, about 4× slower to parse
(``governance_rules.records._events``). ``GOVERNANCE_RULES_REQUIRE_LIBYAML=1`` makes a
failed build an error instead (CI sets it).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = Path("src", "governance_rules", "records", "_libyaml.c")


def compile_binding(root: Path) -> tuple[Path | None, str]:
    """Compile the binding next to its source; (the module's path, "") or (None, why not)."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    target = (root / SOURCE).with_name("_libyaml" + suffix)
    compiler = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    command = [*compiler, "-shared", "-fPIC", "-O2", f"-I{sysconfig.get_paths()['include']}",
               str(root / SOURCE), "-o", str(target), "-lyaml"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        return None, f"{compiler[0]}: {exc}"
    if done.returncode != 0:
        return None, (done.stderr.strip().splitlines() or ["the compiler failed"])[-1]
    return target, ""


class LibyamlEventsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        target, why = compile_binding(root)
        if target is None:
            if os.environ.get("GOVERNANCE_RULES_REQUIRE_LIBYAML") == "1":
                raise RuntimeError(f"the libyaml binding did not build: {why}")
            print(f"governance-rules: built without its libyaml binding ({why}); YAML is "
                  "parsed with PyYAML's, about 4x slower", file=sys.stderr)
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["artifacts"].append(target.relative_to(root).as_posix())
