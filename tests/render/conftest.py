"""Reports shared by the format tests: the bundled examples, a hostile dossier, waivers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from _helpers import EXAMPLES, ROOT

from governance_rules import Report, Rulebook, check_paths
from governance_rules.waivers import apply_waivers, load_waivers

HOSTILE_NAME = "<script>window.__pwned = 1</script>"
HOSTILE_TITLE = '"><img src=x onerror="window.__pwned = 2">50%, a:b\r\nnext'
HOSTILE_FILE = "meetings/2022,03:x.yaml"


def write_hostile_dossier(root: Path) -> Path:
    """A committee named like a script tag and a motion title full of markup and escapes."""
    seats = [{"person": f"p{i}", "name": HOSTILE_NAME if i == 0 else f"成员{i}",
              "sector": sector,
              "terms": [{"start": "2021-12-25", "end": "2024-12-24", "obtained_by": "nomination"}]}
             for i, sector in enumerate(["party_organisation", "residents_committee",
                                         "supervision_committee", "grid_workers", "residents",
                                         "women", "units", "backbone"])]
    files = {
        "community.yaml": {"community": {"id": "h", "name": "测试", "jurisdiction": ["cn"]}},
        "cc.yaml": {"body": {"id": "cc", "kind": "consultation_committee", "name": HOSTILE_NAME,
                             "seats": seats}},
        HOSTILE_FILE: {"meeting": {
            "id": "m3", "body": "cc", "date": "2022-03-15",
            "present": [f"p{i}" for i in range(8)],
            "motions": [{"id": "t", "title": HOSTILE_TITLE, "outcome": "adopted",
                         "votes": {"yes": 6, "no": 2}}]}},
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def examples_report(rulebook: Rulebook) -> Report:
    return check_paths([EXAMPLES], rulebook=rulebook, base=ROOT)


@pytest.fixture(scope="session")
def hostile_report(rulebook: Rulebook, tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = write_hostile_dossier(tmp_path_factory.mktemp("hostile"))
    return check_paths([root], rulebook=rulebook, base=root)


@pytest.fixture(scope="session")
def waived_report(examples_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The examples with one finding waived, one expired waiver and one that matches nothing."""
    path = tmp_path_factory.mktemp("waivers") / "governance-waivers.yaml"
    path.write_text(
        "waivers:\n"
        "  - rule: cc-consent-80\n    record: cc-2022-03/*\n"
        "    reason: re-voted at the next meeting\n    approved_by: 街道办 李明\n"
        "    expires: 2099-12-31\n"
        "  - rule: ra-quorum\n    record: ra-2022-07\n    reason: old roster\n"
        "    approved_by: 街道办\n    expires: 2020-01-01\n"
        "  - rule: fin-*\n    record: exp-1999-*\n    reason: typo\n    approved_by: x\n"
        "    expires: 2099-01-01\n", encoding="utf-8")
    waivers, errors = load_waivers(path)
    assert not errors
    return apply_waivers(examples_report, waivers, date(2026, 11, 22))
