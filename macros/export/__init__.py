"""The open-data downloads (CSV, XLSX, JSON, datapackage.json) and the JSON Schema files."""
