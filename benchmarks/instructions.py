"""Instructions a community costs, phase by phase, counted by valgrind: a measure of CPU work
that does not move with the machine's speed (which drifts here, at times twofold, so that a
change of a few per cent is lost in timings).

``python benchmarks/instructions.py CORPUS`` checks a few communities of ``CORPUS`` (a folder
of community folders, e.g. one ``benchmarks/corpus.py`` wrote) in one process as a worker does,
under ``valgrind --tool=callgrind``, once for each phase of the unit of work, and prints the
millions of instructions a community each phase adds: reading the files, libyaml's events
alone (as the parser reads them), parsing, validating, assembling and resolving, fact
building, the rest of the check (pairing, evaluation, findings) and the worker's step of the
default text report. Counts repeat to about 0.1 %; compare two trees by running it with each
on ``PYTHONPATH``. Start-up and the first community (which compiles the rules it uses) are
counted apart and subtracted. Needs valgrind (Debian's ``valgrind``); about 20 s a phase.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

PHASES = ("read", "events", "parse", "records", "load", "facts", "check", "unit")
"""What each phase does with a community: ``read`` its files; ``events`` reads them and has
libyaml give every event as a tuple (:mod:`governance_rules.records._events`), building
nothing: what the parser's own loop reads, which since the binding's ``compose`` only reads the
files ``compose`` hands back (so ``parse`` may now cost less than ``events``); from ``parse``
on, each phase does what ``read`` and the one before it did and more: parse, validate
(``records``), assemble and resolve the dossier (``load``), build its facts, check it, and the
whole unit of work with the text report's step."""


def _run_phase(corpus: Path, communities: int, phase: str) -> None:
    """What valgrind counts: start-up, one community to warm up, then ``phase`` on the next
    ``communities``."""
    from governance_rules._checker import CheckSource, DossierChecker, _fact_options, _window_for
    from governance_rules._spooled import worker_step
    from governance_rules.facts import build_facts
    from governance_rules.records._events import events_of
    from governance_rules.records._parse import parse_record_text, read_file
    from governance_rules.records.loader import PathNames, discover, load_dossier, read_records
    from governance_rules.render import kept_on_disk
    from governance_rules.render._kept import FormatOptions
    from governance_rules.rulebook._cached import load_rulebook_cached
    from governance_rules.scheduling._gc import tune_for_batch

    book = load_rulebook_cached()
    unit = CheckSource(book, "native", None, (None, None), Path.cwd(), details=False,
                       prepare=worker_step(kept_on_disk("text", FormatOptions())))
    sources, _ = discover([corpus])
    tune_for_batch()
    unit(sources[0])
    names = PathNames(Path.cwd())
    checker = DossierChecker(book, "native", None, (None, None), details=False)
    for source in sources[1:1 + communities]:
        if phase == "read":
            for path in source.files:
                read_file(path, names(path))
        elif phase == "events":
            for path in source.files:
                raw = read_file(path, names(path))
                for _ in events_of(raw.decode(), raw):
                    pass
        elif phase == "parse":
            for path in source.files:
                parse_record_text(read_file(path, names(path)), names(path))
        elif phase == "records":
            for path in source.files:
                read_records(read_file(path, names(path)), names(path))
        elif phase == "load":
            load_dossier(source, names=names)
        elif phase == "facts":
            dossier = load_dossier(source, names=names)
            build_facts(dossier, None, _window_for(dossier, None, (None, None)),
                        _fact_options(book, dossier), book.may_select, lazy_names=True)
        elif phase == "check":
            checker.check(load_dossier(source, names=names))
        else:
            unit(source)


def _count(corpus: Path, communities: int, phase: str) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, str(corpus), "--communities", str(communities), "--phase", phase],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--communities", type=int, default=4)
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase is not None:  # under valgrind
        _run_phase(args.corpus, args.communities, args.phase)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    _count(args.corpus, 0, "unit")  # a first run may load the rule set and write its cache
    base = _count(args.corpus, 0, "unit")
    print(f"start-up and one community: {base / 1e6:,.0f} M instructions")
    print("phase      M instructions a community (each phase includes those above it)")
    for phase in PHASES:
        added = (_count(args.corpus, args.communities, phase) - base) / args.communities
        print(f"{phase:<10} {added / 1e6:8.1f}")


if __name__ == "__main__":
    main()
