"""Read, validate and model the YAML under data/. Imports nothing else of the project."""
