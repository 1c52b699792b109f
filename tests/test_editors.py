"""docs/editors.md: the record schema, the yaml-language-server modeline and the `$schema` key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import yaml
from _helpers import EXAMPLES
from test_cli import run
from test_examples import expected


def test_modeline_and_schema_key_are_accepted(tmp_path: Path) -> None:
    schema_text = run("schema", "records").stdout
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "governance-records.schema.json").write_text(schema_text)
    schema = json.loads(schema_text)
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    meeting = tmp_path / "records" / "meetings" / "2022-04.yaml"
    meeting.write_text("# yaml-language-server: $schema=../../schemas/governance-records.schema.json\n"
                       + meeting.read_text(encoding="utf-8"), encoding="utf-8")
    data = yaml.safe_load((tmp_path / "records" / "community.yaml").read_text(encoding="utf-8"))
    (tmp_path / "records" / "community.yaml").unlink()
    (tmp_path / "records" / "community.json").write_text(json.dumps(
        {"$schema": "../schemas/governance-records.schema.json", **data}, ensure_ascii=False))
    jsonschema.validate(json.loads((tmp_path / "records" / "community.json").read_text()), schema)
    result = run("check", "records", "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert report["input_errors"] == []
    assert report["summary"]["total"] == len(expected(EXAMPLES / "haliang-3"))


def test_the_schema_catches_what_editors_should_flag() -> None:
    schema = json.loads(run("schema", "records").stdout)
    validator = jsonschema.validators.validator_for(schema)(schema)
    bad = {"meeting": {"id": "m", "body": "b", "date": "2022-03-15", "presnt": []}}
    assert any("presnt" in e.message for e in validator.iter_errors(bad))
