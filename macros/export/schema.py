"""Export the pydantic models as JSON Schema files for editors (VS Code YAML)."""

from __future__ import annotations

import json

from ..data.load import DATA_DIR
from ..data.models import Case, GlossaryFile, MetricFile, RegionFile, SourceFile, ThemeFile

SCHEMA_DIR = DATA_DIR / "schema"
SCHEMAS = {
    "case.schema.json": Case,
    "themes.schema.json": ThemeFile,
    "glossary.schema.json": GlossaryFile,
    "metrics.schema.json": MetricFile,
    "sources.schema.json": SourceFile,
    "regions.schema.json": RegionFile,
}


def render(model) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(check: bool = False) -> list[str]:
    """Write every schema; with check, write nothing and return the stale names."""
    stale = []
    for name, model in SCHEMAS.items():
        path = SCHEMA_DIR / name
        text = render(model)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check:
                SCHEMA_DIR.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale
