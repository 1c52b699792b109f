"""A realistic corpus: ``python benchmarks/corpus.py DIR --communities 50 --seed 7``.

Each community is a year of records of a city community under the catalogue: the bodies,
rosters and cadences of ``examples/sifang`` (an assembly of representatives, a residents'
committee and its work committees, a party committee with its groups and member assemblies,
monthly disclosures, quarterly audits, hearings, expenses across the approval tiers, the
year-end archive check), 62 files, 738 written records (1,164 records checked). Every
community gets its own id, name, street and household count, drawn from ``--seed``.

Faults are of two kinds, both known line for line:

- the template's own (its README lists them: rule | file | line), in every community;
- injected ones (:data:`FAULTS`): edits to one record each whose finding (rule, file, line) is
  known, drawn per community with probability ``--fault-rate`` each, from ``--seed``.

:func:`generate` writes the corpus and returns the findings a check must give, one for one
(a :class:`~collections.Counter` of ``(rule, file, line)``, files relative to the corpus root).
The same seed gives the same corpus, byte for byte; every dossier loads with no input error.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "examples" / "sifang"
_ROW = re.compile(r"^\| ([a-z0-9-]+) \| ([^ |]+) \| (\d+) \|$")
_STREETS = ("兴华路", "海岸路", "错埠岭", "水清沟", "洛阳路", "河西", "兴隆路", "阜新路",
            "双山", "湘潭路", "四流南路", "镇江路", "延安路", "辽源路", "嘉定路", "浮山后")
Finding = tuple[str, str, int]


@dataclass(frozen=True)
class Fault:
    """One injected fault: in ``file``, the first ``old`` (searched from the line that holds
    ``anchor``) becomes ``new``; the check then gives ``findings`` (rule, file, line) besides the others."""

    name: str
    file: str
    anchor: str
    old: str
    new: str
    findings: tuple[Finding, ...]


FAULTS: tuple[Fault, ...] = (
    Fault("an expense over the director's tier, with no party committee decision",
          "expenses/exp-2022-002.yaml", "id: exp-2022-002", "amount: '100.00'",
          "amount: '100000.00'", (("fin-tiers", "expenses/exp-2022-002.yaml", 1),
                                  ("po-matters", "expenses/exp-2022-002.yaml", 1))),
    Fault("an expense without the deputy director's signature", "expenses/exp-2022-003.yaml",
          "signatures:", "  - role: deputy_director\n    person: he-ping\n", "",
          (("fin-signatures", "expenses/exp-2022-003.yaml", 1),)),
    Fault("the second quarter's audit held in the third", "audits.yaml", "id: audit-2022-q2",
          "date: '2022-06-28'", "date: '2022-07-05'",
          (("fin-audit", "bodies/residents-committee.yaml", 1),)),
    Fault("a month without a residents' committee meeting", "meetings/residents-committee.yaml",
          "id: rc-2022-06", "date: '2022-06-05'", "date: '2022-07-06'",
          (("rc-monthly", "bodies/residents-committee.yaml", 1),)),
    Fault("the May affairs disclosure posted in June", "disclosures.yaml",
          "id: open-2022-05-affairs", "date: '2022-05-12'", "date: '2022-06-13'",
          (("open-affairs", "bodies/residents-committee.yaml", 1),)),
)


def known_findings(example: Path) -> list[Finding]:
    """The findings the example's README lists: (rule, file in the example, line)."""
    rows = []
    for line in (example / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line.strip())
        if match:
            rule, file, number = match.groups()
            rows.append((rule, file, int(number)))
    return rows


def _inject(text: str, fault: Fault) -> str:
    start = text.index(fault.anchor)
    at = text.index(fault.old, start)
    return text[:at] + fault.new + text[at + len(fault.old):]


def _community_name(number: int) -> str:
    """The ``number``-th community's name: its bodies are named after it, as the template's
    (兴华路社区居民委员会 becomes 海岸路第2社区居民委员会)."""
    return f"{_STREETS[number % len(_STREETS)]}第{number + 1}社区"


def _community(text: str, number: int, rng: random.Random) -> str:
    text = text.replace("id: xinghua-road", f"id: community-{number:05d}")
    text = text.replace("name: 兴华路社区", f"name: {_community_name(number)}")
    # within the 1,000 to 3,000 households of rc-community-size, as the template
    return text.replace("households: 2400", f"households: {rng.randrange(1500, 3000, 10)}")


def generate(root: Path, communities: int, *, seed: int = 7,
             fault_rate: float = 0.25, records_per_file: int | None = None) -> Counter[Finding]:
    """Write ``communities`` dossiers under ``root``; the findings a check of ``root`` gives.

    With ``records_per_file``, each file that holds a list of records is cut into files of at
    most that many (``meetings/party-committee-003.yaml`` …): the same records and findings
    in more, smaller files (the issue pictures ~3 records a file, the template has ~12)."""
    rng = random.Random(seed)
    template = {p.relative_to(TEMPLATE).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(TEMPLATE.rglob("*.yaml"))}
    base = known_findings(TEMPLATE)
    expected: Counter[Finding] = Counter()
    for number in range(communities):
        folder = f"c{number:05d}"
        files = dict(template)
        files["community.yaml"] = _community(files["community.yaml"], number, rng)
        found: list[Finding] = list(base)
        for fault in FAULTS:
            if rng.random() < fault_rate:
                files[fault.file] = _inject(files[fault.file], fault)
                found.extend(fault.findings)
        named = _community_name(number)
        files = {name: text.replace("兴华路社区", named) for name, text in files.items()}
        if records_per_file is not None:
            files, found = _split_files(files, found, records_per_file)
        for name, text in files.items():
            path = root / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        expected.update((rule, f"{folder}/{file}", line) for rule, file, line in found)
    return expected


_ITEM = "- "


def _split_files(files: dict[str, str], found: list[Finding], per_file: int
                 ) -> tuple[dict[str, str], list[Finding]]:
    """``files`` with every file of one top-level list (its items at the line's start) cut
    into files of at most ``per_file`` items, each with the original's lines before the first
    item; ``found`` moved to the file and line its record went to."""
    out: dict[str, str] = {}
    moved: dict[tuple[str, int], tuple[str, int]] = {}
    for name, text in files.items():
        lines = text.splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if line.startswith(_ITEM)]
        top = [i for i, line in enumerate(lines) if line[:1] not in ("", " ", "#", "-", "\n")]
        if len(starts) <= per_file or len(top) != 1 or top[0] > starts[0]:
            out[name] = text
            continue
        head = lines[:starts[0]]
        stem = name.removesuffix(".yaml")
        for part, first in enumerate(range(0, len(starts), per_file)):
            begin = starts[first]
            end = starts[first + per_file] if first + per_file < len(starts) else len(lines)
            part_name = f"{stem}-{part + 1:03d}.yaml"
            out[part_name] = "".join(head + lines[begin:end])
            for number in range(begin + 1, end + 1):  # 1-based lines of the original
                moved[(name, number)] = (part_name, len(head) + number - begin)
            if part == 0:
                for number in range(1, len(head) + 1):
                    moved[(name, number)] = (part_name, number)
    return out, [(rule, *moved.get((file, line), (file, line))) for rule, file, line in found]


def records_per_community() -> int:
    """Records checked in one community of the corpus (one check of the template)."""
    from governance_rules import check_paths

    return check_paths([TEMPLATE], base=TEMPLATE).summary.records_checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--communities", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fault-rate", type=float, default=0.25)
    parser.add_argument("--records-per-file", type=int, default=None,
                        help="cut each file of a list of records into files of at most this many")
    args = parser.parse_args()
    expected = generate(args.root, args.communities, seed=args.seed, fault_rate=args.fault_rate,
                        records_per_file=args.records_per_file)
    print(f"{args.communities} communities, {sum(expected.values())} findings expected")


if __name__ == "__main__":
    main()
