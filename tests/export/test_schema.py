"""The checked-in JSON Schema must match the pydantic models."""

import json

import pytest

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


def test_editors_know_both_forms_of_a_citation():
    """事例5（2） and {id: 出典ID, at: 箇所} are both offered and checked wherever a fact has a source."""
    import jsonschema

    schema = json.loads(schema_export.render(schema_export.SCHEMAS["case.schema.json"]))
    forms = schema["$defs"]["Figure"]["properties"]["source"]["oneOf"]
    assert forms[0]["type"] == "string" and forms[0]["pattern"].startswith("^(事例")
    assert forms[1] == {"$ref": "#/$defs/SourceCite"}
    assert schema["$defs"]["SourceCite"]["required"] == ["id", "at"]
    status = schema["properties"]["status"]["anyOf"][0]["$ref"].rsplit("/", 1)[1]
    assert schema["$defs"][status]["properties"]["source"]["oneOf"] == forms
    figure = {"$ref": "#/$defs/Figure", "$defs": schema["$defs"]}
    base = {"id": "x", "metric": "sales", "label": "売上高", "value": 1, "unit": "JPY", "period": "2003"}
    for source in ("事例5（2）", {"id": "fictional-book-2010", "at": "p. 45"}):
        jsonschema.validate(dict(base, source=source), figure, cls=jsonschema.Draft202012Validator)
    for source in ("事例5(2)", {"id": "fictional-book-2010"}, {"id": "x", "at": "p. 45", "page": 3}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(dict(base, source=source), figure, cls=jsonschema.Draft202012Validator)
