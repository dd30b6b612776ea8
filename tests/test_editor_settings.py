"""The editor settings (.vscode/): each data file is checked against the JSON Schema that describes it."""

from __future__ import annotations

import json

import jsonschema

from macros.data.yaml_source import load_yaml
from tests.conftest import ROOT

SETTINGS = ROOT / ".vscode"


def test_every_data_file_is_mapped_to_a_schema_it_validates_against():
    """What the YAML extension does with yaml.schemas: the files each pattern matches are checked by its schema."""
    mapping = json.loads((SETTINGS / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    checked: dict = {}
    for schema_path, patterns in mapping.items():
        schema = json.loads((ROOT / schema_path).read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        for pattern in patterns:
            paths = sorted(ROOT.glob(pattern))
            assert paths, pattern
            for path in paths:
                checked.setdefault(path.relative_to(ROOT).as_posix(), []).append(schema_path)
                errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(load_yaml(path).data)]
                assert not errors, (path, schema_path, errors[:3])
    data_files = {path.relative_to(ROOT).as_posix() for path in (ROOT / "data").rglob("*.yaml")}
    assert set(checked) == data_files  # every data file, and nothing else
    assert all(len(schemas) == 1 for schemas in checked.values()), checked  # each by one schema


def test_the_yaml_extension_is_recommended():
    # Read from the file: only VS Code acts on its recommendations.
    extensions = json.loads((SETTINGS / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
