"""The checked-in JSON Schema must match the pydantic models."""

import json

from macros.export import schema as schema_export


def test_checked_in_schemas_are_current():
    stale = schema_export.write_schemas(check=True)
    assert not stale, f"stale JSON Schema {stale}: run `python -m macros schema`"


def test_stale_schema_is_detected(tmp_path, monkeypatch):
    monkeypatch.setattr(schema_export, "SCHEMA_DIR", tmp_path)
    assert set(schema_export.write_schemas(check=True)) == set(schema_export.SCHEMAS)
    schema_export.write_schemas()
    assert schema_export.write_schemas(check=True) == []
    (tmp_path / "case.schema.json").write_text("{}", encoding="utf-8")
    assert schema_export.write_schemas(check=True) == ["case.schema.json"]


def test_schema_carries_descriptions_and_enums():
    schema = json.loads(schema_export.render(schema_export.SCHEMAS["case.schema.json"]))
    assert schema["additionalProperties"] is False
    assert "description" in schema["properties"]["summary"]
    legal = schema["$defs"]["LegalForm"]["properties"]["form"]
    assert "有限会社" in legal["enum"]
