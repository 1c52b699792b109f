"""A dossier written to be hostile: markup, escapes and separators in names, titles and paths."""

from __future__ import annotations

from pathlib import Path

import yaml
from _helpers import ADOPTS_ALL

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
        "community.yaml": {"community": {"id": "h", "name": "测试", "jurisdiction": ["cn"],
                                         "adopts": ADOPTS_ALL}},
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
