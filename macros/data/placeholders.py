"""The TODO placeholder that `python -m macros scaffold` writes, and finding it in a loaded file.

In a field that needs an ID, a number, a period, a source or one of a fixed
list of values TODO is itself a validation error; a TODO left in a free-text
field passes the schema, so every load looks for it here.
"""

from __future__ import annotations

from .messages import Problem, format_loc

PLACEHOLDER = "TODO"
PLACEHOLDER_MESSAGE = (
    "未記入です。TODO を出典（報告書など）にもとづく値に置き換えてください（任意の項目なら行ごと削除できます）"
)


def _placeholders(data, loc: tuple = ()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholders(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _placeholders(value, loc + (index,))
    elif isinstance(data, str) and data.strip() == PLACEHOLDER:
        yield loc


def placeholder_problems(source) -> list[Problem]:
    """A problem for every TODO left in a loaded file (source: a LoadedYaml)."""
    return [
        Problem(source.path, source.line_of(loc), format_loc(loc), PLACEHOLDER_MESSAGE)
        for loc in _placeholders(source.data)
    ]
