"""The in-process target in instructions: a check of the template community's records given
as data (``check_data``) against a bare ``model_validate`` of the same records, each counted by
valgrind inside the calls only.

``python benchmarks/instructions_dicts.py`` prints both counts and their ratio. Each is counted
in one process, collection switched on only inside :func:`functools.reduce` (valgrind's
``--toggle-collect``), through which the counted calls are made after a first call of each has
warmed the caches; the collector is off during them, as the counts of past rounds were. The
target's baseline is ``model_validate``; the check validates through each model's validator
directly (the call ``model_validate`` makes, without its keyword arguments), so the ratio to
that call is printed too. A count taken as the difference of two processes (one call against
three) moved by several million instructions from run to run; this one repeats to about 0.1 M.
Needs valgrind; about two minutes.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

CALLS = 3
"""Counted calls of each: the count is their mean."""


def _run(what: str) -> None:
    """What valgrind counts: ``CALLS`` calls of ``what`` (``check`` or ``bare``), inside
    :func:`functools.reduce` only."""
    sys.path.insert(0, str(Path(__file__).parent))
    from realistic import template_records

    from governance_rules import check_data, load_rulebook

    book = load_rulebook()
    files, items = template_records()

    def check() -> None:
        check_data(files, rulebook=book)

    def bare() -> None:
        for model, item in items:
            model.model_validate(item)

    def validator() -> None:
        for model, item in items:
            model.__pydantic_validator__.validate_python(item)

    call = {"check": check, "bare": bare, "validator": validator}[what]
    check()
    bare()
    gc.disable()
    functools.reduce(lambda _, __: call(), range(CALLS), None)


def _count(what: str) -> float:
    """Millions of instructions a call of ``what``."""
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
         "--callgrind-out-file=/dev/null", sys.executable, __file__, "--run", what],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "1"})
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count:\n{out.stderr[-2000:]}")
    return int(found.group(1)) / CALLS / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", choices=("check", "bare", "validator"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:  # under valgrind
        _run(args.run)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    check, bare, validator = _count("check"), _count("bare"), _count("validator")
    print(f"check_data of the template community: {check:.1f} M instructions a call; bare "
          f"validation of its records: {bare:.1f} M; {check / bare:.2f}x bare")
    print(f"bare validation through each model's validator, as the check validates: "
          f"{validator:.1f} M; {check / validator:.2f}x that")


if __name__ == "__main__":
    main()
