"""JSON Lines input: one JSON object of records per line; a bad line is an error at its line."""

from __future__ import annotations

import json
from pathlib import Path

from governance_rules import check_paths

SEATS = [{"person": p, "name": p, "sector": s,
          "terms": [{"start": "2021-12-25", "end": "2024-12-24", "obtained_by": "nomination"}]}
         for p, s in zip("abcdefgh", ["party_organisation", "residents_committee",
                                      "supervision_committee", "grid_workers", "residents", "women",
                                      "units", "backbone"], strict=True)]


def test_json_lines_dossier(tmp_path: Path) -> None:
    (tmp_path / "community.yaml").write_text(
        "community: {id: c, name: 社区, jurisdiction: [cn],\n"
        "            adopts: [HLS-356, SQ-SIFANG, RD-TOWNSHIP]}\n", encoding="utf-8")
    (tmp_path / "cc.json").write_text(json.dumps({"body": {
        "id": "cc", "kind": "consultation_committee", "name": "协商委员会", "seats": SEATS}}),
        encoding="utf-8")
    meeting = {"id": "m1", "body": "cc", "date": "2022-03-15", "present": list("abcdefgh"),
               "motions": [{"id": "t", "title": "停车", "outcome": "adopted",
                            "votes": {"yes": 6, "no": 2}}]}
    lines = [
        json.dumps({"meeting": {**meeting, "id": "m0", "motions": []}}, ensure_ascii=False),
        "",
        '{"meeting": {"id": "broken",',
        json.dumps({"meeting": {**meeting, "date": "2022-02-30"}}),
        json.dumps({"meeting": meeting}, ensure_ascii=False),
    ]
    (tmp_path / "meetings.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check_paths([tmp_path], base=tmp_path)
    errors = {(e.file, e.line, e.type) for e in report.input_errors}
    assert errors == {("meetings.jsonl", 3, "json_syntax"), ("meetings.jsonl", 4, "value_error")}
    [finding] = [f for f in report.findings if f.rule_id == "cc-consent-80"]
    assert (finding.record.file, finding.record.line) == ("meetings.jsonl", 5)
    assert finding.record.id == "m1/t"


def test_an_empty_json_lines_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "community.yaml").write_text(
        "community: {id: c, name: 社区, jurisdiction: [cn],\n"
        "            adopts: [HLS-356, SQ-SIFANG, RD-TOWNSHIP]}\n", encoding="utf-8")
    (tmp_path / "m.jsonl").write_text("\n\n", encoding="utf-8")
    [error] = check_paths([tmp_path], base=tmp_path).input_errors
    assert (error.file, error.type) == ("m.jsonl", "empty_file")


def test_bad_lines_count_against_the_file_s_values() -> None:
    """A file of lines each failing at its end was scanned whole (16 MB: 20 s a file), since
    only good lines' values counted against the file's 500,000: the bad ones count too."""
    from governance_rules.records._parse import MAX_NODES, parse_record_lines

    line = '{"meeting": [' + "1," * 1000 + "x]}\n"
    raw = (line * (MAX_NODES // 1000 + 50)).encode()
    errors = [e for e in parse_record_lines(raw, "bad.jsonl") if not isinstance(e, tuple)]
    assert errors[-1].type == "too_many_nodes"
    assert len(errors) <= MAX_NODES // 1000 + 2


def test_the_file_s_value_limit_says_reading_stops_at_the_line() -> None:
    """The limit's Chinese said the other lines were read as usual; reading stops there."""
    from governance_rules.records._parse import _too_many_nodes
    from governance_rules.records.loader import _of_the_line

    said = _of_the_line(_too_many_nodes("a.jsonl", 9)).text("zh")
    assert said.endswith("自此行起未读取") and "其余各行照常读取" not in said, said
